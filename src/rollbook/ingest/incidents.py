"""Import a file of incidents (CSV, XLSX, JSON lines or a JSON document) as one source.

The file is stored like a list, its rows read a batch at a time (a JSON document streams
through ijson), each checked, then placed on incidents by store.incidents. Any problem
refuses the whole file and names its row, column and reason; nothing is written.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
from collections.abc import Generator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import ijson

from rollbook.ingest.incident_rows import Dialect, RowError, column_of, dialect_of, row_account
from rollbook.ingest.rows import Problem
from rollbook.ingest.tables import TableError, cell_text, open_table
from rollbook.store.database import Register, Write
from rollbook.store.incidents import Account, account_problem, place_accounts
from rollbook.store.records import next_id
from rollbook.store.schema import sources
from rollbook.store.sources import (
    SourceKind,
    file_sha256,
    open_source_bytes,
    source_by_hash,
    store_bytes,
)

IMPORT_ACTION = "incidents.import"
#: A file's rows as read: each row's number and its cells as text, by column.
Rows = Generator[tuple[int, dict[str, str]], None, None]
BATCH = 5000
#: Problems listed before the rest are only counted.
SHOWN_PROBLEMS = 50


@dataclass
class IncidentImportReport:
    """What an import of incidents did, or why it did nothing."""

    path: str
    sha256: str = ""
    source_id: int | None = None
    dialect: str = ""
    rows: int = 0
    new: int = 0
    joined: int = 0
    review: int = 0
    corroborated: int = 0
    duplicate_of: int | None = None
    dry_run: bool = False
    problems: list[Problem] = field(default_factory=list)
    more_problems: int = 0

    def note(self, problem: Problem) -> None:
        if len(self.problems) < SHOWN_PROBLEMS:
            self.problems.append(problem)
        else:
            self.more_problems += 1


class IncidentImportFailed(Exception):
    """An import refused as a whole; the report lists the problems found."""

    def __init__(self, report: IncidentImportReport) -> None:
        count = len(report.problems) + report.more_problems
        super().__init__(f"{report.path}: {count} problem(s); nothing was imported")
        self.report = report


class _Abandon(Exception):
    """Rolls the write back: a dry run, or a file imported before."""


@dataclass(frozen=True)
class IncidentFileOptions:
    """How to take a file: the source it is, and when it was published."""

    title: str = ""
    publisher: str = ""
    published: dt.date | None = None
    kind: SourceKind = SourceKind.NGO_LIST


def import_incidents(
    register: Register,
    path: Path,
    options: IncidentFileOptions,
    *,
    actor: str,
    dry_run: bool = False,
) -> IncidentImportReport:
    """Import an incident file as one source; raises IncidentImportFailed and changes
    nothing on any problem."""
    report = IncidentImportReport(path=str(path), dry_run=dry_run)
    try:
        size = path.stat().st_size
    except OSError as error:
        report.note(Problem(0, "", "", f"cannot read the file: {error.strerror}"))
        raise IncidentImportFailed(report) from None
    report.sha256 = file_sha256(path)
    payload = {
        "source": {
            "sha256": report.sha256, "kind": options.kind.value,
            "title": options.title or path.name, "publisher": options.publisher,
            "published": (options.published or dt.date.today()).isoformat(),
            "filename": path.name, "size": size,
        }
    }  # fmt: skip
    try:
        with register.write(IMPORT_ACTION, payload, actor=actor) as work:
            earlier = source_by_hash(work.connection, report.sha256)
            if earlier is not None:
                report.duplicate_of = int(earlier["id"])
                raise _Abandon
            with path.open("rb") as stream:
                apply_incident_import(work, stream, report, live=True)
            if dry_run:
                raise _Abandon
    except _Abandon:
        pass
    return report


def replay_incident_import(work: Write) -> None:
    """Re-derive an import's incidents from the stored bytes (`rollbook verify`)."""
    described = work.payload["source"]
    report = IncidentImportReport(path=described["filename"])
    stream = open_source_bytes(work.connection, int(described["id"]), int(described["size"]))
    apply_incident_import(work, stream, report)


def apply_incident_import(
    work: Write, stream: BinaryIO, report: IncidentImportReport, *, live: bool = False
) -> None:
    """Write the source row and place its reports; a live import also stores the bytes."""
    described = work.payload["source"]
    connection = work.connection
    if live:
        described["id"] = next_id(connection, sources.c.id)
        store_bytes(connection, described["id"], stream)
        stream.seek(0)
    source_id = report.source_id = int(described["id"])
    header, rows, file_format = _rows(stream, described["filename"], report)
    dialect = dialect_of(header)
    report.dialect = dialect.name
    connection.execute(
        sources.insert().values(
            id=source_id, sha256=described["sha256"], kind=described["kind"],
            title=described["title"], publisher=described["publisher"],
            published=described["published"], language="", filename=described["filename"],
            format=file_format, size=described["size"], revises=None,
            options=json.dumps({"incidents": dialect.name}), seq=work.seq,
        )
    )  # fmt: skip
    batch: list[Account] = []
    with closing(rows):
        _read(work, rows, dialect, report, batch)
    if report.problems:
        raise IncidentImportFailed(report)
    if not report.rows:
        report.note(Problem(0, "", "", "the file holds no incidents"))
        raise IncidentImportFailed(report)
    _place(work, batch, report)
    work.payload["counts"] = {"reports": report.rows, "new": report.new,
                              "joined": report.joined, "review": report.review}  # fmt: skip


