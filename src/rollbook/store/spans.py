"""The toll projections: each person's bitemporal status spans, and the cube counting them.

`status_spans` holds the names behind every count; `toll_cells` counts the spans by every
key a toll filters or groups on, so a toll over millions of records sums a few thousand
cells. Both are kept in step here, person by person, inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, text

from rollbook.model.dates import PartialDate
from rollbook.model.persons import resolve
from rollbook.model.status import Evidence, Span, Status, StatusEvent, spans
from rollbook.store.bulk import bulk_insert, chunks
from rollbook.store.schema import TOLL_KEY, records, status_events, status_spans, toll_cells

_SPAN_PERSON_FIELDS = ("party", "region", "unit")


def event_from_row(row: Mapping[str, Any]) -> StatusEvent:
    """A status event as the domain sees it, from its stored row."""
    return StatusEvent(
        id=row["id"],
        person_id=row["person_id"],
        status=Status(row["status"]),
        effective=PartialDate.from_iso(row["effective"]) if row["effective"] else None,
        learned_on=dt.date.fromisoformat(row["learned_on"]),
        evidence=Evidence(row["evidence"]),
        source_id=row["source_id"],
        record_id=row["record_id"],
        corrects=row["corrects"],
        note=row["note"],
    )


def histories(connection: Connection, person_ids: Collection[int]) -> dict[int, list[StatusEvent]]:
    """The status events of each person, in event order."""
    result: dict[int, list[StatusEvent]] = defaultdict(list)
    for chunk in chunks(person_ids):
        rows = connection.execute(
            select(status_events).where(status_events.c.person_id.in_(chunk))
        ).mappings()
        for row in rows:
            result[row["person_id"]].append(event_from_row(dict(row)))
    for events in result.values():
        events.sort(key=lambda e: e.order_key)
    return result


def span_rows(
    person_id: int, person: Mapping[str, str], items: Sequence[Span]
) -> list[tuple[object, ...]]:
    """`status_spans` rows (in column order) from a person's spans and resolved fields."""
    party, region, unit = person.get("party", ""), person.get("region", ""), person.get("unit", "")
    return [
        (
            person_id,
            s.status.value,
            s.valid_from,
            s.valid_to,
            s.known_from,
            s.known_to,
            s.month,
            s.day,
            party,
            region,
            unit,
            s.event_id,
        )
        for s in items
    ]


def _person_keys(connection: Connection, person_ids: Collection[int]) -> dict[int, dict[str, str]]:
    members: dict[int, list[dict[str, Any]]] = defaultdict(list)
    columns = [records.c.id, records.c.person_id, *(records.c[n] for n in _SPAN_PERSON_FIELDS)]
    for chunk in chunks(person_ids):
        for row in connection.execute(select(*columns).where(records.c.person_id.in_(chunk))):
            members[row.person_id].append(dict(row._mapping))
    return {
        pid: {name: r.value for name, r in resolve(rows, _SPAN_PERSON_FIELDS).items()}
        for pid, rows in members.items()
    }


def rebuild_spans(connection: Connection, person_ids: Collection[int]) -> None:
    """Replace the spans of these persons with ones computed from their history now."""
    if not person_ids:
        return
    for chunk in chunks(person_ids):
        connection.execute(delete(status_spans).where(status_spans.c.person_id.in_(chunk)))
    events = histories(connection, person_ids)
    keys = _person_keys(connection, person_ids)
    rows: list[tuple[object, ...]] = []
    for pid in sorted(person_ids):
        if events.get(pid):
            rows.extend(span_rows(pid, keys.get(pid, {}), spans(events[pid])))
    bulk_insert(connection, status_spans, [c.name for c in status_spans.columns], rows)


def shift_cells(connection: Connection, person_ids: Collection[int], sign: int) -> None:
    """Add (sign 1) or take away (sign -1) these persons' spans from the toll cube."""
    keys = ", ".join(TOLL_KEY)
    statement = (
        f"INSERT INTO toll_cells ({keys}, n) "
        f"SELECT {keys}, {sign:d} * COUNT(*) FROM status_spans WHERE person_id IN :ids "
        f"GROUP BY {keys} "
        f"ON CONFLICT ({keys}) DO UPDATE SET n = toll_cells.n + excluded.n"
    )
    query = text(statement).bindparams(bindparam("ids", expanding=True))
    for chunk in chunks(person_ids):
        connection.execute(query, {"ids": chunk})
    connection.execute(delete(toll_cells).where(toll_cells.c.n == 0))


def refresh_persons(connection: Connection, person_ids: Collection[int]) -> None:
    """Bring the toll projections of these persons up to date with their history."""
    if not person_ids:
        return
    shift_cells(connection, person_ids, -1)
    rebuild_spans(connection, person_ids)
    shift_cells(connection, person_ids, 1)
