"""The date a figure holds on and the period it covers, resolved against the publication date.

"On Tuesday", "yesterday", "as of 12 October", "between 4 and 9 May", "in March" and
"since 27 September" are found by a pattern here and resolved against the report's
publication date: a weekday is the last one before it, a day without its year the last such
day on or before it. The days themselves are read as the list importer reads them
(`rollbook.ingest.dates`). A month stays a month: a figure for March is as of "2023-03",
never a day the text does not give. A year gone by is over: a figure for 2022 read in 2023
is as of its last day, 31 December 2022, as year-end reports date their totals.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from rollbook.ingest.dates import month_number, parse_partial_date
from rollbook.ingest.figures.lexicon import GRAMMAR_WORDS
from rollbook.model.dates import MAX_YEAR, MIN_YEAR, DateError, PartialDate

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?![a-z])\.?"
)
#: A month's full name, which may stand before a count as the month it counts.
_MONTH_NAME = (
    r"(?:january|february|march|april|june|july|august|september|october|november|december)"
)
#: The nouns of a count a month's name may qualify: "the agency's September figure".
_COUNT_NOUN = r"(?:figure|estimate|total|toll|count|tally)\b"
_DAY_MONTH = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"(?:,?\s+\d{4})?"
)
_DATE = re.compile(
    rf"\b(?P<relative>yesterday|last\s+night|overnight|(?:on\s+|last\s+|this\s+|late\s+|early\s+)?{_WEEKDAY}(?:\s+(?:morning|evening|night|afternoon))?)\b"
    rf"|\b(?P<marker>as\s+of|as\s+at|by|on|until|through|to|since|from)\s+(?P<day>{_DAY_MONTH})"
    rf"|\b(?P<marker2>as\s+of|as\s+at|by|until|through|since|in|during)\s+(?P<month>{_MONTH}(?:\s+\d{{4}})?)\b"
    rf"|\bbetween\s+(?P<first>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<first_month>{_MONTH}))?"
    rf"\s+and\s+(?P<last>{_DAY_MONTH})"
    rf"|(?<![\d,.])\b(?P<first_day>\d{{1,2}})\s*[-–]\s*(?P<last_day>{_DAY_MONTH})"
    rf"|\b(?P<month_of>{_MONTH_NAME})(?:['’]s)?\s+(?={_COUNT_NOUN})"  # "its September figure"
    r"|\b(?:in|during|throughout|for|(?:whole|all|months|weeks)\s+of)\s+(?P<year>\d{4})\b"
    r"(?!\s*[-–/]\s*\d)",  # "in 2023", "in the last nine months of 2022"
    re.IGNORECASE,
)
#: The same pattern for text already lowered, which it reads much faster than ignoring case.
_DATE_LOWER = re.compile(_DATE.pattern)


#: Weekdays in calendar order, Monday first as `date.weekday()` counts them.
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: The words every date `_DATE` finds holds one of: a month's name, a day's or a night's.
_DAY_WORDS = GRAMMAR_WORDS["months"] | frozenset([*_WEEKDAYS, "yesterday", "overnight", "night"])
_JOINED = re.compile(r"[-'’]")


def _names_a_day(words: list[str]) -> bool:
    """Whether a sentence's words hold one of a date's, also inside a word joined with
    others ("mid-March", "Tuesday's"), or a year's."""
    return not _DAY_WORDS.isdisjoint(words) or any(
        (_JOINED.search(word) and not _DAY_WORDS.isdisjoint(_JOINED.split(word)))
        or (len(word) == 4 and word.isdigit())
        for word in words
    )


@lru_cache(maxsize=8)
def _lowered(text: str) -> str | None:
    """A report's text in lower case, when that keeps every character where it was."""
    low = text.lower()
    return low if len(low) == len(text) else None


