"""A report's casualty figures as claims: the grammar's figures given a claimant, a party and
a date, with the headline's repetition of a body figure counted once."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from rollbook.ingest.figures.attribution import (
    JOINERS,
    SMALL_WORDS,
    Attribution,
    attributions,
    bracketed_source,
    cased,
    colon_speaker,
    document_parties,
    head,
    labelled_entry,
    opening_subject,
    party_of,
    trailing_source,
)
from rollbook.ingest.figures.grammar import Earlier, Figure, figures, opening
from rollbook.ingest.figures.interviews import TURN, interview
from rollbook.ingest.figures.lexicon import AGENCIES, GRAMMAR_WORDS, lexicon
from rollbook.ingest.figures.numbers import amounts
from rollbook.ingest.figures.posts import poster_at, posts
from rollbook.ingest.figures.table_rows import (
    aligned_row,
    category_of,
    cells,
    is_row,
    is_separator,
    row_figures,
)
from rollbook.ingest.figures.tokens import CAPITAL, POSSESSIVE, WORDS, Sentence, sentences, tokens
from rollbook.ingest.figures.when import (
    cell_date,
    closed_month,
    dates_in,
    month_covered,
    month_titled,
    span_covered,
)
from rollbook.model.claims import Category, Qualifier, claimant_key
from rollbook.model.dates import PartialDate

_CLAUSE_MARKS = GRAMMAR_WORDS["clause_marks"]
_GOVERNMENT = GRAMMAR_WORDS["government"]
_OFFICES = GRAMMAR_WORDS["offices"]


@dataclass(frozen=True, slots=True)
class FoundClaim:
    """A figure read from a report, with the exact characters that state it."""

    category: Category
    qualifier: Qualifier
    value: int | None
    low: int | None
    high: int | None
    previous_value: int | None
    claimant: str
    group: str
    party: str
    as_of: PartialDate
    period_start: PartialDate | None
    start: int
    end: int
    quote: str
    breakdown: bool = False  # part of the figure before it ("including 41 children")
    rises: bool = False  # stated as replacing an earlier figure ("has risen to 41")
    added: bool = False  # a number added to a toll ("two more bodies"), not a toll
    told_before: bool = False  # said before now ("the ministry had put the toll at 24")
    reported_then: bool = False  # given at a past time ("yesterday we reported 15 dead")

    def to_json(self) -> dict[str, Any]:
        return {
            "category": self.category.value,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier.value,
            "previous_value": self.previous_value,
            "claimant": self.claimant,
            "victim_group": self.group,
            "party": self.party,
            "as_of": self.as_of.iso(),
            "period_start": self.period_start.iso() if self.period_start else None,
            "span": [self.start, self.end],
            "evidence": self.quote,
        }


#: A short mention of a side's military, and the full names it stands for.
_MILITARY = frozenset(["army", "military"])
#: What the armed forces are called by: "forces" of "Israel Defense Forces", not "hospital".
_ARMED_HEADS = frozenset(["forces", "force", "army", "military", "command", "staff"])
_ARMED = r"\b(?:armed forces|army|military|defen[cs]e forces)\b"
_INSURGENT = re.compile(
    r"\b(?:liberation|rebel|revolutionary|resistance|independence|insurgent|salvation|"
    r"people's|popular|militia|front|movement|brigades?)\b",
    re.IGNORECASE,
)


#: The level of government a body serves: "the city council" names one of its own.
_LEVELS = frozenset(["city", "town", "village", "district", "county", "municipal", "regional",
                     "provincial", "state", "local"])  # fmt: skip


#: Words that make a name no name: "your ministry" is whoever the speaker addresses.
_POSSESSIVES = GRAMMAR_WORDS["possessives"]


def _names_another(short: str, full: str) -> bool:
    """Whether a short name's own word ("the Pelland army", "the health ministry") is
    missing from a fuller name, which is then another body's ("the Kethry Free Army", "the
    Defence Ministry")."""
    own = [  # an office's possessive tells bodies apart ("the Ombudsman's Office"), a side's not
        w.lower().replace("defense", "defence").removesuffix("'s").removesuffix("’s")
        for w in short.split()[:-1]
        if w.lower() not in _UNDISTINGUISHING
        and (not w.lower().endswith(("'s", "’s")) or w.lower()[:-2] in _OFFICES)
    ]
    named = full.lower().replace("defense", "defence")
    if bool(own) and not all(w in named for w in own):
        return True
    side, other = party_of(short, {}), party_of(full, {})
    return bool(side and other) and side != other  # "Armenia's ministry", "Azerbaijan's ..."


#: Words before a body's head that do not tell one body from another: "its ministry".
_UNDISTINGUISHING = _POSSESSIVES | {"the", "a", "an", "local", "same"}


def _described_as(short: str, full: str) -> bool:
    """Whether a short mention may stand for a fuller name: "the health ministry" not for the
    Defence Ministry; "the medical group" for a doctors' network, not for an armed force."""
    if head(short) not in _DESCRIBED_KINDS:
        return not _names_another(short, full)
    named = set(WORDS.findall(full.lower()))
    said = short.lower().split()
    if (
        not _NON_STATE.isdisjoint(said)
        and not _INSURGENT.search(full)
        and (named.isdisjoint(_ARMED_NAMES) or re.search(_ARMED, full, re.IGNORECASE))
    ):
        return False  # "the paramilitary group" is no state's armed forces
    return all(not named.isdisjoint(_KINDS_NAMED[word]) for word in said if word in _KINDS_NAMED)


#: The words of an armed body's name: "Rapid Support Forces", "Kelsmoor People's Guard".
_ARMED_NAMES = frozenset(["forces", "force", "army", "militia", "front", "brigade", "brigades",
                          "guard", "movement", "fighters", "resistance"])  # fmt: skip
#: The words of a relief body's name: "Nile Crescent Relief Fund".
_AID_NAMES = frozenset(["aid", "relief", "humanitarian", "cross", "crescent", "charity", "fund",
                        "help", "rescue", "emergency"])  # fmt: skip
#: The words that describe an armed group as no state's: "the paramilitary group".
_NON_STATE = frozenset(["paramilitary", "armed", "rebel", "militant", "insurgent", "jihadist"])
#: What a group's describing word says it is, and the words of a name that say so too.
_KINDS_NAMED = {
    "medical": frozenset(["doctors", "medical", "health", "hospital", "physicians", "medics",
                          "nurses"]),
    "rescue": frozenset(["rescue", "civil", "helmets", "emergency", "emergencies"]),
    "rights": frozenset(["rights", "watch", "ombudsman", "defender", "justice", "liberties"]),
    "aid": _AID_NAMES,
    "relief": _AID_NAMES,
    "humanitarian": _AID_NAMES,
}  # fmt: skip


def _many(claimant: str | None) -> bool:
    """Whether a claimant is people described, not named: "relatives", "local officials"."""
    return claimant is not None and claimant.islower() and claimant.endswith("s")


class _Claimants:
    """The organisations a document has named so far, for resolving "the ministry" and "it"."""

    def __init__(
        self,
        outlet: str,
        text: str,
        published: dt.date,
        every: list[Sentence],
        authored: bool = False,
    ) -> None:
        self.outlet = outlet
        self.every = every
        self.named_at: list[tuple[int, int, str]] = []  # (sentence, token, claimant) as named
        self.published = published
        self.text = text
        self.authored = authored  # a statement published whole, by `outlet`
        self.acronyms = acronyms(text)
        self.named: list[str] = []
        self.position = 0  # where the sentence being read ends
        self.sentence = 0  # and its number
        self._organisations: list[tuple[int, str]] | None = None
        self.last: str | None = None
        self.last_sentence = -10
        self.last_paragraph = -1
        self.voice: str | None = None  # in a transcript, whose turn it is ("we" are they)
        self.turn: str | None = None  # a transcript's speaker, whose background is theirs
        self.listing: str | None = None  # who gives the list that follows a line ending ":"

    def posted_by(self, poster: str | None, sentence: Sentence, number: int) -> None:
        """In a digest of posts, each paragraph under a post's heading starts in the poster's
        voice; the desk's own note after the posts is no one's post."""
        if poster is None:
            if self.voice is not None:
                self.voice = self.last = None
            return
        if sentence.paragraph != self.last_paragraph or self.voice != poster:
            self.last = self.voice = self.resolve(Attribution(0, poster))
            self.last_paragraph, self.last_sentence = sentence.paragraph, number

    def resolve_all(
        self, found: list[Attribution], quoted: bool = False, speaker: Attribution | None = None
    ) -> list[tuple[Attribution, str]]:
        """Each attribution's claimant; a pronoun is the one named just before it, and "we"
        the author, or in a quotation the `speaker` named after it or whoever was named
        before it."""
        result: list[tuple[Attribution, str]] = []
        for attribution in found:
            if attribution.pronoun and result and attribution.text not in ("we", "i"):
                result.append((attribution, result[-1][1]))
            elif attribution.pronoun and quoted and speaker is not None:
                result.append((attribution, self.resolve(speaker, quoted)))
            else:
                result.append((attribution, self.resolve(attribution, quoted)))
        return result

    def introduced(self, surname: str) -> str | None:
        """The claimant of the last sentence that named a person with this surname after
        a given name or a title ("District Commissioner Selim Outaranga said"): whom
        "Outaranga wrote" stands for."""
        for number in sorted({n for n, _, _ in self.named_at}, reverse=True):
            tokens = self.every[number].tokens
            at = next(
                (
                    n
                    for n, t in enumerate(tokens)
                    if t.text == surname and n > 0 and tokens[n - 1].text[:1].isupper()
                ),
                -1,
            )
            if at >= 0:
                named = [(abs(index - at), c) for n, index, c in self.named_at if n == number]
                return min(named, key=lambda pair: pair[0])[1]
        return None

    def known_surnames(self, found: list[Attribution], known: dict[str, str]) -> list[Attribution]:
        """The attributions but those to a surname the text introduced no one with (nor a
        side's name: "Lenvarre says")."""
        return [
            a
            for a in found
            if not a.surname or (a.text.lower() not in known and self.introduced(a.text))
        ]

    def resolve(self, attribution: Attribution, quoted: bool = False) -> str:
        if attribution.surname:
            return self.introduced(attribution.text) or self.outlet
        titled = _TITLED_SURNAME.fullmatch(attribution.text)
        if titled and titled.group(1).lower().rstrip(".") in _RANKS:
            # "Mr Odeyo said", "Colonel Haskell added": whom the text introduced so
            introduced = self.introduced(titled.group(2))
            if introduced is not None:
                return introduced
        if attribution.pronoun and attribution.text in ("we", "i"):
            return (self.voice or self.last) if quoted and self.last else self.outlet
        if attribution.pronoun and attribution.text in ("he", "she") and _many(self.last):
            # "..., whose relatives had reported her missing. ..., he said": one person
            return next((n for n in reversed(self.named) if not _many(n)), self.outlet)
        if attribution.pronoun:
            return self.last or self.outlet
        text = _THAT.sub("", attribution.text)  # "4. That the Ombudsman's Office has ..."
        for short, full in self.acronyms.items():
            if short in text and (found := re.search(rf"\b{re.escape(short)}\b", text)):
                rest = text[found.end() :].split()
                if rest and rest[0][:1].isupper():  # "FoN Displacement Monitoring Unit"
                    text = text[: found.start()] + full + text[found.end() :]
                else:  # "the RSF", "an RSF spokesman"
                    text = full
                break
        if _NUMBERED_EDITION.fullmatch(text):
            return self.outlet  # "Press Release No. 13 gave": the publisher's own series
        if text.lower() in _SPOKESPEOPLE:  # "a spokesman said", "its spokeswoman said"
            return self.spoken_for() or text
        if _MEDIA_WING.search(text) and (wing := _PUBLIC_RELATIONS.search(self.text)):
            # "the military's media wing": its Public Relations office, whoever heads it
            return _BEFORE_NAME.sub("", wing.group())
        if text.isupper() and " " in text:
            text = cased(text)  # a transcript's "POLICE COMMANDER:": capitals of a label
        owner = _employer_named(text) if text.islower() else _role_of(text)
        if owner is not None:
            text = owner  # "the hospital's chief surgeon", "Gendarmerie spokesman Luc Ferrand"
        words = text.split()
        if len(words) >= 2 and words[-1].lower() in _ITS_PEOPLE and not attribution.new:
            body = " ".join(words[:-1])  # "Commission patrols", "Red Crescent teams": the
            known = len(self.named)  # body's own people
            whose = self.resolve(replace(attribution, text=body))
            if whose != body and (whose != self.outlet or self.authored):
                return whose
            del self.named[known:]  # the body alone, found nowhere before, is no name given
        if self.authored and len(words) == 1 and head(text) == head(self.outlet):
            return self.outlet  # "the Commission", in the Commission's own report
        if self.authored and text.lower() in _WITNESSES:
            return self.outlet  # "forensic experts found", in the prosecutor's own statement
        if self.authored and not text.islower() and _press_unit(text):
            return self.outlet  # "The Directorate of Public Information states", the author's
        if (len(words) <= 2 or text.islower()) and (not attribution.new or owner is not None):
            wanted = head(text)
            for earlier in reversed(self.named):
                if head(earlier) == wanted and len(earlier) > len(text):
                    if wanted in _MILITARY and _INSURGENT.search(earlier):
                        continue  # "the army" is not "the Ruvel Liberation Army"
                    if _names_another(text, earlier):
                        continue  # "the Pelland army" is not "the Kethry Free Army"
                    return earlier
            if wanted in _MILITARY:  # "the army": the armed forces named before, a state's
                texts = [  # "the Ondessan Armed Forces and the Ruvel Liberation Army": two
                    part for name in self.organisations_so_far() for part in _BOTH.split(name)
                ]
                for earlier in [*texts, *self.acronyms.values(), *self.named][::-1]:
                    if (
                        re.search(_ARMED, earlier, re.IGNORECASE)
                        and head(earlier) in _ARMED_HEADS  # not "Central Military Hospital"
                        and not _INSURGENT.search(earlier)  # not "the Ruvel Liberation Army"
                        and len(earlier) > len(text)
                        and not _names_another(text, earlier)
                    ):
                        return earlier
                self.named.append(text)
                return text
            named_so = [n for n in self.organisations_so_far() if head(n) == wanted]
            if text.islower() and named_so and not _names_another(text, named_so[-1]):
                return named_so[-1]  # "the hospital", after "Lowen Military Hospital"
            if (
                text.islower()
                and len(words) <= 2
                and wanted not in _OFFICES | _SERVICES
                and words[0] not in _LEVELS
            ):
                # "the monitor", "the group": the organisation last named in full; but "the
                # city council" is the city's own.
                for earlier in reversed(self.named):
                    if (
                        not earlier.islower()
                        and len(earlier.split()) >= 2
                        and earlier.split()[0].lower() not in _POSSESSIVES  # "Your ministry"
                        and _described_as(text, earlier)  # not "the health ministry"
                        and wanted not in ("ministry", "government")  # no Red Cross named before
                        and " and the " not in earlier  # "the M23 and the army": two bodies
                    ):
                        return earlier
            if text.islower() or owner is not None:  # "Gendarmerie spokesman Luc Ferrand"
                organisation = self.organisation_before(wanted, None if owner else text)
                if organisation:
                    self.named.append(organisation)
                    return organisation
        if not text.islower() and head(text) == "minister":
            text = self.ministry_of(text) or text
        elif self.last and self.sentence - self.last_sentence <= 2 and _a_person(text):
            return self.last  # "Colonel Harun Bastak said", after "an NAF spokesman said"
        self.named.append(text)
        return text

    def speaks_for(self, name: str) -> str:
        """Whom a body or an office holder speaks for: a minister, for the ministry."""
        return (head(name) == "minister" and self.ministry_of(name)) or name

    def ministry_of(self, title: str) -> str | None:
        """The ministry a minister named by title speaks for ("Defence Minister", "Minister
        Ostap Reyn"): the one the text names with the title's portfolio, nearest before, else
        after; or, with none named, the portfolio's ministry ("the Health Minister": "Health
        Ministry"). A prime minister has no ministry."""
        words = WORDS.findall(title)
        at = next(n for n, w in enumerate(words) if w.lower() == "minister")
        if "prime" in title.lower():
            return None
        after = words[at + 1 :] if words[at + 1 : at + 2] in (["of"], ["for"]) else []
        kept = [w for w in [*words[:at], *after] if w.lower() not in _TITLE_WORDS]
        parties = lexicon().parties
        portfolio = {w.lower() for w in kept if w.lower() not in parties and "'" not in w}
        self.organisations_so_far()
        named = [
            (start, part)
            for start, name in self._organisations or []
            for part in _BOTH.split(name)  # "the Ministry of Health and the Ministry of ..."
            if head(part) == "ministry" and portfolio <= set(part.lower().split())
        ]
        before = [name for start, name in named if start < self.position]
        if before:
            return before[-1]
        later = [name for _, name in named if not _a_sides(name, parties)]
        if later:  # named later, and not as a side's own ("Azerbaijan's Defence Ministry")
            return later[0]
        if not portfolio:
            return None
        ministry = words[at].replace("ster", "stry").replace("STER", "STRY")
        the = ["the"] if [w.lower() for w in after[1:2]] == ["the"] else []  # "of the Interior"
        return " ".join([*kept, ministry] if not after else [ministry, "of", *the, *kept])

    def organisations_so_far(self) -> list[str]:
        """The organisations the text names up to this sentence, in order; the text's names
        are found once, when first asked for."""
        if self._organisations is None:
            self._organisations = [
                (match.start(), cased(_BEFORE_NAME.sub("", name).rstrip("'’")))
                for match in _PROPER_NAME.finditer(self.text)  # "the Headquarters' review"
                if head(name := _UNTIL_SAID.sub("", match.group())) in lexicon().claimant_heads
                and not _POLICE_RANK.match(name)  # an officer, not a body
                and not _BYLINE.search(name)  # "By Delta Voice Reporters": who wrote it
            ]
        return [name for start, name in self._organisations if start < self.position]

    def named_between(self, start: int, end: int) -> str | None:
        """The organisation a stretch of the text names last, if any."""
        self.organisations_so_far()
        named = [n for at, n in self._organisations or [] if start <= at < end]
        return named[-1] if named else None

    def spoken_for(self) -> str | None:
        """The organisation a spokesperson named by no more than the role speaks for: the
        one the text named last, in full or by its short name, up to this sentence."""
        self.organisations_so_far()
        named = list(self._organisations or [])
        for short, full in self.acronyms.items():
            mentions = re.finditer(rf"\b{re.escape(short)}\b", self.text)
            named.extend((mention.start(), full) for mention in mentions)
        before = [pair for pair in named if pair[0] < self.position]
        return max(before)[1] if before else self.last

    def organisation_before(self, wanted: str, short: str | None = None) -> str | None:
        """The organisation a text named last, up to this sentence, though not as anyone's
        source, that "the network" or "the minister" stands for: "the minister" speaks for
        the ministry, "the group" for whatever organisation that was; the `short` mention,
        when given, must fit it ("the medical group" a doctors' network)."""
        wanted = _OFFICE_OF.get(wanted, wanted)
        if head(self.outlet) == wanted and (short is None or _described_as(short, self.outlet)):
            return self.outlet  # "the delegation" in the delegation's own statement
        for name in reversed(self.organisations_so_far()):
            found = head(name)
            if (found == wanted or (wanted in _DESCRIBED and found not in _OFFICES)) and (
                short is None or _described_as(short, name)
            ):
                return name
        return None


