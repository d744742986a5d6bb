"""How fast Rollbook answers the truce report over a large register of incidents.

    python benchmarks/incidents_speed.py [--incidents 100000] [--verifications 10000]
        [--repeat 20] [--postgresql postgresql://postgres@127.0.0.1:5432/postgres] [--keep DIR]

The target (issue 5): with 100,000 incidents imported, the truce report answers in under
200 ms, on SQLite and on PostgreSQL.

The register is built the way users build one:

* the war's start (2020-09-27) is set and a truce recorded ("Benchmark truce" from
  2020-11-10 between Northland and Southland, monitored by the Joint Monitoring Centre),
  each as one journalled write through its applier, as ``rollbook set`` and
  ``rollbook truce add`` make them;
* ``--incidents`` invented, clearly synthetic incident reports (``Testvillage 17``,
  ``NL-000123``...), dated 2020-09-27 to 2022-12-31, are written as CSV files in Rollbook's
  own columns and imported with ``import_incidents``, one file after another in the order
  they came out. Four publishers each put out a monthly bulletin a few days after the month
  ends: the two parties' ministries of defence, the monitor and a news outlet. (One file per
  publisher would come out only in 2023, and the report as known on any earlier day would
  be empty; hence the days measured fall mid-month.) The points fall in a box of about 220
  by 210 km, each ministry's in its own half of it, the monitor's and the outlet's anywhere;
  nearly all are placed to the spot, a few near it or only to a district or region, and a
  few reports are dated to the month only. Some of the monitor's and the outlet's reports
  repeat a ministry's (same type and day, under a kilometre away) and join its incident;
  chance likenesses join or go to review as they would in use, and the number of incidents
  that results is printed;
* ``--verifications`` verification steps (confirmed, disputed, rejected, each with a
  reason) follow, one journalled write each through ``apply_verify``, as
  ``rollbook incident verify`` makes them: learned days to months after each incident's last
  step, in date order, so that "as known on" has a history to walk.

The plan is drawn from a fixed seed, so every build is alike. The build is timed and
printed (the imports, then the cost of one verification write) but it is not the figure
measured. Then the truce is looked up once and, for each day below,
``truce_report(connection, truce, day)`` from ``rollbook.store.incident_views`` (what
``rollbook truce report`` runs) is timed in its own read transaction: one first run, shown
on its own, then ``--repeat`` timed runs (median and p95). The CLI path
``rollbook --db X truce report "Benchmark truce" --known-on DAY --json`` is timed too,
``--repeat`` times (median), in process with typer's CliRunner: opening the register and
printing the JSON are included, starting Python and importing Rollbook are not.

Without ``--keep`` the SQLite file lives in a temporary directory and the PostgreSQL database
(created fresh on the server given, as ``import_speed.py`` does) is dropped at the end. With
``--keep DIR`` the SQLite file is kept in DIR and the PostgreSQL database is kept under a fixed
name; a later run with the same ``--incidents`` and ``--verifications`` reuses them and skips
the build, after checking that they hold the whole plan.
"""

from __future__ import annotations

import argparse
import calendar
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
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select
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
from rollbook.ingest.incidents import (
    IncidentFileOptions,
    IncidentImportFailed,
    IncidentImportReport,
    import_incidents,
)
from rollbook.model.incidents import IncidentType, Precision, Verification
from rollbook.store.database import Register
from rollbook.store.incident_views import TruceReport, truce_by_name, truce_report
from rollbook.store.incidents import (
    SET_ACTION,
    TRUCE_ACTION,
    VERIFY_ACTION,
    apply_set,
    apply_truce,
    apply_verify,
)
from rollbook.store.schema import (
    incident_pairs,
    incident_reports,
    incident_steps,
    incidents,
    settings,
    sources,
    truces,
)
from rollbook.store.sources import SourceKind

T = TypeVar("T")

