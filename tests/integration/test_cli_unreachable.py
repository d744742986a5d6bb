"""A register that cannot be reached is named in a one-line error, its password hidden."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from rollbook.cli import app


def test_sqlite_file_in_a_missing_folder_gives_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "register.db"
    result = CliRunner().invoke(app, ["--db", str(missing), "init"])
    assert result.exit_code == 1
    assert f"cannot open {missing}: unable to open database file" in result.output


def test_unreachable_postgresql_hides_its_password(postgresql_url: str) -> None:
    url = postgresql_url.replace("@", ":hunter2@", 1).rsplit("/", 1)[0] + "/no_such_register"
    result = CliRunner().invoke(app, ["--db", url, "toll"])
    assert result.exit_code == 1
    assert "cannot open postgresql+psycopg://" in result.output
    assert "no_such_register" in result.output
    assert "hunter2" not in result.output
