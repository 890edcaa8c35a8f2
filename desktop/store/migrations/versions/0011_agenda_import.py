"""imported agenda books and hand-off to SRIKANDI: the import batch of an incoming letter (one
undoable import), the reference a national system gave a letter

Revision ID: 0011
Revises: 0008
"""

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_STR = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    # Plain ADD COLUMN (no table copy): the full-text triggers on both tables stay as they are.
    op.add_column("incoming_letter", sa.Column("import_batch_id", _STR(length=36), nullable=True))
    op.add_column(
        "incoming_letter",
        sa.Column("external_ref", _STR(), nullable=False, server_default=""),
    )
    op.create_index("ix_incoming_letter_import_batch_id", "incoming_letter", ["import_batch_id"])
    op.add_column("letter", sa.Column("srikandi_ref", _STR(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("letter") as batch_op:
        batch_op.drop_column("srikandi_ref")
    op.drop_index("ix_incoming_letter_import_batch_id", table_name="incoming_letter")
    with op.batch_alter_table("incoming_letter") as batch_op:
        batch_op.drop_column("external_ref")
        batch_op.drop_column("import_batch_id")
