"""PFIF (People Finder Interchange Format) person and note records, read and written as XML.

Tracing systems exchange missing-person cases as PFIF (specification: http://zesty.ca/pfif/1.4/),
so Rollbook takes their exports in and hands its own cases out in that form. An export can hold
millions of records, so both directions stream: the reader yields each record as its element
closes and then drops it from the tree, and the writer emits one person, with its notes, at a
time. The reader accepts PFIF 1.2, 1.3 and 1.4 (reading the 1.2/1.3 names of fields that 1.4
renamed); the writer emits 1.4. Only parsing and checking happen here; storing is the caller's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

PFIF_1_4 = "http://zesty.ca/pfif/1.4"
NAMESPACES = ("http://zesty.ca/pfif/1.2", "http://zesty.ca/pfif/1.3", PFIF_1_4)

NOTE_STATUSES = (
    "information_sought", "is_note_author", "believed_alive", "believed_missing", "believed_dead",
)  # fmt: skip

#: 1.2/1.3 names of fields that PFIF 1.4 renamed (1.4 spec, "Changes from previous versions").
_OLD_NAMES = {
    "first_name": "given_name",
    "last_name": "family_name",
    "other": "description",
    "found": "author_made_contact",
}
_TIMESTAMP = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?Z", re.ASCII)
_APPROX_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", re.ASCII)
_ENTITIES = {"\r": "&#13;"}  # a raw CR would be read back as LF
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class PfifError(ValueError):
    """A PFIF document that cannot be imported: which file, line, record and field, and why."""

    def __init__(
        self, name: str, line: int, reason: str, *, record_id: str = "", field: str = ""
    ) -> None:
        where = f"{name}, line {line}"
        where += f", record {record_id}" if record_id else ""
        where += f", field {field}" if field else ""
        super().__init__(f"{where}: {reason}")
        self.name, self.line, self.reason = name, line, reason
        self.record_id, self.field = record_id, field


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class PfifPerson:
    """A person sought or found, fields in spec order. Absent ones are ``""``; ``line`` (where
    the record starts) is left out of comparisons."""

    person_record_id: str = ""
    entry_date: str = ""
    expiry_date: str = ""
    author_name: str = ""
    author_email: str = ""
    author_phone: str = ""
    source_name: str = ""
    source_date: str = ""
    source_url: str = ""
    full_name: str = ""
    given_name: str = ""
    family_name: str = ""
    alternate_names: str = ""
    description: str = ""
    sex: str = ""
    date_of_birth: str = ""
    age: str = ""
    home_street: str = ""
    home_neighborhood: str = ""
    home_city: str = ""
    home_state: str = ""
    home_postal_code: str = ""
    home_country: str = ""
    photo_url: str = ""
    profile_urls: str = ""
    line: int = dataclasses.field(default=0, compare=False)
    unknown: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class PfifNote:
    """News of a person: who says what, when, fields in spec order. Absent ones are ``""``."""

    note_record_id: str = ""
    person_record_id: str = ""
    linked_person_record_id: str = ""
    entry_date: str = ""
    author_name: str = ""
    author_email: str = ""
    author_phone: str = ""
    source_date: str = ""
    author_made_contact: str = ""
    status: str = ""
    email_of_found_person: str = ""
    phone_of_found_person: str = ""
    last_known_location: str = ""
    text: str = ""
    photo_url: str = ""
    line: int = dataclasses.field(default=0, compare=False)
    unknown: tuple[str, ...] = ()


class NoteSpool:
    """A file's notes, spooled to a temporary file as they stream by and read back oldest
    first (by the date the news is from, then by line): a tracing system's export may hold
    more notes than memory. The file goes when the spool is closed."""

    def __init__(self) -> None:
        self._db = sqlite3.connect("")  # an unnamed database: a temporary file of its own
        self._db.execute("CREATE TABLE notes (day TEXT, line INTEGER, note TEXT)")
        self.count = 0

    def append(self, note: PfifNote) -> None:
        fields = dataclasses.asdict(note)
        self._db.execute(
            "INSERT INTO notes VALUES (?, ?, ?)",
            (note.source_date or note.entry_date, note.line, json.dumps(fields)),
        )
        self.count += 1

    def __len__(self) -> int:
        return self.count

    def oldest_first(self) -> Iterator[PfifNote]:
        """The notes, oldest first."""
        for (text,) in self._db.execute("SELECT note FROM notes ORDER BY day, line"):
            fields = json.loads(text)
            yield PfifNote(**{**fields, "unknown": tuple(fields["unknown"])})

    def close(self) -> None:
        self._db.close()


#: The fields in the order the PFIF 1.4 data model and schema list them (the writer's order).
PERSON_FIELDS = tuple(f.name for f in dataclasses.fields(PfifPerson))[:-2]
NOTE_FIELDS = tuple(f.name for f in dataclasses.fields(PfifNote))[:-2]


def _problem(field: str, value: str) -> str:
    """Why a non-empty value is not allowed in this field ("" if it is)."""
    if field in ("entry_date", "expiry_date", "source_date"):
        if (stamp := _TIMESTAMP.fullmatch(value)) is not None:
            try:
                year, month, day, hour, minute, second = map(int, stamp.groups())
                dt.datetime(year, month, day, hour, minute, second)
                return ""
            except ValueError:
                pass
        return f"{value!r} is not a UTC timestamp YYYY-MM-DDTHH:MM:SSZ"
    if field == "date_of_birth":
        if (date := _APPROX_DATE.fullmatch(value)) is not None:
            try:
                dt.date(int(date[1]), int(date[2] or 1), int(date[3] or 1))
                return ""
            except ValueError:
                pass
        return f"{value!r} is not a date YYYY, YYYY-MM or YYYY-MM-DD"
    if field == "status" and value not in NOTE_STATUSES:
        return f"{value!r} is not one of {', '.join(NOTE_STATUSES)}"
    if field == "author_made_contact" and value not in ("true", "false"):
        return f"{value!r} is not true or false"
    return ""


class _Open:
    """A record being read: where it starts, its fields so far and the lines they start on."""

    def __init__(self, elem: ET.Element, line: int, id_field: str) -> None:
        self.elem, self.line, self.id_field = elem, line, id_field
        self.values: dict[str, str] = {}
        self.lines: dict[str, int] = {}
        self.unknown: list[str] = []
        self.child_line = line
        self.held: list[_Open] = []  # nested notes waiting for their person's id

    def fail(self, name: str, field: str, reason: str) -> PfifError:
        """An error at ``field`` (at the record's start when the field is absent)."""
        line = self.lines.get(field, self.line)
        return PfifError(
            name, line, reason, record_id=self.values.get(self.id_field, ""), field=field
        )

    def build(self, name: str, fields: tuple[str, ...]) -> dict[str, Any]:
        """Constructor arguments, after checking the record id and each field's value."""
        if not self.values.get(self.id_field):
            raise self.fail(name, self.id_field, "the record has no id")
        for field in fields:
            if (value := self.values.get(field)) and (reason := _problem(field, value)):
                raise self.fail(name, field, reason)
        return {**self.values, "line": self.line, "unknown": tuple(self.unknown)}


def _note(note: _Open, name: str, person_id: str | None) -> PfifNote:
    """A finished note; ``person_id`` is the enclosing person's (None at top level)."""
    own = note.values.get("person_record_id", "")
    if person_id is None and not own:
        raise note.fail(name, "person_record_id", "a note outside a person must name its person")
    if person_id is not None and own not in ("", person_id):
        raise note.fail(name, "person_record_id", f"{own!r} is not the enclosing {person_id!r}")
    note.values["person_record_id"] = person_id or own
    return PfifNote(**note.build(name, NOTE_FIELDS))


def _take(record: _Open, elem: ET.Element, prefix: str, fields: tuple[str, ...], name: str) -> None:
    """Keep a field element's stripped text in ``record``, or list the element as unknown."""
    pfif_name = elem.tag[len(prefix) :] if elem.tag.startswith(prefix) else ""
    field = pfif_name if prefix.endswith("1.4}") else _OLD_NAMES.get(pfif_name, pfif_name)
    if field not in fields:
        record.unknown.append(pfif_name or elem.tag)
    elif field in record.values:
        raise record.fail(name, field, "the field appears twice")
    else:
        record.values[field] = "".join(elem.itertext()).strip()
        record.lines[field] = record.child_line


class _Lines:
    """A binary stream handed to iterparse a line at a time, so events can be given a line."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream, self._done, self.line = stream, 0, 1

    def read(self, size: int = -1) -> bytes:
        data = self._stream.readline(size)
        self.line = self._done + 1
        self._done += data.count(b"\n")
        return data


def read_pfif(stream: BinaryIO, *, name: str) -> Iterator[PfifPerson | PfifNote]:
    """Stream the records of a PFIF 1.2, 1.3 or 1.4 document, raising PfifError on the first fault.

    Each record is yielded when its element ends, then removed from the parsed tree, so memory
    does not grow with the file. A note nested in a person is yielded before that person (and
    takes its person_record_id); if the person's id only comes after the note, the note is held
    back until the person ends. Elements the reader does not know (other namespaces, unknown
    fields) are listed in ``unknown`` by local name, or ``{namespace}name`` outside PFIF; those
    directly under the root belong to no record and are skipped. ``name`` labels errors.
    """
    lines = _Lines(stream)
    prefix = ""
    stack: list[ET.Element] = []
    person: _Open | None = None
    note: _Open | None = None
    try:
        for event, elem in ET.iterparse(lines, events=("start", "end")):
            if event == "start":
                parent = stack[-1] if stack else None
                stack.append(elem)
                if parent is None:
                    prefix = elem.tag.partition("}")[0] + "}"
                    if prefix[1:-1] not in NAMESPACES or elem.tag != f"{prefix}pfif":
                        reason = f"the root element {elem.tag} is not pfif in a PFIF namespace"
                        raise PfifError(name, lines.line, reason)
                elif parent is stack[0] and elem.tag == f"{prefix}person":
                    person = _Open(elem, lines.line, "person_record_id")
                elif (
                    elem.tag == f"{prefix}note"
                    and note is None
                    and (parent is stack[0] or (person is not None and parent is person.elem))
                ):
                    note = _Open(elem, lines.line, "note_record_id")
                elif (record := note or person) is not None and parent is record.elem:
                    record.child_line = lines.line
                continue
            stack.pop()
            parent = stack[-1] if stack else None
            if note is not None and elem is note.elem:
                if person is None:
                    yield _note(note, name, None)
                elif person_id := person.values.get("person_record_id"):
                    yield _note(note, name, person_id)
                else:
                    person.held.append(note)
                note = None
            elif person is not None and elem is person.elem:
                done = PfifPerson(**person.build(name, PERSON_FIELDS))
                for held in person.held:
                    yield _note(held, name, done.person_record_id)
                yield done
                person = None
            elif (record := note or person) is not None and parent is record.elem:
                _take(
                    record, elem, prefix, PERSON_FIELDS if record is person else NOTE_FIELDS, name
                )
            if parent is not None and (
                parent is stack[0]
                or any(r is not None and parent is r.elem for r in (note, person))
            ):
                del parent[:]  # drop what has been read: neither root nor record keeps children
    except ET.ParseError as err:
        line, column = err.position
        what = re.sub(r": line \d+, column \d+$", "", str(err))
        ids = [r.values.get(r.id_field, "") for r in (note, person) if r is not None]
        reason = f"malformed XML: {what} (column {column + 1})"
        raise PfifError(name, line, reason, record_id=next(filter(None, ids), "")) from err


def _element(parts: list[str], kind: str, values: dict[str, str], fields: tuple[str, ...]) -> None:
    """Append a record's element with its non-empty fields in spec order, first refusing what
    would not read back the same: a missing id, an invalid value, a character XML cannot carry."""
    record_id = values[fields[0]]
    where = f"{kind} {record_id or '(no id)'}"
    if not record_id:
        raise ValueError(f"{where}: the record has no id")
    indent = "  " if kind == "person" else "    "
    parts.append(f"{indent}<pfif:{kind}>\n")
    for field in fields:
        if value := values[field]:
            if reason := _problem(field, value):
                raise ValueError(f"{where}, field {field}: {reason}")
            if _NOT_XML.search(value):
                raise ValueError(f"{where}, field {field}: a control character XML cannot hold")
            parts.append(f"{indent}  <pfif:{field}>{escape(value, _ENTITIES)}</pfif:{field}>\n")


def _values(record: PfifPerson | PfifNote, fields: tuple[str, ...]) -> dict[str, str]:
    return {field: str(getattr(record, field)).strip() for field in fields}


def write_pfif(out: BinaryIO, persons: Iterable[tuple[PfifPerson, Iterable[PfifNote]]]) -> int:
    """Write a PFIF 1.4 document, each person with its notes nested; return the persons written.

    Fields follow the spec's order, empty ones are left out and values are stripped, so reading
    the output back gives equal records (``unknown`` lists names only and is not written). A
    nested note is written with its person's person_record_id; a note naming another person, a
    record without its id or a value ``read_pfif`` would refuse raises ValueError.
    """
    out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<pfif:pfif xmlns:pfif="{PFIF_1_4}">\n'.encode())
    written = 0
    for person, notes in persons:
        parts: list[str] = []
        values = _values(person, PERSON_FIELDS)
        _element(parts, "person", values, PERSON_FIELDS)
        for note in notes:
            note_values = _values(note, NOTE_FIELDS)
            if note_values["person_record_id"] not in ("", values["person_record_id"]):
                reason = f"names person {note_values['person_record_id']!r}"
                raise ValueError(
                    f"note {note.note_record_id} under {person.person_record_id}: {reason}"
                )
            note_values["person_record_id"] = values["person_record_id"]
            _element(parts, "note", note_values, NOTE_FIELDS)
            parts.append("    </pfif:note>\n")
        parts.append("  </pfif:person>\n")
        out.write("".join(parts).encode())
        written += 1
    out.write(b"</pfif:pfif>\n")
    return written
