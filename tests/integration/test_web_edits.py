"""Recorders editing the register through the web: a status change from a person's page or
the API, an announced figure from the claims page or the API, each journalled in the
recorder's name; anyone else refused, and refused input leaving the register as it was. On
the small war of `registers.py`, where Varo Tenlik (person 2) is still missing and Dervan
Holtzik (person 7) is listed killed. Every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from conftest import Cli
from integration.accounts import (
    add_accounts,
    bearer,
    csrf,
    last_entry,
    log_in,
    refusal,
    token_of,
    web_client,
)
from integration.registers import PERSON, SOURCE, War, build_war

VARO, DERVAN = PERSON["Varo Tenlik"], PERSON["Dervan Holtzik"]
MISSING_LIST = SOURCE["missing_2020-11-20.csv"]
KILLED = {"status": "killed", "effective": "2020-10-25", "learned_on": "2021-04-10",
          "evidence": "dna_match", "source_id": MISSING_LIST}  # fmt: skip
FIGURE = {"claimant": "Ministry of Defence of Northland", "category": "killed",
          "qualifier": "at_least", "value": 2881, "as_of": "2021-01-08",
          "party": "Northland"}  # fmt: skip


@pytest.fixture
def war(cli: Cli, tmp_path: Path) -> War:
    built = build_war(cli, tmp_path / "lists")
    add_accounts(cli, {"rina": "reader", "rex": "recorder"})
    return built


@pytest.fixture
def web(war: War, database_url: str) -> Iterator[TestClient]:
    yield from web_client(database_url)


def history(war: War, person_id: int) -> list[dict[str, Any]]:
    """A person's status history with the events' ids, as `rollbook person ID --json` shows it."""
    events: list[dict[str, Any]] = war.json("person", str(person_id))["history"]
    return events


def persons(web: TestClient, token: str) -> list[Any]:
    """What the API shows of the persons the refusals are about."""
    return [web.get(f"/api/persons/{p}", headers=bearer(token)).json() for p in (VARO, DERVAN)]


def test_a_recorder_records_a_status_change_from_the_person_s_page(
    war: War, web: TestClient
) -> None:
    assert log_in(web, "rex") == 303
    page = web.get(f"/persons/{VARO}")
    assert "Record a status change" in page.text and "<option>dna_match</option>" in page.text
    form = {**KILLED, "note": "remains identified by DNA", "reason": "forensic report",
            "corrects": "", "csrf": csrf(web, f"/persons/{VARO}")}  # fmt: skip
    done = web.post(f"/persons/{VARO}/status", data=form, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/persons/{VARO}"
    missing, killed = web.get(f"/api/persons/{VARO}").json()["history"]
    assert missing["status"] == "missing"
    assert {k: killed[k] for k in KILLED} == KILLED
    assert "killed from 2020-10-25, learned 2021-04-10 (dna_match)" in web.get(done.headers[
        "location"]).text  # fmt: skip
    entry = last_entry(war)
    assert (entry["action"], entry["actor"], entry["reason"]) == (
        "status.record", "rex", "forensic report",
    )  # fmt: skip
    assert entry["payload"]["note"] == "remains identified by DNA"
    assert "identical" in war.run("verify")  # the web's entry replays as it was written


def test_a_recorder_records_a_status_change_through_the_api_with_a_token(
    war: War, web: TestClient
) -> None:
    token = token_of(war, "rex")
    change = {**KILLED, "learned_on": "April 2021", "reason": "forensic report"}
    done = web.post(f"/api/persons/{VARO}/status", headers=bearer(token), json=change)
    assert done.status_code == 201, done.text
    written = done.json()
    assert written == {**last_entry(war), "payload": written["payload"]}
    assert (written["actor"], written["action"]) == ("rex", "status.record")
    assert written["payload"]["learned_on"] == "2021-04-01"  # a month stands for its first day
    killed = history(war, VARO)[-1]
    assert (killed["status"], killed["id"]) == ("killed", written["payload"]["event_id"])


def test_a_missing_person_recorded_through_the_web_opens_a_case(war: War, web: TestClient) -> None:
    token = token_of(war, "rex")
    change = {"status": "missing", "effective": "2020-11-05", "learned_on": "2021-01-20",
              "evidence": "family_report"}  # fmt: skip
    # Dervan Holtzik was listed killed; the family says the list was wrong: a correction.
    (listed,) = history(war, DERVAN)
    done = web.post(f"/api/persons/{DERVAN}/status", headers=bearer(token),
                    json={**change, "corrects": listed["id"]})  # fmt: skip
    assert done.status_code == 201, done.text
    assert done.json()["payload"]["case_id"]
    cases = web.get("/api/missing", headers=bearer(token)).json()["cases"]
    assert "Dervan Holtzik" in {c["name"] for c in cases}


def test_the_public_and_a_reader_may_not_record_and_nothing_is_written(
    war: War, web: TestClient
) -> None:
    reader = token_of(war, "rina")
    before = last_entry(war)
    assert web.post(f"/api/persons/{VARO}/status", json=KILLED).status_code == 403
    assert web.post("/api/claims", json=FIGURE).status_code == 403
    assert web.post(f"/api/persons/{VARO}/status", json=KILLED,
                    headers=bearer(reader)).status_code == 403  # fmt: skip
    assert web.post("/api/claims", json=FIGURE, headers=bearer(reader)).status_code == 403
    # The public's session has a form token too (the log-in form's): its role still refuses.
    form = {**KILLED, "csrf": csrf(web)}
    assert web.post(f"/persons/{VARO}/status", data=form).status_code == 403
    assert web.post("/claims", data={**FIGURE, "csrf": form["csrf"]}).status_code == 403
    assert log_in(web, "rina") == 303
    assert "Record a status change" not in web.get(f"/persons/{PERSON['Pelgrin Osk']}").text
    assert "Record an announced figure" not in web.get("/claims").text
    form = {**KILLED, "csrf": csrf(web, "/")}
    assert web.post(f"/persons/{VARO}/status", data=form).status_code == 403
    assert web.post("/claims", data={**FIGURE, "csrf": form["csrf"]}).status_code == 403
    assert last_entry(war) == before


def test_a_form_without_the_session_s_token_and_the_api_without_a_token_are_refused(
    war: War, web: TestClient
) -> None:
    before = last_entry(war)
    assert log_in(web, "rex") == 303
    url = f"/persons/{VARO}/status"
    assert web.post(url, data={**KILLED, "csrf": "forged"}).status_code == 403
    assert web.post(url, data=KILLED).status_code == 422  # no token at all
    assert web.post("/claims", data={**FIGURE, "csrf": "forged"}).status_code == 403
    # A logged-in session is no token: a cookie alone could come from any site.
    assert web.post(f"/api/persons/{VARO}/status", json=KILLED).status_code == 403
    assert last_entry(war) == before


@pytest.mark.parametrize(
    ("person", "change", "where", "reason"),
    [
        (VARO, {"status": "martyr"}, ["body", "status"], "Input should be"),
        (VARO, {"effective": "31.02.2021"}, ["body", "effective"], "February 2021 has no day 31"),
        (VARO, {"learned_on": "someday"}, ["body", "learned_on"], "not a date"),
        (VARO, {"learned_on": "2999-01-01"}, ["body", "learned_on"], "after today"),
        (VARO, {"evidence": "rumour"}, ["body", "evidence"], "Input should be"),
        (VARO, {"source_id": 99}, ["body", "source_id"], "no source 99 in the register"),
        (VARO, {"corrects": 999}, ["body", "corrects"], "event 999 is not in this person's"),
        (VARO, {"note": "a\x00b"}, ["body", "note"], "NUL"),
        (VARO, {"colour": "red"}, ["body", "colour"], "Extra inputs"),
        (999, {}, ["path", "person_id"], "no person 999 in the register"),
        (DERVAN, {"status": "wounded", "effective": "2020-11-06"}, ["body", "status"],
         "wounded cannot follow killed"),
    ],
)  # fmt: skip
def test_refused_input_is_a_422_naming_the_field_and_leaves_the_register_as_it_was(
    war: War, web: TestClient, person: int, change: dict[str, Any], where: list[str], reason: str
) -> None:
    token = token_of(war, "rex")
    before, persons_before = last_entry(war), persons(web, token)
    problem = refusal(web.post(f"/api/persons/{person}/status", headers=bearer(token),
                               json={**KILLED, **change}))  # fmt: skip
    assert problem["loc"] == where and reason in problem["msg"], problem
    assert last_entry(war) == before
    assert persons(web, token) == persons_before


def test_a_refused_form_is_a_422_too(war: War, web: TestClient) -> None:
    before = last_entry(war)
    assert log_in(web, "rex") == 303
    form = {**KILLED, "effective": "not a day", "csrf": csrf(web, f"/persons/{VARO}")}
    refused = web.post(f"/persons/{VARO}/status", data=form)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "effective"]
    assert last_entry(war) == before


def test_a_recorder_s_figure_appears_among_the_claims(war: War, web: TestClient) -> None:
    token = token_of(war, "rex")
    done = web.post("/api/claims", headers=bearer(token), json={**FIGURE, "reason": "statement"})
    assert done.status_code == 201, done.text
    claim_id = done.json()["payload"]["claim_id"]
    entry = last_entry(war)
    assert (entry["action"], entry["actor"], entry["payload"]["claim_id"]) == (
        "claim.add", "rex", claim_id,
    )  # fmt: skip
    (ministry,) = web.get("/api/claims").json()["claimants"]
    (claim,) = ministry["claims"]
    assert (claim["id"], claim["figure"], claim["as_of"]) == (claim_id, "at least 2,881",
                                                            "2021-01-08")  # fmt: skip
    # From the claims page, revising it; the page shows both.
    assert log_in(web, "rex") == 303
    form = {**FIGURE, "value": "2908", "as_of": "15.01.2021", "revises": str(claim_id),
            "low": "", "high": "", "csrf": csrf(web, "/claims")}  # fmt: skip
    added = web.post("/claims", data=form, follow_redirects=False)
    assert added.status_code == 303, added.text
    later = last_entry(war)["payload"]
    assert added.headers["location"] == f"/claims#claim-{later['claim_id']}"
    assert (later["as_of"], later["revises"]) == ("2021-01-15", claim_id)
    assert "at least 2,908" in web.get("/claims").text
    assert "identical" in war.run("verify")


@pytest.mark.parametrize(
    ("change", "where", "reason"),
    [
        ({"qualifier": "range", "low": 30}, ["body", "value"], "a range needs a low and a high"),
        ({"revises": 99}, ["body", "revises"], "no claim 99"),
        ({"source_id": 99}, ["body", "source_id"], "no source 99"),
        ({"as_of": ""}, ["body", "as_of"], "at least 1 character"),
        ({"as_of": "Octember 2020"}, ["body", "as_of"], "unknown month name 'octember'"),
        ({"category": "martyrs"}, ["body", "category"], "Input should be"),
        ({"value": -3}, ["body", "value"], "greater than or equal to 0"),
    ],
)
def test_a_refused_figure_is_a_422_naming_the_field_and_nothing_is_written(
    war: War, web: TestClient, change: dict[str, Any], where: list[str], reason: str
) -> None:
    token = token_of(war, "rex")
    before = last_entry(war)
    problem = refusal(web.post("/api/claims", headers=bearer(token), json={**FIGURE, **change}))
    assert problem["loc"] == where and reason in problem["msg"], problem
    assert last_entry(war) == before
    assert web.get("/api/claims").json()["claimants"] == []
