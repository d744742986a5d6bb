"""What the linkage benchmarks share: running Rollbook as a user would, measuring, printing.

Each measured system runs as its own process through ``import_speed.measure`` (a minimal
wrapper that forks the command and reads its peak resident memory from ``wait4``), so the
figures of one system never include another's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import subprocess
import sys
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # benchmarks/: report.py and import_speed.py

from score import Scores  # noqa: E402

import report  # noqa: E402
from import_speed import BenchmarkError, Measured, measure  # noqa: E402

__all__ = [
    "NOT_AVAILABLE",
    "BenchmarkError",
    "Measured",
    "RollbookRun",
    "Row",
    "keyed",
    "link_available",
    "measure_checked",
    "print_header",
    "print_scores",
    "rollbook_command",
    "run_main",
    "run_rollbook",
    "try_rollbook",
]

NOT_AVAILABLE = "rollbook link: not available yet"


def rollbook_command() -> str:
    """The ``rollbook`` command next to this Python (the project's virtualenv)."""
    beside = Path(sys.executable).parent / "rollbook"
    if not beside.exists():
        raise BenchmarkError(f"no rollbook command at {beside}: run with .venv/bin/python")
    return str(beside)


def link_available(rollbook: str) -> bool:
    """Whether this Rollbook has a ``link`` command."""
    done = subprocess.run([rollbook, "link", "--help"], capture_output=True, text=True, check=False)
    return done.returncode == 0


def measure_checked(command: Sequence[str], log: Path, what: str) -> Measured:
    """Measure ``command``; raise with the end of its output if it fails."""
    done = measure(command, log)
    if done.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-6:])
        raise BenchmarkError(f"{what} failed (exit code {done.returncode}), log {log}:\n{tail}")
    return done


def try_rollbook(
    db: Path, imports: Sequence[tuple[Path, Sequence[str]]], work: Path
) -> RollbookRun | Row:
    """:func:`run_rollbook`, or a table row saying why it could not run (never a made-up score)."""
    if not link_available(rollbook_command()):
        print(f"  {NOT_AVAILABLE}")
        return Row("rollbook", None, None, None, "not available yet")
    try:
        return run_rollbook(db, imports, work)
    except BenchmarkError as error:
        print(f"  rollbook FAILED: {error}")
        return Row("rollbook", None, None, None, "FAILED (see above)")


@dataclass(frozen=True)
class RollbookRun:
    """Rollbook's persons per record, with the summed wall time and the largest peak."""

    persons: dict[tuple[str, int], int]
    seconds: float
    peak_bytes: int


def run_rollbook(
    db: Path, imports: Sequence[tuple[Path, Sequence[str]]], work: Path
) -> RollbookRun:
    """``init``, ``import`` each file with its options, ``link``, ``export records``.

    Every command is its own process, as when a user types them; the wall time is their sum
    and the peak the largest of them. Returns (source title, row) -> person id.
    """
    rollbook = rollbook_command()
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    exported = work / "rollbook-records.jsonl"
    steps: list[tuple[list[str], str]] = [([rollbook, "--db", str(db), "init"], "init")]
    for path, args in imports:
        steps.append(([rollbook, "--db", str(db), "import", str(path), *args], f"import {path}"))
    steps.append(([rollbook, "--db", str(db), "link"], "link"))
    export = [rollbook, "--db", str(db), "export", "records", "--format", "json"]
    steps.append(([*export, "-o", str(exported)], "export"))
    seconds = 0.0
    peak = 0
    for n, (command, what) in enumerate(steps):
        print(f"  $ {shlex.join(['rollbook', *command[1:]])}")
        done = measure_checked(command, work / f"rollbook-{n}.log", f"rollbook {what}")
        seconds += done.seconds
        peak = max(peak, done.peak_bytes)
    persons: dict[tuple[str, int], int] = {}
    with exported.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                persons[(str(record["source_title"]), int(record["row"]))] = int(
                    record["person_id"]
                )
    return RollbookRun(persons, seconds, peak)


@dataclass(frozen=True)
class Row:
    """One system's line in a results table."""

    system: str
    scores: Scores | None
    seconds: float | None
    peak_bytes: int | None
    note: str = ""


def print_scores(title: str, rows: Sequence[Row], *, bcubed: bool = True) -> None:
    """Print pairwise (and B-cubed) precision, recall, F1, seconds and peak MiB per system."""
    header = ["system", "records", "pair P", "pair R", "pair F1"]
    if bcubed:
        header += ["B3 P", "B3 R", "B3 F1"]
    header += ["seconds", "peak MiB", "note"]
    lines = [header]
    for row in rows:
        s = row.scores
        cells = [row.system, f"{s.records:,}" if s else "-"]
        values = [s.pair_precision, s.pair_recall, s.pair_f1] if s else []
        if bcubed:
            values += [s.bcubed_precision, s.bcubed_recall, s.bcubed_f1] if s else []
        width = 6 if bcubed else 3
        cells += [f"{v:.4f}" for v in values] if s else ["-"] * width
        cells.append(f"{row.seconds:.2f}" if row.seconds is not None else "-")
        cells.append(f"{row.peak_bytes / (1 << 20):,.0f}" if row.peak_bytes else "-")
        cells.append(row.note)
        lines.append(cells)
    report.print_table(title, lines)


def keyed(clusters: Mapping[str, Hashable]) -> dict[tuple[str, int], Hashable]:
    """``{"file:row": cluster}`` (how the workers write them) as ``{(file, row): cluster}``."""
    out: dict[tuple[str, int], Hashable] = {}
    for key, cluster in clusters.items():
        name, _, row = key.rpartition(":")
        out[(name, int(row))] = cluster
    return out


def run_main(
    argv: Sequence[str] | None,
    worker: tuple[str, Callable[[list[str]], int]],
    parse_args: Callable[[Sequence[str]], argparse.Namespace],
    benchmark: Callable[[argparse.Namespace, Sequence[str]], int],
) -> int:
    """A benchmark script's entry: its hidden worker (``worker[0]`` as the first argument, the
    rest handed to ``worker[1]``), or the benchmark, which fails with a message, not a trace."""
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == [worker[0]]:
        return worker[1](given[1:])
    args = parse_args(given)
    try:
        return benchmark(args, given)
    except (BenchmarkError, subprocess.CalledProcessError) as error:
        print(f"\nBENCHMARK FAILED: {error}", file=sys.stderr)
        return 1


def print_header(script: str, given: Sequence[str], packages: Sequence[str]) -> None:
    """The command as typed, when, on what, and the versions of the packages measured."""
    print(f"$ python benchmarks/linkage/{script} {' '.join(given)}".rstrip())
    print(f"date: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(", ".join(f"{p} {metadata.version(p)}" for p in packages))
