"""PFIF person and note records: reading 1.2, 1.3 and 1.4, writing 1.4, streaming, and errors.

Every document here was written for these tests; all names, places and addresses are made up.
"""

from __future__ import annotations

import dataclasses
import io
import tracemalloc
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from rollbook.ingest.pfif import (
    NOTE_FIELDS,
    PERSON_FIELDS,
    NoteSpool,
    PfifError,
    PfifNote,
    PfifPerson,
    read_pfif,
    write_pfif,
)

EXT = "http://example.org/rollbook-test-extension"

DOC_14 = f"""<?xml version="1.0" encoding="UTF-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4" xmlns:ext="{EXT}">
  <pfif:person>
    <pfif:person_record_id>tracing.example.org/person.1001</pfif:person_record_id>
    <pfif:entry_date>2024-03-02T10:15:00Z</pfif:entry_date>
    <pfif:expiry_date>2025-03-02T00:00:00Z</pfif:expiry_date>
    <pfif:author_name>Registrar Fixturova</pfif:author_name>
    <pfif:author_email>registrar@tracing.example.org</pfif:author_email>
    <pfif:author_phone>+000 555 0100</pfif:author_phone>
    <pfif:source_name>Example Tracing Desk</pfif:source_name>
    <pfif:source_date>2024-03-01T08:00:00Z</pfif:source_date>
    <pfif:source_url>https://tracing.example.org/p/1001</pfif:source_url>
    <pfif:full_name>Testov Ivar</pfif:full_name>
    <pfif:given_name>Ivar</pfif:given_name>
    <pfif:family_name>Testov</pfif:family_name>
    <pfif:alternate_names>Ivo Testov
Тестов Ивар</pfif:alternate_names>
    <pfif:description>
      Tall; scar on the left hand &amp; a grey coat.
    </pfif:description>
    <pfif:sex>male</pfif:sex>
    <pfif:date_of_birth>1980-07</pfif:date_of_birth>
    <pfif:age>43-44</pfif:age>
    <pfif:home_street>Sample Street</pfif:home_street>
    <pfif:home_neighborhood>Fixture Quarter</pfif:home_neighborhood>
    <pfif:home_city>Testgrad</pfif:home_city>
    <pfif:home_state>XX-01</pfif:home_state>
    <pfif:home_postal_code>00000</pfif:home_postal_code>
    <pfif:home_country>XX</pfif:home_country>
    <pfif:photo_url>https://tracing.example.org/photo/1001.jpg</pfif:photo_url>
    <pfif:profile_urls>https://social.example.net/ivar.testov</pfif:profile_urls>
    <ext:case_colour>amber</ext:case_colour>
    <pfif:shoe_size>44</pfif:shoe_size>
    <pfif:note>
      <pfif:note_record_id>tracing.example.org/note.1</pfif:note_record_id>
      <pfif:author_name>Probova Lina</pfif:author_name>
      <pfif:source_date>2024-03-01T09:00:00Z</pfif:source_date>
      <pfif:status>information_sought</pfif:status>
      <pfif:text>Looking for my brother.</pfif:text>
    </pfif:note>
    <pfif:note>
      <pfif:note_record_id>tracing.example.org/note.2</pfif:note_record_id>
      <pfif:person_record_id>tracing.example.org/person.1001</pfif:person_record_id>
      <pfif:linked_person_record_id>other.example.net/person.77</pfif:linked_person_record_id>
      <pfif:entry_date>2024-03-04T12:31:00Z</pfif:entry_date>
      <pfif:author_name>Sampleson Kai</pfif:author_name>
      <pfif:author_email>kai@example.net</pfif:author_email>
      <pfif:author_phone>+000 555 0111</pfif:author_phone>
      <pfif:source_date>2024-03-04T12:30:00Z</pfif:source_date>
      <pfif:author_made_contact>true</pfif:author_made_contact>
      <pfif:status>believed_alive</pfif:status>
      <pfif:email_of_found_person>ivar@example.net</pfif:email_of_found_person>
      <pfif:phone_of_found_person>+000 555 0122</pfif:phone_of_found_person>
      <pfif:last_known_location>42.1, 19.5</pfif:last_known_location>
      <pfif:text>Spoke to him at the shelter.</pfif:text>
      <pfif:photo_url>https://example.net/shelter.jpg</pfif:photo_url>
      <ext:reviewed><ext:by>desk 3</ext:by></ext:reviewed>
    </pfif:note>
  </pfif:person>
  <ext:batch>nightly</ext:batch>
  <pfif:note>
    <pfif:note_record_id>tracing.example.org/note.3</pfif:note_record_id>
    <pfif:person_record_id>tracing.example.org/person.1001</pfif:person_record_id>
    <pfif:author_name>Testov Ivar</pfif:author_name>
    <pfif:source_date>2024-03-05T07:00:00.250Z</pfif:source_date>
    <pfif:status>is_note_author</pfif:status>
    <pfif:text>This is me; I am safe.</pfif:text>
  </pfif:note>
  <pfif:person>
    <pfif:note>
      <pfif:note_record_id>tracing.example.org/note.4</pfif:note_record_id>
      <pfif:author_name>Probova Lina</pfif:author_name>
      <pfif:source_date>2024-03-02T11:00:00Z</pfif:source_date>
      <pfif:status>believed_missing</pfif:status>
      <pfif:text>Not seen since the crossing.</pfif:text>
    </pfif:note>
    <pfif:person_record_id>tracing.example.org/person.1002</pfif:person_record_id>
    <pfif:source_date>2024-03-02T10:00:00Z</pfif:source_date>
    <pfif:full_name>Probova Mira</pfif:full_name>
    <pfif:date_of_birth>1975</pfif:date_of_birth>
  </pfif:person>
  <pfif:note>
    <pfif:note_record_id>tracing.example.org/note.5</pfif:note_record_id>
    <pfif:person_record_id>tracing.example.org/person.1002</pfif:person_record_id>
    <pfif:author_name>Field Office Nine</pfif:author_name>
    <pfif:source_date>2024-03-06T15:00:00Z</pfif:source_date>
    <pfif:author_made_contact>false</pfif:author_made_contact>
    <pfif:status>believed_dead</pfif:status>
    <pfif:text>Listed by the morgue at Testgrad.</pfif:text>
  </pfif:note>
  <pfif:note>
    <pfif:note_record_id>tracing.example.org/note.6</pfif:note_record_id>
    <pfif:person_record_id>tracing.example.org/person.1002</pfif:person_record_id>
    <pfif:author_name>Probova Lina</pfif:author_name>
    <pfif:source_date>2024-03-07T09:00:00Z</pfif:source_date>
    <pfif:text>Still checking.</pfif:text>
  </pfif:note>
</pfif:pfif>
"""

