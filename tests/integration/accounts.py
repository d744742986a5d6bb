"""Accounts and a browser-like client for the web tests: the same password for everyone,
accounts added as `rollbook user add` adds them, a log-in through the form; and what the
write tests check: the journal's last entry, and the problem a refusal names."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from fastapi.testclient import TestClient
from httpx2 import Response

from conftest import Cli
from integration.registers import War
from rollbook.store.database import Register
from rollbook.web.app import create_app

PASSWORD = "correct horse battery staple"


def add_accounts(cli: Cli, roles: Mapping[str, str]) -> None:
    """Add each account (name: role) with the shared password."""
    for name, role in roles.items():
        added = cli("user", "add", name, "--role", role, "--password-stdin", input=PASSWORD + "\n")
        assert added.exit_code == 0, added.output


def web_client(database_url: str) -> Iterator[TestClient]:
    """A client of the app over the register. It speaks HTTP, as a server on loopback
    does: cookies not HTTPS-only."""
    with TestClient(create_app(Register.open(database_url), secure_cookies=False)) as client:
        yield client


def csrf(web: TestClient, url: str = "/login") -> str:
    """The session's form token, as a page's form carries it."""
    page = web.get(url)
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found is not None, page.text
    return found.group(1)


def log_in(web: TestClient, name: str, password: str = PASSWORD) -> int:
    """Log in through the form; the answer's status code."""
    form = {"name": name, "password": password, "csrf": csrf(web)}
    return web.post("/login", data=form, follow_redirects=False).status_code


def token_of(war: War, name: str) -> str:
    """A new token for an account, as `rollbook user token` shows it."""
    issued: str = war.run("user", "token", name).splitlines()[-1]
    return issued


def bearer(token: str) -> dict[str, str]:
    """The header a script sends its token in."""
    return {"Authorization": f"Bearer {token}"}


def last_entry(war: War) -> dict[str, Any]:
    """The journal's last entry, as `rollbook log --json` shows it."""
    (entry,) = war.json("log", "--limit", "1")
    found: dict[str, Any] = entry
    return found


def refusal(answer: Response) -> dict[str, Any]:
    """The one problem a refused request's 422 names: where (`loc`) and why (`msg`)."""
    assert answer.status_code == 422, answer.text
    (problem,) = answer.json()["detail"]
    found: dict[str, Any] = problem
    return found
