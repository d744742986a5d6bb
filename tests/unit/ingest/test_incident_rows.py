"""Rows of incident files as reports: Rollbook's own columns, ACLED-shaped and UCDP-GED-shaped
rows, and the errors that name the column at fault.

Every row here was written for these tests; all actors, outlets and places are invented.
"""

from __future__ import annotations

import pytest

from rollbook.ingest.incident_rows import (
    OWN,
    RowAccount,
    RowError,
    dialect_of,
    row_account,
)
from rollbook.model.dates import PartialDate
from rollbook.model.incidents import Fatalities, IncidentType, Precision


def account(cells: dict[str, str]) -> RowAccount:
    """The account of one row, in the dialect its columns mark."""
    return row_account(dialect_of(cells), cells)


def refusal(cells: dict[str, str]) -> RowError:
    with pytest.raises(RowError) as caught:
        account(cells)
    return caught.value


OWN_ROW = {
    "id": "NMOD-2020-0141",
    "type": "shelling",
    "date": "2020-10-14",
    "end": "",
    "place": "Testvale",
    "area": "Lower Testvale",
    "latitude": "40.1000",
    "longitude": "46.2000",
    "precision": "near",
    "reporting_party": "Northland",
    "perpetrator": "Southland artillery",
    "target": "Testvale school",
    "fatalities": "1-2-4",
    "wounded": "7",
    "description": "Shells fell on the school yard at dawn.",
    "reported_by": "Northland MoD",
    "reporter": "Officer Placeholder",
}

ACLED_ROW = {
    "event_id_cnty": "TSL1402",
    "event_date": "2020-10-14",
    "year": "2020",
    "time_precision": "1",
    "disorder_type": "Political violence",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Shelling/artillery/missile attack",
    "actor1": "Military Forces of Southland (2019-)",
    "assoc_actor_1": "",
    "actor2": "Civilians (Northland)",
    "assoc_actor_2": "",
    "interaction": "17",
    "country": "Testland",
    "admin1": "Testvale Region",
    "admin2": "Lower Testvale",
    "admin3": "",
    "location": "Testvale",
    "latitude": "40.1000",
    "longitude": "46.2000",
    "geo_precision": "1",
    "source": "Northland MoD; Testvale Herald",
    "source_scale": "National",
    "notes": "On 14 October 2020, Southland forces shelled Testvale. 2 fatalities.",
    "fatalities": "2",
    "timestamp": "1603000000",
}

UCDP_ROW = {
    "id": "990001",
    "year": "2020",
    "type_of_violence": "1",
    "conflict_name": "Northland: Southland",
    "dyad_name": "Government of Northland - Government of Southland",
    "side_a": "Government of Northland",
    "side_b": "Government of Southland",
    "source_office": "Testvale Herald",
    "source_headline": "Fighting near Testvale",
    "where_prec": "2",
    "where_coordinates": "Testvale village",
    "adm_1": "Testvale Region",
    "adm_2": "Lower Testvale district",
    "latitude": "40.1",
    "longitude": "46.2",
    "country": "Testland",
    "date_prec": "1",
    "date_start": "2020-10-14",
    "date_end": "2020-10-16",
    "deaths_a": "1",
    "deaths_b": "2",
    "deaths_civilians": "0",
    "deaths_unknown": "0",
    "best": "3",
    "high": "5",
    "low": "2",
}


# --------------------------------------------------------------------------- dialect_of


def test_the_dialect_is_known_by_its_marks() -> None:
    assert dialect_of(list(ACLED_ROW)).name == "acled"
    assert dialect_of(list(UCDP_ROW)).name == "ucdp"
    assert dialect_of(list(OWN_ROW)) is OWN
    assert OWN.name == "rollbook"


def test_the_marks_are_read_whatever_their_case_and_spacing() -> None:
    assert dialect_of([" Event_ID_Cnty ", "SUB_EVENT_TYPE", "latitude"]).name == "acled"
    assert dialect_of(["Where_Prec", "Date_Start", "Side_A "]).name == "ucdp"


