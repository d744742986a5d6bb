"""Turning a batch of table rows into validated records, or into the problems that stop them.

This runs over lists with millions of rows, so it works a column at a time: each cell goes
through one cached function (lists repeat their dates, status words and name parts), and
only the checks that join several fields of a row look at rows one by one.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import repeat
from typing import Any

from rollbook.ingest.dates import parse_date_cell
from rollbook.ingest.mapping import MappingFile, Plan
from rollbook.ingest.tables import Cell, Row, cell_text
from rollbook.model.dates import DateError, PartialDate
from rollbook.model.names import (
    detect_script,
    key_words,
    name_key,
    script_name,
    split_full_name,
    text_scripts,
)
from rollbook.model.records import (
    NAME_FIELDS,
    RECORD_FIELDS,
    age_problem,
    dates_problem,
    normalise_sex,
)
from rollbook.model.status import Status, lone_span_days
from rollbook.store.records import RecordBatch

#: Rows validated (and written) at a time.
BATCH_ROWS = 5000


@cache
def status_vocabulary() -> dict[str, Status]:
    """The bundled words for each status, lower-cased."""
    text = resources.files("rollbook.resources").joinpath("status_words.toml").read_text("utf-8")
    words: dict[str, Status] = {}
    for status, spellings in tomllib.loads(text).items():
        for word in spellings:
            words[word.casefold()] = Status(status)
    return words


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong with a row (0 for the file as a whole), in which column and field."""

    row: int
    column: str
    field: str
    reason: str


@lru_cache(maxsize=1 << 16)
def _date_text(text: str) -> tuple[PartialDate, str] | str | None:
    """A date cell from its text, with its stored form (cached: lists repeat their dates),
    or why it is wrong."""
    return _date_cell(text)


def _date_cell(value: Cell) -> tuple[PartialDate, str] | str | None:
    try:
        parsed = parse_date_cell(value)
    except DateError as error:
        return str(error)
    return None if parsed is None else (parsed, parsed.iso())


def _text(value: Cell) -> str:
    return value.strip() if isinstance(value, str) else cell_text(value)


@lru_cache(maxsize=1 << 12)
def _age_problem(text: str) -> str | None:
    try:
        age = int(float(text))
    except ValueError:
        return f"{text!r} is not an age"
    return age_problem(age)


def _sex(text: str) -> str:
    return normalise_sex(text) or text if text else ""


_quote = json.encoder.encode_basestring  # a JSON string literal, in C
# Fields whose values are shared already (dates come from a cache) or seldom repeat.
_UNSHARED = frozenset({"birth_date", "event_date", "service_number", "national_id"})
_STATUS_TEXT: dict[Status | None, str] = {None: "", **{s: s.value for s in Status}}


