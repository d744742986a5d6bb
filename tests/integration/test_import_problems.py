"""Bad lists are refused whole: every problem named by file, row, column and reason.

Each refused import must exit with code 1 and leave the register exactly as it was (every
row of every table, the journal included). Runs on SQLite and on PostgreSQL. All names are
invented.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from integration.listfiles import (
    Cli,
    csv_text,
    exported_records,
    import_json,
    imported,
    journal,
    table_rows,
    write_csv,
    write_text,
)
from rollbook.ingest.lists import ImportFailed, ImportOptions, import_list
from rollbook.store.database import Register

KILLED = ("--status", "killed", "--published", "2021-01-01")
HEADER = ("Surname", "Given name", "Date of birth", "Date of death", "Service number")
GOOD_ROWS = (
    ("Qarlov", "Zemfir", "12.03.1994", "14.10.2020", "G-1"),
    ("Telmuzov", "Orxil", "1996", "20.10.2020", "G-2"),
)

#: A problem as the tests expect it: row (0 for the whole file), column ("" for none), and a
#: fragment of the reason.
Where = tuple[int, str, str]


@dataclass(frozen=True)
class BadList:
    """A list that must be refused, and the problems its report must name."""

    name: str
    filename: str
    content: bytes | None  # None: the file is not there at all
    expected: tuple[Where, ...]
    options: tuple[str, ...] = ()
    mapping: str = ""  # a mapping file to pass with --mapping


def _csv(*rows: tuple[str, ...], header: tuple[str, ...] = HEADER) -> bytes:
    return csv_text(header, rows).encode("utf-8")


def _raw(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


_LATE_CYRILLIC = "Surname,Given name,Date of birth\r\n" + "".join(
    f"Qarlov{i},Zemfir,1990\r\n" for i in range(600)
)

BAD_LISTS = (
    BadList(
        "broken quoting",
        "quoting.csv",
        _raw(
            "Surname,Given name,Date of death\r\n"
            "Qarlov,Zemfir,14.10.2020\r\n"
            '"Telmuzov"x,Orxil,20.10.2020\r\n'
        ),
        ((3, "", "quoting"),),
    ),
    BadList(
        "quote left open",
        "open-quote.csv",
        _raw(
            "Surname,Given name,Date of death\r\n"
            "Qarlov,Zemfir,14.10.2020\r\n"
            '"Telmuzov,Orxil,20.10.2020\r\n'
        ),
        ((3, "", "quoting"),),
    ),
    BadList(
        "ragged rows",
        "ragged.csv",
        _raw(
            "Surname,Given name,Date of death\r\n"
            "Qarlov,Zemfir,14.10.2020\r\n"
            "Telmuzov,Orxil\r\n"
            "Vendarlı,Nisbat,02.11.2020,surplus\r\n"
        ),
        ((3, "", "2 cells"), (4, "", "4 cells")),
    ),
    BadList(
        "wrong encoding",
        "cp1251-read-as-utf8.csv",
        _raw(
            "Surname,Given name,Date of birth\r\nQarlov,Zemfir,1990\r\nКырмалов,Тагир,1991\r\n",
            "cp1251",
        ),
        ((3, "", "--encoding"),),
        ("--encoding", "utf-8"),
    ),
    BadList(
        "wrong encoding far into the file",
        "late-cp1251-read-as-utf8.csv",
        _raw(_LATE_CYRILLIC + "Кырмалов,Тагир,1991\r\n", "cp1251"),
        ((602, "", "--encoding"),),
        ("--encoding", "utf-8"),
    ),
    BadList(
        "unknown column",
        "unknown-column.csv",
        _csv(("Qarlov", "Zemfir", "green"), header=("Surname", "Given name", "Favourite colour")),
        ((1, "Favourite colour", "--keep-unknown"),),
    ),
    BadList(
        "same header twice",
        "twice.csv",
        _csv(("Qarlov", "Zemfir", "Qarlov"), header=("Surname", "Given name", "Surname")),
        ((1, "Surname", "twice"),),
    ),
    BadList(
        "two headers for one field",
        "one-field.csv",
        _csv(("Qarlov", "Zemfir", "Qarlova"), header=("Surname", "Given name", "Last name")),
        ((1, "Last name", "surname"),),
    ),
    BadList(
        "impossible date",
        "impossible-date.csv",
        _csv(GOOD_ROWS[0], ("Telmuzov", "Orxil", "31.02.1990", "20.10.2020", "B-2")),
        ((3, "Date of birth", "no day 31"),),
    ),
    BadList(
        "death before birth",
        "death-before-birth.csv",
        _csv(("Telmuzov", "Orxil", "12.05.1995", "03.1990", "B-2"), GOOD_ROWS[1]),
        ((2, "Date of death", "before the birth date"),),
    ),
    BadList(
        "date after today",
        "future.csv",
        _csv(
            ("Telmuzov", "Orxil", "1995", "12.12.2099", "B-2"),
            ("Vendarlı", "Nisbat", "2098", "", "B-3"),
        ),
        ((2, "Date of death", "after"), (3, "Date of birth", "after")),
    ),
    BadList(
        "ages outside 0-120",
        "ages.csv",
        _csv(
            ("Qarlov", "Zemfir", "-1"),
            ("Telmuzov", "Orxil", "121"),
            ("Vendarlı", "Nisbat", "40"),
            header=("Surname", "Given name", "Age"),
        ),
        ((2, "Age", "-1"), (3, "Age", "121")),
    ),
    BadList(
        "born too long before death",
        "too-old.csv",
        _csv(("Telmuzov", "Orxil", "1890", "14.10.2020", "B-2")),
        ((2, "Date of birth", "older than 120"),),
    ),
    BadList(
        "empty names",
        "no-name.csv",
        _csv(GOOD_ROWS[0], ("", " ", "1990", "14.10.2020", "B-2")),
        ((3, "Surname", "empty name"),),
    ),
    BadList(
        "unknown status word",
        "status-word.csv",
        _csv(
            ("Qarlov", "Zemfir", "killed"),
            ("Telmuzov", "Orxil", "on leave"),
            header=("Surname", "Given name", "Status"),
        ),
        ((3, "Status", "on leave"),),
    ),
    BadList(
        "a PNG image",
        "picture.csv",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        ((0, "", "PNG"),),
    ),
    BadList(
        "random binary",
        "noise.csv",
        random.Random(20201110).randbytes(4096),
        ((0, "", "binary"),),
    ),
    BadList(
        "one-column text",
        "prose.csv",
        _raw("Names of the fallen\r\nQarlov Zemfir\r\nTelmuzov Orxil\r\n"),
        ((1, "", "fewer than two columns"),),
    ),
    BadList("empty file", "empty.csv", b"", ((0, "", "empty"),)),
    BadList("blank lines only", "blank.csv", b"\r\n   \r\n\r\n", ((0, "", "empty"),)),
    BadList("header without rows", "header-only.csv", _csv(), ((0, "", "no rows"),)),
    BadList(
        "over the size limit",
        "large.csv",
        _csv(*[GOOD_ROWS[0]] * 40),
        ((0, "", "--max-gib"),),
        ("--max-gib", "0.000001"),
    ),
    BadList(
        "a broken workbook",
        "broken.xlsx",
        b"PK\x03\x04" + bytes(200),
        ((0, "", "XLSX"),),
    ),
    BadList(
        "a bad JSON line",
        "list.jsonl",
        _raw(
            '{"Surname": "Qarlov", "Given name": "Zemfir"}\n'
            '{"Surname": "Telmuzov", "Given name": \n'
        ),
        ((2, "", "JSON"),),
    ),
    BadList("a file that is not there", "missing.csv", None, ((0, "", "cannot read"),)),
    BadList(
        "revises a source not in the register",
        "edition-2.csv",
        _csv(GOOD_ROWS[0]),
        ((0, "", "no source 99"),),
        ("--revises", "99"),
    ),
    BadList(
        "mapping names a column not in the list",
        "mapped.csv",
        _csv(GOOD_ROWS[0]),
        ((1, "Soyadı", "not in the list"),),
        mapping='[columns]\n"Soyadı" = "surname"\n',
    ),
    BadList(
        "unknown person id",
        "follow-up.csv",
        _csv(("999", "Qarlov Zemfir"), header=("Rollbook person ID", "Full name")),
        ((2, "Rollbook person ID", "no person 999"),),
    ),
)


def _check_problems(report: dict[str, Any], path: Path, expected: tuple[Where, ...]) -> None:
    problems = report["problems"]
    assert problems, "no problem reported"
    assert {p["file"] for p in problems} == {str(path)}
    assert {(p["row"], p["column"]) for p in problems} == {(r, c) for r, c, _ in expected}
    for row, column, fragment in expected:
        reasons = [p["reason"] for p in problems if (p["row"], p["column"]) == (row, column)]
        assert any(fragment.casefold() in reason.casefold() for reason in reasons), (
            f"row {row}, column {column!r}: no reason mentions {fragment!r}: {reasons}"
        )
    assert report["more_problems"] == 0


def _seeded(cli: Cli, tmp_path: Path) -> None:
    """A register with one good list in it, so that 'unchanged' has something to keep."""
    assert cli("init").exit_code == 0
    imported(cli, write_csv(tmp_path / "seed.csv", HEADER, GOOD_ROWS), *KILLED)


def test_import_bad_list_refused_with_place_and_reason_register_unchanged(
    cli: Cli, database_url: str, tmp_path: Path, subtests: pytest.Subtests
) -> None:
    _seeded(cli, tmp_path)
    before = table_rows(database_url)

    for bad in BAD_LISTS:
        with subtests.test(bad.name):
            path = tmp_path / bad.filename
            if bad.content is not None:
                path.write_bytes(bad.content)
            options = bad.options
            if bad.mapping:
                mapping = write_text(tmp_path / f"{path.stem}.toml", bad.mapping)
                options += ("--mapping", str(mapping))

            code, report = import_json(cli, path, *KILLED, *options)

            assert code == 1
            _check_problems(report, path, bad.expected)
            assert table_rows(database_url) == before


def test_import_bad_list_text_output_names_file_row_column_and_reason(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("init").exit_code == 0
    monkeypatch.chdir(tmp_path)
    Path("dates.csv").write_bytes(
        _csv(GOOD_ROWS[0], ("Telmuzov", "Orxil", "31.02.1990", "20.10.2020", "B-2"))
    )

    result = cli("import", "dates.csv", *KILLED)

    assert result.exit_code == 1
    line = next(line for line in result.stderr.splitlines() if "February 1990" in line)
    cells = [cell.strip() for cell in line.strip("│ ").split("│")]
    assert cells[:4] == ["dates.csv", "3", "Date of birth", "birth_date"]
    assert "no day 31" in cells[4]
    assert "1 problem(s) in dates.csv: nothing was imported." in result.stderr
    assert journal(cli)[-1]["action"] == "register.init"


def test_import_unknown_column_with_keep_unknown_kept_in_extra(cli: Cli, tmp_path: Path) -> None:
    _seeded(cli, tmp_path)
    path = write_csv(
        tmp_path / "unknown-column.csv",
        ("Surname", "Given name", "Favourite colour", "Shoe size"),
        [("Qarlov", "Zemfir", "green", "43"), ("Telmuzov", "Orxil", "", "41")],
    )
    code, refused = import_json(cli, path, *KILLED)
    assert code == 1
    assert {p["column"] for p in refused["problems"]} == {"Favourite colour", "Shoe size"}

    report = imported(cli, path, *KILLED, "--keep-unknown")

    assert [(m["column"], m["field"]) for m in report["mapping"]][2:] == [
        ("Favourite colour", "extra"),
        ("Shoe size", "extra"),
    ]
    added = [r for r in exported_records(cli) if r["source_id"] == report["source_id"]]
    assert [json.loads(r["extra"]) for r in added] == [
        {"Favourite colour": "green", "Shoe size": "43"},
        {"Shoe size": "41"},
    ]
    assert cli("verify").exit_code == 0


#: header, rows, options, and where the conflict must be reported (row, column).
Conflict = tuple[tuple[str, ...], list[tuple[str, ...]], tuple[str, ...], tuple[int, str]]
STATUS_CONFLICTS: dict[str, Conflict] = {
    "status column": (
        ("Surname", "Given name", "Date of injury", "Service number", "Status"),
        [
            ("Vendarlı", "Nisbat", "01.11.2020", "W-7", "wounded"),
            ("Qarlov", "Zemfir", "01.11.2020", "G-1", "wounded"),
        ],
        (),
        (3, "Status"),
    ),
    "status of the whole list": (
        ("Surname", "Given name", "Date of injury", "Service number"),
        [
            ("Vendarlı", "Nisbat", "01.11.2020", "W-7"),
            ("Qarlov", "Zemfir", "01.11.2020", "G-1"),
        ],
        ("--status", "wounded"),
        (3, ""),
    ),
}


def test_import_wounded_after_recorded_death_refused_register_unchanged(
    cli: Cli, database_url: str, tmp_path: Path, subtests: pytest.Subtests
) -> None:
    # G-1 (Qarlov Zemfir) was killed on 14.10.2020; a later list has him wounded on 1.11.2020.
    _seeded(cli, tmp_path)
    before = table_rows(database_url)

    for name, (header, rows, options, (row, column)) in STATUS_CONFLICTS.items():
        with subtests.test(name):
            path = write_csv(tmp_path / f"{name}.csv", header, rows)

            code, report = import_json(cli, path, "--published", "2020-12-20", *options)

            assert code == 1
            [problem] = report["problems"]
            assert (problem["file"], problem["row"], problem["column"]) == (str(path), row, column)
            assert problem["field"] == "status"
            assert "killed" in problem["reason"] and "wounded" in problem["reason"]
            assert table_rows(database_url) == before


def test_import_dry_run_reports_every_problem_of_every_row(
    cli: Cli, database_url: str, tmp_path: Path
) -> None:
    _seeded(cli, tmp_path)
    before = table_rows(database_url)
    header = ("Surname", "Given name", "Date of birth", "Date of death", "Age", "Status")
    path = write_csv(
        tmp_path / "many-problems.csv",
        header,
        [
            ("Qarlov", "Zemfir", "12.03.1994", "14.10.2020", "26", "killed"),
            ("Telmuzov", "Orxil", "30.02.1996", "20.10.2020", "24", "killed"),
            ("", "", "1990", "21.10.2020", "30", "killed"),
            ("Vendarlı", "Nisbat", "2001", "22.10.2020", "19", "asleep"),
            ("Şərbəlov", "Ülvər", "1990", "22.10.2020", "200", "missing"),
            ("Ğüldanlı", "İlqəm", "1999", "05.1990", "20", "killed"),
            ("Xəzlik", "Nəzmir", "1985", "23.10.2020", "35", "killed"),
        ],
    )

    code, report = import_json(cli, path, "--published", "2021-01-01", "--dry-run")

    assert code == 1
    assert report["dry_run"] is True
    _check_problems(
        report,
        path,
        (
            (3, "Date of birth", "no day 30"),
            (4, "Surname", "empty name"),
            (5, "Status", "asleep"),
            (6, "Age", "200"),
            (7, "Date of death", "before the birth date"),
        ),
    )
    assert table_rows(database_url) == before


def test_import_dry_run_reports_every_status_conflict_beside_other_problems(
    cli: Cli, database_url: str, tmp_path: Path
) -> None:
    # G-1 and G-2 were killed in October; a later list has them wounded in November, and
    # its first row has an impossible birth date. Fixing one problem must not reveal another.
    _seeded(cli, tmp_path)
    before = table_rows(database_url)
    path = write_csv(
        tmp_path / "wounded.csv",
        ("Surname", "Given name", "Date of birth", "Date of injury", "Service number"),
        [
            ("Vendarlı", "Nisbat", "31.02.1990", "01.11.2020", "W-9"),
            ("Qarlov", "Zemfir", "12.03.1994", "01.11.2020", "G-1"),
            ("Telmuzov", "Orxil", "1996", "02.11.2020", "G-2"),
        ],
    )

    code, report = import_json(
        cli, path, "--status", "wounded", "--published", "2020-12-20", "--dry-run"
    )

    assert code == 1
    _check_problems(
        report,
        path,
        (
            (2, "Date of birth", "no day 31"),
            (3, "", "wounded cannot follow killed"),
            (4, "", "wounded cannot follow killed"),
        ),
    )
    assert table_rows(database_url) == before


def test_import_dry_run_good_list_reports_counts_writes_nothing(
    cli: Cli, database_url: str, tmp_path: Path
) -> None:
    _seeded(cli, tmp_path)
    before = table_rows(database_url)
    entries = journal(cli)
    path = write_csv(
        tmp_path / "second.csv",
        HEADER,
        [GOOD_ROWS[0], ("Vendarlı", "Nisbat", "07.2001", "02.11.2020", "G-3")],
    )

    code, report = import_json(cli, path, *KILLED, "--dry-run")

    assert code == 0
    assert report["dry_run"] is True
    assert (report["records"], report["new_persons"], report["joined_persons"]) == (2, 1, 1)
    assert report["problems"] == []
    assert journal(cli) == entries
    assert table_rows(database_url) == before
    # The dry run left nothing behind that would make the real import a duplicate.
    real = imported(cli, path, *KILLED)
    assert real["duplicate_of"] is None
    assert (real["records"], real["new_persons"], real["joined_persons"]) == (2, 1, 1)


def test_import_list_bad_rows_raises_import_failed_register_unchanged(
    register: Register, tmp_path: Path
) -> None:
    path = write_text(
        tmp_path / "api.csv",
        "Surname,Given name,Date of birth\r\nQarlov,Zemfir,31.02.1990\r\n,,1990\r\n",
    )
    before = table_rows(register.url)
    options = ImportOptions(status="killed", published=dt.date(2021, 1, 1))

    with pytest.raises(ImportFailed) as failed:
        import_list(register, path, options, actor="test")

    assert str(path) in str(failed.value)
    assert [(p.row, p.column, p.field) for p in failed.value.report.problems] == [
        (2, "Date of birth", "birth_date"),
        (3, "Surname", "full_name"),
    ]
    assert table_rows(register.url) == before
