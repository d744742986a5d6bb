"""Rows of an incident file as reports: Rollbook's own columns, and the columns of ACLED and
UCDP GED exports, each mapped by what its publisher documents them to mean.

ACLED codes the actor who initiated an event as actor1 and the one it was aimed at as
actor2: here they are ACLED's claim of perpetrator and target. UCDP's two sides have no
direction, so its sides go to the description, except for one-sided violence, where side A
is the side UCDP says attacked civilians.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from rollbook.ingest.dates import parse_partial_date
from rollbook.model.dates import DateError, PartialDate
from rollbook.model.incidents import Fatalities, IncidentError, IncidentType, Precision, Report


@dataclass(frozen=True, slots=True)
class RowAccount:
    """What one row says: the report, who reports it, an identifier in the file's own
    scheme and the reporter (protected)."""

    report: Report
    reported_by: str
    external_id: str
    reporter: str


class RowError(ValueError):
    """A cell that cannot be read, with the column it is in."""

    def __init__(self, column: str, reason: str) -> None:
        super().__init__(f"{column}: {reason}")
        self.column = column
        self.reason = reason


Cells = Mapping[str, str]
_NO_COORDINATES = (
    "no coordinates: every incident needs a latitude and longitude (give the area's centre "
    "with a coarse precision if that is all that is known)"
)

# --------------------------------------------------------------------------- shared cells


def _text(cells: Cells, *names: str) -> str:
    """The first non-empty cell of `names`, stripped."""
    for name in names:
        value = cells.get(name, "").strip()
        if value:
            return value
    return ""


def _number(cells: Cells, name: str) -> float:
    text = cells.get(name, "").strip()
    if not text:
        raise RowError(name, _NO_COORDINATES)
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise RowError(name, f"{text!r} is not a number") from None


def _count(cells: Cells, name: str) -> int | None:
    text = cells.get(name, "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise RowError(name, f"{text!r} is not a count") from None
    if value != int(value) or value < 0:
        raise RowError(name, f"{text!r} is not a count")
    return int(value)


def _date(cells: Cells, name: str) -> PartialDate:
    text = cells.get(name, "").strip()
    if not text:
        raise RowError(name, "no date")
    try:
        return parse_partial_date(text)
    except DateError as error:
        raise RowError(name, str(error)) from None


def _optional_date(cells: Cells, name: str) -> PartialDate | None:
    return _date(cells, name) if cells.get(name, "").strip() else None


def _area(*parts: str) -> str:
    return ", ".join(p for p in parts if p)


# --------------------------------------------------------------------------- Rollbook's own


def _own(cells: Cells) -> RowAccount:
    type_text = _text(cells, "type").lower().replace(" ", "_")
    try:
        kind = IncidentType(type_text or "other")
    except ValueError:
        allowed = ", ".join(t.value for t in IncidentType)
        raise RowError("type", f"{type_text!r} is not one of {allowed}") from None
    precision_text = _text(cells, "precision").lower() or Precision.EXACT.value
    try:
        precision = Precision(precision_text)
    except ValueError:
        allowed = ", ".join(p.value for p in Precision)
        raise RowError("precision", f"{precision_text!r} is not one of {allowed}") from None
    figures = _text(cells, "fatalities")
    try:
        fatalities = (
            Fatalities.parse(figures) if figures else Fatalities(
                _count(cells, "fatalities_low"), _count(cells, "fatalities_best"),
                _count(cells, "fatalities_high"),
            )
        )  # fmt: skip
    except IncidentError as error:
        raise RowError("fatalities", error.reason) from None
    report = Report(
        type=kind, start=_date(cells, "date"), end=_optional_date(cells, "end"),
        place=_text(cells, "place"), area=_text(cells, "area"), lat=_number(cells, "latitude"),
        lon=_number(cells, "longitude"), precision=precision,
        reporting_party=_text(cells, "reporting_party"), perpetrator=_text(cells, "perpetrator"),
        target=_text(cells, "target"), fatalities=fatalities,
        wounded=_count(cells, "wounded"), description=_text(cells, "description"),
    )  # fmt: skip
    return RowAccount(report, _text(cells, "reported_by"), _text(cells, "id"),
                      _text(cells, "reporter"))  # fmt: skip


#: Other names of Rollbook's own columns.
OWN_ALIASES = {"lat": "latitude", "lon": "longitude", "lng": "longitude", "start": "date",
               "until": "end", "external_id": "id", "source": "reported_by"}  # fmt: skip

# --------------------------------------------------------------------------- ACLED

_ACLED_TYPES = {
    "armed clash": IncidentType.CLASH,
    "shelling/artillery/missile attack": IncidentType.SHELLING,
    "air/drone strike": IncidentType.DRONE_STRIKE,
    "remote explosive/landmine/ied": IncidentType.MINE,
}
_ACLED_PRECISION = {"1": Precision.EXACT, "2": Precision.NEAR, "3": Precision.REGION}


def _acled(cells: Cells) -> RowAccount:
    start = _date(cells, "event_date")
    end = None
    precision = _text(cells, "time_precision")
    if precision == "2" and start.day is not None:  # within the week around the date
        start, end = _shifted(start, -3), _shifted(start, 3)
    elif precision == "3" and start.month is not None:  # within the month
        start = PartialDate(start.year, start.month)
    geo = _text(cells, "geo_precision") or "1"
    if geo not in _ACLED_PRECISION:
        raise RowError("geo_precision", f"{geo!r} is not 1, 2 or 3")
    report = Report(
        type=_ACLED_TYPES.get(_text(cells, "sub_event_type").lower(), IncidentType.OTHER),
        start=start, end=end, place=_text(cells, "location"),
        area=_area(_text(cells, "admin2"), _text(cells, "admin1"), _text(cells, "country")),
        lat=_number(cells, "latitude"), lon=_number(cells, "longitude"),
        precision=_ACLED_PRECISION[geo], perpetrator=_text(cells, "actor1"),
        target=_text(cells, "actor2"), fatalities=Fatalities(best=_count(cells, "fatalities")),
        description=_text(cells, "notes"),
    )  # fmt: skip
    return RowAccount(report, _text(cells, "source"), _text(cells, "event_id_cnty"), "")


def _shifted(day: PartialDate, days: int) -> PartialDate:
    return PartialDate.from_date(day.first_day() + dt.timedelta(days=days))


# --------------------------------------------------------------------------- UCDP GED

_UCDP_PRECISION = {"1": Precision.EXACT, "2": Precision.NEAR, "3": Precision.DISTRICT,
                   "4": Precision.REGION, "5": Precision.REGION, "6": Precision.COUNTRY,
                   "7": Precision.COUNTRY}  # fmt: skip


def _ucdp(cells: Cells) -> RowAccount:
    start, end = _date(cells, "date_start"), _optional_date(cells, "date_end")
    if end is not None and end == start:
        end = None
    where = _text(cells, "where_prec") or "1"
    if where not in _UCDP_PRECISION:
        raise RowError("where_prec", f"{where!r} is not 1 to 7")
    one_sided = _text(cells, "type_of_violence") == "3"
    sides = " vs ".join(s for s in (_text(cells, "side_a"), _text(cells, "side_b")) if s)
    report = Report(
        type=IncidentType.OTHER if one_sided else IncidentType.CLASH, start=start, end=end,
        place=_text(cells, "where_coordinates"),
        area=_area(_text(cells, "adm_2"), _text(cells, "adm_1"), _text(cells, "country")),
        lat=_number(cells, "latitude"), lon=_number(cells, "longitude"),
        precision=_UCDP_PRECISION[where],
        perpetrator=_text(cells, "side_a") if one_sided else "",
        target=_text(cells, "side_b") if one_sided else "",
        fatalities=Fatalities(_count(cells, "low"), _count(cells, "best"), _count(cells, "high")),
        description=_text(cells, "source_headline", "dyad_name") or sides,
    )  # fmt: skip
    return RowAccount(report, _text(cells, "source_office"), _text(cells, "id"), "")


# --------------------------------------------------------------------------- dialects


@dataclass(frozen=True, slots=True)
class Dialect:
    """A file's column scheme: its name, the columns that identify it, its reader, and the
    column that holds each field a later check may find wrong."""

    name: str
    marks: frozenset[str]
    read: Callable[[Cells], RowAccount]
    columns: Mapping[str, str]


DIALECTS = (
    Dialect("acled", frozenset({"event_id_cnty", "sub_event_type"}), _acled,
            {"date": "event_date", "learned_on": "event_date"}),
    Dialect("ucdp", frozenset({"where_prec", "date_start", "side_a"}), _ucdp,
            {"date": "date_start", "learned_on": "date_start", "fatalities": "best"}),
)  # fmt: skip
OWN = Dialect("rollbook", frozenset(), _own, {"learned_on": "date"})


def dialect_of(keys: Iterable[str]) -> Dialect:
    """The scheme a file's columns are written in: ACLED's or UCDP's when they have their
    marks, else Rollbook's own."""
    names = {k.strip().lower() for k in keys}
    for dialect in DIALECTS:
        if dialect.marks <= names:
            return dialect
    return OWN


def row_account(dialect: Dialect, cells: Mapping[str, str]) -> RowAccount:
    """A row's report, from its cells by column name (any case). A problem names the
    column as the file has it."""
    named: dict[str, str] = {}
    written: dict[str, str] = {}
    for key, value in cells.items():
        folded = key.strip().lower()
        if dialect is OWN:
            folded = OWN_ALIASES.get(folded, folded)
        named[folded] = value
        written[folded] = key
    try:
        return dialect.read(named)
    except IncidentError as error:
        column = written.get(error.field) or column_of(dialect, error.field)
        raise RowError(column, error.reason) from None
    except RowError as error:
        raise RowError(written.get(error.column, error.column), error.reason) from None


def column_of(dialect: Dialect, field: str) -> str:
    """The column that holds a field in a dialect's files."""
    return dialect.columns.get(field, field)
