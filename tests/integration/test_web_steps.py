"""Moving incidents and cases on through the web: a reviewer verifies an incident, a
recorder takes a missing-person case a step on, a reviewer confirms another's
identification; each from its page or the API, journalled in the account's name; anyone
else refused, and refused input leaving the register as it was. On the small war of
`registers.py`, where Varo Tenlik (person 2) is still missing and so has an open case, with
one incident reported by one source. Every test runs on SQLite and on PostgreSQL."""

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
from integration.registers import PERSON, War, build_war

VARO, PELGRIN = PERSON["Varo Tenlik"], PERSON["Pelgrin Osk"]
INCIDENT = 1  # the shelling the fixture adds, the register's first incident
CONFIRMED = {"state": "confirmed", "reason": "monitors saw the craters",
             "learned_on": "2020-10-20"}  # fmt: skip
SEARCH = {"step": "under_search", "learned_on": "2021-01-10", "note": "hospitals asked"}
IDENTIFIED = {"step": "identified_dead", "effective": "2020-10-25", "learned_on": "2021-02-01",
              "evidence": "dna_match"}  # fmt: skip


@pytest.fixture
def war(cli: Cli, tmp_path: Path) -> War:
    built = build_war(cli, tmp_path / "lists")
    built.run("incident", "add", "--type", "shelling", "--date", "2020-10-12", "--lat", "40.1",
              "--lon", "46.2", "--place", "Testvale", "--reported-by", "Northland MoD",
              "--fatalities", "2", "--learned", "2020-10-13")  # fmt: skip
    add_accounts(cli, {"rina": "reader", "rex": "recorder", "rea": "reviewer",
                       "ravi": "reviewer"})  # fmt: skip
    return built


@pytest.fixture
def web(war: War, database_url: str) -> Iterator[TestClient]:
    yield from web_client(database_url)


def case_of(war: War, person_id: int) -> int:
    """The person's open case, as `rollbook missing --json` lists it."""
    cases = war.json("missing")["cases"]
    found: int = next(c["case_id"] for c in cases if c["person_id"] == person_id)
    return found


def incident(war: War) -> dict[str, Any]:
    """The incident with its steps, as `rollbook incident show --json` shows it."""
    shown: dict[str, Any] = war.json("incident", "show", str(INCIDENT))
    return shown


def identify(war: War, web: TestClient) -> int:
    """A recorder's identification of Varo Tenlik, through the API; its step's id."""
    done = web.post(f"/api/missing/{case_of(war, VARO)}/step", json=IDENTIFIED,
                    headers=bearer(token_of(war, "rex")))  # fmt: skip
    assert done.status_code == 201, done.text
    step_id: int = done.json()["payload"]["step_id"]
    return step_id


def test_the_public_a_reader_and_a_recorder_may_not_verify_and_nothing_is_written(
    war: War, web: TestClient
) -> None:
    case = case_of(war, VARO)
    reader, recorder = bearer(token_of(war, "rina")), bearer(token_of(war, "rex"))
    before = last_entry(war)
    verify, step = f"/api/incidents/{INCIDENT}/verify", f"/api/missing/{case}/step"
    assert web.post(verify, json=CONFIRMED).status_code == 403
    assert web.post(step, json=SEARCH).status_code == 403
    assert web.post("/api/missing/steps/1/confirm", json={}).status_code == 403
    for token in (reader, recorder):
        assert web.post(verify, json=CONFIRMED, headers=token).status_code == 403
    assert web.post(step, json=SEARCH, headers=reader).status_code == 403
    assert web.post("/api/missing/steps/1/confirm", json={}, headers=reader).status_code == 403
    # The public's session has a form token too (the log-in form's): its role still refuses.
    form_token = csrf(web)
    assert web.post(f"/incidents/{INCIDENT}/verify",
                    data={**CONFIRMED, "csrf": form_token}).status_code == 403  # fmt: skip
    assert web.post(f"/missing/{case}/step",
                    data={**SEARCH, "csrf": form_token}).status_code == 403  # fmt: skip
    assert log_in(web, "rina") == 303
    assert f'action="/missing/{case}/step"' not in web.get("/missing").text
    assert f'action="/incidents/{INCIDENT}/verify"' not in web.get("/incidents").text
    form_token = csrf(web, "/missing")
    assert web.post(f"/missing/{case}/step",
                    data={**SEARCH, "csrf": form_token}).status_code == 403  # fmt: skip
    assert web.post(f"/incidents/{INCIDENT}/verify",
                    data={**CONFIRMED, "csrf": form_token}).status_code == 403  # fmt: skip
    assert log_in(web, "rex") == 303  # a recorder handles the cases, but verifies nothing
    assert f'action="/incidents/{INCIDENT}/verify"' not in web.get("/incidents").text
    assert web.post(f"/incidents/{INCIDENT}/verify",
                    data={**CONFIRMED, "csrf": csrf(web, "/")}).status_code == 403  # fmt: skip
    assert last_entry(war) == before
    assert incident(war)["incident"]["state"] == "reported"


