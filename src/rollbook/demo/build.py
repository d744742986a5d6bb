"""The demo register: the bundled synthetic lists and figures, imported the way a user would."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from rollbook.demo.synthetic import DemoLists, write_demo_lists
from rollbook.ingest.lists import ImportOptions, ImportReport, import_list
from rollbook.link.run import LinkReport, link_register
from rollbook.link.settings import LinkSettings
from rollbook.store.actions import apply_claim
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


def build_demo(register: Register, folder: Path) -> Demo:
    """Write the synthetic lists into `folder`, import them into an empty register, link
    their records into persons and record the announced figures."""
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
    return Demo(lists, reports, linked, _add_claims(register, lists.claims))


def _add_claims(register: Register, path: Path) -> int:
    """Record the announced figures of claims.csv; `revises` there is a row number."""
    ids: dict[int, int] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=1):
            figure = int(row["value"]) if row["value"] else None
            payload = {
                "claimant": row["claimant"],
                "category": row["category"],
                "qualifier": row["qualifier"],
                "value": figure,
                "as_of": row["as_of"],
                "party": row["party"],
                "group": row["group"],
                "revises": ids[int(row["revises"])] if row["revises"] else None,
                "quote": row["quote"],
            }
            with register.write("claim.add", payload, actor=ACTOR) as work:
                apply_claim(work)
            ids[number] = work.payload["claim_id"]
    return len(ids)
