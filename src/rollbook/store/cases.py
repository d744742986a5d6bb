"""Missing-person cases in the register: opening one, its steps, and the confirmation of an
identification, each a journalled write whose applier is the same live and in replay.

Opening a case reports the person missing (a status event, unless the history already says
so); a resolution that ends the disappearance adds the status it implies (model.cases).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, insert, select, update

from rollbook.model.cases import (
    ANTE_MORTEM,
    RESOLUTIONS,
    STATUS_OF,
    CaseStep,
    Step,
    confirm_problem,
    state,
    step_problem,
)
from rollbook.model.dates import PartialDate
from rollbook.model.status import Evidence, Status, status_at
from rollbook.store.database import Write
from rollbook.store.records import live_person, next_id
from rollbook.store.schema import case_steps, missing_cases, persons, records, sources
from rollbook.store.spans import histories
from rollbook.store.statuses import StatusRefused, record_status

OPEN_ACTION = "case.open"
STEP_ACTION = "case.step"
CONFIRM_ACTION = "case.confirm"
#: Case fields no public view or export shows.
PROTECTED_CASE_FIELDS = frozenset({"family_contact", "ante_mortem"})


class CaseRefused(ValueError):
    """A case write refused as asked, with the reason; nothing was written.

    `field` names the payload's field to blame, when one is, for a form to show the
    refusal beside it."""

    def __init__(self, reason: str, field: str = "") -> None:
        super().__init__(reason)
        self.field = field


def apply_open(work: Write) -> None:
    """Open a case for a person, or for the person of a record (`case.open`)."""
    p = work.payload
    connection = work.connection
    person_id = _person_of(connection, p.get("person_id"), p.get("record_id"))
    held = open_case_of(connection, person_id)
    if held is not None:
        raise CaseRefused(f"person {person_id} already has an open case, {held}")
    if p.get("source_id") is not None and not _exists(connection, sources.c.id, p["source_id"]):
        raise CaseRefused(f"no source {p['source_id']} in the register")
    unknown = sorted(set(p.get("ante_mortem", {})) - set(ANTE_MORTEM))
    if unknown:
        raise CaseRefused(f"unknown ante-mortem field {unknown[0]!r}")
    reported_on = dt.date.fromisoformat(p["reported_on"])
    last_seen = PartialDate.from_iso(p["last_seen"]) if p.get("last_seen") else None
    evidence = Evidence(p.get("evidence", Evidence.FAMILY_REPORT))
    if _status_now(connection, person_id) is not Status.MISSING:
        _status(work, person_id, Status.MISSING, effective=last_seen, learned_on=reported_on,
                evidence=evidence, source_id=p.get("source_id"))  # fmt: skip
    p["person_id"] = person_id
    p["case_id"], p["step_id"] = _insert_case(work, person_id, p, evidence)


def open_on_report(
    work: Write,
    person_id: int,
    *,
    reported_by: str,
    reported_on: dt.date,
    last_seen: str,
    evidence: Evidence,
    source_id: int | None,
) -> int | None:
    """Open a case for a person a status change has just reported missing, unless one is
    open already; the new case's id."""
    if open_case_of(work.connection, person_id) is not None:
        return None
    fields = {"reported_by": reported_by, "reported_on": reported_on.isoformat(),
              "last_seen": last_seen, "source_id": source_id}  # fmt: skip
    return _insert_case(work, person_id, fields, evidence)[0]


def open_case_of(connection: Connection, person_id: int) -> int | None:
    """The person's open case, if any."""
    for case_id, steps in case_steps_of(connection, _cases_of(connection, person_id)).items():
        if state(steps) not in RESOLUTIONS:
            return case_id
    return None


