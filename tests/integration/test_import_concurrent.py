"""Two processes importing two lists into one PostgreSQL register at once both land whole."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from integration.listfiles import rollbook_command
from rollbook.cli import app
from rollbook.demo.synthetic import iter_people, write_ministry_csv
from rollbook.store.database import Register
from rollbook.store.schema import persons, records, sources, status_events

ROWS = 20_000
SAME_LIST_ROWS = 3_000
TIMEOUT_SECONDS = 300
KILLED = ("--status", "killed", "--published", "2021-01-01")

pytestmark = pytest.mark.postgres


def _rollbook(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*rollbook_command(), "--db", url, *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        env={**os.environ, "ROLLBOOK_ACTOR": "concurrency-test"},
        check=False,
    )


def _cli_json(url: str, *args: str) -> Any:
    """Run a read command in-process and parse the JSON it prints."""
    result = CliRunner().invoke(app, ["--db", url, *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _import_at_once(url: str, paths: list[Path]) -> list[tuple[int, str, str]]:
    """Start one `rollbook import` process per list, all at once; each one's exit and output."""
    running = [
        subprocess.Popen(
            [*rollbook_command(), "--db", url, "import", str(path), *KILLED, "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "ROLLBOOK_ACTOR": "concurrency-test"},
        )
        for path in paths
    ]
    outputs = [process.communicate(timeout=TIMEOUT_SECONDS) for process in running]
    return [
        (process.returncode, stdout, stderr)
        for process, (stdout, stderr) in zip(running, outputs, strict=True)
    ]


def _counts(url: str) -> dict[str, int]:
    with Register.open(url) as register, register.read() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (sources, records, persons, status_events)
        }


@pytest.mark.slow  # about 20 s: two imports of 20,000 rows and a verify replaying both
def test_import_two_lists_at_once_both_land_whole(postgresql_url: str, tmp_path: Path) -> None:
    assert _rollbook(postgresql_url, "init").returncode == 0
    # One stream of invented people cut in two: no service number is on both lists.
    people = iter_people(2 * ROWS)
    lists = [tmp_path / "first_half.csv", tmp_path / "second_half.csv"]
    for path in lists:
        assert write_ministry_csv(path, itertools.islice(people, ROWS)) == ROWS

    outputs = _import_at_once(postgresql_url, lists)

    for code, stdout, stderr in outputs:
        assert code == 0, stderr
        report = json.loads(stdout)
        assert (report["records"], report["new_persons"], report["problems"]) == (ROWS, ROWS, [])
    listed = _cli_json(postgresql_url, "sources", "--json")
    assert sorted(s["title"] for s in listed) == sorted(path.name for path in lists)
    assert _counts(postgresql_url) == {
        "sources": 2,
        "records": 2 * ROWS,
        "persons": 2 * ROWS,
        "status_events": 2 * ROWS,
    }
    assert _cli_json(postgresql_url, "toll", "--json")["totals"] == {"killed": 2 * ROWS}
    log = _cli_json(postgresql_url, "log", "--json", "--limit", "0")
    assert [entry["action"] for entry in log] == ["register.init", "source.import", "source.import"]
    verified = CliRunner().invoke(app, ["--db", postgresql_url, "verify"])
    assert verified.exit_code == 0, verified.output


def test_import_same_list_twice_at_once_lands_once(postgresql_url: str, tmp_path: Path) -> None:
    assert _rollbook(postgresql_url, "init").returncode == 0
    path = tmp_path / "ministry.csv"
    assert write_ministry_csv(path, iter_people(SAME_LIST_ROWS)) == SAME_LIST_ROWS

    outputs = _import_at_once(postgresql_url, [path, path])

    assert _counts(postgresql_url) == {
        "sources": 1,
        "records": SAME_LIST_ROWS,
        "persons": SAME_LIST_ROWS,
        "status_events": SAME_LIST_ROWS,
    }
    # The one that lost the race is told the list is already in, as a later import would be.
    assert [code for code, _, _ in outputs] == [0, 0], [stderr for _, _, stderr in outputs]
    reports = sorted((json.loads(stdout) for _, stdout, _ in outputs), key=lambda r: r["records"])
    assert reports[0]["duplicate_of"] == reports[1]["source_id"]
    assert reports[0]["records"] == 0
    assert reports[1]["records"] == SAME_LIST_ROWS
