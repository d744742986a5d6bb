"""How fast tolls are answered from an existing register.

    python benchmarks/toll_speed.py --db FILE_OR_URL [--repeat 20]

Use a register with many records, e.g. the one ``import_speed.py --keep`` leaves in
benchmarks/out (a SQLite file, or a ``postgresql://`` URL that it prints).

In process (Rollbook imported, the register opened once), each toll below is asked ``--repeat``
times, each time in its own read transaction as the CLI does: ``toll(connection, filter, by)``
from ``rollbook.analysis.tolls``, counting the status "killed":

* by month, as known on 2021-01-01 (``known_on`` = the ordinal of that day): the toll the
  issue sets a target for (under 100 ms over 1,000,000 records);
* by month, as known now (no ``known_on``);
* by region and by unit, as known on 2021-01-01.

Each query is run once more before the repeats; that first run is shown on its own
("first ms": cold caches, statement compilation) and left out of the median and best.

Then the CLI is timed once end to end,
``rollbook --db X toll --by month --known-on 2021-01-01 --json``, which includes starting Python
and importing Rollbook; ``rollbook --help`` is timed too, to show what start-up alone costs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from sqlalchemy.engine import make_url

from report import print_table
from rollbook.analysis.tolls import Toll, toll
from rollbook.store.database import Register, RegisterError
from rollbook.store.tolls import TollFilter

KNOWN_ON = dt.date(2021, 1, 1)
STATUSES = ["killed"]
TARGET_MS = 100.0  # the target for the first query, over 1,000,000 records


@dataclass(frozen=True)
class Query:
    """One toll to time."""

    label: str
    by: str
    where: TollFilter


QUERIES = [
    Query(
        "by month, known on 2021-01-01",
        "month",
        TollFilter(statuses=STATUSES, known_on=KNOWN_ON.toordinal()),
    ),
    Query("by month, known now", "month", TollFilter(statuses=STATUSES)),
    Query(
        "by region, known on 2021-01-01",
        "region",
        TollFilter(statuses=STATUSES, known_on=KNOWN_ON.toordinal()),
    ),
    Query(
        "by unit, known on 2021-01-01",
        "unit",
        TollFilter(statuses=STATUSES, known_on=KNOWN_ON.toordinal()),
    ),
]


@dataclass(frozen=True)
class Timing:
    """The timings of one query, in milliseconds, and what it counted."""

    query: Query
    first_ms: float
    runs_ms: list[float]
    persons: int
    keys: int

    @property
    def median_ms(self) -> float:
        return statistics.median(self.runs_ms)

    @property
    def best_ms(self) -> float:
        return min(self.runs_ms)


def ask(register: Register, query: Query) -> tuple[float, Toll]:
    """One toll in its own read transaction; its wall time in milliseconds and its result."""
    started = time.perf_counter()
    with register.read() as connection:
        result = toll(connection, query.where, query.by)
    return (time.perf_counter() - started) * 1000, result


def time_query(register: Register, query: Query, repeat: int) -> Timing:
    first_ms, result = ask(register, query)
    runs = [ask(register, query)[0] for _ in range(repeat)]
    persons = sum(result.totals.values())
    return Timing(query, first_ms, runs, persons, len(result.rows))


def print_timings(timings: Sequence[Timing], repeat: int) -> None:
    header = ("toll (status killed)", "persons", "rows", "first ms", "median ms", "best ms")
    lines = [header]
    for t in timings:
        lines.append(
            (
                t.query.label,
                f"{t.persons:,}",
                f"{t.keys:,}",
                f"{t.first_ms:.1f}",
                f"{t.median_ms:.1f}",
                f"{t.best_ms:.1f}",
            )
        )
    print_table(
        f"In process, {repeat} runs each after a first run (median and best of the {repeat}):",
        lines,
    )


def time_cli(rollbook: str, db: str) -> None:
    """Time the toll through the CLI once, and the CLI's start-up alone once."""
    command = [rollbook, "--db", db, "toll", "--by", "month"]
    command += ["--known-on", KNOWN_ON.isoformat(), "--json"]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    shown = shlex.join(["rollbook", "--db", _shown(db), *command[3:]])
    if done.returncode != 0:
        print(f"\nCLI FAILED (exit code {done.returncode}): {shown}\n{done.stderr}")
        raise SystemExit(1)
    persons = sum(json.loads(done.stdout)["totals"].values())
    started = time.perf_counter()
    subprocess.run([rollbook, "--help"], capture_output=True, check=True)
    startup = time.perf_counter() - started
    print("\nCLI end to end, once (includes starting Python and importing Rollbook):")
    print(f"  $ {shown}")
    print(f"  {seconds * 1000:,.0f} ms, {persons:,} persons")
    print(f"  for comparison, `rollbook --help` alone: {startup * 1000:,.0f} ms")


def _shown(text: str) -> str:
    """A database URL with any password hidden; anything else as it is."""
    if "://" not in text:
        return text
    return make_url(text).render_as_string(hide_password=True)


def _rollbook() -> str:
    beside = Path(sys.executable).parent / "rollbook"
    found = str(beside) if beside.exists() else shutil.which("rollbook")
    if found is None:
        print("no `rollbook` command: install the package (pip install -e .)", file=sys.stderr)
        raise SystemExit(1)
    return found


def _repeat(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("repeat at least once")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time tolls over an existing register.")
    parser.add_argument(
        "--db", required=True, help="the register: a SQLite file or a postgresql:// URL"
    )
    parser.add_argument(
        "--repeat", type=_repeat, default=20, help="timed runs per query (default 20)"
    )
    given = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(given)
    db: str = args.db
    if "://" not in db and not Path(db).exists():
        print(f"no register at {db}: run benchmarks/import_speed.py --keep first", file=sys.stderr)
        return 1
    try:
        register = Register.open(db)
    except RegisterError as error:
        print(f"cannot open {db}: {error}", file=sys.stderr)
        return 1

    print(f"$ python benchmarks/toll_speed.py {shlex.join(_shown(a) for a in given)}")
    print(f"date: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}"
    )
    print(f"rollbook: {metadata.version('rollbook')}; database: {register.dialect}")

    with register:
        timings = [time_query(register, query, args.repeat) for query in QUERIES]
    print_timings(timings, args.repeat)
    main_query = timings[0]
    if main_query.persons == 0:
        print("  warning: the first toll counted nobody; is this the benchmark register?")
    verdict = "met" if main_query.median_ms < TARGET_MS else "NOT met"
    print(
        f"  target: {main_query.query.label} under {TARGET_MS:.0f} ms (stated for 1,000,000 "
        f"records): {verdict} (median {main_query.median_ms:.1f} ms)"
    )
    time_cli(_rollbook(), db)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
