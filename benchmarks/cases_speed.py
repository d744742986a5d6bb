"""How fast Rollbook answers "who is still missing on a date" over a large case register.

    python benchmarks/cases_speed.py [--cases 10000] [--steps 50000] [--repeat 20]
        [--postgresql postgresql://postgres@127.0.0.1:5432/postgres] [--keep DIR]

The target (issue 5): with 10,000 missing-person cases and 50,000 case steps, the
still-missing-on-date query answers in under 200 ms, on SQLite and on PostgreSQL.

The register is built the way users build one:

* a CSV list of ``--cases`` invented, clearly synthetic missing servicemen (``Testov17``,
  ``Ivar17``...; a service number, one of 50 units, one of 20 regions, a date of disappearance
  in September to November 2020) is imported with status missing, published 2020-12-01:
  the import opens one case per person, each with its "reported" step;
* the other ``--steps`` minus ``--cases`` steps are added one journalled write each, through
  the real appliers (``case.step`` with ``apply_step``, ``case.confirm`` with
  ``apply_confirm``), as ``rollbook missing step`` and ``rollbook missing confirm`` do. They
  are learned from December 2020 to June 2021, in date order: steps under search, and a
  resolution as the last step of about half the cases (mostly identified dead on a DNA match,
  confirmed by a second actor two days later; some found alive, returned in a prisoner
  exchange or closed unresolved). The plan is drawn from a fixed seed, so every build is alike.

The build is timed and printed, with the cost of one journalled write of each kind, but it
is not the figure measured. Then, for each day below, ``open_cases(connection, day)`` from
``rollbook.store.case_views`` (what ``rollbook missing`` runs) is timed in its own read
transaction: one first run, shown on its own, then ``--repeat`` timed runs (median and p95).
The CLI path ``rollbook --db X missing --known-on DAY --json`` is timed too, ``--repeat``
times (median), in process with typer's CliRunner: opening the register and printing the
JSON are included, starting Python and importing Rollbook are not.

Without ``--keep`` the SQLite file lives in a temporary directory and the PostgreSQL database
(created fresh on the server given, as ``import_speed.py`` does) is dropped at the end. With
``--keep DIR`` the SQLite file is kept in DIR and the PostgreSQL database is kept under a fixed
name; a later run with the same ``--cases`` and ``--steps`` reuses them and skips the build,
after checking that they hold the whole plan.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import random
import shlex
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from typer.testing import CliRunner

from kept import postgresql_register, sqlite_register
from report import (
    add_run_options,
    at_least,
    commit,
    percentile,
    print_table,
    print_write_costs,
    server_version,
    shown,
)
from rollbook.cli.main import app
from rollbook.ingest.lists import ImportOptions, import_list
from rollbook.model.cases import Step
from rollbook.model.status import Evidence
from rollbook.store.case_views import open_cases
from rollbook.store.cases import CONFIRM_ACTION, STEP_ACTION, apply_confirm, apply_step
from rollbook.store.database import Register
from rollbook.store.schema import case_steps, missing_cases
from rollbook.store.sources import SourceKind

SEED = 2020
TARGET_MS = 200.0
PUBLISHED = dt.date(2020, 12, 1)
DISAPPEARED = (dt.date(2020, 9, 27), dt.date(2020, 11, 10))  # first and last day
LEARNED = (dt.date(2020, 12, 2), dt.date(2021, 6, 30))  # steps are learned in this span
CONFIRM_AFTER = dt.timedelta(days=2)
DAYS = (dt.date(2020, 12, 15), dt.date(2021, 3, 1), dt.date(2021, 7, 1), dt.date.today())
UNITS = 50
REGIONS = 20
PARTY = "Azerbaijan"
IMPORTER, SEARCHER, REVIEWER = "bench-import", "bench-forensics", "bench-reviewer"
# How the resolutions are shared out, and the evidence each is recorded with.
RESOLUTION_WEIGHTS = {
    Step.IDENTIFIED_DEAD: 70,
    Step.FOUND_ALIVE: 10,
    Step.RETURNED: 10,
    Step.CLOSED: 10,
}
EVIDENCE = {
    Step.UNDER_SEARCH: Evidence.OTHER,
    Step.IDENTIFIED_DEAD: Evidence.DNA_MATCH,
    Step.FOUND_ALIVE: Evidence.WITNESS,
    Step.RETURNED: Evidence.PRISONER_EXCHANGE,
    Step.CLOSED: Evidence.OTHER,
}
PROGRESS_EVERY = 5_000


class BenchmarkError(Exception):
    """The register is not what the plan says: the figures would be wrong."""


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True, order=True)
class Planned:
    """One write after the import: a step of a case, or (step None) the confirmation of its
    identification. Ordered by day, then case, then place within the case."""

    day: dt.date
    case: int  # index of the case in import order, from 0
    order: int
    step: Step | None


@dataclass(frozen=True)
class Plan:
    """Every write after the import, in the order they are made."""

    cases: int
    steps: int  # all steps, the reported ones included
    writes: list[Planned]

    @property
    def confirmations(self) -> int:
        return sum(1 for w in self.writes if w.step is None)

    @property
    def resolutions(self) -> dict[Step, int]:
        counted = dict.fromkeys(RESOLUTION_WEIGHTS, 0)
        for w in self.writes:
            if w.step in counted:
                counted[w.step] += 1
        return counted


def make_plan(cases: int, steps: int, seed: int = SEED) -> Plan:
    """Share the steps out: a resolution for about half the cases, the rest under search."""
    rng = random.Random(seed)
    extra = steps - cases
    resolved = set(rng.sample(range(cases), min(cases // 2, extra)))
    counts = [1 if n in resolved else 0 for n in range(cases)]
    for _ in range(extra - len(resolved)):
        counts[rng.randrange(cases)] += 1
    writes: list[Planned] = []
    for case, count in enumerate(counts):
        writes += _case_writes(rng, case, count, case in resolved)
    writes.sort()
    return Plan(cases, steps, writes)


def _case_writes(rng: random.Random, case: int, count: int, resolved: bool) -> list[Planned]:
    """The writes of one case: `count` steps on increasing days, the last a resolution when
    `resolved`, and its confirmation two days later for an identification.

    A resolution's day is drawn evenly over the span and the searches before it, so that
    resolutions come all through the months rather than bunched at the end."""
    span = (LEARNED[1] - LEARNED[0]).days + 1
    if count > span:  # more steps than days: some days hold two
        offsets = sorted(rng.randrange(span) for _ in range(count))
    elif resolved:
        last = rng.randrange(count - 1, span)
        offsets = [*sorted(rng.sample(range(last), count - 1)), last]
    else:
        offsets = sorted(rng.sample(range(span), count))
    days = [LEARNED[0] + dt.timedelta(days=d) for d in offsets]
    kinds = [Step.UNDER_SEARCH] * count
    if resolved:
        weights = list(RESOLUTION_WEIGHTS.values())
        kinds[-1] = rng.choices(list(RESOLUTION_WEIGHTS), weights)[0]
    pairs = zip(days, kinds, strict=True)
    writes = [Planned(day, case, n, kind) for n, (day, kind) in enumerate(pairs)]
    if resolved and kinds[-1] is Step.IDENTIFIED_DEAD:
        writes.append(Planned(days[-1] + CONFIRM_AFTER, case, count, None))
    return writes


# --------------------------------------------------------------------------- building


def write_list(path: Path, cases: int, seed: int = SEED) -> None:
    """A CSV of `cases` invented missing servicemen, with English headers."""
    rng = random.Random(seed + 1)
    span = (DISAPPEARED[1] - DISAPPEARED[0]).days + 1
    headers = [
        "No",
        "Surname",
        "Given name",
        "Service number",
        "Unit",
        "Region",
        "Date of disappearance",
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for n in range(1, cases + 1):
            day = DISAPPEARED[0] + dt.timedelta(days=rng.randrange(span))
            writer.writerow(
                [
                    n,
                    f"Testov{n}",
                    f"Ivar{n % 41}",
                    f"TST-{n:07d}",
                    f"Testunit {rng.randrange(UNITS) + 1:02d}",
                    f"Testregion {rng.randrange(REGIONS) + 1:02d}",
                    day.isoformat(),
                ]
            )


def build(register: Register, plan: Plan, folder: Path) -> None:
    """Build the register of the plan: init, import the list, then every step and
    confirmation as its own journalled write. Prints how long each part took."""
    started = time.perf_counter()
    with register.write("register.init", {}, actor=IMPORTER):
        pass
    path = folder / f"missing-{plan.cases}.csv"
    write_list(path, plan.cases)
    options = ImportOptions(
        kind=SourceKind.OFFICIAL_LIST,
        publisher="Ministry of Defence (synthetic benchmark)",
        published=PUBLISHED,
        language="en",
        status="missing",
        party=PARTY,
    )
    report = import_list(register, path, options, actor=IMPORTER)
    path.unlink()
    imported = time.perf_counter() - started
    if report.cases_opened != plan.cases:
        raise BenchmarkError(f"the import opened {report.cases_opened:,} cases, not {plan.cases:,}")
    print(f"  import of {plan.cases:,} missing persons (opens the cases): {imported:.1f} s")
    costs = write_steps(register, plan)
    seconds = sum(sum(runs) for runs in costs.values())
    per_write = seconds / len(plan.writes) * 1000 if plan.writes else 0.0
    print(
        f"  {len(plan.writes):,} journalled writes ({plan.steps - plan.cases:,} steps, "
        f"{plan.confirmations:,} confirmations): {seconds:.1f} s, {per_write:.2f} ms per write"
    )
    print_write_costs(costs)
    print(f"  build time: {time.perf_counter() - started:.1f} s (not the figure measured)")


def write_steps(register: Register, plan: Plan) -> dict[str, list[float]]:
    """Every planned write, in order, one journalled write each; the seconds of each write,
    by kind of write."""
    with register.read() as connection:
        query = select(missing_cases.c.id).order_by(missing_cases.c.id)
        case_ids = list(connection.execute(query).scalars())
    identified: dict[int, int] = {}  # case index -> id of its identification step
    costs: dict[str, list[float]] = defaultdict(list)
    started = time.perf_counter()
    for n, planned in enumerate(plan.writes, start=1):
        before = time.perf_counter()
        if planned.step is None:
            confirm(register, identified[planned.case], planned.day)
            kind = CONFIRM_ACTION
        else:
            step_id = add_step(register, case_ids[planned.case], planned.step, planned.day)
            if planned.step is Step.IDENTIFIED_DEAD:
                identified[planned.case] = step_id
            kind = f"{STEP_ACTION} {planned.step}"
        costs[kind].append(time.perf_counter() - before)
        if n % PROGRESS_EVERY == 0:
            _progress(n, len(plan.writes), time.perf_counter() - started)
    return dict(costs)


def add_step(register: Register, case_id: int, step: Step, day: dt.date) -> int:
    """One `case.step` write, as `rollbook missing step` makes it; the new step's id."""
    payload = {
        "case_id": case_id,
        "step": step.value,
        "effective": "",
        "learned_on": day.isoformat(),
        "evidence": EVIDENCE[step].value,
        "source_id": None,
        "note": "",
    }
    with register.write(STEP_ACTION, payload, actor=SEARCHER) as work:
        apply_step(work)
    return int(work.payload["step_id"])