SEED = 2020
TARGET_MS = 200.0
WAR_START = dt.date(2020, 9, 27)
LAST_DAY = dt.date(2022, 12, 31)  # of the incidents reported
TRUCE = "Benchmark truce"
TRUCE_START = dt.date(2020, 11, 10)
TRUCE_PARTIES = ("Northland", "Southland")
TRUCE_MONITOR = "Joint Monitoring Centre"
LATITUDES = (39.0, 41.0)
LONGITUDES = (45.0, 47.5)
LINE_OF_CONTACT = 40.0  # a party's ministry reports incidents on its own side of it
DAYS = (dt.date(2020, 12, 15), dt.date(2021, 6, 15), dt.date(2022, 6, 15), dt.date.today())
IMPORTER, REVIEWER = "bench-import", "bench-monitor"
PRECISION_WEIGHTS = {
    Precision.EXACT: 94.0,
    Precision.NEAR: 4.0,
    Precision.DISTRICT: 1.5,
    Precision.REGION: 0.5,
}
MONTH_ONLY_SHARE = 0.02  # reports dated to the month only
REPEAT_SHARE = 0.03  # of the monitor's and the outlet's reports: a ministry's incident again
REPEAT_JITTER = 0.004  # degrees: a repeat lies under a kilometre from the report it repeats
FATALITIES_WEIGHTS = {"": 30, "0": 45, "1": 15, "2": 5, "1-3": 5}
WOUNDED_WEIGHTS = {"": 50, "0": 30, "1": 12, "2": 5, "4": 3}
# Verification: the states an incident goes through, the days between steps, the reasons.
CHAINS = {
    (Verification.CONFIRMED,): 45,
    (Verification.REJECTED,): 15,
    (Verification.DISPUTED,): 10,
    (Verification.DISPUTED, Verification.CONFIRMED): 15,
    (Verification.DISPUTED, Verification.REJECTED): 10,
    (Verification.CONFIRMED, Verification.DISPUTED, Verification.REJECTED): 5,
}
FIRST_STEP_AFTER = (2, 90)  # days after the incident's last step from the imports
NEXT_STEP_AFTER = (3, 60)  # days between a verification step and the next
REASONS = {
    Verification.CONFIRMED: "monitors saw the damage on site (synthetic benchmark)",
    Verification.DISPUTED: "the other party denies it and no monitor was near (synthetic)",
    Verification.REJECTED: "the site visit found nothing that happened that day (synthetic)",
}
PROGRESS_FILES = 20
PROGRESS_WRITES = 2_000
_MINISTRY_TYPES = {
    IncidentType.SHELLING: 35,
    IncidentType.SNIPER_FIRE: 20,
    IncidentType.CLASH: 15,
    IncidentType.DRONE_STRIKE: 10,
    IncidentType.MINE: 5,
    IncidentType.CEASEFIRE_VIOLATION: 10,
    IncidentType.OTHER: 5,
}


class BenchmarkError(Exception):
    """The register is not what the plan says: the figures would be wrong."""


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Publisher:
    """Who puts out a monthly bulletin of incidents, and what it reports."""

    name: str
    prefix: str  # of the ids in its files
    party: str  # whose organ it is; "" for the monitor and the outlet
    kind: SourceKind
    share: int  # its weight among all reports
    delay: int  # days from the month's end to the bulletin
    types: dict[IncidentType, int]
    latitudes: tuple[float, float] = LATITUDES  # where the incidents it reports lie

    @property
    def accused(self) -> str:
        """Whom a party's ministry says fired: the other party."""
        return next((p for p in TRUCE_PARTIES if p != self.party), "") if self.party else ""


