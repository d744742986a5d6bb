"""A page of a list's rows over the small war of `registers.py`, on SQLite and PostgreSQL:
found by row number where the list's rows are numbered without a gap, the same rows as
skipping the rows before them gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli
from integration.registers import SOURCE, build_war
from rollbook.model.status import Status
from rollbook.store import records
from rollbook.store.database import Register

EVERY = frozenset(s.value for s in Status)


def test_a_page_by_row_number_is_the_page_by_offset(
    cli: Cli, tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_war(cli, tmp_path / "lists")
    source = SOURCE["ministry_2020-12-28.csv"]
    register = Register.open(database_url)
    try:
        with register.read() as connection:
            total = records.source_records(connection, source, EVERY, 0, 1)[0]
            assert records._first_of_dense(connection, source, total) is not None
            assert records._first_of_dense(connection, source, total + 1) is None  # a gap
            seek = [records.source_records(connection, source, EVERY, o, 2) for o in range(5)]
            monkeypatch.setattr(records, "_first_of_dense", lambda *_: None)
            skip = [records.source_records(connection, source, EVERY, o, 2) for o in range(5)]
    finally:
        register.close()
    assert seek == skip
    assert [len(rows) for _, rows in seek] == [min(2, max(0, total - o)) for o in range(5)]
