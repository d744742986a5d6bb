"""Rollbook's comparisons as Splink reads them: which columns make a comparison missing."""

from __future__ import annotations

from rollbook.link.comparisons import COMPARISONS, compared_columns, splink_comparison


def test_each_comparison_names_the_columns_it_needs() -> None:
    assert compared_columns("contact") == ["contact"]
    assert compared_columns("birth") == ["birth_year"]
    assert all(compared_columns(name) for name in COMPARISONS)


def test_the_family_contact_agrees_exactly_or_nearly() -> None:
    levels = splink_comparison("contact", "duckdb", term_frequencies=False)["comparison_levels"]
    assert [level["label_for_charts"] for level in levels] == [
        "missing",
        "same family contact",
        "similar family contact",
        "else",
    ]
    assert "jaro_winkler_similarity(contact_l, contact_r) >= 0.9" in levels[2]["sql_condition"]


def test_a_name_with_one_part_lost_may_still_agree_on_the_other_with_a_typo() -> None:
    levels = splink_comparison("name", "duckdb", term_frequencies=False)["comparison_levels"]
    labels = [level["label_for_charts"] for level in levels]
    lost = labels.index("one name is missing, the other a letter or two apart")
    assert labels.index("one name agrees, the other is missing or an initial that agrees") < lost
    assert lost < labels.index("else")
