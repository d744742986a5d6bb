"""initial register schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("claimant", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("qualifier", sa.String(length=16), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=True),
        sa.Column("low", sa.BigInteger(), nullable=True),
        sa.Column("high", sa.BigInteger(), nullable=True),
        sa.Column("as_of", sa.String(length=10), nullable=False),
        sa.Column("party", sa.Text(), nullable=False),
        sa.Column("grp", sa.Text(), nullable=False),
        sa.Column("period_start", sa.String(length=10), nullable=False),
        sa.Column("period_end", sa.String(length=10), nullable=False),
        sa.Column("revises", sa.Integer(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "journal",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_table(
        "persons",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("merged_into", sa.Integer(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "records",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("script", sa.String(length=16), nullable=False),
        sa.Column("full_name", sa.Text(), nullable=False),
        sa.Column("surname", sa.Text(), nullable=False),
        sa.Column("given_name", sa.Text(), nullable=False),
        sa.Column("patronymic", sa.Text(), nullable=False),
        sa.Column("sex", sa.Text(), nullable=False),
        sa.Column("birth_date", sa.Text(), nullable=False),
        sa.Column("birth_place", sa.Text(), nullable=False),
        sa.Column("age", sa.Text(), nullable=False),
        sa.Column("rank", sa.Text(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("service_number", sa.Text(), nullable=False),
        sa.Column("national_id", sa.Text(), nullable=False),
        sa.Column("home_place", sa.Text(), nullable=False),
        sa.Column("region", sa.Text(), nullable=False),
        sa.Column("party", sa.Text(), nullable=False),
        sa.Column("status_words", sa.Text(), nullable=False),
        sa.Column("event_date", sa.Text(), nullable=False),
        sa.Column("event_place", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("contact", sa.Text(), nullable=False),
        sa.Column("medical", sa.Text(), nullable=False),
        sa.Column("reporter", sa.Text(), nullable=False),
        sa.Column("event_lo", sa.Integer(), nullable=False),
        sa.Column("event_hi", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("extra", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_id", "row_no"),
    )
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.create_index(
            "records_national_id",
            ["national_id", "person_id"],
            unique=False,
            sqlite_where=sa.text("national_id != ''"),
            postgresql_where=sa.text("national_id != ''"),
        )
        batch_op.create_index("records_person", ["person_id"], unique=False)
        batch_op.create_index(
            "records_service_number",
            ["service_number", "person_id"],
            unique=False,
            sqlite_where=sa.text("service_number != ''"),
            postgresql_where=sa.text("service_number != ''"),
        )

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "source_chunks",
        sa.Column("source_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("n", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("source_id", "n"),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("publisher", sa.Text(), nullable=False),
        sa.Column("published", sa.String(length=10), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("revises", sa.Integer(), nullable=True),
        sa.Column("options", sa.Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256"),
    )
    op.create_table(
        "status_events",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("effective", sa.String(length=10), nullable=False),
        sa.Column("learned_on", sa.String(length=10), nullable=False),
        sa.Column("evidence", sa.String(length=32), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("corrects", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("status_events", schema=None) as batch_op:
        batch_op.create_index("status_events_person", ["person_id"], unique=False)

    op.create_table(
        "status_spans",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("valid_from", sa.Integer(), nullable=False),
        sa.Column("valid_to", sa.Integer(), nullable=False),
        sa.Column("known_from", sa.Integer(), nullable=False),
        sa.Column("known_to", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("party", sa.Text(), nullable=False),
        sa.Column("region", sa.Text(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
    )
    with op.batch_alter_table("status_spans", schema=None) as batch_op:
        batch_op.create_index("status_spans_person", ["person_id"], unique=False)
        batch_op.create_index("status_spans_status", ["status", "known_from"], unique=False)

    op.create_table(
        "toll_cells",
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("party", sa.Text(), nullable=False),
        sa.Column("region", sa.Text(), nullable=False),
        sa.Column("month", sa.Text(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Integer(), nullable=False),
        sa.Column("valid_to", sa.Integer(), nullable=False),
        sa.Column("known_from", sa.Integer(), nullable=False),
        sa.Column("known_to", sa.Integer(), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.UniqueConstraint(
            "status",
            "party",
            "region",
            "month",
            "day",
            "valid_from",
            "valid_to",
            "known_from",
            "known_to",
            name="toll_cells_key",
        ),
    )


def downgrade() -> None:
    op.drop_table("toll_cells")
    with op.batch_alter_table("status_spans", schema=None) as batch_op:
        batch_op.drop_index("status_spans_status")
        batch_op.drop_index("status_spans_person")

    op.drop_table("status_spans")
    with op.batch_alter_table("status_events", schema=None) as batch_op:
        batch_op.drop_index("status_events_person")

    op.drop_table("status_events")
    op.drop_table("sources")
    op.drop_table("source_chunks")
    op.drop_table("settings")
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.drop_index(
            "records_service_number",
            sqlite_where=sa.text("service_number != ''"),
            postgresql_where=sa.text("service_number != ''"),
        )
        batch_op.drop_index("records_person")
        batch_op.drop_index(
            "records_national_id",
            sqlite_where=sa.text("national_id != ''"),
            postgresql_where=sa.text("national_id != ''"),
        )

    op.drop_table("records")
    op.drop_table("persons")
    op.drop_table("journal")
    op.drop_table("decisions")
    op.drop_table("claims")
