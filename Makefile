# The workbook's commands. Each creates .venv and installs what it needs on first use.
#   make book       build the handbook website into _build/html (EDITION=trainer: the
#                   trainer edition, with facilitator notes, into _build/trainer/_build/html)
#   make test       run the whole test suite
#   make pdf        the handbook as an A4 book and the toolkit's handouts as sheets, in PDF,
#                   printed by Debian's Chromium (EDITION=trainer: the trainer edition)
#   make lab        open JupyterLab on a trainee's own workspace of the handbook and exercises,
#                   widgets working (WORKSPACE=folder to choose it; EDITION=trainer: the whole
#                   workbook, with source/ and formgrader)
#   make bench      print benchmark figures
#   make exercises  regenerate exercises/ from source/ with nbgrader
#   make clean      remove builds (keeps .venv)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
WIDGETS_JS := _build/widgets-js/.installed
LITE := _build/lite/jupyter-lite.json
HUB_PROXY := tests/hub/node_modules/.bin/configurable-http-proxy
PACKAGE_FILES := $(shell find actionlearning -name '*.py' -o -name '*.yaml')
EXECUTED_WITH := _build/.jupyter_cache.package
SETUP := $(INSTALLED) $(WIDGETS_JS) $(LITE) $(EXECUTED_WITH)
EDITION ?= trainee
ifeq ($(EDITION),trainer)
SITE := _build/trainer/_build/html
OUTPUT := --path-output _build/trainer
else
SITE := _build/html
OUTPUT :=
endif

.PHONY: book html pdf test lab bench exercises clean

book: $(SETUP)
	@$(MAKE) --no-print-directory html
	@echo "The $(EDITION) edition of the handbook is built: open $(CURDIR)/$(SITE)/index.html"

# Build only, assuming set-up is done (the tests call this too). Warnings are errors and
# unresolved references warn (-n); --keep-going lists every failing page, not just the first.
BOOK ?= .
html: $(EXECUTED_WITH)
	ACTIONLEARNING_EDITION=$(EDITION) $(BIN)/jupyter-book build $(BOOK) $(OUTPUT) --builder html -W -n --keep-going

# The edition printed as an A4 book with contents, page numbers, running heads and an outline,
# and the toolkit's handouts one sheet each, by Debian's Chromium (apt-get install chromium):
# _build/handbook-EDITION.pdf and _build/sheets/EDITION/ (actionlearning/site/printing.py).
pdf: $(SETUP)
	@$(MAKE) --no-print-directory html
	$(BIN)/python -m actionlearning.site.printing $(EDITION)

# Every core works (pytest-xdist), with one worker more than cores: much of the suite's time is
# waiting (pages settling, kernels and hubs starting), which the extra worker fills. Each test
# module, and each notebook's cells, stay on one worker, and modules are dealt out in the order
# tests/conftest.py gives (LONGEST_FIRST), not by how many tests each has; builds of the handbook
# take turns (site_lock).
WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))
test: $(SETUP) $(HUB_PROXY)
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadscope --no-loadscope-reorder

# The trainee's lab shows trainee material only; the trainer's, everything (actionlearning/site/lab.py).
lab: $(INSTALLED)
	$(BIN)/python -m actionlearning.site.lab $(EDITION) $(if $(WORKSPACE),--workspace "$(WORKSPACE)")

bench: $(SETUP)
	$(BIN)/python -m tests.bench

exercises: $(INSTALLED)
	$(BIN)/python -m actionlearning.course.exercises generate

clean:
	rm -rf _build .pytest_cache

$(INSTALLED): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# Pages are executed once and their outputs kept (jupyter-cache, and Sphinx's doctrees), keyed on
# each page's own code; the widgets' code lives in the package, so a change there clears both.
$(EXECUTED_WITH): $(PACKAGE_FILES)
	rm -rf _build/.jupyter_cache _build/.doctrees _build/trainer/_build/.doctrees
	mkdir -p _build && touch $@

# The live handbook's Python (Pyodide from the npm registry, wheels from PyPI, this package
# built), gathered once so that nothing at run time leaves the site; again when the package changes.
$(LITE): $(INSTALLED) $(WIDGETS_JS) $(PACKAGE_FILES) pyproject.toml book/_widgets/compile-bytecode.mjs
	$(BIN)/python -m actionlearning.site.lite _build/lite

# JupyterHub's proxy, for the hub's end-to-end test (tests/hub), from the npm registry.
$(HUB_PROXY): tests/hub/package.json tests/hub/package-lock.json
	npm ci --prefix tests/hub --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# The widget script for the static pages, bundled by esbuild from ipywidgets' own packages
# (book/_widgets/*.mjs say what they leave out), and Pyodide for the live handbook, from the
# npm registry, so no page needs a CDN. Installed at build time and never committed.
BUNDLE := --bundle --minify --format=iife --target=es2020 --legal-comments=linked --log-level=warning \
  --alias:sanitize-html=./book/_widgets/plain-text.mjs
$(WIDGETS_JS): book/_widgets/package.json book/_widgets/package-lock.json $(wildcard book/_widgets/*.mjs)
	npm ci --prefix book/_widgets --no-audit --no-fund --ignore-scripts --loglevel=error
	rm -rf _build/widgets-js && mkdir -p _build/widgets-js
	book/_widgets/node_modules/.bin/esbuild book/_widgets/widgets.mjs $(BUNDLE) --outfile=_build/widgets-js/workbook-widgets.js
	touch $@
