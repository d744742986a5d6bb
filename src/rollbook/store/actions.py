"""The register's journalled writes other than imports, each an applier of its journal entry.

An applier reads everything it needs from the entry's payload and the register as it
stands, so the live write and `rollbook verify`'s replay are the same call.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import Table, insert, or_, select, update

from rollbook.model.dates import PartialDate
from rollbook.model.status import Evidence, Status, StatusEvent, TransitionError, check_new_event
from rollbook.store.claims import claim_from_payload
from rollbook.store.database import Write
from rollbook.store.records import event_row, live_person, next_id
from rollbook.store.schema import claims, decisions, persons, records, status_events
from rollbook.store.sources import source_row
from rollbook.store.spans import histories, rebuild_spans, shift_cells

Applier = Callable[[Write], None]


class ActionError(ValueError):
    """A write refused as asked, with the reason; nothing was written."""


def _person(work: Write, person_id: int) -> int:
    live = live_person(work.connection, person_id)
    if live is None:
        raise ActionError(f"no person {person_id} in the register")
    return live


def _source(work: Write, source_id: int | None) -> None:
    if source_id is not None and source_row(work.connection, source_id) is None:
        raise ActionError(f"no source {source_id} in the register")


def apply_status(work: Write) -> None:
    """Record one status change of a person (`status.record`)."""
    p = work.payload
    person_id = _person(work, int(p["person_id"]))
    _source(work, p.get("source_id"))
    event = StatusEvent(
        id=next_id(work.connection, status_events.c.id),
        person_id=person_id,
        status=Status(p["status"]),
        effective=PartialDate.from_iso(p["effective"]) if p.get("effective") else None,
        learned_on=dt.date.fromisoformat(p["learned_on"]),
        evidence=Evidence(p["evidence"]),
        source_id=p.get("source_id"),
        corrects=p.get("corrects"),
        note=p.get("note", ""),
    )
    if event.learned_on > work.today:
        raise ActionError(f"learned on {event.learned_on}, after today ({work.today})")
    history = histories(work.connection, [person_id]).get(person_id, [])
    try:
        check_new_event(history, event)
    except TransitionError as error:
        raise ActionError(f"person {person_id}: {error}") from None
    with _refreshing(work, [person_id]):
        work.connection.execute(insert(status_events).values(**event_row(event, work.seq)))
    p["event_id"] = event.id
    p["person_id"] = person_id


def apply_claim(work: Write) -> None:
    """Record a figure a source announced (`claim.add`)."""
    p = work.payload
    claim_id = next_id(work.connection, claims.c.id)
    claim = claim_from_payload(claim_id, p)
    _source(work, claim.source_id)
    if claim.revises is not None:
        found = work.connection.execute(
            select(claims.c.id).where(claims.c.id == claim.revises)
        ).one_or_none()
        if found is None:
            raise ActionError(f"--revises: no claim {claim.revises}")
    work.connection.execute(
        insert(claims).values(
            id=claim.id,
            claimant=claim.claimant,
            category=claim.category.value,
            qualifier=claim.qualifier.value,
            value=claim.value,
            low=claim.low,
            high=claim.high,
            as_of=claim.as_of.iso(),
            party=claim.party,
            grp=claim.group,
            period_start=claim.period_start.iso() if claim.period_start else "",
            period_end=claim.period_end.iso() if claim.period_end else "",
            revises=claim.revises,
            source_id=claim.source_id,
            quote=claim.quote,
            seq=work.seq,
        )
    )
    p["claim_id"] = claim.id


class _refreshing:
    """Take persons out of the toll projections, change them, and put them back."""

    def __init__(self, work: Write, person_ids: list[int]) -> None:
        self.connection = work.connection
        self.ids = person_ids

    def __enter__(self) -> None:
        shift_cells(self.connection, self.ids, -1)

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is None:
            rebuild_spans(self.connection, self.ids)
            shift_cells(self.connection, self.ids, 1)


def _decide(work: Write, kind: str, payload: dict[str, Any]) -> None:
    work.connection.execute(
        insert(decisions).values(
            id=next_id(work.connection, decisions.c.id),
            kind=kind,
            payload=json.dumps(payload, sort_keys=True),
            seq=work.seq,
        )
    )


def apply_merge(work: Write) -> None:
    """Make several persons one (`person.merge`): the seam linkage and reviewers use.

    The decision keeps what each person brought (records and status events), so that a
    split of exactly those records later gives the person back their own id.
    """
    p = work.payload
    ids = sorted({_person(work, int(i)) for i in p["persons"]})
    if len(ids) < 2:
        raise ActionError("a merge needs at least two different persons")
    into, others = ids[0], ids[1:]
    connection = work.connection
    brought = {
        str(pid): {
            "records": _ids_of(work, records, pid),
            "events": _ids_of(work, status_events, pid),
        }
        for pid in others
    }
    with _refreshing(work, ids):
        for table in (records, status_events):
            connection.execute(
                update(table).where(table.c.person_id.in_(others)).values(person_id=into)
            )
        connection.execute(update(persons).where(persons.c.id.in_(others)).values(merged_into=into))
    _decide(work, "same_person", {"persons": ids, "into": into, "brought": brought})
    p["into"] = into


def _ids_of(work: Write, table: Table, person_id: int) -> list[int]:
    query = select(table.c.id).where(table.c.person_id == person_id).order_by(table.c.id)
    return list(work.connection.execute(query).scalars())


def _merged_away(work: Write, person_id: int, moving: list[int]) -> tuple[int, list[int]] | None:
    """A person merged into `person_id` who brought exactly these records, and their events."""
    query = select(decisions.c.payload).where(decisions.c.kind == "same_person")
    for (payload,) in work.connection.execute(query.order_by(decisions.c.id.desc())):
        decision = json.loads(payload)
        if decision["into"] != person_id:
            continue
        for pid, what in decision.get("brought", {}).items():
            merged = work.connection.execute(
                select(persons.c.merged_into).where(persons.c.id == int(pid))
            ).scalar_one_or_none()
            if merged == person_id and what["records"] == moving:
                return int(pid), what["events"]
    return None


def apply_split(work: Write) -> None:
    """Move some of a person's records to another person (`person.split`).

    Records that a merged person brought go back to that person, under their own id;
    any other records start a new person.
    """
    p = work.payload
    person_id = _person(work, int(p["person_id"]))
    moving = sorted({int(r) for r in p["records"]})
    connection = work.connection
    members = set(_ids_of(work, records, person_id))
    strangers = [r for r in moving if r not in members]
    if strangers:
        raise ActionError(f"records {strangers} do not belong to person {person_id}")
    if not moving or len(moving) == len(members):
        raise ActionError("a split must leave at least one record on each side")
    revived = _merged_away(work, person_id, moving)
    if revived is not None:
        new_id, events = revived
        connection.execute(update(persons).where(persons.c.id == new_id).values(merged_into=None))
    else:
        new_id, events = next_id(connection, persons.c.id), []
        connection.execute(insert(persons).values(id=new_id, merged_into=None, seq=work.seq))
    with _refreshing(work, [person_id, new_id]):
        connection.execute(update(records).where(records.c.id.in_(moving)).values(person_id=new_id))
        connection.execute(
            update(status_events)
            .where(
                status_events.c.person_id == person_id,
                or_(status_events.c.record_id.in_(moving), status_events.c.id.in_(events)),
            )
            .values(person_id=new_id)
        )
    _decide(work, "not_same_person", {"person": person_id, "records": moving, "new": new_id})
    p["new_person_id"] = new_id


def apply_nothing(work: Write) -> None:
    """Entries that change no projection (`register.init`)."""


APPLIERS: dict[str, Applier] = {
    "register.init": apply_nothing,
    "status.record": apply_status,
    "claim.add": apply_claim,
    "person.merge": apply_merge,
    "person.split": apply_split,
}
