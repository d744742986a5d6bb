"""Reading incidents: one whole, the pairs waiting for review, the truce report as known on
a day, and every incident in turn for an export."""

from __future__ import annotations

import datetime as dt
import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from sqlalchemy import Connection, and_, func, select

from rollbook.model.incidents import Harm, Verification
from rollbook.store.incidents import PROTECTED_REPORT_FIELDS
from rollbook.store.persons import display_names
from rollbook.store.records import live_person
from rollbook.store.schema import (
    incident_pairs,
    incident_reports,
    incident_spans,
    incident_steps,
    incident_victims,
    incidents,
    sources,
    truces,
)

#: The row of a truce report that counts incidents not dated to one day (a month, a range).
UNDATED = "not to the day"


def incident_view(
    connection: Connection, incident_id: int, *, protected: bool = False
) -> dict[str, Any] | None:
    """An incident with its reports (the reporter only when `protected`), its verification
    steps, its victims and any pairs with it; None when there is no such incident."""
    row = connection.execute(select(incidents).where(incidents.c.id == incident_id))
    found = row.mappings().one_or_none()
    if found is None:
        return None
    reports = [
        _public(dict(r), protected)
        for r in connection.execute(
            select(incident_reports, sources.c.title.label("source"))
            .outerjoin(sources, sources.c.id == incident_reports.c.source_id)
            .where(incident_reports.c.incident_id == incident_id)
            .order_by(incident_reports.c.id)
        ).mappings()
    ]
    s = incident_steps.c
    steps = connection.execute(
        select(s.id, s.state, s.reason, s.learned_on, s.source_id, s.actor)
        .where(s.incident_id == incident_id)
        .order_by(s.id)
    )
    v = incident_victims.c
    victims = [
        dict(r)
        for r in connection.execute(
            select(v.id, v.person_id, v.harm, v.source_id, v.learned_on)
            .where(v.incident_id == incident_id)
            .order_by(v.id)
        ).mappings()
    ]
    names = display_names(connection, {r["person_id"] for r in victims})
    p = incident_pairs.c
    pairs = connection.execute(
        select(incident_pairs).where((p.incident_a == incident_id) | (p.incident_b == incident_id))
    )
    return {
        "incident": dict(found),
        "fatalities": fatalities(reports),
        "reports": reports,
        "steps": [dict(r) for r in steps.mappings()],
        "victims": [{**r, "name": names.get(r["person_id"], "")} for r in victims],
        "pairs": [dict(r) for r in pairs.mappings()],
    }


def _public(report: dict[str, Any], protected: bool) -> dict[str, Any]:
    if protected:
        return report
    return {k: v for k, v in report.items() if k not in PROTECTED_REPORT_FIELDS}


def fatalities(reports: list[dict[str, Any]]) -> dict[str, int | None]:
    """The killed across an incident's reports: the lowest low, the median best and the
    highest high any source gives (a best figure counts as low and high where none is)."""
    lows = [r["fatalities_low"] if r["fatalities_low"] is not None else r["fatalities_best"]
            for r in reports]  # fmt: skip
    bests = [r["fatalities_best"] for r in reports if r["fatalities_best"] is not None]
    highs = [r["fatalities_high"] if r["fatalities_high"] is not None else r["fatalities_best"]
             for r in reports]  # fmt: skip
    given_lows = [n for n in lows if n is not None]
    given_highs = [n for n in highs if n is not None]
    return {
        "low": min(given_lows) if given_lows else None,
        "best": round(statistics.median(bests)) if bests else None,
        "high": max(given_highs) if given_highs else None,
    }


def review_pairs(connection: Connection) -> list[dict[str, Any]]:
    """The pairs of incidents waiting for a reviewer, each incident as it is now (a ruling
    may have made it part of another; a pair whose two are now one is left out), with what
    each's first report says."""
    p, i = incident_pairs.c, incidents.c
    query = select(incident_pairs).where(p.state == "review").order_by(p.id)
    pairs = [dict(r) for r in connection.execute(query).mappings()]
    shown = select(i.id, i.type, i.time, i.place, i.area, i.lat, i.lon, i.precision, i.state,
                   i.merged_into)  # fmt: skip
    held: dict[int, dict[str, Any]] = {}
    wanted = {n for pair in pairs for n in (pair["incident_a"], pair["incident_b"])}
    while wanted:
        found = connection.execute(shown.where(i.id.in_(sorted(wanted)))).mappings()
        held.update((r["id"], dict(r)) for r in found)
        wanted = {r["merged_into"] for r in held.values() if r["merged_into"]} - set(held)

    def live(incident_id: int) -> int:
        seen = set()
        while held[incident_id]["merged_into"] and incident_id not in seen:
            seen.add(incident_id)
            incident_id = held[incident_id]["merged_into"]
        return incident_id

    waiting = []
    for pair in pairs:
        a, b = live(pair["incident_a"]), live(pair["incident_b"])
        if a != b:
            waiting.append({**pair, "incident_a": a, "incident_b": b, "a": held[a], "b": held[b]})
    return waiting


# --------------------------------------------------------------------------- truce report


@dataclass
class TruceReport:
    """Incidents since a truce began, as known on a day: per day and verification state,
    per reporting party, and the people killed or wounded in them."""

    truce: dict[str, Any]
    known_on: dt.date
    last_day: dt.date
    by_day: dict[str, Counter[str]] = field(default_factory=dict)
    by_party: dict[str, Counter[str]] = field(default_factory=dict)
    victims: list[dict[str, Any]] = field(default_factory=list)

    @property
    def totals(self) -> Counter[str]:
        """Incidents by verification state, over every day."""
        total: Counter[str] = Counter()
        for counts in self.by_day.values():
            total.update(counts)
        return total

    @property
    def counted(self) -> int:
        """The incidents counted against the truce: all but those rejected."""
        totals = self.totals
        return sum(totals.values()) - totals[Verification.REJECTED.value]


def truce_by_name(connection: Connection, name_or_id: str) -> dict[str, Any] | None:
    """A truce by its id or its name."""
    t = truces.c
    query = select(truces).where(
        t.id == int(name_or_id) if name_or_id.isdigit() else t.name == name_or_id
    )
    row = connection.execute(query).mappings().one_or_none()
    if row is None:
        return None
    return {**dict(row), "parties": json.loads(row["parties"])}


def all_truces(connection: Connection) -> list[dict[str, Any]]:
    """Every truce, by id."""
    rows = connection.execute(select(truces).order_by(truces.c.id)).mappings()
    return [{**dict(r), "parties": json.loads(r["parties"])} for r in rows]


def truce_report(connection: Connection, truce: dict[str, Any], known_on: dt.date) -> TruceReport:
    """The incidents from the truce's start to its end (or `known_on`), as known on
    `known_on`: each incident in the state its verification had then, counted once a day
    (an incident whose time is not one day counts under UNDATED) and once under each party
    whose organs had reported it by then. One pass over the incidents' spans."""
    day = known_on.isoformat()
    last = min(known_on, dt.date.fromisoformat(truce["ends_on"])) if truce["ends_on"] else known_on
    report = TruceReport(truce=truce, known_on=known_on, last_day=last)
    s = incident_spans.c
    in_force = and_(
        s.known_from <= day, s.known_to > day,
        s.date_hi >= truce["starts_on"], s.date_lo <= last.isoformat(),
    )  # fmt: skip
    counted = (
        select(s.date_lo, s.date_hi, s.state, s.parties, func.count())
        .where(in_force)
        .group_by(s.date_lo, s.date_hi, s.state, s.parties)
    )
    by_day: defaultdict[str, Counter[str]] = defaultdict(Counter)
    by_party: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for lo, hi, state, parties, n in connection.execute(counted):
        by_day[lo if lo == hi else UNDATED][state] += n
        for party in json.loads(parties):
            by_party[party or "(no party: monitors, media)"][state] += n
    report.by_day = dict(sorted(by_day.items(), key=lambda kv: (kv[0] == UNDATED, kv[0])))
    report.by_party = dict(sorted(by_party.items()))
    report.victims = _victims(connection, in_force, day)
    return report


def _victims(connection: Connection, in_force: Any, day: str) -> list[dict[str, Any]]:
    """The people killed or wounded in the incidents counted, by day."""
    s, v = incident_spans.c, incident_victims.c
    query = (
        select(v.person_id, v.harm, v.incident_id, incidents.c.time, s.state)
        .select_from(
            incident_victims.join(
                incident_spans, and_(s.incident_id == v.incident_id, in_force)
            ).join(incidents, incidents.c.id == v.incident_id)
        )
        .where(v.learned_on <= day, v.harm.in_([Harm.KILLED.value, Harm.WOUNDED.value]))
        .order_by(s.date_lo, v.incident_id, v.id)
    )
    rows = [dict(row) for row in connection.execute(query).mappings()]
    live = {row["person_id"]: live_person(connection, row["person_id"]) for row in rows}
    names = display_names(connection, {p for p in live.values() if p is not None})
    return [
        {**row, "person_id": live[row["person_id"]],
         "name": names.get(live[row["person_id"]] or 0, "")}
        for row in rows
    ]  # fmt: skip


# --------------------------------------------------------------------------- export


