"""Claims as stored: read back as the domain's Claim, from a row or a journal payload."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

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
    )


def load_claims(connection: Connection) -> list[Claim]:
    """Every stored claim, as the domain sees it."""
    query = select(claims).order_by(claims.c.id)
    return [
        claim_from_payload(row["id"], {**row, "group": row["grp"]})
        for row in connection.execute(query).mappings()
    ]
