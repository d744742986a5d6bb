"""The words of casualty reporting (resources/figures.toml), loaded once as phrase sets."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from rollbook.model.claims import Category


class Phrases:
    """A set of word sequences, matched against lower-case tokens before or after a place."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._set = frozenset(tuple(p.split()) for p in phrases)
        # Phrase lengths by first and by last word, longest first: most words start none.
        self._by_first: dict[str, list[int]] = {}
        self._by_last: dict[str, list[int]] = {}
        for phrase in self._set:
            self._by_first.setdefault(phrase[0], []).append(len(phrase))
            self._by_last.setdefault(phrase[-1], []).append(len(phrase))
        for lengths in (*self._by_first.values(), *self._by_last.values()):
            lengths.sort(reverse=True)

    def __contains__(self, words: object) -> bool:
        return words in self._set

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return iter(self._set)

    def ending_at(self, words: Sequence[str], end: int) -> int:
        """The length of the longest phrase that ends just before `end`, or 0."""
        if end <= 0:
            return 0
        for n in self._by_last.get(words[end - 1], ()):
            if n <= end and (n == 1 or tuple(words[end - n : end]) in self._set):
                return n
        return 0

    def starting_at(self, words: Sequence[str], start: int) -> int:
        """The length of the longest phrase that starts at `start`, or 0."""
        if start >= len(words):
            return 0
        for n in self._by_first.get(words[start], ()):
            if start + n <= len(words) and (n == 1 or tuple(words[start : start + n]) in self._set):
                return n
        return 0


class Kinds:
    """The phrases of every category in one index: at a place, the longest phrase starting
    there and its category (the first category listed, of equally long ones) in one look-up
    rather than one per category. The grammar asks this at almost every word."""

    def __init__(self, kinds: Mapping[Category, Phrases], none: Phrases) -> None:
        order = {category: n for n, category in enumerate(kinds)}
        self._by_first: dict[str, list[tuple[int, Category | None, tuple[str, ...]]]] = {}
        for category, phrases in kinds.items():
            for phrase in phrases:
                self._by_first.setdefault(phrase[0], []).append((len(phrase), category, phrase))
        for phrase in none:  # "held responsible": no one held captive
            self._by_first.setdefault(phrase[0], []).append((len(phrase), None, phrase))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: (-e[0], -1 if e[1] is None else order[e[1]]))

    def longest_at(self, words: Sequence[str], start: int) -> tuple[int, Category] | None:
        """The length and category of the longest phrase that starts at `start`, or None;
        None also where a longer phrase of no category starts there."""
        if start >= len(words):
            return None
        for n, category, phrase in self._by_first.get(words[start], ()):
            if start + n <= len(words) and (n == 1 or tuple(words[start : start + n]) == phrase):
                return None if category is None else (n, category)
        return None


@dataclass(frozen=True)
class Lexicon:
    """Every word list the figure grammar reads, by what it signals."""

    exact_amounts: Mapping[str, int]
    vague_amounts: Mapping[str, int]
    multipliers: Mapping[str, int]
    singular: frozenset[str]
    qualifiers: Mapping[str, Phrases]
    any_qualifier: Phrases  # every qualifier's phrases: how long the one before a figure is
    categories: Mapping[Category, Phrases]
    category_index: Kinds
    category_before: Mapping[Category, Phrases]
    people: Phrases
    not_people: Phrases
    links: frozenset[str]
    hypothetical: Phrases
    negation: frozenset[str]
    previous_before: Phrases
    revision_verbs: Phrases
    increment: Phrases
    increment_after: frozenset[str]
    say_verbs: frozenset[str]
    according: Phrases
    claimant_heads: frozenset[str]
    claimant_modifiers: frozenset[str]
    own: frozenset[str]
    enemy: frozenset[str]
    parties: Mapping[str, str]


def _with_singulars(nouns: list[str]) -> list[str]:
    """People nouns and their singulars: "a reservist" as well as "12 reservists"."""
    singular = [n[:-1] for n in nouns if n.endswith("s") and not n.endswith(("ss", "us", "ies"))]
    return [*nouns, *singular]


