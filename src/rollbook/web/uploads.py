"""Bringing sources in through the web: a recorder uploads a list or a report.

A list is imported as `rollbook import` imports it, a statement or news report read as
`rollbook read` reads it, in the recorder's name in the journal. A file over the upload
limit is refused before anything is written; a list with problems is refused whole, each
problem named by row and column.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Request, Response, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse

from rollbook.ingest.documents import TEXT_SUFFIXES
from rollbook.ingest.lists import ImportFailed, ImportOptions, import_list
from rollbook.ingest.reports import ReadOptions, read_report
from rollbook.model.roles import Role
from rollbook.model.status import Status
from rollbook.store.sources import SourceKind
from rollbook.web.common import Seen, at_least
from rollbook.web.session import Viewer, check_csrf
from rollbook.web.writes import by_token

router = APIRouter()
#: The largest file accepted, unless the deployment sets another (app.state.max_upload).
MAX_UPLOAD_BYTES = 64 << 20
_CHUNK = 1 << 20


def _saved(upload: UploadFile, folder: Path, limit: int) -> Path:
    """The upload written to a file of the same name in `folder`, or a 413 past `limit`."""
    name = Path(upload.filename or "upload").name or "upload"
    path = folder / name
    size = 0
    with path.open("wb") as out:
        while chunk := upload.file.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise HTTPException(
                    413, f"{name}: over the upload limit of {limit:,} bytes; nothing was stored"
                )
            out.write(chunk)
    return path


def _day(text: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise HTTPException(422, f"published: {text!r} is not a date (YYYY-MM-DD)") from None


def store_upload(
    request: Request,
    seen: Viewer,
    upload: UploadFile,
    fields: dict[str, str],
) -> dict[str, Any]:
    """Import or read one uploaded file in the recorder's name; what it became."""
    at_least(seen, Role.RECORDER)
    assert seen.user is not None
    try:
        kind = SourceKind(fields["kind"])
        status = Status(fields["status"]).value if fields["status"] else ""
    except ValueError as error:
        raise HTTPException(422, str(error)) from None
    published = _day(fields["published"])
    limit: int = getattr(request.app.state, "max_upload", MAX_UPLOAD_BYTES)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + _CHUNK:
        raise HTTPException(413, f"over the upload limit of {limit:,} bytes; nothing was stored")
    register = request.app.state.register
    with tempfile.TemporaryDirectory(prefix="rollbook-upload-") as folder:
        path = _saved(upload, Path(folder), limit)
        if path.suffix.lower() in TEXT_SUFFIXES:
            options = ReadOptions(kind, fields["publisher"], published)
            done = read_report(register, path.name, path.read_bytes(), options,
                               actor=seen.user.name)  # fmt: skip
            if done.problem:
                raise HTTPException(422, f"{path.name}: {done.problem}")
            return {"file": path.name, "source_id": done.source_id,
                    "duplicate_of": done.duplicate_of, "claims": len(done.claims)}  # fmt: skip
        listed = ImportOptions(kind=kind, publisher=fields["publisher"], published=published,
                               status=status, party=fields["party"])  # fmt: skip
        try:
            report = import_list(register, path, listed, actor=seen.user.name)
        except ImportFailed as failed:
            problems = [
                {"file": path.name, "row": p.row, "column": p.column, "field": p.field,
                 "reason": p.reason}
                for p in failed.report.problems
            ]  # fmt: skip
            raise HTTPException(422, {"message": str(failed), "problems": problems}) from None
        return {"file": path.name, "source_id": report.source_id,
                "duplicate_of": report.duplicate_of, "records": report.records}  # fmt: skip


Kind = Annotated[str, Form(max_length=32)]
Short = Annotated[str, Form(max_length=200)]


@router.post("/api/sources", tags=["sources"], status_code=201)
def upload_api(
    request: Request,
    seen: Seen,
    file: Annotated[UploadFile, File(description="A list (CSV, XLSX, JSON Lines) or a report")],
    kind: Kind = SourceKind.OFFICIAL_LIST.value,
    publisher: Short = "",
    published: Annotated[str, Form(max_length=10)] = "",
    status: Annotated[str, Form(max_length=16)] = "",
    party: Short = "",
) -> Response:
    """Import a list or read a report (recorders and above, with a token)."""
    by_token(request, seen, "uploads through the API need a recorder's token")
    fields = {"kind": kind, "publisher": publisher, "published": published, "status": status,
              "party": party}  # fmt: skip
    return JSONResponse(store_upload(request, seen, file, fields), status_code=201)


@router.post("/sources", include_in_schema=False)
def upload_form(
    request: Request,
    seen: Seen,
    file: Annotated[UploadFile, File()],
    csrf: Short,
    kind: Kind = SourceKind.OFFICIAL_LIST.value,
    publisher: Short = "",
    published: Annotated[str, Form(max_length=10)] = "",
    status: Annotated[str, Form(max_length=16)] = "",
    party: Short = "",
) -> Response:
    """An upload from the sources page; then the source it became."""
    check_csrf(request, csrf)
    fields = {"kind": kind, "publisher": publisher, "published": published, "status": status,
              "party": party}  # fmt: skip
    done = store_upload(request, seen, file, fields)
    source = done["source_id"] or done["duplicate_of"]
    return RedirectResponse(f"/sources/{source}", status_code=303)
