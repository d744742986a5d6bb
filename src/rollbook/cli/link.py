"""Commands that link records into persons: link, review, rule, and `person --why`'s table."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn
from rich.table import Table

from rollbook.cli.common import Reason, console, context, errors, fail, opened, print_json
from rollbook.link.comparisons import COMPARISONS
from rollbook.link.run import LinkReport, link_register
from rollbook.link.settings import ENGINES, EngineError, LinkSettings, SettingsError
from rollbook.model.records import PROTECTED_FIELDS, RECORD_FIELDS
from rollbook.store.database import Register
from rollbook.store.links import (
    RULE_ACTION,
    PairState,
    RulingError,
    StoredPair,
    apply_ruling,
    review_queue,
)
from rollbook.store.persons import records_by_id

_RULING_KEYS = {"s": PairState.SAME, "d": PairState.DIFFERENT, "k": PairState.SKIPPED}

Engine = StrEnum("Engine", {e: e for e in ENGINES})  # type: ignore[misc]


def _settings(path: Path | None, overrides: dict[str, Any]) -> LinkSettings:
    given = {k: v for k, v in overrides.items() if v is not None}
    try:
        if path is not None:
            return LinkSettings.from_toml(path, **given)
        return LinkSettings.from_json(given)
    except SettingsError as error:
        raise fail(str(error)) from None


def link(
    ctx: typer.Context,
    settings_file: Annotated[
        Path | None, typer.Option("--settings", help="A TOML file of link settings")
    ] = None,
    link_at: Annotated[
        float | None, typer.Option(help="Link pairs at or above this match probability")
    ] = None,
    review_from: Annotated[
        float | None, typer.Option(help="Send pairs from this probability up for review")
    ] = None,
    engine: Annotated[
        Engine | None,
        typer.Option(
            help="Where Splink runs: duckdb, in this process (the default), or spark, a local "
            "Apache Spark (pip install 'rollbook[spark]', and Java)",
            show_default=False,
        ),
    ] = None,
    show_settings: Annotated[
        bool, typer.Option(help="Say what the engine would do, and do nothing")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Link records that name the same person, in any spelling or script, into one person.

    Only records new since the last run are scored (against everyone); reviewers' rulings
    always hold. The run is one journalled step.

    Example: rollbook link --review-from 0.4
    """
    settings = _settings(
        settings_file,
        {"link_at": link_at, "review_from": review_from, "engine": engine and engine.value},
    )
    if show_settings:
        for line in settings.describe():
            console.print(line)
        return
    spinner = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), console=errors, transient=True,
        disable=as_json,
    )  # fmt: skip
    task = spinner.add_task("Reading records")
    steps = {"read": "Reading records: {:,}", "scored": "Scored pairs of {:,} new records"}
    seen: dict[str, int] = {}

    def progress(step: str, count: int) -> None:
        seen[step] = seen.get(step, 0) + count
        spinner.update(task, description=steps[step].format(seen[step]))

    try:
        with opened(ctx) as register, spinner:
            report = link_register(register, settings, actor=context(ctx).actor, progress=progress)
    except EngineError as error:
        raise fail(str(error)) from None
    _print_report(report, as_json)


def _print_report(report: LinkReport, as_json: bool) -> None:
    if as_json:
        print_json(
            {
                "journal_seq": report.seq,
                "records": report.records,
                "new_records": report.new_records,
                "pairs_scored": report.scored,
                "pairs_linked": report.linked,
                "persons_merged": report.persons_merged,
                "pairs_for_review": report.review,
                "pairs_kept_apart": report.kept_apart,
                "model_estimated": report.trained,
                "notes": report.notes,
            }
        )
        return
    if not report.new_records:
        console.print(f"Nothing new to link: all {report.records:,} records were linked before.")
        return
    model = (
        "estimated from the register"
        if report.trained
        else "the starting weights (too few records to estimate)"
    )
    console.print(
        f"Linked {report.new_records:,} new of {report.records:,} records (journal entry "
        f"{report.seq}): {report.scored:,} pairs scored, {report.linked:,} linked, "
        f"{report.persons_merged:,} persons merged into others, {report.review:,} pairs "
        f"for review, {report.kept_apart:,} kept apart by rulings. Model: {model}."
    )
    for note in report.notes:
        console.print(f"note: {note}")


