"""The public pages in a real browser: Debian's Chromium, driven by Playwright, against
`rollbook serve`'s application on loopback, over the small war of `registers.py`.

Skipped where Chromium or Playwright is absent, saying why; where ROLLBOOK_REQUIRE_SERVICES
is set (as in CI) that is a failure instead.
"""

from __future__ import annotations

import io
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from PIL import Image
from typer.testing import CliRunner, Result

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
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(Register.open(url)), host="127.0.0.1", port=port,
                            log_level="warning")  # fmt: skip
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


def not_blank(png: bytes) -> bool:
    """Whether a screenshot shows something: more than one colour."""
    image = Image.open(io.BytesIO(png)).convert("L")
    low, high = image.getextrema()
    return bool(high - low > 50)


def test_search_in_any_script_then_a_person_page(site: str, browser: Any, tmp_path: Path) -> None:
    page = browser.new_page()
    page.goto(site + "/")
    assert "Still missing" in page.text_content("main")
    page.fill("header input[name=q]", "TARVELLI")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/persons?q=TARVELLI*")
    assert "1 found" in page.text_content("#found")
    page.click("text=Oskan Tarvelli")
    page.wait_for_url("**/persons/3")
    assert page.text_content("h1") == "Oskan Tarvelli"
    shot = page.screenshot(full_page=True)
    (tmp_path / "person.png").write_bytes(shot)
    assert not_blank(shot)
    page.close()


def test_the_missing_are_not_found_and_markup_stays_text(site: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(site + "/persons?q=Tenlik")
    assert "0 found" in page.text_content("#found")
    page.goto(site + "/persons?q=" + "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert page.query_selector("main img") is None  # shown as text, never as markup
    assert "<img src=x onerror=alert(1)>" in page.text_content("#found")
    page.close()