PUBLISHERS = (
    Publisher(
        name="Northland Ministry of Defence (synthetic benchmark)",
        prefix="NL",
        party="Northland",
        kind=SourceKind.OFFICIAL_LIST,
        share=35,
        delay=2,
        types=_MINISTRY_TYPES,
        latitudes=(LINE_OF_CONTACT, LATITUDES[1]),
    ),
    Publisher(
        name="Southland Ministry of Defence (synthetic benchmark)",
        prefix="SL",
        party="Southland",
        kind=SourceKind.OFFICIAL_LIST,
        share=35,
        delay=3,
        types=_MINISTRY_TYPES,
        latitudes=(LATITUDES[0], LINE_OF_CONTACT),
    ),
    Publisher(
        name=f"{TRUCE_MONITOR} (synthetic benchmark)",
        prefix="JMC",
        party="",
        kind=SourceKind.NGO_LIST,
        share=20,
        delay=6,
        types={
            IncidentType.CEASEFIRE_VIOLATION: 35,
            IncidentType.SHELLING: 30,
            IncidentType.SNIPER_FIRE: 15,
            IncidentType.CLASH: 10,
            IncidentType.DRONE_STRIKE: 5,
            IncidentType.MINE: 5,
        },
    ),
    Publisher(
        name="Testville Daily (synthetic benchmark outlet)",
        prefix="TD",
        party="",
        kind=SourceKind.NEWS_REPORT,
        share=10,
        delay=1,
        types={
            IncidentType.SHELLING: 30,
            IncidentType.CLASH: 25,
            IncidentType.DRONE_STRIKE: 20,
            IncidentType.SNIPER_FIRE: 10,
            IncidentType.MINE: 10,
            IncidentType.OTHER: 5,
        },
    ),
)


@dataclass(frozen=True, slots=True)
class PlannedReport:
    """One row of a bulletin: an invented report of an incident."""

    number: int  # from 1, in the order drawn
    publisher: int  # index into PUBLISHERS
    day: dt.date
    month_only: bool
    type: IncidentType
    lat: float
    lon: float
    precision: Precision
    fatalities: str
    wounded: str
    repeats: int | None = None  # the number of the ministry's report it repeats


@dataclass(frozen=True)
class Bulletin:
    """One file: a publisher's reports of the incidents of one month."""

    publisher: int
    month: dt.date  # its first day
    published: dt.date
    reports: list[PlannedReport]

    @property
    def filename(self) -> str:
        return f"{PUBLISHERS[self.publisher].prefix.lower()}-{self.month:%Y-%m}.csv"


@dataclass(frozen=True)
class Plan:
    """Every report, in the bulletins they are imported in, and how many verification
    steps follow (they are drawn once the imports have made the incidents)."""

    incidents: int  # reports imported
    verifications: int
    bulletins: list[Bulletin]

    def reports(self) -> Iterator[PlannedReport]:
        for bulletin in self.bulletins:
            yield from bulletin.reports

    @property
    def repeats(self) -> int:
        return sum(1 for r in self.reports() if r.repeats is not None)

    @property
    def month_only(self) -> int:
        return sum(1 for r in self.reports() if r.month_only)


