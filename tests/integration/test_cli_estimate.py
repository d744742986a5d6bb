"""`rollbook estimate`: the uncounted estimated from how the register's lists overlap.

Three invented lists each name some of 900 invented dead, independently of one another;
they share service numbers, so an import alone makes one person of each man's records.
Every test runs on SQLite and on PostgreSQL (the `cli` fixture).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from integration.listfiles import Cli, imported, json_out, write_csv
from rollbook.cli import app

PEOPLE = 900
HEADER = ("Surname", "Given name", "Service number", "Region")
# Each list's chance of naming a man, and the day it was published.
LISTS = (("ministry", 0.5, "2021-01-10"), ("ngo", 0.4, "2021-02-10"), ("press", 0.6, "2021-03-10"))


def write_lists(folder: Path) -> list[tuple[Path, str]]:
    """The three lists as CSV files, with the day each was published."""
    chance = random.Random(2020)
    people = [
        (f"Qarlovtest{n}", f"Zemfir{n % 37}", f"SN-{n:05d}", ("Dalmor", "Velikan")[n % 2])
        for n in range(PEOPLE)
    ]
    written = []
    for name, p, published in LISTS:
        rows = [person for person in people if chance.random() < p]
        written.append((write_csv(folder / f"{name}.csv", HEADER, rows), published))
    return written


def import_lists(cli: Cli, folder: Path, count: int = len(LISTS)) -> None:
    assert cli("init").exit_code == 0
    for path, published in write_lists(folder)[:count]:
        imported(cli, path, "--status", "killed", "--published", published)


def test_three_independent_lists_estimate_the_whole_toll(cli: Cli, tmp_path: Path) -> None:
    import_lists(cli, tmp_path)

    found = json_out(cli("estimate", "--json", "--draws", "200"))

    assert found["lists"] == ["ministry.csv", "ngo.csv", "press.csv"]
    pooled = found["pooled"]
    assert pooled["lists"] == 3
    assert pooled["named"] < PEOPLE
    assert abs(pooled["estimate"] - PEOPLE) <= 0.08 * PEOPLE
    assert pooled["low"] <= PEOPLE <= pooled["high"]


def test_an_estimate_per_region_beside_the_pooled_one(cli: Cli, tmp_path: Path) -> None:
    import_lists(cli, tmp_path)

    found = json_out(cli("estimate", "--by", "region", "--json", "--draws", "100"))

    assert set(found["strata"]) == {"Dalmor", "Velikan"}
    named = sum(s["named"] for s in found["strata"].values())
    assert named == found["pooled"]["named"] == found["summed"]["named"]
    summed = found["summed"]
    assert summed["low"] <= summed["estimate"] <= summed["high"]
    shown = cli("estimate", "--by", "region", "--draws", "100")
    assert shown.exit_code == 0, shown.output
    assert "sum of strata" in shown.output and "all (pooled)" in shown.output


def test_the_latent_class_method_with_the_log_linear_beside_it(cli: Cli, tmp_path: Path) -> None:
    import_lists(cli, tmp_path)

    found = json_out(cli("estimate", "--method", "latent-class", "--json", "--draws", "200"))

    pooled = found["pooled"]
    assert pooled["method"] == "latent-class" and pooled["model"] == "latent classes"
    assert pooled["low"] <= PEOPLE <= pooled["high"]
    assert pooled["other_method"]["method"] == "log-linear"
    assert any("latent-class model weakly identified" in w for w in pooled["warnings"])


def test_strata_combined_and_drawn(cli: Cli, tmp_path: Path) -> None:
    import_lists(cli, tmp_path)
    drawing = tmp_path / "estimate.svg"

    shown = cli("estimate", "--by", "region", "--by", "party", "--draws", "100",
                "--plot", str(drawing))  # fmt: skip

    assert shown.exit_code == 0, shown.output
    assert "region · party" in shown.output and f"Drawn to {drawing}" in shown.output
    text = drawing.read_text(encoding="utf-8")
    assert "Dalmor · (unknown)" in text and "all (pooled)" in text
    wrong = cli("estimate", "--plot", str(tmp_path / "estimate.pdf"))
    assert wrong.exit_code != 0 and "estimate.pdf" in wrong.output


def test_as_known_before_the_third_list_two_lists_say_what_they_cannot(
    cli: Cli, tmp_path: Path
) -> None:
    import_lists(cli, tmp_path)

    found = json_out(cli("estimate", "--known-on", "2021-02-20", "--json", "--draws", "100"))

    assert found["lists"] == ["ministry.csv", "ngo.csv"]
    assert any("two lists" in w for w in found["pooled"]["warnings"])


def test_one_list_gives_no_number_and_says_why(cli: Cli, tmp_path: Path) -> None:
    import_lists(cli, tmp_path, count=1)

    result = cli("estimate", "--json")

    assert result.exit_code == 0, result.output
    pooled = json_out(result)["pooled"]
    assert pooled["estimate"] is None and pooled["warnings"]


def test_an_empty_register_gives_no_number_and_says_why(cli: Cli) -> None:
    assert cli("init").exit_code == 0

    shown = cli("estimate")

    assert shown.exit_code == 0, shown.output
    assert "no estimate" in shown.output


def test_the_demo_estimates_its_dead_from_the_ministry_and_ngo_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's demo: two list systems (the ministry's two editions are one)."""
    monkeypatch.setenv("COLUMNS", "200")
    shown = CliRunner().invoke(app, ["demo", "--folder", str(tmp_path / "demo")])

    assert shown.exit_code == 0, shown.output
    summary = shown.output.split("Estimated killed in all, named or not")[1]
    line = summary.strip().splitlines()[0]
    assert "from 2 lists (ministry_list_2020-12-03.csv, ngo_list_2021-01-15.csv)" in line
    assert "95 % interval" in line
    assert "two lists cannot detect dependence" in summary


