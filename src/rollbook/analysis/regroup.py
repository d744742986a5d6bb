"""Persons as a stricter or a looser linker would have made them, for the linkage sensitivity.

An estimate of the uncounted rests on the overlaps, and the overlaps on linkage: a missed
match makes one person two and the lists seem to overlap less; a false merge the opposite.
So the estimate is also made from two other groupings of the same records:

* looser: every pair waiting in the review queue (or skipped) counts as linked;
* stricter: the linker's own links count only from a probability ten times surer than the
  run's (0.995 for the usual 0.95); reviewers' rulings of "same" always hold, and so does
  what the import joined: records of one list system, and records sharing an identifier
  (a service number, a national id). Persons merged by hand without a ruling on a pair
  are split like the linker's links, so the stricter estimate errs toward splitting.

Rulings of "different" hold in both: those pairs were never linked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rollbook.model.linkage import Groups
from rollbook.model.records import IDENTIFIER_FIELDS
from rollbook.store.links import PairOutcome, PairState

Grouping = dict[int, int]  # record id -> the id of its group (a person, real or as regrouped)
UNDECIDED = (PairState.REVIEW, PairState.SKIPPED)


def stricter_from(link_at: float) -> float:
    """The stricter linking probability: ten times fewer expected false links."""
    return 1 - (1 - link_at) / 10


def as_linked(rows: Iterable[Mapping[str, Any]]) -> Grouping:
    """Each record's person as the register holds it."""
    return {row["record_id"]: row["person_id"] for row in rows}


def looser(rows: Sequence[Mapping[str, Any]], pairs: Iterable[PairOutcome]) -> Grouping:
    """Persons joined through every undecided pair between their records."""
    person = as_linked(rows)
    between = [
        (person[p.left], person[p.right], p.state)
        for p in pairs
        if p.left in person and p.right in person and person[p.left] != person[p.right]
    ]
    groups: Groups[int] = Groups()
    for a, b, state in between:
        if state is PairState.DIFFERENT and not groups.apart(a, b):
            groups.keep_apart(a, b)
    for a, b, state in between:
        if state in UNDECIDED:
            groups.join(a, b)
    return {record: groups.find(p) for record, p in person.items()}


def stricter(
    rows: Sequence[Mapping[str, Any]],
    pairs: Iterable[PairOutcome],
    systems: Mapping[int, int],
    at: float,
) -> Grouping:
    """Persons split where only a link below `at` held their records together."""
    person = as_linked(rows)
    groups: Groups[int] = Groups()
    first: dict[tuple[Any, ...], int] = {}  # what the import joins on -> its first record
    for row in rows:
        record = row["record_id"]
        groups.find(record)
        keys: list[tuple[Any, ...]] = [(row["person_id"], systems[row["source_id"]])]
        keys += [(row["person_id"], name, row[name]) for name in IDENTIFIER_FIELDS if row.get(name)]
        for key in keys:
            groups.join(first.setdefault(key, record), record)
    for pair in pairs:
        held = pair.state is PairState.SAME or (
            pair.state is PairState.LINKED and pair.probability >= at
        )
        if held and person.get(pair.left, -1) == person.get(pair.right, -2):
            groups.join(pair.left, pair.right)
    return {record: groups.find(record) for record in person}
