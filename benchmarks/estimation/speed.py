"""How fast multiple systems estimation runs over many strata, on one core.

    python benchmarks/estimation/speed.py [--persons 20000] [--strata 24] [--lists 5]
        [--draws 500] [--repeat 3] [--seed 2020] [--register | --no-register]

Issue 7 sets the target: 5 lists, 24 strata and 20,000 persons estimated in under 10 s on
one core. The script simulates `--persons` true persons (simulate.py), spread unevenly over
`--strata` strata (a fixed geometric spread, the largest stratum `SPREAD` times the
smallest), each stratum with its own capture probabilities for the `--lists` lists, drawn
uniformly from 0.25-0.5. What the lists name goes into ``estimate_strata`` of
``rollbook.analysis.mse`` as one breakdown, timed `--repeat` times each way:

* both methods, the default one with the other beside it (``compare=True``): what
  ``rollbook estimate --by ...`` runs, and the figure the target is judged on with
  ``--no-register``;
* the log-linear method alone;
* the latent-class method alone.

Before those, a tiny call of both methods is timed on its own as the warm-up (the first fit
imports statsmodels).

With ``--register`` (the default), the command a user types is then timed end to end on a
real register made from the same strata: each person a capture history counts is invented
(synthetic names, service number ``SN-000123``, region ``Region 07`` for ``stratum 07``) and
written to the CSV file of every list naming them, one file per list. In a temporary folder,
through ``typer.testing.CliRunner`` in this process, ``rollbook --db FILE init``, one
``import FILE --status killed --published DAY`` per list and ``link`` build a SQLite register
(not timed; how long it took is printed), and ``rollbook --db FILE estimate --by region
--draws DRAWS --json`` is timed `--repeat` times: reading the captures, both methods per
stratum and pooled, and the pooled estimate again from stricter and looser linkage. The
verdict on the target uses that command's median when it ran, the first case's otherwise.

The process is pinned to one core: BLAS and OpenMP thread pools are limited to one thread
before numpy is imported, and the process to one CPU where the system allows it.
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
import csv  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import shlex  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
from collections.abc import Iterator, Sequence  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from importlib import metadata  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402
from simulate import Histories, War, simulate  # noqa: E402
from typer.testing import CliRunner, Result  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # benchmarks/: report.py

import report  # noqa: E402
from rollbook.analysis.methods import DEFAULT_METHOD, Method  # noqa: E402
from rollbook.analysis.mse import Estimate, estimate_strata  # noqa: E402
from rollbook.cli import app  # noqa: E402

SPREAD = 10.0  # the largest stratum's share of the persons over the smallest one's
CAPTURE = (0.25, 0.5)  # range of the capture probabilities, per stratum and list
TARGET_SECONDS = 10.0  # issue 7's target for both methods over the whole breakdown
WARM_UP_TOLL = 300  # persons of the warm-up's one stratum
WARM_UP_DRAWS = 20
HEADER = ("Surname", "Given name", "Service number", "Region")  # of every list's CSV file
ROLLBOOK_ENV = {"ROLLBOOK_ACTOR": "bench", "COLUMNS": "200"}
COMMAND_LABEL = "rollbook estimate --by region (register, SQLite)"

Strata = dict[str, Histories]
Each = dict[str, Estimate]
Row = tuple[str, str, str, str]


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


@dataclass(frozen=True)
class Command:
    """The wall times of `rollbook estimate` end to end, what its last run printed, and how
    long building its register took."""

    seconds: list[float]
    found: dict[str, Any]
    setup: float


class CommandFailed(Exception):
    """A Rollbook command exited non-zero: nothing after it would mean anything."""


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
    command = None
    if args.register:
        try:
            command = time_command(strata, args.lists, args.draws, args.repeat)
        except CommandFailed as error:
            print(f"\n{error}", file=sys.stderr)
            return 1
        _print_command(command, strata)
    _print_table(warm_up, list(zip(cases, timings, strict=True)), command, len(strata))
    _print_verdict(args, timings[0], command)
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
    parser.add_argument(
        "--register",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="time `rollbook estimate --by region` too, on a register of the same strata",
    )
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


def invented_persons(strata: Strata) -> Iterator[tuple[Row, tuple[bool, ...]]]:
    """Each person the strata's histories count, as a row of the lists naming them, with the
    history; every name is synthetic, and the region is the stratum's ("Region 07")."""
    n = 0
    for key, histories in strata.items():
        region = key.replace("stratum", "Region", 1)
        for history, count in sorted(histories.items()):
            for _ in range(count):
                yield (f"Testov{n}", f"Ivar{n % 41}", f"SN-{n:06d}", region), history
                n += 1


def write_lists(folder: Path, strata: Strata, lists: int) -> list[Path]:
    """One CSV file per list (list1.csv...), naming the persons its histories put on it."""
    rows: list[list[Row]] = [[] for _ in range(lists)]
    for row, history in invented_persons(strata):
        for k, named in enumerate(history):
            if named:
                rows[k].append(row)
    paths = []
    for k, listed in enumerate(rows):
        path = folder / f"list{k + 1}.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(HEADER)
            writer.writerows(listed)
        paths.append(path)
    return paths


