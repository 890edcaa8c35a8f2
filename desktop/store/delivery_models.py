"""Tables of letters delivered between offices through the central server (migration 0009).

- ``delivery``: one letter of one office delivered to another office (a synced record). On the
  sender's PCs it is made when a letter is addressed to an office of the server's directory
  (state "menunggu") and follows the server (terkirim, diterima, dibaca). On the recipient's
  PCs it arrives with the letter's details and its signed PDF (``pdf_hash``), and is
  registered as an incoming letter (``incoming_letter_id``). ``check_*`` columns are this PC's
  own verdict on the PDF's signatures (never synced); ``problem`` is the server's last refusal
  to send it (never synced either: each PC asks again at its next sync).
- ``office_directory``: the server's list of offices, cached here so that a letter can be
  addressed offline (not synced as records: fetched whole at each sync).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from desktop.store import clock
from desktop.store.ids import uuid7


class Delivery(SQLModel, table=True):
    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    version: int = 0
    deleted_at: datetime | None = None
    created_at: datetime = Field(default_factory=clock.now)
    updated_at: datetime = Field(default_factory=clock.now)
    letter_id: str = Field(index=True)  # the sender's letter (not a row here on the recipient)
    sender_office_id: str = Field(index=True)
    sender_office_name: str = ""
    recipient_office_id: str = Field(index=True)
    recipient_office_name: str = ""
    state: str = Field(default="menunggu", index=True)
    number: str = ""
    letter_date: date | None = None
    hal: str = ""
    sifat: str = "Biasa"
    urgency: str = "Biasa"
    classification_code: str = ""
    signers: str = ""
    pdf_hash: str | None = None
    sent_at: datetime | None = None
    received_at: datetime | None = None
    read_at: datetime | None = None
    incoming_letter_id: str | None = Field(default=None, index=True)
    # Local only.
    problem: str = ""
    check_sha256: str = ""  # the PDF the verdict below is about
    check_valid: bool | None = None
    check_text: str = ""


class OfficeDirectoryEntry(SQLModel, table=True):
    __tablename__ = "office_directory"

    id: str = Field(primary_key=True, max_length=36)
    code: str = ""
    name: str = Field(default="", index=True)
    fetched_at: datetime = Field(default_factory=clock.now)
