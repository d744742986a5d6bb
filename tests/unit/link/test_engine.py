"""What the engine scores, and how much of a register it samples to estimate its model."""

from __future__ import annotations

import pytest

from rollbook.link.engine import score, u_pairs
from rollbook.link.frame import frame_rows, to_arrow
from rollbook.link.settings import LinkSettings

#: Two records of one invented man, from lists that carry a name and a birth date only.
TWO_LISTS = [
    (1, "", "Tovlanov", "Elsəm", "", "", "1998-03-12", "", "", "", "", "", "", "", ""),
    (2, "", "Tovlanov", "Elsam", "", "", "1998-03-12", "", "", "", "", "", "", "", ""),
]


@pytest.mark.parametrize(
    ("records", "pairs"),
    [(500, 300_000), (12_000, 359_970), (20_000, 999_950), (1_000_000, 1_000_000)],
)
def test_a_small_register_samples_fewer_pairs_for_u(records: int, pairs: int) -> None:
    assert u_pairs(1_000_000, records) == pairs


def test_the_settings_cap_holds_even_below_the_least_sample() -> None:
    assert u_pairs(50_000, 10_000) == 50_000


def test_fields_no_record_holds_are_not_compared() -> None:
    scoring = score(to_arrow(frame_rows(TWO_LISTS)), LinkSettings(), new_from=1)
    [pair] = scoring.pairs
    assert set(pair.weights) == {"name", "birth"}
    assert pair.weights["name"] > 0 and pair.weights["birth"] > 0


def test_rules_that_need_a_field_nobody_holds_score_nothing() -> None:
    settings = LinkSettings(blocking=("l.unit = r.unit",))
    scoring = score(to_arrow(frame_rows(TWO_LISTS)), settings, new_from=1)
    assert scoring.pairs == [] and not scoring.trained


@pytest.mark.parametrize(("other", "exact"), [("AZ-5512034", True), ("AZ-5512035", False)])
def test_a_pair_says_whether_an_identifier_is_the_same_or_only_near(
    other: str, exact: bool
) -> None:
    """A national id a digit apart scores as near, which alone never links a garbled name."""
    first, second = (list(record) for record in TWO_LISTS)
    first[13], second[13] = "AZ-5512034", other
    records = [tuple(first), tuple(second)]
    [pair] = score(to_arrow(frame_rows(records)), LinkSettings(), new_from=1).pairs
    assert ("national_id" in pair.exact) is exact
    assert pair.weights["national_id"] > 0
