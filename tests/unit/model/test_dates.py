import dataclasses
import datetime
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rollbook.model.dates import MAX_YEAR, MIN_YEAR, DateError, PartialDate, month_key


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(
        st.dates(min_value=datetime.date(MIN_YEAR, 1, 1), max_value=datetime.date(MAX_YEAR, 12, 31))
    )
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate(day.year, day.month, day.day)


# --- construction and precision ---------------------------------------------------------------


def test_year_only_keeps_year_precision() -> None:
    d = PartialDate(1994)
    assert (d.year, d.month, d.day) == (1994, None, None)
    assert d.precision == "year"


def test_year_month_keeps_month_precision() -> None:
    assert PartialDate(1994, 3).precision == "month"


def test_full_date_has_day_precision() -> None:
    assert PartialDate(1994, 3, 12).precision == "day"


def test_year_is_not_padded_to_first_of_january() -> None:
    assert PartialDate(1994) != PartialDate(1994, 1, 1)
    assert PartialDate(1994, 1) != PartialDate(1994, 1, 1)
    assert PartialDate(1994).iso() == "1994"


def test_equal_dates_are_equal_and_hash_alike() -> None:
    assert PartialDate(1994, 3, 12) == PartialDate(1994, 3, 12)
    assert len({PartialDate(1994, 3), PartialDate(1994, 3), PartialDate(1994)}) == 2


def test_partial_date_is_frozen() -> None:
    d = PartialDate(1994)
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.year = 1995  # type: ignore[misc]


def test_partial_dates_have_no_ordering() -> None:
    with pytest.raises(TypeError):
        _ = PartialDate(1994) < PartialDate(1995)  # type: ignore[operator]


@pytest.mark.parametrize("year", [MIN_YEAR, 1994, MAX_YEAR])
def test_years_at_the_edges_of_the_range_are_accepted(year: int) -> None:
    assert PartialDate(year).year == year


# --- validation -------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [0, 999, 3000, -1994, 19940])
def test_year_out_of_range_is_refused(year: int) -> None:
    with pytest.raises(DateError, match=f"year {year} is outside the supported range 1000-2999"):
        PartialDate(year)


@pytest.mark.parametrize("month", [0, 13, -1])
def test_month_out_of_range_is_refused(month: int) -> None:
    with pytest.raises(DateError, match=f"there is no month {month}"):
        PartialDate(1994, month)


def test_day_without_month_is_refused() -> None:
    with pytest.raises(DateError, match="day 12 is given without a month"):
        PartialDate(1994, None, 12)


@pytest.mark.parametrize(
    ("year", "month", "day", "reason"),
    [
        (1990, 2, 31, "February 1990 has no day 31"),
        (1990, 2, 29, "February 1990 has no day 29"),
        (1900, 2, 29, "February 1900 has no day 29"),
        (1994, 4, 31, "April 1994 has no day 31"),
        (1994, 3, 0, "March 1994 has no day 0"),
        (1994, 12, 32, "December 1994 has no day 32"),
    ],
)
def test_impossible_day_is_refused_with_reason(
    year: int, month: int, day: int, reason: str
) -> None:
    with pytest.raises(DateError) as caught:
        PartialDate(year, month, day)
    assert str(caught.value) == reason
    assert caught.value.reason == reason
    assert caught.value.text is None


@pytest.mark.parametrize("year", [1996, 2000, 2024, 1600])
def test_february_29_exists_in_leap_years(year: int) -> None:
    assert PartialDate(year, 2, 29).last_day() == datetime.date(year, 2, 29)


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [(1994.0, None, None), ("1994", None, None), (True, None, None), (1994, 3.0, None)],
)
def test_non_integer_fields_are_a_type_error(year: object, month: object, day: object) -> None:
    with pytest.raises(TypeError):
        PartialDate(year, month, day)  # type: ignore[arg-type]


def test_date_error_is_a_value_error() -> None:
    assert issubclass(DateError, ValueError)


def test_date_error_shows_plain_text_bare_and_other_text_quoted() -> None:
    assert str(DateError("February 1990 has no day 31", "31.02.1990")) == (
        "31.02.1990: February 1990 has no day 31"
    )
    assert str(DateError("not a date", "soldier")) == "'soldier': not a date"
    assert str(DateError("empty text", "")) == "'': empty text"


def test_date_error_survives_pickling() -> None:
    error = DateError("not a date", "soldier")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.reason, copy.text, str(copy)) == (error.reason, error.text, str(error))


# --- ISO text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (PartialDate(1994), "1994"),
        (PartialDate(1994, 3), "1994-03"),
        (PartialDate(1994, 3, 12), "1994-03-12"),
        (PartialDate(1001, 1, 1), "1001-01-01"),
    ],
)
def test_iso_and_str_write_only_the_known_parts(date: PartialDate, text: str) -> None:
    assert date.iso() == text
    assert str(date) == text
    assert PartialDate.from_iso(text) == date


@pytest.mark.parametrize(
    "text",
    ["", "94", "1994-3", "1994-03-1", "1994/03/12", " 1994", "1994-03-12T00:00", "12.03.1994", "x"],
)
def test_from_iso_refuses_anything_iso_does_not_write(text: str) -> None:
    with pytest.raises(DateError, match="not an ISO date"):
        PartialDate.from_iso(text)


def test_from_iso_reports_impossible_dates_with_the_text() -> None:
    with pytest.raises(DateError) as caught:
        PartialDate.from_iso("1990-02-31")
    assert str(caught.value) == "1990-02-31: February 1990 has no day 31"


def test_from_iso_refuses_month_13() -> None:
    with pytest.raises(DateError, match="1994-13: there is no month 13"):
        PartialDate.from_iso("1994-13")


