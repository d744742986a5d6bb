"""Spelling- and script-tolerant keys of personal names, for record linkage and name search.

The same person is written "Məmmədov Elvin Əli oğlu", "Мамедов Эльвин Алиевич" and "Elvin
Mammadov"; keys derived here make such variants agree while keeping different names apart.
Names themselves are never rewritten: keys are derived, and the original spelling is kept
elsewhere.

A word is first romanised (:func:`romanise`): anyascii, plus Rollbook's conventions from
``rollbook/resources/name_keys.toml`` where anyascii reads a letter differently from how these
names are spelt in other scripts (Azerbaijani ə/x/c/q, Armenian initial ո/ե and ու, Arabic
long vowels and ain). The romanised word is then reduced to a consonant skeleton of sound
classes (:func:`word_key`): letters that sources write for one sound share a class, doubled
letters count once, and vowels are dropped except that a word opening with a vowel keeps an
"a". Dropping vowels is what makes Məmmədov and Mamedov agree, and what lets an Arabic name,
whose short vowels are not written, match its Latin spelling.

Pure domain code: standard library, ``anyascii`` and the word lists in ``rollbook/resources``.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from anyascii import anyascii

from rollbook.model import names

__all__ = ["NameKeys", "father_name", "loose_key", "name_keys", "romanise", "word_key"]


# --------------------------------------------------------------------------------------------
# Tables


@dataclass(frozen=True, slots=True)
class _Tables:
    anywhere: Mapping[str, str]
    anywhere_pattern: re.Pattern[str]
    initial: Mapping[str, str]
    initial_pattern: re.Pattern[str]
    sounds: Mapping[str, str]
    sounds_pattern: re.Pattern[str]
    loose: Mapping[str, str]
    prefixes: tuple[tuple[str, str], ...]
    suffixes: tuple[tuple[str, str], ...]
    silent_h_endings: tuple[str, ...]
    patronymic_endings: tuple[str, ...]
    lineage: frozenset[str]


def _load_toml(name: str) -> dict[str, object]:
    resource = files("rollbook") / "resources" / name
    return tomllib.loads(resource.read_text(encoding="utf-8"))


def _section(data: dict[str, object], table: str) -> dict[str, object]:
    section = data.get(table)
    if not isinstance(section, dict):
        raise ValueError(f"name_keys.toml: missing table [{table}]")
    return section


def _mapping(section: dict[str, object], key: str) -> dict[str, str]:
    value = section.get(key)
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and k and isinstance(v, str) for k, v in value.items()
    ):
        raise ValueError(f"name_keys.toml: {key} must map non-empty strings to strings")
    return {unicodedata.normalize("NFC", k): v for k, v in value.items()}


def _strings(section: dict[str, object], key: str) -> tuple[str, ...]:
    value = section.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"name_keys.toml: {key} must be a list of non-empty strings")
    return tuple(unicodedata.normalize("NFC", v) for v in value)


def _longest_first(keys: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any of ``keys``, the longest alternative first."""
    return re.compile("|".join(map(re.escape, sorted(keys, key=len, reverse=True))))


def _by_length(pairs: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(pairs.items(), key=lambda pair: len(pair[0]), reverse=True))


@cache
def _tables() -> _Tables:
    data = _load_toml("name_keys.toml")
    rom, key, pat = _section(data, "romanise"), _section(data, "key"), _section(data, "patronymic")
    anywhere, initial = _mapping(rom, "anywhere"), _mapping(rom, "initial")
    sounds = _mapping(key, "sounds")
    if set(sounds.values()) - set("abcdefghijklmnopqrstuvwxyz") - {""}:
        raise ValueError("name_keys.toml: sounds must map to one ASCII letter or to nothing")
    names_data = _load_toml("names.toml")
    markers = _strings(_section(names_data, "patronymic"), "markers")
    arabic_lineage = _strings(_section(names_data, "arabic"), "lineage")
    return _Tables(
        anywhere=anywhere,
        anywhere_pattern=_longest_first(anywhere),
        initial=initial,
        initial_pattern=re.compile(f"^(?:{_longest_first(initial).pattern})"),
        sounds=sounds,
        sounds_pattern=_longest_first([*sounds, _GLIDE_MARK]),
        loose=_mapping(key, "loose"),
        prefixes=_by_length(_mapping(key, "prefixes")),
        suffixes=_by_length(_mapping(key, "suffixes")),
        silent_h_endings=_strings(key, "silent_h_endings"),
        patronymic_endings=tuple(sorted(_strings(pat, "endings"), key=len, reverse=True)),
        lineage=frozenset(
            _fold(word) for word in (*markers, *arabic_lineage, *_strings(pat, "lineage"))
        ),
    )


# --------------------------------------------------------------------------------------------
# Romanisation

_NOT_ASCII_LETTER = re.compile(r"[^a-z]+")
# Marks left after NFC (Arabic harakat, a dot above from a lower-cased "İ"...) carry no letter.
_MARKS = frozenset({"Mn", "Me"})


