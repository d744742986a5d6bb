"""Writing a list's records in bulk: records, the persons they start or join, their statuses.

Until linkage runs, a record starts a person of its own unless it carries an identifier
(service number, national id, or a Rollbook person id from an earlier export) that names
a person already in the register or earlier in the same list.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Index, func, literal, select, text

from rollbook.model.dates import PartialDate
from rollbook.model.records import IDENTIFIER_FIELDS
from rollbook.model.status import OPEN, Evidence, Status, StatusEvent, check_new_event
from rollbook.store.bulk import bulk_insert, first_person_with
from rollbook.store.name_index import index_records
from rollbook.store.schema import (
    TOLL_KEY,
    persons,
    records,
    status_events,
    status_spans,
)
from rollbook.store.spans import histories, refresh_persons

ALL_STATUSES = frozenset(s.value for s in Status)


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


# Indexes an import builds at its end if they are empty at its start. Status events keep
# theirs: the check of a record joining a person reads that person's history.
_DEFERRABLE = sorted((*records.indexes, *status_spans.indexes), key=lambda index: str(index.name))
#: A batch holds these columns before the record fields its list carries, and these after.
BATCH_HEAD = ("row_no", "name_key", "script")
BATCH_TAIL = ("event_lo", "event_hi", "status", "extra")


@dataclass
class RecordBatch:
    """Validated rows of one list, column by column: what the writer stores.

    `columns` are `BATCH_HEAD`, then the record `fields` the list carries, then
    `BATCH_TAIL`. Every other record field has one value for the whole list
    (`constants`): it is written into the statement once instead of being bound, and
    sent between processes, row by row. Columns travel between processes more cheaply
    than rows, and the writer binds them zipped.
    """

    fields: tuple[str, ...]
    constants: dict[str, str]
    columns: list[list[Any]]
    # Each record's span should it be its person's only one: valid_from, month and day.
    spans: tuple[list[int], list[str], list[int]]
    person_refs: dict[int, int] = field(default_factory=dict)  # row index -> person named

    def __len__(self) -> int:
        return len(self.columns[0])

    @property
    def names(self) -> tuple[str, ...]:
        """The names of the columns, in order."""
        return (*BATCH_HEAD, *self.fields, *BATCH_TAIL)

    def column(self, name: str) -> list[Any]:
        """One column's values, row by row (a record field or one of the batch's own)."""
        if name in self.constants:
            return [self.constants[name]] * len(self)
        return self.columns[self.names.index(name)]


# The span of a person known from one record, derived in SQL for a whole batch at once: it
# is `rollbook.model.status.lone_span_days`, which the reader applied to count the spans
# into the toll cube, and a test holds the two equal. In effect from the event's last
# possible day, but no later than the day it was learned.
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
# New spans counted into the toll cube.
_CELL_KEY = ", ".join(TOLL_KEY)
_ADD_CELLS = (
    f"INSERT INTO toll_cells ({_CELL_KEY}, n) "
    f"VALUES ({', '.join(f':{k}' for k in TOLL_KEY)}, :n) "
    f"ON CONFLICT ({_CELL_KEY}) DO UPDATE SET n = toll_cells.n + excluded.n"
)
# Each record with a status is a status event of its person, learned when its source was.
_RECORD_EVENTS = """
INSERT INTO status_events (id, person_id, status, effective, learned_on, evidence, source_id,
                           record_id, corrects, note, seq)
SELECT id + :offset, person_id, status, event_date, :learned_on, :evidence, source_id, id,
       CAST(NULL AS INTEGER), '', :seq
