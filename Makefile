# The two set-up commands are `make run` and `make test`; `make check` is what CI should be proud of.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= newsevents.duckdb
SAMPLE := src/newsevents/data/sample_corpus.jsonl

.PHONY: run test check lint types eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/newsevents ingest $(SAMPLE) --db $(DB)
	$(BIN)/newsevents summary --db $(DB)

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests eval benchmarks
	$(BIN)/ruff format --check src tests eval benchmarks

types: $(VENV)/.installed-dev
	$(BIN)/mypy

check: lint types test

eval: $(VENV)/.installed-dev
	$(BIN)/python eval/gate.py

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache
