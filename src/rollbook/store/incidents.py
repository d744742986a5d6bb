"""Incidents in the register: reports placed on incidents, verification, victims, rulings on
doubtful pairs, truces and the war's start; each a journalled write whose applier is the
same live and in replay.

A new report joins the incident another source already reported when model.incidents
finds them the same (one type, day and place); a doubtful likeness opens a new incident
and a pair for a reviewer. Reports of one source are never joined to each other: a list of
incidents names each event once. The second independent source corroborates.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, select, update

from rollbook.model.dates import PartialDate
from rollbook.model.incidents import (
    Fatalities,
    Harm,
    IncidentError,
    IncidentType,
    Match,
    Precision,
    Report,
    Verification,
    match,
    parse_when,
    report_problem,
    verification_problem,
)
from rollbook.store.database import Write
from rollbook.store.records import live_person, next_id
from rollbook.store.schema import (
    incident_pairs,
    incident_reports,
    incident_spans,
    incident_steps,
    incident_victims,
    incidents,
    settings,
    sources,
    truces,
)

REPORT_ACTION = "incident.report"
VERIFY_ACTION = "incident.verify"
VICTIM_ACTION = "incident.victim"
RULE_ACTION = "incident.rule"
TRUCE_ACTION = "truce.add"
SET_ACTION = "register.set"
#: A step still in force: later than any ISO day.
EVER = "9999-12-31"
#: Report fields no public view or export shows.
PROTECTED_REPORT_FIELDS = frozenset({"reporter"})
#: What `rollbook set` may set, and what each holds.
SETTINGS = {"war_start": "the day (or month, or year) the war began: no incident before it"}


class IncidentRefused(ValueError):
    """An incident write refused as asked, with the reason; nothing was written.

    `field` names the payload's field to blame, when one is, for a form to show the
    refusal beside it."""

    def __init__(self, reason: str, field: str = "") -> None:
        super().__init__(reason)
        self.field = field


def voice_of(reported_by: str) -> str:
    """Who speaks, folded, for independence: two reports from one outlet corroborate
    nothing, however its name is spaced or cased."""
    return " ".join(reported_by.casefold().split())


@dataclass(frozen=True, slots=True)
class Account:
    """A report with what the register keeps about where it came from."""

    report: Report
    reported_by: str  # the organ or outlet that reports it (public)
    learned_on: dt.date
    source_id: int | None = None
    row_no: int | None = None
    external_id: str = ""
    reporter: str = ""  # the person who told the source: protected

    @property
    def voice(self) -> str:
        """Who speaks, folded."""
        return voice_of(self.reported_by)


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a report went: its incident, and whether it was new, joined or doubtful."""

    report_id: int
    incident_id: int
    outcome: str  # "new", "joined" or "review"
    corroborated: bool = False


# --------------------------------------------------------------------------- payloads


def account_payload(account: Account) -> dict[str, Any]:
    """An account as JSON for a journal entry."""
    r = account.report
    return {
        "type": r.type.value, "time": r.when, "place": r.place, "area": r.area, "lat": r.lat,
        "lon": r.lon, "precision": r.precision.value, "reporting_party": r.reporting_party,
        "perpetrator": r.perpetrator, "target": r.target, "fatalities_low": r.fatalities.low,
        "fatalities_best": r.fatalities.best, "fatalities_high": r.fatalities.high,
        "wounded": r.wounded, "description": r.description, "reported_by": account.reported_by,
        "learned_on": account.learned_on.isoformat(), "source_id": account.source_id,
        "external_id": account.external_id, "reporter": account.reporter,
    }  # fmt: skip


def account_from_payload(p: Mapping[str, Any]) -> Account:
    """An account from its journal JSON (or a stored report row)."""
    start, end = parse_when(p["time"])
    report = Report(
        type=IncidentType(p["type"]), start=start, end=end, place=p["place"], area=p["area"],
        lat=float(p["lat"]), lon=float(p["lon"]), precision=Precision(p["precision"]),
        reporting_party=p["reporting_party"], perpetrator=p["perpetrator"], target=p["target"],
        fatalities=Fatalities(p["fatalities_low"], p["fatalities_best"], p["fatalities_high"]),
        wounded=p["wounded"], description=p["description"],
    )  # fmt: skip
    return Account(
        report=report, reported_by=p["reported_by"],
        learned_on=dt.date.fromisoformat(p["learned_on"]), source_id=p.get("source_id"),
        row_no=p.get("row_no"), external_id=p.get("external_id", ""),
        reporter=p.get("reporter", ""),
    )  # fmt: skip


