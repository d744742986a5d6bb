"""Moving incidents and missing-person cases on through the web: a reviewer verifies an
incident; a recorder takes a case a step on; a reviewer confirms another's identification
of the dead.

Each is the journalled write `rollbook incident verify`, `rollbook missing step` or
`rollbook missing confirm` makes, with the same payload and applier, in the account's name
(web.writes). The roles follow model.roles: verifying is a reviewer's, handling the cases a
recorder's; a confirmation tells a family that their relative is dead, so it is the
second look of a reviewer, never of the one who identified.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from fastapi import Path as FastPath
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, ConfigDict, Field

from rollbook.model.cases import Step
from rollbook.model.incidents import Verification
from rollbook.model.roles import Role
from rollbook.model.status import Evidence
from rollbook.store.actions import ActionError, Applier
from rollbook.store.cases import (
    CONFIRM_ACTION,
    STEP_ACTION,
    apply_confirm,
    apply_step,
    confirm_payload,
    step_payload,
)
from rollbook.store.database import Write
from rollbook.store.incidents import VERIFY_ACTION, apply_verify, verify_payload
from rollbook.store.sources import source_row
from rollbook.web.common import MAX_ID, Seen, templates
from rollbook.web.session import Viewer, check_csrf
from rollbook.web.writes import (
    DateText,
    FormToken,
    LearnedOn,
    Reason,
    SourceId,
    Words,
    by_token,
    journalled,
    partial,
)

router = APIRouter()
IncidentId = Annotated[int, FastPath(ge=1, le=MAX_ID, description="Incident id")]
CaseId = Annotated[int, FastPath(ge=1, le=MAX_ID, description="Case id")]
StepId = Annotated[int, FastPath(ge=1, le=MAX_ID, description="The identification step's id")]

# What the forms offer: the moves, not the first step every incident and case begins with.
templates.env.globals["verification_choices"] = [
    v.value for v in Verification if v is not Verification.REPORTED
]
templates.env.globals["step_choices"] = [s.value for s in Step if s is not Step.REPORTED]


class Verified(BaseModel):
    """An incident moved on, as `rollbook incident verify` takes it."""

    model_config = ConfigDict(extra="forbid")

    state: Verification
    reason: Words = Field("", description="Why: what establishes or disputes it")
    learned_on: LearnedOn = ""
    source_id: SourceId = None


class Stepped(BaseModel):
    """A case moved on, as `rollbook missing step` takes it."""

    model_config = ConfigDict(extra="forbid")

    step: Step
    effective: DateText = Field("", description="When it happened (a partial date is fine)")
    learned_on: LearnedOn = ""
    evidence: Evidence = Field(Evidence.OTHER, description="What it rests on")
    source_id: SourceId = None
    note: Words = Field("", description="A note kept with the step")
    reason: Reason = ""


class Confirmed(BaseModel):
    """An identification of the dead confirmed, as `rollbook missing confirm` takes it."""

    model_config = ConfigDict(extra="forbid")

    confirmed_on: DateText = Field(default="", description="Confirmed on; default today")
    reason: Reason = ""


class VerifiedForm(Verified, FormToken):
    """The incidents page's form: a verification and the session's form token."""


class SteppedForm(Stepped, FormToken):
    """The missing cases page's form: a step and the session's form token."""


class ConfirmedForm(Confirmed, FormToken):
    """The missing cases page's confirmation and the session's form token."""


def _known_source(apply: Applier) -> Applier:
    """The applier, refusing first a source the register does not hold: the command line's
    verification and case steps take any source id, and a page should not cite none."""

    def checked(work: Write) -> None:
        source_id = work.payload.get("source_id")
        if source_id is not None and source_row(work.connection, source_id) is None:
            raise ActionError(f"no source {source_id} in the register", "source_id")
        apply(work)

    return checked


def verify(request: Request, seen: Viewer, incident_id: int, asked: Verified) -> dict[str, Any]:
    """Journal an incident's verification step as `rollbook incident verify` does."""
    payload = verify_payload(
        incident_id, asked.state, reason=asked.reason, learned=partial(asked.learned_on),
        source_id=asked.source_id,
    )  # fmt: skip
    return journalled(request, seen, Role.REVIEWER, VERIFY_ACTION, _known_source(apply_verify),
                      payload, asked.reason, blame="state")  # fmt: skip


