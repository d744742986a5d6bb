"""The review queue in the browser and through the API: reviewers rule, the ruling is
journalled in their name and holds; nobody else may. On the small war of `registers.py`
plus a press list whose spellings leave two pairs for review. Every test runs on SQLite and
on PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import Cli
from integration.accounts import PASSWORD, add_accounts, web_client
from integration.registers import War, build_war

PRESS = "Name,Date of death,Region\nOskan Tarveli,2020-10-03,North\nZelik Brunoff,2020-10,North\n"


@pytest.fixture
def war(cli: Cli, tmp_path: Path) -> War:
    built = build_war(cli, tmp_path / "lists")
    (tmp_path / "press.csv").write_text(PRESS, encoding="utf-8")
    built.run("import", str(tmp_path / "press.csv"), "--status", "killed", "--published",
              "2021-02-01", "--kind", "news_report")  # fmt: skip
    built.run("link")
    add_accounts(cli, {"rina": "reader", "ravi": "reviewer"})
    return built


@pytest.fixture
def web(war: War, database_url: str) -> Iterator[TestClient]:
    yield from web_client(database_url)


def form_token(web: TestClient, url: str) -> str:
    token = re.search(r'name="csrf" value="([^"]+)"', web.get(url).text)
    assert token is not None
    return token.group(1)


def log_in(web: TestClient, name: str) -> str:
    """Log in; the new session's form token (a log-in starts a session afresh)."""
    form = {"name": name, "password": PASSWORD, "csrf": form_token(web, "/login")}
    assert web.post("/login", data=form, follow_redirects=False).status_code == 303
    return form_token(web, "/")


def test_only_reviewers_see_the_queue(web: TestClient) -> None:
    assert web.get("/review").status_code == 403
    assert web.get("/api/review").status_code == 403
    log_in(web, "rina")
    assert web.get("/api/review").status_code == 403
    web.cookies.clear()
    log_in(web, "ravi")
    queue = web.get("/api/review").json()["pairs"]
    assert len(queue) == 2
    assert {"field": "full_name", "left": "Zelik Brunov", "right": "Zelik Brunoff"} in queue[0][
        "fields"
    ]
    assert "name" in queue[0]["weights"]


def test_a_ruling_from_the_page_is_journalled_in_the_reviewer_s_name(
    war: War, web: TestClient
) -> None:
    csrf = log_in(web, "ravi")
    left, right = web.get("/api/review").json()["pairs"][0]["records"]
    form = {"left": left, "right": right, "ruling": "same", "reason": "one man", "csrf": csrf}
    assert web.post("/review", data=form, follow_redirects=False).status_code == 303
    # Both pairs set the press's "Zelik Brunoff" beside a ministry record of one man.
    assert web.get("/api/review").json()["pairs"] == []
    assert "The review queue is empty." in web.get("/review").text
    [entry] = war.json("log", "--limit", "1")
    assert (entry["actor"], entry["action"], entry["reason"]) == ("ravi", "link.rule", "one man")
    assert entry["payload"]["ruling"] == "same"
    war.run("link")  # a later run honours the ruling: nothing to ask again
    assert web.get("/api/review").json()["pairs"] == []
    forged = {**form, "csrf": "forged"}
    assert web.post("/review", data=forged).status_code == 403


def test_rulings_through_the_api_need_a_reviewer_s_token(war: War, web: TestClient) -> None:
    pair = web.get("/api/review", headers=_bearer(war, "ravi")).json()["pairs"][1]["records"]
    body = {"records": pair, "ruling": "different", "reason": "two men"}
    assert web.post("/api/review", json=body).status_code == 403  # no token, no session
    ruled = web.post("/api/review", json=body, headers=_bearer(war, "ravi"))
    assert ruled.status_code == 200 and ruled.json()["ruling"] == "different"
    reader = web.post("/api/review", json=body, headers=_bearer(war, "rina"))
    assert reader.status_code == 403
    bad = web.post("/api/review", json={**body, "ruling": "maybe"}, headers=_bearer(war, "ravi"))
    assert bad.status_code == 422


def _bearer(war: War, name: str) -> dict[str, str]:
    return {"Authorization": "Bearer " + war.run("user", "token", name).splitlines()[-1]}
