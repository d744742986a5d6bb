"""How well `rollbook read` finds the casualty figures in reports, and how fast.

Scores the reader against the project's labelled corpus (benchmarks/reports: each report
beside its gold claims in JSON, labelled by ../shared/guides/figures-labelling.md):
precision, recall and F1 on (category, value or range) and on (category, value or range,
qualifier); then, each on the figure plus one field, on claimant, party, revision (the
earlier figure) and as-of date. Reports 121 to 150 and 241 to 270 are held out: written
apart and never read while the grammar was written; they are scored on their own.

    python benchmarks/figures_accuracy.py [--split dev|held-out|all] [--numbers FIRST-LAST]
        [--show] [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from report import commit, print_table
from rollbook.ingest.dates import parse_cache_clear
from rollbook.ingest.documents import document_text
from rollbook.ingest.figures import COMPILED, FoundClaim, read_figures
from rollbook.ingest.figures.attribution import document_parties, head, places_for
from rollbook.ingest.figures.lexicon import lexicon
from rollbook.ingest.figures.when import resolve_cache_clear
from rollbook.model import claims

CORPUS = Path(__file__).resolve().parent / "reports"
HELD_OUT = frozenset([*range(121, 151), *range(241, 271)])
_STOP = frozenset(["the", "of", "in", "for", "and", "on", "at", "'s", "s", "a", "an", "to"])


@dataclass
class Report:
    """A labelled report: its file, metadata and gold claims."""

    path: Path
    published: dt.date
    outlet: str
    gold: list[dict[str, Any]]


def load(corpus: Path, split: str, numbers: range | None = None) -> list[Report]:
    """The reports of a split ("dev", "held-out" or "all"), or only those `numbers` hold."""
    reports = []
    for labels in sorted(corpus.glob("*.json")):
        number = int(labels.stem)
        held_out = number in HELD_OUT
        if (split == "dev" and held_out) or (split == "held-out" and not held_out):
            continue
        if numbers is not None and number not in numbers:
            continue
        document = next(p for p in corpus.glob(labels.stem + ".*") if p.suffix != ".json")
        meta = json.loads(labels.read_text(encoding="utf-8"))
        reports.append(
            Report(
                document,
                dt.date.fromisoformat(meta["published"]),
                meta["outlet"].replace(" (synthetic)", ""),
                meta["claims"],
            )
        )
    return reports


#: Spellings and forms of one word: "Defense", "regional governor" of "Kolmire region".
_SAME_WORD = {"defense": "defence", "ministry's": "ministry", "regional": "region",
              "provincial": "province", "headquarter": "headquarters"}  # fmt: skip


#: A state's long form before its name: "the Islamic Republic of Iran" is Iran.
_REPUBLIC_OF = re.compile(
    r"\b(?:the\s+)?(?:(?:islamic|federal|democratic|people|socialist|arab|united)\s+)*"
    r"republic\s+of\b"
)


def claimant_key(text: str, sides: dict[str, str] | None = None) -> frozenset[str]:
    """A claimant's name as a set of words, sides by name: "Azerbaijan's Defense Ministry" and
    "the Defence Ministry of Azerbaijan" are the same words; so are "Ostravian" and "Ostravia"
    when the report names both (`sides`, as the reader finds them in the report), "the
    Sudanese army" and "the Sudanese Armed Forces", which news writes for the same body, and
    "the Republic of Veldmark" and "Veldmark"."""
    parties = {**(sides or {}), **lexicon().parties}
    text = text.lower().replace("’", "'").replace("'s", "").replace("armed forces", "army")
    text = _REPUBLIC_OF.sub(" ", text)
    words = re.findall(r"[\w-]+", text)
    result = set()
    for word in words:
        word = _SAME_WORD.get(word, word)
        word = parties.get(word, word).lower()
        if word not in _STOP:
            result.add(word)
    return frozenset(result)


def same_claimant(a: str, b: str, sides: dict[str, str] | None = None) -> bool:
    """One claimant's words the other's, or part of them: "the Defence Ministry" is "the
    Defence Ministry of Azerbaijan"; a side's adjective is its name even where the report
    gives only one of them ("Ulthanian Ministry of Defence", "Ulthane's defence ministry")."""
    a, b = _initialled(a, b), _initialled(b, a)
    ka, kb = claimant_key(a, sides), claimant_key(b, sides)
    ka, kb = _as_places(ka, kb), _as_places(kb, ka)
    return bool(ka and kb) and (ka <= kb or kb <= ka)


def _initialled(name: str, other: str) -> str:
    """`name` with the words the other claimant writes as initials written so too: "Concord
    of Nations Human Rights Office" beside "CN Human Rights Office"."""
    for short in re.findall(r"\b[A-Z]{2,6}\b", other):
        if short in name:
            continue
        words = r"[A-Z][\w'’-]*"
        spelled = r"\s+(?:(?:of|the|for|and)\s+)*".join([words] * len(short))
        for match in re.finditer(rf"(?=\b({spelled}))", name):  # at every word, overlapping
            words_of: str = match.group(1)
            initials = "".join(w[0] for w in words_of.split() if w[0].isupper())
            if initials == short and words_of not in other:  # not where both spell it
                return name[: match.start()] + short + name[match.start() + len(words_of) :]
    return name


