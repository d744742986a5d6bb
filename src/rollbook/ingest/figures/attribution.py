"""Who states a figure, and whose losses it counts.

A claimant is found where reporting puts it: the subject of a verb of saying ("the ministry
said"), its inverted form ("said the ministry"), or "according to ...". A later short mention
("the ministry", "it") is the organisation named in full before it. A party is the side a
demonym, a possessive or the claimant's own "our" names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from rollbook.ingest.figures.lexicon import GRAMMAR_WORDS, TITLES, Lexicon, lexicon, titled
from rollbook.ingest.figures.numbers import is_number_word
from rollbook.ingest.figures.tokens import CAPITAL, POSSESSIVE, WORDS, Sentence, Token

_PRONOUNS = frozenset(["it", "they", "he", "she", "we", "i"])
_SKIP_BEFORE_VERB = GRAMMAR_WORDS["skip_before_verb"]
_ARTICLES = frozenset(["the", "a", "an"])
#: The verb before a participle that makes its subject the one acted on: "are listed".
_PASSIVE_BE = frozenset(["is", "are", "was", "were", "been", "being"])
_OWNERS = GRAMMAR_WORDS["possessives"]
#: Words that join a name's parts, in English and in the Romance languages' names
#: ("Observatorio de Paz y Territorio", "Comité des Droits").
JOINERS = frozenset(["of", "for", "in", "on", "and", "de", "at", "&", "y", "del", "des", "du",
                      "la", "las", "los", "et", "da", "das", "dos", "di"])  # fmt: skip
_NOT_CLAIMANTS = GRAMMAR_WORDS["not_claimants"]
#: Words that tell one body's list or count from another's by no name: "Central", "Main".
_GENERIC = GRAMMAR_WORDS["unit_words"]
_CLAUSE_OPENERS = GRAMMAR_WORDS["clause_openers"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """A claimant named in a sentence, at a token position."""

    index: int
    text: str  # as written, without a leading article
    pronoun: bool = False
    weak: bool = False  # the subject of "treated", "admitted": a claimant only if none speaks
    new: bool = False  # "a local official": someone not named before, never "the" one before
    surname: bool = False  # "Outaranga wrote": whoever the text introduced with the name


#: "the ministry's figure of 2,881", "its statement that": what a claimant states.
_CLAIM_NOUNS = frozenset(["claim", "figure", "figures", "toll", "estimate", "count", "tally",
                          "data", "statement", "announcement", "assertion", "communique",
                          "communiqué", "bulletin", "breakdown"])  # fmt: skip
#: Words between an owner and its figures: "the mission's latest figures".
_FIGURE_ADJECTIVES = frozenset(["latest", "preliminary", "updated", "revised", "provisional",
                                "confirmed", "official", "own", "new", "last", "daily", "weekly",
                                "monthly", "final", "running", "initial", "first", "original",
                                "earlier", "previous"])  # fmt: skip
#: Nouns that are a figure or hold one, and the words after them that state it: "the
#: ministry's toll is 27,340", "the Ministry's confirmed figure, as of 1 March, is", "the
#: army's communique, read on television, speaks of".
_FIGURE_NOUNS = frozenset(["figure", "figures", "toll", "count", "tally", "estimate", "data",
                           "statement", "communique", "communiqué", "bulletin"])  # fmt: skip
_FIGURE_NEXT = [[w] for w in (",", "is", "was", "are", "were", "for", "stands", "stood", "now",
                              "reached", "rose", "climbed", "shows", "showed", "puts")]  # fmt: skip
#: Words of a figure's kind between an owner and its figure: "the ministry's death toll".
_FIGURE_KINDS = _FIGURE_ADJECTIVES | frozenset(
    ["cumulative", "overall", "total", "death", "casualty", "verified", "combined", "civilian"]
)
#: What may stand between a figure and the verb that states it: "the ministry's tally since
#: 8 October now stands at": a period or a place ("in the region"), never a clause.
_SPAN_OPENERS = frozenset(["since", "in", "from", "over", "across", "as", "to", "of", "at"])

# Verbs of saying that open a clause whose subject is the sentence's speaker.
_PARTICIPLES = frozenset(["saying", "adding", "noting", "stating", "claiming", "reporting"])

# Verbs of care whose subject (a hospital, a team) states a figure only when nobody else does.
_CARE_VERBS = GRAMMAR_WORDS["care_verbs"]


@cache
def _cues() -> frozenset[str]:
    """The words at which `attributions` may find a claimant: verbs of saying, the first
    words of "according to" and its kin, and participles that keep a speaker."""
    lex = lexicon()
    return (
        lex.say_verbs | {phrase[0] for phrase in lex.according} | _PARTICIPLES | _STATED_OF | {"by"}
    )


#: What a body states, "of" it, when "that" gives what: "the claims of the Marzabadi
#: Defence Ministry that over 300 soldiers were killed".
_STATED_OF = frozenset(["claim", "claims", "statement", "statements", "assertion",
                        "assertions", "allegation", "allegations"])  # fmt: skip


#: Verbs whose agent gives a figure: "the account given on Thursday by".
_GIVEN = frozenset(["given", "provided", "offered", "supplied", "presented", "established",
                    "drawn"])  # fmt: skip
#: What a claimant gives that holds a figure: "the account given by", "the number given by".
_ACCOUNTS = _CLAIM_NOUNS | {"account", "accounts", "version", "details", "number", "total",
                           "balance"}  # fmt: skip


def _given_before(words: list[str], by: int) -> bool:
    """Whether "by" names who gave an account, a few words after the verb of giving and with
    no clause or number between ("the account given on Thursday evening by", "the balance
    sheet drawn up by"); not who gave anything else ("the reference samples given by
    relatives")."""
    for j in range(by - 1, max(-1, by - 6), -1):
        if words[j] in _GIVEN:  # "the account given", "The figure of 40 was given"
            return any(w in _ACCOUNTS or w in _SOURCE_NOUNS for w in words[max(0, j - 8) : j])
        if words[j] in _PASSIVE_SAID and words[j - 1 : j] in (["was"], ["were"]):
            return words[:1] in (["this"], ["it"])  # "This was reported on Telegram by"
        if words[j] in (",", ";", ":", "(", ")") or words[j][:1].isdigit():
            return False
    return False


#: Verbs of saying that are also plural nouns: "reports", "estimates".
_NOUN_VERBS = frozenset(["reports", "records", "counts", "estimates", "documents", "updates",
                         "claims", "lists", "notes", "posts"])  # fmt: skip


def _plural_noun(lex: Lexicon, tokens: tuple[Token, ...], words: list[str], i: int) -> bool:
    """Whether a verb of saying is a plural noun ending its phrase after a word that names
    no one: "a project that compiles media and local reports, recorded"; not "18 killed,
    the army reports."."""
    return (
        words[i] in _NOUN_VERBS
        and i > 0
        and words[i + 1 : i + 2] in ([","], [";"], [")"])
        and tokens[i - 1].kind == "word"
        and tokens[i - 1].text.islower()
        and words[i - 1] not in lex.claimant_heads
        and words[i - 1] not in _PRONOUNS  # "how it counts, and"
        and words[i - 1] not in ("who", "which", "that")
    )


def _unnamed_sources(words: list[str], at: int, cited: str) -> bool:
    """Whether "citing" names only where the speaker's figure came from, no body of its own:
    "its own monitors", "hospitals and local authorities", "a military source"; not "the
    district police command" nor "the Serrandine authorities", whose figure it relays."""
    return words[at : at + 1] in (["its"], ["their"]) or (
        cited.islower() and words[at : at + 1] != ["the"]
    )


#: What was said of the words before: "This was reported on Telegram by the head of ...".
_PASSIVE_SAID = frozenset(["reported", "announced", "stated", "said", "confirmed", "posted"])


#: Say verbs that are also acts done to people: "released figures", but "released 27 people".
_ACTS = frozenset(["released", "handed"])


def _releases_people(lex: Lexicon, tokens: tuple[Token, ...], words: list[str], i: int) -> bool:
    """Whether a say verb is an act done to the people a figure counts ("the Front released
    27 hostages"): who did it is not thereby who says so."""
    if words[i] not in _ACTS:
        return False
    j = i + 1 + lex.any_qualifier.starting_at(words, i + 1)
    return j < len(words) and (
        tokens[j].kind == "number" or is_number_word(words[j]) or words[j] in _SOME
    )


_SOME = frozenset(["a", "an", "dozens", "scores", "hundreds", "thousands", "several", "all"])


def _stated_next(words: list[str], at: int) -> bool:
    """Whether a figure's noun ending before `at` is stated next ("toll is", "count, as of
    1 March, is"), or after a phrase of its period or place ("tally since 8 October now
    stands")."""
    if words[at : at + 1] in _FIGURE_NEXT:
        return True
    if words[at : at + 1] and words[at] in _SPAN_OPENERS:
        ahead = words[at + 1 : at + 8]
        verb = next((n for n, w in enumerate(ahead) if [w] in _FIGURE_NEXT and w != ","), -1)
        return verb >= 0 and not any(w in (",", "that", "which", "who") for w in ahead[:verb])
    return False


def _befell(lex: Lexicon, text: str) -> bool:
    """Whether a name is only a word for what befell people ("Injured", "Killed")."""
    words = text.lower().split()
    return len(words) == 1 and lex.category_index.longest_at(words, 0) is not None


def attributions(sentence: Sentence) -> list[Attribution]:
    """The claimants a sentence names, with where each is named."""
    lex = lexicon()
    tokens = sentence.tokens
    words = sentence.words
    found: list[Attribution] = []
    cues = _cues()
    joined = " ".join(words)
    owners = "'s" in joined or "’s" in joined
    if not owners and cues.isdisjoint(words):
        return found  # most sentences: no verb of saying and no owner's figure
    i = 0
    while i < len(words):
        if found and words[i] == "in" and words[i + 1 : i + 2] in (["fact"], ["reality"]):
            # "the group claimed to have killed 60, when in fact 4 were killed": the writer's
            found.append(Attribution(i, "we", pronoun=True))
        if words[i] not in cues and not (owners and words[i].endswith(("'s", "’s"))):
            i += 1  # most words name no claimant and start no phrase that does
            continue
        if words[i] in _STATED_OF and words[i + 1 : i + 2] == ["of"]:
            phrase = _phrase_after(lex, tokens, words, i + 2)
            if phrase and "that" in words[i + 3 : i + 14]:
                found.append(Attribution(i + 2, phrase))  # "The statement of the ministry that"
                i += 2
                continue
        if words[i] == "by" and _given_before(words, i):
            phrase = _phrase_after(lex, tokens, words, i + 1)
            if phrase:  # "the account given on Thursday evening by Colonel Rennard Ilsby"
                found.append(Attribution(i, phrase))
            i += 1
            continue
        n = lex.according.starting_at(words, i)
        if n:
            at = i + n
            if words[i] == "according" and words[at : at + 1] in _HOW_MANY:
                at += 1  # "according to two security sources": the sources
            phrase = _side_tallies(tokens, words, at) or _phrase_after(lex, tokens, words, at)
            cue = words[i : i + n]
            if phrase and (
                (cue[-1:] == ["by"] and cue[-2:-1] in (["cited"], ["quoted"]))
                or (cue == ["citing"] and _unnamed_sources(words, i + n, phrase))
            ):
                # "cited by Radio Fells" relays another's figure; "OCHA said, citing
                # hospitals", "citing its own monitors": OCHA's and the monitors' figure
                found.append(Attribution(i, phrase, weak=True))
            elif (
                phrase
                and cue in (["citing"], ["quoting"])
                and _SOURCE_NOUNS.isdisjoint(words[i + n : i + n + 5])  # not "hospital records"
            ):
                # "Radio Fells reported, citing the health office": the office's figure
                found = [replace(a, weak=True) if not a.pronoun else a for a in found]
                found.append(Attribution(i, phrase))
            elif phrase:
                found.append(_role_after(lex, tokens, words, i + n) or Attribution(i, phrase))
            elif words[i] == "according" and (surname := _surname(lex, tokens, at)) is not None:
                found.append(surname)  # "According to Hnatyshyn, 31 were injured"
            elif words[i + n : i + n + 1] in (["its"], ["their"]) and (
                words[i + n + 1 : i + n + 2] and words[i + n + 1] in _SOURCE_NOUNS
            ):  # "according to its statement": whoever "it" is
                found.append(Attribution(i + n, "it", pronoun=True))
            elif n == 1 and words[i] in lex.say_verbs:
                n = 0  # "The ministry cites 40 dead": a verb whose subject gives the figure
            if n:
                i += n
                continue
        noun = i + 1
        while noun < min(len(words), i + 3) and words[noun] in _FIGURE_KINDS:
            noun += 1
        if (
            noun < len(words)
            and words[noun] in _CLAIM_NOUNS
            and (
                words[noun + 1 : noun + 2] in (["of"], ["that"], [":"])
                or (words[noun] in _FIGURE_NOUNS and _stated_next(words, noun + 1))
            )
            and POSSESSIVE.search(words[i])
            and not _in_relative_aside(lex, words, i)
        ):  # "the General Staff's claim of 12,000", "the government's statement that 140",
            # "the Ministry's confirmed figure, as of 1 March, is 27,340", "the ministry's
            # death toll since 8 October now stands at 2,367"; not "The army, which disputes
            # the ministry's figures, said"
            owner = _owner(lex, tokens, words, i)
            if owner is not None:
                found.append(owner)
        if words[i] in _PARTICIPLES and i > 0 and words[i - 1] == ",":
            subject = None if found else opening_subject(sentence)
            if subject is not None and subject.index < i:
                found.append(subject)  # "The Civic Front rejected the figures, saying 60"
            if found:
                i += 1  # "X put the toll at 11, saying ...": X still speaks
                continue
        if (
            words[i] in lex.say_verbs
            and tokens[i].kind == "word"
            and not (  # "the Iraq Body Count said", "the project Fallen Register": names
                i > 0
                and not sentence.headline
                and tokens[i].text[:1].isupper()
                and tokens[i - 1].text[:1].isupper()
            )
            and not (i > 0 and words[i - 1] in _ARTICLES)  # "an estimated 340"
            and not _plural_noun(lex, tokens, words, i)  # "compiles local reports, recorded"
            and not (i > 0 and words[i - 1] in _OWNERS)  # "revised its count": a noun
            and not (i > 0 and POSSESSIVE.search(words[i - 1]))  # "the ministry's count"
            and not _releases_people(lex, tokens, words, i)
            and not (words[i] == "found" and words[i + 1 : i + 2] in _FOUND_AS)  # "found dead"
            and not (words[i] in _BEFORE_THAT and words[i + 1 : i + 2] != ["that"])  # "denied it"
            and not (words[i] in _CLAIM_VERBS and _LIVES.intersection(words[i + 1 : i + 3]))
            and not (  # "All agencies to confirm": an order, "refused to confirm": no saying
                i > 1 and words[i - 1] == "to" and words[i - 2] not in _MINDED
            )
            and not (  # "Eleven residents are listed as missing": the counted, not who counts
                i > 0
                and words[i - 1] in _PASSIVE_BE
                and (words[i].endswith("ed") or words[i] in ("said", "told"))
            )
        ):
            subject = _phrase_before(lex, tokens, words, i) or _surname(lex, tokens, i - 1)
            if subject is not None and _befell(lex, subject.text):
                subject = None  # a table's "Injured admitted": the people, not who counts
            if subject is not None and words[i] in _CARE_VERBS:
                if words[subject.index - 2 : subject.index] == ["which", "the"]:
                    i += 1  # "three deaths which the forensic service found unrelated"
                    continue
                subject = Attribution(subject.index, subject.text, subject.pronoun, weak=True)
            if subject is not None:
                found.append(subject)
            if (
                (subject is None or (subject.pronoun and subject.text in ("we", "i")))
                and i + 1 < len(words)
                and words[i + 1] not in JOINERS
            ):  # "said in its address"
                # '"We have buried 35," said a member of the Rescue Team': the reader
                # weighs the "we" within the quotation against the speaker after it
                after = i + 1
                if words[after] == "to" and words[after + 1 : after + 2] in _AUDIENCES:
                    after += 2  # "said to journalists the head of regional administration"
                inverted = _phrase_after(lex, tokens, words, after)
                if inverted and words[i] in _INVERTED:
                    comma = next(
                        (j for j in range(i + 1, min(len(words), i + 8)) if words[j] == ","), -1
                    )
                    employer = _employer(lex, tokens, words, comma + 1) if comma > 0 else None
                    found.append(employer or Attribution(i, inverted))
                elif not inverted and (surname := _surname(lex, tokens, i + 1)) is not None:
                    found.append(surname)  # "..., said Outaranga."
        i += 1
    # "WHO said hospitals in Goma had treated 4,100": who says it, not who treated them.
    if any(not a.weak for a in found):
        found = [a for a in found if not a.weak]
    if any(a.pronoun and a.text in ("it", "they") for a in found):
        subject = opening_subject(sentence)
        kind = head(subject.text) if subject is not None else ""
        if (
            subject is not None
            and not subject.pronoun
            and not is_number_word(subject.text.split()[0].lower())  # "Eleven residents"
            and kind in lex.claimant_heads
            and not kind.endswith("s")  # "Security forces ..., it said": not they
        ):
            # "The Defence Ministry on Thursday repeated its formula: over the past day, it
            # said, ...": "it" is the body the sentence opens with
            found = [
                subject if a.pronoun and a.text in ("it", "they") and subject.index < a.index else a
                for a in found
            ]
    if found and any(_unattached_role(a) for a in found):
        body = _body_of_role(lex, sentence)
        if body:
            # "At the Debre Wegel general hospital, the medical director said", "The referral
            # hospital received 21 wounded, according to the medical director": its figures
            found = [Attribution(a.index, body) if _unattached_role(a) else a for a in found]
    if len(found) > 1 and any(a.text.lower().endswith(_JOURNALISTS) for a in found):
        # "This was reported by the head of the administration, an Ukrvisti correspondent
        # reports": the journalist passes on the figure of the one named with it
        found = [a for a in found if not a.text.lower().endswith(_JOURNALISTS)] or found
    return found


def _body_of_role(lex: Lexicon, sentence: Sentence) -> str:
    """The body a sentence opens with, at which or for which a person named only by their role
    speaks: "At the Debre Wegel general hospital, ...", "The referral hospital received ..."."""
    words = sentence.words
    if words[:1] == ["at"]:
        place = _phrase_after(lex, sentence.tokens, words, 1)
        return place if place and head(place) in lex.claimant_heads else ""
    if words[:1] in (["a"], ["an"]):
        return ""  # "A hospital spokeswoman said": the hospital named before
    first = 1 if words[:1] == ["the"] else 0
    named = next((k for k in range(first, min(len(words), 6)) if words[k] in _PLACES_OF_CARE), 0)
    if named <= first or not all(
        t.kind == "word"
        and (t.text[:1].isupper() or t.low in lex.claimant_modifiers or t.low in _CARE_KINDS)
        for t in sentence.tokens[first:named]
    ):
        return ""  # "The hospital" alone names none, "Two passengers died in hospital" none
    if not first and not sentence.tokens[0].text[:1].isupper():
        return ""
    return _text(sentence.tokens, first, named)


def _unattached_role(attribution: Attribution) -> bool:
    """Whether an attribution is a person named only by what they do: "the medical director",
    "a senior doctor"."""
    text = attribution.text
    return not attribution.pronoun and text.islower() and text.rsplit(" ", 1)[-1] in _ROLE_WORDS


#: Where a doctor or a director speaks for the place: "The Mabindo referral hospital".
_PLACES_OF_CARE = frozenset(["hospital", "clinic", "infirmary", "morgue"])
#: What kind of hospital a name may say it is: "The Mabindo general referral hospital".
_CARE_KINDS = frozenset(["referral", "teaching", "field", "university", "children's"])
#: Who reports for the outlet, passing on what others say.
_JOURNALISTS = ("correspondent", "correspondents", "reporter", "reporters")


def _surname(lex: Lexicon, tokens: tuple[Token, ...], at: int) -> Attribution | None:
    """A person named by surname alone beside a verb of saying ("Outaranga wrote", "said
    Voss"): one capitalised word that names no side, month or day. Whose words these are
    only the reader can tell, from where the text introduced the name."""
    if not 0 <= at < len(tokens):
        return None
    token = tokens[at]
    if (
        token.kind != "word"
        or len(token.text) < 3
        or not token.text[0].isupper()
        or not token.text[1:].islower()
        or token.low in lex.parties
        or token.low in _NOT_NAMES
    ):
        return None
    neighbours = tokens[at - 1 : at] + tokens[at + 1 : at + 2]
    if any(t.kind == "word" and t.text[:1].isupper() for t in neighbours):
        return None  # part of a longer name the grammar did not take for a claimant
    return Attribution(at, token.text, surname=True)


#: Capitalised words before a verb of saying that are no one's surname.
_NOT_NAMES = frozenset([*GRAMMAR_WORDS["months"], *GRAMMAR_WORDS["weekdays"], *_PRONOUNS])


def bracketed_source(sentence: Sentence) -> list[Attribution]:
    """A source named in brackets after the figures it gives: "six people killed and 23
    injured (Zaporizhzhia Regional Military Administration)"."""
    if ")" not in sentence.words:
        return []  # most sentences: no brackets
    tokens = sentence.tokens
    close = next((i for i in range(len(tokens) - 1, 1, -1) if tokens[i].text == ")"), 0)
    if close == 0 or (close + 1 < len(tokens) and tokens[close + 1].text not in ".;,"):
        return []  # no brackets, or brackets that do not end a clause
    words = sentence.words
    opening = next((i for i in range(close - 1, max(-1, close - 16), -1) if words[i] == "("), -1)
    # "(Tolleven Emergency Medical Service, first statement at the scene)": the source, then
    # a note on it
    end = next((i for i in range(opening + 1, close) if words[i] in (",", ";")), close)
    inner = tokens[opening + 1 : end]
    if opening < 1 or not inner or any(t.kind != "word" for t in inner):
        return []
    if _AUTHOR_HEADS.isdisjoint(words[opening + 1 : end]):
        return []  # a place or people in brackets, not an organisation
    if len(inner) == 1 and inner[0].low not in _AUTHOR_HEADS:
        return []
    if not any(t.kind in ("number", "range") or is_number_word(t.low) for t in tokens[:opening]):
        return []
    found = _attribution(lexicon(), tokens, words, opening + 1, end)
    return [found] if found is not None else []


_AUTHOR_HEADS = GRAMMAR_WORDS["author_heads"]
_DASHES = frozenset(["-", "–", "—"])


def trailing_source(sentence: Sentence) -> list[Attribution]:
    """A wire flash's source after a final dash: "toll rises to 11, 27 injured - State
    Emergency Service"."""
    if _DASHES.isdisjoint(sentence.words):
        return []  # most sentences: no dash
    tokens = sentence.tokens
    end = len(tokens) - 1 if tokens[-1].text in (".", "!") else len(tokens)
    dash = next((i for i in range(end - 1, max(0, end - 9), -1) if tokens[i].text in _DASHES), 0)
    if dash == 0 or not any(
        t.kind == "number"
        and _REFERENCE.isdisjoint((tokens[i - 1].text if i else "", tokens[i + 1].text))
        for i, t in enumerate(tokens[:dash])
    ):
        # no figure before the dash, only a time ("13:20 - Heavy tear gas in ...") or a
        # reference ("Ref 2573/1184 - 08:20 - Quarry Lane")
        return []
    if any(t.kind != "word" or is_number_word(t.low) for t in tokens[dash + 1 : end]):
        return []  # "- four truck drivers and two nurses": whom the figure counts
    if sentence.words[dash + 1 : dash + 2] == ["by"]:
        return []  # "Monday, April 12, 2590 - By our reporter": a byline, the outlet's
    lex = lexicon()
    found = _attribution(lex, tokens, sentence.words, dash + 1, end)
    if found is None or head(found.text) not in lex.claimant_heads:
        return []  # "- Quarry Lane": a place, not a source
    return [found]


#: What stands beside the number of a time or a reference, not a figure: "08:20", "2573/1184".
_REFERENCE = frozenset([":", "/"])


def colon_speaker(text: str, sentence: Sentence) -> list[Attribution]:
    """Who speaks a quotation a colon opens: 'Mayor Hedda Sornay on the city's channel: "At
    least four of our people have been killed"' is the mayor's; and, unquoted, who gives the
    figures of a live entry: "15:40 - State Emergency Service: six dead, 27 wounded"."""
    if ":" not in sentence.words:
        return []  # most sentences: no colon
    tokens = sentence.tokens
    colon = next(
        (
            i
            for i, t in enumerate(tokens[:-1])
            if t.text == ":" and _QUOTES_OPEN.intersection(text[t.end : tokens[i + 1].start])
        ),
        -1,
    )
    if colon < 1:
        colon = labelled_entry(sentence)
    if colon < 1:
        return []
    begin = _entry_start(tokens, colon)
    while begin < colon and tokens[begin].kind in ("punct", "number"):
        begin += 1  # a live entry's time: "**07:45** Mayor Tilde Marrasch on her channel:"
    words = sentence.words
    end = next((i for i in range(begin, colon) if words[i] in _MEDIUM or words[i] == "("), colon)
    if end - begin > 1 and words[end - 1] in _ISSUED_AS:
        end -= 1
    if words[begin] in _PRESENTERS:
        return []  # "ANCHOR (Nadia Qassar): Good evening": the broadcaster's own words
    found = _attribution(lexicon(), tokens, words, begin, end) if end > begin else None
    return [found] if found is not None else []


def labelled_entry(sentence: Sentence) -> int:
    """Where the colon stands after an organisation that opens an entry and before the
    figures it gives ("State Emergency Service: six dead"); -1 for a label ("Killed: 12"),
    a time ("15:40") or none."""
    if ":" not in sentence.words:
        return -1
    tokens = sentence.tokens
    colon = next(
        (
            i
            for i, t in enumerate(tokens[:16])
            if t.text == ":" and (tokens[i - 1].kind == "word" or tokens[i - 1].text == ")")
        ),
        -1,
    )
    if colon < 1:
        return -1
    begin = _entry_start(tokens, colon)
    # "Army HQ, Thursday briefing:", "Braska health office (separatist-run):": the name
    # before the medium, the day or a note on it
    stop = next((i for i in range(begin, colon) if tokens[i].text in (",", "(")), colon)
    if stop < colon and not any(_when_or_where_said(t) for t in tokens[stop:colon]):
        return -1  # "North group of forces (Zolmir sector):": a part of a list
    named = tokens[begin:stop]
    lex = lexicon()
    if (
        len(named) < 2
        or not all(_claimant_word(lex, t) and t.kind == "word" for t in named)
        or not any(t.low in lex.claimant_heads for t in named)
        or not (  # a timed entry's figures may follow in the sentences after
            tokens[0].text in _BRACKETS
            or any(t.kind == "number" or is_number_word(t.low) for t in tokens[colon + 1 :])
        )
    ):
        return -1
    return colon


#: Where a figure was given, after the name of whoever gave it: "Braska Front,
#: Telegram, Wednesday:".
_MEDIA = frozenset(["telegram", "channel", "tv", "television", "radio", "website", "x"])


def _when_or_where_said(token: Token) -> bool:
    """Whether a word after an entry's name tells when or where the figure was given."""
    return (
        token.kind == "number"
        or token.low in _DAYS
        or token.low in _MONTHS
        or token.low in _SOURCE_NOUNS
        or token.low in _MEDIA
    )


#: What opens a live entry's time in brackets: "[Sat 23:40] Armenian Defence Ministry:".
_BRACKETS = frozenset(["[", "("])
#: The days that may stand before a live entry's time, in full or short: "[Sat 23:40]".
_WEEKDAYS = GRAMMAR_WORDS["weekdays"]
_DAYS = _WEEKDAYS | {day[:3] for day in _WEEKDAYS} | {"tues", "thur", "thurs"}


def _entry_start(tokens: tuple[Token, ...], colon: int) -> int:
    """Where the name of whoever gives a live entry starts, past the dash before it and the
    entry's time: "15:40 - State Emergency Service:", "12:16:58 Regional governor:",
    "[Sat 23:40] Armenian Defence Ministry:"; a list's bullet stays ("• Members of the army:
    104" is a label, not a name)."""
    begin = next((i + 1 for i in range(colon - 1, -1, -1) if tokens[i].text in _DASHES), 0)
    time = max((i for i in range(begin, colon) if tokens[i].kind == "number"), default=-1)
    if time < 0 or any(
        tokens[i].kind == "word" and tokens[i].low not in _DAYS for i in range(begin, time)
    ):
        return begin  # no time before the name, or a number in it: "KTV 24 Karvenia:"
    begin = time + 1
    while begin < colon and tokens[begin].kind == "punct":
        begin += 1  # the time's closing bracket or bold: "23:40]", "07:45**"
    return begin


_QUOTES_OPEN = frozenset('"“«„')
#: Where a speaker speaks, after the speaker: "on the city's channel", "to reporters".
_MEDIUM = frozenset(["on", "to", "in", "at", "via", "during", "told", ","])
_ISSUED_AS = GRAMMAR_WORDS["issued_as"]
_PRESENTERS = GRAMMAR_WORDS["presenters"]


def opening_subject(sentence: Sentence) -> Attribution | None:
    """The organisation a sentence opens with as its subject, whatever its verb: "The RSF
    denied targeting civilians." (so that "It said" in the next sentence is the RSF)."""
    lex = lexicon()
    tokens = sentence.tokens
    begin = 1 if tokens[0].text in _BULLETS else 0
    if begin >= len(tokens) or tokens[begin].low in _NOT_SUBJECT_OPENERS:
        return None
    end = begin + (sentence.words[begin] in _ARTICLES)
    while (
        end < min(len(tokens), begin + 3)
        and tokens[end].text.islower()
        and tokens[end].low not in _NOT_CLAIMANTS
    ):
        end += 1  # "The opposition Civic Front": what kind of body it is
    if end < len(tokens) and tokens[end].text.islower():
        end = begin  # "A retired colonel who": a person described
    while end < len(tokens) and _claimant_word(lex, tokens[end]) and tokens[end].text != "I":
        end += 1  # but "The most careful count I know of" is no body
    if end == begin or end >= len(tokens) or not tokens[end].text.islower():
        return None
    return _attribution(lex, tokens, sentence.words, begin, end)


_BULLETS = frozenset(["-", "*", "•"])
#: Words that open a sentence with something other than its subject.
_NOT_SUBJECT_OPENERS = frozenset(["this", "that", "these", "those", "in", "on", "at", "since",
                                  "after", "before", "during", "for", "by"])  # fmt: skip


def _owner(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], last: int
) -> Attribution | None:
    """The organisation whose possessive ends at `last`: "the Marvonian General Staff's"."""
    start = last
    while start > 0 and _claimant_word(lex, tokens[start - 1]):
        start -= 1
    return _attribution(lex, tokens, words, start, last + 1)


