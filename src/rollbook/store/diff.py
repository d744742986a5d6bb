"""What changed between two editions of a list: records added, removed and changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from rollbook.model.records import IDENTIFIER_FIELDS, RECORD_FIELDS
from rollbook.store.schema import records

_COMPARED = (*RECORD_FIELDS, "status")


@dataclass
class SourceDiff:
    """Records only in the first source, only in the second, and in both but different."""

    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[tuple[dict[str, Any], dict[str, Any], list[str]]] = field(default_factory=list)
    unchanged: int = 0


def _key(record: dict[str, Any]) -> tuple[str, str]:
    """How a record is matched across editions: an identifier, else its name key and birth."""
    for name in IDENTIFIER_FIELDS:
        if record[name]:
            return (name, record[name])
    return ("name", f"{record['name_key']}|{record['birth_date']}")


Key = tuple[str, str, int]


def diff_sources(connection: Connection, first: int, second: int) -> SourceDiff:
    """Compare two sources' records, matched by identifier or by name and birth date."""

    def load(source_id: int) -> dict[Key, dict[str, Any]]:
        """Records by key; a key's second occurrence in one list (a duplicate) is its own."""
        query = select(records).where(records.c.source_id == source_id).order_by(records.c.id)
        keyed: dict[Key, dict[str, Any]] = {}
        seen: dict[tuple[str, str], int] = {}
        for row in connection.execute(query).mappings():
            record = dict(row)
            base = _key(record)
            seen[base] = seen.get(base, 0) + 1
            keyed[(*base, seen[base])] = record
        return keyed

    before, after = load(first), load(second)
    result = SourceDiff()
    for key, old in before.items():
        new = after.get(key)
        if new is None:
            result.removed.append(old)
            continue
        fields = [name for name in _COMPARED if old[name] != new[name]]
        if fields:
            result.changed.append((old, new, fields))
        else:
            result.unchanged += 1
    result.added = [new for key, new in after.items() if key not in before]
    return result