def _as_places(words: frozenset[str], other: frozenset[str]) -> frozenset[str]:
    return frozenset(
        next((p.lower() for p in places_for(w.capitalize()) if p.lower() in other), w)
        for w in words
    )


def _figure(c: dict[str, Any]) -> tuple[Any, ...]:
    return (c["category"], c["value"], c["low"], c["high"])


def _gold(c: dict[str, Any]) -> dict[str, Any]:
    return c


def _found(c: FoundClaim) -> dict[str, Any]:
    return c.to_json()


@dataclass
class Tally:
    """True positives, predictions and gold items for one score."""

    hits: int = 0
    predicted: int = 0
    expected: int = 0

    def add(
        self, predicted: list[Any], expected: list[Any], same: Callable[[Any, Any], bool]
    ) -> None:
        self.predicted += len(predicted)
        self.expected += len(expected)
        left = list(expected)
        for item in predicted:
            for n, other in enumerate(left):
                if same(item, other):
                    self.hits += 1
                    del left[n]
                    break

    def scores(self) -> tuple[float, float, float]:
        p = self.hits / self.predicted if self.predicted else 1.0
        r = self.hits / self.expected if self.expected else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _eq(
    field: str, sides: dict[str, str] | None = None
) -> Callable[[dict[str, Any], dict[str, Any]], bool]:
    def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
        if _figure(a) != _figure(b):
            return False
        if field == "claimant":
            return same_claimant(a["claimant"], b["claimant"], sides)
        if field == "party":
            return (a["party"] or "").casefold() == (b["party"] or "").casefold()
        return a.get(field) == b.get(field)

    return same


SCORES: dict[str, tuple[Callable[[dict[str, Any]], bool], str]] = {
    "category+value": (lambda c: True, "figure"),
    "category+value+qualifier": (lambda c: True, "qualifier"),
    "claimant": (lambda c: True, "claimant"),
    "party": (lambda c: True, "party"),
    "revision": (lambda c: c.get("previous_value") is not None, "previous_value"),
    "as-of date": (lambda c: True, "as_of"),
}


def score(reports: Iterable[Report], show: bool) -> dict[str, Tally]:
    tallies = {name: Tally() for name in SCORES}
    for report in reports:
        document = document_text(report.path.read_bytes(), report.path.name)
        found = [_found(c) for c in read_figures(document.text, report.published, report.outlet)]
        sides = document_parties(document.text)
        for name, (keep, field) in SCORES.items():
            same = (
                (lambda a, b: _figure(a) == _figure(b)) if field == "figure" else _eq(field, sides)
            )
            tallies[name].add(
                [c for c in found if keep(c)], [c for c in report.gold if keep(c)], same
            )
        if show:
            _show(report, found, sides)
    return tallies


def _show(report: Report, found: list[dict[str, Any]], sides: dict[str, str]) -> None:
    gold = list(report.gold)
    lines = []
    for c in found:
        match = next((g for g in gold if _figure(g) == _figure(c)), None)
        if match is None:
            lines.append(f"  + extra   {_brief(c)}  «{c['evidence']}»")
            continue
        gold.remove(match)
        for field in ("qualifier", "claimant", "party", "previous_value", "as_of"):
            if not _eq(field, sides)(c, match):
                lines.append(
                    f"  ~ {field}: {c.get(field)!r} ≠ gold {match.get(field)!r}  ({_brief(c)})"
                )
    for g in gold:
        lines.append(f"  - missed  {_brief(g)}  «{g['evidence']}»")
    if lines:
        print(f"{report.path.name}")
        print("\n".join(lines))


