"""A chart of the named toll over time, as the register knew it day by day, with each
claimant's announced figures on it: the gap between what is claimed and what is named, at
a glance. Deterministic SVG (as analysis.estimate_plot), so a page can embed it as is."""

from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import Connection, func, select

from rollbook.analysis.claims import ClaimLine
from rollbook.analysis.tolls import toll
from rollbook.store.schema import status_spans
from rollbook.store.tolls import TollFilter

#: At most this many days are counted.
POINTS = 120


def named_over_time(
    connection: Connection, status: str, first: dt.date, last: dt.date
) -> list[tuple[dt.date, int]]:
    """The persons of `status` the register named, as known on each day from `first` to
    `last` when what it knew of them changed (at most POINTS days, spread evenly)."""
    spans = status_spans.c
    changes: set[int] = set()
    for column in (spans.known_from, spans.known_to):
        query = select(column).where(spans.status == status).distinct()
        changes.update(connection.execute(query).scalars())
    inside = sorted(d for d in changes if first.toordinal() <= d <= last.toordinal())
    if len(inside) > POINTS:
        inside = [inside[i * len(inside) // POINTS] for i in range(POINTS)]
    days = [dt.date.fromordinal(d) for d in inside] + [last]
    return [
        (day, toll(connection, TollFilter(statuses=[status], known_on=day.toordinal()))
         .totals.get(status, 0))
        for day in dict.fromkeys(days)
    ]  # fmt: skip


def toll_chart_svg(series: Sequence[tuple[dt.date, int]], claims: Sequence[ClaimLine],
                   *, status: str) -> str:  # fmt: skip
    """The named toll as a step line, each claimant's figures as points joined in order: an
    <svg> element to embed in a page."""
    import matplotlib.style
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    by_claimant: defaultdict[str, list[tuple[dt.date, int]]] = defaultdict(list)
    for line in claims:
        c = line.claim
        if c.category.value == status:
            by_claimant[c.claimant].append((c.as_of.first_day(), c.central))
    fixed = rc_context({"svg.hashsalt": "rollbook", "svg.fonttype": "none"})
    with matplotlib.style.context("default"), fixed:
        fig = Figure(figsize=(7.0, 3.2), layout="constrained")
        ax = fig.subplots()
        if series:
            days, counts = zip(*series, strict=True)
            ax.step(days, counts, where="post", color="0.2", label=f"named {status}, as known")
        for marker, (claimant, points) in zip("osD^v<>", sorted(by_claimant.items()),
                                              strict=False):  # fmt: skip
            days, figures = zip(*sorted(points), strict=True)
            ax.plot(days, figures, marker=marker, linestyle=":", label=claimant)
        ax.set_ylabel(status)
        ax.legend(loc="lower right", fontsize="small", frameon=False)
        fig.autofmt_xdate()
        out = io.StringIO()
        fig.savefig(out, format="svg", metadata={"Date": None})
    drawn = out.getvalue()
    return drawn[drawn.index("<svg") :]  # to go inside a page: no XML declaration, no doctype


def toll_over_time(
    connection: Connection, status: str, claims: Sequence[ClaimLine], today: dt.date
) -> list[tuple[dt.date, int]]:
    """The named toll over time for a chart: from the first day the register knew of anyone
    with `status` to a month after its last news or the last claim (today at the latest)."""
    known = known_between(connection, status)
    if known is None:
        return []
    said = [line.claim.as_of.last_day() for line in claims] + [known[1]]
    return named_over_time(
        connection, status, known[0], min(today, max(said) + dt.timedelta(days=30))
    )


def known_between(connection: Connection, status: str) -> tuple[dt.date, dt.date] | None:
    """The first and the last day the register learned something of anyone with `status`,
    if it ever did: what a chart of the toll over time spans."""
    spans = status_spans.c
    query = select(func.min(spans.known_from), func.max(spans.known_from)).where(
        spans.status == status
    )
    first, last = connection.execute(query).one()
    return (dt.date.fromordinal(first), dt.date.fromordinal(last)) if first else None
