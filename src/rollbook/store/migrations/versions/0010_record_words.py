"""SQLite keeps its index of name words as a full-text index over the records' name keys,
and indexes each record's person by the record's id for a name search to read

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

#: The records' name keys, split on spaces, without positions: a name search asks which
#: records hold words, never where.
_RECORD_WORDS = (
    "CREATE VIRTUAL TABLE record_words USING fts5(name_key, content='records', "
    "content_rowid='id', detail='none', tokenize='unicode61 remove_diacritics 0')"
)
#: Each record's distinct words with its person, as the table of 0009 holds them.
_KEYED_WORDS = (
    "SELECT DISTINCT word.value, r.person_id, r.id FROM records r, "
    "json_each('[\"' || replace(r.name_key, ' ', '\",\"') || '\"]') word "
    "WHERE word.value != ''"
)


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    if _sqlite():
        op.create_index("records_id_person", "records", ["id", "person_id"])
        op.drop_table("name_words")
        op.execute(_RECORD_WORDS)
        op.execute("INSERT INTO record_words (record_words) VALUES ('rebuild')")


def downgrade() -> None:
    if _sqlite():
        op.drop_index("records_id_person", "records")
        op.execute("DROP TABLE record_words")
        op.create_table(
            "name_words",
            sa.Column("word", sa.Text(), nullable=False),
            sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False),
            sa.Column("record_id", sa.Integer(), autoincrement=False, nullable=False),
            sa.PrimaryKeyConstraint("word", "person_id", "record_id"),
            sqlite_with_rowid=False,
        )
        op.execute(f"INSERT INTO name_words (word, person_id, record_id) {_KEYED_WORDS}")
