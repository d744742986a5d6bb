"""Importing incident files: every format and dialect, recognising a file imported before,
joining and corroborating across publishers, doubtful pairs, and refusals that change nothing.

Runs on SQLite and on PostgreSQL. Every outlet, place and identifier is invented.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, func, select

from integration.listfiles import table_rows
from rollbook.ingest.incidents import (
    IncidentFileOptions,
    IncidentImportFailed,
    IncidentImportReport,
    import_incidents,
)
from rollbook.store.database import Register
from rollbook.store.incidents import SET_ACTION, apply_set
from rollbook.store.schema import incident_pairs, incident_reports, incidents, sources

ACTOR = "tester"
PUBLISHED = dt.date(2021, 1, 15)
NORTH = IncidentFileOptions(
    title="Northland MoD daily bulletin", publisher="Northland MoD", published=PUBLISHED
)
MONITOR = IncidentFileOptions(
    title="Testland Ceasefire Monitor weekly", publisher="Testland Ceasefire Monitor",
    published=PUBLISHED,
)  # fmt: skip
#: One km north, in degrees of latitude.
KM = 1 / 111.19508

Row = dict[str, Any]

#: Three incidents as the Northland MoD lists them, in Rollbook's own columns.
ROWS: list[Row] = [
    {"id": "N-1", "type": "shelling", "date": "2020-10-14", "place": "Testvale",
     "area": "Lower Testvale", "latitude": 40.1, "longitude": 46.2, "precision": "exact",
     "fatalities": "2"},
    {"id": "N-2", "type": "drone_strike", "date": "2020-10-15", "place": "Mockford",
     "area": "Upper Mockford", "latitude": 40.4, "longitude": 46.7, "precision": "exact",
     "fatalities": "0"},
    {"id": "N-3", "type": "clash", "date": "2020-10", "place": "Sampleton heights",
     "area": "Sampleton", "latitude": 39.8, "longitude": 46.9, "precision": "district",
     "fatalities": "1-5"},
]  # fmt: skip

#: What the register keeps of ROWS, whatever the file's format.
STORED = [
    ("N-1", "shelling", "2020-10-14", "Testvale", 40.1, 46.2, "exact", None, 2, None),
    ("N-2", "drone_strike", "2020-10-15", "Mockford", 40.4, 46.7, "exact", None, 0, None),
    ("N-3", "clash", "2020-10", "Sampleton heights", 39.8, 46.9, "district", 1, None, 5),
]


def acled_row(event_id: str, sub_event_type: str, day: str, lat: str, lon: str) -> Row:
    """An event as ACLED's API gives it (every value a string)."""
    return {
        "event_id_cnty": event_id, "event_date": day, "year": day[:4], "time_precision": "1",
        "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
        "sub_event_type": sub_event_type, "actor1": "Military Forces of Southland (2019-)",
        "assoc_actor_1": "", "actor2": "Civilians (Northland)", "assoc_actor_2": "",
        "interaction": "17", "country": "Testland", "admin1": "Testvale Region",
        "admin2": "Lower Testvale", "admin3": "", "location": "Testvale", "latitude": lat,
        "longitude": lon, "geo_precision": "1", "source": "Testvale Herald",
        "source_scale": "Subnational", "notes": "Invented for a test.", "fatalities": "2",
        "timestamp": "1603000000",
    }  # fmt: skip


def ucdp_row(event_id: int, start: str, end: str, lat: float, lon: float) -> Row:
    """An event as UCDP's GED API gives it (numbers as numbers)."""
    return {
        "id": event_id, "year": int(start[:4]), "type_of_violence": 1,
        "conflict_name": "Northland: Southland",
        "dyad_name": "Government of Northland - Government of Southland",
        "side_a": "Government of Northland", "side_b": "Government of Southland",
        "source_office": "Testvale Herald", "source_headline": "Fighting near Testvale",
        "where_prec": 1, "where_coordinates": "Testvale village", "adm_1": "Testvale Region",
        "adm_2": "Lower Testvale district", "latitude": lat, "longitude": lon,
        "country": "Testland", "date_prec": 1, "date_start": start, "date_end": end,
        "deaths_a": 1, "deaths_b": 2, "deaths_civilians": 0, "deaths_unknown": 0, "best": 3,
        "high": 5, "low": 2,
    }  # fmt: skip


