"""`rollbook link`, `review`, `rule` and `person --why` on a small register of three scripts.

The lists are invented for these tests (names, units and districts included). A ministry
writes its dead in Azerbaijani Latin; a Russian-language outlet writes some of them in
Cyrillic (Windows-1251) with Russian patronymics; an NGO writes some in English, given
name first. Two different men share a name, a birth year and a district: only their
fathers and birthdays differ.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from integration.registers import Cli, import_list, ok

MINISTRY = """\
Soyadı,Adı,Ata adı,Doğum tarixi,Ölüm tarixi,Hərbi hissə,Rayon
Tərlanov,Elsəm,Rüfət oğlu,12.03.1998,14.10.2020,41207 saylı hərbi hissə,Qarabulaq
Xəlilov,Vüqar,Şahbaz oğlu,1995,20.10.2020,41207 saylı hərbi hissə,Dərəli
Cəfərli,Qəzənfər,Elsəm oğlu,05.07.2001,03.11.2020,52918 saylı hərbi hissə,Dərəli
Məmmədov,Rüfət,Vüqar oğlu,02.02.1999,27.09.2020,52918 saylı hərbi hissə,Qarabulaq
Məmmədov,Rüfət,Qəzənfər oğlu,19.08.1999,09.10.2020,52918 saylı hərbi hissə,Qarabulaq
"""
PRESS = """\
Фамилия,Имя,Отчество,Год рождения,Дата смерти
Тарланов,Эльсам,Руфатович,1998,14.10.2020
Мамедов,Руфат,Вугарович,1999,27.09.2020
"""
NGO = """\
Full name,Year of birth,Date of death
Elsam Tarlanov,,14 October 2020
Qazanfar Jafarli,2001,3 November 2020
Vugar Khalilov,1995,October 2020
"""
#: Records in import order: the ministry's rows are records 1-5, the outlet's 6-7, the NGO's 8-10.
TARLANOV, KHALILOV, JAFARLI, MAMMADOV_V, MAMMADOV_Q = 1, 2, 3, 4, 5
TARLANOV_RU, MAMMADOV_RU = 6, 7
TARLANOV_EN, JAFARLI_EN, KHALILOV_EN = 8, 9, 10


def _import(cli: Cli, folder: Path, name: str, text: str, encoding: str, *options: str) -> None:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    import_list(cli, path, "--status", "killed", "--party", "Azerbaijan", *options)


@pytest.fixture
def lists(cli: Cli, tmp_path: Path) -> Cli:
    ok(cli("init"))
    _import(cli, tmp_path, "ministry.csv", MINISTRY, "utf-8", "--published", "2020-12-01")
    _import(cli, tmp_path, "press.csv", PRESS, "cp1251", "--published", "2020-12-05",
            "--kind", "news_report")  # fmt: skip
    _import(
        cli, tmp_path, "ngo.csv", NGO, "utf-8", "--published", "2021-01-15", "--kind", "ngo_list"
    )
    return cli


def person_of(cli: Cli, record: int) -> int:
    out = ok(cli("export", "records", "--format", "json"))
    records = [json.loads(line) for line in out.splitlines()]
    return next(int(r["person_id"]) for r in records if int(r["record_id"]) == record)


def _json(cli: Cli, *args: str) -> Any:
    return json.loads(ok(cli(*args, "--json")))


def link(cli: Cli, *options: str) -> dict[str, Any]:
    report: dict[str, Any] = _json(cli, "link", *options)
    return report


def same(cli: Cli, *records: int) -> bool:
    return len({person_of(cli, r) for r in records}) == 1


def test_link_joins_one_man_across_scripts_and_keeps_namesakes_apart(lists: Cli) -> None:
    report = link(lists)
    assert report["new_records"] == 10
    assert report["model_estimated"] is False  # ten records: the starting weights
    assert same(lists, TARLANOV, TARLANOV_RU, TARLANOV_EN)
    assert same(lists, MAMMADOV_V, MAMMADOV_RU)
    assert same(lists, JAFARLI, JAFARLI_EN)
    assert not same(lists, MAMMADOV_V, MAMMADOV_Q)
    assert not same(lists, MAMMADOV_Q, MAMMADOV_RU)
    assert report["pairs_linked"] == report["persons_merged"] == 4
    toll = _json(lists, "toll")
    assert toll["totals"]["killed"] == 10 - 4


def test_a_name_alone_is_doubtful_and_waits_for_a_reviewer(lists: Cli) -> None:
    report = link(lists)
    assert report["pairs_for_review"] == 1
    queue = _json(lists, "review")
    assert [q["records"] for q in queue] == [[KHALILOV, KHALILOV_EN]]
    assert 0.5 <= queue[0]["probability"] < 0.99
    assert not same(lists, KHALILOV, KHALILOV_EN)


def test_a_ruling_of_same_merges_and_the_queue_empties(lists: Cli) -> None:
    link(lists)
    out = ok(lists("rule", str(KHALILOV), str(KHALILOV_EN), "same", "--reason", "unit roster"))
    assert "one person now" in out
    assert same(lists, KHALILOV, KHALILOV_EN)
    assert _json(lists, "review") == []
    entry = _json(lists, "log", "--limit", "1")[0]
    assert entry["action"] == "link.rule" and entry["reason"] == "unit roster"


def test_review_in_the_terminal_takes_same_different_and_skip(lists: Cli) -> None:
    link(lists)
    result = lists("review", input="d\n")
    assert result.exit_code == 0, result.output
    assert f"record {KHALILOV}" in result.output and "1 ruling(s) recorded" in result.output
    assert _json(lists, "review") == []
    assert not same(lists, KHALILOV, KHALILOV_EN)


def test_at_a_terminal_one_keystroke_rules(lists: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("rollbook.cli.link._at_terminal", lambda: True)
    link(lists)
    result = lists("review", input="s")
    assert result.exit_code == 0, result.output
    assert "[q]uit? s" in result.output and "1 ruling(s) recorded" in result.output
    assert same(lists, KHALILOV, KHALILOV_EN)


def test_a_ruling_of_different_splits_and_binds_later_runs(lists: Cli, tmp_path: Path) -> None:
    link(lists)
    out = ok(lists("rule", str(TARLANOV), str(TARLANOV_RU), "different"))
    assert "apart now" in out
    assert not same(lists, TARLANOV, TARLANOV_RU)
    family = "Full name,Date of birth,Date of death\nElsam Tarlanov,12.03.1998,14.10.2020\n"
    _import(lists, tmp_path, "family.csv", family, "utf-8", "--published", "2021-02-01",
            "--kind", "family_report")  # fmt: skip
    report = link(lists)
    assert report["new_records"] == 1
    assert report["pairs_kept_apart"] >= 1  # the family record matches both sides
    assert not same(lists, TARLANOV, TARLANOV_RU)


def test_a_ruling_of_same_against_an_earlier_different_is_refused(lists: Cli) -> None:
    link(lists)
    ok(lists("rule", str(MAMMADOV_V), str(MAMMADOV_Q), "different"))
    result = lists("rule", str(MAMMADOV_Q), str(MAMMADOV_RU), "same")
    assert result.exit_code == 1
    assert f"records {MAMMADOV_V} and {MAMMADOV_Q} were ruled different" in result.stderr


def test_linking_again_scores_only_new_records(lists: Cli) -> None:
    first = link(lists)
    again = link(lists)
    assert first["new_records"] == 10
    assert again["new_records"] == 0 and again["pairs_linked"] == 0
    assert "Nothing new to link" in ok(lists("link"))


def test_person_why_shows_each_fields_weight(lists: Cli) -> None:
    link(lists)
    person = person_of(lists, TARLANOV)
    shown = _json(lists, "person", str(person), "--why")
    pairs = {tuple(p["records"]): p for p in shown["links"]}
    assert (TARLANOV, TARLANOV_RU) in pairs
    weights = pairs[(TARLANOV, TARLANOV_RU)]["weights"]
    assert weights["name"] > 0 and weights["father"] > 0 and weights["event"] > 0
    text = ok(lists("person", str(person), "--why"))
    assert "Why these records are one person" in text and "father" in text


def test_the_run_and_rulings_replay_in_verify(lists: Cli) -> None:
    link(lists)
    ok(lists("rule", str(KHALILOV), str(KHALILOV_EN), "same"))
    ok(lists("rule", str(TARLANOV), str(TARLANOV_EN), "different"))
    assert "Verified" in ok(lists("verify"))


def test_names_of_initials_or_nothing_are_never_linked(cli: Cli, tmp_path: Path) -> None:
    ok(cli("init"))
    initials = "Full name,Date of death\nE. T.,14.10.2020\nE. T.,14.10.2020\nA,14.10.2020\n"
    _import(cli, tmp_path, "initials.csv", initials, "utf-8", "--published", "2021-01-01")
    report = link(cli)
    assert report["pairs_linked"] == 0
    assert report["pairs_for_review"] == 0


def test_settings_say_what_the_engine_will_do_and_bad_ones_are_refused(
    cli: Cli, tmp_path: Path
) -> None:
    ok(cli("init"))
    shown = ok(cli("link", "--show-settings", "--link-at", "0.95"))
    assert "link pairs at match probability 0.95" in shown
    bad = tmp_path / "link.toml"
    bad.write_text("link_at = 0.3\nreview_from = 0.6\n", encoding="utf-8")
    result = cli("link", "--settings", str(bad))
    assert result.exit_code == 1
    assert "review_from <= link_at" in result.stderr
