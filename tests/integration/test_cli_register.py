"""The register itself: creating it, its schema version, its journal and its proof."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from integration.registers import NGO, Cli, War, build_war, ok, write_list
from rollbook.store import database


@pytest.fixture
def war(cli: Cli, tmp_path: Path) -> War:
    return build_war(cli, tmp_path / "lists")


def journal(cli: Cli) -> list[dict[str, Any]]:
    """Every journal entry, oldest first."""
    entries: list[dict[str, Any]] = json.loads(ok(cli("log", "--limit", "0", "--json")))
    return entries


def make_every_kind_of_write(war: War) -> None:
    """A status change, a claim, a merge and a split, on top of the four imports."""
    war.run(
        "status", str(war.person["Varo Tenlik"]), "killed", "--effective", "2020-10-25",
        "--learned", "2021-04-10", "--evidence", "dna_match", "--reason", "DNA match",
    )  # fmt: skip
    war.run(
        "claim", "add", "--claimant", NGO, "--category", "killed", "--value", "2900",
        "--qualifier", "about", "--as-of", "2021-01-15", "--party", "Southland",
    )  # fmt: skip
    imre, tovan = str(war.person["Imre Salvadzh"]), str(war.person["Tovan Melisk"])
    war.run("merge", imre, tovan, "--reason", "same family, same day")
    tovan_record = war.json("person", tovan)["records"][-1]["id"]
    war.run("split", imre, "--record", str(tovan_record), "--reason", "two brothers")


# --- creating and opening ------------------------------------------------------------------------


def test_init_twice_is_refused(cli: Cli) -> None:
    assert "Created a register" in ok(cli("init"))
    again = cli("init")
    assert again.exit_code == 1
    assert "already holds a register" in again.stderr
    assert [e["action"] for e in journal(cli)] == ["register.init"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # its library's features
def test_a_sqlite_without_full_text_indexes_is_refused_at_init_with_advice(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The probe asks for a module no SQLite has, as a build without FTS5 lacks "fts5".
    monkeypatch.setattr(database, "FTS5_PROBE", "CREATE VIRTUAL TABLE temp.p USING no_fts(x)")
    refused = cli("init")
    assert refused.exit_code == 1
    assert "built without FTS5" in refused.stderr
    assert "Traceback" not in refused.output
    monkeypatch.undo()
    assert "Created a register" in ok(cli("init"))  # nothing was half set up


def test_database_without_a_register_tells_you_to_run_init(cli: Cli) -> None:
    for args in (["toll"], ["log"], ["person", "1"], ["verify"], ["upgrade"]):
        result = cli(*args)
        assert result.exit_code == 1, args
        assert "rollbook init" in result.stderr, args


def test_register_of_a_newer_rollbook_is_refused_by_every_command_and_by_upgrade(
    cli: Cli, database_url: str, tmp_path: Path
) -> None:
    ok(cli("init"))
    engine = create_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = 'ffff9999'"))
        listed = write_list(tmp_path, "list.csv", "Name,Service number\nOskan Tarvelli,SN-001\n")
        commands = [
            ["toll"],
            ["toll", "--by", "month", "--names", "--json"],
            ["person", "1"],
            ["sources"],
            ["diff", "1", "2"],
            ["claims"],
            ["log"],
            ["verify"],
            ["export", "records"],
            ["export", "persons"],
            ["import", str(listed), "--status", "killed"],
            ["status", "1", "killed"],
            ["claim", "add", "--claimant", NGO, "--category", "killed", "--value", "1",
             "--as-of", "2021-01-15"],
            ["merge", "1", "2"],
            ["split", "1", "--record", "1"],
        ]  # fmt: skip
        for args in commands:
            result = cli(*args)
            assert result.exit_code == 1, args
            assert "written by a newer Rollbook" in result.stderr, args
            assert "Traceback" not in result.output, args
        upgrade = cli("upgrade")
        assert upgrade.exit_code == 1
        assert "newer Rollbook" in upgrade.stderr
        assert "upgrade Rollbook" in upgrade.stderr
        with engine.connect() as connection:
            stamped = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            written = connection.execute(text("SELECT COUNT(*) FROM journal")).scalar()
        assert (stamped, written) == ("ffff9999", 1)
    finally:
        engine.dispose()


def test_upgrade_of_a_current_register_says_it_is_up_to_date(cli: Cli) -> None:
    ok(cli("init"))
    assert "up to date" in ok(cli("upgrade"))
    assert "up to date" in ok(cli("upgrade"))


# --- the journal and its proof ------------------------------------------------------------------


def test_log_lists_every_write_with_its_actor_and_reason(war: War) -> None:
    make_every_kind_of_write(war)
    entries = journal(war.cli)
    assert [e["action"] for e in entries] == [
        "register.init",
        *["source.import"] * 4,
        "status.record",
        "claim.add",
        "person.merge",
        "person.split",
    ]
    assert [e["seq"] for e in entries] == list(range(1, 10))
    assert {e["actor"] for e in entries} == {"tester"}
    assert [e["reason"] for e in entries[-4:]] == [
        "DNA match",
        "",
        "same family, same day",
        "two brothers",
    ]
    assert [e["payload"]["source"]["filename"] for e in entries[1:5]] == [
        "missing_2020-11-20.csv",
        "ministry_2020-12-03.csv",
        "ministry_2020-12-28.csv",
        "southland_ngo_2021-01-15.csv",
    ]
    assert [e["action"] for e in json.loads(war.run("log", "--limit", "2", "--json"))] == [
        "person.merge",
        "person.split",
    ]
    table = war.run("log")
    assert "tester" in table
    assert "ministry_2020-12-28.csv: 6 records" in table


def test_verify_passes_after_imports_status_changes_claims_merges_and_splits(war: War) -> None:
    make_every_kind_of_write(war)
    out = war.run("verify")
    assert "Verified: 9 journal entries replayed" in out
    assert "identical" in out


# --- merges and splits --------------------------------------------------------------------------


def test_merge_then_split_restores_separate_persons_and_both_are_journalled(war: War) -> None:
    imre, tovan = war.person["Imre Salvadzh"], war.person["Tovan Melisk"]
    imre_records = [r["id"] for r in war.json("person", str(imre))["records"]]
    tovan_records = [r["id"] for r in war.json("person", str(tovan))["records"]]

    assert f"Merged into person {imre}" in war.run("merge", str(imre), str(tovan))
    merged = war.json("person", str(imre))
    assert [r["id"] for r in merged["records"]] == imre_records + tovan_records
    assert war.json("toll", "--party", "Southland")["totals"] == {"killed": 1}

    out = war.run("split", str(imre), "--record", *map(str, tovan_records), "--reason", "twins")
    new_id = int(out.rsplit("to person ", 1)[1].rstrip(".\n"))
    assert new_id == tovan  # the records he brought give him back his own id
    assert [r["id"] for r in war.json("person", str(imre))["records"]] == imre_records
    split_off = war.json("person", str(new_id))
    assert [r["id"] for r in split_off["records"]] == tovan_records
    assert split_off["name"] == "Tovan Melisk"
    assert [e["status"] for e in split_off["history"]] == ["killed"]
    assert war.json("toll", "--party", "Southland")["totals"] == {"killed": 2}

    merge, split = journal(war.cli)[-2:]
    assert merge["action"] == "person.merge"
    assert merge["payload"]["persons"] == [imre, tovan]
    assert split["action"] == "person.split"
    assert split["payload"] == {
        "person_id": imre,
        "records": tovan_records,
        "new_person_id": new_id,
    }
    assert split["reason"] == "twins"


def test_person_old_id_after_a_merge_shows_the_surviving_person(war: War) -> None:
    imre, tovan = war.person["Imre Salvadzh"], war.person["Tovan Melisk"]
    war.run("merge", str(tovan), str(imre))
    shown = war.json("person", str(tovan))
    assert (shown["id"], shown["merged_from"]) == (imre, tovan)
    assert war.json("person", str(imre))["merged_from"] is None
    assert f"person {tovan} was merged into it" in war.run("person", str(tovan))


def test_person_old_id_after_a_merge_undone_by_a_split_opens_that_person_again(war: War) -> None:
    # Person ids are handed out (exports carry them, imports accept them back): once the
    # reviewer undoes the merge, Tovan Melisk's id must not open Imre Salvadzh.
    imre, tovan = war.person["Imre Salvadzh"], war.person["Tovan Melisk"]
    tovan_records = [r["id"] for r in war.json("person", str(tovan))["records"]]
    war.run("merge", str(imre), str(tovan))
    war.run("split", str(imre), "--record", *map(str, tovan_records))
    shown = war.json("person", str(tovan))
    assert shown["name"] == "Tovan Melisk"
    assert [r["id"] for r in shown["records"]] == tovan_records


def test_merge_and_split_refuse_what_cannot_be_done(war: War) -> None:
    imre = str(war.person["Imre Salvadzh"])
    entries = len(journal(war.cli))
    only_record = war.json("person", imre)["records"][0]["id"]
    refused = [
        (["merge", imre, imre], "at least two different persons"),
        (["merge", imre, "99"], "no person 99"),
        (["split", imre, "--record", str(only_record)], "at least one record on each side"),
        (["split", imre, "--record", "1"], "do not belong to person"),
    ]
    for args, reason in refused:
        result = war.cli(*args)
        assert result.exit_code == 1, args
        assert reason in result.stderr, args
    assert len(journal(war.cli)) == entries