# --------------------------------------------------------------------------- placing reports


def apply_report(work: Write) -> None:
    """Record one source's report of an incident (`incident.report`)."""
    p = work.payload
    try:
        account = account_from_payload(p)
    except (IncidentError, ValueError) as error:
        raise IncidentRefused(str(error)) from None
    if account.source_id is not None and not _exists(work.connection, sources.c.id,
                                                      account.source_id):  # fmt: skip
        raise IncidentRefused(f"no source {account.source_id} in the register")
    problem = account_problem(work, account)
    if problem:
        raise IncidentRefused(str(problem))
    placed = place_accounts(work, [account])[0]
    p.update(report_id=placed.report_id, incident_id=placed.incident_id, outcome=placed.outcome,
             corroborated=placed.corroborated)  # fmt: skip


def account_problem(work: Write, account: Account) -> IncidentError | None:
    """Why an account cannot join the register as it stands, or None."""
    if account.learned_on > work.today:
        return IncidentError("learned_on", f"{account.learned_on} is after today")
    return report_problem(account.report, war_start(work.connection), work.today.toordinal())


def war_start(connection: Connection) -> PartialDate | None:
    """The day the war began, when the register has been told."""
    row = connection.execute(select(settings.c.value).where(settings.c.key == "war_start"))
    value = row.scalar_one_or_none()
    return PartialDate.from_iso(value) if value else None


def current_settings(connection: Connection) -> dict[str, str]:
    """Each setting `rollbook set` may set, with its value ("" while unset): what an
    administrator reviews before changing one."""
    query = select(settings.c.key, settings.c.value).where(settings.c.key.in_(list(SETTINGS)))
    found: dict[str, str] = {row.key: row.value for row in connection.execute(query)}
    return {key: found.get(key, "") for key in SETTINGS}


@dataclass(slots=True)
class _Candidate:
    """An incident a new report may join: its first report, its sources and voices."""

    id: int
    report: Report
    state: Verification
    learned_on: str
    sources: set[int | None]
    voices: set[str]


def place_accounts(work: Write, accounts: Sequence[Account]) -> list[Placed]:
    """Place reports already checked on incidents: each joins the incident it is the same
    as (the nearest), or opens a new one, with a pair for review when doubtful."""
    if not accounts:
        return []
    connection = work.connection
    lo = min(a.report.lo for a in accounts)
    hi = max(a.report.hi for a in accounts)
    by_day: defaultdict[int, list[_Candidate]] = defaultdict(list)
    for candidate in _candidates(connection, lo, hi):
        for day in range(max(candidate.report.lo, lo), min(candidate.report.hi, hi) + 1):
            by_day[day].append(candidate)
    batch = _Batch(work)
    placed: list[Placed] = []
    for account in accounts:
        r = account.report
        seen: dict[int, _Candidate] = {}
        for day in range(r.lo, r.hi + 1):
            for c in by_day.get(day, ()):
                if account.source_id is None or account.source_id not in c.sources:
                    seen.setdefault(c.id, c)
        same: list[tuple[float, _Candidate]] = []
        doubtful: list[tuple[float, _Candidate]] = []
        for c in seen.values():
            found, km = match(c.report, r)
            if found is Match.SAME:
                same.append((km, c))
            elif found is Match.DOUBTFUL:
                doubtful.append((km, c))
        if same:
            _, joined = min(same, key=lambda pair: (pair[0], pair[1].id))
            placed.append(batch.join(joined, account))
        else:
            nearest = [(km, c.id) for km, c in sorted(doubtful, key=lambda p: (p[0], p[1].id))]
            fresh = batch.open(account, nearest[:3])
            placed.append(fresh)
            candidate = _Candidate(fresh.incident_id, r, Verification.REPORTED,
                                   account.learned_on.isoformat(), {account.source_id},
                                   {account.voice})  # fmt: skip
            for d in range(max(r.lo, lo), min(r.hi, hi) + 1):
                by_day[d].append(candidate)
    batch.flush()
    return placed


