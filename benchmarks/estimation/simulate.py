"""Simulated wars: a known toll, lists that each miss some of the dead, and their overlaps.

Multiple systems estimation can only be judged where the truth is known, so this module
invents it. Every person of a war either appears on a list or not, independently of other
persons; what varies between scenarios is how the chances of one person relate:

* capture probabilities per list;
* a hidden class (heterogeneity): a share of persons, unknown to the lists, whose chance on
  every list is scaled down, as for the poorly documented;
* dependence between two lists: being on the first multiplies the chance of being on the
  second (above 1: positive, one list copies the other; below 1: negative, the lists cover
  different people). This is exactly a two-way interaction in log-linear terms, so the
  models can represent it;
* linkage errors after capture: missed matches split one person's records into two persons,
  false merges join two persons into one.

The result is what the estimator sees: counts per capture history, never the all-False one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Histories = dict[tuple[bool, ...], int]
Captures = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class War:
    """The truth of one kind of war, and how the lists record it."""

    toll: int
    capture: tuple[float, ...]  # chance of each list naming an ordinary person
    hidden_share: float = 0.0  # share of persons in the hard-to-document class
    hidden_factor: float = 1.0  # their chance on every list, relative to the others
    dependence: tuple[int, int] | None = None  # (first, second) list of a dependent pair
    dependence_factor: float = 1.0  # chance on the second, when on the first, multiplied by
    missed_matches: float = 0.0  # share of persons on 2+ lists whose records are split
    false_merges: float = 0.0  # merges of two different persons, per person recorded

    @property
    def lists(self) -> int:
        """How many lists record the war."""
        return len(self.capture)


def simulate(war: War, rng: np.random.Generator) -> Histories:
    """Capture-history counts of one war: who the lists name, after linkage errors."""
    captures = _capture(war, rng)
    captures = captures[captures.any(axis=1)]
    captures = _split(captures, war.missed_matches, rng)
    captures = _merge(captures, war.false_merges, rng)
    counted = Counter(tuple(bool(x) for x in row) for row in captures)
    return dict(counted)


def _capture(war: War, rng: np.random.Generator) -> Captures:
    """Each person's presence on each list (rows persons, columns lists), all persons."""
    chance = np.tile(np.asarray(war.capture, dtype=np.float64), (war.toll, 1))
    hidden = rng.random(war.toll) < war.hidden_share
    chance[hidden] *= war.hidden_factor
    draws = rng.random(chance.shape)
    captures = draws < chance
    if war.dependence is not None:
        first, second = war.dependence
        raised = np.minimum(chance[:, second] * war.dependence_factor, 1.0)
        on_first = captures[:, first]
        captures[on_first, second] = draws[on_first, second] < raised[on_first]
    return captures


def _split(captures: Captures, share: float, rng: np.random.Generator) -> Captures:
    """Missed matches: one of a person's lists is not linked and counts as a new person."""
    multiple = np.flatnonzero(captures.sum(axis=1) >= 2)
    chosen = multiple[rng.random(len(multiple)) < share]
    if len(chosen) == 0:
        return captures
    split = captures[chosen].copy()
    detached = np.zeros_like(split)
    for kept, orphan in zip(split, detached, strict=True):
        j = rng.choice(np.flatnonzero(kept))
        kept[j] = False
        orphan[j] = True
    rest = np.delete(captures, chosen, axis=0)
    return np.concatenate([rest, split, detached])


def _merge(captures: Captures, rate: float, rng: np.random.Generator) -> Captures:
    """False merges: random pairs of different persons become one, on the lists of both."""
    merges = round(rate * len(captures))
    if merges == 0:
        return captures
    persons = rng.permutation(len(captures))
    first, second = persons[:merges], persons[merges : 2 * merges]
    joined = captures[first] | captures[second]
    rest = np.delete(captures, np.concatenate([first, second]), axis=0)
    return np.concatenate([rest, joined])


def describe(war: War) -> Sequence[str]:
    """The war's settings in words, for a benchmark's header."""
    words = [f"N={war.toll}", "p=" + "/".join(f"{p:g}" for p in war.capture)]
    if war.hidden_share:
        words.append(f"hidden {war.hidden_share:.0%} x{war.hidden_factor:.2g}")
    if war.dependence is not None:
        a, b = war.dependence
        words.append(f"P({'ABCDE'[b]}|{'ABCDE'[a]}) x{war.dependence_factor:g}")
    if war.missed_matches or war.false_merges:
        words.append(f"missed {war.missed_matches:.0%}, merged {war.false_merges:.0%}")
    return words
