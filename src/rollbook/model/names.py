"""Personal names: the script they are written in, their parts, and a folded linkage key.

Pure domain code: it uses only the standard library, the word lists in
``rollbook/resources/names.toml`` (patronymic markers and endings, surname endings, Arabic
compound words) and, for the key, :mod:`rollbook.model.name_keys`.

Splitting never rewrites a name. Every part that :func:`split_full_name` returns is made of
the words of the input exactly as written (same script, same letters, same case); only the
whitespace between words is reduced to one space.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from rollbook.model import name_keys

__all__ = ["SCRIPTS", "NameParts", "detect_script", "name_key", "split_full_name"]

SCRIPTS: tuple[str, ...] = ("Latin", "Cyrillic", "Armenian", "Georgian", "Arabic")
"""The scripts :func:`detect_script` can name; it may also answer "Mixed" or "Unknown"."""

# --------------------------------------------------------------------------------------------
# Scripts

# Unicode blocks of letters, by first code point; the end is inclusive.
_BLOCKS: tuple[tuple[int, int, str], ...] = tuple(
    sorted(
        [
            (0x0041, 0x005A, "Latin"),
            (0x0061, 0x007A, "Latin"),
            (0x00AA, 0x00AA, "Latin"),
            (0x00BA, 0x00BA, "Latin"),
            (0x00C0, 0x024F, "Latin"),  # Latin-1 letters, Latin Extended-A and -B (Ə)
            (0x0250, 0x02AF, "Latin"),  # IPA Extensions (ə)
            (0x1D00, 0x1DBF, "Latin"),  # phonetic extensions
            (0x1E00, 0x1EFF, "Latin"),  # Latin Extended Additional
            (0x2C60, 0x2C7F, "Latin"),
            (0xA720, 0xA7FF, "Latin"),
            (0xAB30, 0xAB6F, "Latin"),
            (0xFB00, 0xFB06, "Latin"),  # ligatures
            (0xFF21, 0xFF3A, "Latin"),  # fullwidth
            (0xFF41, 0xFF5A, "Latin"),
            (0x0400, 0x052F, "Cyrillic"),  # Cyrillic and Cyrillic Supplement
            (0x1C80, 0x1C8F, "Cyrillic"),
            (0x2DE0, 0x2DFF, "Cyrillic"),
            (0xA640, 0xA69F, "Cyrillic"),
            (0x0530, 0x058F, "Armenian"),
            (0xFB13, 0xFB17, "Armenian"),  # ligatures
            (0x10A0, 0x10FF, "Georgian"),
            (0x1C90, 0x1CBF, "Georgian"),  # Mtavruli
            (0x2D00, 0x2D2F, "Georgian"),
            (0x0600, 0x06FF, "Arabic"),
            (0x0750, 0x077F, "Arabic"),
            (0x0870, 0x08FF, "Arabic"),
            (0xFB50, 0xFDFF, "Arabic"),  # presentation forms A
            (0xFE70, 0xFEFF, "Arabic"),  # presentation forms B
        ]
    )
)
_BLOCK_STARTS: tuple[int, ...] = tuple(start for start, _, _ in _BLOCKS)
_OTHER = "Other"
# Spacing modifier letters (ʼ, ʻ) serve as apostrophes in several scripts: not evidence.
_NEUTRAL_LETTERS = range(0x02B0, 0x0300)


@lru_cache(maxsize=4096)
def _letter_script(char: str) -> str | None:
    """The script of one character, None if it is not a letter or is script-neutral."""
    if not char.isalpha():
        return None
    point = ord(char)
    if point in _NEUTRAL_LETTERS:
        return None
    index = bisect_right(_BLOCK_STARTS, point) - 1
    if index >= 0:
        start, end, script = _BLOCKS[index]
        if start <= point <= end:
            return script
    return _OTHER


@lru_cache(maxsize=1 << 16)
def _word_scripts(word: str) -> frozenset[str]:
    """The scripts of a word's letters (cached: names repeat their words)."""
    return frozenset(s for s in map(_letter_script, word) if s is not None)


