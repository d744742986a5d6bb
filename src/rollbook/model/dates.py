"""Partial dates: a year, a month of a year, or a day, and never more precise than the source.

A record that says "1994" means some day in 1994; it does not mean 1 January 1994. A
``PartialDate`` keeps exactly the precision it was given, and the comparisons below
(``overlaps``, ``certainly_before``) reason about the whole span of days it may stand for.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

__all__ = ["MAX_YEAR", "MIN_YEAR", "DateError", "PartialDate", "Precision", "month_key"]

MIN_YEAR = 1000
MAX_YEAR = 2999

Precision = Literal["year", "month", "day"]

_MONTH_NAMES = (
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
)
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# Text made only of digits and date punctuation is shown as it is in error messages;
# anything else is quoted, so that its start and end (and any odd characters) are visible.
_PLAIN_TEXT = re.compile(r"[0-9][0-9./:\- T]*")
_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class DateError(ValueError):
    """A text or a set of fields that is not a valid (partial) date.

    ``reason`` says what is wrong in plain words; ``text`` is the input that was being read,
    if there was one. ``str(error)`` combines them, e.g.
    ``"31.02.1990: February 1990 has no day 31"`` or ``"'soldier': not a date"``.
    """

    reason: str
    text: str | None

    def __init__(self, reason: str, text: str | None = None) -> None:
        self.reason = reason
        self.text = text
        super().__init__(reason if text is None else f"{_display(text)}: {reason}")

    def __reduce__(self) -> tuple[type[DateError], tuple[str, str | None]]:
        return (type(self), (self.reason, self.text))


def _display(text: str) -> str:
    stripped = text.strip()
    if stripped and _PLAIN_TEXT.fullmatch(stripped):
        return stripped
    return repr(stripped if stripped else text)


@dataclass(frozen=True, slots=True, order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day (years 1000-2999).

    Equality is structural: ``PartialDate(1994)`` is not equal to ``PartialDate(1994, 1, 1)``.
    There is deliberately no ordering; use ``certainly_before`` or compare ``lo``/``hi``.
    """

    year: int
    month: int | None = None
    day: int | None = None
    #: Proleptic Gregorian ordinals of the first and last day the date may stand for.
    lo: int = field(init=False, repr=False, compare=False)
    hi: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._check()
        first, last = _bounds(self.year, self.month, self.day)
        object.__setattr__(self, "lo", first)
        object.__setattr__(self, "hi", last)

    def _check(self) -> None:
        # Runs for every date of every imported row: the common case (plain ints, in range)
        # goes through a few comparisons only.
        year, month, day = self.year, self.month, self.day
        if type(year) is not int and not _is_int(year):
            raise TypeError(f"year must be an int, not {type(year).__name__}")
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise DateError(f"year {year} is outside the supported range {MIN_YEAR}-{MAX_YEAR}")
        if month is None:
            if day is not None:
                raise DateError(f"day {day} is given without a month")
            return
        if type(month) is not int and not _is_int(month):
            raise TypeError(f"month must be an int or None, not {type(month).__name__}")
        if not 1 <= month <= 12:
            raise DateError(f"there is no month {month}; months run from 1 to 12")
        if day is None:
            return
        if type(day) is not int and not _is_int(day):
            raise TypeError(f"day must be an int or None, not {type(day).__name__}")
        if day < 1 or (day > 28 and day > _days_in_month(year, month)):
            raise DateError(f"{_MONTH_NAMES[month - 1]} {year} has no day {day}")

    @property
    def precision(self) -> Precision:
        if self.month is None:
            return "year"
        if self.day is None:
            return "month"
        return "day"

    def iso(self) -> str:
        """``"1994"``, ``"1994-03"`` or ``"1994-03-12"``, as precise as the date is."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso()

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Read what ``iso()`` writes (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) and nothing else."""
        match = _ISO.fullmatch(text)
        if match is None:
            raise DateError("not an ISO date (expected YYYY, YYYY-MM or YYYY-MM-DD)", text)
        year, month, day = match.groups()
        try:
            return cls(
                int(year),
                None if month is None else int(month),
                None if day is None else int(day),
            )
        except DateError as error:
            raise DateError(error.reason, text) from None

    @classmethod
    def from_date(cls, d: datetime.date) -> PartialDate:
        """A day-precision date (a ``datetime`` counts by its date; the time is dropped)."""
        return cls(d.year, d.month, d.day)

    def first_day(self) -> datetime.date:
        """The earliest day this date may stand for."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> datetime.date:
        """The latest day this date may stand for."""
        month = self.month or 12
        day = self.day or _days_in_month(self.year, month)
        return datetime.date(self.year, month, day)

    def overlaps(self, other: PartialDate) -> bool:
        """Could both dates be the same day? (``1998`` and ``1998-03-12``: yes.)"""
        return self.lo <= other.hi and other.lo <= self.hi

    def certainly_before(self, other: PartialDate) -> bool:
        """Is every day this date may be earlier than every day ``other`` may be?"""
        return self.hi < other.lo


@lru_cache(maxsize=1 << 16)
def _bounds(year: int, month: int | None, day: int | None) -> tuple[int, int]:
    """First and last day ordinals of a partial date (cached: imports ask for them per row)."""
    first = datetime.date(year, month or 1, day or 1).toordinal()
    last_month = month or 12
    last = datetime.date(year, last_month, day or _days_in_month(year, last_month)).toordinal()
    return first, last


def month_key(d: PartialDate | None) -> str | None:
    """``"YYYY-MM"`` for a date known at least to the month, otherwise ``None``."""
    if d is None or d.month is None:
        return None
    return f"{d.year:04d}-{d.month:02d}"
