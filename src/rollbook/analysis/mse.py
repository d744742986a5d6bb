"""Multiple systems estimation: how many persons no list names, from how k lists overlap.

Each person named on at least one of k lists has a capture history (on list A or not, on
list B or not, ...). Log-linear Poisson models fitted to the 2^k - 1 observed histories
extrapolate to the one history nobody can observe: named on no list. Models are main
effects plus a set of two-way interactions (always hierarchical; never the k-way term,
which the missing cell makes unidentifiable), chosen by AIC. The 95 % interval comes from
a bootstrap that repeats the model choice on every redraw.
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

MAX_LISTS = 5
ABSURD = 100  # refuse when the uncounted persons exceed this many times the observed ones
_BOUND = 10.0  # a log-linear effect beyond this means the fit runs off to a boundary
#: The letters that name the lists in a model and in warnings, in the caller's order.
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

BEYOND = "persons no list could ever have recorded are beyond this or any estimate"
FEW_LISTS = "three lists leave little room to check the model"
TWO_LISTS = "two lists cannot detect dependence between them; the estimate assumes none"

_NO_DRAWS: npt.NDArray[np.float64] = np.empty(0)

Pair = tuple[int, int]
Model = frozenset[Pair]
Counts = npt.NDArray[np.int64]
Patterns = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Estimate:
    """The uncounted persons and the total, with a 95 % interval and what limits them."""

    lists: int
    observed: int
    missing: float
    total: float
    low: float
    high: float
    model: str
    warnings: tuple[str, ...]
    defensible: bool

    @property
    def named_share(self) -> float:
        """The share of the estimated total that some list names (nan without an estimate)."""
        return self.observed / self.total if self.total else math.nan


def estimate(
    histories: Mapping[tuple[bool, ...], int], *, bootstrap: int = 500, seed: int = 2020
) -> Estimate:
    """Estimate the persons no list names, refusing whenever the lists cannot support it.

    `histories` maps each capture history (one bool per list; never all False) to its
    number of persons. Two lists get the independence model (Lincoln–Petersen). Three
    lists try every set of two-way interactions; four or five use bidirectional stepwise
    search from independence, one interaction added or dropped at a time. Either way the
    model with the lowest AIC wins. The interval redraws round(total) persons over all
    2^k histories in proportion to the observed counts and the estimated uncounted cell
    (so the number observed varies too), reselects the model on each of `bootstrap`
    draws, and takes the 2.5 and 97.5 percentiles of the totals; a redraw no model can fit
    counts as unbounded, and an unbounded upper percentile refuses the estimate. `lists`
    counts the lists given, including any that name nobody (those are left out, with a
    warning).
    """
    return _estimate(histories, bootstrap=bootstrap, seed=seed)[0]


def estimate_strata(
    strata: Mapping[str, Mapping[tuple[bool, ...], int]],
    *,
    bootstrap: int = 500,
    seed: int = 2020,
) -> tuple[dict[str, Estimate], Estimate]:
    """An estimate per stratum, and their sum with an interval from the summed draws.

    The strata's redraws are independent, so the i-th draws of all strata summed are one
    draw of the total. The sum is refused when any stratum has no estimate.
    """
    found = {
        key: _estimate(histories, bootstrap=bootstrap, seed=seed + n)
        for n, (key, histories) in enumerate(strata.items())
    }
    each = {key: e for key, (e, _) in found.items()}
    observed = sum(e.observed for e in each.values())
    lists = max((e.lists for e in each.values()), default=0)
    without = [key for key, e in each.items() if not e.defensible]
    if not each or without:
        reason = "no estimate for " + (", ".join(without) if without else "any stratum")
        return each, _refuse(lists, observed, f"the strata cannot be summed: {reason}", [])
    totals = np.sum([draws for _, draws in found.values()], axis=0)
    with np.errstate(invalid="ignore"):
        low, high = np.percentile(totals, [2.5, 97.5])
    missing = sum(e.missing for e in each.values())
    notes = (BEYOND,)
    return each, Estimate(
        lists, observed, missing, observed + missing, float(low), float(high), "per stratum",
        notes, True,
    )  # fmt: skip


def _estimate(
    histories: Mapping[tuple[bool, ...], int], *, bootstrap: int, seed: int
) -> tuple[Estimate, npt.NDArray[np.float64]]:
    """`estimate`, with the total of each bootstrap draw (none when refused)."""
    if bootstrap < 1:
        raise ValueError("bootstrap needs at least one draw")
    k = _width(histories)
    observed = sum(histories.values())
    notes = [BEYOND]
    if k > MAX_LISTS:
        reason = f"{k} lists: more than {MAX_LISTS} are not supported yet"
        return _refuse(k, observed, reason, notes), _NO_DRAWS
    if observed == 0:
        return _refuse(k, observed, "no persons: nothing to estimate from", notes), _NO_DRAWS
    kept = [j for j in range(k) if any(n and h[j] for h, n in histories.items())]
    if len(kept) < k:
        empty = ", ".join(LETTERS[j] for j in range(k) if j not in kept)
        notes.append(f"lists naming nobody were left out: {empty}")
    if len(kept) < 2:
        reason = "only one list names anyone: one list says nothing about whom it missed"
        return _refuse(k, observed, reason, notes), _NO_DRAWS
    counts, patterns = _table(histories, kept)
    if len(kept) == 2:
        notes.append(TWO_LISTS)
        if counts[-1] == 0:
            reason = "the two lists have no person in common: the estimate would be infinite"
            return _refuse(k, observed, reason, notes), _NO_DRAWS
        if counts[0] == 0 or counts[1] == 0:
            reason = "one list names everyone the other does: two lists cannot tell who is missing"
            return _refuse(k, observed, reason, notes), _NO_DRAWS
    if len(kept) == 3:
        notes.append(FEW_LISTS)
    chosen = _select(counts, patterns)
    if chosen is None:
        reason = "no log-linear model could be fitted: too many overlaps are empty"
        return _refuse(k, observed, reason, notes), _NO_DRAWS
    model, missing = chosen
    words = _describe(model, kept)
    if not missing <= ABSURD * observed:
        reason = (
            f"the selected model ({words}) puts the uncounted persons at more than {ABSURD}"
            " times the observed: the lists overlap too little"
        )
        return _refuse(k, observed, reason, notes), _NO_DRAWS
    rng = np.random.default_rng(seed)
    totals = _draws(counts, patterns, missing, bootstrap, rng)
    with np.errstate(invalid="ignore"):  # inf - inf when both neighbours are unbounded
        low, high = (float(x) for x in np.percentile(totals, [2.5, 97.5]))
    if not math.isfinite(high):
        reason = "too many redraws gave no finite estimate: the interval has no upper bound"
        return _refuse(k, observed, reason, notes), totals
    total = observed + missing
    return Estimate(k, observed, missing, total, low, high, words, tuple(notes), True), totals


def _width(histories: Mapping[tuple[bool, ...], int]) -> int:
    """Check the histories are well formed, since a bad key would silently skew the table."""
    widths = {len(h) for h in histories}
    if len(widths) > 1:
        raise ValueError(f"capture histories of different lengths: {sorted(widths)}")
    if any(not any(h) for h in histories):
        raise ValueError("the history on no list cannot be observed; leave it out")
    if any(n < 0 for n in histories.values()):
        raise ValueError("counts of persons cannot be negative")
    return widths.pop() if widths else 0


def _table(
    histories: Mapping[tuple[bool, ...], int], kept: Sequence[int]
) -> tuple[Counts, Patterns]:
    """Counts over every observable history of the kept lists, in a fixed order."""
    rows = [p for p in itertools.product((0, 1), repeat=len(kept)) if any(p)]
    index = {p: i for i, p in enumerate(rows)}
    counts = np.zeros(len(rows), dtype=np.int64)
    for history, n in histories.items():
        if n:
            counts[index[tuple(int(history[j]) for j in kept)]] += n
    return counts, np.array(rows, dtype=np.float64)


def _select(counts: Counts, patterns: Patterns) -> tuple[Model, float] | None:
    """The lowest-AIC model and its uncounted cell; None when no model can be fitted."""
    k = patterns.shape[1]
    if k == 2:
        fit = _fit(counts, patterns, frozenset())
        return None if fit is None else (frozenset(), fit[1])
    pairs = list(itertools.combinations(range(k), 2))
    if k == 3:
        return _all_subsets(counts, patterns, pairs)
    return _stepwise(counts, patterns, pairs)


def _all_subsets(
    counts: Counts, patterns: Patterns, pairs: Sequence[Pair]
) -> tuple[Model, float] | None:
    """Try every set of interactions; cheap enough for three lists (eight models)."""
    best: tuple[float, Model, float] | None = None
    for size in range(len(pairs) + 1):
        for subset in itertools.combinations(pairs, size):
            model = frozenset(subset)
            fit = _fit(counts, patterns, model)
            if fit is not None and (best is None or fit[0] < best[0]):
                best = (fit[0], model, fit[1])
    return None if best is None else (best[1], best[2])


def _stepwise(
    counts: Counts, patterns: Patterns, pairs: Sequence[Pair]
) -> tuple[Model, float] | None:
    """Add or drop one interaction while AIC falls; all subsets would be too slow to redraw."""
    seen: dict[Model, tuple[float, float] | None] = {}

    def fitted(m: Model) -> tuple[float, float] | None:
        """Each model once: stepping back revisits the model just left."""
        if m not in seen:
            seen[m] = _fit(counts, patterns, m)
        return seen[m]

    model: Model = frozenset()
    fit = fitted(model)
    if fit is None:
        return None
    while True:
        moves = [model | {p} for p in pairs if p not in model] + [model - {p} for p in model]
        tried = [(f, m) for m in moves if (f := fitted(m)) is not None]
        if not tried:
            return model, fit[1]
        step, move = min(tried, key=lambda t: t[0][0])
        if step[0] >= fit[0]:
            return model, fit[1]
        fit, model = step, move


def _fit(counts: Counts, patterns: Patterns, model: Model) -> tuple[float, float] | None:
    """AIC and uncounted cell of one Poisson log-linear model; None if its fit does not exist."""
    from statsmodels.genmod.families import Poisson  # type: ignore[import-untyped]
    from statsmodels.genmod.generalized_linear_model import GLM  # type: ignore[import-untyped]

    columns = [np.ones(len(patterns)), *patterns.T]
    columns += [patterns[:, a] * patterns[:, b] for a, b in sorted(model)]
    design = np.column_stack(columns)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result: Any = GLM(counts.astype(np.float64), design, family=Poisson()).fit()
        except (ValueError, np.linalg.LinAlgError, OverflowError):
            return None
        params = np.asarray(result.params, dtype=np.float64)
        aic = float(result.aic)
    converged = bool(result.converged) and np.all(np.isfinite(params)) and math.isfinite(aic)
    if not converged or np.max(np.abs(params[1:])) > _BOUND:
        return None
    return aic, math.exp(params[0]) if params[0] < 700 else math.inf


def _draws(
    counts: Counts, patterns: Patterns, missing: float, draws: int, rng: np.random.Generator
) -> npt.NDArray[np.float64]:
    """The total of each redraw, each choosing its own model (inf where none fits)."""
    cells = np.append(counts.astype(np.float64), missing)
    size = round(float(cells.sum()))
    totals = np.empty(draws)
    for i in range(draws):
        drawn = rng.multinomial(size, cells / cells.sum())[:-1]
        chosen = _select(drawn, patterns)
        totals[i] = math.inf if chosen is None else drawn.sum() + chosen[1]
    return totals


def _describe(model: Model, kept: Sequence[int]) -> str:
    """The model in words, naming lists by letter as the caller numbered them."""
    if not model:
        return "independence"
    return " + ".join(f"{LETTERS[kept[a]]}*{LETTERS[kept[b]]}" for a, b in sorted(model))


def _refuse(k: int, observed: int, reason: str, notes: Sequence[str]) -> Estimate:
    """An estimate that must not be shown, saying why."""
    nan = math.nan
    return Estimate(k, observed, nan, nan, nan, nan, "none", (reason, *notes), False)
