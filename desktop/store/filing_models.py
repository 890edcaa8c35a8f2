"""Tables of the archive: files (berkas), the letters filed in them, and the office's own
retention rules (migration 0010).

All are synced records: a UUIDv7 ``id`` (a retention rule's id is ``jra-<code>``, so that two
PCs that set the same code's rule change one record), the server ``version``, a ``deleted_at``
tombstone.

- ``berkas``: one file of one classification code and one year, with its retention state:
  ``aktif`` (in the office), ``inaktif`` (moved to the inactive archive), ``selesai`` (its final
  fate carried out: destroyed, handed over, or reviewed; ``finished_as`` says which).
- ``berkas_item``: one letter (incoming or outgoing) filed in a berkas, with the letter's date,
  number, subject and correspondent copied when filed (the index prints them, and retention
  counts from the newest letter's date, even before the letter itself has synced).
- ``retention_rule``: the office's override of the shipped retention schedule for one code (or
  the figures for a code the schedule leaves empty); it survives upgrades of the shipped list.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

from desktop.store import clock
from desktop.store.ids import uuid7


class Berkas(SQLModel, table=True):
    __tablename__ = "berkas"
    __table_args__ = (Index("ix_berkas_code_year", "classification_code", "year"),)
    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    version: int = 0
    deleted_at: datetime | None = None
    created_at: datetime = Field(default_factory=clock.now)
    updated_at: datetime = Field(default_factory=clock.now)
    classification_code: str
    year: int
    title: str
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    created_by: str = Field(foreign_key="person.id")
    state: str = "aktif"  # "aktif", "inaktif", "selesai"
    transferred_on: date | None = None  # moved to the inactive archive
    finished_on: date | None = None
    finished_as: str = ""  # "musnah", "permanen" or "dinilai_kembali" once finished


class BerkasItem(SQLModel, table=True):
    __tablename__ = "berkas_item"
    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    version: int = 0
    deleted_at: datetime | None = None
    updated_at: datetime = Field(default_factory=clock.now)
    berkas_id: str = Field(foreign_key="berkas.id", index=True)
    letter_kind: str  # "masuk" or "keluar"
    letter_id: str = Field(index=True)
    letter_date: date
    letter_number: str = ""
    hal: str = ""
    correspondent: str = ""  # the sender of an incoming letter, the addressees of an outgoing one
    filed_at: datetime = Field(default_factory=clock.now)
    filed_by: str = Field(foreign_key="person.id")


class RetentionRule(SQLModel, table=True):
    __tablename__ = "retention_rule"
    id: str = Field(primary_key=True, max_length=36)  # "jra-<code>"
    version: int = 0
    deleted_at: datetime | None = None
    updated_at: datetime = Field(default_factory=clock.now)
    code: str = Field(index=True)
    active_years: int | None = None
    inactive_years: int | None = None
    final_fate: str = ""  # "musnah", "permanen", "dinilai_kembali" or "" (not set)
    note: str = ""
    updated_by: str = Field(foreign_key="person.id")
