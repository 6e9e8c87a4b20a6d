# The two commands a fresh machine needs: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test lint unit bench fuzz stress screenshots translations clean

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
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q --ignore=tests/benchmarks $(PYTEST_ARGS)

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
	$(PY) scripts/render_statements.py
	$(PY) scripts/screenshots_verify_page.py

# Refresh the Chinese translation sources (.ts) from the code and compile them (.qm).
translations:
	@scripts/setup.sh dev
	scripts/update_translations.sh

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache
