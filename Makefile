# Chancery: one command to serve the demo portal, one to run every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
TOOLS_STAMP := tests/tools/node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup test-setup tools system-deps build serve test lint typecheck pytest clean

# The Python environment: all that building and serving the portal needs, and no more.
setup: $(STAMP)

# The test tools on top (pytest, ruff, mypy, Playwright...): only `make test` needs them.
test-setup: $(TEST_STAMP)

# What the tests need besides: Chromium, fonts, Node and Java from Debian, and npm tools.
tools: system-deps $(TOOLS_STAMP)

# npm's axe-core and Nu HTML Checker for the accessibility tests, pinned by the lock file.
$(TOOLS_STAMP): tests/tools/package.json tests/tools/package-lock.json | system-deps
	npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error
	touch $(TOOLS_STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

# Chromium and CJK fonts for the browser tests, from Debian's packages.
system-deps:
	./scripts/install-system-deps

build: setup
	$(BIN)/chancery build

# The editors' preview (docs/src/serve.md): rebuilds and reloads after each change, and
# reports translation gaps without stopping at the parity gate.
serve: setup
	$(BIN)/chancery serve --port 8000

lint: test-setup
	$(BIN)/ruff check plugins tests bench
	$(BIN)/ruff format --check plugins tests bench

typecheck: test-setup
	$(BIN)/mypy

pytest: test-setup tools
	$(BIN)/pytest

test: lint typecheck pytest

# Benchmarks (bench/README.md): the same generated corpus built by stock Material +
# static-i18n and by Chancery in one run; Chancery is reported as a ratio to stock.
.PHONY: bench bench-quick bench-full bench-profile bench-translate bench-budget bench-tools bench-lighthouse bench-incremental bench-serve
BENCH_TOOLS_STAMP := bench/tools/node_modules/.installed
BENCH_SIZES ?= 100x6,1000x1,1000x3,1000x6
BENCH_STACKS ?= stock,chancery,chancery-warm,chancery-edit,chancery-alert,chancery-serial
bench: setup
	$(BIN)/python -m bench.harness --sizes $(BENCH_SIZES) --stacks $(BENCH_STACKS) \
		--out bench/results/latest.json

# Bulk translation bookkeeping: marking 540 imported translations current in one command.
bench-translate: setup
	$(BIN)/python -m bench.mark_current --out bench/results/mark-current.json

# Issue 18's rows at 1,000 x 6 and 5,000 x 3: cold, nothing changed, a one-page edit, an alert
# published (about 30 minutes; stock's 5,000 x 3 build alone about 10).
bench-incremental: setup
	$(BIN)/python -m bench.harness --sizes 1000x6,5000x3 \
		--stacks stock,chancery,chancery-warm,chancery-edit,chancery-alert \
		--out bench/results/incremental.json

# `chancery serve` on the demo: seconds from saving a page to serving it updated.
bench-serve: setup
	$(BIN)/python -m bench.serve_update --out bench/results/serve-update.json

bench-quick: setup
	$(BIN)/python -m bench.harness --sizes 30x6 --out bench/results/quick.json

# The issue's sizes, 5000x3 included (about 40 minutes; stock's 5000x3 build alone ~10).
bench-full: setup
	$(BIN)/python -m bench.harness --full --stacks $(BENCH_STACKS) --out bench/results/full.json

bench-profile: setup
	$(BIN)/python -m bench.profile --size 300x6 --out bench/results/profile-300x6.json

# The documentation site (docs/mkdocs.yml, pages in docs/src/): plain Material, built with
# --strict so that a broken link or anchor fails it, into docs/site/.
.PHONY: docs docs-serve
docs: setup
	$(BIN)/mkdocs build --strict -f docs/mkdocs.yml

docs-serve: setup
	$(BIN)/mkdocs serve -f docs/mkdocs.yml --dev-addr 127.0.0.1:8001

# What a reader's browser receives (docs/src/reader-network.md): every page type in every
# language of the demo, built on the test clock, measured in Chromium (best of 3 runs).
bench-budget: test-setup tools
	rm -rf .site-budget
	CHANCERY_NOW=2026-11-22T12:00:00+00:00 $(BIN)/mkdocs build --strict -q -d .site-budget
	$(BIN)/python -m bench.budget .site-budget --out bench/results/budget.json

# Lighthouse 12, pinned by bench/tools' lock file: only the reader-side benchmark needs it.
bench-tools: $(BENCH_TOOLS_STAMP)

$(BENCH_TOOLS_STAMP): bench/tools/package.json bench/tools/package-lock.json | system-deps
	npm ci --prefix bench/tools --no-audit --no-fund --loglevel=error
	touch $(BENCH_TOOLS_STAMP)

# Lighthouse (mobile) on six pages of the demo, served with gzip; median of 3 runs per page.
bench-lighthouse: setup bench-tools
	$(BIN)/python -m bench.lighthouse --runs 3 --out bench/results/lighthouse.json

clean:
	rm -rf site .site-builds .site-budget docs/site .pytest_cache .mypy_cache .ruff_cache