def confirm(register: Register, step_id: int, day: dt.date) -> None:
    """One `case.confirm` write by a second actor, as `rollbook missing confirm` makes it."""
    payload = {"step_id": step_id, "confirmed_on": day.isoformat()}
    with register.write(CONFIRM_ACTION, payload, actor=REVIEWER) as work:
        apply_confirm(work)


def _progress(done: int, total: int, seconds: float) -> None:
    rate = seconds / done * 1000
    left = (total - done) * seconds / done
    print(f"    {done:,}/{total:,} writes, {rate:.2f} ms each, about {left:.0f} s left", flush=True)


def holds_plan(register: Register, plan: Plan) -> bool:
    """Whether a kept register holds exactly the plan: its cases, and every step and
    confirmation on its day, in order."""
    steps = select(case_steps.c.case_id, case_steps.c.step, case_steps.c.learned_on)
    steps = steps.where(case_steps.c.step != Step.REPORTED.value).order_by(case_steps.c.id)
    confirmed = select(case_steps.c.case_id, case_steps.c.confirmed_on)
    confirmed = confirmed.where(case_steps.c.confirmed_by.is_not(None))
    try:
        with register.read() as connection:
            query = select(missing_cases.c.id).order_by(missing_cases.c.id)
            index = {case_id: n for n, case_id in enumerate(connection.execute(query).scalars())}
            held = [(index.get(c), s, d) for c, s, d in connection.execute(steps)]
            held_confirmed = sorted((index.get(c), d) for c, d in connection.execute(confirmed))
    except SQLAlchemyError:  # not a register, or an older one
        return False
    planned = [(w.case, w.step.value, w.day.isoformat()) for w in plan.writes if w.step]
    planned_confirmed = sorted((w.case, w.day.isoformat()) for w in plan.writes if not w.step)
    return len(index) == plan.cases and (held, held_confirmed) == (planned, planned_confirmed)