#: Possessive pronouns: "her office" is the office of whoever "her" is.
_HIS = [["his"], ["her"], ["its"], ["their"]]
#: Verbs of saying that may stand before their subject: "..., said the ministry", "...,
#: informs the Regional Civil Protection Headquarters".
_INVERTED = frozenset(["said", "says", "reported", "reports", "added", "adds", "stated",
                       "states", "informs", "informed", "announced", "announces", "confirmed",
                       "confirms", "wrote", "writes"])  # fmt: skip
#: Verbs that say a figure only in the clause "that" opens: "denied that any died", "has
#: established that 71 died".
_BEFORE_THAT = GRAMMAR_WORDS["denying"] | GRAMMAR_WORDS["finding"]
#: How people were found, which makes "found" no verb of saying: "Shepherds found dead".
_FOUND_AS = [["dead"], ["alive"], ["killed"], ["murdered"], ["shot"], ["hanged"], ["buried"],
             ["beheaded"], ["drowned"]]  # fmt: skip
#: "Shelling has claimed the lives of 30": a killing, not a claim.
_CLAIM_VERBS = frozenset(["claimed", "claims", "claiming", "claim"])
_LIVES = frozenset(["lives", "life"])
#: Whom a speaker may tell before being named: "said to journalists the head of ...".
_AUDIENCES = [["journalists"], ["reporters"], ["media"], ["press"]]