def make_plan(incidents: int, verifications: int, seed: int = SEED) -> Plan:
    """Draw the reports, make some of the monitor's and the outlet's repeat a ministry's,
    and share them out into monthly bulletins, ordered as they came out."""
    rng = random.Random(seed)
    span = (LAST_DAY - WAR_START).days + 1
    weights = [p.share for p in PUBLISHERS]
    drawn: list[PlannedReport] = []
    for number in range(1, incidents + 1):
        publisher = rng.choices(range(len(PUBLISHERS)), weights)[0]
        drawn.append(
            PlannedReport(
                number=number,
                publisher=publisher,
                day=WAR_START + dt.timedelta(days=rng.randrange(span)),
                month_only=rng.random() < MONTH_ONLY_SHARE,
                type=_drawn(rng, PUBLISHERS[publisher].types),
                lat=round(rng.uniform(*PUBLISHERS[publisher].latitudes), 5),
                lon=round(rng.uniform(*LONGITUDES), 5),
                precision=_drawn(rng, PRECISION_WEIGHTS),
                fatalities=_drawn(rng, FATALITIES_WEIGHTS),
                wounded=_drawn(rng, WOUNDED_WEIGHTS),
            )
        )
    originals = [r for r in drawn if PUBLISHERS[r.publisher].party and not r.month_only]
    for n, planned in enumerate(drawn):
        if PUBLISHERS[planned.publisher].party or not originals:
            continue
        if rng.random() < REPEAT_SHARE:
            original = rng.choice(originals)
            drawn[n] = replace(
                planned,
                day=original.day,
                month_only=False,
                type=original.type,
                lat=round(original.lat + rng.uniform(-REPEAT_JITTER, REPEAT_JITTER), 5),
                lon=round(original.lon + rng.uniform(-REPEAT_JITTER, REPEAT_JITTER), 5),
                precision=Precision.EXACT,
                repeats=original.number,
            )
    grouped: defaultdict[tuple[int, dt.date], list[PlannedReport]] = defaultdict(list)
    for planned in drawn:
        grouped[planned.publisher, planned.day.replace(day=1)].append(planned)
    bulletins: list[Bulletin] = []
    for (publisher, month), rows in grouped.items():
        published = _month_end(month) + dt.timedelta(days=PUBLISHERS[publisher].delay)
        in_order = sorted(rows, key=lambda r: (r.day, r.number))
        bulletins.append(Bulletin(publisher, month, published, in_order))
    bulletins.sort(key=lambda b: (b.published, b.publisher))
    return Plan(incidents, verifications, bulletins)


def _drawn(rng: random.Random, weights: Mapping[T, float]) -> T:
    """One of the keys of `weights`, drawn in proportion to its weight."""
    return rng.choices(list(weights), list(weights.values()))[0]


def _month_end(month: dt.date) -> dt.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


@dataclass(frozen=True, order=True)
class PlannedStep:
    """One verification write: ordered by day, then incident, then place in its chain."""

    day: dt.date
    incident_id: int
    order: int
    state: Verification


def plan_verifications(
    last_steps: dict[int, dt.date], count: int, seed: int = SEED
) -> list[PlannedStep]:
    """`count` verification steps over incidents drawn at random, each incident's chain
    learned after its `last_steps` day, in the order they are written."""
    rng = random.Random(seed + 2)
    chains, chain_weights = list(CHAINS), list(CHAINS.values())
    today = dt.date.today()
    steps: list[PlannedStep] = []
    for incident_id in rng.sample(sorted(last_steps), len(last_steps)):
        if len(steps) >= count:
            break
        chain = rng.choices(chains, chain_weights)[0][: count - len(steps)]
        day = last_steps[incident_id]
        for order, state in enumerate(chain):
            gap = FIRST_STEP_AFTER if order == 0 else NEXT_STEP_AFTER
            day = min(today, day + dt.timedelta(days=rng.randint(*gap)))
            steps.append(PlannedStep(day, incident_id, order, state))
    if len(steps) < count:
        raise BenchmarkError(f"{len(last_steps):,} incidents cannot take {count:,} steps")
    return sorted(steps)


def imported_last_steps(register: Register) -> dict[int, dt.date]:
    """The day of each incident's last step as the imports left it (before any
    verification), by incident id."""
    s = incident_steps.c
    query = (
        select(s.incident_id, func.max(s.learned_on))
        .where(s.actor == IMPORTER)
        .group_by(s.incident_id)
    )
    with register.read() as connection:
        rows = connection.execute(query)
        return {incident_id: dt.date.fromisoformat(day) for incident_id, day in rows}


# --------------------------------------------------------------------------- building


COLUMNS = [
    "id",
    "type",
    "date",
    "place",
    "area",
    "latitude",
    "longitude",
    "precision",
    "reported_by",
    "reporting_party",
    "perpetrator",
    "target",
    "fatalities",
    "wounded",
    "description",
]


