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

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from rollbook.model.claims import Category, Qualifier
from rollbook.model.dates import PartialDate
from rollbook.model.roles import Role
from rollbook.model.status import Evidence, Status
from rollbook.store.actions import apply_claim, apply_status, claim_payload, status_payload
from rollbook.web.common import PersonId, Seen, templates
from rollbook.web.session import Viewer, check_csrf
from rollbook.web.writes import (
    DateText,
    FormToken,
    Id,
    LearnedOn,
    Reason,
    SourceId,
    Words,
    by_token,
    journalled,
    partial,
    partial_iso,
    storable,
)

router = APIRouter()
#: The largest figure a claim may state (the claims table's 64-bit integer columns).
MAX_FIGURE = 2**63 - 1
#: Why an API write without a token is refused.
NEEDS_TOKEN = "writes through the API need a recorder's token"

# The choices the forms offer, for the person and claims pages.
templates.env.globals["status_choices"] = [s.value for s in Status]
templates.env.globals["category_choices"] = [c.value for c in Category]
templates.env.globals["qualifier_choices"] = [q.value for q in Qualifier]

Name = Annotated[str, Field(max_length=200), AfterValidator(storable)]
Figure = Annotated[int, Field(ge=0, le=MAX_FIGURE)]


class StatusChange(BaseModel):
    """A status change of a person, as `rollbook status` takes it."""

    model_config = ConfigDict(extra="forbid")

    status: Status
    effective: DateText = Field("", description="When it took effect (a partial date is fine)")
    learned_on: LearnedOn = ""
    evidence: Evidence = Evidence.OTHER
    source_id: SourceId = None
    corrects: Id | None = Field(None, description="The status event this one retracts")
    note: Words = Field("", description="A note kept with the event")
    reason: Reason = ""


class ClaimAdded(BaseModel):
    """A figure a source announced, as `rollbook claim add` takes it."""

    model_config = ConfigDict(extra="forbid")

    claimant: Annotated[
        str,
        Field(min_length=1, max_length=200, description="Who states the figure"),
        AfterValidator(storable),
    ]
    category: Category
    as_of: Annotated[
        str,
        Field(min_length=1, max_length=40, description="The date the figure is for"),
        AfterValidator(storable),
        AfterValidator(partial_iso),
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
    reason: Reason = ""


class StatusForm(StatusChange, FormToken):
    """The person page's form: a status change and the session's form token."""


class ClaimForm(ClaimAdded, FormToken):
    """The claims page's form: a figure and the session's form token."""


def record_status(request: Request, seen: Viewer, person_id: int, change: StatusChange
                  ) -> dict[str, Any]:  # fmt: skip
    """Journal a person's status change as `rollbook status` does."""
    payload = status_payload(
        person_id, change.status, effective=partial(change.effective),
        learned=partial(change.learned_on), evidence=change.evidence,
        source_id=change.source_id, corrects=change.corrects, note=change.note,
    )  # fmt: skip
    return journalled(
        request, seen, Role.RECORDER, "status.record", apply_status, payload, change.reason
    )


def add_claim(request: Request, seen: Viewer, claim: ClaimAdded) -> dict[str, Any]:
    """Journal an announced figure as `rollbook claim add` does."""
    as_of = PartialDate.from_iso(claim.as_of)
    payload = claim_payload(
        claim.claimant, claim.category, as_of, qualifier=claim.qualifier, value=claim.value,
        low=claim.low, high=claim.high, party=claim.party, group=claim.group,
        period_start=partial(claim.period_start), period_end=partial(claim.period_end),
        revises=claim.revises, source_id=claim.source_id, quote=claim.quote,
    )  # fmt: skip
    return journalled(request, seen, Role.RECORDER, "claim.add", apply_claim, payload, claim.reason)


@router.post("/api/persons/{person_id}/status", tags=["persons"], status_code=201)
def status_api(request: Request, seen: Seen, person_id: PersonId, body: StatusChange
               ) -> dict[str, Any]:  # fmt: skip
    """Record a status change of a person, with its dates and evidence, as `rollbook status`
    does (recorders and above, with a token: Authorization: Bearer TOKEN); the journal entry
    written."""
    by_token(request, seen, NEEDS_TOKEN)
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
    by_token(request, seen, NEEDS_TOKEN)
    return add_claim(request, seen, body)


@router.post("/claims", include_in_schema=False)
def claim_form(request: Request, seen: Seen, form: Annotated[ClaimForm, Form()]) -> Response:
    """A figure from the claims page; then the page, at the figure."""
    check_csrf(request, form.csrf)
    claim_id = add_claim(request, seen, form)["payload"]["claim_id"]
    return RedirectResponse(f"/claims#claim-{claim_id}", status_code=303)
