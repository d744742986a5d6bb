"""Read dates as sources write them, keeping only the precision they actually give.

``parse_partial_date`` runs on every date cell of every imported row, so the forms that make up
nearly all real data (``12.03.1994``, ``1994-03-12``, ``03.1994``, ``1994``, ``14 октября
1994 г.``) are read by hand-written patterns, and results are memoised. Only strings that none
of those patterns reads are handed to ``dateparser``, configured so that it never fills a part
the text does not give from today's date.

Numeric dates are day first: ``03/04/1994`` is 3 April 1994.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import math
import numbers
import re
import tomllib
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, NamedTuple

from rollbook.model.dates import DateError, PartialDate

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = [
    "month_names",
    "month_number",
    "parse_cache_clear",
    "parse_cache_info",
    "parse_date_cell",
    "parse_partial_date",
]

_CACHE_SIZE: Final = 65536

# The languages dateparser may try on the slow path (the same as in months.toml).
_FALLBACK_LANGUAGES: Final = ("en", "ru", "uk", "az", "tr", "hy")

_TWO_DIGIT_YEAR: Final = "two-digit year is ambiguous; write the year in full"
_NOT_A_DATE: Final = "not a date"


# --- month names ------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Case-fold, treating Turkish dotted and dotless i as a plain i."""
    return text.casefold().replace("\u0307", "").replace("ı", "i")


def _load_month_names() -> Mapping[str, int]:
    source = resources.files("rollbook") / "resources" / "months.toml"
    tables = tomllib.loads(source.read_text(encoding="utf-8"))
    names: dict[str, int] = {}
    for language, table in tables.items():
        if not isinstance(table, dict):
            raise ValueError(f"months.toml: [{language}] must be a table")
        for name, number in table.items():
            if type(number) is not int or not 1 <= number <= 12:
                raise ValueError(f"months.toml: [{language}] {name} = {number!r} is not 1-12")
            key = _fold(name)
            if names.setdefault(key, number) != number:
                raise ValueError(
                    f"months.toml: [{language}] {name} = {number}, "
                    f"but another language has it as {names[key]}"
                )
    return MappingProxyType(names)


_MONTHS: Final = _load_month_names()


def month_names() -> Mapping[str, int]:
    """Every month name the fast path knows, case-folded, mapped to its number."""
    return _MONTHS


def month_number(name: str) -> int | None:
    """The month a name or abbreviation means in any supported language, or ``None``."""
    return _MONTHS.get(_fold(name.strip()).rstrip("."))


# --- fast-path patterns -----------------------------------------------------------------------

# ASCII digits only: other scripts' digits would otherwise pass int() unnoticed.
_TIME = (
    r"(?:\s+|[Tt])([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]{1,9})?)?"
    r"(?:\s*(?:[Zz]|UTC|GMT|[+-][0-9]{2}(?::?[0-9]{2})?))?"
)
# The commonest form of all, DD.MM.YYYY without a time, has a pattern of its own.
_DMY_PLAIN = re.compile(r"([0-9]{1,2})([./-])([0-9]{1,2})\2([0-9]{4})")
_DMY = re.compile(r"([0-9]{1,2})([./-])([0-9]{1,2})\2([0-9]+)(?:" + _TIME + ")?")
_YMD = re.compile(r"([0-9]{4})([./-])([0-9]{1,2})\2([0-9]{1,2})(?:" + _TIME + ")?")
_YEAR = re.compile(r"[0-9]{4}")
_MY = re.compile(r"([0-9]{1,2})[./-]([0-9]{4}|[0-9]{2})")
_YM = re.compile(r"([0-9]{4})[./-]([0-9]{1,2})")

# Forms with a month name are matched against the case-folded text.
_WORD = r"([^\W\d_]+)\.?"
_DAY = r"([0-9]{1,2})(?:st|nd|rd|th)?"
_GAP = r"[\s,./-]*"  # between a number and a word, where the boundary is plain anyway
_SEP = r"[\s,./-]+"  # between two numbers
# A year may carry an ordinal ending (Azerbaijani "2020-ci") and a word for "year"
# (г., года, р., року, il, year, թ.; Turkish "yılı" folds to "yili").
_YEAR_WORDS = "г|гг|год|года|р|рік|року|il|year|y|yil|yili|թ|թվական|թվականի"
_AFTER_YEAR = r"(?:\s*-?\s*(?:ci|cu|cü))?(?:\s*(?:" + _YEAR_WORDS + r")\.?)?"
_YEAR_SFX = r"([0-9]+)" + _AFTER_YEAR  # any length, so that "98" can be refused with a reason
_Y_WORD = re.compile(_YEAR_SFX)
_D_MONTH_Y = re.compile(_DAY + _GAP + _WORD + _GAP + _YEAR_SFX)
_MONTH_D_Y = re.compile(_WORD + _GAP + _DAY + _SEP + _YEAR_SFX)
_MONTH_Y = re.compile(_WORD + _GAP + _YEAR_SFX)
# Year first: only a four-digit year, so that "14 October" is not read as the year 14.
_YEAR4_SFX = r"([0-9]{4})" + _AFTER_YEAR
_Y_MONTH_D = re.compile(_YEAR4_SFX + _GAP + _WORD + r"(?:" + _GAP + _DAY + r")?")
_Y_D_MONTH = re.compile(_YEAR4_SFX + _SEP + _DAY + _GAP + _WORD)

