"""Linkage in the register: the pairs a link run scored, reviewers' rulings, and their merges.

A link run's journal entry carries its outcome (the pairs it linked and the pairs it left
for review, with their weights), so applying it here is the same call live and in
`rollbook verify`'s replay. A ruling is a constraint on every later run: "same" merges the
two records' persons, "different" keeps them apart (splitting them if they were together).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import Connection, and_, func, insert, or_, select, update

from rollbook.model.linkage import Groups
from rollbook.store.bulk import chunks
from rollbook.store.database import Write
from rollbook.store.merging import members, merge_persons, split_records
from rollbook.store.schema import journal, link_pairs, records

RUN_ACTION = "link.run"
RULE_ACTION = "link.rule"


class PairState(StrEnum):
    LINKED = "linked"
    REVIEW = "review"
    SAME = "same"
    DIFFERENT = "different"
    SKIPPED = "skipped"


RULINGS = (PairState.SAME, PairState.DIFFERENT, PairState.SKIPPED)


class RulingError(ValueError):
    """A ruling that contradicts an earlier one; nothing was written."""


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """Two records (lower id first), how likely they are one person, and each field's weight."""

    left: int
    right: int
    probability: float
    weights: dict[str, float]
    # The comparisons whose fields agree exactly (their top level): known when scored.
    exact: frozenset[str] = frozenset()

    def row(self, state: PairState, seq: int) -> dict[str, Any]:
        return {
            "record_l": self.left,
            "record_r": self.right,
            "probability": self.probability,
            "weights": json.dumps(self.weights, sort_keys=True),
            "state": state.value,
            "seq": seq,
        }

    def to_json(self) -> list[Any]:
        return [self.left, self.right, self.probability, self.weights]

    @classmethod
    def from_json(cls, item: Sequence[Any]) -> ScoredPair:
        left, right, probability, weights = item
        return cls(int(left), int(right), float(probability), dict(weights))


def _last_run(connection: Connection) -> dict[str, Any] | None:
    """The journal payload of the last link run (None before any run)."""
    query = (
        select(journal.c.payload)
        .where(journal.c.action == RUN_ACTION)
        .order_by(journal.c.seq.desc())
        .limit(1)
    )
    payload = connection.execute(query).scalar_one_or_none()
    return json.loads(payload) if payload else None


def linked_through(connection: Connection) -> int:
    """The highest record id the last link run considered (0 before any run)."""
    run = _last_run(connection)
    return int(run["through_record"]) if run else 0


def last_link_at(connection: Connection) -> float | None:
    """The probability from which the last link run linked pairs (None: never linked)."""
    run = _last_run(connection)
    return None if run is None else float(run["settings"].get("link_at", 0.95))


class PairOutcome(NamedTuple):
    """A pair of records a link run scored, and where it stands (without its weights)."""

    left: int
    right: int
    probability: float
    state: PairState


def pair_outcomes(connection: Connection) -> list[PairOutcome]:
    """Every pair the link runs scored: linked, waiting for review, or ruled on."""
    p = link_pairs.c
    query = select(p.record_l, p.record_r, p.probability, p.state)
    return [
        PairOutcome(a, b, probability or 0.0, PairState(state))
        for a, b, probability, state in connection.execute(query)
    ]


def pair_states(connection: Connection) -> dict[tuple[int, int], PairState]:
    """Every pair the register holds, with its state."""
    query = select(link_pairs.c.record_l, link_pairs.c.record_r, link_pairs.c.state)
    return {(left, right): PairState(state) for left, right, state in connection.execute(query)}


def person_of_records(connection: Connection) -> dict[int, int]:
    """The person each record belongs to now."""
    return dict(connection.execute(select(records.c.id, records.c.person_id)).all())


def apply_run(work: Write) -> None:
    """Store a link run's pairs and merge the persons its linked pairs join (`link.run`)."""
    p = work.payload
    linked = [ScoredPair.from_json(item) for item in p["linked"]]
    review = [ScoredPair.from_json(item) for item in p["review"]]
    known = pair_states(work.connection)
    rows = [s.row(PairState.LINKED, work.seq) for s in linked if (s.left, s.right) not in known]
    rows += [s.row(PairState.REVIEW, work.seq) for s in review if (s.left, s.right) not in known]
    if rows:
        work.connection.execute(insert(link_pairs), rows)
    person_of = _persons_of(work.connection, {r for s in linked for r in (s.left, s.right)})
    groups: Groups[int] = Groups()
    for pair in linked:
        groups.join(person_of[pair.left], person_of[pair.right])
    merged = merge_persons(work, list(groups.groups(set(person_of.values())).values()))
    p["merged_into"] = merged


def _persons_of(connection: Connection, record_ids: set[int]) -> dict[int, int]:
    found: dict[int, int] = {}
    for chunk in chunks(record_ids):
        query = select(records.c.id, records.c.person_id).where(records.c.id.in_(chunk))
        found.update(dict(connection.execute(query).all()))
    return found


def apply_ruling(work: Write) -> None:
    """A reviewer's ruling on two records (`link.rule`): same, different or skipped."""
    p = work.payload
    left, right = sorted(int(r) for r in p["records"])
    ruling = PairState(p["ruling"])
    if ruling not in RULINGS or left == right:
        raise RulingError(f"cannot rule {ruling.value!r} on records {left} and {right}")
    connection = work.connection
    person_of = _persons_of(connection, {left, right})
    missing = [r for r in (left, right) if r not in person_of]
    if missing:
        raise RulingError(f"no record {missing[0]} in the register")
    if ruling is PairState.SAME and person_of[left] != person_of[right]:
        clash = _ruled_apart(connection, person_of[left], person_of[right])
        if clash is not None:
            raise RulingError(
                f"records {clash[0]} and {clash[1]} were ruled different people: "
                "rule that pair again first"
            )
        p["merged_into"] = merge_persons(work, [[person_of[left], person_of[right]]])[0]
    if ruling is PairState.DIFFERENT and person_of[left] == person_of[right]:
        p["new_person_id"] = _separate(work, person_of[left], left, right)
    _set_state(connection, left, right, ruling, work.seq)


