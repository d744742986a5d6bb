"""The schema check every command makes reads the scripts as Alembic does."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from rollbook.store import migrations, name_index, schema
from rollbook.store.database import Register


def test_head_revision_is_the_head_alembic_reads_from_the_scripts() -> None:
    scripts = ScriptDirectory(str(migrations.SCRIPTS))
    assert migrations.head_revision() == scripts.get_current_head()
    assert len(scripts.get_heads()) == 1


def declared(_object: object, name: str | None, kind: str, *_: object) -> bool:
    """Whether SQLite's schema should hold a table the code declares, or declare one it
    holds: its index of name words is a full-text index of its own (and the tables that
    index keeps), where PostgreSQL's is the declared table `name_words`."""
    if kind != "table" or name is None:
        return True
    return name != "name_words" and not name.startswith(name_index.RECORD_WORDS)


def test_the_migrations_build_the_tables_the_code_declares(tmp_path: Path) -> None:
    register = Register.create(str(tmp_path / "r.db"))
    try:
        with register.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"include_object": declared})
            assert compare_metadata(context, schema.metadata) == []
    finally:
        register.close()