class _Batch:
    """The rows a batch of reports adds, written at the end in a few statements; the ids
    are taken in order, so a replay gives every row the same id."""

    def __init__(self, work: Write) -> None:
        self.work = work
        connection = work.connection
        self.report_id = next_id(connection, incident_reports.c.id)
        self.incident_id = next_id(connection, incidents.c.id)
        self.step_id = next_id(connection, incident_steps.c.id)
        self.pair_id = next_id(connection, incident_pairs.c.id)
        self.incidents: dict[int, dict[str, Any]] = {}
        self.steps: list[dict[str, Any]] = []
        self.current: dict[int, dict[str, Any]] = {}  # new steps in force, by incident
        self.reports: list[dict[str, Any]] = []
        self.pairs: list[dict[str, Any]] = []
        self.joined: dict[int, str] = {}  # incidents already stored a report joined, and when

    def open(self, account: Account, doubtful: list[tuple[float, int]]) -> Placed:
        """A new incident for a report, with a pair for review with each doubtful one."""
        r, incident_id, day = account.report, self.incident_id, account.learned_on.isoformat()
        self.incident_id += 1
        self.incidents[incident_id] = {
            "id": incident_id, "type": r.type.value, "time": r.when,
            "date_lo": dt.date.fromordinal(r.lo).isoformat(),
            "date_hi": dt.date.fromordinal(r.hi).isoformat(), "place": r.place, "area": r.area,
            "lat": r.lat, "lon": r.lon, "precision": r.precision.value,
            "state": Verification.REPORTED.value, "learned_on": day, "merged_into": None,
            "seq": self.work.seq,
        }  # fmt: skip
        self._step(incident_id, Verification.REPORTED, "", day, account.source_id)
        for km, other in doubtful:
            self.pairs.append({"id": self.pair_id, "incident_a": other,
                               "incident_b": incident_id, "km": round(km, 3),
                               "state": "review", "seq": self.work.seq})  # fmt: skip
            self.pair_id += 1
        report_id = self._report(incident_id, account)
        return Placed(report_id, incident_id, "review" if doubtful else "new")

    def join(self, joined: _Candidate, account: Account) -> Placed:
        """A report joins an incident; a second independent voice corroborates it."""
        day = account.learned_on.isoformat()
        corroborated = joined.state is Verification.REPORTED and account.voice not in joined.voices
        joined.sources.add(account.source_id)
        joined.voices.add(account.voice)
        if day < joined.learned_on:
            joined.learned_on = day
            self._incident(joined.id, learned_on=day)
        if corroborated:
            joined.state = Verification.CORROBORATED
            reason = f"a second independent source: {account.reported_by}"
            self._step(joined.id, joined.state, reason, day, account.source_id)
            self._incident(joined.id, state=joined.state.value)
        report_id = self._report(joined.id, account)
        self.joined[joined.id] = max(day, self.joined.get(joined.id, day))
        return Placed(report_id, joined.id, "joined", corroborated)

    def _incident(self, incident_id: int, **values: str) -> None:
        if incident_id in self.incidents:
            self.incidents[incident_id].update(values)
        else:
            self.work.connection.execute(
                update(incidents).where(incidents.c.id == incident_id).values(**values)
            )

    def _step(
        self, incident_id: int, state: Verification, reason: str, day: str, source: int | None
    ) -> None:
        before = self.current.get(incident_id)
        if before is not None:
            day = before["known_to"] = max(day, before["learned_on"])
        elif incident_id not in self.incidents:
            day = _close_step(self.work.connection, incident_id, day)
        step = {
            "id": self.step_id, "incident_id": incident_id, "state": state.value,
            "reason": reason, "learned_on": day,
            "known_to": EVER, "source_id": source, "actor": self.work.actor,
            "seq": self.work.seq,
        }  # fmt: skip
        self.step_id += 1
        self.steps.append(step)
        self.current[incident_id] = step

    def _report(self, incident_id: int, account: Account) -> int:
        report_id = self.report_id
        self.report_id += 1
        self.reports.append({
            **account_payload(account), "id": report_id, "incident_id": incident_id,
            "row_no": account.row_no, "seq": self.work.seq,
        })  # fmt: skip
        return report_id

    def flush(self) -> None:
        """Write the rows; then bring the spans of every incident the batch touched up to
        date (a new one's first span is written with it)."""
        connection = self.work.connection
        parties: defaultdict[int, set[str]] = defaultdict(set)
        for report in self.reports:
            parties[report["incident_id"]].add(report["reporting_party"])
        spans = [
            {"incident_id": i["id"], "state": i["state"], "parties": _parties(parties[i["id"]]),
             "date_lo": i["date_lo"], "date_hi": i["date_hi"], "known_from": i["learned_on"],
             "known_to": EVER}
            for i in self.incidents.values()
        ]  # fmt: skip
        for table, rows in (
            (incidents, list(self.incidents.values())), (incident_steps, self.steps),
            (incident_reports, self.reports), (incident_pairs, self.pairs),
            (incident_spans, spans),
        ):  # fmt: skip
            if rows:
                connection.execute(insert(table), rows)
        for incident_id, day in self.joined.items():
            if incident_id not in self.incidents:
                respan(connection, incident_id, day)


