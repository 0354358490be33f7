# Two commands for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
KHABAR := $(VENV)/bin/khabar

.PHONY: demo test install install-test system-deps lint models bench clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

## Digest the example story: terminal report, plus out/report.{html,json,md} and out/khabar.db
demo: install
	$(KHABAR) digest examples/istanbul-2025 --db out/khabar.db --out out

## Install what the tests need (Debian packages too, when root) and run the whole suite
test: install-test system-deps
	$(PY) -m pytest

system-deps:
	@bash scripts/system-deps.sh

## Rebuild the shipped models and lexicons from ../shared/data (prints their scores)
models: install-test
	$(PY) scripts/build_ner.py
	$(PY) scripts/build_stance.py
	$(PY) scripts/build_group_df.py

lint: install-test
	$(VENV)/bin/ruff check src tests benchmarks scripts

clean:
	rm -rf out .pytest_cache test-output
