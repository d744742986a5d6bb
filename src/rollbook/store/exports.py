"""Exports with provenance: every record with its source and place in it, every person with
the record each resolved field came from. Protected fields only when asked for."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, select

from rollbook.model.persons import display_name, resolve
from rollbook.model.records import PERSON_FIELDS, PROTECTED_FIELDS, RECORD_FIELDS
from rollbook.model.status import OPEN
from rollbook.store.schema import records, sources, status_spans

_BATCH = 10_000


def record_columns(include_protected: bool) -> list[str]:
    """The columns of a records export, in order."""
    shown = [f for f in RECORD_FIELDS if include_protected or f not in PROTECTED_FIELDS]
    return ["record_id", "person_id", "source_id", "source_title", "row", *shown, "status", "extra"]


def iter_records(connection: Connection, include_protected: bool) -> Iterator[dict[str, Any]]:
    """Every record with its source and row, in record order."""
    titles = dict(connection.execute(select(sources.c.id, sources.c.title)).all())
    query = select(records).order_by(records.c.id)
    for row in connection.execution_options(yield_per=_BATCH).execute(query).mappings():
        out: dict[str, Any] = {
            "record_id": row["id"],
            "person_id": row["person_id"],
            "source_id": row["source_id"],
            "source_title": titles.get(row["source_id"], ""),
            "row": row["row_no"],
        }
        for name in RECORD_FIELDS:
            if include_protected or name not in PROTECTED_FIELDS:
                out[name] = row[name]
        out["status"] = row["status"]
        out["extra"] = row["extra"]
        yield out


def person_columns() -> list[str]:
    """The columns of a persons export, in order: each field followed by its provenance."""
    columns = ["person_id", "name", "status", "records", "sources"]
    for name in PERSON_FIELDS:
        columns += [name, f"{name}_record"]
    return columns


def _current_statuses(connection: Connection) -> dict[int, str]:
    query = select(status_spans.c.person_id, status_spans.c.status).where(
        status_spans.c.valid_to == OPEN, status_spans.c.known_to == OPEN
    )
    return dict(connection.execute(query).all())


def iter_persons(connection: Connection) -> Iterator[dict[str, Any]]:
    """Every person with resolved fields, the record each came from, and their records."""
    statuses = _current_statuses(connection)
    columns = [
        records.c.id,
        records.c.person_id,
        records.c.source_id,
        *(records.c[n] for n in PERSON_FIELDS),
    ]
    query = select(*columns).order_by(records.c.person_id, records.c.id)
    rows = connection.execution_options(yield_per=_BATCH).execute(query).mappings()
    for person_id, members in groupby(rows, key=lambda r: r["person_id"]):
        group = [dict(m) for m in members]
        fields = resolve(group)
        out: dict[str, Any] = {
            "person_id": person_id,
            "name": display_name(fields),
            "status": statuses.get(person_id, ""),
            "records": " ".join(str(m["id"]) for m in group),
            "sources": " ".join(str(s) for s in sorted({m["source_id"] for m in group})),
        }
        for name in PERSON_FIELDS:
            found = fields.get(name)
            out[name] = found.value if found else ""
            out[f"{name}_record"] = found.record_id if found else ""
        yield out