_SERVICES = GRAMMAR_WORDS["services"]
#: A document of a numbered series that names no issuer: "Press Release No. 13", "SitRep 16",
#: "Daily Situation Report No. 110".
_NUMBERED_EDITION = re.compile(
    rf"(?:[a-z]+\s+){{0,3}}(?:press\s+)?"
    rf"(?:release|{'|'.join(sorted(GRAMMAR_WORDS['edition_nouns']))})"
    r"\s+(?:no\.?\s*|number\s+|#\s*)?\d+",
    re.IGNORECASE,
)
#: The "That" that opens each finding of a communiqué translated from Spanish or French.
_THAT = re.compile(r"^That\s+the\s+")
_PRESENTERS = GRAMMAR_WORDS["presenters"]
_SPOKESPEOPLE = GRAMMAR_WORDS["spokespeople"]


#: An armed force's or a ministry's office for the press, described rather than named.
_MEDIA_WING = re.compile(r"\b(?:media|press|public relations) (?:wing|cell)\b")
#: Such an office by name: "Inter-Services Public Relations", "Directorate of Forces Public
#: Relations".
_PUBLIC_RELATIONS = re.compile(r"(?:[A-Z][\w'’-]*\s+(?:of\s+(?:the\s+)?)?)+Public Relations\b")
#: A police officer's rank, with the place whose police they are before it: "Dhalchhara
#: Superintendent of Police", "Inspector General of Police", "District Police Officer", and
#: the "Pol" that opens police ranks in Thai English ("Pol Maj Gen").
_POLICE_RANK = re.compile(
    r"(?P<place>(?:[A-Z][\w'’-]+\s+)*?)(?:(?:Senior|Additional|Deputy|Assistant|Chief)\s+)*"
    r"(?:(?:Superintendent|Inspector[- ]General|Inspector|Commissioner|Director[- ]General)"
    r"\s+of\s+Police\b|(?=District\s+Police\s+Officer\b)|Pol\s+(?=(?:[A-Z][a-z]*\.?\s+)+))"
)


def _a_sides(name: str, parties: Mapping[str, str]) -> bool:
    """Whether a name is a side's by its possessive: "Azerbaijan's Defence Ministry"."""
    return any(w.endswith(("'s", "’s")) and w in parties for w in name.lower().split())


def _role_of(text: str) -> str | None:
    """The organisation a named person's role is of: "Gendarmerie spokesman Captain Luc
    Ferrand", "Defence Ministry spokesperson Ana Reyes"."""
    ranked = _POLICE_RANK.match(text)
    if ranked:  # "Senior Superintendent of Police Irfan Qadri", "Pol Maj Gen Somkiat Wong"
        place = ranked.group("place").removeprefix("The ").removeprefix("the ")
        return f"{place}police".capitalize()
    staff = _STAFF_AT.match(text)
    if staff and head(text[staff.end() :]) in lexicon().claimant_heads:
        return text[staff.end() :]  # "Two medical staff at Debre Gur General Hospital"
    role = _ROLE_OF.match(text)
    if role and role.group("role").lower() != "minister":  # a minister's ministry is named
        return text[role.end() :]  # "Director General of Inter-Services Public Relations"
    words = text.split()
    for i, word in enumerate(words[1:4], 1):
        if word.lower() in _SPOKESPEOPLE:  # "the Tarn Army's spokesman": the Tarn Army
            named = words[:i]
            owner = " ".join(named).removesuffix("'s").removesuffix("’s")
            return owner if all(w[:1].isupper() for w in named) else None
    return None


def _a_person(text: str) -> bool:
    """Whether a claimant is a person named with a role or rank ("district head Jonas
    Ferrik", "Colonel Harun Bastak"): who speaks for an organisation, not one."""
    words = text.replace(",", " ").split()
    if len(words) < 3:
        return False
    name, role = words[-2:], [w.lower().rstrip(".") for w in words[:-2]]
    return (
        _a_name(name)
        and all(w.islower() or w.lower() in _RANKS for w in words[:-2])
        and any(w in _SPEAKERS or w in _RANKS for w in role)
    )


