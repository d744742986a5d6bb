"""Rollbook's comparisons for Splink: names in any script, partial dates, units and ranks.

Each comparison reads the derived columns of the linkage frame (`rollbook.link.frame`),
never the names as written. Levels run from the most to the least specific; each carries
a starting m and u probability, used as they are when a register is too small to estimate
them, and as the starting point of expectation maximisation otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: The SQL name of the Jaro-Winkler similarity on each engine: DuckDB's own, and on Spark
#: Rollbook's copy of it (`rollbook.link.spark.jaro_winkler`), not the one in Splink's jar.
JARO_WINKLER = {"duckdb": "jaro_winkler_similarity", "spark": "rollbook_jaro_winkler"}


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a comparison: its SQL condition, label and starting m and u."""

    label: str
    sql: str
    m: float
    u: float
    tf_column: str = ""
    #: Rare levels keep their starting m: too few true pairs land there for EM to see.
    fixed_m: bool = False

    def to_splink(self, term_frequencies: bool) -> dict[str, Any]:
        level: dict[str, Any] = {
            "sql_condition": self.sql,
            "label_for_charts": self.label,
            "m_probability": self.m,
            "u_probability": self.u,
        }
        if self.fixed_m:
            level["fix_m_probability"] = True
        if self.tf_column and term_frequencies:
            level["tf_adjustment_column"] = self.tf_column
            level["tf_adjustment_weight"] = 1.0
        return level


def _null(*columns: str) -> dict[str, Any]:
    either = " OR ".join(f"{c}_l IS NULL OR {c}_r IS NULL" for c in columns)
    return {"sql_condition": either, "label_for_charts": "missing", "is_null_level": True}


def _else(m: float, u: float) -> Level:
    return Level("else", "ELSE", m, u)


def _near(part: str, jw: str, similarity: float) -> str:
    """SQL: a name part sounds alike (loose keys) or is spelt nearly alike (a typo or two)."""
    return (
        f"({part}_loose_l = {part}_loose_r OR {jw}({part}_spelt_l, {part}_spelt_r) >= {similarity})"
    )


def _names(jw: str) -> tuple[list[str], list[Level]]:
    one_part_near = (
        f"(given_loose_l = given_loose_r AND {jw}(surname_spelt_l, surname_spelt_r) >= 0.8) "
        f"OR (surname_loose_l = surname_loose_r AND {jw}(given_spelt_l, given_spelt_r) >= 0.8)"
    )
    return ["tokens"], [
        # full_key is "surname given": the exact level term frequencies adjust.
        Level("same surname and given name", "full_key_l = full_key_r", 0.80, 0.0005,
              tf_column="full_key"),
        Level("surname and given name swapped", "surname_l = given_r AND given_l = surname_r",
              0.04, 0.00002, fixed_m=True),
        Level("same name words", "tokens_l = tokens_r", 0.03, 0.0001, fixed_m=True),
        Level(
            "surname and given name sound alike",
            "surname_loose_l = surname_loose_r AND given_loose_l = given_loose_r",
            0.04, 0.0008,
        ),
        Level(
            "surname and given name a letter or two apart",
            f"{_near('surname', jw, 0.9)} AND {_near('given', jw, 0.9)}",
            0.04, 0.001,
        ),
        Level(
            "one name agrees, the other is missing or an initial that agrees",
            "(surname_loose_l = surname_loose_r AND (given_l IS NULL OR given_r IS NULL) "
            "AND coalesce(substr(initials_l, 1, 1) = substr(initials_r, 1, 1), TRUE)) "
            "OR (given_loose_l = given_loose_r AND (surname_l IS NULL OR surname_r IS NULL))",
            0.02, 0.002,
        ),
        Level(
            "one name is missing, the other a letter or two apart",
            f"((given_l IS NULL OR given_r IS NULL) AND {_near('surname', jw, 0.9)} "
            "AND coalesce(substr(initials_l, 1, 1) = substr(initials_r, 1, 1), TRUE)) "
            f"OR ((surname_l IS NULL OR surname_r IS NULL) AND {_near('given', jw, 0.9)})",
            0.01, 0.001,
        ),
        Level("one name agrees, the other is similar", one_part_near, 0.02, 0.003),
        _else(0.03, 0.99),
    ]  # fmt: skip


def _father(jw: str) -> tuple[list[str], list[Level]]:
    return ["father"], [
        Level("same father's name", "father_l = father_r", 0.85, 0.01),
        Level("similar father's name", f"{jw}(father_l, father_r) >= 0.90", 0.08, 0.01),
        _else(0.07, 0.98),
    ]


