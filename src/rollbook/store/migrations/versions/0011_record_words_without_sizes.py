"""SQLite's full-text index of name words keeps no column sizes: a name search asks only
which records hold its words, never how long their keys are, and an import then writes no
size row per record

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_RECORD_WORDS = (
    "CREATE VIRTUAL TABLE record_words USING fts5(name_key, content='records', "
    "content_rowid='id', detail='none', {sizes}tokenize='unicode61 remove_diacritics 0')"
)


def _rebuild(sizes: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE record_words")
    op.execute(_RECORD_WORDS.format(sizes=sizes))
    op.execute("INSERT INTO record_words (record_words) VALUES ('rebuild')")


def upgrade() -> None:
    _rebuild("columnsize=0, ")


def downgrade() -> None:
    _rebuild("")
