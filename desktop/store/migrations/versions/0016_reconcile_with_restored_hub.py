"""reconciling with an office hub restored from a backup: the records whose versions count in
the hub's old change log, and that old log while the reconciliation runs

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reconcile_record",
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("entity_id", sa.String(), nullable=False),
        sa.Column("copy_seq", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("entity", "entity_id"),
    )
    with op.batch_alter_table("sync_state") as batch_op:
        batch_op.add_column(
            sa.Column("reconcile_log", sa.String(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch_op:
        batch_op.drop_column("reconcile_log")
    op.drop_table("reconcile_record")