def _script_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for char in text:
        script = _letter_script(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    return counts


def detect_script(text: str) -> str:
    """Name the script ``text`` is written in, judging by its letters' Unicode blocks.

    Returns one of :data:`SCRIPTS` when every letter belongs to that script, "Mixed" when
    letters of two or more scripts occur (a letter of a script outside :data:`SCRIPTS` counts
    as a script of its own), and "Unknown" when there is no letter or only letters of
    scripts outside :data:`SCRIPTS`. Digits, punctuation, marks and modifier letters used as
    apostrophes are ignored.
    """
    return script_name(text_scripts(text))


def text_scripts(text: str) -> frozenset[str]:
    """The scripts of the letters of a text's words (see :func:`detect_script`)."""
    return frozenset().union(*map(_word_scripts, text.split()))


def script_name(scripts: frozenset[str]) -> str:
    """What :func:`detect_script` says of a text whose words' letters are in ``scripts``."""
    if len(scripts) > 1:
        return "Mixed"
    if not scripts or _OTHER in scripts:
        return "Unknown"
    return next(iter(scripts))


def _dominant_script(text: str) -> str:
    counts = _script_counts(text)
    if not counts:
        return "Unknown"
    return max(counts, key=lambda script: counts[script])


# --------------------------------------------------------------------------------------------
# Word lists

# Letters a word must keep in front of an ending for the ending to count ("Lev" is not "-ev").
_MIN_STEM = 3

# Foldings applied before any comparison with the word lists.
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
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "ʻ": "'",
        "`": "'",
    }
)
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")


def _fold(word: str) -> str:
    """Comparison form of one word: NFC, casefolded, folded, without edge punctuation."""
    folded = unicodedata.normalize("NFC", word).casefold().translate(_FOLD)
    return _EDGE_PUNCTUATION.sub("", folded)


@dataclass(frozen=True, slots=True)
class _Rules:
    markers: frozenset[str]
    suffixes: tuple[str, ...]
    shared_suffixes: tuple[str, ...]
    strong_endings: tuple[str, ...]
    weak_endings: tuple[str, ...]
    joins_next: frozenset[str]
    joins_previous: frozenset[str]
    lineage: frozenset[str]


def _word_list(data: dict[str, object], table: str, key: str) -> tuple[str, ...]:
    section = data.get(table)
    values = section.get(key) if isinstance(section, dict) else None
    if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
        raise ValueError(f"names.toml: [{table}] {key} must be a non-empty list of strings")
    folded = tuple(dict.fromkeys(_fold(value) for value in values))
    if "" in folded:
        raise ValueError(f"names.toml: [{table}] {key} holds an empty entry")
    return folded


@cache
def _rules() -> _Rules:
    resource = files("rollbook") / "resources" / "names.toml"
    data: dict[str, object] = tomllib.loads(resource.read_text(encoding="utf-8"))
    return _Rules(
        markers=frozenset(_word_list(data, "patronymic", "markers")),
        suffixes=_word_list(data, "patronymic", "suffixes"),
        shared_suffixes=_word_list(data, "patronymic", "shared_suffixes"),
        strong_endings=_word_list(data, "surname", "strong"),
        weak_endings=_word_list(data, "surname", "weak"),
        joins_next=frozenset(_word_list(data, "arabic", "joins_next")),
        joins_previous=frozenset(_word_list(data, "arabic", "joins_previous")),
        lineage=frozenset(_word_list(data, "arabic", "lineage")),
    )


def _has_ending(word: str, endings: Sequence[str]) -> bool:
    return any(word.endswith(end) and len(word) - len(end) >= _MIN_STEM for end in endings)


def _surname_rank(word: str) -> int:
    """2 for a word with a typical surname ending, 1 for a weaker ending, 0 for none."""
    rules = _rules()
    if _has_ending(word, rules.strong_endings):
        return 2
    if _has_ending(word, rules.weak_endings):
        return 1
    return 0


_NOT_PATRONYMIC, _PATRONYMIC, _SHARED_PATRONYMIC = 0, 1, 2


def _patronymic_kind(word: str) -> int:
    rules = _rules()
    if _surname_rank(word):
        return _NOT_PATRONYMIC
    if _has_ending(word, rules.suffixes):
        return _PATRONYMIC
    if _has_ending(word, rules.shared_suffixes):
        return _SHARED_PATRONYMIC
    return _NOT_PATRONYMIC


# --------------------------------------------------------------------------------------------
# Splitting


