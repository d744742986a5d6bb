"""The administrator's pages: accounts and settings on the web, each change journalled in
the administrator's name through the command line's own applier, and nothing at all for
anyone else. On the small war of `registers.py`; every test runs on SQLite and on
PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from conftest import Cli
from integration.accounts import PASSWORD, add_accounts, csrf, log_in, token_of, web_client
from integration.registers import War, build_war

GETS = ("/users", "/api/users", "/settings", "/api/settings")
FORMS: dict[str, dict[str, str]] = {
    "/users": {"name": "sam", "role": "administrator", "password": PASSWORD},
    "/users/rina/disable": {},
    "/users/rina/token": {"label": "mine now"},
    "/settings": {"key": "war_start", "value": "2020-09-27"},
}
API: dict[str, dict[str, str]] = {
    "/api/users": {"name": "sam", "role": "administrator", "password": PASSWORD},
    "/api/users/rina/disable": {},
    "/api/users/rina/token": {"label": "mine now"},
    "/api/settings": {"key": "war_start", "value": "2020-09-27"},
}


@pytest.fixture
def war(cli: Cli, tmp_path: Path) -> War:
    built = build_war(cli, tmp_path / "lists")
    add_accounts(cli, {"ada": "administrator", "rina": "reader", "rex": "recorder",
                       "dora": "reviewer"})  # fmt: skip
    return built


@pytest.fixture
def web(war: War, database_url: str) -> Iterator[TestClient]:
    yield from web_client(database_url)


@pytest.fixture
def ada(web: TestClient) -> TestClient:
    """The test client, logged in as the administrator."""
    assert log_in(web, "ada") == 303
    return web


def journal(war: War) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = war.json("log")
    return entries


def post(web: TestClient, url: str, **form: str) -> Any:
    """A form sent with the session's token, as the page sends it."""
    return web.post(url, data={**form, "csrf": csrf(web)}, follow_redirects=False)


def test_no_one_but_an_administrator_reaches_the_pages_or_changes_anything(
    war: War, web: TestClient
) -> None:
    tokens = {name: token_of(war, name) for name in ("rina", "rex", "dora")}
    before = journal(war)
    for name in ("", "rina", "rex", "dora"):  # the public, a reader, a recorder, a reviewer
        web.cookies.clear()
        if name:
            assert log_in(web, name) == 303
        assert 'href="/users"' not in web.get("/").text
        for url in GETS:
            assert web.get(url).status_code == 403, (name, url)
        for url, form in FORMS.items():
            assert post(web, url, **form).status_code == 403, (name, url)
        headers = {"Authorization": f"Bearer {tokens[name]}"} if name else {}
        for url, body in API.items():
            assert web.post(url, json=body, headers=headers).status_code == 403, (name, url)
    assert journal(war) == before


def test_an_administrator_sees_every_account_and_never_a_hash(war: War, ada: TestClient) -> None:
    war.run("user", "token", "rex")
    listed = ada.get("/api/users").json()
    assert [(u["name"], u["role"], u["disabled"]) for u in listed["users"]] == [
        ("ada", "administrator", False), ("rina", "reader", False),
        ("rex", "recorder", False), ("dora", "reviewer", False),
    ]  # fmt: skip
    assert all(set(u) == {"id", "name", "role", "disabled"} for u in listed["users"])
    assert listed["roles"] == ["reader", "recorder", "reviewer", "administrator"]
    page = ada.get("/users")
    assert page.status_code == 200 and "dora" in page.text
    assert 'href="/users"' in page.text and 'href="/settings"' in page.text
    for answer in (page.text, ada.get("/api/users").text):
        assert "argon2" not in answer and "hash" not in answer


def test_an_administrator_adds_an_account_that_logs_in(war: War, ada: TestClient) -> None:
    added = post(ada, "/users", name="sam", role="recorder", password=PASSWORD,
                 reason="joins the team")  # fmt: skip
    assert added.status_code == 303 and added.headers["location"] == "/users"
    assert "sam" in ada.get("/users").text
    entry = journal(war)[-1]
    assert (entry["action"], entry["actor"], entry["reason"]) == ("user.add", "ada",
                                                                  "joins the team")  # fmt: skip
    assert entry["payload"]["name"] == "sam" and "password_hash" not in entry["payload"]
    ada.cookies.clear()
    assert log_in(ada, "sam") == 303
    assert "sam (recorder)" in ada.get("/").text


@pytest.mark.parametrize(
    ("form", "why"),
    [
        ({"name": "sam", "password": "short"}, "at least 12 characters"),
        ({"name": "rina", "password": PASSWORD}, "already an account named"),
        ({"name": "sam", "password": PASSWORD, "role": "public"}, "a role is one of"),
        ({"name": "  ", "password": PASSWORD}, "an account needs a name"),
        ({"name": "sam\x00", "password": PASSWORD}, "control characters"),
        ({"name": "sam", "password": PASSWORD, "reason": "a\x00b"}, "control characters"),
    ],
)
def test_a_refused_account_is_a_422_and_writes_nothing(
    war: War, ada: TestClient, form: dict[str, str], why: str
) -> None:
    before = journal(war)
    refused = post(ada, "/users", **form)
    assert refused.status_code == 422 and why in refused.text
    assert 'id="refused"' in refused.text  # the page again, saying why
    assert journal(war) == before
    assert [u["name"] for u in ada.get("/api/users").json()["users"]] == [
        "ada", "rina", "rex", "dora"
    ]  # fmt: skip


