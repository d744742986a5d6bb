"""Which column of a list holds which field: declared in a TOML file or recognised from headers.

A mapping file looks like this (every table optional):

    [columns]            # header as written = field, "extra" (kept as data) or "ignore"
    "Soyadı" = "surname"
    "Qeyd" = "extra"

    [statuses]           # this list's own status words = killed, missing, ...
    "şəhid olub" = "killed"

    [defaults]           # values for fields the list leaves out
    party = "Azerbaijan"
    status = "killed"
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rollbook.ingest.headers import recognise_header
from rollbook.model.records import RECORD_FIELDS
from rollbook.model.status import Status

#: Fields a column may map to besides the record's own fields.
SPECIAL_FIELDS = ("status", "person_id", "record_id", "extra", "ignore")
MAPPABLE = frozenset(RECORD_FIELDS) - {"status_words"} | frozenset(SPECIAL_FIELDS)
_REPEATABLE = frozenset({"extra", "ignore"})


class MappingError(ValueError):
    """A mapping file that cannot be used, with the reason."""


@dataclass(frozen=True)
class MappingFile:
    """A declared mapping: columns, extra status words and default values."""

    columns: dict[str, str] = field(default_factory=dict)
    statuses: dict[str, Status] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, dict[str, str]]:
        return {
            "columns": self.columns,
            "statuses": {k: v.value for k, v in self.statuses.items()},
            "defaults": self.defaults,
        }

    @classmethod
    def from_json(cls, data: dict[str, dict[str, str]]) -> MappingFile:
        return cls(
            columns=dict(data.get("columns", {})),
            statuses={k: Status(v) for k, v in data.get("statuses", {}).items()},
            defaults=dict(data.get("defaults", {})),
        )


def load_mapping(path: Path) -> MappingFile:
    """Read and check a mapping file; errors name the file and the entry."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise MappingError(f"{path}: {error}") from None
    unknown_tables = set(data) - {"columns", "statuses", "defaults"}
    if unknown_tables:
        raise MappingError(f"{path}: unknown table(s) {', '.join(sorted(unknown_tables))}")
    columns = {str(k): str(v) for k, v in data.get("columns", {}).items()}
    for header, target in columns.items():
        if target not in MAPPABLE:
            raise MappingError(f"{path}: column {header!r} maps to unknown field {target!r}")
    statuses: dict[str, Status] = {}
    for word, status in data.get("statuses", {}).items():
        try:
            statuses[str(word).strip().casefold()] = Status(str(status))
        except ValueError:
            reason = f"status word {word!r} maps to unknown status {status!r}"
            raise MappingError(f"{path}: {reason}") from None
    defaults = {str(k): str(v) for k, v in data.get("defaults", {}).items()}
    for name in defaults:
        if name not in MAPPABLE - _REPEATABLE:
            raise MappingError(f"{path}: default for unknown field {name!r}")
    return MappingFile(columns, statuses, defaults)


@dataclass(frozen=True)
class ColumnProblem:
    column: str
    reason: str


@dataclass(frozen=True)
class Plan:
    """The mapping applied to one header: the field of each column, by position."""

    header: list[str]
    fields: list[str]
    recognised: list[bool]

    def rows(self) -> list[tuple[str, str, str]]:
        """(column, field, how) for display: how is 'declared' or 'recognised'."""
        return [
            (column, target, "recognised" if auto else "declared")
            for column, target, auto in zip(self.header, self.fields, self.recognised, strict=True)
        ]


def plan_columns(
    header: Sequence[str], declared: MappingFile, *, keep_unknown: bool = False
) -> tuple[Plan, list[ColumnProblem]]:
    """Map each column to a field and report every column that cannot be mapped."""
    problems: list[ColumnProblem] = []
    fields: list[str] = []
    recognised: list[bool] = []
    seen_headers: set[str] = set()
    for column in header:
        if column in seen_headers:
            problems.append(ColumnProblem(column, "the header appears twice"))
        seen_headers.add(column)
        target = declared.columns.get(column)
        auto = target is None
        if target is None:
            target = recognise_header(column) if column.strip() else None
        if target is None:
            if keep_unknown:
                target = "extra"
            else:
                reason = (
                    "not a recognised column: map it in a mapping file (to a field, "
                    '"extra" or "ignore") or pass --keep-unknown to keep it as extra data'
                )
                problems.append(ColumnProblem(column, reason))
                target = "ignore"
        fields.append(target)
        recognised.append(auto)
    for column in declared.columns:
        if column not in seen_headers:
            problems.append(
                ColumnProblem(column, "the mapping file names a column not in the list")
            )
    by_field: dict[str, list[str]] = {}
    for column, target in zip(header, fields, strict=True):
        by_field.setdefault(target, []).append(column)
    for target, columns in by_field.items():
        if len(columns) > 1 and target not in _REPEATABLE:
            listed = ", ".join(repr(c) for c in columns)
            problems.append(ColumnProblem(columns[1], f"columns {listed} all map to {target}"))
    return Plan(list(header), fields, recognised), problems
