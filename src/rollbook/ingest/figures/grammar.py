"""The casualty grammar: which amounts in a sentence count people killed, missing, wounded,
captured or displaced, with what qualifier, revising what earlier figure.

Each decision rests on words next to the amount, so every claim can be explained by the
text it came from: the qualifier just before it, the verb or noun that says what happened
to the people counted, the word that marks a figure as earlier, hypothetical or denied.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from rollbook.ingest.figures.lexicon import GRAMMAR_WORDS, Lexicon, Phrases, lexicon, titled
from rollbook.ingest.figures.numbers import Amount, amounts, is_number_word
from rollbook.ingest.figures.tokens import POSSESSIVE, Sentence, Token
from rollbook.model.claims import Category, Qualifier

_MONTHS = GRAMMAR_WORDS["months"]
_HARD_STOPS = frozenset('.;!?()[]|"“”')
_CLAUSE_STOPS = _HARD_STOPS | {","}
_NOT_COUNTS_BEFORE = GRAMMAR_WORDS["not_counts_before"]
_PASSING = GRAMMAR_WORDS["passing"]
# Category words that describe people rather than name them: "30 wounded" is a figure of
# the wounded, "11 detainees died" one of the killed.
_PARTICIPLES = GRAMMAR_WORDS["participles"]
_SPEECH = GRAMMAR_WORDS["speech"]
_CLAUSE_BREAKS = GRAMMAR_WORDS["clause_breaks"]


@dataclass(frozen=True, slots=True)
class Figure:
    """A casualty figure found in a sentence, before its claimant and date are settled."""

    category: Category
    qualifier: Qualifier
    value: int | None
    low: int | None
    high: int | None
    start: int  # character span of the words that state it
    end: int
    first: int  # token span of the amount itself
    last: int
    group: str = ""
    group_first: int = -1
    previous: int | None = None
    breakdown: bool = False  # "including 41 children": part of the figure before it
    rises: bool = False  # "has risen to 41": stated as replacing an earlier figure
    added: bool = False  # "two more bodies": a number added to a toll, not a toll
    told_before: bool = False  # "the ministry had put the toll at 24": said before now
    again: bool = False  # "raised it to 142": a figure told before, of a kind the text set
    reported_then: bool = False  # "yesterday evening we reported 15 dead": given at a past time
    compared: bool = False  # "against 64 the previous week": another period's, set beside


@dataclass(frozen=True, slots=True)
class _Earlier:
    """An amount that names the figure a newer one replaced ("up from 40")."""

    index: int
    value: int
    increment: bool  # "rose by 26": the difference, not the earlier figure
    category: Category | None = None  # "the 118 dead it announced": of the killed
    corrected: bool = False  # "two sailors, not five": replaced however far it moved


@dataclass(frozen=True, slots=True)
class Earlier:
    """An earlier figure a sentence names without its replacement beside it."""

    value: int
    category: Category | None
    bare: bool = False  # "It had given 23": a number alone, of the toll it is below
    told: bool = False  # given before now, apart from what replaced it ("Last week's ... gave 37")


def figures(
    sentence: Sentence,
    section: Category | None = None,
    context: Category | None = None,
    recent: Category | None = None,
) -> tuple[list[Figure], list[Earlier]]:
    """The casualty figures of one sentence, and the earlier figures it names that no figure
    of its own replaced ("The figure was previously announced as 2,741"), for the figure
    before it. `section` is the category a heading names ("Who was killed"), for list items
    and table cells that give only a number; `context` the category of the figure just
    before, for a sentence that breaks it down ("Of them, 1,436 are civilians"); `recent`
    that of the text's last figure, for one that names it again ("raised it to 142")."""
    lex = lexicon()
    tokens = sentence.tokens
    words = sentence.words
    every = _paired(
        lex,
        words,
        _join_ranges(
            words,
            [
                _with_ordinal(a) if _one_more_of(lex, words, a) else a
                for a in amounts(tokens, words)
                if not _not_a_count(tokens, words, a)
            ],
        ),
    )
    if not every and _NO_WORDS.isdisjoint(words):
        return _named_alone(lex, tokens, words), []  # most sentences: no amount to read
    every = _unescorted(lex, words, every)
    earlier: dict[int, _Earlier] = {}
    compared: list[Amount] = []  # counts of an earlier period beside this one's
    for n, amount in enumerate(every):
        mark = _earlier_mark(lex, words, amount, every[:n], every[n + 1 :])
        set_beside = mark is not None or words[amount.first - 1 : amount.first] == ["against"]
        if set_beside and not (mark and mark.increment) and _other_period(words, amount, every[:n]):
            compared.append(amount)
            continue
        if (
            n
            and every[n - 1] in compared
            and _next_in_list(lex, words[every[n - 1].last + 1 : amount.first])
        ):
            compared.append(amount)  # "compared with nine killed and 41 injured in 2630"
            continue
        listed = n - 1 in earlier and _next_in_list(
            lex, words[every[n - 1].last + 1 : amount.first]
        )
        if mark is None and listed and amount.value is not None:
            # "up from 5,209 and 12,314": the next of a list of earlier figures
            mark = replace(earlier[n - 1], index=amount.first, value=amount.value)
        if mark is not None:
            after = amount.last + 1  # "the figure of 4,610 persons deceased": of the killed
            named = lex.category_index.longest_at(words, after) or lex.category_index.longest_at(
                words, after + lex.people.starting_at(words, after)
            )
            earlier[n] = replace(mark, category=named[1] if named else mark.category)
    things = [  # a count of another period has its period right after it, no noun
        a
        for n, a in enumerate(every)
        if n not in earlier and a not in compared and _counts_things(tokens, words, a)
    ]
    found = [a for n, a in enumerate(every) if n not in earlier and a not in things]
    result: list[Figure] = []
    pending: list[tuple[int, Amount]] = []
    stale: list[Earlier] = []
    stale_end = -1  # where the last figure given before now ends
    for amount in found:
        if amount in compared:
            if result:  # of the kind named after it ("against three killed"), else the newer's
                named = lex.category_index.longest_at(words, amount.last + 1)
                of_kind = named[1] if named else result[-1].category
                result.append(replace(_figure(tokens, words, amount, of_kind, lex), compared=True))
            continue
        if _hypothetical(lex, words, amount) or _made_the_rise(words, amount, result):
            continue
        if _crowd_or_age(lex, words, amount):
            continue  # "a rally of several thousand people", "of those detained were under 18"
        if _our_error(words, amount):
            continue  # "An earlier version of this article said that 12": no one's figure
        joined = words[stale_end + 1 : amount.first]  # "gave 776 killed and 2,118 injured"
        if (
            _stale(words, amount) or (stale_end >= 0 and joined[-1:] == ["and"] and len(joined) < 5)
        ) and amount.value is not None:
            kind = _category(lex, tokens, words, amount, every)
            stale.append(Earlier(amount.value, kind, told=True))
            stale_end = amount.last
            continue
        if amount.weak and not _weak_counts(lex, words, amount):
            continue
        category = _category(lex, tokens, words, amount, every)
        if category is Category.CAPTURED and (
            _from_the_rubble(words, amount.last) or _back_home(words, amount.last)
        ):
            category = None  # "Rescuers freed 12 people from the rubble", "1,200 families
            # have returned to the village": no captivity
        elif category is Category.CAPTURED and _names_held(words, amount):
            category = _category_right(lex, tokens, words, amount, every)  # "holds 212 names
            # of people it says died": a list's names, held by no captor
        if category is Category.MISSING and _fate_clarified(words, amount):
            category = Category.OTHER  # "the fate of 804 of them has been clarified": found
        elif category is not Category.WOUNDED and "alive" in words and _found_alive(words, amount):
            category = Category.OTHER  # "41 of the missing have been found alive": an outcome
        if words[amount.last] in _ORDINALS:  # "a third": what the words after it say
            category = _category_right(lex, tokens, words, amount, every) or category
        of_things, label = _label(lex, words, amount) if category is None else (False, None)
        if of_things:
            continue  # "tanks — 7,900": a count of things in a list of losses
        if label is not None:
            category = label
        elif category is None and section is not None and _labelled(words, amount):
            category = section
        elif category is None and section is not None and _listed_people(lex, words, amount):
            category = section  # "The losses amounted to:" then "- North: up to 640 servicemen"
        elif category is None and section is not None and _people_alone(lex, words, amount):
            category = section  # a table's "Killed" cell: "| 4 police officers |"
        if category is None and _day_change(words, amount.first):
            base = len(result) - 1  # "241,380 (+1,040)": the day's change, of the same kind
            based = base >= 0 and result[base].last == amount.first - 3
            if not based or any(n == base for n, _ in pending):
                continue  # "tanks 4,482 (+9)": a change to a count of things, or of none
            category = result[base].category
        if category is None and Category.MISSING in (section, context) and _cases(words, amount):
            category = Category.MISSING  # a tracing service's "1,243 cases were opened"
        told = result[-1].category if result else None  # "said 9 died, later raised it to 12"
        if (
            category is None
            and (told or context or recent)
            and not amount.weak
            and _names_again(lex, words, amount)
        ):
            figure = _figure(
                tokens, words, amount, told or context or recent or Category.OTHER, lex
            )
            result.append(replace(figure, again=True))
            continue
        if category is None and amount.value is not None and _gave_then(words, amount):
            stale.append(Earlier(amount.value, None, bare=True, told=True))
            continue
        if category is None:
            if amount.weak and not _one_more(words, amount):
                continue
            pending.append((len(result), amount))
            result.append(_figure(tokens, words, amount, Category.OTHER, lex))
            continue
        result.append(_figure(tokens, words, amount, category, lex))
    result = _settle_coordination(
        result, pending, tokens, words, lex, _opened_by(lex, words) or context
    )
    # "eight of its 12 crew were killed": the twelve are the whole crew, no count of the dead
    wholes = {a.first for a in found if _whole_of_part(lex, words, a, every)}
    if wholes:
        result = [f for f in result if f.first not in wholes]
    if not _NO_WORDS.isdisjoint(words):
        result = sorted([*result, *_firm_zeros(lex, tokens, words)], key=lambda f: f.first)
    if not result:
        result = _named_alone(lex, tokens, words)  # "A third officer, Corporal Sami ..."
    if "respectively" in words:
        result = _listed_respectively(lex, tokens, words, every, result)
    result = _told_together(words, _set_off_parts(words, result))
    result, orphans = _attach_earlier(result, [earlier[n] for n in sorted(earlier)], words)
    # "2,312 trucks entered, down from 3,107": an earlier count of the things before it; but
    # not "197, and the article described the rise as a doubling"
    counted = [a.first for a in things if not a.weak]
    return result, [
        Earlier(mark.value, mark.category or _named_in(lex, words, mark.index))
        for mark in orphans
        if not any(first < mark.index for first in counted)
    ] + stale


def _unescorted(lex: Lexicon, words: list[str], every: list[Amount]) -> list[Amount]:
    """The amounts but those the people counted before them were doing something to ("five
    policemen escorting a team of eight vaccinators were killed"), which count no victims."""
    kept: list[Amount] = []
    for amount in every:
        before = next((a for a in reversed(kept) if not a.weak), None)
        between = words[before.last + 1 : amount.first] if before else []
        doing = next((i for i, w in enumerate(between[1:3], 1) if w.endswith("ing")), 0)
        if (
            doing
            and before is not None
            and lex.people.starting_at(words, before.last + 1)
            and between[doing] not in _NOT_DOING
            and len(between) <= 6
            and _CLAUSE_END.isdisjoint(between)
            and _BEING.isdisjoint(between[:doing])  # not "24 is reporting eight bodies"
        ):
            kept = [a for a in kept if a.first <= before.last]  # and "a" team
            continue
        kept.append(amount)
    return kept


_BEING = frozenset(["is", "are", "was", "were", "be", "been", "had", "has", "have"])


#: Words in "-ing" that are no verb of what people were doing: "including six children".
_NOT_DOING = frozenset(["including", "during", "according", "following", "regarding", "concerning",
                        "excluding", "building", "morning", "evening", "bring", "king",
                        "fighting", "wing", "ceiling", "missing", "remaining",
                        "surviving"])  # fmt: skip


def _listed_respectively(
    lex: Lexicon,
    tokens: tuple[Token, ...],
    words: list[str],
    every: list[Amount],
    found: list[Figure],
) -> list[Figure]:
    """ "142, 196 and 87 cadres respectively were neutralised": each amount of a list whose
    last one a figure reads, and "respectively" after it, is a figure of that kind too."""
    starts = {a.last: a for a in every}
    result = list(found)
    for figure in found:
        if "respectively" not in words[figure.last + 1 : figure.last + 6]:
            continue
        at = figure.first - 1
        while words[at : at + 1] in (["and"], [","]) and (listed := starts.get(at - 1)):
            if all(f.first != listed.first for f in result):
                alike = _figure(tokens, words, listed, figure.category, lex)
                result.append(replace(alike, group=figure.group, end=figure.end))
            at = listed.first - 1
    return sorted(result, key=lambda f: f.first)


_PERIODS = GRAMMAR_WORDS["periods"]


def _other_period(words: list[str], amount: Amount, before_it: list[Amount]) -> bool:
    """ "23 deaths this week, down from 35 the week before", "121 deaths in May, against 109
    in April": the count of another period beside this period's, a figure of its own rather
    than one the newer count replaced (a total "up from 373 last week" replaced one)."""
    beside = amount.first - 1
    while beside > 0 and words[beside] in _ROUGHLY:
        beside -= 1  # "up from about 29,000 in September"
    if not before_it or words[beside : beside + 1] not in _SET_BESIDE:
        return False
    after = words[amount.last + 1 : amount.last + 11]
    while after and (after[0] in _COUNTED or after[0] == "and" or _a_numeral(after[0])):
        after = after[1:]  # "compared with 44 killed (and 51 injured) the previous week"
    newer = next((a for a in reversed(before_it) if not a.weak), before_it[-1])  # not "a"
    between = words[newer.last + 1 : amount.first]
    first = _listed_from(words, before_it, newer)  # "In 2710 ... 286 deaths and 741 injuries"
    leading = words[max(0, first - 8) : first]  # "killed this year to 27"
    opening = (  # the sentence's opening clause, beside a figure "compared with" another
        words[: words.index(",")] if "," in words[: newer.first] and words[beside] != "from" else []
    )
    # a count since a day beside one of another year ("63 since 1 January, compared with 22
    # in the same period of 2613"); but "since 4 November, up from 17,112 a week earlier" is
    # the same running count, raised
    since_day = _since_day(between) or (  # "Since 1 January, 11 ..., compared with six in 2023"
        _since_day(leading) and any(_a_year(w) for w in after)
    )
    return (
        _names_period(after, earlier=True)
        and (
            _names_period(between, earlier=False)
            or _names_period(leading, earlier=False)
            or _names_period(opening, earlier=False)  # "Between 12 and 18 July, HRMMV verified"
            or (since_day and after[:1] == ["in"])
            or (between != [] and between[0] in _PERIODS)  # "214 people in the seven days"
        )
    )


def _since_day(words: list[str]) -> bool:
    """Whether the words date a count from a day: "since 1 January"."""
    return any(
        w == "since" and n + 1 < len(words) and words[n + 1][:1].isdigit()
        for n, w in enumerate(words)
    )


def _listed_from(words: list[str], before_it: list[Amount], newer: Amount) -> int:
    """Where the list that ends with `newer` starts: "286 civilian deaths and 741 injuries"
    starts at 286, whose words before say the period of both."""
    first = newer.first
    for amount in reversed(before_it):
        if amount.last >= first:
            continue
        between = words[amount.last + 1 : first]
        if len(between) > 4 or ("and" not in between and "," not in between):
            break
        first = amount.first
    return first


#: Words that date a running count rather than a period: "since 4 March 2622", "as of".
_RUNNING = frozenset(["since", "as"])
#: Verbs that make a year the start of a running count, not a period's: "since the war began
#: in 2593" (as `when` reads the year after them as a period's start).
_WAR_STARTED = frozenset(["began", "begun", "started", "erupted"])


def _a_numeral(word: str) -> bool:
    return word.replace(",", "").isdigit() or is_number_word(word)


def _names_period(words: list[str], earlier: bool) -> bool:
    """Whether the words open with (`earlier`: "the week before", "the previous month", "in
    April", "in week 14") or hold ("this week", "during the month", "in May") a period."""
    if not words:
        return False
    if earlier:
        if words[:3] in _OVER_THE_LAST:
            words = words[1:]  # "compared with 118 killed in the previous seven days"
        first, second = [*words[:2], "", ""][:2]
        return (
            (first == "the" and (second in _PERIODS or second in ("previous", "preceding")))
            or (first == "last" and second in _PERIODS)  # "15 last year"
            or (first == "in" and (second == "week" or second in _MONTHS or _a_year(second)))
            or words[:3] in (["in", "the", "whole"], ["in", "all", "of"])  # "in the whole of 2550"
            or (first == "in" and second == "the" and words[2:3] in (["first"], ["last"]))
            # "compared with 3,950 in the last nine months of 2722"
            or (words[1:3] == ["the", "same"] and first in ("in", "for", "over", "during"))
            # "compared with 29 in the same period last year", "97 for the same period"
            or (first == "a" and second in _PERIODS and words[2:3] in (["earlier"], ["before"]))
        )
    return any(
        (w in ("this", "during", "the") and after in _PERIODS)
        or (w in ("in", "since") and (after in _MONTHS or after == "week"))
        or (w in ("first", "second") and after in ("half", "quarter"))  # "in the first half"
        or (w == "between" and (_a_numeral(after) or after in _DAYS))  # "between 21 and 27 May"
        or (w in ("in", "of", "during") and _a_year(after) and _WAR_STARTED.isdisjoint(words))
        # "killed 17 people in 2630"; not "missing since the conflict began in 2593"
        or (w in _MONTHS and _a_year(after) and _RUNNING.isdisjoint(words))  # "to 24 Dec 2609"
        for w, after in zip(words, [*words[1:], ""], strict=True)
    )


_OVER_THE_LAST = [
    [w, "the", last] for w in ("in", "over", "during") for last in ("previous", "preceding")
]


def _a_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit()


#: The words that make an amount approximate or a bound: "about", "more than".
_ROUGHLY = frozenset(["about", "around", "some", "nearly", "almost", "roughly", "approximately",
                      "over", "under", "just", "more", "than", "fewer", "less", "at", "least",
                      "most", "only"])  # fmt: skip
#: Words for whom a count counts, between it and its period: "44 killed the previous week".
_COUNTED = frozenset(["killed", "dead", "deaths", "death", "people", "civilians", "wounded",
                      "injured", "displaced", "missing", "fatalities", "fatality", "casualties",
                      "casualty", "persons", "person", "injuries", "injury"])  # fmt: skip
#: The words that set a count beside another: "down from", "compared with", "against".
_SET_BESIDE = (["from"], ["with"], ["to"], ["against"], ["versus"])


#: The marks after a label of a count: "wounded - 23", "missing: 4".
_LABEL_MARKS = (["-"], ["–"], ["—"], [":"])
#: Verbs that end a relative clause about the people counted and say what befell them.
_MAIN_VERBS = frozenset(["were", "was", "have", "has", "are", "is", "died"])


def _made_the_rise(words: list[str], amount: Amount, result: list[Figure]) -> bool:
    """ "The toll rose to 13 after two of the injured died": the deaths a new total counts
    in, not a figure of their own."""
    return (
        words[amount.first - 1 : amount.first] == ["after"]
        and words[amount.last + 1 : amount.last + 3] in (["of", "the"], ["of", "those"])
        and any(f.category is Category.KILLED for f in result)
    )


def _named_in(lex: Lexicon, words: list[str], end: int) -> Category | None:
    """The first thing a sentence says happened to people before `end` ("The cumulative number
    of people killed has been revised upwards from 4,861"), for the earlier figure it gives
    alone; not what the words after it explain ("owing to the identification of remains")."""
    for i in range(end):
        found = lex.category_index.longest_at(words, i)
        if found is not None and found[1] is not Category.OTHER:
            if words[max(0, i - 2) : i] == ["of", "the"]:  # "some of the wounded had died"
                since = _category_word_within(lex, words, i + found[0], 3)
                return since if since not in (None, Category.OTHER) else found[1]
            return found[1]
    return None


