"""The pages and their JSON twins: `/x` renders what `/api/x` returns.

Handlers are thin: each asks the layers below for its data, trims it to what the public
may see (web.access) and hands it to a template or to JSON.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse, StreamingResponse
from sqlalchemy import Connection

from rollbook.analysis.estimates import estimate_uncounted
from rollbook.analysis.toll_plot import toll_chart_svg, toll_over_time
from rollbook.analysis.tolls import toll
from rollbook.model.roles import Role
from rollbook.model.status import LATEST, Status, status_at
from rollbook.store.case_views import open_cases
from rollbook.store.incident_views import (
    all_truces,
    geojson_chunks,
    incidents_page,
    iter_incidents,
    truce_report,
)
from rollbook.store.journal import last_seq
from rollbook.store.persons import person_view
from rollbook.store.search import Listing, search_persons
from rollbook.store.tolls import TollFilter
from rollbook.store.users import log_in
from rollbook.web.access import Publish, is_public, named_statuses, public_record
from rollbook.web.background import Background
from rollbook.web.common import (
    EVERY_STATUS,
    Db,
    Page,
    PerPage,
    PersonId,
    Seen,
    client,
    publish_of,
    remember,
    remembered,
    render,
)
from rollbook.web.session import PUBLIC, Viewer, check_csrf
from rollbook.web.sources import shown_claims

router = APIRouter()
#: Bootstrap draws of the dashboard's estimate, as in the demo: enough for its interval.
ESTIMATE_DRAWS = 200


# --------------------------------------------------------------------------- dashboard


def dashboard_data(db: Connection, heavy: dict[str, Any]) -> dict[str, Any]:
    """Tolls by status and party, the killed estimated in all, the count still missing, the
    announced figures beside the named counts, and the incidents per day since each truce
    began."""
    by_party = toll(db, TollFilter(), "party")
    today = dt.date.today()
    still_missing = sum(1 for case in open_cases(db, today) if case.still_missing)
    truces = []
    for truce in all_truces(db):
        report = truce_report(db, truce, today)
        truces.append({
            "id": truce["id"], "name": truce["name"], "parties": truce["parties"],
            "starts_on": truce["starts_on"], "ends_on": truce["ends_on"],
            "monitor": truce["monitor"], "counted": report.counted,
            "per_day": {d: sum(c.values()) for d, c in report.by_day.items()},
        })  # fmt: skip
    return {
        "statuses": by_party.statuses,
        "by_party": [{"party": row.key, "counts": row.counts} for row in by_party.rows],
        "totals": by_party.totals,
        **heavy,
        "still_missing": still_missing,
        "claims": [line.to_json() for line in shown_claims(db, everyone=False)],
        "truces": truces,
    }


def slow_parts(db: Connection) -> dict[str, Any]:
    """What takes the dashboard seconds over a large register, worked out in the background
    (web.background): the killed estimated in all (rollbook estimate, pooled), and the
    named toll over time with the claimants' figures, as data and as a chart."""
    found = estimate_uncounted(db, TollFilter(statuses=["killed"]), draws=ESTIMATE_DRAWS)
    claims = shown_claims(db, everyone=False)
    series = toll_over_time(db, "killed", claims, dt.date.today())
    return {
        "estimate": found.to_json(),
        "named_over_time": [[day.isoformat(), n] for day, n in series],
        "chart_svg": toll_chart_svg(series, claims, status="killed"),
    }


def worked_out(request: Request, db: Connection) -> dict[str, Any]:
    """The slow parts last worked out, and whether the register has changed since."""
    background: Background = request.app.state.dashboard
    seq = last_seq(db)
    parts, at = background.latest(db, seq)
    return {**parts, "worked_out_at": at, "behind": at < seq}


@router.get("/api/dashboard", tags=["dashboard"])
def dashboard_api(request: Request, db: Db) -> dict[str, Any]:
    """The figures of the register's front page."""
    data = dashboard_data(db, worked_out(request, db))
    return {k: v for k, v in data.items() if k != "chart_svg"}


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def dashboard_page(request: Request, db: Db, seen: Seen) -> HTMLResponse:
    return render(request, "dashboard.html", dashboard_data(db, worked_out(request, db)), seen)


