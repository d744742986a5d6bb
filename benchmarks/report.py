"""What the benchmark scripts share: the commit they ran at, and aligned plain-text tables."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path


def commit() -> str:
    """The checked-out Rollbook commit, so figures can be tied to the code that made them."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=Path(__file__).resolve().parent,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return done.stdout.strip() or "unknown"


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