def _numbered(words: list[str], i: int) -> bool:
    """Whether word `i` is part of a name's number: "City Hospital No. 2", "the 14th
    Division"."""
    if words[i] == ".":
        return (
            i > 0 and words[i - 1] == "no" and words[i + 1 : i + 2] != [] and words[i + 1].isdigit()
        )
    if words[i] in _ORDINAL_ENDINGS:
        return i > 0 and words[i - 1].isdigit()  # "the 14th Division"
    return words[i].isdigit() and (
        (i > 1 and words[i - 2 : i] == ["no", "."])
        or (i + 1 < len(words) and words[i + 1] in _ORDINAL_ENDINGS)
    )


def _ordinal_in_name(lex: Lexicon, tokens: tuple[Token, ...], words: list[str], i: int) -> bool:
    """Whether the number or ending at `i` is an ordinal a name goes on after: "14th Division"."""
    if words[i] in _ORDINAL_ENDINGS:
        return True
    return i + 2 < len(words) and _claimant_word(lex, tokens[i + 2])


_ORDINAL_ENDINGS = frozenset(["st", "nd", "rd", "th"])


def _before_venue(words: list[str], end: int) -> int:
    """Where the words before a verb of saying end, before the occasion it was said at
    ("in the press conference today", "at a news briefing"), which names no speaker."""
    k = end
    while k > 0 and words[k - 1] in _SKIP_BEFORE_VERB:
        k -= 1
    for venue in _VENUES:
        if k >= len(venue) + 2 and words[k - len(venue) : k] == venue:
            opening = k - len(venue) - 2
            if words[opening] in ("in", "at") and words[opening + 1] in ("a", "the", "its"):
                return opening
    return end


