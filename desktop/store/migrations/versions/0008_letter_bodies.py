"""letter bodies in their own table, so that list queries read narrow letter rows

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# The letter row held the body HTML and its text: on a big archive every list query that reads
# a row (a date range, a search hit) walked its overflow pages. The body now lives in
# letter_body; the full-text index reads the letter's searchable columns and the body's text
# through a view, and triggers on both tables keep it in step (each 'delete' names exactly the
# values that were indexed, whichever table a statement changed).
_COLUMNS = "number, hal, addressees_text, body_text"
_BODY = "(SELECT body_text FROM letter_body WHERE letter_id = {key})"
_OLD_TRIGGERS = ("letter_fts_ai", "letter_fts_au", "letter_fts_ad")
_NEW_TRIGGERS = (
    *_OLD_TRIGGERS, "letter_body_fts_ai", "letter_body_fts_au", "letter_body_fts_ad",
)  # fmt: skip


def _fts(op_: str, seq: str, number: str, hal: str, addressees: str, body: str) -> str:
    command = "'delete', " if op_ == "delete" else ""
    head = "letter_fts, " if op_ == "delete" else ""
    return (
        f"INSERT INTO letter_fts({head}rowid, {_COLUMNS}) "
        f"VALUES ({command}{seq}, {number}, {hal}, {addressees}, {body});"
    )


def _letter_values(row: str) -> tuple[str, str, str, str]:
    return f"{row}.seq", f"{row}.number", f"{row}.hal", f"{row}.addressees_text"


def _of_letter(key: str) -> tuple[str, str, str, str]:
    # The letter's own columns, looked up from a letter_body trigger.
    return tuple(  # type: ignore[return-value]
        f"(SELECT {c} FROM letter WHERE id = {key})"
        for c in ("seq", "number", "hal", "addressees_text")
    )


def create_triggers() -> None:
    body_new, body_old = _BODY.format(key="new.id"), _BODY.format(key="old.id")
    op.execute(
        "CREATE TRIGGER letter_fts_ai AFTER INSERT ON letter BEGIN "
        + _fts("insert", *_letter_values("new"), f"coalesce({body_new}, '')")
        + " END"
    )
    op.execute(
        "CREATE TRIGGER letter_fts_au AFTER UPDATE OF number, hal, addressees_text ON letter BEGIN "
        + _fts("delete", *_letter_values("old"), f"coalesce({body_old}, '')")
        + _fts("insert", *_letter_values("new"), f"coalesce({body_new}, '')")
        + " END"
    )
    op.execute(
        "CREATE TRIGGER letter_fts_ad AFTER DELETE ON letter BEGIN "
        + _fts("delete", *_letter_values("old"), f"coalesce({body_old}, '')")
        + " END"
    )
    new_l, old_l = _of_letter("new.letter_id"), _of_letter("old.letter_id")
    op.execute(
        "CREATE TRIGGER letter_body_fts_ai AFTER INSERT ON letter_body "
        "WHEN EXISTS (SELECT 1 FROM letter WHERE id = new.letter_id) BEGIN "
        + _fts("delete", *new_l, "''")
        + _fts("insert", *new_l, "new.body_text")
        + " END"
    )
    op.execute(
        "CREATE TRIGGER letter_body_fts_au AFTER UPDATE OF body_text ON letter_body "
        "WHEN EXISTS (SELECT 1 FROM letter WHERE id = new.letter_id) BEGIN "
        + _fts("delete", *old_l, "old.body_text")
        + _fts("insert", *new_l, "new.body_text")
        + " END"
    )
    op.execute(
        "CREATE TRIGGER letter_body_fts_ad AFTER DELETE ON letter_body "
        "WHEN EXISTS (SELECT 1 FROM letter WHERE id = old.letter_id) BEGIN "
        + _fts("delete", *old_l, "old.body_text")
        + _fts("insert", *old_l, "''")
        + " END"
    )


# Surat Keluar over a date range: every column its conditions and its sort read, so that the
# count and the page's keys come from the index alone (queries.py names it).
DATE_INDEX = (
    "ix_out_date",
    ["letter_date", "status", "deleted_at", "sifat", "drafter_id", "signer_id", "id", "updated_at"],
)


def upgrade() -> None:
    for trigger in _OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.create_table(
        "letter_body",
        sa.Column("letter_id", sa.String(length=36), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["letter_id"], ["letter.id"]),
        sa.PrimaryKeyConstraint("letter_id"),
    )
    op.execute(
        "INSERT INTO letter_body (letter_id, body_html, body_text) "
        "SELECT id, body_html, body_text FROM letter ORDER BY seq"
    )
    # The indexed text is unchanged, only where it is read from: the index is made again over a
    # view of both tables (FTS5 reads its content to rebuild, or to return columns).
    op.execute(
        "CREATE VIEW letter_fts_source AS SELECT letter.seq AS seq, letter.number AS number, "
        "letter.hal AS hal, letter.addressees_text AS addressees_text, "
        "coalesce(letter_body.body_text, '') AS body_text "
        "FROM letter LEFT JOIN letter_body ON letter_body.letter_id = letter.id"
    )
    op.execute("DROP TABLE letter_fts")
    op.execute(
        f"CREATE VIRTUAL TABLE letter_fts USING fts5({_COLUMNS}, content='letter_fts_source', "
        "content_rowid='seq', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute("INSERT INTO letter_fts(letter_fts) VALUES ('rebuild')")
    # SQLite >= 3.35 drops a column in place (the rows are rewritten without it).
    op.execute("ALTER TABLE letter DROP COLUMN body_html")
    op.execute("ALTER TABLE letter DROP COLUMN body_text")
    create_triggers()
    op.create_index(DATE_INDEX[0], "letter", DATE_INDEX[1])
    op.execute("ANALYZE letter")
    op.execute("ANALYZE letter_body")


def downgrade() -> None:
    op.drop_index(DATE_INDEX[0], table_name="letter")
    for trigger in _NEW_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("ALTER TABLE letter ADD COLUMN body_html TEXT NOT NULL DEFAULT ''")
    op.execute("ALTER TABLE letter ADD COLUMN body_text TEXT NOT NULL DEFAULT ''")
    op.execute(
        "UPDATE letter SET body_html = b.body_html, body_text = b.body_text "
        "FROM letter_body AS b WHERE b.letter_id = letter.id"
    )
    op.execute("DROP TABLE letter_fts")
    op.execute("DROP VIEW letter_fts_source")
    op.drop_table("letter_body")
    op.execute(
        f"CREATE VIRTUAL TABLE letter_fts USING fts5({_COLUMNS}, content='letter', "
        "content_rowid='seq', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute("INSERT INTO letter_fts(letter_fts) VALUES ('rebuild')")
    values = ", ".join(f"new.{c.strip()}" for c in _COLUMNS.split(","))
    old = ", ".join(f"old.{c.strip()}" for c in _COLUMNS.split(","))
    op.execute(
        "CREATE TRIGGER letter_fts_ai AFTER INSERT ON letter BEGIN "
        f"INSERT INTO letter_fts(rowid, {_COLUMNS}) VALUES (new.seq, {values}); END"
    )
    op.execute(
        "CREATE TRIGGER letter_fts_au AFTER UPDATE OF number, hal, addressees_text, body_text "
        "ON letter BEGIN "
        f"INSERT INTO letter_fts(letter_fts, rowid, {_COLUMNS}) VALUES ('delete', old.seq, {old}); "
        f"INSERT INTO letter_fts(rowid, {_COLUMNS}) VALUES (new.seq, {values}); END"
    )
    op.execute(
        "CREATE TRIGGER letter_fts_ad AFTER DELETE ON letter BEGIN "
        f"INSERT INTO letter_fts(letter_fts, rowid, {_COLUMNS}) "
        f"VALUES ('delete', old.seq, {old}); END"
    )
