"""The linkage frame: one row per record, holding only keys derived from what it says.

Names become script-independent keys, partial dates their known parts, units their number,
ranks a rank common to every language. Nothing here replaces a record's text: the frame
lives only as long as one link run. Lists repeat their values, so every derivation is
cached per distinct value.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

import pyarrow as pa

from rollbook.model.dates import DateError, PartialDate
from rollbook.model.name_keys import loose_key, name_keys, romanise, word_key

#: The frame's columns: Splink's unique_id, then what the comparisons read.
COLUMNS: tuple[str, ...] = (
    "unique_id",
    "surname",
    "given",
    "father",
    "initials",
    "tokens",
    "full_key",
    "surname_loose",
    "given_loose",
    "surname_spelt",
    "given_spelt",
    "birth_year",
    "birth_month",
    "birth_day",
    "birth_date",
    "event_year",
    "event_month",
    "event_day",
    "event_date",
    "event_number",
    "sex",
    "unit",
    "region",
    "place",
    "rank",
    "service_number",
    "national_id",
    "contact",
)
_INTEGERS = frozenset({"unique_id", "event_number"} | {
    f"{p}_{part}" for p in ("birth", "event") for part in ("year", "month", "day")
})  # fmt: skip

_DIGITS = re.compile(r"\d{3,}")
_NOT_ALNUM = re.compile(r"[\W_]+")


def _or_none(text: str) -> str | None:
    return text or None


@lru_cache(maxsize=1 << 16)
def _date_parts(text: str) -> tuple[int | None, int | None, int | None, str | None, int | None]:
    """Year, month, day, the full date (when complete) and its day number, of a stored date."""
    if not text:
        return None, None, None, None, None
    try:
        date = PartialDate.from_iso(text)
    except DateError:
        return None, None, None, None, None
    if date.day is not None:
        return date.year, date.month, date.day, text, date.first_day().toordinal()
    return date.year, date.month, None, None, None


@lru_cache(maxsize=1 << 16)
def _words_key(text: str) -> str | None:
    keys = [k for k in (word_key(w) for w in _NOT_ALNUM.sub(" ", text).split()) if k]
    return " ".join(keys) or None


@lru_cache(maxsize=1 << 14)
def _place_key(text: str) -> str | None:
    """A place by the loose keys of its words: lists that drop diacritics still agree."""
    key = _words_key(text)
    return loose_key(key) if key else None


@lru_cache(maxsize=1 << 14)
def contact_key(text: str) -> str | None:
    """A family contact (an address, a phone) by its words romanised and its numbers as written.

    Lists write one address in several scripts and spacings ("ул. Низами 5", "Nizami küç. 5");
    the house, flat and phone numbers are what tell neighbours apart, so they are kept.
    """
    words = (w if w.isdigit() else romanise(w) for w in _NOT_ALNUM.sub(" ", text).split())
    return " ".join(w for w in words if w) or None


@lru_cache(maxsize=1 << 14)
def unit_key(text: str) -> str | None:
    """A unit by its number when it has one ("83326 saylı hərbi hissə", "в/ч 83326")."""
    numbers = _DIGITS.findall(text)
    return numbers[0] if numbers else _words_key(text)


@cache
def _ranks() -> dict[str, str]:
    data = tomllib.loads((files("rollbook") / "resources" / "ranks.toml").read_text("utf-8"))
    return {
        key: rank
        for rank, spellings in data["ranks"].items()
        for spelling in spellings
        if (key := _words_key(spelling))
    }


@lru_cache(maxsize=1 << 12)
def rank_key(text: str) -> str | None:
    """A rank common to every language ("baş leytenant", "старший лейтенант" agree)."""
    key = _words_key(text)
    return _ranks().get(key, key) if key else None


@lru_cache(maxsize=1 << 8)
def _sex(text: str) -> str | None:
    return text[:1].lower() or None


@lru_cache(maxsize=1 << 14)
def _identifier(text: str) -> str | None:
    return _NOT_ALNUM.sub("", text).upper() or None


def frame_rows(records: Iterable[Sequence[Any]]) -> dict[str, list[Any]]:
    """The frame's columns from records' linked fields (in `store.links.LINKED_FIELDS` order)."""
    out: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for (
        rid,
        full,
        surname,
        given,
        patronymic,
        sex,
        birth,
        event,
        unit,
        region,
        place,
        rank,
        sn,
        nid,
        contact,
    ) in records:
        keys = name_keys(full, surname, given, patronymic)
        b_year, b_month, b_day, b_full, _ = _date_parts(birth)
        e_year, e_month, e_day, e_full, e_number = _date_parts(event)
        values = (
            rid,
            _or_none(keys.surname),
            _or_none(keys.given),
            _or_none(keys.father),
            _or_none(keys.initials),
            _or_none(" ".join(keys.tokens)),
            _or_none(f"{keys.surname} {keys.given}" if keys.surname and keys.given else ""),
            _or_none(loose_key(keys.surname)),
            _or_none(loose_key(keys.given)),
            _or_none(keys.surname_spelt),
            _or_none(keys.given_spelt),
            b_year,
            b_month,
            b_day,
            b_full,
            e_year,
            e_month,
            e_day,
            e_full,
            e_number,
            _sex(sex),
            unit_key(unit) if unit else None,
            _place_key(region) if region else None,
            _place_key(place) if place else None,
            rank_key(rank) if rank else None,
            _identifier(sn) if sn else None,
            _identifier(nid) if nid else None,
            contact_key(contact) if contact else None,
        )
        for name, value in zip(COLUMNS, values, strict=True):
            out[name].append(value)
    return out


def to_arrow(columns: dict[str, list[Any]]) -> pa.Table:
    """The frame as an Arrow table, typed so that every engine reads it the same way."""
    return pa.table(
        {
            name: pa.array(values, type=pa.int64() if name in _INTEGERS else pa.string())
            for name, values in columns.items()
        }
    )
