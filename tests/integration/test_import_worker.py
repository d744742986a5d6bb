"""A large list read by a worker process lands exactly as one read in-process."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from rollbook.ingest.lists import ImportFailed, ImportOptions, import_list
from rollbook.store.database import Register
from rollbook.store.schema import PROJECTIONS, metadata

LIST = """Surname,Given name,Date of birth,Date of death,Service number,Region
Qarvelov,Tamer,1998,14.10.2020,SN-1,Dalmor
Dozanli,Orxan,03.1996,10.2020,SN-2,Velikan
Belvurov,Seymur,12.05.1999,2020,SN-3,Dalmor
Qarvelov,Tamer,1998,14.10.2020,SN-1,Dalmor
Xalmazov,Rauf,,,SN-4,
"""


def options(worker_from_bytes: int) -> ImportOptions:
    published = dt.date(2020, 12, 20)
    return ImportOptions(
        status="killed", published=published, party="North", worker_from_bytes=worker_from_bytes
    )


def _stored(register: Register) -> dict[str, list[tuple[object, ...]]]:
    with register.read() as connection:
        return {
            name: [
                tuple(row)
                for row in connection.execute(
                    select(metadata.tables[name]).order_by(
                        *(metadata.tables[name].c[k] for k in key)
                    )
                )
            ]
            for name, key in PROJECTIONS.items()
            if name != "sources"
        }


def write_list(folder: Path, format: str) -> Path:
    """LIST as a CSV, JSON Lines or XLSX file."""
    header, *rows = [line.split(",") for line in LIST.splitlines()]
    path = folder / f"list.{format}"
    if format == "csv":
        path.write_text(LIST, encoding="utf-8")
    elif format == "jsonl":
        lines = [json.dumps(dict(zip(header, row, strict=True))) for row in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for row in [header, *rows]:
            sheet.append(row)
        book.save(path)
    return path


@pytest.mark.parametrize("format", ["csv", "jsonl", "xlsx"])
def test_worker_and_in_process_reading_store_the_same_register(tmp_path: Path, format: str) -> None:
    path = write_list(tmp_path, format)
    stored = []
    for threshold, name in ((0, "worker.db"), (1 << 40, "here.db")):
        with Register.create(str(tmp_path / name)) as register:
            report = import_list(register, path, options(threshold), actor="test")
            assert (report.records, report.new_persons) == (5, 4)
            stored.append(_stored(register))
    assert stored[0] == stored[1]


def test_worker_reports_every_problem_with_its_row(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(LIST + "Pirzadov,Elnur,31.02.1990,,SN-5,\n,,,,SN-6,\n", encoding="utf-8")
    with (
        Register.create(str(tmp_path / "register.db")) as register,
        pytest.raises(ImportFailed) as failed,
    ):
        import_list(register, path, options(0), actor="test")
    problems = {(p.row, p.field) for p in failed.value.report.problems}
    assert problems == {(7, "birth_date"), (8, "full_name")}


def test_worker_path_works_from_a_script_without_a_main_guard(tmp_path: Path) -> None:
    """A script that imports at its top level (no `if __name__ == "__main__"`) must work."""
    path = write_list(tmp_path, "csv")
    script = tmp_path / "load.py"
    script.write_text(
        "import datetime\n"
        "from pathlib import Path\n"
        "from rollbook.ingest.lists import ImportOptions, import_list\n"
        "from rollbook.store.database import Register\n"
        f"register = Register.create({str(tmp_path / 'script.db')!r})\n"
        "options = ImportOptions(status='killed', published=datetime.date(2020, 12, 20),\n"
        "                        worker_from_bytes=0)\n"
        f"print(import_list(register, Path({str(path)!r}), options, actor='script').records)\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert (done.returncode, done.stdout.strip()) == (0, "5"), done.stderr


def test_indexes_built_again_after_a_first_import(tmp_path: Path) -> None:
    path = write_list(tmp_path, "csv")
    with Register.create(str(tmp_path / "register.db")) as register:
        import_list(register, path, options(0), actor="test")
        with register.read() as connection:
            names = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index'"
            ).scalars()
            assert {
                "records_person",
                "records_service_number",
                "records_national_id",
                "status_spans_person",
                "status_spans_status",
            } <= set(names)


def test_a_constant_with_a_nul_character_is_stored_as_given(tmp_path: Path) -> None:
    path = write_list(tmp_path, "csv")
    given = ImportOptions(status="killed", party="No'rth\x00side", published=dt.date(2020, 12, 20))
    with Register.create(str(tmp_path / "register.db")) as register:
        import_list(register, path, given, actor="test")
        with register.read() as connection:
            parties = connection.exec_driver_sql("SELECT DISTINCT party FROM records").scalars()
            assert list(parties) == ["No'rth\x00side"]
