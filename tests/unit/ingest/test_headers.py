import tomllib
from collections import defaultdict
from importlib.resources import files

import pytest

from rollbook.ingest.headers import (
    FIELDS,
    PROTECTED_FIELDS,
    HeaderVocabularyError,
    header_vocabulary,
    normalise_header,
    parse_header_vocabulary,
    recognise_header,
)

LANGUAGES = ("en", "az", "az_cyrl", "ru", "uk", "hy", "ka", "ar", "tr")


def _raw_vocabulary() -> dict[str, dict[str, list[str]]]:
    text = (files("rollbook") / "resources" / "headers.toml").read_text(encoding="utf-8")
    data: dict[str, dict[str, list[str]]] = tomllib.loads(text)
    return data


def _all_spellings() -> list[tuple[str, str, str]]:
    return [
        (field, language, spelling)
        for field, table in _raw_vocabulary().items()
        for language, spellings in table.items()
        for spelling in spellings
    ]


def _minimal_toml(extra: str = "") -> str:
    tables = "".join(f'[{field}]\nen = ["{field} header"]\n' for field in FIELDS)
    return tables + extra


# --- fields -----------------------------------------------------------------------------------


def test_fields_are_the_canonical_set() -> None:
    assert len(FIELDS) == len(set(FIELDS)) == 24
    assert set(FIELDS) == {
        "record_id",
        "person_id",
        "full_name",
        "surname",
        "given_name",
        "patronymic",
        "sex",
        "birth_date",
        "birth_place",
        "age",
        "rank",
        "unit",
        "service_number",
        "national_id",
        "home_place",
        "region",
        "party",
        "status",
        "event_date",
        "event_place",
        "notes",
        "contact",
        "medical",
        "reporter",
    }


def test_protected_fields_are_fields() -> None:
    assert frozenset({"contact", "medical", "reporter"}) == PROTECTED_FIELDS
    assert PROTECTED_FIELDS.issubset(FIELDS)


def test_every_field_is_recognisable_and_nothing_else() -> None:
    assert set(header_vocabulary().values()) == set(FIELDS)
    assert set(_raw_vocabulary()) == set(FIELDS)


def test_vocabulary_is_loaded_once() -> None:
    assert header_vocabulary() is header_vocabulary()


# --- every spelling, every language -------------------------------------------------------------


def test_every_language_is_present() -> None:
    languages = {language for _, language, _ in _all_spellings()}
    assert languages == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_covers_the_core_fields(language: str) -> None:
    core = {"surname", "given_name", "birth_date", "event_date", "region", "status", "notes"}
    covered = {field for field, lang, _ in _all_spellings() if lang == language}
    if language == "en":
        assert covered == set(FIELDS)
    else:
        assert core <= covered


@pytest.mark.parametrize(("field", "language", "spelling"), _all_spellings())
def test_every_listed_spelling_is_recognised(field: str, language: str, spelling: str) -> None:
    assert recognise_header(spelling) == field, (language, spelling)
    assert recognise_header(f"  {spelling.upper()} : ") == field, (language, spelling)
    assert recognise_header(f"*{spelling}*") == field, (language, spelling)


# --- headers of the demo lists ----------------------------------------------------------------

DEMO_HEADERS = [
    ("Soyadı", "surname"),
    ("Adı", "given_name"),
    ("Ata adı", "patronymic"),
    ("Doğum tarixi", "birth_date"),
    ("Hərbi rütbə", "rank"),
    ("Hərbi hissə", "unit"),
    ("Şəxsi nömrə", "service_number"),
    ("Ölüm tarixi", "event_date"),
    ("Ölüm yeri", "event_place"),
    ("Rayon", "region"),
    ("Фамилия", "surname"),
    ("Имя", "given_name"),
    ("Отчество", "patronymic"),
    ("Дата рождения", "birth_date"),
    ("Звание", "rank"),
    ("Дата гибели", "event_date"),
    ("Место гибели", "event_place"),
    ("Район", "region"),
    ("Full name", "full_name"),
    ("Date of birth", "birth_date"),
    ("Date of death", "event_date"),
    ("Status", "status"),
    ("Reported by", "reporter"),
    ("Family contact", "contact"),
]


