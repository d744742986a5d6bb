"""Clearly synthetic casualty lists for Rollbook's demo and benchmarks.

The lists follow the *shape* of a real story -- a defence ministry publishes lists of its
servicemen killed in a 44-day war (dates of death 27 Sep - 10 Nov 2020), announces a toll
of 2,855 and later "at least 2,881", reports 28 servicemen missing, and an NGO publishes its
own list in Russian spelling -- but every person, place, unit, service number and phone number
is invented:

* names are built from invented syllables ("Tar" + "vel" -> "Tarvel"; surnames are an invented
  stem plus "-ov", "-ev", "-li" or "-zadə");
* districts and villages come from fixed lists of invented names;
* unit numbers, service numbers and family phone numbers are random or plainly fake
  ("+000 00 000 00 07").

Every generated person has an Azerbaijani-alphabet (Latin) form and a Russian-Cyrillic form
produced by :func:`az_to_ru`, a small transliteration written for this module, so the ministry
lists and the NGO list spell the same person differently.

Output is deterministic: for a given seed every function returns the same values and
:func:`write_demo_lists` writes the same bytes on every run.
"""

from __future__ import annotations

import bisect
import csv
import itertools
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final, Literal

__all__ = [
    "EDITION_1_FILE",
    "EDITION_2_FILE",
    "MAX_PEOPLE",
    "MINISTRY_HEADERS",
    "MISSING_FILE",
    "MISSING_HEADERS",
    "NGO_FILE",
    "NGO_HEADERS",
    "RANKS",
    "REGIONS",
    "VILLAGES",
    "WAR_END",
    "WAR_START",
    "BirthPrecision",
    "DemoLists",
    "SyntheticPerson",
    "az_lower",
    "az_to_ru",
    "feminine_surname_az",
    "feminine_surname_ru",
    "fold_az",
    "format_birth",
    "format_date",
    "generate_people",
    "iter_people",
    "ministry_birth_precision",
    "ministry_row",
    "ru_patronymic",
    "write_demo_lists",
    "write_ministry_csv",
]

WAR_START: Final = date(2020, 9, 27)
WAR_END: Final = date(2020, 11, 10)

#: Service numbers are "AZ-" plus seven digits, so at most this many distinct people.
MAX_PEOPLE: Final = 10_000_000

BirthPrecision = Literal["day", "month", "year"]

# ---------------------------------------------------------------------------------------------
# Transliteration: Azerbaijani Latin -> Russian Cyrillic
# ---------------------------------------------------------------------------------------------

_AZ_VOWELS: Final = frozenset("aeəıioöuü")
_AZ_LETTERS: Final = frozenset("abcçdeəfgğhxıijkqlmnoöprsştuüvyz")
_AZ_SIMPLE: Final[dict[str, str]] = {
    "a": "а",
    "b": "б",
    "c": "дж",
    "ç": "ч",
    "d": "д",
    "f": "ф",
    "g": "г",
    "ğ": "г",
    "h": "г",
    "x": "х",
    "i": "и",
    "j": "ж",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "r": "р",
    "s": "с",
    "ş": "ш",
    "t": "т",
    "u": "у",
    "v": "в",
    "z": "з",
}
# "y" followed by one of these vowels becomes a single iotated Cyrillic vowel.
_AZ_Y_VOWELS: Final[dict[str, str]] = {
    "a": "я",
    "ə": "я",
    "u": "ю",
    "ü": "ю",
    "e": "е",
    "o": "ё",
}
_RU_HUSHING: Final = ("ш", "ч", "ж")
_RU_VOWELS: Final = frozenset("аеёиоуыэюя")
_AZ_FOLD: Final = str.maketrans("əƏıİşŞçÇğĞöÖüÜ", "eEiIsScCgGoOuU")
_WORD_SPLIT: Final = re.compile(r"([\s\-]+)")


