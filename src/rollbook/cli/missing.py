"""`rollbook missing`: missing-person cases, from the report to an outcome."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from rollbook.cli.common import (
    Learned,
    Reason,
    SourceId,
    console,
    day,
    fail,
    learned_day,
    opened,
    partial_date,
    print_json,
)
from rollbook.cli.writes import write_entry
from rollbook.model.cases import Step
from rollbook.model.status import Evidence, Status
from rollbook.store.case_views import OpenCase, case_view, open_cases, resolutions
from rollbook.store.cases import (
    CONFIRM_ACTION,
    OPEN_ACTION,
    PROTECTED_CASE_FIELDS,
    STEP_ACTION,
    apply_confirm,
    apply_open,
    apply_step,
    confirm_payload,
    step_payload,
)

missing_app = typer.Typer(
    help="Missing-person cases, each followed to an outcome. Without a command: the persons "
    "still missing as known on a date, oldest case first, with how long each has been open, "
    "then any open case whose person another source has since recorded otherwise.\n\n"
    "Example: rollbook missing --known-on 2021-01-08 --by unit",
    invoke_without_command=True,
)


class Breakdown(StrEnum):
    PARTY = "party"
    UNIT = "unit"
    PLACE = "place"


@missing_app.callback()
def missing(
    ctx: typer.Context,
    known_on: Annotated[
        str | None, typer.Option(help="The cases open as the register knew them on this date")
    ] = None,
    by: Annotated[Breakdown | None, typer.Option(help="Count the still missing by")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """The still missing as known on a date (see the group's help)."""
    if ctx.invoked_subcommand is not None:
        return
    on = day(known_on, "--known-on") or dt.date.today()
    with opened(ctx) as register, register.read() as connection:
        cases = open_cases(connection, on)
    still = [c for c in cases if c.still_missing]
    waiting = [c for c in cases if not c.still_missing]
    if as_json:
        rows = [{**_fields(c), "still_missing": c.still_missing} for c in cases]
        print_json({"known_on": on.isoformat(), "still_missing": len(still),
                    "open_cases": len(cases), "cases": rows})  # fmt: skip
        return
    title = f"Still missing as known on {on.isoformat()}: {len(still):,}"
    if by is not None:
        counted = Counter(getattr(c, by.value) or "(unknown)" for c in still)
        table = Table(by.value, "still missing", title=title)
        for key, n in sorted(counted.items()):
            table.add_row(key, f"{n:,}")
        console.print(table)
    else:
        console.print(_cases_table(title, still))
    if waiting:
        note = (f"{len(waiting):,} more open case(s) whose person another source has since"
                " recorded otherwise: each waits for its resolution step")  # fmt: skip
        console.print(_cases_table(note, waiting))


def _fields(c: OpenCase) -> dict[str, Any]:
    return {"case_id": c.case_id, "person_id": c.person_id, "name": c.name, "party": c.party,
            "unit": c.unit, "place": c.place, "reported_on": c.reported_on,
            "days_open": c.days_open, "state": c.state.value,
            "status": c.status.value if c.status else None}  # fmt: skip


def _cases_table(title: str, cases: list[OpenCase]) -> Table:
    table = Table("case", "person", "name", "party", "unit", "place", "reported", "days open",
                  "state", "status", title=title)  # fmt: skip
    for c in cases:
        table.add_row(
            str(c.case_id), str(c.person_id), c.name, c.party, c.unit, c.place, c.reported_on,
            f"{c.days_open:,}", c.state.value, str(c.status or Status.MISSING),
        )  # fmt: skip
    return table


@missing_app.command("open")
def open_case(
    ctx: typer.Context,
    person: Annotated[
        int | None, typer.Argument(help="Person id (or give --record)", show_default=False)
    ] = None,
    record: Annotated[
        int | None, typer.Option(help="Record id, for a record not yet linked")
    ] = None,
    reported_by: Annotated[str, typer.Option(help="Who reported the person missing")] = "",
    reported_on: Annotated[str | None, typer.Option(help="When [default: today]")] = None,
    source: Annotated[int | None, typer.Option(help="Source id of the report")] = None,
    last_seen: Annotated[
        str | None, typer.Option(help="Last seen on (a partial date is fine)")
    ] = None,
    place: Annotated[str, typer.Option(help="Last seen where")] = "",
    circumstances: Annotated[str, typer.Option(help="In what circumstances")] = "",
    unit: Annotated[str, typer.Option(help="Military unit, if any")] = "",
    evidence: Annotated[Evidence, typer.Option(help="What the report is")] = Evidence.FAMILY_REPORT,
    family_contact: Annotated[str, typer.Option(help="Family contact (protected)")] = "",
    distinguishing_marks: Annotated[str, typer.Option(help="Ante-mortem: marks (protected)")] = "",
    dental: Annotated[str, typer.Option(help="Ante-mortem: dental (protected)")] = "",
    dna_sample: Annotated[
        bool | None, typer.Option(help="Ante-mortem: a DNA reference sample was taken (protected)")
    ] = None,
    reason: Reason = "",
) -> None:
    """Open a missing-person case by hand; the person's status becomes missing.

    Example: rollbook missing open 42 --reported-by "his sister" --last-seen 2020-10-14 --place Hadrut
    """
    if (person is None) == (record is None):
        raise fail("give a person id or --record, not both")
    if not reported_by:
        raise fail("--reported-by: say who reported the person missing")
    seen = partial_date(last_seen, "--last-seen")
    ante_mortem = {"distinguishing_marks": distinguishing_marks, "dental": dental,
                   "dna_sample": dna_sample}  # fmt: skip
    payload = {
        "person_id": person,
        "record_id": record,
        "reported_by": reported_by,
        "reported_on": (learned_day(reported_on, "--reported-on")).isoformat(),
        "source_id": source,
        "last_seen": seen.iso() if seen else "",
        "place": place,
        "circumstances": circumstances,
        "unit": unit,
        "evidence": evidence.value,
        "family_contact": family_contact,
        "ante_mortem": {k: v for k, v in ante_mortem.items() if v not in ("", None)},
    }
    done = write_entry(ctx, OPEN_ACTION, apply_open, payload, reason)
    console.print(f"Opened case {done['case_id']} for person {done['person_id']}.")


@missing_app.command("step")
def step(
    ctx: typer.Context,
    case: Annotated[int, typer.Argument(help="Case id", show_default=False)],
    new_step: Annotated[Step, typer.Argument(metavar="STEP", help="The step")],
    effective: Annotated[
        str | None, typer.Option(help="When it happened (a partial date is fine)")
    ] = None,
    learned: Learned = None,
    evidence: Annotated[Evidence, typer.Option(help="What it rests on")] = Evidence.OTHER,
    source: SourceId = None,
    note: Annotated[str, typer.Option(help="A note kept with the step")] = "",
    reason: Reason = "",
) -> None:
    """Move a case on: under_search, or a resolution. An identification of the dead counts
    only once a second person confirms it (rollbook missing confirm).

    Example: rollbook missing step 3 identified_dead --effective 2020-10-14 --evidence dna_match
    """
    payload = step_payload(
        case, new_step, effective=partial_date(effective, "--effective"),
        learned=partial_date(learned, "--learned"), evidence=evidence, source_id=source, note=note,
    )  # fmt: skip
    done = write_entry(ctx, STEP_ACTION, apply_step, payload, reason)
    waiting = (
        " It waits for a second person's confirmation." if new_step is Step.IDENTIFIED_DEAD else ""
    )
    console.print(f"Recorded step {done['step_id']} of case {case}: {new_step}.{waiting}")


@missing_app.command("confirm")
def confirm(
    ctx: typer.Context,
    step_id: Annotated[int, typer.Argument(help="The identification step", show_default=False)],
    on: Annotated[str | None, typer.Option(help="Confirmed on [default: today]")] = None,
    reason: Reason = "",
) -> None:
    """Confirm another person's identification of the dead; from then it counts.

    Example: ROLLBOOK_ACTOR=reviewer rollbook missing confirm 17
    """
    payload = confirm_payload(step_id, partial_date(on, "--on"))
    write_entry(ctx, CONFIRM_ACTION, apply_confirm, payload, reason)
    console.print(f"Confirmed step {step_id}: the person is recorded killed.")


@missing_app.command("show")
def show(
    ctx: typer.Context,
    case: Annotated[int, typer.Argument(help="Case id", show_default=False)],
    show_protected: Annotated[
        bool, typer.Option(help="Also show the family contact and ante-mortem data")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """One case: the report, the last sighting and every step."""
    with opened(ctx) as register, register.read() as connection:
        view = case_view(connection, case)
    if view is None:
        raise fail(f"no case {case} in the register")
    fields = {
        k: v for k, v in view["case"].items() if show_protected or k not in PROTECTED_CASE_FIELDS
    }
    if "ante_mortem" in fields:
        fields["ante_mortem"] = json.loads(fields["ante_mortem"])
    if as_json:
        print_json({"case": fields, "state": view["state"], "steps": view["steps"]})
        return
    console.print(f"Case {case}: {view['name']} (person {fields['person_id']}), {view['state']}")
    for key in ("reported_by", "reported_on", "last_seen", "place", "circumstances", "unit",
                *sorted(PROTECTED_CASE_FIELDS & set(fields))):  # fmt: skip
        if fields.get(key):
            console.print(f"  {key.replace('_', ' ')}: {fields[key]}")
    table = Table("step", "what", "effective", "learned", "evidence", "by", "confirmed")
    for s in view["steps"]:
        confirmed = f"{s['confirmed_by']} on {s['confirmed_on']}" if s["confirmed_by"] else ""
        if s["step"] == Step.IDENTIFIED_DEAD and not confirmed:
            confirmed = "waiting"
        table.add_row(str(s["id"]), s["step"], s["effective"], s["learned_on"], s["evidence"],
                      s["actor"], confirmed)  # fmt: skip
    console.print(table)


@missing_app.command("resolutions")
def resolved(
    ctx: typer.Context,
    known_on: Annotated[
        str | None, typer.Option(help="As the register knew them on this date")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Resolutions per month, by kind: the identification work going on."""
    on = day(known_on, "--known-on") or dt.date.today()
    with opened(ctx) as register, register.read() as connection:
        counted = resolutions(connection, on)
    months = sorted({month for month, _ in counted})
    kinds = [s for s in Step if s not in (Step.REPORTED, Step.UNDER_SEARCH)]
    if as_json:
        data: dict[str, Any] = {m: {k.value: counted[(m, k)] for k in kinds} for m in months}
        print_json({"known_on": on.isoformat(), "months": data})
        return
    table = Table("month", *[k.value for k in kinds], title="Cases resolved, by month")
    for month in months:
        table.add_row(month, *[f"{counted[(month, k)]:,}" for k in kinds])
    console.print(table)


@missing_app.command("export")
def export(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(help="The PFIF 1.4 XML file to write", show_default=False)
    ],
    domain: Annotated[
        str, typer.Option(help="The record id domain of this register (PFIF's domain/local ids)")
    ] = "rollbook.local",
    include_protected: Annotated[
        bool,
        typer.Option(help="Include who reported and recorded, family contacts, ante-mortem data"),
    ] = False,
) -> None:
    """Write every case as PFIF 1.4 (persons and notes) for a tracing system.

    Example: rollbook missing export cases.xml --domain register.example.org
    """
    from rollbook.ingest.pfif_cases import export_cases

    with opened(ctx) as register, register.read() as connection, path.open("wb") as out:
        written = export_cases(connection, out, domain=domain, include_protected=include_protected)
    console.print(f"Wrote {written:,} cases as PFIF 1.4 to {path}.")


def register(app: typer.Typer) -> None:
    app.add_typer(missing_app, name="missing")
