"""claims read from text: the earlier figure a text states and the characters that state it

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("previous_value", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("span_start", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("span_end", sa.Integer(), nullable=True))
    op.create_index("claims_source", "claims", ["source_id"])


def downgrade() -> None:
    op.drop_index("claims_source", "claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("span_end")
        batch.drop_column("span_start")
        batch.drop_column("previous_value")
