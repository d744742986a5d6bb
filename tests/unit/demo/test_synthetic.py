"""The synthetic demo lists: deterministic, the right sizes, and overlapping as the story says."""

from __future__ import annotations

import csv
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from rollbook.demo.synthetic import (
    MAX_PEOPLE,
    MINISTRY_HEADERS,
    MISSING_HEADERS,
    NGO_HEADERS,
    REGIONS,
    VILLAGES,
    WAR_END,
    WAR_START,
    DemoLists,
    SyntheticPerson,
    az_to_ru,
    feminine_surname_az,
    feminine_surname_ru,
    fold_az,
    generate_people,
    iter_people,
    ru_patronymic,
    write_demo_lists,
    write_ministry_csv,
)

AZ_WORD = re.compile(r"[A-Za-zƏəŞşÇçĞğIıİÖöÜü]+")
RU_WORD = re.compile(r"[А-ЯЁа-яё]+")
FULL_DATE = re.compile(r"\d{2}\.\d{2}\.\d{4}")
MONTH_DATE = re.compile(r"\d{2}\.\d{4}")
YEAR_DATE = re.compile(r"\d{4}")
SERVICE_NUMBER = re.compile(r"AZ-\d{7}")

Row = dict[str, str]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoLists:
    return write_demo_lists(tmp_path_factory.mktemp("demo"))


def read(path: Path, headers: tuple[str, ...] | None = None) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if headers is not None:
            assert tuple(reader.fieldnames or ()) == headers
        return list(reader)


def numbers(rows: list[Row]) -> list[str]:
    return [row["Şəxsi nömrə"] for row in rows]


# --- determinism --------------------------------------------------------------------------------


def test_same_seed_writes_the_same_bytes(demo: DemoLists, tmp_path: Path) -> None:
    again = write_demo_lists(tmp_path / "again")
    files = ("ministry_edition_1", "ministry_edition_2", "missing", "ngo")
    for name in files:
        first: Path = getattr(demo, name)
        second: Path = getattr(again, name)
        assert first.name == second.name
        assert first.read_bytes() == second.read_bytes(), name


def test_another_seed_writes_other_people(demo: DemoLists, tmp_path: Path) -> None:
    other = write_demo_lists(tmp_path / "other", seed=7)
    assert other.ministry_edition_1.read_bytes() != demo.ministry_edition_1.read_bytes()
    assert other.edition_2_rows == demo.edition_2_rows


def test_generated_people_are_deterministic() -> None:
    assert generate_people(500, seed=11) == generate_people(500, seed=11)
    assert generate_people(50, seed=11) != generate_people(50, seed=12)


# --- the ministry editions ----------------------------------------------------------------------


def test_edition_1_sizes_and_format(demo: DemoLists) -> None:
    rows = read(demo.ministry_edition_1, MINISTRY_HEADERS)
    assert len(rows) == demo.edition_1_rows == 2_790
    assert [row["Sıra"] for row in rows] == [str(i) for i in range(1, 2_791)]
    assert len(set(numbers(rows))) == demo.edition_1_people == 2_787
    assert all(row["Ata adı"].endswith(" oğlu") for row in rows)
    assert all(FULL_DATE.fullmatch(row["Ölüm tarixi"]) for row in rows)
    assert all(row["Hərbi hissə"].endswith(" saylı hərbi hissə") for row in rows)
    assert {row["Rayon"] for row in rows} <= set(REGIONS)
    assert {row["Ölüm yeri"] for row in rows} <= set(VILLAGES)


def test_edition_1_has_partial_birth_dates(demo: DemoLists) -> None:
    births = [row["Doğum tarixi"] for row in read(demo.ministry_edition_1)]
    years = sum(1 for text in births if YEAR_DATE.fullmatch(text))
    months = sum(1 for text in births if MONTH_DATE.fullmatch(text))
    full = sum(1 for text in births if FULL_DATE.fullmatch(text))
    assert years + months + full == len(births)
    assert 0.02 < years / len(births) < 0.04
    assert 0.01 < months / len(births) < 0.03


def test_edition_1_lists_three_people_twice(demo: DemoLists) -> None:
    rows = read(demo.ministry_edition_1)
    twice = sorted(number for number, count in Counter(numbers(rows)).items() if count == 2)
    assert twice == sorted(demo.duplicate_service_numbers)
    for number in twice:
        first, second = (row for row in rows if row["Şəxsi nömrə"] == number)
        assert int(first["Sıra"]) < int(second["Sıra"])
        assert second["Soyadı"] == fold_az(first["Soyadı"])
        assert second["Adı"] == fold_az(first["Adı"])
        assert (first["Soyadı"], first["Adı"]) != (second["Soyadı"], second["Adı"])


