# Two commands for a new user:
#   make demo   set everything up and run newsfuse on the bundled examples
#   make test   set everything up and run the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test setup setup-test browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# torch first, pinned: its CPU wheel is what this machine has; an open range would pull a
# multi-GB CUDA build (see pyproject's `embeddings` extra, which caps torch accordingly).
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(PIP) install --upgrade pip
	$(PIP) install "torch==2.13.0"
	$(PIP) install -e ".[embeddings]"
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -e ".[embeddings,test]"
	touch $@

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

demo: setup
	$(BIN)/newsfuse run examples/ --out out/ --db out/newsfuse.db || [ $$? -eq 3 ]
	@echo
	@echo "Done. Open out/report.html in a browser (also out/report.md, out/result.json, out/claims.csv)."

# Browser tests need Debian's chromium; installed here when we may (root + apt), else they skip.
browser:
	@bash scripts/ensure-chromium.sh

test: setup-test browser
	$(BIN)/python -m pytest -q -ra

clean:
	rm -rf out/ .pytest_cache
