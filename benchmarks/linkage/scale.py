"""Deduplicating a million records: Rollbook's ``link`` against the issue's targets.

    python benchmarks/linkage/scale.py [--records 1000000] [--seed 2020] [--corpus DIR]
        [--no-service-numbers] [--out benchmarks/out/linkage-scale] [--limit 1200]
        [--keep] [--skip-splink]

The corpus comes from ``scale_corpus.py`` (four Latin-script lists of one invented population,
Zipf-like names, about 30 % of the people recorded two or three times with typos, shifted
dates and missing fields). It is generated into the working folder, or reused from there
(or from ``--corpus``) when its manifest has the same records, seed and service-number setting.

Each step runs as its own measured process, as a user would type it: wall seconds from the
start of the process to its end, and the peak resident memory ``wait4`` reports for it
(``import_speed.measure``).

* ``rollbook --db FILE init``, then ``rollbook import`` of each list with the manifest's
  options (total seconds and the largest peak), then ``rollbook export records --format
  json``: the persons after import alone. Import already joins records that share a
  service number, so this row shows what ``link`` is given for free.
* ``rollbook link --json`` (seconds and peak: the figures the targets are about), stopped with
  SIGTERM past ``--limit`` seconds or, with ``--max-gib``, above that much resident memory;
  then ``rollbook export records`` again: each record's person, read back through its source
  title (the file name) and row.
* **splink (3 rules)**: plain Splink 5 on DuckDB over the names as the lists write them
  (lower-cased), the full birth date in ISO form and the birth year: blocking on the surname,
  on the given name with the birth year, and on the birth date; prior from exact name and
  birth year, u from random pairs, EM on samples of 5,000,000 blocked pairs, predict at 0.5,
  connected components at 0.5. Its blocking recall (the share of true pairs that any of its
  rules produces at all) is counted from the truth.

Scores: pairwise and B-cubed precision, recall and F1 (``score.py``) against ``truth.csv``,
with the issue's targets (link within 300 s and 4 GiB, pair F1 at least 0.95, stated for
1,000,000 records) beside Rollbook's row.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import hashlib
import importlib.util
import json
import logging
import os
import shlex
import shutil
import signal
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import (
    BenchmarkError,
    Measured,
    Row,
    keyed,
    print_header,
    print_scores,
    rollbook_command,
    run_main,
)
from score import Scores, score

import report
from import_speed import measure

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent / "out" / "linkage-scale"
GENERATOR = HERE / "scale_corpus.py"
WORKER = "splink-worker"  # hidden first argument: run the Splink baseline and exit

TARGET_SECONDS = 300.0
TARGET_PEAK_BYTES = 4 << 30
TARGET_PAIR_F1 = 0.95
TARGET_RECORDS = 1_000_000
TIMED_OUT = 124  # the exit code of coreutils ``timeout`` when the limit ran out
MIB = 1 << 20

Key = tuple[str, int]

# ------------------------------------------------------------------------------ corpus


def ensure_corpus(args: argparse.Namespace, work: Path) -> Path:
    """The corpus folder: ``--corpus``, one already in the working folder, or a new one."""
    if args.corpus is not None:
        folder = Path(args.corpus).resolve()
        if not (folder / "manifest.json").exists():
            raise BenchmarkError(f"{folder} has no manifest.json: write it with scale_corpus.py")
        return folder
    suffix = "-no-sn" if args.no_service_numbers else ""
    folder = work / f"corpus-{args.records}-{args.seed}{suffix}"
    if (folder / "manifest.json").exists():
        manifest = load_manifest(folder)
        if (manifest["records"], manifest["seed"], manifest["service_numbers"]) == (
            args.records,
            args.seed,
            not args.no_service_numbers,
        ):
            print(f"corpus: reusing {_shown(folder)}")
            return folder
    command = [sys.executable, str(GENERATOR), str(folder)]
    command += ["--records", str(args.records), "--seed", str(args.seed)]
    if args.no_service_numbers:
        command.append("--no-service-numbers")
    print(f"  $ {shown_command(['python', *command[1:]])}")
    done = measure(command, work / "generate.log")
    if done.returncode != 0:
        raise BenchmarkError(f"the generator failed, log {work / 'generate.log'}")
    print(f"  generated in {done.seconds:.1f} s, peak {done.peak_bytes / MIB:,.0f} MiB")
    return folder


def source_fingerprint() -> str:
    """A short hash of the Rollbook source that is about to run, and when it last changed.

    The linker is being worked on while benchmarks run; a figure is only worth quoting with
    the code it came from. Found without importing Rollbook.
    """
    spec = importlib.util.find_spec("rollbook")
    if spec is None or not spec.submodule_search_locations:
        return "not found"
    root = Path(next(iter(spec.submodule_search_locations)))
    files = sorted(p for p in root.rglob("*") if p.suffix in (".py", ".toml") and p.is_file())
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    changed = max(p.stat().st_mtime for p in files)
    stamp = dt.datetime.fromtimestamp(changed).astimezone().isoformat(timespec="seconds")
    return f"sha256 {digest.hexdigest()[:12]} of {len(files)} files, last changed {stamp}"


def load_manifest(folder: Path) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text("utf-8"))
    return manifest


def load_truth(folder: Path) -> dict[Key, int]:
    """``truth.csv`` as (file, row) -> true person id."""
    with (folder / "truth.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        return {(name, int(row)): int(person) for name, row, person in reader}


# ------------------------------------------------------------------------------ measuring


@dataclass(frozen=True)
class Step:
    """One measured command of the Rollbook run."""

    what: str
    seconds: float
    peak_bytes: int
    note: str = ""


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def shown_command(command: Sequence[str]) -> str:
    """A command line for the output, paths under the current folder relative."""
    return shlex.join(_shown(Path(part)) if part.startswith("/") else part for part in command)


def limited(command: Sequence[str], limit: float) -> list[str]:
    """``command`` stopped with SIGTERM after ``limit`` seconds (SIGKILL 30 s later).

    SIGTERM, not SIGKILL: ``timeout`` then reaps the command and exits itself, so the peak
    memory ``wait4`` reports for ``timeout`` includes the command's (killed by SIGKILL,
    ``timeout`` dies with it and the command's usage is lost).
    """
    return ["timeout", "-s", "TERM", "-k", "30", f"{limit:.0f}", *command]


@dataclass(frozen=True)
class Limits:
    """When a long step is stopped: after ``seconds``, or above ``max_bytes`` resident."""

    seconds: float | None = None
    max_bytes: int | None = None


def run_step(
    command: Sequence[str], log: Path, what: str, limits: Limits | None = None
) -> Measured:
    """Measure one command; raise :class:`StepFailed` if it fails or is stopped.

    With ``limits``, the command runs under ``timeout`` and, given ``max_bytes``, a
    :class:`MemoryWatch` stops it once its resident memory passes that many bytes.
    """
    print(
        f"  $ {shown_command(['rollbook', *command[1:]] if 'rollbook' in command[0] else command)}"
    )
    limits = limits or Limits()
    watch = MemoryWatch(command, limits.max_bytes) if limits.max_bytes else None
    if watch:
        watch.start()
    try:
        done = measure(limited(command, limits.seconds) if limits.seconds else command, log)
    finally:
        if watch:
            watch.stop()
    if watch and watch.stopped_at:
        raise StepFailed(
            what,
            done,
            f"stopped above {watch.max_bytes / (1 << 30):g} GiB "
            f"after {done.seconds:.0f} s ({watch.stopped_at / MIB:,.0f} MiB seen)",
        )
    if done.returncode == TIMED_OUT and limits.seconds:
        raise StepFailed(what, done, f"stopped after {done.seconds:.0f} s (--limit)")
    if done.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-8:])
        raise StepFailed(what, done, f"failed (exit code {done.returncode}), log {log}:\n{tail}")
    return done


class StepFailed(BenchmarkError):
    """A step failed or was stopped; its seconds and peak up to then are kept."""

    def __init__(self, what: str, done: Measured, why: str) -> None:
        super().__init__(f"{what} {why}")
        self.done = done
        self.why = why.splitlines()[0]


class MemoryWatch(threading.Thread):
    """Stops (SIGTERM) a running command once its resident memory passes a ceiling.

    On a shared machine a linker that grows without bound would push the kernel's
    out-of-memory killer onto other people's work; this ends the run first and keeps the
    figures up to then. The command is found by its full command line in ``/proc``, leaving
    out the ``timeout`` and measuring-wrapper processes that carry the same arguments.
    """

    def __init__(self, command: Sequence[str], max_bytes: int) -> None:
        super().__init__(daemon=True)
        self.command = [str(part) for part in command]
        self.max_bytes = max_bytes
        self.stopped_at = 0
        self._done = threading.Event()

    def stop(self) -> None:
        self._done.set()
        self.join()

    def run(self) -> None:
        while not self._done.wait(1.0):
            for pid, rss in self._matching():
                if rss > self.max_bytes:
                    self.stopped_at = rss
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGTERM)
                    return

    def _matching(self) -> list[tuple[int, int]]:
        """(pid, resident bytes) of the processes running exactly this command."""
        found: list[tuple[int, int]] = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                args = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")[:-1]
                status = (entry / "status").read_text()
            except OSError:
                continue
            # The command itself, or its interpreter running it (python .venv/bin/rollbook).
            if args[-len(self.command) :] != self.command or args[0] == "timeout":
                continue
            if "-I" in args[:3] or len(args) > len(self.command) + 1:
                continue
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    found.append((int(entry.name), int(line.split()[1]) * 1024))
        return found


# ------------------------------------------------------------------------------ Rollbook


@dataclass
class RollbookRun:
    """What the Rollbook steps gave: persons after import and after link, and the steps."""

    after_import: dict[Key, int] = field(default_factory=dict)
    after_link: dict[Key, int] | None = None
    steps: list[Step] = field(default_factory=list)
    link: Step | None = None
    link_report: dict[str, Any] = field(default_factory=dict)
    failure: str = ""

    def imports(self) -> tuple[float, int]:
        """Summed seconds and largest peak of the imports."""
        steps = [s for s in self.steps if s.what.startswith("import")]
        return sum(s.seconds for s in steps), max((s.peak_bytes for s in steps), default=0)


def read_export(path: Path) -> dict[Key, int]:
    """(source title, row) -> person id from ``rollbook export records --format json``."""
    persons: dict[Key, int] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                persons[(str(record["source_title"]), int(record["row"]))] = int(
                    record["person_id"]
                )
    return persons


def run_rollbook(
    folder: Path, manifest: Mapping[str, Any], work: Path, limits: Limits, keep: bool
) -> RollbookRun:
    """init, import every list, export, link (within ``limits``), export."""
    rollbook = rollbook_command()
    db = work / "rollbook-scale.db"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    base = [rollbook, "--db", str(db)]
    run = RollbookRun()

    def step(what: str, args: Sequence[str], log: str, step_limits: Limits | None = None) -> Step:
        done = run_step([*base, *args], work / log, what, step_limits)
        measured = Step(what, done.seconds, done.peak_bytes)
        run.steps.append(measured)
        return measured

    def export(what: str) -> dict[Key, int]:
        path = work / f"records-{what}.jsonl"
        args = ["export", "records", "--format", "json", "-o", str(path)]
        step(f"export ({what})", args, f"rollbook-export-{what}.log")
        persons = read_export(path)
        if not keep:
            path.unlink()
        return persons

    step("init", ["init"], "rollbook-init.log")
    for n, entry in enumerate(manifest["files"], start=1):
        args = ["import", str(folder / entry["file"]), *entry["import_args"]]
        step(f"import {entry['file']}", args, f"rollbook-import-{n}.log")
    run.after_import = export("after-import")
    log = work / "rollbook-link.log"
    try:
        run.link = step("link", ["link", "--json"], log.name, limits)
    except StepFailed as failed:
        run.link = Step("link", failed.done.seconds, failed.done.peak_bytes, failed.why)
        run.steps.append(run.link)
        run.failure = f"link {failed.why}"
        print(f"  rollbook {failed}")
        return run
    text = log.read_text(encoding="utf-8", errors="replace")
    if "{" in text:
        run.link_report = json.loads(text[text.index("{") : text.rindex("}") + 1])
    run.after_link = export("after-link")
    if not keep:
        for path in work.glob("rollbook-scale.db*"):
            path.unlink()
    return run


# ------------------------------------------------------------------------------ Splink


def iso_birth(text: str, style: str) -> str:
    """A birth date in the list's format as "YYYY-MM-DD", "YYYY" for a year alone, or ""."""
    text = text.strip()
    if not text or len(text) == 4:
        return text
    if style == "iso":
        return text
    if style == "long":
        day, month, year = text.split()
        return f"{year}-{MONTH_NUMBERS[month]:02d}-{int(day):02d}"
    day, month, year = text.split(style[-1])
    return f"{year}-{month}-{day}"


MONTH_NUMBERS = {
    name: n
    for n, name in enumerate(
        ["January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"], start=1,
    )
}  # fmt: skip


def baseline_records(folder: Path, manifest: Mapping[str, Any]) -> dict[str, list[str | None]]:
    """Columns for the baseline: "file:row", surname and given name lower-cased as written,
    full birth date (ISO) and birth year. No transliteration: that is Rollbook's part."""
    out: dict[str, list[str | None]] = {
        "unique_id": [], "surname": [], "given_name": [], "birth_date": [], "birth_year": [],
    }  # fmt: skip
    for entry in manifest["files"]:
        columns, style = entry["columns"], entry["date_format"]
        with (folder / entry["file"]).open(encoding=entry["encoding"], newline="") as handle:
            reader = csv.reader(handle, delimiter=entry["delimiter"])
            header = next(reader)
            at = {name: header.index(columns[name]) for name in ("surname", "given", "birth")}
            for line, cells in enumerate(reader, start=2):
                birth = iso_birth(cells[at["birth"]], style)
                out["unique_id"].append(f"{entry['file']}:{line}")
                out["surname"].append(cells[at["surname"]].strip().lower() or None)
                out["given_name"].append(cells[at["given"]].strip().lower() or None)
                # A year alone is no date: blocked or compared as one, every year-only
                # record would "share a birth date" with every other of that year.
                out["birth_date"].append(birth if len(birth) == 10 else None)
                out["birth_year"].append(birth[:4] or None)
    return out


def splink_worker(folder: Path, result: Path) -> int:
    """Run the plain Splink baseline in this process; write its clusters and phase times."""
    import pyarrow as pa
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    phases: dict[str, float] = {}
    started = time.perf_counter()

    def phase(name: str) -> None:
        nonlocal started
        now = time.perf_counter()
        phases[name] = round(now - started, 2)
        started = now

    records = baseline_records(folder, load_manifest(folder))
    phase("read")
    db_api = DuckDBAPI()
    table = db_api.register(pa.table(records), table_name="lists")
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=[
            cl.JaroWinklerAtThresholds("surname", [0.92, 0.8]),
            cl.LevenshteinAtThresholds("given_name", [1, 2]),
            cl.CustomComparison(
                [
                    cll.NullLevel("birth_date"),
                    cll.ExactMatchLevel("birth_date"),
                    cll.ExactMatchLevel("birth_year"),
                    cll.ElseLevel(),
                ],
                output_column_name="birth_date",
            ),
        ],
        blocking_rules_to_generate_predictions=[block_on(*rule) for rule in SPLINK_RULES],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(table, settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("surname", "given_name", "birth_year")], recall=0.6
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=1)
    # EM on the birth date trains the names; on surname and given name, the birth date.
    # Each on a sample of about EM_PAIRS blocked pairs: at a million records, the birth date
    # alone blocks some hundred million pairs, and EM over all of them needs many GiB.
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("birth_date"), max_pairs=EM_PAIRS
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("surname", "given_name"), max_pairs=EM_PAIRS
    )
    phase("train")
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    phase("predict")
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, 0.5)
    found = clusters.as_pyarrow_table().select(["unique_id", "cluster_id"]).to_pydict()  # type: ignore[no-untyped-call]
    phase("cluster")
    out = dict(zip(found["unique_id"], map(str, found["cluster_id"]), strict=True))
    result.write_text(json.dumps({"clusters": out, "phases": phases}), encoding="utf-8")
    return 0