class RowReader:
    """Validates batches of rows of one list against its column plan and defaults."""

    def __init__(
        self, plan: Plan, declared: MappingFile, *, today: dt.date, learned_on: dt.date
    ) -> None:
        self.today = today
        self.learned = learned_on.toordinal()
        self._lone: dict[PartialDate | None, tuple[int, str, int]] = {}
        self.columns = [
            (i, column, target)
            for i, (column, target) in enumerate(zip(plan.header, plan.fields, strict=True))
            if target != "ignore"
        ]
        defaults = dict(declared.defaults)
        self.words = {**status_vocabulary(), **declared.statuses}
        default_status = defaults.pop("status", "")
        self.default_status: Status | None = None
        if default_status:
            self.default_status = self.words.get(default_status.casefold()) or Status(
                default_status
            )
        self.defaults = {name: defaults.get(name, "") for name in RECORD_FIELDS}
        self.column_of = {target: column for _, column, target in self.columns}

    def read_batch(self, rows: Sequence[Row]) -> tuple[RecordBatch, list[Problem]]:
        """The records the rows make, and every problem found in them (a row with a problem
        makes no record)."""
        count = len(rows)
        numbers = [r.number for r in rows]
        table = list(zip(*(r.cells for r in rows), strict=True)) if rows else []
        problems = [Problem(r.number, "", "", r.problem) for r in rows if r.problem]
        refused = {p.row for p in problems}
        fields: dict[str, list[str]] = {}
        dates: dict[str, list[PartialDate | None]] = {}
        extras: list[tuple[str, list[str]]] = []
        words: list[str] = []
        refs: list[int | None] = [None] * count

        def note(i: int, column: str, target: str, reason: str) -> None:
            problems.append(Problem(numbers[i], column, target, reason))
            refused.add(numbers[i])

        for index, column, target in self.columns:
            cells = table[index]
            if target in ("birth_date", "event_date"):
                read = _dates(cells)
                for i, cell in enumerate(read):
                    if isinstance(cell, str):
                        note(i, column, target, cell)
                dates[target] = [c[0] if isinstance(c, tuple) else None for c in read]
                fields[target] = [c[1] if isinstance(c, tuple) else "" for c in read]
                continue
            texts = _texts(cells)
            if target == "status":
                words = texts
            elif target in ("extra", "record_id"):
                extras.append((column, texts))
            elif target == "person_id":
                for i, text in enumerate(texts):
                    try:
                        refs[i] = int(text.removeprefix("P").removeprefix("p")) if text else None
                    except ValueError:
                        note(i, column, target, f"{text!r} is not a person id")
            else:
                if target == "age":
                    for i, text in enumerate(texts):
                        reason = _age_problem(text) if text else None
                        if reason:
                            note(i, column, target, reason)
                elif target == "sex":
                    texts = [_sex(t) for t in texts]
                fields[target] = texts
        statuses = self._statuses(words or [""] * count, lambda i, r, c: note(i, c, "status", r))
        self._check_dates(dates, count, note)
        keys, scripts = self._names(fields, count, note)
        if words:
            fields["status_words"] = words
        carried = tuple(name for name in RECORD_FIELDS if name in fields)
        events = dates.get("event_date") or [None] * count
        columns: list[list[Any]] = [
            numbers,
            keys,
            scripts,
            *(fields[name] if name in _UNSHARED else _shared(fields[name]) for name in carried),
            [e.lo if e else 0 for e in events],
            [e.hi if e else 0 for e in events],
            [_STATUS_TEXT[s] for s in statuses],
            _extras(extras, count),
        ]
        every = [*columns, *self._lone_spans(events)]
        if refused:
            kept = [i for i in range(count) if numbers[i] not in refused]
            every = [[column[i] for i in kept] for column in every]
            refs = [refs[i] for i in kept]
        *columns, valid_from, month, day = every
        batch = RecordBatch(
            fields=carried,
            constants={name: self.defaults[name] for name in RECORD_FIELDS if name not in fields},
            columns=columns,
            spans=(valid_from, month, day),
            person_refs={i: ref for i, ref in enumerate(refs) if ref is not None},
        )
        return batch, problems

    def _lone_spans(
        self, events: list[PartialDate | None]
    ) -> tuple[list[int], list[str], list[int]]:
        """Each record's span should it be its person's only one (lists repeat their dates)."""
        lone = self._lone
        for event in set(events).difference(lone):
            lone[event] = lone_span_days(event, self.learned)
        days = list(map(lone.__getitem__, events))
        return [d[0] for d in days], [d[1] for d in days], [d[2] for d in days]

    def _statuses(
        self, words: list[str], note: Callable[[int, str, str], None]
    ) -> list[Status | None]:
        column = self.column_of.get("status", "")
        result: list[Status | None] = []
        for i, word in enumerate(words):
            if not word:
                if self.default_status is None:
                    reason = "no status: map a status column or give the list's status (--status)"
                    note(i, reason, "")
                result.append(self.default_status)
                continue
            status = self.words.get(word.casefold())
            if status is None:
                reason = f"unknown status word {word!r}: add it to the mapping file's [statuses]"
                note(i, reason, column)
            result.append(status)
        return result

    def _check_dates(
        self,
        dates: dict[str, list[PartialDate | None]],
        count: int,
        note: Callable[[int, str, str, str], None],
    ) -> None:
        births = dates.get("birth_date") or repeat(None, count)
        events = dates.get("event_date") or repeat(None, count)
        for i, (birth, event) in enumerate(zip(births, events, strict=False)):
            if birth is None and event is None:
                continue
            clash = dates_problem(birth, event, self.today)
            if clash:
                target, reason = clash
                note(i, self.column_of.get(target, ""), target, reason)

    def _names(
        self, fields: dict[str, list[str]], count: int, note: Callable[[int, str, str, str], None]
    ) -> tuple[list[str], list[str]]:
        """Each row's name key and script, from its name as written whole; a full name alone
        is split into its parts."""
        empty = [""] * count
        if "full_name" in fields:
            return self._full_names(fields, count, note)
        surnames, given, fathers = (
            fields.get(n, empty) for n in ("surname", "given_name", "patronymic")
        )
        if "" in surnames and "" in given:  # else every row has a name
            for i, (surname, first) in enumerate(zip(surnames, given, strict=True)):
                if not (surname or first):
                    note(i, self._name_column(), "full_name", "empty name")
        read = [list(map(_name_part, column)) for column in (surnames, given, fathers)]
        named = list(map(_joined, *read))
        return [key for key, _ in named], [script for _, script in named]

    def _full_names(
        self, fields: dict[str, list[str]], count: int, note: Callable[[int, str, str, str], None]
    ) -> tuple[list[str], list[str]]:
        """`_names` for a list with a full name column (row by row: some rows split it)."""
        empty = [""] * count
        whole = fields["full_name"]
        parts = [fields.get(n, empty) for n in ("surname", "given_name", "patronymic")]
        keys: list[str] = []
        scripts: list[str] = []
        for i, (full, surname, given, father) in enumerate(zip(whole, *parts, strict=True)):
            if full and not (surname or given):
                split = split_full_name(full)
                fields.setdefault("surname", list(empty))[i] = split.surname or ""
                fields.setdefault("given_name", list(empty))[i] = split.given_name or ""
                if not father and split.patronymic:
                    fields.setdefault("patronymic", list(empty))[i] = split.patronymic
            if full:
                keys.append(name_key(full))
                scripts.append(detect_script(full))
                continue
            if not (surname or given):
                note(i, self._name_column(), "full_name", "empty name")
            key, script = _joined(*map(_name_part, (surname, given, father)))
            keys.append(key)
            scripts.append(script)
        return keys, scripts

    def _name_column(self) -> str:
        for name in NAME_FIELDS:
            if name in self.column_of:
                return self.column_of[name]
        return ""


