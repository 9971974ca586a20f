# Two commands for a fresh machine: `make serve` (site) and `make test` (every test).
# Each creates the virtualenv from the pinned requirements when it is missing or out of date.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
# Editors preview one language fast: make preview LANGUAGE=pl (--no-strict: MkDocs warns about every --dirty build)
LANGUAGE ?= en

.PHONY: serve build preview test schemas translations translations-mark bench clean

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
	GPP_ONLY_LANGUAGE=$(LANGUAGE) $(BIN)/mkdocs serve --dirty --no-strict

# The Nu Html Checker (vnu.jar, run with Java) comes from npm, pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: $(BIN)/.test-installed node_modules/.installed
	$(BIN)/python -m pytest

# Which pages each language lacks or has outdated (the English source changed since translation).
translations: $(BIN)/.site-installed
	$(BIN)/python tools/translations.py

# After updating a translation: make translations-mark FILE=docs/pl/privacy.md
translations-mark: $(BIN)/.site-installed
	$(BIN)/python tools/translations.py --mark $(FILE)

# JSON Schemas of data/*.yml (editors' IDEs check the files with them), regenerated from the models.
schemas: $(BIN)/.site-installed
	cd hooks && $(abspath $(BIN))/python -m gppkit.data_schemas

# Build speed against stock Material + static-i18n (README, "Build speed"); about 20 minutes on 2 cores.
# Faster: make bench BENCH_ARGS=--quick. Every option: .venv/bin/python bench/run.py --help
bench: $(BIN)/.site-installed
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf site .pytest_cache .cache
