"""The register on the web, as the public sees it, on the small war of `registers.py` (Varo
Tenlik still missing; the families' contacts, who reported the missing and an injury are
protected) with a truce and an incident whose reporter is protected. Every test runs on
SQLite and on PostgreSQL, through the application's test client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from conftest import Cli
from integration.registers import PERSON, War, build_war
from rollbook.store.database import Register
from rollbook.web.access import Publish
from rollbook.web.app import create_app

#: What no public page or answer may hold: protected fields, and the missing man's name.
SENTINELS = (
    "555 0199", "Mirel Osk", "555 0188", "Aspen Tenlik",  # families' contacts
    "Ulma Dorsk", "Brel Yanov",  # who reported the missing
    "fracture",  # an injury
    "Corporal Tessa Vinn",  # who told the ministry of the incident
    "Varo Tenlik", "SN-102",  # the missing man
)  # fmt: skip


STATEMENT = """Northland Ministry of Defence - Statement, 2 January 2021

The Northland Ministry of Defence said at least 2,881 servicemen were killed, up from 2,855.
<script>alert("statement")</script>
"""
FAMILY_REPORT = """Report of 3 January 2021

His sister Mirel Osk (+000 555 0199) says 2 more men from the village are missing.
"""


@pytest.fixture
def war(cli: Cli, tmp_path: Path) -> War:
    built = build_war(cli, tmp_path / "lists")
    (tmp_path / "statement.txt").write_text(STATEMENT, encoding="utf-8")
    (tmp_path / "family.txt").write_text(FAMILY_REPORT, encoding="utf-8")
    built.run("read", str(tmp_path / "statement.txt"), "--kind", "statement")
    built.run("read", str(tmp_path / "family.txt"), "--kind", "family_report")
    built.run("truce", "add", "October truce", "--start", "2020-10-10", "--party", "Northland",
              "--party", "Southland", "--monitor", "Joint Centre")  # fmt: skip
    built.run("incident", "add", "--type", "shelling", "--date", "2020-10-12", "--lat", "40.1",
              "--lon", "46.2", "--place", "Testvale", "--reported-by", "Northland MoD",
              "--reporting-party", "Northland", "--perpetrator", "Southland artillery",
              "--fatalities", "2", "--reporter", "Corporal Tessa Vinn",
              "--learned", "2020-10-13")  # fmt: skip
    return built


def client_for(database_url: str, publish: Publish = Publish.NAMES) -> Iterator[TestClient]:
    with TestClient(create_app(Register.open(database_url), publish=publish)) as client:
        yield client


@pytest.fixture
def web(war: War, database_url: str) -> Iterator[TestClient]:
    yield from client_for(database_url)


def get(web: TestClient, url: str) -> dict[str, object]:
    response = web.get(url)
    assert response.status_code == 200, (url, response.status_code, response.text)
    found: dict[str, object] = response.json()
    return found


def test_a_name_search_finds_the_killed_and_never_the_missing(web: TestClient) -> None:
    everyone = get(web, "/api/persons")
    names = {p["name"] for p in everyone["persons"]}  # type: ignore[union-attr]
    assert "Oskan Tarvelli" in names and "Pelgrin Osk" in names  # named dead since December
    assert "Varo Tenlik" not in names
    assert everyone["total"] == 8
    found = get(web, "/api/persons?q=tarvelli")
    assert [p["name"] for p in found["persons"]] == ["Oskan Tarvelli"]  # type: ignore[union-attr]
    assert get(web, "/api/persons?q=Tenlik")["total"] == 0
    assert web.get(f"/api/persons/{PERSON['Varo Tenlik']}").status_code == 404


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("region=North", {"Oskan Tarvelli", "Zelik Brunov", "Pelgrin Osk"}),
        ("unit=1st+Brigade&month=2020-10", {"Oskan Tarvelli", "Zelik Brunov", "Pelgrin Osk"}),
        ("month=2020-10&party=", {"Oskan Tarvelli", "Zelik Brunov", "Pelgrin Osk",
                                  "Imre Salvadzh", "Tovan Melisk"}),
        ("status=killed&region=East", {"Ardo Quenslik"}),
        ("status=missing", set()),  # the public is never shown the missing
    ],
)  # fmt: skip
def test_persons_filtered_by_status_unit_region_and_month(
    web: TestClient, query: str, names: set[str]
) -> None:
    found = get(web, f"/api/persons?{query}")
    assert {p["name"] for p in found["persons"]} == names  # type: ignore[union-attr]


def test_a_person_page_shows_fields_with_provenance_and_history(web: TestClient) -> None:
    person = get(web, "/api/persons/3")
    assert person["name"] == "Oskan Tarvelli" and person["status"] == "killed"
    fields = person["fields"]
    assert fields["service_number"]["value"] == "SN-001"  # type: ignore[index]
    history = person["history"]  # one event from each edition of the ministry's list
    assert [e["status"] for e in history] == ["killed", "killed"]  # type: ignore[union-attr]
    page = web.get("/persons/3")
    assert page.status_code == 200 and "Oskan Tarvelli" in page.text


def test_the_dashboard_counts_without_naming_the_missing(web: TestClient) -> None:
    board = get(web, "/api/dashboard")
    assert board["still_missing"] == 1
    assert board["totals"] == {"killed": 8, "missing": 1}
    [truce] = board["truces"]  # type: ignore[misc]
    assert truce["counted"] == 1 and truce["per_day"] == {"2020-10-12": 1}
    # Two lists of Northland's dead overlap wholly and Southland's list stands alone: no
    # estimate a method can defend, and the page says so rather than give a number.
    assert board["estimate"]["pooled"]["named"] == 8  # type: ignore[index]
    assert board["estimate"]["pooled"]["warnings"]  # type: ignore[index]
    # The named dead as known on each day the register learned more, to a month after.
    assert board["named_over_time"] == [
        ["2020-12-03", 4], ["2020-12-28", 6], ["2021-01-15", 8], ["2021-02-14", 8],
    ]  # fmt: skip
    assert "chart_svg" not in board  # the page's chart; the JSON has its data
    page = web.get("/")
    assert page.status_code == 200 and "Still missing" in page.text
    assert '<figure class="chart"><svg' in page.text


def test_after_a_write_the_dashboard_answers_at_once_and_catches_up(
    war: War, web: TestClient
) -> None:
    before = get(web, "/api/dashboard")
    assert before["behind"] is False
    war.run("status", str(PERSON["Varo Tenlik"]), "killed", "--effective", "2020-10-30")
    stale = get(web, "/api/dashboard")  # the estimate as worked out before the write
    assert stale["behind"] is True and stale["worked_out_at"] == before["worked_out_at"]
    assert stale["totals"] == {"killed": 9}  # the counts are the register's own, now
    assert stale["named_over_time"] == before["named_over_time"]
    assert 'id="behind"' in web.get("/").text
    web.app.state.dashboard.wait()  # type: ignore[attr-defined]
    caught_up = get(web, "/api/dashboard")
    assert caught_up["behind"] is False and caught_up["worked_out_at"] > before["worked_out_at"]
    assert caught_up["named_over_time"][-1][1] == 9  # type: ignore[index]


def test_incidents_page_with_each_claim_as_its_source_s(web: TestClient) -> None:
    listed = get(web, "/api/incidents")
    [incident] = listed["incidents"]  # type: ignore[misc]
    assert incident["perpetrators_alleged"] == "Southland artillery (according to Northland MoD)"
    assert "reporters" not in incident
    assert web.get("/incidents").status_code == 200


def test_no_route_leaks_a_protected_field_or_the_missing(web: TestClient) -> None:
    urls = ["/openapi.json"]
    for route in web.app.routes:  # type: ignore[attr-defined]
        if isinstance(route, APIRoute) and "GET" in route.methods:
            if "_id}" in route.path:
                name = route.path[route.path.index("{") : route.path.index("}") + 1]
                urls += [route.path.replace(name, str(n)) for n in range(1, 11)]
            else:
                urls += [route.path, f"{route.path}?q=Tenlik", f"{route.path}?q=Osk&per_page=200"]
    for url in urls:
        response = web.get(url)
        assert response.status_code in (200, 403, 404), (url, response.status_code)
        for sentinel in SENTINELS:
            assert sentinel not in response.text, (url, sentinel)


def test_counts_only_publishes_no_names(war: War, database_url: str) -> None:
    for web in client_for(database_url, Publish.COUNTS):
        assert get(web, "/api/persons")["total"] == 0
        assert web.get("/api/persons/3").status_code == 404
        assert get(web, "/api/dashboard")["totals"] == {"killed": 8, "missing": 1}


@pytest.mark.parametrize(
    "url",
    [
        "/api/persons?page=0",
        "/api/persons?page=99999999999",
        "/api/persons?per_page=100000",
        "/api/persons?page=abc",
        "/api/persons/abc",
        "/api/persons/9223372036854775808",  # found by the fuzzer: once a server error
        "/api/incidents?page=-1",
        "/api/persons?status=martyr",  # a party's word is data, never a status to ask for
        "/api/persons?month=October",
        f"/api/persons?q={'x' * 500}",
    ],
)
def test_malformed_requests_get_a_clear_4xx(web: TestClient, url: str) -> None:
    response = web.get(url)
    assert response.status_code == 422, (url, response.text)


def test_unknown_ids_and_far_pages_are_not_errors(web: TestClient) -> None:
    assert web.get("/api/persons/999999").status_code == 404
    assert web.get("/persons/999999").status_code == 404
    far = get(web, "/api/persons?page=1000000")
    assert far["persons"] == [] and far["total"] == 8


def test_a_statement_shows_its_claims_in_its_text_and_a_familys_report_is_not_public(
    web: TestClient,
) -> None:
    listed = get(web, "/api/sources")["sources"]
    assert isinstance(listed, list)
    by_title = {s["title"]: s["id"] for s in listed}
    assert "family.txt" not in by_title
    statement = get(web, f"/api/sources/{by_title['statement.txt']}")
    claims = statement["claims"]
    assert isinstance(claims, list) and isinstance(statement["text"], str)
    (claim,) = claims
    start, end = claim["span"]
    assert statement["text"][start:end] == claim["quote"]
    assert (claim["figure"], claim["previous_value"]) == ("at least 2,881", 2855)
    page = web.get(f"/sources/{by_title['statement.txt']}")
    assert f'<mark id="claim-{claim["id"]}"' in page.text
    assert "<script>alert" not in page.text and "&lt;script&gt;alert" in page.text
    timeline = get(web, "/api/claims")["claimants"]
    assert isinstance(timeline, list)
    assert [c["figure"] for g in timeline for c in g["claims"]] == ["at least 2,881"]


def test_markup_in_a_search_is_shown_as_text(web: TestClient) -> None:
    page = web.get("/persons", params={"q": "<script>alert(1)</script>"})
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_the_map_gets_every_incident_as_geojson_without_its_reporters(web: TestClient) -> None:
    response = web.get("/api/incidents/map")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    found = response.json()
    (feature,) = found["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [46.2, 40.1]}
    assert feature["properties"]["place"] == "Testvale"
    assert "Corporal Tessa Vinn" not in response.text
    assert web.get("/static/vendor/countries-50m.json").status_code == 200
