"""Tests for rollbook.model.names.

Every name here is invented. Surnames are either the generic Məmmədov / Mammadov / Мамедов or
made up from words for "example" or "test" (Nümunəli, Примеров, Прикладенко, Փորձյան,
ნიმუშაძე, Testzade); given names and fathers' names are common first names.
"""

import dataclasses
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rollbook.model.names import SCRIPTS, NameParts, detect_script, name_key, split_full_name

# --- detect_script ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Elvin Mammadov", "Latin"),
        ("Məmmədov Elvin Əli oğlu", "Latin"),
        ("MƏMMƏDOV", "Latin"),
        ("Мамедов Эльвин Алиевич", "Cyrillic"),
        ("Прикладенко Тарас Андрійович", "Cyrillic"),
        ("Сојадов Ҹаваншир", "Cyrillic"),
        ("Дарʼя Примерова", "Cyrillic"),
        ("Փորձյան Արամ Գագիկի", "Armenian"),
        ("ნიმუშაძე გიორგი", "Georgian"),
        ("محمد علي حسن", "Arabic"),
        ("مُحَمَّد", "Arabic"),
        ("Elvin Мамедов", "Mixed"),
        ("Mamedоv", "Mixed"),  # a Cyrillic "о" hiding in Latin text
        ("Արամ Mammadov", "Mixed"),
        ("Ελένη Mammadov", "Mixed"),
        ("Ελένη", "Unknown"),
        ("", "Unknown"),
        ("  ", "Unknown"),
        ("1994-05-03", "Unknown"),
        ("№ 12, (3)", "Unknown"),
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


def test_detect_script_ignores_digits_and_punctuation() -> None:
    assert detect_script("Mammadov, E. (1994) #12") == "Latin"
    assert detect_script("«Мамедов» — 1994 г.") == "Cyrillic"
    assert detect_script("حسن ١٩٩٤") == "Arabic"


def test_detect_script_answers_only_known_values() -> None:
    assert set(SCRIPTS) == {"Latin", "Cyrillic", "Armenian", "Georgian", "Arabic"}


@given(st.text(max_size=30))
def test_detect_script_always_answers_a_known_value(text: str) -> None:
    assert detect_script(text) in {*SCRIPTS, "Mixed", "Unknown"}


# --- NameParts ----------------------------------------------------------------------------------


