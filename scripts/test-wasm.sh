#!/usr/bin/env bash
# The WebAssembly module and the review page: builds them (installing what is
# missing, see scripts/setup-wasm.sh), then runs the Node.js test of the
# module's API (same findings as the CLI's JSON) and the browser test
# (headless Chromium driven by playwright-core; screenshot in target/wasm-test/).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/build-wasm.sh
cargo build --quiet -p archlint-cli
cd bindings/wasm
ARCHLINT_BIN="$PWD/../../target/debug/archlint" node --test tests/
