"""The demo's truce: a humanitarian truce declared in the middle of the synthetic war, the
violations a ministry and a monitor report, and some of the dead linked to them.

Two invented files: the ministry's list of violations it reported (its own party's
account: who fired is its claim, in its words) and the monitoring centre's list, which
tells of some of the same events (a second, independent voice that corroborates them),
one that may or may not be one of the ministry's (left for a reviewer), and some of its own.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from rollbook.ingest.incidents import IncidentFileOptions, IncidentImportReport, import_incidents
from rollbook.model.incidents import Harm, IncidentType, Verification
from rollbook.store.actions import Applier
from rollbook.store.database import Register
from rollbook.store.incidents import (
    SET_ACTION,
    TRUCE_ACTION,
    VERIFY_ACTION,
    VICTIM_ACTION,
    apply_set,
    apply_truce,
    apply_verify,
    apply_victim,
)
from rollbook.store.schema import incident_reports, records
from rollbook.store.sources import SourceKind

TRUCE = "Humanitarian truce of 10 October (synthetic demo)"
TRUCE_START = dt.date(2020, 10, 10)
MONITOR = "Joint Monitoring Centre (synthetic demo)"
MINISTRY = "Ministry of Defence (synthetic demo)"
PARTIES = ["Azerbaijan", "Armenia"]
ACTOR = "demo"
#: The demo's map: a box of invented front-line villages (lat, lon).
_VILLAGES = [
    ("Demoqala", 39.62, 47.05), ("Testkənd", 39.71, 46.91), ("Nümunəli", 39.85, 46.78),
    ("Sınaqlı", 40.02, 46.55), ("Örnəkli", 39.55, 47.21), ("Yoxlamalı", 39.93, 46.66),
]  # fmt: skip
_TYPES = [IncidentType.SHELLING, IncidentType.DRONE_STRIKE, IncidentType.CLASH,
          IncidentType.CEASEFIRE_VIOLATION, IncidentType.SNIPER_FIRE]  # fmt: skip
_COLUMNS = ["id", "type", "date", "place", "latitude", "longitude", "precision",
            "reporting_party", "perpetrator", "fatalities", "wounded", "description"]  # fmt: skip


@dataclass
class DemoTruce:
    """What the demo's truce added: the two imports, the victims linked, the rulings."""

    imports: dict[str, IncidentImportReport]
    victims: int
    rulings: int