def test_a_reviewer_verifies_an_incident_from_the_incidents_page(war: War, web: TestClient) -> None:
    assert log_in(web, "rea") == 303
    page = web.get("/incidents")
    assert f'action="/incidents/{INCIDENT}/verify"' in page.text
    assert "<option>confirmed</option>" in page.text
    assert "<option>reported</option>" not in page.text  # where every incident begins
    form = {**CONFIRMED, "source_id": "", "csrf": csrf(web, "/incidents")}
    done = web.post(f"/incidents/{INCIDENT}/verify", data=form, follow_redirects=False)
    assert done.status_code == 303, done.text
    assert done.headers["location"] == f"/incidents#incident-{INCIDENT}"
    shown = incident(war)
    step = shown["steps"][-1]
    assert (shown["incident"]["state"], step["state"], step["actor"]) == (
        "confirmed", "confirmed", "rea",
    )  # fmt: skip
    assert (step["reason"], step["learned_on"]) == ("monitors saw the craters", "2020-10-20")
    entry = last_entry(war)
    assert (entry["action"], entry["actor"], entry["reason"]) == (
        "incident.verify", "rea", "monitors saw the craters",
    )  # fmt: skip
    assert entry["payload"]["step_id"] == step["id"]
    assert "<td>confirmed</td>" in web.get("/incidents").text
    assert "identical" in war.run("verify")  # the web's entry replays as it was written


def test_a_reviewer_verifies_an_incident_through_the_api(war: War, web: TestClient) -> None:
    disputed = {"state": "disputed", "reason": "no crater found", "learned_on": "November 2020"}
    done = web.post(f"/api/incidents/{INCIDENT}/verify", json=disputed,
                    headers=bearer(token_of(war, "rea")))  # fmt: skip
    assert done.status_code == 201, done.text
    written = done.json()
    assert written == last_entry(war)
    assert (written["actor"], written["action"]) == ("rea", "incident.verify")
    assert written["payload"]["learned_on"] == "2020-11-01"  # a month stands for its first day
    (listed,) = web.get("/api/incidents").json()["incidents"]
    assert (listed["id"], listed["state"]) == (INCIDENT, "disputed")
    assert incident(war)["steps"][-1]["actor"] == "rea"


def test_a_recorder_moves_a_case_on_from_the_missing_page(war: War, web: TestClient) -> None:
    case = case_of(war, VARO)
    assert log_in(web, "rex") == 303
    page = web.get("/missing")
    assert f'action="/missing/{case}/step"' in page.text
    assert "<option>under_search</option>" in page.text
    form = {**SEARCH, "effective": "", "source_id": "", "reason": "family asked",
            "csrf": csrf(web, "/missing")}  # fmt: skip
    done = web.post(f"/missing/{case}/step", data=form, follow_redirects=False)
    assert done.status_code == 303, done.text
    assert done.headers["location"] == f"/missing#case-{case}"
    (varo,) = [c for c in web.get("/api/missing").json()["cases"] if c["case_id"] == case]
    assert (varo["state"], varo["still_missing"]) == ("under_search", True)
    entry = last_entry(war)
    assert (entry["action"], entry["actor"], entry["reason"]) == (
        "case.step", "rex", "family asked",
    )  # fmt: skip
    assert entry["payload"]["note"] == "hospitals asked"
    assert "identical" in war.run("verify")


def test_a_recorder_resolves_a_case_through_the_api(war: War, web: TestClient) -> None:
    case, token = case_of(war, VARO), token_of(war, "rex")
    found = {"step": "found_alive", "effective": "2021-02", "learned_on": "2021-02-20",
             "evidence": "witness", "reason": "he called his father"}  # fmt: skip
    done = web.post(f"/api/missing/{case}/step", json=found, headers=bearer(token))
    assert done.status_code == 201, done.text
    written = done.json()
    assert written == last_entry(war)
    assert (written["actor"], written["action"]) == ("rex", "case.step")
    assert written["payload"]["effective"] == "2021-02"
    cases = web.get("/api/missing", headers=bearer(token)).json()["cases"]
    assert case not in {c["case_id"] for c in cases}
    person = web.get(f"/api/persons/{VARO}", headers=bearer(token)).json()
    assert person["status"] == "found_alive"