def _set_state(connection: Connection, left: int, right: int, state: PairState, seq: int) -> None:
    where = and_(link_pairs.c.record_l == left, link_pairs.c.record_r == right)
    changed = connection.execute(update(link_pairs).where(where).values(state=state, seq=seq))
    if not changed.rowcount:
        row = ScoredPair(left, right, 0.0, {}).row(state, seq)
        connection.execute(insert(link_pairs).values(**{**row, "probability": None}))


def _ruled_apart(connection: Connection, a: int, b: int) -> tuple[int, int] | None:
    """A pair of records, one of each person, ruled different people; None if there is none."""
    of = members(connection, records, [a, b])
    side_a, side_b = set(of.get(a, [])), set(of.get(b, []))
    for left, right in _pairs_touching(connection, side_a, PairState.DIFFERENT):
        if (left in side_a and right in side_b) or (left in side_b and right in side_a):
            return left, right
    return None


def _pairs_touching(
    connection: Connection, record_ids: set[int], *states: PairState
) -> Iterator[tuple[int, int]]:
    for chunk in chunks(record_ids):
        query = select(link_pairs.c.record_l, link_pairs.c.record_r).where(
            link_pairs.c.state.in_([s.value for s in states]),
            or_(link_pairs.c.record_l.in_(chunk), link_pairs.c.record_r.in_(chunk)),
        )
        yield from ((int(a), int(b)) for a, b in connection.execute(query))


def _separate(work: Write, person_id: int, left: int, right: int) -> int:
    """Split one person so that two of their records ruled different end up apart.

    The person's records are regrouped from the pairs that joined them (rulings of "same"
    first, then linked pairs by probability) under every "different" ruling among them;
    the group holding `right` moves to another person, the rest stay.
    """
    connection = work.connection
    own = set(members(connection, records, [person_id]).get(person_id, []))
    groups: Groups[int] = Groups()
    for a, b in _pairs_touching(connection, own, PairState.DIFFERENT):
        if a in own and b in own and groups.find(a) != groups.find(b):
            groups.keep_apart(a, b)
    if not groups.apart(left, right):
        groups.keep_apart(left, right)
    query = (
        select(link_pairs.c.record_l, link_pairs.c.record_r)
        .where(
            link_pairs.c.state.in_([PairState.SAME.value, PairState.LINKED.value]),
            link_pairs.c.record_l.in_(sorted(own)),
        )
        .order_by(
            (link_pairs.c.state == PairState.SAME.value).desc(),
            func.coalesce(link_pairs.c.probability, 1.0).desc(),
        )
    )
    for a, b in connection.execute(query):
        if b in own:
            groups.join(a, b)
    moving = groups.groups(own)[groups.find(right)]
    return split_records(work, person_id, moving)


#: The record fields linkage compares, in the order `records_for_linking` yields them.
LINKED_FIELDS = (
    "id",
    "full_name",
    "surname",
    "given_name",
    "patronymic",
    "sex",
    "birth_date",
    "event_date",
    "unit",
    "region",
    "home_place",
    "rank",
    "service_number",
    "national_id",
    "contact",
)


def records_for_linking(
    connection: Connection, batch: int = 50_000
) -> Iterator[list[tuple[Any, ...]]]:
    """Every record's linked fields, in record order, a batch at a time."""
    query = select(*(records.c[name] for name in LINKED_FIELDS)).order_by(records.c.id)
    result = connection.execute(query.execution_options(yield_per=batch))
    for rows in result.partitions(batch):
        yield [tuple(row) for row in rows]


@dataclass(frozen=True, slots=True)
class StoredPair:
    """A pair as the register holds it."""

    pair: ScoredPair
    state: PairState
    seq: int


def _stored(row: Any) -> StoredPair:
    probability = row.probability if row.probability is not None else float("nan")
    weights = json.loads(row.weights) if row.weights else {}
    pair = ScoredPair(row.record_l, row.record_r, probability, weights)
    return StoredPair(pair, PairState(row.state), row.seq)


def review_queue(connection: Connection, limit: int | None = None) -> list[StoredPair]:
    """Pairs waiting for a reviewer whose records are still different persons, surest first."""
    left, right = records.alias("left_record"), records.alias("right_record")
    query = (
        select(link_pairs)
        .join(left, left.c.id == link_pairs.c.record_l)
        .join(right, right.c.id == link_pairs.c.record_r)
        .where(link_pairs.c.state == PairState.REVIEW.value, left.c.person_id != right.c.person_id)
        .order_by(link_pairs.c.probability.desc(), link_pairs.c.record_l, link_pairs.c.record_r)
        .limit(limit)
    )
    return [_stored(row) for row in connection.execute(query)]


def pairs_within(connection: Connection, person_id: int) -> list[StoredPair]:
    """The scored or ruled pairs between a person's own records, the pairs that link them."""
    own = set(members(connection, records, [person_id]).get(person_id, []))
    query = select(link_pairs).where(link_pairs.c.record_l.in_(sorted(own)))
    found = [_stored(row) for row in connection.execute(query) if row.record_r in own]
    return sorted(found, key=lambda s: (s.pair.left, s.pair.right))
