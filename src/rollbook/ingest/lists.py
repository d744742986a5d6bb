"""Importing a list as one Source: all of it in one journalled transaction, or none of it.

The live import and `rollbook verify`'s replay run the same code on the same bytes: the
journal entry holds the source's description and the options, the stored bytes hold the
rows, and the records are derived from the two.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

from rollbook.ingest.mapping import ColumnProblem, MappingFile, Plan, plan_columns
from rollbook.ingest.parallel import Batches, ReadJob, read_in_worker
from rollbook.ingest.pfif import NoteSpool
from rollbook.ingest.rows import BATCH_ROWS, Problem, RowReader
from rollbook.ingest.tables import Table, TableError, open_table
from rollbook.model.dates import PartialDate
from rollbook.model.status import Evidence
from rollbook.store.cases import open_for_list
from rollbook.store.database import Register, Write
from rollbook.store.records import RecordBatch, RecordWriter, next_id
from rollbook.store.schema import sources
from rollbook.store.sources import (
    EVIDENCE_OF_KIND,
    SourceKind,
    file_sha256,
    insert_source,
    open_source_bytes,
    source_by_hash,
    source_row,
    store_bytes,
)

ACTION = "source.import"
WORKER_FROM_BYTES = 8 << 20
DEFAULT_MAX_BYTES = 8 << 30
MAX_PROBLEMS = 1000
#: An import this large refreshes the planner's statistics once it has landed.
STATISTICS_FROM_RECORDS = 10_000
Progress = Callable[[int], None]


@dataclass
class ImportOptions:
    """How to read a list and what to say about it as a source."""

    kind: SourceKind = SourceKind.OFFICIAL_LIST
    title: str = ""
    publisher: str = ""
    published: dt.date | None = None
    language: str = ""
    mapping: MappingFile = field(default_factory=MappingFile)
    status: str = ""
    party: str = ""
    encoding: str | None = None
    delimiter: str | None = None
    format: str | None = None
    keep_unknown: bool = False
    revises: int | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    worker_from_bytes: int = WORKER_FROM_BYTES


@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    path: str
    sha256: str
    source_id: int | None = None
    duplicate_of: int | None = None
    format: str = ""
    encoding: str = ""
    delimiter: str = ""
    plan: Plan | None = None
    records: int = 0
    new_persons: int = 0
    joined_persons: int = 0
    cases_opened: int = 0  # missing-person cases the list opened
    notes_applied: int = 0  # a PFIF file's notes, added to the cases as steps
    problems: list[Problem] = field(default_factory=list)
    more_problems: int = 0
    dry_run: bool = False


class ImportFailed(Exception):
    """An import refused as a whole; the report lists every problem found."""

    def __init__(self, report: ImportReport) -> None:
        count = len(report.problems) + report.more_problems
        super().__init__(f"{report.path}: {count} problem(s); nothing was imported")
        self.report = report


class _Abandon(Exception):
    """Raised to roll a write back: a dry run once it has done all but commit, a duplicate."""


def _options_json(options: ImportOptions) -> dict[str, Any]:
    defaults = dict(options.mapping.defaults)
    if options.status:
        defaults["status"] = options.status
    if options.party:
        defaults["party"] = options.party
    mapping = MappingFile(options.mapping.columns, options.mapping.statuses, defaults)
    return {
        "mapping": mapping.to_json(),
        "encoding": options.encoding,
        "delimiter": options.delimiter,
        "format": options.format,
        "keep_unknown": options.keep_unknown,
    }


def import_list(
    register: Register,
    path: Path,
    options: ImportOptions,
    *,
    actor: str,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a list file as one source; raises ImportFailed and changes nothing on any problem."""
    report = ImportReport(path=str(path), sha256="", dry_run=dry_run)
    try:
        size = path.stat().st_size
    except OSError as error:
        report.problems.append(Problem(0, "", "", f"cannot read the file: {error.strerror}"))
        raise ImportFailed(report) from None
    if size > options.max_bytes:
        reason = (
            f"the file is {size:,} bytes, over the import limit of {options.max_bytes:,} bytes: "
            "split it, or raise the limit (--max-gib)"
        )
        report.problems.append(Problem(0, "", "", reason))
        raise ImportFailed(report)
    report.sha256 = file_sha256(path)
    payload = {
        "source": {
            "sha256": report.sha256,
            "kind": options.kind.value,
            "title": options.title or path.name,
            "publisher": options.publisher,
            "published": (options.published or dt.date.today()).isoformat(),
            "language": options.language,
            "filename": path.name,
            "size": size,
            "revises": options.revises,
            "options": _options_json(options),
        }
    }
    try:
        with register.write(ACTION, payload, actor=actor) as work:
            # Checked under the write lock, so two processes importing one file add it once.
            earlier = source_by_hash(work.connection, report.sha256)
            if earlier is not None:
                report.duplicate_of = int(earlier["id"])
                raise _Abandon
            if options.revises is not None and source_row(work.connection, options.revises) is None:
                report.problems.append(
                    Problem(0, "", "", f"--revises: no source {options.revises}")
                )
                raise ImportFailed(report)
            with path.open("rb") as stream:
                apply_import(
                    work,
                    stream,
                    report,
                    progress=progress,
                    path=path,
                    worker_from_bytes=options.worker_from_bytes,
                )
            if dry_run:
                raise _Abandon
    except _Abandon:
        return report
    if report.records >= STATISTICS_FROM_RECORDS:
        register.refresh_statistics()
    return report