@cache
def _resource() -> dict[str, Any]:
    """resources/figures.toml, read once."""
    text = (files("rollbook") / "resources" / "figures.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def lexicon() -> Lexicon:
    """The lexicon, read from the package's resources once."""
    raw = _resource()
    cues = raw["cues"]
    categories = {Category(name): Phrases(words) for name, words in raw["categories"].items()}
    return Lexicon(
        exact_amounts=raw["numbers"]["exact"],
        vague_amounts=raw["numbers"]["vague"],
        multipliers=raw["numbers"]["multipliers"],
        singular=frozenset(raw["numbers"]["singular"]),
        qualifiers={name: Phrases(words) for name, words in raw["qualifiers"].items()},
        any_qualifier=Phrases(w for words in raw["qualifiers"].values() for w in words),
        categories=categories,
        category_index=Kinds(categories, Phrases(cues["not_categories"])),
        category_before={
            Category(name.removesuffix("_before")): Phrases(words)
            for name, words in cues.items()
            if name.endswith("_before") and name != "previous_before"
        },
        people=Phrases(_with_singulars(raw["people"]["nouns"])),
        not_people=Phrases(raw["people"]["not_people"]),
        links=frozenset(cues["links"]),
        hypothetical=Phrases(cues["hypothetical"]),
        negation=frozenset(cues["negation"]),
        previous_before=Phrases(cues["previous_before"]),
        revision_verbs=Phrases(cues["revision_verbs"]),
        increment=Phrases(cues["increment"]),
        increment_after=frozenset(cues["increment_after"]),
        say_verbs=frozenset(cues["say_verbs"]),
        according=Phrases(cues["according"]),
        claimant_heads=frozenset(cues["claimant_heads"]),
        claimant_modifiers=frozenset(cues["claimant_modifiers"]),
        own=frozenset(cues["own"]),
        enemy=frozenset(cues["enemy"]),
        parties={
            **_countries(),
            **{side.lower(): side for side in raw["parties"].values()},
            **raw["parties"],
        },
    )


def _countries() -> dict[str, str]:
    """Every state by its names, its people's words and their plurals, and its possessive
    (resources/countries.toml), lowercased as the reader looks them up."""
    raw = tomllib.loads((files("rollbook") / "resources" / "countries.toml").read_text("utf-8"))
    sides: dict[str, str] = {}
    for name, people in raw["people"].items():
        for word in (name, f"{name}'s", *people):
            sides[word.lower()] = name
        for word in people:
            if not word.endswith(("ese", "sh", "ch", "ss", "z", "s")):
                sides[word.lower() + "s"] = name  # "Afghans", "Iraqis", "Serbs"
    for alias, name in raw["other_names"].items():
        sides[alias.lower()] = name
        sides[f"{alias.lower()}'s"] = name
    return sides


#: The grammar's small word sets (resources/figures.toml, [grammar]), by name.
GRAMMAR_WORDS: Mapping[str, frozenset[str]] = {
    name: frozenset(words.split()) for name, words in _resource()["grammar"].items()
}


#: International agencies named by what they do, by their initials (resources/figures.toml,
#: [agencies]): "un refugee agency" -> "UNHCR".
AGENCIES: Mapping[str, str] = dict(_resource()["agencies"])


#: Titles written with a full stop before a name: "Mr.", "Sgt.", "Dr.".
TITLES = GRAMMAR_WORDS["titles"]


def titled(words: Sequence[str], i: int) -> bool:
    """Whether the full stop at `i` ends a title or an initial before a name: "Mr. Arvo
    Lind", "Sgt. Ivo Marr", "F. Nazarov"; no sentence ends there."""
    return (
        words[i] == "."
        and i > 0
        and (words[i - 1] in TITLES or (len(words[i - 1]) == 1 and words[i - 1].isalpha()))
    )