#: A day's statement, report or figure ("Monday's bulletin"), said of an earlier figure.
_EDITION = re.compile(
    r"['’]s\s+(?:statement|report|bulletin|update|edition|briefing|figures?|toll|count|list)\b",
    re.IGNORECASE,
)
#: A day that dates an event ("Sunday's strike", "Tuesday night's attack"): when a toll
#: of it rises, the toll is of a later day.
_EVENT_OF_DAY = re.compile(
    r"(?:\s+(?:night|morning|evening|afternoon))?['’]s\s+(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?"
    r"|airstrikes?|shelling|bombing|explosion|blast|raids?|ambush|fighting|clashes|assault"
    r"|bombardment)\b",
    re.IGNORECASE,
)
_TOLL_RISES = re.compile(
    r"\b(?:toll|risen|rose|climbed|reached|raised|raising|stands)\b", re.IGNORECASE
)
#: Words before a date that make it when something began ("since the war began on 15 April").
_BEGAN = re.compile(
    r"\b(?:since|began|begun|started|broke\s+out|erupted|resumed|launched)\b[^,;:]*$",
    re.IGNORECASE,
)
#: Words before a month that make it another time than the figure's ("more than in May").
_OTHER_MONTH = re.compile(r"\b(?:when|until|than|compared\s+with)\b[^,;:]*$", re.IGNORECASE)
_YEAR = re.compile(r"\b\d{4}\b")


@lru_cache(maxsize=4096)
def _resolve(words: str, base: dt.date) -> dt.date | None:
    """The day `words` name, seen from `base`: the last such day on or before it ("on
    Tuesday" in a report of a Tuesday is that day, "last Tuesday" a week before; "12
    December" without its year in a report of March is last December). None for a day no
    calendar has ("31 June")."""
    said = " ".join(words.split()).lower()
    if said in ("overnight", "last night", "yesterday"):
        return base - dt.timedelta(days=1)
    cleaned = re.sub(r"^(?:on|last|this|late|early)\s+", "", said)
    cleaned = re.sub(r"\s+(?:morning|evening|night|afternoon)$", "", cleaned)
    if cleaned in _WEEKDAYS:
        back = (base.weekday() - _WEEKDAYS.index(cleaned)) % 7 or (7 if said[:5] == "last " else 0)
        return base - dt.timedelta(days=back)
    if not _YEAR.search(cleaned):  # the last such day: 29 February in the last leap year
        days = (_calendar_day(f"{cleaned} {year}") for year in range(base.year, base.year - 9, -1))
        return next((day for day in days if day is not None and day <= base), None)
    day = _calendar_day(cleaned)
    if day is not None and day > base and (day.month, day.day) != (2, 29):
        # "12 March 2024" in a report of 1 March 2024 is a slip for the year before.
        earlier = day.replace(year=day.year - 1)
        day = earlier if earlier <= base else day
    return day


def resolve_cache_clear() -> None:
    """Forget the days resolved so far (a benchmark reads each pass as reports never seen)."""
    _resolve.cache_clear()


def _calendar_day(words: str) -> dt.date | None:
    """A day written out in full ("12 October 2023", "Oct. 12th, 2023"), or None."""
    try:
        found = parse_partial_date(words)
    except DateError:
        return None
    return found.first_day() if found.day is not None else None


