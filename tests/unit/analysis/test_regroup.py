"""Persons regrouped as a stricter or a looser linker would have made them."""

from __future__ import annotations

from typing import Any

import pytest

from rollbook.analysis.regroup import as_linked, looser, stricter, stricter_from
from rollbook.store.links import PairOutcome, PairState

# record id, person id, source id; sources 1 and 3 are editions of one list system.
ROWS: list[dict[str, Any]] = [
    {"record_id": r, "person_id": p, "source_id": s, "service_number": "", "national_id": ""}
    for r, p, s in [
        (1, 10, 1), (2, 10, 2),  # linked by the machine at 0.97
        (3, 11, 1), (4, 11, 2),  # linked by the machine at 0.999
        (5, 12, 1), (6, 13, 2),  # waiting for review
        (7, 14, 1), (8, 14, 3),  # one man on two editions of one list, joined at import
        (9, 15, 1), (10, 15, 2),  # a reviewer ruled them the same, at a low score
        (11, 16, 1), (12, 17, 2), (13, 17, 3),  # 11 and 12 ruled different; 11 and 13 in review
    ]
] + [  # one man on two lists, joined at import by his service number
    {"record_id": r, "person_id": 19, "source_id": s, "service_number": "SN-7", "national_id": ""}
    for r, s in [(14, 1), (15, 2)]
]  # fmt: skip
SYSTEMS = {1: 1, 2: 2, 3: 1}
PAIRS = [
    PairOutcome(1, 2, 0.97, PairState.LINKED),
    PairOutcome(3, 4, 0.999, PairState.LINKED),
    PairOutcome(5, 6, 0.7, PairState.REVIEW),
    PairOutcome(9, 10, 0.6, PairState.SAME),
    PairOutcome(11, 12, 0.8, PairState.DIFFERENT),
    PairOutcome(11, 13, 0.8, PairState.REVIEW),
    PairOutcome(12, 13, 0.999, PairState.LINKED),
]


def together(grouping: dict[int, int], a: int, b: int) -> bool:
    return grouping[a] == grouping[b]


def test_as_linked_is_the_register_s_persons() -> None:
    assert as_linked(ROWS) == {row["record_id"]: row["person_id"] for row in ROWS}


def test_stricter_splits_only_the_machine_s_weaker_links() -> None:
    at = stricter_from(0.95)
    assert at == pytest.approx(0.995)
    grouping = stricter(ROWS, PAIRS, SYSTEMS, at)
    assert not together(grouping, 1, 2)
    assert together(grouping, 3, 4)
    assert together(grouping, 7, 8)  # editions of one list stay one person
    assert together(grouping, 9, 10)  # a reviewer's ruling holds
    assert together(grouping, 12, 13)
    assert together(grouping, 14, 15)  # what the import joined by identifier holds
    assert len(set(grouping.values())) == len(set(as_linked(ROWS).values())) + 1


def test_looser_links_the_review_queue_but_never_across_a_ruling() -> None:
    grouping = looser(ROWS, PAIRS)
    assert together(grouping, 5, 6)
    assert together(grouping, 1, 2) and together(grouping, 9, 10)
    assert not together(grouping, 11, 13)  # 11 and 12 were ruled different; 12 is 13's person
    assert len(set(grouping.values())) == len(set(as_linked(ROWS).values())) - 1
