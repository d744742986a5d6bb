"""Sources and claims on the web: a report with every claim read from it marked in its text,
a list with its rows, and each claimant's figures over time beside the register's counts.

A statement or a news report is public, as its publisher made it; a family's report, a
forensic report (and the figures read from them) and any list's rows of persons the public
may not see by name are not (web.access).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection

from rollbook.analysis.claims import ClaimLine, claim_json, claim_timeline
from rollbook.ingest.documents import DocumentError, document_text
from rollbook.model.claims import Claim
from rollbook.store.claims import source_claims
from rollbook.store.records import source_records
from rollbook.store.sources import all_sources, open_source_bytes, source_row
from rollbook.web.access import named_statuses, public_record, public_source
from rollbook.web.common import (
    EVERY_STATUS,
    MAX_ID,
    Db,
    Page,
    PerPage,
    Seen,
    publish_of,
    remember,
    remembered,
    render,
)
from rollbook.web.session import Viewer

router = APIRouter()
SourceId = Annotated[int, Path(ge=1, le=MAX_ID, description="Source id")]
REPORT_FORMATS = frozenset({"text", "markdown", "html"})


def _may_read(seen: Viewer, source: dict[str, Any]) -> bool:
    return seen.role.sees_everyone or public_source(source["kind"])


def shown_claims(db: Connection, everyone: bool) -> list[ClaimLine]:
    """The claims timeline; without `everyone`, only the claims of public sources (or of
    none: figures a recorder entered by hand)."""
    lines = claim_timeline(db)
    if everyone:
        return lines
    kinds = {s["id"]: s["kind"] for s in all_sources(db)}
    return [
        line
        for line in lines
        if line.claim.source_id is None or public_source(kinds[line.claim.source_id])
    ]


def sources_data(db: Connection, seen: Viewer, page: int, per_page: int) -> dict[str, Any]:
    """A page of the sources the viewer may read, latest added first."""
    shown = [s for s in reversed(all_sources(db)) if _may_read(seen, s)]
    start = (page - 1) * per_page
    return {"page": page, "per_page": per_page, "total": len(shown),
            "sources": shown[start : start + per_page]}  # fmt: skip


def _located(text: str, claim: Claim) -> Claim:
    """A claim with its span where its words stand in the text as laid out now: a report read
    when its pages were laid out otherwise (before menus were left out) keeps its words."""
    if claim.span is None or not claim.quote:
        return claim
    start, end = claim.span
    if text[start:end] == claim.quote:
        return claim
    found = text.find(claim.quote)
    span = None if found < 0 else (found, found + len(claim.quote))
    return dataclasses.replace(claim, span=span)


def _marked(text: str, claims: list[Claim]) -> list[dict[str, Any]]:
    """The text cut into pieces, each either plain or the words of a claim."""
    pieces: list[dict[str, Any]] = []
    at = 0
    for claim in claims:
        if claim.span is None or claim.span[0] < at or claim.span[1] > len(text):
            continue
        start, end = claim.span
        if start > at:
            pieces.append({"text": text[at:start], "claim": None})
        pieces.append({"text": text[start:end], "claim": claim.id})
        at = end
    pieces.append({"text": text[at:], "claim": None})
    return pieces


def _report_text(db: Connection, source: Mapping[str, Any]) -> str | None:
    """A stored report's text as Rollbook lays it out, or None when it cannot be read."""
    raw = open_source_bytes(db, int(source["id"]), int(source["size"])).read()
    try:
        return document_text(raw, source["filename"]).text
    except DocumentError:
        return None


def source_data(
    db: Connection, request: Request, seen: Viewer, source_id: int, page: int, per_page: int
) -> dict[str, Any]:
    """One source: a report's text with its claims marked, or a page of a list's rows."""
    source = source_row(db, source_id)
    if source is None or not _may_read(seen, dict(source)):
        raise HTTPException(404, f"no source {source_id}")
    described = {k: v for k, v in source.items() if k not in ("options", "seq")}
    claims = source_claims(db, source_id)
    report = source["format"] in REPORT_FORMATS
    text = _report_text(db, source) if report else None
    if text is not None:
        claims = [_located(text, c) for c in claims]
    data: dict[str, Any] = {"source": described, "claims": [claim_json(c) for c in claims],
                            "text": text, "pieces": [] if text is None else _marked(text, claims),
                            "rows": [], "total": 0, "page": page, "per_page": per_page}  # fmt: skip
    if report:
        return data
    statuses = EVERY_STATUS if seen.role.sees_everyone else named_statuses(publish_of(request))
    key = ("source", source_id, *sorted(statuses))
    known = remembered(request, db, key)
    total, rows = source_records(db, source_id, statuses, (page - 1) * per_page, per_page, known)
    remember(request, key, total)
    protected = seen.role.sees_protected
    data["total"] = total
    data["rows"] = [r if protected else public_record(r) for r in rows]
    return data


@router.get("/api/sources", tags=["sources"])
def sources_api(db: Db, seen: Seen, page: Page = 1, per_page: PerPage = 50) -> dict[str, Any]:
    """The sources: lists, statements and reports, latest added first."""
    return sources_data(db, seen, page, per_page)


@router.get("/sources", response_class=HTMLResponse, include_in_schema=False)
def sources_page(request: Request, db: Db, seen: Seen, page: Page = 1,
                 per_page: PerPage = 50) -> HTMLResponse:  # fmt: skip
    return render(request, "sources.html", sources_data(db, seen, page, per_page), seen)


@router.get("/api/sources/{source_id}", tags=["sources"])
def source_api(request: Request, db: Db, seen: Seen, source_id: SourceId, page: Page = 1,
               per_page: PerPage = 50) -> dict[str, Any]:  # fmt: skip
    """One source: a report's text and the claims read from it (each with the span of its
    words), or a page of a list's rows."""
    data = source_data(db, request, seen, source_id, page, per_page)
    return {k: v for k, v in data.items() if k != "pieces"}


@router.get("/sources/{source_id}", response_class=HTMLResponse, include_in_schema=False)
def source_page(request: Request, db: Db, seen: Seen, source_id: SourceId, page: Page = 1,
                per_page: PerPage = 50) -> HTMLResponse:  # fmt: skip
    data = source_data(db, request, seen, source_id, page, per_page)
    return render(request, "source.html", data, seen)


def claims_data(db: Connection, seen: Viewer) -> dict[str, Any]:
    """Each claimant's figures in order, with what each revises and the named count known
    on its date, and the gap."""
    lines = [line.to_json() for line in shown_claims(db, seen.role.sees_everyone)]
    claimants: dict[str, list[dict[str, Any]]] = {}
    for line in lines:
        claimants.setdefault(line["claimant"], []).append(line)
    return {"claimants": [{"claimant": name, "claims": found}
                          for name, found in claimants.items()]}  # fmt: skip


@router.get("/api/claims", tags=["claims"])
def claims_api(db: Db, seen: Seen) -> dict[str, Any]:
    """Announced figures by claimant, over time, beside the register's named counts."""
    return claims_data(db, seen)


@router.get("/claims", response_class=HTMLResponse, include_in_schema=False)
def claims_page(request: Request, db: Db, seen: Seen) -> HTMLResponse:
    return render(request, "claims.html", claims_data(db, seen), seen)
