"""Missing-person cases: the search for one person, step by step, to an outcome.

A person reported missing is a case, not a number. The case moves through dated, sourced
steps: reported, under search, and one resolution: identified dead, found alive, returned
from captivity, or closed unresolved. A resolution that ends a disappearance changes the
person's status too, so the tolls and the cases tell one story. An identification of the
dead counts only once a second person has confirmed it: services that trace the missing
ask for exactly that, since a wrong identification is told to a family.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rollbook.model.dates import PartialDate
from rollbook.model.status import Evidence, Status


class Step(StrEnum):
    """Where a case stands; the last four end it. A case may log many steps under search
    (a search, a sample taken, an exhumation), each with its note."""

    REPORTED = "reported"
    UNDER_SEARCH = "under_search"
    IDENTIFIED_DEAD = "identified_dead"
    FOUND_ALIVE = "found_alive"
    RETURNED = "returned"
    CLOSED = "closed_unresolved"


RESOLUTIONS = frozenset({Step.IDENTIFIED_DEAD, Step.FOUND_ALIVE, Step.RETURNED, Step.CLOSED})
#: The status a resolution gives the person; closing unresolved leaves the status as it is.
STATUS_OF = {
    Step.IDENTIFIED_DEAD: Status.KILLED,
    Step.FOUND_ALIVE: Status.FOUND_ALIVE,
    Step.RETURNED: Status.RELEASED,
}
#: What can establish that a missing person is dead.
IDENTIFICATION = frozenset(
    {
        Evidence.REMAINS_RECOVERED,
        Evidence.DNA_MATCH,
        Evidence.IDENTITY_DOCUMENTS,
        Evidence.FUNERAL,
    }
)
#: Later than any ISO day: "as the register knows it now".
EVER = "9999-12-31"
#: The ante-mortem data a case may hold: protected, like the family's contacts.
ANTE_MORTEM = ("distinguishing_marks", "dental", "dna_sample")


class CaseError(ValueError):
    """A case step that cannot follow the case as recorded."""


@dataclass(frozen=True, slots=True)
class CaseStep:
    """One dated, sourced step of a case. An identification waits for its confirmation."""

    id: int
    case_id: int
    step: Step
    effective: PartialDate | None
    learned_on: str  # ISO day the register learned of it
    evidence: Evidence
    actor: str
    confirmed_by: str | None = None
    confirmed_on: str | None = None  # ISO day of the confirmation

    def in_force(self, known_on: str = EVER) -> bool:
        """Whether the register knew the step on `known_on` (an ISO day): an identification
        only from its confirmation."""
        if self.step is Step.IDENTIFIED_DEAD:
            return self.confirmed_on is not None and self.confirmed_on <= known_on
        return self.learned_on <= known_on


def step_problem(steps: Sequence[CaseStep], step: Step, evidence: Evidence) -> str | None:
    """Why `step` cannot be added to a case whose steps so far are `steps`, or None."""
    if step is Step.REPORTED:
        return "a case is reported once, when it is opened"
    ended = [s for s in steps if s.step in RESOLUTIONS]
    if ended:
        last = ended[-1]
        waiting = "" if last.in_force() else " (waiting for confirmation)"
        return f"the case was already resolved as {last.step}{waiting}"
    if step is Step.IDENTIFIED_DEAD and evidence not in IDENTIFICATION:
        allowed = ", ".join(sorted(IDENTIFICATION))
        return f"an identification needs evidence of {allowed}, not {evidence}"
    return None


def confirm_problem(step: CaseStep, actor: str) -> str | None:
    """Why `actor` cannot confirm `step`, or None."""
    if step.step is not Step.IDENTIFIED_DEAD:
        return f"only an identification of the dead is confirmed, not {step.step}"
    if step.confirmed_by is not None:
        return f"already confirmed by {step.confirmed_by}"
    if actor == step.actor:
        return f"{actor} recorded the identification; a second person must confirm it"
    return None


def state(steps: Sequence[CaseStep], known_on: str = EVER) -> Step:
    """Where the case stood as known on `known_on`: its last step in force."""
    counted = [s.step for s in steps if s.in_force(known_on)]
    return counted[-1] if counted else Step.REPORTED
