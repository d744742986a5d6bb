"""What the browser tests share: a register served on loopback, and Debian's Chromium.

Skipped where Chromium or Playwright is absent, saying why; where ROLLBOOK_REQUIRE_SERVICES
is set (as in CI) that is a failure instead.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner, Result

from browser.support import PASSWORD, PRESS
from integration.registers import build_war
from pgserver import _unavailable
from rollbook.cli import app as cli_app
from rollbook.store.database import Register
from rollbook.web.app import create_app

#: Chromium on this closed network: no background connections, no sandbox as root.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The war's register served on a free loopback port; its base URL."""
    folder = tmp_path_factory.mktemp("web")
    url = f"sqlite:///{folder / 'register.db'}"

    def cli(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(cli_app, ["--db", url, *args], input=input)

    build_war(cli, folder / "lists")
    (folder / "press.csv").write_text(PRESS, encoding="utf-8")
    for args in (
        ("import", str(folder / "press.csv"), "--status", "killed", "--published", "2021-02-01"),
        ("link",),
        (
            "incident",
            "add",
            "--type",
            "shelling",
            "--date",
            "2020-10-12",
            "--lat",
            "40.1",
            "--lon",
            "46.2",
            "--place",
            "Testvale",
            "--reported-by",
            "Northland MoD",
            "--fatalities",
            "2",
        ),
        (
            "incident",
            "add",
            "--type",
            "drone_strike",
            "--date",
            "2020-10-14",
            "--lat",
            "39.8",
            "--lon",
            "46.9",
            "--place",
            "Old Mill",
            "--reported-by",
            "Southland monitors",
        ),
    ):
        assert cli(*args).exit_code == 0
    added = cli("user", "add", "ravi", "--role", "reviewer", "--password-stdin",
                input=PASSWORD + "\n")  # fmt: skip
    assert added.exit_code == 0, added.output
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    web = create_app(Register.open(url), secure_cookies=False)  # loopback, no TLS
    config = uvicorn.Config(web, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed (pip install -e '.[dev]')")
    if chromium is None:
        _unavailable("Chromium is not installed (Debian: apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