def az_lower(text: str) -> str:
    """Lower-case Azerbaijani text ("I" -> "ı", "İ" -> "i", which ``str.lower`` gets wrong)."""
    return text.replace("I", "ı").replace("İ", "i").lower()


def fold_az(text: str) -> str:
    """Drop Azerbaijani diacritics the way hurried typists do ("Şəmrus" -> "Semrus")."""
    return text.translate(_AZ_FOLD)


def _word_to_ru(word: str) -> str:
    """Transliterate one lower-case Azerbaijani word (no spaces or hyphens)."""
    if word.endswith("zadə") and len(word) > 4:
        return _word_to_ru(word[:-4]) + "заде"
    out: list[str] = []
    i = 0
    size = len(word)
    while i < size:
        ch = word[i]
        nxt = word[i + 1] if i + 1 < size else ""
        prev = out[-1] if out else ""
        initial = i == 0
        if ch == "ə":
            out.append("э" if initial else "а")
        elif ch == "e":
            out.append("э" if initial else "е")
        elif ch == "ö":
            out.append("о" if initial else "ё")
        elif ch == "ü":
            out.append("у" if initial or prev.endswith(_RU_HUSHING) else "ю")
        elif ch == "ı":
            out.append("и" if prev.endswith(_RU_HUSHING) else "ы")
        elif ch == "q":
            out.append("г" if initial or not nxt else "к")
        elif ch == "y" and nxt in _AZ_Y_VOWELS:
            out.append(_AZ_Y_VOWELS[nxt])
            i += 1
        elif ch == "y":
            out.append("й")
        elif ch == "l" and nxt in _AZ_LETTERS and nxt not in _AZ_VOWELS and nxt != "l":
            out.append("ль")
        else:
            out.append(_AZ_SIMPLE.get(ch, ch))
        i += 1
    return "".join(out)


def az_to_ru(text: str) -> str:
    """Transliterate Azerbaijani Latin text into Russian Cyrillic.

    The rules are small and consistent rather than authoritative: ``ə`` -> ``а`` (``э`` at the
    start of a word), ``ş`` -> ``ш``, ``ç`` -> ``ч``, ``ğ``/``h`` -> ``г``, ``x`` -> ``х``,
    ``q`` -> ``г`` at the edges of a word and ``к`` inside it, ``ı`` -> ``ы``, ``ö`` -> ``ё``
    (``о`` word-initially), ``ü`` -> ``ю`` (``у`` word-initially or after ш/ч/ж), ``c`` -> ``дж``,
    ``y`` + vowel -> я/ю/е/ё, ``l`` before a consonant -> ``ль``, and ``-zadə`` -> ``-заде``.
    Words keep their capitalisation.
    """
    parts = _WORD_SPLIT.split(text)
    out: list[str] = []
    for part in parts:
        if not part or _WORD_SPLIT.fullmatch(part):
            out.append(part)
            continue
        ru = _word_to_ru(az_lower(part))
        if part[0].isupper() and ru:
            ru = ru[0].upper() + ru[1:]
        out.append(ru)
    return "".join(out)


def ru_patronymic(father_ru: str) -> str:
    """Russian-style patronymic from a father's Cyrillic given name ("Тарвел" -> "Тарвелович")."""
    if not father_ru:
        raise ValueError("empty father's name")
    last = father_ru[-1]
    if last in "йь":
        return father_ru[:-1] + "евич"
    if last in _RU_VOWELS or father_ru.endswith(_RU_HUSHING) or last == "ц":
        return father_ru + "евич"
    return father_ru + "ович"


def feminine_surname_az(surname: str) -> str:
    """Feminine form of an Azerbaijani surname: "-ov"/"-ev" take "-a"; "-li"/"-zadə" do not."""
    return surname + "a" if surname.endswith(("ov", "ev")) else surname