# --------------------------------------------------------------------------- writing files


def write_csv(path: Path, rows: list[Row]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_jsonl(path: Path, rows: list[Row]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def write_json(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return path


def feature(row: Row) -> Row:
    """A row as a GeoJSON feature: its coordinates as a point, the rest as properties."""
    properties = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
    point = {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
    return {"type": "Feature", "properties": properties, "geometry": point}


def write_file(path: Path, file_format: str, rows: list[Row]) -> Path:
    if file_format == "csv":
        return write_csv(path.with_suffix(".csv"), rows)
    if file_format == "jsonl":
        return write_jsonl(path.with_suffix(".jsonl"), rows)
    if file_format == "array":
        return write_json(path.with_suffix(".json"), rows)
    assert file_format == "geojson"
    collection = {"type": "FeatureCollection", "features": [feature(r) for r in rows]}
    return write_json(path.with_suffix(".geojson"), collection)


# --------------------------------------------------------------------------- reading back


def count(register: Register, table: Table) -> int:
    with register.read() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def stored_reports(register: Register) -> list[tuple[Any, ...]]:
    r = incident_reports.c
    query = select(
        r.external_id, r.type, r.time, r.place, r.lat, r.lon, r.precision, r.fatalities_low,
        r.fatalities_best, r.fatalities_high,
    ).order_by(r.id)  # fmt: skip
    with register.read() as connection:
        return [tuple(row) for row in connection.execute(query)]


def state_of(register: Register, external_id: str) -> tuple[str, list[str]]:
    """The verification state of the incident a report is on, and who reports it."""
    r, i = incident_reports.c, incidents.c
    with register.read() as connection:
        incident_id = connection.execute(
            select(r.incident_id).where(r.external_id == external_id)
        ).scalar_one()
        state = connection.execute(select(i.state).where(i.id == incident_id)).scalar_one()
        voices = connection.execute(
            select(r.reported_by).where(r.incident_id == incident_id).order_by(r.id)
        ).scalars()
        return state, list(voices)


def refused(register: Register, path: Path, options: IncidentFileOptions) -> IncidentImportReport:
    """Import a file that must be refused; check the register is exactly as it was."""
    before = table_rows(register.url)
    with pytest.raises(IncidentImportFailed) as caught:
        import_incidents(register, path, options, actor=ACTOR)
    assert table_rows(register.url) == before
    return caught.value.report


# --------------------------------------------------------------------------- formats


@pytest.mark.parametrize("file_format", ["csv", "jsonl", "array", "geojson"])
def test_the_same_incidents_in_every_format(
    register: Register, tmp_path: Path, file_format: str
) -> None:
    path = write_file(tmp_path / "northland-bulletin", file_format, ROWS)
    report = import_incidents(register, path, NORTH, actor=ACTOR)
    assert (report.rows, report.new, report.joined, report.review) == (3, 3, 0, 0)
    assert report.dialect == "rollbook"
    assert report.duplicate_of is None
    assert stored_reports(register) == STORED
    assert count(register, incidents) == 3
    assert count(register, sources) == 1
    assert state_of(register, "N-1") == ("reported", ["Northland MoD"])


def test_an_acled_api_document(register: Register, tmp_path: Path) -> None:
    events = [
        acled_row("TSL1", "Shelling/artillery/missile attack", "2020-10-14", "40.1", "46.2"),
        acled_row("TSL2", "Armed clash", "2020-10-16", "40.3", "46.4"),
    ]
    path = write_json(tmp_path / "acled.json", {"success": True, "data": events})
    report = import_incidents(register, path, MONITOR, actor=ACTOR)
    assert (report.dialect, report.rows, report.new) == ("acled", 2, 2)
    r = incident_reports.c
    with register.read() as connection:
        told = connection.execute(
            select(r.external_id, r.type, r.time, r.perpetrator, r.target, r.reported_by)
            .order_by(r.id)
        ).all()  # fmt: skip
    assert [tuple(row) for row in told] == [
        ("TSL1", "shelling", "2020-10-14", "Military Forces of Southland (2019-)",
         "Civilians (Northland)", "Testvale Herald"),
        ("TSL2", "clash", "2020-10-16", "Military Forces of Southland (2019-)",
         "Civilians (Northland)", "Testvale Herald"),
    ]  # fmt: skip


def test_a_ucdp_document(register: Register, tmp_path: Path) -> None:
    events = [
        ucdp_row(990001, "2020-10-14", "2020-10-16", 40.1, 46.2),
        ucdp_row(990002, "2020-10-20", "2020-10-20", 40.5, 46.6),
    ]
    document = {"TotalCount": 2, "TotalPages": 1, "NextPageUrl": "", "Result": events}
    path = write_json(tmp_path / "ged.json", document)
    report = import_incidents(register, path, MONITOR, actor=ACTOR)
    assert (report.dialect, report.rows, report.new) == ("ucdp", 2, 2)
    assert stored_reports(register) == [
        ("990001", "clash", "2020-10-14/2020-10-16", "Testvale village", 40.1, 46.2, "exact",
         2, 3, 5),
        ("990002", "clash", "2020-10-20", "Testvale village", 40.5, 46.6, "exact", 2, 3, 5),
    ]  # fmt: skip


# --------------------------------------------------------------------------- placing reports


def test_a_file_imported_before_is_recognised(register: Register, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "northland.csv", ROWS)
    first = import_incidents(register, path, NORTH, actor=ACTOR)
    before = table_rows(register.url)
    again = import_incidents(register, path, MONITOR, actor=ACTOR)
    assert again.duplicate_of == first.source_id
    assert (again.rows, again.new, again.joined) == (0, 0, 0)
    assert table_rows(register.url) == before


def test_another_publisher_joins_and_corroborates(register: Register, tmp_path: Path) -> None:
    import_incidents(register, write_csv(tmp_path / "north.csv", ROWS), NORTH, actor=ACTOR)
    seen = [
        {"id": "M-7", "type": "shelling", "date": "2020-10-14", "latitude": 40.1 + KM,
         "longitude": 46.2},
        {"id": "M-8", "type": "sniper_fire", "date": "2020-10-18", "latitude": 40.0,
         "longitude": 46.0},
    ]  # fmt: skip
    report = import_incidents(register, write_csv(tmp_path / "m.csv", seen), MONITOR, actor=ACTOR)
    assert (report.rows, report.joined, report.corroborated, report.new) == (2, 1, 1, 1)
    assert state_of(register, "N-1") == (
        "corroborated",
        ["Northland MoD", "Testland Ceasefire Monitor"],
    )
    assert state_of(register, "M-8") == ("reported", ["Testland Ceasefire Monitor"])
    assert count(register, incidents) == 4


def test_one_outlet_does_not_corroborate_itself(register: Register, tmp_path: Path) -> None:
    import_incidents(register, write_csv(tmp_path / "north.csv", ROWS), NORTH, actor=ACTOR)
    later = [{"id": "N-1b", "type": "shelling", "date": "2020-10-14", "latitude": 40.1,
              "longitude": 46.2 + 0.005}]  # fmt: skip
    evening = IncidentFileOptions(title="Northland MoD evening bulletin",
                                  publisher=" northland  MoD", published=PUBLISHED)  # fmt: skip
    report = import_incidents(register, write_csv(tmp_path / "n2.csv", later), evening, actor=ACTOR)
    assert (report.joined, report.corroborated) == (1, 0)
    assert state_of(register, "N-1")[0] == "reported"


def test_a_files_own_rows_are_never_joined(register: Register, tmp_path: Path) -> None:
    twice = [{**ROWS[0], "id": "N-1"}, {**ROWS[0], "id": "N-1-again"}]
    report = import_incidents(
        register, write_csv(tmp_path / "twice.csv", twice), NORTH, actor=ACTOR
    )
    assert (report.new, report.joined, report.review, report.corroborated) == (2, 0, 0, 0)
    assert count(register, incidents) == 2
    assert count(register, incident_pairs) == 0


def test_a_doubtful_report_waits_for_review(register: Register, tmp_path: Path) -> None:
    import_incidents(register, write_csv(tmp_path / "north.csv", ROWS), NORTH, actor=ACTOR)
    farther = [{"id": "M-9", "type": "shelling", "date": "2020-10-14",
                "latitude": 40.1 + 5 * KM, "longitude": 46.2}]  # fmt: skip
    report = import_incidents(
        register, write_csv(tmp_path / "m.csv", farther), MONITOR, actor=ACTOR
    )
    assert (report.review, report.new, report.joined) == (1, 0, 0)
    with register.read() as connection:
        pairs = connection.execute(select(incident_pairs.c.km, incident_pairs.c.state)).all()
    assert len(pairs) == 1
    assert pairs[0].km == pytest.approx(5.0, abs=0.01)
    assert pairs[0].state == "review"
    assert count(register, incidents) == 4
    assert state_of(register, "N-1") == ("reported", ["Northland MoD"])


def test_a_general_ceasefire_violation_is_doubtful(register: Register, tmp_path: Path) -> None:
    import_incidents(register, write_csv(tmp_path / "north.csv", ROWS), NORTH, actor=ACTOR)
    general = [{"id": "M-10", "type": "ceasefire violation", "date": "2020-10-14",
                "latitude": 40.1, "longitude": 46.2}]  # fmt: skip
    report = import_incidents(
        register, write_csv(tmp_path / "m.csv", general), MONITOR, actor=ACTOR
    )
    assert (report.review, report.joined) == (1, 0)


# --------------------------------------------------------------------------- refusals

FUTURE = (dt.date.today() + dt.timedelta(days=60)).isoformat()


@pytest.mark.parametrize(
    ("change", "column", "reason"),
    [
        ({"latitude": 95}, "latitude", "95.0 is outside -90 to 90"),
        ({"longitude": ""}, "longitude", "no coordinates"),
        ({"date": FUTURE}, "date", f"{FUTURE} is in the future"),
        ({"fatalities": "many"}, "fatalities", "'many' is not N, LOW-HIGH or LOW-BEST-HIGH"),
    ],
    ids=["latitude-95", "no-longitude", "future", "fatalities"],
)
def test_a_bad_row_refuses_the_whole_file(
    register: Register, tmp_path: Path, change: Row, column: str, reason: str
) -> None:
    import_incidents(register, write_csv(tmp_path / "north.csv", ROWS), NORTH, actor=ACTOR)
    rows = [ROWS[0], {**ROWS[1], **change}, ROWS[2]]
    report = refused(register, write_csv(tmp_path / "bad.csv", rows), MONITOR)
    assert len(report.problems) == 1
    problem = report.problems[0]
    assert (problem.row, problem.column) == (3, column)
    assert problem.reason.startswith(reason)


def test_a_row_before_the_war_began_is_refused(register: Register, tmp_path: Path) -> None:
    payload = {"key": "war_start", "value": "2020-09-27"}
    with register.write(SET_ACTION, payload, actor=ACTOR) as work:
        apply_set(work)
    rows = [ROWS[0], {**ROWS[1], "date": "2020-09-20"}]
    report = refused(register, write_jsonl(tmp_path / "early.jsonl", rows), NORTH)
    assert [(p.row, p.column) for p in report.problems] == [(2, "date")]
    assert report.problems[0].reason == "2020-09-20 is before the war began (2020-09-27)"


def test_every_bad_row_is_named(register: Register, tmp_path: Path) -> None:
    rows = [{**ROWS[0], "latitude": -91}, ROWS[1], {**ROWS[2], "longitude": "east"}]
    report = refused(register, write_json(tmp_path / "bad.json", rows), NORTH)
    assert [(p.row, p.column) for p in report.problems] == [(1, "latitude"), (3, "longitude")]
    assert count(register, sources) == 0


def test_a_malformed_json_document_is_refused(register: Register, tmp_path: Path) -> None:
    whole = json.dumps(ROWS[0])
    path = tmp_path / "cut.json"
    path.write_text(f'[\n{whole},\n{{"type": "shelling", "date": \n', encoding="utf-8")
    report = refused(register, path, NORTH)
    assert [p.row for p in report.problems] == [2]
    assert report.problems[0].reason.startswith("not valid JSON")


def test_a_json_document_without_incidents_is_refused(register: Register, tmp_path: Path) -> None:
    path = write_json(tmp_path / "denied.json", {"success": False, "error": {"status": 403}})
    report = refused(register, path, NORTH)
    assert [p.reason for p in report.problems] == ["no array of incidents in the JSON document"]


# --------------------------------------------------------------------------- files as found


def test_a_single_line_json_document_is_read_like_an_indented_one(
    register: Register, tmp_path: Path
) -> None:
    # APIs send their JSON on one line; the document must not be taken for JSON lines.
    events = [acled_row("TSL1", "Armed clash", "2020-10-14", "40.1", "46.2")]
    path = tmp_path / "acled-api.json"
    path.write_text(json.dumps({"success": True, "data": events}), encoding="utf-8")
    report = import_incidents(register, path, MONITOR, actor=ACTOR)
    assert (report.dialect, report.rows, report.new) == ("acled", 1, 1)


def test_a_feature_collection_with_a_crs_member_is_read(register: Register, tmp_path: Path) -> None:
    # GDAL and QGIS write "crs" (an object) before "features".
    collection = {
        "type": "FeatureCollection", "name": "northland_bulletin",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
        "features": [feature(r) for r in ROWS],
    }  # fmt: skip
    path = write_json(tmp_path / "bulletin.geojson", collection)
    report = import_incidents(register, path, NORTH, actor=ACTOR)
    assert (report.rows, report.new) == (3, 3)
    assert stored_reports(register) == STORED


def test_a_key_missing_from_the_first_json_object_is_not_lost(
    register: Register, tmp_path: Path
) -> None:
    rows = [ROWS[0], {**ROWS[1], "wounded": 4}]  # only the second object says how many
    path = write_json(tmp_path / "northland.json", rows)
    try:
        import_incidents(register, path, NORTH, actor=ACTOR)
    except IncidentImportFailed as failed:  # refusing it, naming the key, would do too
        assert any("wounded" in p.reason for p in failed.report.problems)
        return
    with register.read() as connection:
        wounded = connection.execute(
            select(incident_reports.c.wounded).order_by(incident_reports.c.id)
        ).scalars()
        assert list(wounded) == [None, 4]


def test_a_csv_row_with_more_cells_than_the_header_is_refused(
    register: Register, tmp_path: Path
) -> None:
    # An unquoted comma splits the last cell: the import must not cut it short silently.
    path = tmp_path / "comma.csv"
    path.write_text(
        "type,date,latitude,longitude,description\n"
        "shelling,2020-10-14,40.1,46.2,Shells fell on Testvale, two houses burned\n",
        encoding="utf-8",
    )
    report = refused(register, path, NORTH)
    assert [p.row for p in report.problems] == [2]
