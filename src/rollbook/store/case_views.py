"""Reading the missing-person cases: who was still missing on a day, the resolutions per
month, one case whole, and every case in turn for an export."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, and_, select
from sqlalchemy import case as when

from rollbook.model.cases import RESOLUTIONS, CaseStep, Step, state
from rollbook.model.persons import resolve
from rollbook.model.records import written_name
from rollbook.model.status import LATEST, Status
from rollbook.store.bulk import chunks
from rollbook.store.cases import case_steps_of, step_from_row
from rollbook.store.persons import display_names
from rollbook.store.records import live_person
from rollbook.store.schema import case_steps, missing_cases, persons, records, status_spans

_CASE_FIELDS = ("party", "unit", "event_place")
#: The record fields an open case shows, its id first: they end each row of the query.
_RECORD_FIELDS = ("id", "full_name", "surname", "given_name", "patronymic", *_CASE_FIELDS)
_RECORD_AT = -len(_RECORD_FIELDS)


@dataclass(frozen=True, slots=True)
class OpenCase:
    """A case still open on a day, with what a tracing service sorts its work by."""

    case_id: int
    person_id: int
    name: str
    party: str
    unit: str
    place: str
    reported_on: str
    days_open: int
    state: Step
    # The person's status as known on the day: another source may have moved it on (a list
    # of the dead naming them) while the case still waits for its resolution step.
    status: Status | None

    @property
    def still_missing(self) -> bool:
        """Whether the person was still missing as known on the day."""
        return self.status in (Status.MISSING, None)


def open_cases(connection: Connection, known_on: dt.date) -> list[OpenCase]:
    """The cases reported by `known_on` and not resolved as known on it, oldest first.

    One query has the database work out where each case stands (no resolution in force;
    a search step in force or not) and bring each open case with its person's records and
    status as known then (from the spans the tolls count). A person merged since the case
    opened is looked up on its own.
    """
    cases: dict[int, tuple[Any, ...]] = {}
    held: defaultdict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in connection.execute(_open_cases_query(known_on)):
        case_id = row[0]
        if case_id not in cases:
            cases[case_id] = tuple(row[:_RECORD_AT])
        if row[_RECORD_AT] is not None:
            held[case_id].append(tuple(row[_RECORD_AT:]))
    merged = {case[1]: live_person(connection, case[1])
              for case in cases.values() if case[5] is not None}  # fmt: skip
    survivors = {p for p in merged.values() if p is not None}
    fields, then = _fields(connection, survivors), _statuses(connection, survivors, known_on)
    days_open: dict[str, int] = {}
    found = []
    for case_id, (
        _,
        person_id,
        reported_on,
        unit,
        place,
        merged_into,
        searching,
        status,
    ) in cases.items():
        if merged_into is None:
            given = _resolved_fields(held[case_id])
            now = Status(status) if status else None
        elif (person_id := merged[person_id]) is not None:
            given, now = fields.get(person_id, {}), then.get(person_id)
        else:
            continue
        if reported_on not in days_open:
            days_open[reported_on] = _days(reported_on, known_on)
        found.append(
            OpenCase(
                case_id=case_id,
                person_id=person_id,
                name=given.get("name", "(no name)"),
                party=given.get("party", ""),
                unit=unit or given.get("unit", ""),
                place=place or given.get("event_place", ""),
                reported_on=reported_on,
                days_open=days_open[reported_on],
                state=Step.UNDER_SEARCH if searching else Step.REPORTED,
                status=now,
            )
        )
    return found


def _days(since: str, day: dt.date) -> int:
    """Days from an ISO day to `day`."""
    return (day - dt.date.fromisoformat(since)).days


def _open_cases_query(known_on: dt.date) -> Select[Any]:
    """The cases reported by `known_on` with no resolution in force on it, oldest first:
    each with whether a search step is in force, its person's merge and status then, and
    one row for each of the person's records (its fields last, in `_RECORD_FIELDS` order)."""
    day, ordinal = known_on.isoformat(), known_on.toordinal()
    steps, spans = case_steps.c, status_spans.c
    in_force = when(
        (steps.step == Step.IDENTIFIED_DEAD.value, steps.confirmed_on <= day),
        else_=steps.learned_on <= day,
    )
    ended = select(steps.case_id).where(steps.step.in_([s.value for s in RESOLUTIONS]), in_force)
    searching = select(steps.case_id).where(
        steps.step == Step.UNDER_SEARCH.value, steps.learned_on <= day
    )
    status_then = and_(
        spans.person_id == missing_cases.c.person_id,
        spans.valid_from <= LATEST, spans.valid_to > LATEST,
        spans.known_from <= ordinal, spans.known_to > ordinal,
    )  # fmt: skip
    return (
        select(
            missing_cases.c.id, missing_cases.c.person_id, missing_cases.c.reported_on,
            missing_cases.c.unit, missing_cases.c.place, persons.c.merged_into,
            missing_cases.c.id.in_(searching).label("searching"), spans.status,
            records.c.id.label("record_id"), *[records.c[n] for n in _RECORD_FIELDS[1:]],
        )
        .select_from(
            missing_cases.outerjoin(persons, persons.c.id == missing_cases.c.person_id)
            .outerjoin(records, records.c.person_id == missing_cases.c.person_id)
            .outerjoin(status_spans, status_then)
        )
        .where(missing_cases.c.reported_on <= day, missing_cases.c.id.not_in(ended))
        .order_by(missing_cases.c.reported_on, missing_cases.c.id, records.c.id)
    )  # fmt: skip


