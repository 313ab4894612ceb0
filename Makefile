# The two set-up commands are `make run` and `make test`; `make check` is what CI should be proud of.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= newsevents.duckdb
SAMPLE := src/newsevents/data/sample_corpus.jsonl

.PHONY: run test check lint types eval bench clean chromium classifier phoenix

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

# The browser tests drive Debian's Chromium (never a browser a test tool downloads): installed here
# when it is missing and we are root; otherwise one line says how.
CHROMIUM ?= /usr/bin/chromium

chromium:
	@if [ ! -x "$(CHROMIUM)" ] && [ -z "$$NEWSEVENTS_CHROMIUM" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "make test: the browser tests need Debian's Chromium: run 'sudo apt-get install -y chromium' (or set NEWSEVENTS_CHROMIUM)" >&2; \
	    exit 2; \
	  fi; \
	fi

test: $(VENV)/.installed-dev chromium
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests eval benchmarks
	$(BIN)/ruff format --check src tests eval benchmarks

types: $(VENV)/.installed-dev
	$(BIN)/mypy

check: lint types test

eval: $(VENV)/.installed-dev
	$(BIN)/python eval/gate.py

# Retrain the shipped sentence classifier from the study part of ../shared/data/dev (#11).
classifier: $(VENV)/.installed-dev
	$(BIN)/python eval/classifier.py --write

# The Phoenix knowledge base (MIT) compiled into package data; commit the result with its notice.
PHOENIX ?= ../shared/data/phoenix

phoenix: $(VENV)/.installed
	$(BIN)/python -m newsevents.dictionaries.compile $(PHOENIX)

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/engines.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache
