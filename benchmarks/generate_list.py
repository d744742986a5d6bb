"""Write a large, clearly synthetic ministry-style casualty list for benchmarks.

    python benchmarks/generate_list.py OUT.csv --rows 1000000 [--seed N]

Rows are streamed from ``rollbook.demo.synthetic.iter_people`` straight into the CSV, so memory
use stays flat however many rows are asked for. The headers are those of the demo ministry lists.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

from rollbook.demo.synthetic import MAX_PEOPLE, iter_people, write_ministry_csv


def _row_count(text: str) -> int:
    value = int(text.replace("_", "").replace(",", ""))
    if not 0 <= value <= MAX_PEOPLE:
        raise argparse.ArgumentTypeError(f"rows must be between 0 and {MAX_PEOPLE:,}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Stream a synthetic ministry-style casualty list to a CSV file."
    )
    parser.add_argument("out", type=Path, help="CSV file to write (overwritten)")
    parser.add_argument(
        "--rows", type=_row_count, default=1_000_000, help="data rows (default 1,000,000)"
    )
    parser.add_argument("--seed", type=int, default=2020, help="random seed (default 2020)")
    args = parser.parse_args(argv)

    out: Path = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    rows = write_ministry_csv(out, iter_people(args.rows, args.seed), args.seed)
    seconds = time.perf_counter() - started
    size = out.stat().st_size
    print(f"rows written: {rows:,}")
    print(f"bytes: {size:,} ({size / 1_048_576:.1f} MiB)")
    print(f"seconds: {seconds:.2f} ({rows / seconds if seconds else 0:,.0f} rows/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