#: Occasions at which a figure is told: "at a press conference", "in a briefing".
_VENUES = [["press", "conference"], ["news", "conference"], ["briefing"], ["press", "briefing"]]


def _claimant_word(lex: Lexicon, token: Token) -> bool:
    low = token.low
    return (
        token.kind == "word"
        and token.text != "who"  # "the Rescue Team who gave his name": not the WHO
        and (
            _capitalised(token.text)
            or low in lex.claimant_heads
            or low in lex.claimant_modifiers
            or POSSESSIVE.sub("", low) in lex.claimant_heads
            or low in lex.parties
        )
    ) or (token.kind == "punct" and token.text in "-&")


def _capitalised(word: str) -> bool:
    """Whether a word is written as a name's: capitalised, or led by an Arabic article
    ("al-Shabaab", "Ahl al-Thabat")."""
    return word[:1].isupper() or _PARTICLE_NAME.match(word) is not None


#: A name's word led by an Arabic article ("al-Shabaab"), but no word made of one and
#: another ("al-Qaeda-linked").
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ud|ul)-[A-Z][^-]*$")


#: How a statement may put its saying: "is pleased to announce", "deeply regrets to report".
_MINDED = frozenset(["pleased", "regrets", "regret", "sorry", "saddened", "happy", "proud",
                     "wishes", "wish", "like", "honoured", "honored", "able"])  # fmt: skip
_MINDED_BEFORE = frozenset(["is", "are", "was", "were", "deeply", "would", "profoundly"])


def _phrase_before(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], verb: int
) -> Attribution | None:
    """The subject of a verb of saying: walk left over the words an organisation's name uses."""
    end = verb
    if end > 2 and words[end - 1] == "to" and words[end - 2] in _MINDED:
        end -= 2  # "The Ministry is pleased to announce", "regrets to inform"
        while end > 0 and words[end - 1] in _MINDED_BEFORE:
            end -= 1
    end = _before_venue(words, end)  # "Dr. Samimifar, in the press conference today, said"
    if end > 0 and words[end - 1] == "and":
        return _coordinated(lex, tokens, words, end - 1)
    for _ in range(2):  # "The International Organization for Migration (IOM) (has) said"
        end = _before_alias(tokens, words, end)
        while end > 0 and (words[end - 1] in _SKIP_BEFORE_VERB or tokens[end - 1].kind == "number"):
            if words[end - 1] in ("said",) or _numbered(words, end - 1):
                break
            end -= 1
    if end > 0 and words[end - 1] in _PRONOUNS:
        return Attribution(end - 1, words[end - 1], pronoun=True)
    relative = (  # "who" opening a clause, not the "WHO" that speaks
        end > 1 and words[end - 1] in ("who", "which", "that") and tokens[end - 1].text != "WHO"
    )
    if relative and words[end - 1] != "which" and words[end - 2] != ",":
        return None  # "sons who are listed as missing": the people counted, not a speaker
    if _first_person(words, end):
        return Attribution(end - 1, "we", pronoun=True)
    if relative and words[end - 1] != "that" and words[end - 2] == ",":
        end -= 2  # "the committee, which ..., said": the phrase before the clause
        opening = next((j for j in range(end - 1, max(-1, end - 8), -1) if words[j] == ","), -1)
        if opening > 0 and words[opening + 1] in ("a", "an"):
            end = opening  # "Drunmark Casualty Watch, a monitoring group, which has recorded"
        end = _before_alias(tokens, words, end)  # "the Group for ... (GDF), ..., which said"
    elif end > 0 and words[end - 1] == ",":
        # "The Resistance Committees, a network of activists, said": skip the apposition,
        # unless it names whom a person speaks for ("Ivan Petrov, a spokesman for the army").
        opening = next((j for j in range(end - 2, max(-1, end - 26), -1) if words[j] == ","), -1)
        if opening <= 0:
            return None
        if end - opening > 3 and tokens[opening + 1].kind == "number":
            return None  # "..., 48 Zaltovians returned home, informed the Headquarters"
        its = _its_role(tokens, words, opening)
        if its is not None:
            return its  # "Its chairman, Musa Garba-Kolo, told SPS": for whom "its" stands
        spokesman = words[opening - 1] in _ROLES and words[opening - 2] in _ORGANISATIONS
        employer = (
            None  # "The government spokesman, Minister of Communication Ana Rell,": the government
            if spokesman
            else _employer(lex, tokens, words, opening + 1)
            or _later_role(lex, tokens, words, opening + 2, end - 1)
        )
        if employer is not None:
            return employer
        named = _named_apposition(lex, tokens, words, opening, end - 1)
        if named is not None:
            return named
        end = opening
        if _first_person(words, end):  # "Our correspondent in Dolmar, Sanne Ekholm, counted"
            return Attribution(end - 1, "we", pronoun=True)
        end = _before_alias(tokens, words, end)  # "The Strategic Framework (CSP), an ..., said"
    start = end
    while start > 0 and (
        _claimant_word(lex, tokens[start - 1])
        or titled(words, start - 1)
        or _numbered(words, start - 1)
        or _plural_owner(tokens, start - 1)
    ):
        start -= 1
    start = _after_juxtaposed(lex, tokens, words, start, end)
    if start >= 2 and tokens[start - 1].text.isalpha() and tokens[start - 1].text.islower():
        owner = tokens[start - 2]
        if POSSESSIVE.search(owner.text) and owner.text[:1].isupper():
            start -= 2  # "The Concord's refugee agency says": a word no list holds
        elif (
            words[start] in _OFFICES_OF_BODIES and (whose := _owner_before(lex, tokens, start)) >= 0
        ):
            start = whose  # "The army's public relations office said": the army's office
        elif (
            start < end
            and words[start - 2] in ("the", "a", "an")
            and words[start] in lex.claimant_heads
            and words[start - 1] not in _NOT_IN_SUBJECTS
            and not words[start - 1].endswith(("ed", "ing"))
        ):
            start -= 1  # "the port authority said": a kind of body no list holds
    if (
        start >= 4
        and words[start - 1] == ")"
        and words[start - 3] == "("
        and 2 <= end - start <= 3
        and all(t.text[:1].isupper() for t in tokens[start:end])
    ):  # "head of the Hralna Regional Military Administration (RMA) Taras Voloshyn informed":
        # the body whose short name stands before its head's name
        body = _phrase_before(lex, tokens, words, start - 3)
        if body is not None and not body.pronoun:
            return body
    while start < end and words[start] in JOINERS | _ARTICLES | {"-", "&"}:
        start += 1
    if start == 0 and end > 1 and words[:1] in _HIS:
        start = 1  # "Its coordinator told me", the sentence's first word capitalised
    if start == end:
        return _clause_subject(lex, tokens, words, end)
    staff = _staff_of(lex, tokens, words, start)
    if staff is not None:
        return staff
    found = _attribution(lex, tokens, words, start, end)
    if found is None:
        return None
    if words[start - 1 : start] in _HIS and found.text.islower():
        return Attribution(found.index, found.text, pronoun=True)  # "her office had registered"
    return _introduced(tokens, words, start, end, found)


