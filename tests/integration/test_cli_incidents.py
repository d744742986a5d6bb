"""`rollbook incident`, `import-incidents`, `truce` and `export incidents`, on a small
invented front line: Northland's ministry and Southland's ministry each report violations
of a truce that began on 10 October 2020, and a monitor reports some of the same events.
Every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import Cli

NORTH = """\
id,type,date,place,area,latitude,longitude,precision,reporting_party,perpetrator,fatalities,wounded,description,reporter
N-1,shelling,2020-10-12,Testvale,Upper District,40.1000,46.2000,exact,Northland,Southland artillery,2,3,shells hit the school,Sergeant Ulma Dorsk
N-2,drone_strike,2020-10-13,Brookmere,Upper District,40.2500,46.4000,exact,Northland,Southland drones,1,,a lorry was hit,
N-3,sniper_fire,2020-10,Hill 7,Upper District,40.3000,46.5000,district,Northland,,0,1,fire on a post,
"""  # noqa: E501
MONITOR = """\
id,type,date,place,latitude,longitude,precision,fatalities,description
M-1,shelling,2020-10-12,Testvale,40.1040,46.2030,exact,3,craters seen by a patrol
M-2,ceasefire_violation,2020-10-13,Brookmere,40.2900,46.4000,near,0,fire heard from the post
M-3,clash,2020-10-15,Lowford,39.9000,46.0000,exact,0,exchange of fire
"""


def ok(cli: Cli, *args: str) -> str:
    result = cli(*args)
    assert result.exit_code == 0, result.output
    return result.output


def as_json(cli: Cli, *args: str) -> Any:
    return json.loads(ok(cli, *args, "--json"))


@pytest.fixture
def front(cli: Cli, tmp_path: Path) -> Cli:
    """The war's start, the truce, Northland's list (3 incidents) and the monitor's (two of
    the same events: one plainly, one doubtful; and one of its own)."""
    ok(cli, "init")
    ok(cli, "set", "war_start", "2020-09-27")
    ok(cli, "truce", "add", "October truce", "--start", "2020-10-10", "--party", "Northland",
       "--party", "Southland", "--monitor", "Joint Centre")  # fmt: skip
    for name, text, publisher, published in (
        ("north.csv", NORTH, "Northland MoD", "2020-10-14"),
        ("monitor.csv", MONITOR, "Joint Centre", "2020-10-16"),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
        ok(cli, "import-incidents", str(tmp_path / name), "--publisher", publisher,
           "--published", published)  # fmt: skip
    return cli


def test_a_second_independent_source_joins_and_corroborates(front: Cli) -> None:
    shown = as_json(front, "incident", "show", "1")
    assert shown["incident"]["state"] == "corroborated"
    assert [r["reported_by"] for r in shown["reports"]] == ["Northland MoD", "Joint Centre"]
    assert shown["fatalities"] == {"low": 2, "best": 2, "high": 3}
    # Who fired is Northland's claim, kept as Northland's, in its words.
    assert shown["reports"][0]["perpetrator"] == "Southland artillery"
    # The reporter is protected: shown only when asked.
    assert "reporter" not in shown["reports"][0]
    protected = as_json(front, "incident", "show", "1", "--show-protected")
    assert protected["reports"][0]["reporter"] == "Sergeant Ulma Dorsk"


def test_a_doubtful_likeness_waits_for_a_ruling(front: Cli) -> None:
    # The monitor's "violation" near Brookmere may be Northland's drone strike that day, or
    # the sniper fire Northland dates only to October, 9 km off.
    pairs = as_json(front, "incident", "review")
    later = pairs[0]["incident_b"]
    assert [(p["incident_a"], p["incident_b"]) for p in pairs] == [(2, later), (3, later)]
    assert pairs[0]["b"]["type"] == "ceasefire_violation"
    ok(front, "incident", "rule", str(pairs[0]["id"]), "same", "--reason", "one strike",
       "--learned", "2020-10-20")  # fmt: skip
    # The other pair now asks whether the sniper fire is part of the strike.
    assert [(p["incident_a"], p["incident_b"]) for p in as_json(front, "incident", "review")] == [
        (3, 2)
    ]
    merged = as_json(front, "incident", "show", "2")
    assert merged["incident"]["state"] == "corroborated"
    assert len(merged["reports"]) == 2
    assert as_json(front, "incident", "show", str(later))["incident"]["merged_into"] == 2
    again = front("incident", "rule", str(pairs[0]["id"]), "different")
    assert again.exit_code == 1 and "already ruled same" in again.output


def test_the_truce_report_as_known_on_two_days(front: Cli) -> None:
    before = as_json(front, "truce", "report", "October truce", "--known-on", "2020-10-15")
    assert before["counted"] == 3  # only Northland's list was known
    assert before["by_day"]["2020-10-12"]["reported"] == 1
    assert before["by_day"]["not to the day"]["reported"] == 1  # "2020-10" only
    after = as_json(front, "truce", "report", "1", "--known-on", "2020-10-31")
    assert after["counted"] == 5  # the monitor's own clash, and the doubtful one apart
    assert after["by_day"]["2020-10-12"]["corroborated"] == 1
    assert after["by_reporting_party"]["Northland"]["reported"] == 2
    assert sum(after["by_reporting_party"]["(no party: monitors, media)"].values()) == 3


def test_verification_steps_and_their_rules(front: Cli) -> None:
    refused = front("incident", "verify", "3", "corroborated", "--reason", "sure",
                    "--learned", "2020-10-20")  # fmt: skip
    assert refused.exit_code == 1 and "second independent source" in refused.output
    no_reason = front("incident", "verify", "3", "rejected", "--learned", "2020-10-20")
    assert no_reason.exit_code == 1 and "needs a reason" in no_reason.output
    ok(front, "incident", "verify", "3", "rejected", "--reason", "filmed before the truce",
       "--learned", "2020-10-20")  # fmt: skip
    ok(front, "incident", "verify", "1", "confirmed", "--reason", "monitors saw the craters",
       "--learned", "2020-10-21")  # fmt: skip
    old = as_json(front, "truce", "report", "1", "--known-on", "2020-10-19")
    new = as_json(front, "truce", "report", "1", "--known-on", "2020-10-31")
    assert old["totals"]["rejected"] == 0 and new["totals"]["rejected"] == 1
    assert old["by_day"]["2020-10-12"]["corroborated"] == 1
    assert new["by_day"]["2020-10-12"]["confirmed"] == 1
    assert new["counted"] == old["counted"] - 1


def test_victims_are_persons_of_the_register(front: Cli, tmp_path: Path) -> None:
    people = tmp_path / "dead.csv"
    people.write_text("Name,Date of death\nOskan Tarvelli,2020-10-12\n", encoding="utf-8")
    ok(front, "import", str(people), "--status", "killed", "--published", "2020-10-20")
    ok(front, "incident", "victim", "1", "1", "--harm", "killed", "--learned", "2020-10-21")
    refused = front("incident", "victim", "1", "1", "--harm", "wounded")
    assert refused.exit_code == 1 and "already a victim" in refused.output
    report = as_json(front, "truce", "report", "1", "--known-on", "2020-10-31")
    assert [(v["name"], v["harm"]) for v in report["victims"]] == [("Oskan Tarvelli", "killed")]
    earlier = as_json(front, "truce", "report", "1", "--known-on", "2020-10-20")
    assert earlier["victims"] == []


def test_exports_leave_the_reporters_out(front: Cli, tmp_path: Path) -> None:
    geo = tmp_path / "incidents.geojson"
    ok(front, "export", "incidents", "--format", "geojson", "-o", str(geo))
    layer = json.loads(geo.read_text(encoding="utf-8"))
    assert layer["type"] == "FeatureCollection"
    first = layer["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [46.2, 40.1]}
    assert first["properties"]["state"] == "corroborated"
    assert first["properties"]["perpetrators_alleged"] == (
        "Southland artillery (according to Northland MoD)"
    )
    assert "Ulma" not in geo.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(ok(front, "export", "incidents"))))
    assert len(rows) == 5 and "reporters" not in rows[0]
    protected = ok(front, "export", "incidents", "--format", "json", "--include-protected")
    assert json.loads(protected.splitlines()[0])["reporters"] == "Sergeant Ulma Dorsk"
    refused = front("export", "persons", "--format", "geojson")
    assert refused.exit_code == 1 and "only incidents" in refused.output


def test_bad_incidents_are_refused_and_nothing_is_written(front: Cli, tmp_path: Path) -> None:
    log_before = ok(front, "log", "--limit", "0", "--json")
    early = front("incident", "add", "--type", "shelling", "--date", "2020-09-01", "--lat", "40",
                  "--lon", "46", "--reported-by", "Southland MoD")  # fmt: skip
    assert early.exit_code == 1 and "before the war began" in early.output
    north_pole = front("incident", "add", "--type", "mine", "--date", "2020-10-20", "--lat", "95",
                       "--lon", "46", "--reported-by", "Southland MoD")  # fmt: skip
    assert north_pole.exit_code == 1 and "latitude: 95.0 is outside -90 to 90" in north_pole.output
    bad = tmp_path / "bad.csv"
    bad.write_text(NORTH.replace("40.2500,46.4000", "40.2500,") .replace("N-", "S-"),
                   encoding="utf-8")  # fmt: skip
    refused = front("import-incidents", str(bad), "--publisher", "Southland MoD",
                    "--published", "2020-10-20")  # fmt: skip
    assert refused.exit_code == 1
    assert "bad.csv, row 3, column longitude: no coordinates" in refused.output
    assert ok(front, "log", "--limit", "0", "--json") == log_before


def test_verify_replays_every_incident_write(front: Cli) -> None:
    ok(front, "incident", "add", "--type", "shelling", "--date", "2020-10-12", "--lat", "40.101",
       "--lon", "46.201", "--reported-by", "Southland MoD", "--reporting-party", "Southland",
       "--fatalities", "1-3", "--learned", "2020-10-17")  # fmt: skip
    pair = as_json(front, "incident", "review")[0]["id"]
    ok(front, "incident", "rule", str(pair), "different", "--reason", "two strikes")
    ok(front, "incident", "verify", "1", "disputed", "--reason", "Southland denies it")
    out = ok(front, "verify")
    assert "identical" in out and "7 incident_reports" in out and "1 truces" in out
