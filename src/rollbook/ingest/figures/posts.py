"""Posts collected in one document: a monitoring desk's digest of official channels, a log
of text alerts, a live page that reproduces posts under their authors' names.

Each post sits under a line of its own that names who posted it and where ("ZORIANE
REGIONAL MILITARY ADMINISTRATION | Telegram", "06:47 | IDF Spokesperson (Telegram)",
"**Free Highlands Front — official channel** · Thu 10 Apr, 21:14"). The figures below such a
line, up to the next one or to the desk's own note, are the poster's unless they name
someone else.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from rollbook.ingest.figures.attribution import cased
from rollbook.ingest.figures.lexicon import lexicon

#: The platforms posts are made on, by name.
_PLATFORMS = "Telegram|Facebook|Twitter|Instagram|WhatsApp|TikTok|YouTube|Viber"
#: Where a post was made: the platform or channel that opens a part of a post's heading.
_PLATFORM = re.compile(
    rf"(?:{_PLATFORMS}|X|app alert|(?:official |Telegram |WhatsApp )?channel|account|page|"
    r"website|press office|press service)(?![\w'’])"
)
#: The platform's words anywhere in a line: whether a line may be a post's heading at all
#: (a looser and quicker look than `_PLATFORM`'s, made at every line).
_ANYWHERE = re.compile(rf"{_PLATFORMS}|\bX\b|alert|channel|account|page|website|press")
#: What a heading's parts are split at: bars, middle dots, dashes set off by spaces, colons,
#: and commas ("Navy of the Marrow Coast, official channel, Thursday 15 Jan, 23:55").
_PARTS = re.compile(r"\s+[|·•]\s+|\s+[—–-]{1,3}\s+|\s*:\s*$|,\s+")
#: Parts that say when, not who: "10:15", "Thu 10 Apr, 21:14", "Sun 19:52".
_WHEN = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s*)?(?:\d{1,2}\s+\w+\.?,?\s*)?"
    r"(?:\d{1,2}[:.]\d{2})?$",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")  # a part that is the time alone: "07:20"
#: A heading's note of the post it quotes or answers: "quoting @DolmariaDefence".
_QUOTING = re.compile(r"(?:quoting|reposting|replying|in\s+reply|reply\s+to)\b", re.IGNORECASE)
_HANDLE = re.compile(r"\s*@\w+")
#: A heading that names the poster above it again: "Same channel, 09:41".
_SAME = re.compile(r"(?:the\s+)?same\b", re.IGNORECASE)
#: Markdown's and plain text's marks around a heading: "### ", "**", "=== ", ">> ", "* ",
#: and the brackets around a whole one: "[OC East, 07:12]".
_MARKS = re.compile(r"^[\s#*_=>•-]+|[\s*_=]+$|^\[(?=[^\]]*\]$)|\]$")
#: Words of a page's own links, never a poster: "Share | Facebook | X".
_LINKS = frozenset(["share", "follow", "subscribe", "contact", "about", "home", "watch", "join"])
#: A closing note of the desk's: "DESK NOTE", "**Desk note.**", "### Context".
_NOTE = re.compile(r"^(?:desk\s+note|editor'?s?\s+note|context|background|note)\b", re.IGNORECASE)


def posts(text: str) -> list[tuple[int, str | None]]:
    """Where each post's heading stands and who posted (None where the desk's own words
    resume), in the order of the text; empty unless the text holds at least two posts."""
    found: list[tuple[int, str | None]] = []
    offset = 0
    named = _handles_named(text) if "(@" in text else {}
    for line in text.splitlines(keepends=True):
        poster = _poster(line, named)
        if poster is not None and _SAME.match(poster):  # "--- Same channel, 09:41"
            poster = next((p for _, p in reversed(found) if p is not None), None)
        if poster is not None:
            found.append((offset, poster))
        elif found and _closes(line):
            found.append((offset, None))
        offset += len(line)
    return found if sum(1 for _, p in found if p is not None) >= 2 else []


def poster_at(found: list[tuple[int, str | None]], position: int) -> str | None:
    """Who posted the words at `position`: the poster of the last heading before it."""
    n = bisect_right([start for start, _ in found], position)
    return found[n - 1][1] if n else None


def _handles_named(text: str) -> dict[str, str]:
    """The names a text gives the handles it introduces: "the Vordic Ministry of Defence
    (@VordMoD)", "the governor of Lower Orhel region (@Gov_LowerOrhel)"."""
    named: dict[str, str] = {}
    for match in _INTRODUCED.finditer(text):
        full: list[str] = match.group(1).split()
        words = full[:-1] if full[-1] in _AREAS else full  # "Lower Orhel region"
        n = len(words)
        while n > 0 and (words[n - 1][:1].isupper() or words[n - 1] in _NAME_LINKS):
            n -= 1
        if n > 0 and words[n - 1] in _AREA_OFFICES:
            n -= 1  # "the governor of Lower Orhel"
        while n < len(words) and words[n] in _NAME_LINKS:
            n += 1  # not "of the Tarsenian Emergency Rescue Service"
        name = " ".join(full[n:])
        if name:
            named[match.group(2)] = name[0].upper() + name[1:]  # "Governor of Lower Orhel"
    return named


