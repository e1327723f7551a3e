# Every target installs what it needs into .venv from this repository's own files.
VENV   ?= .venv
PY     := $(VENV)/bin/python
BC     := $(VENV)/bin/backchannel
DEMO   ?= demo
PYTEST_ARGS ?=

.PHONY: install demo test test-fast bench lint docs clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

demo: install
	bash examples/demo.sh $(DEMO)

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: install
	$(PY) -m pytest -m "not slow and not browser" $(PYTEST_ARGS)

bench: install
	$(PY) bench/run.py

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

docs: install
	$(PY) -m backchannel.cli.reference > docs/cli.md

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info demo .pytest_cache
