"""The linkage frame: keys derived from what records say, never the text itself."""

from __future__ import annotations

import pytest

from rollbook.link.frame import COLUMNS, frame_rows, rank_key, to_arrow, unit_key


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
          "41207 saylı hərbi hissə", "Qarabulaq", "Şəkili", "Əsgər", "AZ-123 456", "")  # fmt: skip


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


def test_the_same_man_in_cyrillic_gets_the_same_name_keys() -> None:
    cyrillic = (8, "", "Тарланов", "Эльсам", "Руфатович", "", "1998", "", "", "", "Шекили", "",
                "", "")  # fmt: skip
    rows = frame_rows([RECORD, cyrillic])
    for column in ("surname", "given", "father", "surname_loose", "given_loose", "place"):
        assert rows[column][0] == rows[column][1]


def test_a_list_without_diacritics_agrees_on_loose_keys_and_places() -> None:
    plain = (9, "", "Terlanov", "Elsem", "", "", "", "", "", "Qarabulaq", "Sekili", "", "", "")
    rows = frame_rows([RECORD, plain])
    for column in ("surname_loose", "given_loose", "place", "region"):
        assert rows[column][0] == rows[column][1]
    assert rows["surname_spelt"] == ["tarlanov", "terlanov"]


def test_the_arrow_table_has_every_column_typed() -> None:
    table = to_arrow(frame_rows([RECORD]))
    assert tuple(table.column_names) == COLUMNS
    assert str(table.schema.field("birth_year").type) == "int64"
    assert str(table.schema.field("surname").type) == "string"
