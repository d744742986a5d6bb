"""`rollbook estimate`: how many persons no list names, from how the lists overlap."""

from __future__ import annotations

import math
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from rollbook.cli.common import console, day, opened, print_json
from rollbook.model.status import LATEST, Status
from rollbook.store.captures import STRATA
from rollbook.store.tolls import TollFilter

if TYPE_CHECKING:
    from rollbook.analysis.estimates import Estimates
    from rollbook.analysis.mse import Estimate

Stratum = StrEnum("Stratum", {s: s for s in STRATA})  # type: ignore[misc]


def estimate_command(
    ctx: typer.Context,
    status: Annotated[Status, typer.Option(help="Estimate persons of this status")] = Status.KILLED,
    party: Annotated[str | None, typer.Option(help="Only this party (side)")] = None,
    by: Annotated[
        Stratum | None, typer.Option(help="Estimate per stratum too", show_default=False)
    ] = None,
    known_on: Annotated[
        str | None, typer.Option(help="From what the register knew on this date")
    ] = None,
    bootstrap: Annotated[int, typer.Option(min=50, help="Bootstrap draws for the interval")] = 500,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Estimate the persons no list names from how the lists overlap (multiple systems
    estimation), with a 95 % interval and the warnings that apply.

    Example: rollbook estimate --status killed --by region
    """
    from rollbook.analysis.estimates import estimate_uncounted  # numpy loads for this only

    known_day = day(known_on, "--known-on")
    where = TollFilter(
        statuses=[status.value],
        party=party,
        known_on=known_day.toordinal() if known_day else LATEST,
    )
    with opened(ctx) as register, register.read() as connection:
        found = estimate_uncounted(connection, where, by.value if by else None, bootstrap=bootstrap)
    if as_json:
        print_json(_json(found, status.value, known_day.isoformat() if known_day else None))
        return
    _print(found, status.value, known_on)


def _figure(value: float) -> str:
    return f"{value:,.0f}" if math.isfinite(value) else "-"


def _share(e: Estimate) -> str:
    return f"{e.named_share:.0%}" if math.isfinite(e.named_share) else "-"


def _row(key: str, e: Estimate) -> list[str]:
    if not e.defensible:
        return [key, f"{e.observed:,}", "-", "-", "-", "no estimate"]
    interval = f"{_figure(e.low)}–{_figure(e.high)}"
    return [key, f"{e.observed:,}", _figure(e.total), interval, _share(e), e.model]


def _print(found: Estimates, status: str, known_on: str | None) -> None:
    scope = f", as known on {known_on}" if known_on else ""
    console.print(f"Lists: {', '.join(found.lettered_lists) or 'none'}")
    title = f"Estimated {status} in all{scope}"
    table = Table(found.by or "", "named", "estimate", "95 % interval", "named share", "model",
                  title=title)  # fmt: skip
    for key, e in found.strata.items():
        table.add_row(*_row(key, e))
    if found.summed is not None:
        table.add_row(*_row("sum of strata", found.summed))
    table.add_row(*_row("all (pooled)", found.pooled))
    console.print(table)
    said: dict[str, list[str]] = {}
    summed = [("sum of strata", found.summed)] if found.summed is not None else []
    for key, e in [("all", found.pooled), *found.strata.items(), *summed]:
        for warning in e.warnings:
            said.setdefault(warning, []).append(key)
    for warning, keys in said.items():
        console.print(f"{warning} ({', '.join(keys)})" if found.strata else warning)


def print_summary(found: Estimates, status: str) -> None:
    """The pooled estimate in a sentence or two, with its warnings."""
    e = found.pooled
    console.print(f"\nEstimated {status} in all, named or not", style="bold")
    lists = f"from {e.lists} lists ({', '.join(found.lists)})" if found.lists else "from no list"
    if e.defensible:
        console.print(
            f"  {_figure(e.total)} (95 % interval {_figure(e.low)}–{_figure(e.high)}) {lists}; "
            f"named: {e.observed:,} ({_share(e)}); model: {e.model}"
        )
    else:
        console.print(f"  no estimate {lists}; named: {e.observed:,}")
    for warning in e.warnings:
        console.print(f"  note: {warning}")


def _estimate_json(e: Estimate) -> dict[str, Any]:
    def number(value: float) -> float | None:
        return round(value, 1) if math.isfinite(value) else None

    return {
        "named": e.observed,
        "lists": e.lists,
        "estimate": number(e.total) if e.defensible else None,
        "low": number(e.low) if e.defensible else None,
        "high": number(e.high) if e.defensible else None,
        "model": e.model,
        "warnings": list(e.warnings),
    }


def _json(found: Estimates, status: str, known_on: str | None) -> dict[str, Any]:
    return {
        "status": status,
        "known_on": known_on,
        "lists": list(found.lists),
        "by": found.by,
        "pooled": _estimate_json(found.pooled),
        "strata": {key: _estimate_json(e) for key, e in found.strata.items()},
        "summed": _estimate_json(found.summed) if found.summed is not None else None,
    }


def register(app: typer.Typer) -> None:
    app.command("estimate")(estimate_command)