IVAR = PfifPerson(
    person_record_id="tracing.example.org/person.1001",
    entry_date="2024-03-02T10:15:00Z",
    expiry_date="2025-03-02T00:00:00Z",
    author_name="Registrar Fixturova",
    author_email="registrar@tracing.example.org",
    author_phone="+000 555 0100",
    source_name="Example Tracing Desk",
    source_date="2024-03-01T08:00:00Z",
    source_url="https://tracing.example.org/p/1001",
    full_name="Testov Ivar",
    given_name="Ivar",
    family_name="Testov",
    alternate_names="Ivo Testov\nТестов Ивар",
    description="Tall; scar on the left hand & a grey coat.",
    sex="male",
    date_of_birth="1980-07",
    age="43-44",
    home_street="Sample Street",
    home_neighborhood="Fixture Quarter",
    home_city="Testgrad",
    home_state="XX-01",
    home_postal_code="00000",
    home_country="XX",
    photo_url="https://tracing.example.org/photo/1001.jpg",
    profile_urls="https://social.example.net/ivar.testov",
    unknown=(f"{{{EXT}}}case_colour", "shoe_size"),
)
MIRA = PfifPerson(
    person_record_id="tracing.example.org/person.1002",
    source_date="2024-03-02T10:00:00Z",
    full_name="Probova Mira",
    date_of_birth="1975",
)
NOTES = [
    PfifNote(
        note_record_id="tracing.example.org/note.1",
        person_record_id=IVAR.person_record_id,
        author_name="Probova Lina",
        source_date="2024-03-01T09:00:00Z",
        status="information_sought",
        text="Looking for my brother.",
    ),
    PfifNote(
        note_record_id="tracing.example.org/note.2",
        person_record_id=IVAR.person_record_id,
        linked_person_record_id="other.example.net/person.77",
        entry_date="2024-03-04T12:31:00Z",
        author_name="Sampleson Kai",
        author_email="kai@example.net",
        author_phone="+000 555 0111",
        source_date="2024-03-04T12:30:00Z",
        author_made_contact="true",
        status="believed_alive",
        email_of_found_person="ivar@example.net",
        phone_of_found_person="+000 555 0122",
        last_known_location="42.1, 19.5",
        text="Spoke to him at the shelter.",
        photo_url="https://example.net/shelter.jpg",
        unknown=(f"{{{EXT}}}reviewed",),
    ),
    PfifNote(
        note_record_id="tracing.example.org/note.3",
        person_record_id=IVAR.person_record_id,
        author_name="Testov Ivar",
        source_date="2024-03-05T07:00:00.250Z",
        status="is_note_author",
        text="This is me; I am safe.",
    ),
    PfifNote(
        note_record_id="tracing.example.org/note.4",
        person_record_id=MIRA.person_record_id,
        author_name="Probova Lina",
        source_date="2024-03-02T11:00:00Z",
        status="believed_missing",
        text="Not seen since the crossing.",
    ),
    PfifNote(
        note_record_id="tracing.example.org/note.5",
        person_record_id=MIRA.person_record_id,
        author_name="Field Office Nine",
        source_date="2024-03-06T15:00:00Z",
        author_made_contact="false",
        status="believed_dead",
        text="Listed by the morgue at Testgrad.",
    ),
    PfifNote(
        note_record_id="tracing.example.org/note.6",
        person_record_id=MIRA.person_record_id,
        author_name="Probova Lina",
        source_date="2024-03-07T09:00:00Z",
        text="Still checking.",
    ),
]

