"""The index of name words: which records, and so which persons, hold a word in their name key.

Each engine keeps it the way it writes and reads it fastest. An import fills it from the
name keys it has just stored, in SQL, rather than sending the database a row per word:

* SQLite: a full-text index (FTS5, `record_words`) whose content is the records table. Its
  postings are appended as records are written, where a table keyed by word took a random
  B-tree insert per word; a search turns the records found into their persons through the
  small index `records_id_person`.
* PostgreSQL: the table `name_words` of (word, person, record), filled from the keys on
  the server. A word's bearers are read in person order from it without visiting a
  record, which a GIN index over the keys would (a heap visit per record); a merge or a
  split moves the words with the records.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Select, bindparam, column, exists, func, select, update
from sqlalchemy import table as table_clause
from sqlalchemy.exc import DatabaseError

from rollbook.model.names import indexed_words
from rollbook.store.bulk import chunks
from rollbook.store.schema import name_words, records

#: SQLite's full-text index of the records' name keys (made by migration 0010).
RECORD_WORDS = "record_words"

_fts = table_clause(RECORD_WORDS, column("rowid"), column(RECORD_WORDS))
# Each record's distinct words with its person, as `name_words` holds them (PostgreSQL).
_KEYED_WORDS = (
    "SELECT DISTINCT word, r.person_id, r.id FROM records r, "
    "unnest(string_to_array(r.name_key, ' ')) word WHERE word != ''"
)


def _sqlite(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"


def index_records(connection: Connection, first: int, last: int) -> None:
    """Add the words of the records with ids from `first` to `last` to the index."""
    if _sqlite(connection):
        connection.exec_driver_sql(
            f"INSERT INTO {RECORD_WORDS} (rowid, name_key) "
            "SELECT id, name_key FROM records WHERE id BETWEEN ? AND ?",
            (first, last),
        )
        return
    connection.exec_driver_sql(
        f"INSERT INTO name_words (word, person_id, record_id) {_KEYED_WORDS} "
        "AND r.id BETWEEN %s AND %s",
        (first, last),
    )


def move_words(connection: Connection, moves: dict[int, tuple[int, int]]) -> None:
    """Move the words of records to their new person: record id -> (old, new person).

    PostgreSQL's table holds each word's person; each entry is found by its whole key, the
    record's words read from its name key. SQLite's index holds records only."""
    if _sqlite(connection):
        return
    w = name_words.c
    moved = (
        update(name_words)
        .where(w.word == bindparam("w"), w.person_id == bindparam("old"),
               w.record_id == bindparam("record"))
        .values(person_id=bindparam("new"))
    )  # fmt: skip
    for chunk in chunks(moves):
        keyed = select(records.c.id, records.c.name_key).where(records.c.id.in_(chunk))
        rows = [
            {"w": word, "record": record_id, "old": moves[record_id][0], "new": moves[record_id][1]}
            for record_id, key in connection.execute(keyed)
            for word in indexed_words(key)
        ]
        if rows:
            connection.execute(moved, rows)


def bearers(connection: Connection, words: Sequence[str]) -> Select[Any]:
    """The persons with a record whose name key holds every word."""
    if _sqlite(connection):
        query = " AND ".join('"{}"'.format(word.replace('"', '""')) for word in words)
        found = select(_fts.c.rowid).where(_fts.c[RECORD_WORDS].match(query))
        return select(records.c.person_id).where(records.c.id.in_(found))
    # The rarest word's entries are read, and each kept if its record holds the others.
    w = name_words.c
    if len(words) > 1:
        counted = select(func.count()).select_from(name_words)
        counts = {word: connection.execute(counted.where(w.word == word)).scalar_one()
                  for word in words}  # fmt: skip
        words = sorted(words, key=counts.__getitem__)
    first = name_words.alias("bearer")
    bearing = select(first.c.person_id).where(first.c.word == words[0])
    for n, word in enumerate(words[1:]):
        other = name_words.alias(f"word_{n}")
        bearing = bearing.where(
            exists().where(other.c.word == word, other.c.person_id == first.c.person_id,
                           other.c.record_id == first.c.record_id)
        )  # fmt: skip
    return bearing


def index_problem(connection: Connection) -> str | None:
    """Why the index disagrees with the records' name keys and persons, if it does."""
    if _sqlite(connection):
        try:
            connection.exec_driver_sql(
                f"INSERT INTO {RECORD_WORDS} ({RECORD_WORDS}, rank) VALUES ('integrity-check', 1)"
            )
        except DatabaseError as error:
            return f"{RECORD_WORDS}: the index does not hold the records' name keys ({error.orig})"
        return None
    held = "SELECT word, person_id, record_id FROM name_words"
    differences = {
        "lacks": f"{_KEYED_WORDS} EXCEPT {held}",
        "has more than": f"{held} EXCEPT {_KEYED_WORDS}",
    }
    for how, rows in differences.items():
        count = connection.exec_driver_sql(f"SELECT count(*) FROM ({rows}) AS d").scalar_one()
        if count:
            return f"name_words: the index {how} the records' name words ({count} entries)"
    return None