def dates_in(
    text: str, start: int, end: int, published: dt.date, words: list[str] | None = None
) -> tuple[list[tuple[int, PartialDate]], list[tuple[int, PartialDate]]]:
    """The dates a sentence gives (position, date), split into as-of dates and period starts;
    `words`, the sentence's in lower case, spare the search where none names a day."""
    as_of: list[tuple[int, PartialDate]] = []
    since: list[tuple[int, PartialDate]] = []
    entry = _ENTRY.match(text, start, end)
    if entry:  # "12 June 2068 - A car bomb kills 19": a timeline's entry is of its day
        date = _entry_date(entry, published)
        if date is not None:
            as_of.append((start, date))
            start = entry.end()
    low = _lowered(text)
    if words is not None and not _names_a_day(words):
        return as_of, since  # most sentences: no date
    found = _DATE_LOWER.finditer(low, start, end) if low else _DATE.finditer(text, start, end)
    for match in found:
        if match.group("relative"):
            if _EDITION.match(text, match.end(), end):
                continue  # "yesterday's statement" dates the statement, not this figure
            if _EVENT_OF_DAY.match(text, match.end(), end) and _TOLL_RISES.search(text, start, end):
                continue  # "the toll from Sunday's strike rose to 14": a toll of now
            day = _resolve(match.group("relative"), published)
            if day is not None and day <= published:
                date = PartialDate(day.year, day.month, day.day)
                if _SINCE.search(text, max(start, match.start() - 7), match.start()):
                    since.append((match.start(), date))  # "detained since Wednesday"
                else:
                    as_of.append((match.start(), date))
            continue
        if match.group("year"):
            _add_year(text, start, match, published, as_of, since)
            continue
        marker = (match.group("marker") or match.group("marker2") or "").lower()
        last = match.group("last") or match.group("last_day")
        if match.group("day") or last:
            day = _resolve(match.group("day") or last, published)
            if day is None:
                continue
            date = PartialDate(day.year, day.month, day.day)
            if last:  # "between 4 and 9 May", "4-9 May": as of 9 May, since 4 May
                first = _first_of(match, day)
                if first is not None:
                    as_of.append((match.start("last" if match.group("last") else "last_day"), date))
                    since.append((match.start(), first))
                continue
        else:
            parsed = _resolve("1 " + (match.group("month") or match.group("month_of")), published)
            if parsed is None:
                continue
            date = PartialDate(parsed.year, parsed.month)
        before = max(start, match.start() - 60)
        if marker in ("since", "from") or (
            marker in ("on", "in") and _BEGAN.search(text, before, match.start())
        ):
            since.append((match.start(), date))
        elif marker in ("in", "during") and (
            (date.year, date.month) == (published.year, published.month)
            or _OTHER_MONTH.search(text, before, match.start())
        ):
            # "in May" in a report of May: the figure holds on the day it appeared; "when it
            # published its list in May", "more than in May": not the figure's month.
            continue
        else:
            as_of.append((match.start(), date))
    return as_of, since


def closed_month(as_of: PartialDate, published: dt.date) -> PartialDate:
    """A month gone by holds its count as of its last day, as monthly reports close theirs:
    "58 civilians were killed in March", read in April, as of 31 March (as a year gone by
    holds its count as of 31 December)."""
    if as_of.day is None and as_of.month is not None and as_of.last_day() < published:
        return PartialDate.from_date(as_of.last_day())
    return as_of


def _add_year(
    text: str,
    start: int,
    match: re.Match[str],
    published: dt.date,
    as_of: list[tuple[int, PartialDate]],
    since: list[tuple[int, PartialDate]],
) -> None:
    """A year before the report's that a figure counts ("killed in 2022") holds the figure as
    of its last day, as year-end reports count; the year a war began ("which began in 2019")
    starts its period. A year that dates something else ("founded in 2001") dates no figure."""
    year = int(match.group("year"))
    if not MIN_YEAR <= year < published.year:
        return  # this year's figure holds on the day it appeared
    before = max(start, match.start() - 60)
    if _BEGAN.search(text, before, match.start()):
        since.append((match.start(), PartialDate(year)))
    elif not _OTHER_YEAR.search(text, before, match.start()) and not _DATED_OTHER.search(
        text, before, match.start()
    ):
        as_of.append((match.start(), PartialDate(year, 12, 31)))


