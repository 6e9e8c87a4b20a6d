# The two commands a fresh machine needs: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test lint unit bench fuzz stress screenshots translations dist dist-check clean

run:
	@scripts/setup.sh runtime
	$(PY) main.py $(ARGS)

test:
	@scripts/setup.sh dev
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory unit

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy models reports cli ui main.py
	$(VENV)/bin/lint-imports

unit:
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q --ignore=tests/benchmarks --ignore=tests/packaging $(PYTEST_ARGS)

bench:
	@scripts/setup.sh dev
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/benchmarks --benchmark-enable \
		--ignore=tests/benchmarks/test_crash_stress.py \
		--benchmark-columns=min,median,mean,max,rounds --benchmark-sort=name $(PYTEST_ARGS)

# Long fuzzing run of every reader and importer (FUZZ_EXAMPLES per target, default 3000).
fuzz:
	@scripts/setup.sh dev
	HYPOTHESIS_PROFILE=fuzz QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/fuzz -q \
		--hypothesis-show-statistics -rs $(PYTEST_ARGS)

# Crash safety: CRASH_TRIALS (default 100) writers killed with SIGKILL at random moments.
stress:
	@scripts/setup.sh dev
	$(PY) -m pytest tests/benchmarks/test_crash_stress.py -q -s $(PYTEST_ARGS)

screenshots:
	@scripts/setup.sh dev
	$(PY) scripts/screenshots.py
	$(PY) scripts/screenshots_consent.py
	$(PY) scripts/screenshots_journeys.py
	$(PY) scripts/render_statements.py
	$(PY) scripts/screenshots_verify_page.py

# Refresh the Chinese translation sources (.ts) from the code and compile them (.qm).
translations:
	@scripts/setup.sh dev
	scripts/update_translations.sh

# A self-contained bundle (PyInstaller, one folder) and the Linux archive users install from.
dist:
	@scripts/setup.sh dist
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath build/dist --workpath build/pyinstaller/work packaging/consent-desk.spec
	$(PY) packaging/make_archive.py build/dist/consent-desk dist

# Build the archive, install it into a temporary home and run it from a bare environment.
dist-check: dist
	QT_QPA_PLATFORM=offscreen CONSENT_DESK_ARCHIVE_DIR=dist $(PY) -m pytest -q -p no:cacheprovider tests/packaging

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache
