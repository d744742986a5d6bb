"""Casualty figures read from prose: statements, news reports, bulletins.

The modules of this package are compiled to C when Rollbook is installed where a compiler
is (see setup.py). In a working copy, a compiled module older than any of the package's
sources would read by the old rules; then every module is read from its source instead,
which reads the same, only slower, until the next install compiles them again.
"""

import sys
from importlib.abc import MetaPathFinder
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from importlib.util import spec_from_file_location
from pathlib import Path
from types import ModuleType

_HERE = Path(__file__).parent


def compiled_modules(folder: Path) -> list[Path]:
    """The compiled modules in a folder."""
    return [path for suffix in EXTENSION_SUFFIXES for path in folder.glob(f"*{suffix}")]


def stale(folder: Path) -> bool:
    """Whether a source in the folder changed after its oldest compiled module was built."""
    built = compiled_modules(folder)
    if not built:
        return False
    oldest = min(path.stat().st_mtime for path in built)
    return any(source.stat().st_mtime > oldest for source in folder.glob("*.py"))


class FromSource(MetaPathFinder):
    """Finds this package's modules as their Python sources, past their compiled forms."""

    def find_spec(
        self, fullname: str, path: object = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        source = _HERE / f"{name}.py"
        if package != __name__ or not source.exists():
            return None
        return spec_from_file_location(fullname, source)


_from_source = stale(_HERE)
if _from_source:
    sys.meta_path.insert(0, FromSource())

#: Whether the reader runs compiled, as an install with a C compiler leaves it.
COMPILED = bool(compiled_modules(_HERE)) and not _from_source

from rollbook.ingest.figures.reader import FoundClaim, read_figures  # noqa: E402

__all__ = ["COMPILED", "FoundClaim", "read_figures"]