#: Words before a year that make it another time than a figure's ("more than in 2021"), or
#: that make it the time of a clause about the people counted ("most of whom fled in 2017",
#: "who went missing in the fighting in 2016"); the figure "compared with" another's is
#: that one's.
_OTHER_YEAR = re.compile(
    r"\b(?:when|until|than)\b[^,;:]*$|\b(?:who|whom|whose|which)\b[^,;:()]*$", re.IGNORECASE
)
#: Words before a year that date something else than a figure: "the group, founded in 2001".
_DATED_OTHER = re.compile(
    r"\b(?:founded|established|created|formed|set\s+up|born|signed|elected|appointed|built"
    r"|opened|adopted|published|released|issued)\s+$",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
#: A date that opens a line and a dash or colon after it: a timeline's or a log's entry.
_ENTRY = re.compile(
    rf"[\s*#>•-]*(?:(?P<day>\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})"
    rf"|(?P<month>{_MONTH}\s+\d{{4}}))\**\s*[-–—:]\s",
    re.IGNORECASE,
)


def _entry_date(entry: re.Match[str], published: dt.date) -> PartialDate | None:
    if entry.group("day"):
        day = _resolve(entry.group("day"), published)
        return PartialDate(day.year, day.month, day.day) if day else None
    month = _resolve("1 " + entry.group("month"), published)
    return PartialDate(month.year, month.month) if month else None


def _first_of(match: re.Match[str], last: dt.date) -> PartialDate | None:
    """The first day of "between 4 and 9 May", in the last day's month unless it names one."""
    first = int(match.group("first") or match.group("first_day"))
    if match.group("first_month") is None:
        return PartialDate(last.year, last.month, first) if 1 <= first <= last.day else None
    day = _resolve(f"{first} {match.group('first_month')}", last)
    return PartialDate(day.year, day.month, day.day) if day else None


#: A table cell that is a day and nothing else: "17 December", "Sat 22 Mar", "19 Jul 2640".
_CELL_DAY = re.compile(
    rf"(?:{_WEEKDAY}|mon|tue|wed|thu|fri|sat|sun)?\.?,?\s*(?P<day>{_DAY_MONTH})", re.IGNORECASE
)


def cell_date(cell: str, published: dt.date) -> PartialDate | None:
    """The day a table's date column gives, resolved as a day in the text is."""
    match = _CELL_DAY.fullmatch(cell.strip())
    day = _resolve(match.group("day"), published) if match else None
    return PartialDate(day.year, day.month, day.day) if day else None


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
    return _calendar_day(match.group())


_MONTH_OF_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
_MONTH_OF_YEAR_LOWER = re.compile(_MONTH_OF_YEAR.pattern)


def month_covered(text: str, start: int, end: int, published: dt.date) -> PartialDate | None:
    """The month a line names without a day, when it ended before the report appeared: the
    month a monthly report covers ("Monitor - February 2024", "Activities in April 2038")."""
    low = _lowered(text)
    found = (
        _MONTH_OF_YEAR_LOWER.finditer(low, start, end)
        if low
        else _MONTH_OF_YEAR.finditer(text, start, end)
    )
    for match in found:
        if re.search(r"\d\s*$", text[max(start, match.start() - 4) : match.start()]):
            continue  # "5 March 2019": a day
        parsed = _resolve("1 " + match.group("month") + " " + match.group("year"), published)
        if parsed is not None and (parsed.year, parsed.month) < (published.year, published.month):
            return PartialDate(parsed.year, parsed.month)
    return None


def month_titled(line: str, published: dt.date) -> PartialDate | None:
    """The past month a periodic report's title names without its year ("March bulletin",
    "November report"): the last such month before the report appeared. A title ends with
    no full stop, and its month is capitalised: not "Families may report errors."."""
    match = None if line.rstrip().endswith(".") else _MONTH_TITLE.search(line)
    month = month_number(match.group("month")) if match else None
    if month is None or month == published.month:
        return None
    return PartialDate(published.year - (month > published.month), month)


#: A periodic report's title that names its month alone: "March bulletin", "April update".
_MONTH_TITLE = re.compile(
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+(?i:bulletin|report|update|digest|figures|data|snapshot|review"
    r"|monitor|briefing|tally|count)\b"
)


#: A quarter or half year a periodic report's title names: "Q2 2598", "First Quarter 2603",
#: "first half of 2603", "April – June 2603".
_SPAN = re.compile(
    rf"\b(?:q(?P<q>[1-4])|(?P<nth>first|second|third|fourth)\s+quarter(?:\s+of)?"
    rf"|h(?P<h>[12])|(?P<half>first|second)\s+half(?:\s+of)?"
    rf"|{_MONTH}\s*[-–—]\s*(?P<last>{_MONTH}))\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def span_covered(line: str, published: dt.date) -> PartialDate | None:
    """The last day of the quarter or months a periodic report's title names, when it ended
    before the report appeared: "Protection of Civilians, First Quarter 2603" holds its
    figures as of 31 March 2603."""
    match = _SPAN.search(line)
    if match is None:
        return None
    year = int(match.group("year"))
    month: int | None
    if match.group("q") or match.group("nth"):
        month = 3 * (
            int(match.group("q")) if match.group("q") else _NTH[match.group("nth").lower()]
        )
    elif match.group("h") or match.group("half"):
        month = 6 * (
            int(match.group("h")) if match.group("h") else _NTH[match.group("half").lower()]
        )
    else:
        month = month_number(match.group("last"))  # "April – June 2603": June
    if month is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    last = PartialDate(year, month)
    day = dt.date.fromordinal(last.hi)
    return PartialDate(day.year, day.month, day.day) if day < published else None
