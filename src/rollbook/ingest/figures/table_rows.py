"""Figures in tables: each number under a column that names a category is a claim.

A monitor's update often lists its figures per region: "| Sagaing | 71 | 96 |" under
"| Region | Killed | Injured |", or in plain text with its columns aligned by spaces. The
column says what the number counts, the row's label whose losses; a table whose columns
name no category takes the heading's ("Deaths by province").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rollbook.ingest.figures.lexicon import GRAMMAR_WORDS, lexicon
from rollbook.ingest.figures.numbers import RANGE, numeral
from rollbook.model.claims import Category, Qualifier

_SEPARATOR = re.compile(r"^\|?[\s:|-]+\|?$")
_CELL = re.compile(r"[^|]+")
#: A cell of a table aligned by spaces: words apart by single spaces, cells by two or more.
_ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")
_DIGIT = re.compile(r"\d")
_DATED = re.compile(r"(?<=\d)\s*\([^()]*\)$")  # a cell's figure with its day in brackets
_LETTERS = re.compile(r"[^\W\d_]{3}")  # a cell's words, beside its figure
_WORDS = re.compile(r"[\w']+")  # a heading's or a column's words
_AMOUNT = re.compile(
    r"(?P<words>[^\d]*?)\s*(?P<number>\d{1,3}(?:[,. \u00a0]\d{3})+|\d+(?:\.\d+)?)"
    r"\s*(?P<scale>million|thousand|m|k)?\+?"
)


@dataclass(frozen=True, slots=True)
class Cell:
    """A number in a table row, what its column (or row) counts, and the row's label."""

    value: int | None
    low: int | None
    high: int | None
    qualifier: Qualifier
    category: Category
    group: str
    previous: int | None = None  # the same cell in a column of an earlier edition


@dataclass(frozen=True, slots=True)
class Row:
    """A table row's figures: plain numbers read here, and cells written in words
    ("71 servicemen killed, 1 civilian killed") for the sentence grammar, by position."""

    cells: list[Cell]
    prose: list[tuple[int, int, Category | None]]
    claimant: str = ""  # a "Source" or "Claimant" column's cell
    dated: str = ""  # a "Date" or "As of" column's cell


_CLAIMANT_COLUMNS = frozenset(
    [
        "source",
        "sources",
        "claimant",
        "claimed by",
        "reported by",
        "according to",
        "who",
        "by",
        "announced by",
        "stated by",
    ]
)


_DATE_COLUMNS = frozenset(
    ["date", "day", "as of", "as at", "given on", "date of figure", "updated", "last updated"]
)


#: Columns that say who gave a row's figures or when, and count no one.
_NOT_COUNTS = _CLAIMANT_COLUMNS | _DATE_COLUMNS


def is_row(line: str) -> bool:
    return line.startswith("|") and line.count("|") >= 3


def is_separator(line: str) -> bool:
    return bool(_SEPARATOR.match(line)) and "-" in line


def aligned_row(line: str, under_header: bool) -> bool:
    """Whether a line is a row of a plain-text table aligned by spaces: under its header a
    label and numbers ("North Tabar      512      864"), else a header whose columns name
    what they count ("State            Killed   Wounded")."""
    if "|" in line or ("\t" not in line and "  " not in line):
        return False
    found = _ALIGNED_CELL.findall(line)
    if len(found) < 2:
        return False
    if under_header:  # "Sable Hill Front     16     n/k": a number not known beside one
        amounts = [_cell_amount(cell) is not None for cell in found[1:]]
        return any(amounts) and all(
            a or len(c) <= 3 for a, c in zip(amounts, found[1:], strict=True)
        )
    return all(len(cell.split()) <= 3 for cell in found) and any(
        category_of(cell) for cell in found[1:]
    )


def cells(line: str) -> list[str]:
    if not line.startswith("|"):
        return _ALIGNED_CELL.findall(line)
    return [c.strip() for c in _CELL.findall(line.strip().strip("|"))]


def category_of(text: str) -> Category | None:
    """The category a heading or column names ("Killed", "Displaced people in sites")."""
    found = _named_category(_WORDS.findall(text.lower()))
    return found[1] if found else None


def _named_category(words: list[str]) -> tuple[int, Category] | None:
    """The first category words name, and where it is named."""
    index = lexicon().category_index
    for i in range(len(words)):
        found = index.longest_at(words, i)
        if found is not None:
            return i, found[1]
    return None


def _description(text: str) -> Category | None:
    """What a cell says a row counts ("civilians killed since 1 March"), unless the cell
    gives a figure itself ("3,981 civilians killed")."""
    words = _WORDS.findall(text.lower())
    found = _named_category(words)
    if found is None or any(_DIGIT.search(word) for word in words[: found[0]]):
        return None
    return found[1]


