"""The rules of incidents: distances, whether two reports tell of one event, fatality
figures, what makes a report unacceptable, and which verification steps may follow.

Every place here is invented; the coordinates are arbitrary points.
"""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.model.dates import DateError, PartialDate
from rollbook.model.incidents import (
    Fatalities,
    IncidentError,
    IncidentType,
    Match,
    Precision,
    Report,
    Verification,
    distance_km,
    match,
    parse_when,
    report_problem,
    verification_problem,
)

#: One km north, in degrees of latitude (on a sphere of the Earth's mean radius).
KM = 1 / 111.19508
LAT, LON = 40.1, 46.2
TODAY = dt.date(2021, 1, 1).toordinal()


def report(
    kind: IncidentType = IncidentType.SHELLING,
    day: str = "2020-10-14",
    *,
    north_km: float = 0.0,
    end: str | None = None,
    precision: Precision = Precision.EXACT,
    lat: float = LAT,
    lon: float = LON,
) -> Report:
    """A report of an event in Testvale, moved `north_km` to the north."""
    return Report(
        type=kind,
        start=PartialDate.from_iso(day),
        end=PartialDate.from_iso(end) if end else None,
        place="Testvale",
        area="Lower Testvale",
        lat=lat + north_km * KM,
        lon=lon,
        precision=precision,
    )


# --------------------------------------------------------------------------- distance_km


def test_one_degree_of_latitude_is_about_111_km() -> None:
    assert distance_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.2, abs=0.05)
    assert distance_km(40.0, 46.0, 41.0, 46.0) == pytest.approx(111.2, abs=0.05)


def test_a_degree_of_longitude_shrinks_towards_the_poles() -> None:
    assert distance_km(0.0, 10.0, 0.0, 11.0) == pytest.approx(111.2, abs=0.05)
    assert distance_km(60.0, 10.0, 60.0, 11.0) == pytest.approx(55.6, abs=0.05)


def test_the_distance_from_a_point_to_itself_is_zero() -> None:
    assert distance_km(LAT, LON, LAT, LON) == 0.0


def test_distance_is_symmetric() -> None:
    there = distance_km(40.1, 46.2, 39.7, 45.9)
    back = distance_km(39.7, 45.9, 40.1, 46.2)
    assert there == pytest.approx(back)
    assert 40.0 < there < 60.0


def test_antipodes_are_half_the_circumference_apart() -> None:
    assert distance_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(20015.1, abs=0.1)


# --------------------------------------------------------------------------- match


def test_one_type_on_one_day_within_the_precision_is_the_same_event() -> None:
    found, km = match(report(), report(north_km=1.0))
    assert found is Match.SAME
    assert km == pytest.approx(1.0, abs=0.01)


def test_the_coarser_precision_sets_the_distance_allowed() -> None:
    near = report(north_km=20.0, precision=Precision.NEAR)
    assert match(report(), near)[0] is Match.SAME  # 20 km is within a "near" 25 km
    assert match(report(), report(north_km=20.0))[0] is Match.DIFFERENT  # not for two exact


def test_two_general_ceasefire_violations_can_be_the_same() -> None:
    general = IncidentType.CEASEFIRE_VIOLATION
    assert match(report(general), report(general, north_km=1.0))[0] is Match.SAME


def test_a_date_known_only_to_the_month_is_doubtful() -> None:
    assert match(report(day="2020-10"), report())[0] is Match.DOUBTFUL


def test_a_date_range_is_doubtful() -> None:
    spread = report(day="2020-10-13", end="2020-10-15")
    assert match(spread, report())[0] is Match.DOUBTFUL


def test_beyond_the_plain_distance_but_within_twice_it_is_doubtful() -> None:
    found, km = match(report(), report(north_km=5.0))  # exact allows 3 km, 6 km at most
    assert found is Match.DOUBTFUL
    assert km == pytest.approx(5.0, abs=0.01)


def test_a_ceasefire_violation_against_a_specific_type_is_doubtful() -> None:
    general = report(IncidentType.CEASEFIRE_VIOLATION)
    assert match(general, report(IncidentType.SHELLING))[0] is Match.DOUBTFUL
    assert match(report(IncidentType.SNIPER_FIRE), general)[0] is Match.DOUBTFUL


