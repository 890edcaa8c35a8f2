"""indexes that serve each queue without reading the (large) letter rows

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Konsep/Dikembalikan filter by drafter and status and sort by last change; Perlu Paraf/Tanda
# Tangan by holder and status. Surat Keluar is most of the archive: its count and its pages walk
# covering indexes holding every column its conditions read (status, tombstone, the visibility
# columns, id for the reviewer check, type and code for the filters), one per sortable column,
# so a page never reads a letter row it will not show. queries.py names them.
OUTGOING_COLUMNS = [
    "status", "deleted_at", "sifat", "drafter_id", "signer_id", "id", "letter_type",
    "classification_code",
]  # fmt: skip
SORT_COLUMNS = [
    "updated_at", "number", "letter_date", "hal", "letter_type", "status", "classification_code",
]  # fmt: skip
INDEXES = [
    ("ix_letter_drafter_status_updated", "letter", ["drafter_id", "status", "updated_at"]),
    ("ix_letter_holder_status_updated", "letter", ["holder_id", "status", "updated_at"]),
    ("ix_review_step_letter_reviewer", "review_step", ["letter_id", "reviewer_id"]),
] + [(f"ix_out_{c}", "letter", [c, *(x for x in OUTGOING_COLUMNS if x != c)]) for c in SORT_COLUMNS]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    op.execute("ANALYZE")


def downgrade() -> None:
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