@dataclass(frozen=True, slots=True)
class NameParts:
    """The parts of one personal name, each as written in the source, or None if absent."""

    surname: str | None
    given_name: str | None
    patronymic: str | None


_SURNAME_FIRST_SCRIPTS = frozenset({"Cyrillic", "Armenian", "Georgian"})


def _join(words: Sequence[str]) -> str | None:
    return " ".join(words) or None


def _find_patronymic(folded: Sequence[str]) -> tuple[int, int] | None:
    """Where the patronymic is, as a slice (start, stop) of the words, or None.

    A patronymic never opens a name. A Turkic marker ("oğlu", "qızı", "оглы") takes the word
    before it along. Otherwise the last word with a patronymic ending is taken, except that
    when the final word and the one before it both end like "-ович" the final one is read as
    a surname ("Иван Петрович Карпович").
    """
    rules = _rules()
    for index in range(len(folded) - 1, 0, -1):
        if folded[index] in rules.markers:
            return index - 1, index + 1
    kinds = {
        index: kind
        for index in range(1, len(folded))
        if (kind := _patronymic_kind(folded[index])) != _NOT_PATRONYMIC
    }
    if not kinds:
        return None
    chosen = max(kinds)
    if chosen == len(folded) - 1 and kinds[chosen] == _SHARED_PATRONYMIC and chosen - 1 in kinds:
        chosen -= 1
    return chosen, chosen + 1


def _surname_and_given(
    words: Sequence[str], folded: Sequence[str], *, surname_first: bool
) -> tuple[str | None, str | None]:
    """Split words with no patronymic into (surname, given name).

    One word is a surname if it has a surname ending, else a given name. With more, the
    surname is the first or the last word, whichever has the stronger surname ending; on a
    tie ``surname_first`` decides.
    """
    if not words:
        return None, None
    if len(words) == 1:
        return (words[0], None) if _surname_rank(folded[0]) else (None, words[0])
    if _surname_is_last(folded, surname_first=surname_first):
        return words[-1], _join(words[:-1])
    return words[0], _join(words[1:])


def _surname_is_last(folded: Sequence[str], *, surname_first: bool) -> bool:
    """Whether the last word rather than the first is the surname (for two or more words)."""
    first, last = _surname_rank(folded[0]), _surname_rank(folded[-1])
    return last > first or (last == first and not surname_first)


def _split_around(words: Sequence[str], folded: Sequence[str], start: int, stop: int) -> NameParts:
    patronymic = _join(words[start:stop])
    before, after = words[:start], words[stop:]
    if before and after:
        return NameParts(_join(after), _join(before), patronymic)
    if before:
        surname, given = _surname_and_given(before, folded[:start], surname_first=True)
    else:
        surname, given = _surname_and_given(after, folded[stop:], surname_first=True)
    return NameParts(surname, given, patronymic)


def _split_after_comma(surname_words: Sequence[str], rest: Sequence[str]) -> NameParts:
    folded = [_fold(word) for word in rest]
    span = _find_patronymic(folded)
    if span is None:
        return NameParts(_join(surname_words), rest[0], _join(rest[1:]))
    start, stop = span
    given = _join([*rest[:start], *rest[stop:]])
    return NameParts(_join(surname_words), given, _join(rest[start:stop]))


def _split_arabic(words: Sequence[str], folded: Sequence[str]) -> NameParts:
    rules = _rules()
    groups: list[list[str]] = []
    group_folded: list[str] = []  # folded first word of each group
    pending: list[str] = []
    pending_first = ""
    for word, key in zip(words, folded, strict=True):
        if pending:
            pending.append(word)
            if key not in rules.joins_next:
                groups.append(pending)
                group_folded.append(pending_first)
                pending = []
        elif key in rules.joins_next:
            pending, pending_first = [word], key
        elif key in rules.joins_previous and groups:
            groups[-1].append(word)
        else:
            groups.append([word])
            group_folded.append(key)
    if pending:
        groups.append(pending)
        group_folded.append(pending_first)
    names = [" ".join(group) for group in groups]
    if len(names) == 1:
        return NameParts(None, names[0], None)
    if group_folded[-1] in rules.lineage:
        return NameParts(None, names[0], _join(names[1:]))
    return NameParts(names[-1], names[0], _join(names[1:-1]))


