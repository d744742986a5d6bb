"""Incidents: events such as clashes and ceasefire violations, each as its sources report it.

An incident is what happened once, at one time and place; a report is one source's account
of it. Two sources that tell of the same shelling make one incident with two reports, and
the second independent one corroborates it. The parties a report names (who fired, at
whom) are that source's claim, kept in its words, never the register's conclusion.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from rollbook.model.dates import PartialDate


class IncidentType(StrEnum):
    """What kind of event a report describes."""

    CLASH = "clash"
    SHELLING = "shelling"
    SNIPER_FIRE = "sniper_fire"
    DRONE_STRIKE = "drone_strike"
    MINE = "mine"
    CEASEFIRE_VIOLATION = "ceasefire_violation"
    OTHER = "other"


class Verification(StrEnum):
    """How far an incident is established. Corroborated needs a second independent source;
    confirmed, disputed and rejected are a reviewer's or monitor's rulings, with reasons."""

    REPORTED = "reported"
    CORROBORATED = "corroborated"
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"
    REJECTED = "rejected"


class Precision(StrEnum):
    """How closely a report's coordinates place the event."""

    EXACT = "exact"  # the spot or the village itself
    NEAR = "near"  # within about 25 km
    DISTRICT = "district"  # somewhere in the district (second-level area)
    REGION = "region"  # somewhere in the region (first-level area)
    COUNTRY = "country"


#: How far apart, in km, two reports of one event may place it at each precision.
PRECISION_KM = {
    Precision.EXACT: 3.0,
    Precision.NEAR: 25.0,
    Precision.DISTRICT: 50.0,
    Precision.REGION: 150.0,
    Precision.COUNTRY: 500.0,
}


class Harm(StrEnum):
    """What an incident did to a person linked to it as a victim."""

    KILLED = "killed"
    WOUNDED = "wounded"
    CAPTURED = "captured"
    MISSING = "missing"


class Match(StrEnum):
    """Whether two reports tell of one event."""

    SAME = "same"
    DOUBTFUL = "doubtful"
    DIFFERENT = "different"


class IncidentError(ValueError):
    """An incident report or ruling that cannot stand, with the field it concerns."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Fatalities:
    """The killed an account gives: a best figure, or a low and high around it."""

    low: int | None = None
    best: int | None = None
    high: int | None = None

    def __post_init__(self) -> None:
        given = [v for v in (self.low, self.best, self.high) if v is not None]
        if any(v < 0 for v in given):
            raise IncidentError("fatalities", "a count cannot be negative")
        if given != sorted(given):
            raise IncidentError("fatalities", "low, best and high must rise in that order")

    @classmethod
    def parse(cls, text: str) -> Fatalities:
        """ "2" (a best figure), "1-3" (low and high) or "1-2-4" (low, best, high)."""
        parts = [p.strip() for p in text.strip().split("-")] if text.strip() else []
        if not all(p.isascii() and p.isdigit() for p in parts) or len(parts) > 3:
            raise IncidentError("fatalities", f"{text!r} is not N, LOW-HIGH or LOW-BEST-HIGH")
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            return cls(best=numbers[0])
        if len(numbers) == 2:
            return cls(low=numbers[0], high=numbers[1])
        if len(numbers) == 3:
            return cls(*numbers)
        return cls()


@dataclass(frozen=True, slots=True)
class Report:
    """One source's account of an event, as the source gives it."""

    type: IncidentType
    start: PartialDate
    end: PartialDate | None
    place: str
    area: str
    lat: float
    lon: float
    precision: Precision
    reporting_party: str = ""  # whose organ reports it: "Northland MoD" speaks for Northland
    perpetrator: str = ""  # who the source says fired: its claim, in its words
    target: str = ""  # who or what the source says was hit
    fatalities: Fatalities = Fatalities()
    wounded: int | None = None
    description: str = ""

    @property
    def lo(self) -> int:
        """The first day (ordinal) the event may have taken place."""
        return self.start.lo

    @property
    def hi(self) -> int:
        """The last day (ordinal) the event may have taken place."""
        return (self.end or self.start).hi

    @property
    def when(self) -> str:
        """The time as given: a partial date, or a range "FROM/TO"."""
        return f"{self.start.iso()}/{self.end.iso()}" if self.end else self.start.iso()


def report_problem(
    report: Report, war_start: PartialDate | None, today: int
) -> IncidentError | None:
    """Why a report cannot be taken as given, or None. `today` is an ordinal day."""
    if not -90.0 <= report.lat <= 90.0:
        return IncidentError("latitude", f"{report.lat} is outside -90 to 90")
    if not -180.0 <= report.lon <= 180.0:
        return IncidentError("longitude", f"{report.lon} is outside -180 to 180")
    if report.end is not None and report.end.hi < report.start.lo:
        return IncidentError("date", f"it ends ({report.end}) before it starts ({report.start})")
    if report.start.lo > today:
        return IncidentError("date", f"{report.start} is in the future")
    if war_start is not None and report.hi < war_start.lo:
        return IncidentError("date", f"{report.when} is before the war began ({war_start})")
    return None


def parse_when(text: str) -> tuple[PartialDate, PartialDate | None]:
    """A time as stored: "2020-10-14", "2020-10" or a range "2020-10-14/2020-10-16"."""
    first, _, last = text.partition("/")
    return PartialDate.from_iso(first), PartialDate.from_iso(last) if last else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in km (a sphere of the Earth's mean
    radius: the error is far below any report's precision)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


#: A monitor's general word for an event that a party's report names more exactly.
_GENERAL = IncidentType.CEASEFIRE_VIOLATION


def match(a: Report, b: Report) -> tuple[Match, float]:
    """Whether two reports from different sources tell of one event, and how far apart
    they place it (km).

    The same: one type, one day each and the same day, within the distance their
    precisions allow. Doubtful, for a reviewer: on that day, one calls "ceasefire violation"
    what the other names exactly, or they lie up to twice that distance apart; or a date is
    a range or not to the day, and they lie within the distance. Anything else is
    different: other days, other specific types, or farther apart.
    """
    km = distance_km(a.lat, a.lon, b.lat, b.lon)
    allowed = max(PRECISION_KM[a.precision], PRECISION_KM[b.precision])
    if a.hi < b.lo or b.hi < a.lo or km > 2 * allowed:
        return Match.DIFFERENT, km
    if a.type is not b.type and _GENERAL not in (a.type, b.type):
        return Match.DIFFERENT, km
    if not a.lo == a.hi == b.lo == b.hi:
        return (Match.DOUBTFUL if km <= allowed else Match.DIFFERENT), km
    if a.type is b.type and km <= allowed:
        return Match.SAME, km
    return Match.DOUBTFUL, km


def verification_problem(
    current: Verification, new: Verification, independent: int, reason: str
) -> str | None:
    """Why an incident at `current`, reported by `independent` independent sources, cannot
    move to `new` with `reason`, or None."""
    if new is current:
        return f"the incident is already {current}"
    if new is Verification.REPORTED:
        return "an incident is reported once, by its first source"
    if new is Verification.CORROBORATED and independent < 2:
        return "corroboration needs a second independent source: link its report first"
    if not reason.strip():
        return f"a change to {new} needs a reason"
    return None
