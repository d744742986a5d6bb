"""The rules of a missing-person case: which step may follow, who may confirm, where it stands."""

from __future__ import annotations

from rollbook.model.cases import CaseStep, Step, confirm_problem, state, step_problem
from rollbook.model.status import Evidence


def made(step: Step, learned: str, *, n: int = 1, by: str = "recorder",
         confirmed: tuple[str, str] | None = None) -> CaseStep:  # fmt: skip
    confirmed_by, confirmed_on = confirmed or (None, None)
    return CaseStep(n, 1, step, None, learned, Evidence.OTHER, by, confirmed_by, confirmed_on)


REPORTED = made(Step.REPORTED, "2020-11-20")


def test_a_case_moves_to_search_and_then_to_one_resolution() -> None:
    assert step_problem([REPORTED], Step.UNDER_SEARCH, Evidence.OTHER) is None
    searching = [REPORTED, made(Step.UNDER_SEARCH, "2020-12-01", n=2)]
    assert step_problem(searching, Step.UNDER_SEARCH, Evidence.OTHER) is None  # more work
    assert step_problem(searching, Step.FOUND_ALIVE, Evidence.WITNESS) is None
    closed = [*searching, made(Step.CLOSED, "2021-06-01", n=3)]
    problem = step_problem(closed, Step.FOUND_ALIVE, Evidence.WITNESS)
    assert problem == "the case was already resolved as closed_unresolved"


def test_an_identification_needs_evidence_that_identifies() -> None:
    assert step_problem([REPORTED], Step.IDENTIFIED_DEAD, Evidence.DNA_MATCH) is None
    problem = step_problem([REPORTED], Step.IDENTIFIED_DEAD, Evidence.MEDIA_REPORT)
    assert problem is not None and "needs evidence of" in problem


def test_an_identification_waits_for_a_second_person() -> None:
    found = made(Step.IDENTIFIED_DEAD, "2021-02-01", n=2)
    assert confirm_problem(found, "recorder") == (
        "recorder recorded the identification; a second person must confirm it"
    )
    assert confirm_problem(found, "reviewer") is None
    assert confirm_problem(REPORTED, "reviewer") is not None
    waiting = [REPORTED, found]
    assert state(waiting) is Step.REPORTED
    problem = step_problem(waiting, Step.FOUND_ALIVE, Evidence.WITNESS)
    assert problem == "the case was already resolved as identified_dead (waiting for confirmation)"


def test_where_a_case_stood_as_known_on_a_day() -> None:
    confirmed = made(Step.IDENTIFIED_DEAD, "2021-02-01", n=2, confirmed=("reviewer", "2021-02-03"))
    steps = [REPORTED, confirmed]
    assert state(steps, "2021-02-02") is Step.REPORTED
    assert state(steps, "2021-02-03") is Step.IDENTIFIED_DEAD
    assert state(steps) is Step.IDENTIFIED_DEAD
    assert confirm_problem(confirmed, "third") == "already confirmed by reviewer"
