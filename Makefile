# Each target creates or reuses .venv and installs what it needs, at the
# versions pinned in requirements.lock (the versions CI tested).
# `make lock` refreshes the lock after a change to the dependencies in
# pyproject.toml (new packages get pinned, the others keep their versions);
# `make lock UPGRADE=1` moves every pin to the newest release. Both need the network.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock

.PHONY: demo test bench accuracy pyversions install lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/python -m pip install -q -c $(LOCK) --upgrade pip
	$(BIN)/python -m pip install -q -c $(LOCK) -e '.[test]'
	touch $(STAMP)

# lock-extra.in: packages pinned ahead of a branch that adds them, and pip itself
lock: | $(BIN)/python
	$(BIN)/python -m pip install -q pip-tools
	$(BIN)/pip-compile -q --allow-unsafe --strip-extras --extra test --no-emit-index-url --no-emit-find-links \
		$(if $(UPGRADE),--upgrade) --output-file $(LOCK) pyproject.toml lock-extra.in

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/revtool demo

test: $(STAMP)
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

# issue 15's done-when table at the end; QUICK=1: smaller sizes, a few minutes
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(if $(QUICK),--quick)

# 別紙2 accuracy on generated plan families, held-out seeds only (issue 11) -> ACCURACY.md
accuracy: $(STAMP)
	$(BIN)/python -m benchmarks.accuracy
	$(BIN)/python -m benchmarks.blind_accuracy --write
	$(BIN)/python -m benchmarks.blind2_accuracy --write
	$(BIN)/python -m benchmarks.blind3_accuracy --write
	$(BIN)/python -m benchmarks.real_accuracy --write
	$(BIN)/python -m benchmarks.blind4_accuracy --write
	$(BIN)/python -m benchmarks.blind5_accuracy --write
	$(BIN)/python -m benchmarks.blind6_accuracy --write
	$(BIN)/python -m benchmarks.blind7_accuracy --write
	$(BIN)/python -m benchmarks.blind8_accuracy --write
	$(BIN)/python -m benchmarks.blind9_accuracy --write
	$(BIN)/python -m benchmarks.blind10_accuracy --write
	$(BIN)/python -m benchmarks.blind11_accuracy --write
	$(BIN)/python -m benchmarks.blind12_accuracy --write
	$(BIN)/python -m benchmarks.blind13_accuracy --write
	$(BIN)/python -m benchmarks.blind14_accuracy --write
	$(BIN)/python -m benchmarks.blind15_accuracy --write
	$(BIN)/python -m benchmarks.blind16_accuracy --write
	$(BIN)/python -m benchmarks.blind17_accuracy --write
	$(BIN)/python -m benchmarks.blind18_accuracy --write

# same sections/ and changelog JSON on every Python found (issue 12): python3.11-3.13 on PATH or
# REVTOOL_PYTHONS=/path/py312/bin/python:/path/py313/bin/python (venvs with revtool installed)
pyversions: $(STAMP)
	$(BIN)/python -m benchmarks.pyversions

clean:
	rm -rf $(VENV) demo-workspace bench-out
