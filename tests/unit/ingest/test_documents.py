"""A report's text from its bytes: encodings, HTML without scripts, and files that are not
reports refused with the reason."""

from __future__ import annotations

import pytest

from rollbook.ingest.documents import DocumentError, document_text


def test_html_loses_its_markup_scripts_and_styles() -> None:
    page = (
        b"<html><head><style>p{color:red}</style><script>var toll = 999;</script></head>"
        b"<body><nav>Home | World</nav><article><h1>Toll rises</h1>"
        b"<p>The ministry said <b>12</b> soldiers were killed &amp; 30 wounded.</p>"
        b"</article></body></html>"
    )
    document = document_text(page, "report.html")
    assert document.format == "html"
    assert "The ministry said 12 soldiers were killed & 30 wounded." in document.text
    assert "999" not in document.text and "color" not in document.text


def test_encodings_are_found_and_line_ends_made_plain() -> None:
    text = "Министерство сообщило о 12 погибших.\r\nВторая строка."
    document = document_text(text.encode("cp1251"), "statement.txt")
    assert document.text == text.replace("\r\n", "\n")
    assert document_text(b"\xef\xbb\xbfA soldier was killed.", "a.md").text == (
        "A soldier was killed."
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty"),
        (b"  \n\t ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"x" * 2000, "over the limit"),
    ],
)
def test_files_that_are_not_reports_are_refused_with_the_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DocumentError, match=reason):
        document_text(data, "bad.txt", max_bytes=1000)
