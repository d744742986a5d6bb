"""A synthetic cross-script corpus for judging record linkage of casualty lists.

    python benchmarks/linkage/corpus.py OUT_DIR [--people 3000] [--seed 7] [--style a|b]

Writes an invented population of servicemen (``population.csv``) and several overlapping lists
of it, each as a user would receive it, plus ``truth.csv`` (file, row, person) and
``manifest.json`` (each file's encoding, delimiter and ``rollbook import`` options).

Everything is invented: names are built from made-up syllables, with a few very common generic
surnames and given names mixed in so that different people share names; districts, units and
service numbers are made up too. Two parties are generated: side A, with Azerbaijani-style
names written in Azerbaijani Latin, and side B, with Armenian-style "-yan" surnames written
in Armenian letters. Each name is held as the sounds it is made of and written out by small
renderers written for this file only (no Rollbook code is used), so the same person comes out
as "Hüseynov", "Гусейнов", "Huseynov", "Guseynov" or "Guseinov" depending on the list.

``--style a`` (the default) and ``--style b`` use different conventions, typo rates and list
mixes, so that a linker tuned on one can be checked on the other:

* ministry (side A, Azerbaijani Latin, service numbers). a: Soyadı / Adı / Ata adı
  ("X oğlu"), dd.mm.yyyy. b: one "Soyadı, adı, ata adı" column, dd/mm/yyyy.
* russian (both sides, Windows-1251). a: comma-separated, Soviet-style spelling (h -> г,
  ə -> е, double letters dropped), -ович or "оглы", half the births a year only.
  b: semicolon-separated (Excel), h -> х, ə -> а, double letters kept, "Год рождения" (years).
* armenian (side B, Armenian letters). a: birth years. b: other column order, full dates.
* english (both sides, "Given Surname" in one column, "14 October 2020"). a: passport,
  typist and Russian-derived romanisations. b: "Given SURNAME"; BGN/PCGN and ICAO from the
  Russian form, French-style, Western Armenian ("Krikorian", "-ian").
* ngo. a: side A in Azerbaijani Latin, diacritics often dropped, ~12% typos. b: both sides
  in Russian Cyrillic, one ФИО column, ~20% typos.

Every ngo list has missing fields, day/month swaps and within-list duplicates. About 4% of
the people are "hard negatives": someone else with the same surname, given name, birth year
and district. Rows are numbered as Rollbook counts them: the header is row 1, the first data
row is row 2 (no cell holds a line break, so a row is a line).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Final

# ------------------------------------------------------------------------------ vocabulary

# Side A names are written in Azerbaijani orthography, which is phonemic: one letter, one sound.
A_GIVEN_ONSETS: Final = (
    "Ər", "El", "Rə", "Tu", "Vü", "Ka", "Nə", "Hü", "Xə", "Ca", "Şa", "Ça", "Qə", "Zi",
    "Mə", "Fü", "Ya", "Ö", "Sə", "Co", "Ba", "İl",
)  # fmt: skip
A_GIVEN_CODAS: Final = (
    "vin", "şad", "ral", "mil", "sal", "xan", "yub", "kan", "lim", "dar", "cid", "qub",
    "ğun", "rüz", "həd", "vər", "tiş", "nar",
)  # fmt: skip
A_FEMALE_CODAS: Final = ("nurə", "gül", "ayə", "lalə", "minə", "sərə")
A_STEM_HEADS: Final = (
    "Qa", "Tü", "Mə", "Zo", "Bəh", "Do", "Xə", "Sö", "Vu", "Pə", "Kə", "Lə", "Gə", "Çö",
    "Şü", "Əb", "Ja", "Rü", "Hə", "Cə", "Nu", "Yə",
)  # fmt: skip
A_STEM_TAILS: Final = (
    "vəl", "bək", "dar", "müz", "sən", "qul", "təm", "rıd", "zal", "hüm", "çin", "xar",
    "döl", "yaz", "noğ", "pir", "məd", "lil",
)  # fmt: skip
# Generic, very common surnames and given names: they make different people share names.
A_COMMON_SURNAMES: Final = (
    "Məmmədov", "Hüseynov", "Əliyev", "Həsənov", "Quliyev", "Cəfərov", "Abbasov", "Xəlilov",
)  # fmt: skip
A_COMMON_GIVEN: Final = ("Elvin", "Rəşad", "Orxan", "Tural", "Cavid", "Hüseyn", "Vüsal", "Əli")
A_DISTRICTS: Final = (
    "Velüçay", "Qarmüzlü", "Tövlənd", "Bəzmirən", "Norqəla", "Xozvəng", "Lüvəran",
    "Dərzəmin", "Fəzlik", "Çarvüz", "Mörkənd", "Yalbəsər", "Həzcal", "Şəmtala",
)  # fmt: skip

# Side B names are written in a phonemic Latin notation: "kh", "gh", "sh", "zh", "ch", "ts",
# "dz", "rr" are one sound each, an apostrophe marks an aspirated consonant (k', t', p',
# ch', ts').
B_GIVEN_ONSETS: Final = (
    "ar", "ho", "ga", "va", "ts'o", "kha", "na", "ti", "se", "mhe", "da", "gho", "le",
    "ra", "ashk", "zhi",
)  # fmt: skip
B_GIVEN_CODAS: Final = (
    "ren", "vik", "gen", "rush", "t'an", "mel", "dzor", "sag", "hik", "zar", "bed", "nur",
)  # fmt: skip
B_FEMALE_CODAS: Final = ("ine", "ush", "mine", "ruhi")
B_STEM_HEADS: Final = (
    "ba", "ga", "t'o", "me", "kho", "dzi", "ve", "ghu", "p'a", "sa", "te", "gri", "ho",
    "ch'a", "ke", "zo",
)  # fmt: skip
B_STEM_TAILS: Final = (
    "rag", "tin", "vush", "lak", "mer", "dig", "bar", "sun", "ghon", "k'ar", "p'el",
    "shat", "ran", "dov",
)  # fmt: skip
B_COMMON_SURNAMES: Final = ("petrosyan", "grigoryan", "sargsyan", "hovhannisyan", "karapetyan")
B_COMMON_GIVEN: Final = ("armen", "davit'", "narek", "hayk", "tigran", "gor")
B_DISTRICTS: Final = (
    "vardzor", "t'alin", "bergham", "sevakert", "mughan", "tsaghkotn", "araberd", "noravik",
)  # fmt: skip

# (Azerbaijani, Russian, Armenian, English, weight, youngest, oldest)
RANKS: Final = (
    ("Əsgər", "Рядовой", "Շարքային", "Private", 52, 18, 21),
    ("Kiçik çavuş", "Младший сержант", "Կրտսեր սերժանտ", "Junior sergeant", 7, 19, 24),
    ("Çavuş", "Сержант", "Սերժանտ", "Sergeant", 9, 20, 30),
    ("Baş çavuş", "Старший сержант", "Ավագ սերժանտ", "Senior sergeant", 7, 22, 40),
    ("Gizir", "Прапорщик", "Ենթասպա", "Warrant officer", 6, 22, 40),
    ("Leytenant", "Лейтенант", "Լեյտենանտ", "Lieutenant", 7, 21, 25),
    ("Baş leytenant", "Старший лейтенант", "Ավագ լեյտենանտ", "Senior lieutenant", 5, 23, 28),
    ("Kapitan", "Капитан", "Կապիտան", "Captain", 4, 25, 35),
    ("Mayor", "Майор", "Մայոր", "Major", 3, 30, 42),
)

WAR_START: Final = date(2020, 9, 27)
WAR_DAYS: Final = 45
EN_MONTHS: Final = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

# ------------------------------------------------------------------------------ side A writing

A_VOWELS: Final = frozenset("aəeıioöuü")


def az_lower(text: str) -> str:
    """Lower-case Azerbaijani ("I" -> "ı", "İ" -> "i")."""
    return text.replace("I", "ı").replace("İ", "i").lower()


def az_title(word: str) -> str:
    """Capitalise an Azerbaijani word ("i" -> "İ")."""
    if not word:
        return word
    head = "İ" if word[0] == "i" else ("I" if word[0] == "ı" else word[0].upper())
    return head + word[1:]


def title(word: str) -> str:
    """Capitalise the first letter only (works for Latin, Cyrillic and Armenian)."""
    return word[:1].upper() + word[1:]


# Letters that are the same sound in every side A rendering to Russian.
_A_RU: Final = {
    "a": "а", "b": "б", "d": "д", "f": "ф", "g": "г", "ğ": "г", "x": "х", "i": "и",
    "j": "ж", "k": "к", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с",
    "ş": "ш", "t": "т", "u": "у", "v": "в", "z": "з", "ç": "ч", "c": "дж", "l": "л",
    "ı": "ы",
}  # fmt: skip
_RU_IOTATED: Final = {"a": "я", "ə": "я", "u": "ю", "ü": "ю", "e": "е", "o": "ё"}


def a_to_ru(word: str, soviet: bool) -> str:
    """Write a side A word (lower-case Azerbaijani) in Russian Cyrillic.

    ``soviet`` is the older, Russified habit: ``h`` -> ``г``, ``ə`` -> ``а`` in the first
    syllable and ``е`` after it, ``ü`` -> ``у``, ``ö`` -> ``о`` and double letters written
    once ("Məmmədov" -> "Мамедов"). Otherwise: ``h`` -> ``х``, ``ə`` -> ``а`` (``э`` first),
    ``ü`` -> ``ю``, ``ö`` -> ``ё``, double letters kept ("Маммадов").
    """
    w = az_lower(word)
    if w.endswith("zadə") and len(w) > 4:
        return a_to_ru(w[:-4], soviet) + "заде"
    out: list[str] = []
    seen_vowel = False
    i = 0
    while i < len(w):
        ch = w[i]
        nxt = w[i + 1] if i + 1 < len(w) else ""
        first = i == 0
        if soviet and i > 0 and ch == w[i - 1] and ch not in A_VOWELS:
            i += 1
            continue
        if ch == "ə":
            if soviet:
                out.append("а" if not seen_vowel else "е")
            else:
                out.append("э" if first else "а")
        elif ch == "e":
            out.append("э" if first else "е")
        elif ch == "h":
            out.append("г" if soviet else "х")
        elif ch == "q":
            out.append("г" if first or not nxt else "к")
        elif ch == "ü":
            hushing = bool(out) and out[-1][-1] in "шчжг"
            out.append("у" if soviet or first or hushing else "ю")
        elif ch == "ö":
            out.append("о" if soviet or first else "ё")
        elif ch == "y" and nxt in _RU_IOTATED:
            out.append(_RU_IOTATED[nxt])
            seen_vowel = True
            i += 2
            continue
        elif ch == "y":
            out.append("й")
        elif ch == "l" and nxt and nxt not in A_VOWELS and nxt != "l" and nxt != "y":
            out.append("ль")
        else:
            out.append(_A_RU.get(ch, ch))
        seen_vowel = seen_vowel or ch in A_VOWELS
        i += 1
    return title("".join(out))


_A_PASSPORT: Final = {
    "ə": "a", "ı": "i", "ö": "o", "ü": "u", "ş": "sh", "ç": "ch", "ğ": "gh", "x": "kh",
    "c": "j", "q": "g", "j": "zh",
}  # fmt: skip
_A_TYPIST_E: Final = {"ə": "e", "ı": "i", "ö": "o", "ü": "u", "ş": "s", "ç": "c", "ğ": "g"}
_A_TYPIST_A: Final = {**_A_TYPIST_E, "ə": "a"}
_A_FRENCH: Final = {
    "ə": "e", "ı": "y", "ö": "eu", "ü": "u", "u": "ou", "ş": "ch", "ç": "tch", "ğ": "gh",
    "x": "kh", "c": "dj", "q": "g", "j": "j",
}  # fmt: skip


def a_to_latin(word: str, table: dict[str, str]) -> str:
    """Write a side A word with a letter-for-letter Latin table (passport, typist, French)."""
    return title("".join(table.get(ch, ch) for ch in az_lower(word)))


# ------------------------------------------------------------------------------ side B writing

_B_UNITS: Final = (
    "ch'", "ts'", "kh", "gh", "sh", "zh", "ch", "ts", "dz", "rr", "k'", "t'", "p'",
)  # fmt: skip
B_VOWELS: Final = frozenset("aeiou")


def b_sounds(word: str) -> list[str]:
    """Split a side B word into its sounds, longest unit first ("ts'ogh" -> ts', o, gh)."""
    out: list[str] = []
    i = 0
    while i < len(word):
        for unit in _B_UNITS:
            if word.startswith(unit, i):
                out.append(unit)
                i += len(unit)
                break
        else:
            out.append(word[i])
            i += 1
    return out


_B_HY: Final = {
    "a": "ա", "b": "բ", "g": "գ", "d": "դ", "z": "զ", "zh": "ժ", "i": "ի", "l": "լ",
    "kh": "խ", "ts": "ծ", "k": "կ", "h": "հ", "dz": "ձ", "gh": "ղ", "ch": "ճ", "m": "մ",
    "y": "յ", "n": "ն", "sh": "շ", "ch'": "չ", "p": "պ", "j": "ջ", "rr": "ռ", "s": "ս",
    "v": "վ", "t": "տ", "r": "ր", "ts'": "ց", "u": "ու", "p'": "փ", "k'": "ք", "f": "ֆ",
    "t'": "թ",
}  # fmt: skip


def b_to_hy(word: str) -> str:
    """Write a side B word in Armenian letters (Eastern orthography, simplified)."""
    sounds = b_sounds(word)
    out: list[str] = []
    for i, s in enumerate(sounds):
        if s == "e":
            out.append("է" if i == 0 else "ե")
        elif s == "o":
            out.append("օ" if i == 0 else "ո")
        else:
            out.append(_B_HY.get(s, s))
    return title("".join(out))


def b_genitive_hy(word: str) -> str:
    """The Armenian patronymic as lists write it: the father's name in the genitive."""
    name = b_to_hy(word)
    return name + ("յի" if word[-1] in B_VOWELS else "ի")


_B_RU: Final = {
    "a": "а", "b": "б", "g": "г", "d": "д", "e": "е", "z": "з", "zh": "ж", "i": "и",
    "l": "л", "kh": "х", "ts": "ц", "ts'": "ц", "k": "к", "k'": "к", "dz": "дз", "ch": "ч",
    "ch'": "ч", "m": "м", "n": "н", "sh": "ш", "o": "о", "p": "п", "p'": "п", "j": "дж",
    "rr": "р", "s": "с", "v": "в", "t": "т", "t'": "т", "r": "р", "u": "у", "f": "ф",
}  # fmt: skip


def b_to_ru(word: str, soft_h: bool) -> str:
    """Write a side B word in Russian Cyrillic.

    ``h`` and ``gh`` are ``г`` (``soft_h`` False) or ``х``; a first ``h`` before ``o`` is
    dropped ("hovhannes" -> "Оганес"/"Оханес"); ``y`` + vowel is one iotated letter.
    """
    sounds = b_sounds(word)
    out: list[str] = []
    i = 0
    while i < len(sounds):
        s = sounds[i]
        nxt = sounds[i + 1] if i + 1 < len(sounds) else ""
        if s == "h" and i == 0 and nxt == "o":
            i += 1
            continue
        if s in ("h", "gh"):
            out.append("х" if soft_h else "г")
        elif s == "y" and nxt in ("a", "u", "e", "o"):
            out.append({"a": "я", "u": "ю", "e": "е", "o": "ё"}[nxt])
            i += 2
            continue
        elif s == "y":
            out.append("й")
        else:
            out.append(_B_RU.get(s, s))
        i += 1
    return title("".join(out))


def b_to_latin(word: str, western: bool) -> str:
    """Write a side B word in Latin letters.

    Eastern (official) style: "kh", "gh", "ts", aspiration marks dropped, "-yan", a first
    ``e`` written "ye". ``western``: the diaspora habit, with ``b/p``, ``d/t``, ``g/k`` and
    ``j/ch`` swapped for unaspirated consonants, "ou" for ``u`` and "-ian"
    ("grigoryan" -> "Krikorian").
    """
    sounds = b_sounds(word)
    swap = {"b": "p", "p": "b", "d": "t", "t": "d", "g": "k", "k": "g", "j": "ch", "ch": "j"}
    out: list[str] = []
    for i, s in enumerate(sounds):
        if western and s == "y" and sounds[i + 1 : i + 3] == ["a", "n"] and i + 3 == len(sounds):
            out.append("i")
        elif western and s in swap:
            out.append(swap[s])
        elif s == "u":
            out.append("ou" if western else "u")
        elif s == "e" and i == 0 and not western:
            out.append("ye")
        elif s == "rr":
            out.append("r" if western else "rr")
        else:
            out.append(s.rstrip("'"))
    return title("".join(out))


# ------------------------------------------------------------------------------ Russian to Latin

_BGN: Final = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_ICAO: Final = {**_BGN, "й": "i", "ю": "iu", "я": "ia", "ъ": "ie"}
_RU_VOWELS: Final = frozenset("аеёиоуыэюя")


def ru_to_latin(word: str, icao: bool) -> str:
    """Romanise a Russian word: BGN/PCGN-like ("Алиев" -> "Aliyev") or ICAO ("Aliev")."""
    table = _ICAO if icao else _BGN
    out: list[str] = []
    prev = ""
    for ch in word.lower():
        if ch in "её":
            after_vowel = not prev or prev in _RU_VOWELS or prev in "ьъ"
            base = "e" if ch == "е" else "o"
            out.append(("y" + base) if after_vowel and not icao else ("e" if icao else base))
        else:
            out.append(table.get(ch, ch))
        prev = ch
    return title("".join(out))


def ru_patronymic(father_ru: str, female: bool) -> str:
    """A Russian patronymic from a father's name written in Cyrillic."""
    soft = father_ru[-1] in "йь" or father_ru[-1] in _RU_VOWELS or father_ru[-1] in "шчжц"
    stem = father_ru[:-1] if father_ru[-1] in "йь" else father_ru
    if female:
        return stem + ("евна" if soft else "овна")
    return stem + ("евич" if soft else "ович")


# ------------------------------------------------------------------------------ typos


def typo(rng: random.Random, text: str) -> str:
    """One keying slip in ``text``: a letter dropped, doubled, swapped or replaced."""
    if len(text) < 4:
        return text
    i = rng.randrange(1, len(text) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return text[:i] + text[i + 1 :]
    if kind == 1:
        return text[:i] + text[i] + text[i:]
    if kind == 2:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    letters = [c for c in text.lower() if c.isalpha() and c != text[i]]
    return text[:i] + (rng.choice(letters) if letters else text[i]) + text[i + 1 :]


# ------------------------------------------------------------------------------ people


@dataclass(frozen=True)
class Person:
    """One invented serviceman or servicewoman; names lower-case, in the side's notation."""

    pid: int
    side: str  # "A" or "B"
    sex: str  # "M" or "F"
    surname: str
    given: str
    father: str
    birth: date
    death: date
    unit: int
    rank: int
    district: str
    service_number: str
    twin_of: int = 0


def _weighted(rng: random.Random, common: Sequence[str], invented: Sequence[str], p: float) -> str:
    return rng.choice(common) if rng.random() < p else rng.choice(invented)


@dataclass
class Vocabulary:
    """The name pools of both sides, lower-case."""

    a_given: list[str] = field(default_factory=list)
    a_female: list[str] = field(default_factory=list)
    a_surnames: list[str] = field(default_factory=list)
    b_given: list[str] = field(default_factory=list)
    b_female: list[str] = field(default_factory=list)
    b_surnames: list[str] = field(default_factory=list)


def vocabulary() -> Vocabulary:
    """Compose the invented names from syllables."""
    v = Vocabulary()
    v.a_given = [az_lower(o + c) for o in A_GIVEN_ONSETS for c in A_GIVEN_CODAS]
    v.a_female = [az_lower(o + c) for o in A_GIVEN_ONSETS for c in A_FEMALE_CODAS]
    for head in A_STEM_HEADS:
        for tail in A_STEM_TAILS:
            stem = az_lower(head + tail)
            v.a_surnames += [stem + "ov", stem + "ov", stem + "li", stem + "zadə"]
            v.a_surnames.append(stem + ("yev" if stem[-1] in A_VOWELS else "ov"))
    v.b_given = [o + c for o in B_GIVEN_ONSETS for c in B_GIVEN_CODAS]
    v.b_female = [o + c for o in B_GIVEN_ONSETS for c in B_FEMALE_CODAS]
    v.b_surnames = [h + t + "yan" for h in B_STEM_HEADS for t in B_STEM_TAILS]
    return v


def make_population(n: int, seed: int) -> list[Person]:
    """``n`` people: about three in four on side A; about 4% are hard-negative twins."""
    rng = random.Random(f"population-{seed}")
    v = vocabulary()
    a_districts = [az_lower(d) for d in A_DISTRICTS]
    units = rng.sample(range(10000, 99999), 300)
    rank_weights = [r[4] for r in RANKS]
    people: list[Person] = []
    numbers = rng.sample(range(10_000_000, 99_999_999), n)
    twins = max(1, n // 25)
    while len(people) < n:
        pid = len(people) + 1
        if len(people) >= n - twins and people:
            base = rng.choice(people[: n - twins])
            people.append(_twin(rng, base, pid, units, v, numbers[pid - 1]))
            continue
        side = "A" if rng.random() < 0.75 else "B"
        sex = "F" if rng.random() < 0.03 else "M"
        if side == "A":
            surname = _weighted(rng, [az_lower(s) for s in A_COMMON_SURNAMES], v.a_surnames, 0.3)
            if sex == "F":
                given = rng.choice(v.a_female)
            else:
                given = _weighted(rng, [az_lower(g) for g in A_COMMON_GIVEN], v.a_given, 0.3)
            father = _weighted(rng, [az_lower(g) for g in A_COMMON_GIVEN], v.a_given, 0.3)
            district = rng.choice(a_districts)
        else:
            surname = _weighted(rng, B_COMMON_SURNAMES, v.b_surnames, 0.3)
            given = (
                rng.choice(v.b_female)
                if sex == "F"
                else _weighted(rng, B_COMMON_GIVEN, v.b_given, 0.3)
            )
            father = _weighted(rng, B_COMMON_GIVEN, v.b_given, 0.3)
            district = rng.choice(B_DISTRICTS)
        rank = rng.choices(range(len(RANKS)), rank_weights)[0]
        death = WAR_START + timedelta(days=rng.randrange(WAR_DAYS))
        age = rng.randint(RANKS[rank][5], RANKS[rank][6])
        birth = death - timedelta(days=age * 365 + age // 4 + rng.randrange(365))
        prefix = "HB" if side == "A" else "ZK"
        people.append(
            Person(
                pid, side, sex, surname, given, father, birth, death, rng.choice(units), rank,
                district, f"{prefix}-{numbers[pid - 1]}",
            )
        )  # fmt: skip
    return people


def _twin(
    rng: random.Random, base: Person, pid: int, units: list[int], v: Vocabulary, number: int
) -> Person:
    """Someone else with the same surname, given name, birth year and district as ``base``."""
    birth = date(base.birth.year, rng.randint(1, 12), rng.randint(1, 28))
    if rng.random() < 0.3:
        father = base.father
    elif base.side == "A":
        father = rng.choice(v.a_given)
    else:
        father = rng.choice(v.b_given)
    death = WAR_START + timedelta(days=rng.randrange(WAR_DAYS))
    service = f"{'HB' if base.side == 'A' else 'ZK'}-{number}"
    return Person(
        pid, base.side, base.sex, base.surname, base.given, father, birth, death,
        rng.choice(units), rng.randrange(len(RANKS)), base.district, service, twin_of=base.pid,
    )  # fmt: skip


# ------------------------------------------------------------------------------ dates


def dmy(d: date, sep: str = ".") -> str:
    """``14.10.1998`` (or with another separator)."""
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def long_en(d: date) -> str:
    """``14 October 1998``."""
    return f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}"


def swapped(d: date) -> date:
    """The date with day and month swapped when that is still a date, else itself."""
    return date(d.year, d.day, d.month) if d.day <= 12 else d


# ------------------------------------------------------------------------------ lists


@dataclass
class ListFile:
    """One list: its file, how it is written and imported, and its rows with their people."""

    name: str
    header: list[str]
    encoding: str
    delimiter: str
    language: str
    kind: str
    published: str
    party: str = ""
    rows: list[tuple[int, list[str]]] = field(default_factory=list)

    def import_args(self) -> list[str]:
        """The ``rollbook import`` options this file needs."""
        args = ["--status", "killed", "--kind", self.kind, "--published", self.published]
        args += ["--language", self.language, "--encoding", self.encoding]
        if self.delimiter != ",":
            args += ["--delimiter", self.delimiter]
        if self.party:
            args += ["--party", self.party]
        return args


@dataclass(frozen=True)
class Style:
    """The knobs that differ between ``--style a`` and ``--style b``."""

    name: str
    coverage: dict[str, tuple[float, float]]  # list -> (share of side A, share of side B)
    typo_rate: float
    ngo_duplicates: float


STYLES: Final = {
    "a": Style(
        "a",
        {
            "ministry": (0.85, 0.0),
            "russian": (0.45, 0.45),
            "armenian": (0.0, 0.85),
            "english": (0.35, 0.4),
            "ngo": (0.3, 0.0),
        },
        typo_rate=0.12,
        ngo_duplicates=0.05,
    ),
    "b": Style(
        "b",
        {
            "ministry": (0.7, 0.0),
            "russian": (0.6, 0.55),
            "armenian": (0.0, 0.7),
            "english": (0.5, 0.5),
            "ngo": (0.35, 0.3),
        },
        typo_rate=0.2,
        ngo_duplicates=0.08,
    ),
}


def memberships(people: Sequence[Person], style: Style, seed: int) -> dict[str, list[Person]]:
    """Who is on which list; everyone is on at least one (their side's official list)."""
    rng = random.Random(f"lists-{seed}-{style.name}")
    lists: dict[str, list[Person]] = {name: [] for name in style.coverage}
    for p in people:
        chosen = [
            name
            for name, (share_a, share_b) in style.coverage.items()
            if rng.random() < (share_a if p.side == "A" else share_b)
        ]
        if not chosen:
            chosen = ["ministry" if p.side == "A" else "armenian"]
        for name in chosen:
            lists[name].append(p)
    return lists


def _surname_a(p: Person, word: str) -> str:
    """Side A surname with the feminine ending for a woman ("-ov" -> "-ova")."""
    return word + "a" if p.sex == "F" and word.lower().endswith(("ov", "ev", "ов", "ев")) else word


def ministry_list(people: list[Person], style: Style, rng: random.Random) -> ListFile:
    """Side A's official list, in Azerbaijani Latin."""
    people = sorted(people, key=lambda p: (p.death, p.surname, p.pid))
    if style.name == "a":
        header = ["Sıra", "Soyadı", "Adı", "Ata adı", "Doğum tarixi", "Hərbi rütbə"]
        header += ["Hərbi hissə", "Şəxsi nömrə", "Ölüm tarixi", "Rayon"]
    else:
        header = ["Sıra №", "Soyadı, adı, ata adı", "Təvəllüdü", "Rütbəsi", "Hərbi hissəsi"]
        header += ["Şəxsi nömrəsi", "Şəhid olma tarixi", "Rayonu"]
    out = ListFile(
        "ministry_az.csv", header, "utf-8", ",", "az", "official_list", "2020-12-28",
        party="Azerbaijan",
    )  # fmt: skip
    for n, p in enumerate(people, start=1):
        surname = _surname_a(p, az_title(p.surname))
        given = az_title(p.given)
        father = f"{az_title(p.father)} {'qızı' if p.sex == 'F' else 'oğlu'}"
        birth = str(p.birth.year) if rng.random() < 0.03 else dmy(p.birth)
        rank, unit = RANKS[p.rank][0], f"{p.unit} saylı hərbi hissə"
        if style.name == "a":
            row = [str(n), surname, given, father, birth, rank, unit, p.service_number]
            row += [dmy(p.death), az_title(p.district)]
        else:
            birth = birth.replace(".", "/")
            row = [str(n), f"{surname} {given} {father}", birth, rank, unit, p.service_number]
            row += [dmy(p.death, "/"), az_title(p.district)]
        out.rows.append((p.pid, row))
    return out


def _ru_names(p: Person, soviet: bool, rng: random.Random) -> tuple[str, str, str]:
    """Surname, given name and patronymic of anyone in Russian Cyrillic."""
    female = p.sex == "F"
    if p.side == "A":
        surname = _surname_a(p, a_to_ru(p.surname, soviet))
        given = a_to_ru(p.given, soviet)
        father = a_to_ru(p.father, soviet)
        if rng.random() < 0.5:
            return surname, given, f"{father} {'кызы' if female else 'оглы'}"
        return surname, given, ru_patronymic(father, female)
    surname = b_to_ru(p.surname, not soviet)
    return (
        surname,
        b_to_ru(p.given, not soviet),
        ru_patronymic(b_to_ru(p.father, not soviet), female),
    )


def _district_ru(p: Person, soviet: bool) -> str:
    return a_to_ru(p.district, soviet) if p.side == "A" else b_to_ru(p.district, not soviet)


def russian_list(people: list[Person], style: Style, rng: random.Random) -> ListFile:
    """A Russian-language list of both sides, in Windows-1251."""
    soviet_default = style.name == "a"
    if style.name == "a":
        header = ["№", "Фамилия", "Имя", "Отчество", "Дата рождения", "Звание"]
        header += ["Воинская часть", "Дата гибели", "Район"]
        delimiter = ","
    else:
        header = ["№ п/п", "Фамилия", "Имя", "Отчество", "Год рождения", "Звание", "В/ч"]
        header += ["Район", "Дата гибели"]
        delimiter = ";"
    out = ListFile("russian_list.csv", header, "cp1251", delimiter, "ru", "ngo_list", "2021-01-20")
    written = []
    for p in people:
        # Real lists are not consistent: one record in ten uses the other habit.
        soviet = soviet_default if rng.random() < 0.9 else not soviet_default
        surname, given, patronymic = _ru_names(p, soviet, rng)
        if style.name == "a":
            birth = str(p.birth.year) if rng.random() < 0.5 else dmy(p.birth)
            tail = [RANKS[p.rank][1], f"в/ч {p.unit}", dmy(p.death), _district_ru(p, soviet)]
        else:
            birth = str(p.birth.year)
            tail = [RANKS[p.rank][1], str(p.unit), _district_ru(p, soviet), dmy(p.death)]
        written.append((surname, given, p.pid, [surname, given, patronymic, birth, *tail]))
    written.sort(key=lambda w: (w[0].replace("ё", "е"), w[1], w[2]))
    for n, (_, _, pid, row) in enumerate(written, start=1):
        out.rows.append((pid, [str(n), *row]))
    return out


def armenian_list(people: list[Person], style: Style, rng: random.Random) -> ListFile:
    """Side B's list in Armenian letters."""
    if style.name == "a":
        header = ["Հ/Հ", "Ազգանուն", "Անուն", "Հայրանուն", "Ծննդյան տարեթիվ", "Կոչում"]
        header += ["Զորամաս", "Զոհվելու ամսաթիվ", "Մարզ"]
    else:
        header = ["Հ/Հ", "Անուն", "Ազգանուն", "Հայրանուն", "Ծննդյան ամսաթիվ", "Զոհվելու ամսաթիվ"]
        header += ["Զորամաս", "Կոչում"]
    out = ListFile(
        "armenian_list.csv", header, "utf-8", ",", "hy", "official_list", "2021-01-10",
        party="Armenia",
    )  # fmt: skip
    people = sorted(people, key=lambda p: (b_to_hy(p.surname), b_to_hy(p.given), p.pid))
    for n, p in enumerate(people, start=1):
        surname, given, father = b_to_hy(p.surname), b_to_hy(p.given), b_genitive_hy(p.father)
        rank, unit = RANKS[p.rank][2], f"{p.unit} զորամաս"
        if style.name == "a":
            row = [str(n), surname, given, father, str(p.birth.year), rank, unit, dmy(p.death)]
            row.append(b_to_hy(p.district))
        else:
            birth = dmy(p.birth) if rng.random() < 0.8 else str(p.birth.year)
            row = [str(n), given, surname, father, birth, dmy(p.death), unit, rank]
        out.rows.append((p.pid, row))
    return out


def _en_name(p: Person, word: str, how: str) -> str:
    if p.side == "B":
        if how == "russian":
            return ru_to_latin(b_to_ru(word, False), icao=False)
        return b_to_latin(word, western=how == "western")
    if how == "passport":
        return a_to_latin(word, _A_PASSPORT)
    if how == "typist_e":
        return a_to_latin(word, _A_TYPIST_E)
    if how == "typist_a":
        return a_to_latin(word, _A_TYPIST_A)
    if how == "french":
        return a_to_latin(word, _A_FRENCH)
    return ru_to_latin(a_to_ru(word, soviet=True), icao=how == "icao")


# The romanisations of the English list and how often each is drawn, per style and side.
_EN_HABITS: Final = {
    "a": {
        "A": (("passport", 5), ("typist_a", 2), ("typist_e", 1), ("russian", 2)),
        "B": (("eastern", 7), ("russian", 3)),
    },
    "b": {
        "A": (("russian", 4), ("icao", 2), ("french", 2), ("passport", 2)),
        "B": (("eastern", 4), ("western", 4), ("russian", 2)),
    },
}


def english_list(people: list[Person], style: Style, rng: random.Random) -> ListFile:
    """An English-language list of both sides, names in one column, given name first."""
    header = ["No", "Name", "Sex", "Date of birth", "Rank", "Unit", "Date of death", "District"]
    out = ListFile("english_list.csv", header, "utf-8", ",", "en", "news_report", "2021-02-01")
    people = sorted(people, key=lambda p: (p.death, p.pid))
    for n, p in enumerate(people, start=1):
        habits = _EN_HABITS[style.name][p.side]
        how = rng.choices([h for h, _ in habits], [w for _, w in habits])[0]
        surname = _en_name(p, p.surname, how)
        if p.side == "A":
            surname = _surname_a(p, surname)
        given = _en_name(p, p.given, how)
        if style.name == "b":
            surname = surname.upper()
        sex = "" if rng.random() < 0.1 else p.sex
        birth = str(p.birth.year) if rng.random() < 0.3 else long_en(p.birth)
        district = _en_name(p, p.district, how)
        row = [str(n), f"{given} {surname}", sex, birth, RANKS[p.rank][3], f"unit {p.unit}"]
        out.rows.append((p.pid, [*row, long_en(p.death), district]))
    return out


def _ngo_birth(p: Person, rng: random.Random) -> str:
    draw = rng.random()
    if draw < 0.1:
        return ""
    if draw < 0.2:
        return str(p.birth.year)
    if draw < 0.35:
        return dmy(swapped(p.birth))
    return dmy(p.birth)


def ngo_list(people: list[Person], style: Style, rng: random.Random) -> ListFile:
    """A family/NGO list: typos, gaps, day/month swaps and some people listed twice."""
    if style.name == "a":
        header = ["S/s", "Soyad", "Ad", "Atasının adı", "Təvəllüdü", "Rayonu"]
        header += ["Şəhid olma tarixi", "Qeyd"]
        out = ListFile("ngo_list.csv", header, "utf-8", ",", "az", "family_report", "2021-03-01")
    else:
        header = ["№", "Фамилия, имя, отчество", "Год рождения", "Район", "Дата гибели"]
        header.append("Примечание")
        out = ListFile("ngo_list.csv", header, "utf-8", ",", "ru", "ngo_list", "2021-03-01")
    entries = list(people)
    entries += [p for p in people if rng.random() < style.ngo_duplicates]
    rng.shuffle(entries)
    notes_a = ("", "", "", "ailəsi məlumat verib", "dəqiqləşdirilməli", "foto var")
    notes_b = ("", "", "", "со слов родственников", "уточнить", "есть фото")
    for n, p in enumerate(entries, start=1):

        def slip(word: str) -> str:
            return typo(rng, word) if rng.random() < style.typo_rate else word

        death = "" if rng.random() < 0.15 else dmy(p.death)
        if style.name == "a":
            fold = rng.random() < 0.4
            table = _A_TYPIST_A if rng.random() < 0.5 else _A_TYPIST_E

            def az(word: str, fold: bool = fold, table: dict[str, str] = table) -> str:
                return a_to_latin(word, table) if fold else az_title(word)

            surname = slip(_surname_a(p, az(p.surname)))
            father = "" if rng.random() < 0.2 else f"{az(p.father)} oğlu"
            district = "" if rng.random() < 0.15 else az(p.district)
            row = [str(n), surname, slip(az(p.given)), father, _ngo_birth(p, rng), district]
            out.rows.append((p.pid, [*row, death, rng.choice(notes_a)]))
        else:
            soviet = rng.random() < 0.5
            surname, given, patronymic = _ru_names(p, soviet, rng)
            name = f"{slip(surname)} {slip(given)}"
            if rng.random() < 0.75:
                name += f" {patronymic}"
            district = "" if rng.random() < 0.15 else _district_ru(p, soviet)
            row = [str(n), name, _ngo_birth(p, rng), district, death, rng.choice(notes_b)]
            out.rows.append((p.pid, row))
    return out


BUILDERS: Final = {
    "ministry": ministry_list,
    "russian": russian_list,
    "armenian": armenian_list,
    "english": english_list,
    "ngo": ngo_list,
}

# ------------------------------------------------------------------------------ writing


def write_list(folder: Path, lst: ListFile) -> list[tuple[str, int, int]]:
    """Write one list; return its truth rows (file, row number as Rollbook counts, person)."""
    path = folder / lst.name
    with path.open("w", encoding=lst.encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=lst.delimiter, lineterminator="\r\n")
        writer.writerow(lst.header)
        for _, cells in lst.rows:
            if any("\n" in c or "\r" in c for c in cells):
                raise ValueError(f"{lst.name}: a cell holds a line break")
            writer.writerow(cells)
    return [(lst.name, n, pid) for n, (pid, _) in enumerate(lst.rows, start=2)]


def write_population(path: Path, people: Sequence[Person]) -> None:
    """The true people, in their own side's script and notation."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["person_id", "side", "sex", "surname", "given_name", "father_name", "birth_date",
             "death_date", "unit", "rank", "district", "service_number", "twin_of"]
        )  # fmt: skip
        for p in people:
            show = az_title if p.side == "A" else b_to_hy
            writer.writerow(
                [p.pid, p.side, p.sex, show(p.surname), show(p.given), show(p.father),
                 p.birth.isoformat(), p.death.isoformat(), p.unit, RANKS[p.rank][3],
                 show(p.district), p.service_number, p.twin_of or ""]
            )  # fmt: skip


def generate(folder: Path, people_count: int, seed: int, style_name: str) -> dict[str, object]:
    """Write the population, the lists, ``truth.csv`` and ``manifest.json``; return the manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    style = STYLES[style_name]
    people = make_population(people_count, seed)
    lists = memberships(people, style, seed)
    truth: list[tuple[str, int, int]] = []
    files: list[dict[str, object]] = []
    for key, builder in BUILDERS.items():
        rng = random.Random(f"{key}-{seed}-{style.name}")
        lst = builder(lists[key], style, rng)
        if not lst.rows:
            continue
        truth += write_list(folder, lst)
        files.append(
            {
                "file": lst.name,
                "list": key,
                "encoding": lst.encoding,
                "delimiter": lst.delimiter,
                "language": lst.language,
                "rows": len(lst.rows),
                "persons": len({pid for pid, _ in lst.rows}),
                "import_args": lst.import_args(),
            }
        )
    with (folder / "truth.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "row", "person_id"])
        writer.writerows(truth)
    write_population(folder / "population.csv", people)
    manifest: dict[str, object] = {
        "synthetic": True,
        "generator": "benchmarks/linkage/corpus.py",
        "style": style.name,
        "seed": seed,
        "people": len(people),
        "hard_negative_twins": sum(1 for p in people if p.twin_of),
        "records": len(truth),
        "truth": "truth.csv",
        "population": "population.csv",
        "row_numbers": "header is row 1, first data row is row 2",
        "files": files,
    }
    (folder / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic cross-script linkage corpus.")
    parser.add_argument("out", type=Path, help="folder to write the lists into")
    parser.add_argument("--people", type=int, default=3000, help="population size (default 3000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--style", choices=sorted(STYLES), default="a", help="conventions")
    args = parser.parse_args(argv)
    if args.people < 2:
        parser.error("--people must be at least 2")
    manifest = generate(args.out, args.people, args.seed, args.style)
    print(
        f"wrote {manifest['records']} records of {manifest['people']} people "
        f"(style {args.style}, seed {args.seed}) to {args.out}"
    )
    for entry in manifest["files"]:  # type: ignore[attr-defined]
        print(f"  {entry['file']}: {entry['rows']} rows, {entry['persons']} people")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
