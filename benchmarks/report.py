"""Printing a benchmark's results as an aligned plain-text table (shared by the scripts)."""

from __future__ import annotations

from collections.abc import Sequence


def print_table(title: str, lines: Sequence[Sequence[str]]) -> None:
    """Print `title`, then the rows: the first is the header, first column left-aligned."""
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    print(f"\n{title}")
    for n, line in enumerate(lines):
        cells = [line[0].ljust(widths[0])]
        cells += [c.rjust(w) for c, w in zip(line[1:], widths[1:], strict=True)]
        print("  " + "  ".join(cells))
        if n == 0:
            print("  " + "  ".join("-" * w for w in widths))
