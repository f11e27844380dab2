# Assure: `make run` serves the demo, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= assure.config.settings.local

.DEFAULT_GOAL := help
.PHONY: help install run test lint check docs seed bench bench-import bench-reports clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/assure: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(BIN)/assure

install: $(BIN)/assure ## Create .venv and install pinned dependencies

run: install ## Migrate, load the demo and serve on http://127.0.0.1:8000
	mkdir -p var
	$(BIN)/assure migrate --no-input
	$(BIN)/assure demo
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(BIN)/assure runserver $(HOST):$(PORT)

test: install ## Run every test (browser tests need Debian's chromium)
	DJANGO_SETTINGS_MODULE=assure.config.settings.test $(BIN)/pytest

lint: install ## ruff and makemigrations --check
	$(BIN)/ruff check assure benchmarks tests scripts
	$(BIN)/ruff format --check assure benchmarks tests scripts
	DATABASE_URL=sqlite://:memory: DJANGO_SETTINGS_MODULE=assure.config.settings.test $(BIN)/assure makemigrations --check --dry-run

check: lint test ## What CI runs

docs: install ## Regenerate docs/cli.md from --help
	$(BIN)/python scripts/cli_docs.py > docs/cli.md

seed: install ## Load the demo data into the local database
	$(BIN)/assure migrate --no-input
	$(BIN)/assure demo

bench-import: install ## Import accuracy and speed on the seeds and renderings
	$(BIN)/python benchmarks/bench_import.py

bench: install ## Every benchmark
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_dfe.py
	$(BIN)/python benchmarks/bench_reports.py

bench-reports: install ## Board report speed as Word and PDF
	$(BIN)/python benchmarks/bench_reports.py

clean: ## Remove the virtualenv and local data
	rm -rf $(VENV) var/assure.sqlite3 var/static
