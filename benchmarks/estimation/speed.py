"""How fast multiple systems estimation runs over many strata, on one core.

    python benchmarks/estimation/speed.py [--persons 20000] [--strata 24] [--lists 5]
        [--draws 500] [--repeat 3] [--seed 2020]

Issue 7 sets the target: 5 lists, 24 strata and 20,000 persons estimated in under 10 s on
one core. The script simulates `--persons` true persons (simulate.py), spread unevenly over
`--strata` strata (a fixed geometric spread, the largest stratum `SPREAD` times the
smallest), each stratum with its own capture probabilities for the `--lists` lists, drawn
uniformly from 0.25-0.5. What the lists name goes into ``estimate_strata`` of
``rollbook.analysis.mse`` as one breakdown, timed `--repeat` times each way:

* both methods, the default one with the other beside it (``compare=True``): what
  ``rollbook estimate --by ...`` runs, and the figure the target is judged on;
* the log-linear method alone;
* the latent-class method alone.

Before those, a tiny call of both methods is timed on its own as the warm-up (the first fit
imports statsmodels). The process is pinned to one core: BLAS and OpenMP thread pools are
limited to one thread before numpy is imported, and the process to one CPU where the system
allows it.
"""

from __future__ import annotations

import os

# Before numpy is imported anywhere: its BLAS would otherwise start a thread per core.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")


def _pin() -> str:
    """Keep the process on the first CPU it may use, before any thread starts; say so."""
    threads = ", ".join(
        f"{v}={os.environ[v]}"
        for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
    )
    if not hasattr(os, "sched_setaffinity"):
        return f"pinned to 1 core: {threads}; no CPU affinity on this system"
    allowed = sorted(os.sched_getaffinity(0))
    try:
        os.sched_setaffinity(0, {allowed[0]})
    except OSError as error:
        return f"pinned to 1 core: {threads}; CPU affinity refused ({error})"
    return f"pinned to 1 core: CPU {allowed[0]} (of {len(allowed)} allowed), {threads}"


PINNED = _pin()

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from importlib import metadata  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from simulate import Histories, War, simulate  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # benchmarks/: report.py

import report  # noqa: E402
from rollbook.analysis.methods import DEFAULT_METHOD, Method  # noqa: E402
from rollbook.analysis.mse import Estimate, estimate_strata  # noqa: E402

SPREAD = 10.0  # the largest stratum's share of the persons over the smallest one's
CAPTURE = (0.25, 0.5)  # range of the capture probabilities, per stratum and list
TARGET_SECONDS = 10.0  # issue 7's target for both methods over the whole breakdown
WARM_UP_TOLL = 300  # persons of the warm-up's one stratum
WARM_UP_DRAWS = 20

Strata = dict[str, Histories]
Each = dict[str, Estimate]


@dataclass(frozen=True)
class Case:
    """One way of estimating the breakdown, timed on its own."""

    label: str
    method: Method
    compare: bool


@dataclass(frozen=True)
class Timing:
    """The wall times of one case, and what its last run gave."""

    seconds: list[float]
    each: Each


def main(argv: Sequence[str] | None = None) -> int:
    """Pin, build the strata, time the cases, and print the header, table and verdict."""
    args = _parse(argv)
    strata, sizes = build_strata(args.persons, args.strata, args.lists, args.seed)
    _print_header(args, PINNED, strata, sizes)
    warm_up = _warm_up(args.lists, args.seed)
    other = Method.LATENT if DEFAULT_METHOD is Method.LOGLINEAR else Method.LOGLINEAR
    cases = [
        Case(f"both methods ({DEFAULT_METHOD}, {other} beside)", DEFAULT_METHOD, True),
        Case(f"{Method.LOGLINEAR} alone", Method.LOGLINEAR, False),
        Case(f"{Method.LATENT} alone", Method.LATENT, False),
    ]
    timings = [_time(case, strata, args.draws, args.seed, args.repeat) for case in cases]
    _print_table(warm_up, list(zip(cases, timings, strict=True)), len(strata))
    _print_verdict(args, timings[0])
    return 0


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=20000, help="true persons in all")
    parser.add_argument("--strata", type=int, default=24, help="strata of the breakdown")
    parser.add_argument("--lists", type=int, default=5, help="lists recording every stratum")
    parser.add_argument("--draws", type=int, default=500, help="draws per estimate")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each case")
    parser.add_argument("--seed", type=int, default=2020, help="seed of the simulated strata")
    args = parser.parse_args(argv)
    if args.strata < 1 or args.persons < args.strata or args.lists < 2 or args.repeat < 1:
        parser.error("need --strata >= 1, --persons >= --strata, --lists >= 2, --repeat >= 1")
    return args


def split(persons: int, strata: int) -> list[int]:
    """`persons` over `strata` in a geometric spread, summing exactly, smallest first."""
    ratio = SPREAD ** (1 / (strata - 1)) if strata > 1 else 1.0
    weights = [ratio**i for i in range(strata)]
    exact = [persons * w / sum(weights) for w in weights]
    sizes = [int(x) for x in exact]
    by_remainder = sorted(range(strata), key=lambda i: sizes[i] - exact[i])
    for i in by_remainder[: persons - sum(sizes)]:
        sizes[i] += 1
    return sizes