def _fold(word: str) -> str:
    """Comparison form of a word: NFC, lower case, no combining marks."""
    lowered = unicodedata.normalize("NFC", word).lower()
    return "".join(ch for ch in lowered if unicodedata.category(ch) not in _MARKS)


def _spell(text: str, table: Mapping[str, str], pattern: re.Pattern[str]) -> str:
    """``text`` with every table entry replaced by its romanisation, other letters by anyascii."""
    parts: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        parts.append(anyascii(text[position : match.start()]))
        parts.append(table[match.group()])
        position = match.end()
    parts.append(anyascii(text[position:]))
    return "".join(parts)


@lru_cache(maxsize=1 << 16)
def romanise(word: str) -> str:
    """Lower-case ASCII romanisation of one word with Rollbook's conventions.

    anyascii transliterates, except where ``name_keys.toml`` says otherwise so that a word
    reads alike across the scripts these names come in: Azerbaijani ə -> a, x -> kh,
    c -> j, ş -> sh, ç -> ch, ğ -> gh; Azerbaijani Cyrillic ҹ/һ/ғ; Armenian ու -> u and
    initial ո -> vo, ե -> ye; Arabic long vowels written as vowels and ain as an opening
    vowel. Anything that is not an ASCII letter afterwards (apostrophes, soft signs, hyphens,
    digits) is dropped, and so are letters of scripts other than
    :data:`rollbook.model.names.SCRIPTS` (anyascii would read Japanese kanji as Chinese).
    Empty string if nothing is left (CJK, digits, punctuation).
    """
    script = names.detect_script(word)
    if script == "Unknown":
        return ""
    if script == "Mixed":
        word = "".join(ch for ch in word if names.detect_script(ch) != "Unknown")
    tables = _tables()
    text = _fold(word)
    head = ""
    if match := tables.initial_pattern.match(text):
        head = tables.initial[match.group()]
        text = text[match.end() :]
    spelt = head + _spell(text, tables.anywhere, tables.anywhere_pattern)
    return _NOT_ASCII_LETTER.sub("", spelt.lower())


# --------------------------------------------------------------------------------------------
# Keys

_VOWEL_OPENING = "a"
# A "y" between vowels is only a hiatus filler: Musayev ~ Мусаев, Əliyev ~ Алиев.
_FILLER_Y = re.compile(r"(?<=[aeiou])y+(?=[aeiou])")
# An "i" or "y" after a vowel and before a consonant closes a diphthong, which keeps
# Hüseynov ("ey") and Гусейнов apart from Həsənov and Гасанов. A word-final one is a vowel,
# so the stem "Серге" of "Сергеевич" keys like "Сергей".
_GLIDE = re.compile(r"(?<=[aeiou])[iy](?=[b-df-hj-np-tv-z])")
_GLIDE_MARK, _GLIDE_SOUND = "Y", "y"


def _rewrite_edges(spelt: str) -> str:
    """Apply the prefix, suffix and silent-h conventions to a romanised word."""
    tables = _tables()
    for old, new in tables.prefixes:
        if spelt.startswith(old):
            spelt = new + spelt[len(old) :]
            break
    for old, new in tables.suffixes:
        if spelt.endswith(old) and len(spelt) - len(old) >= 3:
            spelt = spelt[: -len(old)] + new
            break
    if (
        spelt[:1] == "h"
        and spelt[1:2] in tuple("aeiouy")
        and spelt.endswith(tables.silent_h_endings)
    ):
        spelt = spelt[1:]
    return _GLIDE.sub(_GLIDE_MARK, _FILLER_Y.sub("", spelt))


@lru_cache(maxsize=1 << 18)
def word_key(word: str) -> str:
    """A spelling-tolerant phonetic key of one name word ("" when there is none).

    The romanised word (:func:`romanise`) is rewritten at its edges (the Hovhannes family,
    "-jan" -> "-yan", an Armenian surname's silent initial "h"), cut into sound classes
    (``name_keys.toml`` [key] sounds), runs of one class count once, and vowels are dropped
    except for an "a" opening the key of a word that starts with one and a "y" closing a
    diphthong. So Məmmədov, Mammadov, Mamedov and Мамедов give "mmdv"; Hüseynov, Guseynov and
    Гусейнов "ksynv" (Həsənov "ksnv"); and an Arabic spelling gives the skeleton of its Latin
    one (محمد, Muhammad: "mkmd").

    A word that romanises to fewer than two letters (an initial, CJK, punctuation) has no key:
    callers treat "" as 'no key', never as a match.
    """
    spelt = romanise(word)
    if len(spelt) < 2:
        return ""
    tables = _tables()
    groups = tables.sounds_pattern.findall(_rewrite_edges(spelt))
    classes = [_GLIDE_SOUND if group == _GLIDE_MARK else tables.sounds[group] for group in groups]
    skeleton: list[str] = [_VOWEL_OPENING] if classes and not classes[0] else []
    previous: str | None = None
    for sound in classes:
        if sound != previous and sound:
            skeleton.append(sound)
        previous = sound
    return "".join(skeleton)


