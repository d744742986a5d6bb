"""`rollbook estimate`: how many persons no list names, from how the lists overlap."""

from __future__ import annotations

import math
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from rollbook.analysis.methods import DEFAULT_METHOD, Method
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
        list[Stratum] | None,
        typer.Option(
            help="Estimate per stratum too; repeat to combine",
            metavar="region|month|party|perpetrator",
            show_default=False,
        ),
    ] = None,
    known_on: Annotated[
        str | None, typer.Option(help="From what the register knew on this date")
    ] = None,
    method: Annotated[
        Method,
        typer.Option(help="Log-linear models, or latent classes of persons lists reach alike"),
    ] = DEFAULT_METHOD,
    draws: Annotated[
        int, typer.Option(min=50, help="Bootstrap redraws or posterior draws for the interval")
    ] = 500,
    plot: Annotated[
        Path | None, typer.Option(help="Draw the estimates per stratum to this .svg or .png file")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Estimate the persons no list names from how the lists overlap (multiple systems
    estimation), with a 95 % interval and the warnings that apply.

    Example: rollbook estimate --status killed --by region --plot estimate.svg
    """
    from rollbook.analysis.estimates import estimate_uncounted  # numpy loads for this only

    if plot is not None and plot.suffix.lower() not in (".svg", ".png"):
        raise typer.BadParameter(f"{plot}: draw to a .svg or .png file", param_hint="--plot")
    known_day = day(known_on, "--known-on")
    where = TollFilter(
        statuses=[status.value],
        party=party,
        known_on=known_day.toordinal() if known_day else LATEST,
    )
    strata = [b.value for b in by or []]
    with opened(ctx) as register, register.read() as connection:
        found = estimate_uncounted(connection, where, strata, method=method, draws=draws)
    if plot is not None:
        from rollbook.analysis.estimate_plot import draw_estimates

        scope = f", as known on {known_on}" if known_on else ""
        draw_estimates(found, plot, title=f"Estimated {status.value} in all{scope}")
    if as_json:
        print_json(_json(found, status.value, known_day.isoformat() if known_day else None))
        return
    _print(found, status.value, known_on)
    if plot is not None:
        console.print(f"Drawn to {plot}")


def _figure(value: float) -> str:
    return f"{value:,.0f}" if math.isfinite(value) else "-"


def _share(e: Estimate) -> str:
    return f"{e.named_share:.0%}" if math.isfinite(e.named_share) else "-"


def _interval(e: Estimate) -> str:
    return f"{_figure(e.total)} ({_figure(e.low)}–{_figure(e.high)})" if e.defensible else "none"


def _row(key: str, e: Estimate) -> list[str]:
    other = _interval(e.other) if e.other is not None else "-"
    if not e.defensible:
        return [key, f"{e.observed:,}", "-", "-", "-", "no estimate", other]
    interval = f"{_figure(e.low)}–{_figure(e.high)}"
    return [key, f"{e.observed:,}", _figure(e.total), interval, _share(e), e.model, other]


def _print(found: Estimates, status: str, known_on: str | None) -> None:
    scope = f", as known on {known_on}" if known_on else ""
    console.print(f"Lists: {', '.join(found.lettered_lists) or 'none'}")
    e = found.pooled
    title = f"Estimated {status} in all{scope}, by {e.method} models"
    other = f"{e.other.method} (interval)" if e.other is not None else "other method"
    table = Table(" · ".join(found.by), "named", "estimate", "95 % interval", "named share",
                  "model", other, title=title)  # fmt: skip
    for key, each in found.strata.items():
        table.add_row(*_row(key, each))
    if found.summed is not None:
        table.add_row(*_row("sum of strata", found.summed))
    table.add_row(*_row("all (pooled)", e))
    console.print(table)
    for name, v in found.linkage.items():
        console.print(f"all (pooled) with {name} linkage: {_interval(v)}")
    said: dict[str, list[str]] = {}
    summed = [("sum of strata", found.summed)] if found.summed is not None else []
    for key, each in [("all", e), *found.strata.items(), *summed]:
        for warning in each.warnings:
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
            f"named: {e.observed:,} ({_share(e)}); {e.method} model: {e.model}"
        )
    else:
        console.print(f"  no estimate {lists}; named: {e.observed:,}")
    for name, v in found.linkage.items():
        console.print(f"  with {name} linkage: {_interval(v)}")
    for warning in e.warnings:
        console.print(f"  note: {warning}")


def _json(found: Estimates, status: str, known_on: str | None) -> dict[str, Any]:
    return {"status": status, "known_on": known_on, **found.to_json()}


def register(app: typer.Typer) -> None:
    app.command("estimate")(estimate_command)