@given(partial_dates())
def test_iso_round_trips_through_from_iso(date: PartialDate) -> None:
    assert PartialDate.from_iso(date.iso()) == date
    assert str(date) == date.iso()


@given(
    st.from_regex(r"[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?", fullmatch=True)
)
def test_valid_iso_text_round_trips_through_iso(text: str) -> None:
    try:
        date = PartialDate.from_iso(text)
    except DateError as error:
        assert "has no day" in error.reason  # only impossible days like 1994-02-30 fail
        return
    assert date.iso() == text


# --- from_date --------------------------------------------------------------------------------


def test_from_date_has_day_precision() -> None:
    assert PartialDate.from_date(datetime.date(1994, 3, 12)) == PartialDate(1994, 3, 12)


def test_from_datetime_drops_the_time() -> None:
    assert PartialDate.from_date(datetime.datetime(1994, 3, 12, 23, 59)) == PartialDate(1994, 3, 12)


def test_from_date_refuses_years_out_of_range() -> None:
    with pytest.raises(DateError, match="year 900"):
        PartialDate.from_date(datetime.date(900, 1, 1))


# --- spans: first_day, last_day, lo, hi -------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "first", "last"),
    [
        (PartialDate(1994), datetime.date(1994, 1, 1), datetime.date(1994, 12, 31)),
        (PartialDate(1994, 3), datetime.date(1994, 3, 1), datetime.date(1994, 3, 31)),
        (PartialDate(1994, 4), datetime.date(1994, 4, 1), datetime.date(1994, 4, 30)),
        (PartialDate(1996, 2), datetime.date(1996, 2, 1), datetime.date(1996, 2, 29)),
        (PartialDate(1900, 2), datetime.date(1900, 2, 1), datetime.date(1900, 2, 28)),
        (PartialDate(2000, 2), datetime.date(2000, 2, 1), datetime.date(2000, 2, 29)),
        (PartialDate(1994, 3, 12), datetime.date(1994, 3, 12), datetime.date(1994, 3, 12)),
    ],
)
def test_first_and_last_day_span_the_whole_partial_date(
    date: PartialDate, first: datetime.date, last: datetime.date
) -> None:
    assert date.first_day() == first
    assert date.last_day() == last
    assert date.lo == first.toordinal()
    assert date.hi == last.toordinal()


def test_leap_year_spans_366_days() -> None:
    assert PartialDate(1996).hi - PartialDate(1996).lo + 1 == 366
    assert PartialDate(1995).hi - PartialDate(1995).lo + 1 == 365
    assert PartialDate(2000).hi - PartialDate(2000).lo + 1 == 366
    assert PartialDate(1900).hi - PartialDate(1900).lo + 1 == 365


@given(partial_dates())
def test_lo_never_exceeds_hi_and_day_dates_are_one_day(date: PartialDate) -> None:
    assert date.lo <= date.hi
    assert (date.lo == date.hi) == (date.precision == "day")


# --- overlaps and certainly_before ------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (PartialDate(1998), PartialDate(1998, 3, 12), True),
        (PartialDate(1998), PartialDate(1998, 12), True),
        (PartialDate(1998, 3), PartialDate(1998, 3, 31), True),
        (PartialDate(1998, 3), PartialDate(1998, 4, 1), False),
        (PartialDate(1998), PartialDate(1999, 1, 1), False),
        (PartialDate(1998, 3, 12), PartialDate(1998, 3, 12), True),
        (PartialDate(1998, 3, 12), PartialDate(1998, 3, 13), False),
        (PartialDate(1996, 2), PartialDate(1996, 2, 29), True),
        (PartialDate(1998), PartialDate(1997), False),
    ],
)
def test_overlaps_asks_whether_they_could_be_the_same_day(
    a: PartialDate, b: PartialDate, expected: bool
) -> None:
    assert a.overlaps(b) is expected
    assert b.overlaps(a) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (PartialDate(1997), PartialDate(1998), True),
        (PartialDate(1997, 12, 31), PartialDate(1998), True),
        (PartialDate(1998), PartialDate(1998, 3, 12), False),
        (PartialDate(1998, 3, 12), PartialDate(1998), False),
        (PartialDate(1998, 2), PartialDate(1998, 3, 1), True),
        (PartialDate(1998, 3, 12), PartialDate(1998, 3, 12), False),
        (PartialDate(1999), PartialDate(1998), False),
    ],
)
def test_certainly_before_needs_every_possible_day_earlier(
    a: PartialDate, b: PartialDate, expected: bool
) -> None:
    assert a.certainly_before(b) is expected


@given(partial_dates(), partial_dates())
def test_two_dates_either_overlap_or_one_is_certainly_first(a: PartialDate, b: PartialDate) -> None:
    outcomes = [a.overlaps(b), a.certainly_before(b), b.certainly_before(a)]
    assert outcomes.count(True) == 1
    assert a.overlaps(b) == b.overlaps(a)


@given(partial_dates())
def test_every_date_overlaps_its_own_year_and_month(date: PartialDate) -> None:
    assert date.overlaps(PartialDate(date.year))
    if date.month is not None:
        assert date.overlaps(PartialDate(date.year, date.month))
    assert date.overlaps(PartialDate.from_date(date.first_day()))
    assert date.overlaps(PartialDate.from_date(date.last_day()))


# --- month_key --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "key"),
    [
        (None, None),
        (PartialDate(1994), None),
        (PartialDate(1994, 3), "1994-03"),
        (PartialDate(1994, 3, 12), "1994-03"),
    ],
)
def test_month_key_needs_at_least_a_month(date: PartialDate | None, key: str | None) -> None:
    assert month_key(date) == key
