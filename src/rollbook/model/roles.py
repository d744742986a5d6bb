"""Who may see and do what: five roles, each able to do all the one before it can.

The public sees what the deployment publishes. A reader sees every person, the missing
included, but no protected field. A recorder imports and edits and, handling the cases,
sees the protected fields: family contacts, medical and forensic details, reporters. A
reviewer also rules on pairs and verifies incidents; an administrator also manages users
and settings.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    PUBLIC = "public"
    READER = "reader"
    RECORDER = "recorder"
    REVIEWER = "reviewer"
    ADMINISTRATOR = "administrator"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def at_least(self, other: Role) -> bool:
        """Whether this role may do all that `other` may."""
        return self.rank >= other.rank

    @property
    def sees_everyone(self) -> bool:
        """Every person, the missing included, by name."""
        return self.at_least(Role.READER)

    @property
    def sees_protected(self) -> bool:
        """Family contacts, medical and forensic details, reporters' identities."""
        return self.at_least(Role.RECORDER)


#: The roles an account may hold (the public is who has none).
ACCOUNT_ROLES = tuple(r for r in Role if r is not Role.PUBLIC)
