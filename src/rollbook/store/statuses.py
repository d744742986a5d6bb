"""Recording one status change of a person: checked against the history, and the toll
projections (spans and cells) refreshed around it. Shared by `rollbook status` and by the
missing-person cases whose resolutions change a person's status."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert

from rollbook.model.dates import PartialDate
from rollbook.model.status import Evidence, Status, StatusEvent, TransitionError, check_new_event
from rollbook.store.database import Write
from rollbook.store.records import event_row, next_id
from rollbook.store.schema import status_events
from rollbook.store.spans import histories, rebuild_spans, shift_cells


class StatusRefused(ValueError):
    """A status change that cannot follow the person's history; nothing was written.

    `field` names what is to blame (`learned_on`, `status` or `corrects`), for a form to
    show the refusal beside it."""

    def __init__(self, reason: str, field: str) -> None:
        super().__init__(reason)
        self.field = field


class Refreshing:
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


def record_status(
    work: Write,
    person_id: int,
    status: Status,
    *,
    effective: PartialDate | None,
    learned_on: dt.date,
    evidence: Evidence,
    source_id: int | None = None,
    corrects: int | None = None,
    note: str = "",
) -> int:
    """Add one status event to a live person's history; its id."""
    event = StatusEvent(
        id=next_id(work.connection, status_events.c.id),
        person_id=person_id,
        status=status,
        effective=effective,
        learned_on=learned_on,
        evidence=evidence,
        source_id=source_id,
        corrects=corrects,
        note=note,
    )
    if learned_on > work.today:
        raise StatusRefused(f"learned on {learned_on}, after today ({work.today})", "learned_on")
    history = histories(work.connection, [person_id]).get(person_id, [])
    try:
        check_new_event(history, event)
    except TransitionError as error:
        blamed = "status" if corrects is None else "corrects"
        raise StatusRefused(f"person {person_id}: {error}", blamed) from None
    with Refreshing(work, [person_id]):
        work.connection.execute(insert(status_events).values(**event_row(event, work.seq)))
    return event.id
