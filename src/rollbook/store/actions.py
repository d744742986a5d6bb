"""The register's journalled writes other than imports, each an applier of its journal entry.

An applier reads everything it needs from the entry's payload and the register as it
stands, so the live write and `rollbook verify`'s replay are the same call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from rollbook.model.claims import Category, Qualifier
from rollbook.model.dates import PartialDate
from rollbook.model.status import Evidence, Status
from rollbook.store import users
from rollbook.store.cases import (
    CONFIRM_ACTION,
    OPEN_ACTION,
    STEP_ACTION,
    apply_confirm,
    apply_open,
    apply_step,
    dated,
    open_on_report,
)
from rollbook.store.claims import claim_from_payload, claim_row, insert_claims
from rollbook.store.database import Write
from rollbook.store.incidents import (
    REPORT_ACTION,
    SET_ACTION,
    TRUCE_ACTION,
    VERIFY_ACTION,
    VICTIM_ACTION,
    apply_report,
    apply_set,
    apply_truce,
    apply_verify,
    apply_victim,
)
from rollbook.store.incidents import (
    RULE_ACTION as INCIDENT_RULE_ACTION,
)
from rollbook.store.incidents import (
    apply_rule as apply_incident_rule,
)
from rollbook.store.links import RULE_ACTION, RUN_ACTION, apply_ruling, apply_run
from rollbook.store.merging import members, merge_persons, split_records
from rollbook.store.records import live_person, next_id
from rollbook.store.schema import claims, records
from rollbook.store.sources import source_row
from rollbook.store.statuses import StatusRefused, record_status

Applier = Callable[[Write], None]


class ActionError(ValueError):
    """A write refused as asked, with the reason; nothing was written.

    `field` names the payload's field to blame, when one is, for a form to show the
    refusal beside it."""

    def __init__(self, reason: str, field: str = "") -> None:
        super().__init__(reason)
        self.field = field


def _person(work: Write, person_id: int) -> int:
    live = live_person(work.connection, person_id)
    if live is None:
        raise ActionError(f"no person {person_id} in the register", "person_id")
    return live


def _source(work: Write, source_id: int | None) -> None:
    if source_id is not None and source_row(work.connection, source_id) is None:
        raise ActionError(f"no source {source_id} in the register", "source_id")


def status_payload(
    person_id: int,
    status: Status,
    *,
    effective: PartialDate | None = None,
    learned: PartialDate | None = None,
    evidence: Evidence = Evidence.OTHER,
    source_id: int | None = None,
    corrects: int | None = None,
    note: str = "",
) -> dict[str, Any]:
    """The payload of `status.record` as `apply_status` reads it, the same whoever asks (the
    command line, the web)."""
    return {"person_id": person_id, "status": status.value, "corrects": corrects,
            **dated(effective, learned, evidence, source_id, note)}  # fmt: skip


def apply_status(work: Write) -> None:
    """Record one status change of a person (`status.record`)."""
    p = work.payload
    person_id = _person(work, int(p["person_id"]))
    _source(work, p.get("source_id"))
    try:
        p["event_id"] = record_status(
            work,
            person_id,
            Status(p["status"]),
            effective=PartialDate.from_iso(p["effective"]) if p.get("effective") else None,
            learned_on=dt.date.fromisoformat(p["learned_on"]),
            evidence=Evidence(p["evidence"]),
            source_id=p.get("source_id"),
            corrects=p.get("corrects"),
            note=p.get("note", ""),
        )
    except StatusRefused as error:
        raise ActionError(str(error), error.field) from None
    p["person_id"] = person_id
    if Status(p["status"]) is Status.MISSING:
        source = source_row(work.connection, p["source_id"]) if p.get("source_id") else None
        p["case_id"] = open_on_report(
            work,
            person_id,
            reported_by=source["title"] if source else f"recorded by {work.actor}",
            reported_on=dt.date.fromisoformat(p["learned_on"]),
            last_seen=p.get("effective") or "",
            evidence=Evidence(p["evidence"]),
            source_id=p.get("source_id"),
        )


def claim_payload(
    claimant: str,
    category: Category,
    as_of: PartialDate,
    *,
    qualifier: Qualifier = Qualifier.EXACT,
    value: int | None = None,
    low: int | None = None,
    high: int | None = None,
    party: str = "",
    group: str = "",
    period_start: PartialDate | None = None,
    period_end: PartialDate | None = None,
    revises: int | None = None,
    source_id: int | None = None,
    quote: str = "",
) -> dict[str, Any]:
    """The payload of `claim.add` as `apply_claim` reads it, the same whoever asks (the
    command line, the web)."""
    return {
        "claimant": claimant,
        "category": category.value,
        "qualifier": qualifier.value,
        "value": value,
        "low": low,
        "high": high,
        "as_of": as_of.iso(),
        "party": party,
        "group": group,
        "period_start": period_start.iso() if period_start else "",
        "period_end": period_end.iso() if period_end else "",
        "revises": revises,
        "source_id": source_id,
        "quote": quote,
    }


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
            raise ActionError(f"--revises: no claim {claim.revises}", "revises")
    insert_claims(work.connection, [claim_row(claim, work.seq)])
    p["claim_id"] = claim.id


def apply_merge(work: Write) -> None:
    """Make several persons one (`person.merge`): the seam linkage and reviewers use."""
    ids = sorted({_person(work, int(i)) for i in work.payload["persons"]})
    if len(ids) < 2:
        raise ActionError("a merge needs at least two different persons")
    work.payload["into"] = merge_persons(work, [ids])[0]


def apply_split(work: Write) -> None:
    """Move some of a person's records to another person (`person.split`).

    Records that a merged person brought go back to that person, under their own id;
    any other records start a new person.
    """
    p = work.payload
    person_id = _person(work, int(p["person_id"]))
    moving = sorted({int(r) for r in p["records"]})
    belonging = set(members(work.connection, records, [person_id]).get(person_id, []))
    strangers = [r for r in moving if r not in belonging]
    if strangers:
        raise ActionError(f"records {strangers} do not belong to person {person_id}")
    if not moving or len(moving) == len(belonging):
        raise ActionError("a split must leave at least one record on each side")
    p["new_person_id"] = split_records(work, person_id, moving)


def apply_nothing(work: Write) -> None:
    """Entries that change no projection (`register.init`)."""


APPLIERS: dict[str, Applier] = {
    "register.init": apply_nothing,
    "status.record": apply_status,
    "claim.add": apply_claim,
    "person.merge": apply_merge,
    "person.split": apply_split,
    RUN_ACTION: apply_run,
    RULE_ACTION: apply_ruling,
    OPEN_ACTION: apply_open,
    STEP_ACTION: apply_step,
    CONFIRM_ACTION: apply_confirm,
    REPORT_ACTION: apply_report,
    VERIFY_ACTION: apply_verify,
    VICTIM_ACTION: apply_victim,
    INCIDENT_RULE_ACTION: apply_incident_rule,
    TRUCE_ACTION: apply_truce,
    SET_ACTION: apply_set,
    users.ADD_ACTION: users.apply_add,
    users.DISABLE_ACTION: users.apply_disable,
    users.TOKEN_ACTION: users.apply_token,
}