def test_a_form_without_the_session_s_token_is_refused_and_writes_nothing(
    war: War, ada: TestClient
) -> None:
    before = journal(war)
    for url, form in FORMS.items():
        forged = ada.post(url, data={**form, "csrf": "forged"}, follow_redirects=False)
        assert forged.status_code == 403, url
        assert ada.post(url, data=form).status_code == 422, url  # no token at all
    assert journal(war) == before


def test_an_administrator_disables_an_account_but_not_their_own(war: War, ada: TestClient) -> None:
    done = post(ada, "/users/rina/disable", reason="left the team")
    assert done.status_code == 303
    entry = journal(war)[-1]
    assert (entry["action"], entry["actor"], entry["reason"]) == ("user.disable", "ada",
                                                                  "left the team")  # fmt: skip
    assert [u["disabled"] for u in ada.get("/api/users").json()["users"]] == [
        False, True, False, False
    ]  # fmt: skip
    before = journal(war)
    own = post(ada, "/users/ada/disable")
    assert own.status_code == 422 and "their own account" in own.text
    assert post(ada, "/users/nobody/disable").status_code == 422
    assert journal(war) == before
    assert ada.get("/users").status_code == 200  # still an administrator
    ada.cookies.clear()
    assert log_in(ada, "rina") == 401


def test_a_token_is_shown_once_and_kept_only_as_a_hash(war: War, ada: TestClient) -> None:
    issued = post(ada, "/users/rex/token", label="nightly export")
    assert issued.status_code == 200 and issued.headers["cache-control"] == "no-store"
    token = issued.text.split('<code class="token">')[1].split("</code>")[0]
    assert len(token) > 30
    entry = journal(war)[-1]
    assert (entry["action"], entry["actor"]) == ("user.token", "ada")
    assert token not in str(journal(war)) and token not in ada.get("/users").text
    with_token = {"Authorization": f"Bearer {token}"}
    assert ada.get("/api/journal", headers=with_token).status_code == 200  # rex, a recorder
    war.run("user", "disable", "dora")
    assert post(ada, "/users/dora/token").status_code == 422  # a disabled account


def test_an_administrator_sets_the_war_s_start(war: War, ada: TestClient) -> None:
    [setting] = ada.get("/api/settings").json()["settings"]
    assert setting["key"] == "war_start" and setting["value"] == ""
    assert "the war began" in setting["description"]
    assert "war_start" in ada.get("/settings").text
    done = post(ada, "/settings", key="war_start", value="27.09.2020", reason="the ceasefire")
    assert done.status_code == 303 and done.headers["location"] == "/settings"
    assert ada.get("/api/settings").json()["settings"][0]["value"] == "2020-09-27"
    entry = journal(war)[-1]
    assert (entry["action"], entry["actor"]) == ("register.set", "ada")
    assert entry["payload"] == {"key": "war_start", "value": "2020-09-27"}
    before = journal(war)
    for key, value, why in (("peace", "2021-01-01", "no setting"),
                            ("war_start", "soon", "not a date"),
                            ("war_start", "2999-01-01", "in the future")):  # fmt: skip
        refused = post(ada, "/settings", key=key, value=value)
        assert refused.status_code == 422 and why in refused.text, refused.text
    assert journal(war) == before


def test_the_api_twins_need_an_administrator_s_token(war: War, ada: TestClient) -> None:
    for url, body in API.items():  # a session alone carries no form token
        assert ada.post(url, json=body).status_code == 403, url
    admin = {"Authorization": f"Bearer {token_of(war, 'ada')}"}
    added = ada.post("/api/users", json={"name": "sam", "password": PASSWORD}, headers=admin)
    assert added.status_code == 201 and added.json()["role"] == "reader"
    issued = ada.post("/api/users/sam/token", json={"label": "x"}, headers=admin)
    assert issued.status_code == 201 and issued.headers["cache-control"] == "no-store"
    sam = {"Authorization": f"Bearer {issued.json()['token']}"}
    assert ada.get("/api/persons", headers=sam).status_code == 200
    assert ada.post("/api/users/sam/disable", headers=admin).json()["disabled"] is True
    assert ada.get("/api/persons", headers=sam).status_code == 401
    assert ada.post("/api/users/ada/disable", headers=admin).status_code == 422
    weak = ada.post("/api/users", json={"name": "tom", "password": "short"}, headers=admin)
    assert weak.status_code == 422 and "at least 12" in weak.json()["detail"]
    body = {"key": "war_start", "value": "2020-09", "reason": "by the API"}
    assert ada.post("/api/settings", json=body, headers=admin).json()["value"] == "2020-09"
    assert [e["actor"] for e in journal(war)[-5:]] == ["tester", "ada", "ada", "ada", "ada"]


def test_an_account_whose_name_holds_a_slash_is_reached_from_its_page(
    war: War, ada: TestClient
) -> None:
    assert post(ada, "/users", name="ops/north 50%", password=PASSWORD).status_code == 303
    page = ada.get("/users").text
    action = re.search(r'action="(/users/ops[^"]*/disable)"', page)
    assert action is not None and action.group(1) == "/users/ops/north%2050%25/disable"
    assert post(ada, action.group(1)).status_code == 303
    assert journal(war)[-1]["payload"] == {"name": "ops/north 50%"}
