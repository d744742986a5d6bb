"""missing-person cases

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "missing_cases",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("reported_by", sa.Text(), nullable=False),
        sa.Column("reported_on", sa.String(length=10), nullable=False),
        sa.Column("last_seen", sa.String(length=10), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("circumstances", sa.Text(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("family_contact", sa.Text(), nullable=False),
        sa.Column("ante_mortem", sa.Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("missing_cases_person", "missing_cases", ["person_id"])
    op.create_table(
        "case_steps",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=24), nullable=False),
        sa.Column("effective", sa.String(length=10), nullable=False),
        sa.Column("learned_on", sa.String(length=10), nullable=False),
        sa.Column("evidence", sa.String(length=32), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("confirmed_by", sa.Text(), nullable=True),
        sa.Column("confirmed_on", sa.String(length=10), nullable=True),
        sa.Column("status_event_id", sa.Integer(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("case_steps_case", "case_steps", ["case_id"])


def downgrade() -> None:
    op.drop_index("case_steps_case", "case_steps")
    op.drop_table("case_steps")
    op.drop_index("missing_cases_person", "missing_cases")
    op.drop_table("missing_cases")