_STALE_WORDS = GRAMMAR_WORDS["stale_words"]
_DOCUMENT_NOUNS = GRAMMAR_WORDS["document_nouns"]


_AGAIN_SKIPPED = frozenset(["now", "still", "already", "again", "up", "upward", "upwards", "down",
                            "downward", "downwards"])  # fmt: skip
_IS = frozenset(["is", "was", "became", "becomes", "remains", "remained"])
_STOOD = frozenset(["stood", "stands", "remains", "remained", "put", "puts"])
_POINTERS = frozenset(["it", "this", "that"])
_FIGURE_NOUNS = frozenset(["figure", "toll", "tally", "count"])
_DIALLED = (["emergency"], ["phone"], ["telephone"], ["hotline"], ["helpline"], ["contact"],
            ["reference"], ["case"], ["serial"], ["registration"], ["free"])  # fmt: skip


def _names_again(lex: Lexicon, words: list[str], amount: Amount) -> bool:
    """Whether an amount is the value of a figure the text told before, named by a pronoun
    or a tally noun: "the ministry raised it to 142", "corrected this figure to 19", "The
    figure given by the city administration on Wednesday was 24", "its figure of 9,412"."""
    at = amount.first - _qualifier_length(lex, words, amount.first)
    while at > 0 and words[at - 1] in _AGAIN_SKIPPED:
        at -= 1
    link = words[at - 1] if at > 0 else ""
    head = words[max(0, at - 16) : at - 1]
    near = head[-8:]
    if any(
        w in _HARD_STOPS
        or (
            (is_number_word(w) or w[:1].isdigit())
            and _MONTHS.isdisjoint(near[max(0, i - 1) : i + 2])
        )
        for i, w in enumerate(near)
    ):  # a break, or a number other than a date's ("our statement of 5 August")
        head = head[-1:] if link == "of" else []  # only "figure of" may follow a break
    if link in ("to", "at"):
        # "bringing the total since the invasion of 9 March 2662 to": past the period too
        reach = 13 if "since" in head[-9:] else 7
        verb = next((i for i in range(len(head) - 1, max(-1, len(head) - reach), -1)
                     if lex.revision_verbs.starting_at(head, i)), None)  # fmt: skip
        named = [] if verb is None else head[verb + 1 :]
        if named and (named[0] in _POINTERS or not _TALLY_NOUNS.isdisjoint(named)):
            return True  # "raised it to", "corrected this figure to"
        if verb is not None and not named and not _TALLY_NOUNS.isdisjoint(head[verb - 4 : verb]):
            return True  # "17 were killed, a figure it later lowered to 15"
        if link == "to" or head[-1:] == [] or head[-1] not in _STOOD:
            return False  # else "the ministry's count stands at"
    elif link == "of":  # "its figure of 9,412", not "a total of 126 rescuers"
        return head[-1:] != [] and head[-1] in _FIGURE_NOUNS
    elif link not in _IS and not (link == "read" and head[-1:] == ["should"]):
        return False  # but "That figure should read 47", a figure set right
    nouns = [i for i in range(max(0, len(head) - 12), len(head)) if head[i] in _TALLY_NOUNS]
    if not nouns or head[nouns[-1] - 1 : nouns[-1]] in _DIALLED:
        return False  # not "The ambulance emergency number is 9"
    of = nouns[-1] + 1  # not "the number of drones launched was 24"
    return head[of : of + 1] != ["of"] or not any(
        lex.not_people.starting_at(head, i) for i in range(of + 1, min(len(head), of + 4))
    )


def _our_error(words: list[str], amount: Amount) -> bool:
    """Whether the outlet tells a figure its own earlier text gave in error ("An earlier
    version of this article said 12 were killed"): neither a claim nor anyone's earlier
    figure."""
    before = words[max(0, amount.first - 14) : amount.first]
    return any(
        before[i : i + 3] == ["version", "of", "this"] and before[i - 1] in _STALE_WORDS
        for i in range(1, len(before) - 2)
    )


def _stale(words: list[str], amount: Amount) -> bool:
    """ "Yesterday's bulletin listed 1,289 killed", "A week ago our count stood at 40,677": a
    figure an earlier document gave, or one a figure had at a time now past."""
    for i in range(amount.first - 1, max(0, amount.first - 8) - 1, -1):
        if words[i] == ":":
            break  # "yesterday's figure of two dead: a man who was injured on Monday died"
        noun = i + 2 if words[i + 1] in _PERIODICAL else i + 1  # "last monthly summary"
        if words[i] in _STALE_WORDS and noun < len(words) and words[noun] in _DOCUMENT_NOUNS:
            # not "our earlier figure also wrongly included 9 auxiliaries": a part of it
            return _INCLUDED.isdisjoint(words[i + 2 : amount.first])
    if _as_said_then(words, amount):
        return True
    clause = words[max(0, amount.first - 10) : amount.first]
    if "," in clause:
        clause = clause[len(clause) - clause[::-1].index(",") :]
    return (
        not amount.weak
        and (clause[-1:] == ["was"] or clause[-2:] == ["stood", "at"])
        and not _PAST.isdisjoint(clause)
        and not _DOCUMENT_NOUNS.isdisjoint(clause)
    )


def _as_said_then(words: list[str], amount: Amount) -> bool:
    """ "As I said last night, we had 11 confirmed dead", "As I said yesterday, 19 was the
    figure": a speaker's figure of a time past, unless the speaker says it still holds ("we
    have 42 dead") or what follows it moves to now ("so we are now at 23")."""
    for i in range(amount.first - 3):
        if (
            words[i] == "as"
            and words[i + 1] in ("i", "we")
            and words[i + 2] in ("said", "told", "reported", "announced", "mentioned")
        ):
            between = words[i + 3 : amount.first]
            return (
                not _PAST.isdisjoint(between[:4])
                and _NOW.isdisjoint(between)
                and not _WAS.isdisjoint([*between, *words[amount.last + 1 : amount.last + 3]])
            )
    return False


#: Verbs that put a figure in its time: "we had 11", "19 was the figure".
_WAS = frozenset(["had", "was", "were", "gave", "stood"])
#: Words that bring a figure to the present: "so the figure this morning is 14".
_NOW = frozenset(["now", "today", "morning", "currently", "latest"])
_INCLUDED = GRAMMAR_WORDS["included"]
#: How often a document comes out, between "last" and its noun: "the last monthly summary".
_PERIODICAL = frozenset(["daily", "weekly", "monthly", "quarterly", "annual"])
#: Words that put a time in the past: "a week ago", "yesterday", "last week".
_PAST = frozenset(["ago", "yesterday", "last", "earlier", "previously"])
#: Verbs that say a figure was given before: "from four announced on Friday".
_STATED_THEN = (["announced"], ["given"], ["reported"], ["published"], ["stated"], ["cited"])
#: Those verbs, or the end of the sentence or its clause: "revised to 1,044 killed, from
#: 1,009.", "revised its count for the week to 194 deaths, from 187, after new records"
_STATED_THEN_OR_END: tuple[list[str], ...] = (*_STATED_THEN, [], ["."], [";"], [","])
_GAVE = frozenset(["gave", "had", "reported", "announced", "published", "released", "issued",
                   "cited", "stated", "put"])  # fmt: skip


def _given_by_them(after: list[str]) -> bool:
    """Whether the words after a figure say who gave it then: "from the 23 we gave"."""
    return len(after) == 2 and after[0] in ("we", "it", "they", "he", "she") and after[1] in _GAVE


#: Documents whose number or date in a bracket's label names an earlier edition.
_EDITIONS = GRAMMAR_WORDS["edition_nouns"]
#: A bracket's label for the figure of a time before: "(yesterday evening: 53)".
_PAST_LABEL = _PAST | {"morning", "evening", "night", "update", "report", "bulletin"}


def _rises(lex: Lexicon, words: list[str], amount: Amount) -> bool:
    """ "has risen to 41", "raised the toll to 41": a figure stated as replacing another."""
    start = amount.first - _qualifier_length(lex, words, amount.first)
    if words[max(0, start - 2) : start] in (["has", "reached"], ["have", "reached"]):
        return True  # "the number of servicemen killed has reached 77"
    if start == 0 or words[start - 1] not in ("to", "at") or _preposition_before(words, start):
        return False  # "the updates add up to 27": a sum, no new toll
    return any(
        lex.revision_verbs.starting_at(words, i) for i in range(max(0, start - 16), start - 1)
    )


