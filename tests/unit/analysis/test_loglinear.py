"""Log-linear fits of a whole stack of tables at once agree with statsmodels table by table."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from rollbook.analysis.loglinear import Model, fit_one, fit_stack, patterns_of, select


def tables(k: int, seed: int, size: int = 40) -> np.ndarray:
    """Redraws of one table of k independent lists, as a bootstrap makes them."""
    rng = np.random.default_rng(seed)
    caught = rng.random((1500, k)) < np.linspace(0.5, 0.25, k)
    patterns = patterns_of(k)
    index = {tuple(int(x) for x in p): i for i, p in enumerate(patterns)}
    counts = np.zeros(len(patterns) + 1)
    for row in caught:
        counts[index.get(tuple(int(x) for x in row), len(patterns))] += 1
    return rng.multinomial(1500, counts / counts.sum(), size=size)[:, :-1]


def models(k: int) -> list[Model]:
    pairs = list(itertools.combinations(range(k), 2))
    return [frozenset(), frozenset(pairs[:1]), frozenset(pairs[:3]), frozenset(pairs[1:4])]


@pytest.mark.parametrize("k", [3, 4, 5])
def test_a_stack_fits_as_statsmodels_fits_each_table(k: int) -> None:
    stack = tables(k, seed=k)
    patterns = patterns_of(k)
    for model in models(k):
        aic, missing = fit_stack(stack, patterns, model)
        for row, table in enumerate(stack):
            fit = fit_one(table, patterns, model)
            assert fit is not None
            assert aic[row] == pytest.approx(fit.aic, rel=1e-9)
            assert missing[row] == pytest.approx(fit.missing, rel=1e-6)


def test_a_fit_that_runs_off_to_a_boundary_is_no_fit_either_way() -> None:
    patterns = patterns_of(3)
    counts = np.array([[40, 35, 0, 30, 0, 12, 8], [40, 35, 9, 30, 11, 12, 8]])
    model: Model = frozenset({(0, 1), (0, 2), (1, 2)})  # A and B never together but with C
    aic, missing = fit_stack(counts, patterns, model)
    assert fit_one(counts[0], patterns, model) is None
    assert np.isinf(aic[0]) and np.isinf(missing[0])
    assert np.isfinite(aic[1]) and fit_one(counts[1], patterns, model) is not None


@pytest.mark.parametrize("k", [3, 4, 5])
def test_selection_on_a_stack_is_selection_table_by_table(k: int) -> None:
    stack = tables(k, seed=10 + k, size=30)
    patterns = patterns_of(k)
    chosen, missing = select(stack, patterns)
    for row, table in enumerate(stack):
        alone, alone_missing = select(table[None, :], patterns)
        assert chosen[row] == alone[0]
        assert missing[row] == pytest.approx(alone_missing[0], rel=1e-9)


def test_three_lists_choose_among_at_most_two_interactions() -> None:
    stack = tables(3, seed=4, size=60)
    chosen, _ = select(stack, patterns_of(3))
    assert all(m is not None and len(m) <= 2 for m in chosen)


def test_interactions_are_reported_in_standard_errors() -> None:
    rng = np.random.default_rng(3)
    on_a = rng.random(3000) < 0.4
    on_b = rng.random(3000) < np.where(on_a, 0.7, 0.2)
    on_c = rng.random(3000) < 0.5
    index = {tuple(int(x) for x in p): i for i, p in enumerate(patterns_of(3))}
    counts = np.zeros(7, dtype=np.int64)
    for row in np.column_stack([on_a, on_b, on_c]):
        if row.any():
            counts[index[tuple(int(x) for x in row)]] += 1
    fit = fit_one(counts, patterns_of(3), frozenset({(0, 1), (1, 2)}))
    assert fit is not None
    assert fit.interactions[(0, 1)] > 10  # A's persons are far more often on B
    assert abs(fit.interactions[(1, 2)]) < 3  # B and C are independent
