"""What a link run will do, in one object: engine, thresholds, comparisons, blocking, training.

Defaults suit a register of a few thousand to a few million records; a TOML file given to
`rollbook link --settings` may change any of them, and `describe` says in plain words what
the engine will then do.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from rollbook.link.comparisons import COMPARISONS, compared_columns

ENGINES = ("duckdb", "spark")
_MEMORY = re.compile(r"\d+(\.\d+)?\s*[KMGT]i?B", re.IGNORECASE)
_ENGINE_NAMES = {"duckdb": "DuckDB, in this process", "spark": "Apache Spark"}
_AND = re.compile(r"\s+AND\s+", re.IGNORECASE)
_OR = re.compile(r"\bOR\b", re.IGNORECASE)

#: Pairs of records scored at all: those agreeing on one of these (Splink blocking rules).
DEFAULT_BLOCKING: tuple[str, ...] = (
    "l.surname_loose = r.surname_loose AND l.given_loose = r.given_loose",
    "l.surname_loose = r.given_loose AND l.given_loose = r.surname_loose",
    "l.tokens = r.tokens",
    "l.surname_loose = r.surname_loose AND l.birth_year = r.birth_year "
    "AND substr(l.initials, 1, 1) = substr(r.initials, 1, 1)",
    "l.surname_loose = r.surname_loose AND l.birth_date = r.birth_date",
    "l.surname_loose = r.surname_loose AND l.place = r.place",
    "l.given_loose = r.given_loose AND l.place = r.place",
    "l.given_loose = r.given_loose AND l.father = r.father AND l.birth_year = r.birth_year",
    "l.given_loose = r.given_loose AND l.birth_date = r.birth_date",
    "l.surname_loose = r.surname_loose AND l.event_date = r.event_date",
    "l.given_loose = r.given_loose AND l.event_date = r.event_date AND l.unit = r.unit",
    "l.given_loose = r.given_loose AND l.event_date = r.event_date AND l.region = r.region",
    "l.birth_date = r.birth_date AND l.region = r.region",
    "l.birth_date = r.birth_date AND l.event_date = r.event_date",
    "l.service_number = r.service_number",
    "l.national_id = r.national_id",
    "l.contact = r.contact",
)

#: Blocking rules of the expectation-maximisation sessions: each leaves the fields it
#: blocks on untrained and trains the others.
DEFAULT_TRAINING: tuple[str, ...] = (
    "l.surname = r.surname AND l.given = r.given",
    "l.birth_date = r.birth_date",
    "l.event_date = r.event_date AND l.unit = r.unit",
)

#: Pairs surely the same person, from which the share of matching pairs is estimated.
DEFAULT_SURE: tuple[str, ...] = (
    "l.full_key = r.full_key AND l.birth_date = r.birth_date",
    "l.service_number = r.service_number",
)


def matches_nothing(rule: str, absent: Collection[str]) -> bool:
    """Whether a rule ANDs `l.c = r.c` on a column no record holds: NULL = NULL is never true.

    A rule with an OR anywhere might still hold through its other branch, so it is kept.
    """
    if _OR.search(rule):
        return False
    terms = {term.strip() for term in _AND.split(rule)}
    return any(f"l.{column} = r.{column}" in terms for column in absent)


class SettingsError(ValueError):
    """Link settings that cannot be used, with the reason."""


class EngineError(RuntimeError):
    """The chosen engine cannot run on this machine, with the reason and what to install."""


@dataclass(frozen=True)
class LinkSettings:
    """Everything a link run needs to know besides the records."""

    engine: str = "duckdb"
    #: Pairs at or above this match probability are linked automatically...
    link_at: float = 0.95
    #: ...and pairs from here up to `link_at` wait in the review queue.
    review_from: float = 0.5
    comparisons: tuple[str, ...] = tuple(COMPARISONS)
    blocking: tuple[str, ...] = DEFAULT_BLOCKING
    training: tuple[str, ...] = DEFAULT_TRAINING
    sure: tuple[str, ...] = DEFAULT_SURE
    #: Below this many records the model is not estimated: the comparisons' own m and u
    #: probabilities and `prior` are used as they are.
    train_from: int = 1000
    prior: float = 0.0001
    sure_recall: float = 0.7
    #: u is estimated from this many random pairs of records (a small register, fewer).
    u_pairs: int = 1_000_000
    #: Each expectation-maximisation session trains on about this many blocked pairs at
    #: most: common birth dates alone give a million records some 90 million.
    em_pairs: int = 5_000_000
    #: DuckDB's memory for a run; beyond it DuckDB spills to a temporary folder.
    duckdb_memory: str = "2GB"
    seed: int = 2020
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise SettingsError(f"engine {self.engine!r}: choose one of {', '.join(ENGINES)}")
        if not 0 < self.review_from <= self.link_at <= 1:
            raise SettingsError("thresholds need 0 < review_from <= link_at <= 1")
        unknown = [c for c in self.comparisons if c not in COMPARISONS]
        if unknown:
            raise SettingsError(
                f"unknown comparison {unknown[0]!r}: choose from {', '.join(COMPARISONS)}"
            )
        if "name" not in self.comparisons:
            raise SettingsError("the name comparison cannot be left out")
        if not _MEMORY.fullmatch(self.duckdb_memory):
            raise SettingsError(f"duckdb_memory {self.duckdb_memory!r}: write it as 2GB or 1500MB")
        if self.extra:
            raise SettingsError(f"unknown setting {next(iter(self.extra))!r}")

    @classmethod
    def from_toml(cls, path: Path, **overrides: Any) -> LinkSettings:
        """Settings from a TOML file (its keys are this class's fields), then `overrides`."""
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise SettingsError(f"{path}: {error}") from None
        return cls.from_json({**data, **overrides})

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinkSettings:
        known = {f.name for f in fields(cls)} - {"extra"}
        values: dict[str, Any] = {
            k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in known
        }
        extra = {k: v for k, v in data.items() if k not in known}
        return cls(**values, extra=extra)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        del data["extra"]
        return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}

    def for_fields_held(self, absent: Collection[str]) -> LinkSettings:
        """These settings less what needs a frame column no record holds.

        Such a comparison is "missing" for every pair (weight 0) and such a rule pairs no
        records, so no score changes; a register whose lists carry few fields is linked
        without the work. The name comparison always stays.
        """
        return replace(
            self,
            comparisons=tuple(
                name
                for name in self.comparisons
                if name == "name" or not set(compared_columns(name)) <= set(absent)
            ),
            blocking=tuple(r for r in self.blocking if not matches_nothing(r, absent)),
            training=tuple(r for r in self.training if not matches_nothing(r, absent)),
            sure=tuple(r for r in self.sure if not matches_nothing(r, absent)),
        )

    def describe(self) -> list[str]:
        """What the engine will do, line by line."""
        return [
            f"engine: Splink on {_ENGINE_NAMES[self.engine]}"
            + (
                f" (up to {self.duckdb_memory} of memory, spilling to disk beyond)"
                if self.engine == "duckdb"
                else ""
            ),
            f"compare: {', '.join(self.comparisons)}",
            f"score the pairs that agree on any of {len(self.blocking)} blocking rules:",
            *(f"  {rule}" for rule in self.blocking),
            "leave out the comparisons and rules that need a field no record holds",
            f"estimate the model by expectation maximisation from {self.train_from:,} records up "
            f"(u from up to {self.u_pairs:,} random pairs, seed {self.seed}; each session on at "
            f"most about {self.em_pairs:,} pairs); below that, use the "
            f"starting m and u and a prior match probability of {self.prior}",
            f"link pairs at match probability {self.link_at} or more when the name and another "
            "field agree (or, where the name disagrees, the same identifier and two more "
            "fields) and no reviewer ruled them different",
            f"send pairs from {self.review_from} up to the review queue",
        ]
