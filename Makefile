# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= taizhang.db
HOST ?= 127.0.0.1
PORT ?= 8000
# Front-end files come from the npm registry (or an intranet mirror of it) at build time and are
# served by the app itself: no CDN, so the web app works on a network without internet.
VENDOR := src/taizhang/web/static/vendor
VENDOR_FILES := node_modules/htmx.org/dist/htmx.min.js node_modules/echarts/dist/echarts.min.js

.PHONY: run test install bench clean

$(STAMP): pyproject.toml package.json package-lock.json
	@command -v npm >/dev/null || { echo "未找到 npm：请先安装 Node.js 与 npm（Debian/Ubuntu：apt-get install nodejs npm）" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	npm ci --no-audit --no-fund
	mkdir -p $(VENDOR)
	cp $(VENDOR_FILES) $(VENDOR)/
	touch $(STAMP)

install: $(STAMP)

# Build the demo county (and its demo logins) into SQLite if absent, show its year, then serve the
# web app, which prints its address and the demo logins.
run: $(STAMP)
	$(BIN)/taizhang --db $(DB) demo --if-absent
	$(BIN)/taizhang --db $(DB) stats --unit 示例县 --year 2025 --by area
	$(BIN)/taizhang --db $(DB) serve --host $(HOST) --port $(PORT)

test: $(STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/ledger.py
	$(BIN)/python bench/read.py
	$(BIN)/python bench/score_indicators.py
	$(BIN)/python bench/report_render.py
	$(BIN)/python bench/report.py
	$(BIN)/python bench/check.py
	bench/web.sh

clean:
	rm -rf $(VENV) .pytest_cache build dist node_modules $(VENDOR)
