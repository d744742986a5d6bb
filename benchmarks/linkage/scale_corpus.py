"""A large synthetic casualty register for judging record linkage at scale (1,000,000 records).

    python benchmarks/linkage/scale_corpus.py OUT_DIR [--records 1000000] [--seed 2020]
        [--no-service-numbers]

Writes four overlapping lists of one invented population of servicemen, as UTF-8 CSV files
that ``rollbook import`` reads with every header recognised, plus ``truth.csv`` (file, row,
person) and ``manifest.json`` (each file's ``rollbook import`` options and which header holds
which field, for the baselines).

Everything is invented. Surnames and given names are composed from made-up syllables; a
handful of very common generic names (as in ``corpus.py``) take the top ranks so that the
head of the distribution looks like a real register's. Names are drawn Zipf-like (rank k with
weight ``1 / (k + q) ** s``): a few very common surnames and given names and a long tail, so
that different people share names and blocking on a name meets large blocks. Districts,
units and service numbers are made up too.

About 30 % of the people are recorded two or three times (the rest once). Each record goes to
one of four lists at random, so a person's records may be in one list (a within-list
duplicate) or several. Each list writes names in its own romanisation habit (Azerbaijani
Latin "Məmmədov", passport "Mammadov", Russian-derived "Mamedov", typist "Memmedov"); for
one record in four the habit is drawn at random from all four (so 3 in 16 use another's).
A person's first record is otherwise clean; every further record (a copy) may carry
corruptions: a typo in a name (a letter inserted, deleted, replaced or two swapped), a
shifted birth or death date (a day or a month off, day and month swapped, the year only),
missing fields (birth date, father, unit, district, sex) and a service number with one
digit wrong or left out.

Service numbers are on the ministry list (almost always) and the registry list (half the
time). ``rollbook import`` joins records sharing a service number into one person before
``rollbook link`` runs, so they give away part of the answer; ``--no-service-numbers``
leaves the column empty, to judge ``link`` alone. A wrong digit never produces another
person's number (that would be a false join no linker could undo).

Numpy draws every random choice for all records at once, so a million records take seconds.
The generator does not import Rollbook, so the corpus shares no code with the linker it
judges. Rows are numbered as Rollbook counts them: the header is row 1, the first data row
row 2 (no cell holds a line break).
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]
Strings = npt.NDArray[np.object_]
Mask = npt.NDArray[np.bool_]

# ------------------------------------------------------------------------------ vocabulary

# Syllables in Azerbaijani orthography, chosen to carry the letters whose romanisation
# differs between habits (ə, ü, ö, ı, ş, ç, ğ, x, q, c, h). None of the composed names is
# taken from a real list.
SURNAME_HEADS: Final = (
    "qa", "tü", "mə", "zo", "bəh", "do", "xə", "sö", "vu", "pə", "kə", "lə", "gə", "çö",
    "şü", "əb", "ja", "rü", "hə", "cə", "nu", "yə", "fə", "ba", "da", "ra", "sa", "ta",
    "is", "ağ",
)  # fmt: skip
SURNAME_MIDDLES: Final = (
    "", "r", "l", "va", "mi", "rə", "sü", "ta", "nə", "zi", "qo", "bə", "ğa", "hi", "dü", "şə",
)  # fmt: skip
SURNAME_TAILS: Final = (
    "vəl", "bək", "dar", "müz", "sən", "qul", "təm", "rıd", "zal", "hüm", "çin", "xar",
    "döl", "yaz", "noğ", "pir", "məd", "lil", "kəm", "fər", "sud", "nab", "hat", "rüs",
    "ğır", "bur", "gən", "vaz", "şit", "cal",
)  # fmt: skip
GIVEN_ONSETS: Final = (
    "ər", "el", "rə", "tu", "vü", "ka", "nə", "hü", "xə", "ca", "şa", "ça", "qə", "zi",
    "mə", "fü", "ya", "ö", "sə", "co", "ba", "il", "ra", "ni", "ta", "pə", "gü", "lə",
    "də", "sa",
)  # fmt: skip
GIVEN_MIDDLES: Final = ("", "ri", "la", "mə", "sü", "va", "ğa", "hi")
GIVEN_CODAS: Final = (
    "vin", "şad", "ral", "mil", "sal", "xan", "yub", "kan", "lim", "dar", "cid", "qub",
    "ğun", "rüz", "həd", "vər", "tiş", "nar", "bil", "çək", "mət", "zəm", "rəf", "hin",
    "səm",
)  # fmt: skip
FEMALE_CODAS: Final = ("nurə", "gül", "ayə", "lalə", "minə", "sərə")
DISTRICT_HEADS: Final = (
    "vel", "qar", "töv", "bəz", "nor", "xoz", "lüv", "dər", "fəz", "çar", "mör", "yal",
    "həz", "şəm", "göy", "ağ",
)  # fmt: skip
DISTRICT_TAILS: Final = ("üçay", "müzlü", "lənd", "mirən", "qəla", "vəng", "əran", "zəmin")

# Generic, very common names: the head of the Zipf distribution (surnames, given names).
COMMON_SURNAMES: Final = (
    "məmmədov", "hüseynov", "əliyev", "həsənov", "quliyev", "cəfərov", "abbasov", "xəlilov",
)  # fmt: skip
COMMON_GIVEN: Final = (
    "elvin", "rəşad", "orxan", "tural", "cavid", "hüseyn", "vüsal", "əli",
)  # fmt: skip

VOWELS: Final = frozenset("aəeıioöuü")

#: Zipf-like weights 1 / (rank + q) ** s of the surnames, given names and districts.
SURNAME_ZIPF: Final = (1.0, 10.0)
GIVEN_ZIPF: Final = (1.0, 5.0)
DISTRICT_ZIPF: Final = (0.7, 2.0)

# ------------------------------------------------------------------------------ romanisation

HABITS: Final = ("azerbaijani", "passport", "russian", "typist")

_PASSPORT: Final = {
    "ə": "a", "ı": "i", "ö": "o", "ü": "u", "ş": "sh", "ç": "ch", "ğ": "gh", "x": "kh",
    "c": "j", "q": "g",
}  # fmt: skip
_TYPIST: Final = {"ə": "e", "ı": "i", "ö": "o", "ü": "u", "ş": "s", "ç": "c", "ğ": "g"}
_RUSSIAN: Final = {
    "ı": "y", "ö": "o", "ü": "u", "ş": "sh", "ç": "ch", "ğ": "g", "x": "kh", "c": "dzh",
    "h": "g", "q": "k",
}  # fmt: skip


def az_title(word: str) -> str:
    """Capitalise an Azerbaijani word ("i" -> "İ", "ı" -> "I")."""
    if not word:
        return word
    head = {"i": "İ", "ı": "I"}.get(word[0], word[0].upper())
    return head + word[1:]


def russian_style(word: str) -> str:
    """A word as it comes back from a Russian spelling: Məmmədov -> Mamedov, Hüseynov ->
    Guseynov, Cəfərov -> Dzhaferov. Doubled consonants are written once, ə is "a" in the
    first syllable and "e" after it, h is "g", q is "g" first and "k" inside a word."""
    out: list[str] = []
    seen_vowel = False
    for i, ch in enumerate(word):
        if i and ch == word[i - 1] and ch not in VOWELS:
            continue
        if ch == "ə":
            out.append("e" if seen_vowel else "a")
        elif ch == "q" and i == 0:
            out.append("g")
        else:
            out.append(_RUSSIAN.get(ch, ch))
        seen_vowel = seen_vowel or ch in VOWELS
    return "".join(out)


def write_in(habit: str, word: str) -> str:
    """A lower-case Azerbaijani word written in one of the :data:`HABITS`, capitalised."""
    if habit == "azerbaijani":
        return az_title(word)
    if habit == "passport":
        spelt = "".join(_PASSPORT.get(ch, ch) for ch in word)
    elif habit == "typist":
        spelt = "".join(_TYPIST.get(ch, ch) for ch in word)
    else:
        spelt = russian_style(word)
    return spelt[:1].upper() + spelt[1:]


def feminine(surname: str) -> str:
    """The feminine form of a surname ("-ov" -> "-ova"); other endings stay."""
    return surname + "a" if surname.endswith(("ov", "ev")) else surname


#: The word after a father's name in a patronymic column, per habit: (son, daughter).
_PATRONYMIC_WORD: Final = {
    "azerbaijani": ("oğlu", "qızı"),
    "passport": ("oglu", "gizi"),
    "russian": ("ogly", "kyzy"),
    "typist": ("oglu", "qizi"),
}


@dataclass(frozen=True)
class Pool:
    """A ranked pool of names (rank 0 most common) and how to draw from it."""

    words: list[str]
    weights: npt.NDArray[np.float64]

    def spelt(self, transform: Callable[[str, str], str]) -> Strings:
        """``[habit, rank]`` -> the name written in that habit."""
        table = np.empty((len(HABITS), len(self.words)), dtype=object)
        for h, habit in enumerate(HABITS):
            table[h] = [transform(habit, w) for w in self.words]
        return table

    def draw(self, rng: np.random.Generator, size: int) -> Ints:
        return rng.choice(len(self.words), size=size, p=self.weights).astype(np.int64)


def zipf_weights(n: int, shape: tuple[float, float]) -> npt.NDArray[np.float64]:
    """Zipf-Mandelbrot weights of ranks 1..n: ``1 / (rank + q) ** s``, summing to one."""
    s, q = shape
    weights = (np.arange(1, n + 1, dtype=np.float64) + q) ** -s
    return np.asarray(weights / weights.sum(), dtype=np.float64)


def ranked(common: Sequence[str], invented: Sequence[str], rng: np.random.Generator) -> list[str]:
    """The common names first, then the invented ones in a random (seeded) order."""
    seen = set(common)
    rest = sorted({w for w in invented if w not in seen})
    order = rng.permutation(len(rest))
    return [*common, *(rest[i] for i in order)]


def surname_pool(rng: np.random.Generator) -> Pool:
    """About 50,000 surnames: stems of two or three syllables with -ov, -li, -zadə, -yev."""
    invented: list[str] = []
    for head in SURNAME_HEADS:
        for middle in SURNAME_MIDDLES:
            for tail in SURNAME_TAILS:
                stem = head + middle + tail
                invented += [stem + "ov", stem + "li", stem + "zadə"]
                invented.append(stem + ("yev" if stem[-1] in VOWELS else "bəyov"))
    words = ranked(COMMON_SURNAMES, invented, rng)
    return Pool(words, zipf_weights(len(words), SURNAME_ZIPF))


def given_pool(rng: np.random.Generator) -> Pool:
    """About 6,000 men's given names, onset + (middle) + coda."""
    invented = [o + m + c for o in GIVEN_ONSETS for m in GIVEN_MIDDLES for c in GIVEN_CODAS]
    words = ranked(COMMON_GIVEN, invented, rng)
    return Pool(words, zipf_weights(len(words), GIVEN_ZIPF))