# --------------------------------------------------------------------------- measuring


@dataclass(frozen=True)
class Timing:
    """The timings of one day on one database, in milliseconds, and what was counted."""

    day: dt.date
    first_ms: float
    runs_ms: list[float]
    open_cases: int
    still_missing: int
    cli_ms: list[float]
    cli_still_missing: int

    @property
    def median_ms(self) -> float:
        return statistics.median(self.runs_ms)

    @property
    def p95_ms(self) -> float:
        return percentile(self.runs_ms, 0.95)

    @property
    def cli_median_ms(self) -> float:
        return statistics.median(self.cli_ms)


def ask(register: Register, day: dt.date) -> tuple[float, int, int]:
    """`open_cases` in its own read transaction: milliseconds, open cases, still missing."""
    started = time.perf_counter()
    with register.read() as connection:
        cases = open_cases(connection, day)
    ms = (time.perf_counter() - started) * 1000
    return ms, len(cases), sum(1 for c in cases if c.still_missing)


def ask_cli(runner: CliRunner, db: str, day: dt.date) -> tuple[float, int]:
    """`rollbook --db DB missing --known-on DAY --json` in process: milliseconds, still
    missing as the CLI printed it."""
    argv = ["--db", db, "missing", "--known-on", day.isoformat(), "--json"]
    started = time.perf_counter()
    result = runner.invoke(app, argv)
    ms = (time.perf_counter() - started) * 1000
    if result.exit_code != 0:
        raise BenchmarkError(f"rollbook {shlex.join(argv)} failed:\n{result.output}")
    return ms, int(json.loads(result.stdout)["still_missing"])


