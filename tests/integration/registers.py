"""A small, readable register for the CLI tests, built the way a user would build one.

Four invented lists of an invented war between Northland and Southland (all names, numbers
and contacts are synthetic):

1. ``missing_2020-11-20.csv``: the Northland ministry's servicemen reported missing, with a
   family contact, who reported them and an injury (protected fields). 2 missing.
2. ``ministry_2020-12-03.csv``: the ministry's first list of its dead. 4 killed.
3. ``ministry_2020-12-28.csv``: its second edition: the same 4 (one unit corrected), one more
   dead, and Pelgrin Osk, reported missing in November, now listed as killed. 6 killed.
4. ``southland_ngo_2021-01-15.csv``: an NGO's list of Southland's dead, without service
   numbers and with one partial date of death ("2020-10"). 2 killed.

What the register knows (persons, as known on a date):

============  ======================  ================
known on      Northland               Southland
============  ======================  ================
2020-11-30    2 missing               -
2020-12-10    4 killed, 2 missing     -
2020-12-31    6 killed, 1 missing     -
2021-01-31    6 killed, 1 missing     2 killed
============  ======================  ================
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from click.testing import Result

#: The `cli` fixture of tests/conftest.py: runs `rollbook --db URL ARGS...` in-process.
Cli = Callable[..., Result]

MISSING_LIST = """\
Name,Service number,Unit,Region,Date of disappearance,Family contact,Reported by,Injuries
Pelgrin Osk,SN-101,1st Brigade,North,2020-10-20,+000 555 0199 (sister Mirel Osk),\
Neighbour Ulma Dorsk,old fracture of the left forearm
Varo Tenlik,SN-102,2nd Brigade,South,2020-10-25,+000 555 0188 (father Aspen Tenlik),\
Platoon commander Brel Yanov,
"""

MINISTRY_FIRST = """\
Name,Service number,Unit,Region,Date of death
Oskan Tarvelli,SN-001,1st Brigade,North,2020-10-03
Zelik Brunov,SN-002,1st Brigade,North,2020-10-14
Pilmet Hastovar,SN-003,2nd Brigade,South,2020-11-02
Ardo Quenslik,SN-004,3rd Brigade,East,2020-11-09
"""

MINISTRY_SECOND = """\
Name,Service number,Unit,Region,Date of death
Oskan Tarvelli,SN-001,1st Brigade,North,2020-10-03
Zelik Brunov,SN-002,1st Brigade,North,2020-10-14
Pilmet Hastovar,SN-003,2nd Brigade,South,2020-11-02
Ardo Quenslik,SN-004,3rd Mountain Brigade,East,2020-11-09
Dervan Holtzik,SN-005,2nd Brigade,South,2020-11-05
Pelgrin Osk,SN-101,1st Brigade,North,2020-10-20
"""

NGO_LIST = """\
Name,Region,Date of death
Imre Salvadzh,Riverside,2020-10-07
Tovan Melisk,Riverside,2020-10
"""

#: Person ids as the register hands them out: in import order, a new person for each record
#: whose service number it has not seen before.
PERSON = {
    "Pelgrin Osk": 1,
    "Varo Tenlik": 2,
    "Oskan Tarvelli": 3,
    "Zelik Brunov": 4,
    "Pilmet Hastovar": 5,
    "Ardo Quenslik": 6,
    "Dervan Holtzik": 7,
    "Imre Salvadzh": 8,
    "Tovan Melisk": 9,
}
SOURCE = {
    "missing_2020-11-20.csv": 1,
    "ministry_2020-12-03.csv": 2,
    "ministry_2020-12-28.csv": 3,
    "southland_ngo_2021-01-15.csv": 4,
}

MINISTRY = "Ministry of Defence of Northland (synthetic)"
NGO = "Riverside Memorial Roll (synthetic)"


@dataclass(frozen=True)
class War:
    """The register `build_war` made: its folder, and its persons and sources by name.

    Use `person` rather than the ids themselves: "person Varo Tenlik" reads better than "2".
    """

    cli: Cli
    folder: Path
    person: dict[str, int]
    source: dict[str, int]

    def run(self, *args: str) -> str:
        """Run a command that must succeed; its standard output."""
        return ok(self.cli(*args))

    def json(self, *args: str) -> Any:
        """Run a read command that must succeed with `--json`; its parsed output."""
        return json.loads(self.run(*args, "--json"))


def ok(result: Result) -> str:
    """The standard output of a command that must have succeeded."""
    assert result.exit_code == 0, (result.exit_code, result.output, result.exception)
    return result.stdout


def write_list(folder: Path, name: str, text: str) -> Path:
    """Write one list as a UTF-8 CSV file."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def import_list(cli: Cli, path: Path, *options: str) -> str:
    """Import one list, which must succeed; the import's report."""
    return ok(cli("import", str(path), *options))


def build_war(cli: Cli, folder: Path) -> War:
    """Init a register and import the four lists in the order they were published."""
    folder.mkdir(parents=True, exist_ok=True)
    ok(cli("init"))
    import_list(
        cli,
        write_list(folder, "missing_2020-11-20.csv", MISSING_LIST),
        "--status", "missing", "--published", "2020-11-20",
        "--party", "Northland", "--publisher", MINISTRY,
    )  # fmt: skip
    import_list(
        cli,
        write_list(folder, "ministry_2020-12-03.csv", MINISTRY_FIRST),
        "--status", "killed", "--published", "2020-12-03",
        "--party", "Northland", "--publisher", MINISTRY,
    )  # fmt: skip
    import_list(
        cli,
        write_list(folder, "ministry_2020-12-28.csv", MINISTRY_SECOND),
        "--status", "killed", "--published", "2020-12-28",
        "--party", "Northland", "--publisher", MINISTRY, "--revises", "2",
    )  # fmt: skip
    import_list(
        cli,
        write_list(folder, "southland_ngo_2021-01-15.csv", NGO_LIST),
        "--status", "killed", "--published", "2021-01-15",
        "--party", "Southland", "--publisher", NGO, "--kind", "ngo_list",
    )  # fmt: skip
    return War(cli, folder, dict(PERSON), dict(SOURCE))
