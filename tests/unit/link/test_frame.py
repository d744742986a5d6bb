"""The linkage frame: keys derived from what records say, never the text itself."""

from __future__ import annotations

import pytest

from rollbook.link.frame import COLUMNS, contact_key, frame_rows, rank_key, to_arrow, unit_key


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("41207 saylı hərbi hissə", "41207"),
        ("в/ч 41207", "41207"),
        ("military unit 41207", "41207"),
    ],
)
def test_a_unit_is_known_by_its_number(written: str, key: str) -> None:
    assert unit_key(written) == key


@pytest.mark.parametrize(
    ("a", "b"),
    [("Baş leytenant", "старший лейтенант"), ("Əsgər", "рядовой"), ("Kapitan", "captain")],
)
def test_ranks_agree_across_languages(a: str, b: str) -> None:
    assert rank_key(a) == rank_key(b) is not None


def test_an_unlisted_rank_is_compared_by_its_own_keys() -> None:
    assert rank_key("Drummer") == rank_key("DRUMMER") is not None


RECORD = (7, "", "Tərlanov", "Elsəm", "Rüfət oğlu", "male", "1998-03", "2020-10-14",
          "41207 saylı hərbi hissə", "Qarabulaq", "Şəkili", "Əsgər", "AZ-123 456", "",
          "Tovlan 5, 12")  # fmt: skip


def test_frame_rows_hold_keys_and_the_known_parts_of_dates() -> None:
    row = {name: values[0] for name, values in frame_rows([RECORD]).items()}
    assert row["unique_id"] == 7
    assert row["surname"] and row["given"] and row["father"]
    assert row["tokens"].split() == sorted(row["tokens"].split())
    assert (row["birth_year"], row["birth_month"], row["birth_day"]) == (1998, 3, None)
    assert row["birth_date"] is None  # only a full date is compared whole
    assert row["event_date"] == "2020-10-14" and row["event_number"] is not None
    assert row["unit"] == "41207" and row["rank"] == "private" and row["sex"] == "m"
    assert row["service_number"] == "AZ123456" and row["national_id"] is None
    assert row["contact"] == "tovlan 5 12"


def test_the_same_man_in_cyrillic_gets_the_same_name_keys() -> None:
    cyrillic = (8, "", "Тарланов", "Эльсам", "Руфатович", "", "1998", "", "", "", "Шекили", "",
                "", "", "Товлан 5 12")  # fmt: skip
    rows = frame_rows([RECORD, cyrillic])
    for column in ("surname", "given", "father", "surname_loose", "given_loose", "place",
                   "contact"):  # fmt: skip
        assert rows[column][0] == rows[column][1]


def test_a_list_without_diacritics_agrees_on_loose_keys_and_places() -> None:
    plain = (9, "", "Terlanov", "Elsem", "", "", "", "", "", "Qarabulaq", "Sekili", "", "", "", "")
    rows = frame_rows([RECORD, plain])
    for column in ("surname_loose", "given_loose", "place", "region"):
        assert rows[column][0] == rows[column][1]
    assert rows["surname_spelt"] == ["tarlanov", "terlanov"]


def test_the_arrow_table_has_every_column_typed() -> None:
    table = to_arrow(frame_rows([RECORD]))
    assert tuple(table.column_names) == COLUMNS
    assert str(table.schema.field("birth_year").type) == "int64"
    assert str(table.schema.field("surname").type) == "string"


@pytest.mark.parametrize(
    ("a", "b"),
    [("+994 (50) 123-45-67", "+994 50 123 45 67"), ("Tovlan küç. 5", "TOVLAN KÜÇ 5")],
)
def test_a_contact_agrees_however_it_is_punctuated(a: str, b: str) -> None:
    assert contact_key(a) == contact_key(b) is not None


def test_a_contact_keeps_its_numbers_so_neighbours_differ() -> None:
    assert contact_key("Tovlan 5, 12") != contact_key("Tovlan 7, 12")
    assert contact_key("--") is None
