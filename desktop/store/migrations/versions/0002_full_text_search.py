"""full-text search over letters (FTS5 external content), kept in step by triggers

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# External-content index over the letter table: number, hal, addressees and body text. Its rowid
# is letter.seq, an explicit INTEGER PRIMARY KEY, so VACUUM cannot desynchronise the two.
_COLUMNS = "number, hal, addressees_text, body_text"


def _values(prefix: str) -> str:
    return ", ".join(f"{prefix}.{c.strip()}" for c in _COLUMNS.split(","))


def upgrade() -> None:
    op.execute(
        f"CREATE VIRTUAL TABLE letter_fts USING fts5({_COLUMNS}, content='letter', "
        "content_rowid='seq', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER letter_fts_ai AFTER INSERT ON letter BEGIN "
        f"INSERT INTO letter_fts(rowid, {_COLUMNS}) VALUES (new.seq, {_values('new')}); END"
    )
    op.execute(
        "CREATE TRIGGER letter_fts_au AFTER UPDATE OF number, hal, addressees_text, body_text "
        "ON letter BEGIN "
        f"INSERT INTO letter_fts(letter_fts, rowid, {_COLUMNS}) "
        f"VALUES ('delete', old.seq, {_values('old')}); "
        f"INSERT INTO letter_fts(rowid, {_COLUMNS}) VALUES (new.seq, {_values('new')}); END"
    )
    op.execute(
        "CREATE TRIGGER letter_fts_ad AFTER DELETE ON letter BEGIN "
        f"INSERT INTO letter_fts(letter_fts, rowid, {_COLUMNS}) "
        f"VALUES ('delete', old.seq, {_values('old')}); END"
    )
    op.execute("INSERT INTO letter_fts(letter_fts) VALUES ('rebuild')")


def downgrade() -> None:
    for trigger in ("letter_fts_ai", "letter_fts_au", "letter_fts_ad"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS letter_fts")
