"""Tables of the local store (SQLModel).

Every synced table carries a UUIDv7 ``id``, the server ``version`` it was last synced at (0 =
never synced) and a ``deleted_at`` tombstone. The schema itself is created by the Alembic
migrations in ``migrations/``; a test checks that these models and the migrations agree.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Integer, Text, UniqueConstraint
from sqlalchemy.orm import relationship
from sqlmodel import Field, Relationship, SQLModel

from desktop.store import clock
from desktop.store.ids import uuid7


class Synced(SQLModel):
    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    version: int = Field(default=0)
    deleted_at: datetime | None = Field(default=None)
    updated_at: datetime = Field(default_factory=clock.now)


class Office(Synced, table=True):
    kabupaten: str
    kecamatan: str
    place_name: str  # the town used in "Sukamaju, 3 Maret 2026"
    unit_code: str
    address: str
    phone: str = ""
    email: str = ""
    website: str = ""
    logo_hash: str | None = None
    paper_size: str = "F4"
    font_pt: float = 12.0
    margin_top_mm: float = 20.0
    margin_left_mm: float = 30.0
    margin_right_mm: float = 20.0
    margin_bottom_mm: float = 25.0
    number_pattern: str = "{kode}/{urut}/{unit}/{tahun}"
    number_padding: int = 3
    series_per_type: bool = False
    language: str = "id"


class Person(Synced, table=True):
    name: str
    nip: str = Field(index=True)
    pangkat: str = ""
    jabatan: str = ""
    username: str = Field(sa_column_kwargs={"unique": True})
    password_hash: str
    roles: str = ""  # comma-separated Role values
    active: bool = True
    failed_logins: int = 0
    locked_until: datetime | None = None


class Classification(SQLModel, table=True):
    code: str = Field(primary_key=True)
    title: str
    parent: str | None = Field(default=None, index=True)
    level: int
    source_count: int = 0
    retention_active_years: int | None = None
    retention_inactive_years: int | None = None
    final_fate: str | None = None  # "musnah" or "permanen"
    obsolete: bool = False  # Permendagri 78/2012 code, accepted on incoming letters only
    custom: bool = False  # added or corrected by the office administrator
    updated_at: datetime = Field(default_factory=clock.now)


_OUTGOING = (
    "status", "deleted_at", "sifat", "drafter_id", "signer_id", "id", "letter_type",
    "classification_code",
)  # fmt: skip
_OUT_SORT = (
    "updated_at", "number", "letter_date", "hal", "letter_type", "status", "classification_code",
)  # fmt: skip


class Letter(SQLModel, table=True):
    __table_args__ = (
        Index("ix_letter_status_holder", "status", "holder_id"),
        Index("ix_letter_drafter_status_updated", "drafter_id", "status", "updated_at"),
        Index("ix_letter_holder_status_updated", "holder_id", "status", "updated_at"),
        # Covering indexes for Surat Keluar (migration 0004 explains them).
        *(Index(f"ix_out_{c}", c, *(x for x in _OUTGOING if x != c)) for c in _OUT_SORT),
        # Surat Keluar over a date range (migration 0008).
        Index("ix_out_date", "letter_date", *_OUTGOING[:5], "id", "updated_at"),
    )
    # A local integer key: stable row id for the full-text index (VACUUM may renumber implicit
    # rowids) and cheap keyset paging. The UUID ``id`` is what syncs.
    seq: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    id: str = Field(default_factory=uuid7, max_length=36, sa_column_kwargs={"unique": True})
    version: int = 0
    deleted_at: datetime | None = None
    created_at: datetime = Field(default_factory=clock.now)
    updated_at: datetime = Field(default_factory=clock.now, index=True)

    letter_type: str = Field(index=True)
    status: str = Field(index=True)
    classification_code: str = Field(default="", index=True)
    sifat: str = "Biasa"
    urgency: str = "Biasa"
    lampiran: str = "-"
    hal: str = Field(default="", index=True)
    addressees_json: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    addressees_text: str = ""  # flattened for sorting and search
    tembusan_json: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    drafter_id: str = Field(foreign_key="person.id", index=True)
    signer_id: str | None = Field(default=None, foreign_key="person.id")
    signer_capacity: str = ""  # "", "a.n.", "Plt.", "Plh."
    signer_on_behalf_of: str = ""
    holder_id: str | None = Field(default=None, index=True)  # who must act next
    number: str = Field(default="", index=True)
    number_id: str | None = None
    letter_date: date | None = Field(default=None, index=True)
    signed_at: datetime | None = None
    signature_kind: str = ""  # sync.protocol.SignatureKind ("basah", "tte_internal", "tte_bsre")
    pdf_hash: str | None = Field(default=None, index=True)  # verification finds a PDF by it
    # The code in the QR address of an electronically signed letter ("<public_url>/v/<code>").
    verify_code: str = Field(default="", index=True)
    # When the server's document timestamp was added to the signed PDF (None: not yet).
    timestamped_at: datetime | None = None
    scan_hash: str | None = None
    revision_no: int = 0
    return_note: str = ""
    srikandi_ref: str = ""  # the reference SRIKANDI gave the letter at hand-off (0011)
    # The import of an outgoing agenda book this letter came from (0014): such a letter keeps
    # the book's number and has no issued number; None for every letter made in Naskah.
    import_batch_id: str | None = Field(default=None, max_length=36, index=True)
    # The body lives in its own table so that list queries read narrow rows (migration 0008);
    # loaded with the letter (one join) whenever a whole Letter is selected.
    body: LetterBody | None = Relationship(
        sa_relationship=relationship(
            "LetterBody", lazy="joined", uselist=False, cascade="all, delete-orphan"
        )
    )

    @property
    def body_html(self) -> str:
        return self.body.body_html if self.body is not None else ""

    @property
    def body_text(self) -> str:
        return self.body.body_text if self.body is not None else ""

    def set_body(self, html: str, text: str) -> None:
        """Give the letter this body (its own row in ``letter_body``, made when missing)."""
        if self.body is None:
            self.body = LetterBody(letter_id=self.id, body_html=html, body_text=text)
        else:
            if self.body.body_html != html:
                self.body.body_html = html
            if self.body.body_text != text:
                self.body.body_text = text


class LetterBody(SQLModel, table=True):
    """A letter's body: the editor's HTML and its plain text (what full-text search indexes).
    Travels as the ``body_html``/``body_text`` fields of the ``letter`` record."""

    __tablename__ = "letter_body"
    letter_id: str = Field(foreign_key="letter.id", primary_key=True, max_length=36)
    body_html: str = Field(default="", sa_column=Column(Text, nullable=False))
    body_text: str = Field(default="", sa_column=Column(Text, nullable=False))


class LetterRevision(SQLModel, table=True):
    __tablename__ = "letter_revision"
    # Not unique per letter: two PCs that edit the same draft offline both save "revision 3";
    # sync keeps both (migration 0003 dropped the old unique constraint).
    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    letter_id: str = Field(foreign_key="letter.id", index=True)
    revision_no: int
    author_id: str = Field(foreign_key="person.id")
    created_at: datetime = Field(default_factory=clock.now)
    snapshot_json: str = Field(sa_column=Column(Text, nullable=False))
    version: int = 0


class ReviewStep(Synced, table=True):
    __tablename__ = "review_step"
    __table_args__ = (Index("ix_review_step_letter_reviewer", "letter_id", "reviewer_id"),)
    letter_id: str = Field(foreign_key="letter.id", index=True)
    round: int
    position: int
    kind: str  # "paraf" or "sign"
    reviewer_id: str = Field(foreign_key="person.id", index=True)
    state: str = "pending"  # pending, initialled, returned, signed, superseded
    note: str = ""
    acted_at: datetime | None = None


class LetterSignature(Synced, table=True):
    """One electronic signature on a letter, in signing order (insert-only, synced)."""

    __tablename__ = "letter_signature"
    letter_id: str = Field(foreign_key="letter.id", index=True)
    position: int  # 1 for the first signer
    signer_id: str = Field(foreign_key="person.id")
    kind: str  # sync.protocol.SignatureKind
    signed_at: datetime
    signer_name: str
    signer_jabatan: str = ""
    cert_serial: str = ""  # lowercase hex
    cert_sha256: str = ""  # of the certificate's DER
    pdf_hash: str = Field(index=True)  # the signed PDF this signature produced


class NumberCounter(SQLModel, table=True):
    __tablename__ = "number_counter"
    series: str = Field(primary_key=True)
    year: int = Field(primary_key=True)
    last_seq: int = 0


class IssuedNumber(Synced, table=True):
    __tablename__ = "issued_number"
    __table_args__ = (UniqueConstraint("series", "year", "seq"),)
    series: str
    year: int
    seq: int
    text: str
    letter_id: str | None = Field(default=None, foreign_key="letter.id")
    issued_at: datetime = Field(default_factory=clock.now)
    issued_by: str = Field(foreign_key="person.id")
    voided_at: datetime | None = None
    void_reason: str = ""
    voided_by: str | None = None


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entry"
    seq: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    id: str = Field(default_factory=uuid7, max_length=36, sa_column_kwargs={"unique": True})
    at: datetime
    actor_id: str | None = None
    action: str
    entity: str
    entity_id: str
    detail_json: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    prev_hash: str
    hash: str


class Outbox(SQLModel, table=True):
    seq: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    mutation_id: str = Field(
        default_factory=uuid7, max_length=36, sa_column_kwargs={"unique": True}
    )
    entity: str
    entity_id: str
    op: str
    base_version: int
    payload_json: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=clock.now)


# Sync state tables, and the incoming letters with their dispositions, live in their own
# modules; importing them here registers them with the rest.
from desktop.store import access_models as _access_models  # noqa: E402, F401
from desktop.store import delivery_models as _delivery_models  # noqa: E402, F401
from desktop.store import filing_models as _filing_models  # noqa: E402, F401
from desktop.store import incoming_models as _incoming_models  # noqa: E402, F401
from desktop.store import sync_models as _sync_models  # noqa: E402, F401
