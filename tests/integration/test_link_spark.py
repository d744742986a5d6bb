"""`rollbook link --engine spark`: the same persons, pairs and match probabilities as DuckDB.

Each case builds one register, copies it, links one copy on DuckDB and the other on Spark,
and compares what they did. Starting Spark takes most of a minute on a small machine, so
one session serves the module and every run here borrows it. Without pyspark or Java the
Spark cases are skipped, or fail where ROLLBOOK_REQUIRE_SERVICES is set (as in CI).
"""

from __future__ import annotations

import contextlib
import csv
import importlib.util
import itertools
import json
import random
import shutil
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from splink.internals.linker_components.training import LinkerTraining
from typer.testing import CliRunner, Result

from integration.registers import Cli, ok
from integration.test_link import MINISTRY, NGO, PRESS, _import, _json, link
from pgserver import _unavailable
from rollbook.cli import app
from rollbook.demo.synthetic import (
    NGO_HEADERS,
    format_birth,
    format_date,
    generate_people,
    write_ministry_csv,
)
from rollbook.link import engine
from rollbook.link.engine import Scoring, score
from rollbook.link.run import link_register
from rollbook.link.settings import DEFAULT_TRAINING, EngineError, LinkSettings
from rollbook.link.spark import jaro_winkler, local_session
from rollbook.store.database import Register

Pairs = dict[tuple[int, int], tuple[float, dict[str, float]]]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """One local Spark session for the module, lent to every link run in it."""
    with contextlib.ExitStack() as stack:
        try:
            session = stack.enter_context(local_session())
        except EngineError as error:
            reason = str(error)
        else:
            reason = ""
        # Skip or fail outside the except block, so the report carries no chained traceback.
        if reason:
            _unavailable(reason)
        patch = stack.enter_context(pytest.MonkeyPatch.context())
        patch.setattr(engine, "local_session", lambda: contextlib.nullcontext(session))
        yield session


@pytest.fixture
def cli_for(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], Cli]:
    """`rollbook --db FILE ARGS...` in-process, for a SQLite file."""
    monkeypatch.setenv("ROLLBOOK_ACTOR", "tester")

    def make(path: Path) -> Cli:
        def run_cli(*args: str, input: str | None = None) -> Result:
            return CliRunner().invoke(app, ["--db", f"sqlite:///{path}", *args], input=input)

        return run_cli

    return make


def _three_scripts(cli: Cli, folder: Path) -> None:
    """The register of test_link.py: one man in Latin, Cyrillic and English, and namesakes."""
    ok(cli("init"))
    _import(cli, folder, "ministry.csv", MINISTRY, "utf-8", "--published", "2020-12-01")
    _import(cli, folder, "press.csv", PRESS, "cp1251", "--published", "2020-12-05",
            "--kind", "news_report")  # fmt: skip
    _import(cli, folder, "ngo.csv", NGO, "utf-8", "--published", "2021-01-15",
            "--kind", "ngo_list")  # fmt: skip


