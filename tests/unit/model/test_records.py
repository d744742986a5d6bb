"""Identifiers one typing slip apart, told from numbers issued one after the other."""

from __future__ import annotations

import pytest

from rollbook.model.records import one_slip_apart


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("3748468", "3748418"),  # a digit changed
        ("2211117", "2211171"),  # the last two swapped, far apart as numbers
        ("4210560", "421060"),  # a digit dropped
        ("AZ-1234567", "AZ-12345678"),  # a digit added
        ("AB1234", "BA1234"),  # two letters swapped
    ],
)
def test_one_typing_slip_apart(a: str, b: str) -> None:
    assert one_slip_apart(a, b) and one_slip_apart(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("3748468", "3748469"),  # twins' numbers, issued one after the other
        ("2211156", "2211165"),  # swapped, but only 9 apart: may be a sibling's
        ("AZ-5512034", "AZ-5512035"),  # the numbers of a series, one after the other
        ("3748468", "3748468"),  # the same is not a slip
        ("3748468", "3749478"),  # two digits changed
        ("5533014", "3583022"),  # another number altogether
        ("", "1"),
    ],
)
def test_not_one_typing_slip_apart(a: str, b: str) -> None:
    assert not one_slip_apart(a, b)
