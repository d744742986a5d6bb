"""`rollbook status`: recording what happened to a person, with its dates and evidence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from integration.registers import Cli, War, build_war


@pytest.fixture
def war(cli: Cli, tmp_path: Path) -> War:
    return build_war(cli, tmp_path / "lists")


def history(war: War, name: str) -> list[dict[str, Any]]:
    """A person's status history, as `person ID --json` shows it."""
    events: list[dict[str, Any]] = war.json("person", str(war.person[name]))["history"]
    return events


def journal_length(war: War) -> int:
    return len(json.loads(war.run("log", "--limit", "0", "--json")))


def totals(war: War, *args: str) -> dict[str, int]:
    return {s: n for s, n in war.json("toll", *args)["totals"].items() if n}


def test_status_recorded_shows_in_person_history_with_dates_evidence_and_source(war: War) -> None:
    varo = str(war.person["Varo Tenlik"])
    out = war.run(
        "status", varo, "killed", "--effective", "2020-10-25", "--learned", "2021-04-10",
        "--evidence", "dna_match", "--source", str(war.source["missing_2020-11-20.csv"]),
        "--note", "remains identified by DNA; family informed", "--reason", "forensic report",
    )  # fmt: skip
    assert f"person {varo} killed" in out
    missing, killed = history(war, "Varo Tenlik")
    assert missing["status"] == "missing"
    assert {k: v for k, v in killed.items() if k != "id"} == {
        "status": "killed",
        "effective": "2020-10-25",
        "learned_on": "2021-04-10",
        "evidence": "dna_match",
        "source_id": war.source["missing_2020-11-20.csv"],
        "record_id": None,
        "corrects": None,
        "note": "remains identified by DNA; family informed",
    }
    assert f"Recorded event {killed['id']}" in out
    (entry,) = json.loads(war.run("log", "--limit", "1", "--json"))
    assert (entry["action"], entry["actor"], entry["reason"]) == (
        "status.record",
        "tester",
        "forensic report",
    )
    assert entry["payload"]["event_id"] == killed["id"]


def test_status_impossible_transition_is_refused_with_the_reason_and_nothing_journalled(
    war: War,
) -> None:
    # Dervan Holtzik is listed killed on 5 November; "wounded" cannot follow that.
    before = history(war, "Dervan Holtzik")
    entries = journal_length(war)
    dervan = str(war.person["Dervan Holtzik"])
    result = war.cli(
        "status", dervan, "wounded", "--effective", "2020-11-05", "--learned", "2021-01-20",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "wounded cannot follow killed" in result.stderr
    assert "record it as a correction" in result.stderr
    assert result.stdout == ""
    # Other refusals say why too, and none of them writes anything either.
    refused = [
        (["99", "killed"], "no person 99 in the register"),
        ([dervan, "killed", "--source", "99"], "no source 99 in the register"),
        ([dervan, "wounded", "--correction-of", "999"], "event 999 is not in this person's"),
        ([dervan, "killed", "--learned", "2999-01-01"], "after today"),
        ([dervan, "killed", "--effective", "someday"], "--effective"),
    ]
    for args, reason in refused:
        result = war.cli("status", *args)
        assert result.exit_code == 1, args
        assert reason in result.stderr, args
    assert journal_length(war) == entries
    assert history(war, "Dervan Holtzik") == before
    assert totals(war, "--status", "killed") == {"killed": 8}


def test_status_correction_of_a_wrong_death_is_accepted_and_keeps_what_was_known(
    war: War,
) -> None:
    # Listed killed on 28 December; found wounded in a field hospital on 20 January.
    (listed,) = history(war, "Dervan Holtzik")
    dervan = str(war.person["Dervan Holtzik"])
    war.run(
        "status", dervan, "wounded", "--effective", "2020-11-05", "--learned", "2021-01-20",
        "--evidence", "witness", "--correction-of", str(listed["id"]),
    )  # fmt: skip
    listed_again, correction = history(war, "Dervan Holtzik")
    assert listed_again == listed
    assert (correction["status"], correction["corrects"]) == ("wounded", listed["id"])
    assert totals(war) == {"killed": 7, "missing": 1, "wounded": 1}
    # Nothing is lost: on 19 January the register still counted him killed.
    assert totals(war, "--known-on", "2021-01-19") == {"killed": 8, "missing": 1}
    shown = war.run("person", dervan)
    assert f"corrects event {listed['id']}" in shown


def test_status_changes_move_tolls_only_from_the_day_they_were_learned(war: War) -> None:
    assert totals(war) == {"killed": 8, "missing": 1}
    war.run(
        "status", str(war.person["Varo Tenlik"]), "killed",
        "--effective", "2020-10-25", "--learned", "2021-04-10", "--evidence", "dna_match",
    )  # fmt: skip
    assert totals(war) == {"killed": 9}
    assert totals(war, "--known-on", "2021-04-09") == {"killed": 8, "missing": 1}
    assert totals(war, "--known-on", "2021-04-10") == {"killed": 9}
    # Pelgrin Osk's file goes the other way: he is found alive after all.
    pelgrin = history(war, "Pelgrin Osk")
    war.run(
        "status", str(war.person["Pelgrin Osk"]), "found_alive", "--effective", "2021-05-02",
        "--learned", "2021-05-03", "--correction-of", str(pelgrin[-1]["id"]),
    )  # fmt: skip
    assert totals(war) == {"killed": 8, "found_alive": 1}
    assert totals(war, "--status", "missing", "--as-of", "2021-05-01") == {"missing": 1}
