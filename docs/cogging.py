"""Helpers for the cog blocks in README.md and docs/: run real commands, paste real output.

Blocks run Rollbook in-process from the repository root; README's first block builds the
demo register in ./demo and later blocks read it, so the documentation shows what the code
prints today (`make check-docs` fails otherwise).
"""

from __future__ import annotations

import os
import shlex

WIDTH = "120"
os.environ["COLUMNS"] = WIDTH  # before Rich's consoles are made, on importing the CLI

import cog  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from rollbook.cli import app  # noqa: E402

COMMANDS = (
    "init",
    "upgrade",
    "import",
    "sources",
    "diff",
    "status",
    "person",
    "toll",
    "read",
    "claim add",
    "claims",
    "estimate",
    "missing",
    "missing open",
    "missing step",
    "missing confirm",
    "missing show",
    "missing resolutions",
    "missing export",
    "import-incidents",
    "incident add",
    "incident verify",
    "incident victim",
    "incident show",
    "incident review",
    "incident rule",
    "truce add",
    "truce list",
    "truce report",
    "set",
    "merge",
    "split",
    "link",
    "review",
    "rule",
    "export",
    "log",
    "verify",
    "serve",
    "user add",
    "user list",
    "user disable",
    "user token",
    "demo",
)


def run(command: str, *, expect_failure: bool = False) -> str:
    """Paste `$ rollbook COMMAND` and what it printed as a console block."""
    os.environ["ROLLBOOK_ACTOR"] = "docs"
    result = CliRunner().invoke(app, shlex.split(command))
    if (result.exit_code != 0) != expect_failure:
        raise RuntimeError(f"rollbook {command} exited {result.exit_code}:\n{result.output}")
    cog.outl("```console")
    cog.outl(f"$ rollbook {command}")
    cog.out(result.output)
    cog.outl("```")
    return result.output


def get(path: str, *, db: str = "demo/rollbook.db", keep: int = 3) -> None:
    """Paste what `rollbook serve` on `db` answers to a GET of `path` (a JSON twin), asked
    in-process through the application's test client; lists cut to their first `keep`."""
    import json

    from fastapi.testclient import TestClient

    from rollbook.store.database import Register
    from rollbook.web.app import create_app

    with TestClient(create_app(Register.open(db))) as client:
        response = client.get(path)
    data = response.json()
    for key, value in data.items():
        if isinstance(value, list) and len(value) > keep:
            data[key] = value[:keep]
    cog.outl("```console")
    cog.outl(f"GET {path}  ({response.status_code}; lists cut to their first {keep})")
    cog.outl(json.dumps(data, ensure_ascii=False, indent=2))
    cog.outl("```")


def write_capture_lists(folder: str, *, persons: int = 3000, seed: int = 7) -> None:
    """Four invented lists of one war's dead, for the guide's estimate. Each list names a
    man with its own chance, half as high in the hills (where a third of the dead fell) as
    in the towns, and the press names twice as often the men the ministry named. Every
    name is made up."""
    import csv
    import random
    from pathlib import Path

    chance = random.Random(seed)
    regions = ("Dalmor", "Velikan", "Hills of Oster")
    reach = {"ministry": 0.55, "ngo": 0.4, "press": 0.25, "families": 0.3}
    rows: dict[str, list[tuple[str, ...]]] = {name: [] for name in reach}
    for n in range(persons):
        man = (f"Testov{n}", f"Ivar{n % 41}", f"SN-{n:05d}", regions[n % 3])
        on: set[str] = set()
        for name, p in reach.items():
            p *= (0.5 if man[3] == "Hills of Oster" else 1.0) * (
                2 if name == "press" and "ministry" in on else 1
            )
            if chance.random() < p:
                on.add(name)
                rows[name].append(man)
    Path(folder).mkdir(parents=True, exist_ok=True)
    for name, named in rows.items():
        with (Path(folder) / f"{name}.csv").open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(("Surname", "Given name", "Service number", "Region"))
            writer.writerows(named)
