"""Missing-person cases and PFIF: the register's cases out to tracing systems, and their
notes in.

Each case is a PFIF person and each of its steps a note, the step's meaning carried by the
note's status: reported is believed_missing, under search information_sought, identified
dead believed_dead (only once confirmed: an unconfirmed identification is shown nowhere),
found alive or returned believed_alive; closed unresolved says so in its text. Who reported
the case and who recorded each step, the family's contact and the ante-mortem data are
protected: left out unless asked for.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from sqlalchemy import Connection, select

from rollbook.ingest.pfif import PfifNote, PfifPerson, write_pfif
from rollbook.ingest.tables import PFIF_COLUMNS
from rollbook.model.cases import RESOLUTIONS, CaseStep, Step
from rollbook.model.status import Evidence
from rollbook.store.case_views import iter_cases
from rollbook.store.cases import CaseRefused, add_step, open_case_of
from rollbook.store.database import Write
from rollbook.store.schema import records

NOTE_STATUS = {
    Step.REPORTED: "believed_missing",
    Step.UNDER_SEARCH: "information_sought",
    Step.IDENTIFIED_DEAD: "believed_dead",
    Step.FOUND_ALIVE: "believed_alive",
    Step.RETURNED: "believed_alive",
    Step.CLOSED: "",
}
_SEXES = {"male", "female", "other"}


def export_cases(
    connection: Connection, out: BinaryIO, *, domain: str, include_protected: bool = False
) -> int:
    """Write every case as PFIF 1.4 to `out`; how many persons were written."""

    def records() -> Iterator[tuple[PfifPerson, list[PfifNote]]]:
        for case, steps, fields in iter_cases(connection):
            yield (
                _person(case, fields, domain, include_protected),
                [_note(step, case, domain, include_protected) for step in steps if step.in_force()],
            )

    return write_pfif(out, records())


def _stamp(day: str) -> str:
    """A day as the PFIF timestamp of its start (UTC)."""
    return f"{day}T00:00:00Z" if day else ""


def _person(
    case: dict[str, object], fields: dict[str, str], domain: str, protected: bool
) -> PfifPerson:
    parts = [
        f"last seen {case['last_seen']}" if case["last_seen"] else "",
        f"at {case['place']}" if case["place"] else "",
        str(case["circumstances"] or ""),
        f"unit {case['unit']}" if case["unit"] else "",
    ]
    description = " ".join(part for part in parts if part)
    if protected:
        private = [
            f"family contact: {case['family_contact']}" if case["family_contact"] else "",
            f"ante-mortem: {case['ante_mortem']}" if case["ante_mortem"] != "{}" else "",
        ]
        description = "; ".join(part for part in [description, *private] if part)
    birth = fields.get("birth_date", "")
    return PfifPerson(
        person_record_id=f"{domain}/case.{case['id']}",
        entry_date=_stamp(str(case["reported_on"])),
        author_name=str(case["reported_by"]) if protected else "",
        source_name=domain,
        source_date=_stamp(str(case["reported_on"])),
        full_name=fields.get("full_name") or _joined(fields),
        given_name=fields.get("given_name", ""),
        family_name=fields.get("surname", ""),
        description=description,
        sex=fields.get("sex", "") if fields.get("sex", "") in _SEXES else "",
        date_of_birth=birth if len(birth) in (4, 7, 10) else "",
        home_city=fields.get("home_place", ""),
    )


def _note(step: CaseStep, case: dict[str, object], domain: str, protected: bool) -> PfifNote:
    day = step.confirmed_on if step.step is Step.IDENTIFIED_DEAD else step.learned_on
    text = f"{step.step.value.replace('_', ' ')}; evidence: {step.evidence.value}"
    if step.effective is not None:
        text += f"; effective {step.effective.iso()}"
    return PfifNote(
        note_record_id=f"{domain}/step.{step.id}",
        person_record_id=f"{domain}/case.{case['id']}",
        entry_date=_stamp(str(day)),
        author_name=step.actor if protected else domain,
        source_date=_stamp(str(day)),
        status=NOTE_STATUS[step.step],
        last_known_location=str(case["place"]) if step.step is Step.REPORTED else "",
        text=text,
    )


def _joined(fields: dict[str, str]) -> str:
    return " ".join(fields[n] for n in ("surname", "given_name", "patronymic") if fields.get(n))


#: The step a tracing system's note adds to a case. A note that the person is believed dead
#: is information for the search, not an identification: that takes evidence and a second
#: person's confirmation (rollbook missing step and confirm).
STEP_OF_NOTE = {
    "": Step.UNDER_SEARCH,
    "information_sought": Step.UNDER_SEARCH,
    "believed_missing": Step.UNDER_SEARCH,
    "believed_dead": Step.UNDER_SEARCH,
    "believed_alive": Step.FOUND_ALIVE,
    "is_note_author": Step.FOUND_ALIVE,
}


class NoteRefused(ValueError):
    """A PFIF note that cannot be added to its case: where it is, and why."""

    def __init__(self, line: int, field: str, reason: str) -> None:
        super().__init__(reason)
        self.line, self.field, self.reason = line, field, reason


def apply_notes(
    work: Write, notes: Iterable[PfifNote], source_id: int, learned: dt.date, evidence: Evidence
) -> int:
    """Add a PFIF file's notes, given oldest first, to the cases its persons' records opened (or
    already had open); how many were added. The register learns them on the file's date;
    each note's own date is when it happened. Notes after a case's resolution stay in the
    stored file only. The persons' records carry their PFIF ids under "Record id"."""
    connection = work.connection
    query = select(records.c.person_id, records.c.extra).where(records.c.source_id == source_id)
    case_of: dict[str, int] = {}
    for person_id, extra in connection.execute(query):
        pfif_id = json.loads(extra or "{}").get(PFIF_COLUMNS["person_record_id"], "")
        case = open_case_of(connection, person_id)
        if pfif_id and case is not None:
            case_of[pfif_id] = case
    resolved: set[int] = set()
    added = 0
    for note in notes:
        case = case_of.get(note.person_record_id)
        if case is None:
            reason = f"note {note.note_record_id}: no open case for person {note.person_record_id}"
            raise NoteRefused(note.line, "person_record_id", reason)
        if case in resolved:
            continue
        step = STEP_OF_NOTE[note.status]
        said = f"PFIF note {note.note_record_id} ({note.status or 'no status'}): {note.text}"
        try:
            add_step(work, case, step, effective=(note.source_date or note.entry_date)[:10],
                     learned_on=learned, evidence=evidence, source_id=source_id,
                     note=said.strip())  # fmt: skip
        except CaseRefused as refused:
            raise NoteRefused(
                note.line, "status", f"note {note.note_record_id}: {refused}"
            ) from None
        if step in RESOLUTIONS:
            resolved.add(case)
        added += 1
    return added