def replay_import(work: Write) -> None:
    """Re-derive an import's records from the stored bytes (used by `rollbook verify`)."""
    source_id = int(work.payload["source"]["id"])
    report = ImportReport(path=work.payload["source"]["filename"], sha256="")
    stream = open_source_bytes(work.connection, source_id, int(work.payload["source"]["size"]))
    apply_import(work, stream, report)


def apply_import(
    work: Write,
    stream: BinaryIO,
    report: ImportReport,
    *,
    progress: Progress | None = None,
    path: Path | None = None,
    worker_from_bytes: int = WORKER_FROM_BYTES,
) -> None:
    """Write the source row and derive its records; a live import (from `path`) also
    stores the bytes, and reads a large file in a worker process."""
    described = work.payload["source"]
    options = described["options"]
    connection = work.connection
    if path is not None:
        described["id"] = next_id(connection, sources.c.id)
        store_bytes(connection, described["id"], stream)
        stream.seek(0)
    source_id = int(described["id"])
    report.source_id = source_id
    with _refusing(report):
        table = open_table(
            stream,
            filename=described["filename"],
            format=options["format"],
            encoding=options["encoding"],
            delimiter=options["delimiter"],
        )
    try:
        report.format, report.encoding, report.delimiter = (
            table.format,
            table.encoding,
            table.delimiter,
        )
        declared = MappingFile.from_json(options["mapping"])
        plan, column_problems = plan_columns(
            table.header, declared, keep_unknown=options["keep_unknown"]
        )
        report.plan = plan
        _note_columns(report, column_problems)
        insert_source(
            connection, described, source_id=source_id, format=table.format, seq=work.seq,
            revises=described["revises"], options=_json(options),
        )  # fmt: skip
        learned = PartialDate.from_iso(described["published"]).first_day()
        writer = RecordWriter(
            connection,
            work.seq,
            source_id,
            learned,
            EVIDENCE_OF_KIND[SourceKind(described["kind"])],
        )
        reader = RowReader(plan, declared, today=work.today, learned_on=learned)
        if path is not None and described["size"] >= worker_from_bytes and table.notes is None:
            job = ReadJob(
                str(path), described["filename"], table.format, table.encoding,
                table.delimiter, plan, declared, work.today, learned,
            )  # fmt: skip
            with _refusing(report), read_in_worker(job) as batches:
                _write_batches(batches, writer, report, reader, progress)
        else:
            with _refusing(report):
                _write_batches(_read_here(table, reader, stream), writer, report, reader, progress)
    finally:
        table.release()
    if report.records == 0 and not report.problems:
        _note(report, Problem(0, "", "", "the list has no rows"))
    if report.problems:
        raise ImportFailed(report)
    writer.finish()
    report.new_persons = writer.new_persons
    report.joined_persons = len(writer.joined)
    report.cases_opened = open_for_list(
        work, source_id, described["title"], learned, writer.evidence,
        range(writer.first_record, writer.next_record),
    )  # fmt: skip
    if table.notes is not None:
        report.notes_applied = _apply_notes(work, report, table.notes, source_id, learned,
                                            writer.evidence)  # fmt: skip
    work.payload["counts"] = {
        "records": report.records,
        "new_persons": report.new_persons,
        "joined_persons": report.joined_persons,
        "cases_opened": report.cases_opened,
    }


def _apply_notes(
    work: Write,
    report: ImportReport,
    notes: NoteSpool,
    source_id: int,
    learned: dt.date,
    evidence: Evidence,
) -> int:
    """A PFIF file's notes as steps of the cases its persons' records opened."""
    from rollbook.ingest.pfif_cases import NoteRefused, apply_notes

    try:
        return apply_notes(work, notes.oldest_first(), source_id, learned, evidence)
    except NoteRefused as refused:
        _note(report, Problem(refused.line, "", refused.field, refused.reason))
        raise ImportFailed(report) from None
    finally:
        notes.close()


def _read_here(table: Table, reader: RowReader, stream: BinaryIO) -> Batches:
    while rows := list(islice(table.rows, BATCH_ROWS)):
        batch, problems = reader.read_batch(rows)
        yield batch, problems, stream.tell()


def _write_batches(
    batches: Batches,
    writer: RecordWriter,
    report: ImportReport,
    reader: RowReader,
    progress: Progress | None,
) -> None:
    """Write each batch's valid records and note every problem.

    A list with any problem is not imported (the transaction is rolled back), but its
    valid records are written until then so that every status conflict is found too.
    """
    for batch, problems, done in batches:
        for problem in problems:
            _note(report, problem)
        report.records += len(batch)
        _write_batch(writer, batch, report, reader)
        if progress:
            progress(done)


def _write_batch(
    writer: RecordWriter, batch: RecordBatch, report: ImportReport, reader: RowReader
) -> None:
    for refused in writer.write(batch):
        column = reader.column_of.get(refused.field_name, "")
        _note(report, Problem(refused.row_no, column, refused.field_name, refused.reason))


def _note(report: ImportReport, problem: Problem) -> None:
    if len(report.problems) < MAX_PROBLEMS:
        report.problems.append(problem)
    else:
        report.more_problems += 1


def _note_columns(report: ImportReport, problems: list[ColumnProblem]) -> None:
    for problem in problems:
        _note(report, Problem(1, problem.column, "", problem.reason))


@contextmanager
def _refusing(report: ImportReport) -> Iterator[None]:
    try:
        yield
    except TableError as error:
        _note(report, Problem(error.row, error.column, "", error.reason))
        raise ImportFailed(report) from None


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