_ORDINALS = frozenset(["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                       "ninth", "tenth"])  # fmt: skip


def _with_ordinal(amount: Amount) -> Amount:
    """ "a third": an amount of one that takes in its ordinal."""
    return amount._replace(last=amount.last + 1, weak=False)


def _one_more_of(lex: Lexicon, words: list[str], amount: Amount) -> bool:
    """ "Two drivers were killed and a third was wounded", "A second officer was shot": one
    more person, where "a third of the dead" is a part of a figure."""
    after = amount.last + 1
    if words[amount.first] not in ("a", "an") or words[amount.first - 1 : amount.first] == ["of"]:
        return False  # not "the name of a fourth victim"
    if words[after : after + 1] == [] or words[after] not in _ORDINALS:
        return False
    if words[after + 1 : after + 2] not in _BE_DONE and not lex.people.starting_at(
        words, after + 1
    ):
        return False  # not "a second round of talks was held"
    for i in range(after + 1, min(len(words), after + 7)):
        if words[i] in _HARD_STOPS or (words[i] in (",", "of") and i == after + 1):
            return False
        if words[i] != "lost" and lex.category_index.longest_at(words, i):
            return True  # "a third was wounded", "a third member of the team remains missing"
    return False  # not "A third boy, their cousin, lost a leg"


def _weak_counts(lex: Lexicon, words: list[str], amount: Amount) -> bool:
    """ "a soldier", "one civilian": "a" and "one" count only right before a person noun,
    or before "of" some people ("one of the attackers was killed")."""
    nxt = amount.last + 1
    article = words[amount.first] in ("a", "an")
    if (
        article
        and words[max(0, amount.first - 2) : amount.first] in _SOUGHT
        and not lex.category_index.longest_at(words, nxt)
    ):
        return False  # "Families looking for a relative can call": whoever may be sought
    if words[nxt : nxt + 1] == ["of"] and not article:
        if words[nxt + 1 : nxt + 2] == ["them"]:
            return True  # "one of them, Corporal Ansel Riik, died"
        j = nxt + 2 if words[nxt + 1 : nxt + 2] in _OWNERS else nxt + 1
        return any(lex.people.starting_at(words, k) for k in (j, j + 1))
    if nxt < len(words) and words[nxt] in ("of", "in", "more"):
        return False
    if article and any(_names_a_thing(lex, words, i) for i in (nxt, nxt + 1)):
        return False  # "an official figure", "a militia checkpoint", "a volunteer project"
    before = words[max(0, amount.first - 2) : amount.first]
    if article and (
        any(_speaks(lex, words, i) for i in (nxt, nxt + 1))
        or _asks(lex, words, nxt)
        or before[-1:] in (["asked"], ["told"])
        or before == ["asked", "by"]
    ):
        return False  # "A reporter asked how many had been killed": who asks, no one counted
    person = [lex.people.starting_at(words, i) > 0 for i in (nxt, nxt + 1)]
    befell = [lex.category_index.longest_at(words, i) is not None for i in (nxt, nxt + 1)]
    if article and not any(person) and not any(befell) and _one_named_subject(lex, words, nxt):
        return True  # "A Civil Defence volunteer was injured"
    # "one is still held" counts by its verb; "a death toll", "a report released" do not, nor
    # "a bomb killed", where what befell follows a thing's name
    return person[0] or (not article and any(befell)) or (person[1] and not (article and befell[1]))


def _one_named_subject(lex: Lexicon, words: list[str], nxt: int) -> bool:
    """Whether a person noun two words on is told as befallen: "A Civil Defence volunteer
    was injured", "a Red Crescent volunteer was killed"."""
    length = lex.people.starting_at(words, nxt + 2)
    if not length or words[nxt] in _ORDINALS:
        return False  # not "A second border guard has died": one more, told elsewhere
    verb = nxt + 2 + length
    return words[verb : verb + 1] in (["was"], ["is"]) and bool(
        lex.category_index.longest_at(words, verb) or lex.category_index.longest_at(words, verb + 1)
    )


def _speaks(lex: Lexicon, words: list[str], at: int) -> bool:
    """Whether the person named at `at` speaks or asks in the words right after."""
    length = lex.people.starting_at(words, at)
    return bool(length) and words[at + length : at + length + 1] in _ASKS


def _asks(lex: Lexicon, words: list[str], start: int) -> bool:
    """Whether a question comes before any casualty word after `start`: "a reporter from a
    news agency asked how many had been killed"."""
    for i in range(start, len(words)):
        if words[i] in _QUESTIONS:
            return True
        if lex.category_index.longest_at(words, i):
            return False
    return False


_QUESTIONS = frozenset(["asked", "asks", "asking", "how", "whether", "why"])
#: What a person does who tells or asks about the dead rather than being one of them.
_ASKS = [[w] for w in (*_SPEECH, "asked", "asks", "wanted", "pressed", "questioned")]


def _fate_clarified(words: list[str], amount: Amount) -> bool:
    """Whether the fate of the people counted is told as now known: "the fate of 804 of
    these people has been clarified"."""
    if words[max(0, amount.first - 2) : amount.first] != ["fate", "of"]:
        return False
    after = words[amount.last + 1 : amount.last + 9]
    done = next((i for i, w in enumerate(after) if w in _CLARIFIED), None)
    # not "is being established", "has not been clarified", "is yet to be determined"
    return done is not None and _STILL_OPEN.isdisjoint(after[:done])


_STILL_OPEN = frozenset(["being", "not", "yet", "be", "still", "never"])


def _found_alive(words: list[str], amount: Amount) -> bool:
    """Whether the people counted are told as found alive, the outcome of a search rather
    than a loss: "39 persons on the register were found alive", "helped locate 214 people
    alive"; not "have not been found alive" nor "may yet be found alive"."""
    after = words[amount.last + 1 : amount.last + 12]
    if "alive" not in after:
        return False
    alive = after.index("alive")
    told = words[max(0, amount.first - 3) : amount.first] + after[:alive]
    found_dead = any(  # "41 have been found dead and nine have been found alive"
        w in _FINDING and n == "dead" for w, n in pairwise(after[:alive])
    )
    return not _FINDING.isdisjoint(told) and _UNFOUND.isdisjoint(after[:alive]) and not found_dead


#: Verbs that tell of people found: "were located alive", "traced alive".
_FINDING = frozenset(["found", "located", "traced", "locate", "find", "trace"])
#: Words that leave the finding undone: "not found alive", "may yet be found alive".
_UNFOUND = frozenset(["not", "never", "yet", "may", "might", "could", "hope", "hoped", ",", ";"])


_CLARIFIED = frozenset(["clarified", "established", "determined", "resolved", "ascertained"])


def _from_the_rubble(words: list[str], last: int) -> bool:
    """Whether the people an amount counts were freed from ruins, not from captivity."""
    after = words[last + 1 : last + 8]
    return "from" in after and not _RUINS.isdisjoint(after[after.index("from") :])


_RUINS = frozenset(["rubble", "debris", "wreckage", "ruins", "collapsed", "burning", "mud"])


def _names_held(words: list[str], amount: Amount) -> bool:
    """Whether the amount counts names a list holds ("the register holds the names of 1,640
    men", "it now holds 212 names"), not people someone holds."""
    before = words[max(0, amount.first - 4) : amount.first]
    named = words[amount.last + 1 : amount.last + 2] in (["names"], ["name"])
    return (named or before[-3:] == _NAMES_OF) and not _HOLD.isdisjoint(before)


_NAMES_OF = ["the", "names", "of"]
#: What a list does with names, and a captor with people: "holds", "is holding".
_HOLD = frozenset(["holds", "held", "hold", "holding"])


def _back_home(words: list[str], last: int) -> bool:
    """Whether the people an amount counts returned to the places they had fled: "1,200
    families have returned to the village", not prisoners "returned home"."""
    after = words[last + 1 : last + 9]
    for n, word in enumerate(after[:-1]):
        if word in ("returned", "return", "returning") and after[n + 1] == "to":
            return not _PLACES_BACK.isdisjoint(after[n + 2 : n + 5])
    return False


_PLACES_BACK = frozenset(["village", "villages", "town", "towns", "homes", "houses", "city",
                          "district", "area", "areas", "farms", "land", "lands", "neighbourhood",
                          "neighbourhoods", "camp", "camps"])  # fmt: skip
#: Words before "a" that make the person after it anyone sought: "looking for a relative".
_SOUGHT = [["looking", "for"], ["searching", "for"], ["search", "for"], ["contact", "with"],
           ["touch", "with"], ["news", "of"], ["news", "about"]]  # fmt: skip


def _names_a_thing(lex: Lexicon, words: list[str], at: int) -> bool:
    """Whether the people noun at `at` only qualifies a thing named right after it."""
    people = lex.people.starting_at(words, at)
    after = at + people
    return (
        people > 0
        and after < len(words)
        and (
            words[after] in _DOCUMENT_NOUNS
            or words[after] in _BODIES_OF_PEOPLE
            or lex.not_people.starting_at(words, after) > 0
        )
    )


#: Bodies made of people, which a people noun before them only qualifies.
_BODIES_OF_PEOPLE = frozenset(["project", "group", "organisation", "organization", "network",
                               "team", "committee", "office", "agency", "service"])  # fmt: skip

#: Words that may stand between "one of" and the people it picks out.
_OWNERS = (["the"], ["its"], ["our"], ["their"], ["his"], ["her"], ["those"], ["these"])


def _added(lex: Lexicon, words: list[str], amount: Amount, start: int) -> bool:
    """ "another 5", "five more bodies", "12 new deaths": a number added to a toll."""
    after = words[amount.last + 1] if amount.last + 1 < len(words) else ""
    return after in lex.increment_after or bool(lex.increment.ending_at(words, start))


def _paired(lex: Lexicon, words: list[str], found: list[Amount]) -> list[Amount]:
    """ "a man and a woman were killed", "a girl aged 12 and a boy aged 9": people named
    one by one and joined by "and" are one figure of as many."""
    result: list[Amount] = []
    for amount in found:
        before = result[-1] if result else None
        if (
            before is not None
            and before.weak
            and amount.weak
            and before.value is not None
            and words[amount.first - 1] == "and"
            and words[amount.first] in ("a", "an")
            and lex.people.starting_at(words, amount.last + 1)
            and _one_person(lex, words[before.last + 1 : amount.first - 1])
        ):
            result[-1] = before._replace(last=amount.last, value=before.value + 1)
            continue
        result.append(amount)
    return result


def _one_person(lex: Lexicon, words: list[str]) -> bool:
    """Whether words name one person, maybe with an age: "man", "girl aged 12"."""
    n = lex.people.starting_at(words, 0)
    return n > 0 and (len(words) == n or (words[n : n + 1] == ["aged"] and len(words) == n + 2))


def _demonym_plural(token: Token) -> bool:
    """Whether a word names a side's people: "Halvarians", "Vaurenese"."""
    return token.kind == "word" and token.text[:1].isupper() and token.low.endswith(("ans", "ese"))


def _crowd_or_age(lex: Lexicon, words: list[str], amount: Amount) -> bool:
    """Whether an amount counts a crowd ("a rally of several thousand people") or is an age
    ("9 of those detained were under 18"), not people that something befell."""
    start = amount.first - _qualifier_length(lex, words, amount.first)
    if words[start - 2 : start - 1] and words[start - 1] == "of" and words[start - 2] in _CROWDS:
        return True
    noun = (
        amount.last + 2 if words[amount.last + 1 : amount.last + 2] == ["of"] else amount.last + 1
    )
    people = lex.people.starting_at(words, noun)
    if (
        people
        and words[noun + people : noun + people + 1] in _GATHERED
        and _cue_before(lex, words, start) is None
    ):  # "Hundreds of people followed the bodies", "200 mourners attended"; not "killed 12
        return True  # militants gathered at a compound"
    if amount.value is None or amount.value > 120 or _people_after(words, amount.last):
        return False
    if amount.first < 2 or start < 2:
        return False
    when = words[amount.last + 1 : amount.last + 2] == ["when"] and words[start - 2] in _SOMEONE
    if words[start - 1] in _BE and ("age" in words[max(0, start - 6) : start] or when):
        return True  # "the average age of the fallen was 22", "who was 20 when he went missing"
    after = words[amount.last + 1 : amount.last + 4]
    if after[:1] in (["and"], [","]) and after[2:3] == ["years"] and after[1][:1].isdigit():
        return True  # "men of 54 and 61 years": ages, the second's "years" told once
    return words[amount.first - 1] in ("under", "over") and words[amount.first - 2] in _BE


#: What a crowd does: "thousands of people attended the funeral".
_GATHERED = (["followed"], ["attended"], ["gathered"], ["marched"], ["joined"], ["lined"],
             ["accompanied"], ["mourned"], ["filled"], ["packed"])  # fmt: skip
#: Who may have been an age "when" something befell them.
_SOMEONE = frozenset(["who", "he", "she", "i", "they", "we"])


_CROWDS = frozenset(["rally", "crowd", "protest", "demonstration", "march", "gathering",
                     "congregation", "audience"])  # fmt: skip


def _whole_of_part(lex: Lexicon, words: list[str], amount: Amount, every: list[Amount]) -> bool:
    """Whether the amount is the whole group a part of it is picked out of, before the verb
    that tells what befell the part: "eight of its 12 crew were killed", "Eight of the 40
    passengers died", "4,000 of the town's 11,000 residents had fled", "Seven of the 40
    later died"; not "four of the 15 people injured in the attack remain"."""
    if not _of_a_whole(words, amount.first):
        return False
    opening = amount.first - 2  # "of the 40", or "of the town's 11,000" one word further
    if words[opening : amount.first] not in _OF_A_WHOLE and words[opening] != "of":
        opening -= 1
    if not any(a.last == opening - 1 and a.value is not None for a in every):
        return False
    people = lex.people.starting_at(words, amount.last + 1)
    after = amount.last + 1 + people
    if people == 0 and words[after : after + 1] in (["later"], ["since"], ["subsequently"]):
        after += 1  # "Seven of the 40 later died": the 40 told before
    return after < len(words) and (
        words[after] in _MAIN_VERBS
        or words[after] == "had"
        or (people > 0 and lex.categories[Category.DISPLACED].starting_at(words, after) > 0)
    )  # "60,000 of Kaldo's 90,000 residents fled"; not "Two of the four displacement camps"


_OF_A_WHOLE = (["of", "the"], ["of", "its"], ["of", "their"], ["of", "our"])


def _day_change(words: list[str], first: int) -> bool:
    """Whether the amount starting at `first` is a change in brackets after a running
    total: "personnel killed: about 318,460 (+1,210)", "48,310 (+410 over the past day)"."""
    return words[first - 2 : first] == ["(", "+"] and _change_closed(words, first) is not None


def _change_closed(words: list[str], first: int) -> int | None:
    """Where the brackets of a change starting at `first` close, past the words of its
    period ("over the past day"); None when they hold more."""
    for i in range(first + 1, min(len(words), first + 8)):
        if words[i] == ")":
            return i
        if words[i] not in _CHANGE_PERIOD:
            return None
    return None


#: The words of a change's period in its brackets: "(+410 over the past day)".
_CHANGE_PERIOD = frozenset(["over", "in", "during", "for", "the", "past", "last", "day", "24",
                            "hours", "per", "a", "this", "week"])  # fmt: skip


def _one_more(words: list[str], amount: Amount) -> bool:
    """ "five women and a child", "among them a ten-year-old boy", "one of them seriously":
    one more of a list or a breakdown, whose category the figure before gives."""
    return words[amount.first - 1 : amount.first] in (["and"], ["them"], ["including"]) or (
        words[amount.first - 1 : amount.first] == [","]
        and words[amount.last + 1 : amount.last + 3] in (["of", "them"], ["of", "whom"])
        and words[amount.last + 3 : amount.last + 4] in _GRAVELY
    )  # "Five people were wounded, one of them seriously"


#: How badly a part of the wounded were hurt.
_GRAVELY = [["seriously"], ["critically"], ["severely"], ["gravely"], ["badly"]]


def _cases(words: list[str], amount: Amount) -> bool:
    """ "915 cases", "the remaining 915 cases": a count of missing persons' cases."""
    return words[amount.last + 1 : amount.last + 2] in (["cases"], ["case"])


def _label(lex: Lexicon, words: list[str], amount: Amount) -> tuple[bool, Category | None]:
    """Whether a line's label before its number names things ("tanks — 7,900"), and the
    category it names ("Killed: 12", "personnel (killed and wounded) — about 521,940")."""
    start = amount.first - _qualifier_length(lex, words, amount.first)
    mark = _leader(words, start)
    if mark < 0 and (start < 2 or words[start - 1] not in (":", "–", "—", "=")):
        return False, None
    mark = start - 1 if mark < 0 else mark
    opening = 0
    if mark > 8:  # "Since 1 March, police killed on duty: 14": the label after the comma
        opening = next((i + 1 for i in range(mark - 1, -1, -1) if words[i] == ","), 0)
    label = [w for w in words[opening:mark] if w not in ("-", "*", "•", "(", ")")]
    if not label or len(label) > 10:
        return False, None
    best: tuple[int, Category] | None = None
    for i in range(len(label)):
        if lex.not_people.starting_at(label, i) and _LABEL_LINKS.isdisjoint(label[:i]):
            return True, None  # "tanks — 7,900"; but "Civilians killed in attacks: 37"
        found = _longest_at(lex, label, i)
        if found and (best is None or found[0] > best[0]):
            best = found
    return False, best[1] if best else None


#: Words after which a label's things are where or how, not what it counts.
_LABEL_LINKS = frozenset(["in", "by", "from", "during", "since", "on", "at"])


def _labelled(words: list[str], amount: Amount) -> bool:
    """A bare number after a label that ends its line: "- men: 104", "Killed — 12 (4)"."""
    before = words[amount.first - 1] if amount.first else ""
    after = words[amount.last + 1] if amount.last + 1 < len(words) else ""
    marked = before in (":", "–", "—", "=") or _leader(words, amount.first) >= 0
    return marked and after in ("", "(", ",", ";", ".")


def _listed_people(lex: Lexicon, words: list[str], amount: Amount) -> bool:
    """Whether an amount of people opens what a list item gives after its label: "- North
    group (Zolmir sector): up to 640 servicemen, 9 tanks"."""
    start = amount.first - _qualifier_length(lex, words, amount.first)
    return (
        words[:1] in (["-"], ["*"], ["•"])
        and words[start - 1 : start] == [":"]
        and all(w not in _SPEECH for w in words[:start])
        and lex.people.starting_at(words, amount.last + 1) > 0
    )


def _people_alone(lex: Lexicon, words: list[str], amount: Amount) -> bool:
    """Whether the words are only the amount and the people it counts: "4 police officers",
    "1 KDF soldier"."""
    start = amount.first - _qualifier_length(lex, words, amount.first)
    return (
        start == 0 and len(words) <= amount.last + 4 and lex.people.ending_at(words, len(words)) > 0
    )


def _leader(words: list[str], start: int) -> int:
    """Where a run of four dots or more (an ellipsis has three) between a label and its
    number starts ("Killed ........ 17"), or -1 where there is none."""
    mark = start
    while mark > 0 and words[mark - 1] == ".":
        mark -= 1
    return mark if start - mark >= 4 else -1


#: Places and their people, whose number is no count of casualties: "a city of 60,000".
_PEOPLED = GRAMMAR_WORDS["peopled"]


def _ratio(tokens: tuple[Token, ...], words: list[str], first: int, last: int) -> bool:
    """Whether an amount is either side of a share, "N in M": "two in five of the dead"."""

    def whole_at(i: int) -> bool:  # "five" of "two in five of them", not "two days"
        after = words[i + 1] if i + 1 < len(words) else "."
        return (
            0 <= i < len(words)
            and (tokens[i].kind == "number" or is_number_word(words[i]))
            and not _a_year(words[i])  # "injured four in 2630, compared with"
            and (after in _RATIO_AFTER or lexicon().people.starting_at(words, i + 1) > 0)
        )

    def part_at(i: int) -> bool:
        return i >= 0 and (tokens[i].kind == "number" or is_number_word(words[i]))

    if words[last + 1 : last + 2] == ["in"] and whole_at(last + 2):
        return True
    return first >= 2 and words[first - 1] == "in" and part_at(first - 2) and whole_at(first)


#: What may follow the whole of a share: "two in five of them", "one in ten.", "victims".
_RATIO_AFTER = frozenset(["of", ",", ".", ")", ";", "were", "was", "are", "is"])


def _a_day(tokens: tuple[Token, ...], words: list[str], first: int, last: int) -> bool:
    """Whether a number of 31 or less is a day of a month: "14 May", "May 14", "Feb. 29",
    "Monday 7", and the first of two days, "between 1 and 31 May", "on 9 and 10 March"."""
    after = words[last + 1] if last + 1 < len(words) else ""
    if after in _MONTHS:
        return True
    if first and (words[first - 1] in _MONTHS or words[first - 1] in _DAYS):
        return not _people_after(words, last)  # "May 14", "Monday 7", but "in November 9 civilians"
    if first >= 2 and words[first - 1] == "." and words[first - 2] in _MONTHS:
        return True
    return (
        after in ("and", "to", "-", "–")
        and last + 3 < len(words)
        and tokens[last + 2].kind == "number"
        and words[last + 3] in _MONTHS
    )


#: Marks of money or of a number's rank before a numeral: "$ 40", "Rs 5 lakh", "№ 9".
_MONEY = frozenset(["$", "€", "£", "₹", "₦", "¥", "₽", "₴", "₪", "₺", "₸", "₱", "₩", "₫", "₵",
                    "#", "№", "rs", "inr", "usd", "eur", "chf", "gbp", "sdg", "uah", "rub", "ils",
                    "ngn", "kes", "cad", "aud", "jpy", "cny"])  # fmt: skip
#: What ends the name of a street after its number: "40 Quay Street".
_STREETS = frozenset(["street", "st", "road", "rd", "avenue", "ave", "lane", "square", "boulevard",
                      "highway", "way", "drive", "place"])  # fmt: skip
#: Words that make "one" stand for a thing named before: "this one", "the one", "which one"
#: (not "that", which opens a clause as often: "said that one civilian was killed").
_POINTING = frozenset(["this", "the", "which", "each", "every", "any"])


def _per_number(tokens: tuple[Token, ...], last: int) -> bool:
    """Whether "per" and a number follow an amount, at most one word between: "62 homicides
    per 100,000", a rate; not "12 per cent", nor "three per day"."""
    for at in (last + 1, last + 2):
        if at + 1 < len(tokens) and tokens[at].low == "per":
            return tokens[at + 1].kind == "number"
    return False


#: What "one" may say the people counted share: "four members of one family".
_HOUSEHOLDS = frozenset(["family", "household", "clan", "home", "house"])
#: Words before a year: "in 2164", "since 2150".
_YEAR_BEFORE = frozenset(["in", "since", "until", "during", "©", "copyright"])


#: Who may "number" a figure: "The wounded number 118", "the dead number 40".
_THE_COUNTED = [["dead"], ["wounded"], ["injured"], ["missing"], ["displaced"], ["victims"]]


def _years_apart(low: str, high: str) -> bool:
    """Whether two numerals are a span of years: "between 2581 and 2596"."""
    return (
        len(low) == len(high) == 4
        and low.isdigit()
        and high.isdigit()
        and 1000 <= int(low) < int(high) <= 2999
        and int(high) - int(low) < 200
    )


def _item_mark(tokens: tuple[Token, ...], at: int) -> bool:
    """Whether the mark at `at`, after a line's opening numeral, numbers a list's item: "3-",
    "7/", "4)" or a keycap "4️⃣" before the item's capitalised first word."""
    if at + 1 >= len(tokens) or tokens[at].kind != "punct":
        return False
    if tokens[at].text in _KEYCAP:
        return True
    return tokens[at].text in _ITEM_MARKS and tokens[at + 1].text[:1].isupper()


_KEYCAP = frozenset(["\ufe0f", "\u20e3"])
_ITEM_MARKS = frozenset(["-", "/", ")", "–"])


#: Names that a number completes: "Rescue 1122", "Sector 4", "Route 12", "Checkpoint 3".
_NUMBERED = frozenset(["rescue", "route", "highway", "sector", "block", "gate", "checkpoint",
                       "post", "hotline", "road", "unit", "building", "camp", "zone"])  # fmt: skip


def _not_a_count(tokens: tuple[Token, ...], words: list[str], amount: Amount) -> bool:
    """Dates, years, times, ages and ordinals are not casualty counts."""
    first, last = amount.first, amount.last
    before = words[first - 1] if first else ""
    after = words[last + 1] if last + 1 < len(words) else ""
    value = amount.value
    if _YEARS.fullmatch(tokens[first].text) and not _people_after(words, last):
        return True  # "the 2051-2055 war", "in the conflict of 2008-2010."
    if words[first] == "one" and before in _POINTING:
        return True  # "this one has killed more civilians": a pronoun, not a count
    if before == "per" or _per_number(tokens, last):
        return True  # "62 homicides per 100,000 inhabitants": a rate, and what it is per
    if (
        before in _NUMBERED
        and tokens[first - 1].text[:1].isupper()
        and not _people_after(words, last)
    ):
        return True  # "Rescue 1122", "Sector 4", "UN Post 6-52": a name's number
    if words[first] == "one" and before in ("of", "from", "in") and after in _HOUSEHOLDS:
        return True  # "four members of one family": whose they were, not one more
    if words[first] in ("a", "an") and _owners_thing(tokens, last):
        return True  # "A Sudanese doctors' group": one group, no doctors counted
    if tokens[first].kind == "range" and (amount.high or 32) <= 31 and after in _MONTHS:
        return True  # "the week of 12-18 May": days
    if tokens[first].text.startswith("0 "):
        return True  # "call the centre on 0 800 507 117": a telephone number
    if _ratio(tokens, words, first, last):
        return True  # "two in five of them", "one in three": a share, not a count
    if first == 0 and _item_mark(tokens, last + 1):
        return True  # "3- Among the martyrs", "7/ Journalists are asking", "4️⃣ Our losses"
    if tokens[first].kind == "number":
        text = tokens[first].text
        if value is not None and value <= 31 and _a_day(tokens, words, first, last):
            return True
        dated = (
            before in _MONTHS
            or before in _YEAR_BEFORE  # "in 2164", "March 2146"
            or (before == "," and first >= 3 and words[first - 3] in _MONTHS)  # "Oct 2, 2620"
        )
        if (
            before == "between"
            and after == "and"
            and last + 2 < len(words)
            and _years_apart(text, tokens[last + 2].text)
        ) or (
            before == "and"
            and first >= 3
            and words[first - 3] == "between"
            and _years_apart(tokens[first - 2].text, text)
        ):
            return True  # "killed between 2581 and 2596": years
        if (
            len(text) == 4
            and text.isdigit()
            and (1900 <= int(text) <= 2999 and (dated or not _people_after(words, last)))
        ):
            return True  # "in 2164 killed 14 soldiers", "the shelling of 2226": a year
        if (
            after in (":", ".", "/")
            and last + 2 < len(words)
            and tokens[last + 2].kind == "number"
            and tokens[last + 1].start == tokens[first].end
            and not (  # "put the toll at 18: 16 inmates and 2 guards": a breakdown follows
                before in ("at", "to") and tokens[last + 2].start > tokens[last + 1].end
            )
        ):
            return True  # a time or a fraction: "14:30", "3/4"
        if (
            before in (":", "/")
            and first >= 2
            and tokens[first - 2].kind == "number"
            and tokens[first - 1].start == tokens[first - 2].end
            and tokens[first].start == tokens[first - 1].end
        ):
            return True  # "14:30", "3/4", not "2020: 390"
        if after in ("%", "percent", "pct", "th", "st", "nd", "rd", "°") or (
            after == "per" and words[last + 2 : last + 3] == ["cent"]
        ):
            return True
        if before in _MONEY or after in ("am", "pm", "gmt", "utc", "hrs"):
            return True
        if _dialled(tokens, first):
            return True  # "our helpline is open on 0800 4400 17"
        if _addressed(tokens, last):
            return True  # "40 Quay Street, Tarrow": where, not how many
        if _age_after_name(tokens, words, amount):
            return True  # "Among the dead was Ama Okoro, 67, who sold fish"
    if before == "." and first >= 2 and words[first - 2] in ("no", "nos"):
        return True  # "Bulletin No. 27"
    if (
        before in _NOT_COUNTS_BEFORE
        and not (before == "number" and words[first - 2 : first - 1] in _THE_COUNTED)
        and not (before in _PERIODS and words[first - 2 : first - 1] in (["this"], ["last"]))
    ) or (before in ("of", ":") and first >= 2 and words[first - 2] in _LABELS_NOT_COUNTS):
        return True  # "at the age of 19", "the hotline: 1-28"; but "the wounded number 118",
        # "this year 238 soldiers"
    if before == "of" and first >= 2 and words[first - 2] in _KIN:
        return True  # "a father of three"
    if before == "and" and words[max(0, first - 4) : first - 2] in (
        ["aged", "between"],
        ["ages", "between"],
    ):
        return True  # "seven monks aged between nine and 14": the older age
    opening = first - _qualifier_length(lexicon(), words, first)
    if opening >= 2 and words[opening - 1] == "of" and words[opening - 2] in _PEOPLED:
        return True  # "a region of about 900,000 people": who live there
    if (
        words[opening - 1 : opening] == ["of"]
        and opening >= 2
        and words[opening - 2] in _ONE_PERSON
    ):
        return True  # "a woman of 64", "a man of about 60", "a child of six": an age
    if before in ("is", "was") and not _YOUNGEST.isdisjoint(words[max(0, first - 6) : first]):
        return True  # "the oldest of whom is 68", "the youngest victim was 20"
    if before in _YOUNGEST:
        return True  # "the youngest 19, the oldest 61"
    if before in ("under", "over") and first >= 2 and words[first - 2] in _OF_AN_AGE:
        return True  # "children under 12", "men over 60": their ages
    # "aged 45 and 71", "aged 18 to 60", "aged between 34 and 71": every number of a list or
    # range of ages.
    back = first - 1
    while back >= 0 and (
        words[back] in ("and", ",", "or", "to", "-", "–", "between")
        or tokens[back].kind == "number"
    ):
        back -= 1
    # Ages are numerals in news style: "the oldest aged 71, and seven were injured" goes on
    # to a count.
    if (
        back >= 0
        and back < first - 1
        and words[back] in ("aged", "ages", "age")
        and (tokens[first].kind != "word" or tokens[back + 1].kind == "word")
    ):
        return True
    # "a man (63)", "children (under 18)": an age or a note in brackets; but "(26 boys and
    # 17 girls)" breaks a figure down.
    opening = first - _qualifier_length(lexicon(), words, first)
    return opening >= 1 and words[opening - 1] == "(" and not _people_after(words, amount.last)


def _addressed(tokens: tuple[Token, ...], last: int) -> bool:
    """Whether a number is a house's in an address: one to three capitalised words after it,
    then a word for a street; not a title-cased headline's "3 Killed On Main Road"."""
    lex = lexicon()
    for n in range(last + 1, min(len(tokens), last + 5)):
        token = tokens[n]
        if token.kind != "word" or not token.text[:1].isupper():
            return False
        if lex.category_index.longest_at([token.low], 0) or lex.people.starting_at([token.low], 0):
            return False
        if n > last + 1 and token.low in _STREETS:
            return True
    return False


def _owners_thing(tokens: tuple[Token, ...], last: int) -> bool:
    """Whether the noun after an article belongs to people named in the plural possessive:
    "a doctors' group", "a Sudanese mothers' association"."""
    for n in range(last + 1, min(len(tokens) - 1, last + 4)):
        token = tokens[n]
        if token.kind != "word":
            return False
        if token.text.endswith("s") and tokens[n + 1].text in ("'", "’"):
            return True
        if token.text.islower():
            return False
    return False


def _age_after_name(tokens: tuple[Token, ...], words: list[str], amount: Amount) -> bool:
    """A numeral after a person's name of two capitalised words or more and a comma: "Ama
    Okoro, 67, who sold fish", "Among the dead was Ama Okoro, 67." (where "Merrow Heights,
    14; Old Bridge, 9" counts by place)."""
    first, last = amount.first, amount.last
    if first < 3 or (amount.value or 0) > 120 or words[first - 1] != ",":
        return False
    start = first - 2
    while start >= 0 and tokens[start].kind == "word" and tokens[start].text[:1].isupper():
        start -= 1
    if start > first - 4:
        return False
    after = words[last + 1 : last + 2]
    return after == [","] or (after in ([], ["."]) and words[start : start + 1] in _NAMING)


_NAMING = (["was"], ["is"], ["named"], ["as"])


def _dialled(tokens: tuple[Token, ...], first: int) -> bool:
    """Whether a numeral is part of a number one dials: one of three digits or more that opens
    with a 0 ("0800", not the "05" of "05 jawans"), or one that follows it with only a space
    between ("0800 4400 17")."""
    i = first
    while i > 0 and tokens[i - 1].kind == "number" and tokens[i].start - tokens[i - 1].end == 1:
        i -= 1
    text = tokens[i].text
    return len(text) > 2 and text[0] == "0" and text.isdigit()


_LABELS_NOT_COUNTS = frozenset(["age", "ages", "hotline", "phone", "telephone", "tel", "fax",
                                "involved", "deployed", "engaged"])  # fmt: skip
#: A span of years, with the full stop a sentence's last token may keep: "2008-2010.".
_YEARS = re.compile(r"(?:19|2\d)\d\d\s*[-–]\s*(?:19|2\d)\d\d\.?")
#: "A father of three": the children one has, not people counted.
_KIN = frozenset(["father", "mother", "parent", "grandfather", "grandmother", "grandparent"])
#: People an age in "under" or "over" describes: "children under 12".
_OF_AN_AGE = frozenset(["children", "child", "boys", "girls", "minors", "men", "women", "adults",
                        "pupils", "people", "persons", "those", "residents"])  # fmt: skip
_DESTROYED = Phrases(["destroyed", "destroyed up to", "destroyed about", "destroyed over"])
_ONE_PERSON = frozenset(["man", "woman", "boy", "girl", "person", "resident", "pensioner",
                         "child", "teenager", "youth", "baby", "infant"])  # fmt: skip
_YOUNGEST = frozenset(["youngest", "oldest", "eldest"])


def _counts_things(tokens: tuple[Token, ...], words: list[str], amount: Amount) -> bool:
    """ "12 tanks", "2,400 surgical procedures": an amount of things, not of people."""
    last = amount.last
    lex = lexicon()
    kind = lex.category_index.longest_at(words, last + 1)
    if kind and not lex.not_people.starting_at(words, last + 1 + kind[0]):
        return False  # "340 tracing requests", "2,980 open requests"; not "two displacement camps"
    if _DESTROYED.ending_at(words, amount.first) and not any(
        lex.people.starting_at(words, i) for i in (last + 1, last + 2)
    ):
        return True  # "destroyed 19" vehicles; but "destroyed up to 15 enemy servicemen"
    if _unknown_noun_after(lex, tokens, words, last):
        return True
    things = lex.not_people.starting_at(words, last + 1)
    if things:  # "12 tanks"; but "40 Brigades fighters", "two school staff": whose people
        fraction = words[last + 1] in _FRACTIONS  # "a third woman"
        return fraction or lex.people.starting_at(words, last + 1 + things) == 0
    if _names_a_thing(lex, words, last + 2 if words[last + 1 : last + 2] == ["of"] else last + 1):
        return True  # "12 militant hideouts", "dozens of militant targets"
    people = lex.people.starting_at(words, last + 1)
    if people and lex.not_people.starting_at(words, last + 1 + people):
        return True  # "three police divisions", "two army bases": whose things
    return (  # "12 enemy tanks"; but not "killed 71, drones 54": the comma ends the count
        last + 2 < len(words)
        and words[last + 1] not in _CLAUSE_STOPS
        and (words[last + 1] not in lex.links or words[last + 1] in ("more", "other"))
        and (people == 0 or words[last + 1] in ("more", "other"))
        and lex.not_people.starting_at(words, last + 2) > 0
    )


#: Parts and places in a row, which a people noun after them does not make a count.
_FRACTIONS = frozenset(["half", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
                        "tenth", "tenths"])  # fmt: skip


def _known_after(lex: Lexicon, words: list[str], i: int) -> bool:
    return bool(lex.people.starting_at(words, i) or lex.category_index.longest_at(words, i))


def _unknown_noun_after(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], last: int
) -> bool:
    """ "2,400 surgical procedures": a figure before words that name no people counts things."""
    i = last + 1
    if i >= len(tokens) or tokens[i].kind != "word" or tokens[i].text[:1].isupper():
        return False
    word = words[i]
    if word in lex.links or word in lex.enemy or word in lex.own or _known_after(lex, words, i):
        return False
    if lex.any_qualifier.starting_at(words, i):
        return False
    if word.endswith("ly") or word in _PASSING:
        return False
    if tokens[i].start - tokens[last].end > 1 and not lex.not_people.starting_at(words, i + 1):
        return False  # 'killed 7 "khawarij"': a side's own word, in quotes, for the people
    # "21 attackers had been killed", "29 suspected gang members": a noun phrase that the
    # lexicon does not know, followed by people or by what happened to them; further on
    # ("2,512 defenders of the steelworks were taken prisoner") only by a passive verb.
    for j in range(i + 1, min(len(words), i + 9)):
        near = j < i + 5
        if (near and _known_after(lex, words, j)) or lex.people.starting_at(words, j):
            return False
        if not near and words[j - 1] in _BE and _longest_at(lex, words, j):
            return False
        if words[j] in _HARD_STOPS or words[j] == ",":
            break
    return True


def _people_after(words: list[str], last: int) -> bool:
    """A person noun right after a number: "2020 soldiers" is a count, "in 2020 remains" not."""
    return lexicon().people.starting_at(words, last + 1) > 0


def _join_ranges(words: list[str], found: list[Amount]) -> list[Amount]:
    """ "between 30 and 40", "30 to 40", "from 12 to 15", "two or three": one range."""
    result: list[Amount] = []
    n = 0
    while n < len(found):
        amount = found[n]
        if n + 1 < len(found) and amount.value is not None:
            nxt = found[n + 1]
            gap = words[amount.last + 1 : nxt.first]
            opener = words[amount.first - 1] if amount.first else ""
            if (
                nxt.value is not None
                and amount.value < nxt.value
                and (
                    (gap == ["and"] and opener == "between")
                    or (gap in (["to"], ["-"], ["–"]) and not _revision_near(words, amount.first))
                    or (gap == ["or"] and nxt.value - amount.value <= max(2, amount.value // 2))
                )
            ):
                first = amount.first - 1 if opener in ("between", "from") else amount.first
                low = amount.value
                scale = lexicon().multipliers.get(words[nxt.last]) if nxt.last > nxt.first else None
                if scale and amount.last == amount.first and low * scale <= nxt.value:
                    low *= scale  # "between six and eight thousand": six thousand
                result.append(Amount(first, nxt.last, low=low, high=nxt.value))
                n += 2
                continue
        result.append(amount)
        n += 1
    return result


def _revision_near(words: list[str], index: int) -> bool:
    lex = lexicon()
    start = max(0, index - 8)
    return any(lex.revision_verbs.starting_at(words, i) for i in range(start, index)) or (
        index >= 1 and words[index - 1] == "from" and _verbish_before(words, index - 1)
    )


def _verbish_before(words: list[str], index: int) -> bool:
    """Whether a verb of revising comes before `index` in its clause ("raised its toll from",
    "has revised its count of civilians killed in the zone since April from")."""
    lex = lexicon()
    for i in range(index - 1, max(-1, index - 20), -1):
        if words[i] in (",", ";", ":"):
            return False
        if lex.revision_verbs.starting_at(words, i):
            return True
    return False


def _in_a_count(words: list[str], at: int) -> bool:
    """Whether the words at `at` place a figure in a count or a document, which gave it
    before the figure it is set against: "in the provisional toll", "in our October update"."""
    return words[at : at + 1] == ["in"] and not _DOCUMENT_NOUNS.isdisjoint(words[at + 2 : at + 5])


def _earlier_mark(
    lex: Lexicon, words: list[str], amount: Amount, before_it: list[Amount], later: list[Amount]
) -> _Earlier | None:
    """An amount that states the figure a later one replaced, or the size of the change."""
    if amount.value is None or lex.not_people.starting_at(words, amount.last + 1):
        return None  # "in the previous 48 hours"
    if words[amount.first] in ("a", "an") and amount.first == amount.last:
        return None  # "from an initial 11": the article of the figure after it
    start = amount.first - _qualifier_length(lex, words, amount.first)
    if words[start - 1 : start] == ["the"] and start > 1:
        start -= 1  # "to 19, from the 14 it gave this morning"
    before = words[max(0, start - 3) : start]
    following = words[amount.last + 1 : amount.last + 4]
    if before[-1:] == ["by"] and later and "," not in following[: _index(following, "to")]:
        return _Earlier(amount.first, amount.value, increment=True)  # "rose by 12 overnight to 47"
    if (
        before_it
        and following[:1] in (["from"], ["since"], ["on"], ["over"])
        and (before[-1:] == ["up"] or before[-2:] in (["increase", "of"], ["rise", "of"]))
    ):  # "41, up 9 from Monday", "2,881, an increase of 26 from its last update"
        return _Earlier(amount.first, amount.value, increment=True)
    # "raised its toll to 19, from the 14 it gave this morning", "overnight, to 66 from 63"
    newer = start - 3 if words[start - 2 : start] == [",", "from"] else start - 2
    if (
        newer >= 1
        and words[start - 1 : start] == ["from"]
        and words[newer - 1] == "to"
        and any(a.last == newer for a in before_it)
    ):
        return _Earlier(amount.first, amount.value, increment=False)
    raised_to = (
        [a for a in before_it if words[a.first - 1 : a.first] == ["to"]]
        if before[-2:] in ([",", "from"], [",", "against"])
        else []
    )
    if raised_to and (
        words[amount.last + 1 : amount.last + 2] in _STATED_THEN_OR_END
        or _given_by_them(words[amount.last + 1 : amount.last + 3])
        or _revision_near(words, raised_to[-1].first)
    ):  # "raised its toll to six soldiers killed, from four announced on Friday", "revised
        # to 1,044 civilians killed, from 1,009.", "revised to 21 deaths, from the 23 we gave"
        return _Earlier(amount.first, amount.value, increment=False)
    if (
        before[-1:] == ["of"]
        and before[-2:-1]
        and before[-2] in _TALLY_NOUNS
        and (
            not _REVISING.isdisjoint(words[max(0, start - 7) : start])
            or _given_by_them(words[amount.last + 1 : amount.last + 3])
        )
    ):
        return _Earlier(amount.first, amount.value, increment=False)  # "..., revising upward
        # the figure of 17,900 it gave in March", "double the figure of 38 he had announced"
    if before[-1:] == ["from"] and _verbish_before(words, start - 1):
        nxt = later[0] if later else None
        if (
            nxt is None
            or words[amount.last + 1 : nxt.first] == ["to"]
            or not _to_follows(words, amount.last)
        ):
            return _Earlier(amount.first, amount.value, increment=False)
    if (
        words[start - 1 : start] == ["of"]
        and words[start - 2 : start - 1] in _ESTIMATE_NOUNS
        and any(
            words[k - 2 : k] in (["up", "from"], ["down", "from"])
            for k in range(start - 3, max(1, start - 5), -1)
        )
    ):  # "up from our estimate of 39,000 in April", "down from its earlier figure of 86";
        # not "excluded from the figure of 912"
        return _Earlier(amount.first, amount.value, increment=False)
    n = lex.previous_before.ending_at(words, start)
    if n and words[start - n] not in ("from", "was", "before", "against", "stood", "initially"):
        return _Earlier(amount.first, amount.value, increment=False)
    if (
        n
        and words[start - n] == "against"
        and (
            not _PAST.isdisjoint(words[amount.last + 1 :][:4])
            or "previous" in words[amount.last + 1 :][:4]
            or words[amount.last + 1 : amount.last + 2] in _STATED_THEN
            or _in_a_count(words, amount.last + 1)
        )
    ):  # "against 71 a week ago", "against 198 reported to the October session", "against
        # 21 in its previous count", "against eight in the provisional toll"
        return _Earlier(amount.first, amount.value, increment=False)
    if before[-2:] == ["(", "was"]:
        return _Earlier(amount.first, amount.value, increment=False)  # "5 dead (was 3)"
    if words[start - 1 : start] == [":"] and "(" in words[max(0, start - 6) : start]:
        label = words[words.index("(", max(0, start - 6), start) + 1 : start - 1]
        if label and (
            (label[0] in _PAST and _PAST_LABEL.issuperset(label))
            or (label[0] in _EDITIONS and label[-1] not in _DOCUMENT_NOUNS)
        ):  # "(yesterday: 53)", "(SitRep No. 16: 19)", "(dashboard of 14 August: 3,914)"
            return _Earlier(amount.first, amount.value, increment=False)
    # "nine are in hospital, not eight as first reported"; but "the army said 17 were
    # killed, not 71 as we reported" is the outlet's own error, no earlier figure of the
    # claimant's, while an author's "7 have died, not 3 as we reported this morning" is.
    after = words[amount.last + 1 : amount.last + 3]
    if (
        before[-1:] == ["not"]
        and after[:1] == ["as"]
        and (after[1:] not in (["we"], ["our"]) or lex.say_verbs.isdisjoint(words[:start]))
    ):
        return _Earlier(amount.first, amount.value, increment=False, corrected=True)
    # "three people were killed in the explosion, not four", "..., not 60 killed."
    named = lex.category_index.longest_at(words, amount.last + 1)
    end = amount.last + 1 + (named[0] if named else 0)
    if before[-2:] == [",", "not"] and not later and words[end : end + 1] in ([], ["."], [";"]):
        return _Earlier(amount.first, amount.value, increment=False, corrected=True)
    # "13 people, not 14, had been admitted": set aside right after the figure it corrects;
    # "is 15, not the 22 announced yesterday"
    if before[-2:] == [",", "not"] and (
        (words[end : end + 1] == [","] and any(0 < start - 2 - a.last <= 2 for a in before_it))
        or (words[start] == "the" and words[end : end + 1] in _STATED_THEN)
    ):
        return _Earlier(amount.first, amount.value, increment=False, corrected=True)
    # "has risen to 43, after 31 had been announced", "reached 57, after it was 49"
    if _after_earlier(words, start, amount.last) and any(
        _rises(lex, words, a) or lex.revision_verbs.ending_at(words, a.first) for a in before_it
    ):
        return _Earlier(amount.first, amount.value, increment=False)
    # "which in the first days put the toll at more than 700, now says nearly 3,000"
    if (
        later
        and words[start - 1 : start] == ["at"]
        and "put" in words[max(0, start - 4) : start]
        and "now" in words[max(amount.last + 1, later[0].first - 4) : later[0].first]
    ):
        return _Earlier(amount.first, amount.value, increment=False)
    # "Earlier it was reported that seven people had been killed": of the kind it names
    if _said_of_no_one_before(words[:start]):
        category = _category_word_within(lex, words, amount.last + 1, 5)
        return _Earlier(amount.first, amount.value, increment=False, category=category)
    # "Earlier in the day the ministry had said five were dead.", "It had put the toll at
    # six earlier in the morning."
    if _told_before(words[:start]) or (
        not _BEFORE_NOW.isdisjoint(words[amount.last + 1 : amount.last + 3])
        and not _TALLY_NOUNS.isdisjoint(words[max(0, start - 3) : start])
        and _had_said(words[max(0, start - 8) : start])
    ):
        return _Earlier(amount.first, amount.value, increment=False)
    # "(the figure stood at 117 when work was suspended)": a figure of a time now past
    if before[-2:] == ["stood", "at"] and after[:1] in (["when"], ["before"], ["until"]):
        return _Earlier(amount.first, amount.value, increment=False)
    # "previously announced as 2,855", "an earlier toll of 40 deaths", "The previous toll,
    # announced on Friday, was 14" (an aside between commas left aside)
    window = _without_asides(words[max(0, start - 12) : start])[-6:]
    for marker in _EARLIER_MARKERS:
        if marker in window:
            between = window[window.index(marker) + 1 :]
            if len(between) <= 5 and _EARLIER_WORDS.issuperset(between):
                return _Earlier(amount.first, amount.value, increment=False)
    return None


def _after_earlier(words: list[str], start: int, last: int) -> bool:
    """ "after 31 had been announced", "after it was 49 in our previous appeal": a figure
    that stood before the one the clause raised, not "after two more of the wounded died"."""
    head = words[max(0, start - 4) : start]
    if "after" not in head:
        return False
    between = head[len(head) - head[::-1].index("after") :]
    if between in (["it", "was"], ["it", "had", "been"], ["it", "stood", "at"]):
        return True
    tail = words[last + 1 : last + 4]  # "had been announced", "were reported"
    stated = tail[:2] == ["had", "been"] or tail[:1] in (["were"], ["was"])
    return not between and stated and not _SAID_BEFORE.isdisjoint(tail)


def _next_in_list(lex: Lexicon, between: list[str]) -> bool:
    """Whether the words between two earlier figures list them: "up from 5,209 and 12,314",
    "up from 9 dead and 31 injured"."""
    if between[-1:] not in (["and"], [","]):
        return False
    named = between[:-1]
    return not named or (len(named) <= 3 and lex.category_index.longest_at(named, 0) is not None)


#: The ranks and titles before a person's name: "Corporal Sami Ghenwari".
_RANKED = GRAMMAR_WORDS["ranks"] | {"corporal", "private", "lance", "officer", "constable"}
#: Between a named person and what befell them: "was", "has been", "had been".
_NAMED_VERBS = (["was"], ["has", "been"], ["had", "been"], ["is"])


def _named_alone(lex: Lexicon, tokens: tuple[Token, ...], words: list[str]) -> list[Figure]:
    """The figure of one named person, in a sentence that gives no other."""
    if _RANKED.isdisjoint(words):
        return []  # most sentences name no rank
    person = _named_casualty(lex, tokens, words)
    return [person] if person else []


def _named_casualty(lex: Lexicon, tokens: tuple[Token, ...], words: list[str]) -> Figure | None:
    """One person the text names with a rank, and what befell them: "police Senior
    Lieutenant Idris Varrakh was killed", "A third officer, Corporal Sami Ghenwari, was
    wounded", "Private Aldo Mersk died": a figure of one, in a sentence with no other."""
    for i, token in enumerate(tokens):
        if words[i] not in _RANKED or not token.text[:1].isupper():
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].kind == "word" and tokens[j].text[:1].isupper():
            j += 1
        if j - i < 3 or j >= len(words):
            continue  # a rank and at least a given name and a surname
        k = j + 1 if words[j] == "," else j  # "Corporal Sami Ghenwari, was wounded"
        if words[k : k + 1] in (["died"], ["perished"]):
            category, end = Category.KILLED, k
        else:
            be = next((b for b in _NAMED_VERBS if words[k : k + len(b)] == b), None)
            named = _longest_at(lex, words, k + len(be)) if be is not None else None
            if be is None or named is None or named[1] is Category.OTHER:
                continue
            category, end = named[1], k + len(be) + named[0] - 1
        span = tokens[i].start, tokens[end].end
        return Figure(category, Qualifier.EXACT, 1, None, None, *span, first=i, last=j - 1)
    return None


_DENYING = GRAMMAR_WORDS["denying"]
#: The words that may state a firm zero: "no", "none of", "not a single", "denied that any".
_NO_WORDS = frozenset(["no", "none", "single", "nobody", "not"]) | _DENYING
#: Verbs whose "no" states a firm zero: "lost no soldiers", "suffered no losses".
_LOST = frozenset(["lost", "suffered", "sustained", "incurred"])
#: Verbs whose "no" states that none are captive: "it held no journalists".
_HOLDING = frozenset(["holds", "held", "holding"])
_NO_LOSS = {"losses": Category.KILLED, "casualties": Category.OTHER, "injuries": Category.WOUNDED}
_BE_DONE = (["were"], ["was"], ["have", "been"], ["has", "been"], ["had", "been"], ["is"], ["are"])
_NOT_NONE = (["more"], ["longer"], ["less"], ["fewer"], ["other"], ["others"], ["further"])


def _firm_zeros(lex: Lexicon, tokens: tuple[Token, ...], words: list[str]) -> list[Figure]:
    """Zero stated as a fact, which is a figure as much as any other: "no soldiers were
    killed", "its forces lost no personnel", "suffered no losses". Not "no casualties were
    reported" nor "no one knows": a report of nothing, not a count of none."""
    found: list[Figure] = []
    for i, word in enumerate(words):
        if word == "none" and words[i + 1 : i + 2] == ["of"]:
            # "none of its crew", "none of the attackers"
            j = i + 3 if words[i + 2 : i + 3] in _OWNERS else i + 2
        elif (
            word == "any"
            and words[i - 1 : i] == ["that"]
            and words[i - 2 : i - 1]
            and (words[i - 2] in _DENYING)
        ):
            # "It denied that any soldiers had died", "denied that any of its men had been
            # captured": a zero it states
            owned = words[i + 1 : i + 2] == ["of"] and words[i + 2 : i + 3] in _OWNERS
            j = i + 3 if owned else i + 1
            if not owned and not _people_or_loss(lex, words, j):
                j += 1  # "denied that any M23 members were being held"
        elif word == "nobody":
            j = i  # "nobody had been killed"
        elif word == "not" and words[i + 1 : i + 3] == ["a", "single"]:
            j = i + 3  # "not a single civilian was killed"
        elif word == "not" and words[i + 1 : i + 2] == ["one"]:
            j = i + 2  # "Not one serviceman was taken in captivity"
        elif word != "no" or words[i + 1 : i + 2] in _NOT_NONE:
            continue  # "no more than five", "no longer"
        else:
            j = i + 1 if _people_or_loss(lex, words, i + 1) else i + 2  # "no Velorian servicemen"
        if word == "not" and not _people_or_loss(lex, words, j):
            j += 1  # "not a single Tarskan serviceman", as "no Velorian servicemen"
        lost = i > 0 and (words[i - 1] in _LOST or words[i - 1] in _HOLDING)
        n = _people_or_loss(lex, words, j)
        if not n:
            continue
        if lost:
            last = j + n - 1
            category = _NO_LOSS.get(words[j], Category.KILLED if words[i - 1] == "lost" else None)
            if words[i - 1] in _HOLDING:
                category = Category.CAPTURED  # "it holds no prisoners from the war"
        else:
            k = j + n
            if words[k : k + 1] in _PLACED:  # "no one inside was hurt", "none of the crew"
                k = next(
                    (
                        m
                        for m in range(k, min(len(words), k + 6))
                        if words[m] in _BE or words[m : m + 2] in _BE_DONE
                    ),
                    k,
                )
            if words[k : k + 1] in (["has"], ["have"], ["had"]) and words[k + 1 : k + 2] in (
                ["died"],
                ["perished"],
            ):
                k += 1  # "No soldier has died in these operations"
            be = next((b for b in _BE_DONE if words[k : k + len(b)] == b), None)
            if be is None and words[k : k + 1] in (["died"], ["perished"]):
                be = []  # "no student died in captivity"
            after = k + len(be) if be is not None else k
            if words[after : after + 2] == ["among", "the"]:
                after += 2  # "no military personnel were among the dead"
            named = _longest_at(lex, words, after) if be is not None else None
            if be is None or named is None:
                continue
            category, last = named[1], after + named[0] - 1
        if category is None or "reported" in words[last + 1 : last + 3]:
            continue
        span = tokens[i].start, tokens[last].end
        if category is Category.OTHER and not lost:  # but "suffered no casualties" is 0
            if "or" in words[i:last] and "casualties" not in words[i : last + 1]:
                found.extend(  # "no one was killed or injured": none of either
                    Figure(c, Qualifier.EXACT, 0, None, None, *span, first=i, last=i)
                    for c in (Category.KILLED, Category.WOUNDED)
                )
            continue
        found.append(Figure(category, Qualifier.EXACT, 0, None, None, *span, first=i, last=i))
    return found


#: Words that place the people a firm zero counts: "no one inside", "no one on board".
_PLACED = (["of"], ["from"], ["in"], ["among"], ["inside"], ["aboard"], ["on"], ["at"])


def _people_or_loss(lex: Lexicon, words: list[str], i: int) -> int:
    """The length of the people noun, or of "one", or of a word for losses, at `i`."""
    if i >= len(words):
        return 0
    if words[i] in ("one", "nobody") or words[i] in _NO_LOSS:
        return 1
    return lex.people.starting_at(words, i)


def _without_asides(words: list[str]) -> list[str]:
    """Words with what stands between two commas taken out: "toll, announced on Friday,
    was" reads "toll was"."""
    result: list[str] = []
    opened: int | None = None
    for word in words:
        if word == ",":
            if opened is None:
                opened = len(result)
            else:
                del result[opened:]
                opened = None
            continue
        result.append(word)
    return result


#: What may stand between "previously", "earlier" and the figure it marks: "an earlier toll
#: of 40", "previously announced as 2,855"; not "our earlier figure also included 9".
_EARLIER_LINKS = GRAMMAR_WORDS["earlier_links"]
#: "an earlier toll of 40", "its previous update put the figure at 6,980".
_EARLIER_WORDS = _EARLIER_LINKS | _DOCUMENT_NOUNS
#: Words that mark the figure they lead to as an earlier one: "the initial estimate of 15".
_EARLIER_MARKERS = ("previously", "earlier", "initially", "formerly", "originally", "previous",
                    "initial")  # fmt: skip
_BEFORE_NOW = frozenset(["earlier", "previously", "initially", "originally"])
_SAID_BEFORE = frozenset(
    ["said", "reported", "announced", "put", "given", "stated", "counted", "spoken", "listed"]
)


def _gave_then(words: list[str], amount: Amount) -> bool:
    """ "It had given 23 on March 7", "Last week I gave you 12": a number a claimant gave
    before now, told right after its verb."""
    at = amount.first
    if words[at - 1 : at] in (["you"], ["us"]):
        at -= 1
    verb = words[at - 1] if at > 0 else ""
    if verb == "given":
        return words[at - 2 : at - 1] == ["had"]
    if verb == "reported":  # "On Wednesday evening the Directorate reported 27."
        return _reported_then(words[max(0, at - 8) : at]) and words[amount.last + 1 :][:1] in (
            [],
            ["."],
            [";"],
        )
    return verb == "gave" and not _BEFORE_GIVING.isdisjoint(words[: at - 1])


#: Words that set a "gave" before now: "Last week I gave you 12", "on Friday, you gave 21".
_BEFORE_GIVING = (
    frozenset(["last", "earlier", "previously", "first", "initially"]) | GRAMMAR_WORDS["weekdays"]
)


def _told_together(words: list[str], result: list[Figure]) -> list[Figure]:
    """ "those I gave you last Tuesday, which were 71 killed and 240 wounded": a figure listed
    right after one given before now was given then too."""
    for n in range(1, len(result)):
        before, figure = result[n - 1], result[n]
        between = words[before.last + 1 : figure.first]
        if (
            before.told_before
            and between[-1:] in (["and"], [","])
            and len(between) <= 4
            and _HARD_STOPS.isdisjoint(between)
        ):
            result[n] = replace(figure, told_before=True)
    return result


def _told_before(head: list[str]) -> bool:
    """Whether the words before a figure say it was stated before now: an earlier moment
    and a verb of saying in the past perfect ("Earlier, the ministry had said")."""
    return not _BEFORE_NOW.isdisjoint(head) and _had_said(head)


def _said_of_no_one_before(head: list[str]) -> bool:
    """Whether the words before a figure report it as said before now, by no one named:
    "Earlier it was reported that", "Previously it was announced that"."""
    return (
        head[-1:] == ["that"]
        and head[-5:-4] in (["earlier"], ["previously"])
        and head[-4:-2] == ["it", "was"]
        and head[-2] in _SAID_BEFORE
    )


def _told_then(head: list[str]) -> bool:
    """Whether the dozen words before a figure say it was given before now: a claimant's
    past perfect close by ("had put the toll at"), or a document's figure of then."""
    return _had_said(head[-10:]) or _given_then(head)


def _given_then(head: list[str]) -> bool:
    """ "The figure published on 12 August was 261", "On 30 June the figure was 27,115", "the
    ministry's first statement gave a toll of 21", "The original answer stated that 29": a
    figure given then."""
    if _superseded_document(head):
        return True
    if _DOCUMENT_NOUNS.isdisjoint(head) or any(
        month in _MONTHS and noun in _DOCUMENT_NOUNS for month, noun in pairwise(head)
    ):  # "The agency's September figure was 41": a month's own count, not an earlier one
        return False
    dated = not (_MONTHS.isdisjoint(head) and _DAYS.isdisjoint(head) and _AGO.isdisjoint(head))
    if head[-1:] in (["was"], ["were"]):
        return dated or not _GIVEN.isdisjoint(head)
    # "The ministry's first statement, on the evening of 20 July, gave a toll of 21", "These
    # figures update those I gave you last Tuesday, which were 71 killed"; but "it last gave
    # a figure in October, when it said 2,913" is its latest
    return (
        "gave" in head
        and head[head.index("gave") - 1 : head.index("gave")] != ["last"]
        and (dated or not _FIRST.isdisjoint(head))
    )


def _superseded_document(head: list[str]) -> bool:
    """ "The original answer stated that", "the initial report said": a document an earlier
    edition of which gives the figure."""
    return not _DOCUMENT_SAID.isdisjoint(head) and any(
        head[i] in _SUPERSEDED and head[i + 1] in _EARLIER_DOCUMENTS for i in range(len(head) - 1)
    )


_SUPERSEDED = frozenset(["original", "initial", "earlier", "previous", "first", "interim"])
#: What an earlier document did with a figure: "The interim report recorded 69 deaths".
_DOCUMENT_SAID = _SAID_BEFORE | {"recorded", "charged", "gave", "listed", "counted"}
#: Words that date a figure given before now without a day: "A week ago it gave 171".
_AGO = _BEFORE_NOW | {"ago"}
_EARLIER_DOCUMENTS = _DOCUMENT_NOUNS | {"answer", "release", "communique", "post", "indictment"}
_GIVEN = GRAMMAR_WORDS["given"]
_DAYS = GRAMMAR_WORDS["weekdays"]
_FIRST = GRAMMAR_WORDS["editions"]


def _had_said(head: list[str]) -> bool:
    """A verb of saying in the past perfect: "the ministry had put the toll at"."""
    return "had" in head and any(
        head[i] == "had" and head[i + 1] in _SAID_BEFORE for i in range(len(head) - 1)
    )


def _to_follows(words: list[str], last: int) -> bool:
    return words[last + 1 : last + 2] == ["to"]


#: What a counter was able to do with the dead: "we were able to verify 44 deaths".
_KNOWING = [["identify"], ["verify"], ["confirm"], ["document"], ["establish"], ["match"],
            ["corroborate"], ["name"], ["count"], ["record"]]  # fmt: skip


def _hypothetical(lex: Lexicon, words: list[str], amount: Amount) -> bool:
    """A figure the sentence only imagines, fears or denies."""
    start = amount.first
    clause_start = start
    while clause_start > 0 and words[clause_start - 1] not in (",", ";", ":", "—", "–"):
        clause_start -= 1
    window = range(max(clause_start, start - 6), start)
    for i in window:
        if lex.hypothetical.starting_at(words, i):
            phrase_len = lex.hypothetical.starting_at(words, i)
            word = words[i]
            # "could be 300" estimates; "we could be burying 300 children" imagines.
            then = words[i + 1 : i + 3]
            estimate = then[:1] == ["be"] and not (len(then) == 2 and then[1].endswith("ing"))
            if word in ("some", "likely") or (word == "could" and estimate):
                continue
            if word == "should" and "read" in then:
                continue  # "should read 85, not 58": a correction, no wish
            if (
                word == "able"
                and words[i - 1 : i] in (["were"], ["was"], ["been"])
                and words[i + 2 : i + 3] in _KNOWING
                and "not" not in words[max(0, i - 3) : i]  # "has not been able to confirm"
            ):
                continue  # "we were able to identify 58 of the dead": done, not imagined
            if i + phrase_len <= start:
                return True
    denied = any(
        words[i] in lex.negation and words[i] != "no" for i in range(max(0, start - 3), start)
    )
    if denied and not lex.any_qualifier.ending_at(words, start):
        return True
    # "40 people may die"; but "six may still be under the rubble" estimates, and "killed in
    # May" names a month
    after = words[amount.last : amount.last + 6]
    return any(
        w in ("could", "might", "would")
        or (
            w == "may"
            and before != ","  # "two soldiers, may God have mercy on them": a wish
            and before not in _MONTH_BEFORE
            and not before[:1].isdigit()
            and following not in ("be", "still", "have")
        )
        for before, w, following in zip(after, after[1:], after[2:], strict=False)
    )


#: Words before "May" the month: "in May", "on 3 May", "since May", "mid-May".
_MONTH_BEFORE = frozenset(["in", "of", "since", "until", "till", "by", "early", "late", "mid",
                           "from", "to", "and", "between", "before", "after", "during",
                           "-"])  # fmt: skip


def _category(
    lex: Lexicon,
    tokens: tuple[Token, ...],
    words: list[str],
    amount: Amount,
    found: list[Amount],
) -> Category | None:
    """What happened to the people the amount counts, from the words around it."""
    start = amount.first - _qualifier_length(lex, words, amount.first)
    if words[start - 2 : start] in (["family", "of"], ["crew", "of"]) and start > 2:
        start -= 3  # "killing a family of six", "killing its crew of four"
    right = _category_right(lex, tokens, words, amount, found)
    if right is Category.OTHER:
        return right  # "lost 70 servicemen killed and wounded": a combined figure
    corpses = not _CORPSES.isdisjoint(words[amount.last + 1 : amount.last + 3])
    if right is Category.KILLED and corpses:
        return right  # "the rescuers took three more bodies out": dead, whoever took them
    if _bodies_counted(lex, words, amount):
        return Category.KILLED  # "handed over 312 identified remains", "12 of the bodies
        # returned": the dead, whatever is done with them
    raised = (
        _raised_tally(lex, words, start)
        if words[start - 1 : start] == ["to"] and words[amount.first] not in ("a", "an")
        else None
    )
    if raised is not None and right is None:
        return raised  # "raised the death toll from an assault on a camp for displaced people
        # to 37": the toll's kind, however far before
    if words[start - 1 : start] in _RECEIVING:
        named_after = lex.category_index.longest_at(words, amount.last + 1)
        if named_after is not None:
            return named_after[1]  # "hospitals had received 58 killed and 214 injured"
        if right is Category.CAPTURED:
            return right  # "received 157 of its own servicemen in return": an exchange's
        if words[start - 1] == "received" and right is None and _exchanged(lex, words, start - 1):
            return Category.CAPTURED  # "Ardana received 64 servicemen and civilians"
    # "killing 12", "wounded at least 30": the verb right before the figure.
    named = _named_before(lex, words, start)
    if named is not None:
        return named
    cue_end = start - 1 if words[start - 1 : start] == ["all"] else start  # "killing all five"
    before = _cue_before(lex, words, _before_attribution(words, cue_end))
    if before is Category.KILLED and words[start - 2 : start] in _BODIES_OF:
        return before  # "the bodies of three hostages": whatever they were, they are dead
    if right is not None and words[start - 1 : start] in _WEAK_CUES:
        return right  # "had registered 860 people held by the government"
    if before is Category.DISPLACED and right is Category.WOUNDED:
        return right  # "evacuated at least 70 wounded people to hospitals"
    if before is not None and not _category_word_after(lex, words, amount.last, stop_at_verb=True):
        return before
    if right is not None:
        return right
    if before is not None:
        return before
    if amount.weak or _verb_of_its_own(words, start, amount.last):
        return None  # "Four pirates were neutralised and six were arrested"
    kind = (
        _category_left(lex, words, start)
        or _category_number_of(lex, words, start)
        or (start < amount.first and _category_number_of(lex, words, amount.first))
        or _category_of_those(lex, words, start)  # ("has passed 40,000": the verb qualifies)
    )
    if kind is Category.KILLED and _divided(words, amount.last) and "losses" in words[:start]:
        return Category.OTHER  # "Enemy losses ... amounted to 1,900, of whom 700 were killed"
    return kind


def _divided(words: list[str], last: int) -> bool:
    """Whether the words after a figure divide it: "1,900, of whom 700 were killed"."""
    after = words[last + 1 : last + 4]
    return after[:2] == ["of", "whom"] or after == [",", "of", "whom"]


def _raised_tally(lex: Lexicon, words: list[str], start: int) -> Category | None:
    """The kind of the tally a verb of revising moved to the figure at `start`, named right
    after the verb, before words that may name other people: "raised the death toll from an
    assault on a camp for displaced people to 37", "raised its count of people killed"."""
    for i in range(start - 2, max(-1, start - 40), -1):
        if words[i] in _CLAUSE_STOPS:
            return None
        if lex.revision_verbs.starting_at(words, i):
            after = _tally_kind(lex, words[i + 1 : min(start - 1, i + 9)])
            if after is not None:
                return after
            opening = i  # "Toll from RSF assault on displacement camp rises to 37"
            while opening > 0 and words[opening - 1] not in _CLAUSE_STOPS:
                opening -= 1
            return _tally_kind(lex, words[opening:i])
    return None


def _tally_kind(lex: Lexicon, phrase: list[str]) -> Category | None:
    """ "the death toll": killed; "the injury toll": wounded; "its count of people missing":
    missing."""
    for j, word in enumerate(phrase[:4]):
        if word == "toll":
            kind = lex.category_index.longest_at(phrase, j - 1) if j else None
            return kind[1] if kind is not None else Category.KILLED
        if word in _TALLY_NOUNS and j and phrase[j - 1] in _DEATHS:
            return Category.KILLED  # "the murder count rose to 112"
        if word in _TALLY_NOUNS and phrase[j + 1 : j + 2] == ["of"]:
            for k in range(j + 2, len(phrase)):
                named = lex.category_index.longest_at(phrase, k)
                if named is not None:
                    return named[1]
            return None
    return None


_CORPSES = frozenset(["bodies", "corpses"])
#: The dead counted by what is left of them.
_BODIES = frozenset(["bodies", "body", "remains"])
_BODIES_OF = (["bodies", "of"], ["body", "of"], ["remains", "of"], ["deaths", "of"],
              ["death", "of"])  # fmt: skip
#: What the dead are counted as when what is done with them is all a sentence tells.
_THE_DEAD = _BODIES | _CORPSES | {"corpse"}
#: Words between a figure and the dead it counts: "312 identified remains".
_OF_THE_DEAD = frozenset(["identified", "unidentified", "more", "further", "additional"])


def _bodies_counted(lex: Lexicon, words: list[str], amount: Amount) -> bool:
    """Whether the amount counts bodies or remains: "312 identified remains", "12 of the
    bodies"; not "one remains in hospital" or "the fate of 17 remains unknown", where
    "remains" is a verb."""
    at = amount.last + 1
    if words[at : at + 2] == ["of", "the"]:
        at += 2
    elif words[at : at + 3] == ["the", "number", "of"]:
        at += 3  # "That brings to 315 the number of bodies returned"
    elif words[at : at + 1] and words[at] in _OF_THE_DEAD:
        at += 1
    noun = words[at] if at < len(words) else ""
    if noun == "remains":
        verb = lex.category_index.longest_at(words, at)
        return amount.value != 1 and (verb is None or verb[0] == 1)
    return noun in _THE_DEAD


#: Verbs before a figure that say less than a category word after it.
_WEAK_CUES = [["registered"], ["recorded"]]
#: Verbs of taking people in or carrying them, which tell what befell them only when the
#: words right after the figure do not: "received 58 killed", "took 15 injured people".
_RECEIVING = [[w] for w in ("received", "admitted", "receiving", "took", "taking", "brought",
                            "carried", "transported", "transferred")]  # fmt: skip
_TALLY_NOUNS = GRAMMAR_WORDS["tally_nouns"]


def _exchanged(lex: Lexicon, words: list[str], received: int) -> bool:
    """Whether people "received" came back in an exchange: a side received them ("the Vaskovan
    side received 48 people"), or the sentence tells of an exchange."""
    if received and (
        words[received - 1] == "side" or POSSESSIVE.sub("", words[received - 1]) in lex.parties
    ):
        return True
    return not _EXCHANGE_WORDS.isdisjoint(words)


#: Words that tell of an exchange of prisoners.
_EXCHANGE_WORDS = frozenset(["exchange", "swap", "handed", "released", "freed"])
#: What an earlier figure is called after "from": "up from our estimate of 39,000".
_ESTIMATE_NOUNS = [[noun] for noun in sorted(_TALLY_NOUNS | {"estimate", "assessment"})]
#: What a tally of the killed may be called by: "the murder count", "the homicide tally".
_DEATHS = frozenset(["death", "murder", "homicide", "fatality"])
_TALLY_VERBS = GRAMMAR_WORDS["tally_verbs"]


def _category_number_of(lex: Lexicon, words: list[str], start: int) -> Category | None:
    """ "the number of soldiers killed since 27 September has reached 350": the category
    named inside a tally's noun phrase, however long, before a verb that gives its value."""
    if start == 0 or words[start - 1] not in _TALLY_VERBS:
        return None
    for i in range(start - 1, max(-1, start - 40), -1):
        if words[i] in (".", ";", "!", "?"):
            return None
        if words[i] == "losses":  # "Losses of the Armed Forces of Ukraine in this direction
            return _category_left(lex, words, i + 1)  # amounted to up to 230 servicemen":
            # the kind of "losses", "sanitary losses", "personnel losses"
        if words[i] in _TALLY_NOUNS:
            if words[i] == "toll":
                return Category.KILLED
            for j in range(i + 1, start):
                named = lex.category_index.longest_at(words, j)
                if named is not None and (named[1] is not Category.OTHER or named[0] > 2):
                    return named[1]  # "the number of dead and missing": both, as one
    return None


_INCLUDES = frozenset(
    [*("include", "includes", "included", "are", "were", "is", "was"),
     *("comprise", "comprised", "number", "numbered")]
)  # fmt: skip


def _named_before(lex: Lexicon, words: list[str], start: int) -> Category | None:
    """ "The dead include 11 children", "among the wounded is a child": the people named as
    a category before the figure, in its clause."""
    i = start - 1
    if i < 1 or words[i] not in _INCLUDES:
        return None
    for n in (2, 1):
        article = i - n - 1
        if article >= 1 and (words[article][:1].isdigit() or is_number_word(words[article])):
            article -= 1  # "Among the 17 dead are four children"
        if i - n >= 1 and words[article] in ("the", "those"):
            for category, phrases in lex.categories.items():
                if tuple(words[i - n : i]) in phrases and category is not Category.OTHER:
                    return category
    return None


def _longest_at(lex: Lexicon, words: Sequence[str], i: int) -> tuple[int, Category] | None:
    """The longest category phrase starting at `i`, its length and category, or None; a
    phrase starting inside it and reaching further wins ("were killed" yields to "killed or
    injured")."""
    best = lex.category_index.longest_at(words, i)
    if best is not None and best[0] > 1:
        inner = _longest_at(lex, words, i + 1)
        if inner is not None and 1 + inner[0] > best[0]:
            return 1 + inner[0], inner[1]
    return best


def _before_attribution(words: list[str], start: int) -> int:
    """Where the words before a figure end, past an attribution set off between the verb and
    the figure: "The attack killed, according to the governor, 29 civilians"."""
    if words[start - 1 : start] != [","]:
        return start
    for j in range(start - 2, max(0, start - 10), -1):
        if words[j] == ",":
            return j if words[j + 1 : j + 2] == ["according"] else start
    return start


def _cue_before(lex: Lexicon, words: list[str], start: int) -> Category | None:
    """The longest verb or noun right before a figure that says what happened to the people
    it counts: "killing 12", "killed or wounded 10,000", "the release of 40"."""
    best: tuple[int, Category] | None = None
    for category, phrases in lex.category_before.items():
        n = phrases.ending_at(words, start)
        if n and (best is None or n > best[0]):
            best = (n, category)
    if best is None and start > 1 and words[start - 1] in _POSSESSIVES:
        return _cue_before(lex, words, start - 1)  # "wounding his two grandsons"
    if best is not None and words[start - best[0] - 1 : start - best[0]] in _TRIED:
        return None  # "the attempted murder of 33 persons who were injured": no one died
    return best[1] if best else None


_TRIED = (["attempted"], ["attempt"], ["attempts"], ["failed"], ["foiled"], ["thwarted"])
_POSSESSIVES = GRAMMAR_WORDS["possessives"]


def _category_of_those(lex: Lexicon, words: list[str], start: int) -> Category | None:
    """ "Of those killed, 19 were children": the category the sentence opens with."""
    for i in range(max(0, start - 12), start):
        # "From the martyrs, 187 persons are women", as translations put it
        if words[i] in ("of", "among", "from") and words[i + 1 : i + 2] in (
            ["those"],
            ["the"],
            ["them"],
        ):
            for category, phrases in lex.categories.items():
                if phrases.starting_at(words, i + 2):
                    return category
    return None


def _qualifier_length(lex: Lexicon, words: list[str], start: int) -> int:
    if _preposition_before(words, start):
        return 0
    return lex.any_qualifier.ending_at(words, start)


def _preposition_before(words: list[str], start: int) -> bool:
    """ "handed over 90 servicemen": "over" the verb's, not "more than" 90; "information
    about 4 perished persons": "about" the noun's, not "nearly" 4; "add up to 27": a sum,
    "went up to 15": a rise."""
    if start < 2:
        return False
    word = words[start - 1]
    return (
        (word == "over" and words[start - 2] in _HANDING)
        or (word == "about" and words[start - 2] in _TOLD_ABOUT)
        # "add up to 27", "has gone up to 12": the verb's "up", not at most 27
        or (
            word == "to"
            and words[start - 2] == "up"
            and start > 2
            and words[start - 3] in _UP_VERBS
        )
    )


_HANDING = frozenset(["handed", "hand", "hands", "handing", "turned", "turning"])
#: A clause that sets a new figure in place of the one it names: ", revising upward the figure of".
_REVISING = frozenset(["revising", "raising", "lowering", "correcting", "replacing", "superseding"])
#: Verbs whose "up" is their own: "add up to 27", "has gone up to 12".
_UP_VERBS = frozenset(["add", "adds", "added", "adding", "sum", "sums", "summed", "total",
                       "gone", "went", "go", "goes", "going"])  # fmt: skip
#: What one has or gives about people: "information about 4 perished persons".
_TOLD_ABOUT = frozenset(["information", "data", "news", "details", "reports", "knowledge"])


def _describes(lex: Lexicon, words: list[str], i: int, n: int) -> bool:
    """ "displaced people", "internally displaced persons", "wounded soldiers": a category
    word used as an adjective of the people counted, not as what happened to them."""
    return (
        words[i + n - 1] in _PARTICIPLES
        and lex.people.starting_at(words, i + n) > 0
        and words[i + n] not in _PARTICIPLES
    )


def _category_word_after(
    lex: Lexicon, words: list[str], last: int, *, stop_at_verb: bool = False
) -> Category | None:
    """A category noun or adjective right after the amount ("12 dead", "30 wounded")."""
    i = last + 1
    if i < len(words) and words[i] in lex.links and words[i] not in ("and", "or"):
        i += 1
    best = _longest_at(lex, words, i)
    if best is not None and _describes(lex, words, i, best[0]):
        return None
    return best[1] if best and (not stop_at_verb or i == last + 1) else None


#: Words before the places people come from: "residents of seven villages".
_FROM_PLACES = frozenset(["of", "from", "in", "across"])


def _places_from(lex: Lexicon, words: list[str], found: list[Amount], first: int) -> int | None:
    """Where the words after an amount of places that says where people live or come from
    ("of seven villages", "from 14 villages") go on, if the amount starting at `first` is
    one."""
    before = words[first - 1]
    # "from Tal Sumaq and two neighbouring villages": places listed on
    listed = before == "and" and not _FROM_PLACES.isdisjoint(words[max(0, first - 5) : first - 1])
    if before not in _FROM_PLACES and not listed:
        return None
    return _places_end(lex, words, found, first) or None


def _places_end(lex: Lexicon, words: list[str], found: list[Amount], first: int) -> int:
    """Where the noun of places after the amount starting at `first` ends ("nine camps",
    "seven villages"); 0 where no amount starts there or no such noun follows it."""
    there = next((a for a in found if a.first == first), None)
    if there is None:
        return 0
    after = there.last + 1
    places = lex.not_people.starting_at(words, after)
    # "two neighbouring villages", "three other villages": past a word that describes them
    if not places and (
        words[after : after + 1] == ["other"] or not lex.people.starting_at(words, after)
    ):
        after += 1
        places = lex.not_people.starting_at(words, after)
    return after + places if places else 0


def _places_at(lex: Lexicon, words: list[str], found: list[Amount], first: int) -> bool:
    """Whether the amount starting at `first` counts the places a verb's preposition leads
    to ("fled to nine camps") or the verb acts on ("have fled five rural hamlets")."""
    if words[first - 1] in _TOWARDS:
        return _places_end(lex, words, found, first) > 0
    there = next((a for a in found if a.first == first), None)
    if there is None:
        return False
    # "have fled five rural hamlets": the verb's own places, past a word that describes them
    after = there.last + 1
    return bool(
        lex.not_people.starting_at(words, after)
        or (
            not lex.people.starting_at(words, after)
            and lex.not_people.starting_at(words, after + 1)
        )
    )


_TOWARDS = frozenset(["to", "into", "in", "at", "from", "across", "towards", "toward"])


def _held_by_side(tokens: tuple[Token, ...], words: list[str], at: int) -> bool:
    """Whether the "in" at `at` opens a side's captivity: "in Russian captivity", "in
    Israeli prisons", "in Houthi detention"."""
    return (
        at + 2 < len(words)
        and tokens[at + 1].kind == "word"
        and tokens[at + 1].text[:1].isupper()
        and words[at + 2] in _HELD_IN
    )


#: How people were entered in a list of what befell them: "who were listed as missing".
_LISTED_AS = frozenset(["listed", "registered", "reported", "recorded", "declared", "counted"])
#: What makes "death" a sentence, not a death: "sentenced to death".
_SENTENCED_TO = (["sentenced", "to"], ["condemned", "to"])
#: Where a side holds those it has taken.
_HELD_IN = frozenset(["captivity", "custody", "detention", "prisons", "prison", "jails", "jail"])


def _category_right(
    lex: Lexicon,
    tokens: tuple[Token, ...],
    words: list[str],
    amount: Amount,
    found: list[Amount],
) -> Category | None:
    """A category word after the amount, over people nouns, adjectives and auxiliaries."""
    picked_from = next(
        (
            a
            for a in found
            if a.first == amount.last + 3
            or (a.first == amount.last + 4 and POSSESSIVE.search(words[a.first - 1]))
        ),
        None,
    )
    if picked_from is not None and _whole_of_part(lex, words, picked_from, found):
        return _category_right(lex, tokens, words, picked_from, found)  # "eight of its 12 crew were
        # killed": what befell the part the words after the whole tell
    if _who_they_are(lex, words, amount):
        return None  # "killed 63 civilians, 19 of them children, and injured 37": a part
    if words[amount.last + 1 : amount.last + 3] in (["of", "the"], ["of", "those"]):
        # "two of the wounded died in hospital", "nine of those released are seriously
        # wounded": what happened to them since, not before
        whole = _longest_at(lex, words, amount.last + 3)
        if whole is not None:
            after = amount.last + 3 + whole[0]
            after += lex.people.starting_at(words, after)  # "of the freed detainees were"
            since = _category_word_within(lex, words, after, 3)
            if since is not None and since is not whole[1]:
                if since is Category.DISPLACED and whole[1] is Category.WOUNDED:
                    return whole[1]  # "Eleven of the wounded were evacuated by helicopter"
                return since
    # Where other amounts start; "a" only where it counts a person ("in a serious condition")
    starts = {a.first for a in found if not a.weak or lex.people.starting_at(words, a.last + 1)}
    begins = {a.first for a in found}
    i = amount.last + 1
    limit = min(len(words), amount.last + 14)
    # "8,000 Halvarians, servicemen and civilians, remain in captivity": a side's people
    seen_people = i < len(words) and _demonym_plural(tokens[i])
    passed_comma = False
    described: Category | None = None
    while i < limit:
        word = words[i]
        if word == "(" and words[i + 2 : i + 3] == [")"] and tokens[i + 1].kind == "number":
            i += 3  # "a man (47) was injured": the age in brackets
            continue
        named = _bracketed_name(tokens, i) if word == "(" else None
        if named is not None:  # "four members of the Volunteers for the Defence of the
            limit = min(len(words), limit + named - i + 1)  # Homeland (VDP) were killed"
            i = named + 1
            continue
        if i == amount.last + 1 and _day_change(words, i + 2):
            i = (_change_closed(words, i + 2) or i + 3) + 1  # "about 241,380 (+1,040)
            continue  # eliminated": the day's change in brackets
        if (word in _HARD_STOPS and not titled(words, i)) or word in _CLAUSE_BREAKS:
            return described
        if word == "and" and words[i + 1 : i + 3] in _THE_TALLIES:
            return described  # "at 146 and the number injured at 402": the next one's tally
        if (
            word == "and"
            and words[i + 1 : i + 2] == ["that"]
            and words[i + 2 : i + 3] not in (["they"], ["these"], ["those"], ["all"])
        ):
            return described  # "lost 20 men and that its own units had suffered minimal
            # casualties": what was said next; but "and that they were killed" goes on
        if i in starts and (whence := _places_from(lex, words, found, i)) is not None:
            i = whence  # "1,800 residents of seven villages were evacuated": where they live
            continue
        if i in starts or (word == "after" and i + 1 in begins):
            return described  # "rose to five after one of the injured died"
        if words[i : i + 3] in (["who", "had", "been"], ["that", "had", "been"]) or (
            words[i] == "who"
            and words[i + 1 : i + 2] in (["were"], ["was"])
            and words[i + 2 : i + 3] != []
            and words[i + 2] in _LISTED_AS
        ):  # "Three soldiers who were listed as missing ... were found dead"
            # "96 people who had been registered as missing were confirmed dead": what they
            # were is not what happened to them; the verb after the clause says that
            verb = next((j for j in range(i + 3, limit) if words[j] in _MAIN_VERBS), None)
            if verb is None:
                return described
            i = verb
            continue
        if word in _ASIDE_MARKS:
            if not seen_people or passed_comma:
                return described
            passed_comma = True
            i += 1
            if words[i : i + 1] == ["and"]:
                return described  # "4 women and 2 children, and the injured to 41": no aside
            label = _longest_at(lex, words, i)
            if label is not None and words[i + label[0] : i + label[0] + 1] in _LABEL_MARKS:
                return described  # "killed - 9 servicemen, wounded - 23": the next one's label
            close = _aside_end(words, i, starts, word)  # "two civilians — a farmer and his son —"
            if (
                close is not None
                and not _SPEECH.isdisjoint(words[i:close])
                and words[close + 1 : close + 2] in _OF_THE_SPEAKER
            ):  # "26 people, the monitor said, which counts casualties": of the speaker;
                # but "Six of them, the teacher says, were killed" goes on to their verb
                return described
            if close is not None:
                # "48 servicemen, including six officers and two medics, returned home",
                # "two women, aged 64 and 71, were killed": past the aside to the verb
                i = close + 1
                limit = min(len(words), i + 8)
            elif i < len(words) and words[i] in ("including", "among"):
                return described
            continue
        if word == "in" and _held_by_side(tokens, words, i):
            return Category.CAPTURED  # "remain in Israeli prisons", "are in Houthi detention"
        if word == "death" and words[i - 2 : i] in _SENTENCED_TO:
            i += 1  # "two of whom had been sentenced to death": condemned, not dead
            continue
        best = _longest_at(lex, words, i)
        if best is not None and _describes(lex, words, i, best[0]):
            # "71 displaced people ... have been killed": the adjective yields to a verb
            # later in the clause; "2.8 million internally displaced people live" has none.
            described = described or best[1]
            seen_people = True
            i += best[0]
            continue
        if best is not None and word in _WOUND_NOUNS and _cause_before(words, i):
            i += best[0]  # "three of them by gunshot wounds": how, not what befell them
            continue
        if (
            best is not None
            and amount.weak
            and words[i - 1] == "the"
            and "who" in words[amount.last + 1 : i]
            and words[i - 2] not in _BE
            and words[i - 2] not in ("among", "of")
        ):
            i += best[0]  # "a woman who helped carry the wounded": whom she helped
            continue
        if best is not None and word == "under" and words[i - 1] == "from":
            i += best[0]  # "pulled four people alive from under the rubble": out of it
            continue
        if (
            best is not None
            and "identified" in words[i : i + best[0]]
            and _REMAINS.isdisjoint(words)
        ):
            i += best[0]  # "143 separated children were identified": found alive, not dead
            continue
        if (
            best is not None
            and word in _EVENT_NOUNS
            and i > amount.last + 1
            and (
                amount.weak
                or any(w in _BE or w.endswith("ing") for w in words[amount.last + 1 : i])
            )
        ):
            i += best[0]  # "Two officers were convicted of ordering the killings": not them
            continue
        if best is not None:
            following = i + best[0]
            # "12 people and wounded 30": the verb belongs to the next amount, unless that
            # counts the places it led to ("11,400 residents fled to nine camps")
            if (
                following in starts
                and i > amount.last + 1
                and not _places_at(lex, words, found, following)
            ):
                return None
            if word in _BODIES and (
                i == amount.last + 1 or (i == amount.last + 2 and words[i - 1] == "of")
            ):  # "502 bodies returned", "Thousands of bodies held in morgues": they are dead
                return best[1]
            if word == "evacuated" and best[1] is Category.DISPLACED:
                care = _cared_for(words, i)
                if _ILLNESS.intersection(words[i + 1 : i + 12]):
                    return None  # "evacuated for treatment of illness": no one was hurt
                if care or _UNIFORMED.intersection(words[max(0, amount.first - 6) : i]):
                    # "Four servicemen were evacuated alive to the military hospital": the
                    # wounded are taken for care, and soldiers are not displaced
                    return Category.WOUNDED if care else None
            if lex.people.starting_at(words, i) and word not in _PARTICIPLES:
                later = _category_word_within(lex, words, i + best[0], 4)
                if later is not None:
                    return later
            if word in _PARTICIPLES and seen_people and i > amount.last + 1:
                since = _befell_since(lex, words, i + best[0])
                if since is not None and since is not best[1]:
                    return since  # "9 persons detained in the raids have not been seen since"
            if (
                best[1] is Category.KILLED
                and word in ("fell", "lives", "toll", "remains")
                and (word == "toll" or (i > amount.last + 3 and not seen_people))
            ):
                i += best[0]
                continue
            if best[1] is not Category.KILLED and _died_since(words, i + best[0], starts):
                return Category.KILLED  # "two soldiers wounded in the clash died in hospital"
            return best[1]
        if word in _KIN_OF and words[i + 1 : i + 2] == ["of"]:
            return None  # "400 relatives of missing soldiers": not the missing
        if lex.people.starting_at(words, i):
            seen_people = True
        elif (
            (things := lex.not_people.starting_at(words, i))
            and not seen_people
            # "120 Brigades fighters"; but "a third woman" is no count of thirds
            and (words[i] in _FRACTIONS or not lex.people.starting_at(words, i + things))
        ):
            return None
        if word in _SPEECH and i > amount.last + 1:
            return described
        i += 1
    return described


#: A tally named next: "and the number injured at 402".
_THE_TALLIES = [["the", noun] for noun in sorted(_TALLY_NOUNS)]
#: Kin of the people a category word names, who are not those people.
_KIN_OF = frozenset(["relatives", "families", "parents", "mothers", "fathers", "wives",
                     "husbands", "widows", "kin", "relative", "family", "mother", "father",
                     "wife", "widow"])  # fmt: skip
#: Deaths named as deeds, which a count before them counts only in their own clause.
_EVENT_NOUNS = frozenset(["killings", "executions", "hangings"])
_WOUND_NOUNS = frozenset(["wounds", "wound", "injuries", "injury"])
#: Where the evacuated are taken, or how, that makes them the wounded, not the displaced.
_CARE = frozenset(["hospital", "hospitals", "alive", "medical", "treatment", "clinic",
                   "helicopter", "surgery", "burns", "injuries"])  # fmt: skip


def _cared_for(words: list[str], evacuated: int) -> bool:
    """Whether the words after "evacuated" take the people for care: "to the military
    hospital", "by helicopter", "alive with burns"; not "from the hospital"."""
    for j in range(evacuated + 1, min(len(words), evacuated + 9)):
        if words[j] in _CARE and "from" not in words[max(evacuated, j - 3) : j]:
            return True
    return False


_ILLNESS = frozenset(["illness", "illnesses", "sickness", "disease", "diseases", "ill"])
#: Those whom an evacuation does not displace.
_UNIFORMED = frozenset(["servicemen", "serviceman", "soldiers", "soldier", "troops", "crew",
                        "fighters", "officers", "personnel", "peacekeepers"])  # fmt: skip
#: Words that make those "identified" the dead: "2,675 of the bodies have been identified".
_REMAINS = frozenset(["remains", "bodies", "body", "victims", "dead", "exhumed", "exhumation",
                      "exhumations", "dna", "grave", "graves", "fallen", "deceased", "bones",
                      "forensic", "morgue", "killed"])  # fmt: skip


def _cause_before(words: list[str], i: int) -> bool:
    """Whether "by" or "from" sets the words ending before `i` off as a cause: "by gunshot
    wounds", "from shrapnel injuries"."""
    return any(words[j : j + 1] in (["by"], ["from"]) for j in (i - 1, i - 2))


#: What ends the clause in which people counted as wounded may since have died.
_DIED_STOPS = frozenset(["and", "but", "while", "when", "whereas", "after", "before"])


def _died_since(words: list[str], start: int, starts: set[int]) -> bool:
    """Whether the clause a category word stands in goes on to say the people died since
    ("who were wounded in the strike died overnight"): their fate, not what befell them."""
    j, limit = start, min(len(words), start + 14)
    while j < limit:
        close = _aside_end(words, j + 1, set()) if words[j] == "," else None
        if close is not None:
            aside = words[j + 1 : close]
            if not _DIED.isdisjoint(aside) or not _SPEECH.isdisjoint(aside):
                return _SPEECH.isdisjoint(aside)  # ", the ministry said, as the hurt succumbed"
            limit = min(len(words), limit + close + 1 - j)
            j = close + 1  # "Two men who were wounded, a dealer aged 52 and his nephew, died"
            continue
        if words[j - 1 : j + 1] == ["no", "."] or (
            j in starts and (words[j - 1] in _NOT_COUNTS_AFTER or words[j - 2 : j] == ["no", "."])
        ):
            j += 1  # "School No. 4", "aged 52": no one counted
            continue
        if j in starts or words[j] in _HARD_STOPS or words[j] in _DIED_STOPS:
            return False
        if words[j] in _DIED:
            return True
        j += 1
    return False


_DIED = frozenset(["died", "succumbed"])
#: Words after which a number counts no one: "Hospital Number 4", "aged 52".
_NOT_COUNTS_AFTER = frozenset(["number", "aged"])


#: Words that open a relative clause, whose verb is not the clause's own.
_RELATIVES = GRAMMAR_WORDS["relatives"]


def _aside_end(words: list[str], start: int, starts: set[int], mark: str = ",") -> int | None:
    """The comma (or dash, as `mark` opened it) that closes an aside opened just before
    `start`, when one does within a few words and the aside counts nobody of its own, or
    breaks the figure down before its verb ("five soldiers, 3 civilians, and" is a list,
    not an aside)."""
    counts = False
    relative = False  # "including a girl who was separated from her family": its own verb
    first: int | None = None  # the first comma, when the verb does not follow it
    for j in range(start, min(len(words), start + 28)):
        if _in_brackets_alone(words, j):
            continue  # "two deminers, Jaro Velesk (31) and Mila Hartun (27), were killed"
        if words[j] in _HARD_STOPS and not titled(words, j):
            return first
        relative = relative or words[j] in _RELATIVES
        if not relative and (words[j] in _BE or words[j] in ("have", "has", "had")):
            return first  # "14 players, coaches and staff have been killed": the clause's verb
        if words[j] == mark:
            # "At least 24 people, 22 students and two members of staff, were killed": a
            # breakdown set off between the figure and its verb
            if relative and words[j + 1 : j + 2] in (["the"], ["a"], ["an"]):
                return None  # "six people, whose remains were returned, the Unit said"
            if words[j + 1 : j + 2] in _VERB_AFTER_ASIDE:
                return j
            if words[start] in ("including", "among"):
                if not lexicon().people.starting_at(words, j + 1):
                    return j
                # "41 people, among them soldiers, police officers and civilians, were
                # still held": the list's own commas, up to the one before the verb
                first = j if first is None else first
                continue
            if counts:
                return first  # "five soldiers, 3 civilians, and": a list
            if mark != ",":
                return j  # the closing dash
            if first is None and j - start >= 16:
                return None
            # "Two journalists, the camera operator Yousef Sakhr, 34, and the reporter Lina
            # Hamdan, 27, were killed": the aside may hold commas of its own before the verb
            first = j if first is None else first
        counts = counts or (j in starts and words[j] not in ("a", "an"))
    return first


def _in_brackets_alone(words: list[str], at: int) -> bool:
    """Whether a word is a numeral alone in brackets, or one of the brackets around it: an
    age after a name ("Jaro Velesk (31)")."""
    first = at - _FROM_OPENING.get(words[at], 1)
    return (
        first >= 0
        and words[first : first + 1] == ["("]
        and words[first + 2 : first + 3] == [")"]
        and words[first + 1].isdigit()
    )


#: How far a bracket stands past the opening one of "(31)"; the numeral stands one past.
_FROM_OPENING = {"(": 0, ")": 2}


def _set_off_parts(words: list[str], result: list[Figure]) -> list[Figure]:
    """ "At least 24 people, 22 students and two members of staff, were killed": the figures
    of an aside between a figure and its verb are parts of it; but in "two of its staff, a
    logistics officer and a driver, were killed" the aside names the same two again."""
    starts = {f.first for f in result}
    restated: set[int] = set()
    for n, whole in enumerate(result):
        opening = next(
            (
                j
                for j in range(whole.last + 1, min(len(words), whole.last + 5))
                if words[j] in _ASIDE_MARKS
            ),
            0,
        )
        close = _aside_end(words, opening + 1, starts, words[opening]) if opening else None
        if close is None or words[close + 1 : close + 2] not in _VERB_AFTER_ASIDE:
            continue
        inside = [m for m in range(n + 1, len(result)) if opening < result[m].first < close]
        # "1.3 million people — six in ten of the territory's 2.1 million residents — are":
        # the whole the people are a part of is no one's figure
        restated.update(m for m in inside if _of_a_whole(words, result[m].first))
        if words[opening + 1] not in _BREAKDOWN_OPENERS and all(
            words[result[m].first] in ("a", "an") for m in inside
        ):
            restated.update(inside)  # "Two children, a boy and his sister, were among"
            if inside and len(inside) == whole.value:  # what the verb after it says befell them
                result[n] = replace(whole, category=result[inside[-1]].category)
            continue
        for m in inside:
            result[m] = replace(result[m], breakdown=True)
    return [f for m, f in enumerate(result) if m not in restated]


def _of_a_whole(words: list[str], first: int) -> bool:
    """Whether the amount at `first` follows "of the", "of its" or "of the town's"."""
    return words[first - 2 : first] in _OF_A_WHOLE or (
        POSSESSIVE.search(words[first - 1]) is not None
        and (words[first - 3 : first - 1] == ["of", "the"] or words[first - 2] == "of")
    )  # "of the town's 11,000", "of Kaldo's 90,000"


#: The marks that set an aside off between a figure and its verb.
_ASIDE_MARKS = frozenset([",", "—", "–"])
#: What opens words about who spoke, after an aside that names them.
_OF_THE_SPEAKER = (["which"], ["who"], ["whose"], ["a"], ["an"])
#: What ends the words between people counted and what they were doing ("five policemen
#: escorting"): a mark, a bracket or the next item of a list.
_CLAUSE_END = _ASIDE_MARKS | {";", ":", "and", "or", "(", ")"}
#: What follows an aside that counts people of its own when it breaks the figure down.
_VERB_AFTER_ASIDE = [["were"], ["was"], ["are"], ["is"], ["have"], ["has"], ["had"], ["died"]]


def _bracketed_name(tokens: tuple[Token, ...], opening: int) -> int | None:
    """Where a short name in brackets that opens at `opening` closes: "(VDP)", "(Red
    Crescent)"; None when the brackets hold anything else."""
    for j in range(opening + 1, min(len(tokens), opening + 5)):
        if tokens[j].text == ")":
            return j if j > opening + 1 else None
        if tokens[j].kind != "word" or not tokens[j].text[:1].isupper():
            return None
    return None


def _who_they_are(lex: Lexicon, words: list[str], amount: Amount) -> bool:
    """Whether a figure set off after another says only who some of those were: ", 19 of
    them children,"; not what befell them (", seven of them with injuries")."""
    if amount.first == 0 or words[amount.first - 1] != ",":
        return False
    if words[amount.last + 1 : amount.last + 3] != ["of", "them"]:
        return False
    noun = amount.last + 3
    people = lex.people.starting_at(words, noun)
    if not people or _longest_at(lex, words, noun) is not None:
        return False  # ", one of them wounded": what befell one of them
    after = words[noun + people : noun + people + 2]
    return (
        after[:1] in ([")"], ["."], [";"], [])
        or after in ([",", "and"], ["and"])
        or (after[:1] == [","] and len(after) > 1 and after[1] in _CLAUSE_AFTER)
    )  # ", 11 of them children, when militiamen attacked": the figure's verb came before


#: Words that open a clause after a part set off by commas, which is then no verb's subject.
_CLAUSE_AFTER = frozenset(["when", "after", "as", "while", "in", "on", "at", "during", "near",
                           "according", "including", "since", "following", "before", "until",
                           "across", "mostly", "many"])  # fmt: skip


def _befell_since(lex: Lexicon, words: list[str], start: int) -> Category | None:
    """What the clause's main verb says befell people a participle described: "persons
    detained during the searches have not been seen since"."""
    for i in range(start, min(len(words), start + 8)):
        if words[i] in _HARD_STOPS or words[i] in (",", "and", "but", "while", "whereas", "who"):
            return None
        if words[i] in _AUXILIARIES:
            return _category_word_within(lex, words, i, 5)
    return None


_AUXILIARIES = frozenset(["have", "has", "had", "were", "was", "are", "is", "remain", "remains"])


def _category_word_within(lex: Lexicon, words: list[str], start: int, span: int) -> Category | None:
    """A verb saying what happened, shortly after a noun ("11 detainees died", "three
    hostages had been killed")."""
    for i in range(start, min(len(words), start + span)):
        if words[i] in _HARD_STOPS or words[i] in (",", "and", "but", "while", "whereas"):
            return None  # "7 fighters ascended as martyrs and 15 were wounded": not theirs
        be = i - 2 if i > 1 and words[i - 1].endswith("ly") else i - 1  # "are seriously"
        passive = be >= 0 and words[be] in _BE and words[i] in _PARTICIPLES
        best = _longest_at(lex, words, i)  # "were killed or injured": both, not killed
        if best is not None and (passive or not lex.people.starting_at(words, i)):
            return best[1]
    return None


_BE = frozenset(["were", "was", "been", "are", "is", "be"])


def _category_left(lex: Lexicon, words: list[str], start: int) -> Category | None:
    """ "the death toll rose to 52", "fatalities stand at 12": a category before the amount,
    within seven words not counting a date's ("since the invasion began on 9 June 2694")."""
    i = start
    left = 7
    while left > 0:
        if i <= 0:
            return None
        word = words[i - 1]
        if not _in_date(words, i - 1):
            left -= 1
        if word in _HARD_STOPS or word == ",":
            return None
        best: tuple[int, Category] | None = None  # the longest phrase: "sanitary losses"
        for category, phrases in lex.categories.items():
            n = phrases.ending_at(words, i)
            if (
                (
                    (n and category is not Category.OTHER)
                    or (n and word in ("casualties", "losses"))
                    or n >= 3  # "losses in killed and wounded ... amounted to 1,130"
                )
                and (best is None or n > best[0])
                and lex.category_index.longest_at(words, i - n) is not None  # "held responsible"
            ):
                best = (n, category)
        passing = (
            (  # "killed" or "dead" with words between it and the amount, "fell to": passed by
                word in ("dead", "killed")
                and i < start
                and words[i] not in (":", "at", "to", "-", "–", "—")
            )
            or (word in ("fell", "fallen") and words[i : i + 1] in (["to"], ["by"], ["from"]))
            # "a funeral ... was held for 11": an event held, not people
            or (word == "held" and words[i : i + 1] == ["for"])
        )
        if best is not None and not passing:
            return best[1]
        i -= 1
    return None


def _in_date(words: list[str], at: int) -> bool:
    """Whether a word is a day, month or year of a date: "on 9 June 2694"."""
    near = words[max(0, at - 1) : at + 2]
    if words[at] in _MONTHS:
        return any(w.isdigit() for w in near)
    return words[at].isdigit() and not _MONTHS.isdisjoint(near)


def _figure(
    tokens: tuple[Token, ...], words: list[str], amount: Amount, category: Category, lex: Lexicon
) -> Figure:
    qualifier, q_len = _qualifier(lex, words, amount)
    start_token = amount.first - q_len
    value, low, high = amount.value, amount.low, amount.high
    if amount.vague:
        qualifier = Qualifier.AT_LEAST
    elif low is not None and high is not None:
        qualifier = Qualifier.RANGE
    elif amount.about and qualifier is Qualifier.EXACT:
        qualifier = Qualifier.ABOUT
    if (
        value is not None
        and qualifier is Qualifier.EXACT
        and words[amount.last + 1 : amount.last + 3] in (["or", "more"], ["and", "more"])
    ):
        qualifier = Qualifier.AT_LEAST
    group, group_first, group_last = _group(lex, tokens, words, amount)
    if not group:
        group = _tally_group(lex, tokens, words, amount.first)
    end_token = _category_end(lex, tokens, words, amount, category)
    first = min(start_token, group_first) if group_first >= 0 else start_token
    last = max(end_token, group_last)
    if not any(_longest_at(lex, words, i) for i in range(first, last + 1)):
        # The words that say what the figure counts stand before it ("the number of
        # servicemen killed now stands at 2,855"): its span reaches back to its clause.
        while first > 0 and words[first - 1] not in (",", ";", ":", "(", "—", "–"):
            first -= 1
    opener = words[max(0, start_token - 2) : start_token]
    breakdown = (
        any(w in _BREAKDOWN_WORDS for w in opener)
        or (
            opener[-1:] == ["of"]
            and not _longest_at(lex, opener, 0)  # not "the deaths of 41,288"
            and opener[0] not in _WHOLE_OF  # nor "the names of 11 citizens", "a total of 40"
        )
        or (  # "Two of the dead were children": a part of those counted before
            words[amount.last + 1 : amount.last + 3] == ["of", "the"]
            and _longest_at(lex, words, amount.last + 3) is not None
        )
    )
    return Figure(
        category=category,
        qualifier=qualifier,
        value=value,
        low=low,
        high=high,
        start=tokens[first].start,
        end=tokens[last].end,
        first=amount.first,
        last=amount.last,
        group=group,
        group_first=group_first,
        breakdown=breakdown,
        rises=_rises(lex, words, amount),
        added=_added(lex, words, amount, start_token),
        told_before=_told_then(words[max(0, start_token - 20) : start_token]),
        reported_then=_reported_then(words[max(0, start_token - 8) : start_token]),
    )


def _reported_then(head: list[str]) -> bool:
    """ "yesterday evening we reported 15 dead", "On Wednesday evening the Directorate
    reported 27": a figure a verb of reporting in the past gave at a time before now."""
    put_at = head[-1:] == ["at"] and "put" in head  # "initially put the number of dead at 63"
    return (
        (head[-1:] in _REPORTED_THEN or put_at or head[-2:] in _SPOKE_OF)
        and not _PAST_TIMES.isdisjoint(head[:-1])
        and "not" not in head
        and "been" not in head
    )


_REPORTED_THEN = [["reported"], ["gave"], ["announced"], ["counted"], ["recorded"]]
#: "last night we were speaking of seven": a figure spoken of then.
_SPOKE_OF = [["speaking", "of"], ["spoke", "of"], ["talking", "of"], ["talked", "of"]]
#: Times before now that a figure given then may be named by.
_PAST_TIMES = GRAMMAR_WORDS["weekdays"] | {
    *("yesterday", "earlier", "morning", "last", "overnight", "initially", "originally")
}


#: Nouns whose "of" gives the whole figure, not a part of one before it.
_WHOLE_OF = frozenset(["names", "total", "identities", "list", "number", "families"])
_BREAKDOWN_WORDS = frozenset(["including", "incl", "among", "includes", "include", "whom", "them"])


def _qualifier(lex: Lexicon, words: list[str], amount: Amount) -> tuple[Qualifier, int]:
    best = (Qualifier.EXACT, 0)
    if _preposition_before(words, amount.first):
        return best
    for name, phrases in lex.qualifiers.items():
        n = phrases.ending_at(words, amount.first)
        if n > best[1]:
            best = (Qualifier(name), n)
    return best


def _group(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], amount: Amount
) -> tuple[str, int, int]:
    """The words naming whose losses the amount counts: "Azerbaijani servicemen"."""
    i = amount.last + 1
    first = -1
    last = -1
    while i < len(words) and i <= amount.last + 5:
        word = words[i]
        n = lex.people.starting_at(words, i)
        if n and word not in (
            "dead",
            "killed",
            "wounded",
            "injured",
            "missing",
            "displaced",
            "more",
            "others",
            "fatalities",
            "casualties",
            "victims",
        ):
            if first < 0:
                first = i
            last = i + n - 1
            i += n
            if (
                i < len(words)
                and words[i] in ("of", "from")
                and i + 1 < len(words)
                and (tokens[i + 1].text[:1].isupper())
            ):
                last = i + 1
                i += 2
            continue
        if last >= 0:
            break
        token = tokens[i]
        if token.kind == "word" and (
            token.text[:1].isupper()
            or word in lex.parties
            or word in lex.enemy
            or "-" in word
            or word in lex.own
        ):
            if first < 0:
                first = i
            i += 1
            continue
        if word in ("of", "the", "our", "its", "their") and first < 0:
            i += 1
            continue
        break
    if last < 0:
        return "", -1, -1
    return " ".join(t.text for t in tokens[first : last + 1]), first, last


def _tally_group(lex: Lexicon, tokens: tuple[Token, ...], words: list[str], first: int) -> str:
    """ "the number of servicemen killed ... stands at 2,855": the people a tally counts."""
    for i in range(first - 1, max(0, first - 20), -1):
        if words[i] in (".", ";", "!", "?"):
            return ""
        if words[i] == "of" and words[i - 1] in _TALLY_NOUNS:
            n = lex.people.starting_at(words, i + 1)
            return " ".join(t.text for t in tokens[i + 1 : i + 1 + n]) if n else ""
    return ""


def _category_end(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], amount: Amount, category: Category
) -> int:
    """The last token of the category words after the amount, or the amount itself: those of
    the figure's category where others come first ("two soldiers wounded in the clash
    died"), past a short name in brackets ("six soldiers (VDP) were killed"), as far as the
    category was looked for."""
    i = amount.last + 1
    limit = min(len(words), amount.last + 14)
    first_end: int | None = None
    while i < limit:
        named = _bracketed_name(tokens, i) if words[i] == "(" else None
        if named is not None:
            limit = min(len(words), limit + named - i + 1)
            i = named + 1
            continue
        if words[i] in _HARD_STOPS or words[i] == ",":
            break
        found = lex.category_index.longest_at(words, i)
        if found is not None:
            n = found[0]
            following = words[i + n] if i + n < len(words) else ""
            if following[:1].isdigit() or is_number_word(following):
                break  # "41 people and wounded 124": the verb is the next one's
            if found[1] is category:
                return i + n - 1
            if first_end is None and i < amount.last + 10:  # not another figure's words
                first_end = i + n - 1
            i += n
            continue
        i += 1
    return amount.last if first_end is None else first_end


