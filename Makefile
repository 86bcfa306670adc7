# The two promised commands: `make` (consolidate input/ into output/) and `make test`.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.DEFAULT_GOAL := run
.PHONY: run test lint format bench sample template clean

run: $(STAMP)
	@$(BIN)/python -m compileall -q pipeline schemas
	$(BIN)/giamngheo run --input input --output output

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q pipeline schemas
	touch $(STAMP)

test: $(STAMP)
	$(BIN)/ruff check pipeline schemas tests bench
	$(BIN)/ruff format --check pipeline schemas tests bench
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check pipeline schemas tests bench

format: $(STAMP)
	$(BIN)/ruff format pipeline schemas tests bench

# Regenerate the shipped sample commune in input/ (deterministic).
sample: $(STAMP)
	rm -rf input && $(BIN)/giamngheo sample input --seed 2024

# Time `giamngheo run` against a naive baseline and the read floor (long: generates a
# 2,000-hamlet input into bench/work/ the first time); writes bench/results.md.
bench: $(STAMP)
	$(BIN)/python bench/bench.py

template: $(STAMP)
	$(BIN)/giamngheo template --output output/mau

clean:
	rm -rf $(VENV) output/* build *.egg-info
