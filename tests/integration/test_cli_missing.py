"""`rollbook missing`: missing-person cases from the report to an outcome, on the small war
of `registers.py` (Pelgrin Osk and Varo Tenlik reported missing on 20 November; Pelgrin
named among the dead in the ministry's second list). Every test runs on SQLite and on
PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from integration.registers import Cli, War, build_war
from rollbook.cli import app
from rollbook.ingest.pfif import PfifNote, PfifPerson, read_pfif


@pytest.fixture
def war(cli: Cli, tmp_path: Path) -> War:
    return build_war(cli, tmp_path / "lists")


def open_cases(war: War, *args: str) -> dict[str, Any]:
    found: dict[str, Any] = war.json("missing", *args)
    return found


def case_of(war: War, name: str) -> int:
    cases = open_cases(war)["cases"]
    return next(c["case_id"] for c in cases if c["person_id"] == war.person[name])


def journal_length(war: War) -> int:
    return len(json.loads(war.run("log", "--limit", "0", "--json")))


def killed(war: War, *args: str) -> int:
    total: int = war.json("toll", "--status", "killed", *args)["totals"].get("killed", 0)
    return total


def test_a_list_of_the_missing_opens_a_case_for_each(war: War) -> None:
    before = open_cases(war, "--known-on", "2020-12-01")
    assert before["still_missing"] == 2 and before["open_cases"] == 2
    names = {c["name"] for c in before["cases"]}
    assert names == {"Pelgrin Osk", "Varo Tenlik"}
    varo = next(c for c in before["cases"] if c["name"] == "Varo Tenlik")
    assert varo["unit"] == "2nd Brigade" and varo["reported_on"] == "2020-11-20"
    assert varo["days_open"] == 11


def test_a_person_another_list_names_dead_waits_for_the_case_to_be_resolved(war: War) -> None:
    later = open_cases(war, "--known-on", "2021-01-08")
    assert later["still_missing"] == 1 and later["open_cases"] == 2
    pelgrin = next(c for c in later["cases"] if c["name"] == "Pelgrin Osk")
    assert not pelgrin["still_missing"] and pelgrin["status"] == "killed"
    shown = war.run("missing", "--known-on", "2021-01-08")
    assert "Still missing as known on 2021-01-08: 1" in shown
    assert "waits for its resolution step" in shown


def test_an_identification_counts_only_once_a_second_person_confirms_it(
    war: War, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    varo = case_of(war, "Varo Tenlik")
    war.run("missing", "step", str(varo), "under_search", "--learned", "2021-01-10")
    out = war.run(
        "missing", "step", str(varo), "identified_dead", "--effective", "2020-10-25",
        "--learned", "2021-02-01", "--evidence", "dna_match",
    )  # fmt: skip
    assert "waits for a second person's confirmation" in out
    step_id = out.split("Recorded step ")[1].split(" ")[0]
    assert open_cases(war)["still_missing"] == 1  # not resolved until confirmed
    assert killed(war) == 8

    refused = cli("missing", "confirm", step_id)
    assert refused.exit_code == 1 and "a second person must confirm it" in refused.output

    monkeypatch.setenv("ROLLBOOK_ACTOR", "reviewer")
    war.run("missing", "confirm", step_id, "--on", "2021-02-03")
    assert open_cases(war)["still_missing"] == 0
    assert killed(war) == 9
    assert killed(war, "--known-on", "2021-02-02") == 8  # counted from the confirmation
    case = war.json("missing", "show", str(varo))
    assert case["state"] == "identified_dead"
    assert [s["step"] for s in case["steps"]] == ["reported", "under_search", "identified_dead"]
    resolved = war.json("missing", "resolutions")["months"]
    assert resolved == {"2021-02": {"identified_dead": 1, "found_alive": 0, "returned": 0,
                                    "closed_unresolved": 0}}  # fmt: skip


def test_found_alive_ends_the_case_and_the_disappearance(war: War) -> None:
    varo = case_of(war, "Varo Tenlik")
    war.run("missing", "step", str(varo), "found_alive", "--effective", "2021-01-20",
            "--learned", "2021-01-22", "--evidence", "witness")  # fmt: skip
    assert open_cases(war, "--known-on", "2021-01-21")["still_missing"] == 1
    assert open_cases(war, "--known-on", "2021-01-22")["still_missing"] == 0
    history = war.json("person", str(war.person["Varo Tenlik"]))["history"]
    assert [e["status"] for e in history] == ["missing", "found_alive"]


def test_a_case_opened_by_hand_keeps_the_family_s_details_protected(war: War) -> None:
    oskan = str(war.person["Oskan Tarvelli"])
    refused = war.cli("missing", "open", oskan, "--reported-by", "his wife")
    assert refused.exit_code == 1 and "killed" in refused.output  # killed is final

    varo = str(war.person["Varo Tenlik"])
    first = str(case_of(war, "Varo Tenlik"))
    war.run("missing", "step", first, "found_alive", "--effective", "2021-01-08",
            "--learned", "2021-01-10", "--evidence", "witness")  # fmt: skip
    out = war.run(
        "missing", "open", varo, "--reported-by", "his sister", "--reported-on", "2021-01-21",
        "--last-seen", "2021-01-15", "--place", "Riverside bridge",
        "--family-contact", "+000 555 0144 (sister)", "--dental", "gold crown, upper left",
        "--dna-sample",
    )  # fmt: skip
    case = out.split("Opened case ")[1].split(" ")[0]
    public = war.run("missing", "show", case)
    assert "Riverside bridge" in public and "555 0144" not in public and "gold" not in public
    assert "555 0144" not in json.dumps(war.json("missing", "show", case))
    private = war.json("missing", "show", case, "--show-protected")["case"]
    assert private["family_contact"] == "+000 555 0144 (sister)"
    assert private["ante_mortem"] == {"dental": "gold crown, upper left", "dna_sample": True}
    history = war.json("person", varo)["history"]
    assert [e["status"] for e in history] == ["missing", "found_alive", "missing"]


def test_a_status_change_to_missing_opens_a_case(war: War) -> None:
    imre = str(war.person["Imre Salvadzh"])
    wrong = war.json("person", imre)["history"][0]["id"]
    out = war.run("status", imre, "missing", "--correction-of", str(wrong),
                  "--learned", "2021-01-21", "--evidence", "family_report")  # fmt: skip
    assert "Opened missing-person case" in out
    still = [c["name"] for c in open_cases(war)["cases"] if c["still_missing"]]
    assert sorted(still) == ["Imre Salvadzh", "Varo Tenlik"]


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("under_search", "--learned", "2020-11-01"), "before the case was reported"),
        (("identified_dead", "--evidence", "witness"), "an identification needs evidence"),
        (("reported",), "reported once"),
    ],
)
def test_a_step_that_cannot_follow_is_refused_and_nothing_is_written(
    war: War, args: tuple[str, ...], reason: str
) -> None:
    varo = str(case_of(war, "Varo Tenlik"))
    before = journal_length(war)
    result = war.cli("missing", "step", varo, *args)
    assert result.exit_code == 1 and reason in result.output
    assert journal_length(war) == before


def test_no_step_after_a_resolution(war: War) -> None:
    varo = str(case_of(war, "Varo Tenlik"))
    war.run("missing", "step", varo, "closed_unresolved", "--learned", "2021-01-22")
    result = war.cli("missing", "step", varo, "under_search")
    assert result.exit_code == 1 and "already resolved as closed_unresolved" in result.output


def test_cases_count_by_unit_and_replay_in_verify(war: War) -> None:
    by_unit = war.run("missing", "--by", "unit", "--known-on", "2020-12-01")
    assert "1st Brigade" in by_unit and "2nd Brigade" in by_unit
    varo = str(case_of(war, "Varo Tenlik"))
    war.run("missing", "step", varo, "returned", "--learned", "2021-01-22",
            "--evidence", "prisoner_exchange")  # fmt: skip
    assert "Verified" in war.run("verify")


def test_the_demo_follows_its_missing_through_the_weeks_of_identification(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's demo: 28 still missing on the ministry's statement, fewer each month as
    identifications are confirmed; one identification still waits for its confirmation."""
    monkeypatch.setenv("COLUMNS", "200")
    folder = tmp_path / "demo"
    shown = CliRunner().invoke(app, ["demo", "--folder", str(folder)])
    assert shown.exit_code == 0, shown.output
    assert "12 cases resolved since 8 January; 1 identification waits" in shown.output
    database = str(folder / "rollbook.db")
    counts = []
    for day in ("2021-01-08", "2021-02-01", "2021-03-01", "2021-04-01"):
        listed = CliRunner().invoke(app, ["--db", database, "missing", "--known-on", day, "--json"])
        counts.append(json.loads(listed.stdout)["still_missing"])
        assert f"  {day}: {counts[-1]}\n" in shown.output
    assert counts[0] == 28 and counts == sorted(counts, reverse=True) and counts[-1] == 16


