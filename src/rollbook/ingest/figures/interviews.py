"""Interviews: which lines answer a question, and whom the person answering speaks for.

An interview's answers carry no "said": a figure in them, and the "we" that gives it, are
the interviewee's. Who that is the opening says, before the first question, by a role in a
body ("regional delegate of the Ombudsman's Office"), a body they lead or work for, an
office ("United Nations Resident and Humanitarian Coordinator in Rhovania", "Mayor of
Kessel") or the initials a headline gives ("UNICEF: ...").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache

from rollbook.ingest.figures.lexicon import GRAMMAR_WORDS, lexicon

#: A question on a line of its own: "**How many did you lose?**", "### 2. And the enemy?",
#: "[19:10] Q: Enemy losses?", "Le Fleuve Hebdo: Mister the Mayor, what happened?".
_QUESTION = re.compile(r"[^\n]{0,400}\?[*_\s]*$")
#: A line that asks in bold without a question mark: "**The army says it killed nine.**".
_BOLD_LINE = re.compile(r"\*\*[^*\n]+\*\*\s*$")
_ASKED = re.compile(r"^\s*(?:\[[\d:]+\]\s*)?(?:Q|Question)\s*:", re.MULTILINE)
_ANSWERED = re.compile(r"\s*(?:\[[\d:]+\]\s*)?(?:A|Answer)\s*:")
#: Lines that end an answer: a heading, a rule, an italic note, a list of links.
_BREAK = re.compile(r"\s*(?:#|-{3}|\*{3}|_{3}|\*[^*\s][^*]*\*\s*$|_[^_]+_\s*$|\*\s|-\s)")
_LISTED = re.compile(r"\s*[*-]\s")  # a list item, no question however it ends
#: A speaker's label opening a paragraph of a transcript: "**POLICE COMMANDER (Daniel
#: Rotich):**", "COL. VEY (recorded):", "19:04:20 ANCHOR:", with the office they speak
#: from: "**Mrs FRATESCU, Minister of the Interior:**".
TURN = re.compile(
    r"[*#\s]*(?:\[?\d\d?:\d\d(?::\d\d)?\]?\s+)?"
    r"(?P<label>[A-Z][A-Z.'’ -]*[A-Z.]|[A-Z][\w.'’-]*(?:\s+(?:of|the|[A-Z][\w.'’-]*)){0,5})"
    r"(?:,\s+(?P<office>[A-Z][\w'’-]*(?:\s+(?:of|the|for|and|[A-Z][\w'’-]*)){0,6}))?"
    r"\s*(?:\((?P<who>[^)]*)\))?\s*\**\s*:"
)
_ASKERS = GRAMMAR_WORDS["presenters"] | {"question", "questions", "q"}
#: The fewest questions that make a text an interview, where no "Q:" labels them.
_QUESTIONS = 3

_NAME = r"[A-Z0-9][\w'’-]*"
_JOINED = rf"{_NAME}(?: +(?:(?:of|for|the|and|de|del|des|du|on|la|le|pour) +)*{_NAME})*"
_BODY = rf"(?:the +)?(?P<body>(?:[a-z]+ +of +)?{_JOINED}(?: +\([A-Z][\w.-]*\))?)"
#: What follows a role: "of the Kadawa State Emergency Management Agency (KSEMA)", "for
#: the Halmark Red Cross", "in Rhovania", ", Haitian National Police (PNH)".
_OF_BODY = re.compile(rf"(?P<link> (?:of|for|at|in) |, +){_BODY}")
#: "who manages Tessaly camp for the Halmark Red Cross": the body a person works for.
_WORKS_FOR = re.compile(
    rf"\bwho\s+(?:manages|runs|heads|leads|directs|coordinates)\s+[^.,;\n]{{0,60}}?\s"
    rf"for\s+{_BODY}"
)
#: "X has chaired the Commission on Missing Persons since ...": whom an interview is with.
_LEADS = re.compile(
    r"\b(?:chaired|chairs|run|runs|led|leads|headed|heads|directed|directs|founded"
    r"|director of|head of|chair of|president of)\s+(?P<phrase>[^.,;\n]+)"
)
#: "The Human Rights Commissioner of Lesvanya, Miroslava Tenk, on prisoners": an office
#: and, between commas, the name of whoever holds it.
_OFFICE_HOLDER = re.compile(
    r"(?:\bThe +)?(?P<office>[A-Z][\w'’-]*(?: +[A-Z][\w'’-]*)*"
    r"(?: +(?:of|for)(?: +the)?(?: +[A-Z][\w'’-]*)+)?),"
    r" +[A-Z][\w'’.-]*(?: +[A-Z][\w'’.-]*)+,"
)
#: The name at the end of what a person leads: "the Haitian aid group Lakay Relief".
_TRAILING_NAME = re.compile(
    r"(?:[A-Z][\w'’-]*(?:\s+(?:of|for|on|and|the)(?=\s+[A-Z]))*\s+)*[A-Z][\w'’-]*"
    r"(?=(?:\s+(?:since|in|at|for|from|until)\b.*)?$)"
)
_ROLES = GRAMMAR_WORDS["roles"] | GRAMMAR_WORDS["interview_roles"]
_NOT_BODIES = GRAMMAR_WORDS["not_bodies"]
_ROLE = re.compile(r"\b[\w'’-]+\b")  # each word, looked up among the roles
_INITIALS = re.compile(r"[A-Z]{2,6}")
_ITS = re.compile(r"\b[Ii]ts\s+$")  # "Its spokesman": the body named before
#: A body's name, and its initials in brackets: "The Taung Hill National Army (THNA)".
_NAMED_BODY = re.compile(rf"{_JOINED}(?: +\([A-Z][\w.-]*\))?")
#: A headline's label before a colon: "UNICEF: 47 children killed this year".
_LABEL = re.compile(r"^[#*\s]*(?P<label>[A-Z][^:\n]{1,60}?):\s", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Interview:
    """The answers of an interview, as character spans, and whom each speaks for."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    speakers: tuple[str, ...]

    def answer_at(self, position: int) -> tuple[int, str] | None:
        """The start of the answer a position stands in, and its interviewee."""
        at = bisect_right(self.starts, position) - 1
        if at >= 0 and position < self.ends[at]:
            return self.starts[at], self.speakers[at]
        return None


