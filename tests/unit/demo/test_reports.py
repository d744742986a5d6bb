"""The demo's statements read into the story of issue 2: the ministry's tolls revising each
other, its missing, and the NGO's own count."""

from __future__ import annotations

from pathlib import Path

from rollbook.demo.reports import MINISTRY_OUTLET, NGO_OUTLET, write_demo_reports
from rollbook.ingest.figures import FoundClaim, read_figures
from rollbook.ingest.figures.when import opening_date

MINISTRY = "Ministry of Defence of Azerbaijan"
WORDS = {"exact": "", "at_least": "at least ", "about": "about "}


def figure(claim: FoundClaim) -> str:
    earlier = f" (up from {claim.previous_value:,})" if claim.previous_value else ""
    return f"{WORDS[claim.qualifier.value]}{claim.value:,}{earlier}"


def test_the_statements_give_the_announced_figures(tmp_path: Path) -> None:
    read = []
    for path, report in write_demo_reports(tmp_path):
        text = path.read_text(encoding="utf-8")
        published = opening_date(text)
        assert published is not None
        for c in read_figures(text, published, report.outlet):
            read.append((published.isoformat(), c.claimant, c.category.value, figure(c)))
    assert read == [
        ("2020-12-03", MINISTRY, "killed", "2,783"),
        ("2020-12-18", MINISTRY, "killed", "2,855"),
        ("2021-01-08", MINISTRY, "killed", "at least 2,881 (up from 2,855)"),
        ("2021-01-08", MINISTRY, "missing", "28"),
        ("2021-01-15", NGO_OUTLET, "killed", "about 2,900"),
    ]
    assert MINISTRY_OUTLET.startswith("Ministry of Defence")
