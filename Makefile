# Catwalk — the two quickstart commands (`make demo`, `make test`) and a few helpers.
# Everything is installed by this file into .venv; nothing is installed by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SCALE ?= demo
# SQLMesh loads the project in-process (faster than its per-core fork pool on small hosts; README)
MAX_FORK_WORKERS ?= 1
export MAX_FORK_WORKERS

.PHONY: setup chromium demo test test-all test-spark test-spark-all spark-setup docs bench lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP) chromium

## Debian's chromium drives the documentation browser test (installed once, skipped if apt is unavailable).
chromium:
	@command -v chromium >/dev/null 2>&1 || (command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] \
		&& (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
		|| echo "chromium not installed: the docs browser test will be skipped")

## make demo: generate the demo warehouse into DuckDB, apply the prod plan, print a summary.
demo: setup
	$(BIN)/catwalk demo --scale $(SCALE)

## make test: SQLMesh unit tests, lint, format check, and the integration tests on the shared tiny
## warehouse (DuckDB and Postgres); what CI runs, on two pytest workers (tests using the Postgres
## server share one worker; every worker has its own default DuckDB file). On the 2-core machine:
## 13 min on two workers, 18 min in one process (TEST_WORKERS=0), the same day.
TEST_WORKERS ?= 2
test: setup
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup -m "not slow and not spark"

## make spark-setup: the `spark` gateway's packages (pyspark, the Iceberg runtime) and the relocated
## Jackson jar built from pyspark's jars into .spark/jars (needs Java 17: `apt-get install openjdk-17-jre-headless`).
SPARK_STAMP := $(VENV)/.spark-installed
$(SPARK_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,spark]'
	touch $(SPARK_STAMP)

spark-setup: $(SPARK_STAMP)
	@command -v java >/dev/null 2>&1 || (command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] \
		&& (apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null) \
		|| (echo "Java 17 is needed for Spark: install openjdk-17-jre-headless" && false))
	$(BIN)/python -m catwalk.spark setup

## make test-spark: the tiny warehouse generated into local Spark (Iceberg tables), the prod plan
## applied there, and every model compared cell by cell with the DuckDB build (CI, after make test).
test-spark: setup spark-setup
	$(BIN)/pytest -m "spark and not slow" tests/spark

## make test-spark-all: also the daily work on Spark (a scheduled run equal to DuckDB's, a review).
test-spark-all: setup spark-setup
	$(BIN)/pytest -m spark tests/spark

## make test-all: also the slow end-to-end suites that build their own warehouses (archives over
## 7 loads, three days of prod runs, crash and concurrency, per-layer builds on both engines).
test-all: setup
	$(BIN)/pytest

## make docs: build the documentation site and serve it on http://127.0.0.1:8080/
docs: setup
	$(BIN)/catwalk docs build
	$(BIN)/catwalk docs serve

bench: setup
	$(BIN)/catwalk bench --scale bench

lint: setup
	$(BIN)/sqlmesh lint

format: setup
	$(BIN)/sqlmesh format

clean:
	rm -rf $(VENV) .cache logs site catwalk.duckdb catwalk.duckdb.wal .spark