def _candidates(connection: Connection, lo: int, hi: int) -> list[_Candidate]:
    """The incidents (not merged away) whose time overlaps days `lo` to `hi` (ordinals)."""
    i, r = incidents.c, incident_reports.c
    query = select(
        i.id, i.type, i.time, i.place, i.area, i.lat, i.lon, i.precision, i.state,
        i.learned_on,
    ).where(
        i.merged_into.is_(None),
        i.date_lo <= dt.date.fromordinal(hi).isoformat(),
        i.date_hi >= dt.date.fromordinal(lo).isoformat(),
    )  # fmt: skip
    found: dict[int, _Candidate] = {}
    for row in connection.execute(query).mappings():
        start, end = parse_when(row["time"])
        report = Report(
            type=IncidentType(row["type"]), start=start, end=end, place=row["place"],
            area=row["area"], lat=row["lat"], lon=row["lon"],
            precision=Precision(row["precision"]),
        )  # fmt: skip
        found[row["id"]] = _Candidate(row["id"], report, Verification(row["state"]),
                                      row["learned_on"], set(), set())  # fmt: skip
    if found:
        ids = select(i.id).where(
            i.merged_into.is_(None),
            i.date_lo <= dt.date.fromordinal(hi).isoformat(),
            i.date_hi >= dt.date.fromordinal(lo).isoformat(),
        )
        told = select(r.incident_id, r.source_id, r.reported_by).where(r.incident_id.in_(ids))
        for incident_id, source_id, reported_by in connection.execute(told):
            found[incident_id].sources.add(source_id)
            found[incident_id].voices.add(voice_of(reported_by))
    return list(found.values())


# --------------------------------------------------------------------------- verification


def verify_payload(
    incident_id: int,
    state: Verification,
    *,
    reason: str = "",
    learned: PartialDate | None = None,
    source_id: int | None = None,
) -> dict[str, Any]:
    """The payload of `incident.verify` as `apply_verify` reads it, the same whoever asks
    (the command line, the web). It was learned on the first day `learned` may stand for,
    or today."""
    learned_on = learned.first_day() if learned else dt.date.today()
    return {"incident_id": incident_id, "state": state.value, "reason": reason,
            "learned_on": learned_on.isoformat(), "source_id": source_id}  # fmt: skip


def apply_verify(work: Write) -> None:
    """Move an incident to a verification state, with the reason (`incident.verify`)."""
    p = work.payload
    connection = work.connection
    incident_id = live_incident(connection, int(p["incident_id"]))
    new = Verification(p["state"])
    learned = dt.date.fromisoformat(p["learned_on"])
    if learned > work.today:
        raise IncidentRefused(f"learned on {learned}, after today ({work.today})", "learned_on")
    current = _current_step(connection, incident_id)
    if learned.isoformat() < current["learned_on"]:
        raise IncidentRefused(
            f"learned on {learned}, before the incident's last step ({current['learned_on']})",
            "learned_on",
        )
    before, independent = Verification(current["state"]), len(voices(connection, incident_id))
    problem = verification_problem(before, new, independent, p["reason"])
    if problem:
        # The reason is to blame when the same move would stand with one.
        given = verification_problem(before, new, independent, "given") is None
        raise IncidentRefused(f"incident {incident_id}: {problem}", "reason" if given else "state")
    p["incident_id"] = incident_id
    p["step_id"] = new_step(work, incident_id, new, p["reason"], learned.isoformat(),
                            p.get("source_id"))  # fmt: skip


def new_step(
    work: Write,
    incident_id: int,
    state: Verification,
    reason: str,
    learned_on: str,
    source_id: int | None,
) -> int:
    """Store a verification step: the step before it stays in force until this one is
    learned, and the incident takes the new state. The step's id."""
    connection = work.connection
    s = incident_steps.c
    _close_step(connection, incident_id, learned_on)
    step_id = next_id(connection, s.id)
    connection.execute(
        insert(incident_steps).values(
            id=step_id, incident_id=incident_id, state=state.value, reason=reason,
            learned_on=learned_on, known_to=EVER, source_id=source_id, actor=work.actor,
            seq=work.seq,
        )
    )  # fmt: skip
    connection.execute(
        update(incidents).where(incidents.c.id == incident_id).values(state=state.value)
    )
    respan(connection, incident_id, learned_on)
    return step_id