def pair_table(records: dict[int, dict[str, Any]], stored: StoredPair) -> Table:
    """Two records side by side, field by field, with the weight of each comparison."""
    pair = stored.pair
    left, right = records[pair.left], records[pair.right]
    table = Table(
        "field",
        f"record {pair.left}",
        f"record {pair.right}",
        title=f"Records {pair.left} and {pair.right}: match probability "
        f"{pair.probability:.4f} ({stored.state.value})",
        title_justify="left",
    )
    shown = ("source", "row", *(f for f in RECORD_FIELDS if f not in PROTECTED_FIELDS))
    for name in shown:
        a, b = str(left.get(name, "")), str(right.get(name, ""))
        if a or b:
            table.add_row(name, a, b)
    weights = Table(
        "comparison",
        "weight",
        title="Weight of each comparison (log2 Bayes factor)",
        title_justify="left",
    )
    for name in COMPARISONS:
        if name in pair.weights:
            weights.add_row(name, f"{pair.weights[name]:+.2f}")
    grid = Table.grid(padding=(0, 4))
    grid.add_row(table, weights)
    return grid


def review(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(help="Pairs to go through at most")] = 20,
    list_only: Annotated[bool, typer.Option("--list", help="List the queue, rule nothing")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the queue as JSON")] = False,
) -> None:
    """Rule on the doubtful pairs: same person, different people, or skip.

    Each ruling is journalled with the reviewer's name (--actor) and binds every later run.

    Example: rollbook --actor "A. Reviewer" review
    """
    with opened(ctx) as register, register.read() as connection:
        queue = review_queue(connection, limit)
        records = records_by_id(connection, {r for s in queue for r in (s.pair.left, s.pair.right)})
    if as_json:
        print_json(
            [
                {
                    **_pair_json(s),
                    "fields": [_public(records[r]) for r in (s.pair.left, s.pair.right)],
                }
                for s in queue
            ]
        )
        return
    if not queue:
        console.print("The review queue is empty.")
        return
    if list_only:
        for stored in queue:
            console.print(pair_table(records, stored))
        return
    ruled = 0
    with opened(ctx) as register:
        for stored in queue:
            console.print(pair_table(records, stored))
            answer = _ask("[s]ame, [d]ifferent, s[k]ip, [q]uit")
            if answer == "q":
                break
            ruling = _RULING_KEYS.get(answer)
            if ruling is None:
                console.print("Not a ruling: skipped without recording anything.")
                continue
            _rule(register, context(ctx).actor, stored.pair.left, stored.pair.right, ruling)
            ruled += 1
    console.print(f"{ruled} ruling(s) recorded.")


def _at_terminal() -> bool:
    return sys.stdin.isatty()


def _ask(question: str) -> str:
    """One keystroke at a terminal; a line of input from a pipe or a script (default skip)."""
    if _at_terminal():
        typer.echo(f"{question}? ", nl=False)
        key = typer.getchar()
        typer.echo(key)
    else:
        key = typer.prompt(question, default="k")
    return key.strip().lower()[:1]


def _public(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in PROTECTED_FIELDS}


def _pair_json(stored: StoredPair) -> dict[str, Any]:
    p = stored.pair
    return {
        "records": [p.left, p.right],
        "probability": p.probability,
        "weights": p.weights,
        "state": stored.state.value,
    }


def _rule(
    register: Register, actor: str, left: int, right: int, ruling: PairState, reason: str = ""
) -> dict[str, Any]:
    payload = {"records": [left, right], "ruling": ruling.value}
    try:
        with register.write(RULE_ACTION, payload, actor=actor, reason=reason) as work:
            apply_ruling(work)
    except RulingError as error:
        raise fail(str(error)) from None
    return work.payload


def rule(
    ctx: typer.Context,
    record_a: Annotated[int, typer.Argument(help="A record id", show_default=False)],
    record_b: Annotated[int, typer.Argument(help="Another record id", show_default=False)],
    ruling: Annotated[
        PairState, typer.Argument(help="same, different or skipped", show_default=False)
    ],
    reason: Reason = "",
) -> None:
    """Rule on two records without the queue: the same person, or different people.

    "same" merges their persons; "different" keeps them apart in every later run, and
    splits them if they are one person now.

    Example: rollbook rule 1204 88 different --reason "different fathers per family"
    """
    if ruling not in (PairState.SAME, PairState.DIFFERENT, PairState.SKIPPED):
        raise fail("a ruling is same, different or skipped")
    with opened(ctx) as register:
        done = _rule(register, context(ctx).actor, record_a, record_b, ruling, reason)
    if "merged_into" in done:
        console.print(
            f"Records {record_a} and {record_b} are one person now: person {done['merged_into']}."
        )
    elif "new_person_id" in done:
        console.print(
            f"Records {record_a} and {record_b} are apart now: record {max(record_a, record_b)}'s group is person {done['new_person_id']}."
        )
    else:
        console.print(f"Recorded: records {record_a} and {record_b} ruled {ruling.value}.")


def register(app: typer.Typer) -> None:
    app.command()(link)
    app.command()(review)
    app.command()(rule)
