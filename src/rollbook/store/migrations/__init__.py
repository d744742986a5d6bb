"""Schema migrations (Alembic), run in-process: the register knows its own schema version."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine


class SchemaState(StrEnum):
    EMPTY = "empty"
    OLDER = "older"
    CURRENT = "current"
    NEWER = "newer"


#: Where the migration scripts are: this package.
SCRIPTS = Path(__file__).parent


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this version of Rollbook knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def stored_revision(engine: Engine) -> str | None:
    """The schema revision a database is at, None for a database Rollbook never set up."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def schema_state(engine: Engine) -> SchemaState:
    """Whether a database is empty, behind, level with or ahead of this Rollbook."""
    stored = stored_revision(engine)
    if stored is None:
        return SchemaState.EMPTY
    if stored == head_revision():
        return SchemaState.CURRENT
    known = {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}
    return SchemaState.OLDER if stored in known else SchemaState.NEWER


def upgrade(engine: Engine) -> None:
    """Bring a database to the newest schema, in one transaction."""
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")