def test_a_header_with_only_some_marks_is_rollbooks_own() -> None:
    assert dialect_of(["event_id_cnty", "latitude", "longitude"]) is OWN
    assert dialect_of(["date_start", "side_a", "latitude"]) is OWN


# --------------------------------------------------------------------------- Rollbook's own


def test_a_row_in_rollbooks_own_columns() -> None:
    found = account(OWN_ROW)
    r = found.report
    assert found.reported_by == "Northland MoD"
    assert (found.external_id, found.reporter) == ("NMOD-2020-0141", "Officer Placeholder")
    assert (r.type, r.start, r.end) == (IncidentType.SHELLING, PartialDate(2020, 10, 14), None)
    assert (r.place, r.area, r.lat, r.lon) == ("Testvale", "Lower Testvale", 40.1, 46.2)
    assert r.precision is Precision.NEAR
    assert r.reporting_party == "Northland"
    assert (r.perpetrator, r.target) == ("Southland artillery", "Testvale school")
    assert r.fatalities == Fatalities(low=1, best=2, high=4)
    assert r.wounded == 7
    assert r.description == "Shells fell on the school yard at dawn."


def test_the_short_names_of_rollbooks_columns() -> None:
    found = account({
        "Type": "Sniper Fire", "start": "14.10.2020", "until": "16.10.2020", "lat": "40,5",
        "lon": "46.25", "source": "Testvale Herald",
    })  # fmt: skip
    r = found.report
    assert r.type is IncidentType.SNIPER_FIRE
    assert (r.start, r.end) == (PartialDate(2020, 10, 14), PartialDate(2020, 10, 16))
    assert (r.lat, r.lon) == (40.5, 46.25)
    assert found.reported_by == "Testvale Herald"


def test_rollbooks_own_defaults() -> None:
    found = account({"date": "2020-10", "latitude": "40.1", "longitude": "46.2"})
    r = found.report
    assert r.type is IncidentType.OTHER
    assert r.precision is Precision.EXACT
    assert r.start == PartialDate(2020, 10)
    assert r.fatalities == Fatalities()
    assert r.wounded is None
    assert (found.reported_by, found.external_id, found.reporter) == ("", "", "")


def test_fatalities_may_come_in_three_columns() -> None:
    found = account({
        "date": "2020-10-14", "latitude": "40.1", "longitude": "46.2", "fatalities_low": "1",
        "fatalities_best": "", "fatalities_high": "6",
    })  # fmt: skip
    assert found.report.fatalities == Fatalities(low=1, high=6)


# --------------------------------------------------------------------------- ACLED


def test_an_acled_row() -> None:
    found = account(ACLED_ROW)
    r = found.report
    assert r.type is IncidentType.SHELLING
    assert (r.start, r.end) == (PartialDate(2020, 10, 14), None)
    assert r.place == "Testvale"
    assert r.area == "Lower Testvale, Testvale Region, Testland"
    assert (r.lat, r.lon, r.precision) == (40.1, 46.2, Precision.EXACT)
    assert r.perpetrator == "Military Forces of Southland (2019-)"
    assert r.target == "Civilians (Northland)"
    assert r.fatalities == Fatalities(best=2)
    assert r.description.startswith("On 14 October 2020")
    assert found.reported_by == "Northland MoD; Testvale Herald"
    assert (found.external_id, found.reporter) == ("TSL1402", "")


@pytest.mark.parametrize(
    ("sub_event_type", "expected"),
    [
        ("Armed clash", IncidentType.CLASH),
        ("Shelling/artillery/missile attack", IncidentType.SHELLING),
        ("Air/drone strike", IncidentType.DRONE_STRIKE),
        ("Remote explosive/landmine/IED", IncidentType.MINE),
        ("Attack", IncidentType.OTHER),
        ("Looting/property destruction", IncidentType.OTHER),
    ],
)
def test_acled_sub_event_types(sub_event_type: str, expected: IncidentType) -> None:
    assert account({**ACLED_ROW, "sub_event_type": sub_event_type}).report.type is expected


def test_acled_time_precision_2_is_the_week_around_the_date() -> None:
    r = account({**ACLED_ROW, "time_precision": "2"}).report
    assert (r.start, r.end) == (PartialDate(2020, 10, 11), PartialDate(2020, 10, 17))


