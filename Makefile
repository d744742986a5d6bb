# Two commands from a fresh clone: `make demo` runs Rollbook's main job on a SQLite file,
# `make test` runs the whole test suite with the linters. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint check-docs docs bench clean

# The figures reader is compiled at install (setup.py): a change to it installs again.
$(STAMP): pyproject.toml setup.py $(wildcard src/rollbook/ingest/figures/*.py)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rollbook demo --folder demo

lint: $(STAMP)
	$(BIN)/ruff check setup.py src tests benchmarks docs
	$(BIN)/ruff format --check setup.py src tests benchmarks docs
	$(BIN)/mypy
	$(BIN)/lint-imports

check-docs: $(STAMP)
	$(BIN)/cog --check -I docs README.md docs/*.md

docs: $(STAMP)
	$(BIN)/cog -r -I docs README.md docs/*.md

test: lint check-docs
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python benchmarks/import_speed.py --keep
	$(BIN)/python benchmarks/toll_speed.py --db benchmarks/out/rollbook-1000000.db

clean:
	rm -rf $(VENV) demo build *.egg-info
	find src -name '*.so' -delete
