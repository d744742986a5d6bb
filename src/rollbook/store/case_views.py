"""Reading the missing-person cases: who was still missing on a day, the resolutions per
month, one case whole, and every case in turn for an export."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from rollbook.model.cases import RESOLUTIONS, CaseStep, Step, state
from rollbook.model.persons import resolve
from rollbook.model.status import LATEST, Status, status_at
from rollbook.store.bulk import chunks
from rollbook.store.cases import case_steps_of, step_from_row
from rollbook.store.persons import display_names
from rollbook.store.records import live_person
from rollbook.store.schema import case_steps, missing_cases, persons, records
from rollbook.store.spans import histories


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
    """The cases reported by `known_on` and not resolved as known on it, oldest first."""
    day = known_on.isoformat()
    query = select(missing_cases).where(missing_cases.c.reported_on <= day)
    cases = {row["id"]: dict(row) for row in connection.execute(query).mappings()}
    steps = case_steps_of(connection, cases)
    still = {
        case_id: state(steps.get(case_id, []), day)
        for case_id in cases
        if state(steps.get(case_id, []), day) not in RESOLUTIONS
    }
    live = live_persons(connection, {cases[case_id]["person_id"] for case_id in still})
    person_ids = set(live.values())
    names = display_names(connection, person_ids)
    fields = _fields(connection, person_ids)
    held = histories(connection, person_ids)
    then = {p: status_at(held.get(p, []), LATEST, known_on.toordinal()) for p in person_ids}
    found = []
    for case_id, step in still.items():
        case = cases[case_id]
        person_id = live.get(case["person_id"])
        if person_id is None:
            continue
        given = fields.get(person_id, {})
        found.append(
            OpenCase(
                case_id=case_id,
                person_id=person_id,
                name=names.get(person_id, ""),
                party=given.get("party", ""),
                unit=case["unit"] or given.get("unit", ""),
                place=case["place"] or given.get("event_place", ""),
                reported_on=case["reported_on"],
                days_open=(known_on - dt.date.fromisoformat(case["reported_on"])).days,
                state=step,
                status=then[person_id],
            )
        )
    return sorted(found, key=lambda c: (c.reported_on, c.case_id))


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
    """Party, unit and place of death or disappearance from each person's records (the
    first record that gives each)."""
    found: defaultdict[int, dict[str, str]] = defaultdict(dict)
    columns = [records.c.person_id, records.c.party, records.c.unit, records.c.event_place]
    for chunk in chunks(sorted(person_ids)):
        query = select(*columns).where(records.c.person_id.in_(chunk)).order_by(records.c.id)
        for row in connection.execute(query).mappings():
            held = found[row["person_id"]]
            for name in ("party", "unit", "event_place"):
                if row[name] and name not in held:
                    held[name] = row[name]
    return dict(found)


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


def waiting_confirmation(connection: Connection) -> list[int]:
    """The identification steps no second person has confirmed yet."""
    query = select(case_steps.c.id).where(
        case_steps.c.step == Step.IDENTIFIED_DEAD.value, case_steps.c.confirmed_by.is_(None)
    )
    return list(connection.execute(query.order_by(case_steps.c.id)).scalars())


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
