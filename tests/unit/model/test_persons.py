"""A person resolved from their records, and the rules a single record must keep."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.model.dates import PartialDate
from rollbook.model.persons import Resolved, display_name, resolve
from rollbook.model.records import MAX_AGE, age_problem, dates_problem, normalise_sex

# --- resolve ------------------------------------------------------------------------------------


def test_resolve_majority_value_wins_over_a_later_variant() -> None:
    records = [
        {"id": 10, "surname": "Tarvelli"},
        {"id": 11, "surname": "Tarvelli"},
        {"id": 12, "surname": "Tarveli"},
    ]
    assert resolve(records)["surname"] == Resolved("Tarvelli", 11, 2)


def test_resolve_tie_goes_to_the_latest_record() -> None:
    records = [
        {"id": 10, "unit": "1st Brigade"},
        {"id": 14, "unit": "3rd Brigade"},
    ]
    assert resolve(records)["unit"] == Resolved("3rd Brigade", 14, 1)


def test_resolve_tie_goes_to_the_latest_record_whatever_the_input_order() -> None:
    records = [
        {"id": 14, "unit": "3rd Brigade"},
        {"id": 10, "unit": "1st Brigade"},
    ]
    assert resolve(records)["unit"].value == "3rd Brigade"


def test_resolve_names_the_latest_agreeing_record_as_provenance() -> None:
    records = [
        {"id": 3, "region": "North"},
        {"id": 8, "region": "North"},
        {"id": 5, "region": "South"},
    ]
    resolved = resolve(records)["region"]
    assert resolved.record_id == 8
    assert resolved.attested_by == 2


def test_resolve_empty_values_attest_nothing() -> None:
    records: list[dict[str, object]] = [
        {"id": 1, "rank": "Sergeant", "unit": ""},
        {"id": 2, "rank": "", "unit": None},
        {"id": 3, "rank": None},
    ]
    resolved = resolve(records)
    assert resolved["rank"] == Resolved("Sergeant", 1, 1)
    assert "unit" not in resolved


def test_resolve_ignores_fields_that_are_not_person_fields() -> None:
    records = [{"id": 1, "surname": "Brunov", "contact": "+000 555 0101", "notes": "x"}]
    assert set(resolve(records)) == {"surname"}


def test_resolve_of_no_records_is_empty() -> None:
    assert resolve([]) == {}


def test_resolve_each_field_is_decided_on_its_own() -> None:
    records = [
        {"id": 1, "surname": "Hastovar", "unit": "2nd Brigade"},
        {"id": 2, "surname": "Hastovar", "unit": "5th Brigade"},
        {"id": 3, "surname": "Gastovar", "unit": "5th Brigade"},
    ]
    resolved = resolve(records)
    assert resolved["surname"] == Resolved("Hastovar", 2, 2)
    assert resolved["unit"] == Resolved("5th Brigade", 3, 2)


def test_display_name_prefers_the_whole_name_then_its_parts_surname_first() -> None:
    whole = resolve([{"id": 1, "full_name": "Oskan Tarvelli", "surname": "Tarvelli"}])
    parts = resolve([{"id": 1, "given_name": "Oskan", "surname": "Tarvelli"}])
    assert display_name(whole) == "Oskan Tarvelli"
    assert display_name(parts) == "Tarvelli Oskan"
    assert display_name({}) == "(no name)"


# --- dates_problem ------------------------------------------------------------------------------

TODAY = dt.date(2021, 1, 15)


def iso(text: str) -> PartialDate:
    return PartialDate.from_iso(text)


def test_dates_problem_consistent_dates_have_none() -> None:
    assert dates_problem(iso("1998-04-02"), iso("2020-10-03"), TODAY) is None


def test_dates_problem_missing_dates_have_none() -> None:
    assert dates_problem(None, None, TODAY) is None
    assert dates_problem(iso("1998"), None, TODAY) is None
    assert dates_problem(None, iso("2020-10"), TODAY) is None


def test_dates_problem_birth_after_the_import_date_is_a_birth_date_problem() -> None:
    field, reason = dates_problem(iso("2021-02-01"), None, TODAY) or ("", "")
    assert field == "birth_date"
    assert "after the import date 2021-01-15" in reason


def test_dates_problem_event_after_the_import_date_is_an_event_date_problem() -> None:
    field, reason = dates_problem(None, iso("2021-03"), TODAY) or ("", "")
    assert field == "event_date"
    assert "2021-03 is after the import date" in reason


def test_dates_problem_event_before_birth_is_an_event_date_problem() -> None:
    field, reason = dates_problem(iso("1998-04-02"), iso("1997"), TODAY) or ("", "")
    assert field == "event_date"
    assert "before the birth date 1998-04-02" in reason


def test_dates_problem_partial_dates_that_may_be_the_same_day_are_no_problem() -> None:
    assert dates_problem(iso("2020"), iso("2020-10-03"), TODAY) is None


def test_dates_problem_person_older_than_the_maximum_age_is_a_birth_date_problem() -> None:
    field, reason = dates_problem(iso("1890"), iso("2020-10-03"), TODAY) or ("", "")
    assert field == "birth_date"
    assert f"older than {MAX_AGE}" in reason


def test_dates_problem_import_day_itself_is_not_the_future() -> None:
    assert dates_problem(iso("2000"), iso("2021-01-15"), TODAY) is None


# --- age_problem --------------------------------------------------------------------------------


@pytest.mark.parametrize("age", [0, 19, MAX_AGE])
def test_age_problem_ages_from_zero_to_the_maximum_are_fine(age: int) -> None:
    assert age_problem(age) is None


@pytest.mark.parametrize("age", [-1, MAX_AGE + 1, 250])
def test_age_problem_ages_outside_the_range_are_refused(age: int) -> None:
    assert age_problem(age) == f"age {age} is outside 0–{MAX_AGE}"


# --- normalise_sex ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("M", "M"),
        ("male", "M"),
        (" Male ", "M"),
        ("Kişi", "M"),
        ("муж.", "M"),
        ("F", "F"),
        ("Female", "F"),
        ("qadın", "F"),
        ("ж", "F"),
        ("жен.", "F"),
    ],
)
def test_normalise_sex_common_words_give_m_or_f(text: str, sex: str) -> None:
    assert normalise_sex(text) == sex


@pytest.mark.parametrize("text", ["", "unknown", "soldier", "X"])
def test_normalise_sex_unknown_words_give_none(text: str) -> None:
    assert normalise_sex(text) is None
