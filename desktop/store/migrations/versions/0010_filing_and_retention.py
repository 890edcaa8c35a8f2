"""filing and retention: files (berkas) by classification and year, the letters filed in them,
and the office's own retention rules (overrides of the shipped schedule)

Revision ID: 0010
Revises: 0008
"""

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_STR = sqlmodel.sql.sqltypes.AutoString
_TIME = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "berkas",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", _TIME(), nullable=True),
        sa.Column("created_at", _TIME(), nullable=False),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.Column("classification_code", _STR(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("title", _STR(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", _STR(), nullable=False),
        sa.Column("state", _STR(), nullable=False),
        sa.Column("transferred_on", sa.Date(), nullable=True),
        sa.Column("finished_on", sa.Date(), nullable=True),
        sa.Column("finished_as", _STR(), nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_berkas_code_year", "berkas", ["classification_code", "year"])
    op.create_table(
        "berkas_item",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", _TIME(), nullable=True),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.Column("berkas_id", _STR(), nullable=False),
        sa.Column("letter_kind", _STR(), nullable=False),
        sa.Column("letter_id", _STR(), nullable=False),
        sa.Column("letter_date", sa.Date(), nullable=False),
        sa.Column("letter_number", _STR(), nullable=False),
        sa.Column("hal", _STR(), nullable=False),
        sa.Column("correspondent", _STR(), nullable=False),
        sa.Column("filed_at", _TIME(), nullable=False),
        sa.Column("filed_by", _STR(), nullable=False),
        sa.ForeignKeyConstraint(["berkas_id"], ["berkas.id"]),
        sa.ForeignKeyConstraint(["filed_by"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_berkas_item_berkas_id", "berkas_item", ["berkas_id"])
    op.create_index("ix_berkas_item_letter_id", "berkas_item", ["letter_id"])
    op.create_table(
        "retention_rule",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", _TIME(), nullable=True),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.Column("code", _STR(), nullable=False),
        sa.Column("active_years", sa.Integer(), nullable=True),
        sa.Column("inactive_years", sa.Integer(), nullable=True),
        sa.Column("final_fate", _STR(), nullable=False),
        sa.Column("note", _STR(), nullable=False),
        sa.Column("updated_by", _STR(), nullable=False),
        sa.ForeignKeyConstraint(["updated_by"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_retention_rule_code", "retention_rule", ["code"])


def downgrade() -> None:
    op.drop_table("retention_rule")
    op.drop_table("berkas_item")
    op.drop_table("berkas")