def interview(text: str) -> Interview | None:
    """The text's answers and interviewees, when it is an interview whose opening names
    whom the person answering speaks for."""
    if "?" not in text:
        return None  # no question asked: most texts, at once
    lines = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    labelled = _ASKED.search(text) is not None  # "Q:" and "A:" lines: only "A:" answers
    bold = sum(1 for _, _, line in lines if _BOLD_LINE.match(line) and _QUESTION.match(line))
    kinds = [_kind(line, labelled, bold >= 2) for _, _, line in lines]
    first = next((n for n, kind in enumerate(kinds) if kind == "q"), None)
    questions = sum(
        1 for n, kind in enumerate(kinds[:-1]) if kind == "q" and kinds[n + 1] in ("a", "text")
    )
    if first is None or questions < (1 if labelled else _QUESTIONS):
        return None
    voices = [_voice(line) for _, _, line in lines]
    opening = text[: lines[first][1]]  # "PRESENTER: With us is ..., director of"
    introductions = opening + " ".join(
        line for (_, _, line), k in zip(lines, kinds, strict=True) if k == "break"
    )
    if _by_turns(voices[first:], introductions):
        return None
    turns_taken = Counter(voices)
    questions_put = Counter(
        v for (_, _, line), v in zip(lines, voices, strict=True) if _QUESTION.match(line)
    )
    askers = {  # who mostly asks: "RTB: Commissioner, what is the toll?"
        v for v, times in turns_taken.items() if 2 * questions_put[v] >= times
    }
    speaker = interviewee(opening)
    starts: list[int] = []
    ends: list[int] = []
    speakers: list[str] = []
    asked = answering = False  # whether the line before asked, or answered
    for n, (start, end, line) in enumerate(lines):
        kind, voice = kinds[n], voices[n]
        if n <= first:
            asked = n == first and not labelled
            continue
        if kind == "break":
            speaker = interviewee(line) or speaker  # "--- Interview 2: ..., director of ..."
            opening += line
        if voice is not None and kind in ("q", "text"):
            # "KARRAR: Since Saturday ...": the interviewee's turn; "HOST:", "RTB:": asking
            kind = "a" if voice not in askers and _introduced(voice, opening) else "q"
        if speaker is not None and (kind == "a" or (kind == "text" and asked)):
            starts.append(start)
            ends.append(end)
            speakers.append(speaker)
        elif kind == "text" and answering:
            ends[-1] = end  # the answer goes on
        else:
            asked = kind == "q" and not labelled
            answering = False
            continue
        asked, answering = False, True
    if not starts:
        return None
    return Interview(tuple(starts), tuple(ends), tuple(speakers))


