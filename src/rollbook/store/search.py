"""Finding persons by name in any script, by status and party, a page at a time.

A query is keyed as the records' names are (model.names.name_key): "Mammadov", "Məmmədov"
and "Мамедов" give one key, so each finds the others. Every word of the query must be a
word of a record's key, looked up in the index of name words.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Connection, and_, func, select

from rollbook.model.names import name_key
from rollbook.model.status import LATEST
from rollbook.store.persons import display_names
from rollbook.store.schema import name_words, records, status_spans


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
    total: int | None = None,
) -> tuple[int, list[Found]]:
    """The persons whose name matches `text` (all persons when it is empty), whose status
    now is one of `statuses`, and who match each filter given (party, unit, region, the
    month of death or disappearance, "YYYY-MM"), by id, from `offset`; with how many there
    are (counted, unless the caller knows it: `total`)."""
    s, r = status_spans.c, records.c
    now = and_(
        s.valid_from <= LATEST, s.valid_to > LATEST, s.known_from <= LATEST,
        s.known_to > LATEST, s.status.in_(sorted(statuses)),
    )  # fmt: skip
    conditions = [now]
    for column, wanted in ((s.party, party), (s.unit, unit), (s.region, region),
                           (s.month, month)):  # fmt: skip
        if wanted:
            conditions.append(column == wanted)
    words = sorted(set(name_key(text).split())) if text.strip() else []
    if words:
        # Each word looked up in the index of name words; a record must hold them all.
        w = name_words.c
        held = [select(w.record_id).where(w.word == word) for word in words]
        matching = select(r.person_id).where(*[r.id.in_(found) for found in held])
        conditions.append(s.person_id.in_(matching))
    query = select(s.person_id, s.status).where(*conditions)
    if total is None:
        total = connection.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    page = connection.execute(query.order_by(s.person_id).offset(offset).limit(limit)).all()
    names = display_names(connection, [p for p, _ in page])
    return total, [Found(p, names.get(p, ""), status) for p, status in page]
