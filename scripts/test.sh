#!/usr/bin/env bash
# The whole test suite: every crate's unit tests, the end-to-end tests in tests/
# (rule fixtures, hostile inputs, $ref handling, output formats, generated docs)
# the CLI tests, the Python package built as a wheel and tested with pytest, and
# the WebAssembly module and review page (Node.js and headless Chromium tests).
# CI runs exactly this after its lint steps.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --all-targets
cargo test -p archlint --doc
bash scripts/test-python.sh
bash scripts/test-wasm.sh
