"""The public pages in a real browser: Debian's Chromium, driven by Playwright, against
`rollbook serve`'s application on loopback, over the small war of `registers.py`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from browser.support import not_blank


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


def test_the_incidents_map_draws_boundaries_and_points_offline(
    site: str, browser: Any, tmp_path: Path
) -> None:
    page = browser.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site + "/incidents")
    page.wait_for_selector("#map[data-loaded='2']", state="attached")
    # The countries' outlines and the two incidents' points are drawn as paths.
    page.wait_for_function(
        "document.querySelectorAll('#map path.leaflet-interactive').length > 100"
    )
    assert all(url.startswith(site) for url in asked), asked  # nothing from elsewhere
    shot = page.locator("#map").screenshot()
    (tmp_path / "map.png").write_bytes(shot)
    assert not_blank(shot)
    page.close()
