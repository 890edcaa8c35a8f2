"""sync requests carry a per-device number so the server applies none out of order; the
server's public key that signs bundle replies

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state") as batch_op:
        batch_op.add_column(
            sa.Column("request_seq", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("server_key", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch_op:
        batch_op.drop_column("server_key")
        batch_op.drop_column("request_seq")
