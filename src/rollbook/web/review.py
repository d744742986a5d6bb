"""The review queue in the browser: two records side by side with each comparison's
weight, and same / different / skip (keys s, d, k). Each ruling is journalled with the
reviewer's name and binds every later link run, as `rollbook review` does."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field
from sqlalchemy import Connection

from rollbook.link.comparisons import COMPARISONS
from rollbook.model.records import RECORD_FIELDS
from rollbook.model.roles import Role
from rollbook.store.links import RULE_ACTION, RULINGS, PairState, RulingError, apply_ruling
from rollbook.store.links import review_queue as stored_queue
from rollbook.store.persons import records_by_id
from rollbook.web.access import is_public
from rollbook.web.common import MAX_ID, Db, Seen, at_least, render
from rollbook.web.session import Viewer, check_csrf
from rollbook.web.writes import by_token, write

router = APIRouter()
#: Pairs a page of the queue shows.
QUEUE_PAGE = 50


def queue_data(db: Connection, seen: Viewer) -> dict[str, Any]:
    """The pairs waiting for a reviewer, each with its two records (the fields the viewer
    may see) and the weight of each comparison."""
    queue = stored_queue(db, QUEUE_PAGE)
    records = records_by_id(db, {r for s in queue for r in (s.pair.left, s.pair.right)})
    fields = [f for f in ("source", "row", *RECORD_FIELDS)
              if seen.role.sees_protected or is_public(f)]  # fmt: skip
    pairs = []
    for stored in queue:
        left, right = records[stored.pair.left], records[stored.pair.right]
        pairs.append({
            "records": [stored.pair.left, stored.pair.right],
            "probability": stored.pair.probability,
            "fields": [
                {"field": f, "left": str(left.get(f, "")), "right": str(right.get(f, ""))}
                for f in fields if left.get(f) or right.get(f)
            ],
            "weights": {n: stored.pair.weights[n] for n in COMPARISONS if n in stored.pair.weights},
        })  # fmt: skip
    return {"pairs": pairs}


@router.get("/api/review", tags=["review"])
def queue_api(db: Db, seen: Seen) -> dict[str, Any]:
    """The pairs waiting for a reviewer (reviewers and above)."""
    at_least(seen, Role.REVIEWER)
    return queue_data(db, seen)


@router.get("/review", response_class=HTMLResponse, include_in_schema=False)
def queue_page(request: Request, db: Db, seen: Seen) -> HTMLResponse:
    at_least(seen, Role.REVIEWER)
    return render(request, "review.html", queue_data(db, seen), seen)


def _rule(request: Request, seen: Viewer, left: int, right: int, ruling: str, reason: str
          ) -> dict[str, Any]:  # fmt: skip
    """Journal one ruling in the reviewer's name."""
    at_least(seen, Role.REVIEWER)
    assert seen.user is not None
    if ruling not in {r.value for r in RULINGS}:
        raise HTTPException(422, f"a ruling is same, different or skipped, not {ruling!r}")
    payload = {"records": [left, right], "ruling": PairState(ruling).value}
    try:
        work = write(request, seen.user.name, RULE_ACTION, apply_ruling, payload, reason)
    except RulingError as error:
        raise HTTPException(409, str(error)) from None
    return work.payload


@router.post("/review", include_in_schema=False)
def rule_form(
    request: Request,
    seen: Seen,
    left: Annotated[int, Form(ge=1, le=MAX_ID)],
    right: Annotated[int, Form(ge=1, le=MAX_ID)],
    ruling: Annotated[str, Form(max_length=16)],
    csrf: Annotated[str, Form(max_length=200)],
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """A ruling from the review page; then the next pair."""
    check_csrf(request, csrf)
    _rule(request, seen, left, right, ruling, reason)
    return RedirectResponse("/review", status_code=303)


RecordId = Annotated[int, Field(ge=1, le=MAX_ID)]


class Ruling(BaseModel):
    """A reviewer's ruling on two records."""

    records: tuple[RecordId, RecordId]
    ruling: str = Field(pattern="^(same|different|skipped)$")
    reason: str = Field(default="", max_length=2000)


@router.post("/api/review", tags=["review"])
def rule_api(request: Request, seen: Seen, body: Ruling) -> dict[str, Any]:
    """Rule on a pair (reviewers and above, with a token: Authorization: Bearer TOKEN)."""
    by_token(request, seen, "rulings through the API need a reviewer's token")
    return _rule(request, seen, *body.records, body.ruling, body.reason)
