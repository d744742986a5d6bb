"""Schema migrations (Alembic), run in-process: the register knows its own schema version.

Every command checks the register's schema first, so that check reads the version table
and the scripts' file names directly; Alembic itself loads only to tell an older register
from a newer one, and to upgrade.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config


class SchemaState(StrEnum):
    EMPTY = "empty"
    OLDER = "older"
    CURRENT = "current"
    NEWER = "newer"


#: Where the migration scripts are: this package.
SCRIPTS = Path(__file__).parent
_VERSION_TABLE = "alembic_version"


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this version of Rollbook knows.

    Revisions are numbered in the order they were written ("0001", "0002", ...) and each
    script's file name starts with its number, so the newest is the highest (a test holds
    this equal to Alembic's own reading of the scripts).
    """
    return max(path.name.split("_", 1)[0] for path in (SCRIPTS / "versions").glob("[0-9]*.py"))


def stored_revision(engine: Engine) -> str | None:
    """The schema revision a database is at, None for a database Rollbook never set up."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(_VERSION_TABLE):
            return None
        row = connection.execute(text(f"SELECT version_num FROM {_VERSION_TABLE}")).first()
        return None if row is None else str(row[0])


def schema_state(engine: Engine) -> SchemaState:
    """Whether a database is empty, behind, level with or ahead of this Rollbook."""
    stored = stored_revision(engine)
    if stored is None:
        return SchemaState.EMPTY
    if stored == head_revision():
        return SchemaState.CURRENT
    from alembic.script import ScriptDirectory

    known = {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}
    return SchemaState.OLDER if stored in known else SchemaState.NEWER


def upgrade(engine: Engine) -> None:
    """Bring a database to the newest schema, in one transaction."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")
