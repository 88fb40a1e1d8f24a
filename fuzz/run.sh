#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer on the stable toolchain and runs one.
#
#   fuzz/run.sh build                 build every target
#   fuzz/run.sh TARGET [SECONDS] [-- libFuzzer options]
#                                     run TARGET (default 60 s), seeded with the
#                                     project's own fixtures and the found inputs
#   FUZZ_FAST=1 fuzz/run.sh ...       the same without comparison tracing, for
#                                     long runs: 2.3 times the executions a
#                                     second (docs/RELIABILITY.md)
#
# Found crashes land in target/fuzz/artifacts/TARGET/; reduce one, and keep it in
# fuzz/regressions/TARGET/ (tests/fuzz_regressions.rs replays them in CI).
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
# What cargo-fuzz passes, minus the sanitizer (nightly-only): coverage
# counters and comparison tracing for libFuzzer. Long runs leave tracing out
# (FUZZ_FAST=1): it takes most of the time, and the structural mutator
# already supplies the keywords tracing would learn.
compares="-Cllvm-args=-sanitizer-coverage-trace-compares"
export CARGO_TARGET_DIR="$root/target/fuzz/build"
if [ "${FUZZ_FAST:-0}" = 1 ]; then compares=""; CARGO_TARGET_DIR="$root/target/fuzz/build-fast"; fi
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
$compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
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
# Files joined at NUL, for targets that take several (harness.rs).
joined() { for part in "$@"; do cat "$part"; printf '\0'; done | head -c -1; }
# The SQL target's first byte chooses the dialect.
dialect_byte() { case "$1" in *mysql*) printf '\1' ;; *sqlite*) printf '\2' ;; *) printf '\0' ;; esac; }
ours_api() { find "$root/tests/fixtures" "$root/corpus/api" \( -name '*.yaml' -o -name '*.json' \) -size -64k -print0; }
ours_sql() { find "$root/tests/fixtures" "$root/corpus/db" "$root/corpus/migrations" -name '*.sql' -size -64k -print0; }
# Real documents nobody here wrote, when fetched (corpus/fetch.sh --all,
# corpus/fetch-sql.sh): the structural mutator (mutate.rs) starts from them.
external="$root/corpus/external"
real_api() { [ -d "$external/apis-guru" ] && find "$external/apis-guru" "$external/swagger" -type f -size -64k -print0 | sort -z; true; }
real_sql() { [ -d "$external/sql" ] && find "$external/sql/schemas" "$external/sql/schema-sets" -name '*.sql' -size -64k -print0 | sort -z; true; }
case "$target" in
  sql)
    ours_sql | seed
    real_sql | while IFS= read -r -d '' file; do
      { dialect_byte "$file"; cat "$file"; } > "$seeds/$(sha1sum < "$file" | cut -c1-16)"
    done
    # Migration histories: a folder's first eight files, in version order.
    for folder in "$external"/sql/migrations/*/; do
      [ -d "$folder" ] || continue
      mapfile -t files < <(find "$folder" -name '*.sql' -size -64k | sort -V | head -n 8)
      [ "${#files[@]}" -gt 0 ] || continue
      { dialect_byte "$folder"; joined "${files[@]}"; } > "$seeds/history-$(basename "$folder")"
    done ;;
  graphql)
    find "$root/tests/fixtures" "$root/corpus/graphql" -name '*.graphql' -size -64k -print0 | seed
    # GitHub's schema (1.2 MB) in pieces of about 32 KB, cut between definitions.
    if [ -f "$external/graphql/github.graphql" ]; then
      awk -v out="$seeds/github-" 'BEGIN { RS = "}\n"; n = 0 }
        { piece = piece $0 "}\n"; if (length(piece) > 32000) { printf "%s", piece > (out n); close(out n); n++; piece = "" } }' \
        "$external/graphql/github.graphql"
    fi ;;
  both)
    ours_api | seed
    mapfile -d '' apis < <(real_api); mapfile -d '' schemas < <(real_sql)
    for index in "${!apis[@]}"; do
      [ "${#schemas[@]}" -gt 0 ] || break
      joined "${apis[$index]}" "${schemas[$(( index % ${#schemas[@]} ))]}" > "$seeds/pair-$index"
    done ;;
  ruleset)
    ours_api | seed
    for ruleset in "$root"/tests/fixtures/rulesets/*/ruleset.yaml; do
      joined "$ruleset" "$root/corpus/api/shop.yaml" > "$seeds/ruleset-$(basename "$(dirname "$ruleset")")"
    done ;;
  *) { ours_api; real_api; } | seed ;;
esac
[ -d "regressions/$target" ] && cp -r "regressions/$target/." "$seeds/" 2>/dev/null || true
"$CARGO_TARGET_DIR/$host/release/$target" "$seeds" -artifact_prefix="$artifacts/" \
  -max_total_time="$seconds" -max_len=1048576 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "$@"
