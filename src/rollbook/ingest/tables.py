"""Reading a list as a table, whatever its format and encoding, streaming row by row.

A reader yields the header once and then each row with the row number a person sees in
their editor (the CSV line, the spreadsheet row, the JSON Lines line), so every problem
can name its place in the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

import charset_normalizer

if TYPE_CHECKING:
    from rollbook.ingest.pfif import NoteSpool

SAMPLE_BYTES = 1 << 16
DELIMITERS = (",", ";", "\t", "|")
FORMATS = ("csv", "xlsx", "jsonl", "pfif")
_CANDIDATE_ENCODINGS = ["cp1251", "cp1254", "cp1252", "iso8859_9", "koi8_r", "cp1256", "cp1250"]
_BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document (save it as .xlsx or .csv)",
    b"SQLite format 3": "a SQLite database",
}


class TableError(ValueError):
    """A file that cannot be read as a table, at a row (0 for the file as a whole)."""

    def __init__(self, row: int, reason: str, column: str = "") -> None:
        super().__init__(reason)
        self.row = row
        self.column = column
        self.reason = reason

    def __reduce__(self) -> tuple[type[TableError], tuple[int, str, str]]:
        return (TableError, (self.row, self.reason, self.column))


#: A cell as read: text from CSV, typed values (numbers, dates) from JSON and XLSX.
Cell = object


class Row(NamedTuple):
    """One row: its number as a person sees it, and its cells in header order."""

    number: int
    cells: Sequence[Cell]
    problem: str = ""


# Makes a Row from a tuple in C: a CSV reader makes millions of them.
_row = partial(tuple.__new__, Row)


@dataclass
class Table:
    """An opened table: format, encoding and delimiter as found, the header, then rows."""

    format: str
    header: list[str]
    rows: Iterator[Row]
    encoding: str = ""
    delimiter: str = ""
    text: io.TextIOWrapper | None = None
    # A PFIF file's notes, spooled as the rows are read.
    notes: NoteSpool | None = None

    def release(self) -> None:
        """Let go of the byte stream without closing it (its owner closes it)."""
        if self.text is not None:
            self.text.detach()
            self.text = None


def detect_format(sample: bytes, filename: str = "") -> str:
    """csv, xlsx or jsonl, from the bytes first and the file name second."""
    for signature, what in _BINARY_SIGNATURES.items():
        if sample.startswith(signature):
            raise TableError(0, f"not a table: the file is {what}")
    if sample.startswith(b"PK\x03\x04"):
        return "xlsx"
    lowered = filename.lower()
    if lowered.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if lowered.endswith(".xlsx"):
        raise TableError(0, "not a table: the file is named .xlsx but is not an XLSX workbook")
    stripped = sample.lstrip(codecs.BOM_UTF8).lstrip()
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"<") and b"zesty.ca/pfif/" in sample:
        return "pfif"
    return "csv"


def _utf16_without_bom(sample: bytes) -> str | None:
    even, odd = sample[0:2000:2], sample[1:2000:2]
    if len(sample) >= 4 and odd.count(0) > len(odd) * 0.3 and even.count(0) == 0:
        return "utf-16-le"
    if len(sample) >= 4 and even.count(0) > len(even) * 0.3 and odd.count(0) == 0:
        return "utf-16-be"
    return None


def detect_encoding(sample: bytes) -> str:
    """A text file's encoding from its first bytes: BOMs, UTF-8, then the likeliest code page."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return utf16
    if b"\x00" in sample:
        raise TableError(0, "not a table: the file holds binary data")
    for cut in range(4):  # the sample may end inside a character
        try:
            sample[: len(sample) - cut].decode("utf-8")
            return "utf-8"
        except UnicodeDecodeError as error:
            if error.start < len(sample) - 4:
                break
    best = charset_normalizer.from_bytes(sample, cp_isolation=_CANDIDATE_ENCODINGS).best()
    if best is None:
        raise TableError(0, "cannot tell the text encoding: give it with --encoding")
    return str(best.encoding)


