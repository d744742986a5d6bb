"""What the public may see: a deployment setting, and never a protected field.

By default the public sees the figures and the names of the killed, as casualty recorders
publish them. Never a protected field (family contacts, medical and forensic details,
reporters), and never a missing person: a public name search over the missing invites
enumeration and the extortion of families. A deployment may narrow this to counts only.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from rollbook.model.records import PROTECTED_FIELDS
from rollbook.model.status import Status
from rollbook.store.sources import SourceKind


class Publish(StrEnum):
    """How much a deployment shows the public."""

    NAMES = "names"  # the figures, and the names of the killed
    COUNTS = "counts"  # the figures only


#: The statuses of persons the public may find by name, when names are published.
NAMED_IN_PUBLIC = frozenset({Status.KILLED.value})
#: Record columns never shown in public: protected fields, unmapped columns (they may hold
#: anything), and the derived name key.
_HIDDEN = PROTECTED_FIELDS | {"extra", "name_key"}


def named_statuses(publish: Publish) -> frozenset[str]:
    """The statuses whose persons the public may see by name."""
    return NAMED_IN_PUBLIC if publish is Publish.NAMES else frozenset()


def is_public(field: str) -> bool:
    """Whether the public may see a record's field."""
    return field not in _HIDDEN


def public_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record with what the public may not see left out."""
    return {k: v for k, v in record.items() if is_public(k)}


#: Documents published to be read: anyone may read them and the figures read from them. A
#: family's or a forensic report is not, nor are the figures read from it.
PUBLIC_KINDS = frozenset({SourceKind.STATEMENT, SourceKind.NEWS_REPORT,
                          SourceKind.OFFICIAL_LIST, SourceKind.NGO_LIST})  # fmt: skip


def public_source(kind: str) -> bool:
    """Whether the public may read a source of this kind."""
    return SourceKind(kind) in PUBLIC_KINDS