def _employer_named(text: str) -> str | None:
    """The organisation a person is described by before their role: "hospital" of "a
    hospital spokeswoman" or of "the hospital's chief surgeon"."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in text.split()]
    heads = lexicon().claimant_heads
    for n, word in enumerate(words[:-1]):
        if word in heads and word not in _SPEAKERS and any(w in _SPEAKERS for w in words[n + 1 :]):
            return word
    owner = text.split()[0]
    if len(words) > 2 and words[0] in heads and words[-2] in _PRESS and POSSESSIVE.search(owner):
        return words[0]  # "the group's media office": the group's own words
    return None


#: Who speaks for an organisation: its roles, and its doctors.
_SPEAKERS = GRAMMAR_WORDS["roles"] | _OFFICES | {"surgeon", "doctor", "physician", "doctors"}
_RANKS = GRAMMAR_WORDS["ranks"]
#: A title and a surname: "Mr Odeyo", "Dr. Aslan", "Colonel Haskell".
_TITLED_SURNAME = re.compile(r"([A-Z][a-z]+\.?)\s+([A-Z][a-z'’-]+)")
#: The days and months that end a name rather than go on with it: "... Veterans on Friday".
_DAY_NAMES = (
    "(?:"
    + "|".join(sorted(w.capitalize() for w in GRAMMAR_WORDS["weekdays"] | GRAMMAR_WORDS["months"]))
    + r")\b"
)
#: A name: capitalised words and the small words between them, on one line.
_PROPER_NAME = re.compile(
    CAPITAL + r"[\w'’-]*(?:[^\S\n]+(?:(?:of|the|for|on|in|and)[^\S\n]+)*(?!" + _DAY_NAMES + r")"
    r"[A-Z][\w'’-]*)+"
    r"(?:(?<=No)\.\s?\d+)?"  # "City Hospital No. 4"
)
#: The offices of those who head a body: "Director", "Chairperson".
_HEAD_OFFICES = ("Director", "Head", "Chief", "Chair", "Chairman", "Chairwoman", "Chairperson",
                 "Commander")  # fmt: skip
#: What comes before an organisation's name in a capitalised run: "The", "Statement of the",
#: a day or a month ("At 31 December the Veterans' Benefits Office"), its head's office
#: ("Director General of").
_BEFORE_NAME = re.compile(
    r"^(?:" + _DAY_NAMES + r"\s+)?(?:[Tt]he\s+)?"
    r"(?:(?:Statement|Report|Update|Bulletin|Communiqu[eé])\s+(?:of|by)\s+(?:the\s+)?)?"
    rf"(?:(?:{'|'.join(_HEAD_OFFICES)})(?:\s+General)?\s+of\s+(?:the\s+)?)?"
)
#: A headline's verb of saying after the name in capitals: "TEACHERS' FEDERATION SAYS".
_UNTIL_SAID = re.compile(
    r"\s+(?:" + "|".join(w.upper() for w in sorted(GRAMMAR_WORDS["speech"])) + r")\b.*$"
)
#: The organisation an office-holder speaks for.
_OFFICE_OF = {"minister": "ministry"}
#: Between two names run together: "the Ministry of Health and the Ministry of Defence".
_BOTH = re.compile(r"\s+and\s+(?:the\s+)?")
#: Whom a statement's author cites for what it found out, and its own observers and
#: patrols, speaking in the author's name.
_WITNESSES = frozenset(["experts", "forensic experts", "investigators", "prosecutors",
                        "residents", "families", "relatives", "witnesses", "doctors", "medics",
                        "volunteers", "teams", "rescuers", "our teams", "our volunteers",
                        "observers", "monitors", "our observers", "our monitors",
                        "patrols"])  # fmt: skip
#: The words of a minister's title that name no portfolio.
_TITLE_WORDS = GRAMMAR_WORDS["title_words"]


def read_figures(text: str, published: dt.date, outlet: str) -> list[FoundClaim]:
    """Every casualty claim in a report's text, in the order the text states them."""
    every = sentences(text)
    posted = posts(text)
    author = _author(text, every, {start for start, _ in posted})
    outlet = author or _PRESS_UNIT.sub("", outlet)  # "SHLA Press Centre" speaks for the SHLA
    claimants = _Claimants(outlet, text, published, every, authored=author is not None)
    known = document_parties(text)
    default_day = _document_date(text, every, published)
    ranked = _sides(text, known)
    default_party = _main_party(ranked)
    found: list[tuple[Sentence, FoundClaim]] = []
    reading = _Reading(
        text, known, outlet, default_party, [side for side, _ in ranked[:2]], published
    )
    section: Category | None = None
    header: list[str] | None = None
    table_claimant: str | None = None
    mentions: list[tuple[int, str]] = []  # (sentence, claimant) as each is named
    numbers: dict[int, int] = {}  # a sentence's number by where it starts
    interviewed = interview(text) if author is None else None  # not a body's own Q&A
    entry = -1  # the paragraph of a live entry a body's name opens ("Defence Ministry: ...")
    notes = _source_notes(text)
    turns = _turns(text, every)
    unsaid: Sentence | None = None  # the sentence before, when it quoted nobody
    told: list[tuple[int, int, int, list[Earlier]]] = []  # figures told before, per sentence
    asked: str | None = None  # the minister or ministry a written question was put to
    for number, sentence in enumerate(every):
        numbers[sentence.start] = number
        claimants.position, claimants.sentence = sentence.end, number
        line = text[sentence.start : sentence.end]
        quoted = _quoted(text, sentence)
        if quoted and text.startswith(">", sentence.start):  # a quotation block goes on
            poster = _POSTED_BY.match(text, sentence.start, sentence.end)
            if poster:  # "> **Kethgarh Police** (@KethgarhPolice) · 2 Nov": a post's author
                claimants.last = poster.group("by").strip()
            if claimants.last:
                claimants.last_paragraph = sentence.paragraph
        claimants.turn = turns[sentence.paragraph].speaker if sentence.paragraph in turns else None
        # an interview's answer is the interviewee's, "we" too: "KARRAR: Our volunteers"
        answer = interviewed.answer_at(sentence.start) if interviewed else None
        if sentence.paragraph in turns:
            turn = turns[sentence.paragraph]
            if turn.start == sentence.start:  # the speaker's words start here
                who = answer[1] if answer else turn.speaker
                voice = who and claimants.speaks_for(who)
                claimants.last, claimants.last_paragraph = voice, sentence.paragraph
                claimants.last_sentence, claimants.voice = number, voice
            quoted = turn.speaker is not None
        elif answer is not None:
            if answer[0] == sentence.start:  # "A: We have identified 1,207"
                claimants.last = claimants.voice = claimants.speaks_for(answer[1])
                claimants.last_paragraph, claimants.last_sentence = sentence.paragraph, number
            quoted = True
        elif interviewed is not None:
            claimants.voice = None  # the question, or the reporter's own words
        elif posted:
            posted_by = poster_at(posted, sentence.start)
            claimants.posted_by(posted_by, sentence, number)
            quoted = posted_by is not None
        if labelled_entry(sentence) > 0:
            entry = sentence.paragraph
        elif sentence.paragraph == entry:
            quoted = True  # the rest of the entry is in its giver's words: "our units"
        said = (
            _first_person_label(sentence, claimants.known_surnames(attributions(sentence), known))
            or _labelled_by(sentence)
            or trailing_source(sentence)
            or bracketed_source(sentence)
            or _bracketed_acronym(sentence, claimants.acronyms)
            or colon_speaker(text, sentence)
            or _side_says(sentence, known)
            or (_noted(text, sentence, notes) if notes else [])
        )
        if (author is not None or claimants.voice is not None) and all(a.weak for a in said):
            said = []  # "Our team at the hospital has treated 64": the author's statement,
            # or in a transcript the speaker's ("which the forensic service has since found")
        if said:
            said = _with_roles(sentence, _whose(sentence, _by_side(said, known), known))
            said = _its_people(sentence, said, claimants)
            said = _outside_quotation(text, sentence, said)
        speaker = _quote_speaker(text, sentence, said)
        if (
            said
            and said[0].pronoun
            and (said[0].text in ("it", "they") or said[0].index == 1)  # "Its president said"
            and unsaid is not None
        ):
            subject = opening_subject(unsaid)  # "The RSF denied it. It said": the RSF
            if subject is not None:
                claimants.last = claimants.resolve(subject)
            else:  # "The best count comes from Kesh Body Count. It has documented 2,877"
                claimants.last = claimants.named_between(unsaid.start, unsaid.end) or claimants.last
        named = claimants.resolve_all(said, quoted or speaker is not None, speaker)
        unsaid = None if said else sentence
        if is_row(line) or aligned_row(line, header is not None):
            if header is None:
                header = cells(line)
            elif not is_separator(line):
                as_of_dates, since_dates = dates_in(
                    text, sentence.start, sentence.end, published, sentence.words
                )
                row = row_figures(header, line, sentence.start, section)
                as_of = closed_month(
                    cell_date(row.dated, published)
                    or _nearest(as_of_dates, sentence.start)
                    or month_covered(text, sentence.start, sentence.end, published)
                    or default_day,
                    published,
                )  # a row's own date, or its month's end ("| March 2042 | 263 |")
                period = _nearest(since_dates, sentence.start)
                noted = _noted(text, sentence, notes) if notes else []
                claimant = (
                    row.claimant
                    or (claimants.resolve(noted[0]) if noted else None)
                    or table_claimant
                    or outlet
                )
                for cell in row.cells:
                    found.append((sentence, FoundClaim(
                        cell.category, cell.qualifier, cell.value, cell.low, cell.high,
                        cell.previous,
                        claimant, cell.group, party_of(cell.group, known) or default_party,
                        as_of, period, sentence.start, sentence.end, line,
                    )))  # fmt: skip
                for start, end, category in row.prose:
                    part = tokens(text, start, end)
                    words = Sentence(
                        start, end, part, sentence.paragraph, False, [t.low for t in part]
                    )
                    cited = bracketed_source(words)  # "3 killed (regional administration)"
                    given_by = claimants.resolve(cited[0]) if cited else claimant
                    for figure in figures(words, category)[0]:
                        found.append((sentence, reading.claim(figure, given_by, as_of, period)))
            continue
        header = None
        # A table's rows are the author's unless a "Source" column, its introducing line
        # ("According to the ministry:") or its heading ("## Casualties verified by HRMM")
        # names another claimant.
        introduces = line.endswith(":") or line.startswith("#")
        table_claimant = None
        if introduces:
            table_claimant = named[-1][1] if named else _heading_source(line, claimants)
        elif named and said:  # "..., the ministry said." right above a table: its figures
            table_claimant = named[-1][1]
        if line.endswith(":"):  # "The balance established by the General Staff is as follows:"
            claimants.listing = named[-1][1] if named else None
        elif not _bullet(sentence):
            claimants.listing = None
        # "Answer of the Minister of Health, Dr Piet Almqvist, received on 2 June 2347"
        heading = line.endswith(":") or (line[-1:].isalnum() and _REPLY.match(line) is not None)
        answering = _ANSWER.match(line) if heading else None
        if answering and head(by := answering.group("by")) in lexicon().claimant_heads:
            # what follows is its text; a minister's answer is the ministry's
            claimants.outlet = claimants.speaks_for(by)
            named = []  # the heading names who answers, not someone who speaks in it
        elif (answered := _ANSWERED.match(line)) and (office := _office(answered.group("by"))):
            claimants.outlet = claimants.speaks_for(office)
            named = []
        elif asked and _BARE_ANSWER.match(line):  # "REPLY:", "Text of the answer"
            minister = asked.startswith("Minister ")  # speaks for the portfolio's ministry
            claimants.outlet = (minister and claimants.ministry_of(asked)) or asked
            named = []
        elif not _ASKED_WORDS.isdisjoint(sentence.words):
            asked = _addressee(line) or asked
        if _heading(text, sentence):
            section = category_of(line)
        elif line.endswith(":") and (listed := category_of(line)) not in (None, Category.OTHER):
            section = listed  # "The losses of the enemy amounted to:"
        elif _title_like(text, sentence):
            titled = category_of(line)  # an HTML subheading: "Killed, by sex and age"
            section = section if titled in (None, Category.OTHER) else titled
        context = found[-1][1].category if found and _goes_on(found[-1][0], sentence) else None
        recent = found[-1][1].category if found else None
        if told and told[-1][2] == len(found) and told[-1][3][-1].category is not None:
            recent = told[-1][3][-1].category  # "We stated that 74 had been freed. That
            # figure should read 47": the figure told before, since which none was found
        sentence_figures, orphans = figures(sentence, section, context, recent)
        # for the rise after them, if one follows: a figure told before now, or an earlier
        # figure a sentence gives alone ("The ministry initially put the toll at 58.")
        ahead = [o for o in orphans if o.told or not sentence_figures]
        if ahead:
            told.append((number, sentence.paragraph, len(found), ahead))
        _give_earlier(found, [o for o in orphans if o not in ahead], sentence.paragraph)
        if sentence_figures:  # the dates a figure may be as of (only where there are figures)
            as_of_dates, since_dates = dates_in(
                text, sentence.start, sentence.end, published, sentence.words
            )
        for figure in sentence_figures:
            claimant = _claimant_for(sentence, figure, named, claimants, number, quoted)
            if figure.again:  # of the kind told before; a figure told before adds none
                kind = _kind_told(found, figure, claimant)
                if kind is None:
                    continue
                figure = replace(figure, category=kind)
            given = _earlier_given_by(sentence, figure, named)
            for stated, by in [(figure, claimant), *([given] if given else [])]:
                if stated is not figure and _same_body(by, claimant):
                    continue  # "up from the 212 it announced": its own earlier figure
                dates = (
                    _own_dates(text, stated, as_of_dates)
                    if stated is figure
                    else [d for d in as_of_dates if stated.start <= d[0] < stated.end]
                )
                found.append(
                    (
                        sentence,
                        reading.claim(
                            stated,
                            by,
                            _nearest(dates, stated.start) or default_day,
                            _nearest(since_dates, stated.start),
                            sentence,
                        ),
                    )
                )
        if named:
            claimants.last = named[-1][1]
            claimants.last_sentence = number
            claimants.last_paragraph = sentence.paragraph
            mentions.extend((number, claimant) for _, claimant in named)
            claimants.named_at.extend((number, a.index, claimant) for a, claimant in named)
    _told_forward(found, told, numbers)
    found = _named_later(found, mentions, numbers, outlet)
    found = _sourced_after(found, every, mentions, numbers, outlet)
    found = _raised(_unrepeated(text, found))
    if author is not None:
        found = _timed_updates(text, found)
    found = [(sentence, _agency(claim)) for sentence, claim in found]
    return _once(text, _replaced(_superseded(found)), outlet)


def _agency(claim: FoundClaim) -> FoundClaim:
    """The claim with an agency named by what it does named by its initials too: "the UN
    refugee agency (UNHCR)", wherever a report says which."""
    key = _UNITED_NATIONS.sub("un", claim.claimant.lower().replace("’", "'")).removeprefix("the ")
    initials = AGENCIES.get(key.replace("un's ", "un "))
    if initials is None or initials in claim.claimant:
        return claim
    return replace(claim, claimant=f"{claim.claimant} ({initials})")


#: The United Nations as news writes it: "U.N.", "United Nations".
_UNITED_NATIONS = re.compile(r"\bu\.n\.|\bunited nations\b")


#: A body's own units, which give its figures: "Commission patrols", "the Mission's teams".
_UNITS = frozenset(["patrols", "teams", "observers"])
#: A body's own people named after its name: "Commission patrols", "Red Crescent teams".
_ITS_PEOPLE = _UNITS | {"volunteers", "delegates", "monitors"}
#: Heads of a claimant described rather than named: "a war monitor", "a rights group".
_DESCRIBED = frozenset(["monitor", "monitors", "group", "observatory", "watchdog", "ngo",
                        "charity", "organisation", "organization", "agency"])  # fmt: skip
#: Those of them whose lower-case words say what the body does, not which body it is.
_DESCRIBED_KINDS = frozenset(["group", "watchdog", "ngo", "charity", "organisation",
                              "organization"])  # fmt: skip


def _named_later(
    found: list[tuple[Sentence, FoundClaim]],
    mentions: list[tuple[int, str]],
    numbers: dict[int, int],
    outlet: str,
) -> list[tuple[Sentence, FoundClaim]]:
    """ "..., a war monitor said." then "The Northland Observatory for Civilian Harm ...
    said": a claimant first described, and named in one of the next two sentences, is the
    organisation named; so are its later mentions ("the group said")."""
    heads = lexicon().claimant_heads
    result = []
    chosen: dict[str, str | None] = {}  # each description, the name that followed it first
    for sentence, claim in found:
        described = claim.claimant
        if described.islower() and len(described.split()) <= 3 and head(described) in _DESCRIBED:
            at = numbers[sentence.start]
            if described not in chosen:
                chosen[described] = next(
                    (
                        name
                        for n, name in mentions
                        if at < n <= at + 2
                        and not name.islower()
                        and len(name.split()) >= 2
                        and name != outlet
                        and head(name) in heads
                    ),
                    None,
                )
            named = chosen[described]
            if named is not None:
                claim = replace(claim, claimant=named)
        result.append((sentence, claim))
    return result


#: The words that open a sentence about the figures before it: "The deaths were confirmed
#: by the regional administration", "These figures come from local partners".
_FIGURES_BEFORE = frozenset(["deaths", "figure", "figures", "toll", "numbers", "number", "data",
                             "casualties", "dead", "count", "tally", "totals",
                             "account", "information"])  # fmt: skip


def _sourced_after(
    found: list[tuple[Sentence, FoundClaim]],
    every: list[Sentence],
    mentions: list[tuple[int, str]],
    numbers: dict[int, int],
    outlet: str,
) -> list[tuple[Sentence, FoundClaim]]:
    """ "The toll has risen to four. The deaths were confirmed by the regional military
    administration": figures the text gives on its own, whose source the next sentence
    names, are that source's."""
    result = []
    for sentence, claim in found:
        at = numbers.get(sentence.start)
        if claim.claimant == outlet and at is not None and at + 1 < len(every):
            after = every[at + 1]
            words = after.words[:5]
            if words[1:3] in (["are", "the"], ["were", "the"], ["is", "the"], ["was", "the"]):
                words = words[:1] + words[3:]  # "Those are the figures the ... published"
            source = next((name for n, name in mentions if n == at + 1 and name != outlet), None)
            pointed = (  # "The deaths were confirmed by", "Those are the figures the ..."
                after.paragraph == sentence.paragraph
                and words[:1] in (["the"], ["these"], ["this"], ["those"], ["that"])
                and words[1:2]
                and words[1] in _FIGURES_BEFORE
            )
            reported = (  # "This was reported on Telegram by the head of the administration"
                after.paragraph <= sentence.paragraph + 1
                and words[:2] in (["this", "was"], ["this", "is"], ["it", "was"])
                and words[2:3]
                and words[2] in lexicon().say_verbs
            )
            if source is not None and (pointed or reported):
                claim = replace(claim, claimant=source)
        result.append((sentence, claim))
    return result


_SHORT = re.compile(r"\(([A-Z][A-Za-z0-9-]{1,9})\)")
#: The words that join a name's parts ("Observatorio de Paz y Territorio"), and "the"; not "at",
#: which sets a place after a name ("the committee at Harrow"), nor "&".
_JOINS = "|".join(["the", *sorted(JOINERS - {"at", "&"})])
_NAME_BEFORE = re.compile(
    rf"\b((?:[A-Z][\w'’-]*|{_JOINS})(?:[^\S\n]+(?:[A-Z][\w'’-]*|{_JOINS}))+)[^\S\n]*$"
)


def acronyms(text: str) -> dict[str, str]:
    """Short names a text defines or spells out: "Rapid Support Forces (RSF)", and initials
    of a name the text gives, or of its first words ("IDF", "MoD")."""
    found: dict[str, str] = {}
    for short in _SHORT.finditer(text):  # each "(RSF)", then the name right before it
        named = _NAME_BEFORE.search(text, max(0, short.start() - 160), short.start())
        if named:
            name = re.sub(  # "of the Hralna Regional Military Administration (RMA)"
                rf"^(?:(?:{_JOINS})\s+)+", "", named.group(1), flags=re.IGNORECASE
            )
            found[short.group(1)] = _spelled(name, short.group(1))
    shorts = set(_INITIALS.findall(text)) - set(found)
    if not shorts:
        return found
    firsts = {short[0] for short in shorts}
    for name in _NAMES.findall(text):
        words = name.split()
        words = words[1:] if words[0] == "The" else words
        if words[0][0] not in firsts:
            continue
        capitals = small = ""  # "IDF"; and "MoD", "FoN", of "of" too
        for end, word in enumerate(words, 1):
            capitals += word[0] if word[0].isupper() else ""
            small += word[0] if word != "the" else ""
            if end < 2 or not word[0].isupper():
                continue  # the name or its first words, ending on a capital
            for initials in (capitals, small):
                if initials in shorts:
                    found[initials] = " ".join(words[:end])  # the first with these initials
                    shorts.discard(initials)
    return found


