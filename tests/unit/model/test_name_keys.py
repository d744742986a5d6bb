"""Tests for rollbook.model.name_keys.

Names here are invented (Nümunəli, Примеров, Փորձյան, ნიმუშაძე: words for "example") or
generic, very common surnames and given names used only to show a spelling convention.
"""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rollbook.model.name_keys import (
    NameKeys,
    father_name,
    loose_key,
    name_keys,
    romanise,
    word_key,
)

# --- romanise ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Məmmədov", "mammadov"),  # ə -> a
        ("Xəlilov", "khalilov"),  # x -> kh
        ("Cəfərov", "jafarov"),  # c -> j
        ("Şəkər", "shakar"),  # ş -> sh
        ("Çiçək", "chichak"),  # ç -> ch
        ("Nümunəli", "numunali"),  # ü -> u
        ("Qasımov", "qasimov"),  # ı -> i, q kept
        ("İlkin", "ilkin"),  # dotted capital I
        ("Мамедов", "mamedov"),
        ("Эльвин", "elvin"),  # soft sign dropped
        ("Ҹавид", "javid"),  # Azerbaijani Cyrillic
        ("Ոսկանյան", "voskanyan"),  # Armenian initial ո -> vo
        ("Երեմյան", "yeremyan"),  # Armenian initial ե -> ye
        ("Հարությունյան", "harutyunyan"),  # Armenian ու -> u
        ("ნიმუშაძე", "nimushadze"),  # Georgian via anyascii, apostrophes dropped
        ("علي", "ali"),  # Arabic ain opening a word, final ya as a vowel
        ("Mammadov-Nümunəli", "mammadovnumunali"),
    ],
)
def test_romanise(word: str, expected: str) -> None:
    assert romanise(word) == expected


@pytest.mark.parametrize("word", ["", "  ", "佐藤", "12", "—", "Ελένη"])
def test_romanise_gives_nothing_for_what_it_cannot_read(word: str) -> None:
    assert romanise(word) == ""


# --- word_key: spellings that must agree ------------------------------------------------------


@pytest.mark.parametrize(
    "spellings",
    [
        pytest.param(("Məmmədov", "Mammadov", "Mamedov", "Мамедов"), id="ə/е and doubled letters"),
        pytest.param(("Ədalət", "Адалят", "Adalat"), id="ə/я"),
        pytest.param(("Hüseynov", "Huseynov", "Guseynov", "Гусейнов"), id="h/г and ü/у"),
        pytest.param(("Nümunəli", "Нюмюнели", "Numunali"), id="ü/ю/u"),
        pytest.param(("Xəlilov", "Халилов", "Khalilov"), id="x/х/kh"),
        pytest.param(("Qasımov", "Гасымов", "Gasymov"), id="q/г"),
        pytest.param(("Yaqub", "Якуб", "Yagub"), id="q/к"),
        pytest.param(("Şəkər", "Шакар", "Shakar"), id="ş/ш/sh"),
        pytest.param(("Cəmil", "Джамиль", "Jamil"), id="c/дж/j"),
        pytest.param(("Çiçək", "Чичек", "Chichek"), id="ç/ч/ch"),
        pytest.param(("Əliyev", "Алиев", "Aliev"), id="hiatus y"),
        pytest.param(("İsmayılov", "Исмаилов", "Ismailov"), id="diphthong"),
        pytest.param(
            ("Hovhannisyan", "Ovanesyan", "Оганесян", "Հովհաննիսյան"), id="Hovhannes family"
        ),
        pytest.param(("Օհանյան", "Оганян", "Ohanyan"), id="Armenian initial Օ"),
        pytest.param(("Հակոբյան", "Акопян", "Hakobyan", "Hakopian"), id="Armenian initial Հ"),
        pytest.param(("Ոսկանյան", "Восканян", "Voskanyan"), id="Armenian initial Ո"),
        pytest.param(("Փորձյան", "Порцян", "Pordzyan", "Pordzian"), id="-yan/-ян/-ian"),
        pytest.param(("Pordzjan", "Pordzyan"), id="German -jan"),
        pytest.param(("ნიმუშაძე", "Нимушадзе", "Nimushadze", "Nimushadse"), id="-dze/-дзе"),
        pytest.param(
            ("ნიმუშაშვილი", "Нимушашвили", "Nimushashvili", "Nimushaschwili"),
            id="-shvili/-швили",
        ),
        pytest.param(("Примеров", "Primerov", "Primeroff"), id="-ov/-off"),
        pytest.param(("محمد", "Muhammad", "Mohammed"), id="Arabic skeleton"),
        pytest.param(("أحمد", "Əhməd", "Ахмед", "Ahmad"), id="Arabic opening alef"),
        pytest.param(("علي", "Əli", "Али", "Ali"), id="Arabic opening ain"),
    ],
)
def test_word_key_agrees_across_spellings(spellings: tuple[str, ...]) -> None:
    keys = {spelling: word_key(spelling) for spelling in spellings}
    assert all(keys.values()), keys
    assert len(set(keys.values())) == 1, keys


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Hüseynov", "Həsənov"),
        ("Гусейнов", "Гасанов"),
        ("Məmmədov", "Mahmudov"),
        ("Əliyev", "Vəliyev"),
        ("Nümunəli", "Nümunəzadə"),
        ("Hovhannisyan", "Harutyunyan"),
        ("Nimushadze", "Nimushashvili"),
        ("Elvin", "Elnur"),
    ],
)
def test_word_key_keeps_different_names_apart(left: str, right: str) -> None:
    assert word_key(left) != word_key(right)


