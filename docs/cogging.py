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
    "claim add",
    "claims",
    "estimate",
    "merge",
    "split",
    "link",
    "review",
    "rule",
    "export",
    "log",
    "verify",
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