# PFIF 1.2: no full_name yet, and first_name, last_name, other and found (renamed in 1.4).
DOC_12 = """<?xml version="1.0" encoding="UTF-8"?>
<pfif xmlns="http://zesty.ca/pfif/1.2">
  <person>
    <person_record_id>legacy.example.org/person.12</person_record_id>
    <entry_date>2010-01-20T10:00:00Z</entry_date>
    <author_name>Legacy Clerk</author_name>
    <source_name>Legacy Desk</source_name>
    <source_date>2010-01-19T22:00:00Z</source_date>
    <first_name>Ivar</first_name>
    <last_name>Testov</last_name>
    <sex>male</sex>
    <home_postal_code>00000</home_postal_code>
    <other>Works at the fixture mill.</other>
    <note>
      <note_record_id>legacy.example.org/note.12a</note_record_id>
      <author_name>Probova Lina</author_name>
      <source_date>2010-01-20T09:00:00Z</source_date>
      <found>true</found>
      <status>believed_alive</status>
      <text>Seen at the square.</text>
    </note>
  </person>
</pfif>
"""

# PFIF 1.3: full_name and expiry_date have arrived; first_name and found are still the names.
DOC_13 = """<?xml version="1.0" encoding="UTF-8"?>
<p:pfif xmlns:p="http://zesty.ca/pfif/1.3">
  <p:person>
    <p:person_record_id>legacy.example.org/person.13</p:person_record_id>
    <p:expiry_date>2012-06-01T00:00:00Z</p:expiry_date>
    <p:source_date>2011-03-12T06:00:00Z</p:source_date>
    <p:full_name>Sampleson Kai</p:full_name>
    <p:first_name>Kai</p:first_name>
    <p:date_of_birth>1990-02-28</p:date_of_birth>
  </p:person>
  <p:note>
    <p:note_record_id>legacy.example.org/note.13a</p:note_record_id>
    <p:person_record_id>legacy.example.org/person.13</p:person_record_id>
    <p:author_name>Sampleson Kai</p:author_name>
    <p:source_date>2011-03-12T07:00:00Z</p:source_date>
    <p:found>false</p:found>
    <p:status>information_sought</p:status>
    <p:text>Asking after my cousin.</p:text>
  </p:note>
</p:pfif>
"""