def feminine_surname_ru(surname: str) -> str:
    """Feminine form of a Russian-spelled surname: "-ов"/"-ев" take "-а"."""
    return surname + "а" if surname.endswith(("ов", "ев")) else surname


# ---------------------------------------------------------------------------------------------
# Invented vocabulary
# ---------------------------------------------------------------------------------------------

_GIVEN_ONSETS: Final = (
    "Tar", "Zəm", "Qor", "Lüv", "Bəs", "Dər", "Növ", "Sür", "Həl",
    "Vəq", "Çar", "Şəm", "Mür", "Fəz", "Yal", "Cəv", "Ərz", "İz",
)  # fmt: skip
_GIVEN_CODAS: Final = (
    "vel", "dan", "rus", "məz", "lik", "tay", "şur", "qın",
    "zər", "vün", "bal", "rəd", "xel", "mon", "vuğ", "pət",
)  # fmt: skip
_FEMALE_CODAS: Final = ("nəz", "lərə", "vanə", "sünə", "türə")
_STEM_HEADS: Final = (
    "Qar", "Tüz", "Məl", "Zor", "Bəh", "Dol", "Xəz", "Sön", "Vur",
    "Pəl", "Kəş", "Ləm", "Gəv", "Çöv", "Şüm", "Əbr", "Jal", "Rüx",
)  # fmt: skip
_STEM_TAILS: Final = (
    "vel", "bək", "dar", "müz", "sən", "qul", "tən", "rıd",
    "zal", "hüm", "çin", "xar", "döl", "yaz", "noğ", "pir",
)  # fmt: skip
# Suffix and how often it is drawn (out of 10).
_SURNAME_SUFFIXES: Final = (("ov", 5), ("ev", 2), ("li", 2), ("zadə", 1))

#: Invented district names (the "Rayon" column).
REGIONS: Final[tuple[str, ...]] = (
    "Velüçay", "Qarmüzlü", "Tövlənd", "Bəzmirən", "Norqəla", "Xozvəng",
    "Lüvəran", "Dərzəmin", "Fəzlik", "Çarvüz", "Mörkənd", "Yalbəsər",
)  # fmt: skip
_VILLAGE_HEADS: Final = ("Zər", "Tül", "Sav", "Qom", "Böy", "Nəv", "Lor", "Pir", "Həz", "Çöm")
_VILLAGE_TAILS: Final = ("möz", "vənd", "cal", "tala", "bəli", "küz")
#: Invented village names used as places of death ("Zərmöz kəndi").
VILLAGES: Final[tuple[str, ...]] = tuple(
    f"{head}{tail} kəndi" for head in _VILLAGE_HEADS for tail in _VILLAGE_TAILS
)

#: (Azerbaijani rank, Russian rank, relative frequency, youngest age, oldest age).
RANKS: Final[tuple[tuple[str, str, int, int, int], ...]] = (
    ("Əsgər", "Рядовой", 52, 18, 21),
    ("Kiçik çavuş", "Младший сержант", 6, 19, 24),
    ("Çavuş", "Сержант", 8, 20, 30),
    ("Baş çavuş", "Старший сержант", 7, 22, 40),
    ("Gizir", "Прапорщик", 5, 22, 40),
    ("Baş gizir", "Старший прапорщик", 3, 25, 45),
    ("Leytenant", "Лейтенант", 6, 21, 25),
    ("Baş leytenant", "Старший лейтенант", 5, 23, 28),
    ("Kapitan", "Капитан", 4, 25, 35),
    ("Mayor", "Майор", 2, 30, 42),
    ("Polkovnik-leytenant", "Подполковник", 1, 35, 48),
    ("Polkovnik", "Полковник", 1, 40, 52),
)
_RANK_RU: Final[dict[str, str]] = {az: ru for az, ru, _, _, _ in RANKS}
_RANK_CUMULATIVE: Final[tuple[int, ...]] = tuple(itertools.accumulate(r[2] for r in RANKS))

