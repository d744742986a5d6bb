"""Sentences and tokens with their character offsets, so every claim can point at its words.

A handful of regular expressions rather than a language model: the offsets must be exact
and a report must read in a couple of milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final, NamedTuple

from rollbook.ingest.figures.lexicon import GRAMMAR_WORDS

# A numeral with thousands grouped by comma, point or a (narrow, no-break) space, then
# plain numerals and decimals; numeric compounds ("44-day", "19-year-old"), numeric ranges
# ("30-40") and ISO dates are single tokens so that the grammar sees them whole.
_TOKEN = re.compile(  # words first: most tokens are, and no other kind starts with a letter
    r"(?P<word>[^\W\d_]+(?:\.(?=[^\W\d_]\.))?(?:[-'’.]?[^\W_]+)*(?:(?<=\.[^\W\d_])\.)?(?:'s|’s)?)"
    # a digit first, then what stands before it: the engine tries the look back at digits only
    r"|(?P<date>\d(?<![\w.,:]\d)(?:\d{3}-\d{2}-\d{2}(?![\w-])|\d{2}0s\b))"  # "2591-11-07", "1990s"
    r"|(?P<range>\d(?<![\w.,:]\d)[\d,.]*\s?[-–—]\s?\d[\d,.]*(?![\w]))"
    r"|(?P<compound>\d+(?:[.,]\d+)?-(?:[^\W\d_]+)(?:-[^\W\d_]+)*)"
    r"|(?P<number>\d(?<![\w.,]\d)\d{0,2}(?:(?:,|\.|[ \u00a0\u202f\u2009])\d{3})+(?![\d])(?:\.\d+)?"
    r"|\d+,\d{1,2}(?=[ \u00a0]?(?:million|billion|thousand)\b)"  # "2,06 million": a decimal comma
    r"|\d+(?:\.\d+)?)"
    r"|(?P<punct>[^\w\s])"
)

#: A capital that starts a word. A pattern run over a whole text opens with the capital itself
#: and looks back for the word's start, so that the regex engine skips from capital to capital
#: instead of trying the pattern at every place in the text.
CAPITAL = r"[A-Z](?<=\b[A-Z])"

#: A word with the apostrophes and hyphens inside it, for taking a name or a heading apart.
WORDS = re.compile(r"[\w'’-]+")
#: A word's possessive ending: "ministry's", "town’s".
POSSESSIVE = re.compile(r"(?:'s|’s)$")


class Token(NamedTuple):
    """One word, numeral or mark, with where it stands in the document (a named tuple:
    a report makes thousands, and a tuple is the quickest to make)."""

    text: str
    low: str
    kind: str  # number, range, compound, date, word or punct
    start: int
    end: int


class Sentence:
    """A sentence (or a headline, list item or table row) of the document: a plain class
    with final fields rather than a dataclass, so that the compiled reader makes and reads
    it natively (a report makes dozens, and every rule reads them)."""

    __slots__ = ("end", "headline", "paragraph", "start", "tokens", "words")

    def __init__(
        self,
        start: int,
        end: int,
        tokens: tuple[Token, ...],
        paragraph: int,
        headline: bool,
        words: list[str],
    ) -> None:
        self.start: Final = start
        self.end: Final = end
        self.tokens: Final = tokens
        self.paragraph: Final = paragraph
        self.headline: Final = headline
        self.words: Final = words  # its tokens in lower case, made once for all readers


_ABBREVIATIONS = GRAMMAR_WORDS["abbreviations"]
_QUOTES = frozenset('"“”«»„')
_BREAK = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n")
#: What follows a leader of dots on its line: the figure it leads to.
_LEADER_TO = re.compile(r"[ \t]*[\w(~≈<>]")


def tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    """The tokens of text[start:end], with offsets into the whole text."""
    found: list[Token] = []
    add = found.append
    make = tuple.__new__  # a named tuple made without its Python-level __new__: thousands a report
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        kind = match.lastgroup or "punct"
        first, last = match.span()
        if kind == "word":  # most tokens
            add(make(Token, (word, word.lower(), kind, first, last)))
            continue
        if kind == "punct":
            if word in _QUOTES or (word == "*" and found):
                continue  # a quoted figure, or one in Markdown's bold, reads as the same figure
            add(make(Token, (word, word, kind, first, last)))
        else:
            add(make(Token, (word, word.lower(), kind, first, last)))
    return tuple(found)


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans: cut at a sentence's final mark or at the end of a line."""
    begin = 0
    for match in _BREAK.finditer(text):
        if match.group() == "\n":
            line = text[begin : match.start()].rstrip()
            following = text[match.end() : match.end() + 1]
            # A line wrapped inside a sentence goes on; a line that ends a thought breaks.
            if line and line[-1].isalpha() and following.islower():
                continue
            yield begin, match.start()
            begin = match.end()
            continue
        if match.group().startswith("....") and _LEADER_TO.match(text, match.end()):
            continue  # dots leading from a label to its figure: "Killed ........ 17"
        before = text[begin : match.start()].rsplit(None, 1)
        last_word = before[-1].lower().lstrip("(\"'") if before else ""
        if match.group().startswith(".") and (
            last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha())
        ):
            continue
        yield begin, match.end()
        begin = match.end()
    yield begin, len(text)


def sentences(text: str) -> list[Sentence]:
    """The document cut into sentences; the first short unpunctuated line is a headline."""
    result: list[Sentence] = []
    paragraph = 0
    for start, end in _pieces(text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        if result and "\n\n" in text[result[-1].end : start].replace("\r", ""):
            paragraph += 1
        words = tokens(text, start, end)
        if not words:
            continue
        headline = not result and text[end - 1] not in '.!?"”' and end - start < 200
        result.append(Sentence(start, end, words, paragraph, headline, [t.low for t in words]))
    return result