def _by_turns(voices: list[str | None], introductions: str) -> bool:
    """Whether many take turns, as in a hearing or a debate, whose record says who speaks:
    "THE WITNESS:", "The MINISTER:", or more than one speaker no one introduced."""
    times = Counter(voices)
    if any(v and v.lower().startswith("the ") and n > 1 for v, n in times.items()):
        return True
    others = [v for v, n in times.items() if v and n > 1 and not _introduced(v, introductions)]
    return len(others) > 1


def _voice(line: str) -> str | None:
    """The speaker's label a line opens with, "" for whoever asks ("HOST (Ana Lee):")."""
    label = TURN.match(line)
    if label is None:
        return None
    said = f"{label.group('label')} {label.group('who') or ''}"
    words = {w.lower() for w in re.findall(r"[\w'’-]+", said)}
    return "" if words & _ASKERS else label.group("label")


def _introduced(label: str, opening: str) -> bool:
    """Whether a speaker's label names the person the opening introduces: by a name of
    theirs ("KARRAR:", "Strauven-Mora:"), or by their initials ("IMH:")."""
    named = {w.lower() for w in re.findall(r"[\w'’-]{3,}", opening)}
    if any(w.lower() in named for w in re.findall(r"[\w'’-]{3,}", label)):
        return True
    people: list[str] = re.findall(r"[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*){1,3}", opening)
    return any("".join(re.findall(r"\b[A-Z]", person)) == label for person in people)


def _kind(line: str, labelled: bool, bold_asks: bool) -> str:
    """A line's part: a question ("q"), an answer's label ("a"), a break, or text."""
    if labelled:
        if _ASKED.match(line):
            return "q"
        if _ANSWERED.match(line):
            return "a"
    elif (_QUESTION.match(line) and not _LISTED.match(line)) or (
        bold_asks and _BOLD_LINE.match(line)
    ):
        return "q"
    return "break" if _BREAK.match(line) else "text"


def interviewee(opening: str) -> str | None:
    """Whom the person an opening introduces speaks for: a body their role names, else one
    they lead or work for, else their office, else a headline's label that names a body."""
    body, offices = _by_role(opening)
    return body or _led(opening) or (offices[0] if offices else None) or _labelled(opening)


