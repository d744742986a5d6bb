"""`rollbook read`: reports in, claims out, on SQLite and PostgreSQL.

Three invented statements of the Northland defence ministry and one of a monitor (all
synthetic): the ministry's toll of 2,855 on 18 December, raised to at least 2,881 on
8 January, and a broken file and an empty one among them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from integration.registers import Cli, ok
from rollbook.store.schema import claims, sources

FIRST = """\
Ministry of Defence of Northland - Statement, 18 December 2020

The Ministry of Defence of Northland said 2,855 servicemen had been killed since
27 September. Another 28 servicemen remain missing.
"""

SECOND = """\
Ministry of Defence of Northland - Statement, 8 January 2021

The Ministry of Defence of Northland raised its toll to at least 2,881 servicemen, up from
2,855, after funerals and identities came to light. The identification of 28 servicemen
still missing is under way.
"""

MONITOR = """\
<html><head><script>var killed = 99999;</script></head><body>
<h1>Weekly update, 4 January 2021</h1>
<p>According to the Southland Casualty Monitor, 412 civilians were killed and about
1,300 injured between 27 September and 31 December.</p></body></html>
"""


def write_reports(folder: Path) -> Path:
    folder.mkdir()
    (folder / "ministry_2020-12-18.txt").write_text(FIRST, encoding="utf-8")
    (folder / "ministry_2021-01-08.md").write_text(SECOND, encoding="utf-8")
    (folder / "monitor.html").write_text(MONITOR, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00")
    return folder


def claims_json(cli: Cli) -> list[dict[str, object]]:
    result: list[dict[str, object]] = json.loads(ok(cli("claims", "--json")))
    return result


def test_a_folder_of_reports_becomes_sources_and_claims(cli: Cli, tmp_path: Path) -> None:
    folder = write_reports(tmp_path / "reports")
    ok(cli("init"))
    result = cli("read", str(folder), "--outlet", "Northland Ledger")
    assert result.exit_code == 1  # two files could not be read; the rest were
    assert "empty.txt: the file is empty; not read" in result.stderr
    assert "broken.txt: not a text document: the file holds binary data" in result.stderr
    claims = {(c["claimant"], c["category"], c["figure"]): c for c in claims_json(cli)}
    ministry = "Ministry of Defence of Northland"
    first = claims[(ministry, "killed", "2,855")]
    second = claims[(ministry, "killed", "at least 2,881")]
    assert second["revises"] == first["id"]
    assert first["as_of"] == "2020-12-18" and second["as_of"] == "2021-01-08"
    assert (ministry, "missing", "28") in claims
    monitor = "Southland Casualty Monitor"
    assert (
        claims[(monitor, "killed", "412")]["as_of"] == "2020-12-31"
    )  # "between ... and 31 December"
    assert (monitor, "wounded", "about 1,300") in claims
    assert not any(c["figure"] == "99,999" for c in claims.values())
    assert "Verified:" in ok(cli("verify"))


def test_reading_again_adds_nothing_and_a_dry_run_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    folder = write_reports(tmp_path / "reports")
    ok(cli("init"))
    dry = cli("read", str(folder / "ministry_2020-12-18.txt"), "--dry-run", "--json")
    lines = [json.loads(line) for line in dry.stdout.splitlines()]
    assert [(c["category"], c["value"], c["claim_id"]) for c in lines] == [
        ("killed", 2855, None),
        ("missing", 28, None),
    ]
    assert claims_json(cli) == []
    ok(cli("read", str(folder / "ministry_2020-12-18.txt")))
    again = ok(cli("read", str(folder / "ministry_2020-12-18.txt")))
    assert "already read as source 1; nothing added" in again
    assert len(claims_json(cli)) == 2


def test_each_claim_points_at_the_characters_that_state_it(cli: Cli, tmp_path: Path) -> None:
    folder = write_reports(tmp_path / "reports")
    ok(cli("init"))
    out = cli("read", str(folder / "ministry_2021-01-08.md"), "--json")
    text = SECOND
    for line in out.stdout.splitlines():
        claim = json.loads(line)
        start, end = claim["span"]
        assert text[start:end] == claim["evidence"]
        assert str(claim["value"] or claim["low"]) in text[start:end].replace(",", "")


def test_a_report_without_a_date_asks_for_one(cli: Cli, tmp_path: Path) -> None:
    report = tmp_path / "undated.txt"
    report.write_text("The army said 12 soldiers were killed.", encoding="utf-8")
    ok(cli("init"))
    result = cli("read", str(report))
    assert result.exit_code == 1
    assert "no publication date in its opening lines: give it with --published" in result.stderr
    ok(cli("read", str(report), "--published", "2021-02-01"))
    (claim,) = claims_json(cli)
    assert (claim["claimant"], claim["as_of"]) == ("army", "2021-02-01")


def test_a_crash_mid_batch_loses_only_that_batch(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batches are atomic: a failure while storing the second batch leaves the first stored
    and nothing of the second."""
    from rollbook.ingest import reports
    from rollbook.store.database import Register

    documents = [
        (f"statement_{n}.txt", f"Statement, {n} March 2021\n\nThe army said {n} soldiers were "
         "killed.\n".encode())
        for n in range(1, 5)
    ]  # fmt: skip
    calls = 0
    real = reports._apply_document

    def failing(work: Any, document: dict[str, Any]) -> None:
        nonlocal calls
        calls += 1
        if calls == 4:
            raise RuntimeError("the machine stops")
        real(work, document)

    monkeypatch.setattr(reports, "_apply_document", failing)
    with Register.create(database_url) as register:
        done = reports.read_reports(register, documents, reports.ReadOptions(), actor="t", batch=2)
        first = [next(done), next(done)]
        assert [r.source_id for r in first] == [1, 2]
        with pytest.raises(RuntimeError):
            next(done)
        with register.read() as connection:
            stored = connection.execute(select(sources.c.filename)).scalars().all()
            figures = connection.execute(select(claims.c.value)).scalars().all()
    assert sorted(stored) == ["statement_1.txt", "statement_2.txt"]
    assert sorted(figures) == [1, 2]


def test_a_fault_of_the_reader_on_one_report_leaves_the_others_read(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rollbook.ingest import reports
    from rollbook.store.database import Register

    documents = [
        (f"statement_{n}.txt", f"Statement, {n} March 2021\n\nThe army said {n} soldiers were "
         "killed.\n".encode())
        for n in range(1, 4)
    ]  # fmt: skip
    real = reports.read_figures

    def faulty(text: str, *args: Any) -> Any:
        if "2 soldiers" in text:
            raise ValueError("day is out of range for month")
        return real(text, *args)

    monkeypatch.setattr(reports, "read_figures", faulty)
    with Register.create(database_url) as register:
        done = list(reports.read_reports(register, documents, reports.ReadOptions(), actor="t"))
        with register.read() as connection:
            figures = connection.execute(select(claims.c.value)).scalars().all()
    assert [r.problem for r in done] == [
        "",
        "the reader failed on this document, which is a bug: "
        "ValueError('day is out of range for month')",
        "",
    ]
    assert sorted(figures) == [1, 3]