_BREAKDOWN_OPENERS = frozenset(
    ["including", "incl", "among", "of", "whom", "them", "includes", "include", "included", ":",
     "comprise", "comprising", "comprised"]
)  # fmt: skip


#: "four of them were volunteers": the words after an amount that make it part of the
#: figure before it.
_OF_THOSE = (["of", "them"], ["of", "whom"], ["of", "which"], ["of", "these"], ["of", "those"])
#: What the part of a count of casualties died of: "73 casualties, 21 of them fatal".
_FATAL = (["fatal"], ["fatally"], ["dead"], ["killed"])
#: At most this many words from one amount of an enumeration to the next.
_ENUMERATION_GAP = 10
#: Where the next of a list of amounts was: "eleven were killed in Kach and six near Tor".
_PLACE_PREPOSITIONS = (["in"], ["at"], ["near"], ["outside"], ["around"], ["inside"])


def _settle_coordination(
    result: list[Figure],
    pending: list[tuple[int, Amount]],
    tokens: tuple[Token, ...],
    words: list[str],
    lex: Lexicon,
    context: Category | None,
) -> list[Figure]:
    """ "12 soldiers and 4 civilians were killed": the first amount takes the second's verb;
    "including 41 children": a breakdown takes the figure's category; "12 were killed in
    Kerr and 9 in Bosk": the second place's figure, the first's."""
    keep = [True] * len(result)
    for index, amount in pending:
        if _verb_of_its_own(words, amount.first, amount.last):
            keep[index] = False  # "killed 1,150 terrorists and arrested 380 of them"
            continue
        later = [
            f for f in result[index + 1 :] if f.category is not Category.OTHER or _other(words, f)
        ]
        earlier = [
            f for f in result[:index] if f.category is not Category.OTHER or _other(words, f)
        ]
        opener = words[max(0, amount.first - 3) : amount.first]
        closer = words[amount.last + 1 : amount.last + 3]
        if later and closer == ["of", "the"] and later[0].first == amount.last + 3:
            # "Children made up 23 of the 66 civilians killed"
            result[index] = replace(result[index], category=later[0].category, breakdown=True)
            continue
        if context is not None and not earlier:
            earlier = [replace(result[index], category=context, breakdown=False)]
        if (
            earlier
            and (
                any(w in _BREAKDOWN_OPENERS for w in opener)
                or (  # "43 children were injured (26 boys and 17 girls)"
                    opener[-1:] == ["("] and lex.people.starting_at(words, amount.last + 1) > 0
                )
                or (
                    closer[:1] in (["are"], ["were"])
                    and lex.people.starting_at(words, amount.last + 2) > 0
                )
                or closer in _OF_THOSE
                or (  # "six of the adult victims were over 70"
                    closer == ["of", "the"]
                    and any(
                        lex.people.starting_at(words, i) > 0
                        for i in range(amount.last + 3, amount.last + 5)
                    )
                )
                or (opener[-1:] in (["and"], [","]) and earlier[-1].breakdown)
                or _among_opening(words, amount)
            )
        ):
            fatal = closer in _OF_THOSE and words[amount.last + 3 : amount.last + 4] in _FATAL
            category = Category.KILLED if fatal else earlier[-1].category  # "21 of them fatal"
            result[index] = replace(result[index], category=category, breakdown=True)
            continue
        after, noun = _listed_people_noun(
            lex, tokens, words, amount, words[amount.last + 1 : later[0].first] if later else []
        )
        people = noun > 0
        if later and _takes_next(lex, tokens, words, amount, later[0]):
            result[index] = replace(result[index], category=later[0].category)
            continue
        if (  # "returned 72 servicemen, 12 guardsmen and 6 border guards"
            earlier
            and people
            and opener[-1:] in (["and"], [","])
            and amount.first - earlier[-1].last <= _ENUMERATION_GAP
            # but "14 were killed and six others arrested" says what befell the six
            and not _own_participle(words, after + noun)
        ):
            result[index] = replace(result[index], category=earlier[-1].category,
                                    breakdown=earlier[-1].breakdown)  # fmt: skip
            continue
        if (
            earlier
            and opener[-1:] in (["and"], [","])
            and closer[:1] in _PLACE_PREPOSITIONS
            and amount.last + 2 < len(tokens)
            and tokens[amount.last + 2].text[:1].isupper()
            and amount.first - earlier[-1].last <= _ENUMERATION_GAP
        ):
            result[index] = replace(result[index], category=earlier[-1].category)
            continue
        if earlier and _gapped(lex, words, amount, earlier[-1]):
            result[index] = replace(result[index], category=earlier[-1].category,
                                    breakdown=earlier[-1].breakdown)  # fmt: skip
            continue
        clause = max(
            (i + 1 for i in range(max(0, amount.first - 6), amount.first) if words[i] == ","),
            default=max(0, amount.first - 6),
        )
        named = range(clause, amount.first)  # "After checks, the correct figure is 35"
        if (
            context is not None
            and any(words[i] in _TALLY_NOUNS and [words[i - 1]] not in _DIALLED for i in named)
            and not any(lex.not_people.starting_at(words, i) for i in named)
        ):  # "... 5,000 deaths. The true number may be closer to 6,000": of the same kind
            result[index] = replace(result[index], category=context)
            continue
        if _other(words, result[index]):
            continue
        keep[index] = False
    # "Five soldiers, two police officers, and three civilians were killed": a list's first
    # item takes the verb once the item after it has
    for index, amount in reversed(pending):
        following = next((result[n] for n in range(index + 1, len(result)) if keep[n]), None)
        if (
            not keep[index]
            and following is not None
            and following.category is not Category.OTHER
            and _takes_next(lex, tokens, words, amount, following)
        ):
            result[index] = replace(result[index], category=following.category)
            keep[index] = True
    return [f for f, k in zip(result, keep, strict=True) if k]