def _spelled(name: str, short: str) -> str:
    """The end of `name` a short name spells: "Syrian Democratic Forces" of "the Kurdish-led
    Syrian Democratic Forces (SDF)"; the whole name when no end of it does."""
    words = name.split()
    for start in range(len(words) - 1):
        if start and not _before_a_name(words[start - 1]):
            break  # "Southland Ministry of Health (MoH)": a name's own first word
        if start and not words[start][0].isupper():
            continue
        kept = words[start:]
        parts = [p for w in kept for p in w.split("-") if p]  # "Inter-Services": I and S
        capitals = "".join(w[0] for w in kept if w[0].isupper())
        letters = "".join(w[0] for w in kept if w != "the")
        joined = "".join(p[0] for p in parts if p[0].isupper())
        if short.lower() in (capitals.lower(), letters.lower(), joined.lower()):
            return " ".join(kept)
    return name


def _before_a_name(word: str) -> bool:
    """Whether a word before a name may be left out of it: "the", "of" of "Rescuers of the",
    "Kurdish-led", "Velichar's", the office of "Director General of Inter-Services Public
    Relations (ISPR)"."""
    return (
        word[0].islower()
        or "-" in word
        or word.endswith(("'s", "’s"))
        or word in _MEMBERS
        or word in _HEADS_OF
    )


#: Who belong to a body named after them: "Fighters of the Savannah Brotherhood (SB)".
_MEMBERS = frozenset(["Fighters", "Rescuers", "Members", "Officers", "Troops", "Soldiers",
                      "Staff", "Volunteers"])  # fmt: skip
#: The offices of those who head a body, named before it ("Director General of the ..."),
#: and the word that may follow them.
_HEADS_OF = frozenset([*_HEAD_OFFICES, "General"])
#: Capitalised names, joined by "of", "the" and "for".
_NAMES = re.compile(CAPITAL + r"[\w'’-]*(?:[^\S\n]+(?:(?:of|the|for)[^\S\n]+)*[A-Z][\w'’-]*)+")
#: Initials: "IDF", "UNHCR", and with the small word they skip, "MoD", "FoN".
_INITIALS = re.compile(CAPITAL + r"(?:[A-Z]{1,5}|[A-Z]*[a-z][A-Z]+)\b")


_LABELLED = re.compile(r":\s*[\d.,\s]+(?:\(|$)", re.MULTILINE)


def _told_forward(
    found: list[tuple[Sentence, FoundClaim]],
    told: list[tuple[int, int, int, list[Earlier]]],
    numbers: dict[int, int],
) -> None:
    """A figure told before now is the earlier figure of a toll the next sentence raises
    ("Last week's bulletin gave 37 civilian deaths for that week. Further reports have
    brought that week's total to 44"), else of the last one before it."""
    for number, paragraph, upto, earlier in told:
        following = [
            n
            for n in range(upto, len(found))
            if numbers[found[n][0].start] == number + 1 and found[n][0].paragraph == paragraph
        ]
        left = []
        for orphan in earlier:
            target = next(
                (n for n in following if _replaces_told(found[n][1], orphan, found[n][0])), None
            )
            if target is None:
                left.append(orphan)
                continue
            sentence, claim = found[target]
            found[target] = (sentence, replace(claim, previous_value=orphan.value))
        _give_earlier(found, left, paragraph, upto=upto)


def _replaces_told(claim: FoundClaim, orphan: Earlier, sentence: Sentence) -> bool:
    """Whether a claim stated as rising (or falling), or as standing now ("Its count now
    stands at 63") or set right ("That figure should read 47"), replaces an earlier figure
    told alone ("initially put the toll at 58")."""
    return (
        (claim.rises or "now" in sentence.words or _set_right(_before_amount(sentence, claim)))
        and claim.previous_value is None
        and claim.value is not None
        and claim.value != orphan.value
        and claim.value >= orphan.value / 2
        and (orphan.category is None or orphan.category is claim.category)
    )


def _give_earlier(
    found: list[tuple[Sentence, FoundClaim]],
    orphans: list[Earlier],
    paragraph: int,
    upto: int | None = None,
) -> None:
    """An earlier figure stated on its own ("The figure was previously announced as 2,741")
    belongs to the last figure before it (before `upto`), of its category when it has one;
    one of no category only to a figure of its own paragraph or the one before ("About 3,100
    residents remain, down from 9,800" revises no toll told long before)."""
    for orphan in orphans:
        for n in range(len(found) - 1 if upto is None else upto - 1, -1, -1):
            sentence, claim = found[n]
            if orphan.category is None and sentence.paragraph < paragraph - 1:
                break
            if (
                claim.previous_value is None
                and not claim.breakdown
                and (orphan.category is None or orphan.category is claim.category)
                # a revision moves a toll by a part of itself: not "five more bodies" to 14
                and (claim.value is None or claim.value >= orphan.value / 2)
                # a number alone is the earlier figure of a toll it is below
                and (not orphan.bare or (claim.value or 0) > orphan.value)
            ):
                found[n] = (sentence, replace(claim, previous_value=orphan.value))
                break


@dataclass(frozen=True)
class _Reading:
    """What every claim of one document is read against."""

    text: str
    known: dict[str, str]
    outlet: str
    default_party: str
    two_sides: list[str]  # the two sides a report names most
    published: dt.date
    sides: dict[str, str] = field(default_factory=dict)  # the side each word names, as met

    def side_of(self, word: str) -> str:
        """The side a capitalised word names, if any, looked up once per document."""
        side = self.sides.get(word)
        if side is None:
            side = self.sides[word] = party_of(word, self.known)
        return side

    def claim(
        self,
        figure: Figure,
        claimant: str,
        as_of: PartialDate,
        period: PartialDate | None,
        sentence: Sentence | None = None,
    ) -> FoundClaim:
        party = _party(sentence, figure, claimant, self) if sentence else None
        if party is None and figure.group:
            party = party_of(figure.group, self.known) or None
        return FoundClaim(
            category=figure.category,
            qualifier=figure.qualifier,
            value=figure.value,
            low=figure.low,
            high=figure.high,
            previous_value=figure.previous,
            claimant=claimant,
            group=figure.group,
            party=self.default_party if party is None else party,
            as_of=closed_month(as_of, self.published),
            period_start=period,
            start=figure.start,
            end=figure.end,
            quote=self.text[figure.start : figure.end],
            breakdown=figure.breakdown,
            rises=figure.rises,
            added=figure.added,
            told_before=figure.told_before,
            reported_then=figure.reported_then,
        )


#: Openings that speak of the people a figure just counted: "Among them are 612 officers."
_OF_THEM = (["among", "them"], ["of", "them"], ["of", "these"], ["of", "those"])


def _goes_on(before: Sentence, sentence: Sentence) -> bool:
    """Whether a sentence may break down the figure of the one before: in its paragraph, or
    opening the next paragraph with "Among them", "Among the victims", or with "Among the
    civilians" after a figure of civilians."""
    if before.paragraph == sentence.paragraph:
        return True
    words = sentence.words[opening(sentence.words) :]
    return before.paragraph + 1 == sentence.paragraph and (
        words[:2] in _OF_THEM
        or (
            words[:2] in (["among", "the"], ["of", "the"])
            and words[2:3] != []
            and (words[2] in before.words or words[2] in _VICTIMS)
        )
    )


#: Who "Among the victims", "Among the dead" opening a paragraph picks out of a figure.
_VICTIMS = frozenset(["victims", "dead", "deceased", "fatalities", "martyrs"])


def _kind_told(
    found: list[tuple[Sentence, FoundClaim]], figure: Figure, claimant: str
) -> Category | None:
    """The kind of a figure the text names again ("its latest figure is 6,890"): that of its
    claimant's last figure, else of the text's last; None for a number told before ("The
    Tesmarkian figure of 9,412 is a floor"), which is no new claim."""
    if not figure.rises and any(c.value == figure.value for _, c in found):
        return None
    key = claimant_key(claimant)
    same = next((c for _, c in reversed(found) if claimant_key(c.claimant) == key), None)
    return figure.category if same is None else same.category


def _superseded(found: list[tuple[Sentence, FoundClaim]]) -> list[tuple[Sentence, FoundClaim]]:
    """ "31 were killed, the ministry said. It had put the toll at 24 late on Wednesday": a
    figure a claimant had given before is the earlier figure of its newer one, the nearest
    of its kind before it (else after it) in its paragraph, else in the report; with no newer
    one it is a claim of its own."""
    result = list(found)
    dropped: set[int] = set()
    for n, (sentence, old) in enumerate(found):
        if not old.told_before or old.value is None:
            continue
        key = claimant_key(old.claimant)
        order = sorted(
            [*range(n - 1, -1, -1), *range(n + 1, len(found))],
            key=lambda m: found[m][0].paragraph != sentence.paragraph,
        )
        fitting = [
            m
            for m in order
            if m not in dropped
            and (claim := result[m][1]).category is old.category
            and claim.previous_value is None
            and not claim.breakdown
            and not claim.told_before
            and claim.value is not None
            and claim.value != old.value
            and (
                _same_speaker(claimant_key(claim.claimant), key)
                or (  # "Serhiy Hnatenko ... He had put the toll at six": the official
                    _bare_name(old.claimant)
                    and 0 <= sentence.paragraph - found[m][0].paragraph <= 2
                )
            )
            and _same_period(old, claim)
            and old.value / 2 <= claim.value <= old.value * 2  # by a part of itself
        ]
        if not fitting:
            continue
        # "has risen to three. A man died in hospital. It had reported two": the risen one
        # of the nearest paragraph's, else the nearest
        paragraph = found[fitting[0]][0].paragraph
        m = next(
            (m for m in fitting if found[m][0].paragraph == paragraph and result[m][1].rises),
            fitting[0],
        )
        result[m] = (result[m][0], replace(result[m][1], previous_value=old.value))
        dropped.add(n)
    for n, (sentence, old) in enumerate(found):
        if old.reported_then and not old.told_before and old.value is not None:
            m = _reported_since(result, n, sentence, (old, old.value), dropped)
            if m is not None:
                result[m] = (result[m][0], replace(result[m][1], previous_value=old.value))
                dropped.add(n)
    return [pair for n, pair in enumerate(result) if n not in dropped]


def _bare_name(claimant: str) -> bool:
    """Whether a claimant is a person's name alone ("Serhiy Hnatenko"), who speaks for
    whichever body the report named them with."""
    words = claimant.split()
    return 2 <= len(words) <= 3 and _a_name(words)


def _a_name(words: list[str]) -> bool:
    """Whether words are a person's names: capitalised, and none a body's, a side's or a
    word that describes a body ("Jonas Ferrik", not "Civil Defence")."""
    lex = lexicon()
    return all(w[:1].isupper() and not w.isupper() for w in words) and not any(
        w.lower() in lex.claimant_heads
        or w.lower() in lex.claimant_modifiers
        or w.lower() in lex.parties
        for w in words
    )


def _same_period(old: FoundClaim, new: FoundClaim) -> bool:
    """Whether two figures may be editions of one toll: not "six detained since Wednesday"
    and "41 detained since January", whose stated periods differ."""
    return old.period_start is None or new.period_start in (None, old.period_start)


#: Words that mark a figure as the first edition, which a later one replaces: "He initially
#: put the number of wounded at 11. In an update on Friday, ... said 14".
_FIRST = frozenset(["initially", "originally", "first"])


def _reported_since(
    found: list[tuple[Sentence, FoundClaim]],
    n: int,
    sentence: Sentence,
    given: tuple[FoundClaim, int],
    dropped: set[int],
) -> int | None:
    """ "19 people are known to have died; yesterday evening we reported 15 dead": the claim
    of the same kind and speaker just before a figure given at a past time (with its value),
    in its paragraph or right before it, that it rose from (or fell from by a fifth at most);
    or, of a figure given first, the claim just after it."""
    old, value = given
    key = claimant_key(old.claimant)
    after = range(n + 1, min(len(found), n + 3) if not _FIRST.isdisjoint(sentence.words) else n)
    candidates: list[int] = [*range(n - 1, max(-1, n - 3), -1), *after]
    for m in candidates:
        before, claim = found[m]
        if (
            m not in dropped
            and (before.paragraph == sentence.paragraph or abs(m - n) == 1)
            and claim.category is old.category
            and claim.previous_value is None
            and not (claim.breakdown or claim.reported_then or claim.told_before)
            and claim.value is not None
            and claim.value != value
            and value * 0.8 <= claim.value <= value * 2  # a rise by a part of itself
            and _same_speaker(claimant_key(claim.claimant), key)
        ):
            return m
    return None


def _replaced(found: list[tuple[Sentence, FoundClaim]]) -> list[tuple[Sentence, FoundClaim]]:
    """ "15:40 - six dead. ... 22:15 - nine dead; the afternoon update had stood at six": a
    figure that a newer one of the same claimant, the same day, names as the one it replaced
    is that one's earlier figure, not a claim of its own."""
    earlier = {
        (claim.category, claim.previous_value, claimant_key(claim.claimant), claim.as_of)
        for _, claim in found
        if claim.previous_value is not None
    }
    if not earlier:
        return found
    return [
        (sentence, claim)
        for sentence, claim in found
        if claim.breakdown
        or (claim.category, claim.value, claimant_key(claim.claimant), claim.as_of) not in earlier
    ]


def _unrepeated(
    text: str, found: list[tuple[Sentence, FoundClaim]]
) -> list[tuple[Sentence, FoundClaim]]:
    """A table row that repeats a figure the prose above it states (a "Total" row, a table of
    the sources quoted above it) adds no claim; prose below a table tells figures of its own."""
    prose: set[tuple[Category, int | None, int | None, int | None]] = set()
    kept = []
    for s, c in found:
        figure = (c.category, c.value, c.low, c.high)
        if not is_row(text[s.start : s.end]):
            prose.add(figure)
        elif figure in prose:
            continue
        kept.append((s, c))
    return kept


_UPDATES = GRAMMAR_WORDS["update_labels"]


def _updates(words: list[str]) -> bool:
    """Whether a sentence gives the report's figures anew under a label that says so."""
    head = words[:12]  # past a line's time stamp: "[CMA 10:05] Pekkary update:"
    for i, w in enumerate(head):
        if w in _UPDATES:
            after = i + 1
            if head[after : after + 1] == ["("] and ")" in head[after:]:
                after = head.index(")", after) + 1  # "Update (13 September, 14:00):"
            if head[after : after + 1] == [":"]:
                return True
        if w in _NEWER and head[i + 1 : i + 2] and head[i + 1] in _TOLLS and ":" in head[i + 2 :]:
            return True  # "Updated toll of Tuesday's attack on Muacala: 9 civilians dead"
    return False


#: The words that name a toll as newer than the one before it, and the tolls they name.
_NEWER = frozenset(["updated", "revised", "new", "latest"])
_TOLLS = frozenset(["toll", "tolls", "figure", "figures", "count", "balance", "tally"])