def test_acled_time_precision_2_crosses_month_ends() -> None:
    r = account({**ACLED_ROW, "event_date": "2020-10-30", "time_precision": "2"}).report
    assert (r.start, r.end) == (PartialDate(2020, 10, 27), PartialDate(2020, 11, 2))


def test_acled_time_precision_3_is_the_month() -> None:
    r = account({**ACLED_ROW, "time_precision": "3"}).report
    assert (r.start, r.end) == (PartialDate(2020, 10), None)


def test_acled_dates_in_words_are_read() -> None:
    r = account({**ACLED_ROW, "event_date": "14 October 2020"}).report
    assert r.start == PartialDate(2020, 10, 14)


@pytest.mark.parametrize(
    ("geo", "expected"), [("1", Precision.EXACT), ("2", Precision.NEAR), ("3", Precision.REGION)]
)
def test_acled_geo_precision(geo: str, expected: Precision) -> None:
    assert account({**ACLED_ROW, "geo_precision": geo}).report.precision is expected


def test_an_acled_row_without_a_source_leaves_the_speaker_to_the_file() -> None:
    assert account({**ACLED_ROW, "source": ""}).reported_by == ""


# --------------------------------------------------------------------------- UCDP GED


def test_a_ucdp_row() -> None:
    found = account(UCDP_ROW)
    r = found.report
    assert r.type is IncidentType.CLASH
    assert (r.start, r.end) == (PartialDate(2020, 10, 14), PartialDate(2020, 10, 16))
    assert r.place == "Testvale village"
    assert r.area == "Lower Testvale district, Testvale Region, Testland"
    assert (r.lat, r.lon, r.precision) == (40.1, 46.2, Precision.NEAR)
    assert r.fatalities == Fatalities(low=2, best=3, high=5)
    assert (r.perpetrator, r.target) == ("", "")  # sides of a clash have no direction
    assert r.description == "Fighting near Testvale"
    assert found.reported_by == "Testvale Herald"
    assert found.external_id == "990001"


def test_a_ucdp_row_of_one_day_has_no_end() -> None:
    r = account({**UCDP_ROW, "date_end": "2020-10-14"}).report
    assert (r.start, r.end) == (PartialDate(2020, 10, 14), None)


def test_ucdp_dates_with_a_time_are_read() -> None:
    timed = {**UCDP_ROW, "date_start": "2020-10-14 00:00:00.000", "date_end": "2020-10-16T00:00"}
    r = account(timed).report
    assert (r.start, r.end) == (PartialDate(2020, 10, 14), PartialDate(2020, 10, 16))


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("1", Precision.EXACT),
        ("2", Precision.NEAR),
        ("3", Precision.DISTRICT),
        ("4", Precision.REGION),
        ("5", Precision.REGION),
        ("6", Precision.COUNTRY),
        ("7", Precision.COUNTRY),
    ],
)
def test_ucdp_where_prec(where: str, expected: Precision) -> None:
    assert account({**UCDP_ROW, "where_prec": where}).report.precision is expected


def test_ucdp_one_sided_violence_names_side_a_as_the_perpetrator() -> None:
    r = account({**UCDP_ROW, "type_of_violence": "3", "side_b": "Civilians"}).report
    assert r.type is IncidentType.OTHER
    assert (r.perpetrator, r.target) == ("Government of Northland", "Civilians")


def test_ucdp_description_falls_back_to_the_dyad_then_the_sides() -> None:
    no_headline = {**UCDP_ROW, "source_headline": ""}
    assert account(no_headline).report.description == (
        "Government of Northland - Government of Southland"
    )
    bare = {**no_headline, "dyad_name": ""}
    assert account(bare).report.description == (
        "Government of Northland vs Government of Southland"
    )


