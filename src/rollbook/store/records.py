"""Writing a list's records in bulk: records, the persons they start or join, their statuses.

Until linkage runs, a record starts a person of its own unless it carries an identifier
(service number, national id, or a Rollbook person id from an earlier export) that names
a person already in the register or earlier in the same list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select, text

from rollbook.model.dates import PartialDate
from rollbook.model.records import IDENTIFIER_FIELDS, RECORD_FIELDS
from rollbook.model.status import OPEN, Evidence, Status, StatusEvent, check_new_event
from rollbook.store.bulk import bulk_insert, first_person_with
from rollbook.store.schema import persons, records, status_events
from rollbook.store.spans import histories, rebuild_spans, refresh_persons, shift_cells

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
class RecordBatch:
    """Validated rows of one list, field by field: what the writer stores."""

    row_nos: list[int]
    values: list[tuple[str, ...]]  # RECORD_FIELDS, as written
    name_keys: list[str]
    scripts: list[str]
    statuses: list[Status | None]
    event_dates: list[PartialDate | None]
    person_refs: list[int | None]
    extras: list[str]

    def __len__(self) -> int:
        return len(self.row_nos)


_IDENTIFIER_AT = {name: RECORD_FIELDS.index(name) for name in IDENTIFIER_FIELDS}
_STATUS_TEXT: dict[Status | None, str] = {None: "", **{s: s.value for s in Status}}


# The span of a person known from one record, derived in SQL for a whole batch at once. It
# mirrors `rollbook.model.status.spans` for a one-event history (a test holds them equal):
# in effect from the event's last possible day, but no later than the day it was learned.
_LONE_SPANS = """
INSERT INTO status_spans (person_id, status, valid_from, valid_to, known_from, known_to,
                          month, day, party, region, unit, event_id)
SELECT person_id, status,
       CASE WHEN event_hi > 0 AND event_hi < :learned THEN event_hi ELSE :learned END,
       :open, :learned, :open,
       CASE WHEN length(event_date) >= 7 THEN substr(event_date, 1, 7) ELSE '' END,
       CASE WHEN length(event_date) = 10 THEN event_lo ELSE 0 END,
       party, region, unit, id + :offset
FROM records
WHERE id BETWEEN :first AND :last AND status != '' AND person_id >= :new_from
"""
# Each record with a status is a status event of its person, learned when its source was.
_RECORD_EVENTS = """
INSERT INTO status_events (id, person_id, status, effective, learned_on, evidence, source_id,
                           record_id, corrects, note, seq)
SELECT id + :offset, person_id, status, event_date, :learned_on, :evidence, source_id, id,
       CAST(NULL AS INTEGER), '', :seq
