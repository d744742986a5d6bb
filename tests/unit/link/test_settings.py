"""Link settings: defaults, a TOML file, and refusals that say why."""

from __future__ import annotations

from pathlib import Path

import pytest

from rollbook.link.settings import LinkSettings, SettingsError, matches_nothing


def test_defaults_describe_what_the_engine_will_do() -> None:
    lines = LinkSettings().describe()
    assert lines[0] == (
        "engine: Splink on DuckDB, in this process (up to 2GB of memory, spilling to disk beyond)"
    )
    assert any("l.service_number = r.service_number" in line for line in lines)
    assert lines[-1] == "send pairs from 0.5 up to the review queue"


def test_a_toml_file_changes_settings_and_overrides_win(tmp_path: Path) -> None:
    path = tmp_path / "link.toml"
    path.write_text('link_at = 0.95\ncomparisons = ["name", "birth"]\n', encoding="utf-8")
    settings = LinkSettings.from_toml(path, review_from=0.4)
    assert (settings.link_at, settings.review_from) == (0.95, 0.4)
    assert settings.comparisons == ("name", "birth")
    assert LinkSettings.from_json(settings.to_json()) == settings


def test_spark_is_an_engine_too() -> None:
    settings = LinkSettings.from_json({"engine": "spark"})
    assert settings.describe()[0] == "engine: Splink on Apache Spark"
    assert LinkSettings.from_json(settings.to_json()) == settings


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"engine": "excel"}, "engine 'excel': choose one of duckdb, spark"),
        ({"link_at": 0.4, "review_from": 0.6}, "review_from <= link_at"),
        ({"comparisons": ["name", "shoe_size"]}, "unknown comparison 'shoe_size'"),
        ({"comparisons": ["birth"]}, "name comparison cannot be left out"),
        ({"treshold": 0.9}, "unknown setting 'treshold'"),
        ({"duckdb_memory": "lots"}, "duckdb_memory 'lots': write it as 2GB"),
    ],
)
def test_bad_settings_are_refused_with_the_reason(data: dict[str, object], reason: str) -> None:
    with pytest.raises(SettingsError, match=reason):
        LinkSettings.from_json(data)


def test_an_unreadable_file_names_itself(tmp_path: Path) -> None:
    path = tmp_path / "link.toml"
    path.write_text("link_at = = 1", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"link\.toml"):
        LinkSettings.from_toml(path)


@pytest.mark.parametrize(
    ("rule", "nothing"),
    [
        ("l.unit = r.unit", True),
        ("l.event_date = r.event_date AND l.unit = r.unit", True),
        ("l.event_date = r.event_date and l.unit = r.unit", True),
        ("l.surname = r.surname AND l.given = r.given", False),
        ("l.unit = r.unit OR l.surname = r.surname", False),
        ("substr(l.unit, 1, 2) = substr(r.unit, 1, 2)", False),
    ],
)
def test_a_rule_on_a_field_nobody_holds_matches_nothing(rule: str, nothing: bool) -> None:
    assert matches_nothing(rule, {"unit", "event_date"}) is nothing


def test_settings_for_the_fields_held_leave_out_what_cannot_score() -> None:
    held = LinkSettings().for_fields_held({"unit", "rank", "father", "contact", "tokens"})
    assert "unit" not in held.comparisons and "contact" not in held.comparisons
    assert "name" in held.comparisons and "birth" in held.comparisons  # name always stays
    assert "l.contact = r.contact" not in held.blocking
    assert "l.event_date = r.event_date AND l.unit = r.unit" not in held.training
    assert held.training and held.sure == LinkSettings().sure
    assert LinkSettings().for_fields_held(set()) == LinkSettings()