def _ministry_and_ngo(cli: Cli, folder: Path) -> None:
    """260 invented servicemen on a ministry's list, 110 of them again on an NGO's in Russian
    (without service numbers; some born in a year only), and 20 on the NGO's alone."""
    people = generate_people(280, seed=7)
    ministry, on_both, ngo_only = people[:260], people[:110], people[260:]
    write_ministry_csv(folder / "ministry.csv", ministry, seed=7)
    with (folder / "ngo.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(NGO_HEADERS)
        for seq, person in enumerate([*on_both, *ngo_only], start=1):
            born = format_birth(person.birth_date, "year" if seq % 5 == 0 else "day")
            writer.writerow((seq, person.surname_ru, person.given_ru, person.patronymic_ru, born,
                             person.rank_ru, format_date(person.death_date),
                             person.death_place_ru, person.region_ru))  # fmt: skip
    ok(cli("init"))
    for name, options in (("ministry.csv", ()), ("ngo.csv", ("--kind", "ngo_list"))):
        ok(cli("import", str(folder / name), "--status", "killed", "--party", "Azerbaijan",
               "--published", "2021-01-15", *options))  # fmt: skip


def _twins(
    cli_for: Callable[[Path], Cli], folder: Path, build: Callable[[Cli, Path], None]
) -> tuple[Cli, Cli]:
    """The same register twice: one copy to link on DuckDB, one on Spark."""
    duck = cli_for(folder / "duckdb.db")
    build(duck, folder)
    shutil.copyfile(folder / "duckdb.db", folder / "spark.db")
    return duck, cli_for(folder / "spark.db")


def _persons(cli: Cli) -> set[frozenset[int]]:
    """The register's persons as sets of record ids (person ids may differ between copies)."""
    persons: dict[int, set[int]] = defaultdict(set)
    for line in ok(cli("export", "records", "--format", "json")).splitlines():
        record = json.loads(line)
        persons[int(record["person_id"])].add(int(record["record_id"]))
    return {frozenset(records) for records in persons.values()}


def _last_run(cli: Cli) -> dict[str, Pairs]:
    """The pairs the last link run linked and sent for review."""
    entry = _json(cli, "log", "--limit", "1")[0]
    assert entry["action"] == "link.run"
    return {
        kind: {(left, right): (p, weights) for left, right, p, weights in entry["payload"][kind]}
        for kind in ("linked", "review")
    }


def _assert_agree(duck: Pairs, spark: Pairs) -> None:
    assert duck.keys() == spark.keys()
    for pair, (probability, weights) in duck.items():
        assert spark[pair][0] == pytest.approx(probability, abs=1e-6), pair
        # Weights are rounded to 0.01: a last-bit difference may round the other way.
        assert spark[pair][1] == pytest.approx(weights, abs=0.0101), pair


def _scored(scoring: Scoring) -> Pairs:
    return {(p.left, p.right): (p.probability, p.weights) for p in scoring.pairs}


def test_jaro_winkler_is_duckdbs_to_the_last_bit() -> None:
    words = ["".join(w) for n in range(1, 5) for w in itertools.product("abc", repeat=n)]
    rng = random.Random(11)
    keys = ["".join(rng.choices("bdgklmnrstvxz", k=rng.randint(2, 14))) for _ in range(300)]
    typos = [(k, k[:i] + k[i + 1 :]) for k in keys for i in range(0, len(k), 3)]
    pairs = [*itertools.product(words, repeat=2), *zip(keys, reversed(keys), strict=True), *typos]
    left, right = zip(*pairs, strict=True)
    duck = duckdb.execute(
        "SELECT jaro_winkler_similarity(l, r) FROM (SELECT unnest(?) AS l, unnest(?) AS r)",
        [list(left), list(right)],
    ).fetchall()
    assert [jaro_winkler(a, b) for a, b in pairs] == [similarity for (similarity,) in duck]
    # Three transpositions count as one (DuckDB) rather than one and a half (Splink's jar).
    assert jaro_winkler("dktvnt", "dkvnt") == pytest.approx(0.9022, abs=1e-4)
    assert jaro_winkler(None, "mmdv") is None


def test_spark_links_three_scripts_as_duckdb_does(
    spark: Any, cli_for: Callable[[Path], Cli], tmp_path: Path
) -> None:
    duck, on_spark = _twins(cli_for, tmp_path, _three_scripts)
    first = link(duck, "--engine", "duckdb")
    assert link(on_spark, "--engine", "spark") == first
    assert first["pairs_linked"] == 4 and first["pairs_for_review"] == 1
    assert _persons(on_spark) == _persons(duck)
    for kind, pairs in _last_run(duck).items():
        _assert_agree(pairs, _last_run(on_spark)[kind])
    # A later list: its record is scored against everyone else (Splink's predict_within
    # and predict_between).
    family = "Full name,Date of birth,Date of death\nElsam Tarlanov,12.03.1998,14.10.2020\n"
    for cli in (duck, on_spark):
        _import(cli, tmp_path, "family.csv", family, "utf-8", "--published", "2021-02-01",
                "--kind", "family_report")  # fmt: skip
    second = link(duck, "--engine", "duckdb")
    assert link(on_spark, "--engine", "spark") == second
    assert second["new_records"] == 1 and second["pairs_linked"] == 1
    assert _persons(on_spark) == _persons(duck)
    for kind, pairs in _last_run(duck).items():
        _assert_agree(pairs, _last_run(on_spark)[kind])


def _estimated(engine: str) -> LinkSettings:
    """Settings that estimate the model of a register this small, in one EM session (every
    session is dozens of Spark queries)."""
    return LinkSettings(engine=engine, train_from=50, training=DEFAULT_TRAINING[:1])


@pytest.fixture
def u_from_every_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    """Estimate u from every sampled pair, as both engines then do alike.

    Splink stops counting pairs for u once each level has seen 100, taking the pairs in
    chunks cut by the engine's own hash function, so DuckDB and Spark would stop on
    different pairs. A register this small has fewer pairs than `u_pairs`: all are counted.
    """
    original = LinkerTraining.estimate_u_using_random_sampling

    def every_pair(training: LinkerTraining, max_pairs: float, seed: int) -> None:
        original(training, max_pairs, seed, min_count_per_level=None, num_chunks=1)

    monkeypatch.setattr(LinkerTraining, "estimate_u_using_random_sampling", every_pair)


@pytest.mark.usefixtures("u_from_every_pair")
def test_an_estimated_model_gives_the_same_pairs_and_persons(
    spark: Any,
    cli_for: Callable[[Path], Cli],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    duck, on_spark = _twins(cli_for, tmp_path, _ministry_and_ngo)
    scorings: list[Scoring] = []

    def scored(frame: Any, settings: LinkSettings, *, new_from: int) -> Scoring:
        scorings.append(score(frame, settings, new_from=new_from))
        return scorings[-1]

    monkeypatch.setattr(engine, "score", scored)  # a link run imports it when it starts
    for name in ("duckdb", "spark"):
        with Register.open(f"sqlite:///{tmp_path / f'{name}.db'}") as register:
            link_register(register, _estimated(name), actor="tester")
    by_duckdb, by_spark = scorings
    assert by_duckdb.trained and by_spark.trained
    assert by_spark.notes == by_duckdb.notes
    _assert_agree(_scored(by_duckdb), _scored(by_spark))
    assert len(by_duckdb.pairs) >= 100  # the NGO's list repeats 110 of the ministry's men
    assert _persons(on_spark) == _persons(duck)


def test_without_java_the_run_stops_before_changing_anything(
    cli_for: Callable[[Path], Cli], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if importlib.util.find_spec("pyspark") is None:
        _unavailable("pyspark is not installed: pip install 'rollbook[spark]'")
    cli = cli_for(tmp_path / "register.db")
    _three_scripts(cli, tmp_path)
    before = _json(cli, "log")
    monkeypatch.setattr(engine, "local_session", local_session)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    result = cli("link", "--engine", "spark")
    assert result.exit_code == 1
    assert "no Java runtime found" in result.stderr
    assert _json(cli, "log") == before


def test_without_pyspark_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(EngineError, match=r"pip install 'rollbook\[spark\]'"), local_session():
        pass


def test_the_engine_is_an_option_and_settings_say_which(
    cli_for: Callable[[Path], Cli], tmp_path: Path
) -> None:
    cli = cli_for(tmp_path / "register.db")
    ok(cli("init"))
    shown = ok(cli("link", "--show-settings", "--engine", "spark"))
    assert shown.splitlines()[0] == "engine: Splink on Apache Spark"
    assert cli("link", "--engine", "excel").exit_code == 2
