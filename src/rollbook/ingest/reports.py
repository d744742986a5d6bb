"""Reading reports: each document one Source, each casualty figure in it one Claim.

Documents are stored a batch at a time, each batch one journalled write: a document's bytes,
its description and the claims found in it land together or not at all, and a crash loses
nothing an earlier batch stored. The journal entry holds the claims as read, so `rollbook
verify` replays them without reading the texts again, and a later grammar never silently
rewrites what an earlier reading stored. The same bytes read twice are one source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from rollbook.ingest.documents import TEXT_SUFFIXES, DocumentError, document_text
from rollbook.ingest.figures import FoundClaim, read_figures
from rollbook.ingest.figures.when import opening_date
from rollbook.model.claims import Claim, claimant_key
from rollbook.store.claims import claim_from_payload, claim_row, insert_claims
from rollbook.store.database import Register, Write
from rollbook.store.records import next_id
from rollbook.store.schema import claims, sources
from rollbook.store.sources import SourceKind, insert_source, store_bytes

ACTION = "source.read"
#: Documents stored per journalled write: a crash loses at most the batch being written.
BATCH_DOCUMENTS = 100


@dataclass
class ReadOptions:
    """What to say about the documents read, where the documents do not say it."""

    kind: SourceKind = SourceKind.NEWS_REPORT
    outlet: str = ""
    published: dt.date | None = None
    language: str = "en"


@dataclass
class ReadReport:
    """What reading one document did (or, for a dry run, would do)."""

    path: str
    source_id: int | None = None
    duplicate_of: int | None = None
    published: str = ""
    outlet: str = ""
    claims: list[dict[str, Any]] = field(default_factory=list)
    problem: str = ""
    dry_run: bool = False


class _Abandon(Exception):
    """Raised to roll a write back: a dry run once done, or bytes already stored."""


def documents(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to read: each file named, and every report file under a folder named."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
            )
        else:
            yield path


def read_reports(
    register: Register,
    named: Iterable[tuple[str, bytes | None]],
    options: ReadOptions,
    *,
    actor: str,
    dry_run: bool = False,
    batch: int = BATCH_DOCUMENTS,
) -> Iterator[ReadReport]:
    """Read (name, bytes) documents, each batch in one journalled write; a document that
    cannot be read is reported with its reason and the rest are still read. Reports come
    back in order, a batch at a time, once the batch is written."""
    pending: list[tuple[ReadReport, dict[str, Any], bytes]] = []
    waiting: list[ReadReport] = []
    for name, data in named:
        report = ReadReport(path=name, dry_run=dry_run)
        waiting.append(report)
        if data is None:
            report.problem = "cannot read the file"
        else:
            described = _described(report, name, data, options)
            if described is not None:
                pending.append((report, described, data))
        if len(pending) >= batch:
            _write(register, pending, actor=actor, dry_run=dry_run)
            yield from waiting
            pending, waiting = [], []
    _write(register, pending, actor=actor, dry_run=dry_run)
    yield from waiting


def read_report(
    register: Register,
    name: str,
    data: bytes,
    options: ReadOptions,
    *,
    actor: str,
    dry_run: bool = False,
) -> ReadReport:
    """Read one document into the register as a source and its claims."""
    (report,) = read_reports(register, [(name, data)], options, actor=actor, dry_run=dry_run)
    return report


def _described(
    report: ReadReport, name: str, data: bytes, options: ReadOptions
) -> dict[str, Any] | None:
    """A document's source description and the claims read from it, or None (and the
    report's problem) when it cannot be read."""
    try:
        document = document_text(data, name)
    except DocumentError as error:
        report.problem = str(error)
        return None
    published = options.published or opening_date(document.text)
    if published is None:
        report.problem = "no publication date in its opening lines: give it with --published"
        return None
    outlet = options.outlet or Path(name).stem
    report.published, report.outlet = published.isoformat(), outlet
    try:
        found = read_figures(document.text, published, outlet)
    except Exception as error:  # a fault of the reader's must not stop a batch of thousands
        report.problem = f"the reader failed on this document, which is a bug: {error!r}"
        return None
    return {
        "source": {
            "sha256": hashlib.sha256(data).hexdigest(),
            "kind": options.kind.value,
            "title": Path(name).name,
            "publisher": outlet,
            "published": published.isoformat(),
            "language": options.language,
            "filename": Path(name).name,
            "format": document.format,
            "size": len(data),
        },
        "claims": [_payload(c) for c in found],
    }


