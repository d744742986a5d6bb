"""Amounts in a sentence: numerals in any grouping, number words, ranges and vague amounts."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from text_to_num import text2num

from rollbook.ingest.figures.lexicon import lexicon
from rollbook.ingest.figures.tokens import Token

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
]
_NUMBER_WORDS = frozenset(_UNITS)
#: Two numerals joined by a dash: "30-40", "640 – 780".
RANGE = re.compile(r"(\d[\d,.]*)\s*[-–—]\s*(\d[\d,.]*)")
_SCALES = ("hundred", "thousand", "million")


class Amount(NamedTuple):
    """An amount the text states, over tokens first..last (inclusive); a named tuple, quick
    to make: a report holds hundreds."""

    first: int
    last: int
    value: int | None = None
    low: int | None = None
    high: int | None = None
    vague: bool = False  # "dozens": a lower bound from the words
    weak: bool = False  # "a", "one": an amount only before a person or casualty noun
    about: bool = False  # "a dozen": an approximate amount in itself


_FRACTION = re.compile(r"\d+[.,]\d{1,2}")
#: A numeral with its thousands grouped ("2,881", "2.881", "2 881").
_GROUPED = re.compile(r"\d{1,3}(?:[,. \u00a0\u202f\u2009]\d{3})+")
_NOT_DIGIT = re.compile(r"\D")


def numeral(text: str) -> int | None:
    """The integer a numeral writes, reading ',', '.' and spaces as thousands marks."""
    grouped = _GROUPED.fullmatch(text)
    if grouped:
        return int(_NOT_DIGIT.sub("", text))
    try:
        return round(float(text.replace(",", "")))
    except ValueError:
        return None


def _decimal(text: str) -> float | None:
    """The number a numeral before a scale writes: "2.06" or "2,06" (a decimal comma) million,
    "2,881" thousand."""
    try:
        return float(text.replace(",", "." if _FRACTION.fullmatch(text) else ""))
    except ValueError:
        return None


def is_number_word(low: str) -> bool:
    return all(part in _NUMBER_WORDS for part in low.split("-"))


_NUMERALS = frozenset(["number", "range"])


def amounts(tokens: tuple[Token, ...], words: list[str]) -> list[Amount]:
    """Every amount in a sentence's tokens (`words` in lower case), left to right."""
    lex = lexicon()
    found: list[Amount] = []
    openers = _openers()
    after = 0  # the first token the amounts found so far leave free
    for i in [
        n for n, t in enumerate(tokens) if t.kind in _NUMERALS or t.low in openers or "-" in t.low
    ]:  # the tokens an amount may start at: most tokens start none
        if i < after:
            continue
        token = tokens[i]
        amount: Amount | None = None
        if token.kind == "number":
            amount = _numeral_amount(tokens, words, i)
        elif token.kind == "range":
            match = RANGE.fullmatch(token.text)
            if match:
                low, high = numeral(match.group(1)), numeral(match.group(2))
                if low is not None and high is not None and low < high:
                    amount = Amount(i, i, low=low, high=high)
        elif token.kind == "word" and (
            token.low in openers
            or ("-" in token.low and token.low.partition("-")[0] in _NUMBER_WORDS)
        ):
            # "a" and "an" open a longer amount only before its next word ("a dozen")
            following = words[i + 1] if i + 1 < len(words) else ""
            plain = token.low in ("a", "an") and following not in _after_a()
            amount = None if plain else _word_amount(words, i)
            counted = i + 1 < len(tokens) and (
                tokens[i + 1].kind in _NUMERALS or following in _NUMBER_WORDS
            )  # "another nine men": nine, not one
            if amount is None and token.low in lex.singular and not counted:
                amount = Amount(i, i, value=1, weak=True)
        if amount is not None:
            amount = _with_its_numeral(tokens, amount) or _with_its_words(tokens, words, amount)
            found.append(amount)
            after = amount.last + 1
    return found


