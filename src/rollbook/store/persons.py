"""Reading persons: their records, sources, resolved fields with provenance, and history."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from rollbook.model.persons import Resolved, display_name, resolve
from rollbook.model.status import StatusEvent
from rollbook.store.bulk import chunks
from rollbook.store.records import live_person
from rollbook.store.schema import records, sources
from rollbook.store.spans import histories


@dataclass
class PersonView:
    """Everything the register holds about one person."""

    id: int
    asked_for: int
    name: str
    fields: dict[str, Resolved]
    records: list[dict[str, Any]]
    sources: dict[int, dict[str, Any]]
    history: list[StatusEvent]


def person_view(connection: Connection, person_id: int) -> PersonView | None:
    """A person by id (following merges), or None."""
    live = live_person(connection, person_id)
    if live is None:
        return None
    rows = [
        dict(r._mapping)
        for r in connection.execute(
            select(records).where(records.c.person_id == live).order_by(records.c.id)
        )
    ]
    source_ids = sorted({r["source_id"] for r in rows})
    found = {
        s.id: dict(s._mapping)
        for s in connection.execute(
            select(
                sources.c.id,
                sources.c.title,
                sources.c.kind,
                sources.c.publisher,
                sources.c.published,
            ).where(sources.c.id.in_(source_ids))
        )
    }
    fields = resolve(rows)
    return PersonView(
        id=live,
        asked_for=person_id,
        name=display_name(fields),
        fields=fields,
        records=rows,
        sources=found,
        history=histories(connection, [live]).get(live, []),
    )


def display_names(connection: Connection, person_ids: Collection[int]) -> dict[int, str]:
    """The display name of each person, resolved from their records."""
    names: dict[int, str] = {}
    name_columns = [records.c[n] for n in ("full_name", "surname", "given_name", "patronymic")]
    for chunk in chunks(person_ids):
        members: dict[int, list[dict[str, Any]]] = defaultdict(list)
        query = select(records.c.id, records.c.person_id, *name_columns).where(
            records.c.person_id.in_(chunk)
        )
        for row in connection.execute(query):
            members[row.person_id].append(dict(row._mapping))
        for pid, rows in members.items():
            names[pid] = display_name(resolve(rows))
    return names


def records_by_id(connection: Connection, record_ids: Collection[int]) -> dict[int, dict[str, Any]]:
    """Records by id, each with its person and the title of its source as "source"."""
    found: dict[int, dict[str, Any]] = {}
    query = select(records, sources.c.title.label("source")).join(
        sources, sources.c.id == records.c.source_id
    )
    for chunk in chunks(record_ids):
        for row in connection.execute(query.where(records.c.id.in_(chunk))):
            record = dict(row._mapping)
            record["row"] = record["row_no"]
            found[record["id"]] = record
    return found