def test_word_key_of_a_patronymic_stem_matches_the_name() -> None:
    assert word_key("Серге") == word_key("Сергей")  # from "Сергеевич"
    assert word_key("Никола") == word_key("Николай")  # from "Николаевич"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Rəşad", "Resad"),
        ("Çobəkli", "Cobakli"),
        ("Garabedian", "Карапетян"),
        ("Velucay", "Велучай"),
    ],
)
def test_loose_key_agrees_where_a_list_drops_diacritics_or_voicing(left: str, right: str) -> None:
    assert word_key(left) != word_key(right)
    assert loose_key(word_key(left)) == loose_key(word_key(right))


def test_loose_key_keeps_words_and_the_vowel_glide() -> None:
    assert loose_key("mmdv alkd") == "mmtv alkt"
    assert loose_key(word_key("Hüseynov")) != loose_key(word_key("Həsənov"))


@pytest.mark.parametrize("word", ["", "E", "Э.", "佐藤", "12", "—", "'"])
def test_word_key_is_empty_without_a_readable_name(word: str) -> None:
    assert word_key(word) == ""


_WORDS = st.text(alphabet=st.characters(codec="utf-8", categories=["L", "M", "N", "P"]))


@given(_WORDS)
def test_word_key_is_deterministic_lower_ascii_and_never_raises(word: str) -> None:
    key = word_key(word)
    word_key.cache_clear()
    assert word_key(word) == key
    assert re.fullmatch(r"[a-z]*", key)
    assert re.fullmatch(r"[a-z]*", romanise(word))


# --- father_name ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("patronymic", "father"),
    [
        ("Əli oğlu", "Əli"),
        ("Ali oglu", "Ali"),
        ("Ali ogly", "Ali"),
        ("Али оглы", "Али"),
        ("Kamran qızı", "Kamran"),
        ("Kamran qizi", "Kamran"),
        ("Kamran kyzy", "Kamran"),
        ("Камран кызы", "Камран"),
        ("Alievich", "Ali"),
        ("Алиевич", "Али"),
        ("Петрович", "Петр"),
        ("Петровна", "Петр"),
        ("Alievna", "Ali"),
        ("Сергеевич", "Серге"),
        ("Ильинична", "Иль"),
        ("Գագիկի", "Գագիկ"),  # Armenian genitive
        ("بن علي", "علي"),
        ("Rauf", "Rauf"),
    ],
)
def test_father_name(patronymic: str, father: str) -> None:
    assert father_name(patronymic) == father