_REGION_RU: Final[dict[str, str]] = {region: az_to_ru(region) for region in REGIONS}
_VILLAGE_RU: Final[dict[str, str]] = {
    village: "с. " + az_to_ru(village.removesuffix(" kəndi")) for village in VILLAGES
}

# (Azerbaijani, Russian) pairs, precomputed so generating a million people never transliterates.
_GIVEN_NAMES: Final[tuple[tuple[str, str], ...]] = tuple(
    (name, az_to_ru(name))
    for name in (onset + coda for onset in _GIVEN_ONSETS for coda in _GIVEN_CODAS)
)
_PATRONYMICS_RU: Final[tuple[str, ...]] = tuple(ru_patronymic(ru) for _, ru in _GIVEN_NAMES)
_FEMALE_NAMES: Final[tuple[str, ...]] = tuple(
    onset + coda for onset in _GIVEN_ONSETS for coda in _FEMALE_CODAS
)
_SURNAMES: Final[tuple[tuple[str, str], ...]] = tuple(
    (surname, az_to_ru(surname))
    for surname in (
        head + tail + suffix
        for head in _STEM_HEADS
        for tail in _STEM_TAILS
        for suffix, weight in _SURNAME_SUFFIXES
        for _ in range(weight)
    )
)

_WAR_START_ORDINAL: Final = WAR_START.toordinal()
_WAR_DAYS: Final = WAR_END.toordinal() - _WAR_START_ORDINAL + 1
_UNIT_POOL_SIZE: Final = 240
_SERVICE_SPACE: Final = 10_000_000

# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SyntheticPerson:
    """One invented serviceman, in Azerbaijani (Latin) and Russian (Cyrillic) spelling."""

    key: int
    surname_az: str
    given_az: str
    father_az: str
    surname_ru: str
    given_ru: str
    patronymic_ru: str
    sex: str
    birth_date: date
    rank: str
    unit: str
    service_number: str
    region: str
    death_date: date
    death_place: str

    @property
    def father_column_az(self) -> str:
        """The father's-name column as ministry lists write it ("Tarvel oğlu")."""
        return f"{self.father_az} oğlu"

    @property
    def rank_ru(self) -> str:
        """The rank in Russian, as the NGO list writes it."""
        return _RANK_RU.get(self.rank, self.rank)

    @property
    def region_ru(self) -> str:
        """The district in Russian spelling."""
        return _REGION_RU.get(self.region) or az_to_ru(self.region)

    @property
    def death_place_ru(self) -> str:
        """The place of death in Russian spelling ("с. Зармёз")."""
        return _VILLAGE_RU.get(self.death_place) or az_to_ru(self.death_place)


def iter_people(n: int, seed: int = 2020) -> Iterator[SyntheticPerson]:
    """Stream ``n`` invented servicemen (keys 1..n), deterministically for ``seed``.

    Memory use does not grow with ``n``. Service numbers are unique by construction: key ``k``
    maps to ``(a * k + b) mod 10**7`` with ``a`` coprime to ``10**7``, a bijection, so
    ``n`` may be at most :data:`MAX_PEOPLE`. The first ``m`` people of ``iter_people(n, s)`` are
    the same for every ``n >= m``.
    """
    if n < 0:
        raise ValueError(f"n must not be negative, got {n}")
    if n > MAX_PEOPLE:
        raise ValueError(f"at most {MAX_PEOPLE:,} people have distinct service numbers, got {n:,}")
    return _stream_people(n, seed)


