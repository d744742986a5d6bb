"""Build hook: the figures reader compiled to C with mypyc, where a C compiler is present.

Reading reports is pure rule-following Python run over every token of every sentence;
compiled from the same typed source it reads about a third more reports per second. A
machine without a compiler, or a build with ROLLBOOK_PURE=1 in its environment, installs
the same modules as plain Python: they behave the same, only slower.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import Extension, setup

#: The modules compiled: the figures reader, which rollbook.ingest.figures holds whole.
COMPILED = sorted(
    str(path)
    for path in Path("src/rollbook/ingest/figures").glob("*.py")
    if path.name != "__init__.py"
)


def compiled_modules() -> list[Extension]:
    """The reader's modules as C extensions, each optional: a failed build leaves Python."""
    if os.environ.get("ROLLBOOK_PURE"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # no mypyc where the package is built: plain Python
        return []
    # Only the listed modules are type-checked strictly; the ones they import are read for
    # their types alone, so a build environment without Rollbook's dependencies will do.
    options = ["--config-file=pyproject.toml", "--follow-imports=silent"]
    try:
        extensions = mypycify([*options, *COMPILED], opt_level="3", group_name="rollbook_figures")
    except (Exception, SystemExit) as error:  # mypyc refused the source: plain Python
        sys.stderr.write(f"warning: the figures reader stays plain Python: {error}\n")
        return []
    for extension in extensions:
        extension.optional = True
    return extensions


setup(ext_modules=compiled_modules())
