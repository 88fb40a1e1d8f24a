#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer on the stable toolchain and runs one.
#
#   fuzz/run.sh build                 build every target
#   fuzz/run.sh TARGET [SECONDS] [-- libFuzzer options]
#                                     run TARGET (default 60 s), seeded with the
#                                     project's own fixtures and the found inputs
#
# Found crashes land in target/fuzz/artifacts/TARGET/; reduce one, and keep it in
# fuzz/regressions/TARGET/ (tests/fuzz_regressions.rs replays them in CI).
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
export CARGO_TARGET_DIR="$root/target/fuzz/build"
# What cargo-fuzz passes, minus the sanitizer (nightly-only): coverage
# counters and comparison tracing for libFuzzer.
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
# An explicit --target keeps the flags off build scripts and proc macros.
host=$(rustc -vV | sed -n 's/^host: //p')
cargo build --release --quiet --target "$host"
[ "${1:-build}" = build ] && exit 0
target=$1
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
[ "${1:-}" = "--" ] && shift
seeds="$root/target/fuzz/corpus/$target"
artifacts="$root/target/fuzz/artifacts/$target"
mkdir -p "$seeds" "$artifacts"
# Seeds, named by content (fixtures share file names).
seed() { while IFS= read -r -d '' file; do cp "$file" "$seeds/$(sha1sum < "$file" | cut -c1-16)"; done; }
case "$target" in
  sql) find "$root/tests/fixtures" "$root/corpus/db" -name '*.sql' -size -64k -print0 | seed ;;
  graphql) find "$root/tests/fixtures" "$root/corpus/graphql" -name '*.graphql' -size -64k -print0 | seed ;;
  *) find "$root/tests/fixtures" "$root/corpus/api" \( -name '*.yaml' -o -name '*.json' \) -size -64k -print0 | seed ;;
esac
[ -d "regressions/$target" ] && cp -r "regressions/$target/." "$seeds/" 2>/dev/null || true
"$CARGO_TARGET_DIR/$host/release/$target" "$seeds" -artifact_prefix="$artifacts/" \
  -max_total_time="$seconds" -max_len=1048576 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "$@"
