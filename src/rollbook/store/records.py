"""Writing a list's records in bulk: records, the persons they start or join, their statuses.

Until linkage runs, a record starts a person of its own unless it carries an identifier
(service number, national id, or a Rollbook person id from an earlier export) that names
a person already in the register or earlier in the same list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, insert, select

from rollbook.model.dates import PartialDate
from rollbook.model.records import IDENTIFIER_FIELDS
from rollbook.model.status import Evidence, Status, StatusEvent, check_new_event, spans
from rollbook.store.schema import persons, records, status_events, status_spans
from rollbook.store.spans import histories, rebuild_spans, refresh_persons, shift_cells, span_rows

RECORD_COLUMNS = tuple(c.name for c in records.columns)


def next_id(connection: Connection, column: Any) -> int:
    """The next free identifier of a table (writers are serialised, so this is safe)."""
    return int(connection.execute(select(func.coalesce(func.max(column), 0))).one()[0]) + 1


def live_person(connection: Connection, person_id: int) -> int | None:
    """The person an id names now, following merges; None when there is no such person."""
    seen: set[int] = set()
    current: int | None = person_id
    while current is not None and current not in seen:
        seen.add(current)
        row = connection.execute(
            select(persons.c.merged_into).where(persons.c.id == current)
        ).one_or_none()
        if row is None:
            return None
        if row.merged_into is None:
            return current
        current = row.merged_into
    return None


class RowRefused(ValueError):
    """A row that cannot join the register as it stands, with the field and the reason."""

    def __init__(self, row_no: int, field_name: str, reason: str) -> None:
        super().__init__(f"row {row_no}, {field_name}: {reason}")
        self.row_no = row_no
        self.field_name = field_name
        self.reason = reason


@dataclass
class ImportedRecord:
    """One validated row, ready to store: field values as written, plus derived keys."""

    row_no: int
    fields: dict[str, str]
    name_key: str
    script: str
    status: Status | None
    event_date: PartialDate | None
    person_ref: int | None = None
    extra: str = "{}"


@dataclass
class RecordWriter:
    """Stores a list's records batch by batch inside one journalled write."""

    connection: Connection
    seq: int
    source_id: int
    learned_on: dt.date
    evidence: Evidence
    first_record: int = 0
    first_person: int = 0
    next_record: int = 0
    next_person: int = 0
    next_event: int = 0
    new_persons: int = 0
    joined: set[int] = field(default_factory=set)
    _seen: dict[tuple[str, str], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.first_record = self.next_record = next_id(self.connection, records.c.id)
        self.first_person = self.next_person = next_id(self.connection, persons.c.id)
        self.next_event = next_id(self.connection, status_events.c.id)

    def _existing(self, batch: Sequence[ImportedRecord]) -> dict[tuple[str, str], int]:
        found: dict[tuple[str, str], int] = {}
        for name in IDENTIFIER_FIELDS:
            values = sorted({r.fields[name] for r in batch if r.fields.get(name)})
            column = records.c[name]
            for start in range(0, len(values), 500):
                chunk = values[start : start + 500]
                query = select(column, func.min(records.c.person_id)).where(column.in_(chunk))
                for value, pid in self.connection.execute(query.group_by(column)):
                    found[(name, value)] = pid
        return found

    def _person_for(
        self, record: ImportedRecord, existing: Mapping[tuple[str, str], int]
    ) -> int | None:
        if record.person_ref is not None:
            pid = live_person(self.connection, record.person_ref)
            if pid is None:
                reason = f"no person {record.person_ref} in the register"
                raise RowRefused(record.row_no, "person_id", reason)
            return pid
        for name in IDENTIFIER_FIELDS:
            value = record.fields.get(name)
            if value:
                pid = self._seen.get((name, value)) or existing.get((name, value))
                if pid is not None:
                    return pid
        return None

    def _assign(self, batch: Sequence[ImportedRecord]) -> tuple[list[int], list[dict[str, Any]]]:
        """The person of each record: an existing one its identifiers name, or a new one."""
        existing = self._existing(batch)
        pids: list[int] = []
        person_rows: list[dict[str, Any]] = []
        for record in batch:
            pid = self._person_for(record, existing)
            if pid is None:
                pid = self.next_person
                self.next_person += 1
                self.new_persons += 1
                person_rows.append({"id": pid, "merged_into": None, "seq": self.seq})
            else:
                self.joined.add(pid)
            for name in IDENTIFIER_FIELDS:
                value = record.fields.get(name)
                if value:
                    self._seen.setdefault((name, value), pid)
            pids.append(pid)
        return pids, person_rows

    def write(self, batch: Sequence[ImportedRecord]) -> None:
        """Store one batch; raises RowRefused on an unknown person id or a status conflict."""
        pids, person_rows = self._assign(batch)
        created = {row["id"] for row in person_rows}
        known = histories(self.connection, {p for p in pids if p in self.joined} - created)
        record_rows: list[dict[str, Any]] = []
        event_rows: list[dict[str, Any]] = []
        singles: dict[int, tuple[ImportedRecord, StatusEvent]] = {}
        for record, pid in zip(batch, pids, strict=True):
            record_id = self.next_record
            self.next_record += 1
            record_rows.append(
                {
                    **record.fields,
                    "id": record_id,
                    "source_id": self.source_id,
                    "row_no": record.row_no,
                    "person_id": pid,
                    "name_key": record.name_key,
                    "script": record.script,
                    "status": record.status.value if record.status else "",
                    "extra": record.extra,
                }
            )
            if record.status is None:
                continue
            event = StatusEvent(
                id=self.next_event,
                person_id=pid,
                status=record.status,
                effective=record.event_date,
                learned_on=self.learned_on,
                evidence=self.evidence,
                source_id=self.source_id,
                record_id=record_id,
            )
            self.next_event += 1
            if pid in self.joined:
                history = known.setdefault(pid, [])
                try:
                    check_new_event(history, event)
                except ValueError as error:
                    raise RowRefused(record.row_no, "status", str(error)) from None
                history.append(event)
            else:
                singles[pid] = (record, event)
            event_rows.append(event_row(event, self.seq))
        if person_rows:
            self.connection.execute(insert(persons), person_rows)
        self.connection.execute(insert(records), record_rows)
        if event_rows:
            self.connection.execute(insert(status_events), event_rows)
        span_batch: list[dict[str, Any]] = []
        for pid, (record, event) in singles.items():
            span_batch.extend(span_rows(pid, record.fields, spans([event])))
        if span_batch:
            self.connection.execute(insert(status_spans), span_batch)

    def finish(self) -> None:
        """Bring the toll projections up to date for every person the list touched."""
        earlier = {pid for pid in self.joined if pid < self.first_person}
        refresh_persons(self.connection, earlier)
        rebuild_spans(self.connection, self.joined - earlier)
        shift_cells(self.connection, range(self.first_person, self.next_person), 1)


def event_row(event: StatusEvent, seq: int) -> dict[str, Any]:
    """The stored row of a status event written by journal entry `seq`."""
    return {
        "id": event.id,
        "person_id": event.person_id,
        "status": event.status.value,
        "effective": event.effective.iso() if event.effective else "",
        "learned_on": event.learned_on.isoformat(),
        "evidence": event.evidence.value,
        "source_id": event.source_id,
        "record_id": event.record_id,
        "corrects": event.corrects,
        "note": event.note,
        "seq": seq,
    }
