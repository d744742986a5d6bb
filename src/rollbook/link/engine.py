"""Scoring pairs of records with Splink: Fellegi–Sunter weights, estimated without labels.

Splink does the statistics (blocking, expectation maximisation, term frequencies) on DuckDB
in this process, or on Apache Spark; Rollbook brings the frame and the comparisons. Only
pairs that involve a record new since the last run are scored, so settled work is not
redone; the model is estimated on every record, old and new.
"""

from __future__ import annotations

import copy
import logging
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from rollbook.link.comparisons import IDENTIFIERS, splink_comparison
from rollbook.link.settings import LinkSettings
from rollbook.link.spark import local_session, splink_api, to_spark
from rollbook.model.records import one_slip_apart
from rollbook.store.links import ScoredPair

#: A small register samples this share of its pairs for u, but never fewer than...
_U_SHARE = 1 / 200
#: ...this many: a level that 1 random pair in 10,000 agrees on still has some 30 examples.
_U_PAIRS_LEAST = 300_000


@dataclass
class Scoring:
    """The pairs scored at or above the review threshold, and how the model was set."""

    pairs: list[ScoredPair]
    trained: bool
    notes: list[str]


@contextmanager
def _quiet_splink() -> Iterator[None]:
    """Keep Splink's progress and training chatter out of Rollbook's output."""
    logger = logging.getLogger("splink")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
        logger.propagate = propagate


@dataclass
class _Database:
    """Splink's database API on the chosen engine, and how a frame becomes its table."""

    api: Any
    as_table: Callable[[pa.Table], Any]

    def register(self, frame: pa.Table, name: str) -> Any:
        return self.api.register(self.as_table(frame), dataset_display_name=name)


@contextmanager
def _database(settings: LinkSettings) -> Iterator[_Database]:
    if settings.engine == "spark":
        with local_session() as session:
            api = splink_api(session)
            yield _Database(api, partial(to_spark, api.spark))
        return
    import duckdb
    from splink import DuckDBAPI

    # DuckDB spills beyond its memory limit, by default into the working directory.
    with tempfile.TemporaryDirectory(prefix="rollbook-duckdb-") as folder:
        connection = duckdb.connect(
            config={"memory_limit": settings.duckdb_memory, "temp_directory": folder}
        )
        try:
            yield _Database(DuckDBAPI(connection=connection), lambda frame: frame)
        finally:
            connection.close()


def _splink_settings(settings: LinkSettings, *, estimated: bool) -> Any:
    from splink import SettingsCreator

    blocking: list[Any] = [{"blocking_rule": rule} for rule in settings.blocking]
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        probability_two_random_records_match=settings.prior,
        comparisons=[
            splink_comparison(name, settings.engine, term_frequencies=estimated)
            for name in settings.comparisons
        ],
        blocking_rules_to_generate_predictions=blocking,
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=False,
    )


def u_pairs(most: int, records: int) -> int:
    """Random pairs to estimate u from: `most`, or for a small register a share of its pairs.

    The wrong calls a model makes grow with the records it decides about, while the error
    of a u estimate shrinks with the square root of the pairs sampled: the pairs that keep
    the wrong calls few grow with the square of the records, as the register's pairs do.
    From about 20,000 records on, the settings' million pairs hold.
    """
    pairs = records * (records - 1) // 2
    return min(most, max(_U_PAIRS_LEAST, int(pairs * _U_SHARE)))


def _estimate_prior(linker: Any, settings: LinkSettings, notes: list[str]) -> None:
    """The share of matching pairs from the sure rules; or the prior kept, saying why."""
    if not settings.sure:
        notes.append("kept the prior match probability: no record holds what the sure rules need")
        return
    try:
        linker.training.estimate_probability_two_random_records_match(
            list(settings.sure), recall=settings.sure_recall
        )
    except Exception as error:
        notes.append(f"kept the prior match probability: {_first_sentence(error)}")


def _train(linker: Any, settings: LinkSettings, records: int, notes: list[str]) -> None:
    _estimate_prior(linker, settings, notes)
    linker.training.estimate_u_using_random_sampling(
        max_pairs=u_pairs(settings.u_pairs, records), seed=settings.seed
    )
    for rule in settings.training:
        # A session that fails part-way leaves Splink's model without the comparisons it
        # set aside for the session: keep a copy to put back.
        model = copy.deepcopy(linker._settings_obj)
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                rule, max_pairs=settings.em_pairs
            )
        except Exception as error:  # Splink raises plain exceptions on thin data
            linker._settings_obj = model
            notes.append(
                f"kept the starting m of the fields EM trains on pairs where {rule}: "
                + _first_sentence(error)
            )