def write_bulletin(path: Path, bulletin: Bulletin) -> None:
    """A bulletin as a CSV file in Rollbook's own columns, its rows in date order."""
    publisher = PUBLISHERS[bulletin.publisher]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for r in bulletin.reports:
            external_id = f"{publisher.prefix}-{r.number:06d}"
            writer.writerow(
                [
                    external_id,
                    r.type.value,
                    f"{r.day:%Y-%m}" if r.month_only else r.day.isoformat(),
                    f"Testvillage {r.number % 397 + 1}",
                    f"Testdistrict {r.number % 23 + 1:02d}",
                    f"{r.lat:.5f}",
                    f"{r.lon:.5f}",
                    r.precision.value,
                    publisher.name,
                    publisher.party,
                    publisher.accused,
                    f"{publisher.party} positions" if publisher.party else "",
                    r.fatalities,
                    r.wounded,
                    f"synthetic benchmark incident {external_id}",
                ]
            )


@dataclass
class Tally:
    """What the imports of one publisher's bulletins did."""

    files: int = 0
    rows: int = 0
    new: int = 0
    joined: int = 0
    review: int = 0
    corroborated: int = 0
    seconds: float = 0.0

    def add(self, report: IncidentImportReport, seconds: float) -> None:
        self.files += 1
        self.rows += report.rows
        self.new += report.new
        self.joined += report.joined
        self.review += report.review
        self.corroborated += report.corroborated
        self.seconds += seconds

    def merge(self, other: Tally) -> None:
        self.files += other.files
        self.rows += other.rows
        self.new += other.new
        self.joined += other.joined
        self.review += other.review
        self.corroborated += other.corroborated
        self.seconds += other.seconds


def build(register: Register, plan: Plan, folder: Path) -> None:
    """Build the register of the plan: init, the war's start and the truce, every
    bulletin imported in turn, then every verification step as its own journalled write.
    Prints how long each part took."""
    started = time.perf_counter()
    with register.write("register.init", {}, actor=IMPORTER):
        pass
    war_start = {"key": "war_start", "value": WAR_START.isoformat()}
    with register.write(SET_ACTION, war_start, actor=IMPORTER) as work:
        apply_set(work)
    truce = {
        "name": TRUCE,
        "parties": list(TRUCE_PARTIES),
        "starts_on": TRUCE_START.isoformat(),
        "ends_on": "",
        "monitor": TRUCE_MONITOR,
        "source_id": None,
    }
    with register.write(TRUCE_ACTION, truce, actor=IMPORTER) as work:
        apply_truce(work)
    tallies = import_bulletins(register, plan, folder)
    print_tallies(tallies)
    last_steps = imported_last_steps(register)
    steps = plan_verifications(last_steps, plan.verifications)
    costs = write_verifications(register, steps)
    seconds = sum(sum(runs) for runs in costs.values())
    per_write = seconds / len(steps) * 1000 if steps else 0.0
    print(
        f"  {len(steps):,} verification steps on {len({s.incident_id for s in steps}):,} "
        f"incidents, one journalled write each: {seconds:.1f} s, {per_write:.2f} ms per write"
    )
    print_write_costs(costs)
    print(f"  build time: {time.perf_counter() - started:.1f} s (not the figure measured)")