def _read(doc: str, name: str = "export.xml") -> list[PfifPerson | PfifNote]:
    return list(read_pfif(io.BytesIO(doc.encode()), name=name))


def _line_of(doc: str, text: str) -> int:
    """The 1-based line of the first occurrence of ``text`` in ``doc``."""
    return doc[: doc.index(text)].count("\n") + 1


def test_a_1_4_document_yields_nested_notes_then_their_person_then_top_level_notes() -> None:
    records = _read(DOC_14)
    note1, note2, note3, note4, note5, note6 = NOTES
    assert records == [note1, note2, IVAR, note3, note4, MIRA, note5, note6]
    assert {n.status for n in NOTES} == {
        "information_sought",
        "is_note_author",
        "believed_alive",
        "believed_missing",
        "believed_dead",
        "",
    }


def test_each_record_knows_the_line_where_it_starts() -> None:
    records = _read(DOC_14)
    # Each record's start tag, told apart by the id that follows it.
    starts = [
        "<pfif:note>\n      <pfif:note_record_id>tracing.example.org/note.1<",
        "<pfif:note>\n      <pfif:note_record_id>tracing.example.org/note.2<",
        "<pfif:person>\n    <pfif:person_record_id>tracing.example.org/person.1001<",
        "<pfif:note>\n    <pfif:note_record_id>tracing.example.org/note.3<",
        "<pfif:note>\n      <pfif:note_record_id>tracing.example.org/note.4<",
        "<pfif:person>\n    <pfif:note>\n      <pfif:note_record_id>tracing.example.org/note.4<",
        "<pfif:note>\n    <pfif:note_record_id>tracing.example.org/note.5<",
        "<pfif:note>\n    <pfif:note_record_id>tracing.example.org/note.6<",
    ]
    expected = [_line_of(DOC_14, start) for start in starts]
    assert [r.line for r in records] == expected


def test_unknown_elements_are_listed_on_their_record_and_never_stop_the_read() -> None:
    ivar = next(r for r in _read(DOC_14) if isinstance(r, PfifPerson))
    assert ivar.unknown == (f"{{{EXT}}}case_colour", "shoe_size")
    assert ivar.description == "Tall; scar on the left hand & a grey coat."  # stripped


def test_1_4_names_only_count_in_1_4_and_old_names_are_unknown_there() -> None:
    doc = DOC_14.replace("pfif:given_name>", "pfif:first_name>")
    ivar = next(r for r in _read(doc) if isinstance(r, PfifPerson))
    assert ivar.given_name == ""
    assert ivar.unknown == ("first_name", f"{{{EXT}}}case_colour", "shoe_size")


def test_a_1_2_document_is_read_with_its_old_field_names() -> None:
    assert _read(DOC_12) == [
        PfifNote(
            note_record_id="legacy.example.org/note.12a",
            person_record_id="legacy.example.org/person.12",
            author_name="Probova Lina",
            source_date="2010-01-20T09:00:00Z",
            author_made_contact="true",
            status="believed_alive",
            text="Seen at the square.",
        ),
        PfifPerson(
            person_record_id="legacy.example.org/person.12",
            entry_date="2010-01-20T10:00:00Z",
            author_name="Legacy Clerk",
            source_name="Legacy Desk",
            source_date="2010-01-19T22:00:00Z",
            given_name="Ivar",
            family_name="Testov",
            sex="male",
            home_postal_code="00000",
            description="Works at the fixture mill.",
        ),
    ]


