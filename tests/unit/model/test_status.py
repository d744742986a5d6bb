"""A person's status history: the rules between statuses and its bitemporal timeline."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.model.dates import PartialDate
from rollbook.model.status import (
    OPEN,
    Evidence,
    Status,
    StatusEvent,
    TransitionError,
    check_new_event,
    known_events,
    spans,
    status_at,
    transition_problem,
)

# --- helpers ------------------------------------------------------------------------------------


def day(text: str) -> int:
    """The ordinal of an ISO day, as as-of and known-on questions take it."""
    return dt.date.fromisoformat(text).toordinal()


def event(
    event_id: int,
    status: Status,
    effective: str | None,
    learned: str,
    *,
    corrects: int | None = None,
    evidence: Evidence = Evidence.OFFICIAL_LIST,
) -> StatusEvent:
    """One status event of person 1; `effective` may be partial ("2020-10") or unknown."""
    return StatusEvent(
        id=event_id,
        person_id=1,
        status=status,
        effective=PartialDate.from_iso(effective) if effective else None,
        learned_on=dt.date.fromisoformat(learned),
        evidence=evidence,
        corrects=corrects,
    )


# --- transition_problem -------------------------------------------------------------------------


@pytest.mark.parametrize("after", [s for s in Status if s is not Status.KILLED])
def test_transition_after_killed_is_refused_and_points_to_a_correction(after: Status) -> None:
    problem = transition_problem(Status.KILLED, after)
    assert problem is not None
    assert f"{after} cannot follow killed" in problem
    assert "correction" in problem


def test_transition_killed_after_killed_is_allowed() -> None:
    assert transition_problem(Status.KILLED, Status.KILLED) is None


@pytest.mark.parametrize("before", [Status.CAPTURED, Status.MISSING])
def test_transition_released_after_captured_or_missing_is_allowed(before: Status) -> None:
    assert transition_problem(before, Status.RELEASED) is None


@pytest.mark.parametrize(
    "before", [Status.KILLED, Status.WOUNDED, Status.RELEASED, Status.FOUND_ALIVE]
)
def test_transition_released_after_anything_else_is_refused(before: Status) -> None:
    problem = transition_problem(before, Status.RELEASED)
    assert problem is not None
    assert problem.startswith(f"released cannot follow {before}")


def test_transition_found_alive_after_missing_is_allowed() -> None:
    assert transition_problem(Status.MISSING, Status.FOUND_ALIVE) is None


@pytest.mark.parametrize("before", [s for s in Status if s is not Status.MISSING])
def test_transition_found_alive_after_anything_but_missing_is_refused(before: Status) -> None:
    problem = transition_problem(before, Status.FOUND_ALIVE)
    assert problem is not None
    assert problem.startswith(f"found_alive cannot follow {before}")


@pytest.mark.parametrize("first", list(Status))
def test_transition_any_status_may_come_first(first: Status) -> None:
    assert transition_problem(None, first) is None


@pytest.mark.parametrize("after", list(Status))
def test_transition_anything_may_follow_missing(after: Status) -> None:
    assert transition_problem(Status.MISSING, after) is None


# --- check_new_event ----------------------------------------------------------------------------


def test_check_new_event_wounded_a_month_after_killed_is_refused_with_the_reason() -> None:
    killed = event(1, Status.KILLED, "2020-10-03", "2020-12-03")
    wounded = event(2, Status.WOUNDED, "2020-11-03", "2020-12-20")
    with pytest.raises(TransitionError) as raised:
        check_new_event([killed], wounded)
    assert "wounded cannot follow killed" in str(raised.value)
    assert "correction" in str(raised.value)


def test_check_new_event_wounded_after_killed_is_accepted_as_a_correction() -> None:
    killed = event(1, Status.KILLED, "2020-10-03", "2020-12-03")
    wounded = event(2, Status.WOUNDED, "2020-11-03", "2020-12-20", corrects=1)
    check_new_event([killed], wounded)


def test_check_new_event_correction_of_an_unknown_event_is_refused() -> None:
    killed = event(1, Status.KILLED, "2020-10-03", "2020-12-03")
    wounded = event(2, Status.WOUNDED, "2020-11-03", "2020-12-20", corrects=99)
    with pytest.raises(TransitionError, match="event 99 is not in this person's history"):
        check_new_event([killed], wounded)


def test_check_new_event_learned_later_but_effective_earlier_is_placed_in_event_order() -> None:
    # Wounded on 1 October, killed on 3 October; the wound became known only in January.
    # In learning order wounded would follow killed; in event order it comes before it.
    killed = event(1, Status.KILLED, "2020-10-03", "2020-12-03")
    wounded = event(2, Status.WOUNDED, "2020-10-01", "2021-01-10")
    check_new_event([killed], wounded)


def test_check_new_event_found_alive_between_missing_and_killed_is_accepted() -> None:
    history = [
        event(1, Status.MISSING, "2020-10-10", "2020-10-12"),
        event(2, Status.KILLED, "2020-11-20", "2020-12-01"),
    ]
    found = event(3, Status.FOUND_ALIVE, "2020-10-15", "2021-01-05")
    check_new_event(history, found)


def test_check_new_event_that_the_next_recorded_status_cannot_follow_is_refused() -> None:
    released = event(1, Status.RELEASED, "2020-10-20", "2020-10-25")
    wounded = event(2, Status.WOUNDED, "2020-10-10", "2020-11-01")
    with pytest.raises(TransitionError) as raised:
        check_new_event([released], wounded)
    assert "a later released status is already recorded" in str(raised.value)
    assert "released cannot follow wounded" in str(raised.value)


def test_check_new_event_into_an_empty_history_is_accepted_whatever_its_status() -> None:
    for status in Status:
        check_new_event([], event(1, status, "2020-10-10", "2020-10-12"))


def test_check_new_event_ignores_an_event_a_correction_has_retracted() -> None:
    # Killed was wrong (corrected to captured); released may now follow captured.
    history = [
        event(1, Status.KILLED, "2020-10-03", "2020-10-20"),
        event(2, Status.CAPTURED, "2020-10-03", "2020-11-05", corrects=1),
    ]
    check_new_event(history, event(3, Status.RELEASED, "2020-12-10", "2020-12-12"))


# --- known_events -------------------------------------------------------------------------------


def test_known_events_learned_after_the_date_are_unknown() -> None:
    missing = event(1, Status.MISSING, "2020-10-01", "2020-10-05")
    killed = event(2, Status.KILLED, "2020-10-03", "2020-12-01")
    assert known_events([missing, killed], day("2020-11-30")) == [missing]
    assert known_events([missing, killed], day("2020-12-01")) == [missing, killed]
    assert known_events([missing, killed], day("2020-10-04")) == []


def test_known_events_come_in_event_order_not_learning_order() -> None:
    killed = event(1, Status.KILLED, "2020-10-03", "2020-12-01")
    wounded = event(2, Status.WOUNDED, "2020-10-01", "2021-01-10")
    assert known_events([killed, wounded]) == [wounded, killed]


def test_known_events_correction_retracts_the_corrected_event_from_the_day_it_is_learned() -> None:
    killed = event(1, Status.KILLED, "2020-10-03", "2020-12-03")
    correction = event(2, Status.CAPTURED, "2020-10-03", "2021-02-01", corrects=1)
    history = [killed, correction]
    assert known_events(history, day("2021-01-31")) == [killed]
    assert known_events(history, day("2021-02-01")) == [correction]
    assert known_events(history) == [correction]


# --- spans and status_at ------------------------------------------------------------------------

# Missing from 1 October (learned 5 October); killed on 3 October, learned only on 1 December.
MISSING_THEN_KILLED = [
    event(1, Status.MISSING, "2020-10-01", "2020-10-05"),
    event(2, Status.KILLED, "2020-10-03", "2020-12-01"),
]


def test_status_at_as_of_october_known_in_november_is_missing() -> None:
    status = status_at(MISSING_THEN_KILLED, as_of=day("2020-10-10"), known_on=day("2020-11-01"))
    assert status is Status.MISSING


def test_status_at_as_of_october_known_in_december_is_killed() -> None:
    status = status_at(MISSING_THEN_KILLED, as_of=day("2020-10-10"), known_on=day("2020-12-15"))
    assert status is Status.KILLED


def test_status_at_before_the_death_known_in_december_is_missing() -> None:
    status = status_at(MISSING_THEN_KILLED, as_of=day("2020-10-02"), known_on=day("2020-12-15"))
    assert status is Status.MISSING


def test_status_at_before_anything_was_learned_is_none() -> None:
    assert status_at(MISSING_THEN_KILLED, known_on=day("2020-10-04")) is None


def test_status_at_before_the_first_event_took_effect_is_none() -> None:
    assert status_at(MISSING_THEN_KILLED, as_of=day("2020-09-30")) is None


def test_status_at_defaults_to_now_as_known_now() -> None:
    assert status_at(MISSING_THEN_KILLED) is Status.KILLED


def test_spans_of_a_status_learned_later_describe_both_states_of_knowledge() -> None:
    found = {
        (s.status, s.valid_from, s.valid_to, s.known_from, s.known_to)
        for s in spans(MISSING_THEN_KILLED)
    }
    assert found == {
        (Status.MISSING, day("2020-10-01"), OPEN, day("2020-10-05"), day("2020-12-01")),
        (Status.MISSING, day("2020-10-01"), day("2020-10-03"), day("2020-12-01"), OPEN),
        (Status.KILLED, day("2020-10-03"), OPEN, day("2020-12-01"), OPEN),
    }


def test_status_at_partial_effective_month_counts_from_its_last_day() -> None:
    killed = [event(1, Status.KILLED, "2020-10", "2020-12-01")]
    assert status_at(killed, as_of=day("2020-10-30")) is None
    assert status_at(killed, as_of=day("2020-10-31")) is Status.KILLED


def test_status_at_partial_effective_month_counts_no_later_than_the_day_it_was_learned() -> None:
    killed = [event(1, Status.KILLED, "2020-10", "2020-10-12")]
    assert status_at(killed, as_of=day("2020-10-11")) is None
    assert status_at(killed, as_of=day("2020-10-12"), known_on=day("2020-10-12")) is Status.KILLED


def test_status_at_unknown_effective_date_counts_from_the_day_it_was_learned() -> None:
    killed = [event(1, Status.KILLED, None, "2020-12-03")]
    assert status_at(killed, as_of=day("2020-12-02")) is None
    assert status_at(killed, as_of=day("2020-12-03")) is Status.KILLED


def test_spans_partial_effective_date_keeps_its_month_but_no_day() -> None:
    (month_only,) = spans([event(1, Status.KILLED, "2020-10", "2020-12-01")])
    assert (month_only.month, month_only.day) == ("2020-10", 0)
    (exact,) = spans([event(1, Status.KILLED, "2020-10-14", "2020-12-01")])
    assert (exact.month, exact.day) == ("2020-10", day("2020-10-14"))


def test_spans_repeated_killed_events_make_one_span() -> None:
    # The list names the dead on 3 December; a funeral on 10 January confirms the death.
    listed = event(1, Status.KILLED, "2020-10-03", "2020-12-03")
    funeral = event(2, Status.KILLED, "2020-10-03", "2021-01-10", evidence=Evidence.FUNERAL)
    (span,) = spans([listed, funeral])
    assert span.status is Status.KILLED
    assert (span.valid_from, span.valid_to) == (day("2020-10-03"), OPEN)
    assert (span.known_from, span.known_to) == (day("2020-12-03"), OPEN)
    assert span.event_id == 1


def test_spans_a_correction_replaces_the_corrected_status_from_the_day_it_is_learned() -> None:
    killed = event(1, Status.KILLED, "2020-10-03", "2020-12-03")
    captured = event(2, Status.CAPTURED, "2020-10-03", "2021-02-01", corrects=1)
    history = [killed, captured]
    assert status_at(history, known_on=day("2021-01-31")) is Status.KILLED
    assert status_at(history, known_on=day("2021-02-01")) is Status.CAPTURED
    assert status_at(history, as_of=day("2020-10-10")) is Status.CAPTURED


def test_spans_of_an_empty_history_are_none() -> None:
    assert spans([]) == []
    assert status_at([]) is None
