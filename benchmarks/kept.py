"""Registers a benchmark builds once and may keep: a SQLite file, or a PostgreSQL database
of a fixed name, reused by a later run only once it is checked to hold the whole plan."""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from report import drop_database, libpq, shown
from rollbook.store.database import Register, RegisterError

#: Builds the plan into an empty register, writing its files in a folder.
Build = Callable[[Register, Path], None]
#: Whether a register holds the whole plan.
Holds = Callable[[Register], bool]


@contextmanager
def sqlite_register(
    stem: str, keep: Path | None, build: Build, holds: Holds
) -> Iterator[tuple[Register, str]]:
    """The SQLite register of a plan named `stem` ("cases-10000-50000"): built in a
    temporary directory, or kept in (and reused from) `keep`. Yields it with its --db."""
    kind = stem.split("-")[0]
    if keep is None:
        with tempfile.TemporaryDirectory(prefix=f"rollbook-{kind}-") as folder:
            db = str(Path(folder) / f"{kind}.db")
            print(f"  building a fresh register in a temporary file, {db}")
            with Register.create(db) as register:
                build(register, Path(folder))
                yield register, db
        return
    keep.mkdir(parents=True, exist_ok=True)
    path = keep / f"{stem}.db"
    if path.exists():
        if _kept_holds(str(path), holds):
            print(f"  reusing the kept register {path}: build skipped (--keep)")
            with Register.open(str(path)) as register:
                yield register, str(path)
            return
        print(
            f"  {path} does not hold this plan (an interrupted build, or an older plan): rebuilding"
        )
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    print(f"  building the register {path}; kept for later runs (--keep)")
    with Register.create(str(path)) as register:
        build(register, keep)
        yield register, str(path)


@contextmanager
def postgresql_register(
    server: str, stem: str, keep: Path | None, build: Build, holds: Holds
) -> Iterator[tuple[Register, str]]:
    """The PostgreSQL register of a plan named `stem`, in a fresh database on `server`
    dropped at the end; with `keep`, in a database named after `stem`, kept and reused."""
    kind = stem.split("-")[0]
    name = f"rollbook_bench_{kind}_{uuid.uuid4().hex[:8]}"
    if keep is not None:
        name = "rollbook_bench_" + stem.replace("-", "_")
    url = libpq(server, name)
    if keep is not None and _database_exists(server, name):
        if _kept_holds(url, holds):
            print(f"  reusing the kept database {shown(url)}: build skipped (--keep)")
            with Register.open(url) as register:
                yield register, url
            return
        why = "an interrupted build, or an older plan"
        print(f"  {shown(url)} does not hold this plan ({why}): rebuilding")
        drop_database(server, name)
    _create_database(server, name)
    kept = "; kept for later runs (--keep)" if keep is not None else ", dropped at the end"
    print(f"  building the register in a fresh database {shown(url)}{kept}")
    try:
        with (
            tempfile.TemporaryDirectory(prefix=f"rollbook-{kind}-") as folder,
            Register.create(url) as register,
        ):
            build(register, Path(folder))
            yield register, url
    finally:
        if keep is None:
            drop_database(server, name)


def _kept_holds(db: str, holds: Holds) -> bool:
    """Whether the register kept at `db` opens at this schema and holds the whole plan."""
    try:
        with Register.open(db) as register:
            return holds(register)
    except RegisterError:
        return False


def _database_exists(server: str, name: str) -> bool:
    import psycopg

    with psycopg.connect(libpq(server), autocommit=True) as admin:
        found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        return found.fetchone() is not None


def _create_database(server: str, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(libpq(server), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