_NUMBER = re.compile(r"[0-9]+")


class _Failure(NamedTuple):
    reason: str


class _Reject(Exception):
    """Raised inside the parser with the reason the text is not a date."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _UnknownMonth(_Reject):
    """A word where a month name belongs that is none we know (dateparser may still know it)."""


def _make(year: str, month: str | int | None = None, day: str | None = None) -> PartialDate:
    if len(year) == 2:
        raise _Reject(_TWO_DIGIT_YEAR)
    try:
        return PartialDate(
            int(year),
            None if month is None else int(month),
            None if day is None else int(day),
        )
    except DateError as error:
        raise _Reject(error.reason) from None


def _check_time(hours: str | None, minutes: str | None, seconds: str | None) -> None:
    if hours is None or minutes is None:
        return
    if int(hours) > 23 or int(minutes) > 59 or (seconds is not None and int(seconds) > 59):
        shown = f"{hours}:{minutes}" + ("" if seconds is None else f":{seconds}")
        raise _Reject(f"{shown} is not a valid time of day")


def _month(word: str) -> int:
    number = _MONTHS.get(word)
    if number is None:
        raise _UnknownMonth(f"unknown month name {word!r}")
    return number


def _parse_numeric(s: str) -> PartialDate | None:
    match = _DMY_PLAIN.fullmatch(s)
    if match is not None:
        try:
            return PartialDate(int(match[4]), int(match[3]), int(match[1]))
        except DateError as error:
            raise _Reject(error.reason) from None
    match = _DMY.fullmatch(s)
    if match is not None:
        day, _, month, year, hh, mm, ss = match.groups()
        _check_time(hh, mm, ss)
        return _make(year, month, day)
    match = _YMD.fullmatch(s)
    if match is not None:
        year, _, month, day, hh, mm, ss = match.groups()
        _check_time(hh, mm, ss)
        return _make(year, month, day)
    if _YEAR.fullmatch(s):
        return _make(s)
    match = _MY.fullmatch(s)
    if match is not None:
        return _make(match[2], match[1])
    match = _YM.fullmatch(s)
    if match is not None:
        return _make(match[1], match[2])
    return None


def _parse_named(s: str) -> PartialDate | None:
    """Forms with a month name; *s* is stripped and case-folded."""
    match = _D_MONTH_Y.fullmatch(s)
    if match is not None:
        day, word, year = match.groups()
        return _make(year, _month(word), day)
    match = _MONTH_D_Y.fullmatch(s)
    if match is not None:
        word, day, year = match.groups()
        return _make(year, _month(word), day)
    match = _MONTH_Y.fullmatch(s)
    if match is not None:
        word, year = match.groups()
        return _make(year, _month(word))
    match = _Y_WORD.fullmatch(s)
    if match is not None:
        return _make(match[1])
    match = _Y_MONTH_D.fullmatch(s)
    if match is not None:
        year, word, day = match.groups()
        return _make(year, _month(word), day)
    match = _Y_D_MONTH.fullmatch(s)
    if match is not None:
        year, day, word = match.groups()
        return _make(year, _month(word), day)
    return None


# --- slow path: dateparser --------------------------------------------------------------------


@functools.cache
def _fallback_parser() -> DateDataParser:
    from dateparser.date import DateDataParser  # slow to import, and rarely needed

    # A fixed list of languages and no detect_languages_function: nothing to download, and
    # no network use.
    return DateDataParser(
        languages=list(_FALLBACK_LANGUAGES),
        try_previous_locales=False,  # results must not depend on earlier calls (we memoise)
        settings={
            "DATE_ORDER": "DMY",
            "PREFER_LOCALE_DATE_ORDER": False,
            "STRICT_DATE_ORDER": "all",  # never swap day and month to make a date fit
            # Only absolute dates: no "yesterday", no timestamps, no run-together digits.
            "PARSERS": ["absolute-time"],
            "REQUIRE_PARTS": ["year"],
            # Missing parts are dropped below; fill them from fixed values, never from today.
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_MONTH_OF_YEAR": "first",
            "RELATIVE_BASE": datetime.datetime(2000, 1, 1),
            # A fixed zone: no local-zone lookup, and the date is read as written.
            "TIMEZONE": "UTC",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


def _parse_fallback(s: str) -> PartialDate | None:
    # Drop any time zone first: dateparser would shift the time to the TIMEZONE setting, and
    # with it possibly the day, whereas we want the date as it is written.
    from dateparser.timezone_parser import pop_tz_offset_from_string

    without_zone, _ = pop_tz_offset_from_string(s)
    data = _fallback_parser().get_date_data(without_zone)
    found = data.date_obj
    if found is None:
        return None
    # dateparser >= 1.5 lists the parts the text gave; older versions only give the period.
    parts = getattr(data, "parts", None)
    if isinstance(parts, tuple):
        given = set(parts)
    else:
        given = {"day": {"year", "month", "day"}, "month": {"year", "month"}}.get(
            str(data.period), {"year"}
        )
    if "year" not in given:
        return None
    numbers_in_text = _NUMBER.findall(s)
    if str(found.year) not in (n.lstrip("0") for n in numbers_in_text if len(n) >= 3):
        # dateparser read the year from something other than the year written out in full.
        if any(len(n) == 2 for n in numbers_in_text):
            raise _Reject(_TWO_DIGIT_YEAR)
        raise _Reject("the year is not written out in digits")
    year = str(found.year)
    if "month" not in given:
        return _make(year)
    if "day" not in given:
        return _make(year, found.month)
    return _make(year, found.month, str(found.day))


# --- public API -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _parse_cached(text: str) -> PartialDate | _Failure:
    # Failures are memoised too (as plain values), so a column full of the same junk does not
    # send every row to dateparser.
    s = text.strip()
    if not s:
        return _Failure("empty text")
    try:
        found = _parse_numeric(s)
        if found is not None:
            return found
        folded = _fold(s)
        unknown_month: str | None = None
        try:
            found = _parse_named(folded)
        except _UnknownMonth as error:
            unknown_month = error.reason
        if found is not None:
            return found
        found = _parse_fallback(s)
        if found is not None:
            return found
        return _Failure(unknown_month or _NOT_A_DATE)
    except _Reject as error:
        return _Failure(error.reason)


def parse_partial_date(text: str) -> PartialDate:
    """Read a date written by a person, keeping exactly the precision the text gives.

    ``"1994"`` is the year 1994, ``"03.1994"`` March 1994, ``"12.03.1994"`` 12 March 1994
    (numeric dates are day first). Month names in English, Russian, Ukrainian, Azerbaijani,
    Turkish and Armenian are understood, with or without a word for "year" after the year.
    Raises ``DateError`` (with the text and the reason) for anything else, for impossible
    dates, for two-digit years and for years outside 1000-2999.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, not {type(text).__name__}")
    result = _parse_cached(text)
    if isinstance(result, PartialDate):
        return result
    raise DateError(result.reason, text)