def test_edition_2_corrects_and_extends_edition_1(demo: DemoLists) -> None:
    first = read(demo.ministry_edition_1)
    second = read(demo.ministry_edition_2, MINISTRY_HEADERS)
    assert len(second) == demo.edition_2_rows == 2_790 - 3 + 72 == 2_859
    assert len(set(numbers(second))) == len(second)

    assert set(numbers(first)) <= set(numbers(second))
    added = set(numbers(second)) - set(numbers(first))
    assert len(added) == demo.newly_named == 72

    # The duplicate rows (the later ones, spelled without diacritics) are gone.
    by_number = {row["Şəxsi nömrə"]: row for row in second}
    seen: set[str] = set()
    kept: list[Row] = []
    for row in first:
        if row["Şəxsi nömrə"] not in seen:
            seen.add(row["Şəxsi nömrə"])
            kept.append(row)
    assert len(kept) == 2_787
    for row in kept:
        new = by_number[row["Şəxsi nömrə"]]
        assert (row["Soyadı"], row["Adı"], row["Ata adı"]) == (
            new["Soyadı"],
            new["Adı"],
            new["Ata adı"],
        )

    changed = {
        row["Şəxsi nömrə"]
        for row in kept
        if {k: v for k, v in row.items() if k != "Sıra"}
        != {k: v for k, v in by_number[row["Şəxsi nömrə"]].items() if k != "Sıra"}
    }
    assert changed == set(demo.corrected_service_numbers)
    for number in changed:
        old = next(row for row in kept if row["Şəxsi nömrə"] == number)
        new = by_number[number]
        assert old["Doğum tarixi"] != new["Doğum tarixi"]
        assert FULL_DATE.fullmatch(old["Doğum tarixi"])
        assert FULL_DATE.fullmatch(new["Doğum tarixi"])


# --- the missing --------------------------------------------------------------------------------


def test_missing_list_and_who_was_found(demo: DemoLists) -> None:
    missing = read(demo.missing, MISSING_HEADERS)
    first = set(numbers(read(demo.ministry_edition_1)))
    second = set(numbers(read(demo.ministry_edition_2)))
    reported = set(numbers(missing))

    assert len(missing) == len(reported) == demo.missing_reported == 34
    assert not reported & first
    found = reported & second
    assert found == set(demo.found_killed_service_numbers)
    assert len(found) == demo.missing_found_killed == 6
    assert len(reported - second) == demo.missing_remaining == 28
    for row in missing:
        assert row["Ailə əlaqəsi"].startswith("+000 00 000 00 ")
        assert FULL_DATE.fullmatch(row["İtkin düşmə tarixi"])


def test_found_killed_keep_their_details(demo: DemoLists) -> None:
    missing = {row["Şəxsi nömrə"]: row for row in read(demo.missing)}
    second = {row["Şəxsi nömrə"]: row for row in read(demo.ministry_edition_2)}
    for number in demo.found_killed_service_numbers:
        before, after = missing[number], second[number]
        for column in ("Soyadı", "Adı", "Ata adı", "Doğum tarixi", "Hərbi rütbə", "Rayon"):
            assert before[column] == after[column]
        assert before["İtkin düşmə tarixi"] == after["Ölüm tarixi"]


# --- the NGO list -------------------------------------------------------------------------------


def test_ngo_list_spells_people_in_cyrillic(demo: DemoLists) -> None:
    rows = read(demo.ngo, NGO_HEADERS)
    assert len(rows) == demo.ngo_rows == 1_400 + 15
    assert [row["№"] for row in rows] == [str(i) for i in range(1, len(rows) + 1)]
    for row in rows:
        for column in ("Фамилия", "Имя", "Отчество", "Звание", "Район"):
            assert all(RU_WORD.fullmatch(word) for word in re.split(r"[ -]", row[column]))
        assert row["Место гибели"].startswith("с. ")
        assert row["Отчество"].endswith(("ович", "евич"))


def test_ngo_list_draws_on_edition_2(demo: DemoLists) -> None:
    ngo = read(demo.ngo)
    second = read(demo.ministry_edition_2)
    every_ministry_row = second + read(demo.ministry_edition_1) + read(demo.missing)

    def as_ngo_writes(row: Row) -> tuple[str, str, str, str]:
        father = row["Ata adı"].removesuffix(" oğlu")
        return (
            az_to_ru(row["Soyadı"]),
            az_to_ru(row["Adı"]),
            ru_patronymic(az_to_ru(father)),
            row.get("Ölüm tarixi") or row["İtkin düşmə tarixi"],
        )

    edition_2 = Counter(as_ngo_writes(row) for row in second)
    anywhere = {as_ngo_writes(row) for row in every_ministry_row}
    keys = [(r["Фамилия"], r["Имя"], r["Отчество"], r["Дата гибели"]) for r in ngo]
    assert sum(1 for key in keys if key in edition_2) == demo.ngo_from_ministry == 1_400
    assert sum(1 for key in keys if key not in anywhere) == demo.ngo_only == 15
    # Same people, different spelling: no NGO surname is written as the ministry writes it.
    assert not {r["Фамилия"] for r in ngo} & {r["Soyadı"] for r in second}


