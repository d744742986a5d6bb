"""Multiple systems estimation: how many persons no list names, from how k lists overlap.

Each person named on at least one of k lists has a capture history (on list A or not, on
list B or not, ...). Two methods extrapolate from the 2^k - 1 observed histories to the one
nobody can observe, named on no list:

* log-linear models (`loglinear`): the model chosen by AIC, its interval from a bootstrap
  that redraws the table and repeats the choice on every redraw;
* a latent-class model (`latent`): persons fall in classes that lists reach more or less
  easily; the estimate is the posterior median and the interval its 2.5-97.5 % range.

Both give draws of the total, so strata estimated apart sum into a total whose interval
comes from the summed draws. Checks common to both refuse an estimate that would mean
nothing, saying why; each estimate can carry the other method's for comparison.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from rollbook.analysis.latent import posterior_totals
from rollbook.analysis.loglinear import Model, fit_one, patterns_of, select
from rollbook.analysis.methods import DEFAULT_METHOD, Method

MAX_LISTS = 5
THIN = 20  # fewer persons named than this: too thin a stratum to estimate alone
ABSURD = 100  # refuse when the uncounted persons exceed this many times the observed ones
#: The letters that name the lists in a model and in warnings, in the caller's order.
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


BEYOND = (
    "persons whom every list tends to miss (heterogeneity) pull any estimate down, and only"
    " four lists or more, over many persons, show it in their overlaps; persons no list"
    " could ever have recorded are beyond any estimate"
)
FEW_LISTS = (
    "three lists leave little room to check the model: persons whom every list tends to miss"
    " (heterogeneity) would not show, and would make the estimate too low"
)
FEW_FOR_CLASSES = "three lists leave a latent-class model weakly identified"
HIDDEN = (
    "; it allows for persons whom every list tends to miss (heterogeneity), which would make"
    " the log-linear estimate too low"
)
UNSEEN_DEPENDENCE = "; it does not allow for the dependence between lists found here"
TWO_LISTS = "two lists cannot detect dependence between them; the estimate assumes none"
#: Routine warnings: what every estimate (of three lists) says whatever the data.
ROUTINE = frozenset({BEYOND, FEW_LISTS, FEW_FOR_CLASSES})

Counts = npt.NDArray[np.int64]
Draws = npt.NDArray[np.float64]
_NO_DRAWS: Draws = np.empty(0)


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
    method: Method = DEFAULT_METHOD
    other: Estimate | None = None  # the other method's estimate, beside this one

    @property
    def named_share(self) -> float:
        """The share of the estimated total that some list names (nan without an estimate)."""
        return self.observed / self.total if self.total else math.nan


@dataclass(frozen=True)
class _Table:
    """A stratum that passed the common checks: its counts over the lists that name anyone."""

    lists: int
    kept: tuple[int, ...]
    counts: Counts
    notes: tuple[str, ...]

    @property
    def observed(self) -> int:
        return int(self.counts.sum())


Found = tuple[Estimate, Draws]


def estimate(
    histories: Mapping[tuple[bool, ...], int],
    *,
    method: Method = DEFAULT_METHOD,
    draws: int = 500,
    seed: int = 2020,
    compare: bool = False,
) -> Estimate:
    """Estimate the persons no list names, refusing whenever the lists cannot support it.

    `histories` maps each capture history (one bool per list; never all False) to its
    number of persons. `lists` in the result counts the lists given, including any that
    name nobody (those are left out, with a warning). With `compare`, the other method runs
    too and the estimate says when the two disagree.
    """
    each, _ = estimate_strata({"": histories}, method=method, draws=draws, seed=seed,
                              compare=compare)  # fmt: skip
    return each[""]


def estimate_strata(
    strata: Mapping[str, Mapping[tuple[bool, ...], int]],
    *,
    method: Method = DEFAULT_METHOD,
    draws: int = 500,
    seed: int = 2020,
    compare: bool = False,
) -> tuple[dict[str, Estimate], Estimate]:
    """An estimate per stratum, and their sum with an interval from the summed draws.

    The strata are estimated independently, so the i-th draws of all strata summed are one
    draw of the total. The sum is refused when any stratum has no estimate.
    """
    if draws < 1:
        raise ValueError("an interval needs at least one draw")
    tables = {key: _check(histories, method) for key, histories in strata.items()}
    found = _run(tables, method, draws, seed)
    summed = _sum(found, method)
    if compare:
        other = Method.LATENT if method is Method.LOGLINEAR else Method.LOGLINEAR
        theirs = _run({key: _check(strata[key], other) for key in strata}, other, draws, seed)
        found = {key: (_beside(e, theirs[key][0]), d) for key, (e, d) in found.items()}
        summed = _beside(summed, _sum(theirs, other))
    return {key: e for key, (e, _) in found.items()}, summed


def linkage_sensitivity(mine: Estimate, stricter: Estimate, looser: Estimate) -> Estimate:
    """`mine` warning when persons linked more strictly or more loosely put the estimate
    outside its interval: then linkage, not sampling, limits what it can say."""
    moved = [
        f"{name} {e.total:,.0f}"
        for name, e in (("stricter", stricter), ("looser", looser))
        if e.defensible and not mine.low <= e.total <= mine.high
    ]
    if not mine.defensible or not moved:
        return mine
    note = (
        f"linkage moves the estimate out of its interval (linked {' and '.join(moved)}):"
        " rulings on the review queue matter more here than the interval says"
    )
    return replace(mine, warnings=(*mine.warnings, note))


def _run(
    tables: Mapping[str, _Table | Estimate], method: Method, draws: int, seed: int
) -> dict[str, Found]:
    """Each stratum's estimate and draws by one method; refusals pass through."""
    ready = {key: t for key, t in tables.items() if isinstance(t, _Table)}
    done = (_loglinear if method is Method.LOGLINEAR else _latent)(ready, draws, seed)
    return {
        key: done[key] if isinstance(t, _Table) else (t, _NO_DRAWS) for key, t in tables.items()
    }


