"""Pytest plugin: a real, throwaway PostgreSQL server and a fresh database per test.

Fixtures:

``postgresql_server`` (session)
    Base SQLAlchemy URL of a server, ``postgresql+psycopg://USER@127.0.0.1:PORT/postgres``.
    When ``ROLLBOOK_TEST_POSTGRESQL_URL`` is set, that server is used as it is. Otherwise a
    temporary cluster is created with ``initdb`` (found on ``PATH``, then in the newest
    ``/usr/lib/postgresql/*/bin``), started with ``pg_ctl`` on a free loopback port, and stopped
    and deleted when the session ends. As root, the server programs run as the ``postgres``
    system user, since PostgreSQL refuses to run as root.

``postgresql_url`` (function)
    SQLAlchemy URL of a new, uniquely named, empty database, dropped after the test.

``postgresql_url_factory`` (function)
    Call it for more databases within one test; all are dropped after the test.

Without PostgreSQL the tests that need it are skipped, unless ``ROLLBOOK_REQUIRE_SERVICES=1``
(set by CI), in which case they fail. Tests using these fixtures get the ``postgres`` marker,
so ``-m "not postgres"`` deselects them.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import re
import shutil
import socket
import stat
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import psycopg
import pytest
from psycopg import sql
from psycopg.rows import TupleRow
from sqlalchemy.engine import URL, make_url

URL_ENV = "ROLLBOOK_TEST_POSTGRESQL_URL"
REQUIRE_ENV = "ROLLBOOK_REQUIRE_SERVICES"
SUPERUSER = "postgres"
SERVER_ACCOUNT = "postgres"
DRIVER = "postgresql+psycopg"
DEBIAN_BIN_GLOB = "/usr/lib/postgresql/*/bin"

HOW_TO_GET_POSTGRESQL = (
    "install the PostgreSQL server (Debian/Ubuntu: `apt-get install postgresql`, which puts "
    "initdb and pg_ctl in /usr/lib/postgresql/VERSION/bin), or point "
    f"{URL_ENV} at a server, e.g. {URL_ENV}=postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)

_START_ATTEMPTS = 5
_PG_CTL_WAIT_SECONDS = 60
_READY_WAIT_SECONDS = 30.0
_LOG_TAIL_LINES = 40


class PostgresUnavailable(Exception):
    """No PostgreSQL server can be had on this machine (a reason to skip)."""


class PostgresServerError(Exception):
    """A PostgreSQL server was there to use, but setting it up went wrong (a reason to fail)."""


@dataclass(frozen=True)
class ServerPrograms:
    """A directory holding a matching ``initdb`` and ``pg_ctl``."""

    bindir: Path

    @property
    def initdb(self) -> str:
        return str(self.bindir / "initdb")

    @property
    def pg_ctl(self) -> str:
        return str(self.bindir / "pg_ctl")


# --------------------------------------------------------------------------- URLs


def sqlalchemy_url(url: str) -> str:
    """Return ``url`` with the psycopg 3 SQLAlchemy driver, whatever PostgreSQL scheme it had."""
    parsed = make_url(url)
    if parsed.get_backend_name() not in ("postgres", "postgresql"):
        raise ValueError(f"not a PostgreSQL URL: {parsed.render_as_string()}")
    return _render(parsed.set(drivername=DRIVER))


def libpq_url(url: str) -> str:
    """Return the libpq connection URI (for ``psycopg.connect``) of a SQLAlchemy URL."""
    return _render(make_url(url).set(drivername="postgresql"))


def _render(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def _with_database(url: str, database: str) -> str:
    return _render(make_url(url).set(database=database))


# --------------------------------------------------------------------------- databases


@contextlib.contextmanager
def temporary_database(server_url: str, prefix: str = "rollbook_test") -> Iterator[str]:
    """Create a uniquely named database on ``server_url``; yield its URL; drop it on exit.

    The drop is forced, so connections a test left open do not keep the database alive.
    """
    name = f"{prefix}_{uuid.uuid4().hex}"
    with psycopg.connect(libpq_url(server_url), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield _with_database(server_url, name)
    finally:
        with psycopg.connect(libpq_url(server_url), autocommit=True) as admin:
            _drop_database(admin, name)


def _drop_database(admin: psycopg.Connection[TupleRow], name: str) -> None:
    if admin.info.server_version >= 130000:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        return
    # Before PostgreSQL 13 there is no FORCE: end the other sessions by hand first.
    admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        " WHERE datname = %s AND pid <> pg_backend_pid()",
        (name,),
    )
    admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))


# --------------------------------------------------------------------------- finding programs


def find_server_programs() -> ServerPrograms | None:
    """Find ``initdb`` and ``pg_ctl``: on ``PATH`` first, then the newest Debian install."""
    candidates: list[Path] = []
    on_path = shutil.which("initdb")
    if on_path is not None:
        # Resolve symlinks such as /usr/local/bin/initdb, so pg_ctl and postgres are siblings.
        candidates.append(Path(on_path).resolve().parent)
    debian_dirs = [Path(found) for found in glob.glob(DEBIAN_BIN_GLOB)]
    candidates.extend(sorted(debian_dirs, key=_version_key, reverse=True))
    for bindir in candidates:
        if all(os.access(bindir / program, os.X_OK) for program in ("initdb", "pg_ctl")):
            return ServerPrograms(bindir)
    return None


def _version_key(bindir: Path) -> tuple[int, ...]:
    """``/usr/lib/postgresql/15/bin`` sorts by ``(15,)``; odd names sort first."""
    version = bindir.parent.name
    if re.fullmatch(r"\d+(\.\d+)*", version):
        return tuple(int(part) for part in version.split("."))
    return (-1,)


# --------------------------------------------------------------------------- running programs


def _server_account() -> pwd.struct_passwd | None:
    """The account to run the server programs as: ``None`` means the current one."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SERVER_ACCOUNT)
    except KeyError:
        raise PostgresUnavailable(
            f"running as root, and PostgreSQL refuses to run as root, but there is no "
            f"{SERVER_ACCOUNT!r} system user to run it as; "
            f"{HOW_TO_GET_POSTGRESQL} (the Debian package creates that user)"
        ) from None


