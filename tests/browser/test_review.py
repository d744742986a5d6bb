"""A reviewer logs in and rules on a pair with the keyboard, in Debian's Chromium."""

from __future__ import annotations

from typing import Any

from browser.support import PASSWORD, not_blank


def test_a_reviewer_logs_in_and_rules_with_a_key(site: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(site + "/review")
    assert "403" in page.title() or "needs a reviewer" in page.content()
    page.goto(site + "/login")
    page.fill("input[name=name]", "ravi")
    page.fill("input[name=password]", PASSWORD)
    page.click("text=Log in >> nth=-1")
    page.wait_for_url(site + "/")
    assert page.text_content("#who") == "ravi (reviewer)"
    page.click("nav >> text=Review")
    page.wait_for_url("**/review")
    waiting = page.text_content("#waiting")
    assert waiting is not None and "Zelik Brunoff" in page.text_content("table")
    assert not_blank(page.screenshot())
    page.keyboard.press("s")  # same person
    page.wait_for_selector("#empty")
    assert page.text_content("#empty") == "The review queue is empty."
    page.close()
