"""incoming letters (agenda surat masuk): senders with aliases, scans, thread links,
dispositions with follow-up notes and the standard instructions; a full-text index over
incoming letters

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_STR = sqlmodel.sql.sqltypes.AutoString
_TIME = sqlmodel.sql.sqltypes.UTCDateTime

# The standard instructions of a lembar disposisi, with fixed ids so that every PC of an office
# seeds the same rows (sync then sees one record each, never duplicates). The administrator may
# rename, reorder, retire or add to them.
STANDARD_INSTRUCTIONS = (
    ("std-01", "Tanggapan dan saran"),
    ("std-02", "Proses lebih lanjut"),
    ("std-03", "Koordinasikan/konfirmasikan"),
    ("std-04", "Untuk diketahui"),
    ("std-05", "Untuk ditindaklanjuti"),
    ("std-06", "Siapkan jawaban"),
    ("std-07", "Hadiri/wakili"),
    ("std-08", "Arsipkan"),
)

# Surat Masuk's indexes: one per sortable column, one covering the list's conditions
# (incoming_models.py explains them); written out here so that a later change of the model does
# not change this migration.
INCOMING_VISIBILITY = ("deleted_at", "state", "sifat", "registered_by", "addressed_to_id", "id")
INCOMING_SORTS = ("received_date", "agenda_number", "sender_name", "hal", "sifat", "updated_at")

# External-content full-text index over incoming letters, its rowid the local key ``seq``.
_FTS_COLUMNS = "agenda_number, sender_name, sender_number, hal"


def _values(prefix: str) -> str:
    return ", ".join(f"{prefix}.{c.strip()}" for c in _FTS_COLUMNS.split(","))


def upgrade() -> None:
    op.create_table(
        "disposition_instruction",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", _TIME(), nullable=True),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.Column("text", _STR(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sender",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", _TIME(), nullable=True),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.Column("name", _STR(), nullable=False),
        sa.Column("place", _STR(), nullable=False),
        sa.Column("aliases_json", sa.Text(), nullable=False),
        sa.Column("search_text", _STR(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_sender_name"), "sender", ["name"], unique=False)
    op.create_table(
        "incoming_letter",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", _TIME(), nullable=True),
        sa.Column("created_at", _TIME(), nullable=False),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.Column("agenda_number", _STR(), nullable=False),
        sa.Column("agenda_year", sa.Integer(), nullable=False),
        sa.Column("number_id", _STR(), nullable=True),
        sa.Column("channel", _STR(), nullable=False),
        sa.Column("sender_id", _STR(), nullable=True),
        sa.Column("sender_name", _STR(), nullable=False),
        sa.Column("sender_number", _STR(), nullable=False),
        sa.Column("sender_date", sa.Date(), nullable=True),
        sa.Column("received_date", sa.Date(), nullable=False),
        sa.Column("hal", _STR(), nullable=False),
        sa.Column("sifat", _STR(), nullable=False),
        sa.Column("urgency", _STR(), nullable=False),
        sa.Column("classification_code", _STR(), nullable=False),
        sa.Column("note", _STR(), nullable=False),
        sa.Column("registered_by", _STR(), nullable=False),
        sa.Column("addressed_to_id", _STR(), nullable=True),
        sa.Column("state", _STR(), nullable=False),
        sa.Column("duplicate_of_id", _STR(), nullable=True),
        sa.Column("source_letter_id", _STR(), nullable=True),
        sa.ForeignKeyConstraint(
            ["addressed_to_id"],
            ["person.id"],
        ),
        sa.ForeignKeyConstraint(
            ["registered_by"],
            ["person.id"],
        ),
        sa.ForeignKeyConstraint(
            ["sender_id"],
            ["sender.id"],
        ),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("id"),
    )
    op.create_index(
        op.f("ix_incoming_letter_addressed_to_id"),
        "incoming_letter",
        ["addressed_to_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_incoming_letter_classification_code"),
        "incoming_letter",
        ["classification_code"],
        unique=False,
    )
    op.create_index(
        op.f("ix_incoming_letter_sender_id"), "incoming_letter", ["sender_id"], unique=False
    )
    op.create_index(
        "ix_incoming_sender_number", "incoming_letter", ["sender_id", "sender_number"], unique=False
    )
    op.create_index("ix_in_visible", "incoming_letter", list(INCOMING_VISIBILITY), unique=False)
    for column in INCOMING_SORTS:
        op.create_index(f"ix_in_{column}", "incoming_letter", [column], unique=False)
    op.create_table(
        "letter_link",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", _TIME(), nullable=True),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.Column("from_kind", _STR(), nullable=False),
        sa.Column("from_id", _STR(), nullable=False),
        sa.Column("to_kind", _STR(), nullable=False),
        sa.Column("to_id", _STR(), nullable=False),
        sa.Column("relation", _STR(), nullable=False),
        sa.Column("created_by", _STR(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["person.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_letter_link_from_id"), "letter_link", ["from_id"], unique=False)
    op.create_index(op.f("ix_letter_link_to_id"), "letter_link", ["to_id"], unique=False)
    op.create_table(
        "disposition",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", _TIME(), nullable=True),
        sa.Column("created_at", _TIME(), nullable=False),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.Column("incoming_id", _STR(), nullable=False),
        sa.Column("parent_id", _STR(), nullable=True),
        sa.Column("from_id", _STR(), nullable=False),
        sa.Column("to_id", _STR(), nullable=False),
        sa.Column("to_jabatan", _STR(), nullable=False),
        sa.Column("instructions_json", sa.Text(), nullable=False),
        sa.Column("instruction_text", _STR(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("state", _STR(), nullable=False),
        sa.Column("read_at", _TIME(), nullable=True),
        sa.Column("done_at", _TIME(), nullable=True),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("reply_letter_id", _STR(), nullable=True),
        sa.Column("cancelled_at", _TIME(), nullable=True),
        sa.ForeignKeyConstraint(
            ["from_id"],
            ["person.id"],
        ),
        sa.ForeignKeyConstraint(
            ["incoming_id"],
            ["incoming_letter.id"],
        ),
        sa.ForeignKeyConstraint(
            ["to_id"],
            ["person.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_disposition_due_date"), "disposition", ["due_date"], unique=False)
    op.create_index(op.f("ix_disposition_from_id"), "disposition", ["from_id"], unique=False)
    op.create_index(
        op.f("ix_disposition_incoming_id"), "disposition", ["incoming_id"], unique=False
    )
    op.create_index(op.f("ix_disposition_parent_id"), "disposition", ["parent_id"], unique=False)
    op.create_index(
        "ix_disposition_to_state_due", "disposition", ["to_id", "state", "due_date"], unique=False
    )
    op.create_table(
        "incoming_scan",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", _TIME(), nullable=True),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.Column("incoming_id", _STR(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sha256", _STR(length=64), nullable=False),
        sa.Column("filename", _STR(), nullable=False),
        sa.Column("media_type", _STR(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incoming_id"],
            ["incoming_letter.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_incoming_scan_incoming_id"), "incoming_scan", ["incoming_id"], unique=False
    )
    op.create_index(op.f("ix_incoming_scan_sha256"), "incoming_scan", ["sha256"], unique=False)
    op.create_table(
        "disposition_note",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", _TIME(), nullable=True),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.Column("disposition_id", _STR(), nullable=False),
        sa.Column("author_id", _STR(), nullable=False),
        sa.Column("at", _TIME(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["person.id"],
        ),
        sa.ForeignKeyConstraint(
            ["disposition_id"],
            ["disposition.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_disposition_note_disposition_id"),
        "disposition_note",
        ["disposition_id"],
        unique=False,
    )

    op.execute("ANALYZE")
    op.execute(
        f"CREATE VIRTUAL TABLE incoming_fts USING fts5({_FTS_COLUMNS}, "
        "content='incoming_letter', content_rowid='seq', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER incoming_fts_ai AFTER INSERT ON incoming_letter BEGIN "
        f"INSERT INTO incoming_fts(rowid, {_FTS_COLUMNS}) VALUES (new.seq, {_values('new')}); END"
    )
    op.execute(
        f"CREATE TRIGGER incoming_fts_au AFTER UPDATE OF {_FTS_COLUMNS} ON incoming_letter BEGIN "
        f"INSERT INTO incoming_fts(incoming_fts, rowid, {_FTS_COLUMNS}) "
        f"VALUES ('delete', old.seq, {_values('old')}); "
        f"INSERT INTO incoming_fts(rowid, {_FTS_COLUMNS}) VALUES (new.seq, {_values('new')}); END"
    )
    op.execute(
        "CREATE TRIGGER incoming_fts_ad AFTER DELETE ON incoming_letter BEGIN "
        f"INSERT INTO incoming_fts(incoming_fts, rowid, {_FTS_COLUMNS}) "
        f"VALUES ('delete', old.seq, {_values('old')}); END"
    )
    instructions = sa.table(
        "disposition_instruction",
        sa.column("id", sa.String()),
        sa.column("version", sa.Integer()),
        sa.column("updated_at", sa.String()),
        sa.column("text", sa.String()),
        sa.column("position", sa.Integer()),
        sa.column("active", sa.Boolean()),
    )
    op.bulk_insert(
        instructions,
        [
            {
                "id": key,
                "version": 0,
                "updated_at": "2026-01-01 00:00:00.000000",
                "text": text,
                "position": i + 1,
                "active": True,
            }
            for i, (key, text) in enumerate(STANDARD_INSTRUCTIONS)
        ],
    )


def downgrade() -> None:
    for trigger in ("incoming_fts_ai", "incoming_fts_au", "incoming_fts_ad"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS incoming_fts")
    for table in (
        "disposition_note", "incoming_scan", "disposition", "letter_link", "incoming_letter",
        "sender", "disposition_instruction",
    ):  # fmt: skip
        op.drop_table(table)
