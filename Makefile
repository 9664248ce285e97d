# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= taizhang.db

.PHONY: run test install bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Build the demo county into SQLite if absent, then show its year.
run: $(STAMP)
	$(BIN)/taizhang --db $(DB) demo --if-absent
	$(BIN)/taizhang --db $(DB) stats --unit 示例县 --year 2025 --by area

test: $(STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/ledger.py
	$(BIN)/python bench/read.py
	$(BIN)/python bench/score_indicators.py
	$(BIN)/python bench/report_render.py
	$(BIN)/python bench/report.py
	$(BIN)/python bench/check.py

clean:
	rm -rf $(VENV) .pytest_cache build dist
