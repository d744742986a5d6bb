"""Bulk inserts at the driver's speed: executemany on SQLite, COPY on PostgreSQL.

Imports write millions of rows; SQLAlchemy's per-row parameter handling would cost more
than the database itself, so rows go to the driver as plain tuples in column order.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence

from sqlalchemy import Connection, Table

_LOOKUP_CHUNK = 500
CHUNK = 500


def chunks(ids: Collection[int]) -> Iterator[list[int]]:
    """Ids in ascending order, a chunk at a time: small enough for any `IN (...)` list."""
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def bulk_insert(
    connection: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[tuple[object, ...]],
    constants: Mapping[str, str | int] | None = None,
) -> None:
    """Insert rows (tuples in `columns` order) into `table` within the current transaction.

    `constants` are columns with one value for every row: SQLite gets them as literals in
    the statement, which saves binding them row by row; COPY needs them in each row.
    """
    if not rows:
        return
    constants = constants or {}
    names = ", ".join([*columns, *constants])
    if connection.dialect.name == "postgresql":
        tail = tuple(constants.values())
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor, cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row + tail if tail else row)
        return
    values = ", ".join(["?"] * len(columns) + [_literal(v) for v in constants.values()])
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({values})", list(rows))


def _literal(value: str | int) -> str:
    """A SQLite literal of a text (NUL characters included) or an integer."""
    if isinstance(value, int):
        return str(value)
    quoted = value.replace("'", "''").replace("\x00", "' || char(0) || '")
    return f"('{quoted}')"


def first_person_with(
    connection: Connection, column: str, values: Sequence[str]
) -> Iterator[tuple[str, int]]:
    """(value, lowest person id) for each value some record carries in `column`.

    Sent to the driver as plain SQL: an import asks this for thousands of values a batch,
    where building each statement through SQLAlchemy would cost more than the look-up.
    """
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    for start in range(0, len(values), _LOOKUP_CHUNK):
        chunk = tuple(values[start : start + _LOOKUP_CHUNK])
        marks = ", ".join([mark] * len(chunk))
        statement = (
            f"SELECT {column}, MIN(person_id) FROM records "
            f"WHERE {column} != '' AND {column} IN ({marks}) GROUP BY {column}"
        )
        rows = connection.exec_driver_sql(statement, chunk)
        yield from ((str(value), int(person_id)) for value, person_id in rows)