def _before_alias(tokens: tuple[Token, ...], words: list[str], end: int) -> int:
    """Where a name ends that its short or own-language name in brackets follows: "the
    Ombudsman's Office (Defensoría del Pueblo) said", "the Mission (UNMISS) said"."""
    if end < 3 or words[end - 1] != ")":
        return end
    if words[end - 3] == "(":
        return end - 3
    opening = next((j for j in range(end - 3, max(0, end - 7), -1) if words[j] == "("), 0)
    if (
        opening
        and tokens[opening + 1].text[:1].isupper()
        and all(t.text[:1].isupper() or t.low in JOINERS for t in tokens[opening + 1 : end - 1])
    ):
        return opening
    return end


def _after_juxtaposed(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], start: int, end: int
) -> int:
    """Where the speaker's phrase starts when a noun stands right before its article: "in an
    evening update the Defence Ministry said", "told reporters the commission believed"."""
    for j in range(end - 2, start, -1):
        if words[j] == "the" and tokens[j - 1].text in lex.claimant_heads:
            return j
    return start


def _coordinated(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], conjunction: int
) -> Attribution | None:
    """ "The NCA denied any involvement and said", "it accused the army of firing on the
    market and said": the subject of the clause's first verb says it, not that verb's object."""
    opening = next(
        (i + 1 for i in range(conjunction - 1, -1, -1) if words[i] in (",", ";", ":")), 0
    )
    if conjunction - opening > 20:
        return None
    start = opening
    while start < conjunction and (words[start] in _ARTICLES or words[start] in _CLAUSE_OPENERS):
        start += 1
    if start < conjunction and words[start] in _PRONOUNS:
        return Attribution(start, words[start], pronoun=True)
    if start < conjunction and (tokens[start].kind != "word" or is_number_word(words[start])):
        return None  # "Two NGO drivers were abducted and released": those counted
    end = start
    while end < conjunction and _claimant_word(lex, tokens[end]):
        end += 1
    return _attribution(lex, tokens, words, start, end) if end > start else None


_STAFF = frozenset(["teams", "team", "staff", "doctors", "surgeons", "medics", "nurses",
                    "volunteers", "workers", "crews", "paramedics"])  # fmt: skip


def _staff_of(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], start: int
) -> Attribution | None:
    """ "FCC surgical teams at Corvath District Hospital treated 87": the organisation whose
    staff they are, named before them."""
    if words[start] not in _STAFF:
        return None
    if words[:1] == ["at"] and "," in words[1:start]:
        # "At Daarusalaam Hospital in the regional capital, staff said": the place's staff
        end = 1
        while end < start and (
            tokens[end].text[:1].isupper()
            or (words[end] in JOINERS and tokens[end + 1].text[:1].isupper())
        ):
            end += 1
        place = _attribution(lex, tokens, words, 1, end) if end > 1 else None
        if place is not None and head(place.text) in lex.claimant_heads:
            return place
    at = start
    while (
        at > max(0, start - 2) and tokens[at - 1].text.isalpha() and tokens[at - 1].text.islower()
    ):
        at -= 1  # "surgical", "mobile medical"
    if at == 0 or not (tokens[at - 1].text[:1].isupper() or words[at - 1] == ")"):
        return None
    employer = _phrase_before(lex, tokens, words, at)
    return None if employer is None or employer.pronoun else employer


def _introduced(
    tokens: tuple[Token, ...], words: list[str], start: int, end: int, found: Attribution
) -> Attribution:
    """ "A local elected official ... put the number at": an indefinite subject is someone
    new, described by the words between the article and the name found. Not so the
    organisation of a role: "a spokesman for the service", "a ministry spokeswoman"."""
    if any(w in _ROLE_LINKS for w in words[start:end]) or not found.text.lower().endswith(
        words[end - 1]
    ):
        return found
    article = start - 1
    while article >= 0 and start - article <= 3 and tokens[article].kind == "word":
        if words[article] in ("a", "an"):
            if found.text.islower() and found.index > article + 1:
                text = _text(tokens, article + 1, found.index - 1) + " " + found.text
                return Attribution(article + 1, text, new=True)
            return Attribution(found.index, found.text, new=True)
        if not words[article].islower():
            break
        article -= 1
    return found


_BOUNDARIES = frozenset([",", ";", ":", "that", "but", "while", "(", ")", "—", "–"])


def _plural_owner(tokens: tuple[Token, ...], at: int) -> bool:
    """Whether the token at `at` is a plural possessive or its apostrophe before a body's
    name: "doctors" and "'" of "A Sudanese doctors' group said"."""
    token = tokens[at]
    if token.text in ("'", "’"):
        return at > 0 and tokens[at - 1].text.endswith("s") and tokens[at - 1].kind == "word"
    return (
        token.kind == "word"
        and token.text.endswith("s")
        and at + 1 < len(tokens)
        and tokens[at + 1].text in ("'", "’")
    )


def _its_role(tokens: tuple[Token, ...], words: list[str], opening: int) -> Attribution | None:
    """ "Its chief surgeon, Dr Halvard Mense,": a role of the organisation "its" stands for,
    its holder named between the commas."""
    start = opening
    while start > 0 and opening - start < 4 and tokens[start - 1].text.islower():
        start -= 1
    if start == 0 or words[start - 1] not in ("its", "their") or start == opening:
        return None
    if not any(w in _ROLES or w in _OFFICES or w in _STAFF_ROLES for w in words[start:opening]):
        return None
    return Attribution(start, _text(tokens, start, opening - 1), pronoun=True)


#: Who speaks for a hospital or a clinic: "its chief surgeon".
_STAFF_ROLES = frozenset(["surgeon", "doctor", "physician", "nurse", "matron"])


def _named_apposition(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], opening: int, closing: int
) -> Attribution | None:
    """ "A rights monitor based abroad, Iran Rights Ledger, puts": the name between the
    commas, when what comes before them only describes it."""
    inner = range(opening + 1, closing)
    if not inner or any(
        tokens[j].kind != "word"
        or not (tokens[j].text[:1].isupper() or words[j] in JOINERS or words[j] in _ARTICLES)
        for j in inner
    ):
        return None
    start = opening
    while start > 0 and words[start - 1] not in _BOUNDARIES:
        start -= 1
    if start == opening or (tokens[start].text[:1].isupper() and words[start] not in _ARTICLES):
        return None
    described = words[start:opening]
    if any(w in _ROLES or w in _OFFICES for w in described):
        return None  # "A ministry spokeswoman, Ilka Varo, said": she speaks for the ministry
    if not any(POSSESSIVE.sub("", w) in lex.claimant_heads or w in _CAMPAIGNERS for w in described):
        return None
    return _attribution(lex, tokens, words, opening + 1, closing)


#: People who speak as the group a name after them gives: "The organisers, the Mothers of
#: the Disappeared of Sarnova, say".
_CAMPAIGNERS = frozenset(["organisers", "organizers", "campaigners", "activists"])


