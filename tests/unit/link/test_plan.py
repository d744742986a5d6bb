"""Which scored pairs a link run links, which it asks about, and which rulings forbid."""

from __future__ import annotations

from rollbook.link.run import corroborated, plan_links
from rollbook.link.settings import LinkSettings
from rollbook.store.links import PairState, ScoredPair

SETTINGS = LinkSettings(link_at=0.99, review_from=0.5)
AGREE = {"name": 9.0, "birth": 4.0}


def pair(
    left: int, right: int, probability: float, exact: frozenset[str] = frozenset(), **weights: float
) -> ScoredPair:
    return ScoredPair(left, right, probability, weights or AGREE, exact)


def own_persons(*records: int) -> dict[int, int]:
    """Each record its own person, numbered like the record."""
    return {r: r for r in records}


def test_sure_pairs_link_and_doubtful_ones_wait_for_review() -> None:
    plan = plan_links([pair(1, 2, 0.999), pair(3, 4, 0.7)], own_persons(1, 2, 3, 4), {}, SETTINGS)
    assert [(p.left, p.right) for p in plan.linked] == [(1, 2)]
    assert [(p.left, p.right) for p in plan.review] == [(3, 4)]


def test_a_name_alone_never_links_however_probable() -> None:
    name_only = pair(1, 2, 0.9999, name=20.0, birth=0.0, unit=-1.0)
    assert not corroborated(name_only)
    plan = plan_links([name_only], own_persons(1, 2), {}, SETTINGS)
    assert plan.linked == [] and len(plan.review) == 1


def test_a_name_that_disagrees_needs_an_identifier_and_two_more_fields() -> None:
    assert not corroborated(pair(1, 2, 0.9999, name=0.0, service_number=15.0))
    twins = pair(1, 2, 0.9999, name=-3.0, birth=13.0, place=9.0, region=2.0)
    assert not corroborated(twins)
    same_id = frozenset({"national_id"})
    garbled = pair(
        1, 2, 0.9999, same_id, name=-3.0, national_id=8.0, birth=13.0, place=9.0, region=2.0
    )
    assert corroborated(garbled)
    assert not corroborated(pair(1, 2, 0.9999, same_id, name=-3.0, national_id=8.0, birth=13.0))


def test_twins_whose_numbers_are_a_digit_apart_stay_apart() -> None:
    # Both national ids agree only at the "a digit or two apart" level: not `exact`.
    twins = pair(1, 2, 0.9999, name=-3.0, national_id=8.0, birth=13.0, place=9.0, region=2.0)
    assert not corroborated(twins)
    plan = plan_links([twins], own_persons(1, 2), {}, SETTINGS)
    assert plan.linked == [] and len(plan.review) == 1


def test_twins_sharing_a_family_contact_stay_apart() -> None:
    twins = pair(1, 2, 0.9999, name=-3.0, birth=13.0, place=9.0, region=2.0, contact=10.0)
    assert not corroborated(twins)
    plan = plan_links([twins], own_persons(1, 2), {}, SETTINGS)
    assert plan.linked == [] and len(plan.review) == 1


def test_a_family_contact_backs_a_name_when_the_birth_date_is_missing() -> None:
    assert corroborated(pair(1, 2, 0.999, name=11.0, contact=10.0, national_id=-4.0))


def test_a_ruling_of_different_holds_against_a_chain_through_a_third_record() -> None:
    states = {(1, 2): PairState.DIFFERENT}
    pairs = [pair(1, 3, 0.9999), pair(2, 3, 0.999)]
    plan = plan_links(pairs, own_persons(1, 2, 3), states, SETTINGS)
    assert [(p.left, p.right) for p in plan.linked] == [(1, 3)]
    assert plan.kept_apart == 1 and plan.review == []


def test_pairs_already_held_are_left_as_they_are() -> None:
    states = {(1, 2): PairState.SKIPPED, (3, 4): PairState.REVIEW}
    plan = plan_links(
        [pair(1, 2, 0.9999), pair(3, 4, 0.7)], own_persons(1, 2, 3, 4), states, SETTINGS
    )
    assert plan.linked == [] and plan.review == []


def test_review_pairs_made_moot_by_links_are_dropped() -> None:
    pairs = [pair(1, 2, 0.999), pair(2, 3, 0.999), pair(1, 3, 0.6)]
    plan = plan_links(pairs, own_persons(1, 2, 3), {}, SETTINGS)
    assert len(plan.linked) == 2 and plan.review == []


def test_records_of_one_person_already_are_not_linked_again() -> None:
    plan = plan_links([pair(1, 2, 0.9999)], {1: 7, 2: 7}, {}, SETTINGS)
    assert plan.linked == [] and plan.review == []
