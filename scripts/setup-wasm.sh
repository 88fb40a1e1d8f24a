#!/usr/bin/env bash
# Installs, when missing, what the WebAssembly build and its tests need: the
# wasm32 target, wasm-bindgen-cli at exactly the version Cargo.lock pins, the
# npm packages of bindings/wasm (binaryen's wasm-opt, playwright-core) and
# Debian's Chromium. Everything comes from crates.io, npm and Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
# `cargo install` puts wasm-bindgen here; a fresh shell may not have it on PATH.
export PATH="$HOME/.cargo/bin:$PATH"

rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || rustup target add wasm32-unknown-unknown

version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $version"; then
    echo "installing wasm-bindgen-cli $version (takes a few minutes)"
    cargo install --quiet wasm-bindgen-cli --version "$version"
fi

if [ ! -x bindings/wasm/node_modules/.bin/wasm-opt ] || [ ! -d bindings/wasm/node_modules/playwright-core ]; then
    (cd bindings/wasm && npm ci --no-audit --no-fund --loglevel=error)
fi

if ! command -v chromium >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