def female_pool(rng: np.random.Generator) -> Pool:
    invented = [o + c for o in GIVEN_ONSETS for c in FEMALE_CODAS]
    words = ranked((), invented, rng)
    return Pool(words, zipf_weights(len(words), GIVEN_ZIPF))


def district_pool(rng: np.random.Generator) -> Pool:
    words = ranked((), [h + t for h in DISTRICT_HEADS for t in DISTRICT_TAILS], rng)
    return Pool(words, zipf_weights(len(words), DISTRICT_ZIPF))


# ------------------------------------------------------------------------------ the lists

WAR_START: Final = date(2021, 4, 1)
WAR_DAYS: Final = 900
EPOCH: Final = date(1970, 1, 1)
MONTHS: Final = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class ListSpec:
    """One list: its file, habits, headers (field -> header) and import options."""

    name: str
    kind: str
    language: str
    published: str
    habit: str
    date_format: str  # "dmy.", "dmy/", "iso" or "long"
    headers: dict[str, str]
    share: float  # share of all records
    service_share: float  # share of its records that carry a service number
    patronymic_word: bool  # father written "X oğlu" (else the bare name)
    unit_format: str

    def import_args(self) -> list[str]:
        """The ``rollbook import`` options of this file."""
        return [
            "--status", "killed", "--kind", self.kind, "--published", self.published,
            "--language", self.language, "--encoding", "utf-8", "--delimiter", ",",
        ]  # fmt: skip