#: Blocked pairs each of the baseline's EM sessions samples (Splink's ``max_pairs``).
EM_PAIRS = 5e6

#: The baseline's blocking rules: the fields each rule needs equal (and present).
SPLINK_RULES = (("surname",), ("given_name", "birth_year"), ("birth_date",))


@dataclass(frozen=True)
class SplinkRun:
    clusters: dict[Key, Hashable]
    seconds: float
    peak_bytes: int
    phases: dict[str, float]


def run_splink(folder: Path, work: Path, limits: Limits) -> SplinkRun:
    """The Splink baseline in its own measured process."""
    result = work / "splink-result.json"
    result.unlink(missing_ok=True)
    command = [sys.executable, str(Path(__file__).resolve()), WORKER, str(folder), str(result)]
    done = run_step(command, work / "splink.log", "the Splink baseline", limits)
    data = json.loads(result.read_text("utf-8"))
    result.unlink()
    return SplinkRun(keyed(data["clusters"]), done.seconds, done.peak_bytes, data["phases"])


def blocking_recall(
    truth: Mapping[Key, int], columns: Mapping[str, Sequence[str | None]]
) -> tuple[int, list[int], int]:
    """(true pairs, true pairs each baseline rule produces, produced by any rule).

    A rule produces a pair when both records have every field of the rule and they agree.
    """
    index: dict[Key, int] = {}
    for i, unique_id in enumerate(columns["unique_id"]):
        name, _, row = str(unique_id).rpartition(":")
        index[(name, int(row))] = i
    members: dict[int, list[int]] = defaultdict(list)
    for key, person in truth.items():
        members[person].append(index[key])
    total, any_rule, by_rule = 0, 0, [0] * len(SPLINK_RULES)
    for group in members.values():
        for n, a in enumerate(group):
            for b in group[n + 1 :]:
                total += 1
                hits = [
                    all(columns[f][a] is not None and columns[f][a] == columns[f][b] for f in rule)
                    for rule in SPLINK_RULES
                ]
                by_rule = [c + int(h) for c, h in zip(by_rule, hits, strict=True)]
                any_rule += int(any(hits))
    return total, by_rule, any_rule


