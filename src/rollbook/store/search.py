"""Finding persons by name in any script, by status and party, a page at a time.

A query is keyed as the records' names are (model.names.name_key): "Mammadov", "Məmmədov"
and "Мамедов" give one key, so each finds the others. Every word of the query must be a
word of a record's key, looked up in the index of name words.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Select, and_, func, literal, select

from rollbook.model.names import indexed_words, name_key
from rollbook.model.status import OPEN
from rollbook.store.name_index import bearers
from rollbook.store.persons import display_names
from rollbook.store.schema import status_spans

#: A name borne by at most this many persons is found whole and ordered in Python.
FEW = 10_000
#: A listing keeps the id of every STRIDE-th person in it, once a page this deep is asked.
STRIDE = 500


@dataclass(frozen=True, slots=True)
class Listing:
    """How many persons a listing holds and, once a deep page was asked, the id of every
    STRIDE-th of them in order: a page at any depth then starts at the mark before it
    instead of skipping every person before it. Good for one state of the register."""

    total: int
    marks: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class Found:
    """One person a search found: their id, name and status now."""

    person_id: int
    name: str
    status: str


def search_persons(
    connection: Connection,
    text: str,
    *,
    statuses: Collection[str],
    party: str = "",
    unit: str = "",
    region: str = "",
    month: str = "",
    offset: int = 0,
    limit: int = 50,
    known: Listing | None = None,
) -> tuple[Listing, list[Found]]:
    """The persons whose name matches `text` (all persons when it is empty), whose status
    now is one of `statuses`, and who match each filter given (party, unit, region, the
    month of death or disappearance, "YYYY-MM"), by id, from `offset`; with the listing
    (how many there are, and marks for deep pages), worked out unless the caller kept it
    from an earlier page (`known`)."""
    s = status_spans.c
    # Written as the index of each person's status now is (schema.status_spans_now), with
    # the open end inline, so that both engines see the index answers it. SQLite reads the
    # status from that index too: `|| ''` keeps it off the index of statuses, whose every
    # entry it would then sort by person (PostgreSQL's planner knows better).
    open_end = literal(OPEN, literal_execute=True)
    status = s.status + "" if connection.dialect.name == "sqlite" else s.status
    now = and_(s.valid_to == open_end, s.known_to == open_end, status.in_(sorted(statuses)))
    conditions = [now]
    for column, wanted in ((s.party, party), (s.unit, unit), (s.region, region),
                           (s.month, month)):  # fmt: skip
        if wanted:
            conditions.append(column == wanted)
    words = sorted(indexed_words(name_key(text))) if text.strip() else []
    if words:
        conditions.append(s.person_id.in_(bearers(connection, words)))
    query = select(s.person_id, s.status).where(*conditions)
    if words and (known is None or known.total <= FEW):
        # Most names are borne by few persons: find them all from the index of name words,
        # then order them here. Asked for in person order, PostgreSQL walks every person
        # looking for enough bearers of a rare name to fill the page.
        few = _pairs(connection.execute(query.limit(FEW + 1)))
        if len(few) <= FEW:
            few.sort(key=itemgetter(0))
            return Listing(len(few)), _found(connection, few[offset : offset + limit])
    if known is None:
        counted = select(func.count()).select_from(query.subquery())
        known = Listing(connection.execute(counted).scalar_one())
    ordered = query.order_by(s.person_id)
    if offset >= STRIDE:
        marks = known.marks if known.marks is not None else _marks(connection, query)
        known = Listing(known.total, marks)
        n = offset // STRIDE
        if n >= len(marks):
            return known, []
        ordered = ordered.where(s.person_id >= marks[n])
        offset -= n * STRIDE
    page = connection.execute(ordered.offset(offset).limit(limit))
    return known, _found(connection, _pairs(page))


def _marks(connection: Connection, query: Select[Any]) -> tuple[int, ...]:
    """The id of every STRIDE-th person of a listing, in order: one pass over it."""
    listed = query.subquery()
    numbered = select(
        listed.c.person_id, func.row_number().over(order_by=listed.c.person_id).label("n")
    ).subquery()
    every = select(numbered.c.person_id).where((numbered.c.n - 1) % STRIDE == 0)
    return tuple(connection.execute(every.order_by(numbered.c.person_id)).scalars())


def _pairs(rows: Iterable[Any]) -> list[tuple[int, str]]:
    """Rows of (person id, status) as plain tuples, quick to sort."""
    return [(p, status) for p, status in rows]


def _found(connection: Connection, page: Sequence[tuple[int, str]]) -> list[Found]:
    """The persons of a page (id and status) with their names."""
    names = display_names(connection, [p for p, _ in page])
    return [Found(p, names.get(p, ""), status) for p, status in page]