def _clause_subject(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], end: int
) -> Attribution | None:
    """ "Medics at the scene said": a subject whose last words name no organisation, taken
    whole from the clause's start when it opens with one."""
    start = end
    while start > 0 and end - start < 8 and words[start - 1] not in _BOUNDARIES:
        start -= 1
    while start < end and words[start] in _ARTICLES:
        start += 1
    if start >= end or not _claimant_word(lex, tokens[start]) or tokens[start].kind != "word":
        return None
    if any(
        t.kind == "number" or t.low in _NOT_IN_SUBJECTS or t.low in lex.say_verbs
        for t in tokens[start:end]
    ):
        return None
    # "The Ministry of Defence in the capital said": the name, not where it sits
    at = next((i for i in range(start + 2, end - 1) if words[i] in ("in", "at")), end)
    named = tokens[start:at]
    if (
        at < end
        and sum(t.text[:1].isupper() for t in named) >= 2
        and all(t.text.islower() for t in tokens[at:end])
    ):
        end = at
    return _attribution(lex, tokens, words, start, end)


# Words a subject never holds: auxiliaries, adverbs, pronouns and verbs of saying.
_NOT_IN_SUBJECTS = GRAMMAR_WORDS["not_in_subjects"]


_ROLE_LINKS = frozenset(["for", "of", "at", "with"])
#: "who chairs the commission": a person's organisation, after the verb of leading it.
_LEADS = frozenset(["chairs", "heads", "leads", "runs", "directs", "chaired", "headed", "led"])


def _employer(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], start: int
) -> Attribution | None:
    """The organisation in "a spokesman for the army", "director of the city hospital"."""
    i = start
    while i < len(words) and words[i] in _ARTICLES | {"senior", "chief", "deputy", "acting"}:
        i += 1
    if _portfolio_at(words, i):
        last = i + 1  # "Ana Rell, Minister of Foreign Affairs,": the portfolio's ministry
        while last + 1 < len(words) and (
            tokens[last + 1].text[:1].isupper() or words[last + 1] in ("the", "and")
        ):
            last += 1
        last = _before_minister(lex, tokens, i + 2, last)
        return Attribution(i, _text(tokens, i, last)) if last > i + 1 else None
    if i + 1 < len(words) and words[i] in _ROLES and words[i + 1] in _ROLE_LINKS:
        name = _phrase_after(lex, tokens, words, i + 2)
        if name:
            return Attribution(i + 2, name)
    if i + 1 < len(words) and words[i] == "who" and words[i + 1] in _LEADS:
        name = _phrase_after(lex, tokens, words, i + 2)  # "who chairs the commission"
        if name:
            return Attribution(i + 2, name)
    # "FSI's medical coordinator", "the ministry's spokesman": whose role it is.
    for j in range(i, min(len(words), i + 4)):
        if POSSESSIVE.search(words[j]) and any(w in _ROLES for w in words[j + 1 : j + 4]):
            owner = POSSESSIVE.sub("", _text(tokens, i, j))
            if owner[:1].isupper() or POSSESSIVE.sub("", words[j]) in lex.claimant_heads:
                return Attribution(i, owner)
            return None
        if not _claimant_word(lex, tokens[j]):
            return None
    return None


def _role_after(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], start: int
) -> Attribution | None:
    """ "according to Rami Haddour, director of the Levant Casualty Record": the organisation
    the role after a person's name names."""
    comma = next((j for j in range(start, min(len(words), start + 6)) if words[j] == ","), -1)
    if comma < 0 or any(w in lex.claimant_heads for w in words[start:comma]):
        return None
    return _employer(lex, tokens, words, comma + 1)


def _later_role(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], start: int, end: int
) -> Attribution | None:
    """ "Ana Rell, governor of the region and head of its civil administration": the
    organisation a role further into the apposition names."""
    for i in range(start, end - 1):
        if words[i] in _ROLES and words[i + 1] in _ROLE_LINKS:
            name = _phrase_after(lex, tokens, words[:end], i + 2)
            if name and head(name) in lex.claimant_heads:
                return Attribution(i + 2, name)
    return None


def _first_person(words: list[str], end: int) -> bool:
    """ "our teams at the district hospital admitted": the author speaking of itself."""
    for i in range(end - 1, max(-1, end - 12), -1):
        if words[i] in ("our", "we"):
            return True
        if words[i] in (",", ";", ".", "and", "that"):
            return False
    return False


_SOURCE_NOUNS = GRAMMAR_WORDS["source_nouns"]
_MONTHS = GRAMMAR_WORDS["months"]
#: Words that qualify a side's figures: "official", "latest" of "official Ukrainian figures".
_TALLY_QUALIFIERS = frozenset(["official", "latest", "new", "preliminary", "final", "provisional",
                               "updated", "revised", "verified", "confirmed"])  # fmt: skip
#: A side's figures: "Israeli tallies", "Ukrainian estimates".
_TALLIES = frozenset(["figures", "figure", "tallies", "tally", "estimates", "estimate", "data",
                      "count", "counts", "numbers", "statistics", "records"])  # fmt: skip


def _side_tallies(tokens: tuple[Token, ...], words: list[str], start: int) -> str:
    """The one capitalised word before a side's figures after "according to" ("according to
    official Israeli tallies": "Israeli"), which the reader names the side by; "" when the
    figures are an organisation's ("Health Ministry figures") or go on ("figures of ...")."""
    while start < len(words) and (words[start] in _ARTICLES or words[start] in _TALLY_QUALIFIERS):
        start += 1
    end = start + 1
    if (
        end < len(words)
        and tokens[start].kind == "word"
        and tokens[start].text[:1].isupper()
        and not POSSESSIVE.search(words[start])  # "the Ministry's figures": the ministry
        and words[end] in _TALLIES
        and words[end + 1 : end + 2] not in (["of"], ["from"], ["by"])
    ):
        return tokens[start].text
    return ""


def _phrase_after(lex: Lexicon, tokens: tuple[Token, ...], words: list[str], start: int) -> str:
    """An organisation's name after "according to" or an inverted "said"."""
    if words[start : start + 1] == ["on"]:
        return ""  # "in a statement on its Telegram channel": where, not who
    while start < len(words) and words[start] in _ARTICLES:
        start += 1
    if (
        start + 1 < len(words)
        and tokens[start].text.islower()
        and POSSESSIVE.search(words[start])
        and (
            words[start + 1] in _OFFICES
            or (  # but "the government's Registry of Victims" is the government's
                tokens[start + 1].text[:1].isupper()
                and POSSESSIVE.sub("", words[start]) not in lex.claimant_heads
            )
        )
    ):
        start += 1  # "according to the city's mayor", "the town's Emergency Response Room"
    # "according to (official) data of the Commission": the Commission.
    skipped = start
    while skipped < len(words) and words[skipped] in _SOURCE_NOUNS:
        skipped += 1
    if skipped > start and skipped < len(words) and words[skipped] in _RELEASED:
        # "according to figures released on Sunday by the State Ministry of Health"
        by = next((j for j in range(skipped + 1, min(len(words), skipped + 7))
                   if words[j] in ("by", ",", ";")), None)  # fmt: skip
        if by is not None and words[by] == "by":
            skipped = by
    if skipped > start and skipped < len(words) and words[skipped] in ("of", "from", "by"):
        start = skipped + 1
        while start < len(words) and words[start] in _ARTICLES:
            start += 1
    start = _described_name(tokens, words, start)
    end = start
    while end < len(words) and (
        _claimant_word(lex, tokens[end])
        or _before_head(lex, tokens, end, start)
        or (_numbered(words, end) and _ordinal_in_name(lex, tokens, words, end))
    ):
        if words[end] in ("said", "says"):
            break
        end += 1
    while end > start and words[end - 1] in JOINERS | _ARTICLES | {"-", "&"}:
        end -= 1
    if end == start:
        return ""
    found = _attribution(lex, tokens, words, start, end)
    if found is None or head(found.text) in _RULES:
        return ""  # "treated according to the Geneva Conventions": a rule, not a source
    return found.text


def _before_head(lex: Lexicon, tokens: tuple[Token, ...], at: int, start: int) -> bool:
    """Whether a word no list holds opens a body's name before its head: "coordination"
    of "according to the coordination headquarters"."""
    return (
        at == start
        and at + 1 < len(tokens)
        and tokens[at].kind == "word"
        and tokens[at].text.isalpha()
        and tokens[at].text.islower()
        and tokens[at].low not in _FUNCTION_WORDS
        and tokens[at].low not in _SKIP_BEFORE_VERB
        and tokens[at].low not in lex.say_verbs
        and not is_number_word(tokens[at].low)  # "reported one officer killed"
        and tokens[at + 1].low in lex.claimant_heads
        and tokens[at + 1].low not in _NOT_CLAIMANTS  # "added since update No. 3"
    )


#: Words that open no name: "from local sources", "that government".
_FUNCTION_WORDS = JOINERS | _ARTICLES | frozenset(
    ["from", "that", "this", "these", "those", "to", "by", "with", "per", "as", "its", "their",
     "his", "her", "our", "other", "some", "several", "many", "all", "both", "unnamed",
     "anonymous", "unidentified"]
)  # fmt: skip


#: What is done according to: "according to the Geneva Conventions", "the law".
_RULES = frozenset(["conventions", "convention", "law", "laws", "rules", "code", "protocol",
                    "protocols", "agreement", "accords", "accord", "regulations", "charter",
                    "constitution", "procedure", "procedures", "plan", "tradition"])  # fmt: skip


#: What is done to figures by whoever gives them: "figures released on Sunday by".
_RELEASED = frozenset(["released", "published", "issued", "compiled", "provided", "given",
                       "collected", "gathered", "supplied", "shared", "announced"])  # fmt: skip
#: Heads of a description that a name follows: "the press freedom group Open Lens".
#: How many sources say it: "according to two security sources", "several witnesses".
_HOW_MANY = (["two"], ["three"], ["four"], ["five"], ["several"], ["multiple"], ["various"])
_DESCRIBED_HEADS = frozenset(["group", "monitor", "organisation", "organization", "network",
                              "charity", "watchdog", "project", "initiative", "ngo"])  # fmt: skip


