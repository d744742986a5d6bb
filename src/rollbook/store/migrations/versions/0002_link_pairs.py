"""link pairs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_pairs",
        sa.Column("record_l", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("record_r", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("probability", sa.Float(), nullable=True),
        sa.Column("weights", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("record_l", "record_r"),
    )
    with op.batch_alter_table("link_pairs", schema=None) as batch_op:
        batch_op.create_index("link_pairs_right", ["record_r"], unique=False)
        batch_op.create_index("link_pairs_state", ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("link_pairs", schema=None) as batch_op:
        batch_op.drop_index("link_pairs_state")
        batch_op.drop_index("link_pairs_right")

    op.drop_table("link_pairs")
