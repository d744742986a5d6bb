"""Importing lists as people publish them: delimiters, encodings, XLSX, JSON Lines, editions.

Every test runs on SQLite and on PostgreSQL (the `cli` fixture). All names are invented.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from integration.listfiles import (
    Cli,
    by_column,
    exported_records,
    import_json,
    imported,
    journal,
    json_out,
    sources,
    write_csv,
    write_jsonl,
    write_text,
    write_xlsx,
)

KILLED = ("--status", "killed", "--published", "2020-12-03")

LATIN_HEADER = ("Surname", "Given name", "Date of birth", "Service number", "Region")
LATIN_ROWS = (
    ("Qarlov", "Zemfir", "12.03.1994", "SN-1001", "Velüçay"),
    ("Telmuzov", "Orxil", "1996", "SN-1002", "Qarmüzlü"),
    ("Vendarlı", "Nisbat", "07.2001", "SN-1003", "Velüçay"),
)

# Names in Azerbaijani, Russian and Turkish letters, for lists in each encoding.
AZ_HEADER = ("Soyadı", "Adı", "Ata adı", "Doğum tarixi", "Şəxsi nömrə")
AZ_ROWS = (
    ("Şərbəlov", "Ülvər", "Xəzlik oğlu", "02.05.1990", "AZ-0000101"),
    ("Ğüldanlı", "İlqəm", "Çövrüz oğlu", "1988", "AZ-0000102"),
    ("Əbrtənova", "Şəlalə", "Nəzmir qızı", "11.1999", "AZ-0000103"),
)
RU_HEADER = ("Фамилия", "Имя", "Отчество", "Дата рождения", "Дата гибели")
RU_ROWS = tuple(
    (surname, given, patronymic, born, "14.10.2020")
    for surname, given, patronymic, born in (
        ("Кырмалов", "Тагир", "Вельмурович", "03.02.1991"),
        ("Зульбеков", "Эльдар", "Ренатович", "1993"),
        ("Шапырёв", "Юнис", "Фархадович", "21.07.1997"),
        ("Ёлчанов", "Мурад", "Исмаилович", "1990"),
        ("Щербукин", "Эмиль", "Айдарович", "05.1989"),
        ("Чубарлы", "Вугар", "Рафикович", "30.12.1995"),
        ("Жемчуев", "Камран", "Эльханович", "1999"),
        ("Хазырбеков", "Тельман", "Сейфуллаевич", "08.08.1994"),
    )
)
TR_HEADER = ("Surname", "Given name", "Patronymic", "Date of birth", "Service number")
TR_ROWS = (
    ("Şıxmurlu", "İlğar", "Vüsal oğlu", "02.05.1990", "TR-2001"),
    ("Dağlıçöv", "Sünür", "Ağşin oğlu", "1988", "TR-2002"),
    ("Gülbarzı", "Ayşın", "Oğuz qızı", "11.1999", "TR-2003"),
    ("İğdırlı", "Çağır", "Şükür oğlu", "17.09.1993", "TR-2004"),
    ("Yılğınov", "Ürfan", "Ilğız oğlu", "1995", "TR-2005"),
    ("Küçükoğlu", "Işıl", "Özgür qızı", "04.1997", "TR-2006"),
)


def _names(records: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    return [(r["surname"], r["given_name"], r["patronymic"]) for r in records]


#: Each case: delimiter, encoding, header and rows. Each encoding carries names that only it
#: (or Unicode) can write; none is given to the import, which must find it by itself.
DIALECTS: dict[str, tuple[str, str, tuple[str, ...], tuple[tuple[str, ...], ...]]] = {
    "comma": (",", "utf-8", LATIN_HEADER, LATIN_ROWS),
    "semicolon": (";", "utf-8", LATIN_HEADER, LATIN_ROWS),
    "tab": ("\t", "utf-8", LATIN_HEADER, LATIN_ROWS),
    "UTF-8": (",", "utf-8", AZ_HEADER, AZ_ROWS),
    "UTF-8 with BOM": (";", "utf-8-sig", AZ_HEADER, AZ_ROWS),
    "UTF-16 with BOM": ("\t", "utf-16", AZ_HEADER, AZ_ROWS),
    "Windows-1251": (";", "cp1251", RU_HEADER, RU_ROWS),
    "Windows-1254": (",", "cp1254", TR_HEADER, TR_ROWS),
}


def test_import_csv_dialect_detected_names_stored_as_written(
    cli: Cli, tmp_path: Path, subtests: pytest.Subtests
) -> None:
    assert cli("init").exit_code == 0

    for case, (delimiter, encoding, header, rows) in DIALECTS.items():
        with subtests.test(case):
            path = write_csv(
                tmp_path / f"{case}.csv", header, rows, delimiter=delimiter, encoding=encoding
            )

            report = imported(cli, path, *KILLED)

            assert report["delimiter"] == delimiter
            written = path.read_bytes().decode(report["encoding"])
            assert written.lstrip("\ufeff").startswith(delimiter.join(header))
            # Every column was recognised: no byte order mark was left on the first header.
            assert [m["column"] for m in report["mapping"]] == list(header)
            stored = [r for r in exported_records(cli) if r["source_id"] == report["source_id"]]
            assert _names(stored) == [(row[0], row[1], _patronymic(header, row)) for row in rows]
            assert [r["row"] for r in stored] == list(range(2, len(rows) + 2))


def _patronymic(header: tuple[str, ...], row: tuple[str, ...]) -> str:
    for name in ("Ata adı", "Отчество", "Patronymic"):
        if name in header:
            return row[header.index(name)]
    return ""


def test_import_semicolon_list_with_commas_in_its_header_split_on_semicolons(
    cli: Cli, tmp_path: Path
) -> None:
    # "Фамилия, имя, отчество" is a recognised header; lists saved by a spreadsheet in a
    # Russian or Azerbaijani locale separate cells with semicolons.
    assert cli("init").exit_code == 0
    names = ["Кырмалов Тагир Вельмурович", "Зульбеков Эльдар Ренатович", "Шапырёв Юнис Фархадович"]
    path = write_csv(
        tmp_path / "short-list.csv",
        ("Фамилия, имя, отчество", "Дата гибели"),
        [(name, f"1{i}.10.2020") for i, name in enumerate(names)],
        delimiter=";",
    )

    report = imported(cli, path, *KILLED)

    assert report["delimiter"] == ";"
    assert [r["full_name"] for r in exported_records(cli)] == names


def test_import_xlsx_typed_cells_stored_as_written_text(cli: Cli, tmp_path: Path) -> None:
    assert cli("init").exit_code == 0
    header = ("Surname", "Given name", "Date of birth", "Date of death", "Service number", "Unit")
    rows = (
        ("Qarlov", "Zemfir", dt.datetime(1994, 3, 12), dt.date(2020, 10, 14), 4471203, "Unit 7"),
        ("Telmuzov", "Orxil", 1996, "14 October 2020", 4471204, "Unit 9"),
        ("Vendarlı", "Nisbat", "03.2001", dt.datetime(2020, 11, 2, 0, 0), 4471205, "Unit 7"),
    )
    path = write_xlsx(tmp_path / "list.xlsx", header, rows)

    report = imported(cli, path, *KILLED)

    assert report["format"] == "xlsx"
    stored = by_column(exported_records(cli), "service_number")
    assert sorted(stored) == ["4471203", "4471204", "4471205"]
    assert stored["4471203"]["birth_date"] == "1994-03-12"
    assert stored["4471203"]["event_date"] == "2020-10-14"
    assert stored["4471204"]["birth_date"] == "1996"
    assert stored["4471204"]["event_date"] == "2020-10-14"
    assert stored["4471205"]["birth_date"] == "2001-03"
    assert stored["4471205"]["event_date"] == "2020-11-02"
    assert stored["4471205"]["surname"] == "Vendarlı"
    assert [stored[n]["row"] for n in ("4471203", "4471204", "4471205")] == [2, 3, 4]


def test_import_jsonl_objects_stored_as_records(cli: Cli, tmp_path: Path) -> None:
    assert cli("init").exit_code == 0
    objects: list[dict[str, Any]] = [
        {"Surname": "Şərbəlov", "Given name": "Ülvər", "Date of death": "2020-10-03",
         "Service number": "J-1", "Status": "killed"},
        {"Surname": "Кырмалов", "Given name": "Тагир", "Date of death": "10.2020",
         "Service number": "J-2", "Status": "missing"},
        {"Surname": "Telmuzov", "Given name": "Orxil", "Service number": "J-3",
         "Status": "wounded", "Date of death": None},
    ]  # fmt: skip
    path = write_jsonl(tmp_path / "list.jsonl", objects)

    report = imported(cli, path, "--published", "2020-12-03")

    assert report["format"] == "jsonl"
    stored = by_column(exported_records(cli), "service_number")
    assert {n: (r["surname"], r["status"], r["event_date"]) for n, r in stored.items()} == {
        "J-1": ("Şərbəlov", "killed", "2020-10-03"),
        "J-2": ("Кырмалов", "missing", "2020-10"),
        "J-3": ("Telmuzov", "wounded", ""),
    }
    assert [stored[n]["row"] for n in ("J-1", "J-2", "J-3")] == [1, 2, 3]


def test_import_full_name_column_split_into_parts_and_kept_whole(cli: Cli, tmp_path: Path) -> None:
    assert cli("init").exit_code == 0
    whole = ["Şərbəlov Ülvər Xəzlik oğlu", "Кырмалов Тагир Вельмурович", "Zembarov, Nidal Oruc"]
    path = write_csv(
        tmp_path / "list.csv",
        ("Full name", "Date of death"),
        [(name, "10.10.2020") for name in whole],
    )

    imported(cli, path, *KILLED)

    stored = exported_records(cli)
    assert [r["full_name"] for r in stored] == whole
    assert _names(stored) == [
        ("Şərbəlov", "Ülvər", "Xəzlik oğlu"),
        ("Кырмалов", "Тагир", "Вельмурович"),
        ("Zembarov", "Nidal", "Oruc"),
    ]
    person = cli("person", str(stored[1]["person_id"]), "--json")
    assert person.exit_code == 0, person.output
    assert json_out(person)["records"][0]["full_name"] == "Кырмалов Тагир Вельмурович"


#: (birth as written, stored), (death as written, stored): each kept to the precision given.
PARTIAL_DATES = [
    (("1994", "1994"), ("2020", "2020")),
    (("03.1994", "1994-03"), ("10.2020", "2020-10")),
    (("1994-03", "1994-03"), ("2020-10", "2020-10")),
    (("12.03.1994", "1994-03-12"), ("14.10.2020", "2020-10-14")),
    (("1994-03-12", "1994-03-12"), ("2020-10-14", "2020-10-14")),
    (("12 March 1994", "1994-03-12"), ("14 October 2020", "2020-10-14")),
    (("March 1994", "1994-03"), ("October 2020", "2020-10")),
    (("12 марта 1994 г.", "1994-03-12"), ("14 октября 2020 г.", "2020-10-14")),
]


def test_import_partial_dates_kept_to_their_precision(cli: Cli, tmp_path: Path) -> None:
    assert cli("init").exit_code == 0
    path = write_csv(
        tmp_path / "dates.csv",
        ("Surname", "Given name", "Date of birth", "Date of death", "Service number"),
        [
            ("Qarlov", "Zemfir", born, died, f"D-{i}")
            for i, ((born, _), (died, _)) in enumerate(PARTIAL_DATES)
        ],
    )

    imported(cli, path, *KILLED)

    stored = by_column(exported_records(cli), "service_number")
    assert [
        (stored[f"D-{i}"]["birth_date"], stored[f"D-{i}"]["event_date"])
        for i in range(len(PARTIAL_DATES))
    ] == [(born, died) for (_, born), (_, died) in PARTIAL_DATES]
    person = json_out(cli("person", str(stored["D-0"]["person_id"]), "--json"))
    assert person["records"][0]["birth_date"] == "1994"
    assert person["fields"]["birth_date"]["value"] == "1994"
    assert [event["effective"] for event in person["history"]] == ["2020"]


def test_import_mapping_file_maps_odd_headers(cli: Cli, tmp_path: Path) -> None:
    assert cli("init").exit_code == 0
    mapping = write_text(
        tmp_path / "mapping.toml",
        "[columns]\n"
        '"fam." = "surname"\n'
        '"im." = "given_name"\n'
        '"born (d/m/y)" = "birth_date"\n'
        '"tag no" = "service_number"\n'
        '"fate" = "status"\n'
        '"remark" = "extra"\n'
        '"internal code" = "ignore"\n'
        "\n[statuses]\n"
        '"gone" = "missing"\n'
        "\n[defaults]\n"
        'party = "Synthetic Side"\n',
    )
    path = write_csv(
        tmp_path / "odd.csv",
        ("fam.", "im.", "born (d/m/y)", "tag no", "fate", "remark", "internal code"),
        [
            ("Qarlov", "Zemfir", "12.03.1994", "M-1", "gone", "seen near the river", "x1"),
            ("Telmuzov", "Orxil", "1996", "M-2", "killed", "", "x2"),
        ],
    )

    report = imported(cli, path, "--published", "2020-12-03", "--mapping", str(mapping))

    assert [(m["column"], m["field"], m["how"]) for m in report["mapping"]][:5] == [
        ("fam.", "surname", "declared"),
        ("im.", "given_name", "declared"),
        ("born (d/m/y)", "birth_date", "declared"),
        ("tag no", "service_number", "declared"),
        ("fate", "status", "declared"),
    ]
    stored = by_column(exported_records(cli), "service_number")
    first = stored["M-1"]
    assert (first["surname"], first["given_name"], first["birth_date"]) == (
        "Qarlov",
        "Zemfir",
        "1994-03-12",
    )
    assert (first["status"], first["status_words"], first["party"]) == (
        "missing",
        "gone",
        "Synthetic Side",
    )
    assert json.loads(first["extra"]) == {"remark": "seen near the river"}
    assert "x1" not in json.dumps(first, ensure_ascii=False)
    assert stored["M-2"]["status"] == "killed"
    assert cli("verify").exit_code == 0


def test_import_same_file_again_recognised_nothing_added(cli: Cli, tmp_path: Path) -> None:
    assert cli("init").exit_code == 0
    path = write_csv(tmp_path / "list.csv", LATIN_HEADER, LATIN_ROWS)
    first = imported(cli, path, *KILLED)
    entries, records = journal(cli), exported_records(cli)
    # The same bytes under another name are the same source too.
    copy = tmp_path / "copy of list.csv"
    copy.write_bytes(path.read_bytes())

    for again in (path, copy):
        code, report = import_json(cli, again, *KILLED)

        assert code == 0
        assert report["duplicate_of"] == first["source_id"]
        assert report["records"] == 0
        assert journal(cli) == entries
        assert exported_records(cli) == records
        assert len(sources(cli)) == 1
    text = cli("import", str(path), *KILLED)
    assert "imported before as source 1" in text.stdout


EDITION_HEADER = ("Surname", "Given name", "Date of birth", "Date of death", "Service number")
EDITION_1 = (
    ("Qarlov", "Zemfir", "12.03.1994", "14.10.2020", "E-1"),
    ("Telmuzov", "Orxil", "1996", "20.10.2020", "E-2"),
    ("Vendarlı", "Nisbat", "07.2001", "02.11.2020", "E-3"),
    ("Şərbəlov", "Ülvər", "02.05.1990", "05.10.2020", "E-4"),
)
EDITION_2 = (
    ("Qarlov", "Zemfir", "12.03.1994", "14.10.2020", "E-1"),
    ("Telmuzov", "Orxil", "03.04.1996", "20.10.2020", "E-2"),
    ("Şərbəlov", "Ülvər", "02.05.1990", "05.10.2020", "E-4"),
    ("Ğüldanlı", "İlqəm", "1988", "08.11.2020", "E-5"),
)


def test_import_second_edition_revises_first_and_diff_shows_changes(
    cli: Cli, tmp_path: Path
) -> None:
    assert cli("init").exit_code == 0
    first = imported(cli, write_csv(tmp_path / "ed1.csv", EDITION_HEADER, EDITION_1), *KILLED)
    second = imported(
        cli,
        write_csv(tmp_path / "ed2.csv", EDITION_HEADER, EDITION_2),
        "--status",
        "killed",
        "--published",
        "2020-12-28",
        "--revises",
        str(first["source_id"]),
    )

    listed = {s["id"]: s for s in sources(cli)}
    assert listed[second["source_id"]]["revises"] == first["source_id"]
    assert listed[first["source_id"]]["revises"] is None
    assert (second["records"], second["new_persons"], second["joined_persons"]) == (4, 1, 3)

    result = cli("diff", str(first["source_id"]), str(second["source_id"]), "--json")
    assert result.exit_code == 0, result.output
    diff = json_out(result)
    assert [r["service_number"] for r in diff["added"]] == ["E-5"]
    assert [r["service_number"] for r in diff["removed"]] == ["E-3"]
    assert [
        (c["before"]["service_number"], c["fields"], c["before"]["birth_date"],
         c["after"]["birth_date"])
        for c in diff["changed"]
    ] == [("E-2", ["birth_date"], "1996", "1996-04-03")]  # fmt: skip
    assert diff["unchanged"] == 2

    text = cli("diff", str(first["source_id"]), str(second["source_id"]))
    assert "1 added, 1 removed, 1 changed, 2 unchanged" in text.stdout
    assert cli("verify").exit_code == 0


def test_import_service_number_of_existing_person_joins_that_person(
    cli: Cli, tmp_path: Path
) -> None:
    assert cli("init").exit_code == 0
    imported(cli, write_csv(tmp_path / "ministry.csv", EDITION_HEADER, EDITION_1), *KILLED)
    before = by_column(exported_records(cli), "service_number")
    # An NGO spells the same men in Cyrillic but gives their service numbers.
    ngo = write_csv(
        tmp_path / "ngo.csv",
        ("Фамилия", "Имя", "Личный номер", "Дата гибели"),
        [("Гарлов", "Земфир", "E-1", "14.10.2020"), ("Вендарлы", "Нисбат", "E-3", "02.11.2020"),
         ("Кырмалов", "Тагир", "N-9", "01.11.2020")],
    )  # fmt: skip

    report = imported(cli, ngo, "--status", "killed", "--published", "2021-01-15")

    assert (report["new_persons"], report["joined_persons"]) == (1, 2)
    after = exported_records(cli)
    ngo_records = [r for r in after if r["source_id"] == report["source_id"]]
    assert [r["person_id"] for r in ngo_records[:2]] == [
        before["E-1"]["person_id"],
        before["E-3"]["person_id"],
    ]
    assert ngo_records[2]["person_id"] not in {r["person_id"] for r in before.values()}
    person = json_out(cli("person", str(before["E-1"]["person_id"]), "--json"))
    assert sorted(r["surname"] for r in person["records"]) == ["Qarlov", "Гарлов"]
    toll = json_out(cli("toll", "--json"))
    assert toll["totals"] == {"killed": 5}


def test_import_person_id_from_earlier_export_joins_that_person(cli: Cli, tmp_path: Path) -> None:
    assert cli("init").exit_code == 0
    imported(cli, write_csv(tmp_path / "ministry.csv", EDITION_HEADER, EDITION_1), *KILLED)
    export = tmp_path / "records.jsonl"
    assert cli("export", "records", "--format", "json", "-o", str(export)).exit_code == 0
    exported = [json.loads(line) for line in export.read_text("utf-8").splitlines()]
    # A researcher adds a burial place to two people, keeping Rollbook's person ids.
    followup = write_csv(
        tmp_path / "burials.csv",
        ("Rollbook person ID", "Full name", "Place of death"),
        [
            (str(exported[0]["person_id"]), "Qarlov Zemfir", "Synthetic Village"),
            (str(exported[3]["person_id"]), "Şərbəlov Ülvər", "Invented Hill"),
        ],
    )

    report = imported(cli, followup, "--status", "killed", "--published", "2021-02-01")

    assert (report["new_persons"], report["joined_persons"]) == (0, 2)
    added = [r for r in exported_records(cli) if r["source_id"] == report["source_id"]]
    assert [(r["person_id"], r["event_place"]) for r in added] == [
        (exported[0]["person_id"], "Synthetic Village"),
        (exported[3]["person_id"], "Invented Hill"),
    ]
    toll = json_out(cli("toll", "--json"))
    assert toll["totals"] == {"killed": 4}
    assert cli("verify").exit_code == 0


def test_verify_after_imports_of_every_format_succeeds(cli: Cli, tmp_path: Path) -> None:
    assert cli("init").exit_code == 0
    imported(cli, write_csv(tmp_path / "a.csv", AZ_HEADER, AZ_ROWS, delimiter=";"), *KILLED)
    imported(cli, write_csv(tmp_path / "b.csv", RU_HEADER, RU_ROWS, encoding="cp1251"), *KILLED)
    imported(cli, write_csv(tmp_path / "c.csv", TR_HEADER, TR_ROWS, encoding="utf-16"), *KILLED)
    imported(
        cli,
        write_xlsx(
            tmp_path / "d.xlsx",
            ("Full name", "Date of death", "Service number"),
            [("Qarlov Zemfir", dt.date(2020, 10, 1), 900001), ("Telmuzov Orxil", 2020, 900002)],
        ),
        *KILLED,
    )
    imported(
        cli,
        write_jsonl(
            tmp_path / "e.jsonl",
            [{"Full name": "Vendarlı Nisbat", "Service number": "AZ-0000101", "Status": "killed"}],
        ),
        "--published",
        "2021-01-10",
    )

    result = cli("verify")

    assert result.exit_code == 0, result.output
    assert "Verified: 6 journal entries replayed" in result.stdout


def test_import_list_wide_values_stored_exactly_with_their_quotes(cli: Cli, tmp_path: Path) -> None:
    assert cli("init").exit_code == 0
    path = write_csv(tmp_path / "ministry.csv", LATIN_HEADER, LATIN_ROWS)

    imported(cli, path, *KILLED, "--party", "Nor'land ''Front'")

    assert {r["party"] for r in exported_records(cli)} == {"Nor'land ''Front'"}