def _child_environment() -> dict[str, str]:
    # PG* variables (PGDATA, PGPORT, PGHOST, ...) must not steer the programs we run, and
    # English messages keep the start-up error checks simple.
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    env["LC_ALL"] = "C"
    return env


def _run(
    command: list[str], account: pwd.struct_passwd | None, cwd: Path, timeout: float
) -> subprocess.CompletedProcess[str]:
    """Run a server program, as ``account`` if given; never raises on a non-zero exit."""
    return subprocess.run(
        command,
        user=None if account is None else account.pw_uid,
        group=None if account is None else account.pw_gid,
        extra_groups=None if account is None else [],
        cwd=cwd,
        env=_child_environment(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )


def _temp_parent(account: pwd.struct_passwd | None) -> str | None:
    """Where to make the cluster's directory: somewhere ``account`` can reach."""
    default = tempfile.gettempdir()
    if account is None:
        return None
    path = Path(default).resolve()
    for directory in (path, *path.parents):
        status = directory.stat()
        if status.st_uid != account.pw_uid and not status.st_mode & stat.S_IXOTH:
            return "/tmp"
    return default


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _tail(path: Path) -> str:
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError:
        return "(no server log)"
    return "\n".join(lines[-_LOG_TAIL_LINES:])


def _quote_setting(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# --------------------------------------------------------------------------- the local server


@dataclass
class _Cluster:
    programs: ServerPrograms
    account: pwd.struct_passwd | None
    workdir: Path

    @property
    def datadir(self) -> Path:
        return self.workdir / "data"

    @property
    def socketdir(self) -> Path:
        return self.workdir / "sock"

    @property
    def logfile(self) -> Path:
        return self.workdir / "server.log"

    def run(self, command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
        return _run(command, self.account, self.workdir, timeout)

    def initdb(self) -> None:
        output = ""
        # C.UTF-8 gives Unicode-aware lower()/upper(); plain C is there on every system.
        for locale in ("C.UTF-8", "C"):
            done = self.run(
                [
                    self.programs.initdb,
                    f"--pgdata={self.datadir}",
                    f"--username={SUPERUSER}",
                    "--auth=trust",
                    "--encoding=UTF8",
                    f"--locale={locale}",
                    "--no-sync",
                ],
                timeout=120,
            )
            if done.returncode == 0:
                self._configure()
                return
            output = done.stdout
            shutil.rmtree(self.datadir, ignore_errors=True)
        raise PostgresServerError(f"initdb failed:\n{output}")

    def _configure(self) -> None:
        self.socketdir.mkdir(mode=0o700)
        if self.account is not None:
            os.chown(self.socketdir, self.account.pw_uid, self.account.pw_gid)
        # Trust, but only over the loopback interface and this directory's Unix socket.
        (self.datadir / "pg_hba.conf").write_text(
            "# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
            "local   all       all                 trust\n"
            "host    all       all   127.0.0.1/32  trust\n"
        )
        settings = {
            "listen_addresses": _quote_setting("127.0.0.1"),
            "unix_socket_directories": _quote_setting(str(self.socketdir)),
            # Throwaway data: durability buys nothing and costs time.
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "wal_level": "minimal",
            "max_wal_senders": "0",
        }
        with (self.datadir / "postgresql.conf").open("a") as conf:
            conf.write("\n# Added by tests/pgserver.py\n")
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())

    def start(self) -> int:
        """Start the server on a free loopback port and return the port."""
        for _attempt in range(_START_ATTEMPTS):
            port = _free_port()
            done = self.run(
                [
                    self.programs.pg_ctl,
                    f"--pgdata={self.datadir}",
                    f"--log={self.logfile}",
                    f"--options=-p {port}",
                    "--wait",
                    f"--timeout={_PG_CTL_WAIT_SECONDS}",
                    "start",
                ],
                timeout=_PG_CTL_WAIT_SECONDS + 30,
            )
            if done.returncode == 0:
                return port
            log = _tail(self.logfile)
            if "could not bind" not in log and "already in use" not in log:
                raise PostgresServerError(
                    f"pg_ctl start failed:\n{done.stdout}\nserver log:\n{log}"
                )
            # Someone took the port between our probe and the server's bind: try another.
            self.stop()
        raise PostgresServerError(f"no free port after {_START_ATTEMPTS} attempts")

    def is_running(self) -> bool:
        return (self.datadir / "postmaster.pid").exists()

    def stop(self) -> None:
        """Stop the server if it runs; best effort, since this runs while cleaning up."""
        for mode in ("fast", "immediate"):
            if not self.is_running():
                return
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.run(
                    [
                        self.programs.pg_ctl,
                        f"--pgdata={self.datadir}",
                        f"--mode={mode}",
                        "--wait",
                        f"--timeout={_PG_CTL_WAIT_SECONDS}",
                        "stop",
                    ],
                    timeout=_PG_CTL_WAIT_SECONDS + 30,
                )


def _wait_until_ready(url: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + _READY_WAIT_SECONDS
    while True:
        try:
            with psycopg.connect(libpq_url(url), connect_timeout=5) as conn:
                conn.execute("SELECT 1")
            return
        except psycopg.OperationalError as error:
            if time.monotonic() > deadline:
                detail = f"\nserver log:\n{_tail(log)}" if log is not None else ""
                shown = make_url(url).render_as_string(hide_password=True)
                raise PostgresServerError(
                    f"PostgreSQL at {shown} accepts no connections: {error}{detail}"
                ) from error
            time.sleep(0.1)


@contextlib.contextmanager
def local_postgresql_server(programs: ServerPrograms) -> Iterator[str]:
    """Run a temporary cluster on loopback; yield its base URL; stop and delete it on exit."""
    account = _server_account()
    workdir = Path(tempfile.mkdtemp(prefix="rollbook-pg-", dir=_temp_parent(account)))
    cluster = _Cluster(programs, account, workdir)
    try:
        if account is not None:
            os.chown(workdir, account.pw_uid, account.pw_gid)
        cluster.initdb()
        port = cluster.start()
        url = f"{DRIVER}://{SUPERUSER}@127.0.0.1:{port}/postgres"
        _wait_until_ready(url, cluster.logfile)
        yield url
    finally:
        cluster.stop()
        shutil.rmtree(workdir, ignore_errors=True)


# --------------------------------------------------------------------------- pytest glue


def _services_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def _unavailable(reason: str) -> NoReturn:
    if _services_required():
        pytest.fail(
            f"{reason} ({REQUIRE_ENV} is set, so this fails instead of skipping)", pytrace=False
        )
    pytest.skip(reason)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "postgres: needs a PostgreSQL server (started on loopback by the test setup)"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "postgresql_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)


def _provide_server(
    stack: contextlib.ExitStack[bool | None],
) -> str | PostgresUnavailable | PostgresServerError:
    """The base URL of a server that ``stack`` keeps up, or why there is none."""
    try:
        configured = os.environ.get(URL_ENV, "").strip()
        if configured:
            try:
                url = sqlalchemy_url(configured)
            except ValueError as error:
                raise PostgresServerError(f"{URL_ENV}: {error}") from error
            try:
                _wait_until_ready(url)
            except PostgresServerError as error:
                return PostgresServerError(f"{URL_ENV}: {error}")
            return url
        programs = find_server_programs()
        if programs is None:
            raise PostgresUnavailable(
                f"PostgreSQL server programs (initdb, pg_ctl) not found on PATH or in "
                f"{DEBIAN_BIN_GLOB}: {HOW_TO_GET_POSTGRESQL}"
            )
        try:
            return stack.enter_context(local_postgresql_server(programs))
        except PostgresServerError as error:
            return PostgresServerError(f"could not start a local PostgreSQL server: {error}")
    except (PostgresUnavailable, PostgresServerError) as error:
        return error


@pytest.fixture(scope="session")
def postgresql_server() -> Iterator[str]:
    """Base URL of a PostgreSQL server for this test session (see the module docstring)."""
    with contextlib.ExitStack() as stack:
        outcome = _provide_server(stack)
        # Skip or fail outside the except blocks, so the report carries no chained traceback.
        if isinstance(outcome, PostgresUnavailable):
            _unavailable(str(outcome))
        if isinstance(outcome, PostgresServerError):
            pytest.fail(str(outcome), pytrace=False)
        yield outcome


@pytest.fixture
def postgresql_url_factory(postgresql_server: str) -> Iterator[Callable[[], str]]:
    """Make fresh databases on demand; every one is dropped after the test."""
    with contextlib.ExitStack() as stack:

        def make() -> str:
            return stack.enter_context(temporary_database(postgresql_server))

        yield make


@pytest.fixture
def postgresql_url(postgresql_server: str) -> Iterator[str]:
    """SQLAlchemy URL of a fresh, empty database that is dropped after the test."""
    with temporary_database(postgresql_server) as url:
        yield url
