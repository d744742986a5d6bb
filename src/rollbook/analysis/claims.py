"""Claims beside counts: each claimant's figures in order, with the register's named count."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from rollbook.model.claims import Category, Claim, predecessors
from rollbook.model.status import Status
from rollbook.store.claims import load_claims
from rollbook.store.tolls import TollFilter, toll_counts

_COUNTED = {c.value for c in Category} & {s.value for s in Status}


@dataclass(frozen=True)
class ClaimLine:
    """A claim, the claim it revises, and the named count known on its date."""

    claim: Claim
    revises: int | None
    named: int | None

    @property
    def gap(self) -> int | None:
        return None if self.named is None else self.claim.gap(self.named)

    def to_json(self) -> dict[str, Any]:
        return {**claim_json(self.claim), "revises": self.revises,
                "named_known_then": self.named, "gap": self.gap}  # fmt: skip


def claim_json(c: Claim) -> dict[str, Any]:
    """A claim as its JSON twin and exports give it, with the words it came from."""
    return {
        "id": c.id,
        "claimant": c.claimant,
        "category": c.category.value,
        "party": c.party,
        "group": c.group,
        "qualifier": c.qualifier.value,
        "value": c.value,
        "low": c.low,
        "high": c.high,
        "figure": c.figure,
        "previous_value": c.previous_value,
        "as_of": c.as_of.iso(),
        "revises": c.revises,
        "source_id": c.source_id,
        "span": list(c.span) if c.span else None,
        "quote": c.quote,
    }


def named_count(connection: Connection, claim: Claim) -> int | None:
    """Persons of the claim's category and party known on (and in effect by) its date; none
    for a claim about no known side (an "enemy" figure), which no count of names matches."""
    if claim.category.value not in _COUNTED or not claim.party:
        return None
    day = claim.as_of.hi
    where = TollFilter(
        statuses=[claim.category.value], party=claim.party or None, as_of=day, known_on=day
    )
    return sum(n for _, _, n in toll_counts(connection, where, None))


def claim_timeline(connection: Connection) -> list[ClaimLine]:
    """All claims by claimant and date, each with what it revises and the named count."""
    all_claims = load_claims(connection)
    revises = predecessors(all_claims)
    ordered = sorted(
        all_claims, key=lambda c: (c.claimant.casefold(), c.category, c.as_of.lo, c.id)
    )
    return [ClaimLine(c, revises.get(c.id), named_count(connection, c)) for c in ordered]