def test_ngo_birth_dates_are_sometimes_only_a_year(demo: DemoLists) -> None:
    births = [row["Дата рождения"] for row in read(demo.ngo)]
    years = sum(1 for text in births if YEAR_DATE.fullmatch(text))
    assert all(FULL_DATE.fullmatch(text) or YEAR_DATE.fullmatch(text) for text in births)
    assert 0.07 < years / len(births) < 0.13


# --- people and the streaming generator ---------------------------------------------------------


def test_iter_people_streams_n_people() -> None:
    stream = iter_people(1_000)
    assert isinstance(stream, Iterator)
    people = list(stream)
    assert len(people) == 1_000
    assert [p.key for p in people] == list(range(1, 1_001))


def test_iter_people_is_lazy() -> None:
    # Taking five people from the largest stream must not build the rest.
    first = list(itertools.islice(iter_people(MAX_PEOPLE), 5))
    assert first == generate_people(5)


def test_iter_people_rejects_bad_sizes() -> None:
    with pytest.raises(ValueError):
        iter_people(-1)
    with pytest.raises(ValueError):
        iter_people(MAX_PEOPLE + 1)
    assert generate_people(0) == []


def test_service_numbers_are_unique() -> None:
    numbers = [p.service_number for p in iter_people(50_000, seed=3)]
    assert len(set(numbers)) == len(numbers)
    assert all(SERVICE_NUMBER.fullmatch(number) for number in numbers)


def test_people_look_right() -> None:
    for person in generate_people(3_000, seed=5):
        assert person.sex == "M"
        assert WAR_START <= person.death_date <= WAR_END
        assert 17 <= (person.death_date - person.birth_date).days // 365 <= 53
        assert person.region in REGIONS
        assert person.death_place in VILLAGES
        for name in (person.surname_az, person.given_az, person.father_az):
            assert AZ_WORD.fullmatch(name)
        for name in (person.surname_ru, person.given_ru, person.patronymic_ru, person.rank_ru):
            assert all(RU_WORD.fullmatch(word) for word in re.split(r"[ -]", name))
        assert person.surname_ru == az_to_ru(person.surname_az)
        assert person.given_ru == az_to_ru(person.given_az)
        assert person.patronymic_ru == ru_patronymic(az_to_ru(person.father_az))
        assert person.surname_az.endswith(("ov", "ev", "li", "zadə"))


def test_prefix_is_stable() -> None:
    assert generate_people(100, seed=9) == generate_people(400, seed=9)[:100]


def test_people_are_frozen() -> None:
    person: SyntheticPerson = generate_people(1)[0]
    with pytest.raises(AttributeError):
        person.key = 2  # type: ignore[misc]


# --- transliteration ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Tarvel", "Тарвел"),
        ("Qarvelov", "Гарвелов"),
        ("Şəmrus", "Шамрус"),
        ("Çarqın", "Чаркын"),
        ("Ərzdan", "Эрздан"),
        ("Növtay", "Нёвтай"),
        ("Tüzbəkzadə", "Тюзбакзаде"),
        ("Yalvuğ", "Яльвуг"),
        ("Cəvxel", "Джавхел"),
        ("İzrəd", "Израд"),
        ("Baş çavuş", "Баш чавуш"),
        ("Baş leytenant-Qarvel", "Баш лейтенант-Гарвел"),
    ],
)
def test_az_to_ru(latin: str, cyrillic: str) -> None:
    assert az_to_ru(latin) == cyrillic


def test_patronymics_and_feminine_surnames() -> None:
    assert ru_patronymic("Тарвел") == "Тарвелович"
    assert ru_patronymic("Нёвтай") == "Нёвтаевич"
    assert ru_patronymic("Шамрус") == "Шамрусович"
    assert ru_patronymic("Али") == "Алиевич"
    assert feminine_surname_az("Qarvelov") == "Qarvelova"
    assert feminine_surname_az("Qarvelli") == "Qarvelli"
    assert feminine_surname_ru("Гарвелев") == "Гарвелева"
    assert fold_az("Şəmrus Çarqınzadə") == "Semrus Carqinzade"


# --- the streaming writer used by the benchmark -------------------------------------------------


def test_write_ministry_csv_streams_people(tmp_path: Path) -> None:
    out = tmp_path / "big.csv"
    written = write_ministry_csv(out, iter_people(5_000, seed=4), seed=4)
    rows = read(out, MINISTRY_HEADERS)
    assert written == len(rows) == 5_000
    assert len(set(numbers(rows))) == 5_000
    years = sum(1 for row in rows if YEAR_DATE.fullmatch(row["Doğum tarixi"]))
    assert 0.02 < years / len(rows) < 0.04
