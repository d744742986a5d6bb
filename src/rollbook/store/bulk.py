"""Bulk inserts at the driver's speed: executemany on SQLite, COPY on PostgreSQL.

Imports write millions of rows; SQLAlchemy's per-row parameter handling would cost more
than the database itself, so rows go to the driver as plain tuples in column order.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Table


def bulk_insert(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple[object, ...]]
) -> None:
    """Insert rows (tuples in `columns` order) into `table` within the current transaction."""
    if not rows:
        return
    names = ", ".join(columns)
    if connection.dialect.name == "postgresql":
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor, cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" * len(columns))
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", list(rows))
