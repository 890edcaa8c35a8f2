"""Tables of incoming letters (naskah masuk), their senders, scans, threads and dispositions.

All are synced records (migration 0007): a UUIDv7 ``id``, the server ``version``, a
``deleted_at`` tombstone. ``incoming_letter`` also has a local integer key ``seq`` for its
full-text index and stable paging, as ``letter`` has.

- ``sender``: the directory of offices and people letters come from, with aliases (other
  spellings a clerk may type: "Dinas PMD", "DPMD Kab.") kept as JSON text with a folded search
  text.
- ``incoming_letter``: one registered letter; its agenda number comes from the yearly incoming
  series (an ``issued_number`` row, ``series`` "masuk"), its scans are blobs.
- ``incoming_scan``: one scanned file of a letter, by blob hash, in order.
- ``letter_link``: a thread link between two letters (incoming or outgoing): a reply, a
  follow-up, a probable duplicate that the clerk linked.
- ``disposition``: one instruction from one person to one recipient about an incoming letter;
  a forward down the tree names its ``parent_id``.
- ``disposition_note``: a follow-up report on a disposition (insert-only).
- ``disposition_instruction``: the standard instructions the administrator may edit.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Integer, Text
from sqlmodel import Field, SQLModel

from desktop.store import clock
from desktop.store.ids import uuid7


class Sender(SQLModel, table=True):
    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    version: int = 0
    deleted_at: datetime | None = None
    updated_at: datetime = Field(default_factory=clock.now)
    name: str = Field(index=True)
    place: str = ""  # "di ..." of a reply's addressee
    aliases_json: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    search_text: str = ""  # name and aliases, folded to lower case, for the picker


# Surat Masuk is most of the register. A page sorted by a column walks that column's index,
# whose entries end in the local key ``seq`` (SQLite appends the rowid), which is exactly the
# list's ORDER BY (column, seq): no sort, and only the rows shown are read. A count walks
# ``ix_in_visible``, which holds every column the list's conditions read (the tombstone, the
# state, the access-by-sifat columns), so it never reads a row. ``incoming_queries`` uses them.
INCOMING_VISIBILITY = ("deleted_at", "state", "sifat", "registered_by", "addressed_to_id", "id")
INCOMING_SORTS = ("received_date", "agenda_number", "sender_name", "hal", "sifat", "updated_at")


class IncomingLetter(SQLModel, table=True):
    __tablename__ = "incoming_letter"
    __table_args__ = (
        Index("ix_incoming_sender_number", "sender_id", "sender_number"),
        Index("ix_in_visible", *INCOMING_VISIBILITY),
        *(Index(f"ix_in_{c}", c) for c in INCOMING_SORTS),
    )
    seq: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    id: str = Field(default_factory=uuid7, max_length=36, sa_column_kwargs={"unique": True})
    version: int = 0
    deleted_at: datetime | None = None
    created_at: datetime = Field(default_factory=clock.now)
    updated_at: datetime = Field(default_factory=clock.now)

    agenda_number: str = ""
    agenda_year: int = 0
    number_id: str | None = None  # the issued_number row of the agenda number
    channel: str = "kertas"
    sender_id: str | None = Field(default=None, foreign_key="sender.id", index=True)
    sender_name: str = ""  # as registered (the directory entry may be renamed later)
    sender_number: str = ""
    sender_date: date | None = None
    received_date: date
    hal: str = ""
    sifat: str = "Biasa"
    urgency: str = "Biasa"
    classification_code: str = Field(default="", index=True)
    note: str = ""
    registered_by: str = Field(foreign_key="person.id")
    addressed_to_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    # "baru" until its first disposition, then "didisposisi"; "diarsipkan" once filed.
    state: str = "baru"
    duplicate_of_id: str | None = None
    source_letter_id: str | None = None  # the sending office's letter, for deliveries
    # The agenda-book import that brought it (migration 0011): its number is the old book's,
    # outside the leased series (``number_id`` is None); "Batalkan impor" removes the batch.
    import_batch_id: str | None = Field(default=None, max_length=36, index=True)
    external_ref: str = ""  # the id a national system (SRIKANDI) gave the letter


class IncomingScan(SQLModel, table=True):
    __tablename__ = "incoming_scan"
    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    version: int = 0
    deleted_at: datetime | None = None
    updated_at: datetime = Field(default_factory=clock.now)
    incoming_id: str = Field(foreign_key="incoming_letter.id", index=True)
    position: int
    sha256: str = Field(index=True, max_length=64)
    filename: str = ""
    media_type: str  # application/pdf, image/png, image/jpeg
    pages: int = 1
    size: int = 0


class LetterLink(SQLModel, table=True):
    __tablename__ = "letter_link"
    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    version: int = 0
    deleted_at: datetime | None = None
    updated_at: datetime = Field(default_factory=clock.now)
    from_kind: str  # "masuk" or "keluar"
    from_id: str = Field(index=True)
    to_kind: str
    to_id: str = Field(index=True)
    relation: str  # "balasan", "tindak_lanjut", "duplikat"
    created_by: str = Field(foreign_key="person.id")


class Disposition(SQLModel, table=True):
    __table_args__ = (Index("ix_disposition_to_state_due", "to_id", "state", "due_date"),)
    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    version: int = 0
    deleted_at: datetime | None = None
    created_at: datetime = Field(default_factory=clock.now)
    updated_at: datetime = Field(default_factory=clock.now)
    incoming_id: str = Field(foreign_key="incoming_letter.id", index=True)
    parent_id: str | None = Field(default=None, index=True)
    from_id: str = Field(foreign_key="person.id", index=True)
    to_id: str = Field(foreign_key="person.id")
    to_jabatan: str = ""  # the recipient's position when it was written
    instructions_json: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    instruction_text: str = ""  # free text beside the ticked instructions
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    due_date: date | None = Field(default=None, index=True)
    # "dikirim" (sent, unread), "dibaca", "selesai", "dibatalkan"
    state: str = "dikirim"
    read_at: datetime | None = None
    done_at: datetime | None = None
    result: str = Field(default="", sa_column=Column(Text, nullable=False))
    reply_letter_id: str | None = None
    cancelled_at: datetime | None = None


class DispositionNote(SQLModel, table=True):
    __tablename__ = "disposition_note"
    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    version: int = 0
    deleted_at: datetime | None = None
    updated_at: datetime = Field(default_factory=clock.now)
    disposition_id: str = Field(foreign_key="disposition.id", index=True)
    author_id: str = Field(foreign_key="person.id")
    at: datetime = Field(default_factory=clock.now)
    text: str = Field(sa_column=Column(Text, nullable=False))


class DispositionInstruction(SQLModel, table=True):
    __tablename__ = "disposition_instruction"
    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    version: int = 0
    deleted_at: datetime | None = None
    updated_at: datetime = Field(default_factory=clock.now)
    text: str
    position: int = 0
    active: bool = True
