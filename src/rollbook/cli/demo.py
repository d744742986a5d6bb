"""`rollbook demo`: build the demo register from the bundled synthetic lists and show it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Annotated

import typer

from rollbook.analysis.claims import claim_timeline
from rollbook.analysis.tolls import toll
from rollbook.cli.common import console, fail
from rollbook.cli.estimates import print_summary
from rollbook.cli.reads import print_toll
from rollbook.demo.truce import TRUCE, DemoTruce
from rollbook.ingest.lists import ImportFailed
from rollbook.model.incidents import Verification
from rollbook.store.case_views import open_cases, waiting_confirmation
from rollbook.store.database import Register, RegisterError
from rollbook.store.incident_views import TruceReport, truce_by_name, truce_report
from rollbook.store.tolls import TollFilter

#: Bootstrap draws for the demo's estimate: enough for its interval, quick to print.
DEMO_DRAWS = 200
#: The days the demo counts the still missing on: the ministry's statement, then monthly.
MISSING_ON = tuple(
    dt.date.fromisoformat(d) for d in ("2021-01-08", "2021-02-01", "2021-03-01", "2021-04-01")
)
#: The days the demo counts the truce's violations on: before and after the monitor's list.
TRUCE_ON = (dt.date(2020, 10, 27), dt.date(2020, 12, 31))


def demo(
    folder: Annotated[
        Path, typer.Option(help="Folder for the demo register and its lists (replaced)")
    ] = Path("demo"),
) -> None:
    """Build a demo register from synthetic lists; print its tolls, claims, estimate, missing.

    Example: rollbook demo --folder demo
    """
    # The lists' generator and the estimation's numerics load only for the demo.
    from rollbook.analysis.estimates import estimate_uncounted
    from rollbook.demo.build import build_demo

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    database = folder / "rollbook.db"
    try:
        register = Register.create(str(database))
    except RegisterError as error:
        raise fail(str(error)) from None
    with register:
        with register.write("register.init", {}, actor="demo"):
            pass
        try:
            built = build_demo(register, folder / "lists")
        except ImportFailed as failed:
            raise fail(str(failed)) from None
        console.print(f"Rollbook demo register at {database} (all names synthetic)\n")
        for name, report in built.imports.items():
            console.print(
                f"  source {report.source_id}: {Path(report.path).name} ({name}): "
                f"{report.records:,} records, {report.new_persons:,} new persons, "
                f"{report.joined_persons:,} joined by service number"
            )
        linked = built.link
        console.print(
            f"  linked across spellings and scripts: {linked.linked:,} pairs of records "
            f"joined, {linked.review:,} pairs left for a reviewer (rollbook review)"
        )
        console.print(
            f"  {built.claims} announced figures read from the statements (rollbook read)\n"
        )
        with register.read() as connection:
            print_toll(toll(connection, TollFilter()), None, None, None)
            print_toll(
                toll(connection, TollFilter(statuses=["killed"]), "source"), None, None, None
            )
            lines = claim_timeline(connection)
            console.print("Announced figures beside the names known on their dates", style="bold")
            for line in lines:
                c = line.claim
                revised = f", revising claim {line.revises}" if line.revises else ""
                named = (
                    ""
                    if line.named is None
                    else (
                        f"; named {c.category.value} known then: {line.named:,} (gap {line.gap:+,})"
                    )
                )
                console.print(
                    f"  [{c.id}] {c.as_of.iso()} {c.claimant}: {c.figure} {c.category.value}"
                    f"{revised}{named}"
                )
            killed = TollFilter(statuses=["killed"])
            found = estimate_uncounted(connection, killed, draws=DEMO_DRAWS)
            still = {day: [c for c in open_cases(connection, day) if c.still_missing]
                     for day in MISSING_ON}  # fmt: skip
            waiting = waiting_confirmation(connection)
            truce = truce_by_name(connection, TRUCE)
            assert truce is not None
            violations = [truce_report(connection, truce, day) for day in TRUCE_ON]
        print_summary(found, "killed")
        console.print("\nStill missing (open missing-person cases), as known on", style="bold")
        for day, cases in still.items():
            console.print(f"  {day.isoformat()}: {len(cases)}")
        console.print(
            f"  {built.resolved} cases resolved since 8 January; {len(waiting)} identification"
            " waits for a second person's confirmation (rollbook missing show)"
        )
        for case in still[MISSING_ON[-1]]:
            console.print(f"  case {case.case_id}, person {case.person_id}: {case.name}")
        _print_truce(built.truce, violations)
        console.print(
            f"\nExplore it: rollbook --db {database} toll --by month --known-on 2020-12-31"
        )


def _print_truce(built: DemoTruce, reports: list[TruceReport]) -> None:
    """The truce: what the two files added, and the violations counted as known on each
    day of TRUCE_ON."""
    truce = reports[0].truce
    console.print(f"\nTruce: {truce['name']}, from {truce['starts_on']}; monitor "
                  f"{truce['monitor']}", style="bold")  # fmt: skip
    for name, imported in built.imports.items():
        console.print(
            f"  {name}: {imported.rows} reports, {imported.new} new incidents, {imported.joined} "
            f"joined to one already reported ({imported.corroborated} corroborated), "
            f"{imported.review} left for review"
        )
    for report in reports:
        totals = report.totals
        states = ", ".join(f"{totals[s.value]} {s.value}" for s in Verification if totals[s.value])
        parties = ", ".join(f"{party} {sum(c.values())}" for party, c in report.by_party.items())
        console.print(
            f"  as known on {report.known_on}: {report.counted} incidents counted against it "
            f"({states}); reported by {parties}; {len(report.victims)} killed linked by name"
        )


def register(app: typer.Typer) -> None:
    app.command()(demo)
