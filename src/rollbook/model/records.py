"""A record: one person as one source describes them, and the rules a record must keep."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rollbook.model.dates import PartialDate

#: The fields a record may carry, as the register names them.
NAME_FIELDS = ("full_name", "surname", "given_name", "patronymic")
RECORD_FIELDS = (
    *NAME_FIELDS,
    "sex",
    "birth_date",
    "birth_place",
    "age",
    "rank",
    "unit",
    "service_number",
    "national_id",
    "home_place",
    "region",
    "party",
    "status_words",
    "event_date",
    "event_place",
    "notes",
    "contact",
    "medical",
    "reporter",
)
#: Fields no public view or export shows: family contacts, medical and forensic details,
#: reporters' identities.
PROTECTED_FIELDS = frozenset({"contact", "medical", "reporter"})
#: Fields that identify a person across sources when two records share them.
IDENTIFIER_FIELDS = ("service_number", "national_id")
#: The fields resolved for a person from their records, in display order.
PERSON_FIELDS = (
    "full_name",
    "surname",
    "given_name",
    "patronymic",
    "sex",
    "birth_date",
    "birth_place",
    "rank",
    "unit",
    "service_number",
    "national_id",
    "home_place",
    "region",
    "party",
    "event_date",
    "event_place",
)

MAX_AGE = 120


def age_problem(age: int) -> str | None:
    """Why an age cannot be right, or None."""
    if not 0 <= age <= MAX_AGE:
        return f"age {age} is outside 0–{MAX_AGE}"
    return None


def dates_problem(
    birth: PartialDate | None, event: PartialDate | None, today: dt.date
) -> tuple[str, str] | None:
    """The field and reason when a record's dates contradict each other or the calendar."""
    today_ordinal = today.toordinal()
    if birth is not None and birth.lo > today_ordinal:
        return ("birth_date", f"birth date {birth} is after the import date {today}")
    if event is not None and event.lo > today_ordinal:
        return ("event_date", f"date {event} is after the import date {today}")
    if birth is not None and event is not None and event.certainly_before(birth):
        return ("event_date", f"date {event} is before the birth date {birth}")
    if birth is not None and event is not None and event.lo - birth.hi > MAX_AGE * 366:
        return ("birth_date", f"birth date {birth} makes the person older than {MAX_AGE}")
    return None


_SEX = {
    "m": "M", "male": "M", "man": "M", "kişi": "M", "erkek": "M", "м": "M", "муж": "M",
    "мужской": "M", "чоловіча": "M", "ч": "M", "ذكر": "M", "արական": "M",
    "f": "F", "female": "F", "woman": "F", "qadın": "F", "kadın": "F", "ж": "F", "жен": "F",
    "женский": "F", "жіноча": "F", "أنثى": "F", "իգական": "F",
}  # fmt: skip


def written_name(record: Mapping[str, object]) -> str:
    """A record's name as the source wrote it: whole, else its parts surname first."""
    whole = str(record.get("full_name") or "")
    if whole:
        return whole
    parts = (str(record.get(n) or "") for n in ("surname", "given_name", "patronymic"))
    return " ".join(p for p in parts if p)


def normalise_sex(text: str) -> str | None:
    """M or F from the common words for them, None when the word is not known."""
    return _SEX.get(text.strip().casefold().rstrip("."))


#: Numbers closer than this may have been issued one after the other (to twins, say).
_NEAR_IN_SEQUENCE = 10


def one_slip_apart(a: str, b: str) -> bool:
    """Whether two identifiers differ by one typing slip: a character changed, added or
    dropped, or two neighbours swapped. A change that leaves two numbers close, as numbers
    issued one after the other are (twins' numbers differ in their last digits), is not
    taken for a slip: it may be a sibling's number."""
    if not a or not b or a == b:
        return False
    if len(a) != len(b):
        short, long = sorted((a, b), key=len)
        return len(long) == len(short) + 1 and any(
            long[:i] + long[i + 1 :] == short for i in range(len(long))
        )
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    swapped = (
        len(differ) == 2 and differ[1] == differ[0] + 1
        and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]]
    )  # fmt: skip
    if len(differ) != 1 and not swapped:
        return False
    digits_a, digits_b = _digits(a), _digits(b)
    return not (
        digits_a != digits_b and digits_a and digits_b
        and abs(int(digits_a) - int(digits_b)) < _NEAR_IN_SEQUENCE
    )  # fmt: skip


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isascii() and c.isdigit())
