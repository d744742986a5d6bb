"""Turning one table row into a validated record, or into the problems that stop it.

This runs once per row of lists with millions of rows, so it stays plain: no objects per
cell, cached date parsing and name keys, one dict per record.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from rollbook.ingest.dates import parse_date_cell
from rollbook.ingest.mapping import MappingFile, Plan
from rollbook.ingest.tables import Row, cell_text
from rollbook.model.dates import DateError, PartialDate
from rollbook.model.names import detect_script, name_key, split_full_name
from rollbook.model.records import (
    NAME_FIELDS,
    RECORD_FIELDS,
    age_problem,
    dates_problem,
    normalise_sex,
)
from rollbook.model.status import Status
from rollbook.store.records import ImportedRecord

_EMPTY = dict.fromkeys(RECORD_FIELDS, "")
_DATE_FIELDS = ("birth_date", "event_date")


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


@dataclass(frozen=True, slots=True)
class _DateCell:
    """A date cell read once: the date, its stored text and its bounds."""

    date: PartialDate
    iso: str
    lo: int
    hi: int


@lru_cache(maxsize=1 << 16)
def _date_text(text: str) -> _DateCell | str | None:
    """A date cell from its text (cached: lists repeat their dates), or the reason it is wrong."""
    try:
        parsed = parse_date_cell(text)
    except DateError as error:
        return str(error)
    if parsed is None:
        return None
    return _DateCell(parsed, parsed.iso(), parsed.lo, parsed.hi)


def _date_cell(value: object) -> _DateCell | str | None:
    if isinstance(value, str):
        return _date_text(value)
    try:
        parsed = parse_date_cell(value)
    except DateError as error:
        return str(error)
    return None if parsed is None else _DateCell(parsed, parsed.iso(), parsed.lo, parsed.hi)


_encode_extra = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_PLAIN, _DATE, _STATUS, _EXTRA, _PERSON, _AGE, _SEX = range(7)
_KINDS = {
    "birth_date": _DATE,
    "event_date": _DATE,
    "status": _STATUS,
    "extra": _EXTRA,
    "record_id": _EXTRA,
    "person_id": _PERSON,
    "age": _AGE,
    "sex": _SEX,
}


class RowReader:
    """Validates rows of one list against its column plan and defaults."""

    def __init__(self, plan: Plan, declared: MappingFile, *, today: dt.date) -> None:
        self.today = today
        self.columns = [
            (i, column, target, _KINDS.get(target, _PLAIN))
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
        self.base = {**_EMPTY, **defaults}
        self.column_of = {target: column for _, column, target, _ in self.columns}

    def read(self, row: Row) -> tuple[ImportedRecord | None, list[Problem]]:
        """The record a row makes, or the problems found in it (all of them)."""
        number = row.number
        problems: list[Problem] = []
        if row.problem:
            problems.append(Problem(number, "", "", row.problem))
        fields = self.base.copy()
        extra: dict[str, str] = {}
        birth: _DateCell | None = None
        event: _DateCell | None = None
        status_words = ""
        person_ref: int | None = None
        cells = row.cells
        width = len(cells)
        for index, column, target, kind in self.columns:
            value = cells[index] if index < width else None
            if kind == _DATE:
                cell = _date_cell(value)
                if isinstance(cell, str):
                    problems.append(Problem(number, column, target, cell))
                elif cell is not None:
                    fields[target] = cell.iso
                    if target == "birth_date":
                        birth = cell
                    else:
                        event = cell
                continue
            text = value.strip() if isinstance(value, str) else cell_text(value)
            if not text:
                continue
            if kind == _PLAIN:
                fields[target] = text
            elif kind == _STATUS:
                status_words = text
            elif kind == _EXTRA:
                extra[column] = text
            elif kind == _PERSON:
                try:
                    person_ref = int(text.removeprefix("P").removeprefix("p"))
                except ValueError:
                    problems.append(Problem(number, column, target, f"{text!r} is not a person id"))
            elif kind == _AGE:
                problems.extend(self._age(number, column, text))
                fields["age"] = text
            else:
                fields["sex"] = normalise_sex(text) or text
        status = self._status(number, status_words, problems)
        fields["status_words"] = status_words
        if not (fields["full_name"] or fields["surname"] or fields["given_name"]):
            problems.append(Problem(number, self._name_column(), "full_name", "empty name"))
        if birth is not None or event is not None:
            clash = dates_problem(
                birth.date if birth else None, event.date if event else None, self.today
            )
            if clash:
                target, reason = clash
                problems.append(Problem(number, self.column_of.get(target, ""), target, reason))
        if problems:
            return None, problems
        whole = fields["full_name"]
        if whole and not (fields["surname"] or fields["given_name"]):
            parts = split_full_name(whole)
            fields["surname"] = parts.surname or ""
            fields["given_name"] = parts.given_name or ""
            fields["patronymic"] = fields["patronymic"] or parts.patronymic or ""
        written = whole or " ".join(
            fields[n] for n in ("surname", "given_name", "patronymic") if fields[n]
        )
        record = ImportedRecord(
            row_no=number,
            fields=fields,
            name_key=name_key(written),
            script=detect_script(written),
            status=status,
            event_date=event.date if event else None,
            person_ref=person_ref,
            extra=_encode_extra(extra) if extra else "{}",
        )
        return record, problems

    def _age(self, number: int, column: str, text: str) -> list[Problem]:
        try:
            age = int(float(text))
        except ValueError:
            return [Problem(number, column, "age", f"{text!r} is not an age")]
        problem = age_problem(age)
        return [Problem(number, column, "age", problem)] if problem else []

    def _status(self, number: int, words: str, problems: list[Problem]) -> Status | None:
        if not words:
            if self.default_status is None:
                reason = "no status: map a status column or give the list's status (--status)"
                problems.append(Problem(number, "", "status", reason))
            return self.default_status
        status = self.words.get(words.casefold())
        if status is None:
            reason = f"unknown status word {words!r}: add it to the mapping file's [statuses] table"
            problems.append(Problem(number, self.column_of.get("status", ""), "status", reason))
        return status

    def _name_column(self) -> str:
        for name in NAME_FIELDS:
            if name in self.column_of:
                return self.column_of[name]
        return ""
