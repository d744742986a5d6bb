"""The index of name words: which records hold a word in their name key.

The words are those of the stored name keys, so the database indexes them itself rather
than being sent a row per word. SQLite keeps a full-text index (FTS5) whose content is the
records table: an import adds its records' words with one statement, in C, where binding
four rows a record cost it more than writing the records. PostgreSQL keeps a GIN index on
the keys' words, which it maintains as records are written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    Select,
    Text,
    cast,
    column,
    literal_column,
    select,
)
from sqlalchemy import table as table_clause
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.exc import DatabaseError

from rollbook.store.schema import records

#: The index's name: SQLite's full-text table, PostgreSQL's index on records (both are
#: created by the migration 0010, the expression searched here is the one indexed there).
NAME_WORDS = "name_words"
_fts = table_clause(NAME_WORDS, column("rowid"), column(NAME_WORDS))
_key_words: ColumnElement[Any] = literal_column("string_to_array(records.name_key, ' ')")


def index_records(connection: Connection, first: int, last: int) -> None:
    """Add the words of the records with ids from `first` to `last` to the index (SQLite:
    PostgreSQL's index has them as soon as the records are written)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(
            f"INSERT INTO {NAME_WORDS} (rowid, name_key) "
            "SELECT id, name_key FROM records WHERE id BETWEEN ? AND ?",
            (first, last),
        )


def bearers(connection: Connection, words: Sequence[str]) -> Select[Any]:
    """The persons with a record whose name key holds every word."""
    if connection.dialect.name == "sqlite":
        query = " AND ".join('"{}"'.format(word.replace('"', '""')) for word in words)
        found = select(_fts.c.rowid).where(_fts.c[NAME_WORDS].match(query))
        return select(records.c.person_id).where(records.c.id.in_(found))
    wanted = cast(array(list(words)), ARRAY(Text))
    return select(records.c.person_id).where(_key_words.op("@>")(wanted))


def index_problem(connection: Connection) -> str | None:
    """Why the index disagrees with the records' name keys, if it does (SQLite's check of
    its full-text index against its content; PostgreSQL checks its own indexes)."""
    if connection.dialect.name != "sqlite":
        return None
    try:
        connection.exec_driver_sql(
            f"INSERT INTO {NAME_WORDS} ({NAME_WORDS}, rank) VALUES ('integrity-check', 1)"
        )
    except DatabaseError as error:
        return f"{NAME_WORDS}: the index does not hold the records' name keys ({error.orig})"
    return None
