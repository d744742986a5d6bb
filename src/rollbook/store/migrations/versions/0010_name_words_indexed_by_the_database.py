"""the index of name words is kept by the database from the records' name keys: a
full-text index on SQLite, a GIN index on PostgreSQL; each record's person is indexed by
the record's id for a search to read

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
#: records hold words, never where. The database keeps it as records are written.
_SQLITE_INDEX = (
    "CREATE VIRTUAL TABLE name_words USING fts5(name_key, content='records', "
    "content_rowid='id', detail='none', tokenize='unicode61 remove_diacritics 0')"
)
_POSTGRESQL_INDEX = (
    "CREATE INDEX name_words ON records USING gin ((string_to_array(name_key, ' ')))"
)
#: Each record's distinct words with its person, as the table of 0009 held them.
_WORDS = {
    "sqlite": (
        "SELECT DISTINCT word.value, r.person_id, r.id FROM records r, "
        "json_each('[\"' || replace(r.name_key, ' ', '\",\"') || '\"]') word "
        "WHERE word.value != ''"
    ),
    "postgresql": (
        "SELECT DISTINCT word, r.person_id, r.id FROM records r, "
        "unnest(string_to_array(r.name_key, ' ')) word WHERE word != ''"
    ),
}


def upgrade() -> None:
    op.drop_table("name_words")
    op.create_index("records_id_person", "records", ["id", "person_id"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute(_SQLITE_INDEX)
        op.execute("INSERT INTO name_words (name_words) VALUES ('rebuild')")
    else:
        op.execute(_POSTGRESQL_INDEX)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE name_words")
    else:
        op.drop_index("name_words", "records")
    op.drop_index("records_id_person", "records")
    op.create_table(
        "name_words",
        sa.Column("word", sa.Text(), nullable=False),
        sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("record_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("word", "person_id", "record_id"),
        sqlite_with_rowid=False,
    )
    op.execute(f"INSERT INTO name_words (word, person_id, record_id) {_WORDS[dialect]}")