def _insert_case(
    work: Write, person_id: int, p: dict[str, Any], evidence: Evidence
) -> tuple[int, int]:
    """Store a case and its first step, reported; their ids."""
    case_id = next_id(work.connection, missing_cases.c.id)
    work.connection.execute(
        insert(missing_cases).values(
            id=case_id,
            person_id=person_id,
            record_id=p.get("record_id"),
            source_id=p.get("source_id"),
            reported_by=p["reported_by"],
            reported_on=p["reported_on"],
            last_seen=p.get("last_seen") or "",
            place=p.get("place", ""),
            circumstances=p.get("circumstances", ""),
            unit=p.get("unit", ""),
            family_contact=p.get("family_contact", ""),
            ante_mortem=json.dumps(p.get("ante_mortem", {}), sort_keys=True),
            seq=work.seq,
        )
    )
    step_id = _insert_step(
        work, case_id, Step.REPORTED, p.get("last_seen") or "", p["reported_on"], evidence,
        p.get("source_id"), "", None,
    )  # fmt: skip
    return case_id, step_id


def step_payload(
    case_id: int,
    step: Step,
    *,
    effective: PartialDate | None = None,
    learned: PartialDate | None = None,
    evidence: Evidence = Evidence.OTHER,
    source_id: int | None = None,
    note: str = "",
) -> dict[str, Any]:
    """The payload of `case.step` as `apply_step` reads it, the same whoever asks (the
    command line, the web)."""
    return {"case_id": case_id, "step": step.value,
            **dated(effective, learned, evidence, source_id, note)}  # fmt: skip


def dated(
    effective: PartialDate | None,
    learned: PartialDate | None,
    evidence: Evidence,
    source_id: int | None,
    note: str,
) -> dict[str, Any]:
    """What a status change and a case's step both say of themselves: when it took effect,
    when it was learned (the first day `learned` may stand for, or today), on what evidence,
    from which source, with a note."""
    learned_on = learned.first_day() if learned else dt.date.today()
    return {
        "effective": effective.iso() if effective else "",
        "learned_on": learned_on.isoformat(),
        "evidence": evidence.value,
        "source_id": source_id,
        "note": note,
    }


def apply_step(work: Write) -> None:
    """Add a step to a case; a resolution other than an identification changes the
    person's status at once (`case.step`)."""
    p = work.payload
    p["step_id"] = add_step(
        work, int(p["case_id"]), Step(p["step"]), effective=p.get("effective", ""),
        learned_on=dt.date.fromisoformat(p["learned_on"]), evidence=Evidence(p["evidence"]),
        source_id=p.get("source_id"), note=p.get("note", ""),
    )  # fmt: skip


def add_step(
    work: Write,
    case_id: int,
    step: Step,
    *,
    effective: str,
    learned_on: dt.date,
    evidence: Evidence,
    source_id: int | None,
    note: str,
) -> int:
    """Check and store one step of a case inside a write (a `case.step`, or an import of
    tracing notes); the step's id."""
    connection = work.connection
    case = _case(connection, case_id)
    if learned_on > work.today:
        raise CaseRefused(f"learned on {learned_on}, after today ({work.today})", "learned_on")
    if learned_on.isoformat() < case["reported_on"]:
        raise CaseRefused(f"learned on {learned_on}, before the case was reported", "learned_on")
    steps = case_steps_of(connection, [case["id"]]).get(case["id"], [])
    problem = step_problem(steps, step, evidence)
    if problem:
        # The evidence is to blame when the same step would stand with an identifying one.
        identifying = step_problem(steps, step, Evidence.DNA_MATCH) is None
        raise CaseRefused(f"case {case['id']}: {problem}", "evidence" if identifying else "step")
    event_id = None
    if step in STATUS_OF and step is not Step.IDENTIFIED_DEAD:
        event_id = _status(
            work,
            _live(connection, case["person_id"]),
            STATUS_OF[step],
            effective=PartialDate.from_iso(effective) if effective else None,
            learned_on=learned_on,
            evidence=evidence,
            source_id=source_id,
        )
    return _insert_step(
        work, case["id"], step, effective, learned_on.isoformat(), evidence, source_id, note,
        event_id,
    )  # fmt: skip


