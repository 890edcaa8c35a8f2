"""letters delivered between offices, the server's directory of offices, who uses this PC

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_STR = sqlmodel.sql.sqltypes.AutoString
_TIME = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "delivery",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", _TIME(), nullable=True),
        sa.Column("created_at", _TIME(), nullable=False),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.Column("letter_id", _STR(), nullable=False),
        sa.Column("sender_office_id", _STR(), nullable=False),
        sa.Column("sender_office_name", _STR(), nullable=False),
        sa.Column("recipient_office_id", _STR(), nullable=False),
        sa.Column("recipient_office_name", _STR(), nullable=False),
        sa.Column("state", _STR(), nullable=False),
        sa.Column("number", _STR(), nullable=False),
        sa.Column("letter_date", sa.Date(), nullable=True),
        sa.Column("hal", _STR(), nullable=False),
        sa.Column("sifat", _STR(), nullable=False),
        sa.Column("urgency", _STR(), nullable=False),
        sa.Column("classification_code", _STR(), nullable=False),
        sa.Column("signers", _STR(), nullable=False),
        sa.Column("pdf_hash", _STR(), nullable=True),
        sa.Column("sent_at", _TIME(), nullable=True),
        sa.Column("received_at", _TIME(), nullable=True),
        sa.Column("read_at", _TIME(), nullable=True),
        sa.Column("incoming_letter_id", _STR(), nullable=True),
        sa.Column("problem", _STR(), nullable=False),
        sa.Column("check_sha256", _STR(), nullable=False),
        sa.Column("check_valid", sa.Boolean(), nullable=True),
        sa.Column("check_text", _STR(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("letter_id", "sender_office_id", "recipient_office_id", "state",
                   "incoming_letter_id"):  # fmt: skip
        op.create_index(op.f(f"ix_delivery_{column}"), "delivery", [column], unique=False)
    op.create_table(
        "office_directory",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("code", _STR(), nullable=False),
        sa.Column("name", _STR(), nullable=False),
        sa.Column("fetched_at", _TIME(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_office_directory_name"), "office_directory", ["name"], unique=False)
    op.create_table(
        "pc_user",
        sa.Column("person_id", _STR(length=36), nullable=False),
        sa.Column("first_login_at", _TIME(), nullable=False),
        sa.PrimaryKeyConstraint("person_id"),
    )
    # Everyone who logged in here before this version used this PC too.
    op.execute(
        "INSERT INTO pc_user (person_id, first_login_at) "
        "SELECT actor_id, MIN(at) FROM audit_entry "
        "WHERE action = 'login' AND actor_id IS NOT NULL GROUP BY actor_id"
    )


def downgrade() -> None:
    op.drop_table("pc_user")
    op.drop_index(op.f("ix_office_directory_name"), table_name="office_directory")
    op.drop_table("office_directory")
    for column in ("letter_id", "sender_office_id", "recipient_office_id", "state",
                   "incoming_letter_id"):  # fmt: skip
        op.drop_index(op.f(f"ix_delivery_{column}"), table_name="delivery")
    op.drop_table("delivery")
