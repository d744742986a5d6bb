"""The register's database: where it is, which schema it has, and one writer at a time.

Every write is one transaction that appends one journal entry. Writers are serialised
(SQLite's `BEGIN IMMEDIATE`, a PostgreSQL advisory lock), so identifiers are handed out
in journal order and a replay of the journal hands out the same ones.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from rollbook.store import migrations
from rollbook.store.journal import last_seq
from rollbook.store.migrations import SchemaState
from rollbook.store.schema import journal

DEFAULT_PATH = "rollbook.db"
URL_VARIABLE = "ROLLBOOK_DATABASE_URL"
_WRITE = "rollbook_write"
_PG_LOCK_KEY = 7_220_204
#: Whether SQLite has the full-text index the register's name index is (a temporary table,
#: rolled back).
FTS5_PROBE = "CREATE VIRTUAL TABLE temp.probe USING fts5(x)"


class RegisterError(Exception):
    """A register that cannot be opened or written as asked."""


def database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for `--db`, else ROLLBOOK_DATABASE_URL, else ./rollbook.db.

    A plain path names a SQLite file; `postgresql://` URLs use the psycopg driver.
    """
    given = db or os.environ.get(URL_VARIABLE) or DEFAULT_PATH
    if "://" not in given:
        return f"sqlite:///{Path(given)}"
    url = make_url(given)
    if url.drivername in {"postgresql", "postgres"}:
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: object) -> None:
            dbapi_connection.isolation_level = None  # transactions are begun below
            cursor = dbapi_connection.cursor()
            # Takes effect only when the file is created: 16 KiB pages make a bulk import
            # about a quarter faster than the 4 KiB default (fewer, fuller B-tree pages).
            cursor.execute("PRAGMA page_size=16384")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=60000")
            cursor.execute(
                "PRAGMA cache_size=-262144"
            )  # 256 MiB: bulk index inserts stay in memory
            cursor.execute("PRAGMA temp_store=MEMORY")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(connection: Connection) -> None:
            writing = connection.get_execution_options().get(_WRITE, False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True)


@dataclass
class Write:
    """One journalled write in progress: its connection, sequence number and time."""

    connection: Connection
    seq: int
    at: dt.datetime
    actor: str
    action: str
    payload: dict[str, Any] = field(default_factory=dict)
    reason: str = ""

    @property
    def today(self) -> dt.date:
        return self.at.date()


class Register:
    """An opened register: the engine plus the journalled write path."""

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @classmethod
    def open(cls, db: str | None = None, *, check_schema: bool = True) -> Register:
        """Open an existing register, refusing one whose schema is not this version's."""
        url = database_url(db)
        engine = _make_engine(url)
        try:
            state = migrations.schema_state(engine)
        except OperationalError as error:
            engine.dispose()
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise RegisterError(f"cannot open {shown_url(url)}: {reason}") from None
        if check_schema and state is not SchemaState.CURRENT:
            engine.dispose()
            raise RegisterError(_SCHEMA_ADVICE[state].format(url=shown_url(url)))
        return cls(url, engine)

    @classmethod
    def create(cls, db: str | None = None) -> Register:
        """Create a register (or finish an empty database) at the newest schema."""
        register = cls.open(db, check_schema=False)
        state = migrations.schema_state(register.engine)
        if state is not SchemaState.EMPTY:
            register.close()
            raise RegisterError(f"{shown_url(register.url)} already holds a register ({state})")
        try:
            register.upgrade()
        except RegisterError:
            register.close()
            raise
        return register

    def upgrade(self) -> None:
        """Bring the register to this version's schema, refusing a SQLite library that lacks
        what the schema needs (its index of name words is an FTS5 full-text index)."""
        if self.dialect == "sqlite":
            try:
                with self.engine.connect() as connection:
                    connection.exec_driver_sql(FTS5_PROBE)
            except OperationalError:
                raise RegisterError(
                    f"cannot set up {shown_url(self.url)}: this Python's SQLite library was"
                    " built without FTS5, which the register's name index needs; use a Python"
                    " whose SQLite has it (python.org's and Debian's builds do)"
                ) from None
        migrations.upgrade(self.engine)

    def refresh_statistics(self) -> None:
        """Let the database's planner learn how the tables have grown (not register state,
        not journalled): after a large import, a name search looks persons up by the index
        of name words instead of reading every span. SQLite samples each index briefly.
        PostgreSQL also vacuums, marking the new rows visible to all, so that a search is
        answered from its indexes alone rather than by visiting a row for each entry."""
        if self.dialect == "sqlite":
            with self.engine.begin() as connection:
                connection.exec_driver_sql("PRAGMA analysis_limit=1000")
                connection.exec_driver_sql("ANALYZE")
            return
        with self.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT")
            connection.exec_driver_sql("VACUUM (ANALYZE)")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only view of one consistent state of the register."""
        with self.engine.connect() as connection, connection.begin():
            yield connection

    @contextmanager
    def write(
        self,
        action: str,
        payload: dict[str, Any],
        *,
        actor: str,
        reason: str = "",
        at: dt.datetime | None = None,
    ) -> Iterator[Write]:
        """One atomic, journalled write: all of it lands with its journal entry, or nothing."""
        connection = self.engine.connect().execution_options(**{_WRITE: True})
        try:
            with connection.begin():
                if self.dialect == "postgresql":
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_KEY})")
                seq = last_seq(connection)
                work = Write(
                    connection=connection,
                    seq=seq + 1,
                    at=at or dt.datetime.now(dt.UTC).replace(microsecond=0),
                    actor=actor,
                    action=action,
                    payload=dict(payload),
                    reason=reason,
                )
                yield work
                append_entry(connection, work)
        finally:
            connection.close()


def append_entry(connection: Connection, work: Write) -> None:
    """Append the journal entry of a write."""
    connection.execute(
        insert(journal).values(
            seq=work.seq,
            at=work.at.isoformat(),
            actor=work.actor,
            action=work.action,
            payload=json.dumps(work.payload, ensure_ascii=False, sort_keys=True),
            reason=work.reason,
        )
    )


def shown_url(url: str) -> str:
    """A register's URL fit to print: a SQLite file as its path, passwords hidden."""
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    return make_url(url).render_as_string(hide_password=True)


_SCHEMA_ADVICE = {
    SchemaState.EMPTY: "{url} is not a Rollbook register yet: run `rollbook init` first",
    SchemaState.OLDER: "{url} has an older schema: run `rollbook upgrade` to bring it up to date",
    SchemaState.NEWER: "{url} was written by a newer Rollbook: upgrade Rollbook to open it",
}
