#!/usr/bin/env bash
# Builds the WebAssembly package (bindings/wasm/pkg: an ES module with its
# TypeScript types and package.json, for browsers and Node.js) and the review
# page (bindings/wasm/www, with a copy of the package and the example corpus).
# Serve the page with `python3 -m http.server -d bindings/wasm/www`.
set -euo pipefail
cd "$(dirname "$0")/.."
# `cargo install` puts wasm-bindgen here; a fresh shell may not have it on PATH.
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup-wasm.sh

cargo build --quiet -p archlint-wasm --target wasm32-unknown-unknown --profile wasm
pkg=bindings/wasm/pkg
rm -rf "$pkg"
wasm-bindgen --target web --out-dir "$pkg" target/wasm32-unknown-unknown/wasm/archlint_wasm.wasm
# binaryen from npm: Debian's binaryen 108 produces a module that fails to load.
bindings/wasm/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-sign-ext \
    --enable-mutable-globals --enable-nontrapping-float-to-int --enable-reference-types \
    --enable-multivalue --strip-debug --strip-producers "$pkg/archlint_wasm_bg.wasm" -o "$pkg/archlint_wasm_bg.wasm"
cp bindings/wasm/js/index.js bindings/wasm/js/index.d.ts bindings/wasm/js/README.md "$pkg/"
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
sed "s/\"version\": \"0.0.0\"/\"version\": \"$version\"/" bindings/wasm/js/package.json > "$pkg/package.json"

www=bindings/wasm/www
rm -rf "$www/pkg" "$www/examples"
cp -r "$pkg" "$www/pkg"
mkdir -p "$www/examples/components"
cp corpus/api/shop.yaml "$www/examples/shop.yaml"
cp corpus/api/components/schemas.yaml "$www/examples/components/schemas.yaml"
cp corpus/db/schema.sql "$www/examples/schema.sql"
cp corpus/graphql/shop.graphql "$www/examples/shop.graphql"

raw=$(wc -c < "$pkg/archlint_wasm_bg.wasm")
gz=$(gzip -9 -c "$pkg/archlint_wasm_bg.wasm" | wc -c)
echo "archlint_wasm_bg.wasm: $raw bytes, $gz gzipped"
