"""How often multiple systems estimation is right, on simulated wars whose toll is known.

    python benchmarks/estimation/accuracy.py [--wars 100] [--draws 500]
        [--scenario NAME ...] [--seed 2020]

For every scenario, simulates `--wars` wars (simulate.py), estimates each by both methods of
``rollbook.analysis.mse`` (the wars of a scenario go in as the strata of one call, as a
breakdown would) and compares them with the truth, next to a plain baseline: the
independence log-linear model with no model choice (Darroch's estimator, which is that
model's maximum-likelihood estimate for any number of lists) and a normal 95 % interval from
its own asymptotic variance. Targets are the ones issue 7 sets; see README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import platform
import statistics
import sys
import time
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import numpy as np
from simulate import AS_LINKED, LOOSER, STRICTER, Histories, War, describe, simulate_linkages

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # benchmarks/: report.py

import report  # noqa: E402
from rollbook.analysis.methods import DEFAULT_METHOD, Method  # noqa: E402
from rollbook.analysis.mse import (  # noqa: E402
    ROUTINE,
    Estimate,
    estimate_strata,
    linkage_sensitivity,
)

Z95 = 1.959964
COVERAGE_TARGET = 0.90


@dataclass(frozen=True)
class Scenario:
    """One kind of war, and whether the estimator's assumptions hold in it."""

    name: str
    war: War
    assumptions_hold: bool

    @property
    def error_target(self) -> float:
        """Median absolute error allowed, in % of the toll: looser for small strata."""
        return 12.0 if self.war.toll <= 200 else 3.0


P3 = (0.5, 0.4, 0.3)
SCENARIOS = [
    Scenario("independent-3", War(3000, P3), True),
    Scenario("independent-4", War(3000, (0.5, 0.4, 0.3, 0.3)), True),
    Scenario("independent-5", War(3000, (0.4, 0.35, 0.3, 0.3, 0.25)), True),
    Scenario("positive-AB-3", War(3000, P3, dependence=(0, 1), dependence_factor=1.8), True),
    Scenario(
        "negative-AB-4",
        War(3000, (0.5, 0.4, 0.3, 0.3), dependence=(0, 1), dependence_factor=0.4),
        True,
    ),
    Scenario("small-stratum-3", War(100, P3), True),
    Scenario("heterogeneity-3", War(3000, P3, hidden_share=0.3, hidden_factor=1 / 3), False),
    Scenario(
        "heterogeneity-5",
        War(3000, (0.4, 0.35, 0.3, 0.3, 0.25), hidden_share=0.3, hidden_factor=1 / 3),
        False,
    ),
    Scenario("linkage-errors-3", War(3000, P3, missed_matches=0.02, false_merges=0.01), False),
]


@dataclass
class Tally:
    """How one method did on the wars of one scenario."""

    refused: int = 0
    covered: int = 0
    errors: list[float] = field(default_factory=list)  # % of the toll, defensible only
    widths: list[float] = field(default_factory=list)

    def add(self, e: Estimate, truth: int) -> None:
        """Count one war's estimate."""
        if not e.defensible:
            self.refused += 1
            return
        self.covered += e.low <= truth <= e.high
        self.errors.append(100 * abs(e.total - truth) / truth)
        self.widths.append(100 * (e.high - e.low) / truth)

    def coverage(self, wars: int) -> float:
        """Share of defensible estimates whose interval holds the truth."""
        shown = wars - self.refused
        return self.covered / shown if shown else math.nan


