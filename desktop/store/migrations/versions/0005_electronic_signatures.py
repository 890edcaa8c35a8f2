"""electronic signatures: each letter's signatures, its verification code and timestamp; the
signers' certificates on this PC and the organisation's trust material

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_STR = sqlmodel.sql.sqltypes.AutoString
_TIME = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    with op.batch_alter_table("letter") as batch_op:
        batch_op.add_column(sa.Column("verify_code", _STR(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("timestamped_at", _TIME(), nullable=True))
        batch_op.create_index("ix_letter_verify_code", ["verify_code"])
        batch_op.create_index("ix_letter_pdf_hash", ["pdf_hash"])
    op.create_table(
        "letter_signature",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", _TIME(), nullable=True),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.Column("letter_id", _STR(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("signer_id", _STR(), nullable=False),
        sa.Column("kind", _STR(), nullable=False),
        sa.Column("signed_at", _TIME(), nullable=False),
        sa.Column("signer_name", _STR(), nullable=False),
        sa.Column("signer_jabatan", _STR(), nullable=False),
        sa.Column("cert_serial", _STR(), nullable=False),
        sa.Column("cert_sha256", _STR(), nullable=False),
        sa.Column("pdf_hash", _STR(), nullable=False),
        sa.ForeignKeyConstraint(["letter_id"], ["letter.id"]),
        sa.ForeignKeyConstraint(["signer_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_letter_signature_letter_id", "letter_signature", ["letter_id"])
    op.create_index("ix_letter_signature_pdf_hash", "letter_signature", ["pdf_hash"])
    op.create_table(
        "signer_credential",
        sa.Column("id", _STR(length=36), nullable=False),
        sa.Column("person_id", _STR(), nullable=False),
        sa.Column("csr_pem", sa.Text(), nullable=False),
        sa.Column("cert_pem", sa.Text(), nullable=False),
        sa.Column("chain_pem", sa.Text(), nullable=False),
        sa.Column("serial", _STR(), nullable=False),
        sa.Column("not_before", _TIME(), nullable=True),
        sa.Column("not_after", _TIME(), nullable=True),
        sa.Column("key_file", _STR(), nullable=False),
        sa.Column("pending_key_file", _STR(), nullable=False),
        sa.Column("created_at", _TIME(), nullable=False),
        sa.Column("replaced_at", _TIME(), nullable=True),
        sa.Column("error", _STR(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_signer_credential_person_id", "signer_credential", ["person_id"])
    op.create_table(
        "trust_material",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("root_pem", sa.Text(), nullable=False),
        sa.Column("tsa_pem", sa.Text(), nullable=False),
        sa.Column("crl_pem", sa.Text(), nullable=False),
        sa.Column("crl_number", sa.Integer(), nullable=False),
        sa.Column("public_url", _STR(), nullable=False),
        sa.Column("updated_at", _TIME(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("trust_material")
    op.drop_index("ix_signer_credential_person_id", table_name="signer_credential")
    op.drop_table("signer_credential")
    op.drop_index("ix_letter_signature_pdf_hash", table_name="letter_signature")
    op.drop_index("ix_letter_signature_letter_id", table_name="letter_signature")
    op.drop_table("letter_signature")
    with op.batch_alter_table("letter") as batch_op:
        batch_op.drop_index("ix_letter_pdf_hash")
        batch_op.drop_index("ix_letter_verify_code")
        batch_op.drop_column("timestamped_at")
        batch_op.drop_column("verify_code")
