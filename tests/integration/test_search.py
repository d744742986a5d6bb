"""Name search over the small war of `registers.py`, on SQLite and on PostgreSQL: the two
ways a page of bearers is found (all of a rare name's bearers ordered in Python, or a
common name's walked in person order) give the same pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli
from integration.registers import PERSON, build_war
from rollbook.model.status import Status
from rollbook.store import search
from rollbook.store.database import Register

EVERY = frozenset(s.value for s in Status)


@pytest.mark.parametrize("text", ["Osk", "osk", "Tenlik Varo", "Holtzik", "Nobody"])
def test_rare_and_common_names_give_the_same_pages(
    cli: Cli, tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    build_war(cli, tmp_path / "lists")
    register = Register.open(database_url)
    try:
        with register.read() as connection:
            pages = [search.search_persons(connection, text, statuses=EVERY, offset=o, limit=1)
                     for o in range(3)]  # fmt: skip
            monkeypatch.setattr(search, "FEW", 0)  # every name counted as common
            walked = [search.search_persons(connection, text, statuses=EVERY, offset=o, limit=1)
                      for o in range(3)]  # fmt: skip
    finally:
        register.close()
    assert pages == walked
    if text.lower() == "osk":  # Pelgrin Osk, and Mirel Osk's kin are not persons
        assert pages[0][0] == 1 and pages[0][1][0].person_id == PERSON["Pelgrin Osk"]
    if text == "Nobody":
        assert pages[0] == (0, [])
