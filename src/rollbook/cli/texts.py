"""`rollbook read`: statements and news reports in, casualty figures out as claims."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
from rich.table import Table

from rollbook.cli.common import console, context, day, errors, opened
from rollbook.store.claims import claim_from_payload
from rollbook.store.sources import SourceKind

if TYPE_CHECKING:
    from rollbook.ingest.reports import ReadReport

PROGRESS_FROM_FILES = 20


def read(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Text, Markdown or HTML files, folders of them, or - for standard input",
            show_default=False,
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date [default: the date in each report's opening lines]",
            show_default=False,
        ),
    ] = None,
    outlet: Annotated[
        str, typer.Option(help="Who published the reports: the claimant of unattributed figures")
    ] = "",
    kind: Annotated[SourceKind, typer.Option(help="What kind of source")] = SourceKind.NEWS_REPORT,
    language: Annotated[str, typer.Option(help="Language of the reports")] = "en",
    dry_run: Annotated[bool, typer.Option(help="Show the claims found; write nothing")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object per claim, one per line")
    ] = False,
) -> None:
    """Read reports and store every casualty figure in them as a claim.

    Example: rollbook read reports/ --outlet "Caspian Wire"
    """
    from rollbook.ingest.reports import ReadOptions, documents, read_reports  # the grammar loads

    options = ReadOptions(kind, outlet, day(published, "--published", last=False), language)
    named = [Path("-")] if paths == [Path("-")] else list(documents(paths))
    bar = Progress(
        "Reading", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=errors, disable=len(named) < PROGRESS_FROM_FILES or as_json, transient=True,
    )  # fmt: skip
    task = bar.add_task("read", total=len(named))
    failed = 0
    with opened(ctx) as register, bar:
        loaded = (_load(path) for path in named)
        actor = context(ctx).actor
        for report in read_reports(register, loaded, options, actor=actor, dry_run=dry_run):
            failed += bool(report.problem)
            _print(report, as_json, brief=len(named) >= PROGRESS_FROM_FILES)
            bar.advance(task)
    if failed:
        raise typer.Exit(1)


def _load(path: Path) -> tuple[str, bytes | None]:
    if str(path) == "-":
        return "stdin.txt", sys.stdin.buffer.read()
    try:
        return str(path), path.read_bytes()
    except OSError:
        return str(path), None


def _print(report: ReadReport, as_json: bool, *, brief: bool = False) -> None:
    if report.problem:
        errors.print(f"error: {report.path}: {report.problem}; not read", style="red")
        return
    if as_json:
        for claim in report.claims:
            typer.echo(json.dumps(_claim_json(report, claim), ensure_ascii=False))
        return
    if report.duplicate_of is not None:
        console.print(
            f"{report.path}: already read as source {report.duplicate_of}; nothing added."
        )
        return
    verb = "would store" if report.dry_run else f"source {report.source_id}:"
    console.print(
        f"{report.path} ({report.outlet}, {report.published}): {verb} {len(report.claims)} claim(s)"
    )
    if not report.claims or brief:
        return
    table = Table("category", "figure", "earlier", "claimant", "party", "as of", "words")
    for c in report.claims:
        earlier = "" if c["previous_value"] is None else f"{c['previous_value']:,}"
        figure = claim_from_payload(0, c).figure
        table.add_row(c["category"], figure, earlier, c["claimant"], c["party"], c["as_of"],
                      c["quote"])  # fmt: skip
    console.print(table)


def _claim_json(report: ReadReport, claim: dict[str, Any]) -> dict[str, Any]:
    return {
        "file": report.path,
        "source_id": None if report.dry_run else report.source_id,
        "claim_id": None if report.dry_run else claim.get("claim_id"),
        "category": claim["category"],
        "value": claim["value"],
        "low": claim["low"],
        "high": claim["high"],
        "qualifier": claim["qualifier"],
        "previous_value": claim["previous_value"],
        "revises": claim["revises"],
        "claimant": claim["claimant"],
        "victim_group": claim["group"],
        "party": claim["party"],
        "as_of": claim["as_of"],
        "period_start": claim["period_start"] or None,
        "span": [claim["span_start"], claim["span_end"]],
        "evidence": claim["quote"],
    }


def register(app: typer.Typer) -> None:
    app.command()(read)
