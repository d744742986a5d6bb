"""The figure reader on texts assembled at random from the shapes reports take (headlines,
datelines, quotations, tables, question-and-answer lines, lists) and from arbitrary text:
it never fails, and every claim it reads points at the words that state it."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from rollbook.ingest.figures import read_figures

#: Lines (and a table) written for this test in the shapes the reader meets; all synthetic.
LINES = [
    "Strikes kill 17 in Tarvel, monitor says",
    "TARVEL, May 3 (Harbour Wire) - At least 17 civilians were killed, a war monitor said.",
    "The Northland Observatory for Civilian Harm said 26 people had been wounded.",
    "A ministry spokeswoman, Ilka Varo, said 12 soldiers were killed.",
    '"We received 64 wounded," said Dr Mara Oss, NSG\'s medical coordinator.',
    "A war monitor said:",
    "| Region | Killed | Wounded |\n|---|---|---|\n| North | 12 | 30 |",
    "Q: How many are missing?",
    "A: By our count, 3,416 people are still missing.",
    "Mira Tallen has chaired the Northland Commission on Missing Persons since 2029.",
    "- The MoH says 57 of the dead are children.",
    "The toll rose overnight, to 66 from 63.",
    "It had previously put the toll at 197.",
    "No one was killed, the army said; the toll could reach 300.",
    "## Casualties",
    "Killed: 1 294",
    "",
    "SEVERAL",
    "dozens",
]


def assert_read_whole(text: str) -> None:
    for claim in read_figures(text, dt.date(2030, 5, 3), "Harbour Wire"):
        assert text[claim.start : claim.end] == claim.quote


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=12))
def test_reports_of_any_shape_read_whole(lines: list[str]) -> None:
    assert_read_whole("\n".join(lines))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=80)), max_size=8))
def test_arbitrary_text_among_them_reads_whole(lines: list[str]) -> None:
    assert_read_whole("\n".join(lines))
