"""Log-linear models of the lists' overlaps, and the choice among them.

The 2^k - 1 capture histories k lists can observe are fitted by Poisson log-linear models:
main effects plus a set of two-way interactions (hierarchical; never the k-way term, which
the unobservable cell makes unidentifiable). The fitted count of the one history nobody can
observe, named on no list, is exp(intercept). The model is chosen by AIC: for three lists
among every set of at most two interactions (all three fit the seven cells exactly, so
nothing checks that model and its estimate swings widely from one redraw to the next), for
more lists by bidirectional stepwise search from independence.

The chosen model is fitted with statsmodels, whose fit is the one reported. The choice
itself, and its repetition on hundreds of redrawn tables for an interval, takes dozens of
fits per table; statsmodels fits one table at a time, so the search fits a whole stack of
tables at once here, by Newton's method: the same maximum-likelihood fit, held equal to
statsmodels' by a test.
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
from scipy.special import gammaln

Pair = tuple[int, int]
Model = frozenset[Pair]
Floats = npt.NDArray[np.float64]
Tables = npt.NDArray[np.int64]
Rows = npt.NDArray[np.intp]
#: A fitter: AIC and uncounted cell of one model on the given tables of a stack (inf: no fit).
Fitter = Callable[[Model, Rows], tuple[Floats, Floats]]

_BOUND = 10.0  # a log-linear effect beyond this means the fit runs off to a boundary
_ITERATIONS = 50
_TOLERANCE = 1e-8


def patterns_of(k: int) -> Floats:
    """Every observable history of k lists (one row each, 1 = on the list), in table order."""
    rows = [p for p in itertools.product((0, 1), repeat=k) if any(p)]
    return np.array(rows, dtype=np.float64)


def design(patterns: Floats, model: Model) -> Floats:
    """Intercept, one column per list, and one per interaction of the model."""
    columns = [np.ones(len(patterns)), *patterns.T]
    columns += [patterns[:, a] * patterns[:, b] for a, b in sorted(model)]
    return np.column_stack(columns)


class Fit(NamedTuple):
    """One model fitted to one table."""

    aic: float
    missing: float  # the fitted count of the history on no list
    interactions: dict[Pair, float]  # each interaction's effect over its standard error


def fit_one(counts: Tables, patterns: Floats, model: Model) -> Fit | None:
    """One model fitted to one table by statsmodels; None where the fit does not exist."""
    from statsmodels.genmod.families import Poisson  # type: ignore[import-untyped]
    from statsmodels.genmod.generalized_linear_model import GLM  # type: ignore[import-untyped]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            glm = GLM(counts.astype(np.float64), design(patterns, model), family=Poisson())
            result: Any = glm.fit()
        except (ValueError, np.linalg.LinAlgError, OverflowError):
            return None
        params = np.asarray(result.params, dtype=np.float64)
        errors = np.asarray(result.bse, dtype=np.float64)
        aic = float(result.aic)
    converged = bool(result.converged) and np.all(np.isfinite(params)) and math.isfinite(aic)
    if not converged or np.max(np.abs(params[1:])) > _BOUND:
        return None
    missing = math.exp(params[0]) if params[0] < 700 else math.inf
    first = 1 + patterns.shape[1]
    z = (params[first:] / errors[first:]).tolist()
    return Fit(aic, missing, dict(zip(sorted(model), z, strict=True)))


def fit_stack(tables: Tables, patterns: Floats, model: Model) -> tuple[Floats, Floats]:
    """AIC and uncounted cell of one model on every table of a stack (rows), by Newton's
    method; inf for both where the fit does not exist, as `fit_one` would say None.

    Like statsmodels: start halfway between each count and its table's mean, and stop when
    the deviance changes by at most 1e-8. A table stops being iterated once it converges.
    """
    x = design(patterns, model)
    columns = x.shape[1]
    outer = (x[:, :, None] * x[:, None, :]).reshape(len(x), columns * columns)
    y = tables.astype(np.float64)
    mu = (y + y.mean(axis=1, keepdims=True)) / 2 + 1e-3  # kept off zero for the log
    eta = np.log(mu)
    beta = np.full((len(y), columns), np.nan)
    deviance = np.full(len(y), np.inf)
    going = np.arange(len(y))
    with np.errstate(all="ignore"):
        for _ in range(_ITERATIONS):
            m, e, t = mu[going], eta[going], y[going]
            hessian = (m @ outer).reshape(len(going), columns, columns)
            step = _solve(hessian, (m * e + (t - m)) @ x)
            e = step @ x.T
            m = np.exp(e)
            new = 2 * np.sum(np.where(t > 0, t * np.log(t / m), 0.0) - (t - m), axis=1)
            settled = np.abs(new - deviance[going]) <= _TOLERANCE
            beta[going], eta[going], mu[going], deviance[going] = step, e, m, new
            going = going[~settled & np.isfinite(new)]
            if not len(going):
                break
        loglik = np.sum(np.where(y > 0, y * eta, 0.0) - mu - gammaln(y + 1), axis=1)
        aic = 2 * columns - 2 * loglik
        missing = np.exp(beta[:, 0])
    fitted = (
        np.isin(np.arange(len(y)), going, invert=True)
        & np.isfinite(deviance)
        & np.isfinite(aic)
        & np.isfinite(beta).all(axis=1)
        & (np.abs(beta[:, 1:]).max(axis=1, initial=0.0) <= _BOUND)
    )
    return np.where(fitted, aic, np.inf), np.where(fitted, missing, np.inf)


def _solve(hessian: Floats, gradient: Floats) -> Floats:
    """Each table's Newton step; a table whose system is singular gets nan (no fit)."""
    try:
        return np.asarray(np.linalg.solve(hessian, gradient[:, :, None])[:, :, 0], np.float64)
    except np.linalg.LinAlgError:
        steps = np.full_like(gradient, np.nan)
        for i, (h, g) in enumerate(zip(hessian, gradient, strict=True)):
            try:
                steps[i] = np.linalg.solve(h, g)
            except np.linalg.LinAlgError:
                continue
        return steps


