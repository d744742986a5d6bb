"""Estimating the uncounted: the persons a toll counts, by which lists name them.

Each person's capture history (the list systems naming them) goes to multiple systems
estimation (`analysis.mse`), pooled and, with a breakdown, per stratum.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, select

from rollbook.analysis.mse import LETTERS, Estimate, estimate, estimate_strata
from rollbook.analysis.tolls import key_of
from rollbook.store.captures import STRATA, iter_captures, list_systems
from rollbook.store.schema import sources
from rollbook.store.tolls import TollFilter

Histories = Counter[tuple[bool, ...]]


@dataclass(frozen=True)
class Estimates:
    """The pooled estimate, and one per stratum when asked for a breakdown."""

    lists: tuple[str, ...]
    by: str | None
    pooled: Estimate
    strata: dict[str, Estimate]
    summed: Estimate | None  # the strata's estimates summed, with a breakdown

    @property
    def lettered_lists(self) -> list[str]:
        """Each list with the letter that names it in a model ("A ministry.csv")."""
        return [f"{letter} {title}" for letter, title in zip(LETTERS, self.lists, strict=False)]


def estimate_uncounted(
    connection: Connection, where: TollFilter, by: str | None = None, *, bootstrap: int = 500
) -> Estimates:
    """Estimate how many persons a toll would count had every list named everyone."""
    if by is not None and by not in STRATA:
        raise ValueError(f"unknown breakdown {by!r}; choose from {', '.join(STRATA)}")
    systems = list_systems(connection)
    found: dict[int, tuple[str, set[int]]] = {}
    for row in iter_captures(connection, where):
        key, named_by = found.setdefault(row["person_id"], (key_of(row, by), set()))
        named_by.add(systems[row["source_id"]])
    lists = sorted({system for _, named_by in found.values() for system in named_by})
    pooled: Histories = Counter()
    strata: defaultdict[str, Histories] = defaultdict(Counter)
    for key, named_by in found.values():
        pattern = tuple(system in named_by for system in lists)
        pooled[pattern] += 1
        strata[key][pattern] += 1
    titles = {
        sid: title for sid, title in connection.execute(select(sources.c.id, sources.c.title))
    }
    each: dict[str, Estimate] = {}
    summed = None
    if by:
        each, summed = estimate_strata(dict(sorted(strata.items())), bootstrap=bootstrap)
    return Estimates(
        lists=tuple(titles.get(system, str(system)) for system in lists),
        by=by,
        pooled=estimate(pooled, bootstrap=bootstrap),
        strata=each,
        summed=summed,
    )
