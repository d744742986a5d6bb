"""Multiple systems estimation on simulated lists whose true number of persons is known."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

import numpy as np
import numpy.typing as npt
import pytest

from rollbook.analysis.methods import Method
from rollbook.analysis.mse import (
    BEYOND,
    FEW_FOR_CLASSES,
    FEW_LISTS,
    TWO_LISTS,
    estimate,
    estimate_strata,
    linkage_sensitivity,
)

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
    result = estimate(independent(N, probs, seed), draws=200, seed=seed)
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
    result = estimate(counts, draws=50)
    assert result.defensible
    assert result.model == "independence"
    assert math.isclose(result.total, first * second / counts[(True, True)], rel_tol=1e-6)
    assert TWO_LISTS in result.warnings
    assert result.low <= result.total <= result.high


def test_same_seed_same_interval() -> None:
    counts = independent(N, (0.3, 0.45, 0.6), 4)
    assert estimate(counts, draws=30, seed=5) == estimate(counts, draws=30, seed=5)


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
        ({(True, False, False): 6, (False, True, True): 5, (True, True, True): 4}, "too few"),
    ],
)
def test_refusals_say_why(counts: Histories, reason: str) -> None:
    result = estimate(counts, draws=20)
    assert not result.defensible
    assert any(reason in w for w in result.warnings)
    assert math.isnan(result.total)
    assert math.isnan(result.missing) and math.isnan(result.low) and math.isnan(result.high)


def test_absurd_estimates_are_refused() -> None:
    counts: Histories = {(True, False): 5000, (False, True): 5000, (True, True): 1}
    result = estimate(counts, draws=20)
    assert not result.defensible
    assert any("more than 100 times" in w for w in result.warnings)


def test_a_list_naming_nobody_is_left_out() -> None:
    three = independent(N, (0.3, 0.45, 0.6), 9)
    padded = {(*h, False): n for h, n in three.items()}
    result = estimate(padded, draws=20)
    assert result.defensible
    assert result.lists == 4
    assert any("left out: D" in w for w in result.warnings)
    assert math.isclose(result.total, estimate(three, draws=20).total)


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
    result = estimate(counts, draws=50)
    assert result.defensible
    assert "A*B" in result.model.split(" + ")
    assert abs(result.total - N) < 0.1 * N


def test_strata_sum_to_a_total_whose_interval_comes_from_the_summed_draws() -> None:
    strata = {key: independent(1500, (0.5, 0.4, 0.3), seed) for key, seed in (("n", 11), ("s", 12))}
    each, summed = estimate_strata(strata, draws=100)
    assert summed.defensible
    assert summed.total == pytest.approx(sum(e.total for e in each.values()))
    assert summed.observed == sum(e.observed for e in each.values())
    assert summed.low <= summed.total <= summed.high
    assert summed.low <= 3000 <= summed.high
    # The sum's interval is narrower than the strata's intervals laid end to end.
    assert summed.high - summed.low < sum(e.high - e.low for e in each.values())


def test_strata_are_not_summed_when_one_has_no_estimate() -> None:
    strata = {"north": independent(1500, (0.5, 0.4, 0.3), 13), "empty": {}}
    each, summed = estimate_strata(strata, draws=50)
    assert each["north"].defensible and not each["empty"].defensible
    assert not summed.defensible and "empty" in summed.warnings[0]


def test_the_latent_class_method_recovers_independent_lists() -> None:
    counts = independent(N, (0.5, 0.4, 0.35, 0.3), 21)
    result = estimate(counts, method=Method.LATENT, draws=300)
    assert result.defensible and result.method is Method.LATENT
    assert abs(result.total - N) < 0.05 * N
    assert result.low <= N <= result.high


def test_a_latent_class_model_needs_three_lists() -> None:
    result = estimate(independent(N, (0.4, 0.5), 7), method=Method.LATENT, draws=50)
    assert not result.defensible
    assert "three lists or more" in result.warnings[0]
    three = estimate(independent(N, (0.4, 0.5, 0.3), 7), method=Method.LATENT, draws=50)
    assert FEW_FOR_CLASSES in three.warnings and FEW_LISTS not in three.warnings


def test_compared_the_other_method_stands_beside_and_disagreement_is_said() -> None:
    counts = independent(N, (0.5, 0.4, 0.3, 0.3), 22)
    result = estimate(counts, draws=200, compare=True)
    assert result.method is Method.LOGLINEAR
    assert result.other is not None and result.other.method is Method.LATENT
    assert result.other.defensible
    agree = result.low <= result.other.total <= result.high
    assert agree != any("methods disagree" in w for w in result.warnings)


def test_persons_every_list_misses_alike_make_the_methods_disagree() -> None:
    """A hidden class the lists reach at a tenth of the rate: the log-linear models cannot
    see it; the latent-class model sees part of it and says more."""
    rng = np.random.default_rng(23)
    chance = np.where(rng.random((N, 1)) < 0.4, 0.08, 0.8) * np.ones(5)
    result = estimate(histories(rng.random((N, 5)) < chance), draws=200, compare=True)
    assert result.other is not None and result.other.total > result.high
    assert any("methods disagree" in w and "heterogeneity" in w for w in result.warnings)
    assert any(w.startswith("most pairs of lists") for w in result.warnings)


def test_only_clear_dependence_is_reported() -> None:
    quiet = estimate(independent(N, (0.5, 0.4, 0.3, 0.3, 0.25), 24), draws=50)
    assert not any(w.startswith(("lists ", "most pairs")) for w in quiet.warnings)
    rng = np.random.default_rng(25)
    on_a = rng.random(N) < 0.5
    on_b = rng.random(N) < np.where(on_a, 0.15, 0.5)  # B names whom A does not
    rest = rng.random((N, 2)) < (0.4, 0.3)
    opposed = estimate(histories(np.column_stack([on_a, on_b, rest])), draws=50)
    assert any(w.startswith("lists A and B") and "pushes the estimate up" in w
               for w in opposed.warnings)  # fmt: skip


def test_a_pair_of_lists_with_no_one_in_common_is_too_sparse_to_estimate() -> None:
    counts: Histories = {(True, False, False): 30, (False, True, False): 20,
                         (True, False, True): 10, (False, True, True): 12}  # fmt: skip
    result = estimate(counts, draws=20)
    assert not result.defensible
    assert "A and B have no person in common" in result.warnings[0]


def test_linkage_that_moves_the_estimate_out_of_its_interval_is_warned_of() -> None:
    counts = independent(N, (0.5, 0.4, 0.3), 26)
    mine = estimate(counts, draws=100)
    near = replace(mine, total=(mine.low + mine.high) / 2)
    far = replace(mine, total=mine.high * 1.2)
    assert linkage_sensitivity(mine, near, near) == mine
    moved = linkage_sensitivity(mine, near, far)
    assert any(w.startswith("linkage moves the estimate") and "looser" in w
               for w in moved.warnings)  # fmt: skip