#: Words that describe a body before its name without being part of it.
_DESCRIBING = frozenset(["independent", "respected", "non-governmental", "nongovernmental",
                         "non-profit", "nonprofit", "volunteer-run", "grassroots", "leading",
                         "prominent", "well-known", "influential", "local",
                         "regional", "volunteer", "voluntary", "community"])  # fmt: skip


def _described_name(tokens: tuple[Token, ...], words: list[str], start: int) -> int:
    """Where the name starts in "the press freedom group Open Lens": after the lower-case
    words that describe it (up to four, ending in a head such as "group")."""
    for i in range(start, min(start + 4, len(words) - 1)):
        if not tokens[i].text.islower() or tokens[i].kind != "word":
            return start
        if words[i] in _DESCRIBED_HEADS and tokens[i + 1].text[:1].isupper():
            return i + 1
        if words[i] in _DESCRIBING and tokens[i + 1].text[:1].isupper():
            return i + 1  # "according to the independent Yemen Conflict Monitor"
    return start


def _attribution(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], start: int, end: int
) -> Attribution | None:
    while start < end and (
        words[start] in _ARTICLES
        or words[start] in _CLAUSE_OPENERS
        or words[start] in lex.own
        or words[start] in _SKIP_BEFORE_VERB
        or words[start] in JOINERS
        or (words[start] == "may" and start > 0 and words[start - 1] == "in")
    ):
        start += 1
    while end > start and (words[end - 1] in _SKIP_BEFORE_VERB or words[end - 1] in JOINERS):
        end -= 1
    with_at = next((i for i in range(start + 1, end - 1) if words[i] == "with"), end)
    if with_at < end and tokens[with_at + 1].text.islower() and words[with_at + 1] not in _ARTICLES:
        end = with_at  # "The Ministry of Defence with deep sorrow informs": how, not who
    if start >= end or words[start] in ("neither", "no", "none", "nobody"):
        return None  # "Neither government counts the journalists killed"
    for i in range(end - 2, start, -1):
        if words[i] in _ARTICLES and (words[i - 1] in _DASHES or words[i - 1] in _CLAIM_NOUNS):
            start = i + 1  # "DHIBAN - The Forces said", "the figures the office published"
            break
        if words[i] in _DASHES:
            start = i + 1  # "12:40 GMT - Israeli army says": a time stamp before the name
            break
        if words[i - 1] in ("quoted", "cited") and words[end - 1] == "as":
            start, end = i + (words[i] in _ARTICLES), end - 1  # "quoted the Corps as saying"
            break
    # "the ministry's statement said": the statement is the ministry's.
    last = end - 1
    while last > start and words[last] in _NOT_CLAIMANTS:
        last -= 1
    if (
        last < end - 1
        and tokens[last + 1].text[:1].isupper()
        and not any(
            POSSESSIVE.sub("", t.low) in lex.claimant_heads and t.text[:1].isupper()
            for t in tokens[start : last + 1]
        )
        and not all(w in _GENERIC for w in words[start : last + 1])  # "the Central Register"
    ):
        last = end - 1  # "the project Fallen Register", a name that no body's word holds
    elif words[last] in _NOT_CLAIMANTS:
        return None
    if words[last] in _FIGURE_ADJECTIVES and POSSESSIVE.search(words[last - 1]):
        last -= 1  # "the mission's latest figures": the mission's
    elif words[last + 1 : last + 2] and words[last + 1] in _NOT_CLAIMANTS:
        # "The Unit's national register", "the army's own monthly report": the owner's
        owner = next((i for i in range(last, start, -1) if POSSESSIVE.search(words[i - 1])), None)
        if (
            owner is not None
            and all(t.text.islower() for t in tokens[owner : last + 1])
            and lex.claimant_heads.isdisjoint(words[owner : last + 1])  # "'s commissioner"
        ):
            last = owner - 1
    phrase = [t.low for t in tokens[start : last + 1]]
    capitals = [t for t in tokens[start : last + 1] if t.kind == "word" and _capitalised(t.text)]
    has_head = any(POSSESSIVE.sub("", w) in lex.claimant_heads for w in phrase)
    named = len(capitals) >= 2 or any(
        sum(c.isupper() for c in t.text) >= 2  # "IOM", "MoH"
        or t.low in lex.parties
        or _PARTICLE_NAME.match(t.text) is not None  # "al-Shabaab"
        for t in capitals
    )
    if not has_head and not named:
        return None
    start, last = _organisation(lex, tokens, words, start, last)
    if all(w in _SKIP_BEFORE_VERB or w in lex.parties for w in phrase) and not any(
        _capitalised(t.text) for t in tokens[start : last + 1]
    ):
        return None
    text = _without_descriptor(POSSESSIVE.sub("", _text(tokens, start, last)))
    side = lex.parties.get(text.lower())
    if side is not None and side.lower() != text.lower() and not text.isupper():
        return None  # "Armenian" alone names a side's people, not who speaks; "IDF" speaks
    return Attribution(start, text)


def _owner_before(lex: Lexicon, tokens: tuple[Token, ...], start: int) -> int:
    """Where the body owning the office that starts at `start` is named, across up to three
    words that no list holds ("the army's public relations office"); -1 if none is."""
    for at in range(start - 2, max(-1, start - 5), -1):
        owner = tokens[at]
        if POSSESSIVE.search(owner.text):
            body = POSSESSIVE.sub("", owner.low)
            named = owner.text[:1].isupper() or body in lex.claimant_heads or body in lex.parties
            return at if named else -1
        if not (owner.text.isalpha() and owner.text.islower()) or owner.low in lex.say_verbs:
            return -1
    return -1


#: The offices through which a body speaks: "the army's public relations office".
_OFFICES_OF_BODIES = frozenset(["office", "directorate", "department", "bureau", "service",
                                "unit", "wing", "branch", "section", "agency"])  # fmt: skip


def _without_descriptor(text: str) -> str:
    """A body's name without the words that describe it before it ("the rebel Sembaran
    People's Army", "a local rights group, Northern Rights Watch") or name a part of it that
    speaks for it ("staff of the Red Cross", "the registry of the Search Commission")."""
    words = text.split(" ")
    n = next((i for i, w in enumerate(words) if not w[:1].islower()), len(words))
    if n == 0 or n == len(words):
        return text
    prefix = [w.lower() for w in words[:n]]
    if _DESCRIPTORS.issuperset(prefix) or (
        prefix[-2:] == ["of", "the"] and prefix[:-2] and prefix[-3] in _PARTS_OF_BODIES
    ):
        return " ".join(words[n:])
    return text


#: Words that describe a body before its name: "the rebel Coalition of Free Maravesh".
_DESCRIPTORS = frozenset(["local", "rebel", "rebels", "federal", "national", "bicommunal",
                          "armed", "aid", "group", "militant", "jihadist", "insurgent",
                          "rights", "government's", "military's", "army's"])  # fmt: skip
#: Parts of a body that speak for it: "the registry of the National Search Commission".
_PARTS_OF_BODIES = frozenset(["staff", "observers", "registry", "register", "report", "records",
                              "services", "experts", "monitors", "data"])  # fmt: skip


_ORGANISATIONS = GRAMMAR_WORDS["organisations"]
_ROLES = GRAMMAR_WORDS["roles"]
#: Who speaks for a hospital without being its director.
_CARERS = frozenset(["doctor", "doctors", "surgeon", "surgeons", "nurse", "physician", "medic"])
#: What a person named only by their role is: "the medical director", "a senior doctor".
_ROLE_WORDS = _ROLES | _CARERS
#: Offices a person holds, which speak for themselves: "President Ilan Corvas" is the
#: president, "the regional governor, Petr Amalik," the governor.
_OFFICES = GRAMMAR_WORDS["offices"]


def _organisation(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], start: int, last: int
) -> tuple[int, int]:
    """The organisation a person speaks for: "a spokesman for the ministry" -> the ministry,
    "ministry spokeswoman Narine Avetyan" -> ministry, "President Ilan Corvas" -> President;
    a person without one stays."""
    body = POSSESSIVE.sub("", words[last]) in lex.claimant_heads and words[last] not in _OFFICES
    for i in range(start, last):
        if (
            words[i] in _OFFICES
            and all(t.text[:1].isupper() for t in tokens[i + 1 : last + 1])
            and not body  # "the Prosecutor General's Office": a body, not a person's name
        ):
            return start, i
    for i in range(start, last + 1):
        at_body = (  # "a doctor at St. Lucan's Hospital", not "a Kivu Post reporter at"
            words[i + 1 : i + 2] == ["at"]
            and body
            and all(t.text.islower() for t in tokens[start : i + 1])
        )
        if _portfolio_at(words, i):
            spokesman = next(
                (j + 1 for j in range(i + 2, last - 1) if words[j : j + 3] in _AND_SPOKESMAN),
                None,
            )
            if spokesman is not None:
                return spokesman, spokesman  # "Minister of Communication and Government
                # Spokesman": who speaks for the government
            return start, _before_minister(lex, tokens, i + 2, last)  # a portfolio, not a body
        general = words[i + 1 : i + 2] == ["general"] and words[i] in _ROLES  # "Director General"
        if (
            (words[i] in _ROLES or at_body)
            and i + 2 + general <= last
            and words[i + 1 + general] in ("for", "of", "at")
        ):
            begin = i + 2 + general
            while begin <= last and words[begin] in _ARTICLES:
                begin += 1
            if begin <= last:
                return begin, _before_person(lex, tokens, words, begin, last)
        speaks_for = any(w in _ORGANISATIONS for w in words[start:i])
        acronym = any(tokens[j].text.isupper() and len(tokens[j].text) > 1 for j in range(start, i))
        if (
            words[i] in _ROLES
            and i > start
            and words[i - 1] not in JOINERS | _ARTICLES
            and (speaks_for or acronym)
            and not (tokens[i].text[:1].isupper() and "of" in words[start:i])
        ):  # but "the Office of the Resident Coordinator" is one name
            return start, i - 1
    return start, last