# --------------------------------------------------------------------------- persons


@dataclass(frozen=True)
class PersonFilter:
    """What a person search asks for: a name in any script, and filters."""

    q: str = ""
    status: str = ""
    party: str = ""
    unit: str = ""
    region: str = ""
    month: str = ""


Text = Annotated[str, Query(max_length=200)]
StatusQuery = Annotated[Status | None, Query(description="Only persons with this status now")]
Month = Annotated[str, Query(pattern=r"^(\d{4}-\d{2})?$", description="YYYY-MM of death")]


def person_filter(q: Text = "", status: StatusQuery = None, party: Text = "", unit: Text = "",
                  region: Text = "", month: Month = "") -> PersonFilter:  # fmt: skip
    """A person search from its query parameters."""
    return PersonFilter(q, status.value if status else "", party, unit, region, month)


Filters = Annotated[PersonFilter, Depends(person_filter)]


def persons_data(
    request: Request, db: Connection, seen: Viewer, ask: PersonFilter, page: int, per_page: int
) -> dict[str, Any]:
    """A page of the persons the viewer may see by name, matching a name in any script and
    the filters. The public's searches are rate limited."""
    if seen.role is Role.PUBLIC:
        searches = request.app.state.public_searches
        if not searches.allows(client(request)):
            raise HTTPException(429, "too many searches; try again in a minute")
        searches.count(client(request))
    statuses = EVERY_STATUS if seen.role.sees_everyone else named_statuses(publish_of(request))
    if ask.status:
        statuses = statuses & {ask.status}
    key = ("persons", *sorted(statuses), *dataclasses.astuple(ask))
    listing, found = (
        search_persons(db, ask.q, statuses=statuses, party=ask.party, unit=ask.unit,
                       region=ask.region, month=ask.month, offset=(page - 1) * per_page,
                       limit=per_page, known=remembered(request, db, key))
        if statuses else (Listing(0), [])
    )  # fmt: skip
    remember(request, key, listing)
    return {
        **dataclasses.asdict(ask), "page": page, "per_page": per_page, "total": listing.total,
        "query": urlencode({k: v for k, v in dataclasses.asdict(ask).items() if v}),
        "names_published": bool(statuses), "statuses": [s.value for s in Status],
        "persons": [{"id": f.person_id, "name": f.name, "status": f.status} for f in found],
    }  # fmt: skip


@router.get("/api/persons", tags=["persons"])
def persons_api(
    request: Request, db: Db, seen: Seen, ask: Filters, page: Page = 1, per_page: PerPage = 50
) -> dict[str, Any]:
    """Persons by name: "Mammadov" finds Məmmədov and Мамедов; filters by status, party,
    unit, region and month of death or disappearance; paged."""
    return persons_data(request, db, seen, ask, page, per_page)


@router.get("/persons", response_class=HTMLResponse, include_in_schema=False)
def persons_page(
    request: Request, db: Db, seen: Seen, ask: Filters, page: Page = 1, per_page: PerPage = 50
) -> HTMLResponse:
    data = persons_data(request, db, seen, ask, page, per_page)
    return render(request, "persons.html", data, seen)


def person_data(db: Connection, publish: Publish, seen: Viewer, person_id: int
                ) -> dict[str, Any]:  # fmt: skip
    """One person the viewer may see: records with their sources, each resolved field with
    the record it came from, the status history; protected fields for those who may see
    them. Anyone else is not found."""
    view = person_view(db, person_id)
    now = status_at(view.history, LATEST, LATEST) if view is not None else None
    shown = EVERY_STATUS if seen.role.sees_everyone else named_statuses(publish)
    if view is None or now is None or now.value not in shown:
        raise HTTPException(404, f"no person {person_id}")
    protected = seen.role.sees_protected
    history = [
        {"id": e.id, "status": e.status.value,
         "effective": e.effective.iso() if e.effective else "",
         "learned_on": e.learned_on.isoformat(), "evidence": e.evidence.value,
         "source_id": e.source_id, "corrects": e.corrects}
        for e in view.history
    ]  # fmt: skip
    fields = {
        name: {"value": r.value, "record": r.record_id, "attested_by": r.attested_by}
        for name, r in view.fields.items()
        if protected or is_public(name)
    }
    return {
        "id": view.id, "name": view.name, "status": now.value, "fields": fields,
        "records": [r if protected else public_record(r) for r in view.records],
        "sources": list(view.sources.values()), "history": history,
    }  # fmt: skip