def _stream_people(n: int, seed: int) -> Iterator[SyntheticPerson]:
    rng = random.Random(seed)
    units = tuple(
        f"{number} saylı hərbi hissə"
        for number in rng.sample(range(1000, 100_000), _UNIT_POOL_SIZE)
    )
    multiplier = rng.randrange(1_000_001, _SERVICE_SPACE, 2)
    while multiplier % 5 == 0:
        multiplier += 2
    offset = rng.randrange(_SERVICE_SPACE)

    # One C-level ``random()`` call per draw (``int(u * size)``) keeps a million people fast.
    uniform = rng.random
    rank_total = _RANK_CUMULATIVE[-1]
    given_count = len(_GIVEN_NAMES)
    surname_count = len(_SURNAMES)
    unit_count = len(units)
    region_count = len(REGIONS)
    village_count = len(VILLAGES)
    for key in range(1, n + 1):
        death_ordinal = _WAR_START_ORDINAL + int(uniform() * _WAR_DAYS)
        rank_az, _, _, youngest, oldest = RANKS[
            bisect.bisect_right(_RANK_CUMULATIVE, uniform() * rank_total)
        ]
        age = youngest + int(uniform() * (oldest - youngest + 1))
        birth_ordinal = death_ordinal - age * 365 - age // 4 - int(uniform() * 365)
        given_az, given_ru = _GIVEN_NAMES[int(uniform() * given_count)]
        father_index = int(uniform() * given_count)
        surname_az, surname_ru = _SURNAMES[int(uniform() * surname_count)]
        service = (multiplier * key + offset) % _SERVICE_SPACE
        yield SyntheticPerson(  # positional: noticeably faster than keywords at a million rows
            key,
            surname_az,
            given_az,
            _GIVEN_NAMES[father_index][0],
            surname_ru,
            given_ru,
            _PATRONYMICS_RU[father_index],
            "M",
            date.fromordinal(birth_ordinal),
            rank_az,
            units[int(uniform() * unit_count)],
            f"AZ-{service:07d}",
            REGIONS[int(uniform() * region_count)],
            date.fromordinal(death_ordinal),
            VILLAGES[int(uniform() * village_count)],
        )


def generate_people(n: int, seed: int = 2020) -> list[SyntheticPerson]:
    """The first ``n`` people of :func:`iter_people`, as a list."""
    return list(iter_people(n, seed))


# ---------------------------------------------------------------------------------------------
# Formatting rows
# ---------------------------------------------------------------------------------------------

MINISTRY_HEADERS: Final = (
    "Sıra", "Soyadı", "Adı", "Ata adı", "Doğum tarixi", "Hərbi rütbə",
    "Hərbi hissə", "Şəxsi nömrə", "Ölüm tarixi", "Ölüm yeri", "Rayon",
)  # fmt: skip
MISSING_HEADERS: Final = (
    "Sıra", "Soyadı", "Adı", "Ata adı", "Doğum tarixi", "Hərbi rütbə", "Hərbi hissə",
    "Şəxsi nömrə", "İtkin düşmə tarixi", "Rayon", "Ailə əlaqəsi",
)  # fmt: skip
NGO_HEADERS: Final = (
    "№", "Фамилия", "Имя", "Отчество", "Дата рождения", "Звание",
    "Дата гибели", "Место гибели", "Район",
)  # fmt: skip

EDITION_1_FILE: Final = "ministry_list_2020-12-03.csv"
EDITION_2_FILE: Final = "ministry_list_2020-12-28.csv"
MISSING_FILE: Final = "missing_2020-11-20.csv"
NGO_FILE: Final = "ngo_list_2021-01-15.csv"

_SALT_MINISTRY: Final = 0x6D696E
_SALT_NGO: Final = 0x6E676F


def _mix(key: int, seed: int, salt: int) -> int:
    """A cheap, fixed 32-bit hash of (key, seed, salt): per-person choices stable across lists."""
    x = (key * 0x9E3779B1 + seed * 0x85EBCA77 + salt * 0xC2B2AE3D) & 0xFFFFFFFF
    x ^= x >> 16
    x = (x * 0x45D9F3B) & 0xFFFFFFFF
    x ^= x >> 16
    return x


