"""The date a figure holds on and the period it covers, resolved against the publication date.

"On Tuesday", "yesterday", "as of 12 October" and "since 27 September" are found by a
pattern here and resolved by dateparser, with the report's publication date as the base.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import dateparser

from rollbook.model.dates import PartialDate

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
)
_DAY_MONTH = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"(?:,?\s+\d{4})?"
)
_DATE = re.compile(
    rf"\b(?P<relative>yesterday|last\s+night|overnight|(?:on\s+|last\s+|this\s+|late\s+|early\s+)?{_WEEKDAY}(?:\s+(?:morning|evening|night|afternoon))?)\b"
    rf"|\b(?P<marker>as\s+of|as\s+at|by|on|until|through|to|since|from)\s+(?P<day>{_DAY_MONTH})"
    rf"|\b(?P<marker2>as\s+of|as\s+at|by|until|through|since|in)\s+(?P<month>{_MONTH}(?:\s+\d{{4}})?)\b",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\bsince\b|\bfrom\s+the\s+(?:start|beginning|outbreak)\b", re.IGNORECASE)
_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


@lru_cache(maxsize=4096)
def _resolve(words: str, base: dt.date) -> dt.date | None:
    settings = {**_SETTINGS, "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day)}
    cleaned = re.sub(r"^(?:on|last|this|late|early)\s+", "", words.strip(), flags=re.IGNORECASE)
    cleaned = re.sub(r"\s+(?:morning|evening|night|afternoon)$", "", cleaned, flags=re.IGNORECASE)
    if cleaned.lower() in ("overnight", "last night"):
        cleaned = "yesterday" if cleaned.lower() == "overnight" else cleaned
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    if day > base:
        # "on Friday" in a report published on a Wednesday is last Friday, whatever the year.
        day = day.replace(year=day.year - 1) if day.replace(year=day.year - 1) <= base else day
    return day


def dates_in(
    text: str, start: int, end: int, published: dt.date
) -> tuple[list[tuple[int, PartialDate]], list[tuple[int, PartialDate]]]:
    """The dates a sentence gives (position, date), split into as-of dates and period starts."""
    as_of: list[tuple[int, PartialDate]] = []
    since: list[tuple[int, PartialDate]] = []
    for match in _DATE.finditer(text, start, end):
        if match.group("relative"):
            day = _resolve(match.group("relative"), published)
            if day is not None and day <= published:
                as_of.append((match.start(), PartialDate(day.year, day.month, day.day)))
            continue
        marker = (match.group("marker") or match.group("marker2") or "").lower()
        if match.group("day"):
            day = _resolve(match.group("day"), published)
            if day is None:
                continue
            date = PartialDate(day.year, day.month, day.day)
        else:
            parsed = _resolve("1 " + match.group("month"), published)
            if parsed is None:
                continue
            date = PartialDate(parsed.year, parsed.month)
        if marker in ("since", "from"):
            since.append((match.start(), date))
        elif marker == "in" and match.group("month"):
            continue
        else:
            as_of.append((match.start(), date))
    return as_of, since


_FULL_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})\b",
    re.IGNORECASE,
)


def opening_date(text: str, within: int = 600) -> dt.date | None:
    """The first full date in a report's opening lines: its dateline or publication date."""
    match = _FULL_DATE.search(text, 0, within)
    if match is None:
        return None
    parsed = dateparser.parse(match.group(), languages=["en"], settings=_SETTINGS)
    return parsed.date() if parsed else None
