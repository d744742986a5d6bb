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
    return simulate_linkages(war, rng)[AS_LINKED]


AS_LINKED, STRICTER, LOOSER = "as linked", "stricter", "looser"


def simulate_linkages(war: War, rng: np.random.Generator) -> dict[str, Histories]:
    """The war's counts as linked, and as a stricter and a looser linker would link it.

    A stricter linker misses twice the matches and makes half the false merges, a looser
    one the reverse. The errors are nested: every match the linker misses, the stricter
    one misses too, and every false merge the stricter one makes, the linker makes too.
    """
    captures = _capture(war, rng)
    captures = captures[captures.any(axis=1)]
    chance = rng.random(len(captures))  # below the missed-match rate: split
    detach = np.argmax(rng.random(captures.shape) * captures, axis=1)  # the list split off
    order = rng.permutation(len(captures))  # merges pair persons in this order
    rates = {
        AS_LINKED: (war.missed_matches, war.false_merges),
        STRICTER: (2 * war.missed_matches, war.false_merges / 2),
        LOOSER: (war.missed_matches / 2, 2 * war.false_merges),
    }
    found = {}
    for name, (missed, merged) in rates.items():
        kept, orphans = _split(captures, chance < missed, detach)
        linked = np.concatenate([_merge(kept, round(merged * len(captures)), order), orphans])
        counted = Counter(tuple(bool(x) for x in row) for row in linked)
        found[name] = dict(counted)
    return found


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


def _split(
    captures: Captures, chosen: npt.NDArray[np.bool_], detach: npt.NDArray[np.intp]
) -> tuple[Captures, Captures]:
    """Missed matches: each chosen person on two lists or more loses list `detach` to a
    person of its own. Returns the persons kept, and the split-off ones."""
    chosen = chosen & (captures.sum(axis=1) >= 2)
    kept = captures.copy()
    kept[chosen, detach[chosen]] = False
    orphans = np.zeros((int(chosen.sum()), captures.shape[1]), dtype=bool)
    orphans[np.arange(len(orphans)), detach[chosen]] = True
    return kept, orphans


def _merge(captures: Captures, merges: int, order: npt.NDArray[np.intp]) -> Captures:
    """False merges: the first `merges` pairs of `order` become one person each."""
    first, second = order[:merges], order[merges : 2 * merges]
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
