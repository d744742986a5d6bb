"""What every handler shares: a read connection, who is asking, and rendering a page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request
from fastapi import Path as FastPath
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import Connection

from rollbook.model.roles import Role
from rollbook.model.status import Status
from rollbook.store.journal import last_seq
from rollbook.web.access import Publish
from rollbook.web.session import Viewer, csrf_token, viewer

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
#: The largest id a register hands out (a 32-bit integer column on PostgreSQL).
MAX_ID = 2**31 - 1
PersonId = Annotated[int, FastPath(ge=1, le=MAX_ID, description="Person id")]
#: The most a page may hold, and the furthest page asked for (beyond, nothing is found).
PER_PAGE, LAST_PAGE = 200, 1_000_000
Page = Annotated[int, Query(ge=1, le=LAST_PAGE, description="Page, from 1")]
PerPage = Annotated[int, Query(ge=1, le=PER_PAGE, description="Items per page")]
EVERY_STATUS = frozenset(s.value for s in Status)


def publish_of(request: Request) -> Publish:
    """How much this deployment shows the public (web.access)."""
    publish: Publish = request.app.state.publish
    return publish


def connection(request: Request) -> Iterator[Connection]:
    """A read-only view of one consistent state of the register, for one request."""
    with request.app.state.register.read() as held:
        yield held


Db = Annotated[Connection, Depends(connection)]


def who(request: Request, db: Db) -> Viewer:
    """Who is asking (web.session)."""
    return viewer(request, db)


Seen = Annotated[Viewer, Depends(who)]


def at_least(seen: Viewer, role: Role) -> None:
    """Refuse a viewer whose role may not do what `role` may."""
    if not seen.role.at_least(role):
        raise HTTPException(403, f"this needs a {role} or above; log in first")


def render(request: Request, template: str, data: dict[str, Any], seen: Viewer) -> HTMLResponse:
    """A page rendered from its data, with who is asking and the session's form token."""
    context = {"data": data, "viewer": seen, "csrf": csrf_token(request),
               "reviews": seen.role.at_least(Role.REVIEWER),
               "records": seen.role.at_least(Role.RECORDER)}  # fmt: skip
    return templates.TemplateResponse(request, template, context)


def client(request: Request) -> str:
    """The asking client's address, for rate limits."""
    return request.client.host if request.client else ""


#: Listings' facts kept at most (a search's count is kept too, one per query).
MAX_REMEMBERED = 10_000


def remembered(request: Request, db: Connection, key: tuple[Any, ...]) -> Any:
    """What a listing (`key`: what it asks for) was found to hold when last asked (how
    many; for persons, marks for deep pages too), if the register has not changed since: a
    listing of a million persons is counted once, not per page."""
    seq = last_seq(db)
    kept: dict[tuple[Any, ...], Any] = request.app.state.remembered
    if kept.get(("seq",)) != seq:
        kept.clear()
        kept[("seq",)] = seq
    return kept.get(key)


def remember(request: Request, key: tuple[Any, ...], facts: Any) -> None:
    """Keep a listing's facts for the next page (see `remembered`)."""
    kept: dict[tuple[Any, ...], Any] = request.app.state.remembered
    if len(kept) > MAX_REMEMBERED:
        seq = kept.get(("seq",))
        kept.clear()
        kept[("seq",)] = seq if seq is not None else -1
    kept[key] = facts