def test_ucdp_best_alone() -> None:
    r = account({**UCDP_ROW, "low": "", "high": "", "best": "4"}).report
    assert r.fatalities == Fatalities(best=4)


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        ({**OWN_ROW, "latitude": ""}, "latitude", "no coordinates"),
        ({**OWN_ROW, "longitude": "forty-six"}, "longitude", "'forty-six' is not a number"),
        ({**OWN_ROW, "type": "artillery duel"}, "type", "'artillery_duel' is not one of"),
        ({**OWN_ROW, "precision": "vague"}, "precision", "'vague' is not one of"),
        ({**OWN_ROW, "wounded": "several"}, "wounded", "'several' is not a count"),
        ({**OWN_ROW, "wounded": "-1"}, "wounded", "'-1' is not a count"),
        ({**OWN_ROW, "fatalities": "some"}, "fatalities", "is not N, LOW-HIGH"),
        ({**OWN_ROW, "fatalities": "5-2"}, "fatalities", "must rise"),
        ({**OWN_ROW, "date": "31.02.2020"}, "date", "February 2020 has no day 31"),
        ({**OWN_ROW, "date": ""}, "date", "no date"),
        ({**OWN_ROW, "end": "soon"}, "end", "not a date"),
    ],
    ids=["no-latitude", "lon-text", "type", "precision", "wounded-text", "wounded-negative",
         "fatalities-text", "fatalities-falling", "date-impossible", "date-empty", "end"],
)  # fmt: skip
def test_a_bad_cell_of_rollbooks_own_names_its_column(
    row: dict[str, str], column: str, reason: str
) -> None:
    error = refusal(row)
    assert error.column == column
    assert reason in error.reason


def test_a_missing_coordinate_column_is_named() -> None:
    row = {k: v for k, v in OWN_ROW.items() if k != "longitude"}
    assert refusal(row).column == "longitude"


def test_a_bad_fatality_column_is_named() -> None:
    error = refusal({**OWN_ROW, "fatalities": "", "fatalities_high": "many"})
    assert (error.column, error.reason) == ("fatalities_high", "'many' is not a count")
    error = refusal({**OWN_ROW, "fatalities": "", "fatalities_low": "9", "fatalities_high": "3"})
    assert error.column == "fatalities"


def test_fatalities_with_a_footnote_mark_are_a_row_error() -> None:
    # "12¹" passes str.isdigit but not int(): the row must be refused with its column,
    # not break the import with a bare ValueError.
    error = refusal({**OWN_ROW, "fatalities": "12¹"})
    assert error.column == "fatalities"


@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        ({**ACLED_ROW, "latitude": ""}, "latitude", "no coordinates"),
        ({**ACLED_ROW, "longitude": "46.2E"}, "longitude", "is not a number"),
        ({**ACLED_ROW, "fatalities": "2.5"}, "fatalities", "'2.5' is not a count"),
        ({**ACLED_ROW, "fatalities": "-1"}, "fatalities", "'-1' is not a count"),
        ({**ACLED_ROW, "event_date": "2020-13-01"}, "event_date", "there is no month 13"),
        ({**ACLED_ROW, "geo_precision": "4"}, "geo_precision", "'4' is not 1, 2 or 3"),
    ],
    ids=["no-latitude", "lon-text", "fatalities-fraction", "fatalities-negative", "date",
         "geo"],
)  # fmt: skip
def test_a_bad_acled_cell_names_its_column(row: dict[str, str], column: str, reason: str) -> None:
    error = refusal(row)
    assert error.column == column
    assert reason in error.reason


@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        ({**UCDP_ROW, "latitude": " "}, "latitude", "no coordinates"),
        ({**UCDP_ROW, "best": "three"}, "best", "'three' is not a count"),
        ({**UCDP_ROW, "low": "4"}, "best", "must rise"),
        ({**UCDP_ROW, "date_start": "14/10/20"}, "date_start", "two-digit year"),
        ({**UCDP_ROW, "date_end": "later"}, "date_end", "not a date"),
        ({**UCDP_ROW, "where_prec": "8"}, "where_prec", "'8' is not 1 to 7"),
    ],
    ids=["no-latitude", "best", "low-above-best", "date-start", "date-end", "where"],
)
def test_a_bad_ucdp_cell_names_its_column(row: dict[str, str], column: str, reason: str) -> None:
    error = refusal(row)
    assert error.column == column
    assert reason in error.reason