FROM records
WHERE id BETWEEN :first AND :last AND status != ''
"""
_NEW_PERSONS = """
INSERT INTO persons (id, merged_into, seq)
SELECT DISTINCT person_id, CAST(NULL AS INTEGER), :seq FROM records
WHERE source_id = :source_id AND person_id >= :new_from
"""


@dataclass
class RecordWriter:
    """Stores a list's records batch by batch inside one journalled write.

    Python writes the records; their persons, status events and (for persons known from
    one record) status spans are derived from them in SQL, a batch at a time.
    """

    connection: Connection
    seq: int
    source_id: int
    learned_on: dt.date
    evidence: Evidence
    first_record: int = 0
    first_person: int = 0
    next_record: int = 0
    next_person: int = 0
    event_offset: int = 0
    new_persons: int = 0
    joined: set[int] = field(default_factory=set)
    _lookups: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.first_record = self.next_record = next_id(self.connection, records.c.id)
        self.first_person = self.next_person = next_id(self.connection, persons.c.id)
        self.event_offset = next_id(self.connection, status_events.c.id) - self.first_record
        self._lookups = {
            name
            for name in IDENTIFIER_FIELDS
            if self.connection.execute(
                select(records.c.id).where(records.c[name] != "").limit(1)
            ).first()
        }

    def _existing(self, batch: RecordBatch) -> dict[tuple[str, str], int]:
        """The persons that identifiers in the batch already name in the register.

        Earlier batches of this list are in the register already and found there too, so
        memory stays flat however long the list is.
        """
        found: dict[tuple[str, str], int] = {}
        for name in sorted(self._lookups):  # only identifiers some earlier record carries
            at = _IDENTIFIER_AT[name]
            values = sorted({v[at] for v in batch.values if v[at]})
            for value, pid in first_person_with(self.connection, name, values):
                found[(name, value)] = pid
        return found

    def _assign(self, batch: RecordBatch, refused: dict[int, RowRefused]) -> list[int]:
        """The person of each record: one its identifiers or person id name, or a new one.

        A record naming a person the register does not have is refused (its person is 0).
        `seen` covers the batch itself; `_existing` everything before it.
        """
        existing = self._existing(batch) if self._lookups else {}
        seen: dict[tuple[str, str], int] = {}
        identifiers = list(_IDENTIFIER_AT.items())
        pids: list[int] = []
        for i, (values, ref) in enumerate(zip(batch.values, batch.person_refs, strict=True)):
            pid: int | None = None
            if ref is not None:
                pid = live_person(self.connection, ref)
                if pid is None:
                    reason = f"no person {ref} in the register"
                    refused[i] = RowRefused(batch.row_nos[i], "person_id", reason)
                    pids.append(0)
                    continue
            keys = [(name, values[at]) for name, at in identifiers if values[at]]
            for key in keys:
                pid = pid or seen.get(key) or existing.get(key)
            if pid is None:
                pid = self.next_person
                self.next_person += 1
                self.new_persons += 1
            else:
                self.joined.add(pid)
            for key in keys:
                seen.setdefault(key, pid)
                self._lookups.add(key[0])
            pids.append(pid)
        return pids

    def write(self, batch: RecordBatch) -> list[RowRefused]:
        """Store one batch but the records refused (an unknown person, a status conflict).

        A list with refused records is not imported; storing the rest lets the checks of
        later rows see everything before them, so every refusal is found in one run.
        """
        first = self.next_record
        refused: dict[int, RowRefused] = {}
        pids = self._assign(batch, refused)
        self._check_joined(batch, pids, first, refused)
        source_id = self.source_id
        rows = [
            (
                first + i,
                source_id,
                row_no,
                pid,
                key,
                script,
                *values,
                event.lo if event else 0,
                event.hi if event else 0,
                _STATUS_TEXT[status],
                extra,
            )
            for i, (row_no, pid, key, script, values, event, status, extra) in enumerate(
                zip(
                    batch.row_nos,
                    pids,
                    batch.name_keys,
                    batch.scripts,
                    batch.values,
                    batch.event_dates,
                    batch.statuses,
                    batch.extras,
                    strict=True,
                )
            )
            if i not in refused
        ]
        self.next_record += len(batch)
        bulk_insert(self.connection, records, RECORD_COLUMNS, rows)
        span = {"first": first, "last": self.next_record - 1, "offset": self.event_offset}
        self.connection.execute(
            text(_RECORD_EVENTS),
            {
                **span,
                "learned_on": self.learned_on.isoformat(),
                "evidence": self.evidence.value,
                "seq": self.seq,
            },
        )
        self.connection.execute(
            text(_LONE_SPANS),
            {
                **span,
                "learned": self.learned_on.toordinal(),
                "open": OPEN,
                "new_from": self.first_person,
            },
        )
        return list(refused.values())

    def _check_joined(
        self, batch: RecordBatch, pids: list[int], first: int, refused: dict[int, RowRefused]
    ) -> None:
        """Refuse a record whose status cannot follow its person's history as known so far."""
        if not self.joined:
            return
        joined = [(i, pid) for i, pid in enumerate(pids) if pid in self.joined]
        known = histories(self.connection, {pid for _, pid in joined})
        for i, pid in joined:
            status = batch.statuses[i]
            if status is None:
                continue
            event = StatusEvent(
                first + i + self.event_offset,
                pid,
                status,
                batch.event_dates[i],
                self.learned_on,
                self.evidence,
                self.source_id,
                first + i,
            )
            history = known.setdefault(pid, [])
            try:
                check_new_event(history, event)
            except ValueError as error:
                refused[i] = RowRefused(batch.row_nos[i], "status", str(error))
                continue
            history.append(event)

    def finish(self) -> None:
        """Add the new persons and bring every touched person's toll projections up to date."""
        self.connection.execute(
            text(_NEW_PERSONS),
            {"seq": self.seq, "source_id": self.source_id, "new_from": self.first_person},
        )
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