def _raised(found: list[tuple[Sentence, FoundClaim]]) -> list[tuple[Sentence, FoundClaim]]:
    """ "Two were injured. ... The number of injured has risen to four": a figure raised later
    in the same report replaces the claimant's earlier one, which becomes its earlier figure."""
    replaced: set[int] = set()
    result = list(found)
    for n, (sentence, claim) in enumerate(result):
        before = _before_amount(sentence, claim)
        rises = claim.rises or _updates(sentence.words) or _now(sentence, claim, before)
        if not rises or claim.previous_value is not None or claim.value is None:
            continue
        set_right = _set_right(before)
        corrects = set_right or not _CORRECTS.isdisjoint(sentence.words)
        key = claimant_key(claim.claimant)
        for m in range(n - 1, -1, -1):
            earlier = result[m][1]
            if (
                m not in replaced
                and earlier.category is claim.category
                and not earlier.breakdown
                and not earlier.added  # "two more bodies, bringing the toll to four"
                and claimant_key(earlier.claimant) == key
                and earlier.value is not None
                and _same_period(earlier, claim)
                # A revision moves a toll by a part of itself; "28 killed on Monday" is no
                # earlier edition of a war's toll of 560.
                and (
                    _revises(claim.value, earlier.value, corrects)
                    or (
                        set_right
                        and claim.value / 2 <= earlier.value <= claim.value * 2
                        and result[m][0].paragraph == sentence.paragraph
                    )  # "74 hostages were freed. That figure should read 47": a slip set right
                )
            ):
                result[n] = (sentence, replace(claim, previous_value=earlier.value))
                if earlier.as_of == claim.as_of or earlier.told_before:
                    replaced.add(m)  # else a statement of its own day
                break
        else:
            after = _reported_before(result, n, corrects)
            if after is not None:
                result[n] = (sentence, replace(claim, previous_value=result[after][1].value))
                replaced.add(after)
            elif (
                claim.rises
                and not _RAISED.isdisjoint(sentence.words)
                and (other := _toll_before(result, n)) is not None
            ):
                # "Regional authorities said 14 were killed. ... The Ministry of Health has
                # since raised the toll to 16": the toll raised was another's, who keeps it.
                result[n] = (sentence, replace(claim, previous_value=other))
    return [pair for n, pair in enumerate(result) if n not in replaced]


#: A line that holds only the time of the update below it: "10:05", "**14:30**".
_TIME_LINE = re.compile(r"^[ \t]*[*#]*[ \t]*\d{1,2}[:.]\d{2}[ \t]*[*]*[ \t]*$", re.MULTILINE)


def _timed_updates(
    text: str, found: list[tuple[Sentence, FoundClaim]]
) -> list[tuple[Sentence, FoundClaim]]:
    """A body's own posts of one day under the times of their updates ("07:12 ... 2 people
    were killed", "21:30 ... 11 people were killed"): each toll replaces the one of its kind
    the body gave in an earlier update, which becomes its earlier figure. A toll rises; the
    number missing may fall as the missing are found."""
    times = [m.start() for m in _TIME_LINE.finditer(text)]
    if len(times) < 2:
        return found
    updates = {  # the posts that say they bring a figure up to date: "Update.", "has risen"
        n
        for n, start in enumerate(times, 1)
        if _UPDATING.search(text, start, times[n] if n < len(times) else len(text))
    }
    result = list(found)
    replaced: set[int] = set()
    for n, (sentence, claim) in enumerate(result):
        update = bisect_left(times, sentence.start)  # the post it stands in, counted from 1
        if not _a_toll(claim) or claim.previous_value is not None or update not in updates:
            continue
        if not _TOTALS.isdisjoint(sentence.words):
            continue  # "Results of the day. In total: 3 killed": the day's sum, no revision
        key = claimant_key(claim.claimant)
        for m in range(n - 1, -1, -1):
            before, earlier = result[m]
            if (
                m not in replaced
                and _a_toll(earlier)
                and earlier.category is claim.category
                and earlier.as_of == claim.as_of
                and earlier.period_start == claim.period_start
                and claimant_key(earlier.claimant) == key
            ):
                if bisect_left(times, before.start) == update:
                    break  # the nearest of its kind is the same update's: another figure
                assert claim.value is not None and earlier.value is not None
                if (
                    claim.category is Category.MISSING
                    or claim.value / 10 <= earlier.value < claim.value
                ):
                    result[n] = (sentence, replace(claim, previous_value=earlier.value))
                    replaced.add(m)
                break
    return [pair for n, pair in enumerate(result) if n not in replaced]


#: Words of a post that brings the figures of an earlier one up to date.
_UPDATING = re.compile(
    r"\b(?:updated?|summary|risen|rose|rises|grown|increased|climbed|now|as of)\b", re.IGNORECASE
)
#: Words that sum several incidents' figures rather than revise one's.
_TOTALS = GRAMMAR_WORDS["totals"]


def _a_toll(claim: FoundClaim) -> bool:
    """Whether a claim states a whole count, not a part of one nor a number added to one."""
    return not (claim.breakdown or claim.added) and claim.value is not None


def _now(sentence: Sentence, claim: FoundClaim, before: list[str]) -> bool:
    """Whether a figure is stated as the toll now ("the confirmed toll is now 24", "now says
    nine people died") or as set right ("The correct number is 12", "is therefore eight"):
    "now" among the few words before it, or "correct", "therefore" or "should read" in the
    words `before` its amount."""
    tokens = sentence.tokens
    if "now" in [t.low for t in tokens if t.end <= claim.start][-4:]:
        return True
    return not _SET_RIGHT.isdisjoint(before) or _set_right(before)


def _set_right(before: list[str]) -> bool:
    """Whether the words before a figure's amount state it as an error set right: "The
    correct number is 12", "That figure should read 47"."""
    return "correct" in before or before[-2:] == ["should", "read"]


def _before_amount(sentence: Sentence, claim: FoundClaim) -> list[str]:
    """The four words before a claim's amount, past the words its span opens with ("The
    correct number is"); none where the sentence has no word that sets a figure right."""
    if _SET_RIGHT.isdisjoint(sentence.words) and "read" not in sentence.words:
        return []
    tokens = sentence.tokens
    at = next(
        (a.first for a in amounts(tokens, sentence.words) if tokens[a.first].start >= claim.start),
        len(tokens),
    )
    return [t.low for t in tokens[max(0, at - 4) : at]]


#: Words before a figure that state it as the toll set right: "The correct number is 12",
#: "The number of our fallen is therefore eight".
_SET_RIGHT = frozenset(["correct", "therefore", "thus"])


#: Verbs that raise a toll, whoever gave it: not "put the toll at", which may be one's own.
_RAISED = frozenset(["raised", "raises", "raising", "risen", "rose", "rises", "rising", "climbed",
                     "climbs", "increased", "increases", "brought", "bringing", "pushed",
                     "pushing", "jumped", "swelled", "mounted"])  # fmt: skip


def _toll_before(found: list[tuple[Sentence, FoundClaim]], n: int) -> int | None:
    """The figure of the same kind that the nearest claim before claim `n`, whoever gave
    it, states as a whole count that `n` raises (by less than itself)."""
    claim = found[n][1]
    assert claim.value is not None
    for _, earlier in reversed(found[:n]):
        if earlier.category is not claim.category or earlier.breakdown or earlier.added:
            continue
        if earlier.value is not None and _revises(claim.value, earlier.value, corrects=False):
            return earlier.value
        return None
    return None


#: Words that date a statement before the report's own: "Yesterday evening we reported 11",
#: "On Monday it had reported 14 dead".
_BEFORE_TODAY = GRAMMAR_WORDS["weekdays"] | frozenset(
    ["yesterday", "earlier", "previously", "initially", "originally", "morning", "last"]
)


#: Words that say a figure was set right, up or down: "corrected to 34", "The correct figure".
_CORRECTS = frozenset(["corrected", "correct", "lowered", "reduced", "revised", "down",
                       "downward", "downwards", "lowers", "corrects", "reduces"])  # fmt: skip


def _revises(value: int, earlier: int, corrects: bool) -> bool:
    """Whether a figure may replace an earlier one: a rise by a part of itself, or where the
    words say it was set right, a fall by a fifth at most."""
    return value / 2 <= earlier < value or (corrects and value < earlier <= value * 5 / 4)


def _reported_before(
    found: list[tuple[Sentence, FoundClaim]], n: int, corrects: bool = False
) -> int | None:
    """ "The number killed has risen to 14. Yesterday evening we reported 11 dead.": the
    claim right after a rise, in the next sentence, that the same claimant gave before."""
    if n + 1 >= len(found):
        return None
    sentence, claim = found[n]
    later_sentence, later = found[n + 1]
    words = later_sentence.words
    if (
        later_sentence.start <= sentence.start
        or later_sentence.paragraph != sentence.paragraph
        or later.category is not claim.category
        or later.value is None
        or claim.value is None
        or not _revises(claim.value, later.value, corrects)
        or claimant_key(later.claimant) != claimant_key(claim.claimant)
        or _BEFORE_TODAY.isdisjoint(words[:6])
        or not any(w.endswith("ed") or w in ("said", "gave", "put") for w in words[:8])
    ):
        return None
    return n + 1