def build_strata(persons: int, strata: int, lists: int, seed: int) -> tuple[Strata, list[int]]:
    """Each stratum's capture histories, and its true number of persons."""
    sizes = split(persons, strata)
    built: Strata = {}
    for n, toll in enumerate(sizes):
        rng = np.random.default_rng([seed, n])
        capture = tuple(float(p) for p in rng.uniform(*CAPTURE, size=lists))
        built[f"stratum {n + 1:02d}"] = simulate(War(toll, capture), rng)
    return built, sizes


def _warm_up(lists: int, seed: int) -> float:
    """Seconds of a tiny call of both methods: the first fit imports statsmodels."""
    rng = np.random.default_rng([seed, -1 % 2**32])
    tiny = {"warm-up": simulate(War(WARM_UP_TOLL, (0.4,) * lists), rng)}
    start = time.perf_counter()
    estimate_strata(tiny, method=DEFAULT_METHOD, draws=WARM_UP_DRAWS, seed=seed, compare=True)
    return time.perf_counter() - start


def _time(case: Case, strata: Strata, draws: int, seed: int, repeat: int) -> Timing:
    """Wall time of `repeat` runs of one case over all strata."""
    seconds = []
    each: Each = {}
    for _ in range(repeat):
        start = time.perf_counter()
        each, _summed = estimate_strata(
            strata, method=case.method, draws=draws, seed=seed, compare=case.compare
        )
        seconds.append(time.perf_counter() - start)
    return Timing(seconds, each)


def _commit() -> str:
    """The checked-out Rollbook commit, read from .git without running git."""
    try:
        git = HERE.parents[1] / ".git"
        if git.is_file():  # a worktree: .git names the real directory
            git = Path(git.read_text().removeprefix("gitdir:").strip())
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref:"):
            return head[:7]
        ref = head.removeprefix("ref:").strip()
        loose = git / ref
        if loose.is_file():
            return loose.read_text().strip()[:7]
        for line in (git / "packed-refs").read_text().splitlines():
            if line.endswith(" " + ref):
                return line[:7]
    except OSError:
        pass
    return "unknown"


def _print_header(args: argparse.Namespace, pinned: str, strata: Strata, sizes: list[int]) -> None:
    """Where and with what the figures were made, and what was estimated."""
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("numpy", "statsmodels"))
    named = sum(sum(histories.values()) for histories in strata.values())
    print("Multiple systems estimation over strata: speed")
    print(f"date      {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    print(f"machine   {platform.platform()}, {platform.machine()}")
    print(f"python    {platform.python_version()} ({versions})")
    print(f"rollbook  commit {_commit()}")
    print(
        f"options   --persons {args.persons} --strata {args.strata} --lists {args.lists}"
        f" --draws {args.draws} --repeat {args.repeat} --seed {args.seed}"
    )
    print(f"cpu       {pinned}")
    print(f"default   {DEFAULT_METHOD}")
    print(
        f"strata    {len(strata)}, {min(sizes):,}-{max(sizes):,} true persons each"
        f" ({sum(sizes):,} in all), capture p {CAPTURE[0]:g}-{CAPTURE[1]:g} per list"
    )
    print(f"named     {named:,} persons on at least one list ({named / sum(sizes):.1%})")


def _defensible(each: Each) -> str:
    """Strata with a defensible estimate, per method (the one beside too, if any)."""
    counts: dict[Method, int] = {}
    for e in each.values():
        for found in (e, e.other):
            if found is not None:
                counts[found.method] = counts.get(found.method, 0) + found.defensible
    return ", ".join(f"{n}/{len(each)} {m}" for m, n in counts.items())


def _print_table(warm_up: float, timed: Sequence[tuple[Case, Timing]], strata: int) -> None:
    """One row for the warm-up, then one per case."""
    lines = [["what", "median s", "min s", "strata estimated (defensible)"]]
    lines.append([f"warm-up (1 stratum of {WARM_UP_TOLL}, both)", f"{warm_up:.2f}", "", ""])
    for case, t in timed:
        lines.append(
            [
                case.label,
                f"{statistics.median(t.seconds):.2f}",
                f"{min(t.seconds):.2f}",
                _defensible(t.each),
            ]
        )
    report.print_table(f"wall time of estimate_strata over {strata} strata", lines)


def _print_verdict(args: argparse.Namespace, both: Timing) -> None:
    """The issue's target, judged on the median time of both methods together."""
    median = statistics.median(both.seconds)
    met = "met" if median < TARGET_SECONDS else "NOT met"
    print(
        f"\n{args.lists} lists, {args.strata} strata, {args.persons:,} persons under"
        f" {TARGET_SECONDS:g} s on one core: {met} (median {median:.2f} s)"
    )


if __name__ == "__main__":
    sys.exit(main())