def ministry_birth_precision(key: int, seed: int = 2020) -> BirthPrecision:
    """How the ministry lists write this person's birth date: ~3% year only, ~2% month."""
    bucket = _mix(key, seed, _SALT_MINISTRY) % 1000
    if bucket < 30:
        return "year"
    if bucket < 50:
        return "month"
    return "day"


def _ngo_birth_precision(key: int, seed: int) -> BirthPrecision:
    return "year" if _mix(key, seed, _SALT_NGO) % 100 < 10 else "day"


def format_date(value: date) -> str:
    """DD.MM.YYYY, as both kinds of list write dates."""
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def format_birth(value: date, precision: BirthPrecision = "day") -> str:
    """A birth date as "DD.MM.YYYY", "MM.YYYY" or "YYYY"."""
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.month:02d}.{value.year:04d}"
    return format_date(value)


def ministry_row(
    seq: int,
    person: SyntheticPerson,
    birth_text: str,
    *,
    surname: str | None = None,
    given: str | None = None,
    father: str | None = None,
) -> tuple[str, ...]:
    """One row in :data:`MINISTRY_HEADERS` order; names may be overridden (spelling variants)."""
    return (
        str(seq),
        person.surname_az if surname is None else surname,
        person.given_az if given is None else given,
        f"{person.father_az if father is None else father} oğlu",
        birth_text,
        person.rank,
        person.unit,
        person.service_number,
        format_date(person.death_date),
        person.death_place,
        person.region,
    )


def write_ministry_csv(path: Path, people: Iterable[SyntheticPerson], seed: int = 2020) -> int:
    """Stream ``people`` to a ministry-style CSV at ``path``; return the number of data rows."""
    count = 0
    # Dates repeat a lot (45 days of war, ~50 birth years): format each one once. The caches are
    # bounded by the calendar span, not by the number of rows.
    dates: dict[date, str] = {}
    births: dict[tuple[date, BirthPrecision], str] = {}
    with path.open("w", encoding="utf-8", newline="") as handle:
        writerow = csv.writer(handle).writerow
        writerow(MINISTRY_HEADERS)
        for person in people:
            count += 1
            born = (person.birth_date, ministry_birth_precision(person.key, seed))
            birth_text = births.get(born)
            if birth_text is None:
                birth_text = births[born] = format_birth(*born)
            died = dates.get(person.death_date)
            if died is None:
                died = dates[person.death_date] = format_date(person.death_date)
            writerow(
                (
                    str(count),
                    person.surname_az,
                    person.given_az,
                    f"{person.father_az} oğlu",
                    birth_text,
                    person.rank,
                    person.unit,
                    person.service_number,
                    died,
                    person.death_place,
                    person.region,
                )
            )
    return count


def _write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)


# ---------------------------------------------------------------------------------------------
# The demo lists
# ---------------------------------------------------------------------------------------------

_EDITION_1_PEOPLE: Final = 2_787
_DUPLICATES: Final = 3
_CORRECTED: Final = 2
_NEWLY_NAMED_FRESH: Final = 66
_MISSING: Final = 34
_MISSING_FOUND_KILLED: Final = 6
_NGO_FROM_MINISTRY: Final = 1_400
_NGO_ONLY: Final = 15

_RELATIONS_MALE: Final = ("atası", "qardaşı")
_RELATIONS_FEMALE: Final = ("anası", "bacısı", "həyat yoldaşı")


@dataclass(frozen=True, slots=True)
class DemoLists:
    """Where :func:`write_demo_lists` wrote the lists, and what they contain."""

    folder: Path
    ministry_edition_1: Path
    ministry_edition_2: Path
    missing: Path
    ngo: Path
    edition_1_rows: int
    edition_1_people: int
    duplicates_removed: int
    birth_dates_corrected: int
    newly_named: int
    edition_2_rows: int
    missing_reported: int
    missing_found_killed: int
    missing_remaining: int
    ngo_rows: int
    ngo_from_ministry: int
    ngo_only: int
    duplicate_service_numbers: tuple[str, ...]
    corrected_service_numbers: tuple[str, ...]
    found_killed_service_numbers: tuple[str, ...]