def time_day(register: Register, db: str, day: dt.date, repeat: int) -> Timing:
    """Time one day: a first run, `repeat` runs in process, `repeat` runs of the CLI."""
    first_ms, opened, still = ask(register, day)
    runs = [ask(register, day)[0] for _ in range(repeat)]
    runner = CliRunner()
    cli = [ask_cli(runner, db, day) for _ in range(repeat)]
    return Timing(day, first_ms, runs, opened, still, [ms for ms, _ in cli], cli[-1][1])


def measure(register: Register, db: str, repeat: int, title: str) -> None:
    """Time every day on one register, print the table and the verdict."""
    timings = [time_day(register, db, day, repeat) for day in DAYS]
    header = (
        "known on",
        "open cases",
        "still missing",
        "first ms",
        "median ms",
        "p95 ms",
        "CLI median ms",
    )
    lines = [header]
    for t in timings:
        label = f"{t.day.isoformat()}{' (today)' if t.day == dt.date.today() else ''}"
        lines.append(
            (
                label,
                f"{t.open_cases:,}",
                f"{t.still_missing:,}",
                f"{t.first_ms:.1f}",
                f"{t.median_ms:.1f}",
                f"{t.p95_ms:.1f}",
                f"{t.cli_median_ms:.1f}",
            )
        )
    print_table(
        f"{title}: open_cases(connection, day) in process, {repeat} runs after a first run; "
        f"the CLI in process (CliRunner), {repeat} runs",
        lines,
    )
    for t in timings:
        if t.cli_still_missing != t.still_missing:
            print(f"  warning: on {t.day} the CLI counted {t.cli_still_missing:,} still missing")
    worst = max(t.median_ms for t in timings)
    verdict = "met" if worst < TARGET_MS else "NOT met"
    print(
        f"  still missing on a date under {TARGET_MS:.0f} ms: {verdict} "
        f"(worst median {worst:.1f} ms)"
    )


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time the still-missing-on-a-date query over a large case register."
    )
    parser.add_argument(
        "--cases",
        type=at_least(1),
        default=10_000,
        help="missing persons imported, one case each (default 10,000)",
    )
    parser.add_argument(
        "--steps",
        type=at_least(1),
        default=50_000,
        help="case steps in all, the reported ones included (default 50,000)",
    )
    add_run_options(parser)
    args = parser.parse_args(argv)
    if args.steps < args.cases:
        parser.error("--steps counts the reported step of every case: at least --cases")
    return args


