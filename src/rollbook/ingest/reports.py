"""Reading reports: each document one Source, each casualty figure in it one Claim.

A document is read in one journalled write: its bytes, its description and the claims
found in it land together or not at all. The journal entry holds the claims as read, so
`rollbook verify` replays them without reading the text again, and a later grammar never
silently rewrites what an earlier reading stored. The same bytes read twice are one source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from rollbook.ingest.documents import TEXT_SUFFIXES, DocumentError, document_text
from rollbook.ingest.figures import FoundClaim, read_figures
from rollbook.ingest.figures.when import opening_date
from rollbook.model.claims import Claim, claimant_key
from rollbook.store.claims import claim_from_payload, insert_claim
from rollbook.store.database import Register, Write
from rollbook.store.records import next_id
from rollbook.store.schema import claims, sources
from rollbook.store.sources import SourceKind, source_by_hash, store_bytes

ACTION = "source.read"


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
    named: list[tuple[str, bytes]],
    options: ReadOptions,
    *,
    actor: str,
    dry_run: bool = False,
    progress: Callable[[], None] | None = None,
) -> list[ReadReport]:
    """Read each (name, bytes) document; a document that cannot be read is reported with
    its reason and the rest of the batch is still read."""
    results = []
    for name, data in named:
        results.append(read_report(register, name, data, options, actor=actor, dry_run=dry_run))
        if progress is not None:
            progress()
    return results


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
    report = ReadReport(path=name, dry_run=dry_run)
    try:
        document = document_text(data, name)
    except DocumentError as error:
        report.problem = str(error)
        return report
    published = options.published or opening_date(document.text)
    if published is None:
        report.problem = "no publication date in its opening lines: give it with --published"
        return report
    outlet = options.outlet or Path(name).stem
    report.published, report.outlet = published.isoformat(), outlet
    found = read_figures(document.text, published, outlet)
    payload: dict[str, Any] = {
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
    try:
        with register.write(ACTION, payload, actor=actor) as work:
            earlier = source_by_hash(work.connection, payload["source"]["sha256"])
            if earlier is not None:
                report.duplicate_of = int(earlier["id"])
                raise _Abandon
            payload = work.payload
            payload["source"]["id"] = next_id(work.connection, sources.c.id)
            store_bytes(work.connection, payload["source"]["id"], io.BytesIO(data))
            _link_revisions(work.connection, payload)
            apply_read(work)
            report.source_id = payload["source"]["id"]
            report.claims = payload["claims"]
            if dry_run:
                raise _Abandon
    except _Abandon:
        pass
    return report


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
    stored = connection.execute(
        select(claims.c.id, claims.c.claimant, claims.c.category, claims.c.value, claims.c.low,
               claims.c.as_of).order_by(claims.c.as_of, claims.c.id)
    ).all()  # fmt: skip
    for claim in payload["claims"]:
        if claim["previous_value"] is None:
            continue
        key = claimant_key(claim["claimant"])
        for row in reversed(stored):
            central = row.value if row.value is not None else row.low
            if (
                claimant_key(row.claimant) == key
                and row.category == claim["category"]
                and central == claim["previous_value"]
                and row.as_of <= claim["as_of"]
            ):
                claim["revises"] = row.id
                break


def apply_read(work: Write) -> None:
    """Write a read document's source row and its claims (live, and in `verify`'s replay)."""
    described = work.payload["source"]
    connection = work.connection
    connection.execute(
        sources.insert().values(
            id=described["id"],
            sha256=described["sha256"],
            kind=described["kind"],
            title=described["title"],
            publisher=described["publisher"],
            published=described["published"],
            language=described["language"],
            filename=described["filename"],
            format=described["format"],
            size=described["size"],
            revises=None,
            options="{}",
            seq=work.seq,
        )
    )
    first = next_id(connection, claims.c.id)
    for n, p in enumerate(work.payload["claims"]):
        claim: Claim = claim_from_payload(first + n, {**p, "source_id": described["id"]})
        insert_claim(connection, claim, work.seq)
        p["claim_id"] = claim.id
