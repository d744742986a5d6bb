"""How well records of lists in several scripts are linked into persons, next to plain Splink.

    python benchmarks/linkage/cross_script.py [CORPUS_DIR] [--people 3000] [--seed 7]
        [--style a|b] [--out benchmarks/out/linkage] [--keep]

CORPUS_DIR is a folder written by ``corpus.py`` (with ``manifest.json``); without it a corpus
is generated into the working folder with ``--people``, ``--seed`` and ``--style``.

Systems, each run as its own measured process:

* **rollbook**: ``rollbook --db FILE init``, ``rollbook import`` of each list with the
  options of the manifest, ``rollbook link``, ``rollbook export records --format json``;
  (source title, row) -> person id. Skipped, saying so, while ``rollbook link`` does not exist.
* **splink (raw names)**: plain Splink 5 on DuckDB over the names as the lists write them
  (lower-cased, no transliteration): surname, given name and birth date (read to ISO, the
  year kept apart), a few blocking rules, EM training, predict at 0.5 and connected
  components at 0.5.

Scores: pairwise and B-cubed precision, recall and F1 (``score.py``) against ``truth.csv``,
then pairwise recall for each pair of lists (which scripts get linked at all).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import logging
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

from common import (
    BenchmarkError,
    Row,
    keyed,
    measure_checked,
    print_header,
    print_scores,
    run_main,
    try_rollbook,
)
from score import score

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent / "out" / "linkage"
WORKER = "splink-worker"  # hidden first argument: run the Splink baseline and exit
TARGET_PAIR_F1 = 0.98
TARGET_BCUBED_F1 = 0.99

# ------------------------------------------------------------------------------ corpus


def load_truth(folder: Path) -> dict[tuple[str, int], int]:
    """``truth.csv`` as (file, row) -> true person id."""
    with (folder / "truth.csv").open(encoding="utf-8", newline="") as handle:
        return {(r["file"], int(r["row"])): int(r["person_id"]) for r in csv.DictReader(handle)}


def load_manifest(folder: Path) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text("utf-8"))
    return manifest


# The baseline's reading of the lists: which header holds what. The names stay as written.
SURNAME = {"Soyadı", "Soyad", "Фамилия", "Ազգանուն", "Surname"}
GIVEN = {"Adı", "Ad", "Имя", "Անուն", "Given name"}
SURNAME_FIRST = {"Soyadı, adı, ata adı", "Фамилия, имя, отчество", "ФИО"}
GIVEN_FIRST = {"Name", "Full name"}
BIRTH = {
    "Doğum tarixi", "Təvəllüdü", "Дата рождения", "Год рождения", "Ծննդյան տարեթիվ",
    "Ծննդյան ամսաթիվ", "Date of birth",
}  # fmt: skip
MONTHS = {
    m.lower(): n
    for n, m in enumerate(
        ["January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"], start=1,
    )
}  # fmt: skip
_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_WORDS = re.compile(r"^(\d{1,2}) ([A-Za-z]+) (\d{4})$")


def iso_birth(text: str) -> str:
    """A birth date as "YYYY-MM-DD" or "YYYY" (day first for numbers), "" when unreadable."""
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        return text
    numeric = _NUMERIC.match(text)
    words = _WORDS.match(text)
    try:
        if numeric:
            day, month, year = (int(g) for g in numeric.groups())
        elif words and words.group(2).lower() in MONTHS:
            day, month, year = int(words.group(1)), MONTHS[words.group(2).lower()], int(words[3])
        else:
            return ""
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def baseline_records(folder: Path, manifest: Mapping[str, Any]) -> list[dict[str, str | None]]:
    """One row per record: unique id "file:row", surname, given name, birth date and year."""
    records: list[dict[str, str | None]] = []
    for entry in manifest["files"]:
        path = folder / entry["file"]
        with path.open(encoding=entry["encoding"], newline="") as handle:
            reader = csv.reader(handle, delimiter=entry["delimiter"])
            header = next(reader)
            for line, cells in enumerate(reader, start=2):
                values = dict(zip(header, cells, strict=False))
                surname = given = birth = ""
                for column, value in values.items():
                    words = value.split()
                    if column in SURNAME:
                        surname = value
                    elif column in GIVEN:
                        given = value
                    elif column in SURNAME_FIRST and words:
                        surname, given = words[0], " ".join(words[1:2])
                    elif column in GIVEN_FIRST and words:
                        given, surname = words[0], words[-1]
                    elif column in BIRTH:
                        birth = iso_birth(value)
                records.append(
                    {
                        "unique_id": f"{entry['file']}:{line}",
                        "surname": surname.strip().lower() or None,
                        "given_name": given.strip().lower() or None,
                        "birth_date": birth or None,
                        "birth_year": birth[:4] or None,
                    }
                )
    return records


# ------------------------------------------------------------------------------ Splink


def splink_worker(folder: Path, result: Path) -> int:
    """Run the plain Splink baseline in this process; write "file:row" -> cluster as JSON."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    records = baseline_records(folder, load_manifest(folder))
    db_api = DuckDBAPI()
    table = db_api.register(records, table_name="lists")
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
        blocking_rules_to_generate_predictions=[
            block_on("surname"),
            block_on("given_name", "birth_year"),
            block_on("birth_date"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(table, settings, log_level=logging.WARNING)
    # The prior from records agreeing exactly on name and birth year. With the full birth date
    # instead, few records agree (lists give years only), the prior falls to ~2e-5 and on
    # style b corpora nothing reaches 0.5 at all.
    linker.training.estimate_probability_two_random_records_match(
        [block_on("surname", "given_name", "birth_year")], recall=0.6
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("birth_date"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("surname"))
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, 0.5)
    out = {str(r["unique_id"]): str(r["cluster_id"]) for r in clusters.as_record_list()}
    result.write_text(json.dumps(out), encoding="utf-8")
    return 0


def run_splink(folder: Path, work: Path) -> tuple[dict[tuple[str, int], Hashable], float, int]:
    """The Splink baseline in its own measured process."""
    result = work / "splink-clusters.json"
    result.unlink(missing_ok=True)
    command = [sys.executable, str(Path(__file__).resolve()), WORKER, str(folder), str(result)]
    print("  $ python benchmarks/linkage/cross_script.py (Splink worker)")
    done = measure_checked(command, work / "splink.log", "the Splink baseline")
    return keyed(json.loads(result.read_text("utf-8"))), done.seconds, done.peak_bytes


# ------------------------------------------------------------------------------ reports


def recall_by_list_pair(
    truth: Mapping[tuple[str, int], int], predicted: Mapping[tuple[str, int], Hashable]
) -> dict[tuple[str, str], tuple[int, int]]:
    """For each pair of lists: (true pairs across them, how many of those were linked)."""
    members: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for key, person in truth.items():
        members[person].append(key)
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for group in members.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                lists = tuple(sorted((_short(a[0]), _short(b[0]))))
                counts[lists][0] += 1  # type: ignore[index]
                linked = a in predicted and b in predicted and predicted[a] == predicted[b]
                counts[lists][1] += int(linked)  # type: ignore[index]
    return {k: (v[0], v[1]) for k, v in sorted(counts.items())}


def _short(name: str) -> str:
    return name.removesuffix(".csv").removesuffix("_list")


def print_list_pairs(
    truth: Mapping[tuple[str, int], int], systems: Mapping[str, Mapping[tuple[str, int], Hashable]]
) -> None:
    """Pairwise recall per pair of lists, one column per system."""
    import report

    by_system = {name: recall_by_list_pair(truth, p) for name, p in systems.items()}
    pairs = next(iter(by_system.values())).keys() if by_system else []
    lines = [["lists", "true pairs", *[f"recall {name}" for name in by_system]]]
    for pair in pairs:
        total = next(iter(by_system.values()))[pair][0]
        cells = [f"{pair[0]} x {pair[1]}", f"{total:,}"]
        cells += [f"{found[pair][1] / total:.3f}" for found in by_system.values()]
        lines.append(cells)
    report.print_table("pairwise recall by pair of lists", lines)


# ------------------------------------------------------------------------------ main


def ensure_corpus(args: argparse.Namespace, work: Path) -> Path:
    """The corpus folder given, or one generated now."""
    if args.corpus is not None:
        if not (args.corpus / "manifest.json").exists():
            raise BenchmarkError(f"{args.corpus} has no manifest.json: write it with corpus.py")
        return Path(args.corpus).resolve()
    folder = work / f"corpus-{args.style}-{args.people}-{args.seed}"
    command = [sys.executable, str(HERE / "corpus.py"), str(folder)]
    command += ["--people", str(args.people), "--seed", str(args.seed), "--style", args.style]
    subprocess.run(command, check=True)
    return folder


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Cross-script linkage accuracy benchmark.")
    parser.add_argument("corpus", type=Path, nargs="?", help="a folder written by corpus.py")
    parser.add_argument("--people", type=int, default=3000, help="when generating (3000)")
    parser.add_argument("--seed", type=int, default=7, help="when generating (7)")
    parser.add_argument("--style", choices=("a", "b"), default="a", help="when generating (a)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="working folder")
    parser.add_argument("--keep", action="store_true", help="keep the register and the logs")
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
    print_header("cross_script.py", given, ("splink", "duckdb"))
    folder = ensure_corpus(args, work)
    manifest = load_manifest(folder)
    truth = load_truth(folder)
    print(
        f"corpus: {folder} (style {manifest['style']}, seed {manifest['seed']}): "
        f"{len(truth):,} records of {manifest['people']:,} people in {len(manifest['files'])} "
        f"lists, {manifest['hard_negative_twins']} hard-negative twins"
    )

    rows: list[Row] = []
    predictions: dict[str, Mapping[tuple[str, int], Hashable]] = {}
    imports = [(folder / f["file"], f["import_args"]) for f in manifest["files"]]
    run = try_rollbook(work / "rollbook-linkage.db", imports, work)
    target = f"target pair F1>={TARGET_PAIR_F1}, B3 F1>={TARGET_BCUBED_F1}"
    if isinstance(run, Row):
        rows.append(Row(run.system, None, None, None, f"{target}: {run.note}"))
    else:
        scores = score(truth, run.persons)
        met = scores.pair_f1 >= TARGET_PAIR_F1 and scores.bcubed_f1 >= TARGET_BCUBED_F1
        rows.append(Row("rollbook", scores, run.seconds, run.peak_bytes, f"{target}: {_met(met)}"))
        predictions["rollbook"] = run.persons
    clusters, seconds, peak = run_splink(folder, work)
    rows.append(Row("splink (raw names)", score(truth, clusters), seconds, peak))
    predictions["splink"] = clusters

    print_scores(f"cross-script linkage, style {manifest['style']}", rows)
    print_list_pairs(truth, predictions)
    if not args.keep:
        for path in work.glob("rollbook-linkage.db*"):
            path.unlink()
    return 0


def _met(met: bool) -> str:
    return "met" if met else "NOT met"


if __name__ == "__main__":
    raise SystemExit(main())