_AUTHOR_PREFIX = re.compile(
    r"^(?:#+\s*)?(?:\*\*)?(?P<statement>(?:joint\s+)?(?:statement|communiqu[eé]|press\s+release|"
    r"bulletin|announcement)\s+(?:by|of|from)\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
_ISSUED = re.compile(
    r"(?:issued|published|released|posted)\s+the\s+following\s+"
    r"(?:statement|communiqu[eé]|update|message|bulletin|post)"
    r"|announcement\s+issued\b.*?\bby\s+the\s+(?P<by>[^:]+):"
    # "The following statement was posted on the Telegram channel of the Sons of the Valley
    # Brigades (Kataib Abna al-Wadi) on Saturday": a monitor's note on whose text it carries
    r"|following\s+(?:statement|communiqu[eé]|message|post)\s+was\s+"
    r"(?:posted|published|issued|released)\s+(?:on\s+the\s+[\w\s]{1,30}?\s+of|by)\s+"
    r"(?:the\s+)?(?P<carrier>[A-Z][^,.;:()\[\]]*?)(?=\s*[,.;:(\[]|\s+on\s)",
    re.IGNORECASE,
)
#: "The UN Integrated Office in Haiti (BINUH) published its quarterly report on Tuesday",
#: "DAMASCUS - The Institution ... released the following flash update": a summary of an
#: organisation's report or update, whose figures are the organisation's.
_REPORTED = re.compile(
    r"^(?:[A-Z][A-Z .,'’-]*\s+[-–—]\s+)?(?:[Tt]he\s+)?"
    r"(?P<by>(?:[A-Z][\w'’.-]*|of|the|for|and|on|in|to)"
    r"(?:\s+(?:[A-Z][\w'’.-]*|of|the|for|and|on|in|to|\([^)]*\)))*?)"
    r"(?:\s+\([^)]*\))?\s+(?:has\s+|have\s+)?(?:published|released|issued|posted)\s+"
    r"(?:its|their|a|an|the)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:report|update|bulletin|statement|communiqu[eé])\b"
)


#: "Answer of the Ministry of Defence, signed by its deputy minister:", "Forwarded from
#: the Press Centre (official):": the text that follows is the organisation's, whoever
#: published or passed on the document.
_ANSWER = re.compile(
    r"^\W*(?:(?:written\s+)?(?:answer|reply|response|statement|submission|testimony|comments?"
    r"|summary|update|bulletin)\s+(?:of|from|by)|(?:forwarded|reposted|shared)\s+from)\s+"
    r"(?:the\s+)?(?P<by>[A-Z][^,:(]*?)(?:\s+(?:for|on|of)\s+[^,:]*\d[^,:]*)?"
    r"\s*(?:[,(][^:]*)?:?$",
    re.IGNORECASE,
)
#: A written answer's line that names who answered and for whom: "Answered on 18 February
#: 2622 by Tobias Quennell-Ward, Minister for the Armed Forces, Ministry of Defence".
_ANSWERED = re.compile(r"\W*answered\s+(?:on\s+[^,:]{4,30}?\s+)?by:?\s+(?P<by>[^\n]+)", re.I)
#: An answer's heading, which may end without a colon: "Answer of the Minister of Health,
#: Dr Piet Almqvist, received on 2 June 2347".
_REPLY = re.compile(r"\W*(?:written\s+)?(?:answer|reply|response)\s+(?:of|from|by)\s", re.I)


#: A written question's words that name the minister it was put to: "Mr K R Mabaso to ask
#: the Minister of Police:", "draws the attention of the Minister of the Armed Forces",
#: "Ministry responding: Armed Forces".
_ASKED = re.compile(
    r"\b(?:to\s+ask|attention\s+of|question\s+to|addressed\s+to)\s+(?:the\s+)?"
    r"(?P<to>Minister(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*)?)"
    r"|^\W*Ministry\s+(?:responding|answering):\s+(?:the\s+)?(?P<ministry>[A-Z][^\n,;]*?)\s*$"
)
_ASKED_WORDS = frozenset(["ask", "attention", "question", "addressed", "responding", "answering"])
#: An answer's heading that names no one: "REPLY:", "Text of the answer", "Answer".
_BARE_ANSWER = re.compile(
    r"^\W*(?:text\s+of\s+the\s+)?(?:written\s+)?(?:answer|reply|response)\W*$", re.IGNORECASE
)


def _addressee(line: str) -> str | None:
    """The minister ("Minister of Police") or the ministry a written question is put to."""
    found = _ASKED.search(line)
    if found is None:
        return None
    return found.group("to") or f"Ministry of {found.group('ministry')}"


#: "Source: Ministry of Defence of the Toskarran Union, official channel, 22 April 2114",
#: "10:40 | Source: Coastal Defence Command | Editor: ...": the line that says whose text a
#: monitoring item or a carried statement is.
_SOURCE_LABEL = re.compile(
    r"(?:^|\|\s*)(?:Source|SOURCE):\s+(?:the\s+)?(?P<by>[A-Z][^,|;:()]*?)"
    r"(?:\s+(?:Facebook|Telegram|X|Twitter|VK|website|official)\b[^,|;:()]*)?\s*(?:[,|;(]|$)"
)

#: "Posts by Yarema Kostiv, head of the Hralna Regional Military Administration": a digest
#: that carries an official's own posts or statements, which speak for the office.
_CARRIED = re.compile(
    r"\b(?i:posts|messages|statements|updates|remarks)\s+(?:by|of|from)\s+[^.;:]*?,\s+"
    r"(?:the\s+)?[a-z][\w\s-]*?\bof\s+(?:the\s+)?(?P<by>[A-Z][^,.;:()]*)"
    # "Question No. 4471, asked by ...; answered by the Minister of Defence, Halvard Senning"
    r"|\banswered\s+by\s+(?:the\s+)?(?P<answerer>[A-Z][^,.;:()]*)"
    # "Answered by: Colonel-General (ret.) Aurel Dashkin, Minister of Defence"
    r"|\b(?i:answered)\s+by:\s+[^,\n]*,\s+(?:the\s+)?(?P<office>[A-Z][^,.;:()\n]*)"
)

#: The words without which a line is neither a source line nor a byline.
#: Briefing notes' speaker, whose office speaks: "Speaker: Ravina Castellanos-Mbah,
#: Spokesperson for the UN High Commissioner for Human Rights".
_SPEAKER = re.compile(
    r"^[ \t]*Speaker:[ \t]*[^,\n]+,[ \t]+(?:the[ \t]+)?[A-Za-z][\w -]*?[ \t]+"
    r"(?:for|of)[ \t]+(?:the[ \t]+)?(?P<by>[A-Z][^,.;:()\n]*)",
    re.MULTILINE,
)
_LABEL_WORDS = frozenset(["source", "posts", "messages", "statements", "updates", "remarks",
                          "answered"])  # fmt: skip
#: Words one of which a source line's or a byline's name must hold: a body or an office.
_NAMED_BODIES = GRAMMAR_WORDS["author_heads"] | _OFFICES


def _office(names: str) -> str | None:
    """Of "Tobias Quennell-Ward, Minister for the Armed Forces, Ministry of Defence", the
    body an answer comes from, else the office of the one who gave it."""
    parts = [part.strip() for part in names.split(",")]
    heads = lexicon().claimant_heads
    bodies = [part for part in parts if head(part) in heads and head(part) != "minister"]
    offices = [part for part in parts if head(part) == "minister"]
    return (bodies or offices)[-1] if bodies or offices else None


def _author(text: str, every: list[Sentence], headings: set[int]) -> str | None:
    """Who speaks in a statement published whole: the organisation a source line or its
    letterhead names ("MINISTRY OF DEFENCE OF THE REPUBLIC OF MAROVIA", "Statement by the
    Municipal Council of Doussoula"), or the one an outlet says issued it. Its figures are
    its own, not the outlet's that carries them (nor the monitoring service's that
    translated them)."""
    for sentence in every[:16]:
        if _LABEL_WORDS.isdisjoint(sentence.words):
            continue  # most lines: neither a source line nor a byline
        line = text[sentence.start : sentence.end]
        label = _SOURCE_LABEL.search(line) or _CARRIED.search(line)
        name = label.group(label.lastgroup or "by") if label else ""
        # "Source: YH-PDF Facebook page": a short name the text spells out elsewhere
        short = acronyms(text).get(name.strip()) if name.strip().isupper() else None
        if short is not None:
            return short
        if name and not _NAMED_BODIES.isdisjoint(name.lower().split()):
            return name.strip()
    speaker = _SPEAKER.search(text, 0, every[min(len(every), 12) - 1].end if every else 0)
    if speaker:  # briefing notes: "Speaker: Ravina Castellanos, Spokesperson for the ..."
        return speaker.group("by").strip()
    issued = [_ISSUED.search(text, sentence.start, sentence.end) for sentence in every[:6]]
    for carried in issued:  # a monitor's note on whose statement it carries
        if carried and carried.group("carrier"):
            return carried.group("carrier").strip()
    for n, sentence in enumerate(every[:5]):
        if sentence.start in headings:
            break  # a digest's first post: its poster's name is no letterhead
        found = _letterhead(text, sentence)
        if found is not None:
            # "MINISTRY OF INTERNAL AFFAIRS" over "National Forensic Identification Centre":
            # the unit on the line below speaks for itself, and so on down ("Press
            # Information Bureau", "Government of India", "Ministry of Defence").
            above = sentence
            for below_it in every[n + 1 : n + 4]:
                below = _letterhead(text, below_it)
                parted = above is not sentence and below_it.paragraph != above.paragraph
                if below is None or parted:
                    break  # past the line right below, only lines of one block
                if not (_press_unit(below) or _generic_unit(below)) or head(below) == "ministry":
                    found = below  # a ministry is a body of its own, "of Defence" or not
                above = below_it
            return found
    for sentence in every[:3]:  # "Weekly briefing by the spokesperson of the Ministry of ..."
        briefing = _BRIEFING.search(text, sentence.start, sentence.end)
        by = _ROLE_OF.sub("", briefing.group("by")) if briefing else ""
        if by and head(by) in lexicon().claimant_heads and head(by) not in _OFFICES:
            return by
    for sentence, match in zip(every[:6], issued, strict=True):
        summary = _REPORTED.match(text[sentence.start : sentence.end])
        if summary:
            name = re.sub(r"\s*\([^)]*\)", "", summary.group("by"))  # "(DTM)"
            if 1 < len(name.split()) <= 12:
                return name
        if match and match.group("by"):
            return match.group("by").strip()
        issuers = attributions(sentence) if match else []
        if issuers and not issuers[0].pronoun:
            return issuers[0].text
    return None


#: A transcript's title that names who holds the briefing: "Press conference of the Ministry
#: of the Interior on ...", "Daily briefing by the spokesperson of the Ministry of Defence".
_BRIEFING = re.compile(
    r"(?i:\b(?:briefing|(?:press|news)\s+conference)\s+(?:of|by|from|at)\s+(?:the\s+)?"
    r"(?:(?:spokes(?:person|man|woman)|press\s+(?:secretary|service))\s+(?:of|for)\s+"
    r"(?:the\s+)?)?)(?P<by>[A-Z][\w'’-]*(?:\s+(?:(?:of|for|the|and)\s+)*[A-Z][\w'’-]*)*)"
)
#: The parts of a letterhead line: "A - B", "A | B", "**A**, B" and "A, Monday 3 May".
_HEAD_PARTS = re.compile(r"\s+[-–—|]\s+|\*\*,?|,\s+(?=[A-Z][a-z]+,?\s+\d)")
_BRACKET_ON = re.compile(r"\s*\(.*$")
_PATH_MARK = re.compile(r"[/:]")  # an address or a time: no name
_DIGIT = re.compile(r"\d")


def _letterhead(text: str, sentence: Sentence) -> str | None:
    """The organisation a letterhead line names, the last of several ("KESTRIAN ARMED
    FORCES - GENERAL STAFF": the General Staff), or None when the line is no letterhead."""
    heads = GRAMMAR_WORDS["author_heads"]
    whole = text[sentence.start : sentence.end]
    line = _LANGUAGES.sub("", whole) if "|" in whole else whole
    switcher = len(line) < len(whole)  # a site's name beside its languages: "... RU | EN"
    if not (switcher or _title_like(text, sentence) or line.isupper() or line.startswith("**")):
        return None
    if line.count("|") >= 3:
        return None  # a site's navigation: "Home | About the Centre | News | Contacts"
    if TURN.match(line) and not line.rstrip("*").endswith(":"):
        return None  # a speaker's turn in a transcript: "**POLICE COMMANDER:** Good morning."
    found = None
    for part in _HEAD_PARTS.split(line):
        if part.strip().startswith(("By ", "by ")) or _BYLINE.search(part):
            continue  # a byline: "By Our Staff Reporter", "Staff Correspondent", the outlet's
        if part.strip().startswith(("Under ", "UNDER ")):
            continue  # "Under the Ministry of Defence": whom the author answers to
        prefix = _AUTHOR_PREFIX.match(part.strip())
        name = part.strip()[prefix.end() if prefix else 0 :].strip(" *#")
        name = _BRACKET_ON.sub("", name)  # "UN Human Rights Office (OHCHR)"
        name = _SITE_CONTROL.sub("", name)  # a page's "Menu" button beside its name
        name = _LANGUAGE_SERVICE.sub("", name)  # "Defence Ministry English Service"
        if not name or _NEWS_NAME.search(name):
            continue  # a news agency's masthead: the outlet's own, no one else's statement
        name = _ROLE_OF.sub("", name)  # "Head of the Lessary Regional Military Administration"
        name = _PRESS_OF.sub("", name)  # "Press Centre of the Ministry of Defence"
        if _DIGIT.search(line):  # "Ministry of Defence, Valdresk | 8 April": where it sits
            name = _SEAT.sub("", name)
        offices = heads
        if prefix and prefix.group("statement"):  # "Statement by the Governor of Kessany
            offices = heads | _OFFICES  # Region, Vadim Orsk": an office speaks too
            name = _HOLDER.sub("", name)
        title = _DOCUMENT_TITLE.match(name)  # "Information Message of the Ministry of ...",
        if title and heads.isdisjoint(title.group().lower().split()):  # not "... Bureau of"
            name = name[title.end() :]
            if heads.isdisjoint(w.lower() for w in name.split()[:3]):
                continue  # "Report of the Secretary-General on the ...": no body's name
        words = WORDS.findall(name.lower())
        named = any(w.removesuffix("'s") in offices for w in words) or words[:1] == ["un"]
        # A letterhead is a name: capitalised words and the small words between them.
        named = (
            named
            and not _PATH_MARK.search(name)
            and all(w[:1].isupper() or w.lower() in SMALL_WORDS for w in name.split())
            and ";" not in name  # a headline: "BOMB VICTIMS LAID TO REST; POLICE SAY ..."
            and _SAYING.isdisjoint(words)
        )
        letterhead = 1 < len(words) <= 14 and named and name[:1].isupper()
        # a press office or a country office speaks for the organisation above it
        unit = found is None or not (_press_unit(name) or _PLACE_OFFICE.match(name))
        if letterhead and unit and not _DIGIT.search(name):
            found = cased(name)
    return found


#: Verbs of saying, which a headline holds and a name does not.
_SAYING = frozenset(GRAMMAR_WORDS["speech"]) - {"according"}
#: A document's title before the body that issues it: "Information Message of the".
_DOCUMENT_TITLE = re.compile(
    rf"^(?i:(?:{'|'.join(sorted(GRAMMAR_WORDS['document_nouns']))})(?:\s+\w+)?"
    r"\s+(?:of|by|from)\s+(?:the\s+)?)"
)
#: A page's choice of languages after the name at its head: "Ministry of Defence RU | EN".
_LANGUAGES = re.compile(r"(?:\s+[A-Z]{2}(?:\s*\|\s*[A-Z]{2})+)\s*$")
#: Who wrote a piece for the outlet, on its byline: "Staff Correspondent".
_BYLINE = re.compile(r"\b(?:Correspondents?|Reporters?|Writers?)\b")
#: A site's edition in a language, after the name of whose site it is.
_LANGUAGE_SERVICE = re.compile(
    r"\s*\b(?:English|French|Arabic|Spanish|Russian|Portuguese|World)\s+Service$"
    r"|^Service\s+in\s+(?:English|French|Arabic|Spanish|Russian|Portuguese)\b.*$",
    re.IGNORECASE,
)
#: A news organisation's name: "National News Agency of Ukraine", "Djoliba Press Agency".
_NEWS_NAME = re.compile(r"\b(?:news|press\s+agency)\b", re.IGNORECASE)
#: A page's controls written after the name at its head: "Commission on Missing Persons Menu".
_SITE_CONTROL = re.compile(
    r"\s+(?:Menu|Search|Subscribe|Donate|Log\s+in|Sign\s+in|Login)$", re.IGNORECASE
)
#: A role before the body it is held in, which speaks through it: "Head of the ...".
_ROLE_OF = re.compile(
    rf"^(?:the\s+)?(?:official\s+)?(?P<role>{'|'.join(sorted(GRAMMAR_WORDS['roles']))})"
    r"(?:[\s-]general)?"
    r"\s+of\s+(?:the\s+)?(?=[A-Z])",
    re.IGNORECASE,
)
#: The town after a letterhead's name, before its date: "Ministry of Defence, Valdresk".
_SEAT = re.compile(r",\s+[A-Z][\w'’-]+$")
#: A press unit before the organisation it speaks for: "Press Centre of the ...".
_PRESS_OF = re.compile(
    r"^(?:the\s+)?(?:press|media|information|communications?)\s+"
    r"(?:centre|center|office|service|department|directorate|unit|bureau)\s+of\s+(?:the\s+)?(?=[A-Z])",
    re.IGNORECASE,
)
#: A press unit after the organisation it speaks for: "HPDF Press Office".
_PRESS_UNIT = re.compile(
    r"(?<=\w)\s+(?:press|media|information)\s+(?:centre|center|office|service|room|unit)$",
    re.IGNORECASE,
)
#: People who work for an organisation, before its name: "two medical staff at".
_STAFF_AT = re.compile(
    r"^(?:[\w-]+\s+){0,2}?(?:staff|doctors|medics|nurses|workers|employees|personnel|volunteers)"
    r"\s+(?:at|of|from)\s+(?:the\s+)?(?=[A-Z])"
)
#: The holder's name after an office: "Governor of Kessany Region, Vadim Orsk".
_HOLDER = re.compile(r",\s+(?:[A-Z][\w'’.-]+\s*){1,4}$")

#: An organisation's office in a place: "SUDAN COUNTRY OFFICE", "Sahel Regional Office".
_PLACE_OFFICE = re.compile(
    r"(?:[A-Z][\w'’-]*\s+){0,3}(?:COUNTRY|REGIONAL|FIELD|AREA|SUB-?|Country|Regional|Field"
    r"|Area|Sub-?)\s*(?:OFFICE|Office)$"
)
#: Words of the units that speak for an organisation rather than for themselves.
_PRESS = frozenset(["press", "media", "communications", "communication", "information"])


def _press_unit(name: str) -> bool:
    """A unit that speaks for the organisation above it: a press office, "Public Affairs"."""
    low = name.lower()
    return not _PRESS.isdisjoint(low.split()) or "public affairs" in low


#: Words that name no unit of its own: "General Command", "Office of the Director".
_GENERIC_UNIT = GRAMMAR_WORDS["unit_words"]


def _generic_unit(name: str) -> bool:
    """A unit below a letterhead that names no body of its own, and so speaks for the
    organisation above it, as a press office does."""
    heads = GRAMMAR_WORDS["author_heads"]
    name = _UNIT_AREA.sub("", name)  # "Office of the Commissioner for the Eastern Fells"
    return all(w in heads or w in _GENERIC_UNIT for w in name.lower().split())


#: The area a unit serves, after its name: "for the Eastern Fells", "for Kessany Region".
_UNIT_AREA = re.compile(r"\s+(?:for|in)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*)+$")


def _first_person_label(sentence: Sentence, said: list[Attribution]) -> list[Attribution]:
    """ "* **Civil Society of Bunzala (WhatsApp, 10:10):** "Our own count is 27 dead"": the
    "we" of words under a speaker's label is the labelled speaker."""
    if said and all(a.pronoun and a.text in ("we", "i") for a in said):
        return _labelled_by(sentence) or said
    return said


def _labelled_by(sentence: Sentence) -> list[Attribution]:
    """A list item that a source's name opens: "- AAPP, 31 January 2024: at least 4,612
    people killed"; the name ends at a bracket or a comma."""
    tokens = sentence.tokens
    if tokens[0].text not in ("-", "*", "•"):
        return []
    colon = next((i for i, t in enumerate(tokens[:24]) if t.text == ":"), -1)
    end = next((i for i in range(1, max(colon, 1)) if tokens[i].text in "(,"), colon)
    label = tokens[1:end]
    while label and (label[0].low in _NOTICES or label[0].text in ("*", "|", "-")):
        label = label[1:]  # "**CORRECTION:**", "URGENT | Ministry of Health:": what the post
        # is, not who speaks
    if colon < 2 or not label or len(label) > 12 or label[0].low in _PRESENTERS:
        return []  # and "**ANCHOR (Ritika Bhandarkar):**" is the broadcaster's own voice
    small = ("of", "for", "the", "and", "in", "on")
    heads = lexicon().claimant_heads
    capitalised = all(t.text[:1].isupper() or t.low in small for t in label if t.kind == "word")
    if not capitalised or not (
        any(t.text.isupper() and len(t.text) > 1 for t in label)
        or any(t.low in heads for t in label)
    ):
        return []
    return [Attribution(1, " ".join(t.text for t in label))]


#: The labels of a post that say what it is: "CORRECTION:", "UPDATE:", "EDITOR'S NOTE:".
_NOTICES = frozenset(["correction", "corrected", "update", "updated", "clarification", "note",
                      "erratum", "breaking", "urgent", "flash", "alert"])  # fmt: skip


def _heading(text: str, sentence: Sentence) -> bool:
    """A heading or an introducing line: "## Who was killed", "Casualties by region:"."""
    line = text[sentence.start : sentence.end]
    return line.startswith("#") or line.endswith(":") or sentence.headline


def _line_bounds(text: str, sentence: Sentence) -> tuple[int, int]:
    """Where the line a sentence stands in starts and ends."""
    line_end = text.find("\n", sentence.end)
    return text.rfind("\n", 0, sentence.start) + 1, len(text) if line_end < 0 else line_end


def _title_like(text: str, sentence: Sentence, indented: bool = False) -> bool:
    """A line of its own without a sentence's final mark: a headline or a subheading; with
    `indented`, also one indented as the text of an HTML page is."""
    line = text[sentence.start : sentence.end]
    line_start, line_end = _line_bounds(text, sentence)
    before = text[line_start : sentence.start]
    after = text[sentence.end : line_end]
    own_line = (before == "" or (indented and before.isspace())) and (
        after == "" or (indented and after.isspace())
    )
    return own_line and len(line) < 160 and line[-1] not in ".!?:\"”'’" and not is_row(line)


def _document_date(text: str, every: list[Sentence], published: dt.date) -> PartialDate:
    """The date a whole report speaks for: "Monthly update - as of 31 August 2023" in its
    opening lines, or the past month its title names ("Monitor - February 2024", "March
    bulletin"), else its publication date."""
    for sentence in every[:4]:
        line = text[sentence.start : sentence.end].lower()
        if "as of" in line or "as at" in line:
            dates, _ = dates_in(text, sentence.start, sentence.end, published)
            if dates:
                return dates[0][1]
    for sentence in every[:3]:
        span = span_covered(text[sentence.start : sentence.end], published)
        if span is not None:
            return span  # "Protection of Civilians: First Quarter 2603"
        month = month_covered(text, sentence.start, sentence.end, published) or month_titled(
            text[sentence.start : sentence.end], published
        )
        if month is not None:
            return month  # "Monitor - February 2024", "March bulletin: 96 killed"
    return PartialDate.from_date(published)


def _sides(text: str, known: dict[str, str]) -> list[tuple[str, int]]:
    """The sides a report names, most named first, with how often; a side named as the one
    that strikes ("a Vyskarnian missile strike on Tormasse") is not named as one with losses."""
    found = _CAPITALISED.findall(text)
    named = Counter(word for word, _ in found)  # in the order first named: it ranks ties
    named.subtract(word for word, striking in found if striking)
    counts: Counter[str] = Counter()
    for word, times in named.items():
        side = party_of(word, known) if times > 0 else None  # each word looked up once
        if side:
            counts[side] += times
    return sorted(counts.items(), key=lambda item: -item[1])


def _main_party(ranked: list[tuple[str, int]]) -> str:
    """The side a report is mostly about, when one side's name clearly leads."""
    if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return ""


#: A note under a table or a list of key figures that names their source: "[1] According
#: to the Kessenby Provincial Health Office", "¹ Tull figures are supplied by the Tull
#: Provincial Health Directorate".
_SOURCE_NOTE = re.compile(
    r"^[>\s]*(?:\[(?P<mark>[0-9a-z]{1,2})\]|(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹]))\s*"
    r"(?:[^\n]*?\b(?:[Aa]ccording\s+to|[Ss]ources?:|supplied\s+by|provided\s+by|reported\s+by"
    r"|[Dd]ata\s+(?:from|of))\s+)?(?:[Tt]he\s+)?"
    r"(?P<by>[A-Z][\w'’-]*(?:\s+(?:of|the|for|and|on|in|[A-Z][\w'’-]*))*)",
    re.MULTILINE,
)
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"
#: A note marked by an asterisk, which names a source in so many words: "* Source: Ministry
#: of Health in Gaza." (not a list's bullet).
_STARRED_NOTE = re.compile(
    r"^[>\s]*\\?\*(?!\*)\s*(?:[^\n]*?\b(?:[Aa]ccording\s+to|[Ss]ources?:|supplied\s+by"
    r"|provided\s+by|reported\s+by|[Dd]ata\s+(?:from|of))\s+)(?:[Tt]he\s+)?"
    r"(?P<by>[A-Z][\w'’-]*(?:\s+(?:of|the|for|and|on|in|[A-Z][\w'’-]*))*)",
    re.MULTILINE,
)
#: Where a figure or its label carries an asterisk: "Palestinians killed*", "1,284*".
_STAR_MARK = re.compile(r"(?<=[\w)])\\?\*(?!\*)")


def _source_notes(text: str) -> dict[str, str]:
    """The source each footnote mark stands for, from the notes that name one; "*" for a
    note marked by an asterisk."""
    if "[" not in text and "*" not in text and not any(mark in text for mark in _SUPERSCRIPTS):
        return {}
    notes: dict[str, str] = {}
    found = [(m, m.group("mark") or m.group("sup")) for m in _SOURCE_NOTE.finditer(text)]
    found += [(m, "*") for m in _STARRED_NOTE.finditer(text)]
    for match, mark in found:
        by = re.sub(r"(?:\s+(?:of|the|for|and|on|in))+$", "", match.group("by"))
        if len(by.split()) >= 2 and head(by) in lexicon().claimant_heads:
            notes.setdefault(mark, by)
    return notes


def _noted(text: str, sentence: Sentence, notes: dict[str, str]) -> list[Attribution]:
    """The source a sentence's footnote mark points to ("14 people killed [1]")."""
    line = text[sentence.start : sentence.end]
    for mark, by in notes.items():
        if mark == "*":
            star = _STAR_MARK.search(line)
            at = star.start() if star else -1
        else:
            at = line.find(mark if mark in _SUPERSCRIPTS else f"[{mark}]")
        if at > 0 and line[:at].strip(" >"):  # a mark after words, not the note's own
            index = next(
                (i for i, t in enumerate(sentence.tokens) if t.start >= sentence.start + at),
                len(sentence.tokens) - 1,
            )
            return [Attribution(index, by)]
    return []


@dataclass(frozen=True, slots=True)
class _Turn:
    """Where a speaker's turn in a transcript starts, and who speaks (None: a presenter,
    in the broadcaster's own voice)."""

    start: int
    speaker: str | None


_CHAIRS = GRAMMAR_WORDS["chairs"]
#: A hearing record's lines on who testifies and who asks, in its opening characters.
_WITNESS = re.compile(r"^\W*Witness:\s*(?P<who>[^\n]+)$", re.MULTILINE)
_EXAMINER = re.compile(r"^\W*(?:Examined|Questioned)\s+by:\s*(?P<who>[^,\n]+)", re.MULTILINE)
_RECORD_HEAD = 2000
_NAME_WORD = re.compile(r"\b[A-Z][\w'’-]*")  # a capitalised word of a person's name


def _turns(text: str, every: list[Sentence]) -> dict[int, _Turn]:
    """A transcript's turns, by paragraph: each paragraph a speaker's label opens is that
    speaker's, and so are the paragraphs after it up to the next label, heading or stage
    direction. Only a text where a presenter or a chair ("THE PRESIDENT:") takes turns with
    others is a transcript; elsewhere "UPDATE:" or "KILLED:" is no one speaking."""
    turns: dict[int, _Turn] = {}
    seen: set[int] = set()
    presenters = set(_PRESENTERS)  # and their names: "CORRESPONDENT (Teo Rask)", then "RASK:"
    # a hearing's record names its witness and who examines them: "Witness: Deputy
    # Commissioner Ansgar Velle, National Police", "Examined by: Ms Liv Harrend, Counsel"
    witness = _WITNESS.search(text, 0, _RECORD_HEAD)
    witness_for = _office(witness.group("who")) if witness else None
    for examiner in _EXAMINER.finditer(text, 0, _RECORD_HEAD):
        presenters.update(w.lower() for w in _NAME_WORD.findall(examiner.group("who")))
    last: _Turn | None = None  # the turn a paragraph with no label goes on with
    for sentence in every:
        if sentence.paragraph in seen:
            continue
        seen.add(sentence.paragraph)
        label = TURN.match(text, sentence.start, sentence.end)
        if label is None:
            if last is not None and text[sentence.start] not in "#(*_-":
                turns[sentence.paragraph] = _Turn(sentence.start, last.speaker)  # goes on
            else:
                last = None  # a heading or a stage direction: "*(Applause)*"
            continue
        name = label.group("label").rstrip(" .")
        called = name.lower().split()
        presenter = (
            called[0] in presenters
            or name.lower() in presenters
            or (len(called) == 2 and called[0] in ("the", "madam", "mr") and called[1] in _CHAIRS)
        )
        who = label.group("who")
        if presenter and who:
            presenters.update(w.lower() for w in _NAME_WORD.findall(who))
        speaker = label.group("office") or cased(name)
        if witness_for and called[-1:] == ["witness"]:
            speaker = witness_for  # "THE WITNESS:"
        last = turns[sentence.paragraph] = _Turn(sentence.start, None if presenter else speaker)
    speakers = {turn.speaker for turn in turns.values()}
    return turns if None in speakers and len(speakers) > 1 else {}


#: A post reproduced in a quotation block, under its author's name and handle.
_POSTED_BY = re.compile(r">\s*\*\*(?P<by>[A-Z][^*\n]{1,80})\*\*\s*\(@")


def _quoted(text: str, sentence: Sentence) -> bool:
    """Whether the sentence stands in a paragraph that opens with a quotation mark, or in a
    Markdown quotation block ("> Four people were killed")."""
    opening = text.rfind("\n", 0, sentence.start) + 1
    return text[opening : opening + 1] in ('"', "“", "«", ">")


def _quote_speaker(text: str, sentence: Sentence, found: list[Attribution]) -> Attribution | None:
    """'"We have identified 74 people," said Judge Voss': who is named after the closing
    quotation mark that follows a "we"."""
    tokens = sentence.tokens
    for first in found:
        if first.pronoun and first.text in ("we", "i"):
            for later in found:
                if not later.pronoun and later.index > first.index:
                    between = text[tokens[first.index].end : tokens[later.index].start]
                    if any(mark in between for mark in ('"', "”", "»")):
                        return later
    return None


#: The source a heading names in its brackets, before the period: "(DCP, 1 to 15 March)".
_HEADING_SOURCE = re.compile(r"\(([A-Z][^(),]*?)(?:,[^()]*)?\)\W*$")


def _heading_source(line: str, claimants: _Claimants) -> str | None:
    """The organisation a table's heading names as its source: "### Civilian casualties by
    village (DCP, 23 February to 15 March)", by its short name or in full."""
    found = _HEADING_SOURCE.search(line)
    if found is None:
        return None
    name = found.group(1).strip()
    if name in claimants.acronyms:
        return claimants.acronyms[name]
    if " " in name and head(name) in lexicon().claimant_heads:
        return claimants.resolve(Attribution(0, name))
    return None


_CLOSING_QUOTE = re.compile(r"[\"”]")


def _outside_quotation(text: str, sentence: Sentence, said: list[Attribution]) -> list[Attribution]:
    """'"Rescuers found two more bodies," she wrote': in a sentence that opens with a
    quotation, whoever is named after it speaks the words, not someone named within them."""
    tokens = sentence.tokens
    opening = text[max(0, sentence.start - 1) : tokens[0].start].strip()
    close = _CLOSING_QUOTE.search(text, tokens[0].start, sentence.end)
    if len(said) < 2 or opening not in ('"', "“") or close is None:
        return said
    after = [a for a in said if tokens[a.index].start > close.start()]
    return after or said


def _clause(sentence: Sentence, index: int) -> int:
    return sum(1 for t in sentence.tokens[:index] if t.low in _CLAUSE_MARKS)


def _whose(sentence: Sentence, said: list[Attribution], known: dict[str, str]) -> list[Attribution]:
    """ "Kelmaria has not updated its toll since May, when its defence ministry said": "its"
    is the side the sentence opens with."""
    tokens = sentence.tokens
    side = next((t.text for t in tokens if t.kind == "word"), "")  # after a list's bullet
    if known.get(side.lower()) != side:
        return said
    return [
        replace(a, text=f"{side}'s {a.text}")
        if a.index > 0 and tokens[a.index - 1].low in ("its", "their") and not a.pronoun
        else a
        for a in said
    ]


def _bracketed_acronym(sentence: Sentence, known: dict[str, str]) -> list[Attribution]:
    """ "3,890 people injured (MoH)": a source in brackets by the short name the text gives it
    elsewhere ("Ministry of Health (MoH)")."""
    tokens = sentence.tokens
    end = len(tokens) - 1 if tokens and tokens[-1].text in (".", ";") else len(tokens)
    if end < 4 or tokens[end - 1].text != ")" or tokens[end - 3].text != "(":
        return []
    short = tokens[end - 2].text
    if short not in known or not any(t.kind == "number" for t in tokens[: end - 3]):
        return []
    named = " ".join(t.text for t in tokens[max(0, end - 3 - len(known[short].split())) : end - 3])
    if named.endswith(known[short]):
        return []  # "the Sentinels of the Grey Ridge (SGR).": where the short name is given
    return [Attribution(end - 2, known[short])]


def _its_people(
    sentence: Sentence, said: list[Attribution], claimants: _Claimants
) -> list[Attribution]:
    """ "Port Averil General Hospital had admitted 38, its medical director told reporters":
    a person of "its" speaks for the organisation the sentence named before them, and the
    people of a body named as its own speak for it ("the Commission's monitoring teams")."""
    tokens = sentence.tokens
    result = []
    for a in said:
        owned = _OWNED.match(a.text)
        if (
            owned
            and head(owned.group(1)) in lexicon().claimant_heads
            and not _OWN_PEOPLE.isdisjoint(owned.group(2).lower().split())
        ):
            a = replace(a, text=owned.group(1))  # not "Ukraine's General Staff"
        if a.index > 0 and tokens[a.index - 1].low in ("its", "their") and not a.pronoun:
            words = a.text.lower().split()
            if any(w in _SPEAKERS for w in words[:3]):
                owner = claimants.named_between(sentence.start, tokens[a.index - 1].start)
                if owner is not None:
                    a = replace(a, text=owner)
        result.append(a)
    return result


#: A body's own people: "Commission's monitoring teams", "the Mission's patrols".
_OWNED = re.compile(r"^([A-Z][\w\s'’-]*?)['’]s\s+(.+)$")
#: Who of a body speaks for it, named as its own ("the Bureau's head"); an office holder
#: speaks as the office ("the Federation's Commissioner for Human Rights").
_OWN_PEOPLE = (GRAMMAR_WORDS["roles"] - {"minister"}) | _UNITS | {"team", "personnel", "patrol"}


def _by_side(said: list[Attribution], known: dict[str, str]) -> list[Attribution]:
    """A side's adjective alone as the claimant ("according to Israeli tallies") is the side
    ("Israel")."""
    result = []
    for a in said:
        one_word = " " not in a.text and not a.pronoun and not a.text.isupper()  # not "IDF"
        side = party_of(a.text, known) if one_word else ""
        result.append(replace(a, text=side) if side and side.lower() != a.text.lower() else a)
    return result


def _with_roles(sentence: Sentence, said: list[Attribution]) -> list[Attribution]:
    """A person named after their role keeps it ("head surgeon Darya Kolinetska"): it says
    that they speak for an organisation."""
    tokens = sentence.tokens
    result = []
    for a in said:
        start = a.index
        while (
            start > 0
            and a.index - start < 3
            and (tokens[start - 1].low in _SPEAKERS or tokens[start - 1].low in _RANKS)
        ):
            start -= 1
        if start < a.index and not a.pronoun:
            roles = " ".join(t.text for t in tokens[start : a.index])
            a = replace(a, index=start, text=f"{roles} {a.text}")
        result.append(a)
    return result


#: How a side is said to speak: "Valdessa says", "Dravonia claimed".
_SIDE_SAYS = frozenset(["says", "said", "claims", "claimed", "reports", "reported", "insists"])


def _side_says(sentence: Sentence, known: dict[str, str]) -> list[Attribution]:
    """A side the report names, speaking for itself at the start of a clause ("Valdessa says
    more than 9,000 of its civilians have been killed", "June 16 (Orbis) - Esperra said");
    the lexicon's own states are found with every other claimant."""
    if _SIDE_SAYS.isdisjoint(sentence.words):
        return []
    tokens = sentence.tokens
    for i in range(len(tokens) - 2):
        if tokens[i + 1].low in _SIDE_SAYS and (i == 0 or tokens[i - 1].text in _CLAUSE_OPENERS):
            name = tokens[i].text
            if known.get(name.lower()) == name:
                return [Attribution(i, name)]
    return []


_CLAUSE_OPENERS = frozenset(["-", "–", "—", "*", "•", ",", ";", ":"])


def _claimant_for(
    sentence: Sentence,
    figure: Figure | None,
    named: list[tuple[Attribution, str]],
    claimants: _Claimants,
    number: int,
    quoted: bool = False,
) -> str:
    if named:
        first = figure.first if figure else 0
        clause = _clause(sentence, first)
        same = [(a, c) for a, c in named if _clause(sentence, a.index) == clause]
        pool = same or named
        return min(pool, key=lambda pair: abs(pair[0].index - first))[1]
    # A sentence without a claimant goes on with the one before it in its paragraph; a list
    # item or a new paragraph does not (unless the line that opens the list names whose it
    # is), and "we" and "our" are the author's own words, or in a quotation the words of
    # whoever was named before it.
    words = set(sentence.words)
    if quoted and claimants.last and words & {"we", "our"}:
        return claimants.voice or claimants.last
    bullet = _bullet(sentence)
    if bullet and claimants.listing:
        return claimants.listing  # an item of a list its introducing line attributes
    if (
        claimants.last
        and not bullet
        and not words & {"we", "our"}
        and (claimants.turn is not None or not _years_before(sentence, claimants.published))
        and (
            claimants.last_paragraph == sentence.paragraph or number - claimants.last_sentence <= 1
        )
    ):
        return claimants.last
    return claimants.outlet


def _bullet(sentence: Sentence) -> bool:
    """Whether a sentence is an item of a list."""
    return sentence.tokens[0].text in ("-", "*", "•")


def _years_before(sentence: Sentence, published: dt.date) -> bool:
    """Whether a sentence names a year before the report's: background ("the deadliest
    strike since September 2041, in which 31 people died"), in the author's own words."""
    return any(
        t.kind == "number" and len(t.text) == 4 and 1900 <= int(t.text) < published.year
        for t in sentence.tokens
        if t.text.isdigit()
    )


def _party(sentence: Sentence, figure: Figure, claimant: str, reading: _Reading) -> str | None:
    """The side whose losses a figure counts; "" for the "enemy" no word names, None when
    the sentence does not say (the report's main side may then stand in). A side named
    as the one that struck ("Kelmarian shelling killed six") is the other side's loss."""
    lex = lexicon()
    known, outlet, two_sides = reading.known, reading.outlet, reading.two_sides
    if figure.group:
        named = party_of(figure.group, known)
        if named:
            return named
    window = sentence.words[max(0, figure.first - 4) : figure.last + 6]
    own = claimant != outlet and head(claimant) in _GOVERNMENT
    claimant_side = party_of(claimant, known) if own else ""
    if any(w in lex.enemy for w in window):
        return ""
    ends = list(range(min(4, len(window)))) + list(range(max(4, len(window) - 4), len(window)))
    if any(window[i] in lex.own and not _strikes_next(window, i) for i in ends):
        # "its soldiers", "320 of its fighters" (not "its strikes killed 12"): the claimant's
        # own, a state's or a side's that speaks by its own name ("Hezbollah")
        named_side = party_of(claimant, known)
        own_side = claimant_side or (named_side if named_side.lower() == claimant.lower() else "")
        if own_side:
            return own_side
    tokens = sentence.tokens
    nearest: dict[str, tuple[int, bool]] = {}  # each side's mention nearest the figure
    for n in range(max(0, figure.first - 10), min(len(tokens), figure.last + 12)):
        t = tokens[n]
        if t.kind == "word" and t.text[:1].isupper() and (side := reading.side_of(t.text)):
            after = tokens[n + 1].low if n + 1 < len(tokens) else ""
            striker = after in _STRIKES and (n < figure.first or after not in _STRIKERS)
            distance = figure.first - n if n < figure.first else n - figure.last
            if side not in nearest or distance < nearest[side][0]:
                nearest[side] = (distance, striker)  # "... in a Russian missile strike"
    # "12 Ukrainian attacks and that Ukraine had lost up to 300": the nearer mention tells
    mentioned = {side for side, (_, striker) in nearest.items() if not striker}
    struck = {side for side, (_, striker) in nearest.items() if striker}
    claimant_words = set(claimant.lower().split())
    outside = {p for p in mentioned - struck if p.lower() not in claimant_words}
    if len(outside) == 1:
        return next(iter(outside))
    if not outside and struck:
        other = [side for side in two_sides if side not in struck]
        return other[0] if len(struck) == 1 and len(other) == 1 else ""  # never the striker
    return claimant_side or None


#: What one side strikes with: "Kelmarian shelling", "a Russian missile", "Ulthanian forces".
_STRIKES = frozenset(["shelling", "strike", "strikes", "airstrike", "airstrikes", "missile",
                      "missiles", "drone", "drones", "attack", "attacks", "artillery", "forces",
                      "troops", "bombardment", "bombing", "fire", "rocket", "rockets", "shells",
                      "army", "aircraft", "warplanes", "gunfire", "offensive", "raid", "raids",
                      "assault"])  # fmt: skip
#: Who strikes, which after a figure may be those it counts: "killed 40 Ulthanian troops".
_STRIKERS = frozenset(["forces", "troops", "army"])
#: A capitalised word, and what it strikes with when it names the side that strikes:
#: "Vyskarnian" of "Vyskarnian shelling".
_CAPITALISED = re.compile(
    "(" + CAPITAL + r"[\w'’-]+)(?=(\s+(?:" + "|".join(sorted(_STRIKES)) + r")\b)?)"
)


def _strikes_next(words: list[str], i: int) -> bool:
    """Whether the word after `i` is what a side strikes with: "its strikes", "our shelling"."""
    return i + 1 < len(words) and words[i + 1] in _STRIKES


def _earlier_given_by(
    sentence: Sentence, figure: Figure, named: list[tuple[Attribution, str]]
) -> tuple[Figure, str] | None:
    """ "has risen to 21, the ministry said, up from the 17 dead reported by the Civil
    Protection Service on Friday": the earlier figure as a claim of the one that gave it,
    from the amount to the end of its clause."""
    if figure.previous is None or not named:
        return None
    tokens, words = sentence.tokens, sentence.words
    for amount in amounts(tokens, words):
        if amount.value != figure.previous or amount.first <= figure.last:
            continue
        by = next(
            (j for j in range(amount.last + 2, amount.last + 5) if words[j : j + 1] == ["by"]), -1
        )
        if by < 0 or "," in words[amount.last : by]:
            return None
        # whoever the attributions found the "by" to name: "reported by", "given by"
        giver = next((c for a, c in named if by - 1 <= a.index <= by + 1), None)
        if giver is None:
            return None
        end = next((j for j in range(by, len(tokens)) if tokens[j].kind == "punct"), len(tokens))
        earlier = replace(
            figure,
            qualifier=Qualifier.EXACT,
            value=amount.value,
            low=None,
            high=None,
            start=tokens[amount.first].start,
            end=tokens[end - 1].end,
            first=amount.first,
            last=amount.last,
            previous=None,
            rises=False,
            told_before=True,
        )
        return earlier, giver
    return None


def _own_dates(
    text: str, figure: Figure, dates: list[tuple[int, PartialDate]]
) -> list[tuple[int, PartialDate]]:
    """The dates a figure may be as of, without those of the earlier figure it revises or of
    the count set beside it: "lowered the number of injured to 60, from 75 reported on
    Sunday", "11 so far, compared with six in the whole of 2023"; for a count of another
    period set beside a newer one, those after it."""
    if figure.compared:  # "against 64 the previous week": the period named after it
        return [(at, date) for at, date in dates if at >= figure.end] or dates
    beside = _EARLIER_FROM if figure.previous is not None else _SET_BESIDE
    return [
        (at, date)
        for at, date in dates
        if at < figure.end or not beside.search(text, figure.end, at)
    ]


_EARLIER_FROM = re.compile(r"\b(?:from|against|compared with)\b")
#: What sets another count beside a figure ("compared with six in 2023"), not "taken from".
_SET_BESIDE = re.compile(r"\b(?:against|compared with|up from|down from)\b")


def _nearest(dates: list[tuple[int, PartialDate]], position: int) -> PartialDate | None:
    if not dates:
        return None
    return min(dates, key=lambda pair: abs(pair[0] - position))[1]


def _once(text: str, found: list[tuple[Sentence, FoundClaim]], outlet: str) -> list[FoundClaim]:
    """One claim per figure: a headline that repeats (or rounds) a body figure adds nothing,
    nor does a figure stated again (_restated)."""
    first_body = next((s.start for s, _ in found if text[s.end - 1 : s.end] == "."), len(text))
    long_line = _LONG_LINE.search(text)
    body_start = long_line.start() if long_line else len(text)
    titles = {
        id(s)
        for s, _ in found
        if s.headline
        or text.startswith("#", s.start)
        or (
            _title_like(text, s, indented=True)
            and s.start < first_body
            and not _LABELLED.search(text, s.start, s.end)
        )
        or _in_title_line(text, s, body_start)
    }
    body = [c for s, c in found if id(s) not in titles]
    own = claimant_key(outlet)
    result: list[FoundClaim] = []
    at: dict[tuple[Any, ...], list[int]] = {}  # where each figure was kept
    for sentence, claim in found:
        if id(sentence) in titles and any(_restates(claim, other) for other in body):
            continue
        figure = (claim.category, claim.value, claim.low, claim.high)
        kept_at = at.setdefault(figure, [])
        n = next((n for n in kept_at if _restated(result[n], claim, own)), None)
        if n is None:
            kept_at.append(len(result))
            result.append(claim)
            continue
        kept, again = result[n], claim
        if _names_better(again, kept, own):
            kept, again = again, kept
        previous = kept.previous_value if kept.previous_value is not None else again.previous_value
        result[n] = replace(kept, previous_value=previous, group=kept.group or again.group)
    return result


def _names_better(again: FoundClaim, kept: FoundClaim, own: str) -> bool:
    """Whether a figure stated again names its claimant better than where it was first
    found: the outlet's words give way to the claimant it names ("Nineteen people were
    killed ... Police now say 19 dead"), a short name to the full one."""
    said, first = claimant_key(again.claimant), claimant_key(kept.claimant)
    return said not in (own, first) and (first == own or len(said) > len(first))


#: Victims named so loosely that a figure stated again may mean any group named before:
#: none, or only by what befell them ("bringing the number of dead from 23 to 24").
_ANYONE = frozenset(["", "people", "persons", "dead", "deaths", "fatalities", "victims"])


def _restated(kept: FoundClaim, claim: FoundClaim, own: str) -> bool:
    """Whether a claim of the same figure as one kept states it again: of the same victims
    (or, the second time, of victims not named), by the same claimant, by one named in part
    ("the regional military administration", then "the Dellport regional military
    administration"), or by the outlet in its own words before or after it names who said
    it. Not when the two are of different sides."""
    group = claim.group.casefold()
    if group != kept.group.casefold() and group not in _ANYONE:
        return False
    if kept.value == claim.value == 1 and kept.quote != claim.quote:
        return False  # "among them a 14-year-old girl", "A 72-year-old man was injured": two
    if kept.party and claim.party and kept.party != claim.party:
        return False  # an exchange of 90 prisoners for 90
    a, b = claimant_key(kept.claimant), claimant_key(claim.claimant)
    return own in (a, b) or _same_body(a, b)


def _same_body(a: str, b: str) -> bool:
    """Whether two claimants are one body, or one its office holder speaks for: "the
    minister" and "the ministry"."""
    keys = [" ".join(_OFFICE_OF.get(w, w) for w in claimant_key(c).split()) for c in (a, b)]
    return _same_speaker(*keys)


def _same_speaker(a: str, b: str) -> bool:
    """Whether two claimant keys name one claimant, the one in part: "the Service", "the
    State Emergency Service"."""
    if a == b:
        return True
    shorter, longer = sorted((set(a.split()), set(b.split())), key=len)
    return shorter <= longer


#: The first paragraph of the body: a line longer than any headline.
_LONG_LINE = re.compile(r"^[^\n]{160,}", re.MULTILINE)


def _in_title_line(text: str, sentence: Sentence, body_start: int) -> bool:
    """Whether a sentence is in a short line of its own above the body that does not end as
    a sentence does: a headline of two parts ("Chamber says 37 held; ministry calls it
    'political'")."""
    line_start, line_end = _line_bounds(text, sentence)
    line = text[line_start:line_end].strip(" \t*_")
    return (
        line_start < body_start
        and 0 < len(line) < 160
        and line[-1] not in ".:"
        and not is_row(line)
        and not _LABELLED.search(line)
    )


def _restates(headline: FoundClaim, claim: FoundClaim) -> bool:
    if headline.category is not claim.category:
        return False
    a = headline.value if headline.value is not None else headline.low
    b = claim.value if claim.value is not None else claim.low
    if a is None or b is None:
        return False
    return a == b or (a % 10 == 0 and abs(a - b) <= max(1, b) * 0.1)