@dataclass
class Outcome:
    """What the wars of one scenario gave, both methods and the baseline side by side."""

    wars: int = 0
    methods: dict[Method, Tally] = field(default_factory=lambda: {m: Tally() for m in Method})
    base: Tally = field(default_factory=Tally)
    warnings: Counter[str] = field(default_factory=Counter)  # of the default method
    heterogeneity: int = 0  # wars whose warnings name heterogeneity, routine ones included
    seconds: float = 0.0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen scenarios and print the header, the table and the verdicts."""
    args = _parse(argv)
    chosen = [s for s in SCENARIOS if not args.scenario or s.name in args.scenario]
    _print_header(args)
    outcomes = [(s, run(s, args.wars, args.draws, args.seed)) for s in chosen]
    _print_table(outcomes)
    _print_verdicts(outcomes)
    return 0


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options; scenario names are checked so a typo does not run nothing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wars", type=int, default=100, help="simulated wars per scenario")
    parser.add_argument("--draws", type=int, default=500, help="draws per estimate")
    parser.add_argument(
        "--scenario",
        action="append",
        choices=[s.name for s in SCENARIOS],
        help="run only this scenario (repeatable; default all)",
    )
    parser.add_argument("--seed", type=int, default=2020, help="seed of the simulated wars")
    return parser.parse_args(argv)


def run(scenario: Scenario, wars: int, draws: int, seed: int) -> Outcome:
    """Simulate and estimate `wars` wars; each war's seed depends only on its scenario name."""
    outcome = Outcome(wars=wars)
    truth = scenario.war.toll
    linkages: dict[str, dict[str, Histories]] = {AS_LINKED: {}, STRICTER: {}, LOOSER: {}}
    for w in range(wars):
        rng = np.random.default_rng([seed, zlib.crc32(scenario.name.encode()), w])
        for name, histories in simulate_linkages(scenario.war, rng).items():
            linkages[name][str(w)] = histories
    strata = linkages[AS_LINKED]
    start = time.perf_counter()
    each, _ = estimate_strata(strata, method=DEFAULT_METHOD, draws=draws, seed=seed, compare=True)
    outcome.seconds = time.perf_counter() - start
    if scenario.war.missed_matches or scenario.war.false_merges:
        # As `rollbook estimate` does: the estimate again from persons linked otherwise.
        stricter, looser = (
            estimate_strata(linkages[name], method=DEFAULT_METHOD, draws=draws, seed=seed)[0]
            for name in (STRICTER, LOOSER)
        )
        each = {k: linkage_sensitivity(e, stricter[k], looser[k]) for k, e in each.items()}
    for key, e in each.items():
        outcome.warnings.update({_kind(w) for w in set(e.warnings) - ROUTINE})
        outcome.heterogeneity += any("heterogeneity" in w for w in e.warnings)
        for found in (e, e.other):
            if found is not None:
                outcome.methods[found.method].add(found, truth)
        base, low, high = baseline(strata[key])
        outcome.base.covered += low <= truth <= high
        outcome.base.errors.append(100 * abs(base - truth) / truth)
        outcome.base.widths.append(100 * (high - low) / truth)
    return outcome


def baseline(histories: Histories) -> tuple[float, float, float]:
    """Independence estimate of the total and its normal 95 % interval (Darroch 1958).

    The total N solves 1 - M/N = prod_j (1 - n_j/N), M the persons named, n_j those on list
    j; its variance is N / (1/prod(1 - p_j) + k - 1 - sum 1/(1 - p_j)) with p_j = n_j/N.
    Lists that overlap nowhere give no finite N: an infinite interval, which never covers.
    """
    k = len(next(iter(histories)))
    named = sum(histories.values())
    on_list = [sum(n for h, n in histories.items() if h[j]) for j in range(k)]
    if sum(on_list) == named:
        return math.inf, named, math.inf

    def gap(total: float) -> float:
        """Negative below the root, positive above it."""
        return math.log1p(-named / total) - sum(math.log1p(-n / total) for n in on_list)

    low, high = float(named), 2.0 * named
    while gap(high) <= 0:
        low, high = high, 2 * high
    for _ in range(200):
        mid = (low + high) / 2
        low, high = (mid, high) if gap(mid) <= 0 else (low, mid)
    total = (low + high) / 2
    missed = [1 - n / total for n in on_list]
    information = 1 / math.prod(missed) + k - 1 - sum(1 / q for q in missed)
    spread = Z95 * math.sqrt(total / information)
    return total, max(float(named), total - spread), total + spread