def test_a_1_3_document_is_read_with_its_old_field_names() -> None:
    assert _read(DOC_13) == [
        PfifPerson(
            person_record_id="legacy.example.org/person.13",
            expiry_date="2012-06-01T00:00:00Z",
            source_date="2011-03-12T06:00:00Z",
            full_name="Sampleson Kai",
            given_name="Kai",
            date_of_birth="1990-02-28",
        ),
        PfifNote(
            note_record_id="legacy.example.org/note.13a",
            person_record_id="legacy.example.org/person.13",
            author_name="Sampleson Kai",
            source_date="2011-03-12T07:00:00Z",
            author_made_contact="false",
            status="information_sought",
            text="Asking after my cousin.",
        ),
    ]


def test_the_field_constants_follow_the_1_4_spec_order() -> None:
    assert PERSON_FIELDS == (
        "person_record_id", "entry_date", "expiry_date", "author_name", "author_email",
        "author_phone", "source_name", "source_date", "source_url", "full_name", "given_name",
        "family_name", "alternate_names", "description", "sex", "date_of_birth", "age",
        "home_street", "home_neighborhood", "home_city", "home_state", "home_postal_code",
        "home_country", "photo_url", "profile_urls",
    )  # fmt: skip
    assert NOTE_FIELDS == (
        "note_record_id", "person_record_id", "linked_person_record_id", "entry_date",
        "author_name", "author_email", "author_phone", "source_date", "author_made_contact",
        "status", "email_of_found_person", "phone_of_found_person", "last_known_location",
        "text", "photo_url",
    )  # fmt: skip


def test_a_nested_note_takes_its_persons_id_even_from_an_empty_element() -> None:
    doc = DOC_14.replace(
        "<pfif:person_record_id>tracing.example.org/person.1001</pfif:person_record_id>\n"
        "      <pfif:linked",
        "<pfif:person_record_id/>\n      <pfif:linked",
    )
    assert _read(doc) == _read(DOC_14)


def test_line_is_where_a_record_starts_but_not_part_of_its_equality() -> None:
    one_line = "".join(line.strip() for line in DOC_13.splitlines())
    records = _read(one_line)
    assert [r.line for r in records] == [1, 1]
    assert records == _read(DOC_13)


def _grouped(records: list[PfifPerson | PfifNote]) -> list[tuple[PfifPerson, list[PfifNote]]]:
    """Persons with their notes, ``unknown`` emptied (the writer keeps no unknown content)."""
    persons = [dataclasses.replace(r, unknown=()) for r in records if isinstance(r, PfifPerson)]
    return [
        (
            person,
            [
                dataclasses.replace(n, unknown=())
                for n in records
                if isinstance(n, PfifNote) and n.person_record_id == person.person_record_id
            ],
        )
        for person in persons
    ]


def test_written_records_read_back_equal_with_fields_in_spec_order() -> None:
    awkward = PfifNote(
        note_record_id="rollbook.example/note.x",
        author_name='Testov "Ivo" <Ivar> & Co',
        source_date="2024-04-01T00:00:00Z",
        text="line one\r\nline two\rline three\n\ttabbed ]]> end",
    )
    grouped = _grouped(_read(DOC_14))
    grouped[1][1].append(awkward)
    out = io.BytesIO()
    assert write_pfif(out, grouped) == 2
    expected = [dataclasses.replace(awkward, person_record_id=MIRA.person_record_id)]
    back = _read(out.getvalue().decode())
    assert [r for r in back if isinstance(r, PfifPerson)] == [p for p, _ in grouped]
    assert [r for r in back if isinstance(r, PfifNote)] == [
        n for _, notes in grouped for n in notes if n is not awkward
    ] + expected
    root = ET.fromstring(out.getvalue())
    for person in root:
        names = [child.tag.partition("}")[2] for child in person if not child.tag.endswith("note")]
        assert names == [f for f in PERSON_FIELDS if names.count(f)]
        for note in person.iter("{http://zesty.ca/pfif/1.4}note"):
            names = [child.tag.partition("}")[2] for child in note]
            assert names == [f for f in NOTE_FIELDS if names.count(f)]