def _statuses(
    connection: Connection, person_ids: Collection[int], known_on: dt.date
) -> dict[int, Status]:
    """Each person's status now as known on `known_on`, from the spans the tolls count: a
    person with no status in force then is left out."""
    spans, ordinal = status_spans.c, known_on.toordinal()
    found: dict[int, Status] = {}
    for chunk in chunks(person_ids):
        query = select(spans.person_id, spans.status).where(
            spans.person_id.in_(chunk),
            spans.valid_from <= LATEST, spans.valid_to > LATEST,
            spans.known_from <= ordinal, spans.known_to > ordinal,
        )  # fmt: skip
        found.update((p, Status(s)) for p, s in connection.execute(query))
    return found


def resolutions(connection: Connection, known_on: dt.date) -> Counter[tuple[str, Step]]:
    """Resolutions in force on `known_on`, by the month they came into force and kind."""
    day = known_on.isoformat()
    query = select(case_steps).where(case_steps.c.step.in_([s.value for s in RESOLUTIONS]))
    counted: Counter[tuple[str, Step]] = Counter()
    for row in connection.execute(query).mappings():
        step = step_from_row(row)
        if step.in_force(day):
            when = step.confirmed_on if step.step is Step.IDENTIFIED_DEAD else step.learned_on
            counted[(str(when)[:7], step.step)] += 1
    return counted


def _fields(connection: Connection, person_ids: Collection[int]) -> dict[int, dict[str, str]]:
    """Each person's display name ("name"), party, unit and place of death or
    disappearance, resolved from their records."""
    found: defaultdict[int, list[tuple[Any, ...]]] = defaultdict(list)
    columns = [records.c.person_id, *[records.c[n] for n in _RECORD_FIELDS]]
    for chunk in chunks(person_ids):
        for row in connection.execute(select(*columns).where(records.c.person_id.in_(chunk))):
            found[row[0]].append(row[1:])
    return {person_id: _resolved_fields(rows) for person_id, rows in found.items()}


def _resolved_fields(rows: Sequence[Sequence[Any]]) -> dict[str, str]:
    """The display name ("name"), party, unit and place resolved from a person's records,
    each a tuple of `_RECORD_FIELDS`."""
    named = [dict(zip(_RECORD_FIELDS, row, strict=True)) for row in rows]
    if len(named) == 1:  # most persons: nothing to weigh
        fields = {name: value for name, value in named[0].items() if value and name != "id"}
    else:
        fields = {name: r.value for name, r in resolve(named, _RECORD_FIELDS[1:]).items()}
    return {"name": written_name(fields) or "(no name)", **fields}


def case_view(connection: Connection, case_id: int) -> dict[str, Any] | None:
    """A case as stored, its steps, where it stands and its person's name (None: no case)."""
    row = connection.execute(select(missing_cases).where(missing_cases.c.id == case_id))
    case = row.mappings().one_or_none()
    if case is None:
        return None
    query = select(case_steps).where(case_steps.c.case_id == case_id).order_by(case_steps.c.id)
    rows = [dict(r) for r in connection.execute(query).mappings()]
    person_id = live_person(connection, case["person_id"]) or case["person_id"]
    return {
        "case": {**dict(case), "person_id": person_id},
        "name": display_names(connection, [person_id]).get(person_id, ""),
        "state": state([step_from_row(r) for r in rows]).value,
        "steps": rows,
    }


def waiting_confirmation(connection: Connection) -> dict[int, int]:
    """The identification steps no second person has confirmed yet, each with its case."""
    query = select(case_steps.c.id, case_steps.c.case_id).where(
        case_steps.c.step == Step.IDENTIFIED_DEAD.value, case_steps.c.confirmed_by.is_(None)
    )
    return {step: case for step, case in connection.execute(query.order_by(case_steps.c.id))}


def iter_cases(
    connection: Connection, batch: int = 1000
) -> Iterator[tuple[dict[str, Any], list[CaseStep], dict[str, str]]]:
    """Every case, in id order, with its steps and its person's resolved fields, a batch
    of cases at a time so that an export of many cases streams."""
    last = 0
    while True:
        query = (
            select(missing_cases).where(missing_cases.c.id > last)
            .order_by(missing_cases.c.id).limit(batch)
        )  # fmt: skip
        cases = [dict(row) for row in connection.execute(query).mappings()]
        if not cases:
            return
        steps = case_steps_of(connection, [c["id"] for c in cases])
        live = live_persons(connection, {c["person_id"] for c in cases})
        fields = _resolved(connection, set(live.values()))
        for case in cases:
            person_id = live.get(case["person_id"], case["person_id"])
            yield ({**case, "person_id": person_id}, steps.get(case["id"], []),
                   fields.get(person_id, {}))  # fmt: skip
        last = cases[-1]["id"]


def _resolved(connection: Connection, person_ids: Collection[int]) -> dict[int, dict[str, str]]:
    """Each person's resolved fields, by value."""
    found: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
    for chunk in chunks(sorted(person_ids)):
        query = select(records).where(records.c.person_id.in_(chunk))
        for row in connection.execute(query).mappings():
            found[row["person_id"]].append(dict(row))
    return {
        person_id: {name: r.value for name, r in resolve(rows).items()}
        for person_id, rows in found.items()
    }


def live_persons(connection: Connection, person_ids: Collection[int]) -> dict[int, int]:
    """Each person id as it is now, following merges; ids of no person are left out."""
    found: dict[int, int] = {}
    for chunk in chunks(sorted(person_ids)):
        query = select(persons.c.id, persons.c.merged_into).where(persons.c.id.in_(chunk))
        for person_id, merged_into in connection.execute(query):
            live = person_id if merged_into is None else live_person(connection, person_id)
            if live is not None:
                found[person_id] = live
    return found