def _print_header(args: argparse.Namespace) -> None:
    """Where and with what the figures were made."""
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("numpy", "statsmodels"))
    print("Multiple systems estimation on simulated wars")
    print(f"date      {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    print(f"machine   {platform.platform()}, {platform.machine()}")
    print(f"python    {platform.python_version()} ({versions})")
    print(f"rollbook  commit {report.commit()}")
    print(f"options   --wars {args.wars} --draws {args.draws} --seed {args.seed}")
    print(f"default   {DEFAULT_METHOD} (its warnings are the ones counted)")
    print("\nscenarios")
    for s in SCENARIOS:
        print(f"  {s.name:<18} {', '.join(describe(s.war))}")


def _median(values: Sequence[float]) -> str:
    """Median to one decimal, or a dash when there is nothing to take it of."""
    return f"{statistics.median(values):.1f}" if values else "-"


def _print_table(outcomes: Sequence[tuple[Scenario, Outcome]]) -> None:
    """Rows per scenario: each method, then the baseline; the time is both methods'."""
    lines = [["scenario", "method", "cover", "refused", "err %", "width %", "s/war"]]
    for s, o in outcomes:
        rows = [(str(m), t) for m, t in o.methods.items()] + [("baseline", o.base)]
        for n, (name, t) in enumerate(rows):
            cover = t.coverage(o.wars)
            lines.append(
                [
                    s.name if n == 0 else "",
                    name,
                    "-" if math.isnan(cover) else f"{cover:.2f}",
                    f"{t.refused / o.wars:.2f}" if o.wars else "-",
                    _median(t.errors),
                    _median(t.widths),
                    f"{o.seconds / o.wars:.3f}" if n == 0 and o.wars else "",
                ]
            )
    report.print_table("results (err, width: medians in % of N)", lines)


def _print_verdicts(outcomes: Sequence[tuple[Scenario, Outcome]]) -> None:
    """Targets per method where the assumptions hold; the default method's warnings."""
    print("\ntargets (coverage >= 0.90; median abs error <= 3 %, 12 % for N <= 200)")
    met: Counter[Method] = Counter()
    for s, o in outcomes:
        if not s.assumptions_hold:
            continue
        verdicts = []
        for m, t in o.methods.items():
            cover = t.coverage(o.wars) >= COVERAGE_TARGET  # False when nothing shown (nan)
            error = bool(t.errors) and statistics.median(t.errors) <= s.error_target
            met[m] += cover and error
            verdicts.append(f"{m}: coverage {_met(cover)}, error {_met(error)}")
        print(f"  {s.name:<18} " + "; ".join(verdicts))
    held = sum(s.assumptions_hold for s, _ in outcomes)
    print("  scenarios with both targets met: " + ", ".join(f"{m} {met[m]}/{held}" for m in Method))
    print(f"\nwarnings of the default method ({DEFAULT_METHOD}) beyond the routine: wars of 100")
    for s, o in outcomes:
        seen = "; ".join(f"{w} {100 * n / o.wars:.0f}" for w, n in sorted(o.warnings.items()))
        mark = "" if s.assumptions_hold else " (assumptions violated)"
        print(f"  {s.name}{mark}: {seen or 'none'}")
    print("\nwars whose estimate names heterogeneity in a warning, routine ones included: of 100")
    print("  " + "; ".join(f"{s.name} {100 * o.heterogeneity / o.wars:.0f}" for s, o in outcomes))


KINDS = (
    ("more often than chance, as lists sharing", "shared informants"),
    ("less often than chance, as opposed", "opposed lists"),
    ("most pairs of lists", "heterogeneity"),
    ("outside this interval; it allows for persons", "methods disagree, heterogeneity"),
    ("outside this interval; it does not allow", "methods disagree, dependence"),
    ("the methods disagree", "methods disagree"),
    ("linkage moves the estimate", "linkage"),
)


def _kind(warning: str) -> str:
    """A warning's kind, so that warnings naming different lists or figures count as one."""
    return next((kind for words, kind in KINDS if words in warning), warning)


def _met(ok: bool) -> str:
    """The verdict, short."""
    return "met" if ok else "NOT met"


if __name__ == "__main__":
    sys.exit(main())
