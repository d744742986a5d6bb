import datetime
import tomllib
from collections.abc import Iterator
from decimal import Decimal
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rollbook.ingest import dates as ingest_dates
from rollbook.ingest.dates import (
    month_names,
    month_number,
    parse_cache_clear,
    parse_cache_info,
    parse_date_cell,
    parse_partial_date,
)
from rollbook.model.dates import DateError, PartialDate

MONTH_TABLES: dict[str, dict[str, int]] = tomllib.loads(
    (resources.files("rollbook") / "resources" / "months.toml").read_text(encoding="utf-8")
)
ALL_MONTH_NAMES = [
    (language, name, number)
    for language, table in MONTH_TABLES.items()
    for name, number in table.items()
]
ENGLISH = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def iso(text: str) -> str:
    return parse_partial_date(text).iso()


@pytest.fixture
def no_dateparser(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail if a text reaches the dateparser fallback (and keep the memo clean around it)."""

    def refuse(text: str) -> PartialDate | None:
        raise AssertionError(f"{text!r} reached dateparser")

    parse_cache_clear()
    monkeypatch.setattr(ingest_dates, "_parse_fallback", refuse)
    yield
    parse_cache_clear()


# --- numeric forms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1994", "1994"),
        ("03.1994", "1994-03"),
        ("3.1994", "1994-03"),
        ("03/1994", "1994-03"),
        ("03-1994", "1994-03"),
        ("12.03.1994", "1994-03-12"),
        ("12/03/1994", "1994-03-12"),
        ("12-03-1994", "1994-03-12"),
        ("2.3.1994", "1994-03-02"),
        ("1994-03", "1994-03"),
        ("1994-3", "1994-03"),
        ("1994-03-12", "1994-03-12"),
        ("1994.03.12", "1994-03-12"),
        ("1994/03/12", "1994-03-12"),
        ("1994-03-12T00:00:00", "1994-03-12"),
        ("1994-03-12 00:00:00", "1994-03-12"),
        ("1994-03-12T23:59:59.123456", "1994-03-12"),
        ("1994-03-12T10:00:00+03:00", "1994-03-12"),
        ("1994-03-12T23:30:00Z", "1994-03-12"),
        ("1994-03-12 10:00", "1994-03-12"),
        ("12.03.1994 0:00:00", "1994-03-12"),
    ],
)
def test_parse_numeric_forms_keep_their_precision(
    text: str, expected: str, no_dateparser: None
) -> None:
    assert iso(text) == expected


def test_parse_year_only_keeps_year_precision() -> None:
    date = parse_partial_date("1994")
    assert date == PartialDate(1994)
    assert date.precision == "year"


def test_parse_month_year_keeps_month_precision() -> None:
    assert parse_partial_date("03.1994") == PartialDate(1994, 3)


def test_parse_day_month_year_keeps_day_precision() -> None:
    assert parse_partial_date("12.03.1994") == PartialDate(1994, 3, 12)


def test_parse_numeric_dates_are_day_first() -> None:
    assert parse_partial_date("03/04/1994") == PartialDate(1994, 4, 3)
    assert parse_partial_date("04.03.1994") == PartialDate(1994, 3, 4)


@pytest.mark.parametrize(
    "text", [" 12.03.1994", "12.03.1994 ", "\t12.03.1994\n", "\xa012.03.1994\xa0"]
)
def test_parse_allows_surrounding_whitespace(text: str, no_dateparser: None) -> None:
    assert iso(text) == "1994-03-12"


# --- month names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 October 2020", "2020-10-14"),
        ("October 14, 2020", "2020-10-14"),
        ("October 14 2020", "2020-10-14"),
        ("14 Oct 2020", "2020-10-14"),
        ("14 Oct. 2020", "2020-10-14"),
        ("14-Oct-2020", "2020-10-14"),
        ("14th October 2020", "2020-10-14"),
        ("1st May 1945", "1945-05-01"),
        ("Sept 3, 1994", "1994-09-03"),
        ("October 2020", "2020-10"),
        ("Oct 2020", "2020-10"),
        ("14 OCTOBER 2020", "2020-10-14"),
        ("14 october 2020", "2020-10-14"),
        ("2020 October 14", "2020-10-14"),
        ("2020 October", "2020-10"),
        ("1994 year", "1994"),
        ("14 October 2020 year", "2020-10-14"),
        # Russian
        ("14 октября 2020 г.", "2020-10-14"),
        ("14 октября 2020 г", "2020-10-14"),
        ("14 октября 2020г.", "2020-10-14"),
        ("14 октября 2020 года", "2020-10-14"),
        ("14 ОКТЯБРЯ 2020 Г.", "2020-10-14"),
        ("октябрь 2020", "2020-10"),
        ("октябрь 2020 г.", "2020-10"),
        ("14 окт. 2020", "2020-10-14"),
        ("1 мая 1945 г.", "1945-05-01"),
        ("1994 г.", "1994"),
        ("1994 год", "1994"),
        # Ukrainian
        ("14 жовтня 2020", "2020-10-14"),
        ("14 жовтня 2020 р.", "2020-10-14"),
        ("14 жовтня 2020 року", "2020-10-14"),
        ("жовтень 2020", "2020-10"),
        ("5 травня 1945", "1945-05-05"),
        # Azerbaijani
        ("14 oktyabr 2020", "2020-10-14"),
        ("14 oktyabr 2020 il", "2020-10-14"),
        ("14 oktyabr 2020-ci il", "2020-10-14"),
        ("2020-ci il 14 oktyabr", "2020-10-14"),
        ("yanvar 1994", "1994-01"),
        ("9 may 1945", "1945-05-09"),
        ("1 avqust 1994", "1994-08-01"),
        # Turkish
        ("14 Ekim 2020", "2020-10-14"),
        ("Ekim 2020", "2020-10"),
        ("14 Şubat 1994", "1994-02-14"),
        ("14 ŞUBAT 1994", "1994-02-14"),
        ("14 Mayıs 1994", "1994-05-14"),
        ("14 MAYIS 1994", "1994-05-14"),
        ("14 mayis 1994", "1994-05-14"),
        ("14 NİSAN 1994", "1994-04-14"),
        ("14 Aralık 1994", "1994-12-14"),
        ("14 Ağustos 1994", "1994-08-14"),
        ("14 Ekim 2020 yılı", "2020-10-14"),
        # Armenian
        ("14 հոկտեմբերի 2020", "2020-10-14"),
        ("14 հոկտեմբերի 2020 թ.", "2020-10-14"),
        ("14 հոկտեմբերի, 2020 թ.", "2020-10-14"),
        ("հոկտեմբեր 2020", "2020-10"),
        ("2020 թ. հոկտեմբերի 14", "2020-10-14"),
    ],
)
def test_parse_month_names_on_the_fast_path(text: str, expected: str, no_dateparser: None) -> None:
    assert iso(text) == expected


@pytest.mark.parametrize(
    ("language", "name", "number"),
    ALL_MONTH_NAMES,
    ids=[f"{lang}-{n}" for lang, n, _ in ALL_MONTH_NAMES],
)
def test_parse_every_month_name_in_every_language(
    language: str, name: str, number: int, no_dateparser: None
) -> None:
    assert parse_partial_date(f"14 {name} 2020") == PartialDate(2020, number, 14)
    assert parse_partial_date(f"{name} 2020") == PartialDate(2020, number)
    assert parse_partial_date(f"{name.upper()} 2020") == PartialDate(2020, number)
    assert month_number(name) == number


@pytest.mark.parametrize("language", sorted(MONTH_TABLES))
def test_month_table_covers_all_twelve_months(language: str) -> None:
    assert set(MONTH_TABLES[language].values()) == set(range(1, 13))


def test_month_tables_hold_the_expected_languages() -> None:
    assert set(MONTH_TABLES) == {"en", "ru", "uk", "az", "tr", "hy"}


def test_month_names_lists_every_name_folded() -> None:
    names = month_names()
    assert names["october"] == 10
    assert names["октября"] == 10
    assert names["mayis"] == 5  # Turkish "mayıs", with the dotless i folded
    assert len(names) >= 12 * len(MONTH_TABLES)


def test_month_number_ignores_case_and_a_trailing_dot() -> None:
    assert month_number("OCT.") == 10
    assert month_number("Жовтня") == 10
    assert month_number("soldier") is None


# --- the dateparser fallback ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sunday, 14 October 2020", "2020-10-14"),
        ("the 14th of October, 2020", "2020-10-14"),
        ("14/10/2020 10:00 PM", "2020-10-14"),
        ("Oct 14th 2020 at 5pm", "2020-10-14"),
        ("in October 2020", "2020-10"),
        ("October of 2020", "2020-10"),
        ("October 2020 10:00", "2020-10"),
        ("the year 1994", "1994"),
        ("14.10.2020 г.", "2020-10-14"),
    ],
)
def test_parse_odd_forms_through_dateparser_keeping_precision(text: str, expected: str) -> None:
    assert iso(text) == expected


@pytest.mark.parametrize("text", ["1 Oct 2020 01:00 +0300", "1 Oct 2020 23:00 -0500"])
def test_parse_fallback_keeps_the_written_date_whatever_the_time_zone(text: str) -> None:
    assert iso(text) == "2020-10-01"


@pytest.mark.parametrize(
    "text", ["14 October", "October", "yesterday", "today", "2 days ago", "the 14th", "now"]
)
def test_parse_never_fills_missing_parts_from_today(text: str) -> None:
    with pytest.raises(DateError):
        parse_partial_date(text)


# --- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31.02.1990", "31.02.1990: February 1990 has no day 31"),
        ("29.02.1900", "29.02.1900: February 1900 has no day 29"),
        ("31.04.1994", "31.04.1994: April 1994 has no day 31"),
        ("1990-02-31", "1990-02-31: February 1990 has no day 31"),
        ("31 February 1990", "'31 February 1990': February 1990 has no day 31"),
        ("12.13.1994", "12.13.1994: there is no month 13; months run from 1 to 12"),
        ("00.03.1994", "00.03.1994: March 1994 has no day 0"),
        ("13.1994", "13.1994: there is no month 13; months run from 1 to 12"),
    ],
)
def test_parse_refuses_impossible_dates_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_partial_date(text)
    assert str(caught.value) == message
    assert caught.value.text == text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("12.03.98", "12.03.98"),
        ("12/03/98", "12/03/98"),
        ("03.98", "03.98"),
        ("14 Oct 98", "'14 Oct 98'"),
        ("14 октября 98 г.", "'14 октября 98 г.'"),
        ("12.10.94 10:00 PM", "'12.10.94 10:00 PM'"),
    ],
)
def test_parse_refuses_two_digit_years(text: str, shown: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_partial_date(text)
    assert str(caught.value) == f"{shown}: two-digit year is ambiguous; write the year in full"


@pytest.mark.parametrize("text", ["", " ", "\t\n"])
def test_parse_refuses_empty_text(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_partial_date(text)
    assert caught.value.reason == "empty text"
    assert str(caught.value) == f"{text!r}: empty text"


@pytest.mark.parametrize("text", ["soldier", "unknown", "?", "n/a", "—", "12 soldiers"])
def test_parse_refuses_text_that_is_not_a_date(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_partial_date(text)
    assert str(caught.value) == f"{text!r}: not a date"


def test_parse_names_an_unknown_month() -> None:
    with pytest.raises(DateError) as caught:
        parse_partial_date("14 Octobre 2020")
    assert str(caught.value) == "'14 Octobre 2020': unknown month name 'octobre'"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("0994", 994),
        ("12.03.0994", 994),
        ("3000", 3000),
        ("12.03.19940", 19940),
        ("1 May 945", 945),
    ],
)
def test_parse_refuses_years_out_of_range(text: str, year: int) -> None:
    with pytest.raises(DateError) as caught:
        parse_partial_date(text)
    assert caught.value.reason == f"year {year} is outside the supported range 1000-2999"


def test_parse_refuses_an_impossible_time() -> None:
    with pytest.raises(DateError, match="25:00 is not a valid time of day"):
        parse_partial_date("1994-03-12T25:00")


def test_parse_refuses_digits_of_other_scripts() -> None:
    with pytest.raises(DateError):
        parse_partial_date("١٢.٠٣.١٩٩٤")  # Arabic-Indic digits


def test_parse_refuses_non_strings() -> None:
    with pytest.raises(TypeError):
        parse_partial_date(1994)  # type: ignore[arg-type]


# --- memo -------------------------------------------------------------------------------------


def test_parse_memoises_results() -> None:
    parse_cache_clear()
    first = parse_partial_date("12.03.1994")
    assert parse_partial_date("12.03.1994") is first
    info = parse_cache_info()
    assert (info.hits, info.misses, info.maxsize) == (1, 1, 65536)


def test_parse_memoises_failures_but_raises_a_fresh_error_each_time() -> None:
    parse_cache_clear()
    errors = []
    for _ in range(2):
        with pytest.raises(DateError) as caught:
            parse_partial_date("soldier")
        errors.append(caught.value)
    assert errors[0] is not errors[1]
    assert str(errors[0]) == str(errors[1]) == "'soldier': not a date"
    assert parse_cache_info().hits == 1


# --- round trips ------------------------------------------------------------------------------

any_day = st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(2999, 12, 31))


@given(any_day, st.sampled_from(["%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%Y/%m/%d"]))
def test_parse_reads_every_numeric_day_back(day: datetime.date, pattern: str) -> None:
    text = day.strftime(pattern)
    assert parse_partial_date(text) == PartialDate.from_date(day)


@given(any_day, st.sampled_from(["{d} {m} {y}", "{m} {d}, {y}", "{d} {m} {y} г."]))
def test_parse_reads_every_day_written_with_an_english_month_back(
    day: datetime.date, layout: str
) -> None:
    text = layout.format(d=day.day, m=ENGLISH[day.month - 1], y=day.year)
    assert parse_partial_date(text) == PartialDate.from_date(day)


@given(any_day)
def test_parse_reads_iso_text_of_every_precision_back(day: datetime.date) -> None:
    for date in (
        PartialDate(day.year),
        PartialDate(day.year, day.month),
        PartialDate.from_date(day),
    ):
        assert parse_partial_date(date.iso()) == date


# --- parse_date_cell --------------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, "", "   ", float("nan")])
def test_parse_date_cell_reads_empty_cells_as_none(value: object) -> None:
    assert parse_date_cell(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.date(1994, 3, 12), PartialDate(1994, 3, 12)),
        (datetime.datetime(1994, 3, 12, 23, 59), PartialDate(1994, 3, 12)),
        (1994, PartialDate(1994)),
        (1994.0, PartialDate(1994)),
        (Decimal("1994"), PartialDate(1994)),
        ("12.03.1994", PartialDate(1994, 3, 12)),
        ("  03.1994 ", PartialDate(1994, 3)),
        ("14 октября 2020 г.", PartialDate(2020, 10, 14)),
    ],
)
def test_parse_date_cell_reads_dates_years_and_text(value: object, expected: PartialDate) -> None:
    assert parse_date_cell(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (1994.5, "1994.5: not a date (a number that is not a whole year)"),
        (34405, "34405: year 34405 is outside the supported range 1000-2999"),
        (float("inf"), "'inf': not a date (a number that is not a whole year)"),
        (True, "'True': not a date (a yes/no value)"),
        (Decimal("1994.5"), "1994.5: not a date (a number that is not a whole year)"),
        ([1994], "'[1994]': not a date (a list)"),
        (datetime.date(900, 1, 1), "0900-01-01: year 900 is outside the supported range 1000-2999"),
        ("soldier", "'soldier': not a date"),
    ],
)
def test_parse_date_cell_refuses_other_values(value: object, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date_cell(value)
    assert str(caught.value) == message