def _read(
    work: Write,
    rows: Rows,
    dialect: Dialect,
    report: IncidentImportReport,
    batch: list[Account],
) -> None:
    """Check each row; place the checked ones a batch at a time while none has failed
    (the rest, fewer than a batch, are left in `batch`)."""
    described = work.payload["source"]
    learned = dt.date.fromisoformat(described["published"])
    speaker = described["publisher"] or described["title"]
    for number, cells in rows:
        report.rows += 1
        try:
            found = row_account(dialect, cells)
        except RowError as error:
            report.note(Problem(number, error.column, error.column, error.reason))
            continue
        account = Account(
            report=found.report, reported_by=found.reported_by or speaker, learned_on=learned,
            source_id=report.source_id, row_no=number, external_id=found.external_id,
            reporter=found.reporter,
        )  # fmt: skip
        problem = account_problem(work, account)
        if problem is not None:
            column = column_of(dialect, problem.field)
            report.note(Problem(number, column, problem.field, problem.reason))
            continue
        batch.append(account)
        if len(batch) >= BATCH and not report.problems:
            _place(work, batch, report)
            batch.clear()


def _place(work: Write, batch: list[Account], report: IncidentImportReport) -> None:
    for placed in place_accounts(work, batch):
        if placed.outcome == "joined":
            report.joined += 1
        elif placed.outcome == "review":
            report.review += 1
        else:
            report.new += 1
        report.corroborated += placed.corroborated


# --------------------------------------------------------------------------- reading the file


def _rows(
    stream: BinaryIO, filename: str, report: IncidentImportReport
) -> tuple[list[str], Rows, str]:
    """The header, the rows (number, cells as text) and the format of a file."""
    head = stream.read(1 << 16)
    stream.seek(0)
    text = head.lstrip(codecs.BOM_UTF8).lstrip()
    if text.startswith(b"[") or (text.startswith(b"{") and not _json_lines(text)):
        return _json_document(stream, report)
    try:
        table = open_table(stream, filename=filename)
    except TableError as error:
        report.note(Problem(error.row, error.column, "", error.reason))
        raise IncidentImportFailed(report) from None

    def rows() -> Rows:
        header = table.header
        try:
            for row in table.rows:
                if row.problem:
                    report.note(Problem(row.number, "", "", row.problem))
                    continue
                yield row.number, {k: cell_text(c) for k, c in zip(header, row.cells, strict=False)}
        except TableError as error:
            report.note(Problem(error.row, error.column, "", error.reason))
            raise IncidentImportFailed(report) from None
        finally:
            table.release()

    return table.header, rows(), table.format


def _json_lines(text: bytes) -> bool:
    """Whether a file that opens with "{" is JSON lines: its first line one flat object (a
    whole document on one line holds its incidents in an array of objects)."""
    try:
        first = json.loads(text.split(b"\n", 1)[0])
    except ValueError:
        return False
    return isinstance(first, dict) and not any(
        isinstance(v, list) and v and isinstance(v[0], dict) for v in first.values()
    )


def _json_document(stream: BinaryIO, report: IncidentImportReport) -> tuple[list[str], Rows, str]:
    """A JSON document's objects, streamed: a top-level array, or the first array of
    objects under a key of the top-level object (ACLED's "data", UCDP's "Result", a GeoJSON
    layer's "features"). Each object's own keys name its cells; the first object's keys
    tell the dialect. A GeoJSON feature gives its properties and point."""
    prefix = _array_prefix(stream, report)
    stream.seek(0)
    items = ijson.items(stream, prefix, use_float=True)

    def objects() -> Rows:
        number = 0
        try:
            for item in items:
                number += 1
                if not isinstance(item, dict):
                    report.note(Problem(number, "", "", "each incident must be a JSON object"))
                    raise IncidentImportFailed(report)
                yield number, {k: cell_text(v) for k, v in _flat(item).items()}
        except ijson.JSONError as error:
            report.note(Problem(number + 1, "", "", f"not valid JSON: {error}"))
            raise IncidentImportFailed(report) from None

    found = objects()
    first = next(found, None)
    if first is None:
        report.note(Problem(0, "", "", "the file holds no incidents"))
        raise IncidentImportFailed(report)

    def rows() -> Rows:
        yield first
        yield from found

    return list(first[1]), rows(), "json"


def _array_prefix(stream: BinaryIO, report: IncidentImportReport) -> str:
    """Where a JSON document keeps its incidents, as an ijson prefix: the top level, when it
    is an array, or the first member of the top-level object that is an array of objects
    (skipping members such as a GeoJSON layer's "crs" and "bbox")."""
    candidate = None
    try:
        for prefix, event, _ in ijson.parse(stream):
            if candidate is not None:
                if event == "start_map" and prefix == candidate:
                    return candidate
                candidate = None
            if event == "start_array" and "." not in prefix:
                candidate = f"{prefix}.item" if prefix else "item"
    except ijson.JSONError as error:
        report.note(Problem(0, "", "", f"not valid JSON: {error}"))
        raise IncidentImportFailed(report) from None
    report.note(Problem(0, "", "", "no array of incidents in the JSON document"))
    raise IncidentImportFailed(report)


def _flat(item: dict[str, Any]) -> dict[str, Any]:
    """An object's fields; a GeoJSON feature's properties with its point's coordinates."""
    if item.get("type") == "Feature" and isinstance(item.get("properties"), dict):
        flat = dict(item["properties"])
        geometry = item.get("geometry") or {}
        if geometry.get("type") == "Point" and len(geometry.get("coordinates") or []) >= 2:
            flat["longitude"], flat["latitude"] = geometry["coordinates"][:2]
        return flat
    return item