def _sum(found: Mapping[str, Found], method: Method) -> Estimate:
    """The strata summed, refused unless every stratum has an estimate."""
    each = [e for e, _ in found.values()]
    observed = sum(e.observed for e in each)
    lists = max((e.lists for e in each), default=0)
    without = [key for key, (e, _) in found.items() if not e.defensible]
    if not each or without:
        reason = "no estimate for " + (", ".join(without) if without else "any stratum")
        return _refuse(lists, observed, f"the strata cannot be summed: {reason}", [], method)
    totals = np.sum([d for _, d in found.values()], axis=0)
    low, high = _interval(totals)
    total = sum(e.total for e in each)
    return Estimate(lists, observed, total - observed, total, low, high, "per stratum",
                    (BEYOND,), True, method)  # fmt: skip


def _beside(mine: Estimate, theirs: Estimate) -> Estimate:
    """`mine` with `theirs` beside it, and a warning when theirs falls outside my interval."""
    notes = list(mine.warnings)
    notes += [w for w in theirs.warnings if w.startswith(_DEPENDENCE) and w not in notes]
    if mine.defensible and theirs.defensible and not mine.low <= theirs.total <= mine.high:
        why = ""
        if theirs.method is Method.LATENT and theirs.total > mine.high:
            why = HIDDEN
        elif theirs.method is Method.LATENT and any(w.startswith(_DEPENDENCE) for w in notes):
            why = UNSEEN_DEPENDENCE
        notes.append(
            f"the methods disagree: the {theirs.method} model gives {theirs.total:,.0f}"
            f" ({theirs.low:,.0f}–{theirs.high:,.0f}), outside this interval{why}"
        )
    return replace(mine, warnings=tuple(notes), other=theirs)


def _check(histories: Mapping[tuple[bool, ...], int], method: Method) -> _Table | Estimate:
    """The stratum's table, or the refusal that says why it cannot be estimated."""
    k = _width(histories)
    observed = sum(histories.values())
    notes = [BEYOND]

    def refuse(reason: str) -> Estimate:
        return _refuse(k, observed, reason, notes, method)

    if k > MAX_LISTS:
        return refuse(f"{k} lists: more than {MAX_LISTS} are not supported yet")
    if observed == 0:
        return refuse("no persons: nothing to estimate from")
    if observed < THIN:
        return refuse(f"only {observed} persons named: too few to estimate alone")
    kept = tuple(j for j in range(k) if any(n and h[j] for h, n in histories.items()))
    if len(kept) < k:
        empty = ", ".join(LETTERS[j] for j in range(k) if j not in kept)
        notes.append(f"lists naming nobody were left out: {empty}")
    if len(kept) < 2:
        return refuse("only one list names anyone: one list says nothing about whom it missed")
    counts = _table(histories, kept)
    patterns = patterns_of(len(kept))
    for a, b in _pairs(len(kept)):
        if not counts[(patterns[:, a] * patterns[:, b]) > 0].sum():
            where = (
                "the two lists" if len(kept) == 2 else f"{LETTERS[kept[a]]} and {LETTERS[kept[b]]}"
            )
            return refuse(f"{where} have no person in common: too sparse to estimate alone")
    if len(kept) == 2:
        if not counts[0] or not counts[1]:
            return refuse(
                "one list names everyone the other does: two lists cannot tell who is missing"
            )
        if method is Method.LATENT:
            return refuse("a latent-class model needs three lists or more")
        notes.append(TWO_LISTS)
    if len(kept) == 3:
        notes.append(FEW_FOR_CLASSES if method is Method.LATENT else FEW_LISTS)
    return _Table(k, kept, counts, (*notes, *_hidden(counts, patterns)))