@lru_cache(maxsize=1 << 18)
def _name_part(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The word keys and scripts of one part of a name (cached: lists repeat their names).

    A name written in parts has the keys and scripts of its parts joined by spaces."""
    return tuple(key_words(text)), text_scripts(text)


def _dates(cells: Sequence[Cell]) -> list[tuple[PartialDate, str] | str | None]:
    """A column's date cells read, or why each cannot be."""
    if set(map(type, cells)) == {str}:  # a CSV's: every cell is text, read once per value
        return list(map(_date_text, cells))
    return [_date_text(v) if isinstance(v, str) else _date_cell(v) for v in cells]


def _texts(cells: Sequence[Cell]) -> list[str]:
    """A column's cells as stripped text (all of a CSV's cells are text already)."""
    try:
        return list(map(str.strip, cells))  # type: ignore[arg-type]
    except TypeError:
        return [v.strip() if isinstance(v, str) else _text(v) for v in cells]


def _shared(texts: list[str]) -> list[str]:
    """The texts with equal values as one object, so that they are sent to the writing
    process once (pickle sends an object it has seen as a reference to it)."""
    one = dict(zip(texts, texts, strict=True))
    return list(map(one.__getitem__, texts))


_script_name = lru_cache(maxsize=256)(script_name)
_NamePart = tuple[tuple[str, ...], frozenset[str]]


def _joined(surname: _NamePart, given: _NamePart, father: _NamePart) -> tuple[str, str]:
    """The name key and script of a name from those of its parts."""
    key = " ".join(sorted(surname[0] + given[0] + father[0]))
    return key, _script_name(surname[1] | given[1] | father[1])


def _extras(extras: list[tuple[str, list[str]]], count: int) -> list[str]:
    """Each row's kept cells of columns mapped to no field, as a JSON object in header order."""
    if not extras:
        return ["{}"] * count
    cells = [
        [f"{_quote(column)}: {_quote(text)}" if text else "" for text in texts]
        for column, texts in extras
    ]
    return ["{" + ", ".join(c for c in row if c) + "}" for row in zip(*cells, strict=True)]
