"""The demo's statements: the ministry's announced tolls and the NGO's count, as text.

Written for the demo and clearly synthetic. `rollbook read` finds the figures in them the
way it finds them in any statement: the ministry's 2,783, its 2,855, its "at least 2,881,
up from 2,855" and its 28 missing, and the NGO's "about 2,900".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MINISTRY_OUTLET = "Ministry of Defence (synthetic demo)"
NGO_OUTLET = "Memorial Roll Initiative (synthetic demo NGO)"


@dataclass(frozen=True)
class DemoReport:
    """A statement the demo reads, and who published it."""

    filename: str
    outlet: str
    text: str


REPORTS = (
    DemoReport(
        "ministry_statement_2020-12-03.txt",
        MINISTRY_OUTLET,
        "Ministry of Defence - Press statement (synthetic demo), 3 December 2020\n\n"
        "The Ministry of Defence of Azerbaijan has published the names of 2,783 servicemen "
        "killed in the 44-day war. Families may report errors in the list at the ministry's "
        "regional offices.\n",
    ),
    DemoReport(
        "ministry_statement_2020-12-18.txt",
        MINISTRY_OUTLET,
        "Ministry of Defence - Press statement (synthetic demo), 18 December 2020\n\n"
        "The number of servicemen killed now stands at 2,855, the Ministry of Defence of "
        "Azerbaijan said. The list of names is being updated.\n",
    ),
    DemoReport(
        "ministry_statement_2021-01-08.txt",
        MINISTRY_OUTLET,
        "Ministry of Defence - Press statement (synthetic demo), 8 January 2021\n\n"
        "The Ministry of Defence of Azerbaijan said at least 2,881 servicemen were killed, up "
        "from 2,855, after funerals were held and identities came to light. A further 28 "
        "servicemen remain missing; their identification is under way.\n",
    ),
    DemoReport(
        "ngo_statement_2021-01-15.md",
        NGO_OUTLET,
        "# Our count of the dead (synthetic demo NGO), 15 January 2021\n\n"
        "By our own count about 2,900 Azerbaijani servicemen were killed. Our list is "
        "incomplete: we add names as families come forward.\n",
    ),
)


def write_demo_reports(folder: Path) -> list[tuple[Path, DemoReport]]:
    """Write the demo's statements into `folder` (UTF-8), in the order they were published."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for report in REPORTS:
        path = folder / report.filename
        path.write_text(report.text, encoding="utf-8")
        written.append((path, report))
    return written
