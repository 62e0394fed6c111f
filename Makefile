# PeerCircle: `make demo` runs the platform with demo data, `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DEBUG ?= true
HOST ?= 127.0.0.1:8000

.PHONY: install demo test test-fast bench translations messages lint clean

$(STAMP): pyproject.toml requirements/build-constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.3"
	$(BIN)/python -m pip install --quiet --build-constraint requirements/build-constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP) translations

translations: $(STAMP)
	$(BIN)/peercircle translations_compile

demo: install
	$(BIN)/peercircle migrate --no-input
	$(BIN)/peercircle demo_load
	@echo "PeerCircle is served on http://$(HOST)/ (Ctrl+C stops it and its background-job worker)"
	$(BIN)/peercircle db_worker --no-reload & worker=$$!; trap 'kill $$worker' EXIT INT TERM; \
	$(BIN)/peercircle runserver $(HOST)

# The suite runs in one process per core (pytest-xdist); PYTEST_ARGS="-n 0" runs it in one.
test: install
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

test-fast: install
	$(BIN)/python -m pytest -n auto -m "not e2e" $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m pip install --quiet --build-constraint requirements/build-constraints.txt -e ".[bench]"
	$(BIN)/python benchmarks/run.py

# Developers only: refresh the .po catalogues from the source (needs GNU gettext).
messages: $(STAMP)
	cd src/peercircle && ../../$(BIN)/peercircle makemessages --no-obsolete --add-location file -l ru -l pl -l en

lint: $(STAMP)
	$(BIN)/python -m ruff check src tests benchmarks

clean:
	rm -rf $(VENV) staticfiles