def _brief(c: dict[str, Any]) -> str:
    figure = c["value"] if c["value"] is not None else f"{c['low']}–{c['high']}"
    return f"{c['category']} {figure} ({c['claimant']})"


def speed(reports: list[Report], repeat: int) -> list[float]:
    """Reports read per second on one core, text extraction included: one rate per pass
    over the corpus, each from the CPU time the pass took (one thread: one core's work),
    so that other work on the machine slows no pass."""
    blobs = [(r.path.read_bytes(), r.path.name, r.published, r.outlet) for r in reports]
    rates = []
    for _ in range(repeat):
        _forget()
        start = time.process_time()
        for data, name, published, outlet in blobs:
            read_figures(document_text(data, name).text, published, outlet)
        rates.append(len(blobs) / (time.process_time() - start))
    return rates


def _forget() -> None:
    """Empty the memos that carry what one report taught over to the next (days resolved
    against a publication date, dates read, claimants' names), so that every pass reads the
    corpus as reports never seen rather than as the answers of the pass before."""
    resolve_cache_clear()
    parse_cache_clear()
    claims.claimant_key.cache_clear()
    head.cache_clear()


def stored_speed(reports: list[Report], copies: int) -> float:
    """Reports read and stored per second into a fresh SQLite register, each document a
    distinct source (a line told apart per copy), batches as `rollbook read` writes them."""
    import tempfile

    from rollbook.ingest.reports import ReadOptions, read_reports
    from rollbook.store.database import Register

    named = [
        (f"{n}_{r.path.name}", r.path.read_bytes() + f"\n\nCopy {n}.\n".encode())
        for n in range(copies)
        for r in reports
    ]
    options = ReadOptions(outlet="Benchmark Wire", published=dt.date(2024, 1, 1))
    with (
        tempfile.TemporaryDirectory() as folder,
        Register.create(str(Path(folder) / "reports.db")) as register,
    ):
        start = time.perf_counter()
        done = list(read_reports(register, named, options, actor="benchmark"))
        elapsed = time.perf_counter() - start
    assert all(not r.problem for r in done)
    return len(done) / elapsed


def _numbers(text: str) -> range:
    first, _, last = text.partition("-")
    return range(int(first), int(last or first) + 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--split", choices=["dev", "held-out", "all"], default="all")
    parser.add_argument("--show", action="store_true", help="list every miss and extra")
    parser.add_argument(
        "--numbers",
        type=_numbers,
        metavar="FIRST-LAST",
        help="score only these reports (a batch new to the reader, say)",
    )
    parser.add_argument("--repeat", type=int, default=7, help="passes over the corpus timed")
    parser.add_argument("--copies", type=int, default=10, help="corpus copies stored, timed")
    args = parser.parse_args(argv)
    print(f"Rollbook {commit()}: figures read from {args.corpus.name}/")
    splits = ["dev", "held-out"] if args.split == "all" else [args.split]
    for split in splits:
        reports = load(args.corpus, split, args.numbers)
        if not reports:
            continue
        tallies = score(reports, args.show)
        gold = sum(len(r.gold) for r in reports)
        rows = [["score", "precision", "recall", "F1"]]
        for name, tally in tallies.items():
            p, r, f = tally.scores()
            rows.append([name, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"])
        print_table(f"{split}: {len(reports)} reports, {gold} gold claims", rows)
    everything = load(args.corpus, "all")
    read_figures("warm-up: 3 killed", dt.date(2020, 1, 1), "x")
    rates = sorted(speed(everything, args.repeat))
    print(
        f"\nspeed: {statistics.median(rates):,.0f} reports per second on one core, read"
        f" (median of {args.repeat} passes over {len(everything)} reports;"
        f" slowest {rates[0]:,.0f}, fastest {rates[-1]:,.0f})"
    )
    built = "compiled with mypyc" if COMPILED else "plain Python (not compiled at install)"
    print(f"reader: {built}")
    stored = stored_speed(everything, args.copies)
    print(
        f"speed: {stored:,.0f} reports per second on one core, read and stored in SQLite "
        f"({len(everything) * args.copies:,} distinct reports, batches of 100)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
