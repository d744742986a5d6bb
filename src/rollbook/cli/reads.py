"""Commands that read the register: toll, person, claims, export."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.table import Table

from rollbook.analysis.claims import claim_timeline
from rollbook.analysis.tolls import Toll, names, toll
from rollbook.cli.common import console, day, fail, opened, print_json
from rollbook.link.comparisons import COMPARISONS
from rollbook.model.records import PROTECTED_FIELDS, written_name
from rollbook.model.status import LATEST, Status
from rollbook.store.exports import iter_persons, iter_records, person_columns, record_columns
from rollbook.store.incident_views import incident_columns, iter_incidents, write_geojson
from rollbook.store.links import PairState, StoredPair, pairs_within
from rollbook.store.persons import person_view
from rollbook.store.tolls import DIMENSIONS, TollFilter

By = StrEnum("By", {d: d for d in DIMENSIONS})  # type: ignore[misc]


def toll_command(
    ctx: typer.Context,
    status: Annotated[
        list[Status] | None, typer.Option(help="Count only this status (repeatable)")
    ] = None,
    party: Annotated[str | None, typer.Option(help="Only this party (side)")] = None,
    by: Annotated[
        By | None, typer.Option(help="Break the toll down by", show_default=False)
    ] = None,
    as_of: Annotated[
        str | None, typer.Option(help="Status in effect on this date (event time)")
    ] = None,
    known_on: Annotated[
        str | None, typer.Option(help="As the register knew it on this date (knowledge time)")
    ] = None,
    with_names: Annotated[bool, typer.Option("--names", help="List the people counted")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Count people by status, and list the names behind any count.

    Example: rollbook toll --status killed --by month --known-on 2020-12-31 --names
    """
    as_of_day = day(as_of, "--as-of")
    known_day = day(known_on, "--known-on")
    where = TollFilter(
        statuses=[s.value for s in status or []],
        party=party,
        as_of=as_of_day.toordinal() if as_of_day else LATEST,
        known_on=known_day.toordinal() if known_day else LATEST,
    )
    dimension = by.value if by else None
    with opened(ctx) as register, register.read() as connection:
        result = toll(connection, where, dimension)
        people = list(names(connection, where, dimension)) if with_names else []
    if as_json:
        data = result.to_json()
        data.update(as_of=as_of_day, known_on=known_day, party=party)
        if with_names:
            data["names"] = [
                {"person_id": p.person_id, "name": p.name, "status": p.status, "key": p.key}
                for p in people
            ]
        print_json(data)
        return
    print_toll(result, as_of, known_on, party)
    if with_names:
        table = Table("person", "name", "status", *([dimension] if dimension else []))
        for p in people:
            table.add_row(str(p.person_id), p.name, p.status, *([p.key] if dimension else []))
        console.print(table)


def print_toll(result: Toll, as_of: str | None, known_on: str | None, party: str | None) -> None:
    scope = [f"party {party}"] if party else []
    scope += [f"as of {as_of}"] if as_of else []
    scope += [f"as known on {known_on}"] if known_on else []
    title = "Toll" + (f" ({', '.join(scope)})" if scope else "")
    table = Table(*([result.by] if result.by else []), *result.statuses, "total", title=title)
    for row in result.rows:
        cells = [f"{row.counts.get(s, 0):,}" for s in result.statuses]
        table.add_row(*([row.key] if result.by else []), *cells, f"{row.total:,}")
    if result.by:
        totals = result.totals
        table.add_row(
            "total",
            *[f"{totals.get(s, 0):,}" for s in result.statuses],
            f"{sum(totals.values()):,}",
            style="bold",
        )
    console.print(table)


