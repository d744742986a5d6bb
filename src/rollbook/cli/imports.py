"""Commands that bring lists in and compare their editions: import, diff, sources."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn
from rich.table import Table

from rollbook.cli.common import console, context, day, errors, fail, opened, print_json
from rollbook.model.records import PROTECTED_FIELDS, written_name
from rollbook.model.status import Status
from rollbook.store.diff import diff_sources
from rollbook.store.sources import SourceKind, all_sources

if TYPE_CHECKING:
    from rollbook.ingest.lists import ImportReport

PROGRESS_FROM_BYTES = 4 << 20


def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="CSV, XLSX or JSON Lines file", show_default=False)],
    kind: Annotated[
        SourceKind, typer.Option(help="What kind of source")
    ] = SourceKind.OFFICIAL_LIST,
    publisher: Annotated[str, typer.Option(help="Who published the list")] = "",
    published: Annotated[
        str | None, typer.Option(help="When it was published [default: today]", show_default=False)
    ] = None,
    title: Annotated[str, typer.Option(help="Title [default: the file name]")] = "",
    language: Annotated[str, typer.Option(help="Language of the list (az, ru, en...)")] = "",
    status: Annotated[
        Status | None, typer.Option(help="Status of everyone on a list with no status column")
    ] = None,
    party: Annotated[str, typer.Option(help="Party (side) of everyone on the list")] = "",
    mapping: Annotated[
        Path | None, typer.Option(help="TOML file mapping columns to fields", show_default=False)
    ] = None,
    encoding: Annotated[
        str | None, typer.Option(help="Text encoding [default: detected]", show_default=False)
    ] = None,
    delimiter: Annotated[
        str | None, typer.Option(help="CSV delimiter [default: detected]", show_default=False)
    ] = None,
    keep_unknown: Annotated[
        bool, typer.Option(help="Keep unrecognised columns as extra data instead of refusing")
    ] = False,
    revises: Annotated[
        int | None, typer.Option(help="The source this edition corrects", show_default=False)
    ] = None,
    max_gib: Annotated[float, typer.Option(help="Refuse files larger than this")] = 8.0,
    dry_run: Annotated[
        bool, typer.Option(help="Show the mapping and every problem; write nothing")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
) -> None:
    """Import a list as one source (all of it, or nothing).

    Example: rollbook import ministry.csv --publisher "Ministry of Defence" --published 2020-12-03 --status killed
    """
    # Here, not above: `sources` and `diff` need none of the importer.
    from rollbook.ingest.lists import ImportFailed, ImportOptions, import_list
    from rollbook.ingest.mapping import MappingError, MappingFile, load_mapping

    try:
        declared = load_mapping(mapping) if mapping else MappingFile()
    except MappingError as error:
        raise fail(str(error)) from None
    published_on = day(published, "--published", last=False)
    options = ImportOptions(
        kind=kind,
        title=title,
        publisher=publisher,
        published=published_on,
        language=language,
        mapping=declared,
        status=status.value if status else "",
        party=party,
        encoding=encoding,
        delimiter=delimiter,
        keep_unknown=keep_unknown,
        revises=revises,
        max_bytes=int(max_gib * (1 << 30)),
    )
    size = file.stat().st_size if file.exists() else 0
    show_bar = size >= PROGRESS_FROM_BYTES and not as_json
    bar = Progress(
        "Importing",
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=errors,
        disable=not show_bar,
        transient=True,
    )
    task = bar.add_task("import", total=size)
    with opened(ctx) as register, bar:
        try:
            report = import_list(
                register,
                file,
                options,
                actor=context(ctx).actor,
                dry_run=dry_run,
                progress=lambda done: bar.update(task, completed=done),
            )
        except ImportFailed as failed:
            bar.stop()
            _print_report(failed.report, as_json)
            raise typer.Exit(1) from None
    _print_report(report, as_json)


def _report_json(report: ImportReport) -> dict[str, object]:
    return {
        "file": report.path,
        "sha256": report.sha256,
        "dry_run": report.dry_run,
        "source_id": report.source_id,
        "duplicate_of": report.duplicate_of,
        "format": report.format,
        "encoding": report.encoding,
        "delimiter": report.delimiter,
        "mapping": [{"column": c, "field": f, "how": how} for c, f, how in report.plan.rows()]
        if report.plan
        else [],
        "records": report.records,
        "new_persons": report.new_persons,
        "joined_persons": report.joined_persons,
        "problems": [
            {
                "file": report.path,
                "row": p.row,
                "column": p.column,
                "field": p.field,
                "reason": p.reason,
            }
            for p in sorted(report.problems, key=lambda p: p.row)
        ],
        "more_problems": report.more_problems,
    }


def _print_report(report: ImportReport, as_json: bool) -> None:
    if as_json:
        print_json(_report_json(report))
        return
    if report.duplicate_of is not None:
        console.print(
            f"{report.path} was imported before as source {report.duplicate_of} "
            "(same content): nothing added."
        )
        return
    if report.plan and (report.dry_run or report.problems):
        table = Table("column", "field", "how", title=f"Columns of {report.path}")
        for column, target, how in report.plan.rows():
            table.add_row(column, target, how)
        console.print(table)
    if report.problems:
        table = Table("file", "row", "column", "field", "reason", title="Problems")
        for p in sorted(report.problems, key=lambda p: p.row):
            table.add_row(report.path, str(p.row or ""), p.column, p.field, p.reason)
        errors.print(table)
        more = f" (and {report.more_problems} more)" if report.more_problems else ""
        errors.print(
            f"{len(report.problems)} problem(s){more} in {report.path}: nothing was imported.",
            style="red",
        )
        return
    found = f"{report.format}" + (f", {report.encoding}" if report.encoding else "")
    found += f", delimiter {report.delimiter!r}" if report.delimiter else ""
    verb = "Would import" if report.dry_run else "Imported"
    where = "" if report.dry_run else f" as source {report.source_id}"
    console.print(
        f"{verb} {report.records:,} records from {report.path} ({found}){where}: "
        f"{report.new_persons:,} new persons, {report.joined_persons:,} joined existing persons."
        + (f" Missing-person cases opened: {report.cases_opened:,}." if report.cases_opened else "")
        + (f" PFIF notes added to cases: {report.notes_applied:,}." if report.notes_applied else "")
    )


def diff(
    ctx: typer.Context,
    first: Annotated[int, typer.Argument(help="The earlier source id", show_default=False)],
    second: Annotated[int, typer.Argument(help="The later source id", show_default=False)],
    limit: Annotated[int, typer.Option(help="Show at most N changed records (0: all)")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Show the records added, removed and changed between two sources.

    Example: rollbook diff 1 2
    """
    with opened(ctx) as register, register.read() as connection:
        result = diff_sources(connection, first, second)

    def public(record: dict[str, object]) -> dict[str, object]:
        return {k: v for k, v in record.items() if k not in PROTECTED_FIELDS}

    if as_json:
        print_json(
            {
                "added": [public(r) for r in result.added],
                "removed": [public(r) for r in result.removed],
                "changed": [
                    {
                        "before": public(old),
                        "after": public(new),
                        "fields": [f for f in fields if f not in PROTECTED_FIELDS],
                    }
                    for old, new, fields in result.changed
                ],
                "unchanged": result.unchanged,
            }
        )
        return
    console.print(
        f"Source {first} → {second}: {len(result.added)} added, {len(result.removed)} removed, "
        f"{len(result.changed)} changed, {result.unchanged} unchanged."
    )
    lines = []
    for old, new, fields in result.changed:
        shown = [f"{f}: {old[f]} → {new[f]}" for f in fields if f not in PROTECTED_FIELDS]
        lines.append(
            ("~", new["row_no"], written_name(new), "; ".join(shown) or "protected fields")
        )
    lines += [("-", r["row_no"], written_name(r), "removed") for r in result.removed]
    lines += [("+", r["row_no"], written_name(r), "added") for r in result.added]
    table = Table("", "row", "name", "change")
    for mark, row, name, change in lines[: limit or None]:
        table.add_row(mark, str(row), name, change)
    if table.row_count:
        console.print(table)
    if limit and len(lines) > limit:
        console.print(f"… and {len(lines) - limit} more (--limit 0 shows all)")


def list_sources(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """List the sources in the register.

    Example: rollbook sources
    """
    with opened(ctx) as register, register.read() as connection:
        rows = all_sources(connection)
    if as_json:
        print_json(rows)
        return
    table = Table("id", "kind", "title", "publisher", "published", "revises")
    for r in rows:
        table.add_row(
            str(r["id"]),
            r["kind"],
            r["title"],
            r["publisher"],
            r["published"],
            str(r["revises"] or ""),
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command()(diff)
    app.command("sources")(list_sources)
