"""Multiple systems estimation on simulated lists whose true number of persons is known."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import numpy.typing as npt
import pytest

from rollbook.analysis.mse import BEYOND, FEW_LISTS, TWO_LISTS, estimate, estimate_strata

Histories = dict[tuple[bool, ...], int]
N = 3000


def histories(caught: npt.NDArray[np.bool_]) -> Histories:
    """Count the persons per capture history, leaving out those no list caught."""
    return dict(Counter(tuple(bool(x) for x in row) for row in caught if row.any()))


def independent(n: int, probs: tuple[float, ...], seed: int) -> Histories:
    """N persons, each list catching each person on its own with its own probability."""
    rng = np.random.default_rng(seed)
    return histories(rng.random((n, len(probs))) < np.array(probs))


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("probs", [(0.3, 0.45, 0.6), (0.35, 0.5, 0.4, 0.55)])
def test_independent_lists_recover_the_true_number(probs: tuple[float, ...], seed: int) -> None:
    result = estimate(independent(N, probs, seed), bootstrap=200, seed=seed)
    assert result.defensible
    assert result.lists == len(probs)
    assert abs(result.total - N) < 0.05 * N
    assert result.low <= N <= result.high
    assert result.low <= result.total <= result.high
    assert math.isclose(result.total, result.observed + result.missing)
    assert BEYOND in result.warnings
    assert (FEW_LISTS in result.warnings) == (len(probs) == 3)


def test_two_lists_give_lincoln_petersen() -> None:
    counts = independent(N, (0.4, 0.5), 7)
    first = counts[(True, False)] + counts[(True, True)]
    second = counts[(False, True)] + counts[(True, True)]
    result = estimate(counts, bootstrap=50)
    assert result.defensible
    assert result.model == "independence"
    assert math.isclose(result.total, first * second / counts[(True, True)], rel_tol=1e-6)
    assert TWO_LISTS in result.warnings
    assert result.low <= result.total <= result.high


def test_same_seed_same_interval() -> None:
    counts = independent(N, (0.3, 0.45, 0.6), 4)
    assert estimate(counts, bootstrap=30, seed=5) == estimate(counts, bootstrap=30, seed=5)


@pytest.mark.parametrize(
    ("counts", "reason"),
    [
        ({}, "no persons"),
        ({(True, False, False): 0}, "no persons"),
        ({(True,): 40}, "only one list"),
        ({(True, False, False): 40}, "only one list"),
        ({(True, False): 30, (False, True): 20}, "no person in common"),
        ({(True, False): 30, (True, True): 20}, "names everyone the other does"),
        ({(True, False, False, False, False, True): 5}, "not supported"),
    ],
)
def test_refusals_say_why(counts: Histories, reason: str) -> None:
    result = estimate(counts, bootstrap=20)
    assert not result.defensible
    assert any(reason in w for w in result.warnings)
    assert math.isnan(result.total)
    assert math.isnan(result.missing) and math.isnan(result.low) and math.isnan(result.high)


def test_absurd_estimates_are_refused() -> None:
    counts: Histories = {(True, False): 5000, (False, True): 5000, (True, True): 1}
    result = estimate(counts, bootstrap=20)
    assert not result.defensible
    assert any("more than 100 times" in w for w in result.warnings)


def test_a_list_naming_nobody_is_left_out() -> None:
    three = independent(N, (0.3, 0.45, 0.6), 9)
    padded = {(*h, False): n for h, n in three.items()}
    result = estimate(padded, bootstrap=20)
    assert result.defensible
    assert result.lists == 4
    assert any("left out: D" in w for w in result.warnings)
    assert math.isclose(result.total, estimate(three, bootstrap=20).total)


def test_malformed_histories_are_rejected() -> None:
    with pytest.raises(ValueError, match="different lengths"):
        estimate({(True,): 3, (True, False): 4})
    with pytest.raises(ValueError, match="no list"):
        estimate({(False, False): 3, (True, False): 4})


def test_dependent_lists_bring_in_their_interaction() -> None:
    rng = np.random.default_rng(11)
    on_a = rng.random(N) < 0.4
    on_b = rng.random(N) < np.where(on_a, 0.7, 0.2)  # A's persons are more often on B
    on_c = rng.random(N) < 0.5
    counts = histories(np.column_stack([on_a, on_b, on_c]))
    both = counts[(True, True, False)] + counts[(True, True, True)]
    a = sum(n for h, n in counts.items() if h[0])
    b = sum(n for h, n in counts.items() if h[1])
    assert a * b / both < 0.9 * N  # what A and B alone, taken as independent, would say
    result = estimate(counts, bootstrap=50)
    assert result.defensible
    assert "A*B" in result.model.split(" + ")
    assert abs(result.total - N) < 0.1 * N


def test_strata_sum_to_a_total_whose_interval_comes_from_the_summed_draws() -> None:
    strata = {key: independent(1500, (0.5, 0.4, 0.3), seed) for key, seed in (("n", 11), ("s", 12))}
    each, summed = estimate_strata(strata, bootstrap=100)
    assert summed.defensible
    assert summed.total == pytest.approx(sum(e.total for e in each.values()))
    assert summed.observed == sum(e.observed for e in each.values())
    assert summed.low <= summed.total <= summed.high
    assert summed.low <= 3000 <= summed.high
    # The sum's interval is narrower than the strata's intervals laid end to end.
    assert summed.high - summed.low < sum(e.high - e.low for e in each.values())


def test_strata_are_not_summed_when_one_has_no_estimate() -> None:
    strata = {"north": independent(1500, (0.5, 0.4, 0.3), 13), "empty": {}}
    each, summed = estimate_strata(strata, bootstrap=50)
    assert each["north"].defensible and not each["empty"].defensible
    assert not summed.defensible and "empty" in summed.warnings[0]