#: The columns of an incident in an export, in order.
EXPORT_COLUMNS = [
    "id", "type", "time", "date_lo", "date_hi", "place", "area", "lat", "lon", "precision",
    "state", "learned_on", "fatalities_low", "fatalities_best", "fatalities_high",
    "reported_by", "reporting_parties", "perpetrators_alleged", "sources", "victims",
]  # fmt: skip


#: The export columns the incidents table holds as they are; the rest join up the reports.
_STORED = EXPORT_COLUMNS[: EXPORT_COLUMNS.index("fatalities_low")]


def incident_columns(protected: bool = False) -> list[str]:
    """The columns of an incident export; the reporters (protected) only when asked."""
    return [*EXPORT_COLUMNS, "reporters"] if protected else list(EXPORT_COLUMNS)


def iter_incidents(
    connection: Connection, *, protected: bool = False, batch: int = 2000
) -> Iterator[dict[str, Any]]:
    """Every incident not merged into another, in id order, with what its reports say
    joined up (each alleged perpetrator with who alleges it), a batch at a time. Who told
    each source (the reporters, protected) only when `protected`."""
    last = 0
    i = incidents.c
    while True:
        query = (
            select(incidents).where(i.id > last, i.merged_into.is_(None))
            .order_by(i.id).limit(batch)
        )  # fmt: skip
        rows = [dict(row) for row in connection.execute(query).mappings()]
        if not rows:
            return
        yield from _described(connection, rows, protected)
        last = rows[-1]["id"]


def incidents_page(
    connection: Connection, *, offset: int = 0, limit: int = 50, protected: bool = False
) -> tuple[int, list[dict[str, Any]]]:
    """A page of the incidents not merged into another, latest first, described as in an
    export (the reporters only when `protected`); with how many there are."""
    i = incidents.c
    live = i.merged_into.is_(None)
    total = connection.execute(select(func.count()).where(live)).scalar_one()
    query = (
        select(incidents).where(live).order_by(i.date_lo.desc(), i.id.desc())
        .offset(offset).limit(limit)
    )  # fmt: skip
    rows = [dict(row) for row in connection.execute(query).mappings()]
    return total, list(_described(connection, rows, protected))


def _described(
    connection: Connection, rows: list[dict[str, Any]], protected: bool
) -> Iterator[dict[str, Any]]:
    """Incidents with what their reports say joined up, as an export gives them."""
    r = incident_reports.c
    ids = [row["id"] for row in rows]
    told: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
    columns = [c for c in incident_reports.c if protected or c.name not in PROTECTED_REPORT_FIELDS]
    reports = select(*columns, sources.c.title.label("source")).outerjoin(
        sources, sources.c.id == r.source_id
    )
    for report in connection.execute(reports.where(r.incident_id.in_(ids))).mappings():
        told[report["incident_id"]].append(dict(report))
    v = incident_victims.c
    victims = Counter(
        connection.execute(select(v.incident_id).where(v.incident_id.in_(ids))).scalars()
    )
    for row in rows:
        held = sorted(told[row["id"]], key=lambda x: x["id"])
        figures = fatalities(held)
        reporters = {"reporters": _joined(x["reporter"] for x in held)} if protected else {}
        yield {
            **{k: row[k] for k in EXPORT_COLUMNS[:12]},
            "fatalities_low": figures["low"],
            "fatalities_best": figures["best"],
            "fatalities_high": figures["high"],
            "reported_by": _joined(x["reported_by"] for x in held),
            "reporting_parties": _joined(x["reporting_party"] for x in held),
            "perpetrators_alleged": _joined(
                f"{x['perpetrator']} (according to {x['reported_by']})"
                for x in held if x["perpetrator"]
            ),
            "sources": _joined(x["source"] or "" for x in held),
            "victims": victims.get(row["id"], 0),
            **reporters,
        }  # fmt: skip


def _joined(values: Iterable[str]) -> str:
    """Distinct non-empty values in first-seen order, joined with "; "."""
    return "; ".join(dict.fromkeys(v for v in values if v))


def geojson_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Incidents as a GeoJSON FeatureCollection, one point each, in pieces as they come (a
    map or an export of many incidents streams)."""
    yield '{"type": "FeatureCollection", "features": [\n'
    for count, row in enumerate(rows):
        properties = {k: v for k, v in row.items() if k not in ("lat", "lon")}
        feature = {"type": "Feature", "id": row["id"],
                   "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                   "properties": properties}  # fmt: skip
        yield ("" if count == 0 else ",\n") + json.dumps(feature, ensure_ascii=False)
    yield "\n]}\n"


def write_geojson(handle: TextIO, rows: Iterable[dict[str, Any]]) -> int:
    """Incidents as a GeoJSON FeatureCollection written to a file; how many were written."""
    written = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal written
        for row in rows:
            written += 1
            yield row

    for chunk in geojson_chunks(counted()):
        handle.write(chunk)
    return written
