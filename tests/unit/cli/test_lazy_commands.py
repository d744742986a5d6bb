"""The root group builds a command only when named: its table must name every command each
module registers, `rollbook --help` must list them as before, and a command must load only
its own module."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

import rollbook.cli
from rollbook.cli.main import COMMANDS, app

#: `rollbook --help` before the commands became lazy.
HELP_ORDER = [
    *("init", "upgrade", "log", "verify", "import", "diff", "sources", "read", "toll"),
    *("person", "claims", "export", "status", "merge", "split", "link", "review", "rule"),
    *("estimate", "import-incidents", "set", "serve", "demo", "claim", "missing"),
    *("incident", "truce", "user"),
]

#: In a fresh interpreter: `rollbook --db DB init`, then `sources`; print what they loaded.
RUN_INIT_AND_SOURCES = """
import sys
from rollbook.cli import app
for command in ("init", "sources"):
    try:
        app(["--db", sys.argv[1], command])
    except SystemExit:
        pass
print(" ".join(sorted(m for m in sys.modules if m.startswith("rollbook.cli"))))
print(" ".join(m for m in ("fastapi", "splink", "pandas") if m in sys.modules))
"""


def test_the_table_names_exactly_the_commands_each_module_registers() -> None:
    registered = {}
    for module in pkgutil.iter_modules(rollbook.cli.__path__):
        loaded = importlib.import_module(f"rollbook.cli.{module.name}")
        if hasattr(loaded, "register"):
            sub_app = typer.Typer()
            loaded.register(sub_app)
            registered |= dict.fromkeys(typer.main.get_group(sub_app).commands, module.name)
    assert registered == COMMANDS


def test_help_lists_the_commands_in_the_order_it_did() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    listed = result.output.split("Commands:\n")[1].splitlines()
    assert [line.split()[0] for line in listed if line.strip()] == HELP_ORDER


def test_a_command_loads_only_its_own_module(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-c", RUN_INIT_AND_SOURCES, str(tmp_path / "register.db")],
        capture_output=True,
        text=True,
        check=True,
    )
    modules, heavy = run.stdout.splitlines()[-2:]
    assert modules.split() == [
        "rollbook.cli",
        "rollbook.cli.common",
        "rollbook.cli.imports",
        "rollbook.cli.main",
    ]
    assert heavy == ""
