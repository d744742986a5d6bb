"""A register written by an older Rollbook is refused until `rollbook upgrade` brings it up.

The scripts of a later version are simulated by the real ones plus one more migration.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import inspect

from conftest import Cli
from rollbook.store import migrations
from rollbook.store.database import Register
from rollbook.store.migrations import SchemaState

LATER = '''"""a later version's table

Revision ID: 9000
Revises: {head}
"""

import sqlalchemy as sa
from alembic import op

revision = "9000"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("later_notes", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("later_notes")
'''


def become_later(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make this Rollbook behave as a later one, with one more migration."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrations.SCRIPTS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrations.head_revision()
    (scripts / "versions" / "9000_later.py").write_text(LATER.format(head=head))
    monkeypatch.setattr(migrations, "SCRIPTS", scripts)


def test_older_register_refused_until_upgraded(
    cli: Cli, database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert cli("init").exit_code == 0
    become_later(tmp_path, monkeypatch)

    refused = cli("toll")
    assert refused.exit_code == 1
    assert "older schema: run `rollbook upgrade`" in refused.output

    upgraded = cli("upgrade")
    assert upgraded.exit_code == 0, upgraded.output
    assert "Upgraded the register to schema 9000" in upgraded.output

    assert cli("toll").exit_code == 0
    assert cli("upgrade").output.strip() == "The register is up to date."
    with Register.open(database_url) as register:
        assert migrations.schema_state(register.engine) is SchemaState.CURRENT
        assert "later_notes" in inspect(register.engine).get_table_names()


def test_an_upgrade_indexes_the_names_of_records_already_held(
    cli: Cli, database_url: str, tmp_path: Path
) -> None:
    """A register from before the index of name words (0006) gets it filled on upgrade, so
    its persons are found by name."""
    from alembic import command

    from integration.registers import ok
    from rollbook.store.search import search_persons

    listing = tmp_path / "list.csv"
    listing.write_text("Name,Date of death\nMəmmədov Elvin,2020-10-14\n", encoding="utf-8")
    ok(cli("init"))
    ok(cli("import", str(listing), "--status", "killed", "--published", "2020-12-01"))
    with Register.open(database_url) as register, register.engine.begin() as connection:
        command.downgrade(migrations._config(connection), "0006")
    ok(cli("upgrade"))
    with Register.open(database_url) as register, register.read() as connection:
        listing, found = search_persons(connection, "Mamedov", statuses={"killed"})
    assert (listing.total, [f.name for f in found]) == (1, ["Məmmədov Elvin"])
