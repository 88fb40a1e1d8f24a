#!/usr/bin/env bash
# The Python package: built as a wheel, installed into a fresh virtual
# environment, then tested with pytest (which also runs mypy's stubtest).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/python-test-venv
wheels=target/python-test-wheels
rm -rf "$venv" "$wheels"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r bindings/python/requirements-test.txt
# A debug build: the tests check behaviour, not speed (bindings/python/bench.py does that).
"$venv/bin/maturin" build --quiet -m bindings/python/Cargo.toml -o "$wheels" --interpreter "$venv/bin/python"
"$venv/bin/pip" install --quiet --disable-pip-version-check "$wheels"/archlint-*.whl
cd bindings/python
"../../$venv/bin/python" -m pytest -q tests
