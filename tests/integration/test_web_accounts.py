"""Accounts on the web: log-in with CSRF tokens and rate limits, roles that see more than
the public, tokens for scripts; and `rollbook user` that manages them. On the small war of
`registers.py`, where Varo Tenlik (person 2) is still missing and his family's contact is
protected. Every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from conftest import Cli
from integration.accounts import PASSWORD, add_accounts, csrf, log_in, token_of, web_client
from integration.registers import PERSON, War, build_war
from rollbook.web.app import FAILED_LOGINS, PUBLIC_SEARCHES

VARO = PERSON["Varo Tenlik"]


@pytest.fixture
def war(cli: Cli, tmp_path: Path) -> War:
    built = build_war(cli, tmp_path / "lists")
    add_accounts(cli, {"rina": "reader", "rex": "recorder", "dora": "reviewer"})
    built.run("user", "disable", "dora", "--reason", "left the team")
    return built


@pytest.fixture
def web(war: War, database_url: str) -> Iterator[TestClient]:
    yield from web_client(database_url)


def test_a_reader_sees_the_missing_but_no_protected_field(web: TestClient) -> None:
    assert web.get(f"/api/persons/{VARO}").status_code == 404  # the public: never the missing
    assert log_in(web, "rina") == 303
    varo = web.get(f"/api/persons/{VARO}")
    assert varo.status_code == 200 and varo.json()["name"] == "Varo Tenlik"
    assert "555 0188" not in varo.text and "Brel Yanov" not in varo.text
    assert "rina (reader)" in web.get("/").text


def test_a_recorder_sees_the_protected_fields(web: TestClient) -> None:
    assert log_in(web, "rex") == 303
    varo = web.get(f"/api/persons/{VARO}").json()
    [record] = varo["records"]
    assert "555 0188" in record["contact"] and record["reporter"] == "Platoon commander Brel Yanov"


def test_logging_out_needs_the_form_s_token_and_ends_the_session(web: TestClient) -> None:
    assert log_in(web, "rina") == 303
    assert web.post("/logout", data={"csrf": "forged"}).status_code == 403
    assert web.get(f"/api/persons/{VARO}").status_code == 200
    token = csrf(web, "/")
    assert web.post("/logout", data={"csrf": token}, follow_redirects=False).status_code == 303
    assert web.get(f"/api/persons/{VARO}").status_code == 404


def test_a_log_in_without_the_form_s_token_is_refused(web: TestClient) -> None:
    web.get("/login")
    form = {"name": "rina", "password": PASSWORD, "csrf": "not-the-token"}
    assert web.post("/login", data=form).status_code == 403
    assert web.post("/login", data={"name": "rina", "password": PASSWORD}).status_code == 422


def test_wrong_passwords_and_disabled_accounts_do_not_log_in_and_are_limited(
    web: TestClient,
) -> None:
    assert log_in(web, "dora") == 401  # disabled
    assert log_in(web, "nobody") == 401
    for _ in range(FAILED_LOGINS - 2):
        assert log_in(web, "rina", "not the password") == 401
    assert log_in(web, "rina") == 429  # even the right password, until the limit passes


def test_a_script_s_token_answers_for_its_account(war: War, web: TestClient) -> None:
    issued = war.run("user", "token", "rex", "--label", "nightly export").splitlines()[-1]
    with_token = {"Authorization": f"Bearer {issued}"}
    varo = web.get(f"/api/persons/{VARO}", headers=with_token)
    assert varo.status_code == 200 and "555 0188" in varo.text
    assert web.get("/api/persons", headers={"Authorization": "Bearer forged"}).status_code == 401
    war.run("user", "disable", "rex")
    assert web.get(f"/api/persons/{VARO}", headers=with_token).status_code == 401


def test_public_searches_are_rate_limited(web: TestClient) -> None:
    for _ in range(PUBLIC_SEARCHES):
        assert web.get("/api/persons?q=osk").status_code == 200
    assert web.get("/api/persons?q=osk").status_code == 429
    assert log_in(web, "rina") == 303
    assert web.get("/api/persons?q=osk").status_code == 200  # accounts are not limited


def test_accounts_are_journalled_without_their_secrets(war: War) -> None:
    listed = war.json("user", "list")
    assert [(u["name"], u["role"], u["disabled"]) for u in listed] == [
        ("rina", "reader", False), ("rex", "recorder", False), ("dora", "reviewer", True),
    ]  # fmt: skip
    log = json.dumps(war.json("log"))
    assert "user.add" in log and "password_hash" not in log and "argon2" not in log
    assert "identical" in war.run("verify")


def test_weak_passwords_and_duplicate_names_are_refused(cli: Cli, war: War) -> None:
    short = cli("user", "add", "sam", "--password-stdin", input="short\n")
    assert short.exit_code == 1 and "at least 12 characters" in short.output
    again = cli("user", "add", "rina", "--password-stdin", input=PASSWORD + "\n")
    assert again.exit_code == 1 and "already an account named 'rina'" in again.output


def test_the_missing_cases_are_for_readers_and_the_journal_for_recorders(web: TestClient) -> None:
    assert web.get("/api/missing").status_code == 403
    assert web.get("/missing").status_code == 403
    assert log_in(web, "rina") == 303
    cases = web.get("/api/missing", params={"known_on": "2020-12-01"}).json()
    assert cases["still_missing"] == 2
    assert {c["name"] for c in cases["cases"]} == {"Pelgrin Osk", "Varo Tenlik"}
    assert "555 0188" not in web.get("/missing").text
    assert web.get("/api/journal").status_code == 403
    assert web.get("/api/missing", params={"known_on": "not a day"}).status_code == 422
    web.cookies.clear()
    assert log_in(web, "rex") == 303
    entries = web.get("/api/journal", params={"limit": 5}).json()["entries"]
    assert entries[0]["action"] == "user.disable" and len(entries) == 5
    assert "password_hash" not in web.get("/api/journal", params={"limit": 500}).text
    assert "Journal" in web.get("/journal").text


LIST = "Name,Date of death\nVelan Osterik,2020-10-14\nMaren Dovik,2020-10-15\n"


def upload(web: TestClient, token: str, name: str, data: bytes, **fields: str) -> Any:
    return web.post(
        "/api/sources",
        headers={"Authorization": f"Bearer {token}"},
        files={"file": (name, data)},
        data=fields,
    )


def test_a_recorder_uploads_a_list_in_their_own_name(war: War, web: TestClient) -> None:
    token, reader = token_of(war, "rex"), token_of(war, "rina")
    refused = upload(web, reader, "list.csv", LIST.encode(), status="killed")
    assert refused.status_code == 403
    done = upload(web, token, "list.csv", LIST.encode(), status="killed",
                  published="2021-03-01", publisher="Northland Ministry")  # fmt: skip
    assert done.status_code == 201, done.text
    assert done.json()["records"] == 2
    again = upload(web, token, "list.csv", LIST.encode(), status="killed")
    assert again.json()["duplicate_of"] == done.json()["source_id"]
    entries = war.json("log", "--limit", "3")
    assert [e["actor"] for e in entries if e["action"] == "source.import"][-1] == "rex"


def test_an_oversized_or_broken_upload_is_refused_and_nothing_is_written(
    war: War, web: TestClient
) -> None:
    token = token_of(war, "rex")
    before = war.json("sources")
    web.app.state.max_upload = 1000  # type: ignore[attr-defined]
    big = upload(web, token, "big.csv", b"Name\n" + b"Osk Tarv\n" * 500, status="killed")
    assert big.status_code == 413
    assert "over the upload limit of 1,000 bytes" in big.json()["detail"]
    broken = upload(web, token, "broken.csv", b"Name,Date of death\nAmel Ruk,31.02.2020\n",
                    status="killed")  # fmt: skip
    assert broken.status_code == 422
    (problem,) = broken.json()["detail"]["problems"]
    assert (problem["file"], problem["row"], problem["column"]) == (
        "broken.csv",
        2,
        "Date of death",
    )
    assert war.json("sources") == before


def test_the_sources_page_takes_a_recorder_s_upload_with_the_form_s_token(
    web: TestClient,
) -> None:
    log_in(web, "rex")
    page = web.get("/sources")
    assert 'enctype="multipart/form-data"' in page.text
    files = {"file": ("list.csv", LIST.encode())}
    forged = web.post("/sources", files=files, data={"csrf": "not-the-token", "status": "killed"})
    assert forged.status_code == 403
    token = csrf(web, "/sources")
    done = web.post("/sources", files=files, data={"csrf": token, "status": "killed"},
                    follow_redirects=False)  # fmt: skip
    assert done.status_code == 303 and done.headers["location"].startswith("/sources/")