def test_the_demo_s_estimate_with_its_linkage_sensitivity(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo links its lists, so the estimate is made again from stricter and looser
    linkage; each variant is an estimate of the same persons' records."""
    monkeypatch.setenv("COLUMNS", "200")
    folder = tmp_path / "demo"
    assert CliRunner().invoke(app, ["demo", "--folder", str(folder)]).exit_code == 0
    database = next(folder.glob("*.db"))

    found = json_out(CliRunner().invoke(app, ["--db", str(database), "estimate", "--json",
                                              "--draws", "100"]))  # fmt: skip

    assert set(found["linkage"]) == {"stricter", "looser"}
    named = found["pooled"]["named"]
    assert found["linkage"]["stricter"]["named"] >= named >= found["linkage"]["looser"]["named"]


def test_an_estimate_per_alleged_perpetrator_of_the_victims_incidents(
    cli: Cli, tmp_path: Path
) -> None:
    """Persons linked as victims to incidents fall in the stratum of whom the incidents'
    reports allege caused them; everyone else in the unknown one."""
    import_lists(cli, tmp_path)
    for place, lat, who in (("Dalmor ford", "40.1", "Southland artillery"),
                            ("Velikan pass", "40.4", "Northland drones")):  # fmt: skip
        added = cli("incident", "add", "--type", "shelling", "--date", "2020-10-12",
                    "--lat", lat, "--lon", "46.2", "--place", place,
                    "--reported-by", "Joint Centre", "--perpetrator", who)  # fmt: skip
        assert added.exit_code == 0, added.output
    for person in range(1, 41):
        linked = cli("incident", "victim", "1" if person <= 20 else "2", str(person))
        assert linked.exit_code == 0, linked.output

    found = json_out(cli("estimate", "--by", "perpetrator", "--json", "--draws", "50"))

    named = {key: s["named"] for key, s in found["strata"].items()}
    assert named["Southland artillery"] == 20 and named["Northland drones"] == 20
    assert sum(named.values()) == found["pooled"]["named"]
