"""A person's status history: neutral statuses, the rules between them, and its timeline.

The history is bitemporal. Each event took effect on a (partial) date in event time and
was learned on a date in knowledge time, so "as of A, as known on K" is a question the
history answers without anything ever being overwritten. A correction retracts the event
it corrects from the date the correction was learned.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rollbook.model.dates import PartialDate, month_key

#: The last representable day: "now and ever after" for as-of and known-on questions.
LATEST = dt.date.max.toordinal()
#: The end of a span that is still open, in event or knowledge time.
OPEN = LATEST + 1


class Status(StrEnum):
    """The register's own, neutral status words; a party's words are kept as data."""

    KILLED = "killed"
    MISSING = "missing"
    WOUNDED = "wounded"
    CAPTURED = "captured"
    RELEASED = "released"
    FOUND_ALIVE = "found_alive"


class Evidence(StrEnum):
    """How a status came to be known."""

    OFFICIAL_LIST = "official_list"
    OFFICIAL_NOTIFICATION = "official_notification"
    FUNERAL = "funeral"
    IDENTITY_DOCUMENTS = "identity_documents"
    REMAINS_RECOVERED = "remains_recovered"
    DNA_MATCH = "dna_match"
    WITNESS = "witness"
    PRISONER_EXCHANGE = "prisoner_exchange"
    MEDIA_REPORT = "media_report"
    NGO_LIST = "ngo_list"
    FAMILY_REPORT = "family_report"
    OTHER = "other"


class TransitionError(ValueError):
    """A status change that cannot follow the history as recorded."""


# Which statuses may follow which, in event order. Killed is final: anything after it
# needs a correction. Released ends a captivity (or a disappearance) and found alive a
# disappearance, so neither follows a status they cannot end. Any status may come first:
# a list of returned prisoners may be the first the register hears of them.
_MAY_FOLLOW: dict[Status, frozenset[Status]] = {
    Status.KILLED: frozenset({Status.KILLED}),
    Status.MISSING: frozenset(Status),
    Status.CAPTURED: frozenset(Status) - {Status.FOUND_ALIVE},
    Status.WOUNDED: frozenset(Status) - {Status.RELEASED, Status.FOUND_ALIVE},
    Status.RELEASED: frozenset(Status) - {Status.RELEASED, Status.FOUND_ALIVE},
    Status.FOUND_ALIVE: frozenset(Status) - {Status.RELEASED, Status.FOUND_ALIVE},
}


def transition_problem(before: Status | None, after: Status) -> str | None:
    """Why `after` cannot follow `before`, or None when it can."""
    if before is None or after in _MAY_FOLLOW[before]:
        return None
    if before is Status.KILLED:
        return f"{after} cannot follow killed; record it as a correction if killed was wrong"
    return f"{after} cannot follow {before}"


@dataclass(frozen=True, slots=True)
class StatusEvent:
    """One status of one person, from a date, learned on a date, with its evidence."""

    id: int
    person_id: int
    status: Status
    effective: PartialDate | None
    learned_on: dt.date
    evidence: Evidence
    source_id: int | None = None
    record_id: int | None = None
    corrects: int | None = None
    note: str = ""

    @property
    def order_key(self) -> tuple[int, int, int]:
        """Event order: earliest possible effective day, then learned day, then id."""
        first = self.effective.lo if self.effective else self.learned_on.toordinal()
        return (first, self.learned_on.toordinal(), self.id)

    @property
    def in_effect_by(self) -> int:
        """The day by which the status had certainly taken effect (for as-of queries).

        A partial date counts from its last possible day, and nothing can take effect
        later than the day it was learned.
        """
        learned = self.learned_on.toordinal()
        return min(self.effective.hi, learned) if self.effective else learned


def known_events(events: Iterable[StatusEvent], known_on: int = LATEST) -> list[StatusEvent]:
    """The events learned by `known_on` that no correction learned by then retracts, in order."""
    learned = [e for e in events if e.learned_on.toordinal() <= known_on]
    retracted = {e.corrects for e in learned if e.corrects is not None}
    return sorted((e for e in learned if e.id not in retracted), key=lambda e: e.order_key)


def check_new_event(history: Sequence[StatusEvent], new: StatusEvent) -> None:
    """Refuse `new` when it cannot stand in the history as now known (corrections may)."""
    if new.corrects is not None:
        if not any(e.id == new.corrects for e in history):
            raise TransitionError(f"event {new.corrects} is not in this person's history")
        return
    ordered = known_events([*history, new])
    at = ordered.index(new)
    before = ordered[at - 1].status if at > 0 else None
    problem = transition_problem(before, new.status)
    if problem is None and at + 1 < len(ordered):
        problem = transition_problem(new.status, ordered[at + 1].status)
        if problem:
            problem = f"a later {ordered[at + 1].status} status is already recorded: {problem}"
    if problem:
        raise TransitionError(problem)


@dataclass(frozen=True, slots=True)
class Span:
    """A status held in event time [valid_from, valid_to) while known in [known_from, known_to)."""

    status: Status
    valid_from: int
    valid_to: int
    known_from: int
    known_to: int
    month: str
    day: int
    event_id: int


@dataclass(frozen=True, slots=True)
class _Segment:
    status: Status
    valid_from: int
    month: str
    day: int
    event_id: int


def _segments(events: Sequence[StatusEvent]) -> list[tuple[_Segment, int]]:
    """The timeline of ordered events: each status with its [from, to) in event time.

    Consecutive events of one status are one segment (a funeral confirms a death; it
    does not start a new one).
    """
    segments: list[_Segment] = []
    floor = 0
    for event in events:
        floor = max(floor, event.in_effect_by)
        if segments and segments[-1].status is event.status:
            continue
        precise = event.effective is not None and event.effective.precision == "day"
        segments.append(
            _Segment(
                status=event.status,
                valid_from=floor,
                month=month_key(event.effective) or "",
                day=event.effective.lo if precise and event.effective else 0,
                event_id=event.id,
            )
        )
    ends = [s.valid_from for s in segments[1:]] + [OPEN]
    return [(s, end) for s, end in zip(segments, ends, strict=True) if s.valid_from < end]


def spans(events: Sequence[StatusEvent]) -> list[Span]:
    """The bitemporal spans of one person's history, as few as describe it exactly."""
    if len(events) == 1 and events[0].corrects is None:
        return [_only_span(events[0])]
    knowledge_days = sorted({e.learned_on.toordinal() for e in events})
    open_spans: dict[tuple[Status, int, int, int], Span] = {}
    closed: list[Span] = []
    for at, known_from in enumerate(knowledge_days):
        known_to = knowledge_days[at + 1] if at + 1 < len(knowledge_days) else OPEN
        current: dict[tuple[Status, int, int, int], Span] = {}
        for segment, valid_to in _segments(known_events(events, known_from)):
            key = (segment.status, segment.valid_from, valid_to, segment.event_id)
            earlier = open_spans.pop(key, None)
            current[key] = Span(
                status=segment.status,
                valid_from=segment.valid_from,
                valid_to=valid_to,
                known_from=earlier.known_from if earlier else known_from,
                known_to=known_to,
                month=segment.month,
                day=segment.day,
                event_id=segment.event_id,
            )
        closed.extend(dataclasses.replace(s, known_to=known_from) for s in open_spans.values())
        open_spans = current
    closed.extend(open_spans.values())
    return sorted(closed, key=lambda s: (s.known_from, s.valid_from, s.event_id))


def _only_span(event: StatusEvent) -> Span:
    """The one span of a one-event history: most persons, on the hot path of every import."""
    learned = event.learned_on.toordinal()
    valid_from, month, day = lone_span_days(event.effective, learned)
    return Span(
        status=event.status,
        valid_from=valid_from,
        valid_to=OPEN,
        known_from=learned,
        known_to=OPEN,
        month=month,
        day=day,
        event_id=event.id,
    )


def lone_span_days(effective: PartialDate | None, learned: int) -> tuple[int, str, int]:
    """The span of a person known from one event, as far as its dates go: in effect from the
    event's last possible day but no later than the day it was learned; its month and day
    ("" and 0 when the date does not give them)."""
    valid_from = min(effective.hi, learned) if effective else learned
    day = effective.lo if effective is not None and effective.day is not None else 0
    return valid_from, month_key(effective) or "", day


def status_at(
    events: Sequence[StatusEvent], as_of: int = LATEST, known_on: int = LATEST
) -> Status | None:
    """The status in effect on `as_of`, as known on `known_on`."""
    for span in spans(events):
        if span.valid_from <= as_of < span.valid_to and span.known_from <= known_on < span.known_to:
            return span.status
    return None