def test_name_parts_is_frozen() -> None:
    parts = NameParts("Mammadov", "Elvin", None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        parts.surname = "Other"  # type: ignore[misc]
    assert not hasattr(parts, "__dict__")


# --- split_full_name ----------------------------------------------------------------------------


def _parts(surname: str | None, given_name: str | None, patronymic: str | None) -> NameParts:
    return NameParts(surname=surname, given_name=given_name, patronymic=patronymic)


AZERBAIJANI = [
    ("Məmmədov Elvin Əli oğlu", _parts("Məmmədov", "Elvin", "Əli oğlu")),
    ("Məmmədova Leyla Rauf qızı", _parts("Məmmədova", "Leyla", "Rauf qızı")),
    ("MƏMMƏDOVA LEYLA RAUF QIZI", _parts("MƏMMƏDOVA", "LEYLA", "RAUF QIZI")),
    ("Mammadov Elvin Ali oglu", _parts("Mammadov", "Elvin", "Ali oglu")),
    ("Mammadov Elvin Ali ogly", _parts("Mammadov", "Elvin", "Ali ogly")),
    ("Mammadova Aysel Vugar kyzy", _parts("Mammadova", "Aysel", "Vugar kyzy")),
    ("Mammadova Aysel Vugar qizi", _parts("Mammadova", "Aysel", "Vugar qizi")),
    ("Мамедов Эльвин Али оглы", _parts("Мамедов", "Эльвин", "Али оглы")),
    ("Мамедова Айсель Вугар кызы", _parts("Мамедова", "Айсель", "Вугар кызы")),
    ("Nümunəli Vüsal Kamran oğlu", _parts("Nümunəli", "Vüsal", "Kamran oğlu")),
    # the surname after the given name, the patronymic still last
    ("Elvin Məmmədov Əli oğlu", _parts("Məmmədov", "Elvin", "Əli oğlu")),
    # the surname last, behind the patronymic
    ("Elvin Əli oğlu Məmmədov", _parts("Məmmədov", "Elvin", "Əli oğlu")),
    # no surname at all, the old style
    ("Elvin Əli oğlu", _parts(None, "Elvin", "Əli oğlu")),
    # extra spaces are not kept, letters are
    ("  Məmmədov   Elvin  Əli   oğlu ", _parts("Məmmədov", "Elvin", "Əli oğlu")),
]

RUSSIAN_AND_UKRAINIAN = [
    ("Мамедов Эльвин Алиевич", _parts("Мамедов", "Эльвин", "Алиевич")),
    ("Эльвин Алиевич Мамедов", _parts("Мамедов", "Эльвин", "Алиевич")),
    ("Мамедова Айсель Алиевна", _parts("Мамедова", "Айсель", "Алиевна")),
    ("Примеров Иван Петрович", _parts("Примеров", "Иван", "Петрович")),
    ("Примерова Анна Сергеевна", _parts("Примерова", "Анна", "Сергеевна")),
    ("Примеров Лев Ильич", _parts("Примеров", "Лев", "Ильич")),
    ("Примерова Анна Ильинична", _parts("Примерова", "Анна", "Ильинична")),
    ("МАМЕДОВ ЭЛЬВИН АЛИЕВИЧ", _parts("МАМЕДОВ", "ЭЛЬВИН", "АЛИЕВИЧ")),
    ("Прикладенко Тарас Андрійович", _parts("Прикладенко", "Тарас", "Андрійович")),
    ("Тарас Андрійович Прикладенко", _parts("Прикладенко", "Тарас", "Андрійович")),
    ("Прикладенко Оксана Андріївна", _parts("Прикладенко", "Оксана", "Андріївна")),
    ("Прикладчук Олена Петрівна", _parts("Прикладчук", "Олена", "Петрівна")),
    # a surname ending like a patronymic, in both orders
    ("Прикладович Иван Петрович", _parts("Прикладович", "Иван", "Петрович")),
    ("Иван Петрович Прикладович", _parts("Прикладович", "Иван", "Петрович")),
    # Latin transliteration
    ("Mammadov Elvin Aliyevich", _parts("Mammadov", "Elvin", "Aliyevich")),
    ("Elvin Aliyevich Mammadov", _parts("Mammadov", "Elvin", "Aliyevich")),
    ("Mammadova Aysel Aliyevna", _parts("Mammadova", "Aysel", "Aliyevna")),
    # a patronymic with no surname
    ("Эльвин Алиевич", _parts(None, "Эльвин", "Алиевич")),
    # initials
    ("Мамедов Э. А.", _parts("Мамедов", "Э.", "А.")),
]

WESTERN_ORDER = [
    ("Elvin Mammadov", _parts("Mammadov", "Elvin", None)),
    ("Mammadov Elvin", _parts("Mammadov", "Elvin", None)),
    ("ELVIN MAMMADOV", _parts("MAMMADOV", "ELVIN", None)),
    ("Leyla Mammadova", _parts("Mammadova", "Leyla", None)),
    ("Vüsal Nümunəli", _parts("Nümunəli", "Vüsal", None)),
    ("Nümunəli Vüsal", _parts("Nümunəli", "Vüsal", None)),
    ("Aram Portsyan", _parts("Portsyan", "Aram", None)),
    ("Portsian Aram", _parts("Portsian", "Aram", None)),
    ("Giorgi Nimushadze", _parts("Nimushadze", "Giorgi", None)),
    ("Nimushashvili Nino", _parts("Nimushashvili", "Nino", None)),
    ("Taras Prykladenko", _parts("Prykladenko", "Taras", None)),
    ("Prykladchuk Olena", _parts("Prykladchuk", "Olena", None)),
    ("Kamran Testzade", _parts("Testzade", "Kamran", None)),
    ("Примеров Эльвин", _parts("Примеров", "Эльвин", None)),
    ("Эльвин Примеров", _parts("Примеров", "Эльвин", None)),
    # a strong ending beats a weak one (-ia is a Georgian surname ending, and a given name's)
    ("Maria Nimushashvili", _parts("Nimushashvili", "Maria", None)),
    # neither word looks like a surname: Latin reads given name first...
    ("Elvin Rauf", _parts("Rauf", "Elvin", None)),
    # ...Cyrillic reads "Фамилия Имя"
    ("Эльвин Рауф", _parts("Эльвин", "Рауф", None)),
    # three words: the middle one is the father's name
    ("Elvin Rauf Mammadov", _parts("Mammadov", "Elvin", "Rauf")),
    ("Mammadov Elvin Rauf", _parts("Mammadov", "Elvin", "Rauf")),
    ("Elvin Rauf Kamran", _parts("Kamran", "Elvin", "Rauf")),
    ("Эльвин Рауф Камран", _parts("Эльвин", "Рауф", "Камран")),
    # four words, no patronymic: the rest is the given name
    ("Anna Maria Louise Mammadova", _parts("Mammadova", "Anna Maria Louise", None)),
    # "-li" after fewer than three letters is a given name (Əli, Vəli), not a surname
    ("Vəli Məmmədov", _parts("Məmmədov", "Vəli", None)),
    ("Məmmədov Vəli", _parts("Məmmədov", "Vəli", None)),
]

ARMENIAN = [
    ("Փորձյան Արամ Գագիկի", _parts("Փորձյան", "Արամ", "Գագիկի")),
    ("Արամ Գագիկի Փորձյան", _parts("Փորձյան", "Արամ", "Գագիկի")),
    ("Փորձյան Անի Գագիկի", _parts("Փորձյան", "Անի", "Գագիկի")),
    ("Արամ Փորձյան", _parts("Փորձյան", "Արամ", None)),
    ("Փորձյան Արամ", _parts("Փորձյան", "Արամ", None)),
    # neither looks like a surname: surname first, as in lists
    ("Արամ Գագիկ", _parts("Արամ", "Գագիկ", None)),
]

GEORGIAN = [
    ("გიორგი ნიმუშაძე", _parts("ნიმუშაძე", "გიორგი", None)),
    ("ნიმუშაშვილი ნინო", _parts("ნიმუშაშვილი", "ნინო", None)),
]

ARABIC = [
    ("محمد علي حسن", _parts("حسن", "محمد", "علي")),
    ("محمد علي", _parts("علي", "محمد", None)),
    ("محمد علي حسن المثالي", _parts("المثالي", "محمد", "علي حسن")),
    ("عبد الله علي حسن", _parts("حسن", "عبد الله", "علي")),
    ("أبو بكر علي حسن", _parts("حسن", "أبو بكر", "علي")),
    ("نور الدين علي حسن", _parts("حسن", "نور الدين", "علي")),
    ("محمد عبد الرحمن حسن", _parts("حسن", "محمد", "عبد الرحمن")),
    ("محمد بن علي", _parts(None, "محمد", "بن علي")),
    ("فاطمة بنت علي", _parts(None, "فاطمة", "بنت علي")),
    ("محمد", _parts(None, "محمد", None)),
]

SINGLE_WORD_AND_EMPTY = [
    # a single word is a surname when it ends like one, else a given name
    ("Mammadov", _parts("Mammadov", None, None)),
    ("Мамедов", _parts("Мамедов", None, None)),
    ("Փորձյան", _parts("Փորձյան", None, None)),
    ("Elvin", _parts(None, "Elvin", None)),
    ("Эльвин", _parts(None, "Эльвин", None)),
    ("", _parts(None, None, None)),
    ("   ", _parts(None, None, None)),
]

COMMA = [
    ("Мамедов, Эльвин Алиевич", _parts("Мамедов", "Эльвин", "Алиевич")),
    ("Mammadov, Elvin", _parts("Mammadov", "Elvin", None)),
    ("Məmmədov, Elvin Əli oğlu", _parts("Məmmədov", "Elvin", "Əli oğlu")),
    ("Rauf, Elvin Kamran", _parts("Rauf", "Elvin", "Kamran")),
    ("Mammadov Elvin,", _parts("Mammadov", "Elvin", None)),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    AZERBAIJANI
    + RUSSIAN_AND_UKRAINIAN
    + WESTERN_ORDER
    + ARMENIAN
    + GEORGIAN
    + ARABIC
    + SINGLE_WORD_AND_EMPTY
    + COMMA,
)
def test_split_full_name(text: str, expected: NameParts) -> None:
    assert split_full_name(text) == expected


def test_split_keeps_letters_exactly_as_written() -> None:
    decomposed = unicodedata.normalize("NFD", "Məmmədov Elvin Əli oğlu")
    parts = split_full_name(decomposed)
    assert parts.patronymic is not None
    assert parts.patronymic.endswith(unicodedata.normalize("NFD", "oğlu"))
    assert parts.patronymic != "Əli oğlu"  # still decomposed, not normalised
    assert unicodedata.normalize("NFC", parts.patronymic) == "Əli oğlu"


_WORDS = st.sampled_from(
    [
        "Məmmədov",
        "Elvin",
        "Əli",
        "oğlu",
        "qızı",
        "Мамедов",
        "Эльвин",
        "Алиевич",
        "Петрович",
        "Прикладович",
        "Փորձյան",
        "Գագիկի",
        "ნიმუშაძე",
        "محمد",
        "عبد",
        "بن",
        "الدين",
        "E.",
        "Rauf",
    ]
)


@given(st.lists(_WORDS, max_size=6), st.booleans())
def test_split_neither_loses_nor_invents_words(words: list[str], comma: bool) -> None:
    text = " ".join(words)
    if comma and words:
        text = text.replace(" ", ", ", 1)
    parts = split_full_name(text)
    found = [
        word for part in dataclasses.astuple(parts) if part is not None for word in part.split()
    ]
    assert sorted(found) == sorted(words)
    assert all(part is None or part.strip() == part != "" for part in dataclasses.astuple(parts))


# --- name_key -----------------------------------------------------------------------------------


def test_name_key_example_from_the_spec() -> None:
    key = name_key("Məmmədov Elvin")
    assert key == "alvn mmdv"
    assert name_key("Elvin MAMMADOV") == name_key("Эльвин Мамедов") == key


def test_a_search_for_one_spelling_finds_the_others() -> None:
    query = name_key("Mammadov")
    for written in ("Məmmədov Elvin", "Мамедов Эльвин", "Elvin Mamedov"):
        assert query in name_key(written).split()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Мамедов Эльвин", "alvn mmdv"),
        ("Փորձյան Արամ", "arm brqn"),
        ("ნიმუშაძე გიორგი", "krk nmxq"),
        ("Nümunəli Vüsal Kamran oğlu", "akl kmrn nmnl vsl"),
        ("Şəhidov İlkin", "alkn xkdv"),
        ("MAMMADOV,  Elvin", "alvn mmdv"),
        ("Mammadov-Nümunəli Elvin", "alvn mmdv nmnl"),  # a hyphen splits words
        ("O'Prykladenko Dar’ya", "abrkldnk dr"),  # an apostrophe does not
        ("Elvin Mammadov 2", "alvn mmdv"),  # digits have no key
        ("Мамедов Э.А.", "mmdv"),  # nor do initials
        ("  ", ""),
        ("", ""),
        ("— , .", ""),
    ],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


def test_name_key_matches_arabic_with_its_latin_spelling() -> None:
    assert name_key("محمد علي") == name_key("Ali Muhammad") == "al mkmd"


def test_name_key_ignores_order_case_and_normal_form() -> None:
    base = name_key("Məmmədov Elvin Əli oğlu")
    assert name_key("ELVIN əli OĞLU məmmədov") == base
    assert name_key(unicodedata.normalize("NFD", "Məmmədov Elvin Əli oğlu")) == base
    assert name_key("Məmmədov\tElvin\u00a0Əli  oğlu") == base


_NAME_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), max_size=40
)


@given(_NAME_TEXT)
def test_name_key_shape(text: str) -> None:
    key = name_key(text)
    assert key == "" or re.fullmatch(r"[a-z]+( [a-z]+)*", key)
    tokens = key.split()
    assert tokens == sorted(tokens)


@given(st.lists(st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=8)))
def test_name_key_ignores_word_order(words: list[str]) -> None:
    assert name_key(" ".join(words)) == name_key(" ".join(reversed(words)))
