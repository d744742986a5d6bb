"""Turning one table row into a validated record, or into the problems that stop it.

This runs once per row of lists with millions of rows, so it stays plain: no objects per
cell, cached date parsing and name keys, one dict per record.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from dataclasses import dataclass
from functools import cache
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


class RowReader:
    """Validates rows of one list against its column plan and defaults."""

    def __init__(self, plan: Plan, declared: MappingFile, *, today: dt.date) -> None:
        self.today = today
        self.columns = [
            (i, column, target)
            for i, (column, target) in enumerate(zip(plan.header, plan.fields, strict=True))
            if target != "ignore"
        ]
        self.defaults = dict(declared.defaults)
        self.words = {**status_vocabulary(), **declared.statuses}
        default_status = self.defaults.pop("status", "")
        self.default_status: Status | None = None
        if default_status:
            self.default_status = self.words.get(default_status.casefold()) or Status(
                default_status
            )
        self.column_of = {target: column for _, column, target in self.columns}

    def read(self, row: Row) -> tuple[ImportedRecord | None, list[Problem]]:
        """The record a row makes, or the problems found in it (all of them)."""
        problems: list[Problem] = []
        if row.problem:
            problems.append(Problem(row.number, "", "", row.problem))
        fields = {**_EMPTY, **self.defaults}
        extra: dict[str, str] = {}
        dates: dict[str, PartialDate | None] = {"birth_date": None, "event_date": None}
        status_words = ""
        person_ref: int | None = None
        cells = row.cells
        for index, column, target in self.columns:
            value = cells[index] if index < len(cells) else None
            if target in _DATE_FIELDS:
                try:
                    parsed = parse_date_cell(value)
                except DateError as error:
                    problems.append(Problem(row.number, column, target, str(error)))
                    continue
                dates[target] = parsed
                fields[target] = parsed.iso() if parsed else ""
                continue
            text = value.strip() if isinstance(value, str) else cell_text(value)
            if not text:
                continue
            if target == "status":
                status_words = text
            elif target == "extra" or target == "record_id":
                extra[column] = text
            elif target == "person_id":
                try:
                    person_ref = int(text.removeprefix("P").removeprefix("p"))
                except ValueError:
                    reason = f"{text!r} is not a person id"
                    problems.append(Problem(row.number, column, target, reason))
            elif target == "age":
                problems.extend(self._age(row.number, column, text))
                fields["age"] = text
            elif target == "sex":
                fields["sex"] = normalise_sex(text) or text
            else:
                fields[target] = text
        status = self._status(row.number, status_words, problems)
        fields["status_words"] = status_words
        if not any(fields[name] for name in NAME_FIELDS):
            problems.append(Problem(row.number, self._name_column(), "full_name", "empty name"))
        clash = dates_problem(dates["birth_date"], dates["event_date"], self.today)
        if clash:
            target, reason = clash
            problems.append(Problem(row.number, self.column_of.get(target, ""), target, reason))
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
            row_no=row.number,
            fields=fields,
            name_key=name_key(written),
            script=detect_script(written),
            status=status,
            event_date=dates["event_date"],
            person_ref=person_ref,
            extra=json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else "{}",
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
