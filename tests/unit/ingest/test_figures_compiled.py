"""The figures reader compiled at install, and read from source when its source is newer."""

from __future__ import annotations

import os
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from rollbook.ingest import figures
from rollbook.ingest.figures import COMPILED, FromSource, stale

REQUIRE_ENV = "ROLLBOOK_REQUIRE_SERVICES"


def test_the_reader_runs_compiled_where_it_was_installed_with_a_compiler() -> None:
    if not COMPILED:
        reason = (
            "the figures reader is not compiled here (no C compiler at install, ROLLBOOK_PURE"
            " set, or a source changed since): `make` installs it compiled"
        )
        if os.environ.get(REQUIRE_ENV, "").strip().lower() in ("1", "true", "yes", "on"):
            pytest.fail(f"{reason} ({REQUIRE_ENV} is set)", pytrace=False)
        pytest.skip(reason)
    assert figures.reader.__file__ is not None
    assert figures.reader.__file__.endswith(tuple(EXTENSION_SUFFIXES))


def test_a_source_newer_than_the_compiled_modules_is_read_instead(tmp_path: Path) -> None:
    source = tmp_path / "grammar.py"
    built = tmp_path / f"grammar{EXTENSION_SUFFIXES[0]}"
    source.write_text("")
    built.write_bytes(b"")
    os.utime(source, (1_000, 1_000))
    os.utime(built, (2_000, 2_000))
    assert not stale(tmp_path)
    os.utime(source, (3_000, 3_000))  # the source edited after the build
    assert stale(tmp_path)
    assert not stale(tmp_path / "empty")  # nothing compiled: nothing stale


def test_the_source_finder_finds_only_this_package_s_modules() -> None:
    finder = FromSource()
    spec = finder.find_spec("rollbook.ingest.figures.grammar")
    assert spec is not None and spec.origin is not None
    assert Path(spec.origin).name == "grammar.py"
    assert finder.find_spec("rollbook.ingest.documents") is None
    assert finder.find_spec("rollbook.ingest.figures.nothing_here") is None