def respan(connection: Connection, incident_id: int, day: str) -> None:
    """Bring an incident's spans up to date from `day`: its state and reporting parties as
    they are now, or none once a ruling has made it part of another. A span that began on
    `day` or later is changed in place; an earlier one ends on `day`."""
    i, r, s = incidents.c, incident_reports.c, incident_spans.c
    found = connection.execute(select(incidents).where(i.id == incident_id)).mappings().one()
    told = select(r.reporting_party).where(r.incident_id == incident_id).distinct()
    now = {"state": found["state"], "parties": _parties(connection.execute(told).scalars())}
    current = connection.execute(
        select(incident_spans).where(s.incident_id == incident_id, s.known_to == EVER)
    ).mappings().one_or_none()  # fmt: skip
    this_span = and_(s.incident_id == incident_id, s.known_to == EVER)
    if current is not None:
        if found["merged_into"] is None and all(current[k] == v for k, v in now.items()):
            return
        if current["known_from"] >= day:
            if found["merged_into"] is None:
                connection.execute(update(incident_spans).where(this_span).values(**now))
            else:
                connection.execute(delete(incident_spans).where(this_span))
            return
        connection.execute(update(incident_spans).where(this_span).values(known_to=day))
    if found["merged_into"] is None:
        connection.execute(
            insert(incident_spans).values(
                incident_id=incident_id, date_lo=found["date_lo"], date_hi=found["date_hi"],
                known_from=day, known_to=EVER, **now,
            )
        )  # fmt: skip


def _parties(names: Iterable[str]) -> str:
    """The reporting parties of an incident as a span keeps them."""
    return json.dumps(sorted(set(names)), ensure_ascii=False)


def _close_step(connection: Connection, incident_id: int, day: str) -> str:
    """End the step in force of a stored incident when the next is learned: on `day`, or
    on the step's own day if that is later (steps follow each other in time). The day."""
    current = _current_step(connection, incident_id)
    day = max(day, current.get("learned_on", day))
    s = incident_steps.c
    connection.execute(
        update(incident_steps)
        .where(s.incident_id == incident_id, s.known_to == EVER)
        .values(known_to=day)
    )
    return day


def _current_step(connection: Connection, incident_id: int) -> Mapping[str, Any]:
    s = incident_steps.c
    query = select(incident_steps).where(s.incident_id == incident_id, s.known_to == EVER)
    row = connection.execute(query.order_by(s.id.desc())).mappings().first()
    return dict(row) if row is not None else {}


def voices(connection: Connection, incident_id: int) -> set[str]:
    """The independent voices that report an incident."""
    query = select(incident_reports.c.reported_by).where(
        incident_reports.c.incident_id == incident_id
    )
    return {voice_of(v) for v in connection.execute(query).scalars()}


def live_incident(connection: Connection, incident_id: int) -> int:
    """The incident an id names now, following rulings that made two incidents one."""
    seen: set[int] = set()
    current = incident_id
    while current not in seen:
        seen.add(current)
        row = connection.execute(
            select(incidents.c.merged_into).where(incidents.c.id == current)
        ).one_or_none()
        if row is None:
            break
        if row.merged_into is None:
            return current
        current = row.merged_into
    raise IncidentRefused(f"no incident {incident_id} in the register", "incident_id")


# --------------------------------------------------------------------------- victims


def apply_victim(work: Write) -> None:
    """Link a person in the register to an incident as its victim (`incident.victim`)."""
    p = work.payload
    connection = work.connection
    incident_id = live_incident(connection, int(p["incident_id"]))
    person_id = live_person(connection, int(p["person_id"]))
    if person_id is None:
        raise IncidentRefused(f"no person {p['person_id']} in the register")
    harm = Harm(p["harm"])
    v = incident_victims.c
    held = select(v.id).where(v.incident_id == incident_id, v.person_id == person_id)
    if connection.execute(held).first() is not None:
        raise IncidentRefused(f"person {person_id} is already a victim of incident {incident_id}")
    p.update(incident_id=incident_id, person_id=person_id)
    p["victim_id"] = next_id(connection, v.id)
    connection.execute(
        insert(incident_victims).values(
            id=p["victim_id"], incident_id=incident_id, person_id=person_id, harm=harm.value,
            source_id=p.get("source_id"), learned_on=p["learned_on"], seq=work.seq,
        )
    )  # fmt: skip


