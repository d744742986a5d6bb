"""Every operation of the JSON API, fuzzed from its OpenAPI description by schemathesis:
whatever a client sends, the answer is never a server error. On the small war of
`registers.py` in a SQLite file, as the public and as a reviewer with a token."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import given, settings
from typer.testing import CliRunner, Result

from integration.registers import build_war
from rollbook.cli import app as cli_app
from rollbook.store.database import Register
from rollbook.web.app import create_app

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def token(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A register with the war and a reviewer; its URL and the reviewer's token."""
    folder = tmp_path_factory.mktemp("fuzz")
    url = f"sqlite:///{folder / 'register.db'}"

    def cli(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(cli_app, ["--db", url, *args], input=input)

    build_war(cli, folder / "lists")
    assert cli("user", "add", "ravi", "--role", "reviewer", "--password-stdin",
               input=PASSWORD + "\n").exit_code == 0  # fmt: skip
    issued = cli("user", "token", "ravi").stdout.splitlines()[-1]
    return url, issued


@pytest.fixture(scope="module")
def api(token: tuple[str, str]) -> Any:
    url, _ = token
    web = create_app(Register.open(url), secure_cookies=False)
    return schemathesis.openapi.from_asgi("/openapi.json", web)


def fuzz(api: Any, headers: dict[str, str]) -> int:
    """Call every operation with the examples hypothesis draws from its description, and
    fail on any server error; how many operations were fuzzed."""
    operations = [result.ok() for result in api.get_all_operations()]
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=40, deadline=None, derandomize=True)
        def call(case: Any) -> None:
            response = case.call(headers=headers)
            assert response.status_code < 500, (case.method, case.formatted_path, response.text)

        call()
    return len(operations)


def test_the_public_never_meets_a_server_error(api: Any) -> None:
    assert fuzz(api, {}) >= 8


def test_a_reviewer_never_meets_a_server_error(api: Any, token: tuple[str, str]) -> None:
    assert fuzz(api, {"Authorization": f"Bearer {token[1]}"}) >= 8


@pytest.mark.parametrize(
    "body", [b'{"records": ["\\ud800"], "ruling": "same"}', b'{"\\udfff": 1, "ruling": "x"}']
)
def test_a_lone_surrogate_in_a_body_is_refused_by_name(token: tuple[str, str], body: bytes) -> None:
    url, issued = token
    headers = {"authorization": f"Bearer {issued}", "content-type": "application/json"}
    with TestClient(create_app(Register.open(url)), raise_server_exceptions=False) as client:
        answer = client.post("/api/review", content=body, headers=headers)
    assert answer.status_code == 422, answer.text
    assert all(problem["loc"][0] == "body" for problem in answer.json()["detail"])
