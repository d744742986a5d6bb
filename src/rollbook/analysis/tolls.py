"""Tolls that open to names: counts by status and any one dimension, as of and as known on."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from rollbook.model.status import Status
from rollbook.store.persons import display_names
from rollbook.store.tolls import TollFilter, iter_named, toll_counts, week_of

UNKNOWN = "(unknown)"


@dataclass
class TollRow:
    """One line of a toll: the key (a month, a region...) and a count per status."""

    key: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Toll:
    """A toll: its breakdown, its filter, and its rows with totals per status."""

    by: str | None
    where: TollFilter
    statuses: list[str]
    rows: list[TollRow]

    @property
    def totals(self) -> dict[str, int]:
        totals: dict[str, int] = dict.fromkeys(self.statuses, 0)
        for row in self.rows:
            for status, n in row.counts.items():
                totals[status] = totals.get(status, 0) + n
        return totals

    def to_json(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "statuses": self.statuses,
            "rows": [{"key": r.key, **r.counts, "total": r.total} for r in self.rows],
            "totals": self.totals,
        }


def toll(connection: Connection, where: TollFilter, by: str | None = None) -> Toll:
    """Count persons by status (and by one dimension), from the toll cube."""
    grouped: dict[str, dict[str, int]] = defaultdict(dict)
    for key, status, n in toll_counts(connection, where, by):
        counts = grouped[key or (UNKNOWN if by else "")]
        counts[status] = counts.get(status, 0) + n
    order = [s.value for s in Status]
    present = {s for counts in grouped.values() for s in counts}
    wanted = list(where.statuses) or [s for s in order if s in present]
    rows = [
        TollRow(key, {s: counts.get(s, 0) for s in wanted})
        for key, counts in sorted(grouped.items(), key=lambda item: (item[0] == UNKNOWN, item[0]))
    ]
    if by is None and not rows:
        rows = [TollRow("", dict.fromkeys(wanted, 0))]
    return Toll(by, where, wanted, rows)


@dataclass(frozen=True)
class NamedPerson:
    """One person behind a count."""

    person_id: int
    name: str
    status: str
    key: str


def names(
    connection: Connection, where: TollFilter, by: str | None = None, batch: int = 2000
) -> Iterator[NamedPerson]:
    """The persons behind a toll, each with the key of the row that counts them."""
    pending: list[dict[str, Any]] = []

    def flush() -> Iterator[NamedPerson]:
        found = display_names(connection, [p["person_id"] for p in pending])
        for p in pending:
            yield NamedPerson(
                p["person_id"], found.get(p["person_id"], ""), p["status"], key_of(p, by)
            )
        pending.clear()

    for span in iter_named(connection, where, by_source=by == "source"):
        pending.append(span)
        if len(pending) >= batch:
            yield from flush()
    yield from flush()


def key_of(span: Mapping[str, Any], by: str | None) -> str:
    """The key of the row of a toll by `by` that counts a span ("" without a breakdown)."""
    if by is None:
        return ""
    if by == "week":
        return week_of(span["day"]) or UNKNOWN
    return str(span.get(by) or UNKNOWN)
