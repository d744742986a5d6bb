"""A chart of the estimates: per stratum, the persons named beside the estimated total.

A table of figures hides how wide the intervals are against what the lists name; a chart
shows it at a glance. matplotlib loads only when a chart is drawn, so every other command
starts without it, and the SVG is byte-identical for the same estimates so docs and tests
can rely on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.container import BarContainer, ErrorbarContainer
    from matplotlib.lines import Line2D

    from rollbook.analysis.estimates import Estimates
    from rollbook.analysis.mse import Estimate

    #: What a panel gives the legend: the named bars, and the interval with its point.
    Handles = tuple[BarContainer, tuple[ErrorbarContainer, Line2D]]

FORMATS = {".svg": "svg", ".png": "png"}
_ROW_INCHES = 0.3
_NAMED, _POINT = "0.8", "0.0"  # grey bars, black estimates


def draw_estimates(found: Estimates, path: Path, *, title: str) -> None:
    """Draw the strata, one row each, over the summed and pooled estimates, as SVG or PNG.

    Strata and totals get a panel each, with its own scale: on one scale the totals would
    squash the strata to slivers.
    """
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ValueError(f"cannot draw {path}: the file must end in .svg or .png")
    import matplotlib.style
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    totals = [("all (pooled)", found.pooled)]
    if found.summed is not None:
        totals.insert(0, ("sum of strata", found.summed))
    panels = [rows for rows in (list(found.strata.items()), totals) if rows]
    # matplotlib's defaults whatever the user's matplotlibrc; text kept as text; fixed ids
    fixed = rc_context({"svg.hashsalt": "rollbook", "svg.fonttype": "none"})
    with matplotlib.style.context("default"), fixed:
        heights = [len(rows) + 1.2 for rows in panels]  # + room for each panel's x axis
        fig = Figure(figsize=(7.0, 0.9 + _ROW_INCHES * sum(heights)), layout="constrained")
        axes = fig.subplots(len(panels), 1, squeeze=False, height_ratios=heights)[:, 0]
        for ax, rows in zip(axes, panels, strict=True):
            handles = _draw_rows(ax, rows)
        fig.suptitle(title)
        fig.legend(  # type: ignore[call-overload]  # tuple and container handles, stubs want Artist
            handles,
            ["named", "estimate, 95 % interval"],
            loc="outside lower center",
            ncols=2,
            frameon=False,
        )
        metadata = {"Date": None} if kind == "svg" else {}
        fig.savefig(path, format=kind, dpi=150, metadata=metadata)


def _draw_rows(ax: Axes, rows: list[tuple[str, Estimate]]) -> Handles:
    """One row per estimate, top down; the handles for the legend."""
    from matplotlib.ticker import StrMethodFormatter

    shown = [(y, e) for y, (_, e) in enumerate(rows) if e.defensible]
    bars = ax.barh(
        range(len(rows)),
        [e.observed for _, e in rows],
        height=0.6,
        color=_NAMED,
        edgecolor="0.45",
        linewidth=0.6,
    )
    interval = ax.errorbar(
        [e.low for _, e in shown],
        [y for y, _ in shown],
        xerr=[[0.0] * len(shown), [e.high - e.low for _, e in shown]],
        fmt="none",
        ecolor=_POINT,
        elinewidth=1.2,
        capsize=3,
    )
    (points,) = ax.plot(
        [e.total for _, e in shown], [y for y, _ in shown], "o", color=_POINT, markersize=5
    )
    for y, (_, e) in enumerate(rows):
        if not e.defensible:
            ax.annotate(
                "no estimate",
                (e.observed, y),
                xytext=(4, 0),
                va="center",
                textcoords="offset points",
                fontstyle="italic",
            )
    top = max([float(e.observed) for _, e in rows] + [e.high for _, e in shown])
    ax.set_xlim(0, max(top, 1.0) * 1.25)  # room for "no estimate" beside the longest bar
    ax.set_ylim(len(rows) - 0.5, -0.5)  # first row at the top
    ax.set_yticks(range(len(rows)), [label for label, _ in rows])
    ax.xaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set_xlabel("persons")
    ax.grid(axis="x", color="0.9", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return bars, (interval, points)
