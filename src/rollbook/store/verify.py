"""Proof that the current state is what the journal and the sources say it is.

`verify` replays every journal entry into a fresh SQLite register that holds only the
stored source bytes, then compares every projection, row by row, with the register's own;
and it has the database check its index of name words against the records' name keys.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, insert, select

from rollbook.store.actions import Applier
from rollbook.store.database import Register
from rollbook.store.name_index import index_problem
from rollbook.store.schema import PROJECTIONS, journal, metadata, source_chunks, sources


@dataclass
class VerifyReport:
    """The outcome of a verification: entries replayed, rows compared, differences found."""

    entries: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    differences: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.differences


def _copy_bytes(source: Connection, target: Connection) -> None:
    query = select(source_chunks).order_by(source_chunks.c.source_id, source_chunks.c.n)
    for row in source.execution_options(yield_per=16).execute(query):
        target.execute(insert(source_chunks).values(**row._mapping))


def _check_hashes(connection: Connection, report: VerifyReport) -> None:
    for source_id, expected in connection.execute(select(sources.c.id, sources.c.sha256)):
        digest = hashlib.sha256()
        query = (
            select(source_chunks.c.data)
            .where(source_chunks.c.source_id == source_id)
            .order_by(source_chunks.c.n)
        )
        for (data,) in connection.execute(query):
            digest.update(data)
        if digest.hexdigest() != expected:
            report.differences.append(f"source {source_id}: stored bytes do not match their hash")


def _rows(connection: Connection, table: str, key: tuple[str, ...]) -> Iterator[tuple[object, ...]]:
    columns = metadata.tables[table].c
    query = select(*columns).order_by(*(columns[k] for k in key))
    for row in connection.execution_options(yield_per=10_000).execute(query):
        yield tuple(row)


def _compare(
    name: str, ours: Iterator[tuple[object, ...]], rebuilt: Iterator[tuple[object, ...]]
) -> tuple[int, str | None]:
    count = 0
    while True:
        a = next(ours, None)
        b = next(rebuilt, None)
        if a is None and b is None:
            return count, None
        if a != b:
            return count, f"{name}: stored {a} but the journal gives {b}"
        count += 1


def verify(register: Register, appliers: Mapping[str, Applier]) -> VerifyReport:
    """Rebuild the register from its journal and sources and compare it with the stored state."""
    report = VerifyReport()
    with tempfile.TemporaryDirectory(prefix="rollbook-verify-") as folder:
        replica = Register.create(str(Path(folder) / "replica.db"))
        try:
            with register.read() as connection, replica.engine.begin() as target:
                _copy_bytes(connection, target)
            with register.read() as connection:
                entries = connection.execute(select(journal).order_by(journal.c.seq)).mappings()
                for entry in entries:
                    apply = appliers.get(entry["action"])
                    if apply is None:
                        report.differences.append(f"entry {entry['seq']}: unknown action")
                        continue
                    with replica.write(
                        entry["action"],
                        json.loads(entry["payload"]),
                        actor=entry["actor"],
                        reason=entry["reason"],
                        at=_parse_time(entry["at"]),
                    ) as work:
                        apply(work)
                    report.entries += 1
            with register.read() as ours, replica.read() as rebuilt:
                _check_hashes(ours, report)
                for name, key in {**PROJECTIONS, "journal": ("seq",)}.items():
                    count, difference = _compare(
                        name, _rows(ours, name, key), _rows(rebuilt, name, key)
                    )
                    report.rows[name] = count
                    if difference:
                        report.differences.append(difference)
                if problem := index_problem(ours):
                    report.differences.append(problem)
        finally:
            replica.close()
    return report


def _parse_time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)
