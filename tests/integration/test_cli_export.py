"""Exports and views with provenance, and private by default.

The missing list carries a family contact, who reported the disappearance, and an injury
(protected fields): none of it may leave the register unless asked for.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from integration.registers import MINISTRY, Cli, War, build_war, import_list, write_list

#: The protected values in the missing list (all invented).
PROTECTED_VALUES = (
    "+000 555 0199",
    "Mirel Osk",
    "Ulma Dorsk",
    "forearm",
    "+000 555 0188",
    "Brel Yanov",
)
PROTECTED_FIELDS = ("contact", "medical", "reporter")

MISSING_SECOND = """\
Name,Service number,Unit,Region,Date of disappearance,Family contact,Reported by,Injuries
Varo Tenlik,SN-102,2nd Brigade,South,2020-10-25,+000 555 0177 (mother Ilsa Tenlik),\
Chaplain Orvo Senn,shrapnel scar on the right shoulder
"""


@pytest.fixture
def war(cli: Cli, tmp_path: Path) -> War:
    return build_war(cli, tmp_path / "lists")


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def assert_nothing_protected(text: str) -> None:
    for value in PROTECTED_VALUES:
        assert value not in text, value


# --- records ------------------------------------------------------------------------------------


def test_export_records_gives_each_record_its_source_row_and_person(war: War) -> None:
    records = json_lines(war.run("export", "records", "--format", "json"))
    titles = {s["id"]: s["title"] for s in war.json("sources")}
    assert all(r["source_title"] == titles[r["source_id"]] for r in records)
    located = [(r["source_title"], r["row"], r["person_id"], r["full_name"]) for r in records]
    p = war.person
    assert located == [
        ("missing_2020-11-20.csv", 2, p["Pelgrin Osk"], "Pelgrin Osk"),
        ("missing_2020-11-20.csv", 3, p["Varo Tenlik"], "Varo Tenlik"),
        ("ministry_2020-12-03.csv", 2, p["Oskan Tarvelli"], "Oskan Tarvelli"),
        ("ministry_2020-12-03.csv", 3, p["Zelik Brunov"], "Zelik Brunov"),
        ("ministry_2020-12-03.csv", 4, p["Pilmet Hastovar"], "Pilmet Hastovar"),
        ("ministry_2020-12-03.csv", 5, p["Ardo Quenslik"], "Ardo Quenslik"),
        ("ministry_2020-12-28.csv", 2, p["Oskan Tarvelli"], "Oskan Tarvelli"),
        ("ministry_2020-12-28.csv", 3, p["Zelik Brunov"], "Zelik Brunov"),
        ("ministry_2020-12-28.csv", 4, p["Pilmet Hastovar"], "Pilmet Hastovar"),
        ("ministry_2020-12-28.csv", 5, p["Ardo Quenslik"], "Ardo Quenslik"),
        ("ministry_2020-12-28.csv", 6, p["Dervan Holtzik"], "Dervan Holtzik"),
        ("ministry_2020-12-28.csv", 7, p["Pelgrin Osk"], "Pelgrin Osk"),
        ("southland_ngo_2021-01-15.csv", 2, p["Imre Salvadzh"], "Imre Salvadzh"),
        ("southland_ngo_2021-01-15.csv", 3, p["Tovan Melisk"], "Tovan Melisk"),
    ]
    assert [r["status"] for r in records[:2]] == ["missing", "missing"]
    # The CSV export holds the same records, the same way.
    rows = csv_rows(war.run("export", "records"))
    assert [(r["source_id"], r["row"], r["person_id"]) for r in rows] == [
        (str(r["source_id"]), str(r["row"]), str(r["person_id"])) for r in records
    ]


def test_export_records_leaves_protected_fields_out_unless_included(
    war: War, tmp_path: Path
) -> None:
    for format in ("csv", "json"):
        public = war.run("export", "records", "--format", format)
        assert_nothing_protected(public)
        columns = csv_rows(public)[0].keys() if format == "csv" else json_lines(public)[0].keys()
        assert not set(PROTECTED_FIELDS) & set(columns), format

    everything = json_lines(war.run("export", "records", "--format", "json", "--include-protected"))
    pelgrin = everything[0]
    assert pelgrin["contact"] == "+000 555 0199 (sister Mirel Osk)"
    assert pelgrin["reporter"] == "Neighbour Ulma Dorsk"
    assert pelgrin["medical"] == "old fracture of the left forearm"

    written = tmp_path / "records.csv"
    out = war.run("export", "records", "-o", str(written), "--include-protected")
    assert "Wrote 14 records" in out
    assert csv_rows(written.read_text(encoding="utf-8"))[1]["reporter"] == (
        "Platoon commander Brel Yanov"
    )
    war.run("export", "records", "-o", str(written))
    assert_nothing_protected(written.read_text(encoding="utf-8"))


# --- persons ------------------------------------------------------------------------------------


def test_person_json_leaves_protected_fields_out_unless_shown(war: War) -> None:
    pelgrin = str(war.person["Pelgrin Osk"])
    public = war.run("person", pelgrin, "--json")
    assert_nothing_protected(public)
    assert not set(PROTECTED_FIELDS) & set(json.loads(public)["records"][0])
    assert_nothing_protected(war.run("person", pelgrin))

    shown = json.loads(war.run("person", pelgrin, "--json", "--show-protected"))
    first = shown["records"][0]
    assert (first["contact"], first["reporter"], first["medical"]) == (
        "+000 555 0199 (sister Mirel Osk)",
        "Neighbour Ulma Dorsk",
        "old fracture of the left forearm",
    )
    assert "Neighbour Ulma Dorsk" in war.run("person", pelgrin, "--show-protected")


def test_export_persons_gives_each_resolved_field_its_provenance_record(war: War) -> None:
    records = json_lines(war.run("export", "records", "--format", "json"))

    def record_of(name: str, source: str) -> int:
        (found,) = [
            r["record_id"] for r in records if (r["full_name"], r["source_title"]) == (name, source)
        ]
        return int(found)

    persons = {p["name"]: p for p in json_lines(war.run("export", "persons", "--format", "json"))}
    assert len(persons) == 9
    ardo = persons["Ardo Quenslik"]
    first, second = (
        record_of("Ardo Quenslik", "ministry_2020-12-03.csv"),
        record_of("Ardo Quenslik", "ministry_2020-12-28.csv"),
    )
    # The two editions disagree on his unit: the tie goes to the later, corrected edition.
    assert (ardo["unit"], ardo["unit_record"]) == ("3rd Mountain Brigade", second)
    assert (ardo["service_number"], ardo["service_number_record"]) == ("SN-004", second)
    assert (ardo["records"], ardo["sources"]) == (f"{first} {second}", "2 3")
    assert ardo["status"] == "killed"

    varo = persons["Varo Tenlik"]
    only = record_of("Varo Tenlik", "missing_2020-11-20.csv")
    assert (varo["status"], varo["records"]) == ("missing", str(only))
    assert (varo["event_date"], varo["event_date_record"]) == ("2020-10-25", only)
    assert (varo["rank"], varo["rank_record"]) == ("", "")

    rows = csv_rows(war.run("export", "persons"))
    assert {"person_id", "name", "status", "records", "sources", "unit", "unit_record"} <= set(
        rows[0]
    )
    assert {r["name"]: r["unit_record"] for r in rows}["Ardo Quenslik"] == str(second)
    assert_nothing_protected(war.run("export", "persons"))


# --- editions -----------------------------------------------------------------------------------


def test_diff_json_never_shows_protected_fields(war: War, tmp_path: Path) -> None:
    import_list(
        war.cli,
        write_list(tmp_path, "missing_2020-12-10.csv", MISSING_SECOND),
        "--status", "missing", "--published", "2020-12-10",
        "--party", "Northland", "--publisher", MINISTRY,
        "--revises", str(war.source["missing_2020-11-20.csv"]),
    )  # fmt: skip
    first, second = war.source["missing_2020-11-20.csv"], 5
    changes = war.run("diff", str(first), str(second), "--json")
    for value in (*PROTECTED_VALUES, "Ilsa Tenlik", "Orvo Senn", "shoulder"):
        assert value not in changes, value
    found = json.loads(changes)
    assert [r["full_name"] for r in found["removed"]] == ["Pelgrin Osk"]
    assert found["added"] == []
    (varo,) = found["changed"]
    assert varo["after"]["full_name"] == "Varo Tenlik"
    assert varo["fields"] == []
    for side in ("before", "after"):
        assert not set(PROTECTED_FIELDS) & set(varo[side]), side

    table = war.run("diff", str(first), str(second))
    assert "1 removed" in table
    assert "protected fields" in table
    assert "Orvo Senn" not in table
