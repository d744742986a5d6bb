"""Groups that refuse to join across a ruling of "different"."""

from __future__ import annotations

import pytest

from rollbook.model.linkage import Groups


def test_join_is_transitive_and_groups_lists_members() -> None:
    groups: Groups[int] = Groups()
    assert groups.join(1, 2) and groups.join(2, 3)
    assert groups.find(1) == groups.find(3)
    assert sorted(map(sorted, groups.groups([1, 2, 3, 4]).values())) == [[1, 2, 3], [4]]


def test_kept_apart_groups_never_join_even_through_a_third_node() -> None:
    groups: Groups[str] = Groups()
    groups.keep_apart("a", "b")
    assert groups.join("a", "c")  # c joins a's side...
    assert not groups.join("c", "b")  # ...so it cannot bring b along
    assert groups.apart("c", "b")
    assert groups.find("b") != groups.find("a")


def test_keep_apart_follows_later_joins_on_either_side() -> None:
    groups: Groups[int] = Groups()
    groups.keep_apart(1, 2)
    groups.join(3, 2)
    groups.join(4, 1)
    assert groups.apart(4, 3)
    assert not groups.join(3, 4)


def test_nodes_already_together_cannot_be_kept_apart() -> None:
    groups: Groups[int] = Groups()
    groups.join(1, 2)
    with pytest.raises(ValueError, match="already in one group"):
        groups.keep_apart(2, 1)


def test_long_chains_do_not_exhaust_the_stack() -> None:
    groups: Groups[int] = Groups()
    for n in range(50_000):
        groups.join(n + 1, n)
    assert groups.find(0) == groups.find(50_000)