@pytest.mark.parametrize("patronymic", ["", "  ", "oğlu", "кызы"])
def test_father_name_is_none_when_nothing_is_left(patronymic: str) -> None:
    assert father_name(patronymic) is None


@pytest.mark.parametrize(
    ("patronymic", "name"),
    [("Алиевич", "Əli"), ("Alievich", "Али"), ("Əli oğlu", "Ali"), ("Сергеевич", "Sergey")],
)
def test_father_name_keys_like_the_fathers_given_name(patronymic: str, name: str) -> None:
    father = father_name(patronymic)
    assert father is not None
    assert word_key(father) == word_key(name)


# --- name_keys --------------------------------------------------------------------------------

_NUMUNALI = ("nmnl", "alvn", "kmrn", "ek", ("alvn", "kmrn", "nmnl"))


def _keys(keys: NameKeys) -> tuple[str, str, str, str, tuple[str, ...]]:
    """The script-independent keys; the spellings stay each script's own."""
    return keys.surname, keys.given, keys.father, keys.initials, keys.tokens


@pytest.mark.parametrize(
    "full_name",
    [
        "Nümunəli Elvin Kamran oğlu",
        "Нюмюнели Эльвин Камранович",
        "Нюмюнели, Эльвин Камран оглы",
        "Эльвин Камранович Нюмюнели",
    ],
)
def test_name_keys_of_one_name_in_several_scripts(full_name: str) -> None:
    assert _keys(name_keys(full_name, "", "", "")) == _NUMUNALI


def test_name_keys_uses_the_parts_when_given() -> None:
    keys = name_keys("ignored", "Nümunəli", "Elvin", "Kamran oğlu")
    assert _keys(keys) == _NUMUNALI
    assert (keys.surname_spelt, keys.given_spelt) == ("numunali", "elvin")


def test_swapped_surname_and_given_name_give_equal_tokens() -> None:
    right = name_keys("", "Mammadov", "Elvin", "")
    swapped = name_keys("", "Elvin", "Mammadov", "")
    assert (right.surname, right.given) == ("mmdv", "alvn")
    assert swapped.surname != right.surname
    assert swapped.tokens == right.tokens == ("alvn", "mmdv")


@pytest.mark.parametrize(
    ("full_name", "initials", "tokens"),
    [
        ("E. Mammadov", "e", ("mmdv",)),
        ("Мамедов Э.А.", "ea", ("mmdv",)),
        ("Мамедов Э. А.", "ea", ("mmdv",)),
        ("Mammadov E. Ali oglu", "ea", ("al", "mmdv")),
    ],
)
def test_a_name_in_initials_has_initials_but_no_given_key(
    full_name: str, initials: str, tokens: tuple[str, ...]
) -> None:
    keys = name_keys(full_name, "", "", "")
    assert (keys.surname, keys.given) == ("mmdv", "")
    assert keys.initials == initials
    assert keys.tokens == tokens


def test_hyphenated_surname_gives_a_key_per_part() -> None:
    keys = name_keys("", "Məmmədov-Nümunəli", "Elvin", "")
    assert keys.surname == "mmdv nmnl"
    assert keys.tokens == ("alvn", "mmdv", "nmnl")


@pytest.mark.parametrize("full_name", ["", "   ", "佐藤 太郎", "— 12"])
def test_name_keys_are_empty_for_names_that_cannot_be_romanised(full_name: str) -> None:
    assert name_keys(full_name, "", "", "") == NameKeys("", "", "", "", (), "", "")


_NAMES = st.text(alphabet=st.characters(codec="utf-8", categories=["L", "M", "N", "P", "Zs"]))


@given(_NAMES, _NAMES, _NAMES, _NAMES)
def test_name_keys_are_deterministic_and_never_raise(
    full_name: str, surname: str, given_name: str, patronymic: str
) -> None:
    keys = name_keys(full_name, surname, given_name, patronymic)
    name_keys.cache_clear()
    assert name_keys(full_name, surname, given_name, patronymic) == keys
    assert list(keys.tokens) == sorted(set(keys.tokens))
    assert "" not in keys.tokens
