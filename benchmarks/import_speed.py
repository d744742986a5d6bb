"""How fast Rollbook imports a large list, next to the plain loaders on the same file.

    python benchmarks/import_speed.py [--rows 1000000] [--out benchmarks/out]
        [--postgresql postgresql://postgres@127.0.0.1:5432/postgres] [--keep] [--skip-plain]

One synthetic ministry-style CSV (``generate_list.py``) is written once, or reused when a
previous ``--keep`` run left one with the same row count. Then, on SQLite:

* **rollbook**: ``rollbook --db FILE init`` on a fresh file (not timed), then
  ``rollbook --db FILE import LIST.csv --status killed --published 2021-01-01 --party Azerbaijan``
  (timed): parsing, validation, name keys, the journal and the toll cube, all in one process
  started from scratch, so Python start-up is included. The import must really land:
  ``rollbook toll --json`` has to count one person per row, or the benchmark fails.
* **sqlite3 .import**: the sqlite3 shell loading the same CSV into a table of text columns,
  with no validation at all. This is the reference the ratio column divides by.
* **sqlite-utils**: ``sqlite-utils insert FILE t LIST.csv --csv`` at its defaults, when the
  command is installed. It manages a few thousand rows a second, so it loads only the first
  100,000 rows; rows/s stays comparable.

With ``--postgresql SERVER_URL`` the Rollbook import is repeated into a fresh database created
on that server (dropped afterwards unless ``--keep``), next to a raw ``COPY t FROM STDIN`` of the
same CSV with psycopg into a fresh database holding one plain table of text columns.

Each measured command runs as its own process; its wall time runs from just before it is
started to just after it is reaped. Peak memory: see :func:`measure`.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import report

HERE = Path(__file__).resolve().parent
GENERATOR = HERE / "generate_list.py"
DEFAULT_OUT = HERE / "out"
DEFAULT_ROWS = 1_000_000
SEED = 2020
SQLITE_UTILS_ROWS = 100_000
IMPORT_ARGS = ["--status", "killed", "--published", "2021-01-01", "--party", "Azerbaijan"]

# The targets of the issue, checked against the Rollbook rows (stated for 1,000,000 rows).
TARGET_ROWS_PER_SECOND = 100_000
TARGET_PEAK_BYTES = 1 << 30
TARGET_RATIO = 2.0

COPY_WORKER = "copy-worker"  # hidden first argument: run the raw COPY baseline and exit


class BenchmarkError(Exception):
    """A loader failed or loaded something other than the file: the figures would be wrong."""


# --------------------------------------------------------------------------- measuring


@dataclass(frozen=True)
class Measured:
    """One finished child process: wall seconds, peak resident memory, exit code, and CPU
    seconds (user and system, the process's own and those of the children it reaped, such as
    the reading process of `rollbook import`)."""

    seconds: float
    peak_bytes: int
    returncode: int
    cpu_seconds: float


# The measuring wrapper: a fresh, minimal Python (-I -S, only os, sys and time imported) that
# forks, execs the command, reaps it with wait4 and writes "seconds max_rss exit_code cpu" to the
# file named by its first argument. See measure() for why it exists.
_WRAPPER = """
import os, sys, time
result, command = sys.argv[1], sys.argv[2:]
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
with open(result, "w") as out:
    cpu = usage.ru_utime + usage.ru_stime
    out.write(f"{seconds!r} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)} {cpu!r}")