@pytest.mark.parametrize(
    ("note", "complaint"),
    [
        (PfifNote(note_record_id="a/n", person_record_id="a/other", text="x"), "names person"),
        (PfifNote(note_record_id="a/n", status="presumed_dead"), "field status"),
        (PfifNote(note_record_id="a/n", text="bell\x07"), "control character"),
        (PfifNote(text="no id"), "no id"),
    ],
)
def test_the_writer_refuses_what_would_not_read_back(note: PfifNote, complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint):
        write_pfif(io.BytesIO(), [(PfifPerson(person_record_id="a/p"), [note])])


def _many_persons(count: int) -> Iterator[tuple[PfifPerson, list[PfifNote]]]:
    """Small persons (one in a hundred with a note), so that tracing every allocation stays fast."""
    for n in range(count):
        person = PfifPerson(
            person_record_id=f"load.example/person.{n}",
            source_date="2024-03-02T10:00:00Z",
            full_name=f"Testov Ivar {n}",
        )
        note = PfifNote(
            note_record_id=f"load.example/note.{n}",
            author_name="Probova Lina",
            source_date="2024-03-02T11:00:00Z",
            status="believed_missing",
            text="Not seen since the crossing.",
        )
        yield person, [] if n % 100 else [note]


def test_reading_streams_in_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "many.xml"
    with path.open("wb") as out:
        assert write_pfif(out, _many_persons(20_000)) == 20_000
    size = path.stat().st_size  # about 4.6 MB
    tracemalloc.start()
    try:
        with path.open("rb") as stream:
            count = sum(1 for _ in read_pfif(stream, name=path.name))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 20_200
    # Measured: the streaming read peaks near 30 kB, the same for 2,000 persons as for 20,000,
    # while merely holding the file's bytes takes 4.6 MB and the whole tree (ET.parse) 24 MB.
    # A reader that kept the document, the tree or the records could not stay under 1 MB, a
    # quarter of the file; 1 MB still leaves 30 times the measured peak for allocator noise.
    assert peak < 1_000_000 < size // 4