def person(
    ctx: typer.Context,
    person_id: Annotated[int, typer.Argument(help="Person id", show_default=False)],
    show_protected: Annotated[
        bool, typer.Option(help="Also show protected fields (family contacts, medical...)")
    ] = False,
    why: Annotated[
        bool, typer.Option("--why", help="Explain why the records were linked, field by field")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Show a person: records, sources, fields with provenance, status history.

    Example: rollbook person 42 --why
    """
    with opened(ctx) as register, register.read() as connection:
        view = person_view(connection, person_id)
        links = pairs_within(connection, view.id) if view is not None and why else []
    if view is None:
        raise fail(f"no person {person_id} in the register")

    def shown(record: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in record.items() if show_protected or k not in PROTECTED_FIELDS}

    if as_json:
        print_json(
            {
                "id": view.id,
                "merged_from": view.asked_for if view.asked_for != view.id else None,
                "name": view.name,
                "fields": {
                    k: {"value": r.value, "record": r.record_id, "attested_by": r.attested_by}
                    for k, r in view.fields.items()
                },
                "records": [shown(r) for r in view.records],
                "sources": list(view.sources.values()),
                "history": [_event_json(e) for e in view.history],
                **({"links": [_link_json(s) for s in links]} if why else {}),
            }
        )
        return
    merged = f" (person {view.asked_for} was merged into it)" if view.asked_for != view.id else ""
    console.print(f"Person {view.id}: {view.name}{merged}", style="bold")
    fields = Table("field", "value", "from record", "records agreeing")
    for name, r in view.fields.items():
        fields.add_row(name, r.value, str(r.record_id), str(r.attested_by))
    console.print(fields)
    history = Table(
        "event",
        "status",
        "effective",
        "learned on",
        "evidence",
        "source",
        "note",
        title="Status history",
    )
    for e in view.history:
        note = e.note + (f" (corrects event {e.corrects})" if e.corrects else "")
        history.add_row(
            str(e.id),
            e.status.value,
            e.effective.iso() if e.effective else "",
            e.learned_on.isoformat(),
            e.evidence.value,
            str(e.source_id or ""),
            note,
        )
    console.print(history)
    listed = Table("record", "source", "row", "as written", "status words", title="Records")
    for record in view.records:
        source = view.sources.get(record["source_id"], {})
        listed.add_row(
            str(record["id"]),
            f"{record['source_id']} {source.get('title', '')}",
            str(record["row_no"]),
            written_name(record),
            record["status_words"],
        )
    console.print(listed)
    if why:
        console.print(_why_table(links, [r["id"] for r in view.records]))
    if show_protected:
        for record in view.records:
            for name in sorted(PROTECTED_FIELDS):
                if record[name]:
                    console.print(f"record {record['id']} {name}: {record[name]}")


def _link_json(stored: StoredPair) -> dict[str, Any]:
    p = stored.pair
    return {
        "records": [p.left, p.right],
        "state": stored.state.value,
        "probability": p.probability,
        "weights": p.weights,
        "journal_seq": stored.seq,
    }


def _why_table(links: list[StoredPair], record_ids: list[int]) -> Table:
    """The pairs that link a person's records (a column each), with each comparison's weight."""
    table = Table("comparison", title="Why these records are one person", title_justify="left")
    for stored in links:
        p = stored.pair
        how = "reviewer: same" if stored.state is PairState.SAME else stored.state.value
        scored = "" if p.probability != p.probability else f", p={p.probability:.4f}"
        table.add_column(f"{p.left} & {p.right}\n{how}{scored}", justify="right")
    for name in COMPARISONS:
        if any(name in s.pair.weights for s in links):
            table.add_row(name, *(f"{s.pair.weights.get(name, 0.0):+.1f}" for s in links))
    paired = {r for s in links for r in (s.pair.left, s.pair.right)}
    alone = [str(r) for r in record_ids if r not in paired]
    if len(record_ids) > 1 and alone:
        table.caption = (
            f"records {', '.join(alone)}: joined by a shared identifier at import or by a merge"
        )
    return table


def _event_json(e: Any) -> dict[str, Any]:
    return {
        "id": e.id,
        "status": e.status.value,
        "effective": e.effective.iso() if e.effective else None,
        "learned_on": e.learned_on.isoformat(),
        "evidence": e.evidence.value,
        "source_id": e.source_id,
        "record_id": e.record_id,
        "corrects": e.corrects,
        "note": e.note,
    }


def claims_command(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Show each claimant's figures over time, with the named count known on each date.

    Example: rollbook claims
    """
    with opened(ctx) as register, register.read() as connection:
        lines = claim_timeline(connection)
    if as_json:
        print_json([line.to_json() for line in lines])
        return
    table = Table(
        "claim",
        "claimant",
        "category",
        "party",
        "as of",
        "figure",
        "revises",
        "named then",
        "gap",
        title="Claims beside the register's named counts",
    )
    for line in lines:
        c = line.claim
        table.add_row(
            str(c.id),
            c.claimant,
            c.category.value,
            c.party,
            c.as_of.iso(),
            c.figure,
            str(line.revises or ""),
            "" if line.named is None else f"{line.named:,}",
            "" if line.gap is None else f"{line.gap:+,}",
        )
    console.print(table)


class What(StrEnum):
    persons = "persons"
    records = "records"
    incidents = "incidents"


class Format(StrEnum):
    csv = "csv"
    json = "json"
    geojson = "geojson"


def export(
    ctx: typer.Context,
    what: Annotated[What, typer.Argument(help="persons, records or incidents", show_default=False)],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write [default: stdout]")
    ] = None,
    format: Annotated[
        Format,
        typer.Option(help="csv, json (one object per line) or geojson (incidents: a map layer)"),
    ] = Format.csv,
    include_protected: Annotated[
        bool,
        typer.Option(help="Include protected fields (family contacts, medical, reporters)"),
    ] = False,
) -> None:
    """Export persons, records or incidents, with provenance (incidents with their sources
    and verification state).

    Example: rollbook export incidents --format geojson -o incidents.geojson
    """
    if format is Format.geojson and what is not What.incidents:
        raise fail("--format geojson: only incidents have a place on a map")
    with opened(ctx) as register, register.read() as connection:
        if what is What.incidents:
            columns = incident_columns(include_protected)
            rows: Iterator[dict[str, Any]] = iter_incidents(connection, protected=include_protected)
        elif what is What.records:
            columns = record_columns(include_protected)
            rows = iter_records(connection, include_protected)
        else:
            columns = person_columns()
            rows = iter_persons(connection)
        if output is None:
            _write(sys.stdout, format, columns, rows)
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                count = _write(handle, format, columns, rows)
            console.print(f"Wrote {count:,} {what.value} to {output}")


def _write(
    handle: TextIO, format: Format, columns: list[str], rows: Iterable[dict[str, Any]]
) -> int:
    count = 0
    if format is Format.geojson:
        return write_geojson(handle, rows)
    if format is Format.csv:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    else:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def register(app: typer.Typer) -> None:
    app.command("toll")(toll_command)
    app.command()(person)
    app.command("claims")(claims_command)
    app.command()(export)