@pytest.mark.parametrize(("header", "field"), DEMO_HEADERS)
def test_demo_headers(header: str, field: str) -> None:
    assert recognise_header(header) == field


# --- samples by language ------------------------------------------------------------------------

SAMPLES = [
    # English
    ("Surname", "surname"),
    ("First name", "given_name"),
    ("Father's name", "patronymic"),
    ("Service number", "service_number"),
    ("Passport number", "national_id"),
    ("Next of kin", "contact"),
    ("Cause of death", "medical"),
    ("Informant", "reporter"),
    ("Date of disappearance", "event_date"),
    ("Place of death", "event_place"),
    ("Side", "party"),
    ("No.", "record_id"),
    ("#", "record_id"),
    # Azerbaijani, Latin
    ("Ad, soyad, ata adı", "full_name"),
    ("Şəhid olma tarixi", "event_date"),
    ("İtkin düşmə tarixi", "event_date"),
    ("Yaşayış yeri", "home_place"),
    ("Vəziyyəti", "status"),
    ("FİN", "national_id"),
    ("Ölüm səbəbi", "medical"),
    ("Məlumat verən", "reporter"),
    ("Əlaqə nömrəsi", "contact"),
    ("Sıra", "record_id"),
    ("Qeyd", "notes"),
    # Azerbaijani, Cyrillic
    ("Сојады", "surname"),
    ("Ата ады", "patronymic"),
    ("Өлүм тарихи", "event_date"),
    ("Һәрби рүтбә", "rank"),
    ("Рајон", "region"),
    # Russian
    ("ФИО", "full_name"),
    ("Ф.И.О.", "full_name"),
    ("Дата смерти", "event_date"),
    ("Личный номер", "service_number"),
    ("Статус", "status"),
    ("Причина гибели", "medical"),
    ("Сообщил", "reporter"),
    ("Место жительства", "home_place"),
    ("№ п/п", "record_id"),
    # Ukrainian
    ("ПІБ", "full_name"),
    ("Прізвище", "surname"),
    ("Ім'я", "given_name"),
    ("По батькові", "patronymic"),
    ("Дата загибелі", "event_date"),
    ("Особистий номер", "service_number"),
    ("Примітка", "notes"),
    # Armenian
    ("Ազգանուն", "surname"),
    ("Անուն", "given_name"),
    ("Հայրանուն", "patronymic"),
    ("Ծննդյան ամսաթիվ", "birth_date"),
    ("Զոհվելու ամսաթիվ", "event_date"),
    ("Մարզ", "region"),
    ("Հեռախոս", "contact"),
    # Georgian
    ("გვარი", "surname"),
    ("სახელი", "given_name"),
    ("დაბადების თარიღი", "birth_date"),
    ("გარდაცვალების თარიღი", "event_date"),
    # Arabic
    ("الاسم الكامل", "full_name"),
    ("اسم الأب", "patronymic"),
    ("تاريخ الوفاة", "event_date"),
    ("مكان الوفاة", "event_place"),
    ("المحافظة", "region"),
    ("سبب الوفاة", "medical"),
    ("رقم الهاتف", "contact"),
    ("المبلغ", "reporter"),
    # Turkish
    ("Adı soyadı", "full_name"),
    ("Doğum tarihi", "birth_date"),
    ("Şehit olma tarihi", "event_date"),
    ("Rütbe", "rank"),
    ("TC kimlik no", "national_id"),
    ("Durum", "status"),
    # exports from Rollbook itself
    ("person_id", "person_id"),
    ("rollbook_person_id", "person_id"),
    ("Person ID", "person_id"),
]


@pytest.mark.parametrize(("header", "field"), SAMPLES)
def test_samples(header: str, field: str) -> None:
    assert recognise_header(header) == field


# --- unknown headers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    ["Favourite colour", "Хобби", "Սիրած գույն", "اللون المفضل", "", "   ", "*", ":", "Date", "ID"],
)
def test_unknown_header_is_none(header: str) -> None:
    assert recognise_header(header) is None