def test_cases_go_out_as_pfif_without_what_is_protected(war: War, tmp_path: Path) -> None:
    varo = str(case_of(war, "Varo Tenlik"))
    war.run("missing", "step", varo, "under_search", "--learned", "2021-01-10")
    war.run("missing", "step", varo, "identified_dead", "--learned", "2021-02-01",
            "--evidence", "dna_match")  # fmt: skip
    path = tmp_path / "cases.xml"

    assert "Wrote 2 cases as PFIF 1.4" in war.run("missing", "export", str(path))

    with path.open("rb") as stream:
        found = list(read_pfif(stream, name=path.name))
    persons = [r for r in found if isinstance(r, PfifPerson)]
    notes = [r for r in found if isinstance(r, PfifNote)]
    assert {p.full_name for p in persons} == {"Pelgrin Osk", "Varo Tenlik"}
    varo_notes = [n.status for n in notes if n.person_record_id.endswith(f"case.{varo}")]
    assert varo_notes == ["believed_missing", "information_sought"]  # not yet confirmed
    text = path.read_text(encoding="utf-8")
    assert "555 0188" not in text and "Brel Yanov" not in text and "tester" not in text
    war.run("missing", "export", str(path), "--include-protected")
    assert "tester" in path.read_text(encoding="utf-8")