def _partial_date(prefix: str) -> list[Level]:
    """Levels of a partial date: "1998" agrees with 1998-03-12, and 03.12 may be 12.03."""
    y, m, d = f"{prefix}_year", f"{prefix}_month", f"{prefix}_day"
    full = f"{prefix}_date"
    compatible = (
        f"{y}_l = {y}_r AND ({m}_l IS NULL OR {m}_r IS NULL OR {m}_l = {m}_r) "
        f"AND ({d}_l IS NULL OR {d}_r IS NULL OR {d}_l = {d}_r)"
    )
    return [
        Level("same full date", f"{full}_l = {full}_r", 0.80, 0.0002),
        Level(
            "day and month swapped",
            f"{y}_l = {y}_r AND {m}_l = {d}_r AND {d}_l = {m}_r",
            0.03, 0.0001, fixed_m=True,
        ),
        Level("agrees as far as both are known", compatible, 0.10, 0.02),
        Level("one figure written differently", f"levenshtein({full}_l, {full}_r) = 1",
              0.02, 0.002),
        Level("same year", f"{y}_l = {y}_r", 0.03, 0.02),
        Level("years one apart", f"abs({y}_l - {y}_r) = 1", 0.02, 0.04),
    ]  # fmt: skip


def _birth(_jw: str) -> tuple[list[str], list[Level]]:
    return ["birth_year"], [*_partial_date("birth"), _else(0.02, 0.92)]


def _event(_jw: str) -> tuple[list[str], list[Level]]:
    days = Level("within three days", "abs(event_number_l - event_number_r) <= 3", 0.10, 0.02)
    # Deaths in one war share their years: only the day or the month tells.
    levels = _partial_date("event")
    return ["event_year"], [levels[0], levels[1], days, levels[2], _else(0.05, 0.6)]


def _exact(column: str, label: str, m: float, u: float) -> Callable[[str], Any]:
    def build(_jw: str) -> tuple[list[str], list[Level]]:
        return [column], [Level(label, f"{column}_l = {column}_r", m, u), _else(1 - m, 1 - u)]

    return build


def _identifier(column: str, label: str) -> Callable[[str], Any]:
    """An identifier: the same, or a digit or two apart (a typo, two digits swapped)."""

    def build(_jw: str) -> tuple[list[str], list[Level]]:
        return [column], [
            Level(f"same {label}", f"{column}_l = {column}_r", 0.90, 0.00001),
            Level(f"{label} a digit or two apart",
                  f"levenshtein({column}_l, {column}_r) <= 2", 0.05, 0.0001),
            _else(0.05, 0.9999),
        ]  # fmt: skip

    return build


def _place(jw: str) -> tuple[list[str], list[Level]]:
    return ["place"], [
        Level("same home place", "place_l = place_r", 0.75, 0.01),
        Level("similar home place", f"{jw}(place_l, place_r) >= 0.9", 0.1, 0.005),
        _else(0.15, 0.985),
    ]


def _contact(jw: str) -> tuple[list[str], list[Level]]:
    # Relatives share a family contact too: it backs a name, it never stands in for one.
    return ["contact"], [
        Level("same family contact", "contact_l = contact_r", 0.7, 0.001),
        Level("similar family contact", f"{jw}(contact_l, contact_r) >= 0.9", 0.1, 0.002),
        _else(0.2, 0.997),
    ]


#: The comparisons Rollbook can make, by name, in the order the settings list them.
COMPARISONS: dict[str, Callable[[str], tuple[list[str], list[Level]]]] = {
    "name": _names,
    "father": _father,
    "birth": _birth,
    "event": _event,
    "service_number": _identifier("service_number", "service number"),
    "national_id": _identifier("national_id", "national id"),
    "sex": _exact("sex", "same sex", 0.98, 0.5),
    "unit": _exact("unit", "same unit", 0.7, 0.02),
    "region": _exact("region", "same district", 0.7, 0.05),
    "place": _place,
    "contact": _contact,
    "rank": _exact("rank", "same rank", 0.7, 0.2),
}

#: Comparisons about the name; a link needs some other field to agree as well.
NAME_COMPARISONS = frozenset({"name", "father"})
#: Comparisons of identifiers that a state or an army gives one person.
IDENTIFIERS = frozenset({"service_number", "national_id"})


def compared_columns(name: str) -> list[str]:
    """The frame columns whose absence makes a comparison's "missing" level."""
    columns, _levels = COMPARISONS[name](JARO_WINKLER["duckdb"])
    return columns


def splink_comparison(name: str, engine: str, *, term_frequencies: bool) -> dict[str, Any]:
    """A Splink comparison (settings dictionary form) for one of Rollbook's comparisons.

    Term frequencies make a common name count for less; in a register of a few records
    every name looks common, so a small register goes without.
    """
    columns, levels = COMPARISONS[name](JARO_WINKLER[engine])
    return {
        "output_column_name": name,
        "comparison_levels": [
            _null(*columns),
            *(level.to_splink(term_frequencies) for level in levels),
        ],
    }