# --- normalisation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Ölüm   tarixi: ", "ölüm tarixi"),
        ("ФАМИЛИЯ *", "фамилия"),
        ("Date of death (dd.mm.yyyy)", "date of death"),
        ("Дата гибели [число]", "дата гибели"),
        ("(Name)", "name"),
        ("\ufeffNo.", "no"),
        ("person_id", "person id"),
        ("По-батькові", "по батькові"),
        ("Ф.И.О.", "ф и о"),
        ("Ім’я", "імя"),
        ("Father's name", "fathers name"),
        ("SOYADI", "soyadi"),
        ("Soyadı", "soyadi"),
        ("FİN", "fin"),
        ("Населённый пункт", "населенный пункт"),
        ("اسم الأب", "اسم الاب"),
        ("الاسمُ", "الاسم"),
        ("Ազգանուն:", "ազգանուն"),
        ("№", "№"),
        ("#", "#"),
        ("*#:", "#"),
        ("*", "*"),
        ("", ""),
        ("Date\u00a0of\tbirth", "date of birth"),
        ("Şəxsi nömrə", "şəxsi nömrə"),
    ],
)
def test_normalise_header(raw: str, expected: str) -> None:
    assert normalise_header(raw) == expected


def test_normalise_header_is_idempotent() -> None:
    for _, _, spelling in _all_spellings():
        once = normalise_header(spelling)
        assert normalise_header(once) == once


def test_decomposed_and_composed_forms_match() -> None:
    composed = "Doğum tarixi"
    decomposed = "Dog\u0306um tarixi"
    assert normalise_header(decomposed) == normalise_header(composed)
    assert recognise_header(decomposed) == "birth_date"


# --- no spelling maps to two fields ----------------------------------------------------------


def test_no_spelling_maps_to_two_fields() -> None:
    fields_by_key: defaultdict[str, set[str]] = defaultdict(set)
    for field, _, spelling in _all_spellings():
        fields_by_key[normalise_header(spelling)].add(field)
    clashes = {key: fields for key, fields in fields_by_key.items() if len(fields) > 1}
    assert clashes == {}


def test_no_spelling_normalises_to_nothing() -> None:
    assert all(normalise_header(spelling) for _, _, spelling in _all_spellings())


def test_loader_rejects_a_spelling_of_two_fields() -> None:
    text = _minimal_toml().replace('[surname]\nen = ["surname header"]', '[surname]\nen = ["Ad"]')
    text = text.replace('[given_name]\nen = ["given_name header"]', '[given_name]\ntr = ["AD:"]')
    with pytest.raises(HeaderVocabularyError, match="surname"):
        parse_header_vocabulary(text)


def test_loader_accepts_a_spelling_repeated_within_one_field() -> None:
    text = _minimal_toml().replace(
        '[surname]\nen = ["surname header"]', '[surname]\naz = ["Soyadı"]\ntr = ["Soyadı"]'
    )
    assert parse_header_vocabulary(text)["soyadi"] == "surname"


def test_loader_rejects_an_unknown_field() -> None:
    with pytest.raises(HeaderVocabularyError, match="favourite_colour"):
        parse_header_vocabulary(_minimal_toml('[favourite_colour]\nen = ["Colour"]\n'))


def test_loader_rejects_a_missing_field() -> None:
    text = _minimal_toml().replace('[notes]\nen = ["notes header"]\n', "")
    with pytest.raises(HeaderVocabularyError, match="notes"):
        parse_header_vocabulary(text)


@pytest.mark.parametrize("bad", ['en = "Notes"', "en = [1, 2]", 'en = [""]', 'en = ["  "]'])
def test_loader_rejects_malformed_spellings(bad: str) -> None:
    text = _minimal_toml().replace('[notes]\nen = ["notes header"]', f"[notes]\n{bad}")
    with pytest.raises(HeaderVocabularyError):
        parse_header_vocabulary(text)


def test_loader_rejects_invalid_toml() -> None:
    with pytest.raises(HeaderVocabularyError):
        parse_header_vocabulary("[surname\n")
