"""a PC's administrator may ask the server for more numbers before going offline for long: the
request waits in sync_state until a sync answer has granted it; the newest answer applied, which
lets the server prune the acks it carried

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state") as batch_op:
        batch_op.add_column(
            sa.Column("lease_reserve", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("answered_seq", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch_op:
        batch_op.drop_column("answered_seq")
        batch_op.drop_column("lease_reserve")
