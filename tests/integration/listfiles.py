"""Small synthetic list files for the import tests, and ways to read a register back.

Every name written here is invented for the tests; none is a real person's.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import inspect
from typer.testing import Result

from rollbook.store.database import Register

Cli = Callable[..., Result]
Cell = object


def rollbook_command() -> list[str]:
    """How to run the `rollbook` command in a child process of this interpreter."""
    script = Path(sys.executable).with_name("rollbook")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from rollbook.cli import app; app()"]


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]], delimiter: str = ",") -> str:
    """A table as CSV text with Windows-style line ends, as spreadsheets save it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> Path:
    """Write a CSV file; `utf-8-sig` and `utf-16` put a byte order mark first."""
    path.write_bytes(csv_text(header, rows, delimiter).encode(encoding))
    return path


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write text exactly as given (no CSV quoting), for hand-made broken files."""
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Path:
    """Write a one-sheet workbook; dates, datetimes and numbers stay typed cells."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "List"
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def write_jsonl(path: Path, objects: Iterable[dict[str, Any]]) -> Path:
    """Write one JSON object per line, UTF-8, letters unescaped."""
    lines = [json.dumps(obj, ensure_ascii=False) for obj in objects]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def json_out(result: Result) -> Any:
    """The JSON a command printed on standard output."""
    return json.loads(result.stdout)


def exported_records(cli: Cli) -> list[dict[str, Any]]:
    """Every record in the register, as `rollbook export records --format json` gives them."""
    result = cli("export", "records", "--format", "json")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def journal(cli: Cli) -> list[dict[str, Any]]:
    """The whole journal, oldest entry first."""
    result = cli("log", "--json", "--limit", "0")
    assert result.exit_code == 0, result.output
    entries: list[dict[str, Any]] = json_out(result)
    return entries


def sources(cli: Cli) -> list[dict[str, Any]]:
    """The register's sources, by id."""
    result = cli("sources", "--json")
    assert result.exit_code == 0, result.output
    listed: list[dict[str, Any]] = json_out(result)
    return listed


def import_json(cli: Cli, path: Path, *options: str) -> tuple[int, dict[str, Any]]:
    """Run `rollbook import PATH OPTIONS... --json`: the exit code and the printed report."""
    result = cli("import", str(path), *options, "--json")
    assert result.stdout.strip(), result.output
    report: dict[str, Any] = json_out(result)
    return result.exit_code, report


def imported(cli: Cli, path: Path, *options: str) -> dict[str, Any]:
    """Import a list that must go in whole; the report."""
    code, report = import_json(cli, path, *options)
    assert code == 0, report["problems"]
    assert report["problems"] == []
    return report


def by_column(records: Iterable[dict[str, Any]], name: str) -> dict[str, dict[str, Any]]:
    """Records keyed by one field's value (e.g. the service number)."""
    return {record[name]: record for record in records}


def table_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of the register at `url`, in a fixed order: its whole state.

    The tables are those the database holds, so the ones it keeps for itself count too
    (SQLite's full-text index of name words), and a table one engine lacks is not asked for.
    """
    state: dict[str, list[tuple[object, ...]]] = {}
    with Register.open(url) as register, register.read() as connection:
        for name in sorted(inspect(connection).get_table_names()):
            rows = connection.exec_driver_sql(f'SELECT * FROM "{name}"')
            state[name] = sorted((tuple(row) for row in rows), key=repr)
    return state