def _takes_next(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], amount: Amount, following: Figure
) -> bool:
    """Whether an amount of people takes what befell the next figure, in a list before its
    verb: "12 soldiers and 4 civilians were killed"."""
    between = words[amount.last + 1 : following.first]
    after, noun = _listed_people_noun(lex, tokens, words, amount, between)
    return (
        noun > 0
        and len(between) <= 6
        and any(w in ("and", ",", "or", "plus", "including") for w in between)
        and not any(w in _HARD_STOPS or w == "that" for w in between)
        # nor "six patients, and injured 20": a clause of its own after the list
        and not _clause_after(between)
        # nor does "12 people, two of whom later died" tell what befell the twelve
        and words[following.last + 1 : following.last + 3] != ["of", "whom"]
        # but "Twelve people were rescued and two are missing" says what befell the twelve
        and not _own_passive(words, after + noun - 1)
    )


def _gapped(lex: Lexicon, words: list[str], amount: Amount, before: Figure) -> bool:
    """Whether an amount is the next of a list that leaves out the verb of the figure
    before it: "Artillery killed 71, drones 54 and mines 6", "41 were caused by shelling, 9
    by drones and 2 by mines"."""
    if before.last >= amount.first:
        return False
    if words[amount.last + 1 : amount.last + 2] not in ([], [","], ["and"], ["."], [";"]):
        after = words[amount.last + 1] if amount.last + 1 < len(words) else ""
        head = words[before.last + 1 : before.last + 9]
        return (
            words[amount.first - 1] in (",", "and")
            and after in _GAPPED_PREPOSITIONS
            and after in head[: _index(head, ",")]
        )
    if _a_year(words[amount.first]):
        return False  # "born 2490"
    gap = words[before.last + 1 : amount.first]
    mark = max((i for i, w in enumerate(gap) if w in (",", "and")), default=-1)
    if mark < 0 or gap[mark - 1 : mark] == [","]:
        return False
    owned, names = gap[:mark], [w for w in gap[mark + 1 :] if w != "and"]
    return (
        0 < len(names) <= 4
        and len(owned) <= 2
        and all(
            lex.people.starting_at(owned, i) or _longest_at(lex, owned, i)
            for i in range(len(owned))
        )
        and all(
            w.replace("-", "").isalpha() and w not in _NOT_MODIFIERS and w not in _SPEECH
            for w in names
        )
        and not any(_longest_at(lex, names, i) for i in range(len(names)))
        and _AGE_WORDS.isdisjoint(names)  # "aged about 40"
    )


