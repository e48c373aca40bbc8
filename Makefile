# Two commands a newcomer runs on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: demo test install install-test bench train lint clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

demo: install
	$(BIN)/termwise extract examples/*.txt

test: install-test
	$(BIN)/python -m pytest -q

bench: install
	cd bench && ../$(BIN)/python throughput.py
	cd bench && ../$(BIN)/python memory.py

train: install
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python scripts/train_clauses.py --data $(SHARED)/data/cuad/train

lint:
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/ruff check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist .pytest_cache