def import_bulletins(register: Register, plan: Plan, folder: Path) -> dict[str, Tally]:
    """Write and import every bulletin in turn; what the imports did, by publisher."""
    tallies = {p.name: Tally() for p in PUBLISHERS}
    started = time.perf_counter()
    for n, bulletin in enumerate(plan.bulletins, start=1):
        publisher = PUBLISHERS[bulletin.publisher]
        path = folder / bulletin.filename
        write_bulletin(path, bulletin)
        options = IncidentFileOptions(
            title=f"{publisher.name}: incidents of {bulletin.month:%B %Y}",
            publisher=publisher.name,
            published=bulletin.published,
            kind=publisher.kind,
        )
        before = time.perf_counter()
        try:
            report = import_incidents(register, path, options, actor=IMPORTER)
        except IncidentImportFailed as error:
            shown_problems = "; ".join(
                f"row {p.row}: {p.reason}" for p in error.report.problems[:3]
            )
            raise BenchmarkError(f"{path.name} was refused: {shown_problems}") from None
        seconds = time.perf_counter() - before
        path.unlink()
        if report.duplicate_of is not None or report.rows != len(bulletin.reports):
            raise BenchmarkError(f"{path.name}: imported {report.rows:,} of its reports")
        tallies[publisher.name].add(report, seconds)
        if n % PROGRESS_FILES == 0:
            rows = sum(t.rows for t in tallies.values())
            elapsed = time.perf_counter() - started
            print(
                f"    {n}/{len(plan.bulletins)} files, {rows:,} reports, {elapsed:.1f} s",
                flush=True,
            )
    return tallies


def print_tallies(tallies: dict[str, Tally]) -> None:
    """What the imports did, by publisher and in all."""
    header = (
        "publisher",
        "files",
        "reports",
        "new",
        "joined",
        "review",
        "corroborated",
        "seconds",
        "reports/s",
    )
    total = Tally()
    for tally in tallies.values():
        total.merge(tally)
    lines = [header]
    for name, t in [*tallies.items(), ("all", total)]:
        rate = t.rows / t.seconds if t.seconds else 0.0
        lines.append(
            (
                name,
                f"{t.files:,}",
                f"{t.rows:,}",
                f"{t.new:,}",
                f"{t.joined:,}",
                f"{t.review:,}",
                f"{t.corroborated:,}",
                f"{t.seconds:.1f}",
                f"{rate:,.0f}",
            )
        )
    print_table("  Imports (review: a new incident with a pair for a reviewer):", lines)
    print(
        f"  imports: {total.rows:,} reports made {total.new + total.review:,} incidents "
        f"({total.joined:,} reports joined an incident already there): {total.seconds:.1f} s"
    )


def write_verifications(register: Register, steps: list[PlannedStep]) -> dict[str, list[float]]:
    """Every planned verification step, in order, one journalled write each; the seconds of
    each write, by state."""
    costs: dict[str, list[float]] = defaultdict(list)
    started = time.perf_counter()
    for n, step in enumerate(steps, start=1):
        payload = {
            "incident_id": step.incident_id,
            "state": step.state.value,
            "reason": REASONS[step.state],
            "learned_on": step.day.isoformat(),
            "source_id": None,
        }
        before = time.perf_counter()
        with register.write(VERIFY_ACTION, payload, actor=REVIEWER) as work:
            apply_verify(work)
        costs[f"{VERIFY_ACTION} {step.state}"].append(time.perf_counter() - before)
        if n % PROGRESS_WRITES == 0:
            _progress(n, len(steps), time.perf_counter() - started)
    return dict(costs)


def _progress(done: int, total: int, seconds: float) -> None:
    rate = seconds / done * 1000
    left = (total - done) * seconds / done
    print(f"    {done:,}/{total:,} writes, {rate:.2f} ms each, about {left:.0f} s left", flush=True)