def test_days_that_do_not_overlap_are_different_events() -> None:
    assert match(report(day="2020-10-14"), report(day="2020-10-15"))[0] is Match.DIFFERENT
    assert match(report(day="2020-09"), report(day="2020-10-01"))[0] is Match.DIFFERENT


def test_beyond_three_times_the_distance_are_different_events() -> None:
    assert match(report(), report(north_km=10.0))[0] is Match.DIFFERENT


def test_two_different_specific_types_are_different_events() -> None:
    found, _ = match(report(IncidentType.SHELLING), report(IncidentType.SNIPER_FIRE))
    assert found is Match.DIFFERENT


def test_match_is_symmetric() -> None:
    pairs = [
        (report(day="2020-10"), report()),
        (report(IncidentType.CEASEFIRE_VIOLATION), report(north_km=2.0)),
        (report(precision=Precision.DISTRICT), report(north_km=120.0)),
    ]
    for a, b in pairs:
        assert match(a, b)[0] is match(b, a)[0]


# --------------------------------------------------------------------------- Fatalities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2", Fatalities(best=2)),
        ("0", Fatalities(best=0)),
        ("1-3", Fatalities(low=1, high=3)),
        (" 1 - 3 ", Fatalities(low=1, high=3)),
        ("1-2-4", Fatalities(low=1, best=2, high=4)),
        ("2-2", Fatalities(low=2, high=2)),
        ("", Fatalities()),
    ],
)
def test_fatalities_are_read_from_n_low_high_or_low_best_high(
    text: str, expected: Fatalities
) -> None:
    assert Fatalities.parse(text) == expected


@pytest.mark.parametrize("text", ["two", "1-3-5-7", "1--3", "~4", "3.5", "-2"])
def test_fatalities_that_are_not_figures_are_refused(text: str) -> None:
    with pytest.raises(IncidentError) as caught:
        Fatalities.parse(text)
    assert caught.value.field == "fatalities"
    assert "is not N, LOW-HIGH or LOW-BEST-HIGH" in caught.value.reason


def test_fatalities_in_falling_order_are_refused() -> None:
    with pytest.raises(IncidentError, match="must rise in that order"):
        Fatalities.parse("4-1")
    with pytest.raises(IncidentError, match="must rise in that order"):
        Fatalities.parse("1-5-3")


def test_fatalities_with_a_footnote_mark_are_refused_as_an_incident_error() -> None:
    # "12¹" (a count with a footnote mark) passes str.isdigit but not int(): it must be
    # refused like any other bad figure, not escape as a bare ValueError.
    with pytest.raises(IncidentError) as caught:
        Fatalities.parse("12¹")
    assert caught.value.field == "fatalities"


def test_fatalities_check_their_own_figures() -> None:
    with pytest.raises(IncidentError, match="cannot be negative"):
        Fatalities(best=-1)
    with pytest.raises(IncidentError, match="must rise"):
        Fatalities(low=5, best=3)
    with pytest.raises(IncidentError, match="must rise"):
        Fatalities(best=9, high=4)
    assert Fatalities(low=3, best=3, high=3).best == 3
    assert Fatalities(low=1, high=9) == Fatalities(1, None, 9)


# --------------------------------------------------------------------------- report_problem


def test_a_sound_report_has_no_problem() -> None:
    assert report_problem(report(), PartialDate(2020, 9, 27), TODAY) is None
    assert report_problem(report(lat=90.0, lon=-180.0), None, TODAY) is None


@pytest.mark.parametrize(
    ("lat", "lon", "field"),
    [(95.0, LON, "latitude"), (-90.5, LON, "latitude"), (LAT, 181.0, "longitude")],
)
def test_coordinates_off_the_globe_are_a_problem(lat: float, lon: float, field: str) -> None:
    problem = report_problem(report(lat=lat, lon=lon), None, TODAY)
    assert problem is not None
    assert problem.field == field
    assert "is outside" in problem.reason


