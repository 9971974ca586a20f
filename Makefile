# Two commands for a fresh machine: `make serve` (site) and `make test` (every test).
# Each creates the virtualenv from the pinned requirements when it is missing or out of date.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
# Editors preview one language fast: make preview LANGUAGE=pl
LANGUAGE ?= en

.PHONY: serve build preview test translations bench clean

$(BIN)/.site-installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.test-installed: $(BIN)/.site-installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

serve: $(BIN)/.site-installed
	$(BIN)/mkdocs serve

build: $(BIN)/.site-installed
	$(BIN)/mkdocs build --strict

preview: $(BIN)/.site-installed
	GPP_ONLY_LANGUAGE=$(LANGUAGE) $(BIN)/mkdocs serve --dirty

test: $(BIN)/.test-installed
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache
