"""The schema check every command makes reads the scripts as Alembic does."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from rollbook.store import migrations


def test_head_revision_is_the_head_alembic_reads_from_the_scripts() -> None:
    scripts = ScriptDirectory(str(migrations.SCRIPTS))
    assert migrations.head_revision() == scripts.get_current_head()
    assert len(scripts.get_heads()) == 1