def step(request: Request, seen: Viewer, case_id: int, asked: Stepped) -> dict[str, Any]:
    """Journal a case's step as `rollbook missing step` does."""
    payload = step_payload(
        case_id, asked.step, effective=partial(asked.effective), learned=partial(asked.learned_on),
        evidence=asked.evidence, source_id=asked.source_id, note=asked.note,
    )  # fmt: skip
    return journalled(request, seen, Role.RECORDER, STEP_ACTION, _known_source(apply_step),
                      payload, asked.reason, blame="step")  # fmt: skip


def confirm(request: Request, seen: Viewer, step_id: int, asked: Confirmed) -> dict[str, Any]:
    """Journal the confirmation of an identification as `rollbook missing confirm` does."""
    payload = confirm_payload(step_id, partial(asked.confirmed_on))
    return journalled(request, seen, Role.REVIEWER, CONFIRM_ACTION, apply_confirm, payload,
                      asked.reason, blame="step_id")  # fmt: skip


@router.post("/api/incidents/{incident_id}/verify", tags=["incidents"], status_code=201)
def verify_api(request: Request, seen: Seen, incident_id: IncidentId, body: Verified
               ) -> dict[str, Any]:  # fmt: skip
    """Move an incident on: corroborated, confirmed, disputed or rejected, with a reason, as
    `rollbook incident verify` does (reviewers and above, with a token: Authorization:
    Bearer TOKEN); the journal entry written."""
    by_token(request, seen, "verifications through the API need a reviewer's token")
    return verify(request, seen, incident_id, body)


@router.post("/incidents/{incident_id}/verify", include_in_schema=False)
def verify_form(request: Request, seen: Seen, incident_id: IncidentId,
                form: Annotated[VerifiedForm, Form()]) -> Response:  # fmt: skip
    """A verification from the incidents page; then the page, at the incident."""
    check_csrf(request, form.csrf)
    done = verify(request, seen, incident_id, form)
    return RedirectResponse(f"/incidents#incident-{done['payload']['incident_id']}", 303)


@router.post("/api/missing/{case_id}/step", tags=["missing"], status_code=201)
def step_api(request: Request, seen: Seen, case_id: CaseId, body: Stepped) -> dict[str, Any]:
    """Move a missing-person case on: under_search, or a resolution, with its dates and
    evidence, as `rollbook missing step` does (recorders and above, with a token); the
    journal entry written. An identification of the dead counts once a second person
    confirms it."""
    by_token(request, seen, "case steps through the API need a recorder's token")
    return step(request, seen, case_id, body)


@router.post("/missing/{case_id}/step", include_in_schema=False)
def step_form(request: Request, seen: Seen, case_id: CaseId,
              form: Annotated[SteppedForm, Form()]) -> Response:  # fmt: skip
    """A case's step from the missing cases page; then the page, at the case."""
    check_csrf(request, form.csrf)
    step(request, seen, case_id, form)
    return RedirectResponse(f"/missing#case-{case_id}", 303)


@router.post("/api/missing/steps/{step_id}/confirm", tags=["missing"], status_code=201)
def confirm_api(request: Request, seen: Seen, step_id: StepId, body: Confirmed | None = None
                ) -> dict[str, Any]:  # fmt: skip
    """Confirm another person's identification of the dead, as `rollbook missing confirm`
    does (reviewers and above, with a token; never the one who identified); from then the
    person is recorded killed. The journal entry written."""
    by_token(request, seen, "confirmations through the API need a reviewer's token")
    return confirm(request, seen, step_id, body or Confirmed())


@router.post("/missing/steps/{step_id}/confirm", include_in_schema=False)
def confirm_form(request: Request, seen: Seen, step_id: StepId,
                 form: Annotated[ConfirmedForm, Form()]) -> Response:  # fmt: skip
    """A confirmation from the missing cases page; then the page."""
    check_csrf(request, form.csrf)
    confirm(request, seen, step_id, form)
    return RedirectResponse("/missing", 303)