@router.get("/api/persons/{person_id}", tags=["persons"])
def person_api(request: Request, db: Db, seen: Seen, person_id: PersonId) -> dict[str, Any]:
    """One person: records, sources, fields with provenance, status history."""
    return person_data(db, publish_of(request), seen, person_id)


@router.get("/persons/{person_id}", response_class=HTMLResponse, include_in_schema=False)
def person_page(request: Request, db: Db, seen: Seen, person_id: PersonId) -> HTMLResponse:
    data = person_data(db, publish_of(request), seen, person_id)
    return render(request, "person.html", data, seen)


# --------------------------------------------------------------------------- incidents


def incidents_data(db: Connection, seen: Viewer, page: int, per_page: int) -> dict[str, Any]:
    """A page of incidents, latest first, with their sources and verification state (and
    who told each source, for those who may see it)."""
    total, rows = incidents_page(db, offset=(page - 1) * per_page, limit=per_page,
                                 protected=seen.role.sees_protected)  # fmt: skip
    return {"page": page, "per_page": per_page, "total": total, "incidents": rows}


@router.get("/api/incidents", tags=["incidents"])
def incidents_api(db: Db, seen: Seen, page: Page = 1, per_page: PerPage = 50
                  ) -> dict[str, Any]:  # fmt: skip
    """Incidents, latest first: time, place, type, sources, verification, fatalities."""
    return incidents_data(db, seen, page, per_page)


#: What the map needs of an incident; nothing a source was told in confidence.
MAP_FIELDS = ("id", "lat", "lon", "time", "type", "place", "state", "fatalities_best",
              "reported_by", "precision")  # fmt: skip


@router.get(
    "/api/incidents/map",
    tags=["incidents"],
    response_class=StreamingResponse,
    responses={200: {"content": {"application/geo+json": {}}}},
)
def incidents_map(request: Request) -> StreamingResponse:
    """Every incident as a point of a GeoJSON FeatureCollection, for the map, streamed."""

    def chunks() -> Iterator[str]:
        with request.app.state.register.read() as db:
            rows = ({k: row.get(k) for k in MAP_FIELDS} for row in iter_incidents(db))
            yield from geojson_chunks(rows)

    return StreamingResponse(chunks(), media_type="application/geo+json")


@router.get("/incidents", response_class=HTMLResponse, include_in_schema=False)
def incidents_html(request: Request, db: Db, seen: Seen, page: Page = 1,
                   per_page: PerPage = 50) -> HTMLResponse:  # fmt: skip
    return render(request, "incidents.html", incidents_data(db, seen, page, per_page), seen)


# --------------------------------------------------------------------------- log-in


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_page(request: Request, seen: Seen) -> HTMLResponse:
    return render(request, "login.html", {"failed": False}, seen)


@router.post("/login", response_class=HTMLResponse, include_in_schema=False)
def login(
    request: Request,
    db: Db,
    name: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    csrf: Annotated[str, Form(max_length=200)],
) -> Response:
    """Log in with a name and password; failures are rate limited per address."""
    check_csrf(request, csrf)
    failures = request.app.state.failed_logins
    if not failures.allows(client(request)):
        raise HTTPException(429, "too many failed log-ins; try again later")
    user = log_in(db, name, password)
    if user is None:
        failures.count(client(request))
        response = render(request, "login.html", {"failed": True}, PUBLIC)
        response.status_code = 401
        return response
    request.session.clear()
    request.session["user_id"] = user.id
    return RedirectResponse("/", status_code=303)


@router.post("/logout", include_in_schema=False)
def logout(request: Request, csrf: Annotated[str, Form(max_length=200)]) -> Response:
    check_csrf(request, csrf)
    request.session.clear()
    return RedirectResponse("/", status_code=303)