def parse_cache_info() -> functools._CacheInfo:
    """Hits, misses and size of the memo behind ``parse_partial_date``."""
    return _parse_cached.cache_info()


def parse_cache_clear() -> None:
    """Empty the memo behind ``parse_partial_date``."""
    _parse_cached.cache_clear()


def parse_date_cell(value: object) -> PartialDate | None:
    """A spreadsheet or CSV cell as a date, or ``None`` for an empty cell.

    Empty means ``None``, an empty or blank string, or a NaN. Dates and datetimes are read to
    the day; a whole number is a year (``1994``, ``1994.0``, ``Decimal("1994")``); strings go
    through ``parse_partial_date``. Anything else raises ``DateError``.
    """
    if value is None:
        return None
    if isinstance(value, str):
        if not value.strip():
            return None
        return parse_partial_date(value)
    if isinstance(value, datetime.date):
        try:
            return PartialDate.from_date(value)
        except DateError as error:
            raise DateError(error.reason, value.isoformat()) from None
    if isinstance(value, bool):
        raise DateError(f"{_NOT_A_DATE} (a yes/no value)", str(value))
    if isinstance(value, numbers.Integral):
        year = int(value)
    elif isinstance(value, numbers.Real | decimal.Decimal):
        number = float(value)
        if math.isnan(number):
            return None
        if not number.is_integer():
            raise DateError(f"{_NOT_A_DATE} (a number that is not a whole year)", str(value))
        year = int(number)
    else:
        raise DateError(f"{_NOT_A_DATE} (a {type(value).__name__})", repr(value))
    try:
        return PartialDate(year)
    except DateError as error:
        raise DateError(error.reason, str(value)) from None