def _by_death(person: SyntheticPerson) -> tuple[date, int]:
    return person.death_date, person.key


def _by_russian_name(person: SyntheticPerson) -> tuple[str, str, str, int]:
    def fix(text: str) -> str:
        return text.replace("ё", "е").replace("Ё", "Е")

    return fix(person.surname_ru), fix(person.given_ru), fix(person.patronymic_ru), person.key


def _wrong_birth_text(person: SyntheticPerson, variant: int) -> str:
    """A mistaken birth date for edition 1: day and month swapped, or the year ten off."""
    born = person.birth_date
    if variant == 0:
        return f"{born.month:02d}.{born.day:02d}.{born.year:04d}"
    return f"{born.day:02d}.{born.month:02d}.{born.year - 10:04d}"


def _family_contact(rng: random.Random, seq: int, person: SyntheticPerson) -> str:
    phone = f"+000 00 000 00 {seq:02d}"
    if rng.random() < 0.4:
        relation = rng.choice(_RELATIONS_MALE)
        name = rng.choice(_GIVEN_NAMES)[0]
        return f"{phone} ({relation} {name} {person.surname_az})"
    relation = rng.choice(_RELATIONS_FEMALE)
    name = rng.choice(_FEMALE_NAMES)
    return f"{phone} ({relation} {name} {feminine_surname_az(person.surname_az)})"


