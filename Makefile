# The two commands a fresh machine needs: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test lint unit bench fuzz stress screenshots translations clean

run:
	@QT_QPA_PLATFORM= scripts/setup.sh runtime
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
		--benchmark-columns=min,median,mean,max,rounds --benchmark-sort=name $(PYTEST_ARGS)

screenshots:
	@scripts/setup.sh dev
	$(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache
