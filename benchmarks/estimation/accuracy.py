"""How often multiple systems estimation is right, on simulated wars whose toll is known.

    python benchmarks/estimation/accuracy.py [--wars 100] [--bootstrap 200]
        [--scenario NAME ...] [--seed 2020]

For every scenario, simulates `--wars` wars (simulate.py), runs ``rollbook.analysis.mse.estimate``
on each and compares it with the truth, next to a plain baseline: the independence log-linear
model with no model choice (Darroch's estimator, which is that model's maximum-likelihood
estimate for any number of lists) and a normal 95 % interval from its own asymptotic variance.
Targets are the ones issue 7 sets; see README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import platform
import statistics
import subprocess
import sys
import time
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import numpy as np
from simulate import Histories, War, describe, simulate

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # benchmarks/: report.py

import report  # noqa: E402
from rollbook.analysis.mse import BEYOND, FEW_LISTS, estimate  # noqa: E402

Z95 = 1.959964
COVERAGE_TARGET = 0.90
ROUTINE = {BEYOND, FEW_LISTS}  # warnings every estimate of 3 lists carries, whatever the war


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
    Scenario("linkage-errors-3", War(3000, P3, missed_matches=0.02, false_merges=0.01), False),
]


@dataclass
class Outcome:
    """What the wars of one scenario gave, estimator and baseline side by side."""

    wars: int = 0
    refused: int = 0
    covered: int = 0
    errors: list[float] = field(default_factory=list)  # % of the toll, defensible only
    widths: list[float] = field(default_factory=list)
    base_covered: int = 0
    base_errors: list[float] = field(default_factory=list)
    base_widths: list[float] = field(default_factory=list)
    warnings: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def coverage(self) -> float:
        """Share of defensible estimates whose interval holds the truth."""
        shown = self.wars - self.refused
        return self.covered / shown if shown else math.nan


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen scenarios and print the header, the table and the verdicts."""
    args = _parse(argv)
    chosen = [s for s in SCENARIOS if not args.scenario or s.name in args.scenario]
    _print_header(args)
    outcomes = [(s, run(s, args.wars, args.bootstrap, args.seed)) for s in chosen]
    _print_table(outcomes)
    _print_verdicts(outcomes)
    return 0


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options; scenario names are checked so a typo does not run nothing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wars", type=int, default=100, help="simulated wars per scenario")
    parser.add_argument("--bootstrap", type=int, default=200, help="redraws per estimate")
    parser.add_argument(
        "--scenario",
        action="append",
        choices=[s.name for s in SCENARIOS],
        help="run only this scenario (repeatable; default all)",
    )
    parser.add_argument("--seed", type=int, default=2020, help="seed of the simulated wars")
    return parser.parse_args(argv)


def run(scenario: Scenario, wars: int, bootstrap: int, seed: int) -> Outcome:
    """Simulate and estimate `wars` wars; each war's seed depends only on its scenario name."""
    outcome = Outcome()
    truth = scenario.war.toll
    start = time.perf_counter()
    for w in range(wars):
        rng = np.random.default_rng([seed, zlib.crc32(scenario.name.encode()), w])
        histories = simulate(scenario.war, rng)
        result = estimate(histories, bootstrap=bootstrap, seed=int(rng.integers(2**31)))
        outcome.wars += 1
        outcome.warnings.update(set(result.warnings) - ROUTINE)
        if result.defensible:
            outcome.covered += result.low <= truth <= result.high
            outcome.errors.append(100 * abs(result.total - truth) / truth)
            outcome.widths.append(100 * (result.high - result.low) / truth)
        else:
            outcome.refused += 1
        base, low, high = baseline(histories)
        outcome.base_covered += low <= truth <= high
        outcome.base_errors.append(100 * abs(base - truth) / truth)
        outcome.base_widths.append(100 * (high - low) / truth)
    outcome.seconds = time.perf_counter() - start
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


def _commit() -> str:
    """The checked-out Rollbook commit, so figures can be tied to the code that made them."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=HERE,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return done.stdout.strip() or "unknown"


def _print_header(args: argparse.Namespace) -> None:
    """Where and with what the figures were made."""
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("numpy", "statsmodels"))
    print("Multiple systems estimation on simulated wars")
    print(f"date      {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    print(f"machine   {platform.platform()}, {platform.machine()}")
    print(f"python    {platform.python_version()} ({versions})")
    print(f"rollbook  commit {_commit()}")
    print(f"options   --wars {args.wars} --bootstrap {args.bootstrap} --seed {args.seed}")
    print("\nscenarios")
    for s in SCENARIOS:
        print(f"  {s.name:<18} {', '.join(describe(s.war))}")


def _median(values: Sequence[float]) -> str:
    """Median to one decimal, or a dash when there is nothing to take it of."""
    return f"{statistics.median(values):.1f}" if values else "-"


def _print_table(outcomes: Sequence[tuple[Scenario, Outcome]]) -> None:
    """One row per scenario: the estimator first, then the baseline, then the time."""
    lines = [
        [
            "scenario",
            "wars",
            "lists",
            "N",
            "cover",
            "refused",
            "err %",
            "width %",
            "base err %",
            "base width %",
            "base cover",
            "s/war",
            "seconds",
        ]
    ]
    for s, o in outcomes:
        lines.append(
            [
                s.name,
                str(o.wars),
                str(s.war.lists),
                str(s.war.toll),
                "-" if math.isnan(o.coverage) else f"{o.coverage:.2f}",
                f"{o.refused / o.wars:.2f}" if o.wars else "-",
                _median(o.errors),
                _median(o.widths),
                _median(o.base_errors),
                _median(o.base_widths),
                f"{o.base_covered / o.wars:.2f}" if o.wars else "-",
                f"{o.seconds / o.wars:.2f}" if o.wars else "-",
                f"{o.seconds:.0f}",
            ]
        )
    report.print_table("results (err, width: medians in % of N)", lines)


def _print_verdicts(outcomes: Sequence[tuple[Scenario, Outcome]]) -> None:
    """Targets where the assumptions hold; elsewhere the warnings the estimator gave."""
    print("\ntargets")
    for s, o in outcomes:
        if s.assumptions_hold:
            cover = o.coverage >= COVERAGE_TARGET  # False when nothing was shown (nan)
            error = bool(o.errors) and statistics.median(o.errors) <= s.error_target
            print(
                f"  {s.name:<18} coverage >= {COVERAGE_TARGET:.2f}: {_met(cover)}; "
                f"median abs error <= {s.error_target:g} %: {_met(error)}"
            )
        else:
            seen = "; ".join(f"{n}/{o.wars} '{w}'" for w, n in o.warnings.most_common())
            print(f"  {s.name:<18} no coverage target; warnings beyond the routine: ", end="")
            print(seen or "none")


def _met(ok: bool) -> str:
    """The verdict in the words the issue uses."""
    return "target met" if ok else "target NOT met"


if __name__ == "__main__":
    sys.exit(main())
