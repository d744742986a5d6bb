"""Recorders editing the register through the web: a status change of a person, and a figure
a source announced.

Each is the journalled write `rollbook status` or `rollbook claim add` makes, with the same
payload and applier, in the recorder's name. A form from a page carries the session's token
against cross-site requests; its JSON twin needs a recorder's token instead, since a cookie
alone would let any site post. Anything refused is a 422 naming the field and the reason, in
FastAPI's own shape for invalid requests, and leaves the register as it was.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from rollbook.ingest.dates import parse_partial_date
from rollbook.model.claims import Category, ClaimError, Qualifier
from rollbook.model.dates import PartialDate
from rollbook.model.roles import Role
from rollbook.model.status import Evidence, Status
from rollbook.store.actions import (
    ActionError,
    Applier,
    apply_claim,
    apply_status,
    claim_payload,
    status_payload,
)
from rollbook.web.common import MAX_ID, PersonId, Seen, at_least, templates
from rollbook.web.session import Viewer, check_csrf

router = APIRouter()
#: The largest figure a claim may state (the claims table's 64-bit integer columns).
MAX_FIGURE = 2**63 - 1

# The choices the forms offer, for the person and claims pages.
templates.env.globals["status_choices"] = [s.value for s in Status]
templates.env.globals["evidence_choices"] = [e.value for e in Evidence]
templates.env.globals["category_choices"] = [c.value for c in Category]
templates.env.globals["qualifier_choices"] = [q.value for q in Qualifier]


def _storable(text: str) -> str:
    """Refuse a NUL character, which PostgreSQL's text columns cannot hold (pydantic already
    refuses what is not Unicode)."""
    if "\x00" in text:
        raise ValueError("a NUL character is not text")
    return text


def _partial_iso(text: str) -> str:
    """A date as people write it (a partial date is fine, as on the command line), kept as
    ISO; empty for none."""
    return parse_partial_date(text).iso() if text else ""


def _partial(iso: str) -> PartialDate | None:
    return PartialDate.from_iso(iso) if iso else None


Words = Annotated[str, Field(max_length=2000), AfterValidator(_storable)]
Name = Annotated[str, Field(max_length=200), AfterValidator(_storable)]
DateText = Annotated[
    str,
    Field(max_length=40, description="A date; a partial one is fine: 2020, 10.2020, 2020-10-14"),
    AfterValidator(_storable),
    AfterValidator(_partial_iso),
]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Figure = Annotated[int, Field(ge=0, le=MAX_FIGURE)]


class StatusChange(BaseModel):
    """A status change of a person, as `rollbook status` takes it."""

    model_config = ConfigDict(extra="forbid")

    status: Status
    effective: DateText = Field("", description="When it took effect (a partial date is fine)")
    learned_on: DateText = Field(
        "", description="When it became known (a partial date: its first day); default today"
    )
    evidence: Evidence = Evidence.OTHER
    source_id: Id | None = Field(None, description="The source it comes from")
    corrects: Id | None = Field(None, description="The status event this one retracts")
    note: Words = Field("", description="A note kept with the event")
    reason: Words = Field("", description="Why, for the journal")


class ClaimAdded(BaseModel):
    """A figure a source announced, as `rollbook claim add` takes it."""

    model_config = ConfigDict(extra="forbid")

    claimant: Annotated[
        str,
        Field(min_length=1, max_length=200, description="Who states the figure"),
        AfterValidator(_storable),
    ]
    category: Category
    as_of: Annotated[
        str,
        Field(min_length=1, max_length=40, description="The date the figure is for"),
        AfterValidator(_storable),
        AfterValidator(_partial_iso),
    ]
    qualifier: Qualifier = Qualifier.EXACT
    value: Figure | None = None
    low: Figure | None = Field(None, description="Low bound (ranges, vague amounts)")
    high: Figure | None = Field(None, description="High bound (ranges)")
    party: Name = Field("", description="Whose losses (party)")
    group: Name = Field("", description="Whose losses (group, e.g. servicemen)")
    period_start: DateText = Field("", description="Start of the period counted")
    period_end: DateText = Field("", description="End of the period counted")
    revises: Id | None = Field(None, description="The claim this figure revises")
    source_id: Id | None = Field(None, description="The source that states it")
    quote: Words = Field("", description="The words that state it")
    reason: Words = Field("", description="Why, for the journal")


class StatusForm(StatusChange):
    """The person page's form: a status change and the session's form token."""

    csrf: str = Field(max_length=200)


class ClaimForm(ClaimAdded):
    """The claims page's form: a figure and the session's form token."""

    csrf: str = Field(max_length=200)


def _refused(field: str, reason: str) -> HTTPException:
    """A 422 shaped as FastAPI's own for an invalid request, naming the field to blame."""
    loc = ("path", field) if field == "person_id" else ("body", field) if field else ("body",)
    return HTTPException(422, [{"type": "value_error", "loc": loc, "msg": reason}])