def _with_its_numeral(tokens: tuple[Token, ...], amount: Amount) -> Amount | None:
    """A number word with its figure after it in brackets, as one amount: "two (2) more";
    None where no such figure follows."""
    bracket = tokens[amount.last + 1 : amount.last + 4]
    if (
        len(bracket) == 3
        and bracket[0].text == "("
        and bracket[2].text == ")"
        and bracket[1].kind == "number"
        and amount.value is not None
        and numeral(bracket[1].text) == amount.value
        and tokens[amount.last].kind == "word"
    ):
        return amount._replace(last=amount.last + 3)
    return None


def _with_its_words(tokens: tuple[Token, ...], words: list[str], amount: Amount) -> Amount:
    """A figure with its number words after it in brackets, as one amount, as formal texts
    write it: "14 (fourteen) deceased persons", "37 (thirty-seven)"."""
    opening = amount.last + 1
    if words[opening : opening + 1] != ["("] or tokens[amount.last].kind != "number":
        return amount
    spelled = _word_amount(words, opening + 1)
    if (
        spelled is not None
        and spelled.value == amount.value
        and words[spelled.last + 1 : spelled.last + 2] == [")"]
    ):
        return amount._replace(last=spelled.last + 1)
    return amount


def _numeral_amount(tokens: tuple[Token, ...], words: list[str], i: int) -> Amount | None:
    value = numeral(tokens[i].text)
    if value is None:
        return None
    last = i
    nxt = words[i + 1] if i + 1 < len(words) else ""
    multiplier = lexicon().multipliers.get(nxt)
    if (multiplier and nxt not in ("m", "k", "bn")) or (
        multiplier and tokens[i + 1].start == tokens[i].end
    ):
        decimal = _decimal(tokens[i].text)
        if decimal is not None:
            value = round(decimal * multiplier)
            last = i + 1
    elif _FRACTION.fullmatch(tokens[i].text):
        return None  # "4.0", "2.5": a version or a measure, never a count of people
    return Amount(i, last, value=value)


@cache
def _after_a() -> frozenset[str]:
    """The words after "a" or "an" in the amounts that open with them, and the scales ("a
    hundred")."""
    lex = lexicon()
    phrases = [p.split() for p in [*lex.exact_amounts, *lex.vague_amounts]]
    return frozenset({p[1] for p in phrases if len(p) > 1 and p[0] in ("a", "an")} | {*_SCALES})


@cache
def _openers() -> frozenset[str]:
    lex = lexicon()
    phrases = [*lex.exact_amounts, *lex.vague_amounts]
    return frozenset({p.split()[0] for p in phrases} | _NUMBER_WORDS | lex.singular)


def _word_amount(words: list[str], i: int) -> Amount | None:
    lex = lexicon()
    # Vague and idiomatic amounts, longest first: "tens of thousands", "a dozen".
    for n in (4, 3, 2, 1):
        if i + n > len(words):
            continue  # "several" ending a text is one word, not four
        phrase = " ".join(words[i : i + n])
        if phrase in lex.exact_amounts:
            return Amount(i, i + n - 1, value=lex.exact_amounts[phrase], about=True)
        if lex.vague_amounts.get(phrase):
            return Amount(i, i + n - 1, low=lex.vague_amounts[phrase], vague=True)
    a_hundred = words[i] in ("a", "one") and i + 1 < len(words) and words[i + 1] in _SCALES
    if (not is_number_word(words[i]) or words[i] in _SCALES) and not a_hundred:
        return None
    last = i
    while last + 1 < len(words) and (
        is_number_word(words[last + 1])
        or (
            words[last + 1] == "and"
            and last + 2 < len(words)
            and is_number_word(words[last + 2])
            and words[last + 2] not in _SCALES
            and words[last] in _SCALES
        )
    ):
        last += 1
    phrase = " ".join(words[i : last + 1]).replace("-", " ")
    if a_hundred:
        phrase = "one " + phrase.split(" ", 1)[1]  # "a hundred"
    try:
        value = text2num(phrase, "en")
    except ValueError:
        return None
    if last + 1 < len(words) and words[last + 1] == "dozen":
        return Amount(i, last + 1, value=value * 12)
    weak = phrase == "one"
    return Amount(i, last, value=value, weak=weak)