def _by_role(opening: str) -> tuple[str | None, list[str]]:
    """The body a role in the opening names ("executive secretary of the Kadawa State
    Agency"), and the offices it names without one ("Mayor of Sirakoro-Wéré")."""
    offices: list[str] = []
    for role in _ROLE.finditer(opening):
        if role.group().lower() not in _ROLES or role.group().isupper():
            continue  # not a role, or in a shouted heading
        if _ITS.search(opening, max(0, role.start() - 5), role.start()):
            named = _body_before(opening, role.start())
            if named:
                return named, offices  # "The Taung Hill National Army (THNA) ... Its spokesman"
        after = _OF_BODY.match(opening, role.end())
        link = after.group("link").strip() if after else ""
        if after and link != "in" and _names_body(after.group("body")):
            return after.group("body"), offices
        before = _capitalised_before(opening, role.start())
        the = opening[max(0, role.start() - 4) : role.start()].lower() == "the "
        place = after is not None and link in ("of", "in")
        if before or (place and (role.group()[:1].isupper() or the)):
            # "Mayor of Sirakoro", "the administrator of the territory of Bwenda"
            end = after.end() if place and after else role.end()
            if before and not place and _names_body(before):
                offices.append(before.strip())  # "OHC spokesperson", "Police chief": the body
            else:
                offices.append(opening[role.start() - len(before) : end].strip())
    return None, offices


def _led(opening: str) -> str | None:
    """The body the person leads or works for, or the office they hold before their name."""
    for match in _LEADS.finditer(opening):
        phrase = match.group("phrase")
        name = _TRAILING_NAME.search(phrase)
        where = phrase[: name.start()].split()[-1:] if name else []
        if name and len(name.group().split()) >= 2 and where not in (["in"], ["at"]):
            return name.group()  # "has run the Haitian aid group Lakay Relief since 2019"
    for match in _OFFICE_HOLDER.finditer(opening):
        if match.group("office").split()[-1].lower() in lexicon().claimant_heads:
            return match.group("office")  # "The Human Rights Commissioner of X, Mira Tallen,"
    for match in _WORKS_FOR.finditer(opening):
        if _names_body(match.group("body")):
            return match.group("body")  # "who manages Tessaly camp for the Halmark Red Cross"
    return None


def _labelled(opening: str) -> str | None:
    """A headline's label that is a body's initials ("UNICEF: 47 children killed"), above
    the first question."""
    for label in _LABEL.finditer(opening, 0, max(0, opening.rfind("\n"))):
        if _INITIALS.fullmatch(label.group("label")):
            return label.group("label")
    return None


def _names_body(phrase: str) -> bool:
    """Whether a phrase names an organisation by a word that makes one ("Agency", "Red
    Cross", "Brigade"), or by its initials."""
    heads = _body_heads()
    words: list[str] = re.findall(r"[\w'’-]+", phrase)
    return not (phrase.isupper() and " " in phrase.strip()) and any(
        w.lower() in heads or (1 < len(w) <= 6 and w.isupper() and w.lower() not in _ASKERS)
        for w in words
    )


@cache
def _body_heads() -> frozenset[str]:
    """The head words of a claimant's name that name a body: not "Spokesperson", "update"."""
    return lexicon().claimant_heads - _ROLES - _NOT_BODIES


def _body_before(text: str, at: int) -> str | None:
    """The organisation named last before a position by more than one word."""
    named = [
        re.sub(r"^The +", "", m.group())
        for m in _NAMED_BODY.finditer(text, 0, at)
        if _names_body(m.group())
    ]
    return next((name for name in reversed(named) if " " in name), None)


def _capitalised_before(text: str, at: int) -> str:
    """The capitalised words right before a role ("United Nations Resident and Humanitarian
    Coordinator", "Police chief"), with the joining "and", not a sentence's first word."""
    line = text[max(0, at - 120, text.rfind("\n", 0, at) + 1) : at]
    words: list[str] = re.findall(r"\S+ +", line)
    taken = ""
    for word in reversed(words):
        bare = word.strip()
        if bare in ("and", "of") and taken:
            taken = word + taken
            continue
        if not re.fullmatch(r"[A-Z][\w'’.-]*", bare) or bare in _DETERMINERS:
            break
        taken = word + taken
    return taken if taken.strip() and taken.split()[0] not in ("and", "of") else ""


_DETERMINERS = frozenset(["The", "A", "An", "Its", "His", "Her", "Their", "Our", "Mr", "Mrs"])