def detect_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the most of the first lines like the header, into most cells.

    Agreement comes first: a header such as "Фамилия, имя, отчество;Дата гибели" splits into
    more cells on commas, but only semicolons split the rows below it the same way.
    """
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        counts = [len(next(csv.reader([line], delimiter=delimiter))) for line in lines if line]
        if not counts or counts[0] < 2:
            continue
        score = (sum(c == counts[0] for c in counts), counts[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_sample(stream: BinaryIO) -> bytes:
    sample = stream.read(SAMPLE_BYTES)
    stream.seek(0)
    return sample


def open_table(
    stream: BinaryIO,
    *,
    filename: str = "",
    format: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Table:
    """Open a binary stream as a table; the stream must be seekable."""
    sample = _read_sample(stream)
    if not sample.strip():
        raise TableError(0, "the file is empty")
    found = format or detect_format(sample, filename)
    if found == "xlsx":
        return _open_xlsx(stream)
    if found == "pfif":
        return _open_pfif(stream, filename)
    chosen = encoding or detect_encoding(sample)
    try:
        codecs.lookup(chosen)
    except LookupError:
        raise TableError(0, f"unknown encoding {chosen!r}") from None
    text = io.TextIOWrapper(stream, encoding=chosen, newline="")
    try:
        if found == "jsonl":
            return _open_jsonl(text, stream, chosen)
        return _open_csv(text, stream, sample, chosen, delimiter)
    except BaseException:
        text.detach()
        raise


def _decoding(rows: Iterator[Row], encoding: str, stream: BinaryIO) -> Iterator[Row]:
    try:
        yield from rows
    except UnicodeDecodeError:
        raise _undecodable(stream, encoding) from None


def _undecodable(stream: BinaryIO, encoding: str) -> TableError:
    """The error for bytes the encoding cannot decode, naming the line they are on."""
    line = _bad_line(stream, encoding)
    reason = f"bytes that are not valid {encoding} on line {line}: give the right --encoding"
    return TableError(line, reason)


def _bad_line(stream: BinaryIO, encoding: str) -> int:
    """The line holding the first bytes the encoding cannot decode (read again from the start)."""
    stream.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)()
    line = 1
    while chunk := stream.read(SAMPLE_BYTES):
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as error:
            return line + chunk.count(b"\n", 0, max(error.start, 0))
        line += chunk.count(b"\n")
    return line


def _open_csv(
    text: io.TextIOWrapper, stream: BinaryIO, sample: bytes, encoding: str, delimiter: str | None
) -> Table:
    head = sample.decode(encoding, errors="ignore").lstrip("\ufeff").splitlines()[:20]
    chosen = delimiter or detect_delimiter(head[:-1] if len(head) > 1 else head)
    reader = csv.reader(text, delimiter=chosen, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise TableError(0, "the file is empty") from None
    except UnicodeDecodeError:
        raise _undecodable(stream, encoding) from None
    except csv.Error as error:
        raise TableError(1, f"the header cannot be read: {error}") from None
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0][1:]
    if len(header) < 2 and not any("\x00" in h for h in header):
        raise TableError(1, "not a table: the first line has fewer than two columns")

    def rows() -> Iterator[Row]:
        width = len(header)
        start = reader.line_num + 1
        try:
            for cells in reader:
                if len(cells) == width and (cells[0] or any(cells)):
                    yield _row((start, cells, ""))
                elif any(cells):
                    problem = f"the row has {len(cells)} cells where the header has {width}"
                    yield Row(start, (cells + [""] * width)[:width], problem)
                start = reader.line_num + 1
        except csv.Error as error:
            raise TableError(start, f"broken CSV quoting: {error}") from None

    return Table("csv", header, _decoding(rows(), encoding, stream), encoding, chosen, text)


def _open_jsonl(text: io.TextIOWrapper, stream: BinaryIO, encoding: str) -> Table:
    lines = enumerate(text, start=1)
    objects: list[tuple[int, dict[str, object]]] = []
    header: list[str] = []
    for number, line in lines:
        if not line.strip():
            continue
        parsed = _json_object(number, line)
        objects.append((number, parsed))
        header.extend(k for k in parsed if k not in header)
        if len(objects) >= 1000:
            break
    if not header:
        raise TableError(0, "the file holds no JSON objects")

    def rows() -> Iterator[Row]:
        def from_object(number: int, parsed: dict[str, object]) -> Row:
            unknown = [k for k in parsed if k not in header]
            problem = f"keys not seen in the first lines: {', '.join(unknown)}" if unknown else ""
            return Row(number, [parsed.get(k) for k in header], problem)

        for number, parsed in objects:
            yield from_object(number, parsed)
        for number, line in lines:
            if line.strip():
                yield from_object(number, _json_object(number, line))

    return Table("jsonl", header, _decoding(rows(), encoding, stream), encoding, text=text)


def _json_object(number: int, line: str) -> dict[str, object]:
    try:
        parsed = json.loads(line)
    except json.JSONDecodeError as error:
        raise TableError(number, f"not valid JSON: {error.msg}") from None
    if not isinstance(parsed, dict):
        raise TableError(number, "each line must be one JSON object")
    return parsed


def _open_xlsx(stream: BinaryIO) -> Table:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(stream)
        sheet = workbook.get_sheet_by_index(0)
        rows_iter = iter(sheet.iter_rows())
        header_row: list[object] = []
        number = 0
        for number, values in enumerate(rows_iter, start=1):  # noqa: B007 - used after the loop
            if any(v not in ("", None) for v in values):
                header_row = list(values)
                break
    except Exception as error:  # calamine raises its own error types for broken workbooks
        raise TableError(0, f"not a readable XLSX workbook: {error}") from None
    header = [cell_text(v) for v in header_row]
    while header and not header[-1]:
        header.pop()
    if len(header) < 2:
        raise TableError(number, "not a table: the first sheet has fewer than two columns")
    first = number

    def rows() -> Iterator[Row]:
        for offset, values in enumerate(rows_iter, start=first + 1):
            cells: list[Cell] = list(values)
            del cells[len(header) :]
            if any(v not in ("", None) for v in cells):
                cells += [None] * (len(header) - len(cells))
                yield Row(offset, cells)

    return Table("xlsx", header, rows())


#: A PFIF person's fields as list columns, under headers the column mapper recognises.
PFIF_COLUMNS = {
    "person_record_id": "Record id",
    "full_name": "Full name",
    "given_name": "Given name",
    "family_name": "Surname",
    "sex": "Sex",
    "date_of_birth": "Date of birth",
    "age": "Age",
    "home_city": "Home town",
    "description": "Notes",
    "author_name": "Reported by",
    "author_phone": "Contact",
}


def _open_pfif(stream: BinaryIO, filename: str) -> Table:
    """A PFIF document as a table: a row per person (its line as the row number), and its
    notes beside the rows, collected as the persons stream by."""
    from rollbook.ingest.pfif import NoteSpool, PfifError, PfifNote, PfifPerson, read_pfif

    notes = NoteSpool()

    def rows() -> Iterator[Row]:
        try:
            for record in read_pfif(stream, name=filename):
                if isinstance(record, PfifPerson):
                    cells = [getattr(record, name) for name in PFIF_COLUMNS]
                    yield Row(record.line, cells)
                elif isinstance(record, PfifNote):
                    notes.append(record)
        except PfifError as error:
            held = f"record {error.record_id}: " if error.record_id else ""
            raise TableError(error.line, held + error.reason, error.field) from None

    return Table("pfif", list(PFIF_COLUMNS.values()), rows(), "utf-8", notes=notes)


def cell_text(value: object) -> str:
    """A cell as text: integral floats (as spreadsheets store numbers) without '.0'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()
