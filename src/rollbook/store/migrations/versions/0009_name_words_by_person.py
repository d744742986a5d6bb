"""the index of name words holds each record's person, and the index of each person's
status now covers what it is asked: a name search reads no record and no span

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

#: The open end of a span (model.status.OPEN), as the migration was written.
OPEN = 3652060


def _words(name: str, *key: str) -> None:
    columns: list[sa.Column[Any]] = [sa.Column("word", sa.Text(), nullable=False)]
    if "person_id" in key:
        columns.append(sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False))
    columns.append(sa.Column("record_id", sa.Integer(), autoincrement=False, nullable=False))
    op.create_table(name, *columns, sa.PrimaryKeyConstraint(*key),
                    sqlite_with_rowid="person_id" not in key)  # fmt: skip


def _replace_words(new: str) -> None:
    """The new table of words takes the old one's name (and, on PostgreSQL, its key's)."""
    op.drop_table("name_words")
    op.rename_table(new, "name_words")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER INDEX {new}_pkey RENAME TO name_words_pkey")


def _status_now(*columns: str) -> None:
    op.drop_index("status_spans_now", "status_spans")
    now = sa.text(f"valid_to = {OPEN} AND known_to = {OPEN}")
    op.create_index("status_spans_now", "status_spans", list(columns),
                    sqlite_where=now, postgresql_where=now)  # fmt: skip


def upgrade() -> None:
    _words("name_words_new", "word", "person_id", "record_id")
    op.execute(
        "INSERT INTO name_words_new (word, person_id, record_id)"
        " SELECT w.word, r.person_id, w.record_id FROM name_words w"
        " JOIN records r ON r.id = w.record_id ORDER BY w.word, r.person_id, w.record_id"
    )
    _replace_words("name_words_new")
    _status_now("person_id", "status", "valid_to", "known_to")


def downgrade() -> None:
    _words("name_words_old", "word", "record_id")
    op.execute(
        "INSERT INTO name_words_old (word, record_id) SELECT word, record_id FROM name_words"
    )
    _replace_words("name_words_old")
    _status_now("person_id", "status")
