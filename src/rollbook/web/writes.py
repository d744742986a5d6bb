"""What every write through the web shares: one journalled entry in the account's name
through the command line's own applier, a token for the JSON API, and refusals as 422s.

A form from a page carries the session's token against cross-site requests; its JSON twin
needs a bearer token instead, since a cookie alone would let any site post. A refusal
names the field to blame and the reason, in FastAPI's own shape for invalid requests, and
leaves the register as it was.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import HTTPException, Request
from pydantic import AfterValidator, BaseModel, Field

from rollbook.ingest.dates import parse_partial_date
from rollbook.model.claims import ClaimError
from rollbook.model.dates import PartialDate
from rollbook.model.roles import Role
from rollbook.model.status import Evidence
from rollbook.store.actions import ActionError, Applier
from rollbook.store.cases import CaseRefused
from rollbook.store.database import Write
from rollbook.store.incidents import IncidentRefused
from rollbook.web.common import MAX_ID, at_least, templates
from rollbook.web.session import Viewer

# The choices of evidence the forms offer (a status change, a case's step).
templates.env.globals["evidence_choices"] = [e.value for e in Evidence]


def storable(text: str) -> str:
    """Refuse a NUL character, which PostgreSQL's text columns cannot hold (pydantic already
    refuses what is not Unicode)."""
    if "\x00" in text:
        raise ValueError("a NUL character is not text")
    return text


def partial_iso(text: str) -> str:
    """A date as people write it (a partial date is fine, as on the command line), kept as
    ISO; empty for none."""
    return parse_partial_date(text).iso() if text else ""


def partial(iso: str) -> PartialDate | None:
    """The partial date a field kept as ISO, or None for none."""
    return PartialDate.from_iso(iso) if iso else None


Words = Annotated[str, Field(max_length=2000), AfterValidator(storable)]
DateText = Annotated[
    str,
    Field(max_length=40, description="A date; a partial one is fine: 2020, 10.2020, 2020-10-14"),
    AfterValidator(storable),
    AfterValidator(partial_iso),
]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
# The fields the writes share, as the command line's options of the same names.
LearnedOn = Annotated[
    DateText,
    Field(description="When it became known (a partial date: its first day); default today"),
]
SourceId = Annotated[Id | None, Field(description="The source it comes from")]
Reason = Annotated[Words, Field(description="Why, for the journal")]


class FormToken(BaseModel):
    """The session's token a page's form carries against cross-site requests."""

    csrf: str = Field(max_length=200)


def by_token(request: Request, seen: Viewer, refusal: str) -> None:
    """Refuse an API write without a bearer token (403, `refusal`): a session cookie alone
    could come from any site, and a JSON body carries no form token."""
    if seen.user is None or "authorization" not in request.headers:
        raise HTTPException(403, refusal)


def write(request: Request, actor: str, action: str, apply: Applier, payload: dict[str, Any],
          reason: str) -> Write:  # fmt: skip
    """One journalled write, as the command line's `write_entry` makes it; the write done.
    A refusal raised by `apply` goes on to the caller, and nothing is written."""
    with request.app.state.register.write(action, payload, actor=actor, reason=reason) as work:
        apply(work)
    done: Write = work
    return done


def refused(request: Request, field: str, reason: str) -> HTTPException:
    """A 422 shaped as FastAPI's own for an invalid request, naming the field to blame: one
    of the path's, or of the body."""
    where = "path" if field in request.path_params else "body"
    return HTTPException(422, [{"type": "value_error", "loc": (where, field) if field else (where,),
                                "msg": reason}])  # fmt: skip


def journalled(
    request: Request,
    seen: Viewer,
    role: Role,
    action: str,
    apply: Applier,
    payload: dict[str, Any],
    reason: str,
    *,
    blame: str = "",
) -> dict[str, Any]:
    """One journalled write in the account's name, for `role` and above; the journal entry
    written. A refusal is a 422 naming its field (`blame` when it names none)."""
    at_least(seen, role)
    assert seen.user is not None
    try:
        work = write(request, seen.user.name, action, apply, payload, reason)
    except (ActionError, CaseRefused, IncidentRefused) as error:
        raise refused(request, error.field or blame, str(error)) from None
    except ClaimError as error:
        raise refused(request, "value", str(error)) from None
    return {"seq": work.seq, "at": work.at.isoformat(), "actor": work.actor,
            "action": work.action, "payload": work.payload, "reason": work.reason}  # fmt: skip
