"""The missing-person cases and the journal on the web: for accounts only.

The public learns how many are still missing (the dashboard) but never who: a public list
of the missing invites the enumeration and extortion of families. A reader sees the open
cases; the journal, whose entries hold what was written (family contacts among it), is for
recorders and above.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection

from rollbook.model.roles import Role
from rollbook.store.case_views import open_cases, waiting_confirmation
from rollbook.store.journal import last_entries
from rollbook.web.common import Db, Seen, at_least, render
from rollbook.web.session import Viewer

router = APIRouter()
#: Journal entries a page shows at most.
JOURNAL_PAGE = 500


def missing_data(db: Connection, known_on: dt.date | None) -> dict[str, Any]:
    """The cases open as known on a day (today by default), oldest first, each with its
    identification of the dead that waits now for a second person's confirmation, if any."""
    day = known_on or dt.date.today()
    waiting = {case_id: step_id for step_id, case_id in waiting_confirmation(db).items()}
    cases = [dataclasses.asdict(case) | {"still_missing": case.still_missing,
                                         "waiting_step": waiting.get(case.case_id)}
             for case in open_cases(db, day)]  # fmt: skip
    still = sum(1 for case in cases if case["still_missing"])
    return {"known_on": day.isoformat(), "open_cases": len(cases), "still_missing": still,
            "cases": cases}  # fmt: skip


KnownOn = Annotated[dt.date | None, Query(description="As the register knew it on this day")]


@router.get("/api/missing", tags=["missing"])
def missing_api(db: Db, seen: Seen, known_on: KnownOn = None) -> dict[str, Any]:
    """The missing-person cases open on a day, with how long each has been open (readers
    and above)."""
    at_least(seen, Role.READER)
    return missing_data(db, known_on)


@router.get("/missing", response_class=HTMLResponse, include_in_schema=False)
def missing_page(request: Request, db: Db, seen: Seen, known_on: KnownOn = None) -> HTMLResponse:
    at_least(seen, Role.READER)
    return render(request, "missing.html", missing_data(db, known_on), seen)


def journal_data(db: Connection, seen: Viewer, limit: int) -> dict[str, Any]:
    """The last entries of the journal, latest first: every write, who, when, why."""
    at_least(seen, Role.RECORDER)
    return {"entries": last_entries(db, limit)[::-1]}


Limit = Annotated[int, Query(ge=1, le=JOURNAL_PAGE, description="Entries, latest first")]


@router.get("/api/journal", tags=["journal"])
def journal_api(db: Db, seen: Seen, limit: Limit = 100) -> dict[str, Any]:
    """The journal's last entries (recorders and above)."""
    return journal_data(db, seen, limit)


@router.get("/journal", response_class=HTMLResponse, include_in_schema=False)
def journal_page(request: Request, db: Db, seen: Seen, limit: Limit = 100) -> HTMLResponse:
    return render(request, "journal.html", journal_data(db, seen, limit), seen)
