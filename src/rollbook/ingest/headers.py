"""Recognise the column headers of imported casualty lists.

Lists arrive with headers in many languages and scripts ("Soyadı", "Фамилия", "Ազգանուն",
"اسم العائلة", "Surname"). This module maps each header to one canonical Rollbook field. The
spellings live in ``rollbook/resources/headers.toml``; they are read once, normalised with
:func:`normalise_header` and checked: a spelling that would map to two fields is an error at
load time, not a silent choice.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from types import MappingProxyType

from rollbook.model.records import PROTECTED_FIELDS, RECORD_FIELDS

__all__ = [
    "FIELDS",
    "PROTECTED_FIELDS",
    "HeaderVocabularyError",
    "header_vocabulary",
    "normalise_header",
    "parse_header_vocabulary",
    "recognise_header",
]

FIELDS: tuple[str, ...] = (
    "record_id",
    "person_id",
    *("status" if name == "status_words" else name for name in RECORD_FIELDS),
)
"""Every canonical field a header can map to: the list's own row id, a Rollbook person id,
then the record's fields (a status column holds the list's status words)."""

_RESOURCE_PACKAGE = "rollbook"
_RESOURCE_NAME = "headers.toml"

# Characters that carry no meaning in a header: byte order mark (often glued to the first
# header of a CSV file), zero-width spaces and joiners, soft hyphen, Arabic tatweel.
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad\u0640"))

# Foldings that make equivalent spellings equal. Turkish and Azerbaijani dotless "ı" becomes
# "i" so that all-capital headers ("SOYADI", which casefolds to "soyadi") match "Soyadı"; the
# combining dot left by casefolding "İ" goes. Russian "ё" is often written "е". Arabic alef
# with hamza or madda is often written bare; Persian forms of yeh and kaf stand in for Arabic
# ones; short-vowel marks are optional.
_FOLD = str.maketrans(
    {
        "ı": "i",
        "\u0307": None,
        "ё": "е",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ک": "ك",
        **dict.fromkeys((chr(c) for c in range(0x064B, 0x0660)), None),
        "\u0670": None,
    }
)

_APOSTROPHES = dict.fromkeys(map(ord, "'’‘ʼʻ`´"))

# A bracketed group at the end: "Date of death (dd.mm.yyyy)", "ФИО [полностью]".
_TRAILING_GROUP = re.compile(r"\s*[(\[{（][^()\[\]{}（）]*[)\]}）]\s*$")

# Symbols that are headers in their own right and must survive normalisation.
_KEPT_SYMBOLS = frozenset("№")

# Decoration around a header made only of symbols ("*#*", "# :").
_DECORATION = dict.fromkeys(map(ord, ":*.,;!?\"'`()[]{}<>-_=~|"), " ")


class HeaderVocabularyError(ValueError):
    """The header vocabulary is malformed or ambiguous."""


def normalise_header(text: str) -> str:
    """Return the comparison form of a column header.

    Steps: NFC; drop invisible characters (BOM, zero-width, soft hyphen, tatweel); casefold;
    fold "ı"/"İ" to "i", "ё" to "е", Arabic alef/yeh/kaf variants and short-vowel marks;
    drop trailing bracketed groups such as "(dd.mm.yyyy)" unless nothing would be left;
    delete apostrophes ("Ім'я" -> "імя", "Father's" -> "fathers"); turn every other
    punctuation mark or symbol except "№" into a space; collapse whitespace and trim.
    Letters and digits of every script are kept as they are.

    A header made only of punctuation or symbols keeps its symbols, less any decoration
    (":", "*", brackets, quotes), instead of becoming empty: "#" and "*#:" give "#", a lone
    "*" stays "*".
    """
    plain = unicodedata.normalize("NFC", text).translate(_INVISIBLE).casefold()
    folded = plain.translate(_FOLD)
    while True:
        shorter = _TRAILING_GROUP.sub("", folded)
        if shorter == folded or not any(ch.isalnum() for ch in shorter):
            break
        folded = shorter
    folded = folded.translate(_APOSTROPHES)
    chars = [
        " " if unicodedata.category(ch)[0] in "PS" and ch not in _KEPT_SYMBOLS else ch
        for ch in folded
    ]
    result = " ".join("".join(chars).split())
    if result:
        return result
    return " ".join(plain.translate(_DECORATION).split()) or " ".join(plain.split())


def parse_header_vocabulary(text: str) -> dict[str, str]:
    """Parse header-vocabulary TOML into a map from normalised spelling to canonical field.

    The TOML has one table per canonical field, each holding lists of spellings keyed by
    language. Raises :class:`HeaderVocabularyError` if a table is not a canonical field, a
    field has no spelling, a value is not a list of strings, a spelling normalises to nothing,
    or one spelling (after normalisation) belongs to two fields.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise HeaderVocabularyError(f"header vocabulary is not valid TOML: {error}") from error
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise HeaderVocabularyError(f"unknown fields in header vocabulary: {unknown}")
    vocabulary: dict[str, str] = {}
    origin: dict[str, str] = {}
    for field in FIELDS:
        table = data.get(field)
        if not isinstance(table, dict) or not table:
            raise HeaderVocabularyError(f"field {field!r} has no header spellings")
        for language, spellings in table.items():
            if not isinstance(spellings, list) or not all(isinstance(s, str) for s in spellings):
                raise HeaderVocabularyError(
                    f"{field}.{language} must be a list of strings, got {spellings!r}"
                )
            for spelling in spellings:
                key = normalise_header(spelling)
                if not key:
                    raise HeaderVocabularyError(f"{field}.{language}: empty spelling")
                known = vocabulary.get(key)
                if known is not None and known != field:
                    raise HeaderVocabularyError(
                        f"header {spelling!r} ({field}.{language}) normalises to {key!r}, "
                        f"already a spelling of {known!r} ({origin[key]})"
                    )
                vocabulary[key] = field
                origin.setdefault(key, f"{field}.{language}")
    return vocabulary


@cache
def header_vocabulary() -> Mapping[str, str]:
    """The packaged vocabulary, normalised spelling -> canonical field (read once)."""
    resource = files(_RESOURCE_PACKAGE) / "resources" / _RESOURCE_NAME
    return MappingProxyType(parse_header_vocabulary(resource.read_text(encoding="utf-8")))


def recognise_header(text: str) -> str | None:
    """Return the canonical field for a column header, or None if the header is unknown.

    >>> recognise_header("  Ölüm tarixi: ")
    'event_date'
    >>> recognise_header("ФАМИЛИЯ *")
    'surname'
    >>> recognise_header("Favourite colour") is None
    True
    """
    return header_vocabulary().get(normalise_header(text))
