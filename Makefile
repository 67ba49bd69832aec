# Chancery: one command to serve the demo portal, one to run every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup system-deps build serve test lint typecheck pytest clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Chromium and CJK fonts for the browser tests, from Debian's packages.
system-deps:
	./scripts/install-system-deps

build: setup
	$(BIN)/chancery build

# A local preview reports translation gaps without stopping at the parity gate.
serve: setup
	CHANCERY_TRANSLATION_GATE=warn $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

lint: setup
	$(BIN)/ruff check plugins tests
	$(BIN)/ruff format --check plugins tests

typecheck: setup
	$(BIN)/mypy

pytest: setup system-deps
	$(BIN)/pytest

test: lint typecheck pytest

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
