# The two commands a newcomer needs:  make site  and  make test
VENV   ?= .venv
PY     := $(VENV)/bin/python
ZANLEX := $(VENV)/bin/zanlex

.PHONY: site test install lint bench clean

site: install
	$(ZANLEX) validate
	$(ZANLEX) build --out public

test: install
	$(VENV)/bin/pytest

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

lint: install
	$(VENV)/bin/ruff check .

bench: install
	$(PY) bench/parse.py

clean:
	rm -rf $(VENV) public build .pytest_cache
