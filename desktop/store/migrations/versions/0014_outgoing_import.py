"""imported outgoing agenda books: the import batch of an outgoing letter (one undoable import
of a "buku agenda surat keluar"; its letters keep the book's numbers and claim no issued number)

Revision ID: 0014
Revises: 0011
"""

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0014"
down_revision = "0011"
branch_labels = None
depends_on = None

_STR = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    # Plain ADD COLUMN (no table copy): the full-text triggers on ``letter`` stay as they are.
    op.add_column("letter", sa.Column("import_batch_id", _STR(length=36), nullable=True))
    op.create_index("ix_letter_import_batch_id", "letter", ["import_batch_id"])


def downgrade() -> None:
    op.drop_index("ix_letter_import_batch_id", table_name="letter")
    with op.batch_alter_table("letter") as batch_op:
        batch_op.drop_column("import_batch_id")