def _portfolio_at(words: list[str], i: int) -> bool:
    """Whether a minister's title with its portfolio starts at `i`: "Minister of Health"."""
    return words[i : i + 1] == ["minister"] and words[i + 1 : i + 2] in (["of"], ["for"])


#: A second office after a minister's portfolio, whose holder speaks for the government.
_AND_SPOKESMAN = [
    ["and", "government", role] for role in ("spokesman", "spokeswoman", "spokesperson")
]


def _before_minister(lex: Lexicon, tokens: tuple[Token, ...], begin: int, last: int) -> int:
    """Where a minister's portfolio ends before the minister's name: "Minister of Foreign
    Affairs Ana Rell" -> "... Affairs", "Minister of Health Dr. Farida Olumen" -> "...
    Health"; a portfolio of two words alone stays whole."""
    person = tokens[last - 1 : last + 1]
    if last - begin >= 2 and all(
        t.text[:1].isupper()
        and not t.text.isupper()
        and t.text.lower() not in lex.claimant_heads
        and t.text.lower() not in lex.claimant_modifiers
        and t.text.lower() not in lex.parties
        for t in person
    ):
        end = last - 2
        while end > begin and (tokens[end].text == "." or tokens[end].low in TITLES):
            end -= 1  # the person's title
        return end
    return last


def _before_person(
    lex: Lexicon, tokens: tuple[Token, ...], words: list[str], begin: int, last: int
) -> int:
    """Where a body's name ends before the name of the person who heads it: "Head of the
    Horodok Regional Military Administration Mykyta Dovbush" -> "... Administration"."""
    head_at = max(
        (j for j in range(begin, last + 1) if POSSESSIVE.sub("", words[j]) in lex.claimant_heads),
        default=-1,
    )
    person = tokens[head_at + 1 : last + 1]
    if head_at > begin and 2 <= len(person) <= 3 and all(t.text[:1].isupper() for t in person):
        return head_at
    return last


def _text(tokens: tuple[Token, ...], first: int, last: int) -> str:
    parts = []
    for n in range(first, last + 1):
        token = tokens[n]
        if n > first and tokens[n - 1].end < token.start:
            parts.append(" ")
        parts.append(token.text)
    return "".join(parts)


def cased(name: str) -> str:
    """A name written in capitals as it is written in a sentence: "MINISTRY OF DEFENCE" ->
    "Ministry of Defence", "STAVOK CITY MAYOR Vira Hnatyshyn" -> "Stavok City Mayor Vira
    Hnatyshyn"; short names stay ("UN PRESS SERVICE" -> "UN Press Service", "OCHA Syria")."""
    words = name.split()
    if len(words) == 1 and len(name) <= 5:
        return name  # "OCHA", "ICRC"
    if not name.isupper() and sum(1 for w in words if w.isupper() and len(w) > 2) < 2:
        return name
    heads = lexicon().claimant_heads
    return " ".join(
        w
        if not w.isupper() or (len(w) <= 3 and w.lower() in heads and n + 1 < len(words))
        else w.lower()
        if n and w.lower() in SMALL_WORDS
        else w.capitalize()
        for n, w in enumerate(words)
    )


#: Words a name written in capitals keeps in lower case: "Ministry of Defence".
SMALL_WORDS = frozenset(["of", "the", "and", "for", "in", "on", "at", "to"])


@lru_cache(maxsize=1 << 12)
def head(claimant: str) -> str:
    """The head noun of a claimant's name ("ministry" of "the Defence Ministry of Armenia")."""
    words: list[str] = [w.lower() for w in WORDS.findall(claimant)]
    lex = lexicon()
    for at in range(len(words) - 1, -1, -1):
        if words[at] in lex.claimant_heads:
            return words[at]
        if words[at] in _CIVIL_HEADS and words[at - 1 : at] == ["civil"]:
            return "service"  # "the Syria Civil Defence", though a ministry's "Defence" is none
    return words[-1] if words else ""


#: The heads of a civil defence or civil protection service's name, after "Civil".
_CIVIL_HEADS = frozenset(["defence", "defense", "protection"])


#: The words of a phrase that may name a side, dots kept ("U.S.").
_PHRASE_WORDS = re.compile(r"[\w'’.-]+")


def party_of(text: str, known: dict[str, str]) -> str:
    """The side a phrase names: by demonym, possessive or name, else ""."""
    lex = lexicon()
    if text.isalpha():  # one word, the common case: "Velorian", "Armenia"
        low = text.lower()
        return lex.parties[low] if low in lex.parties else known.get(low, "")
    words = _PHRASE_WORDS.findall(text.lower())
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i : i + n]).replace("’", "'")
            if phrase in lex.parties:
                return lex.parties[phrase]
            stripped = POSSESSIVE.sub("", phrase)
            if stripped in known:
                return known[stripped]
    return ""


_NAME_WORD = re.compile(CAPITAL + r"[a-z]{2,}\b")
#: A word in lower case between spaces or before punctuation (not in an address or handle);
#: the space or bracket before it is matched, not looked back at from every letter: quicker.
_LOWER_WORD = re.compile(r"[\s(\"“]([a-z]{3,})(?![^\s,;:.!?)\"”])")


def document_parties(text: str) -> dict[str, str]:
    """Sides named in the text that the lexicon does not list: "Velorian" of "Veloria".

    A capitalised adjective counts as a demonym only when the text also names the place
    it is formed from, so ordinary capitalised words do not become sides.
    """
    common = set(_LOWER_WORD.findall(" " + text))  # a space before the opening word
    # "Civilian", also written "civilian", is a word, not a side's name
    written = Counter(_NAME_WORD.findall(text))
    names = {
        name for name in written if name.lower() not in common and name.lower() + "s" not in common
    }
    demonyms = [name for name in names if name.endswith(("ian", "ish", "i", "ese", "an"))]
    formed = {(place, d) for d in demonyms for place in places_for(d)}  # place, its adjective
    places = {place for place, d in formed}
    found: dict[str, str] = {}
    for name in names:
        low = name.lower()
        for place in places_for(name):
            if place in names and place != name:
                found[low] = place
                break
        else:
            if low.removesuffix("'s") in lexicon().parties:
                continue
            if name in places and any((name, d) in formed for d in demonyms if d != name):
                found[low] = name  # "Veloria" beside "Velorian"; not "Human" of "Humanitarian"
    if not found:  # "Calvassy soldiers", "the Calvassy side": a place's name as its adjective
        for name in {match.group() for match in _SIDE_NAMED.finditer(text)} & names:
            if (
                name.lower() not in lexicon().parties
                and name.lower() not in _DETERMINERS
                and written[name] >= 2
            ):
                found[name.lower()] = name
    return found


def _in_relative_aside(lex: Lexicon, words: list[str], at: int) -> bool:
    """Whether the word at `at` is in a relative clause set off by commas between a subject
    and its verb of saying, in which a body is named only as what the subject does something
    to: "The army, which disputes the ministry's figures, said"."""
    opening = next((j for j in range(at - 1, -1, -1) if words[j] == ","), -1)
    closing = next((j for j in range(at + 1, len(words)) if words[j] == ","), -1)
    return (
        opening >= 0
        and closing >= 0
        and words[opening + 1] in _RELATIVES
        and words[closing + 1 : closing + 2] != []
        and words[closing + 1] in lex.say_verbs
    )


_RELATIVES = GRAMMAR_WORDS["relatives"]
#: Words that open a sentence before "army" or "forces" and name no side: "The army".
_DEMONSTRATIVES = frozenset(["this", "that", "these", "those", "both", "each", "all", "some",
                             "many", "local"])  # fmt: skip
_DETERMINERS = _ARTICLES | _OWNERS | _DEMONSTRATIVES
#: What a side's name stands before when it is used as its adjective: "Calvassy troops".
_SIDE_NOUNS = ["forces", "troops", "soldiers", "servicemen", "army", "side", "government",
               "military", "civilians", "citizens", "fighters", "authorities", "losses",
               "positions", "units"]  # fmt: skip
_SIDE_NAMED = re.compile(
    CAPITAL + r"[a-z]{2,}\b(?=(?:'s|’s)?\s+(?:" + "|".join(_SIDE_NOUNS) + r")\b)"
)


def places_for(adjective: str) -> list[str]:
    """The place names an adjective may be formed from, by the common English endings."""
    candidates = []
    if adjective.endswith("ian"):  # Velorian: Veloria; Sethanian: Sethany, as Italian: Italy;
        stem = adjective[:-3]  # Ulthanian: Ulthane
        candidates += [adjective[:-1], stem + "ia", stem, stem + "y", stem + "e"]
    if adjective.endswith("ish"):
        candidates += [adjective[:-3], adjective[:-3] + "ia"]
    if adjective.endswith("ese"):
        candidates += [adjective[:-3], adjective[:-3] + "a"]
        if len(adjective) > 7:  # Lenvarrese: Lenvarre; but "These" is formed from nothing
            candidates.append(adjective[:-3] + "e")
    if adjective.endswith("i"):
        candidates += [adjective[:-1], adjective[:-1] + "a"]
    if adjective.endswith("an"):  # Marvessan: Marvessa; Breskan: Breskany, as German: Germany
        candidates += [adjective[:-1], adjective[:-2], adjective[:-2] + "a", adjective + "y"]
    return candidates