def confirm_payload(step_id: int, confirmed: PartialDate | None = None) -> dict[str, Any]:
    """The payload of `case.confirm` as `apply_confirm` reads it, the same whoever asks:
    confirmed on the first day `confirmed` may stand for, or today."""
    confirmed_on = confirmed.first_day() if confirmed else dt.date.today()
    return {"step_id": step_id, "confirmed_on": confirmed_on.isoformat()}


def apply_confirm(work: Write) -> None:
    """A second person confirms an identification of the dead; from then it counts and the
    person's status is killed (`case.confirm`)."""
    p = work.payload
    connection = work.connection
    row = connection.execute(select(case_steps).where(case_steps.c.id == int(p["step_id"])))
    found = row.mappings().one_or_none()
    if found is None:
        raise CaseRefused(f"no case step {p['step_id']} in the register", "step_id")
    step = step_from_row(found)
    problem = confirm_problem(step, work.actor)
    if problem:
        raise CaseRefused(f"step {step.id}: {problem}", "step_id")
    confirmed_on = dt.date.fromisoformat(p["confirmed_on"])
    if confirmed_on > work.today or confirmed_on.isoformat() < step.learned_on:
        raise CaseRefused(
            f"confirmed on {confirmed_on}: before the step or after today", "confirmed_on"
        )
    case = _case(connection, step.case_id)
    event_id = _status(
        work,
        _live(connection, case["person_id"]),
        Status.KILLED,
        effective=step.effective,
        learned_on=confirmed_on,
        evidence=step.evidence,
        source_id=found["source_id"],
    )
    connection.execute(
        update(case_steps)
        .where(case_steps.c.id == step.id)
        .values(
            confirmed_by=work.actor, confirmed_on=confirmed_on.isoformat(), status_event_id=event_id
        )
    )


def case_steps_of(connection: Connection, case_ids: Collection[int]) -> dict[int, list[CaseStep]]:
    """The steps of each case, in the order they were recorded."""
    found: defaultdict[int, list[CaseStep]] = defaultdict(list)
    if not case_ids:
        return {}
    query = select(case_steps).where(case_steps.c.case_id.in_(sorted(case_ids)))
    for row in connection.execute(query.order_by(case_steps.c.id)).mappings():
        found[row["case_id"]].append(step_from_row(row))
    return dict(found)


def step_from_row(row: Any) -> CaseStep:
    return CaseStep(
        id=row["id"],
        case_id=row["case_id"],
        step=Step(row["step"]),
        effective=PartialDate.from_iso(row["effective"]) if row["effective"] else None,
        learned_on=row["learned_on"],
        evidence=Evidence(row["evidence"]),
        actor=row["actor"],
        confirmed_by=row["confirmed_by"],
        confirmed_on=row["confirmed_on"],
    )


def _insert_step(
    work: Write,
    case_id: int,
    step: Step,
    effective: str,
    learned_on: str,
    evidence: Evidence,
    source_id: int | None,
    note: str,
    event_id: int | None,
) -> int:
    step_id = next_id(work.connection, case_steps.c.id)
    work.connection.execute(
        insert(case_steps).values(
            id=step_id, case_id=case_id, step=step.value, effective=effective,
            learned_on=learned_on, evidence=evidence.value, source_id=source_id, note=note,
            actor=work.actor, status_event_id=event_id, seq=work.seq,
        )
    )  # fmt: skip
    return step_id


def _status(work: Write, person_id: int, status: Status, **event: Any) -> int:
    try:
        return record_status(work, person_id, status, **event)
    except StatusRefused as error:
        raise CaseRefused(str(error)) from None


def _status_now(connection: Connection, person_id: int) -> Status | None:
    """The person's status now, as the register knows it now."""
    return status_at(histories(connection, [person_id]).get(person_id, []))