_AGE_WORDS = frozenset(["aged", "age", "ages", "born"])
#: The prepositions a list may repeat after each of its figures: "9 by drones".
_GAPPED_PREPOSITIONS = frozenset(["by", "at", "in", "from", "on"])


def _listed_people_noun(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], amount: Amount, between: list[str]
) -> tuple[int, int]:
    """Where the people an amount of a list counts are named, and in how many words (0 where
    none): "five other staff members and", "41 Tellesk and 23 Marrovian soldiers"."""
    after = amount.last + (2 if words[amount.last + 1 : amount.last + 2] == ["other"] else 1)
    if words[after : after + 1] == ["of"] and words[after + 1 : after + 2] in _OWN:
        after += 2  # "killed 8 civilians and 3 of its fighters"
    noun = _people_noun(lex, words, after)
    if not noun and between[1:2] == ["and"] and tokens[after].text[:1].isupper():
        noun = 1  # a side's: "41 Tellesk and 23 Marrovian soldiers"
    return after, noun


#: Whose people a list's amount counts: "3 of its fighters", "two of our soldiers".
_OWN = (["its"], ["our"], ["their"])


def _clause_after(between: list[str]) -> bool:
    """Whether words between two amounts open a clause of their own (", and injured 20"),
    not the next item of a list (", and three civilians")."""
    return any(
        between[i : i + 2] == [",", "and"] and i + 2 < len(between) for i in range(len(between))
    )


