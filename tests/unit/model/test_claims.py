"""Announced figures: well-formed figures, their words, their gap and their revisions."""

from __future__ import annotations

import pytest

from rollbook.model.claims import Category, Claim, ClaimError, Qualifier, predecessors
from rollbook.model.dates import PartialDate


def claim(
    claim_id: int,
    *,
    value: int | None = None,
    low: int | None = None,
    high: int | None = None,
    qualifier: Qualifier = Qualifier.EXACT,
    claimant: str = "Ministry of Defence of Northland",
    category: Category = Category.KILLED,
    as_of: str = "2020-12-03",
    party: str = "Northland",
    group: str = "",
    revises: int | None = None,
) -> Claim:
    """A claim by the (invented) Northland ministry unless told otherwise."""
    return Claim(
        id=claim_id,
        claimant=claimant,
        category=category,
        qualifier=qualifier,
        as_of=PartialDate.from_iso(as_of),
        value=value,
        low=low,
        high=high,
        party=party,
        group=group,
        revises=revises,
    )


# --- validation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "low", "high"), [(-1, None, None), (None, -5, None), (None, None, -3)]
)
def test_claim_negative_figure_is_refused(
    value: int | None, low: int | None, high: int | None
) -> None:
    with pytest.raises(ClaimError, match="cannot be negative"):
        claim(1, value=value, low=low, high=high, qualifier=Qualifier.ABOUT)


@pytest.mark.parametrize(("low", "high"), [(None, None), (30, None), (None, 40)])
def test_claim_range_without_both_bounds_is_refused(low: int | None, high: int | None) -> None:
    with pytest.raises(ClaimError, match="a range needs a low and a high"):
        claim(1, low=low, high=high, qualifier=Qualifier.RANGE)


def test_claim_range_with_a_single_value_too_is_refused() -> None:
    with pytest.raises(ClaimError, match="no single value"):
        claim(1, value=35, low=30, high=40, qualifier=Qualifier.RANGE)


def test_claim_backwards_range_is_refused() -> None:
    with pytest.raises(ClaimError, match="runs backwards"):
        claim(1, low=40, high=30, qualifier=Qualifier.RANGE)


@pytest.mark.parametrize(("low", "high"), [(2800, None), (None, 2900), (2800, 2900)])
def test_claim_value_with_bounds_is_refused(low: int | None, high: int | None) -> None:
    with pytest.raises(ClaimError, match="not both"):
        claim(1, value=2855, low=low, high=high)


def test_claim_without_value_or_low_bound_is_refused() -> None:
    with pytest.raises(ClaimError, match="needs a value"):
        claim(1, qualifier=Qualifier.AT_LEAST)


def test_claim_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        claim(1, value=-1)


def test_claim_zero_is_a_valid_figure() -> None:
    assert claim(1, value=0).figure == "0"


# --- figure -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qualifier", "words"),
    [
        (Qualifier.EXACT, "2,881"),
        (Qualifier.AT_LEAST, "at least 2,881"),
        (Qualifier.MORE_THAN, "more than 2,881"),
        (Qualifier.ABOUT, "about 2,881"),
        (Qualifier.AT_MOST, "at most 2,881"),
        (Qualifier.FEWER_THAN, "fewer than 2,881"),
    ],
)
def test_claim_figure_reads_as_a_reader_would_say_it(qualifier: Qualifier, words: str) -> None:
    assert claim(1, value=2881, qualifier=qualifier).figure == words


def test_claim_figure_of_a_range_uses_an_en_dash() -> None:
    assert claim(1, low=30, high=40, qualifier=Qualifier.RANGE).figure == "30–40"


def test_claim_figure_of_a_vague_amount_uses_its_low_bound() -> None:
    assert claim(1, low=24, qualifier=Qualifier.ABOUT).figure == "about 24"


# --- gap ----------------------------------------------------------------------------------------


def test_claim_gap_is_negative_while_names_are_missing() -> None:
    assert claim(1, value=2855).gap(2790) == -65


def test_claim_gap_is_positive_when_more_are_named_than_claimed() -> None:
    assert claim(1, value=2783, qualifier=Qualifier.AT_LEAST).gap(2787) == 4


def test_claim_gap_of_a_range_is_measured_from_its_low_bound() -> None:
    assert claim(1, low=30, high=40, qualifier=Qualifier.RANGE).gap(33) == 3


# --- predecessors -------------------------------------------------------------------------------


def test_predecessors_explicit_revises_is_kept() -> None:
    first = claim(1, value=2855, as_of="2020-12-18")
    second = claim(2, value=2881, qualifier=Qualifier.AT_LEAST, as_of="2021-01-08", revises=1)
    assert predecessors([first, second]) == {2: 1}


def test_predecessors_same_claimant_figures_chain_in_as_of_order() -> None:
    # Recorded out of order: claim 3 was entered first but speaks of the earliest date.
    latest = claim(1, value=2881, qualifier=Qualifier.AT_LEAST, as_of="2021-01-08")
    middle = claim(2, value=2855, as_of="2020-12-18")
    earliest = claim(3, value=2783, as_of="2020-12-03")
    assert predecessors([latest, middle, earliest]) == {2: 3, 1: 2}


def test_predecessors_explicit_revises_overrides_the_implicit_chain() -> None:
    first = claim(1, value=2783, as_of="2020-12-03")
    second = claim(2, value=2855, as_of="2020-12-18")
    third = claim(3, value=2881, as_of="2021-01-08", revises=1)
    assert predecessors([first, second, third]) == {2: 1, 3: 1}


def test_predecessors_claimant_and_party_compare_without_case() -> None:
    first = claim(1, value=2783, as_of="2020-12-03")
    second = claim(
        2,
        value=2855,
        as_of="2020-12-18",
        claimant="MINISTRY OF DEFENCE OF NORTHLAND",
        party="NORTHLAND",
    )
    assert predecessors([first, second]) == {2: 1}


def test_predecessors_different_claimants_never_chain() -> None:
    ministry = claim(1, value=2855, as_of="2020-12-18")
    ngo = claim(2, value=2900, qualifier=Qualifier.ABOUT, as_of="2021-01-15", claimant="Roll NGO")
    assert predecessors([ministry, ngo]) == {}


@pytest.mark.parametrize(
    "other",
    [
        claim(2, value=28, as_of="2021-01-08", category=Category.MISSING),
        claim(2, value=2900, as_of="2021-01-08", party="Southland"),
        claim(2, value=2700, as_of="2021-01-08", group="servicemen"),
    ],
    ids=["category", "party", "group"],
)
def test_predecessors_different_category_party_or_group_never_chain(other: Claim) -> None:
    killed = claim(1, value=2855, as_of="2020-12-18")
    assert predecessors([killed, other]) == {}


def test_predecessors_first_figure_revises_nothing() -> None:
    assert predecessors([claim(1, value=2783)]) == {}