def _loglinear(tables: Mapping[str, _Table], draws: int, seed: int) -> dict[str, Found]:
    """The lowest-AIC model of each stratum, with the bootstrap of its choice.

    A redraw spreads round(total) persons over all 2^k histories in proportion to the
    observed counts and the estimated uncounted cell (so the number observed varies too),
    and chooses its own model; a redraw no model fits counts as unbounded, and an unbounded
    upper percentile refuses the estimate. All strata's redraws of a width are searched as
    one stack.
    """
    found: dict[str, Found] = {}
    chosen: dict[str, tuple[_Table, Model, float]] = {}
    for key, t in tables.items():
        patterns = patterns_of(len(t.kept))
        model = select(t.counts[None, :], patterns)[0][0]
        fit = None if model is None else fit_one(t.counts, patterns, model)
        if model is None or fit is None:
            reason = "no log-linear model could be fitted: too many overlaps are empty"
            found[key] = (_refuse(t.lists, t.observed, reason, t.notes), _NO_DRAWS)
        elif not fit.missing <= ABSURD * t.observed:
            reason = (
                f"the selected model ({_describe(model, t.kept)}) puts the uncounted persons"
                f" at more than {ABSURD} times the observed: the lists overlap too little"
            )
            found[key] = (_refuse(t.lists, t.observed, reason, t.notes), _NO_DRAWS)
        else:
            notes = (*t.notes, *_dependence(fit.interactions, t.kept))
            chosen[key] = (replace(t, notes=notes), model, fit.missing)
    redrawn = {key: _redraw(t.counts, missing, draws, seed + n)
               for n, (key, (t, _, missing)) in enumerate(chosen.items())}  # fmt: skip
    for width, keys in _by_width({key: t for key, (t, _, _) in chosen.items()}).items():
        stack = np.concatenate([redrawn[key] for key in keys])
        totals = stack.sum(axis=1) + select(stack, patterns_of(width))[1]
        for n, key in enumerate(keys):
            t, model, missing = chosen[key]
            found[key] = _summary(t, t.observed + missing, totals[n * draws : (n + 1) * draws],
                                  _describe(model, t.kept), Method.LOGLINEAR)  # fmt: skip
    return found


def _latent(tables: Mapping[str, _Table], draws: int, seed: int) -> dict[str, Found]:
    """The posterior of each stratum's total under the latent-class model, strata of one
    width sampled together."""
    found: dict[str, Found] = {}
    for width, keys in _by_width(tables).items():
        stack = np.stack([tables[key].counts for key in keys])
        posterior = posterior_totals(stack, patterns_of(width), draws=draws, seed=seed + width)
        for key, totals in zip(keys, posterior, strict=True):
            t = tables[key]
            median = float(np.median(totals))
            if not median - t.observed <= ABSURD * t.observed:
                reason = (
                    f"the latent-class model puts the uncounted persons at more than {ABSURD}"
                    " times the observed: the lists overlap too little"
                )
                found[key] = (
                    _refuse(t.lists, t.observed, reason, t.notes, Method.LATENT),
                    _NO_DRAWS,
                )
                continue
            found[key] = _summary(t, median, totals, "latent classes", Method.LATENT)
    return found


def _summary(t: _Table, total: float, totals: Draws, model: str, method: Method) -> Found:
    """The estimate from its point and draws, refused when the interval has no upper bound."""
    low, high = _interval(totals)
    if not math.isfinite(high):
        reason = "too many redraws gave no finite estimate: the interval has no upper bound"
        return _refuse(t.lists, t.observed, reason, t.notes, method), totals
    estimate = Estimate(t.lists, t.observed, total - t.observed, total, low, high, model,
                        t.notes, True, method)  # fmt: skip
    return estimate, totals


def _interval(totals: Draws) -> tuple[float, float]:
    with np.errstate(invalid="ignore"):  # inf - inf when both neighbours are unbounded
        low, high = np.percentile(totals, [2.5, 97.5])
    return float(low), float(high)