#: Words no qualifier of a people noun can be: "38 security force personnel" and "4
#: innocent civilians" name people; "38 of them", "38 were" do not.
_NOT_MODIFIERS = frozenset(["and", "or", "of", "in", "on", "at", "to", "by", "for", "from",
                            "with", "against", "near", "after", "before", "during", "among",
                            "than", "as", "the", "a", "an", "were", "was", "are", "is", "had",
                            "have", "has", "been", "who", "which"])  # fmt: skip


def _people_noun(lex: Lexicon, words: list[str], at: int) -> int:
    """How many words from `at` name a count's people, past up to two words that qualify
    them ("innocent civilians", "security force personnel"); 0 when no people noun follows."""
    for skip in range(3):
        if skip and (
            at + skip >= len(words)
            or not words[at + skip - 1].isalpha()
            or words[at + skip - 1] in _NOT_MODIFIERS
        ):
            return 0
        found = lex.people.starting_at(words, at + skip)
        if found:
            return skip + found
    return 0


def _verb_of_its_own(words: list[str], start: int, last: int) -> bool:
    """Whether an amount joined by "and" to a clause before has a verb of its own that is no
    category word: "and six were arrested", "and arrested 380 of them"."""
    if words[start - 1 : start] == ["and"]:
        return _own_passive(words, last)
    return start >= 2 and words[start - 2] == "and" and _own_participle(words, start - 1)


