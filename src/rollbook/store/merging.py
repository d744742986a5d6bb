"""Merging persons and splitting them again: the seam that linkage and reviewers share.

A merge moves records and status events to the lowest person id and keeps, as a decision,
what each merged person brought; a split of exactly those records gives that person back
their own id. Both keep the toll projections in step, many persons at a time.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import Connection, Integer, Table, bindparam, insert, or_, select, update

from rollbook.store.bulk import bulk_insert, chunks
from rollbook.store.database import Write
from rollbook.store.name_index import move_words
from rollbook.store.records import next_id
from rollbook.store.schema import decisions, persons, records, status_events
from rollbook.store.spans import rebuild_spans, shift_cells


def members(
    connection: Connection, table: Table, person_ids: Collection[int]
) -> dict[int, list[int]]:
    """The ids of the rows of `table` (records or status events) of each person, in order."""
    found: dict[int, list[int]] = defaultdict(list)
    for chunk in chunks(person_ids):
        query = select(table.c.person_id, table.c.id).where(table.c.person_id.in_(chunk))
        for person_id, row_id in connection.execute(query.order_by(table.c.id)):
            found[person_id].append(row_id)
    return found


def add_decisions(work: Write, kind: str, payloads: Sequence[dict[str, Any]]) -> None:
    """Keep decisions of one kind, in order."""
    first = next_id(work.connection, decisions.c.id)
    rows = [
        (first + n, kind, json.dumps(p, sort_keys=True), work.seq) for n, p in enumerate(payloads)
    ]
    bulk_insert(work.connection, decisions, ("id", "kind", "payload", "seq"), rows)


def merge_persons(work: Write, groups: Sequence[Sequence[int]]) -> list[int]:
    """Make each group of live persons one person, the lowest id; the ids merged into."""
    groups = [sorted(set(g)) for g in groups if len(set(g)) > 1]
    if not groups:
        return []
    connection = work.connection
    into_of = {pid: g[0] for g in groups for pid in g[1:]}
    touched = [pid for g in groups for pid in g]
    brought = {
        table.name: members(connection, table, into_of) for table in (records, status_events)
    }
    shift_cells(connection, touched, -1)
    moves = [{"old": pid, "new": into} for pid, into in into_of.items()]
    old, new = bindparam("old", type_=Integer), bindparam("new", type_=Integer)
    move_words(connection, {r: (pid, into) for pid, into in into_of.items()
                            for r in brought["records"].get(pid, [])})  # fmt: skip
    for table in (records, status_events):
        moved = update(table).where(table.c.person_id == old).values(person_id=new)
        connection.execute(moved, moves)
    connection.execute(update(persons).where(persons.c.id == old).values(merged_into=new), moves)
    decided = [
        {
            "persons": g,
            "into": g[0],
            "brought": {
                str(pid): {
                    "records": brought["records"].get(pid, []),
                    "events": brought["status_events"].get(pid, []),
                }
                for pid in g[1:]
            },
        }
        for g in groups
    ]
    add_decisions(work, "same_person", decided)
    rebuild_spans(connection, touched)
    shift_cells(connection, touched, 1)
    return [g[0] for g in groups]


def _merged_away(
    connection: Connection, person_id: int, moving: list[int]
) -> tuple[int, list[int]] | None:
    """A person merged into `person_id` who brought exactly these records, and their events."""
    query = select(decisions.c.payload).where(decisions.c.kind == "same_person")
    for (payload,) in connection.execute(query.order_by(decisions.c.id.desc())):
        decision = json.loads(payload)
        if decision["into"] != person_id:
            continue
        for pid, what in decision.get("brought", {}).items():
            merged = connection.execute(
                select(persons.c.merged_into).where(persons.c.id == int(pid))
            ).scalar_one_or_none()
            if merged == person_id and what["records"] == moving:
                return int(pid), what["events"]
    return None


def split_records(work: Write, person_id: int, moving: Sequence[int]) -> int:
    """Move some of a live person's records (and their status events) to another person.

    Records that a merged person brought go back to that person, under their own id; any
    other records start a new person. Returns the person they moved to.
    """
    connection = work.connection
    moving = sorted(set(moving))
    revived = _merged_away(connection, person_id, moving)
    if revived is not None:
        new_id, events = revived
        connection.execute(update(persons).where(persons.c.id == new_id).values(merged_into=None))
    else:
        new_id, events = next_id(connection, persons.c.id), []
        connection.execute(insert(persons).values(id=new_id, merged_into=None, seq=work.seq))
    shift_cells(connection, [person_id, new_id], -1)
    move_words(connection, dict.fromkeys(moving, (person_id, new_id)))
    connection.execute(update(records).where(records.c.id.in_(moving)).values(person_id=new_id))
    connection.execute(
        update(status_events)
        .where(
            status_events.c.person_id == person_id,
            or_(status_events.c.record_id.in_(moving), status_events.c.id.in_(events)),
        )
        .values(person_id=new_id)
    )
    rebuild_spans(connection, [person_id, new_id])
    shift_cells(connection, [person_id, new_id], 1)
    decided = {"person": person_id, "records": moving, "new": new_id}
    add_decisions(work, "not_same_person", [decided])
    return new_id
