"""A report's claims marked in its text: where a claim's words stand in the text as laid out
now, also for a report read when pages were laid out otherwise."""

from __future__ import annotations

from rollbook.model.claims import Category, Claim, Qualifier
from rollbook.model.dates import PartialDate
from rollbook.web.sources import _located, _marked

TEXT = "Weekly bulletin\n\nThe ministry said 12 soldiers were killed."
QUOTE = "12 soldiers were killed"


def _claim(span: tuple[int, int] | None, quote: str = QUOTE) -> Claim:
    day = PartialDate.from_iso("2591-03-04")
    return Claim(1, "ministry", Category.KILLED, Qualifier.EXACT, day, value=12, quote=quote,
                 span=span)  # fmt: skip


def test_a_claim_whose_span_holds_its_words_is_marked_there() -> None:
    start = TEXT.index(QUOTE)
    claim = _located(TEXT, _claim((start, start + len(QUOTE))))
    assert claim.span == (start, start + len(QUOTE))
    assert [p["text"] for p in _marked(TEXT, [claim]) if p["claim"]] == [QUOTE]


def test_a_claim_read_from_an_older_layout_is_marked_where_its_words_now_stand() -> None:
    start = TEXT.index(QUOTE)
    moved = _claim((start + 40, start + 40 + len(QUOTE)))  # a menu stood before it then
    assert _located(TEXT, moved).span == (start, start + len(QUOTE))


def test_a_claim_whose_words_are_gone_is_not_marked() -> None:
    claim = _located(TEXT, _claim((3, 10), quote="30 were wounded"))
    assert claim.span is None
    assert all(p["claim"] is None for p in _marked(TEXT, [claim]))