def _cached(tables: Tables, patterns: Floats) -> Fitter:
    """`fit_stack` as a fitter, fitting each model to each table once however often the
    search asks, and only to the tables whose search reaches it."""
    cache: dict[Model, tuple[Floats, Floats]] = {}

    def fit(model: Model, rows: Rows) -> tuple[Floats, Floats]:
        if model not in cache:
            cache[model] = (np.full(len(tables), np.nan), np.full(len(tables), np.nan))
        aic, missing = cache[model]
        new = rows[np.isnan(aic[rows])]
        if len(new):
            aic[new], missing[new] = fit_stack(tables[new], patterns, model)
        return aic[rows], missing[rows]

    return fit


def select(tables: Tables, patterns: Floats) -> tuple[list[Model | None], Floats]:
    """The lowest-AIC model of each table of a stack and its uncounted cell (None and inf
    where no model fits): all sets of interactions for three lists, stepwise for more."""
    k, size = patterns.shape[1], len(tables)
    fitter = _cached(tables, patterns)
    pairs = list(itertools.combinations(range(k), 2))
    if k == 2:
        candidates: list[Model] = [frozenset()]
    elif k == 3:
        candidates = [frozenset(s) for n in range(3) for s in itertools.combinations(pairs, n)]
    else:
        return _stepwise(fitter, pairs, size)
    every = np.arange(size)
    aics, missing = zip(*(fitter(m, every) for m in candidates), strict=True)
    best = np.argmin(np.array(aics), axis=0)
    fits = np.isfinite(np.array(aics).min(axis=0))
    chosen = [candidates[b] if ok else None for b, ok in zip(best, fits, strict=True)]
    return chosen, np.where(fits, np.array(missing)[best, np.arange(size)], np.inf)


def _stepwise(
    fitter: Fitter, pairs: Sequence[Pair], size: int
) -> tuple[list[Model | None], Floats]:
    """Add or drop one interaction while AIC falls, every table on its own path in step."""
    start: Model = frozenset()
    aic, missing = (a.copy() for a in fitter(start, np.arange(size)))
    models: list[Model | None] = [start if math.isfinite(a) else None for a in aic]
    searching = [i for i, model in enumerate(models) if model is not None]
    while searching:
        waiting: defaultdict[Model, list[int]] = defaultdict(list)
        for i in searching:
            waiting[models[i] or start].append(i)
        searching = []
        asked: defaultdict[Model, list[int]] = defaultdict(list)
        for model, group in waiting.items():
            for move in _moves(model, pairs):
                asked[move] += group
        for move, group in asked.items():  # one fit per model and round, of all tables asking
            fitter(move, np.array(group))
        for model, group in waiting.items():
            rows = np.array(group)
            moves = _moves(model, pairs)
            fits = [fitter(m, rows) for m in moves]
            aics = np.array([a for a, _ in fits])
            best = np.argmin(aics, axis=0)
            for n, (row, b) in enumerate(zip(rows, best, strict=True)):
                if aics[b, n] < aic[row]:
                    models[row], aic[row], missing[row] = moves[b], aics[b, n], fits[b][1][n]
                    searching.append(row)
    return models, missing


def _moves(model: Model, pairs: Sequence[Pair]) -> list[Model]:
    """The models one step away: one interaction added, or one dropped."""
    return [model | {p} for p in pairs if p not in model] + [model - {p} for p in model]
