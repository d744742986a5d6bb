"""The demo register: the bundled synthetic lists and figures, imported the way a user would."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from rollbook.demo.reports import write_demo_reports
from rollbook.demo.synthetic import DemoLists, write_demo_lists
from rollbook.demo.truce import DemoTruce, add_demo_truce
from rollbook.ingest.lists import ImportOptions, ImportReport, import_list
from rollbook.ingest.reports import ReadOptions, read_report
from rollbook.link.run import LinkReport, link_register
from rollbook.link.settings import LinkSettings
from rollbook.model.cases import Step
from rollbook.model.status import Evidence
from rollbook.store.case_views import open_cases
from rollbook.store.cases import CONFIRM_ACTION, STEP_ACTION, apply_confirm, apply_step
from rollbook.store.database import Register
from rollbook.store.sources import SourceKind

MINISTRY = "Ministry of Defence (synthetic demo)"
NGO = "Memorial Roll Initiative (synthetic demo NGO)"
PARTY = "Azerbaijan"
ACTOR = "demo"


@dataclass
class Demo:
    """What the demo built: the lists written and the import of each."""

    lists: DemoLists
    imports: dict[str, ImportReport]
    link: LinkReport
    claims: int
    resolved: int  # missing-person cases the demo resolved over the weeks after the lists
    truce: DemoTruce


def build_demo(register: Register, folder: Path) -> Demo:
    """Write the synthetic lists into `folder`, import them into an empty register, link
    their records into persons and read the announced figures from the statements."""
    lists = write_demo_lists(folder)
    plans = [
        (
            "missing",
            lists.missing,
            SourceKind.OFFICIAL_LIST,
            MINISTRY,
            "2020-11-20",
            "missing",
            "az",
            None,
        ),
        (
            "ministry 1",
            lists.ministry_edition_1,
            SourceKind.OFFICIAL_LIST,
            MINISTRY,
            "2020-12-03",
            "killed",
            "az",
            None,
        ),
        (
            "ministry 2",
            lists.ministry_edition_2,
            SourceKind.OFFICIAL_LIST,
            MINISTRY,
            "2020-12-28",
            "killed",
            "az",
            "ministry 1",
        ),
        ("ngo", lists.ngo, SourceKind.NGO_LIST, NGO, "2021-01-15", "killed", "ru", None),
    ]
    reports: dict[str, ImportReport] = {}
    for name, path, kind, publisher, published, status, language, revises in plans:
        options = ImportOptions(
            kind=kind,
            publisher=publisher,
            published=dt.date.fromisoformat(published),
            language=language,
            status=status,
            party=PARTY,
            keep_unknown=False,
            revises=reports[revises].source_id if revises else None,
        )
        reports[name] = import_list(register, path, options, actor=ACTOR)
    linked = link_register(register, LinkSettings(), actor=ACTOR)
    claims = _read_reports(register, folder / "reports")
    resolved = _resolve_cases(register)
    return Demo(lists, reports, linked, claims, resolved, add_demo_truce(register, folder))


# Weeks of identification work after the ministry's statement of 8 January 2021: on each
# day, how many cases the forensic team identified (confirmed by a reviewer two days later),
# and the one found alive and the one returned in a prisoner exchange. The last
# identification still waits for its confirmation.
IDENTIFIED = (("2021-01-26", 2), ("2021-02-09", 3), ("2021-02-23", 2), ("2021-03-09", 3))
FOUND_ALIVE, RETURNED, WAITING = "2021-02-02", "2021-02-16", "2021-03-23"
FORENSICS, REVIEWER = "demo-forensics", "demo-reviewer"


def _resolve_cases(register: Register) -> int:
    """Move the still-missing cases on, week by week; the first case is left open (the
    guide walks it by hand). How many cases were resolved."""
    with register.read() as connection:
        still = [c.case_id for c in open_cases(connection, dt.date(2021, 1, 8)) if c.still_missing]
    queue = iter(still[1:])
    plan = [(day, Step.IDENTIFIED_DEAD) for day, n in IDENTIFIED for _ in range(n)]
    plan += [(FOUND_ALIVE, Step.FOUND_ALIVE), (RETURNED, Step.RETURNED)]
    evidence = {Step.IDENTIFIED_DEAD: Evidence.DNA_MATCH, Step.FOUND_ALIVE: Evidence.WITNESS,
                Step.RETURNED: Evidence.PRISONER_EXCHANGE}  # fmt: skip
    for day, step in [*plan, (WAITING, Step.IDENTIFIED_DEAD)]:
        case = next(queue)
        learned = dt.date.fromisoformat(day)
        started = (learned - dt.timedelta(days=10)).isoformat()
        _step(register, FORENSICS, case, Step.UNDER_SEARCH, started, Evidence.OTHER)
        step_id = _step(register, FORENSICS, case, step, day, evidence[step])
        if step is Step.IDENTIFIED_DEAD and day != WAITING:
            confirmed = (learned + dt.timedelta(days=2)).isoformat()
            payload = {"step_id": step_id, "confirmed_on": confirmed}
            with register.write(CONFIRM_ACTION, payload, actor=REVIEWER) as work:
                apply_confirm(work)
    return len(plan)


def _step(register: Register, actor: str, case: int, step: Step, day: str,
          evidence: Evidence) -> int:  # fmt: skip
    payload = {"case_id": case, "step": step.value, "effective": "", "learned_on": day,
               "evidence": evidence.value, "source_id": None, "note": ""}  # fmt: skip
    with register.write(STEP_ACTION, payload, actor=actor) as work:
        apply_step(work)
    return int(work.payload["step_id"])


def _read_reports(register: Register, folder: Path) -> int:
    """Read the ministry's and the NGO's statements; how many claims they gave."""
    found = 0
    for path, written in write_demo_reports(folder):
        options = ReadOptions(kind=SourceKind.STATEMENT, outlet=written.outlet)
        report = read_report(register, path.name, path.read_bytes(), options, actor=ACTOR)
        if report.problem:
            raise ValueError(f"{path.name}: {report.problem}")
        found += len(report.claims)
    return found