def holds_plan(register: Register, plan: Plan) -> bool:
    """Whether a kept register holds exactly the plan: the war's start, the truce, every
    report from its bulletin, and every verification step on its day, in order."""
    s = incident_steps.c
    stored_steps = (
        select(s.incident_id, s.state, s.learned_on).where(s.actor == REVIEWER).order_by(s.id)
    )
    try:
        with register.read() as connection:
            reports = connection.execute(select(func.count()).select_from(incident_reports))
            files = connection.execute(select(func.count()).select_from(sources))
            war_start = connection.execute(
                select(settings.c.value).where(settings.c.key == "war_start")
            ).scalar_one_or_none()
            truce = connection.execute(select(truces.c.id).where(truces.c.name == TRUCE))
            held = (reports.scalar_one(), files.scalar_one(), war_start, truce.first() is not None)
            held_steps = [tuple(row) for row in connection.execute(stored_steps)]
        planned = (plan.incidents, len(plan.bulletins), WAR_START.isoformat(), True)
        if held != planned:
            return False
        steps = plan_verifications(imported_last_steps(register), plan.verifications)
    except (SQLAlchemyError, BenchmarkError):  # not a register, an older one, or cut short
        return False
    return held_steps == [(p.incident_id, p.state.value, p.day.isoformat()) for p in steps]


def describe(register: Register) -> None:
    """What the register holds: incidents, reports, pairs for review, states now."""
    i = incidents.c
    with register.read() as connection:
        live = select(func.count()).select_from(incidents).where(i.merged_into.is_(None))
        held = connection.execute(live).scalar_one()
        reports = connection.execute(select(func.count()).select_from(incident_reports))
        report_count = reports.scalar_one()
        steps = connection.execute(select(func.count()).select_from(incident_steps))
        step_count = steps.scalar_one()
        pairs = connection.execute(select(func.count()).select_from(incident_pairs))
        pair_count = pairs.scalar_one()
        by_state = select(i.state, func.count()).where(i.merged_into.is_(None)).group_by(i.state)
        states = Counter({state: n for state, n in connection.execute(by_state)})
    now = ", ".join(f"{states[v.value]:,} {v.value}" for v in Verification if states[v.value])
    print(
        f"  register: {held:,} incidents from {report_count:,} reports, {step_count:,} "
        f"verification steps (first reports included), {pair_count:,} pairs for a reviewer; "
        f"states now: {now}"
    )


# --------------------------------------------------------------------------- measuring


@dataclass(frozen=True)
class Timing:
    """The timings of one day on one database, in milliseconds, and what was counted."""

    day: dt.date
    first_ms: float
    runs_ms: list[float]
    counted: int
    rejected: int
    days: int
    cli_ms: list[float]
    cli_counted: int

    @property
    def median_ms(self) -> float:
        return statistics.median(self.runs_ms)

    @property
    def p95_ms(self) -> float:
        return percentile(self.runs_ms, 0.95)

    @property
    def cli_median_ms(self) -> float:
        return statistics.median(self.cli_ms)


def ask(register: Register, truce: dict[str, Any], day: dt.date) -> tuple[float, TruceReport]:
    """`truce_report` in its own read transaction: milliseconds, and the report."""
    started = time.perf_counter()
    with register.read() as connection:
        report = truce_report(connection, truce, day)
    return (time.perf_counter() - started) * 1000, report


def ask_cli(runner: CliRunner, db: str, day: dt.date) -> tuple[float, int]:
    """`rollbook --db DB truce report TRUCE --known-on DAY --json` in process:
    milliseconds, and the incidents counted as the CLI printed them."""
    argv = ["--db", db, "truce", "report", TRUCE, "--known-on", day.isoformat(), "--json"]
    started = time.perf_counter()
    result = runner.invoke(app, argv)
    ms = (time.perf_counter() - started) * 1000
    if result.exit_code != 0:
        raise BenchmarkError(f"rollbook {shlex.join(argv)} failed:\n{result.output}")
    return ms, int(json.loads(result.stdout)["counted"])


def time_day(
    register: Register, db: str, truce: dict[str, Any], day: dt.date, repeat: int
) -> Timing:
    """Time one day: a first run, `repeat` runs in process, `repeat` runs of the CLI."""
    first_ms, report = ask(register, truce, day)
    runs = [ask(register, truce, day)[0] for _ in range(repeat)]
    runner = CliRunner()
    cli = [ask_cli(runner, db, day) for _ in range(repeat)]
    return Timing(
        day=day,
        first_ms=first_ms,
        runs_ms=runs,
        counted=report.counted,
        rejected=report.totals[Verification.REJECTED.value],
        days=len(report.by_day),
        cli_ms=[ms for ms, _ in cli],
        cli_counted=cli[-1][1],
    )


def measure(register: Register, db: str, repeat: int, title: str) -> None:
    """Time every day on one register, print the table and the verdict."""
    with register.read() as connection:
        truce = truce_by_name(connection, TRUCE)
    if truce is None:
        where = shown(db) if "://" in db else db
        raise BenchmarkError(f"no truce {TRUCE!r} in {where}")
    timings = [time_day(register, db, truce, day, repeat) for day in DAYS]
    header = (
        "known on",
        "counted",
        "rejected",
        "days",
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
                f"{t.counted:,}",
                f"{t.rejected:,}",
                f"{t.days:,}",
                f"{t.first_ms:.1f}",
                f"{t.median_ms:.1f}",
                f"{t.p95_ms:.1f}",
                f"{t.cli_median_ms:.1f}",
            )
        )
    print_table(
        f"{title}: truce_report(connection, truce, day) in process, {repeat} runs after a "
        f"first run; the CLI in process (CliRunner), {repeat} runs",
        lines,
    )
    print(
        "  (counted: incidents counted against the truce, rejected ones left out; days: "
        "rows of the report by day)"
    )
    for t in timings:
        if t.cli_counted != t.counted:
            print(f"  warning: on {t.day} the CLI counted {t.cli_counted:,} incidents")
    worst = max(t.median_ms for t in timings)
    verdict = "met" if worst < TARGET_MS else "NOT met"
    print(
        f"  target: truce report under {TARGET_MS:.0f} ms: {verdict} (worst median {worst:.1f} ms)"
    )


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time the truce report over a large register of incidents."
    )
    parser.add_argument(
        "--incidents",
        type=at_least(1),
        default=100_000,
        help="incident reports imported, in monthly bulletins (default 100,000)",
    )
    parser.add_argument(
        "--verifications",
        type=at_least(0),
        default=10_000,
        help="verification steps written after the imports (default 10,000)",
    )
    add_run_options(parser)
    return parser.parse_args(argv)


def print_header(args: argparse.Namespace, given: Sequence[str], plan: Plan) -> None:
    """What ran, where and when, and what the plan holds."""
    args_shown = [shown(a) if "://" in a else a for a in given]
    print(f"$ python benchmarks/incidents_speed.py {shlex.join(args_shown)}".rstrip())
    print(f"date: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}"
    )
    print(f"rollbook: {metadata.version('rollbook')} (commit {commit()})")
    print(
        f"options: --incidents {args.incidents} --verifications {args.verifications} "
        f"--repeat {args.repeat} (seed {SEED})"
    )
    by_publisher = Counter(r.publisher for r in plan.reports())
    shares = ", ".join(f"{by_publisher[n]:,} {p.prefix}" for n, p in enumerate(PUBLISHERS))
    print(
        f"plan: war from {WAR_START}; truce {TRUCE!r} from {TRUCE_START}; {plan.incidents:,} "
        f"reports dated {WAR_START} to {LAST_DAY} in {len(plan.bulletins)} monthly bulletins "
        f"({shares}; {plan.repeats:,} repeat a ministry's report, {plan.month_only:,} dated "
        f"to the month only); then {plan.verifications:,} verification steps"
    )


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(given)
    plan = make_plan(args.incidents, args.verifications)
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
    """Build (or reuse) the register on one database and time the report on it."""
    stem = f"incidents-{plan.incidents}-{plan.verifications}"

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
        registers = postgresql_register(server, stem, args.keep, builder, holds)
    with registers as (register, db):
        describe(register)
        measure(register, db, args.repeat, name)


if __name__ == "__main__":
    raise SystemExit(main())
