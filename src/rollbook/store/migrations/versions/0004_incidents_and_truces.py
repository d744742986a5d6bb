"""incidents, their reports, verification steps, spans, victims and review pairs; truces

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import SchemaItem

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _columns(*spec: tuple[str, sa.types.TypeEngine[Any], bool]) -> list[SchemaItem]:
    """Columns from (name, type, nullable), after the id and before the journal sequence."""
    return [
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        *[sa.Column(name, kind, nullable=nullable) for name, kind, nullable in spec],
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    ]


def upgrade() -> None:
    text, day, real = sa.Text(), sa.String(length=10), sa.Float()
    op.create_table(
        "incidents",
        *_columns(
            ("type", sa.String(length=24), False), ("time", sa.String(length=21), False),
            ("date_lo", day, False), ("date_hi", day, False), ("place", text, False),
            ("area", text, False), ("lat", real, False), ("lon", real, False),
            ("precision", sa.String(length=16), False), ("state", sa.String(length=16), False),
            ("learned_on", day, False), ("merged_into", sa.Integer(), True),
        ),
    )  # fmt: skip
    op.create_index("incidents_day", "incidents", ["date_lo"])
    op.create_table(
        "incident_reports",
        *_columns(
            ("incident_id", sa.Integer(), False), ("source_id", sa.Integer(), True),
            ("row_no", sa.Integer(), True), ("external_id", text, False),
            ("type", sa.String(length=24), False), ("time", sa.String(length=21), False),
            ("place", text, False), ("area", text, False), ("lat", real, False),
            ("lon", real, False), ("precision", sa.String(length=16), False),
            ("reported_by", text, False), ("reporting_party", text, False),
            ("perpetrator", text, False), ("target", text, False),
            ("fatalities_low", sa.Integer(), True), ("fatalities_best", sa.Integer(), True),
            ("fatalities_high", sa.Integer(), True), ("wounded", sa.Integer(), True),
            ("description", text, False), ("reporter", text, False), ("learned_on", day, False),
        ),
    )  # fmt: skip
    op.create_index("incident_reports_incident", "incident_reports", ["incident_id"])
    op.create_table(
        "incident_steps",
        *_columns(
            ("incident_id", sa.Integer(), False), ("state", sa.String(length=16), False),
            ("reason", text, False), ("learned_on", day, False), ("known_to", day, False),
            ("source_id", sa.Integer(), True), ("actor", text, False),
        ),
    )  # fmt: skip
    op.create_index("incident_steps_incident", "incident_steps", ["incident_id", "known_to"])
    op.create_table(
        "incident_spans",
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("parties", text, nullable=False),
        sa.Column("date_lo", day, nullable=False),
        sa.Column("date_hi", day, nullable=False),
        sa.Column("known_from", day, nullable=False),
        sa.Column("known_to", day, nullable=False),
    )
    op.create_index("incident_spans_incident", "incident_spans", ["incident_id", "known_to"])
    op.create_table(
        "incident_victims",
        *_columns(
            ("incident_id", sa.Integer(), False), ("person_id", sa.Integer(), False),
            ("harm", sa.String(length=16), False), ("source_id", sa.Integer(), True),
            ("learned_on", day, False),
        ),
    )  # fmt: skip
    op.create_index("incident_victims_incident", "incident_victims", ["incident_id"])
    op.create_table(
        "incident_pairs",
        *_columns(
            ("incident_a", sa.Integer(), False), ("incident_b", sa.Integer(), False),
            ("km", real, False), ("state", sa.String(length=16), False),
        ),
    )  # fmt: skip
    op.create_table(
        "truces",
        *_columns(
            ("name", text, False), ("parties", text, False), ("starts_on", day, False),
            ("ends_on", day, False), ("monitor", text, False), ("source_id", sa.Integer(), True),
        ),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("truces")
    op.drop_table("incident_pairs")
    op.drop_index("incident_spans_incident", "incident_spans")
    op.drop_table("incident_spans")
    op.drop_index("incident_victims_incident", "incident_victims")
    op.drop_table("incident_victims")
    op.drop_index("incident_steps_incident", "incident_steps")
    op.drop_table("incident_steps")
    op.drop_index("incident_reports_incident", "incident_reports")
    op.drop_table("incident_reports")
    op.drop_index("incidents_day", "incidents")
    op.drop_table("incidents")