_DEPENDENCE = "lists "
_CLEAR = 3.0  # an interaction this many standard errors from zero is there, not noise
_LEAN = 2.5  # pairs that lean together this many standard errors share a cause


def _dependence(interactions: Mapping[tuple[int, int], float], kept: Sequence[int]) -> list[str]:
    """What the chosen model's clear interactions say about how the lists were made."""
    notes = []
    for (a, b), z in sorted(interactions.items()):
        pair = f"{LETTERS[kept[a]]} and {LETTERS[kept[b]]}"
        if abs(z) < _CLEAR:
            continue
        if z > 0:
            notes.append(
                f"{_DEPENDENCE}{pair} name the same persons more often than chance, as lists"
                " sharing informants do; the model allows for it, but such dependence it"
                " cannot see pushes the estimate down"
            )
        else:
            notes.append(
                f"{_DEPENDENCE}{pair} name the same persons less often than chance, as opposed"
                " lists do; the model allows for it, but such dependence it cannot see pushes"
                " the estimate up"
            )
    return notes


def _hidden(counts: Counts, patterns: npt.NDArray[np.float64]) -> list[str]:
    """Heterogeneity shows as lists overlapping more than chance across the board.

    For each pair of lists, among the persons some other list names (a table with no
    unobservable cell), the log odds ratio of being on both, in standard errors. Persons
    every list tends to miss make most pairs lean positive: say so when more than half the
    pairs clearly do (3 standard errors), or when the pairs that are not clear on their own
    lean positive together (2.5 standard errors over at least three pairs). Fewer than
    four lists leave too few pairs to tell this from dependence between two lists.
    """
    k = patterns.shape[1]
    if k < 4:
        return []
    z = []
    for a, b in _pairs(k):
        seen = np.delete(patterns, [a, b], axis=1).any(axis=1)
        cells = [counts[seen & (patterns[:, a] == i) & (patterns[:, b] == j)].sum() + 0.5
                 for i in (0, 1) for j in (0, 1)]  # fmt: skip
        odds = math.log(cells[0] * cells[3] / (cells[1] * cells[2]))
        z.append(odds / math.sqrt(sum(1 / c for c in cells)))
    unclear = [v for v in z if abs(v) < _CLEAR]
    lean = sum(unclear) / math.sqrt(len(unclear)) if len(unclear) >= 3 else 0.0
    if 2 * sum(v >= _CLEAR for v in z) <= len(z) and lean < _LEAN:
        return []
    return [
        "most pairs of lists name the same persons more often than chance: the lists may all"
        " miss the same persons (heterogeneity), which would make the estimate too low"
    ]


def _redraw(counts: Counts, missing: float, draws: int, seed: int) -> Counts:
    """Tables redrawn from the fitted total, the uncounted cell dropped from each."""
    cells = np.append(counts.astype(np.float64), missing)
    size = round(float(cells.sum()))
    drawn: Counts = np.random.default_rng(seed).multinomial(size, cells / cells.sum(), size=draws)
    return drawn[:, :-1]


def _by_width(tables: Mapping[str, _Table]) -> dict[int, list[str]]:
    """Strata grouped by how many lists name anyone in them."""
    widths: defaultdict[int, list[str]] = defaultdict(list)
    for key, t in tables.items():
        widths[len(t.kept)].append(key)
    return dict(widths)


def _pairs(k: int) -> Iterable[tuple[int, int]]:
    return ((a, b) for a in range(k) for b in range(a + 1, k))


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


def _table(histories: Mapping[tuple[bool, ...], int], kept: Sequence[int]) -> Counts:
    """Counts over every observable history of the kept lists, in `patterns_of` order."""
    index = {tuple(int(x) for x in p): i for i, p in enumerate(patterns_of(len(kept)))}
    counts = np.zeros(len(index), dtype=np.int64)
    for history, n in histories.items():
        if n:
            counts[index[tuple(int(history[j]) for j in kept)]] += n
    return counts


def _describe(model: Model, kept: Sequence[int]) -> str:
    """The model in words, naming lists by letter as the caller numbered them."""
    if not model:
        return "independence"
    return " + ".join(f"{LETTERS[kept[a]]}*{LETTERS[kept[b]]}" for a, b in sorted(model))


def _refuse(k: int, observed: int, reason: str, notes: Sequence[str],
            method: Method = DEFAULT_METHOD) -> Estimate:  # fmt: skip
    """An estimate that must not be shown, saying why."""
    nan = math.nan
    return Estimate(k, observed, nan, nan, nan, nan, "none", (reason, *notes), False, method)