def published(k: int) -> str:
    """The day list `k` (from 0) was published: the first of a month, one list a month."""
    return dt.date(2021 + k // 12, k % 12 + 1, 1).isoformat()


def rollbook(database: Path, *args: str) -> tuple[Result, float]:
    """Run `rollbook --db DATABASE ARGS...` in this process: its result and the wall time of
    the invoke alone. Raise `CommandFailed`, with what it printed, if it exits non-zero."""
    runner = CliRunner(env=ROLLBOOK_ENV)
    start = time.perf_counter()
    result = runner.invoke(app, ["--db", str(database), *args])
    seconds = time.perf_counter() - start
    if result.exit_code != 0:
        said = f"rollbook {shlex.join(args)} failed (exit code {result.exit_code}):\n"
        said += result.output
        if result.exc_info is not None and not isinstance(result.exception, SystemExit):
            said += "".join(traceback.format_exception(*result.exc_info))
        raise CommandFailed(said)
    return result, seconds


def build_register(folder: Path, strata: Strata, lists: int) -> tuple[Path, float]:
    """A SQLite register in `folder` holding the strata's lists, imported and linked; and the
    seconds it took, writing the files included."""
    start = time.perf_counter()
    database = folder / "register.db"
    rollbook(database, "init")
    for k, path in enumerate(write_lists(folder, strata, lists)):
        rollbook(database, "import", str(path), "--status", "killed", "--published", published(k))
    rollbook(database, "link")
    return database, time.perf_counter() - start


def time_command(strata: Strata, lists: int, draws: int, repeat: int) -> Command:
    """Wall time of `repeat` runs of `rollbook estimate --by region --json` on a register built
    from the strata in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="rollbook-speed-") as folder:
        database, setup = build_register(Path(folder), strata, lists)
        seconds = []
        result = None
        for _ in range(repeat):
            result, taken = rollbook(
                database, "estimate", "--by", "region", "--draws", str(draws), "--json"
            )
            seconds.append(taken)
    assert result is not None  # repeat >= 1
    return Command(seconds, json.loads(result.stdout), setup)


def _print_header(args: argparse.Namespace, pinned: str, strata: Strata, sizes: list[int]) -> None:
    """Where and with what the figures were made, and what was estimated."""
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("numpy", "statsmodels"))
    named = sum(sum(histories.values()) for histories in strata.values())
    print("Multiple systems estimation over strata: speed")
    print(f"date      {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    print(f"machine   {platform.platform()}, {platform.machine()}")
    print(f"python    {platform.python_version()} ({versions})")
    print(f"rollbook  commit {report.commit()}")
    print(
        f"options   --persons {args.persons} --strata {args.strata} --lists {args.lists}"
        f" --draws {args.draws} --repeat {args.repeat} --seed {args.seed}"
        f" --{'' if args.register else 'no-'}register"
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


def _estimated(found: dict[str, Any]) -> str:
    """Strata with an estimate in the command's JSON, per method (the one beside too), and
    which linkage variants the pooled estimate was made again from."""
    counts: dict[str, int] = {}
    for e in found["strata"].values():
        for each in (e, e["other_method"]):
            if each is not None:
                counts[each["method"]] = counts.get(each["method"], 0) + (
                    each["estimate"] is not None
                )
    strata = len(found["strata"])
    linkage = ", ".join(found["linkage"]) or "none"
    both = "" if {"stricter", "looser"} <= set(found["linkage"]) else " (NOT both)"
    per_method = ", ".join(f"{n}/{strata} {m}" for m, n in counts.items()) or f"0/{strata}"
    return f"{per_method}; linkage {linkage}{both}"


def _print_command(command: Command, strata: Strata) -> None:
    """How long the register took to build, and whether it names whom the strata name."""
    named = sum(sum(histories.values()) for histories in strata.values())
    print(
        f"register  SQLite, built in {command.setup:.1f} s (not timed: lists written, init,"
        f" imports, link); the command counts {command.found['pooled']['named']:,} named"
        f" persons pooled ({named:,} simulated)"
    )


def _print_table(
    warm_up: float, timed: Sequence[tuple[Case, Timing]], command: Command | None, strata: int
) -> None:
    """One row for the warm-up, then one per case, then the command's if it ran."""
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
    title = f"wall time over {strata} strata: estimate_strata"
    if command is not None:
        s = command.seconds
        lines.append(
            [
                COMMAND_LABEL,
                f"{statistics.median(s):.2f}",
                f"{min(s):.2f}",
                _estimated(command.found),
            ]
        )
        title += ", then the command end to end"
    report.print_table(title, lines)


def _print_verdict(args: argparse.Namespace, both: Timing, command: Command | None) -> None:
    """The issue's target, judged on the command's median time end to end when it ran, else
    on the median time of estimate_strata with both methods together."""
    if command is not None:
        median, judged = statistics.median(command.seconds), COMMAND_LABEL
    else:
        median, judged = statistics.median(both.seconds), "estimate_strata, both methods"
    met = "met" if median < TARGET_SECONDS else "NOT met"
    print(
        f"\n{args.lists} lists, {args.strata} strata, {args.persons:,} persons under"
        f" {TARGET_SECONDS:g} s on one core: {met} (median {median:.2f} s of {judged})"
    )


if __name__ == "__main__":
    sys.exit(main())