"""


def measure(command: Sequence[str], log: Path) -> Measured:
    """Run ``command`` in its own process, its output going to ``log``, and measure it.

    Peak memory is the ``ru_maxrss`` that ``wait4`` reports for that one process. Two traps
    decide how it is run:

    * ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` is the maximum over *every* child reaped so far
      (the CSV generator, the other loaders...), so it is not used: ``wait4`` gives the usage of
      the one child it reaps.
    * A child's ``ru_maxrss`` also counts the memory of the process it was forked from: Linux
      folds the high-water mark of the pre-``exec`` address space (a copy of the parent's, or
      with vfork the parent's own) into it. Forked straight from this script, a 6 MiB sqlite3
      shell would show this script's peak instead. So each command is forked from a fresh,
      minimal wrapper Python (``_WRAPPER``), which puts a floor of about 5 to 7 MiB under
      every figure; only the sqlite3 shell comes near it.

    Wall time is taken inside the wrapper, from just before the fork to just after the reap, so
    the wrapper's own start-up is not counted. No psutil polling: sampling can miss a short peak.
    """
    result = log.with_suffix(".measure")
    result.unlink(missing_ok=True)
    wrapper = [sys.executable, "-I", "-S", "-c", _WRAPPER, str(result), *command]
    with log.open("wb") as output:
        done = subprocess.run(
            wrapper, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT, check=False
        )
    if done.returncode != 0 or not result.exists():
        raise BenchmarkError(f"the measuring wrapper failed for {shlex.join(command)}")
    seconds, max_rss, returncode, cpu = result.read_text().split()
    result.unlink()
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return Measured(float(seconds), int(max_rss) * scale, int(returncode), float(cpu))


def run_checked(command: Sequence[str], log: Path, what: str) -> Measured:
    """Measure ``command``; raise with the tail of its output if it fails."""
    done = measure(command, log)
    if done.returncode != 0:
        raise BenchmarkError(
            f"{what} failed (exit code {done.returncode}): {shlex.join(command)}\n{_tail(log)}"
        )
    return done


def shown_command(command: Sequence[str]) -> str:
    """A command line for the output: paths under this directory relative, passwords hidden."""
    return shlex.join(
        report.shown(part) if "://" in part else str(_short(Path(part))) for part in command
    )


def _short(path: Path) -> Path:
    """``path`` relative to the current directory when it lies under it."""
    here = Path.cwd()
    return path.relative_to(here) if path.is_absolute() and path.is_relative_to(here) else path


def _tail(log: Path, lines: int = 30) -> str:
    text = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(text[-lines:])


@dataclass(frozen=True)
class Result:
    """One line of a results table."""

    loader: str
    rows: int
    seconds: float
    peak_bytes: int | None

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0


def print_table(title: str, results: Sequence[Result], reference: str | None) -> None:
    """Print loader, rows, seconds, rows/s, peak MiB and the ratio to ``reference``.

    The ratio is how many times longer than the reference a loader takes per row
    (reference rows/s divided by the loader's): 1.00x is as fast, 2.00x twice as slow.
    """
    base = next((r for r in results if r.loader == reference), None)
    header = ("loader", "rows", "seconds", "rows/s", "peak MiB", f"x {reference or '-'}")
    lines = [header]
    for r in results:
        ratio = f"{base.rate / r.rate:.2f}x" if base is not None and r.rate > 0 else "-"
        peak = f"{r.peak_bytes / (1 << 20):,.0f}" if r.peak_bytes is not None else "-"
        lines.append((r.loader, f"{r.rows:,}", f"{r.seconds:.2f}", f"{r.rate:,.0f}", peak, ratio))
    report.print_table(title, lines)


def print_targets(results: Sequence[Result], reference: str | None, rows: int) -> None:
    """Say which of the issue's targets the Rollbook import met."""
    ours = next((r for r in results if r.loader == "rollbook"), None)
    base = next((r for r in results if r.loader == reference), None)
    if ours is None:
        return
    print("  targets (stated for 1,000,000 rows):")
    if rows != 1_000_000:
        print(f"    note: this run has {rows:,} rows")
    met = ours.rate >= TARGET_ROWS_PER_SECOND
    print(f"    >= {TARGET_ROWS_PER_SECOND:,} records/s: {_verdict(met)} ({ours.rate:,.0f})")
    if ours.peak_bytes is not None:
        met = ours.peak_bytes < TARGET_PEAK_BYTES
        peak = ours.peak_bytes / (1 << 20)
        print(f"    peak memory < 1 GiB: {_verdict(met)} ({peak:,.0f} MiB)")
    if base is not None and ours.rate > 0:
        ratio = base.rate / ours.rate
        met = ratio <= TARGET_RATIO
        print(f"    within {TARGET_RATIO:g}x of {reference}: {_verdict(met)} ({ratio:.2f}x)")


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"


# --------------------------------------------------------------------------- files


def _rollbook() -> str:
    """The rollbook command of this Python's environment (or on PATH)."""
    found = _find("rollbook")
    if found is None:
        raise BenchmarkError("no `rollbook` command: install the package (pip install -e .)")
    return found


def _rollbook_version() -> str:
    try:
        version = metadata.version("rollbook")
    except metadata.PackageNotFoundError:
        version = "?"
    commit = _version(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(
        ["git", "-C", str(HERE.parent), "status", "--porcelain", "--", "src"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return f"{version} (commit {commit}{', src/ modified' if dirty else ''})"


def _find(command: str) -> str | None:
    """A command on PATH, or next to this Python (an unactivated virtualenv)."""
    beside = Path(sys.executable).parent / command
    return str(beside) if beside.exists() else shutil.which(command)


def ensure_list(out: Path, rows: int) -> tuple[Path, bool]:
    """The benchmark CSV with ``rows`` rows, and whether this run generated it.

    A sidecar ``.json`` records the row count, seed and size once the file is complete, so a
    half-written or differently sized file is never reused.
    """
    path = out / f"list-{rows}.csv"
    sidecar = path.with_suffix(".json")
    if path.exists() and sidecar.exists():
        facts = json.loads(sidecar.read_text())
        if facts == {"rows": rows, "seed": SEED, "bytes": path.stat().st_size}:
            print(f"reusing {path} ({rows:,} rows)")
            return path, False
    sidecar.unlink(missing_ok=True)
    print(f"generating {path} ({rows:,} rows)...")
    partial = path.with_suffix(".partial.csv")
    command = [sys.executable, str(GENERATOR), str(partial), "--rows", str(rows)]
    command += ["--seed", str(SEED)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    partial.replace(path)
    sidecar.write_text(json.dumps({"rows": rows, "seed": SEED, "bytes": path.stat().st_size}))
    return path, True


def first_rows(source: Path, target: Path, rows: int) -> int:
    """Copy the header and the first ``rows`` records of ``source``; return how many."""
    count = 0
    with (
        source.open(encoding="utf-8", newline="") as inp,
        target.open("w", encoding="utf-8", newline="") as out,
    ):
        reader = csv.reader(inp)
        writer = csv.writer(out)
        writer.writerow(next(reader))
        for record in reader:
            if count == rows:
                break
            writer.writerow(record)
            count += 1
    return count


def fresh_sqlite(path: Path) -> Path:
    """Remove a SQLite file and its WAL/SHM/journal companions."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def sqlite_count(path: Path, table: str = "t") -> int:
    with sqlite3.connect(path) as connection:
        (n,) = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    return int(n)


def _version(command: Sequence[str]) -> str:
    try:
        done = subprocess.run(list(command), capture_output=True, text=True, check=False)
    except OSError:
        return "?"
    return (done.stdout or done.stderr).strip().splitlines()[0] if done.returncode == 0 else "?"


# --------------------------------------------------------------------------- loaders


def rollbook_import(rollbook: str, db: str, csv_path: Path, rows: int, log: Path) -> Result:
    """Init a register at ``db`` (untimed), import ``csv_path`` (timed) and check it landed."""
    run_checked([rollbook, "--db", db, "init"], log, "rollbook init")
    command = [rollbook, "--db", db, "import", str(csv_path), *IMPORT_ARGS]
    print(f"  $ {shown_command(command)}")
    done = run_checked(command, log, "rollbook import")
    check_toll(rollbook, db, rows, log.with_suffix(".toll.log"))
    return Result("rollbook", rows, done.seconds, done.peak_bytes)


def check_toll(rollbook: str, db: str, rows: int, log: Path) -> None:
    """Fail loudly unless ``rollbook toll --json`` counts one person per row."""
    run_checked([rollbook, "--db", db, "toll", "--json"], log, "rollbook toll")
    text = log.read_text(encoding="utf-8")
    try:
        total = sum(json.loads(text)["totals"].values())
    except (ValueError, KeyError, TypeError) as error:
        raise BenchmarkError(f"rollbook toll --json printed no totals ({error}):\n{text}") from None
    if total != rows:
        raise BenchmarkError(
            f"the import did not land: the toll counts {total:,} persons for {rows:,} rows"
        )
    print(f"  checked: rollbook toll --json counts {total:,} persons")


def sqlite_shell(sqlite: str, csv_path: Path, db: Path, rows: int, log: Path) -> Result:
    """The sqlite3 shell's ``.import`` into a fresh file (first row = column names)."""
    fresh_sqlite(db)
    command = [sqlite, str(db), "-cmd", ".mode csv", f".import {_dot_arg(_short(csv_path))} t"]
    print(f"  $ {shown_command(command)}")
    done = run_checked(command, log, "sqlite3 .import")
    loaded = sqlite_count(db)
    if loaded != rows:
        raise BenchmarkError(f"sqlite3 .import loaded {loaded:,} rows, not {rows:,}:\n{_tail(log)}")
    return Result("sqlite3 .import", rows, done.seconds, done.peak_bytes)


def _dot_arg(path: Path) -> str:
    """A file name as one argument of a sqlite3 shell dot-command."""
    text = str(path)
    if any(c.isspace() or c in "\"'\\" for c in text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def sqlite_utils(
    command: str, csv_path: Path, db: Path, rows: int, log: Path, *, subset: bool
) -> Result:
    """``sqlite-utils insert FILE t LIST.csv --csv``, at its defaults, into a fresh file."""
    fresh_sqlite(db)
    argv = [command, "insert", str(db), "t", str(csv_path), "--csv"]
    print(f"  $ {shown_command(argv)}")
    done = run_checked(argv, log, "sqlite-utils insert")
    loaded = sqlite_count(db)
    if loaded != rows:
        raise BenchmarkError(f"sqlite-utils loaded {loaded:,} rows, not {rows:,}:\n{_tail(log)}")
    label = f"sqlite-utils (first {rows:,})" if subset else "sqlite-utils"
    return Result(label, rows, done.seconds, done.peak_bytes)


def copy_worker(url: str, csv_path: Path) -> int:
    """The raw PostgreSQL baseline, run as its own process: COPY the CSV into a text table.

    The table is a plain (logged) table, like Rollbook's own, with one ``text`` column per CSV
    column; the header row is skipped by COPY. Prints the number of rows loaded.
    """
    import psycopg
    from psycopg import sql

    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        width = len(next(csv.reader(handle)))
    columns = sql.SQL(", ").join(
        sql.SQL("{} text").format(sql.Identifier(f"c{i}")) for i in range(1, width + 1)
    )
    with psycopg.connect(url) as connection:
        connection.execute(sql.SQL("CREATE TABLE t ({})").format(columns))
        with (
            connection.cursor() as cursor,
            cursor.copy("COPY t FROM STDIN (FORMAT csv, HEADER true)") as copy,
            csv_path.open("rb") as data,
        ):
            while block := data.read(1 << 20):
                copy.write(block)
        row = connection.execute("SELECT count(*) FROM t").fetchone()
    print(row[0] if row else 0)
    return 0


def postgresql_copy(url: str, csv_path: Path, rows: int, log: Path) -> Result:
    command = [sys.executable, str(Path(__file__).resolve()), COPY_WORKER, url, str(csv_path)]
    shown = shown_command([*command[:3], "DB_URL", *command[4:]])
    print(f"  $ {shown}  (psycopg: COPY t FROM STDIN (FORMAT csv, HEADER true))")
    done = run_checked(command, log, "COPY")
    printed = log.read_text().split()
    loaded = int(printed[-1]) if printed and printed[-1].isdigit() else -1
    if loaded != rows:
        raise BenchmarkError(f"COPY loaded {loaded:,} rows, not {rows:,}")
    return Result("COPY FROM STDIN", rows, done.seconds, done.peak_bytes)


# --------------------------------------------------------------------------- PostgreSQL


@contextmanager
def fresh_database(server: str, purpose: str, keep: bool) -> Iterator[str]:
    """Create a uniquely named database on ``server``; yield its URL; drop it unless ``keep``."""
    import psycopg
    from psycopg import sql

    name = f"rollbook_bench_{purpose}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(report.libpq(server), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = report.libpq(server, name)
    try:
        yield url
    finally:
        if keep:
            print(f"  kept database {report.shown(url)}; time the tolls with:")
            print(f"    python benchmarks/toll_speed.py --db {report.shown(url)}")
        else:
            report.drop_database(server, name)


# --------------------------------------------------------------------------- main


def _row_count(text: str) -> int:
    value = int(text.replace("_", "").replace(",", ""))
    if value < 1:
        raise argparse.ArgumentTypeError("rows must be at least 1")
    return value


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time Rollbook's import of a large list next to the plain loaders."
    )
    parser.add_argument(
        "--rows", type=_row_count, default=DEFAULT_ROWS, help="rows in the list (default 1,000,000)"
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="working directory (default benchmarks/out)"
    )
    parser.add_argument(
        "--postgresql",
        metavar="URL",
        help="also benchmark on this PostgreSQL server (a fresh database is created on it)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the CSV, the databases and the logs"
    )
    parser.add_argument(
        "--skip-plain", action="store_true", help="run only Rollbook, not the plain loaders"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == [COPY_WORKER]:
        return copy_worker(given[1], Path(given[2]))
    args = parse_args(given)
    try:
        return benchmark(args, given)
    except (BenchmarkError, subprocess.CalledProcessError) as error:
        print(f"\nBENCHMARK FAILED: {error}", file=sys.stderr)
        print(f"(the files and logs are left in {args.out})", file=sys.stderr)
        return 1


def benchmark(args: argparse.Namespace, given: Sequence[str]) -> int:
    rows: int = args.rows
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    rollbook = _rollbook()
    sqlite = None if args.skip_plain else _find("sqlite3")
    utils = None if args.skip_plain else _find("sqlite-utils")

    print(f"$ {shown_command(['python', 'benchmarks/import_speed.py', *given])}")
    print(f"date: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}"
    )
    print(f"rollbook: {_rollbook_version()}")
    if sqlite:
        print(f"sqlite3 shell: {_version([sqlite, '--version'])}")
    if utils:
        print(f"sqlite-utils: {_version([utils, '--version'])}")

    csv_path, generated = ensure_list(out, rows)
    size = csv_path.stat().st_size
    print(f"list: {csv_path} ({rows:,} rows, {size / (1 << 20):,.1f} MiB)")
    created: list[Path] = [csv_path, csv_path.with_suffix(".json")] if generated else []

    print("\nSQLite")
    results: list[Result] = []
    if args.skip_plain:
        print("  plain loaders skipped (--skip-plain)")
    elif sqlite is None:
        print("  sqlite3 .import skipped: no `sqlite3` command on PATH (apt-get install sqlite3)")
    else:
        db = out / "sqlite3-shell.db"
        created += [db, out / "sqlite3-shell.log"]
        results.append(sqlite_shell(sqlite, csv_path, db, rows, out / "sqlite3-shell.log"))

    db = fresh_sqlite(out / f"rollbook-{rows}.db")
    created += [db, Path(f"{db}-wal"), Path(f"{db}-shm")]
    created += [out / "rollbook.log", out / "rollbook.toll.log"]
    results.append(rollbook_import(rollbook, str(db), csv_path, rows, out / "rollbook.log"))

    if not args.skip_plain:
        if utils is None:
            print(
                "  sqlite-utils skipped: no `sqlite-utils` command on PATH "
                "(install it with `pip install sqlite-utils`)"
            )
        else:
            subset = csv_path
            if rows > SQLITE_UTILS_ROWS:
                subset = out / f"list-first-{SQLITE_UTILS_ROWS}.csv"
                created.append(subset)
                first_rows(csv_path, subset, SQLITE_UTILS_ROWS)
                print(
                    f"  sqlite-utils loads only the first {SQLITE_UTILS_ROWS:,} rows "
                    "(it is slow); its rows/s is comparable"
                )
            n = min(rows, SQLITE_UTILS_ROWS)
            udb = out / "sqlite-utils.db"
            created += [udb, out / "sqlite-utils.log"]
            ulog = out / "sqlite-utils.log"
            results.append(sqlite_utils(utils, subset, udb, n, ulog, subset=rows > n))

    reference = None if sqlite is None else "sqlite3 .import"
    print_table(f"SQLite, {rows:,} rows", results, reference)
    print_targets(results, reference, rows)

    if args.postgresql:
        server = args.postgresql
        print(f"\nPostgreSQL {report.server_version(server)} at {report.shown(server)}")
        pg_results: list[Result] = []
        created += [out / "pg-copy.log", out / "pg-rollbook.log", out / "pg-rollbook.toll.log"]
        if args.skip_plain:
            print("  COPY baseline skipped (--skip-plain)")
        else:
            with fresh_database(args.postgresql, "copy", keep=False) as url:
                pg_results.append(postgresql_copy(url, csv_path, rows, out / "pg-copy.log"))
        with fresh_database(args.postgresql, "register", keep=args.keep) as url:
            log = out / "pg-rollbook.log"
            pg_results.append(rollbook_import(rollbook, url, csv_path, rows, log))
        reference = None if args.skip_plain else "COPY FROM STDIN"
        print_table(f"PostgreSQL, {rows:,} rows", pg_results, reference)
        print(
            "  peak MiB is the client process only (the COPY script, or the rollbook command); "
            "the server's memory is not counted"
        )
        print_targets(pg_results, reference, rows)

    if args.keep:
        print(f"\nkept the files in {out}; time the tolls with:")
        print(f"  python benchmarks/toll_speed.py --db {out / f'rollbook-{rows}.db'}")
    else:
        for path in created:
            path.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
