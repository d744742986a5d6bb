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
    assert "Home" not in document.text  # a menu is no part of the report


def test_a_pages_buttons_and_choices_are_no_part_of_its_text() -> None:
    page = (
        b"<html><body><header>Ministry of Defence <form><input name='q'><button>Go</button>"
        b"</form><select><option>English</option></select></header>"
        b"<p>Four soldiers were killed.</p></body></html>"
    )
    text = document_text(page, "briefing.html").text
    assert text.splitlines()[0].strip() == "Ministry of Defence"
    assert "Go" not in text.split() and "English" not in text


def test_a_definition_lists_terms_each_open_a_line_with_their_description() -> None:
    page = (
        b"<html><body><p>Briefing notes.</p><dl><dt>Speaker</dt><dd>Ilse Varga, Spokesperson"
        b" for the Ostmark Rights Office</dd><DT>Civilians killed</DT><dd>16-19</dd></dl>"
        b"<p>We are alarmed.</p></body></html>"
    )
    lines = document_text(page, "notes.html").text.splitlines()
    assert "Speaker: Ilse Varga, Spokesperson for the Ostmark Rights Office" in lines
    assert "Civilians killed: 16-19" in lines


def test_an_html_table_reads_as_a_markdown_table() -> None:
    page = (
        b"<html><body><p>Home | World</p><table>"
        b"<tr><th>Region</th><th>Killed</th><th>Killed at previous update</th></tr>"
        b"<tr><td>Wendrasil</td><td>1,920</td><td>1,861</td></tr>"
        b"<tr><td>Carrowfen</td><td>1,466</td><td>1,402</td></tr>"
        b"</table></body></html>"
    )
    lines = [line.strip() for line in document_text(page, "table.html").text.splitlines()]
    table = [line for line in lines if line.startswith("|")]
    assert [line.replace(" ", "") for line in table] == [
        "|Region|Killed|Killedatpreviousupdate|",
        "|---|---|---|",
        "|Wendrasil|1,920|1,861|",
        "|Carrowfen|1,466|1,402|",
    ]
    assert "Home | World" in lines  # a bar in the text is no cell
    layout = (
        b"<html><body><table><tr><td>Menu</td><td><p>The ministry said on Monday evening that"
        b" twelve soldiers had been killed in the shelling of the border post.</p>"
        b"<p>More follows.</p></td></tr></table></body></html>"
    )
    text = document_text(layout, "layout.html").text
    assert "|" not in text and "twelve soldiers had been killed" in text  # a page's layout


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