def row_figures(header: list[str], line: str, offset: int, section: Category | None) -> Row:
    """The claims of one data row under its header; `offset` is where the line starts."""
    cell = _CELL if line.startswith("|") else _ALIGNED_CELL
    spans = [(m.start(), m.end()) for m in cell.finditer(line)]
    spans = [(a, b) for a, b in spans if line[a:b].strip()]
    if len(spans) < 2:
        return Row([], [])
    label = line[spans[0][0] : spans[0][1]].strip()
    texts = [line[a:b].replace("*", "").strip() for a, b in spans]
    claimant = dated = ""
    for name, text in zip(header, texts, strict=False):
        if name.strip().lower() in _CLAIMANT_COLUMNS:
            claimant = text
        elif name.strip().lower() in _DATE_COLUMNS:
            dated = text
    # what the row counts, when no column says it: its label ("| Civilians killed | 31 |") or
    # a cell of its own ("| Ministry of Health | civilians killed since 1 March | 231 |")
    described = -1
    by_row = None
    if not any(category_of(name) for name in header[1:]):
        described = next(
            (
                n
                for n, (name, text) in enumerate(zip(header, texts, strict=False))
                if name.strip().lower() not in _CLAIMANT_COLUMNS
                and _cell_amount(text) is None
                and _description(text) is not None
            ),
            -1,
        )
    if described >= 0 and not lexicon().not_people.starting_at(
        _WORDS.findall(texts[described].lower()), 0
    ):  # "| Vehicles seized | 9 |", "| Firearms seized | 6 |": things
        by_row = category_of(texts[described])
    found: list[Cell] = []
    prose = []
    current: int | None = None  # the cell of the last column that is no earlier edition's
    before: Category | None = None  # what the column before counts
    for n, (name, (a, b)) in enumerate(zip(header[1:], spans[1:], strict=False), 1):
        text = texts[n]
        if n == described or name.strip().lower() in _NOT_COUNTS:
            continue
        # "| Civilians killed | of whom children |", "| Killed (named) | Unnamed |": a column
        # that names no category breaks down the one before it
        people = _counts_people(name)
        category = by_row or category_of(name) or (section or before if people else None)
        before = category
        amount = _cell_amount(text)
        if amount is None:
            if _DIGIT.search(text) and _LETTERS.search(text):
                prose.append((offset + a, offset + b, category))
            continue
        value, low, high, qualifier = amount
        if _earlier_edition(name) and current is not None and value is not None:
            # "| Killed | Injured | Killed at previous update |": the killed it revises
            named = category_of(name)
            same = [i for i, cell in enumerate(found) if cell.category is named]
            revised = same[-1] if named is not None and same else current
            found[revised] = replace(found[revised], previous=value)
            current = None
            continue
        if category is None:
            continue
        current = len(found)
        # a total row counts the people the text's own total does: no group of its own
        total = label.casefold() in _TOTALS or label.casefold() in ("all", "grand total")
        group = "" if total else f"{label} {name}".strip()
        if described > 0:
            group = texts[described]
        found.append(Cell(value, low, high, qualifier, category, group))
    return Row(found, prose, claimant, dated)


_TOTALS = GRAMMAR_WORDS["totals"]
#: What an earlier edition of the figures is called in a column's header: "Total in
#: Bulletin No. 27", "Update No. 3 (9 Nov)", "Previous report".
_EDITIONS = GRAMMAR_WORDS["edition_nouns"]


def _earlier_edition(column: str) -> bool:
    """Whether a column gives the figures of an earlier edition ("Total in Bulletin No. 27",
    "Previous figure"): the cell before it (the figure now) revises its cell."""
    words = _WORDS.findall(column.lower())
    if not _EDITIONS.isdisjoint(words):
        return True
    return not _STALE.isdisjoint(words) and not _TALLIES.isdisjoint(words)


_STALE = GRAMMAR_WORDS["stale_words"]
_TALLIES = GRAMMAR_WORDS["tally_nouns"]


def _cell_amount(text: str) -> tuple[int | None, int | None, int | None, Qualifier] | None:
    """A cell's number and the qualifier its words give ("about 1,160", "up to 1.7 million",
    "640-780")."""
    bounds = RANGE.fullmatch(text)
    if bounds:
        low, high = numeral(bounds.group(1)), numeral(bounds.group(2))
        if low is not None and high is not None and low < high:
            return None, low, high, Qualifier.RANGE
        return None
    match = _AMOUNT.fullmatch(_DATED.sub("", text))  # "212 (Mon 17 Mar)": as of a day
    if match is None:
        return None
    value = numeral(match.group("number"))
    if value is None:
        return None
    scale = {"million": 1_000_000, "m": 1_000_000, "thousand": 1000, "k": 1000}.get(
        match.group("scale") or "", 1
    )
    if scale > 1:
        value = round(float(match.group("number").replace(",", "")) * scale)
    words = match.group("words").strip().lower().split()
    if not words:
        return value, None, None, Qualifier.AT_LEAST if text.endswith("+") else Qualifier.EXACT
    for name, phrases in lexicon().qualifiers.items():
        if tuple(words) in phrases:
            return value, None, None, Qualifier(name)
    return None


def _counts_people(column: str) -> bool:
    """A column under a category heading counts people unless it names things, or tells
    something of each person listed ("| Name | Age | Detained |")."""
    lex = lexicon()
    words = _WORDS.findall(column.lower())
    if words[:1] and words[0] in _OF_EACH:
        return False
    return not any(lex.not_people.starting_at(words, i) for i in range(len(words)))


#: Columns of a list of persons that give something of each: not a count.
_OF_EACH = frozenset(["age", "aged", "ages", "year", "born", "date", "no", "rank", "unit"])