def write_demo_lists(folder: Path, seed: int = 2020) -> DemoLists:
    """Write the four demo CSV files (UTF-8) into ``folder`` and describe them.

    * ``ministry_list_2020-12-03.csv`` -- edition 1: 2,790 rows for 2,787 people (3 people are
      listed twice, the second time with diacritics dropped, same service number); 2 birth dates
      are wrong; ~3% of birth dates are a year only and ~2% month and year.
    * ``ministry_list_2020-12-28.csv`` -- edition 2: edition 1 without the 3 duplicate rows,
      with the 2 birth dates corrected, plus 72 newly named people (6 of them previously missing):
      2,859 rows.
    * ``missing_2020-11-20.csv`` -- 34 missing servicemen, none in edition 1; 6 are in edition 2,
      28 remain missing.
    * ``ngo_list_2021-01-15.csv`` -- 1,400 people of edition 2 plus 15 in no ministry list, in
      Russian spelling, without service numbers; ~10% of birth dates are a year only.
    """
    folder.mkdir(parents=True, exist_ok=True)
    total = _EDITION_1_PEOPLE + _NEWLY_NAMED_FRESH + _MISSING + _NGO_ONLY
    people = generate_people(total, seed)
    rng = random.Random(f"rollbook-demo-lists-{seed}")

    cut_fresh = _EDITION_1_PEOPLE
    cut_missing = cut_fresh + _NEWLY_NAMED_FRESH
    cut_ngo = cut_missing + _MISSING
    edition_1_people = sorted(people[:cut_fresh], key=_by_death)
    fresh = people[cut_fresh:cut_missing]
    missing = sorted(people[cut_missing:cut_ngo], key=_by_death)
    ngo_only = people[cut_ngo:]

    # Three people listed twice in edition 1, the second time with diacritics dropped.
    foldable = [
        p
        for p in edition_1_people
        if fold_az(p.surname_az + p.given_az) != p.surname_az + p.given_az
    ]
    duplicated = rng.sample(foldable, _DUPLICATES)
    duplicated_keys = {p.key for p in duplicated}
    # Two people whose birth date edition 1 got wrong (full dates, so the correction shows).
    correctable = [
        p
        for p in edition_1_people
        if p.key not in duplicated_keys
        and p.birth_date.day <= 12
        and p.birth_date.day != p.birth_date.month
        and ministry_birth_precision(p.key, seed) == "day"
    ]
    corrected = rng.sample(correctable, _CORRECTED)
    wrong_birth = {p.key: _wrong_birth_text(p, i) for i, p in enumerate(corrected)}

    def birth_text(person: SyntheticPerson) -> str:
        return format_birth(person.birth_date, ministry_birth_precision(person.key, seed))

    # Edition 1: (person, is_duplicate_row).
    entries: list[tuple[SyntheticPerson, bool]] = [(p, False) for p in edition_1_people]
    for person in duplicated:
        first = entries.index((person, False))
        entries.insert(rng.randint(first + 1, len(entries)), (person, True))
    edition_1_rows: list[tuple[str, ...]] = []
    for seq, (person, is_duplicate) in enumerate(entries, start=1):
        if is_duplicate:
            row = ministry_row(
                seq,
                person,
                birth_text(person),
                surname=fold_az(person.surname_az),
                given=fold_az(person.given_az),
                father=fold_az(person.father_az),
            )
        else:
            row = ministry_row(seq, person, wrong_birth.get(person.key) or birth_text(person))
        edition_1_rows.append(row)

    # Edition 2: duplicates removed, birth dates corrected, 72 newly named people.
    found_killed = rng.sample(missing, _MISSING_FOUND_KILLED)
    edition_2_people = sorted([*edition_1_people, *fresh, *found_killed], key=_by_death)
    edition_2_rows = [
        ministry_row(seq, person, birth_text(person))
        for seq, person in enumerate(edition_2_people, start=1)
    ]

    missing_rows = [
        (
            str(seq),
            person.surname_az,
            person.given_az,
            person.father_column_az,
            birth_text(person),
            person.rank,
            person.unit,
            person.service_number,
            format_date(person.death_date),
            person.region,
            _family_contact(rng, seq, person),
        )
        for seq, person in enumerate(missing, start=1)
    ]

    ngo_people = sorted(
        [*rng.sample(edition_2_people, _NGO_FROM_MINISTRY), *ngo_only], key=_by_russian_name
    )
    ngo_rows = [
        (
            str(seq),
            person.surname_ru,
            person.given_ru,
            person.patronymic_ru,
            format_birth(person.birth_date, _ngo_birth_precision(person.key, seed)),
            person.rank_ru,
            format_date(person.death_date),
            person.death_place_ru,
            person.region_ru,
        )
        for seq, person in enumerate(ngo_people, start=1)
    ]

    lists = DemoLists(
        folder=folder,
        ministry_edition_1=folder / EDITION_1_FILE,
        ministry_edition_2=folder / EDITION_2_FILE,
        missing=folder / MISSING_FILE,
        ngo=folder / NGO_FILE,
        edition_1_rows=len(edition_1_rows),
        edition_1_people=len(edition_1_people),
        duplicates_removed=len(duplicated),
        birth_dates_corrected=len(corrected),
        newly_named=len(fresh) + len(found_killed),
        edition_2_rows=len(edition_2_rows),
        missing_reported=len(missing),
        missing_found_killed=len(found_killed),
        missing_remaining=len(missing) - len(found_killed),
        ngo_rows=len(ngo_rows),
        ngo_from_ministry=_NGO_FROM_MINISTRY,
        ngo_only=len(ngo_only),
        duplicate_service_numbers=tuple(p.service_number for p in duplicated),
        corrected_service_numbers=tuple(p.service_number for p in corrected),
        found_killed_service_numbers=tuple(p.service_number for p in found_killed),
    )
    _write_csv(lists.ministry_edition_1, MINISTRY_HEADERS, edition_1_rows)
    _write_csv(lists.ministry_edition_2, MINISTRY_HEADERS, edition_2_rows)
    _write_csv(lists.missing, MISSING_HEADERS, missing_rows)
    _write_csv(lists.ngo, NGO_HEADERS, ngo_rows)
    return lists
