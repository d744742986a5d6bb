"""A link run: score the new records against everyone, then decide what to link and what to ask.

The whole run is one journalled write: the register is read, scored and changed under the
write lock, so a ruling cannot slip in between, and an interrupted run leaves the register
as it was. The journal entry keeps the outcome (pairs linked, pairs for review), which is
what `rollbook verify` replays.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rollbook.link.comparisons import IDENTIFIERS, NAME_COMPARISONS
from rollbook.link.settings import LinkSettings
from rollbook.model.linkage import Groups
from rollbook.store.database import Register
from rollbook.store.links import (
    RUN_ACTION,
    PairState,
    ScoredPair,
    apply_run,
    linked_through,
    pair_states,
    person_of_records,
    records_for_linking,
)

Progress = Callable[[str, int], None]


@dataclass
class LinkReport:
    """What a link run did."""

    records: int = 0
    new_records: int = 0
    scored: int = 0
    linked: int = 0
    persons_merged: int = 0
    review: int = 0
    kept_apart: int = 0
    trained: bool = False
    notes: list[str] = field(default_factory=list)
    seq: int = 0


@dataclass
class Plan:
    """The pairs a run links and the pairs it asks a reviewer about."""

    linked: list[ScoredPair] = field(default_factory=list)
    review: list[ScoredPair] = field(default_factory=list)
    kept_apart: int = 0


def corroborated(pair: ScoredPair) -> bool:
    """Whether fields besides the name back it: nothing links on a name alone, however rare.

    A name that agrees needs one other field that agrees. A name that disagrees (a list that
    lost or garbled it) needs an identifier that is the same or one typing slip apart (not
    merely close: twins' numbers may have been issued one after the other) and two more
    fields: same birth date, home and district alone are what twins share.
    """
    agreeing = {name for name, weight in pair.weights.items() if weight > 0}
    others = agreeing - NAME_COMPARISONS
    if "name" in agreeing:
        return bool(others)
    return bool(others & pair.exact & IDENTIFIERS) and len(others) >= 3


def plan_links(
    pairs: Iterable[ScoredPair],
    person_of: dict[int, int],
    states: dict[tuple[int, int], PairState],
    settings: LinkSettings,
) -> Plan:
    """Decide, most probable pair first, which pairs to link and which to send for review.

    Pairs already linked, queued or ruled on are left as they are. A ruling of "different"
    keeps the two persons apart: no chain of links through third records joins them.
    """
    groups: Groups[int] = Groups()
    for (left, right), state in states.items():
        if state is not PairState.DIFFERENT or left not in person_of or right not in person_of:
            continue
        a, b = person_of[left], person_of[right]
        if groups.find(a) != groups.find(b) and not groups.apart(a, b):
            groups.keep_apart(a, b)
    plan = Plan()
    waiting: list[ScoredPair] = []
    for pair in sorted(pairs, key=lambda p: (-p.probability, p.left, p.right)):
        if (pair.left, pair.right) in states:
            continue
        a, b = person_of[pair.left], person_of[pair.right]
        if groups.find(a) == groups.find(b):
            continue
        if groups.apart(a, b):
            plan.kept_apart += 1
        elif pair.probability >= settings.link_at and corroborated(pair):
            groups.join(a, b)
            plan.linked.append(pair)
        else:
            waiting.append(pair)
    plan.review = [
        p for p in waiting if groups.find(person_of[p.left]) != groups.find(person_of[p.right])
    ]
    return plan


def link_register(
    register: Register,
    settings: LinkSettings,
    *,
    actor: str,
    progress: Progress | None = None,
) -> LinkReport:
    """Link the register's records into persons in one journalled write."""
    # Arrow and the engine load here, not with the module: every other command imports
    # this one (through the command line and the demo) and starts faster without them.
    import pyarrow as pa
    import pyarrow.compute as pc

    from rollbook.link.engine import score
    from rollbook.link.frame import frame_rows, to_arrow

    report = LinkReport()
    tell = progress or (lambda _step, _count: None)
    payload = {"settings": settings.to_json()}
    with register.write(RUN_ACTION, payload, actor=actor) as work:
        connection = work.connection
        through = linked_through(connection)
        batches = []
        for batch in records_for_linking(connection):
            batches.append(to_arrow(frame_rows(batch)))
            tell("read", len(batch))
        frame = pa.concat_tables(batches) if batches else to_arrow(frame_rows([]))
        ids = frame.column("unique_id")
        report.records = frame.num_rows
        report.new_records = pc.sum(pc.greater(ids, through)).as_py() or 0
        if report.new_records:
            scoring = score(frame, settings, new_from=through + 1)
            tell("scored", report.new_records)
            report.scored, report.trained, report.notes = (
                len(scoring.pairs),
                scoring.trained,
                scoring.notes,
            )
            plan = plan_links(
                scoring.pairs, person_of_records(connection), pair_states(connection), settings
            )
        else:
            plan = Plan()
        work.payload.update(
            through_record=max(pc.max(ids).as_py() or 0, through),
            linked=[p.to_json() for p in plan.linked],
            review=[p.to_json() for p in plan.review],
            trained=report.trained,
        )
        apply_run(work)
        report.linked, report.review, report.kept_apart = (
            len(plan.linked),
            len(plan.review),
            plan.kept_apart,
        )
        report.persons_merged = len(plan.linked)
        report.seq = work.seq
    return report