FROM records
WHERE id BETWEEN :first AND :last AND status != ''
"""
# A batch that lands gives every person id from its first new one to its last a record.
_NEW_PERSONS = """
WITH RECURSIVE ids(id) AS (
    SELECT CAST(:first AS INTEGER) UNION ALL SELECT id + 1 FROM ids WHERE id < :last
)
INSERT INTO persons (id, merged_into, seq)
SELECT id, CAST(NULL AS INTEGER), :seq FROM ids
"""


@dataclass
class RecordWriter:
    """Stores a list's records batch by batch inside one journalled write.

    Python writes the records and counts the spans of persons known from one record into
    the toll cube (the reader derived each record's span); their persons, status events, those
    spans and the index of their name words are derived from the records in SQL.
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
    # Identifiers some record held before this import: looked up in the register.
    _lookups: frozenset[str] = frozenset()
    # The person each identifier value of this list names so far.
    _seen: dict[str, dict[str, int]] = field(default_factory=dict)
    _deferred: list[Index] = field(default_factory=list)
    # New spans by the leading keys of the toll cube (the rest are the same for all).
    _cells: Counter[tuple[str, str, str, str, int, int]] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.first_record = self.next_record = next_id(self.connection, records.c.id)
        self.first_person = self.next_person = next_id(self.connection, persons.c.id)
        self.event_offset = next_id(self.connection, status_events.c.id) - self.first_record
        self._lookups = frozenset(
            name
            for name in IDENTIFIER_FIELDS
            if self.connection.execute(
                select(records.c.id).where(records.c[name] != "").limit(1)
            ).first()
        )
        self._seen = {name: {} for name in IDENTIFIER_FIELDS}
        self._defer_empty_indexes()

    def _defer_empty_indexes(self) -> None:
        """Drop the indexes that hold nothing yet; `finish` builds them again.

        Building an index once from a whole list costs less than growing it row by row
        (identifiers come in random order), and no step of an import reads an index that
        was empty when it began. SQLite only: its readers keep their snapshot, where
        PostgreSQL would lock the table for them.
        """
        if self.connection.dialect.name != "sqlite":
            return
        for index in _DEFERRABLE:
            where = index.dialect_options["sqlite"]["where"]
            assert index.table is not None
            held = select(literal(1)).select_from(index.table)
            if where is not None:
                held = held.where(where)
            if self.connection.execute(held.limit(1)).first() is None:
                index.drop(self.connection)
                self._deferred.append(index)

    def _existing(self, batch: RecordBatch) -> dict[tuple[str, str], int]:
        """The persons that identifiers in the batch name among the register's records."""
        found: dict[tuple[str, str], int] = {}
        for name in sorted(self._lookups):
            seen = self._seen[name]
            values = sorted({v for v in batch.column(name) if v and v not in seen})
            for value, pid in first_person_with(self.connection, name, values):
                found[(name, value)] = pid
        return found

    def _assign(self, batch: RecordBatch, refused: dict[int, RowRefused]) -> list[int]:
        """The person of each record: one its identifiers or person id name, or a new one.

        A record naming a person the register does not have is refused (its person is 0).
        """
        count = len(batch)
        carried = [
            (name, batch.column(name))
            for name in IDENTIFIER_FIELDS
            if name in batch.fields or batch.constants.get(name)
        ]
        if self._all_new(carried, batch):
            first = self.next_person
            self.next_person += count
            self.new_persons += count
            for name, values in carried:
                pairs = zip(values, range(first, first + count), strict=True)
                self._seen[name].update(pair for pair in pairs if pair[0])
            return list(range(first, first + count))
        existing = self._existing(batch) if self._lookups else {}
        row_nos = batch.column("row_no")
        pids: list[int] = []
        for i in range(count):
            pid: int | None = None
            ref = batch.person_refs.get(i)
            if ref is not None:
                pid = live_person(self.connection, ref)
                if pid is None:
                    reason = f"no person {ref} in the register"
                    refused[i] = RowRefused(row_nos[i], "person_id", reason)
                    pids.append(0)
                    continue
            keys = [(name, values[i]) for name, values in carried if values[i]]
            for name, value in keys:
                pid = pid or self._seen[name].get(value) or existing.get((name, value))
            if pid is None:
                pid = self.next_person
                self.next_person += 1
                self.new_persons += 1
            else:
                self.joined.add(pid)
            for name, value in keys:
                self._seen[name].setdefault(value, pid)
            pids.append(pid)
        return pids

    def _all_new(self, carried: list[tuple[str, list[str]]], batch: RecordBatch) -> bool:
        """Whether every record of the batch starts a person of its own: none names a
        person, and each identifier value is given once and never before."""
        if batch.person_refs or (self._lookups and carried):
            return False
        for name, values in carried:
            given = [value for value in values if value]
            distinct = set(given)
            if len(distinct) != len(given) or not self._seen[name].keys().isdisjoint(distinct):
                return False
        return True

    def write(self, batch: RecordBatch) -> list[RowRefused]:
        """Store one batch but the records refused (an unknown person, a status conflict).

        A list with refused records is not imported; storing the rest lets the checks of
        later rows see everything before them, so every refusal is found in one run.
        """
        first = self.next_record
        refused: dict[int, RowRefused] = {}
        first_new = self.next_person
        pids = self._assign(batch, refused)
        if self.next_person > first_new:
            self.connection.execute(
                text(_NEW_PERSONS),
                {"seq": self.seq, "first": first_new, "last": self.next_person - 1},
            )
        self._check_joined(batch, pids, first, refused)
        self.next_record += len(batch)
        rows = list(zip(range(first, self.next_record), pids, *batch.columns, strict=True))
        if refused:
            rows = [row for i, row in enumerate(rows) if i not in refused]
        constants: dict[str, str | int] = {"source_id": self.source_id, **batch.constants}
        bulk_insert(self.connection, records, ("id", "person_id", *batch.names), rows, constants)
        index_records(self.connection, first, self.next_record - 1)
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
        self._lone_spans(batch, pids, first, refused)
        return list(refused.values())

    def _lone_spans(
        self, batch: RecordBatch, pids: list[int], first: int, refused: dict[int, RowRefused]
    ) -> None:
        """Store the span of each new person as known from one record, and count it.

        A person of this list who has several records gets one span per record here;
        `finish` replaces them with the spans of the whole history.
        """
        self.connection.execute(
            text(_LONE_SPANS),
            {
                "first": first,
                "last": first + len(batch) - 1,
                "offset": self.event_offset,
                "learned": self.learned_on.toordinal(),
                "open": OPEN,
                "new_from": self.first_person,
            },
        )
        statuses = batch.column("status")
        cells = [statuses, batch.column("party"), batch.column("region"), *batch.spans]
        if refused or "" in statuses or min(pids, default=0) < self.first_person:
            new = [
                i
                for i, (pid, status) in enumerate(zip(pids, statuses, strict=True))
                if status and pid >= self.first_person and i not in refused
            ]
            cells = [[column[i] for i in new] for column in cells]
        status, party, region, valid_from, month, day = cells
        self._cells.update(zip(status, party, region, month, day, valid_from, strict=True))

    def _check_joined(
        self, batch: RecordBatch, pids: list[int], first: int, refused: dict[int, RowRefused]
    ) -> None:
        """Refuse a record whose status cannot follow its person's history as known so far."""
        if not self.joined:
            return
        joined = [(i, pid) for i, pid in enumerate(pids) if pid in self.joined]
        if not joined:
            return
        known = histories(self.connection, {pid for _, pid in joined})
        dates = batch.column("event_date")
        statuses = batch.column("status")
        row_nos = batch.column("row_no")
        for i, pid in joined:
            status = statuses[i]
            if not status:
                continue
            event = StatusEvent(
                first + i + self.event_offset,
                pid,
                Status(status),
                PartialDate.from_iso(dates[i]) if dates[i] else None,
                self.learned_on,
                self.evidence,
                self.source_id,
                first + i,
            )
            history = known.setdefault(pid, [])
            try:
                check_new_event(history, event)
            except ValueError as error:
                refused[i] = RowRefused(row_nos[i], "status", str(error))
                continue
            history.append(event)

    def finish(self) -> None:
        """Build deferred indexes, and bring every touched person's toll projections up to
        date."""
        for index in self._deferred:
            index.create(self.connection)
        if self._cells:
            fixed = {"valid_to": OPEN, "known_from": self.learned_on.toordinal(), "known_to": OPEN}
            cells = [
                {**dict(zip(TOLL_KEY, key, strict=False)), **fixed, "n": n}
                for key, n in self._cells.items()
            ]
            self.connection.execute(text(_ADD_CELLS), cells)
        # A person of this list with several records was counted once per record so far.
        refresh_persons(self.connection, self.joined)


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


def source_records(
    connection: Connection,
    source_id: int,
    statuses: frozenset[str],
    offset: int,
    limit: int,
    total: int | None = None,
) -> tuple[int, list[dict[str, Any]]]:
    """A page of a list's rows, in the list's order, of the statuses asked for; and how many
    there are in all (counted, unless the caller knows it: `total`)."""
    where = [records.c.source_id == source_id]
    if not statuses >= ALL_STATUSES:
        where.append(records.c.status.in_(sorted(statuses)))  # else the rows' index alone
    if total is None:
        counted = select(func.count()).select_from(records).where(*where)
        total = int(connection.execute(counted).scalar() or 0)
    query = select(records).where(*where).order_by(records.c.row_no)
    first = _first_of_dense(connection, source_id, total) if len(where) == 1 else None
    if first is None:
        query = query.offset(offset)
    else:  # the page's rows found by their numbers, not by skipping those before them
        query = query.where(records.c.row_no >= first + offset)
    return total, [dict(row) for row in connection.execute(query.limit(limit)).mappings()]


def _first_of_dense(connection: Connection, source_id: int, total: int) -> int | None:
    """The first row number of a list whose `total` rows are numbered without a gap (as an
    import numbers a file's rows), else None."""
    row = records.c.row_no
    ends = [select(f(row)).where(records.c.source_id == source_id).scalar_subquery()
            for f in (func.min, func.max)]  # fmt: skip
    low, high = connection.execute(select(*ends)).one()
    return int(low) if low is not None and high - low + 1 == total else None