LISTS: Final = (
    ListSpec(
        "ministry_list.csv", "official_list", "az", "2024-02-01", "azerbaijani", "dmy.",
        {
            "row": "Sıra", "surname": "Soyadı", "given": "Adı", "father": "Ata adı",
            "birth": "Doğum tarixi", "death": "Ölüm tarixi", "unit": "Hərbi hissə",
            "service_number": "Şəxsi nömrə", "district": "Rayon",
        },
        0.35, 0.97, True, "{} saylı hərbi hissə",
    ),
    ListSpec(
        "registry_list.csv", "official_list", "en", "2024-03-15", "passport", "iso",
        {
            "row": "No", "surname": "Surname", "given": "Given name", "father": "Father's name",
            "sex": "Sex", "birth": "Date of birth", "death": "Date of death", "unit": "Unit",
            "service_number": "Service number", "district": "District",
        },
        0.25, 0.5, False, "Military unit {}",
    ),
    ListSpec(
        "press_list.csv", "news_report", "en", "2024-05-20", "russian", "long",
        {
            "row": "No", "surname": "Last name", "given": "First name", "father": "Patronymic",
            "sex": "Sex", "birth": "Date of birth", "death": "Date of death",
            "unit": "Military unit", "district": "Region",
        },
        0.22, 0.0, False, "Unit {}",
    ),
    ListSpec(
        "ngo_list.csv", "ngo_list", "az", "2024-07-01", "typist", "dmy/",
        {
            "row": "S/s", "surname": "Soyad", "given": "Ad", "father": "Atasının adı",
            "birth": "Təvəllüdü", "death": "Şəhid olma tarixi", "district": "Rayonu",
        },
        0.18, 0.0, True, "",
    ),
)  # fmt: skip

