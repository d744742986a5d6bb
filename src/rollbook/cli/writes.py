"""Commands that record conclusions: status, claim add, merge, split."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from rollbook.cli.common import (
    Learned,
    Reason,
    SourceId,
    console,
    context,
    fail,
    opened,
    partial_date,
)
from rollbook.model.claims import Category, ClaimError, Qualifier
from rollbook.model.status import Evidence, Status
from rollbook.store.actions import (
    ActionError,
    Applier,
    apply_claim,
    apply_merge,
    apply_split,
    apply_status,
    claim_payload,
    status_payload,
)
from rollbook.store.cases import CaseRefused
from rollbook.store.incidents import IncidentRefused
from rollbook.store.users import UserRefused

claim_app = typer.Typer(help="Record announced figures.", no_args_is_help=True)


def write_entry(
    ctx: typer.Context, action: str, apply: Applier, payload: dict[str, Any], reason: str
) -> dict[str, Any]:
    """Apply one journalled write; a refusal is a clear error and leaves nothing written."""
    with opened(ctx) as register:
        try:
            with register.write(action, payload, actor=context(ctx).actor, reason=reason) as work:
                apply(work)
        except (ActionError, ClaimError, CaseRefused, IncidentRefused, UserRefused) as error:
            raise fail(str(error)) from None
    return work.payload


def status(
    ctx: typer.Context,
    person_id: Annotated[int, typer.Argument(help="Person id", show_default=False)],
    new_status: Annotated[Status, typer.Argument(metavar="STATUS", help="The new status")],
    effective: Annotated[
        str | None, typer.Option(help="When it took effect (a partial date is fine)")
    ] = None,
    learned: Learned = None,
    evidence: Annotated[Evidence, typer.Option(help="What it rests on")] = Evidence.OTHER,
    source: SourceId = None,
    correction_of: Annotated[
        int | None, typer.Option(help="The status event this one corrects (retracts)")
    ] = None,
    note: Annotated[str, typer.Option(help="A note kept with the event")] = "",
    reason: Reason = "",
) -> None:
    """Record a status change of a person, with its dates and evidence.

    Example: rollbook status 42 killed --effective 2020-10-14 --learned 2021-02-01 --evidence dna_match
    """
    payload = status_payload(
        person_id,
        new_status,
        effective=partial_date(effective, "--effective"),
        learned=partial_date(learned, "--learned"),
        evidence=evidence,
        source_id=source,
        corrects=correction_of,
        note=note,
    )
    done = write_entry(ctx, "status.record", apply_status, payload, reason)
    console.print(f"Recorded event {done['event_id']}: person {done['person_id']} {new_status}.")
    if done.get("case_id"):
        console.print(f"Opened missing-person case {done['case_id']}.")


@claim_app.command("add")
def claim_add(
    ctx: typer.Context,
    claimant: Annotated[str, typer.Option(help="Who states the figure")],
    category: Annotated[Category, typer.Option(help="What the figure counts")],
    as_of: Annotated[str, typer.Option(help="The date the figure is valid for")],
    value: Annotated[int | None, typer.Option(help="The figure")] = None,
    low: Annotated[int | None, typer.Option(help="Low bound (ranges, vague amounts)")] = None,
    high: Annotated[int | None, typer.Option(help="High bound (ranges)")] = None,
    qualifier: Annotated[Qualifier, typer.Option(help="How the figure is bounded")] = (
        Qualifier.EXACT
    ),
    party: Annotated[str, typer.Option(help="Whose losses (party)")] = "",
    group: Annotated[str, typer.Option(help="Whose losses (group, e.g. servicemen)")] = "",
    period_start: Annotated[str | None, typer.Option(help="Start of the period counted")] = None,
    period_end: Annotated[str | None, typer.Option(help="End of the period counted")] = None,
    revises: Annotated[int | None, typer.Option(help="The claim this figure revises")] = None,
    source: Annotated[int | None, typer.Option(help="Source id that states it")] = None,
    quote: Annotated[str, typer.Option(help="The words that state it")] = "",
    reason: Reason = "",
) -> None:
    """Record a figure a source announced.

    Example: rollbook claim add --claimant "Ministry of Defence" --category killed --value 2881 --qualifier at_least --as-of 2021-01-08 --revises 2
    """
    as_of_date = partial_date(as_of, "--as-of")
    start = partial_date(period_start, "--period-start")
    end = partial_date(period_end, "--period-end")
    assert as_of_date is not None
    payload = claim_payload(
        claimant, category, as_of_date, qualifier=qualifier, value=value, low=low, high=high,
        party=party, group=group, period_start=start, period_end=end, revises=revises,
        source_id=source, quote=quote,
    )  # fmt: skip
    done = write_entry(ctx, "claim.add", apply_claim, payload, reason)
    console.print(f"Recorded claim {done['claim_id']}.")


def merge(
    ctx: typer.Context,
    person_ids: Annotated[
        list[int], typer.Argument(help="Persons that are one", show_default=False)
    ],
    reason: Reason = "",
) -> None:
    """Merge persons that are the same person (a reviewer's ruling).

    Example: rollbook merge 17 2301 --reason "same service number in the family report"
    """
    done = write_entry(ctx, "person.merge", apply_merge, {"persons": person_ids}, reason)
    console.print(f"Merged into person {done['into']}.")


def split(
    ctx: typer.Context,
    person_id: Annotated[int, typer.Argument(help="The person to split", show_default=False)],
    records: Annotated[
        list[int], typer.Option("--record", help="A record to move to a new person (repeatable)")
    ],
    reason: Reason = "",
) -> None:
    """Split records off a person into a new person (a reviewer's ruling).

    Example: rollbook split 17 --record 2301 --reason "different birth year and unit"
    """
    payload = {"person_id": person_id, "records": records}
    done = write_entry(ctx, "person.split", apply_split, payload, reason)
    console.print(f"Moved {len(records)} record(s) to person {done['new_person_id']}.")


def register(app: typer.Typer) -> None:
    app.command()(status)
    app.add_typer(claim_app, name="claim")
    app.command()(merge)
    app.command()(split)
