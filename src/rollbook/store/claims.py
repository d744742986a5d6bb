"""Claims as stored: read back as the domain's Claim, from a row or a journal payload."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select

from rollbook.model.claims import Category, Claim, Qualifier
from rollbook.model.dates import PartialDate
from rollbook.store.schema import claims


def claim_from_payload(claim_id: int, p: dict[str, Any]) -> Claim:
    """A claim from its journal payload (raises ClaimError for a malformed figure)."""
    return Claim(
        id=claim_id,
        claimant=p["claimant"],
        category=Category(p["category"]),
        qualifier=Qualifier(p["qualifier"]),
        as_of=PartialDate.from_iso(p["as_of"]),
        value=p.get("value"),
        low=p.get("low"),
        high=p.get("high"),
        party=p.get("party", ""),
        group=p.get("group", ""),
        period_start=PartialDate.from_iso(p["period_start"]) if p.get("period_start") else None,
        period_end=PartialDate.from_iso(p["period_end"]) if p.get("period_end") else None,
        revises=p.get("revises"),
        source_id=p.get("source_id"),
        quote=p.get("quote", ""),
        previous_value=p.get("previous_value"),
        span=(p["span_start"], p["span_end"]) if p.get("span_start") is not None else None,
    )


def claim_row(claim: Claim, seq: int) -> dict[str, Any]:
    """A claim as a row of the claims table (its figure already checked by the model)."""
    return {
        "id": claim.id,
        "claimant": claim.claimant,
        "category": claim.category.value,
        "qualifier": claim.qualifier.value,
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "as_of": claim.as_of.iso(),
        "party": claim.party,
        "grp": claim.group,
        "period_start": claim.period_start.iso() if claim.period_start else "",
        "period_end": claim.period_end.iso() if claim.period_end else "",
        "revises": claim.revises,
        "source_id": claim.source_id,
        "quote": claim.quote,
        "seq": seq,
        "previous_value": claim.previous_value,
        "span_start": claim.span[0] if claim.span else None,
        "span_end": claim.span[1] if claim.span else None,
    }


def insert_claims(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Store claims' rows in one statement."""
    if rows:
        connection.execute(insert(claims), rows)


def load_claims(connection: Connection) -> list[Claim]:
    """Every stored claim, as the domain sees it."""
    query = select(claims).order_by(claims.c.id)
    return [
        claim_from_payload(row["id"], {**row, "group": row["grp"]})
        for row in connection.execute(query).mappings()
    ]


def source_claims(connection: Connection, source_id: int) -> list[Claim]:
    """The claims read from (or recorded against) one source, in the order of the text."""
    query = (
        select(claims)
        .where(claims.c.source_id == source_id)
        .order_by(claims.c.span_start, claims.c.id)
    )
    return [
        claim_from_payload(row["id"], {**row, "group": row["grp"]})
        for row in connection.execute(query).mappings()
    ]