def split_full_name(text: str) -> NameParts:
    """Split a name written whole into surname, given name and patronymic.

    Parts keep the words exactly as written. Conventions handled, in order:

    * A comma: "Surname, Given Patronymic" ("Мамедов, Эльвин Алиевич"). Without a detected
      patronymic, the first word after the comma is the given name and the rest the
      patronymic.
    * A patronymic, found by a Turkic marker after the father's name ("Məmmədov Elvin Əli
      oğlu", also oglu/ogly/qızı/qizi/kyzy and Cyrillic оглы/кызы) or by its ending (Russian
      and Ukrainian -ович/-евич/-ич/-овна/-евна/-ична/-івна and Latin -ovich/-ovna...,
      Armenian genitive -ի as in "Հովհաննիսյան Արամ Գագիկի"). Words on both sides of it read
      "Given Patronymic Surname" ("Эльвин Алиевич Мамедов"); words only on one side hold the
      surname first or last, by surname ending, first on a tie ("Мамедов Эльвин Алиевич").
    * Arabic script: given name first, surname last, the words between are the patronymic
      chain ("محمد علي حسن"); compounds such as "عبد الله", "أبو بكر", "نور الدين" count as one
      name, and a name ending in a "بن ..." group has no surname.
    * Otherwise the surname is the first or last word, whichever has the stronger surname
      ending (-ov/-ova/-ev/-yan/-zade/-shvili/-dze/-enko/-uk... strong; -li/-lı/-ia/-uri...
      weak; Cyrillic, Armenian and Georgian forms too). On a tie, Latin-script names read
      given name first ("Elvin Rauf"), Cyrillic, Armenian and Georgian ones surname first
      ("Мамедов Эльвин"). With three words the middle one is the patronymic; with four or
      more, the words other than the surname make the given name.
    * A single word is the surname if it has a surname ending, else the given name.

    Empty or blank text gives ``NameParts(None, None, None)``.
    """
    head, comma, tail = text.replace("،", ",").partition(",")
    rest = tail.replace(",", " ").split()
    if comma and head.split() and rest:
        return _split_after_comma(head.split(), rest)
    words = text.replace("،", " ").replace(",", " ").split()
    if not words:
        return NameParts(None, None, None)
    folded = [_fold(word) for word in words]
    span = _find_patronymic(folded)
    if span is not None:
        return _split_around(words, folded, *span)
    script = _dominant_script(text)
    if script == "Arabic":
        return _split_arabic(words, folded)
    surname_first = script in _SURNAME_FIRST_SCRIPTS
    if len(words) == 3:
        if _surname_is_last(folded, surname_first=surname_first):
            return NameParts(words[2], words[0], words[1])
        return NameParts(words[0], words[1], words[2])
    surname, given = _surname_and_given(words, folded, surname_first=surname_first)
    return NameParts(surname, given, None)


# --------------------------------------------------------------------------------------------
# Linkage key

# Name words are split at anything but letters, marks and apostrophes: "Məmmədov-Əliyev" holds
# two words, "O'Neil" one.
_KEY_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f\u064b-\u065f'’ʼʻ`])+")


def name_key(text: str) -> str:
    """A key for searching and linking names across scripts and spellings.

    The text is cut into words at anything other than a letter or apostrophe ("Məmmədov-Əliyev"
    is two words; digits are dropped); each word becomes its
    :func:`rollbook.model.name_keys.word_key`, a phonetic consonant skeleton that agrees for
    Məmmədov, Mammadov, Mamedov and Мамедов; words without a key (initials, unreadable
    scripts) are left out, and the keys are sorted and joined by one space, so word order
    does not matter. A search for "Mammadov" thus finds Məmmədov and Мамедов:

    >>> name_key("Məmmədov Elvin") == name_key("Elvin MAMEDOV") == name_key("Эльвин Мамедов")
    True
    """
    keys = key_words(text)
    keys.sort()
    return " ".join(keys)


def indexed_words(key: str) -> set[str]:
    """The distinct words of a name key: what the index of name words holds for a record,
    and what a name search looks up."""
    return set(key.split())


def key_words(text: str) -> list[str]:
    """The word keys of a text's words, in the words' order (:func:`name_key` sorts them)."""
    return [key for word in _KEY_WORD.findall(text) if (key := name_keys.word_key(word))]
