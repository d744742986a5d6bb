"""A report's text from its bytes: the encoding found, HTML laid out as text by inscriptis.

A claim's span points into this text, so it is derived the same way every time from the
stored bytes: line ends made "\\n", HTML without its scripts, styles, menus and markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inscriptis import get_text
from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.html_properties import Display
from inscriptis.model.config import ParserConfig
from inscriptis.model.html_element import HtmlElement

from rollbook.ingest.tables import TableError, detect_encoding

MAX_DOCUMENT_BYTES = 16 << 20
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", *HTML_SUFFIXES)


class DocumentError(ValueError):
    """A file that is not a readable report: empty, binary, too large, of unknown encoding."""


@dataclass(frozen=True)
class Document:
    """A report's text as Rollbook reads it, and the form it came in."""

    text: str
    format: str  # text, markdown or html
    encoding: str


#: Between the cells of an HTML table's row as laid out: a character no page's text holds.
_CELLS = "\x1f"
#: A page's menus and its controls' labels are left out: "Home Ministry Hospitals Bulletins"
#: is no sentence and no name, nor is "Ministry of Defence Go" with a search button's "Go".
_LAYOUT_CSS = {
    **CSS_PROFILES["relaxed"],
    "nav": HtmlElement(display=Display.none),
    "button": HtmlElement(display=Display.none),
    "select": HtmlElement(display=Display.none),
    # a definition list's term before its description: "Speaker: Ravina Castellanos, ..."
    "dt": HtmlElement("dt", suffix=": "),
}
#: Where a definition list's term starts, which opens a line of its own.
_TERM = re.compile(r"<dt\b", re.IGNORECASE)
_HTML_LAYOUT = ParserConfig(css=_LAYOUT_CSS, table_cell_separator=_CELLS)


def _html_text(html: str) -> str:
    """An HTML page's text, each table of it a Markdown table: its first row the header, a
    rule beneath, its cells between bars, so that a table reads as the tables reports write."""
    lines = get_text(_TERM.sub("<br><dt", html.replace(_CELLS, " ")), _HTML_LAYOUT).split("\n")
    result: list[str] = []
    i = 0
    while i < len(lines):
        end = i
        while end < len(lines) and _CELLS in lines[end]:
            end += 1
        block = lines[i:end]
        if not _data_table(block):  # text laid out in a table is text
            result += [line.replace(_CELLS, "  ") for line in lines[i : max(end, i + 1)]]
            i = max(end, i + 1)
            continue
        rows = [f"| {line.rstrip().replace(_CELLS, ' | ')} |" for line in block]
        columns = max(line.count(_CELLS) for line in block) + 1
        result += [rows[0], "|" + "---|" * columns, *rows[1:]]
        i = end
    return "\n".join(result)


def _data_table(rows: list[str]) -> bool:
    """Whether laid-out table rows hold data (short cells, a header and rows), not a page's
    layout (whole paragraphs in a cell)."""
    return len(rows) >= 2 and all(
        len(cell.strip()) <= 80 for row in rows for cell in row.split(_CELLS)
    )


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head


def document_text(data: bytes, filename: str, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> Document:
    """The text of a report file; raises DocumentError saying why a file cannot be read."""
    if not data.strip():
        raise DocumentError("the file is empty")
    if len(data) > max_bytes:
        raise DocumentError(
            f"the file is {len(data):,} bytes, over the limit of {max_bytes:,} for one report"
        )
    sample = data[:65536]
    try:
        encoding = detect_encoding(sample)
    except TableError as error:
        raise DocumentError(
            error.reason.replace("not a table: ", "not a text document: ")
        ) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DocumentError(
            f"not {encoding} text: undecodable bytes at offset {error.start}"
        ) from None
    if "\x00" in text:
        raise DocumentError("not a text document: the file holds binary data")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lowered = filename.lower()
    if lowered.endswith(HTML_SUFFIXES) or _looks_like_html(text):
        return Document(_html_text(text), "html", encoding)
    if lowered.endswith((".md", ".markdown")):
        return Document(text, "markdown", encoding)
    return Document(text, "text", encoding)