def _person_of(connection: Connection, person_id: Any, record_id: Any) -> int:
    if record_id is not None:
        row = connection.execute(select(records.c.person_id).where(records.c.id == int(record_id)))
        found = row.scalar_one_or_none()
        if found is None:
            raise CaseRefused(f"no record {record_id} in the register")
        person_id = found
    if person_id is None:
        raise CaseRefused("a case needs a person or a record")
    return _live(connection, int(person_id))


def _live(connection: Connection, person_id: int) -> int:
    live = live_person(connection, person_id)
    if live is None:
        raise CaseRefused(f"no person {person_id} in the register")
    return live


def _case(connection: Connection, case_id: int) -> dict[str, Any]:
    row = connection.execute(select(missing_cases).where(missing_cases.c.id == case_id))
    found = row.mappings().one_or_none()
    if found is None:
        raise CaseRefused(f"no case {case_id} in the register", "case_id")
    return dict(found)


def _cases_of(connection: Connection, person_id: int) -> list[int]:
    """The cases of a person, including those opened for persons since merged into it."""
    ids, new = {person_id}, {person_id}
    while new:
        query = select(persons.c.id).where(persons.c.merged_into.in_(sorted(new)))
        new = set(connection.execute(query).scalars()) - ids
        ids |= new
    query = select(missing_cases.c.id).where(missing_cases.c.person_id.in_(sorted(ids)))
    return list(connection.execute(query).scalars())


def _exists(connection: Connection, column: Any, value: Any) -> bool:
    return connection.execute(select(column).where(column == value)).first() is not None


def open_for_list(
    work: Write,
    source_id: int,
    title: str,
    learned_on: dt.date,
    evidence: Evidence,
    record_ids: range,
) -> int:
    """Open a case for every person a list reports missing who has none open: the list is
    the report. How many were opened."""
    connection = work.connection
    r = records.c
    query = (
        select(r.id, r.person_id, r.event_date, r.event_place, r.unit)
        .where(r.id.between(record_ids.start, record_ids.stop - 1), r.status == Status.MISSING)
        .order_by(r.id)
    )
    first: dict[int, dict[str, Any]] = {}
    for found in connection.execute(query).mappings():
        first.setdefault(found["person_id"], dict(found))
    if not first:
        return 0
    held = select(missing_cases.c.id, missing_cases.c.person_id).where(
        missing_cases.c.person_id.in_(sorted(first))
    )
    owners = {case: person for case, person in connection.execute(held)}
    for case_id, steps in case_steps_of(connection, owners).items():
        if state(steps) not in RESOLUTIONS:
            first.pop(owners[case_id], None)
    case_id = next_id(connection, missing_cases.c.id)
    step_id = next_id(connection, case_steps.c.id)
    day = learned_on.isoformat()
    case_rows: list[dict[str, Any]] = []
    step_rows: list[dict[str, Any]] = []
    for n, (person_id, row) in enumerate(first.items()):
        case_rows.append(
            {
                "id": case_id + n,
                "person_id": person_id,
                "record_id": row["id"],
                "source_id": source_id,
                "reported_by": title,
                "reported_on": day,
                "last_seen": row["event_date"],
                "place": row["event_place"],
                "circumstances": "",
                "unit": row["unit"],
                "family_contact": "",
                "ante_mortem": "{}",
                "seq": work.seq,
            }
        )
        step_rows.append({
            "id": step_id + n, "case_id": case_id + n, "step": Step.REPORTED.value,
            "effective": row["event_date"], "learned_on": day, "evidence": evidence.value,
            "source_id": source_id, "note": "", "actor": work.actor, "confirmed_by": None,
            "confirmed_on": None, "status_event_id": None, "seq": work.seq,
        })  # fmt: skip
    if case_rows:
        connection.execute(insert(missing_cases), case_rows)
        connection.execute(insert(case_steps), step_rows)
    return len(case_rows)