@lru_cache(maxsize=1 << 18)
def loose_key(key: str) -> str:
    """A coarser key from word keys (one or several, space-separated), for typo-prone lists.

    Each sound class that ``name_keys.toml`` [key] loose names is replaced by the class it
    merges into: "rxd" (Rəşad) and "rsd" (Resad) both give "rsd".
    """
    return key.translate(_loose_table())


@cache
def _loose_table() -> dict[int, str]:
    return str.maketrans(dict(_tables().loose))


# --------------------------------------------------------------------------------------------
# Patronymics


def _strip_patronymic_ending(word: str) -> str:
    """``word`` without its patronymic ending, if it has one and at least two letters stay."""
    word = unicodedata.normalize("NFC", word)
    for ending in _tables().patronymic_endings:
        size = len(ending)
        if len(word) - size >= 2 and word[-size:].lower() == ending:
            return word[:-size]
    return word


@lru_cache(maxsize=1 << 16)
def father_name(patronymic: str) -> str | None:
    """The father's given name as written inside a patronymic, or None when nothing is left.

    Marker words ("oğlu", "qızı", "kyzy", "оглы", "кызы", "ibn", "بن"...) are dropped and the
    first remaining word is the father's name ("Əli oğlu" -> "Əli", "بن علي حسن" -> "علي").
    A single word without a marker loses its patronymic ending ("Петровна" -> "Петр",
    "Alievich" -> "Ali", Armenian genitive "Գագիկի" -> "Գագիկ"); the stem keeps the letters as
    written, so its :func:`word_key` equals that of the father's name ("Алиевич" -> "Али").
    """
    lineage = _tables().lineage
    words = patronymic.split()
    kept = [word for word in words if _fold(word) not in lineage]
    if not kept:
        return None
    if len(kept) == len(words) == 1:
        return _strip_patronymic_ending(kept[0])
    return kept[0]


# --------------------------------------------------------------------------------------------
# Record keys


@dataclass(frozen=True, slots=True)
class NameKeys:
    """Keys of one record's name; "" means 'no key' in every field, never a match."""

    surname: str
    """Word keys of the surname words, sorted and joined by a space."""
    given: str
    """Word keys of the given name words (initials have none)."""
    father: str
    """Word keys of the father's given name, taken from the patronymic."""
    initials: str
    """First letters of the romanised given name and father's name ("ea" for "Э.А.")."""
    tokens: tuple[str, ...]
    """Sorted, de-duplicated word keys of all the above, for order-free comparison."""
    surname_spelt: str
    """The surname romanised (:func:`romanise`, word by word), for edit distances on typos."""
    given_spelt: str
    """The given name romanised likewise."""


_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?|[^\W\d_]")


@lru_cache(maxsize=1 << 16)
def _given_letters(given_name: str) -> tuple[str, ...]:
    """First letters of a given name, romanised: every one of a name written as initials.

    Cached per given name: a register has far fewer of them than pairs of given name and
    father's name.
    """
    words = given_name.split()
    if words and all(_INITIALS.fullmatch(word) for word in words):
        return tuple(romanise(letter)[:1] for word in words for letter in word.split("."))
    return tuple(romanise(word)[:1] for word in words[:1])


def _initials(given_name: str, father: str) -> str:
    """First letters of the given name and the father's name, romanised.

    A given name written only as initials gives them all ("Э.А." -> "ea"): the second one
    is then the father's, as in "Мамедов Э.А.".
    """
    letters = _given_letters(given_name)
    if father:
        return "".join((*letters[:1], romanise(father)[:1]))
    return "".join(letters)


@lru_cache(maxsize=1 << 17)
def _part_key(part: str) -> str:
    """:func:`rollbook.model.names.name_key` of one name part (cached: parts repeat)."""
    return names.name_key(part)


@lru_cache(maxsize=1 << 17)
def _spelt(part: str) -> str:
    """One name part romanised word by word, in its own word order."""
    return " ".join(word for word in map(romanise, part.split()) if word)


@lru_cache(maxsize=1 << 17)
def name_keys(full_name: str, surname: str, given_name: str, patronymic: str) -> NameKeys:
    """Keys of one record's name, from its parts or, when it has none, its full name.

    When surname, given name and patronymic are all empty, ``full_name`` is split with
    :func:`rollbook.model.names.split_full_name`. A name written only as initials ("E.
    Mammadov", "Мамедов Э.А.") yields initials but an empty given key. Cached: registers
    repeat names.
    """
    if not (surname.strip() or given_name.strip() or patronymic.strip()):
        parts = names.split_full_name(full_name)
        surname, given_name = parts.surname or "", parts.given_name or ""
        patronymic = parts.patronymic or ""
    father = father_name(patronymic) or ""
    surname_key = _part_key(surname)
    given_key = _part_key(given_name)
    father_key = _part_key(father)
    tokens = {*surname_key.split(), *given_key.split(), *father_key.split()}
    return NameKeys(
        surname=surname_key,
        given=given_key,
        father=father_key,
        initials=_initials(given_name, father),
        tokens=tuple(sorted(tokens)),
        surname_spelt=_spelt(surname),
        given_spelt=_spelt(given_name),
    )