def test_an_identification_counts_once_a_reviewer_confirms_it_from_the_page(
    war: War, web: TestClient
) -> None:
    step_id = identify(war, web)
    cases = web.get("/api/missing", headers=bearer(token_of(war, "rex"))).json()["cases"]
    (varo,) = [c for c in cases if c["person_id"] == VARO]
    assert (varo["waiting_step"], varo["still_missing"]) == (step_id, True)
    assert log_in(web, "rex") == 303  # a recorder may not confirm, even another's
    assert f"/missing/steps/{step_id}/confirm" not in web.get("/missing").text
    refused = web.post(f"/missing/steps/{step_id}/confirm", data={"csrf": csrf(web, "/missing")})
    assert refused.status_code == 403
    assert log_in(web, "rea") == 303
    page = web.get("/missing")
    assert f'action="/missing/steps/{step_id}/confirm"' in page.text
    form = {"confirmed_on": "2021-02-03", "reason": "DNA report checked",
            "csrf": csrf(web, "/missing")}  # fmt: skip
    done = web.post(f"/missing/steps/{step_id}/confirm", data=form, follow_redirects=False)
    assert done.status_code == 303, done.text
    entry = last_entry(war)
    assert (entry["action"], entry["actor"], entry["payload"]) == (
        "case.confirm", "rea", {"step_id": step_id, "confirmed_on": "2021-02-03"},
    )  # fmt: skip
    assert VARO not in {c["person_id"] for c in web.get("/api/missing").json()["cases"]}
    assert web.get(f"/api/persons/{VARO}").json()["status"] == "killed"
    assert "identical" in war.run("verify")


def test_a_reviewer_may_not_confirm_their_own_identification(war: War, web: TestClient) -> None:
    token, other = bearer(token_of(war, "rea")), bearer(token_of(war, "ravi"))
    done = web.post(f"/api/missing/{case_of(war, VARO)}/step", json=IDENTIFIED, headers=token)
    assert done.status_code == 201, done.text
    step_id = done.json()["payload"]["step_id"]
    before = last_entry(war)
    problem = refusal(web.post(f"/api/missing/steps/{step_id}/confirm", headers=token))
    assert problem["loc"] == ["path", "step_id"], problem
    assert "a second person must confirm it" in problem["msg"]
    assert last_entry(war) == before
    confirmed = web.post(f"/api/missing/steps/{step_id}/confirm", json={"reason": "checked"},
                         headers=other)  # fmt: skip
    assert confirmed.status_code == 201, confirmed.text
    assert confirmed.json()["actor"] == "ravi"


def test_forms_without_the_session_s_token_and_the_api_without_a_token_are_refused(
    war: War, web: TestClient
) -> None:
    step_id = identify(war, web)
    before = last_entry(war)
    assert log_in(web, "rea") == 303
    forged = {"csrf": "forged"}
    assert web.post(f"/incidents/{INCIDENT}/verify",
                    data={**CONFIRMED, **forged}).status_code == 403  # fmt: skip
    assert web.post(f"/missing/{case_of(war, PELGRIN)}/step",
                    data={**SEARCH, **forged}).status_code == 403  # fmt: skip
    assert web.post(f"/missing/steps/{step_id}/confirm", data=forged).status_code == 403
    assert web.post(f"/incidents/{INCIDENT}/verify", data=CONFIRMED).status_code == 422
    # A logged-in session is no token: a cookie alone could come from any site.
    assert web.post(f"/api/incidents/{INCIDENT}/verify", json=CONFIRMED).status_code == 403
    assert web.post(f"/api/missing/steps/{step_id}/confirm").status_code == 403
    assert last_entry(war) == before


@pytest.mark.parametrize(
    ("incident_id", "change", "where", "reason"),
    [
        (INCIDENT, {"state": "proven"}, ["body", "state"], "Input should be"),
        (INCIDENT, {"state": "reported"}, ["body", "state"], "already reported"),
        (INCIDENT, {"state": "corroborated"}, ["body", "state"], "a second independent source"),
        (INCIDENT, {"reason": "  "}, ["body", "reason"], "needs a reason"),
        (INCIDENT, {"learned_on": "someday"}, ["body", "learned_on"], "not a date"),
        (INCIDENT, {"learned_on": "2999-01-01"}, ["body", "learned_on"], "after today"),
        (INCIDENT, {"learned_on": "2020-10-01"}, ["body", "learned_on"], "before the incident's"),
        (INCIDENT, {"source_id": 99}, ["body", "source_id"], "no source 99 in the register"),
        (INCIDENT, {"reason": "a\x00b"}, ["body", "reason"], "NUL"),
        (INCIDENT, {"colour": "red"}, ["body", "colour"], "Extra inputs"),
        (999, {}, ["path", "incident_id"], "no incident 999 in the register"),
    ],
)  # fmt: skip
def test_a_refused_verification_is_a_422_naming_the_field_and_nothing_is_written(
    war: War, web: TestClient, incident_id: int, change: dict[str, Any], where: list[str],
    reason: str,
) -> None:  # fmt: skip
    token = token_of(war, "rea")
    before = last_entry(war)
    problem = refusal(web.post(f"/api/incidents/{incident_id}/verify", headers=bearer(token),
                               json={**CONFIRMED, **change}))  # fmt: skip
    assert problem["loc"] == where and reason in problem["msg"], problem
    assert last_entry(war) == before
    assert [s["state"] for s in incident(war)["steps"]] == ["reported"]