# --------------------------------------------------------------------------- rulings


def apply_rule(work: Write) -> None:
    """A reviewer's ruling on a doubtful pair (`incident.rule`): "same" makes the later
    incident part of the earlier one (its reports and victims move; a second independent
    voice corroborates); "different" keeps them apart."""
    p = work.payload
    connection = work.connection
    pair = connection.execute(select(incident_pairs).where(incident_pairs.c.id == int(p["pair"])))
    found = pair.mappings().one_or_none()
    if found is None:
        raise IncidentRefused(f"no pair {p['pair']} waiting for review")
    if found["state"] != "review":
        raise IncidentRefused(f"pair {p['pair']} was already ruled {found['state']}")
    if p["ruling"] not in ("same", "different"):
        raise IncidentRefused(f"a ruling is same or different, not {p['ruling']!r}")
    if p["ruling"] == "same":
        keep = live_incident(connection, found["incident_a"])
        fold = live_incident(connection, found["incident_b"])
        if keep != fold:
            _fold(work, keep, fold, p["learned_on"])
    connection.execute(
        update(incident_pairs).where(incident_pairs.c.id == found["id"]).values(state=p["ruling"])
    )


def _fold(work: Write, keep: int, fold: int, learned_on: str) -> None:
    """Make incident `fold` part of `keep`."""
    connection = work.connection
    before = voices(connection, keep)
    told = select(incident_reports.c.reported_by).where(incident_reports.c.incident_id == fold)
    added = [v for v in connection.execute(told).scalars() if voice_of(v) not in before]
    for table in (incident_reports, incident_victims):
        connection.execute(
            update(table).where(table.c.incident_id == fold).values(incident_id=keep)
        )
    rows = connection.execute(select(incidents).where(incidents.c.id.in_([keep, fold])))
    learned = min(r["learned_on"] for r in rows.mappings())
    connection.execute(update(incidents).where(incidents.c.id == keep).values(learned_on=learned))
    connection.execute(update(incidents).where(incidents.c.id == fold).values(merged_into=keep))
    respan(connection, fold, learned_on)
    respan(connection, keep, learned_on)
    current = _current_step(connection, keep)
    if current.get("state") == Verification.REPORTED.value and added:
        day = max(learned_on, current["learned_on"])
        reason = f"a second independent source: {added[0]}"
        new_step(work, keep, Verification.CORROBORATED, reason, day, None)


# --------------------------------------------------------------------------- truces, settings


def apply_truce(work: Write) -> None:
    """Record a truce: its parties, start, end if any, and monitor (`truce.add`)."""
    p = work.payload
    connection = work.connection
    if not p["name"].strip():
        raise IncidentRefused("a truce needs a name")
    if connection.execute(select(truces.c.id).where(truces.c.name == p["name"])).first():
        raise IncidentRefused(f"there is already a truce named {p['name']!r}")
    if p.get("ends_on") and p["ends_on"] < p["starts_on"]:
        raise IncidentRefused(f"it ends ({p['ends_on']}) before it starts ({p['starts_on']})")
    if p.get("source_id") is not None and not _exists(connection, sources.c.id, p["source_id"]):
        raise IncidentRefused(f"no source {p['source_id']} in the register")
    p["truce_id"] = next_id(connection, truces.c.id)
    connection.execute(
        insert(truces).values(
            id=p["truce_id"], name=p["name"], parties=json.dumps(p["parties"], ensure_ascii=False),
            starts_on=p["starts_on"], ends_on=p.get("ends_on") or "",
            monitor=p.get("monitor", ""), source_id=p.get("source_id"), seq=work.seq,
        )
    )  # fmt: skip


def apply_set(work: Write) -> None:
    """Set one of the register's settings (`register.set`)."""
    p = work.payload
    if p["key"] not in SETTINGS:
        raise IncidentRefused(f"no setting {p['key']!r}; there are: {', '.join(SETTINGS)}")
    value = PartialDate.from_iso(p["value"])
    if value.first_day() > work.today:
        raise IncidentRefused(f"{p['key']}: {value} is in the future")
    connection = work.connection
    connection.execute(settings.delete().where(settings.c.key == p["key"]))
    connection.execute(insert(settings).values(key=p["key"], value=value.iso()))


def _exists(connection: Connection, column: Any, value: Any) -> bool:
    return connection.execute(select(column).where(column == value)).first() is not None
