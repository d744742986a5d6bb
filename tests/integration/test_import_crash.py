"""An import killed part-way leaves the register with all of the list or none of it (SQLite).

A real `rollbook import` of a 300,000-row synthetic list runs as a child process and is
killed with SIGKILL at two points of its work, measured in the processor time it has used
(steadier than wall-clock time on a busy machine): soon after it starts, and midway.
Afterwards the register must hold nothing of the list, or all of it; the journal must have
no entry for a half import; and `rollbook verify` must pass.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from contextlib import closing
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

from integration.listfiles import rollbook_command
from rollbook.cli import app
from rollbook.demo.synthetic import iter_people, write_ministry_csv

pytestmark = pytest.mark.slow  # about 25 s: writing the list alone takes 7-9 s

ROWS = 300_000
POLL_SECONDS = 0.01
#: When to kill the import, in seconds of processor time it has used (about one of them goes
#: on starting Python): soon after it begins, and well into writing the records.
KILL_AFTER_CPU_SECONDS = {"early": 2.0, "midway": 5.0}
#: Wall-clock time allowed for reaching that processor time on a loaded machine.
DEADLINE_SECONDS = 60.0


@pytest.fixture(scope="module")
def big_list(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "ministry_300k.csv"
    assert write_ministry_csv(path, iter_people(ROWS)) == ROWS
    return path


def _cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return float(times.user + times.system)


def _kill_after(process: subprocess.Popen[bytes], cpu_seconds: float) -> bool:
    """SIGKILL the child once it has used `cpu_seconds`; False if it ended before that.

    The import's own helper processes (its reader) must end by themselves soon after.
    """
    watched = psutil.Process(process.pid)
    deadline = time.monotonic() + DEADLINE_SECONDS
    while process.poll() is None:
        try:
            used = _cpu_seconds(watched)
            helpers = watched.children(recursive=True)
        except psutil.NoSuchProcess:
            break
        if used >= cpu_seconds or time.monotonic() >= deadline:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
            _, alive = psutil.wait_procs(helpers, timeout=20)
            assert not alive, f"helper processes outlived the killed import: {alive}"
            return True
        time.sleep(POLL_SECONDS)
    process.wait(timeout=30)
    return False


def _count(connection: sqlite3.Connection, table: str) -> int:
    (count,) = connection.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(count)


@pytest.mark.parametrize(
    "cpu_seconds", list(KILL_AFTER_CPU_SECONDS.values()), ids=list(KILL_AFTER_CPU_SECONDS)
)
def test_import_killed_midway_register_holds_all_or_nothing(
    big_list: Path, tmp_path: Path, cpu_seconds: float
) -> None:
    database = tmp_path / "register.db"
    runner = CliRunner()
    assert runner.invoke(app, ["--db", str(database), "init"]).exit_code == 0

    process = subprocess.Popen(
        [
            *rollbook_command(),
            "--db",
            str(database),
            "import",
            str(big_list),
            "--status",
            "killed",
            "--published",
            "2021-01-01",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "ROLLBOOK_ACTOR": "crash-test"},
    )
    try:
        killed = _kill_after(process, cpu_seconds)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if not killed:
        assert process.returncode == 0, "the import failed by itself"

    with closing(sqlite3.connect(database)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        counts = {
            table: _count(connection, table)
            for table in ("sources", "records", "persons", "status_events")
        }
        entries = [
            (action, json.loads(payload))
            for action, payload in connection.execute(
                "SELECT action, payload FROM journal ORDER BY seq"
            )
        ]
        chunks = _count(connection, "source_chunks")
    actions = [action for action, _ in entries]
    if counts["records"] == 0:
        assert counts == {"sources": 0, "records": 0, "persons": 0, "status_events": 0}
        assert chunks == 0
        assert actions == ["register.init"]
    else:
        assert counts == {"sources": 1, "records": ROWS, "persons": ROWS, "status_events": ROWS}
        assert actions == ["register.init", "source.import"]
        assert entries[1][1]["counts"]["records"] == ROWS

    verified = runner.invoke(app, ["--db", str(database), "verify"])
    assert verified.exit_code == 0, verified.output
