"""Pages of persons over the small war of `registers.py`, on SQLite and on PostgreSQL: the
ways a page is found (a rare name's bearers all found and ordered in Python, a common
name's walked in person order, a deep page started from the listing's marks) give the same
pages as plain skipping does."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli
from integration.registers import PERSON, build_war
from rollbook.ingest import lists
from rollbook.model.status import Status
from rollbook.store import search
from rollbook.store.database import Register

EVERY = frozenset(s.value for s in Status)
Page = tuple[int, list[search.Found]]


def pages(database_url: str, text: str, depth: int) -> list[Page]:
    """Every page of one person, from the first to `depth`, asked one after the other
    with the listing kept from page to page, as the web keeps it."""
    found: list[Page] = []
    known: search.Listing | None = None
    with Register.open(database_url) as register, register.read() as connection:
        for offset in range(depth):
            known, persons = search.search_persons(
                connection, text, statuses=EVERY, offset=offset, limit=1, known=known
            )
            found.append((known.total, persons))
    return found


@pytest.mark.parametrize("text", ["Osk", "osk", "Tenlik Varo", "Holtzik", "Nobody"])
def test_rare_and_common_names_give_the_same_pages(
    cli: Cli, tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    build_war(cli, tmp_path / "lists")
    rare = pages(database_url, text, 3)
    monkeypatch.setattr(search, "FEW", 0)  # every name counted as common
    assert pages(database_url, text, 3) == rare
    if text.lower() == "osk":  # Pelgrin Osk, and Mirel Osk's kin are not persons
        assert rare[0][0] == 1 and rare[0][1][0].person_id == PERSON["Pelgrin Osk"]
    if text == "Nobody":
        assert rare[0] == (0, [])


def test_deep_pages_from_the_marks_are_the_pages_skipped_to(
    cli: Cli, tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_war(cli, tmp_path / "lists")
    skipped = pages(database_url, "", 12)
    monkeypatch.setattr(search, "STRIDE", 2)  # a mark every second person: every page deep
    marked = pages(database_url, "", 12)
    assert marked == skipped
    assert [len(persons) for _, persons in marked] == [1] * 9 + [0] * 3  # 9 persons, 3 past


def test_a_name_finds_its_person_through_a_merge_and_a_split(
    cli: Cli, tmp_path: Path, database_url: str
) -> None:
    """The index of name words follows records from person to person."""
    war = build_war(cli, tmp_path / "lists")
    imre, tovan = war.person["Imre Salvadzh"], war.person["Tovan Melisk"]
    [imre_record] = [r["id"] for r in war.json("person", str(imre))["records"]]

    def bearers(text: str) -> list[int]:
        with Register.open(database_url) as register, register.read() as connection:
            _, found = search.search_persons(connection, text, statuses=EVERY)
        return [f.person_id for f in found]

    war.run("merge", str(imre), str(tovan))
    assert (bearers("Salvadzh"), bearers("Tovan Melisk")) == ([imre], [imre])
    out = war.run("split", str(imre), "--record", str(imre_record), "--reason", "not him")
    new_id = int(out.rsplit("to person ", 1)[1].rstrip(".\n"))
    assert new_id not in (imre, tovan)
    assert (bearers("Imre Salvadzh"), bearers("Melisk")) == ([new_id], [imre])
    assert "identical" in war.run("verify")


def test_a_large_import_refreshes_what_the_planner_knows(
    cli: Cli, tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite learns its indexes' statistics; PostgreSQL vacuums too, so that a name
    search is answered from its indexes alone (index-only scans need rows marked visible)."""
    monkeypatch.setattr(lists, "STATISTICS_FROM_RECORDS", 1)  # every import counts as large
    build_war(cli, tmp_path / "lists")
    with Register.open(database_url) as register, register.read() as connection:
        if connection.dialect.name == "sqlite":
            learned = "SELECT count(DISTINCT tbl) FROM sqlite_stat1 WHERE tbl = 'records'"
        else:
            learned = (
                "SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'records'"
                " AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL"
            )
        assert connection.exec_driver_sql(learned).scalar_one() == 1