PFIF_DOCUMENT = """<?xml version="1.0" encoding="UTF-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
  <pfif:person>
    <pfif:person_record_id>tracing.example.org/p.1</pfif:person_record_id>
    <pfif:full_name>Testov Ivar</pfif:full_name>
    <pfif:author_name>Testova Lina</pfif:author_name>
    <pfif:author_phone>+000 555 0177</pfif:author_phone>
    <pfif:note>
      <pfif:note_record_id>tracing.example.org/n.1</pfif:note_record_id>
      <pfif:source_date>2021-01-05T09:00:00Z</pfif:source_date>
      <pfif:status>believed_missing</pfif:status>
      <pfif:text>Last heard of near the bridge.</pfif:text>
    </pfif:note>
    <pfif:note>
      <pfif:note_record_id>tracing.example.org/n.2</pfif:note_record_id>
      <pfif:source_date>2021-01-20T09:00:00Z</pfif:source_date>
      <pfif:status>information_sought</pfif:status>
    </pfif:note>
  </pfif:person>
  <pfif:person>
    <pfif:person_record_id>tracing.example.org/p.2</pfif:person_record_id>
    <pfif:full_name>Samplov Kai</pfif:full_name>
    <pfif:note>
      <pfif:note_record_id>tracing.example.org/n.3</pfif:note_record_id>
      <pfif:source_date>2021-02-02T09:00:00Z</pfif:source_date>
      <pfif:status>believed_alive</pfif:status>
      <pfif:text>Seen alive in a hospital.</pfif:text>
    </pfif:note>
    <pfif:note>
      <pfif:note_record_id>tracing.example.org/n.4</pfif:note_record_id>
      <pfif:source_date>2021-02-10T09:00:00Z</pfif:source_date>
      <pfif:status>information_sought</pfif:status>
    </pfif:note>
  </pfif:person>
  <pfif:person>
    <pfif:person_record_id>tracing.example.org/p.3</pfif:person_record_id>
    <pfif:full_name>Probov Tem</pfif:full_name>
  </pfif:person>
  <pfif:note>
    <pfif:note_record_id>tracing.example.org/n.5</pfif:note_record_id>
    <pfif:person_record_id>tracing.example.org/p.3</pfif:person_record_id>
    <pfif:source_date>2021-02-15T09:00:00Z</pfif:source_date>
    <pfif:status>believed_dead</pfif:status>
  </pfif:note>
</pfif:pfif>
"""


