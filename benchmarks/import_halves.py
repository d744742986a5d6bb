"""How long each half of a large import takes on its own: the reading process and the writer.

    python benchmarks/import_halves.py [--rows 1000000] [--out benchmarks/out]
        [--postgresql postgresql://postgres@127.0.0.1:5432/postgres] [--keep]

`rollbook import` reads a large list in two processes: a worker parses and validates the
rows and sends them on in batches, while the importing process writes them to the register.
An import can go no faster than the slower of the two, so this script runs each alone on the
list of ``import_speed.py``, as the real command runs it:

* **reading process alone**: the worker (``python -m rollbook.ingest.parallel``) given the
  very job the import would give it, its batches written to a spool file instead of a pipe.
  The job is captured from a real ``rollbook import`` that is stopped before it starts the
  worker, so nothing is written to the register by that run.
* **writing process alone**: ``rollbook import`` of the same list into a fresh register, with
  the worker replaced by the spool: every batch is ready when the writer asks for it, so this
  is the import with a reader that costs nothing (unpickling the batches is still counted,
  as in the real import). It must land: ``rollbook toll --json`` counts one person per row.
* **both, as shipped**: the plain ``rollbook import``, for comparison.

Each runs as its own process, measured as in ``import_speed.py`` (wall time from start to
reap, peak memory from ``wait4``).
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import import_speed as speed
import report

READER = "reader-alone"  # hidden first arguments: the measured processes
WRITER = "writer-alone"
CAPTURE = "capture-job"


class _Captured(Exception):
    """Raised from the patched worker once the job is saved: the capturing import stops."""


def _import(db: str, csv_path: str) -> int:
    from rollbook.cli import app

    try:
        app(["--db", db, "import", csv_path, *speed.IMPORT_ARGS])
    except SystemExit as done:
        return int(done.code or 0)
    return 0


def capture_job(db: str, csv_path: str, job_file: Path) -> int:
    """Run ``rollbook import`` until it would start its reading process; save that job."""
    import rollbook.ingest.lists as lists

    @contextmanager
    def save(job: object) -> Iterator[object]:
        job_file.write_bytes(pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL))
        raise _Captured
        yield  # never reached: the import stops here

    vars(lists)["read_in_worker"] = save
    try:
        _import(db, csv_path)
    except _Captured:
        return 0
    if job_file.exists():  # the command caught the exception and said so
        return 0
    size = lists.WORKER_FROM_BYTES >> 20
    print(f"the import read the list in one process (files under {size} MiB are): use more rows")
    return 1


def reader_alone(job_file: str, spool: str) -> int:
    """Become the real reading process, its job on standard input and its batches to ``spool``."""
    with open(job_file, "rb") as job, open(spool, "wb") as out:
        os.dup2(job.fileno(), 0)
        os.dup2(out.fileno(), 1)
    os.execv(sys.executable, [sys.executable, "-m", "rollbook.ingest.parallel"])


def writer_alone(db: str, csv_path: str, spool_file: Path) -> int:
    """``rollbook import`` with its reading process replaced by the batches in ``spool_file``."""
    import rollbook.ingest.lists as lists
    from rollbook.ingest.parallel import Batches, _receive

    @contextmanager
    def spooled(job: object) -> Iterator[Batches]:
        with spool_file.open("rb") as spool:

            def batches() -> Batches:
                while (entry := _receive(spool)) is not None and entry[0] == "batch":
                    (batch, problems), done = entry[1], entry[2]
                    yield batch, problems, done

            yield batches()

    vars(lists)["read_in_worker"] = spooled
    return _import(db, csv_path)


@dataclass(frozen=True)
class Half:
    """One measured process: its wall and CPU seconds and its peak memory."""

    what: str
    rows: int
    seconds: float
    cpu_seconds: float
    peak_bytes: int


def _measured(command: Sequence[str], log: Path, what: str, rows: int) -> Half:
    done = speed.run_checked(command, log, what)
    return Half(what, rows, done.seconds, done.cpu_seconds, done.peak_bytes)


def halves(rollbook: str, db: str, csv_path: Path, rows: int, out: Path) -> list[Half]:
    """The reading process alone, the writer alone and both together, into the register ``db``
    (a URL or a SQLite file made afresh for each run)."""
    me = [sys.executable, str(Path(__file__).resolve())]
    job, spool, log = out / "halves-job.pickle", out / "halves-spool.bin", out / "halves.log"

    def fresh() -> str:
        if "://" not in db:
            speed.fresh_sqlite(Path(db))
        else:
            _empty(db)
        speed.run_checked([rollbook, "--db", db, "init"], log, "rollbook init")
        return db

    speed.run_checked([*me, CAPTURE, fresh(), str(csv_path), str(job)], log, "capturing the job")
    results = [
        _measured([*me, READER, str(job), str(spool)], log, "reading process alone", rows),
    ]
    command = [*me, WRITER, fresh(), str(csv_path), str(spool)]
    results.append(_measured(command, log, "writing process alone", rows))
    speed.check_toll(rollbook, db, rows, out / "halves.toll.log")
    command = [rollbook, "--db", fresh(), "import", str(csv_path), *speed.IMPORT_ARGS]
    results.append(_measured(command, log, "both, as shipped", rows))
    speed.check_toll(rollbook, db, rows, out / "halves.toll.log")
    for path in (job, spool, log, out / "halves.toll.log"):
        path.unlink(missing_ok=True)
    return results


def _empty(url: str) -> None:
    """Drop every table of the PostgreSQL database at ``url`` (it is this script's own)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")


def print_halves(title: str, results: Sequence[Half]) -> None:
    lines = [("process", "rows", "seconds", "records/s", "CPU seconds", "peak MiB")]
    for r in results:
        rate, cpu = f"{r.rows / r.seconds:,.0f}", f"{r.cpu_seconds:.2f}"
        peak = f"{r.peak_bytes / (1 << 20):,.0f}"
        lines.append((r.what, f"{r.rows:,}", f"{r.seconds:.2f}", rate, cpu, peak))
    report.print_table(title, lines)
    slower = max(results[:2], key=lambda r: r.seconds)
    budget = slower.rows / speed.TARGET_ROWS_PER_SECOND
    print(f"  the slower half alone: {slower.what}, {slower.rows / slower.seconds:,.0f} records/s")
    print(
        f"  {speed.TARGET_ROWS_PER_SECOND:,} records/s allows {budget:.2f} s, "
        f"{budget * (os.cpu_count() or 1):.2f} CPU seconds on this machine's {os.cpu_count()} CPUs"
    )


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time the reading and the writing halves of a large import on their own."
    )
    parser.add_argument("--rows", type=report.at_least(1), default=speed.DEFAULT_ROWS)
    parser.add_argument("--out", type=Path, default=speed.DEFAULT_OUT)
    parser.add_argument("--postgresql", metavar="URL", help="also run on this PostgreSQL server")
    parser.add_argument("--keep", action="store_true", help="keep the CSV and the registers")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    hidden = {
        CAPTURE: lambda: capture_job(given[1], given[2], Path(given[3])),
        READER: lambda: reader_alone(given[1], given[2]),
        WRITER: lambda: writer_alone(given[1], given[2], Path(given[3])),
    }
    if given[:1] and given[0] in hidden:
        return hidden[given[0]]()
    args = parse_args(given)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    print(f"$ {speed.shown_command(['python', 'benchmarks/import_halves.py', *given])}")
    print(f"rollbook: {speed._rollbook_version()}")
    rollbook = speed._rollbook()
    csv_path, generated = speed.ensure_list(out, args.rows)
    try:
        db = out / f"halves-{args.rows}.db"
        results = halves(rollbook, str(db), csv_path, args.rows, out)
        print_halves(f"SQLite, {args.rows:,} rows", results)
        if not args.keep:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
        if args.postgresql:
            server = args.postgresql
            print(f"\nPostgreSQL {report.server_version(server)} at {report.shown(server)}")
            with speed.fresh_database(server, "halves", args.keep) as url:
                title = f"PostgreSQL, {args.rows:,} rows"
                print_halves(title, halves(rollbook, url, csv_path, args.rows, out))
    except speed.BenchmarkError as error:
        print(f"\nBENCHMARK FAILED: {error}", file=sys.stderr)
        return 1
    finally:
        if generated and not args.keep:
            for path in (csv_path, csv_path.with_suffix(".json")):
                path.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