def _write(request: Request, seen: Viewer, action: str, apply: Applier, payload: dict[str, Any],
           reason: str) -> dict[str, Any]:  # fmt: skip
    """One journalled write in the recorder's name, as the command line's `write_entry`
    makes it; the journal entry written. A refusal writes nothing."""
    at_least(seen, Role.RECORDER)
    assert seen.user is not None
    try:
        with request.app.state.register.write(
            action, payload, actor=seen.user.name, reason=reason
        ) as work:
            apply(work)
    except ActionError as error:
        raise _refused(error.field, str(error)) from None
    except ClaimError as error:
        raise _refused("value", str(error)) from None
    return {"seq": work.seq, "at": work.at.isoformat(), "actor": work.actor,
            "action": work.action, "payload": work.payload, "reason": work.reason}  # fmt: skip


def _token_only(request: Request, seen: Viewer) -> None:
    """Refuse an API write without a token: a session cookie alone could come from any site."""
    if seen.user is None or "authorization" not in request.headers:
        raise HTTPException(403, "writes through the API need a recorder's token")


def record_status(request: Request, seen: Viewer, person_id: int, change: StatusChange
                  ) -> dict[str, Any]:  # fmt: skip
    """Journal a person's status change as `rollbook status` does."""
    payload = status_payload(
        person_id, change.status, effective=_partial(change.effective),
        learned=_partial(change.learned_on), evidence=change.evidence,
        source_id=change.source_id, corrects=change.corrects, note=change.note,
    )  # fmt: skip
    return _write(request, seen, "status.record", apply_status, payload, change.reason)


def add_claim(request: Request, seen: Viewer, claim: ClaimAdded) -> dict[str, Any]:
    """Journal an announced figure as `rollbook claim add` does."""
    as_of = PartialDate.from_iso(claim.as_of)
    payload = claim_payload(
        claim.claimant, claim.category, as_of, qualifier=claim.qualifier, value=claim.value,
        low=claim.low, high=claim.high, party=claim.party, group=claim.group,
        period_start=_partial(claim.period_start), period_end=_partial(claim.period_end),
        revises=claim.revises, source_id=claim.source_id, quote=claim.quote,
    )  # fmt: skip
    return _write(request, seen, "claim.add", apply_claim, payload, claim.reason)


@router.post("/api/persons/{person_id}/status", tags=["persons"], status_code=201)
def status_api(request: Request, seen: Seen, person_id: PersonId, body: StatusChange
               ) -> dict[str, Any]:  # fmt: skip
    """Record a status change of a person, with its dates and evidence, as `rollbook status`
    does (recorders and above, with a token: Authorization: Bearer TOKEN); the journal entry
    written."""
    _token_only(request, seen)
    return record_status(request, seen, person_id, body)


@router.post("/persons/{person_id}/status", include_in_schema=False)
def status_form(request: Request, seen: Seen, person_id: PersonId,
                form: Annotated[StatusForm, Form()]) -> Response:  # fmt: skip
    """A status change from the person's page; then the page, showing it."""
    check_csrf(request, form.csrf)
    record_status(request, seen, person_id, form)
    return RedirectResponse(f"/persons/{person_id}", status_code=303)


@router.post("/api/claims", tags=["claims"], status_code=201)
def claim_api(request: Request, seen: Seen, body: ClaimAdded) -> dict[str, Any]:
    """Record a figure a source announced, as `rollbook claim add` does (recorders and
    above, with a token: Authorization: Bearer TOKEN); the journal entry written."""
    _token_only(request, seen)
    return add_claim(request, seen, body)


@router.post("/claims", include_in_schema=False)
def claim_form(request: Request, seen: Seen, form: Annotated[ClaimForm, Form()]) -> Response:
    """A figure from the claims page; then the page, at the figure."""
    check_csrf(request, form.csrf)
    claim_id = add_claim(request, seen, form)["payload"]["claim_id"]
    return RedirectResponse(f"/claims#claim-{claim_id}", status_code=303)
