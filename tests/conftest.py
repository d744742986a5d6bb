"""Fixtures shared by every test: registers on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from rollbook.cli import app
from rollbook.store.database import Register

pytest_plugins = ["pgserver"]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'register.db'}"
    url: str = request.getfixturevalue("postgresql_url")
    return url


@pytest.fixture
def register(database_url: str) -> Iterator[Register]:
    """A new, empty register (initialised and journalled) on each database."""
    with Register.create(database_url) as created:
        with created.write("register.init", {}, actor="test"):
            pass
        yield created


Cli = Callable[..., Result]


@pytest.fixture
def cli(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Run `rollbook --db URL ARGS...` in-process; the register is not created for you."""
    monkeypatch.setenv("ROLLBOOK_ACTOR", "tester")
    monkeypatch.setenv("COLUMNS", "200")

    def run(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(app, ["--db", database_url, *args], input=input)

    return run
