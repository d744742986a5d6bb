"""`rollbook toll`: counts that open to names, as of a date and as known on a date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from integration.registers import Cli, War, build_war


@pytest.fixture
def war(cli: Cli, tmp_path: Path) -> War:
    return build_war(cli, tmp_path / "lists")


def identify_varo_tenlik(war: War) -> None:
    """Varo Tenlik, missing since 25 October, is identified dead by DNA on 10 April 2021."""
    war.run(
        "status", str(war.person["Varo Tenlik"]), "killed",
        "--effective", "2020-10-25", "--learned", "2021-04-10", "--evidence", "dna_match",
    )  # fmt: skip


def counted(toll: dict[str, Any]) -> dict[str, int]:
    """The totals of a toll, without the statuses it counted zero times."""
    return {status: n for status, n in toll["totals"].items() if n}


def named(toll: dict[str, Any]) -> dict[str, str]:
    """Each person a toll names, with the status it counts them under."""
    return {p["name"]: p["status"] for p in toll["names"]}


def test_toll_killed_known_on_1_march_names_who_was_known_dead_then(war: War) -> None:
    identify_varo_tenlik(war)  # learned on 10 April: not known on 1 March
    toll = war.json("toll", "--status", "killed", "--known-on", "2021-03-01", "--names")
    assert toll["totals"] == {"killed": 8}
    assert sorted(named(toll)) == [
        "Ardo Quenslik",
        "Dervan Holtzik",
        "Imre Salvadzh",
        "Oskan Tarvelli",
        "Pelgrin Osk",
        "Pilmet Hastovar",
        "Tovan Melisk",
        "Zelik Brunov",
    ]
    assert all(war.person[p["name"]] == p["person_id"] for p in toll["names"])
    assert set(named(toll).values()) == {"killed"}

    now = war.json("toll", "--status", "killed", "--names")
    assert now["totals"] == {"killed": 9}
    assert named(now)["Varo Tenlik"] == "killed"


def test_toll_known_on_follows_each_list_as_it_was_published(war: War) -> None:
    assert counted(war.json("toll", "--known-on", "2020-11-19")) == {}
    assert counted(war.json("toll", "--known-on", "2020-11-30")) == {"missing": 2}
    assert counted(war.json("toll", "--known-on", "2020-12-10")) == {"killed": 4, "missing": 2}
    assert counted(war.json("toll", "--known-on", "2020-12-31")) == {"killed": 6, "missing": 1}
    assert counted(war.json("toll", "--known-on", "2021-01-31")) == {"killed": 8, "missing": 1}
    table = war.run("toll", "--known-on", "2020-12-31")
    assert "Toll (as known on 2020-12-31)" in table


def test_toll_as_of_and_known_on_differ_after_a_status_learned_later(war: War) -> None:
    identify_varo_tenlik(war)
    # As the register knew it on 1 March, Varo Tenlik was missing on 1 November.
    then = war.json("toll", "--as-of", "2020-11-01", "--known-on", "2021-03-01", "--names")
    assert counted(then) == {"killed": 5, "missing": 1}
    assert named(then)["Varo Tenlik"] == "missing"
    # Known now, the DNA match puts his death on 25 October: dead by 1 November.
    now = war.json("toll", "--as-of", "2020-11-01", "--names")
    assert counted(now) == {"killed": 6}
    assert named(now)["Varo Tenlik"] == "killed"
    # Before he went missing, neither view counts him.
    assert "Varo Tenlik" not in named(war.json("toll", "--as-of", "2020-10-24", "--names"))


def test_toll_as_of_counts_a_partial_date_of_death_from_its_last_day(war: War) -> None:
    # Tovan Melisk died "2020-10": dead as of 31 October, not yet as of 30 October.
    assert "Tovan Melisk" not in named(war.json("toll", "--as-of", "2020-10-30", "--names"))
    assert named(war.json("toll", "--as-of", "2020-10-31", "--names"))["Tovan Melisk"] == "killed"


def test_toll_by_any_breakdown_adds_up_to_the_total(war: War) -> None:
    when = ("--as-of", "2020-11-01", "--known-on", "2020-12-31")
    total = war.json("toll", *when)["totals"]
    assert total == {"killed": 3, "missing": 1}
    for by in ("status", "month", "week", "region", "unit", "party"):
        toll = war.json("toll", "--by", by, *when)
        assert toll["by"] == by
        assert toll["totals"] == total, by
        for status in total:
            assert sum(row[status] for row in toll["rows"]) == total[status], by
        assert sum(row["total"] for row in toll["rows"]) == sum(total.values()), by


def test_toll_breakdowns_count_each_person_under_their_own_keys(war: War) -> None:
    def rows(by: str) -> dict[str, int]:
        return {row["key"]: row["total"] for row in war.json("toll", "--by", by)["rows"]}

    assert rows("month") == {"2020-10": 6, "2020-11": 3}
    assert rows("region") == {"North": 3, "South": 3, "East": 1, "Riverside": 2}
    # The NGO list has no units; the corrected edition renamed Ardo Quenslik's brigade.
    assert rows("unit") == {
        "1st Brigade": 3,
        "2nd Brigade": 3,
        "3rd Mountain Brigade": 1,
        "(unknown)": 2,
    }
    weeks = rows("week")
    assert weeks["2020-W40"] == 1  # Oskan Tarvelli, 3 October
    assert weeks["(unknown)"] == 1  # Tovan Melisk, "2020-10": no day, so no week
    assert sum(weeks.values()) == 9
    # The names behind a breakdown carry the key of the row that counts them.
    toll = war.json("toll", "--by", "month", "--known-on", "2020-12-10", "--names")
    assert {p["name"]: p["key"] for p in toll["names"]} == {
        "Pelgrin Osk": "2020-10",
        "Varo Tenlik": "2020-10",
        "Oskan Tarvelli": "2020-10",
        "Zelik Brunov": "2020-10",
        "Pilmet Hastovar": "2020-11",
        "Ardo Quenslik": "2020-11",
    }
    # By source, a person counts under every source that names them: 9 persons, 14 times.
    by_source = war.json("toll", "--by", "source")
    assert {row["key"]: (row["killed"], row["missing"]) for row in by_source["rows"]} == {
        "1 missing_2020-11-20.csv": (1, 1),
        "2 ministry_2020-12-03.csv": (4, 0),
        "3 ministry_2020-12-28.csv": (6, 0),
        "4 southland_ngo_2021-01-15.csv": (2, 0),
    }
    assert by_source["totals"] == {"killed": 13, "missing": 1}
    # As known before the second edition was published, it names nobody yet.
    known_then = war.json("toll", "--by", "source", "--known-on", "2020-12-10")
    assert {row["key"]: (row["killed"], row["missing"]) for row in known_then["rows"]} == {
        "1 missing_2020-11-20.csv": (0, 2),
        "2 ministry_2020-12-03.csv": (4, 0),
    }
    then_named = war.json("toll", "--by", "source", "--known-on", "2020-12-10", "--names")
    assert {p["key"] for p in then_named["names"]} == {
        "1 missing_2020-11-20.csv",
        "2 ministry_2020-12-03.csv",
    }
    # ... and its names open each source's row: the same persons, under each source's key.
    named = war.json("toll", "--by", "source", "--names")["names"]
    per_source: dict[tuple[str, str], int] = {}
    for person in named:
        per_source[(person["key"], person["status"])] = (
            per_source.get((person["key"], person["status"]), 0) + 1
        )
    assert per_source == {
        (row["key"], status): row[status]
        for row in by_source["rows"]
        for status in ("killed", "missing")
        if row[status]
    }


def test_toll_party_filters_counts_and_names(war: War) -> None:
    south = war.json("toll", "--party", "Southland", "--names")
    assert counted(south) == {"killed": 2}
    assert sorted(named(south)) == ["Imre Salvadzh", "Tovan Melisk"]
    north = war.json("toll", "--party", "Northland", "--by", "month")
    assert counted(north) == {"killed": 6, "missing": 1}
    assert counted(war.json("toll", "--party", "Nowhere")) == {}


def test_toll_json_has_its_question_rows_totals_and_names(war: War) -> None:
    toll = war.json(
        "toll", "--status", "killed", "--status", "missing", "--party", "Northland",
        "--by", "region", "--as-of", "2020-12-31", "--known-on", "2020-12-31", "--names",
    )  # fmt: skip
    assert set(toll) == {"by", "statuses", "rows", "totals", "as_of", "known_on", "party", "names"}
    assert (toll["by"], toll["as_of"], toll["known_on"], toll["party"]) == (
        "region",
        "2020-12-31",
        "2020-12-31",
        "Northland",
    )
    assert toll["statuses"] == ["killed", "missing"]
    assert toll["rows"] == [
        {"key": "East", "killed": 1, "missing": 0, "total": 1},
        {"key": "North", "killed": 3, "missing": 0, "total": 3},
        {"key": "South", "killed": 2, "missing": 1, "total": 3},
    ]
    assert toll["totals"] == {"killed": 6, "missing": 1}
    varo = next(p for p in toll["names"] if p["name"] == "Varo Tenlik")
    assert varo == {
        "person_id": war.person["Varo Tenlik"],
        "name": "Varo Tenlik",
        "status": "missing",
        "key": "South",
    }


def test_toll_bad_date_is_refused_naming_the_option(cli: Cli) -> None:
    cli("init")
    result = cli("toll", "--known-on", "2021-13-45")
    assert result.exit_code == 1
    assert "--known-on" in result.stderr