def import_pfif(war: War, path: Path, text: str) -> Any:
    path.write_text(text, encoding="utf-8")
    return war.cli("import", str(path), "--status", "missing", "--published", "2021-03-01",
                   "--kind", "family_report")  # fmt: skip


def test_a_tracing_system_s_pfif_opens_cases_and_its_notes_become_steps(
    war: War, tmp_path: Path
) -> None:
    result = import_pfif(war, tmp_path / "tracing.xml", PFIF_DOCUMENT)
    assert result.exit_code == 0, result.output
    assert "Missing-person cases opened: 3." in result.output
    assert "PFIF notes added to cases: 4." in result.output  # n.4 follows a resolution
    still = {c["name"]: c for c in open_cases(war)["cases"] if c["still_missing"]}
    assert {"Testov Ivar", "Probov Tem"} <= set(still)
    assert "Samplov Kai" not in still
    probov = war.json("missing", "show", str(still["Probov Tem"]["case_id"]))
    last = probov["steps"][-1]
    assert last["step"] == "under_search" and "believed_dead" in last["note"]
    assert last["effective"] == "2021-02-15" and last["learned_on"] == "2021-03-01"
    assert "Verified" in war.run("verify")


@pytest.mark.parametrize(
    ("broken", "said"),
    [
        (PFIF_DOCUMENT.replace("tracing.example.org/p.3</pfif:person_record_id>\n    <pfif:source",
                               "tracing.example.org/p.9</pfif:person_record_id>\n    <pfif:source"),
         "no open case for person tracing.example.org/p.9"),
        (PFIF_DOCUMENT.replace(">believed_dead<", ">gone<"), "'gone' is not one of"),
        (PFIF_DOCUMENT.replace("Ivar</pfif:full_name>", "Ivar"), "malformed XML"),
    ],
)  # fmt: skip
def test_a_pfif_file_with_a_problem_is_refused_whole(
    war: War, tmp_path: Path, broken: str, said: str
) -> None:
    before = journal_length(war)
    result = import_pfif(war, tmp_path / "tracing.xml", broken)
    assert result.exit_code != 0
    assert "tracing.xml" in result.output and said in result.output
    assert journal_length(war) == before


def test_a_case_follows_its_person_into_a_merge(war: War) -> None:
    pelgrin, varo = war.person["Pelgrin Osk"], war.person["Varo Tenlik"]
    varo_case, pelgrin_case = case_of(war, "Varo Tenlik"), case_of(war, "Pelgrin Osk")
    war.run("merge", str(pelgrin), str(varo), "--reason", "one man on two lists")
    cases = {c["case_id"]: c for c in open_cases(war)["cases"]}
    assert cases[varo_case]["person_id"] == cases[pelgrin_case]["person_id"] == pelgrin
    # Looked up apart (merged) and with the open cases (not): the same person, alike.
    for field in ("name", "status", "party", "still_missing"):
        assert cases[varo_case][field] == cases[pelgrin_case][field]
    assert cases[varo_case]["name"] == war.json("person", str(pelgrin))["name"]
    assert cases[varo_case]["unit"] == "2nd Brigade"  # the case's own, not the survivor's
