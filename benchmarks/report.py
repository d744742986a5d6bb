"""What the benchmark scripts share: the commit they ran at, aligned plain-text tables,
PostgreSQL helpers, percentiles and argument parsers."""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
from collections.abc import Callable, Sequence
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


def libpq(url: str, database: str | None = None) -> str:
    """A libpq URI (for psycopg and for rollbook --db), optionally naming another database."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


def shown(url: str) -> str:
    """A database URL fit to print: its password hidden."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def drop_database(server: str, name: str) -> None:
    """Drop a benchmark's database on a PostgreSQL server, even with sessions still on it."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(libpq(server), autocommit=True) as admin:
        force = " WITH (FORCE)" if admin.info.server_version >= 130000 else ""
        drop = sql.SQL("DROP DATABASE IF EXISTS {}" + force)
        admin.execute(drop.format(sql.Identifier(name)))


def server_version(server: str) -> str:
    """The PostgreSQL server's version, for a benchmark's header."""
    import psycopg

    with psycopg.connect(libpq(server)) as connection:
        row = connection.execute("SHOW server_version").fetchone()
    return str(row[0]) if row else "?"


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile: the smallest value at or above `fraction` of them."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def at_least(least: int) -> Callable[[str], int]:
    """An argument parser for a whole number of at least `least` ("100_000" and "100,000"
    are read too)."""

    def parse(text: str) -> int:
        value = int(text.replace("_", "").replace(",", ""))
        if value < least:
            raise argparse.ArgumentTypeError(f"at least {least}")
        return value

    return parse


def print_write_costs(costs: dict[str, list[float]]) -> None:
    """The cost of one journalled write (seconds each), by kind: mean, median, and the mean
    of the first and of the last tenth of them (does a write slow down as the register
    grows?)."""
    header = ("write", "writes", "mean ms", "median ms", "first 10% ms", "last 10% ms")
    lines: list[Sequence[str]] = [header]
    for kind, runs in costs.items():
        tenth = max(1, len(runs) // 10)
        lines.append((
            kind, f"{len(runs):,}", f"{statistics.mean(runs) * 1000:.2f}",
            f"{statistics.median(runs) * 1000:.2f}", f"{statistics.mean(runs[:tenth]) * 1000:.2f}",
            f"{statistics.mean(runs[-tenth:]) * 1000:.2f}",
        ))  # fmt: skip
    print_table("  Each journalled write (wall time of register.write with its applier):", lines)


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """The options every speed benchmark takes: timed runs, a PostgreSQL server, --keep."""
    parser.add_argument(
        "--repeat", type=at_least(1), default=20,
        help="timed runs per day and per path (default 20)",
    )  # fmt: skip
    parser.add_argument(
        "--postgresql", metavar="URL",
        help="also run on this PostgreSQL server (a fresh database is created)",
    )  # fmt: skip
    parser.add_argument(
        "--keep", metavar="DIR", type=Path,
        help="keep the built registers (the SQLite file in DIR) and reuse them",
    )  # fmt: skip
