"""Writing a list's records in bulk: records, the persons they start or join, their statuses.

Until linkage runs, a record starts a person of its own unless it carries an identifier
(service number, national id, or a Rollbook person id from an earlier export) that names
a person already in the register or earlier in the same list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, func, select

from rollbook.model.dates import PartialDate
from rollbook.model.records import IDENTIFIER_FIELDS, RECORD_FIELDS
from rollbook.model.status import Evidence, Span, Status, StatusEvent, check_new_event, spans
from rollbook.store.bulk import bulk_insert
from rollbook.store.schema import persons, records, status_events, status_spans
from rollbook.store.spans import histories, rebuild_spans, refresh_persons, shift_cells

RECORD_COLUMNS = tuple(c.name for c in records.columns)
PERSON_COLUMNS = tuple(c.name for c in persons.columns)
EVENT_COLUMNS = tuple(c.name for c in status_events.columns)
SPAN_COLUMNS = tuple(c.name for c in status_spans.columns)


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
    _lookups: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.first_record = self.next_record = next_id(self.connection, records.c.id)
        self.first_person = self.next_person = next_id(self.connection, persons.c.id)
        self.next_event = next_id(self.connection, status_events.c.id)
        self._lookups = [
            name
            for name in IDENTIFIER_FIELDS
            if self.connection.execute(
                select(records.c.id).where(records.c[name] != "").limit(1)
            ).first()
        ]

    def _existing(self, batch: Sequence[ImportedRecord]) -> dict[tuple[str, str], int]:
        found: dict[tuple[str, str], int] = {}
        for name in self._lookups:  # only identifiers some earlier record carries
            values = sorted({r.fields[name] for r in batch if r.fields.get(name)})
            column = records.c[name]
            for start in range(0, len(values), 500):
                chunk = values[start : start + 500]
                query = select(column, func.min(records.c.person_id)).where(
                    column != "", column.in_(chunk)
                )
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

    def _assign(
        self, batch: Sequence[ImportedRecord]
    ) -> tuple[list[int], list[tuple[int, None, int]]]:
        """The person of each record: an existing one its identifiers name, or a new one."""
        existing = self._existing(batch)
        pids: list[int] = []
        person_rows: list[tuple[int, None, int]] = []
        for record in batch:
            pid = self._person_for(record, existing)
            if pid is None:
                pid = self.next_person
                self.next_person += 1
                self.new_persons += 1
                person_rows.append((pid, None, self.seq))
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
        created = {row[0] for row in person_rows}
        joined = self.joined
        known = histories(self.connection, {p for p in pids if p in joined} - created)
        record_rows: list[tuple[object, ...]] = []
        event_rows: list[tuple[object, ...]] = []
        span_batch: list[tuple[object, ...]] = []
        source_id, seq, learned, evidence = self.source_id, self.seq, self.learned_on, self.evidence
        learned_text = learned.isoformat()
        for record, pid in zip(batch, pids, strict=True):
            record_id = self.next_record
            self.next_record += 1
            fields = record.fields
            status = record.status
            record_rows.append(
                (
                    record_id,
                    source_id,
                    record.row_no,
                    pid,
                    record.name_key,
                    record.script,
                    *[fields[name] for name in RECORD_FIELDS],
                    status.value if status else "",
                    record.extra,
                )
            )
            if status is None:
                continue
            event_id = self.next_event
            self.next_event += 1
            effective = record.event_date
            if pid in joined:
                event = StatusEvent(
                    event_id, pid, status, effective, learned, evidence, source_id, record_id
                )
                history = known.setdefault(pid, [])
                try:
                    check_new_event(history, event)
                except ValueError as error:
                    raise RowRefused(record.row_no, "status", str(error)) from None
                history.append(event)
            else:
                span = _lone_span(status, effective, learned)
                span_batch.append(
                    (
                        pid, span.status.value, span.valid_from, span.valid_to, span.known_from,
                        span.known_to, span.month, span.day, fields["party"], fields["region"],
                        fields["unit"], event_id,
                    )
                )  # fmt: skip
            event_rows.append(
                (
                    event_id, pid, status.value, effective.iso() if effective else "",
                    learned_text, evidence.value, source_id, record_id, None, "", seq,
                )
            )  # fmt: skip
        connection = self.connection
        bulk_insert(connection, persons, PERSON_COLUMNS, person_rows)
        bulk_insert(connection, records, RECORD_COLUMNS, record_rows)
        bulk_insert(connection, status_events, EVENT_COLUMNS, event_rows)
        bulk_insert(connection, status_spans, SPAN_COLUMNS, span_batch)

    def finish(self) -> None:
        """Bring the toll projections up to date for every person the list touched."""
        earlier = {pid for pid in self.joined if pid < self.first_person}
        refresh_persons(self.connection, earlier)
        rebuild_spans(self.connection, self.joined - earlier)
        shift_cells(self.connection, range(self.first_person, self.next_person), 1)


@lru_cache(maxsize=1 << 14)
def _lone_span(status: Status, effective: PartialDate | None, learned: dt.date) -> Span:
    """The span of a person whose history is one event (cached: lists share their dates)."""
    return spans([StatusEvent(0, 0, status, effective, learned, Evidence.OTHER)])[0]


def event_tuple(event: StatusEvent, seq: int) -> tuple[object, ...]:
    """The stored row of a status event written by journal entry `seq`, in EVENT_COLUMNS order."""
    return (
        event.id,
        event.person_id,
        event.status.value,
        event.effective.iso() if event.effective else "",
        event.learned_on.isoformat(),
        event.evidence.value,
        event.source_id,
        event.record_id,
        event.corrects,
        event.note,
        seq,
    )


def event_row(event: StatusEvent, seq: int) -> dict[str, Any]:
    """The stored row of a status event as a mapping, for single inserts."""
    return dict(zip(EVENT_COLUMNS, event_tuple(event, seq), strict=True))