# ------------------------------------------------------------------------------ reports


def _load() -> str:
    """The 1, 5 and 15 minute load averages, to tell whether something else was running."""
    return ", ".join(f"{v:.2f}" for v in os.getloadavg())


def _met(met: bool) -> str:
    return "met" if met else "NOT met"


def target_note(link: Step | None, scores: Scores | None) -> str:
    """The issue's targets against the link step, in words."""
    if link is None or scores is None:
        return ""
    parts = [
        f"<={TARGET_SECONDS:.0f} s {_met(link.seconds <= TARGET_SECONDS)}",
        f"<={TARGET_PEAK_BYTES // MIB:,} MiB {_met(link.peak_bytes <= TARGET_PEAK_BYTES)}",
        f"pair F1>={TARGET_PAIR_F1} {_met(scores.pair_f1 >= TARGET_PAIR_F1)}",
    ]
    return "targets: " + ", ".join(parts)


def print_targets(run: RollbookRun, scores: Scores | None, records: int) -> None:
    """The three targets, what Rollbook's link did, and whether each is met."""
    link = run.link
    stated = "" if records == TARGET_RECORDS else f" (stated for {TARGET_RECORDS:,} records)"
    lines = [["target", "required", "rollbook link", "met"]]
    if link is not None:
        # A link that was stopped or failed did not finish: however few seconds it ran, it
        # did not deduplicate anything in them.
        in_time = link.seconds <= TARGET_SECONDS and not link.note
        unfinished = " (did not finish)" if link.note else ""
        lines.append(
            ["link seconds", f"<= {TARGET_SECONDS:.0f}", f"{link.seconds:.1f}",
             _met(in_time) + unfinished]
        )  # fmt: skip
        lines.append(
            ["link peak MiB", f"<= {TARGET_PEAK_BYTES // MIB:,}",
             f"{link.peak_bytes / MIB:,.0f}", _met(link.peak_bytes <= TARGET_PEAK_BYTES)]
        )  # fmt: skip
    lines.append(
        ["pair F1", f">= {TARGET_PAIR_F1}", f"{scores.pair_f1:.4f}" if scores else "-",
         _met(scores.pair_f1 >= TARGET_PAIR_F1) if scores else "-"]
    )  # fmt: skip
    report.print_table(f"targets of the issue{stated}", lines)


def print_steps(run: RollbookRun) -> None:
    lines = [["rollbook step", "seconds", "peak MiB", "note"]]
    for s in run.steps:
        lines.append([s.what, f"{s.seconds:.2f}", f"{s.peak_bytes / MIB:,.0f}", s.note])
    report.print_table("rollbook, step by step (each its own process)", lines)


# ------------------------------------------------------------------------------ main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Linkage at scale: Rollbook against targets.")
    parser.add_argument("--records", type=int, default=TARGET_RECORDS, help="(1000000)")
    parser.add_argument("--seed", type=int, default=2020, help="generator seed (2020)")
    parser.add_argument("--corpus", type=Path, help="a folder written by scale_corpus.py")
    parser.add_argument(
        "--no-service-numbers", action="store_true", help="generate lists without them"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="working folder")
    parser.add_argument(
        "--limit", type=float, default=1200, help="stop link or Splink after this many s (1200)"
    )
    parser.add_argument(
        "--max-gib", type=float, help="stop link or Splink above this resident memory (none)"
    )
    parser.add_argument("--keep", action="store_true", help="keep register, exports, corpus")
    parser.add_argument("--skip-splink", action="store_true", help="leave the baseline out")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    return run_main(
        argv,
        (WORKER, lambda rest: splink_worker(Path(rest[0]), Path(rest[1]))),
        parse_args,
        benchmark,
    )


def benchmark(args: argparse.Namespace, given: Sequence[str]) -> int:
    work: Path = args.out.resolve()
    work.mkdir(parents=True, exist_ok=True)
    if shutil.which("timeout") is None:
        raise BenchmarkError("needs the coreutils timeout command")
    print_header("scale.py", given, ("splink", "duckdb"))
    print(f"rollbook source: {source_fingerprint()}")
    print(f"load average at start: {_load()} (other work on the machine skews the seconds)")
    folder = ensure_corpus(args, work)
    manifest = load_manifest(folder)
    truth = load_truth(folder)
    people = manifest["people_by_records"]
    print(
        f"corpus: {_shown(folder)} (seed {manifest['seed']}): {len(truth):,} records of "
        f"{manifest['people']:,} people ({people['2']:,} twice, {people['3']:,} three times; "
        f"{manifest['true_pairs']:,} true pairs) in {len(manifest['files'])} lists; "
        f"service numbers: {'yes' if manifest['service_numbers'] else 'no'}"
    )

    print("\nrollbook")
    max_bytes = int(args.max_gib * (1 << 30)) if args.max_gib else None
    limits = Limits(args.limit, max_bytes)
    run = run_rollbook(folder, manifest, work, limits, args.keep)
    rows: list[Row] = []
    seconds, peak = run.imports()
    joined = "service numbers joined at import" if manifest["service_numbers"] else ""
    rows.append(Row("rollbook import only", score(truth, run.after_import), seconds, peak, joined))
    link_scores = score(truth, run.after_link) if run.after_link is not None else None
    link = run.link
    rows.append(
        Row(
            "rollbook import + link",
            link_scores,
            link.seconds if link else None,
            link.peak_bytes if link else None,
            run.failure or target_note(link, link_scores) + " (link step alone)",
        )
    )
    if run.link_report:
        r = run.link_report
        print(
            f"  link: {r.get('pairs_scored', 0):,} pairs scored, {r.get('pairs_linked', 0):,} "
            f"linked, {r.get('pairs_for_review', 0):,} for review, model estimated: "
            f"{r.get('model_estimated')}; notes: {r.get('notes')}"
        )

    if not args.skip_splink:
        print("\nsplink (3 rules)")
        columns = baseline_records(folder, manifest)
        total, by_rule, any_rule = blocking_recall(truth, columns)
        del columns
        rules = ", ".join(
            f"{'+'.join(rule)} {count / total:.3f}"
            for rule, count in zip(SPLINK_RULES, by_rule, strict=True)
        )
        recall = f"blocking recall {any_rule / total:.3f}"
        print(f"  {recall} of {total:,} true pairs (by rule: {rules})")
        try:
            splink = run_splink(folder, work, limits)
        except StepFailed as failed:
            print(f"  {failed}")
            done = failed.done
            note = f"{recall}; {failed.why}"
            rows.append(Row("splink (3 rules)", None, done.seconds, done.peak_bytes, note))
        else:
            print(f"  phases (s): {splink.phases}")
            scores = score(truth, splink.clusters)
            rows.append(Row("splink (3 rules)", scores, splink.seconds, splink.peak_bytes, recall))

    print_scores(f"linkage at scale, {len(truth):,} records", rows)
    print_targets(run, link_scores, len(truth))
    print_steps(run)
    print(f"\nload average at the end: {_load()}")
    if not args.keep and args.corpus is None:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