def _first_sentence(error: Exception) -> str:
    return str(error).split(". ")[0].strip().rstrip(".")


def _absent(frame: pa.Table) -> frozenset[str]:
    """The frame's columns that no record holds a value in."""
    return frozenset(
        name for name in frame.column_names if frame.column(name).null_count == frame.num_rows
    )


def score(frame: pa.Table, given: LinkSettings, *, new_from: int) -> Scoring:
    """Score the pairs of records in `frame` that involve a record with id >= `new_from`."""
    from splink import Linker

    if frame.num_rows < 2:
        return Scoring([], False, [])
    settings = given.for_fields_held(_absent(frame))
    trained = frame.num_rows >= settings.train_from
    notes = [
        f"kept the starting m of the fields EM trains on pairs where {rule}: no record holds "
        "a field it needs"
        for rule in given.training
        if trained and rule not in settings.training
    ]
    if given.blocking and not settings.blocking:  # every rule needs a field nobody holds
        return Scoring([], False, notes)
    with _quiet_splink(), _database(settings) as database:
        everyone = database.register(frame, "records")
        # Rollbook writes the settings and knows the frame's columns: Splink's check of them
        # would only log, and Rollbook keeps Splink's log quiet.
        linker = Linker(
            everyone,
            _splink_settings(settings, estimated=trained),
            log_level=None,
            validate_settings=False,
        )
        if trained:
            _train(linker, settings, frame.num_rows, notes)
        threshold = settings.review_from
        ids = frame.column("unique_id")
        if new_from <= pc.min(ids).as_py():
            found = [linker.inference.predict(threshold_match_probability=threshold)]
        else:
            if trained:
                linker.table_management.compute_tf_table("full_key")
            is_new = pc.greater_equal(ids, new_from)
            new = database.register(frame.filter(is_new), "new_records")
            old = database.register(frame.filter(pc.invert(is_new)), "old_records")
            found = [
                linker.inference.predict_within(new, threshold_match_probability=threshold),
                linker.inference.predict_between(new, old, threshold_match_probability=threshold),
            ]
        pairs = _mark_exact([pair for table in found for pair in _pairs(table, settings)], frame)
    return Scoring(pairs, trained, notes)


def _pairs(predictions: Any, settings: LinkSettings) -> Iterator[ScoredPair]:
    table = predictions.as_pyarrow_table()
    weight_columns = [f"mw_{name}" for name in settings.comparisons]
    columns = ["unique_id_l", "unique_id_r", "match_probability", *weight_columns]
    tf = "mw_tf_adj_name" if "mw_tf_adj_name" in table.column_names else None
    data = table.select(columns + ([tf] if tf else [])).to_pydict()
    for i, (left, right, probability) in enumerate(
        zip(data["unique_id_l"], data["unique_id_r"], data["match_probability"], strict=True)
    ):
        weights = {
            name: round(float(data[column][i] or 0.0), 2)
            for name, column in zip(settings.comparisons, weight_columns, strict=True)
        }
        if tf:
            weights["name"] = round(weights["name"] + float(data[tf][i] or 0.0), 2)
        low, high = sorted((int(left), int(right)))
        yield ScoredPair(low, high, round(float(probability), 6), weights)


def _same(a: Any, b: Any) -> bool:
    return bool(a == b or one_slip_apart(str(a or ""), str(b or "")))


def _mark_exact(pairs: list[ScoredPair], frame: pa.Table) -> list[ScoredPair]:
    """Say which identifiers of each pair are the same, or one typing slip apart
    (model.records.one_slip_apart), not merely a digit or two apart as the numbers of
    twins may be.

    Both levels weigh for a match, and the weights do not say which one a pair is at.
    """
    held = [name for name in sorted(IDENTIFIERS) if name in frame.column_names]
    wanted = {
        record
        for pair in pairs
        if any(pair.weights.get(name, 0.0) > 0 for name in held)
        for record in (pair.left, pair.right)
    }
    if not wanted:
        return pairs
    ids = frame.column("unique_id")
    rows = frame.filter(pc.is_in(ids, pa.array(sorted(wanted), type=ids.type)))
    data = rows.select(["unique_id", *held]).to_pydict()
    values = {name: dict(zip(data["unique_id"], data[name], strict=True)) for name in held}
    return [
        replace(
            pair,
            exact=frozenset(
                name
                for name, of in values.items()
                if pair.weights.get(name, 0.0) > 0 and _same(of.get(pair.left), of.get(pair.right))
            ),
        )
        for pair in pairs
    ]