def _write(
    register: Register,
    pending: list[tuple[ReadReport, dict[str, Any], bytes]],
    *,
    actor: str,
    dry_run: bool,
) -> None:
    """Store a batch of read documents in one journalled write; the same bytes read before
    (or twice in the batch) are not stored again."""
    if not pending:
        return
    try:
        with register.write(ACTION, {"documents": []}, actor=actor) as work:
            hashes = [described["source"]["sha256"] for _, described, _ in pending]
            stored = dict(
                work.connection.execute(
                    select(sources.c.sha256, sources.c.id).where(sources.c.sha256.in_(hashes))
                ).all()
            )
            next_source = next_id(work.connection, sources.c.id)
            for report, described, data in pending:
                sha256 = described["source"]["sha256"]
                if sha256 in stored:
                    report.duplicate_of = int(stored[sha256])
                    continue
                described["source"]["id"] = stored[sha256] = next_source
                next_source += 1
                store_bytes(work.connection, described["source"]["id"], io.BytesIO(data))
                _link_revisions(work.connection, described)
                _apply_document(work, described)
                work.payload["documents"].append(described)
                report.source_id = described["source"]["id"]
                report.claims = described["claims"]
            if dry_run or not work.payload["documents"]:
                raise _Abandon
    except _Abandon:
        pass


def _payload(claim: FoundClaim) -> dict[str, Any]:
    return {
        "claimant": claim.claimant,
        "category": claim.category.value,
        "qualifier": claim.qualifier.value,
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "previous_value": claim.previous_value,
        "as_of": claim.as_of.iso(),
        "party": claim.party,
        "group": claim.group,
        "period_start": claim.period_start.iso() if claim.period_start else "",
        "period_end": "",
        "quote": claim.quote,
        "span_start": claim.start,
        "span_end": claim.end,
        "revises": None,
    }


def _link_revisions(connection: Connection, payload: dict[str, Any]) -> None:
    """A figure that says what it replaced revises the claimant's stored claim of that figure:
    the 2,881 read today revises the 2,855 read last month."""
    for claim in payload["claims"]:
        earlier = claim["previous_value"]
        if earlier is None:
            continue
        key = claimant_key(claim["claimant"])
        query = (
            select(claims.c.id, claims.c.claimant)
            .where(
                claims.c.category == claim["category"],
                or_(
                    claims.c.value == earlier,
                    and_(claims.c.value.is_(None), claims.c.low == earlier),
                ),
                claims.c.as_of <= claim["as_of"],
            )
            .order_by(claims.c.as_of.desc(), claims.c.id.desc())
        )
        for row in connection.execute(query):
            if claimant_key(row.claimant) == key:
                claim["revises"] = row.id
                break


def apply_read(work: Write) -> None:
    """Write a batch's documents: their source rows and claims (`verify`'s replay)."""
    for described in work.payload["documents"]:
        _apply_document(work, described)


def _apply_document(work: Write, document: dict[str, Any]) -> None:
    described = document["source"]
    connection = work.connection
    insert_source(
        connection, described, source_id=described["id"], format=described["format"],
        seq=work.seq,
    )  # fmt: skip
    first = next_id(connection, claims.c.id)
    rows = []
    for n, p in enumerate(document["claims"]):
        claim: Claim = claim_from_payload(first + n, {**p, "source_id": described["id"]})
        rows.append(claim_row(claim, work.seq))
        p["claim_id"] = claim.id
    insert_claims(connection, rows)
