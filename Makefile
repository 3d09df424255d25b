# Catwalk — the two quickstart commands (`make demo`, `make test`) and a few helpers.
# Everything is installed by this file into .venv; nothing is installed by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SCALE ?= demo

.PHONY: setup demo test docs bench lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## make demo: generate the demo warehouse into DuckDB, apply the prod plan, print a summary.
demo: setup
	$(BIN)/catwalk demo --scale $(SCALE)

## make test: SQLMesh unit tests, lint, format check and the integration tests (pytest).
test: setup
	$(BIN)/pytest

docs: setup
	$(BIN)/catwalk docs serve

bench: setup
	$(BIN)/catwalk bench --scale bench

lint: setup
	$(BIN)/sqlmesh lint

format: setup
	$(BIN)/sqlmesh format

clean:
	rm -rf $(VENV) .cache logs site catwalk.duckdb catwalk.duckdb.wal