def test_an_event_that_ends_before_it_starts_is_a_problem() -> None:
    problem = report_problem(report(day="2020-10-14", end="2020-10-12"), None, TODAY)
    assert problem is not None
    assert problem.field == "date"
    assert problem.reason == "it ends (2020-10-12) before it starts (2020-10-14)"


def test_an_event_in_the_future_is_a_problem() -> None:
    problem = report_problem(report(day="2021-01-02"), None, TODAY)
    assert problem is not None
    assert (problem.field, problem.reason) == ("date", "2021-01-02 is in the future")
    assert report_problem(report(day="2021-01-01"), None, TODAY) is None  # today is fine


def test_an_event_before_the_war_began_is_a_problem() -> None:
    war = PartialDate(2020, 9, 27)
    problem = report_problem(report(day="2020-09-26"), war, TODAY)
    assert problem is not None
    assert (problem.field, problem.reason) == (
        "date",
        "2020-09-26 is before the war began (2020-09-27)",
    )
    # A month that holds the war's first day may be within the war.
    assert report_problem(report(day="2020-09"), war, TODAY) is None
    assert report_problem(report(day="2020-09-27"), war, TODAY) is None


# --------------------------------------------------------------------------- verification


def test_a_state_cannot_follow_itself() -> None:
    assert verification_problem(Verification.REPORTED, Verification.REPORTED, 1, "again") == (
        "the incident is already reported"
    )


def test_an_incident_never_goes_back_to_reported() -> None:
    problem = verification_problem(Verification.DISPUTED, Verification.REPORTED, 2, "undo")
    assert problem == "an incident is reported once, by its first source"


def test_corroboration_needs_two_independent_voices() -> None:
    lone = verification_problem(Verification.REPORTED, Verification.CORROBORATED, 1, "seen")
    assert lone is not None and "second independent source" in lone
    assert verification_problem(Verification.REPORTED, Verification.CORROBORATED, 2, "seen") is None


def test_a_ruling_needs_a_reason() -> None:
    assert verification_problem(Verification.REPORTED, Verification.CONFIRMED, 1, "  ") == (
        "a change to confirmed needs a reason"
    )


@pytest.mark.parametrize(
    "new", [Verification.CONFIRMED, Verification.DISPUTED, Verification.REJECTED]
)
def test_a_reasoned_ruling_is_fine(new: Verification) -> None:
    reason = "the Testvale monitors visited the site"
    assert verification_problem(Verification.CORROBORATED, new, 1, reason) is None


# --------------------------------------------------------------------------- parse_when


def test_parse_when_reads_a_day_a_month_and_a_range() -> None:
    assert parse_when("2020-10-14") == (PartialDate(2020, 10, 14), None)
    assert parse_when("2020-10") == (PartialDate(2020, 10), None)
    assert parse_when("2020-10-14/2020-10-16") == (PartialDate(2020, 10, 14),
                                                   PartialDate(2020, 10, 16))  # fmt: skip


def test_parse_when_reads_what_a_report_writes() -> None:
    for given in (report(), report(day="2020-10"), report(end="2020-10-20")):
        start, end = parse_when(given.when)
        assert (start, end) == (given.start, given.end)
    assert report(end="2020-10-20").when == "2020-10-14/2020-10-20"


def test_a_report_spans_the_days_of_its_dates() -> None:
    month = report(day="2020-10")
    assert (month.lo, month.hi) == (dt.date(2020, 10, 1).toordinal(),
                                    dt.date(2020, 10, 31).toordinal())  # fmt: skip
    ranged = report(day="2020-10-14", end="2020-11")
    assert ranged.hi == dt.date(2020, 11, 30).toordinal()


def test_parse_when_refuses_what_is_not_iso() -> None:
    with pytest.raises(DateError):
        parse_when("14.10.2020")


def test_a_date_not_to_the_day_is_doubtful_only_within_the_plain_distance() -> None:
    assert match(report(day="2020-10"), report(north_km=2.0))[0] is Match.DOUBTFUL
    assert match(report(day="2020-10"), report(north_km=5.0))[0] is Match.DIFFERENT
