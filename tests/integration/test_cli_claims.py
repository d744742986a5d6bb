"""`rollbook claim add` and `claims`: announced figures beside the names the register holds.

The invented ministry says 2,783 dead on 3 December, 2,855 on 18 December and "at least
2,881" on 8 January; the register names 4 of its dead by 3 December and 6 by 28 December.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from integration.registers import MINISTRY, NGO, Cli, War, build_war, ok


@pytest.fixture
def war(cli: Cli, tmp_path: Path) -> War:
    return build_war(cli, tmp_path / "lists")


def add_claim(cli: Cli, *args: str) -> int:
    """Record a claim; its id, from what `claim add` says."""
    out = ok(cli("claim", "add", *args))
    assert out.startswith("Recorded claim ")
    return int(out.removeprefix("Recorded claim ").strip().rstrip("."))


def announce_the_ministry_figures(war: War) -> dict[str, int]:
    """The ministry's three figures for its dead and one for its missing; the NGO's one."""
    northland = ("--party", "Northland", "--group", "servicemen")
    return {
        "2,783": add_claim(
            war.cli, "--claimant", MINISTRY, "--category", "killed", "--value", "2783",
            "--as-of", "2020-12-03", *northland,
            "--source", str(war.source["ministry_2020-12-03.csv"]),
        ),
        "2,855": add_claim(
            war.cli, "--claimant", MINISTRY, "--category", "killed", "--value", "2855",
            "--as-of", "2020-12-18", *northland, "--quote", "2,855 servicemen fell",
        ),
        "at least 2,881": add_claim(
            war.cli, "--claimant", MINISTRY, "--category", "killed", "--value", "2881",
            "--qualifier", "at_least", "--as-of", "2021-01-08", *northland,
            "--quote", "no fewer than 2,881 servicemen", "--reason", "new figure announced",
        ),
        "28 missing": add_claim(
            war.cli, "--claimant", MINISTRY, "--category", "missing", "--value", "28",
            "--as-of", "2021-01-08", *northland,
        ),
        "about 2,900": add_claim(
            war.cli, "--claimant", NGO, "--category", "killed", "--value", "2900",
            "--qualifier", "about", "--as-of", "2021-01-15", "--party", "Southland",
        ),
    }  # fmt: skip


def test_claims_revision_chain_shows_each_figure_with_the_named_count_known_then_and_gap(
    war: War,
) -> None:
    ids = announce_the_ministry_figures(war)
    lines = {line["id"]: line for line in war.json("claims")}

    def seen(figure: str) -> tuple[Any, ...]:
        line = lines[ids[figure]]
        return (line["figure"], line["revises"], line["named_known_then"], line["gap"])

    # 2,783 on 3 December: the first list, published that day, names 4.
    assert seen("2,783") == ("2,783", None, 4, 4 - 2783)
    # 2,855 on 18 December revises it (same claimant, category, party and group).
    assert seen("2,855") == ("2,855", ids["2,783"], 4, 4 - 2855)
    # "At least 2,881" on 8 January, as it says, revises 2,855; 6 were named by then.
    assert seen("at least 2,881") == ("at least 2,881", ids["2,855"], 6, 6 - 2881)
    # 28 missing: another category, so no revision; only Varo Tenlik was still missing.
    assert seen("28 missing") == ("28", None, 1, 1 - 28)
    # Another claimant's figure never revises the ministry's; it counts Southland's dead.
    assert seen("about 2,900") == ("about 2,900", None, 2, 2 - 2900)

    last = lines[ids["at least 2,881"]]
    assert {k: last[k] for k in ("claimant", "category", "party", "group", "qualifier")} == {
        "claimant": MINISTRY,
        "category": "killed",
        "party": "Northland",
        "group": "servicemen",
        "qualifier": "at_least",
    }
    assert (last["value"], last["low"], last["high"], last["as_of"]) == (
        2881,
        None,
        None,
        "2021-01-08",
    )
    assert last["quote"] == "no fewer than 2,881 servicemen"
    assert lines[ids["2,783"]]["source_id"] == war.source["ministry_2020-12-03.csv"]

    table = war.run("claims")
    assert "Claims beside the register's named counts" in table
    for words in ("2,783", "2,855", "at least 2,881", "about 2,900", "-2,779", "-2,875", "-27"):
        assert words in table


def test_claims_named_count_stays_what_was_known_on_the_claims_date(war: War) -> None:
    ids = announce_the_ministry_figures(war)
    # Learned in April: Varo Tenlik died on 25 October. The January figures were set beside
    # what was known in January, and still are.
    war.run(
        "status", str(war.person["Varo Tenlik"]), "killed",
        "--effective", "2020-10-25", "--learned", "2021-04-10", "--evidence", "dna_match",
    )  # fmt: skip
    lines = {line["id"]: line for line in war.json("claims")}
    assert lines[ids["at least 2,881"]]["named_known_then"] == 6
    assert lines[ids["28 missing"]]["named_known_then"] == 1
    # A figure dated after the identification counts him among the dead.
    later = add_claim(
        war.cli, "--claimant", MINISTRY, "--category", "killed", "--value", "2908",
        "--as-of", "2021-05-01", "--party", "Northland", "--group", "servicemen",
    )  # fmt: skip
    lines = {line["id"]: line for line in war.json("claims")}
    assert (lines[later]["revises"], lines[later]["named_known_then"]) == (
        ids["at least 2,881"],
        7,
    )


def test_claim_range_and_vague_figures_read_as_said(cli: Cli) -> None:
    ok(cli("init"))
    add_claim(
        cli, "--claimant", NGO, "--category", "captured", "--low", "30", "--high", "40",
        "--qualifier", "range", "--as-of", "2020-11", "--party", "Northland",
    )  # fmt: skip
    add_claim(
        cli, "--claimant", NGO, "--category", "displaced", "--low", "2000",
        "--qualifier", "more_than", "--as-of", "2020",
    )  # fmt: skip
    captured, displaced = sorted(json.loads(ok(cli("claims", "--json"))), key=lambda c: c["id"])
    assert (captured["figure"], captured["as_of"], captured["named_known_then"]) == (
        "30–40",
        "2020-11",
        0,
    )
    assert captured["gap"] == -30
    add_claim(cli, "--claimant", NGO, "--category", "killed", "--value", "12", "--as-of", "2020")
    (sideless,) = [c for c in json.loads(ok(cli("claims", "--json"))) if c["value"] == 12]
    # A figure about no named side (an "enemy" figure) matches no count of names.
    assert (sideless["named_known_then"], sideless["gap"]) == (None, None)
    # Displaced persons are not a status the register names: no count, no gap.
    assert (displaced["figure"], displaced["named_known_then"], displaced["gap"]) == (
        "more than 2,000",
        None,
        None,
    )


def test_claim_add_malformed_figure_is_refused_and_nothing_journalled(cli: Cli) -> None:
    ok(cli("init"))
    refused = [
        (["--low", "40", "--high", "30", "--qualifier", "range"], "runs backwards"),
        (["--value", "-5"], "cannot be negative"),
        (["--value", "35", "--low", "30", "--high", "40"], "not both"),
        (["--qualifier", "at_least"], "needs a value"),
        (["--value", "2855", "--revises", "7"], "no claim 7"),
        (["--value", "2855", "--source", "3"], "no source 3"),
    ]
    for args, reason in refused:
        result = cli(
            "claim", "add", "--claimant", MINISTRY, "--category", "killed",
            "--as-of", "2020-12-18", *args,
        )  # fmt: skip
        assert result.exit_code == 1, args
        assert reason in result.stderr, args
    entries = json.loads(cli("log", "--json").stdout)
    assert [e["action"] for e in entries] == ["register.init"]
    assert json.loads(cli("claims", "--json").stdout) == []
