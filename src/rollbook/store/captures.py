"""Capture histories: which lists name each person a toll counts, for estimating the uncounted.

A list is a system of capture; its later editions (sources that revise it) are the same
system. A list captures a person only where its record gives the status being estimated
(a list of the missing does not capture the dead), and only from the day it was published,
so a history "as known on" a date holds only the lists published by then.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, select

from rollbook.model.records import IDENTIFIER_FIELDS
from rollbook.store.schema import (
    incident_reports,
    incident_victims,
    persons,
    records,
    sources,
    status_spans,
)
from rollbook.store.tolls import TollFilter, published_by, span_conditions

#: Breakdowns an estimate can be made by: what every span carries, and who is alleged to
#: have caused the incidents a person is a victim of.
STRATA = ("region", "month", "party", "perpetrator")


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


def alleged_perpetrators(connection: Connection) -> dict[int, str]:
    """For each person linked as a victim to an incident, who its reports allege caused it
    (each source's claim, as written; several joined by " / "), under the person they
    were merged into."""
    v, r = incident_victims.c, incident_reports.c
    pairs = connection.execute(
        select(v.person_id, r.perpetrator)
        .join_from(incident_victims, incident_reports, r.incident_id == v.incident_id)
        .where(r.perpetrator != "")
        .distinct()
    ).all()
    merged = dict(
        connection.execute(
            select(persons.c.id, persons.c.merged_into).where(persons.c.merged_into.is_not(None))
        ).all()
    )
    found: dict[int, set[str]] = {}
    for person_id, who in pairs:
        seen = {person_id}
        while person_id in merged and merged[person_id] not in seen:
            person_id = merged[person_id]
            seen.add(person_id)
        found.setdefault(person_id, set()).add(who)
    return {person: " / ".join(sorted(names)) for person, names in found.items()}


def iter_captures(
    connection: Connection, where: TollFilter, *, perpetrators: bool = False
) -> Iterator[dict[str, Any]]:
    """One row per person counted and record naming them: the person's span fields, the
    record, its source and its identifiers, in person order; with `perpetrators`, who is
    alleged to have caused the incidents the person is a victim of."""
    alleged = alleged_perpetrators(connection) if perpetrators else {}
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
        found = dict(row)
        if perpetrators:
            found["perpetrator"] = alleged.get(found["person_id"], "")
        yield found