#: Share of people recorded once, twice and three times.
RECORDS_PER_PERSON: Final = (0.70, 0.18, 0.12)
#: The share of records whose habit is drawn at random from all four instead of the list's.
OTHER_HABIT: Final = 0.25


@dataclass(frozen=True)
class DateNoise:
    """How often a copy's date is left out, cut to its year, shifted or swapped."""

    missing: float = 0.0
    year_only: float = 0.0
    day_off: float = 0.0
    max_days: int = 1
    month_off: float = 0.0
    swapped: float = 0.0


@dataclass(frozen=True)
class Noise:
    """How often each corruption hits a copy (a person's second or third record)."""

    surname_typo: float = 0.12
    given_typo: float = 0.10
    father_typo: float = 0.08
    birth: DateNoise = DateNoise(
        missing=0.08, year_only=0.06, day_off=0.04, month_off=0.03, swapped=0.03
    )
    death: DateNoise = DateNoise(missing=0.10, day_off=0.05, max_days=2, swapped=0.02)
    father_missing: float = 0.15
    unit_missing: float = 0.15
    district_missing: float = 0.10
    sex_missing: float = 0.05
    service_digit: float = 0.04
    service_missing: float = 0.10


NOISE: Final = Noise()

# ------------------------------------------------------------------------------ the people


