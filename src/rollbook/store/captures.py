"""Capture histories: which lists name each person a toll counts, for estimating the uncounted.

A list is a system of capture; its later editions (sources that revise it) are the same
system. A list captures a person only where its record gives the status being estimated
(a list of the missing does not capture the dead), and only from the day it was published,
so a history "as known on" a date holds only the lists published by then.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, NamedTuple

from sqlalchemy import Connection, select

from rollbook.model.records import IDENTIFIER_FIELDS
from rollbook.store.links import RUN_ACTION
from rollbook.store.schema import journal, link_pairs, records, sources, status_spans
from rollbook.store.tolls import TollFilter, published_by, span_conditions

#: Breakdowns an estimate can be made by: what every span carries.
STRATA = ("region", "month", "party")


def list_systems(connection: Connection) -> dict[int, int]:
    """Each source's system: the first edition of the list it revises, or itself."""
    revises = {
        sid: earlier for sid, earlier in connection.execute(select(sources.c.id, sources.c.revises))
    }

    def first_edition(source_id: int) -> int:
        seen = {source_id}
        while (earlier := revises.get(source_id)) is not None and earlier not in seen:
            seen.add(earlier)
            source_id = earlier
        return source_id

    return {source_id: first_edition(source_id) for source_id in revises}


def iter_captures(connection: Connection, where: TollFilter) -> Iterator[dict[str, Any]]:
    """One row per person counted and record naming them: the person's span fields, the
    record, its source and its identifiers, in person order."""
    s = status_spans.c
    query = (
        select(
            s.person_id,
            s.party,
            s.region,
            s.month,
            s.day,
            records.c.id.label("record_id"),
            records.c.source_id,
            *(records.c[name] for name in IDENTIFIER_FIELDS),
        )
        .join_from(status_spans, records, records.c.person_id == s.person_id)
        .where(*span_conditions(status_spans, where), *published_by(where))
        .distinct()
        .order_by(s.person_id)
    )
    if where.statuses:
        query = query.where(records.c.status.in_(list(where.statuses)))
    for row in connection.execution_options(yield_per=5000).execute(query).mappings():
        yield dict(row)


class LinkPair(NamedTuple):
    """A pair of records a link run scored, and where it stands."""

    left: int
    right: int
    probability: float
    state: str


def link_pairs_held(connection: Connection) -> list[LinkPair]:
    """Every pair the link runs scored: linked, waiting for review, or ruled on."""
    p = link_pairs.c
    query = select(p.record_l, p.record_r, p.probability, p.state)
    return [LinkPair(a, b, prob or 0.0, state) for a, b, prob, state in connection.execute(query)]


def last_link_at(connection: Connection) -> float | None:
    """The probability from which the last link run linked pairs (None: never linked)."""
    query = (
        select(journal.c.payload)
        .where(journal.c.action == RUN_ACTION)
        .order_by(journal.c.seq.desc())
        .limit(1)
    )
    payload = connection.execute(query).scalar_one_or_none()
    if payload is None:
        return None
    return float(json.loads(payload).get("settings", {}).get("link_at", 0.95))