ERRORS: list[tuple[str, str, str, str, str, str]] = [
    # (what is wrong, the document, text on the line named, record id, field, reason)
    (
        "malformed XML",
        DOC_14.replace("<pfif:text>Still checking.</pfif:text>", "<pfif:text>Still</pfif:note>"),
        "<pfif:text>Still</pfif:note>",
        "tracing.example.org/note.6",
        "",
        "malformed XML: mismatched tag",
    ),
    (
        "root is not pfif",
        '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>\n',
        "<feed",
        "",
        "",
        "root element {http://www.w3.org/2005/Atom}feed is not pfif",
    ),
    (
        "root in an unknown pfif namespace",
        DOC_12.replace("pfif/1.2", "pfif/1.1"),
        "<pfif xmlns",
        "",
        "",
        "is not pfif in a PFIF namespace",
    ),
    (
        "person without its id",
        DOC_13.replace("<p:person_record_id>legacy.example.org/person.13</p:person_record_id>", ""),
        "<p:person>",
        "",
        "person_record_id",
        "the record has no id",
    ),
    (
        "note without its id",
        DOC_13.replace("<p:note_record_id>legacy.example.org/note.13a</p:note_record_id>", ""),
        "<p:note>",
        "",
        "note_record_id",
        "the record has no id",
    ),
    (
        "top-level note without its person",
        DOC_13.replace(
            "<p:person_record_id>legacy.example.org/person.13</p:person_record_id>\n    <p:author",
            "<p:author",
        ),
        "<p:note>",
        "legacy.example.org/note.13a",
        "person_record_id",
        "a note outside a person must name its person",
    ),
    (
        "nested note naming another person",
        DOC_14.replace(
            "<pfif:person_record_id>tracing.example.org/person.1001</pfif:person_record_id>\n"
            "      <pfif:linked",
            "<pfif:person_record_id>tracing.example.org/person.1002</pfif:person_record_id>\n"
            "      <pfif:linked",
        ),
        "<pfif:person_record_id>tracing.example.org/person.1002</pfif:person_record_id>",
        "tracing.example.org/note.2",
        "person_record_id",
        "is not the enclosing 'tracing.example.org/person.1001'",
    ),
    (
        "unknown status",
        DOC_14.replace(">believed_dead<", ">presumed_dead<"),
        ">presumed_dead<",
        "tracing.example.org/note.5",
        "status",
        "'presumed_dead' is not one of information_sought, is_note_author",
    ),
    (
        "author_made_contact neither true nor false",
        DOC_14.replace("contact>false<", "contact>no<"),
        "contact>no<",
        "tracing.example.org/note.5",
        "author_made_contact",
        "'no' is not true or false",
    ),
    (
        "entry_date without time zone",
        DOC_14.replace("2024-03-02T10:15:00Z", "2024-03-02 10:15:00"),
        "2024-03-02 10:15:00",
        "tracing.example.org/person.1001",
        "entry_date",
        "'2024-03-02 10:15:00' is not a UTC timestamp YYYY-MM-DDTHH:MM:SSZ",
    ),
    (
        "source_date with an offset",
        DOC_14.replace("2024-03-06T15:00:00Z", "2024-03-06T17:00:00+02:00"),
        "2024-03-06T17:00:00+02:00",
        "tracing.example.org/note.5",
        "source_date",
        "is not a UTC timestamp",
    ),
    (
        "source_date not on the calendar",
        DOC_13.replace("2011-03-12T06:00:00Z", "2011-02-30T06:00:00Z"),
        "2011-02-30T06:00:00Z",
        "legacy.example.org/person.13",
        "source_date",
        "is not a UTC timestamp",
    ),
    (
        "date_of_birth day first",
        DOC_14.replace(">1980-07<", ">07.1980<"),
        ">07.1980<",
        "tracing.example.org/person.1001",
        "date_of_birth",
        "'07.1980' is not a date YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    (
        "date_of_birth with month 13",
        DOC_13.replace("1990-02-28", "1990-13"),
        "1990-13",
        "legacy.example.org/person.13",
        "date_of_birth",
        "is not a date",
    ),
    (
        "a field given twice",
        DOC_13.replace(
            "<p:first_name>Kai", "<p:date_of_birth>1991</p:date_of_birth><p:first_name>Kai"
        ),
        "<p:date_of_birth>1991<",
        "legacy.example.org/person.13",
        "date_of_birth",
        "the field appears twice",
    ),
]


@pytest.mark.parametrize(
    ("doc", "at", "record_id", "field", "reason"),
    [case[1:] for case in ERRORS],
    ids=[case[0] for case in ERRORS],
)
def test_a_bad_document_raises_naming_file_line_record_and_field(
    doc: str, at: str, record_id: str, field: str, reason: str
) -> None:
    with pytest.raises(PfifError) as caught:
        _read(doc, name="feed-2024-03.xml")
    error = caught.value
    line = _line_of(doc, at)
    assert (error.name, error.line, error.record_id, error.field) == (
        "feed-2024-03.xml",
        line,
        record_id,
        field,
    )
    message = str(error)
    assert message.startswith(f"feed-2024-03.xml, line {line}")
    assert reason in message
    assert f", record {record_id}" in message if record_id else ", record " not in message
    assert f", field {field}" in message if field else ", field " not in message


def test_the_note_spool_gives_the_notes_back_whole_and_oldest_first() -> None:
    spool = NoteSpool()
    later = PfifNote(
        note_record_id="t/n2", person_record_id="t/p1", source_date="2021-03-02T00:00:00Z",
        status="believed_alive", text="seen in Testvale", line=40, unknown=("x",),
    )  # fmt: skip
    undated = PfifNote(note_record_id="t/n3", entry_date="2021-01-05T00:00:00Z", line=50)
    earlier = PfifNote(note_record_id="t/n1", source_date="2021-03-01T00:00:00Z", line=60)
    for note in (later, undated, earlier):
        spool.append(note)
    assert len(spool) == 3
    assert list(spool.oldest_first()) == [undated, earlier, later]
    assert next(n for n in spool.oldest_first() if n.note_record_id == "t/n2").line == 40
    spool.close()
