"""The latent-class estimate on simulated lists whose true number of persons is known."""

from __future__ import annotations

import itertools

import numpy as np
import numpy.typing as npt
import pytest
import statsmodels.api as sm

from rollbook.analysis.latent import posterior_totals

N = 3000


def patterns(k: int) -> npt.NDArray[np.float64]:
    """Every observable capture history of k lists, in the order the tables use."""
    rows = [p for p in itertools.product((0, 1), repeat=k) if any(p)]
    return np.array(rows, dtype=np.float64)


def simulate(
    n: int, probs: tuple[float, ...], seed: int, *, hidden: float = 0.0, factor: float = 0.25
) -> npt.NDArray[np.int64]:
    """Counts per capture history of n persons; a `hidden` share has `factor` times the chance.

    A history read as a binary number (first list most significant) is its row + 1 in
    `patterns`, so counting those numbers builds the table.
    """
    rng = np.random.default_rng(seed)
    chance = np.tile(np.asarray(probs), (n, 1))
    chance[rng.random(n) < hidden] *= factor
    caught = (rng.random(chance.shape) < chance).astype(np.int64)
    cell = caught @ (2 ** np.arange(len(probs) - 1, -1, -1))
    return np.bincount(cell, minlength=2 ** len(probs))[1:].astype(np.int64)


def independence(counts: npt.NDArray[np.int64], x: npt.NDArray[np.float64]) -> float:
    """The log-linear independence estimate of the total: the baseline heterogeneity defeats."""
    fit = sm.GLM(counts, sm.add_constant(x), family=sm.families.Poisson()).fit()
    return float(counts.sum() + np.exp(fit.params[0]))


def interval(totals: npt.NDArray[np.float64]) -> tuple[float, float, float]:
    low, median, high = np.percentile(totals, [2.5, 50, 97.5])
    return float(low), float(median), float(high)


def test_independent_lists_recover_the_true_number() -> None:
    counts = simulate(N, (0.5, 0.4, 0.3, 0.3), seed=1)
    totals = posterior_totals(counts[None], patterns(4))
    low, median, high = interval(totals[0])
    assert totals.shape == (1, 1000)
    assert abs(median - N) < 0.04 * N
    assert low <= N <= high
    assert low > counts.sum()


def test_one_class_is_the_independence_model() -> None:
    counts = simulate(N, (0.5, 0.45, 0.4, 0.4, 0.35), seed=2, hidden=0.35)
    x = patterns(5)
    _, median, _ = interval(posterior_totals(counts[None], x, classes=1)[0])
    assert abs(median - independence(counts, x)) < 0.01 * N


def test_heterogeneity_moves_the_estimate_toward_the_truth() -> None:
    # 35 % of persons have a quarter of the chance: over half of them are on no list and
    # those named mostly appear once, so the lists barely reveal how many there are. The
    # latent classes always beat independence here (20 of 20 simulated tables), but the
    # 95 % interval held the truth in only 2 to 8 of 20, so that is not asserted.
    counts = simulate(N, (0.5, 0.45, 0.4, 0.4, 0.35), seed=3, hidden=0.35)
    x = patterns(5)
    baseline = independence(counts, x)
    low, median, _ = interval(posterior_totals(counts[None], x)[0])
    assert baseline < median < N
    assert abs(median - N) < abs(baseline - N)
    assert low > counts.sum()


def test_heterogeneity_the_lists_reveal_is_recovered() -> None:
    # 40 % of persons with 0.4 times the chance, on lists that reach the rest often: the
    # hidden class shows in the overlaps. Independence falls below the interval (20 of 20
    # simulated tables), the median stays within 5 % (20 of 20), the interval held the
    # truth in 18 of 20.
    counts = simulate(N, (0.7, 0.6, 0.6, 0.5, 0.5), seed=4, hidden=0.4, factor=0.4)
    x = patterns(5)
    low, median, high = interval(posterior_totals(counts[None], x)[0])
    assert abs(median - N) < 0.05 * N
    assert low <= N <= high
    assert independence(counts, x) < low


def test_tables_run_together_keep_their_own_answers() -> None:
    truths = (1000, 3000, 6000)
    probs = ((0.5, 0.4, 0.3, 0.3), (0.35, 0.5, 0.4, 0.55), (0.4, 0.35, 0.3, 0.45))
    tables = enumerate(zip(truths, probs, strict=True))
    counts = np.stack([simulate(n, p, seed=5 + i) for i, (n, p) in tables])
    totals = posterior_totals(counts, patterns(4), draws=400)
    assert totals.shape == (3, 400)
    for row, truth in zip(totals, truths, strict=True):
        low, median, high = interval(row)
        assert abs(median - truth) < 0.06 * truth
        assert low <= truth <= high


def test_draws_repeat_with_the_seed() -> None:
    counts = np.stack([simulate(500, (0.5, 0.4, 0.3), seed=s) for s in (6, 7)])
    x = patterns(3)
    quick = {"draws": 50, "burn_in": 20, "thin": 2}
    first = posterior_totals(counts, x, seed=8, **quick)
    assert np.array_equal(first, posterior_totals(counts, x, seed=8, **quick))
    assert not np.array_equal(first, posterior_totals(counts, x, seed=9, **quick))


def test_a_table_without_persons_has_no_total() -> None:
    counts = np.stack([np.zeros(7, dtype=np.int64), simulate(500, (0.5, 0.4, 0.3), seed=10)])
    totals = posterior_totals(counts, patterns(3), draws=100, burn_in=100)
    assert np.all(totals[0] == 0)
    assert np.all(totals[1] >= counts[1].sum())
    assert np.all(posterior_totals(counts[:1], patterns(3), draws=10, burn_in=10) == 0)


GOOD = np.ones((1, 7), dtype=np.int64)


@pytest.mark.parametrize(
    ("counts", "x", "settings", "message"),
    [
        (GOOD[0], patterns(3), {}, r"counts must be an \(S, 7\) array"),
        (np.ones((1, 15), dtype=np.int64), patterns(3), {}, r"counts must be an \(S, 7\) array"),
        (-GOOD, patterns(3), {}, "cannot be negative"),
        (GOOD.astype(np.float64), patterns(3), {}, "whole numbers"),
        (GOOD, patterns(3)[:, :1], {}, "k >= 2"),
        (GOOD, patterns(3)[:6], {}, "the 7 nonzero 0/1 histories"),
        (GOOD, np.vstack([patterns(3)[:6], np.zeros(3)]), {}, "the 7 nonzero 0/1 histories"),
        (GOOD, patterns(3) * 2, {}, "the 7 nonzero 0/1 histories"),
        (GOOD, np.vstack([patterns(3)[:6], patterns(3)[:1]]), {}, "must not repeat"),
        (GOOD, patterns(3), {"draws": 0}, "at least 1"),
        (GOOD, patterns(3), {"thin": 0}, "at least 1"),
        (GOOD, patterns(3), {"classes": 0}, "at least 1"),
        (GOOD, patterns(3), {"burn_in": -1}, "burn_in cannot be negative"),
    ],
)
def test_bad_input_is_refused(
    counts: npt.NDArray[np.int64],
    x: npt.NDArray[np.float64],
    settings: dict[str, int],
    message: str,
) -> None:
    with pytest.raises(ValueError, match=message):
        posterior_totals(counts, x, **settings)