def _own_passive(words: list[str], last: int) -> bool:
    """Whether a passive verb of its own follows an amount ("six were arrested"), one that
    is no category word: what befell those counted is no category before it."""
    at = last + 1
    if words[at : at + 1] in (["have"], ["has"], ["had"]) and words[at + 1 : at + 2] == ["been"]:
        at += 2
    elif words[at : at + 1] in (["were"], ["was"], ["are"], ["is"]):
        at += 1
    else:
        return False
    return _own_participle(words, at)


def _own_participle(words: list[str], at: int) -> bool:
    """Whether a participle stands at `at` ("six others questioned"). Asked only of a count
    whose words name no category: its verb is then one the grammar does not count by, and
    the count joins no list before it."""
    return at < len(words) and len(words[at]) > 4 and words[at].endswith("ed")


def _among_opening(words: list[str], amount: Amount) -> bool:
    """ "Among the civilians killed in April were 9 children": an amount in the first clause
    of a sentence that opens with "among", the first the sentence gives."""
    start = opening(words)
    return (
        words[start : start + 1] == ["among"]
        and amount.first - start <= _ENUMERATION_GAP
        and not any(
            w in _HARD_STOPS or w in _CLAUSE_BREAKS or w[0].isdigit()
            for w in words[start + 1 : amount.first]
        )
    )


#: Marks that open a list item: "- Among the civilians killed were 9 children".
_BULLETS = frozenset("-*•–")


def opening(words: list[str]) -> int:
    """Where a sentence's words begin, past a list item's mark."""
    return 1 if words[:1] and words[0] in _BULLETS else 0


def _opened_by(lex: Lexicon, words: list[str]) -> Category | None:
    """The category a sentence opens with as the whole its figures break down: "Among all
    the deaths we have confirmed, 1,377 were children"."""
    start = opening(words)
    if words[start : start + 1] not in (["among"], ["of"]):
        return None
    for i in range(start + 1, min(len(words), start + 6)):
        if words[i] in (",", ":"):
            return None
        named = _longest_at(lex, words, i)
        if named is not None and named[1] is not Category.OTHER:
            return named[1]
    return None


def _other(words: list[str], figure: Figure) -> bool:
    """Whether an OTHER figure was named as such ("casualties") rather than left unknown."""
    lex = lexicon()
    i = figure.last + 1
    for _ in range(6):
        if i >= len(words) or words[i] in _HARD_STOPS:
            return False
        if lex.categories[Category.OTHER].starting_at(words, i):
            return True
        i += 1
    return False


def _respectively(result: list[Figure], marks: list[_Earlier]) -> list[_Earlier]:
    """ "5,407 deaths and 12,880 injuries (up from 5,209 and 12,314)": earlier figures
    listed together go, in order, to as many figures listed before them. Returns the marks
    left to place one by one."""
    if len(marks) < 2 or any(b.index - a.index > 2 for a, b in pairwise(marks)):
        return marks
    newer = [f for f in result if f.first < marks[0].index and f.value is not None]
    newer = newer[-len(marks) :]
    if len(newer) < len(marks) or any(f.previous is not None or f.breakdown for f in newer):
        return marks
    for figure, mark in zip(newer, marks, strict=True):
        result[result.index(figure)] = replace(figure, previous=mark.value)
    return []


def _named_after(words: list[str], index: int) -> int | None:
    """The value in figures of "from 20 to 22" after the amount at `index`."""
    after = words[index + 1 : index + 3]
    if after[:1] == ["to"] and after[1:] and after[1].replace(",", "").isdigit():
        return int(after[1].replace(",", ""))
    return None


def _index(words: list[str], word: str) -> int:
    """Where a word stands among a few, or past them all when it is not there."""
    return words.index(word) if word in words else len(words) + 1


def _down_from(words: list[str], index: int) -> bool:
    """Whether "down from" stands among the words before the amount at `index`, past a
    qualifier ("down from about 40"): the figure that a newer, smaller one replaced."""
    before = words[max(0, index - 4) : index]
    return any(before[k : k + 2] == ["down", "from"] for k in range(len(before) - 1))


def _tally_before(words: list[str], mark: int) -> Category | None:
    """The kind of the tally named just before an earlier figure: "raising the toll from
    two", "revised the number of wounded from 12"."""
    for i in range(mark - 1, max(0, mark - 7), -1):
        if words[i] in _TALLY_NOUNS:
            return _tally_kind(lexicon(), words[i - 1 : mark])
    return None


def _same_people(words: list[str], mark: _Earlier, figures: list[Figure]) -> list[Figure]:
    """Of the figures an earlier one may have been replaced by, those of the people it
    names: "nine soldiers and five police officers were killed, raising the toll from six
    soldiers" replaced the six by the nine."""
    people = mark.index + 1 < len(words) and lexicon().people.starting_at(words, mark.index + 1)
    if not people:
        return figures
    noun = words[mark.index + 1]
    return [f for f in figures if noun in f.group.lower().split()] or figures


def _attach_earlier(
    result: list[Figure],
    marks: list[_Earlier],
    words: list[str],
) -> tuple[list[Figure], list[_Earlier]]:
    """Give each earlier figure to the figure that replaced it: the nearest whole figure
    before it ("rose to 24,100, up from 23,968"), else after it; a breakdown ("including
    2,655 children") replaces nothing. Returns the marks no figure of the sentence took."""
    orphans: list[_Earlier] = []
    marks = _respectively(result, marks)
    for mark in marks:
        candidates = [
            f
            for f in result
            if f.previous is None
            and f.value is not None
            # a revision moves a toll by a part of itself: not "88; ... in which 6 were killed";
            # but "lowered the number missing from 12 to five" and "17 are still missing, down
            # from 41" say it moved further
            and (
                mark.increment
                or mark.corrected
                or f.value >= mark.value / 2
                or 0 < f.first - mark.index <= 3
                or (_down_from(words, mark.index) and f.first < mark.index)
                # "has decreased to 1 (previously 3)": the earlier figure in brackets after it
                or (0 < mark.index - f.last <= 4 and "(" in words[f.last + 1 : mark.index])
            )
        ]
        # "143 killed and 410 wounded, an increase on the 118 dead": of its own kind, or of
        # the tally it names ("killed three and wounded eight, raising the toll from two")
        kind = mark.category or _tally_before(words, mark.index)
        candidates = [f for f in candidates if f.category is kind] or candidates
        whole = [f for f in candidates if not f.breakdown] or candidates
        before = [f for f in whole if f.first < mark.index]
        pool = _same_people(words, mark, before or whole)
        if not pool:
            if not mark.increment:
                orphans.append(mark)
            continue
        # "22 casualties (9 killed and 13 injured); the total has been revised from 20 to
        # 22": the figure the words after it name again
        again = _named_after(words, mark.index)
        named = [f for f in candidates if again is not None and f.value == again]
        nearest = min(named or pool, key=lambda f: abs(f.first - mark.index))
        previous = nearest.value - mark.value if mark.increment and nearest.value else mark.value
        if previous is not None and previous >= 0:
            result[result.index(nearest)] = replace(nearest, previous=previous)
    return result, orphans
