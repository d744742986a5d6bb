"""A report's text from its bytes: the encoding found, HTML laid out as text by inscriptis.

A claim's span points into this text, so it is derived the same way every time from the
stored bytes: line ends made "\\n", HTML without its scripts, styles and markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from inscriptis import get_text

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
        return Document(get_text(text), "html", encoding)
    if lowered.endswith((".md", ".markdown")):
        return Document(text, "markdown", encoding)
    return Document(text, "text", encoding)
