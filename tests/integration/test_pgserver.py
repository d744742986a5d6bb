"""The PostgreSQL fixtures of tests/pgserver.py work against a real server."""

from __future__ import annotations

from collections.abc import Callable

import psycopg

from pgserver import libpq_url, temporary_database


def _database_name(url: str) -> str:
    with psycopg.connect(libpq_url(url)) as conn:
        row = conn.execute("SELECT current_database()").fetchone()
    assert row is not None
    name: str = row[0]
    return name


def test_table_round_trip(postgresql_url: str) -> None:
    assert postgresql_url.startswith("postgresql+psycopg://")
    with psycopg.connect(libpq_url(postgresql_url)) as conn:
        conn.execute("CREATE TABLE person (id integer PRIMARY KEY, name text NOT NULL)")
        conn.execute(
            "INSERT INTO person (id, name) VALUES (%s, %s), (%s, %s)",
            (1, "Ана Петровић", 2, "Omar Haddad"),
        )
        conn.commit()
    with psycopg.connect(libpq_url(postgresql_url)) as conn:
        rows = conn.execute("SELECT id, name FROM person ORDER BY id").fetchall()
    assert rows == [(1, "Ана Петровић"), (2, "Omar Haddad")]


def test_each_test_database_is_separate(
    postgresql_url: str, postgresql_url_factory: Callable[[], str]
) -> None:
    other_url = postgresql_url_factory()
    assert other_url != postgresql_url
    assert _database_name(other_url) != _database_name(postgresql_url)

    with psycopg.connect(libpq_url(postgresql_url)) as conn:
        conn.execute("CREATE TABLE only_here (x integer)")
    with psycopg.connect(libpq_url(other_url)) as conn:
        row = conn.execute("SELECT to_regclass('only_here')").fetchone()
    assert row == (None,)


def test_database_is_dropped_even_while_in_use(postgresql_server: str) -> None:
    with temporary_database(postgresql_server) as url:
        name = _database_name(url)
        lingering = psycopg.connect(libpq_url(url))
    try:
        with psycopg.connect(libpq_url(postgresql_server)) as conn:
            row = conn.execute("SELECT count(*) FROM pg_database WHERE datname = %s", (name,))
            assert row.fetchone() == (0,)
    finally:
        lingering.close()
