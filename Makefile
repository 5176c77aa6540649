# The two commands a newcomer needs:  make site  and  make test
# On a fresh Debian machine they install what is missing (python3-venv, chromium) through apt when
# run as root, and otherwise say exactly what to install.
VENV   ?= .venv
PY     := $(VENV)/bin/python
ZANLEX := $(VENV)/bin/zanlex
APT    := DEBIAN_FRONTEND=noninteractive apt-get

.PHONY: site test install lint bench clean system browser

site: install
	$(ZANLEX) validate
	$(ZANLEX) build --out public

test: install browser
	$(VENV)/bin/pytest

# python3 (>= 3.11) with venv: Debian ships venv separately (python3-venv).
system:
	@python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "zanlex needs Python 3.11 or newer (python3 is $$(python3 --version 2>&1))" >&2; exit 1; }
	@python3 -c 'import ensurepip, venv' 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    $(APT) update -q && $(APT) install -y -q python3-venv; \
	  else \
	    echo "python3 cannot create a virtual environment: run 'sudo apt-get install python3-venv' and try again" >&2; \
	    exit 1; \
	  fi; }

# The browser tests drive Debian's chromium (/usr/bin/chromium), which also prints the PDFs with the
# DejaVu fonts (every Kazakh letter); no browser is ever downloaded. The Debian packages are listed
# once, in .ci/apt-packages.
browser:
	@missing=$$(grep -v '^#' .ci/apt-packages | while read -r p; do [ -z "$$p" ] || dpkg -s "$$p" >/dev/null 2>&1 || echo "$$p"; done); \
	test -z "$$missing" || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    $(APT) update -q && $(APT) install -y -q $$missing; \
	  else \
	    echo "make test needs these Debian packages: run 'sudo apt-get install $$(echo $$missing)'" \
	         "and try again" >&2; \
	    exit 1; \
	  fi; }

$(VENV)/.installed: pyproject.toml | system
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
	rm -rf $(VENV) public .public.build-* build .pytest_cache