@pytest.mark.parametrize(
    ("person", "change", "where", "reason"),
    [
        (VARO, {"step": "rescued"}, ["body", "step"], "Input should be"),
        (VARO, {"step": "reported"}, ["body", "step"], "reported once"),
        (VARO, {**IDENTIFIED, "evidence": "media_report"}, ["body", "evidence"],
         "an identification needs evidence of"),
        (VARO, {"evidence": "rumour"}, ["body", "evidence"], "Input should be"),
        (VARO, {"effective": "31.02.2021"}, ["body", "effective"], "February 2021 has no day 31"),
        (VARO, {"learned_on": "2020-11-01"}, ["body", "learned_on"], "before the case was"),
        (VARO, {"learned_on": "2999-01-01"}, ["body", "learned_on"], "after today"),
        (VARO, {"source_id": 99}, ["body", "source_id"], "no source 99 in the register"),
        (VARO, {"case_id": 2}, ["body", "case_id"], "Extra inputs"),
        (None, {}, ["path", "case_id"], "no case 999 in the register"),
        # Pelgrin Osk, reported missing, is listed killed since: found alive cannot follow.
        (PELGRIN, {"step": "found_alive", "learned_on": "2021-01-10"}, ["body", "step"],
         "cannot follow"),
    ],
)  # fmt: skip
def test_a_refused_step_is_a_422_naming_the_field_and_nothing_is_written(
    war: War, web: TestClient, person: int | None, change: dict[str, Any], where: list[str],
    reason: str,
) -> None:  # fmt: skip
    token = token_of(war, "rex")
    case = case_of(war, person) if person else 999
    before, cases = last_entry(war), war.json("missing")
    problem = refusal(web.post(f"/api/missing/{case}/step", headers=bearer(token),
                               json={**SEARCH, **change}))  # fmt: skip
    assert problem["loc"] == where and reason in problem["msg"], problem
    assert last_entry(war) == before
    assert war.json("missing") == cases


def test_a_refused_form_is_a_422_too(war: War, web: TestClient) -> None:
    before = last_entry(war)
    assert log_in(web, "rea") == 303
    form = {**SEARCH, "effective": "not a day", "csrf": csrf(web, "/missing")}
    refused = web.post(f"/missing/{case_of(war, VARO)}/step", data=form)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "effective"]
    form = {**CONFIRMED, "state": "proven", "csrf": form["csrf"]}
    refused = web.post(f"/incidents/{INCIDENT}/verify", data=form)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "state"]
    assert last_entry(war) == before


@pytest.mark.parametrize(
    ("asked", "where", "reason"),
    [
        ("unknown", ["path", "step_id"], "no case step 999 in the register"),
        ("search", ["path", "step_id"], "only an identification of the dead is confirmed"),
        ("early", ["body", "confirmed_on"], "before the step or after today"),
    ],
)
def test_a_refused_confirmation_is_a_422_naming_the_field_and_nothing_is_written(
    war: War, web: TestClient, asked: str, where: list[str], reason: str
) -> None:
    identified = identify(war, web)
    token, reviewer = bearer(token_of(war, "rex")), bearer(token_of(war, "rea"))
    searched = web.post(f"/api/missing/{case_of(war, PELGRIN)}/step", json=SEARCH, headers=token)
    step_id = {"unknown": 999, "search": searched.json()["payload"]["step_id"],
               "early": identified}[asked]  # fmt: skip
    body = {"confirmed_on": "2021-01-01"} if asked == "early" else {}
    before = last_entry(war)
    problem = refusal(web.post(f"/api/missing/steps/{step_id}/confirm", json=body,
                               headers=reviewer))  # fmt: skip
    assert problem["loc"] == where and reason in problem["msg"], problem
    assert last_entry(war) == before
