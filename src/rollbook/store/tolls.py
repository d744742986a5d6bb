"""Toll queries: counts from the toll cube, names from the spans behind it.

Every count is "persons whose status, in effect on `as_of` (event time), as the register
knew it on `known_on` (knowledge time), was S"; both default to now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select

from rollbook.model.status import LATEST
from rollbook.store.schema import records, sources, status_spans, toll_cells

#: Dimensions a toll can be broken down by. `week` is derived from the day of the event;
#: `source` counts each person once under every source that names them.
DIMENSIONS = ("status", "month", "week", "region", "unit", "party", "source")
_CELL_DIMENSIONS = ("status", "month", "region", "party")


@dataclass(frozen=True)
class TollFilter:
    """Which spans a toll counts."""

    statuses: Sequence[str] = ()
    party: str | None = None
    as_of: int = LATEST
    known_on: int = LATEST


def span_conditions(table: Any, where: TollFilter) -> list[ColumnElement[bool]]:
    """The conditions on a table of spans (or the cube) that pick the ones a toll counts."""
    c = table.c
    conditions = [
        c.valid_from <= where.as_of,
        c.valid_to > where.as_of,
        c.known_from <= where.known_on,
        c.known_to > where.known_on,
    ]
    if where.statuses:
        conditions.append(c.status.in_(list(where.statuses)))
    if where.party is not None:
        conditions.append(c.party == where.party)
    return conditions


def toll_counts(
    connection: Connection, where: TollFilter, by: str | None
) -> list[tuple[str, str, int]]:
    """(key, status, count) rows; key is "" without a breakdown or when the value is unknown."""
    if by == "source":
        return _counts_by_source(connection, where)
    if by == "unit":
        return _counts_by_unit(connection, where)
    c = toll_cells.c
    if by is None:
        key: Any = None
    elif by == "week":
        key = c.day
    elif by in _CELL_DIMENSIONS:
        key = c[by]
    else:
        raise ValueError(f"unknown breakdown {by!r}; choose from {', '.join(DIMENSIONS)}")
    columns = [c.status, func.sum(c.n)] if key is None else [key, c.status, func.sum(c.n)]
    group = [c.status] if key is None else [key, c.status]
    query = select(*columns).where(*span_conditions(toll_cells, where)).group_by(*group)
    rows = connection.execute(query).all()
    if key is None:
        return [("", status, int(n)) for status, n in rows]
    if by == "week":
        return [(week_of(int(value)), status, int(n)) for value, status, n in rows]
    return [(str(value), status, int(n)) for value, status, n in rows]


def week_of(day: int) -> str:
    """The ISO week of a day ordinal ("2020-W42"), "" for 0 (no exact day)."""
    if not day:
        return ""
    year, week, _ = dt.date.fromordinal(day).isocalendar()
    return f"{year}-W{week:02d}"


def published_by(where: TollFilter) -> list[ColumnElement[bool]]:
    """The condition that a record's source was published by the day the toll is known on:
    a person counts under a source, or in its list, only from then."""
    if where.known_on == LATEST:
        return []
    day = dt.date.fromordinal(where.known_on).isoformat()
    return [records.c.source_id.in_(select(sources.c.id).where(sources.c.published <= day))]


def _counts_by_source(connection: Connection, where: TollFilter) -> list[tuple[str, str, int]]:
    s = status_spans.c
    query = (
        select(records.c.source_id, s.status, func.count(func.distinct(s.person_id)))
        .select_from(status_spans.join(records, records.c.person_id == s.person_id))
        .where(*span_conditions(status_spans, where), *published_by(where))
        .group_by(records.c.source_id, s.status)
    )
    titles = _source_titles(connection)
    return [
        (titles.get(source_id, str(source_id)), status, int(n))
        for source_id, status, n in connection.execute(query)
    ]


def _counts_by_unit(connection: Connection, where: TollFilter) -> list[tuple[str, str, int]]:
    s = status_spans.c
    query = select(s.unit, s.status, func.count()).where(*span_conditions(status_spans, where))
    rows = connection.execute(query.group_by(s.unit, s.status))
    return [(unit, status, int(n)) for unit, status, n in rows]


def _source_titles(connection: Connection) -> dict[int, str]:
    """Each source's key in a toll by source: its id and title."""
    rows = connection.execute(select(sources.c.id, sources.c.title))
    return {source_id: f"{source_id} {title}".strip() for source_id, title in rows}


def iter_named(
    connection: Connection, where: TollFilter, *, by_source: bool = False
) -> Iterator[dict[str, Any]]:
    """Stream the persons behind a count, in person order; by source, once per source
    that names them (under the key "source")."""
    s = status_spans.c
    columns = [s.person_id, s.status, s.month, s.day, s.party, s.region, s.unit]
    query = select(*columns).where(*span_conditions(status_spans, where)).order_by(s.person_id)
    if by_source:
        titles = _source_titles(connection)
        query = (
            query.add_columns(records.c.source_id)
            .join_from(status_spans, records, records.c.person_id == s.person_id)
            .where(*published_by(where))
            .distinct()
            .order_by(records.c.source_id)
        )
    for row in connection.execution_options(yield_per=5000).execute(query).mappings():
        named = dict(row)
        if by_source:
            named["source"] = titles.get(named.pop("source_id"), "")
        yield named
