"""Reading the journal: the append-only log of every write (appending is `Register.write`)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, func, select

from rollbook.store.schema import journal

#: Payload keys the journal keeps (a replay needs them) but never shows.
SECRET_KEYS = frozenset({"password_hash", "token_hash"})


def last_entries(connection: Connection, limit: int = 0) -> list[dict[str, Any]]:
    """The last `limit` entries (all for 0), oldest first, with their payloads parsed and
    their secrets (password and token hashes) left out."""
    query = select(journal).order_by(journal.c.seq.desc())
    if limit:
        query = query.limit(limit)
    entries = [dict(row) for row in connection.execute(query).mappings()]
    for entry in entries:
        payload = json.loads(entry["payload"])
        entry["payload"] = {k: v for k, v in payload.items() if k not in SECRET_KEYS}
    return entries[::-1]


def last_seq(connection: Connection) -> int:
    """The sequence number of the last write (0 for an empty journal): a register's state
    changes exactly when it does."""
    return int(connection.execute(select(func.coalesce(func.max(journal.c.seq), 0))).scalar_one())
