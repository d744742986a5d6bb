"""Reading the journal: the append-only log of every write (appending is `Register.write`)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from rollbook.store.schema import journal


def last_entries(connection: Connection, limit: int = 0) -> list[dict[str, Any]]:
    """The last `limit` entries (all for 0), oldest first, with their payloads parsed."""
    query = select(journal).order_by(journal.c.seq.desc())
    if limit:
        query = query.limit(limit)
    entries = [dict(row) for row in connection.execute(query).mappings()]
    for entry in entries:
        entry["payload"] = json.loads(entry["payload"])
    return entries[::-1]