def write_incident_files(folder: Path, seed: int = 2020) -> tuple[Path, Path]:
    """The ministry's and the monitor's files of violations after the truce began."""
    rng = random.Random(f"rollbook-demo-truce-{seed}")
    ministry: list[list[str]] = []
    monitor: list[list[str]] = []
    for n in range(24):
        day = TRUCE_START + dt.timedelta(days=n // 2)
        place, lat, lon = rng.choice(_VILLAGES)
        kind = rng.choice(_TYPES)
        killed = rng.choice([0, 0, 1, 2, 3])
        ministry.append([
            f"MOD-{n + 1:03d}", kind.value, day.isoformat(), place, f"{lat:.4f}", f"{lon:.4f}",
            "exact", PARTIES[0], "the opposing forces", str(killed), str(rng.randint(0, 4)),
            f"{kind.value.replace('_', ' ')} near {place}, as the ministry reports it",
        ])  # fmt: skip
        if n % 2 == 0:  # the monitor saw every other one, within a kilometre
            monitor.append([
                f"JMC-{n + 1:03d}", kind.value, day.isoformat(), place,
                f"{lat + 0.004:.4f}", f"{lon - 0.004:.4f}", "exact", "", "",
                str(killed + rng.choice([0, 1])), "", "observed by a monitoring team",
            ])  # fmt: skip
    # One the monitor places 6 km off and calls only a violation: a reviewer decides.
    doubted = next(row for n, row in enumerate(ministry)
                   if n % 2 and row[1] != IncidentType.CEASEFIRE_VIOLATION.value)  # fmt: skip
    day_text, village, north, east = doubted[2:6]
    monitor.append(["JMC-101", IncidentType.CEASEFIRE_VIOLATION.value, day_text, village,
                    f"{float(north) + 0.05:.4f}", east, "near", "", "", "0", "",
                    "small-arms fire heard from the observation post"])  # fmt: skip
    for n in range(3):  # and three of its own, further along the line
        day = TRUCE_START + dt.timedelta(days=14 + n)
        monitor.append([f"JMC-{102 + n}", IncidentType.SHELLING.value, day.isoformat(),
                        "Sərhədyanı", "40.3100", "46.1200", "near", "", "", "0", "",
                        "artillery fire recorded by the monitoring centre"])  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    paths = (folder / "violations_ministry_2020-10-26.csv",
             folder / "violations_monitor_2020-10-28.csv")  # fmt: skip
    for path, rows in zip(paths, (ministry, monitor), strict=True):
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(_COLUMNS)
            writer.writerows(rows)
    return paths


def add_demo_truce(register: Register, folder: Path) -> DemoTruce:
    """Record the war's start and the truce, import both files, link the dead of the
    truce's first days to incidents of their day, and rule on some incidents."""
    _write(register, SET_ACTION, apply_set, {"key": "war_start", "value": "2020-09-27"})
    _write(register, TRUCE_ACTION, apply_truce, {
        "name": TRUCE, "parties": PARTIES, "starts_on": TRUCE_START.isoformat(), "ends_on": "",
        "monitor": MONITOR, "source_id": None,
    })  # fmt: skip
    ministry_file, monitor_file = write_incident_files(folder)
    imports = {
        "ministry": import_incidents(register, ministry_file, IncidentFileOptions(
            publisher=MINISTRY, published=dt.date(2020, 10, 26), kind=SourceKind.STATEMENT,
        ), actor=ACTOR),
        "monitor": import_incidents(register, monitor_file, IncidentFileOptions(
            publisher=MONITOR, published=dt.date(2020, 10, 28), kind=SourceKind.OTHER,
        ), actor=ACTOR),
    }  # fmt: skip
    victims = _link_victims(register)
    rulings = [
        (1, Verification.CONFIRMED, "craters and shell fragments seen by monitors"),
        (3, Verification.DISPUTED, "the other side says it returned fire only"),
        (8, Verification.REJECTED, "the footage shown was filmed before the truce"),
    ]
    for incident, state, reason in rulings:
        _write(register, VERIFY_ACTION, apply_verify, {
            "incident_id": incident, "state": state.value, "reason": reason,
            "learned_on": "2020-11-02", "source_id": None,
        })  # fmt: skip
    return DemoTruce(imports, victims, len(rulings))


def _link_victims(register: Register) -> int:
    """Link to each of the truce's first five incidents with fatalities one person killed
    on its day, from the ministry's lists. How many were linked."""
    with register.read() as connection:
        told = connection.execute(
            select(incident_reports.c.incident_id, incident_reports.c.time)
            .where(incident_reports.c.fatalities_best > 0, incident_reports.c.reporting_party != "")
            .order_by(incident_reports.c.id)
            .limit(5)
        ).all()
        chosen: list[tuple[int, int]] = []
        for incident_id, day in told:
            person = connection.execute(
                select(records.c.person_id)
                .where(records.c.event_date == day, records.c.status == "killed")
                .order_by(records.c.id)
                .offset(len(chosen))
                .limit(1)
            ).scalar_one_or_none()
            if person is not None:
                chosen.append((incident_id, person))
    for incident_id, person in chosen:
        _write(register, VICTIM_ACTION, apply_victim, {
            "incident_id": incident_id, "person_id": person, "harm": Harm.KILLED.value,
            "learned_on": "2020-12-03", "source_id": None,
        })  # fmt: skip
    return len(chosen)


def _write(register: Register, action: str, apply: Applier, payload: dict[str, object]) -> None:
    with register.write(action, payload, actor=ACTOR) as work:
        apply(work)