def print_header(args: argparse.Namespace, given: Sequence[str], plan: Plan) -> None:
    """What ran, where and when, and what the plan holds."""
    args_shown = [shown(a) if "://" in a else a for a in given]
    print(f"$ python benchmarks/cases_speed.py {shlex.join(args_shown)}".rstrip())
    print(f"date: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}"
    )
    print(f"rollbook: {metadata.version('rollbook')} (commit {commit()})")
    print(
        f"options: --cases {args.cases} --steps {args.steps} --repeat {args.repeat} (seed {SEED})"
    )
    shares = ", ".join(f"{n:,} {step}" for step, n in plan.resolutions.items())
    print(
        f"plan: {plan.cases:,} cases reported by the import of {PUBLISHED}, "
        f"{plan.steps - plan.cases:,} more steps learned {LEARNED[0]} to {LEARNED[1]} "
        f"({shares}; {plan.confirmations:,} confirmations)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(given)
    plan = make_plan(args.cases, args.steps)
    print_header(args, given, plan)
    targets = [("SQLite", None)]
    if args.postgresql:
        targets.append(("PostgreSQL", args.postgresql))
    try:
        for name, server in targets:
            run_one(name, server, plan, args)
    except BenchmarkError as error:
        print(f"\nBENCHMARK FAILED: {error}", file=sys.stderr)
        return 1
    return 0


def run_one(name: str, server: str | None, plan: Plan, args: argparse.Namespace) -> None:
    """Build (or reuse) the register on one database and time the query on it."""
    stem = f"cases-{plan.cases}-{plan.steps}"

    def builder(register: Register, folder: Path) -> None:
        build(register, plan, folder)

    def holds(register: Register) -> bool:
        return holds_plan(register, plan)

    if server is None:
        import sqlite3

        print(f"\n{name} {sqlite3.sqlite_version}")
        registers = sqlite_register(stem, args.keep, builder, holds)
    else:
        print(f"\n{name} {server_version(server)} at {shown(server)}")
        registers = postgresql_register(
            server, f"cases-{plan.cases}-{plan.steps}", args.keep, builder, holds
        )
    with registers as (register, db):
        measure(register, db, args.repeat, name)


if __name__ == "__main__":
    raise SystemExit(main())
