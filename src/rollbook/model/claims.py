"""Announced figures: a claim is not a count.

A claim is what a claimant said, with its qualifier and date, and the earlier claim it
revises. The register sets its own named count beside each claim and shows the gap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from rollbook.model.dates import PartialDate


class Category(StrEnum):
    """What a figure counts. Combined or other figures are kept apart from the four."""

    KILLED = "killed"
    MISSING = "missing"
    WOUNDED = "wounded"
    CAPTURED = "captured"
    DISPLACED = "displaced"
    OTHER = "other"


class Qualifier(StrEnum):
    """How the claimant bounds the figure ("at least 2,881", "about 300", "30 to 40")."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    ABOUT = "about"
    AT_MOST = "at_most"
    FEWER_THAN = "fewer_than"
    RANGE = "range"


_WORDS = {
    Qualifier.EXACT: "",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.MORE_THAN: "more than ",
    Qualifier.ABOUT: "about ",
    Qualifier.AT_MOST: "at most ",
    Qualifier.FEWER_THAN: "fewer than ",
}


class ClaimError(ValueError):
    """A claim whose figure does not hold together."""


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure one claimant stated, as stated."""

    id: int
    claimant: str
    category: Category
    qualifier: Qualifier
    as_of: PartialDate
    value: int | None = None
    low: int | None = None
    high: int | None = None
    party: str = ""
    group: str = ""
    period_start: PartialDate | None = None
    period_end: PartialDate | None = None
    revises: int | None = None
    source_id: int | None = None
    quote: str = ""
    previous_value: int | None = None  # the earlier figure the source itself states
    span: tuple[int, int] | None = None  # where in the source's text it is stated

    def __post_init__(self) -> None:
        problem = figure_problem(self.qualifier, self.value, self.low, self.high)
        if problem:
            raise ClaimError(problem)

    @property
    def figure(self) -> str:
        """The figure in words, as a reader would say it: "at least 2,881"."""
        if self.qualifier is Qualifier.RANGE:
            return f"{self.low:,}–{self.high:,}"
        if self.value is None:
            return f"{_WORDS[self.qualifier]}{self.low:,}"
        return f"{_WORDS[self.qualifier]}{self.value:,}"

    @property
    def central(self) -> int:
        """The single number to compare a count with: the value, or a range's low bound."""
        if self.value is not None:
            return self.value
        assert self.low is not None  # guaranteed by figure_problem
        return self.low

    def gap(self, named: int) -> int:
        """Named count minus the claimed figure: negative when names are still missing."""
        return named - self.central


def figure_problem(
    qualifier: Qualifier, value: int | None, low: int | None, high: int | None
) -> str | None:
    """Why a figure is malformed, or None."""
    numbers = [n for n in (value, low, high) if n is not None]
    if any(n < 0 for n in numbers):
        return "a figure cannot be negative"
    if qualifier is Qualifier.RANGE:
        if low is None or high is None or value is not None:
            return "a range needs a low and a high figure and no single value"
        if low > high:
            return f"the range {low}–{high} runs backwards"
        return None
    if value is None and low is None:
        return "a claim needs a value (or a low bound for a vague amount such as 'dozens')"
    if value is not None and (low is not None or high is not None):
        return "give either a value or low/high bounds, not both"
    return None


_LINKING_WORDS = frozenset(["the", "a", "an", "of", "for", "in", "and"])


@lru_cache(maxsize=4096)
def claimant_key(claimant: str) -> str:
    """A claimant's name compared loosely, as the set of its words: "Azerbaijan's Ministry
    of Defence" is "the Ministry of Defence of Azerbaijan"; case, articles, possessives and
    "Defense" make no other claimant. (Kept for the names met last: a report compares each
    of its claimants many times.)"""
    text = claimant.casefold().replace("’", "'").replace("'s ", " ").replace("defense", "defence")
    words = {w for w in re.findall(r"[\w-]+", text) if w not in _LINKING_WORDS}
    return " ".join(sorted(words))


def predecessors(claims: Iterable[Claim]) -> dict[int, int]:
    """For each claim, the claim it revises: as stated, else the same claimant's last figure.

    A claimant's figures for one category, party and group form a timeline; a new figure
    supersedes the one before it unless the source named another.
    """
    ordered = sorted(claims, key=lambda c: (c.as_of.lo, c.id))
    last: dict[tuple[str, Category, str, str], int] = {}
    result: dict[int, int] = {}
    for claim in ordered:
        key = (claimant_key(claim.claimant), claim.category, claim.party.casefold(), claim.group)
        earlier = claim.revises if claim.revises is not None else last.get(key)
        if earlier is not None:
            result[claim.id] = earlier
        last[key] = claim.id
    return result