@dataclass
class People:
    """The true population, one array entry per person (names as pool ranks)."""

    surname: Ints
    given: Ints
    father: Ints
    female: Mask
    birth: Ints  # days since 1970-01-01
    death: Ints
    unit: Ints
    district: Ints
    service: Ints

    def __len__(self) -> int:
        return len(self.surname)


def make_people(rng: np.random.Generator, n: int, pools: dict[str, Pool]) -> People:
    """``n`` invented people: about 3 % women, ages at death from 18 (most) up to about 55."""
    female = rng.random(n) < 0.03
    given = pools["given"].draw(rng, n)
    given[female] = pools["female"].draw(rng, int(female.sum()))
    start = (WAR_START - EPOCH).days
    death = start + rng.integers(0, WAR_DAYS, size=n)
    age_days = (18 + np.minimum(rng.exponential(6.0, size=n), 37)) * 365.25
    birth = death - age_days.astype(np.int64)
    units = rng.choice(np.arange(1000, 99999), size=3000, replace=False)
    return People(
        surname=pools["surname"].draw(rng, n),
        given=given,
        father=pools["given"].draw(rng, n),
        female=female,
        birth=birth.astype(np.int64),
        death=death.astype(np.int64),
        unit=units[rng.integers(0, len(units), size=n)].astype(np.int64),
        district=pools["district"].draw(rng, n),
        service=unique_numbers(rng, n),
    )


