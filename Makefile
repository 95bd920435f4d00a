# Two commands matter: `make site` and `make test`. Each bootstraps .venv from
# nothing but python3, so both work on a fresh machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
SITE_FLAGS ?=

.PHONY: site test serve browser clean

# setuptools warns at every editable install that a folder named like the
# package could shadow it: here that folder is the package itself.
EDITABLE := PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet -e

# The project installed with its runtime dependencies, redone when they change.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(EDITABLE) .
	touch $@

# The test tools on top.
$(VENV)/.installed-test: $(VENV)/.installed
	$(EDITABLE) '.[test]'
	touch $@

# SITE_FLAGS=--strict fails on a skipped document or a broken link (the Pages workflow's build).
site: $(VENV)/.installed
	$(BIN)/reportsite build $(SITE_FLAGS)

serve: $(VENV)/.installed
	$(BIN)/reportsite serve --port $(PORT)

# Chromium for the browser tests (Debian's package: a browser download cannot work here).
browser:
	@sh .ci/ensure-chromium

test: $(VENV)/.installed-test browser
	$(BIN)/python -m pytest

# Besides site/ and the caches: the files and folders the generator owns under
# docs/ (GENERATED in generator/render).
clean:
	rm -rf site .site.building .site.old .cache docs/index.md docs/diagnostics.md docs/diagnostics docs/timeline.md docs/timeline docs/archive docs/documents docs/metrics docs/pillars docs/terms docs/data docs/sources docs/organisations
