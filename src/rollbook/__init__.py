"""Rollbook: an evidence-backed casualty register for armed conflict."""

from rollbook.model.claims import Category, Claim, Qualifier
from rollbook.model.dates import PartialDate
from rollbook.model.status import Evidence, Status, StatusEvent
from rollbook.store.database import Register

__all__ = [
    "Category",
    "Claim",
    "Evidence",
    "PartialDate",
    "Qualifier",
    "Register",
    "Status",
    "StatusEvent",
]
