"""Estimating the uncounted: the persons a toll counts, by which lists name them.

Each person's capture history (the list systems naming them) goes to multiple systems
estimation (`analysis.mse`), pooled and, with a breakdown, per stratum; both methods run so
that each estimate can say when the other disagrees. The pooled estimate is made again from
the persons a stricter and a looser linker would have made (`analysis.regroup`).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, select

from rollbook.analysis import regroup
from rollbook.analysis.methods import DEFAULT_METHOD, Method
from rollbook.analysis.mse import (
    LETTERS,
    Estimate,
    estimate,
    estimate_strata,
    linkage_sensitivity,
)
from rollbook.analysis.tolls import key_of
from rollbook.store.captures import STRATA, iter_captures, list_systems
from rollbook.store.links import last_link_at, pair_outcomes
from rollbook.store.schema import sources
from rollbook.store.tolls import TollFilter

Histories = Counter[tuple[bool, ...]]
NOT_LINKED = (
    "the register has not been linked (rollbook link): a person two lists name without a"
    " shared identifier counts twice, so the lists seem to overlap less than they do"
)


@dataclass(frozen=True)
class Estimates:
    """The pooled estimate, one per stratum with a breakdown, and the linkage sensitivity."""

    lists: tuple[str, ...]
    by: tuple[str, ...]
    pooled: Estimate
    strata: dict[str, Estimate]
    summed: Estimate | None  # the strata's estimates summed, with a breakdown
    # The pooled estimate from persons linked more strictly and more loosely.
    linkage: dict[str, Estimate] = field(default_factory=dict)

    @property
    def lettered_lists(self) -> list[str]:
        """Each list with the letter that names it in a model ("A ministry.csv")."""
        return [f"{letter} {title}" for letter, title in zip(LETTERS, self.lists, strict=False)]

    def to_json(self) -> dict[str, Any]:
        """The estimates as JSON: no figure where no estimate is defensible."""
        return {
            "lists": list(self.lists),
            "by": list(self.by),
            "pooled": estimate_json(self.pooled),
            "strata": {key: estimate_json(e) for key, e in self.strata.items()},
            "summed": estimate_json(self.summed) if self.summed is not None else None,
            "linkage": {name: estimate_json(e) for name, e in self.linkage.items()},
        }


def estimate_json(e: Estimate) -> dict[str, Any]:
    """One estimate as JSON, with the other method's beside it."""
    return {
        "named": e.observed,
        "lists": e.lists,
        "method": str(e.method),
        "estimate": _number(e.total) if e.defensible else None,
        "low": _number(e.low) if e.defensible else None,
        "high": _number(e.high) if e.defensible else None,
        "model": e.model,
        "warnings": list(e.warnings),
        "other_method": estimate_json(e.other) if e.other is not None else None,
    }


def _number(value: float) -> float | None:
    return round(value, 1) if math.isfinite(value) else None


def estimate_uncounted(
    connection: Connection,
    where: TollFilter,
    by: Sequence[str] = (),
    *,
    method: Method = DEFAULT_METHOD,
    draws: int = 500,
) -> Estimates:
    """Estimate how many persons a toll would count had every list named everyone."""
    unknown = [b for b in by if b not in STRATA]
    if unknown:
        raise ValueError(f"unknown breakdown {unknown[0]!r}; choose from {', '.join(STRATA)}")
    systems = list_systems(connection)
    rows = list(iter_captures(connection, where, perpetrators="perpetrator" in by))
    lists = sorted({systems[row["source_id"]] for row in rows})
    titles = {
        sid: title for sid, title in connection.execute(select(sources.c.id, sources.c.title))
    }
    names = tuple(titles.get(system, str(system)) for system in lists)
    link_at = last_link_at(connection)
    pooled, strata = _histories(rows, regroup.as_linked(rows), systems, lists, by)
    each: dict[str, Estimate] = {}
    summed = None
    if by:
        each, summed = estimate_strata(strata, method=method, draws=draws, compare=True)
    alone = estimate(pooled, method=method, draws=draws, compare=True)
    linkage: dict[str, Estimate] = {}
    if link_at is None and not alone.defensible and len(lists) > 1:
        alone = replace(alone, warnings=(*alone.warnings, NOT_LINKED))
    elif link_at is not None:
        pairs = pair_outcomes(connection)
        variants = {
            "stricter": regroup.stricter(rows, pairs, systems, regroup.stricter_from(link_at)),
            "looser": regroup.looser(rows, pairs),
        }
        for name, grouping in variants.items():
            histories = _histories(rows, grouping, systems, lists, ())[0]
            linkage[name] = estimate(histories, method=method, draws=draws)
        alone = linkage_sensitivity(alone, linkage["stricter"], linkage["looser"])
    return Estimates(names, tuple(by), alone, each, summed, linkage)


def _histories(
    rows: Sequence[Mapping[str, Any]],
    grouping: Mapping[int, int],
    systems: Mapping[int, int],
    lists: Sequence[int],
    by: Sequence[str],
) -> tuple[Histories, dict[str, Histories]]:
    """Capture histories of the grouped persons, pooled and per stratum; a group takes the
    stratum of the first person in it."""
    found: dict[int, tuple[str, set[int]]] = {}
    for row in rows:
        key = " · ".join(key_of(row, b) or "" for b in by)
        found.setdefault(grouping[row["record_id"]], (key, set()))[1].add(systems[row["source_id"]])
    pooled: Histories = Counter()
    strata: defaultdict[str, Histories] = defaultdict(Counter)
    for key, named_by in found.values():
        pattern = tuple(system in named_by for system in lists)
        pooled[pattern] += 1
        strata[key][pattern] += 1
    return pooled, dict(sorted(strata.items()))