def unique_numbers(rng: np.random.Generator, n: int) -> Ints:
    """``n`` distinct eight-digit numbers in random order."""
    drawn = rng.integers(10_000_000, 100_000_000, size=n + n // 10 + 100)
    _, first = np.unique(drawn, return_index=True)
    return drawn[np.sort(first)][:n].astype(np.int64)


# ------------------------------------------------------------------------------ corruptions


def typos(rng: np.random.Generator, words: Strings, rate: float, hit: Mask) -> Strings:
    """``words`` with one typo where ``hit`` and a draw under ``rate`` agree.

    A letter is deleted, inserted (a copy of itself or a random letter), swapped with the
    next one or replaced, never the first letter and only in words of four letters or more,
    as in ``corpus.py``.
    """
    chosen = np.flatnonzero(hit & (rng.random(len(words)) < rate))
    kinds = rng.integers(0, 5, size=len(chosen))
    where = rng.random(len(chosen))
    letters = rng.choice(list("abcdefghijklmnopqrstuvwxyzəüöışçğ"), size=len(chosen))
    out = words.copy()
    for j, kind, u, letter in zip(chosen, kinds, where, letters, strict=True):
        word = out[j]
        if len(word) < 4:
            continue
        i = 1 + int(u * (len(word) - 2))
        if kind == 0:
            word = word[:i] + word[i + 1 :]
        elif kind == 1:
            word = word[:i] + word[i] + word[i:]
        elif kind == 2:
            word = word[:i] + letter + word[i:]
        elif kind == 3:
            word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        else:
            word = word[:i] + (letter if letter != word[i] else "a") + word[i + 1 :]
        out[j] = word
    return out


def _ymd(days: Ints) -> tuple[Ints, Ints, Ints]:
    """Year, month and day arrays of day numbers since 1970-01-01."""
    dates = days.astype("datetime64[D]")
    years = dates.astype("datetime64[Y]")
    months = dates.astype("datetime64[M]")
    year = years.astype(np.int64) + 1970
    month = (months - years).astype(np.int64) + 1
    day = (dates - months).astype(np.int64) + 1
    return year, month, day


# A date to write: year, month and day; day 0 is "the year only", year 0 "no date".
DateParts = tuple[Ints, Ints, Ints]


def corrupt_date(rng: np.random.Generator, days: Ints, copy: Mask, noise: DateNoise) -> DateParts:
    """Dates with the corruptions of ``noise`` applied to the copies.

    Left out, the year only, one to ``max_days`` days off, a month earlier or later (the day
    kept within 28), or day and month swapped where that is another valid date. Every date
    written is a real date, as Rollbook refuses a whole list with one that is not.
    """
    n = len(days)
    draw = rng.random(n)
    rates = [noise.missing, noise.year_only, noise.day_off, noise.month_off, noise.swapped]
    kind = np.where(copy, np.searchsorted(np.cumsum(rates), draw, side="right"), 5)
    shift = rng.integers(1, noise.max_days + 1, size=n) * rng.choice([-1, 1], n)
    shifted = np.where(kind == 2, days + shift, days)
    year, month, day = _ymd(shifted)
    step = rng.choice([-1, 1], size=n)
    off = kind == 3
    total = year * 12 + (month - 1) + np.where(off, step, 0)
    year, month = total // 12, total % 12 + 1
    day = np.where(off, np.minimum(day, 28), day)
    swap = (kind == 4) & (day <= 12) & (day != month)
    month, day = np.where(swap, day, month), np.where(swap, month, day)
    day = np.where(kind == 1, 0, day)
    year = np.where(kind == 0, 0, year)
    return year, month, day


def format_dates(parts: DateParts, style: str) -> Strings:
    """The written form of each date (``""`` for none, the year alone where day is 0).

    Only the distinct dates are formatted in Python; the rest is numpy indexing.
    """
    year, month, day = parts
    codes = year * 10_000 + month * 100 + day
    codes = np.where(year == 0, 0, np.where(day == 0, year * 10_000, codes))
    distinct, inverse = np.unique(codes, return_inverse=True)
    shown = np.empty(len(distinct), dtype=object)
    for k, code in enumerate(distinct.tolist()):
        y, m, d = code // 10_000, code // 100 % 100, code % 100
        if code == 0:
            shown[k] = ""
        elif d == 0:
            shown[k] = str(y)
        elif style == "iso":
            shown[k] = f"{y:04d}-{m:02d}-{d:02d}"
        elif style == "long":
            shown[k] = f"{d} {MONTHS[m - 1]} {y}"
        else:
            sep = style[-1]
            shown[k] = f"{d:02d}{sep}{m:02d}{sep}{y}"
    return np.asarray(shown[inverse], dtype=object)


def wrong_digit(rng: np.random.Generator, numbers: Ints, taken: Ints) -> Ints:
    """Each number with one digit changed, never into a number in ``taken`` (else kept -1)."""
    position = rng.integers(0, 8, size=len(numbers))
    power = 10**position
    digit = numbers // power % 10
    low = np.where(position == 7, 1, 0)  # the first digit stays non-zero
    new = low + (digit - low + rng.integers(1, 9, size=len(numbers))) % (10 - low)
    changed = numbers + (new - digit) * power
    return np.where(np.isin(changed, taken), -1, changed)


# ------------------------------------------------------------------------------ records


@dataclass
class Records:
    """Every record: its person, list, and whether it is a copy (not the person's first)."""

    person: Ints
    lst: Ints
    copy: Mask


def make_records(rng: np.random.Generator, n_records: int, people_guess: int) -> Records:
    """Records for about ``n_records``: 1, 2 or 3 per person, each in a random list."""
    counts = rng.choice([1, 2, 3], size=people_guess, p=RECORDS_PER_PERSON)
    total = np.cumsum(counts)
    people = int(np.searchsorted(total, n_records)) + 1
    counts = counts[:people]
    counts[-1] -= int(total[people - 1] - n_records)
    person = np.repeat(np.arange(people, dtype=np.int64), counts)
    first = np.concatenate([[True], person[1:] != person[:-1]])
    shares = np.array([spec.share for spec in LISTS])
    lst = rng.choice(len(LISTS), size=len(person), p=shares / shares.sum()).astype(np.int64)
    return Records(person, lst, ~first)


def render(
    rng: np.random.Generator,
    people: People,
    recs: Records,
    pools: dict[str, Pool],
    service_numbers: bool,
) -> dict[str, Strings]:
    """Each field of each record as its list writes it, copies corrupted."""
    n = len(recs.person)
    p = recs.person
    copy = recs.copy
    own = np.array([HABITS.index(spec.habit) for spec in LISTS])[recs.lst]
    other = rng.integers(0, len(HABITS), size=n)
    habit = np.where(rng.random(n) < OTHER_HABIT, other, own)
    female = people.female[p]

    surnames = pools["surname"].spelt(write_in)
    feminine_surnames = np.vectorize(feminine, otypes=[object])(surnames)
    given_names = pools["given"].spelt(write_in)
    female_names = pools["female"].spelt(write_in)
    districts = pools["district"].spelt(write_in)

    surname = np.where(
        female, feminine_surnames[habit, people.surname[p]], surnames[habit, people.surname[p]]
    )
    given = np.where(
        female, female_names[habit, people.given[p] % female_names.shape[1]],
        given_names[habit, people.given[p]],
    )  # fmt: skip
    father = given_names[habit, people.father[p]]
    surname = typos(rng, surname, NOISE.surname_typo, copy)
    given = typos(rng, given, NOISE.given_typo, copy)
    father = typos(rng, father, NOISE.father_typo, copy)
    father = np.where(copy & (rng.random(n) < NOISE.father_missing), "", father)
    with_word = np.array([spec.patronymic_word for spec in LISTS])[recs.lst]
    son = np.array([_PATRONYMIC_WORD[h][0] for h in HABITS], dtype=object)[habit]
    daughter = np.array([_PATRONYMIC_WORD[h][1] for h in HABITS], dtype=object)[habit]
    word = np.where(female, daughter, son)
    father = np.where(with_word & (father != ""), father + " " + word, father)

    birth = corrupt_date(rng, people.birth[p], copy, NOISE.birth)
    death = corrupt_date(rng, people.death[p], copy, NOISE.death)

    sex = np.where(female, "F", "M").astype(object)
    sex = np.where(copy & (rng.random(n) < NOISE.sex_missing), "", sex)
    district = districts[habit, people.district[p]]
    district = np.where(copy & (rng.random(n) < NOISE.district_missing), "", district)
    unit_missing = copy & (rng.random(n) < NOISE.unit_missing)

    number = people.service[p].copy()
    digit = copy & (rng.random(n) < NOISE.service_digit)
    number[digit] = wrong_digit(rng, number[digit], people.service)
    share = np.array([spec.service_share for spec in LISTS])[recs.lst]
    carried = rng.random(n) < share
    carried &= ~(copy & (rng.random(n) < NOISE.service_missing)) & (number >= 0)
    if not service_numbers:
        carried[:] = False
    service = np.where(carried, number.astype(str).astype(object), "")

    fields: dict[str, Strings] = {
        "surname": surname, "given": given, "father": father, "sex": sex,
        "district": district, "service_number": service,
    }  # fmt: skip
    fields["birth"] = np.empty(n, dtype=object)
    fields["death"] = np.empty(n, dtype=object)
    fields["unit"] = np.empty(n, dtype=object)
    for k, spec in enumerate(LISTS):
        mine = recs.lst == k
        fields["birth"][mine] = format_dates(_part(birth, mine), spec.date_format)
        fields["death"][mine] = format_dates(_part(death, mine), spec.date_format)
        if spec.unit_format:
            unit = people.unit[p[mine]]
            distinct, inverse = np.unique(unit, return_inverse=True)
            written = np.array([spec.unit_format.format(u) for u in distinct.tolist()], object)
            fields["unit"][mine] = np.where(unit_missing[mine], "", written[inverse])
    return fields


def _part(parts: DateParts, mine: Mask) -> DateParts:
    return parts[0][mine], parts[1][mine], parts[2][mine]


# ------------------------------------------------------------------------------ writing


def write_lists(
    folder: Path, rng: np.random.Generator, recs: Records, fields: dict[str, Strings]
) -> tuple[list[dict[str, Any]], list[tuple[str, int, int]]]:
    """Write each list with its rows shuffled; return the manifest entries and the truth."""
    files: list[dict[str, Any]] = []
    truth: list[tuple[str, int, int]] = []
    for k, spec in enumerate(LISTS):
        rows = np.flatnonzero(recs.lst == k)
        rows = rows[rng.permutation(len(rows))]
        columns = [f for f in spec.headers if f != "row"]
        with (folder / spec.name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(spec.headers.values())
            cells = [fields[f][rows].tolist() for f in columns]
            numbers = [str(i) for i in range(1, len(rows) + 1)]
            writer.writerows(zip(numbers, *cells, strict=True))
        persons = recs.person[rows] + 1
        truth += zip(
            [spec.name] * len(rows), range(2, len(rows) + 2), persons.tolist(), strict=True
        )
        files.append(
            {
                "file": spec.name,
                "rows": len(rows),
                "persons": len(np.unique(persons)),
                "encoding": "utf-8",
                "delimiter": ",",
                "language": spec.language,
                "habit": spec.habit,
                "date_format": spec.date_format,
                "columns": spec.headers,
                "import_args": spec.import_args(),
            }
        )
    return files, truth


def generate(folder: Path, records: int, seed: int, service_numbers: bool) -> dict[str, Any]:
    """Write the lists, ``truth.csv`` and ``manifest.json``; return the manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    pools = {
        "surname": surname_pool(rng),
        "given": given_pool(rng),
        "female": female_pool(rng),
        "district": district_pool(rng),
    }
    mean = sum(k * share for k, share in enumerate(RECORDS_PER_PERSON, start=1))
    recs = make_records(rng, records, int(records / mean * 1.05) + 10)
    people = make_people(rng, int(recs.person.max()) + 1, pools)
    fields = render(rng, people, recs, pools, service_numbers)
    files, truth = write_lists(folder, rng, recs, fields)
    with (folder / "truth.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file", "row", "person_id"])
        writer.writerows(truth)
    sizes = np.bincount(recs.person)
    manifest: dict[str, Any] = {
        "synthetic": True,
        "generator": "benchmarks/linkage/scale_corpus.py",
        "seed": seed,
        "records": len(recs.person),
        "people": len(people),
        "people_by_records": {str(k): int((sizes == k).sum()) for k in (1, 2, 3)},
        "true_pairs": int((sizes * (sizes - 1) // 2).sum()),
        "service_numbers": service_numbers,
        "zipf": {"surname": SURNAME_ZIPF, "given": GIVEN_ZIPF, "district": DISTRICT_ZIPF},
        "pool_sizes": {name: len(pool.words) for name, pool in pools.items()},
        "top_surname_share": float(pools["surname"].weights[0]),
        "top_given_share": float(pools["given"].weights[0]),
        "truth": "truth.csv",
        "row_numbers": "header is row 1, first data row is row 2",
        "files": files,
    }
    (folder / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a large synthetic linkage corpus.")
    parser.add_argument("out", type=Path, help="folder to write the lists into")
    parser.add_argument("--records", type=int, default=1_000_000, help="records (1000000)")
    parser.add_argument("--seed", type=int, default=2020, help="random seed (2020)")
    parser.add_argument(
        "--no-service-numbers", action="store_true", help="leave every service number out"
    )
    args = parser.parse_args(argv)
    if args.records < 10:
        parser.error("--records must be at least 10")
    manifest = generate(args.out, args.records, args.seed, not args.no_service_numbers)
    print(
        f"wrote {manifest['records']:,} records of {manifest['people']:,} people "
        f"({manifest['true_pairs']:,} true pairs, seed {args.seed}) to {args.out}"
    )
    for entry in manifest["files"]:
        print(f"  {entry['file']}: {entry['rows']:,} rows, {entry['persons']:,} people")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