#: A name and the handle in brackets after it: "the Vordic Ministry of Defence (@VordMoD)".
_INTRODUCED = re.compile(r"((?:[\w'’-]+ ){1,8})\(@(\w+)\)")
#: Words inside a body's name: "Ministry of Defence", "Office for the Missing".
_NAME_LINKS = frozenset(["of", "the", "for", "and"])
#: An office a handle may speak for: "the governor of Lower Orhel region".
_AREA_OFFICES = frozenset(["governor", "mayor", "head", "chief", "prefect", "commander"])
#: Words for an area after its name: "Lower Orhel region".
_AREAS = frozenset(["region", "province", "district", "oblast", "city", "county", "state"])


def _poster(line: str, named: dict[str, str]) -> str | None:
    """The poster a line names, when it is a post's heading: a name beside the platform
    ("(Telegram)", "| Facebook", "— official channel") or a handle beside a time, by the
    name the text gave the handle where it gave one."""
    if len(line) > 140 or ("@" not in line and not _ANYWHERE.search(line) and ":" not in line):
        return None  # most lines: a paragraph's, or one that names neither platform nor time
    bare = _MARKS.sub("", line.strip())
    if not bare or len(bare) > 120 or bare.endswith((".", '"', "”")):
        return None
    bracketed = re.findall(r"\(([^()]*)\)", bare)
    parts = [p.strip(" ,") for p in _PARTS.split(re.sub(r"\s*\([^()]*\)", "", bare))]
    if bare.startswith("@"):  # "@CalderBayPolice · Sun 19:52": the handle's words
        handle = re.match(r"@(\w+)", bare)
        timed = any(_WHEN.match(p) for p in parts[1:] if p)
        if handle is None or not timed:
            return None
        return named.get(handle.group(1)) or re.sub(r"(?<=[a-z])(?=[A-Z])", " ", handle.group(1))
    names = [
        _HANDLE.sub("", p).strip(" *")
        for p in parts
        if p and not _WHEN.match(p) and not _platform(p) and not _QUOTING.match(p)
    ]
    if not names or ":" in names[0] or "/" in names[0]:
        return None  # "Time/date: 18 Jun, 07:20": a form's field, no one's name
    timed = len(names) == 1 and not _WHEN.match(parts[0]) and any(_CLOCK.match(p) for p in parts)
    if (
        not any(_PLATFORM.search(b) for b in bracketed)
        and not any(_platform(p) for p in parts)
        and not timed  # "Navy, Friday 16 Jan, 07:20": a name and the time it posted
    ):
        return None
    if not _named(names[0]):
        return None
    places = [p for p in names[1:] if len(p.split()) <= 3 and p[:1].isupper()]
    return ", ".join([cased(names[0]), *places[:1]])


def _platform(part: str) -> bool:
    """Whether a part of a heading names where the post was made: "Telegram", "X, English
    account", "Telegram channel, Tue 26 Aug, 11:05"; not a sentence about a channel."""
    return _PLATFORM.match(part) is not None and len(part.split()) <= 6


def _named(part: str) -> bool:
    """Whether a heading's part names a body or a person: "Ministry of Health – Gaza",
    "IDF Spokesperson", "Mayor of Velmar, Teodor Brask"; not "Share" or a sentence."""
    words = part.split()
    if not words or len(words) > 12 or words[0].lower() in _LINKS or not words[0][:1].isupper():
        return False
    capitals = sum(1 for w in words if w[:1].isupper())
    heads = lexicon().claimant_heads
    return (
        capitals >= 2
        or any(w.isupper() and len(w) > 1 for w in words)
        or any(w.lower() in heads for w in words)
    )


def _closes(line: str) -> bool:
    """Whether a line ends the posts above it: the desk's own note or a heading of its own
    that names no poster ("### Context", "DESK NOTE")."""
    stripped = line.strip()
    bare = _MARKS.sub("", stripped)
    if not bare:
        return False
    if _NOTE.match(bare):
        return True
    heading = stripped.startswith("#") or (bare.isupper() and len(bare) < 80)
    return heading and not bare.startswith("-")
