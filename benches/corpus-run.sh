#!/usr/bin/env bash
# Reviews every description under a corpus folder, one process per file, with a
# timeout, recording each file's exit status, wall time and peak memory; then
# prints the crashes (a status other than 0 or 1), the timeouts, and the ten
# slowest files. Fetch the corpus first (corpus/fetch.sh --all).
#
#   benches/corpus-run.sh [DIR] [OUT.tsv]     (default: corpus/external/apis-guru;
#                                             .json, .yaml, .yml and .sql files)
#   ARCHLINT=path/to/archlint TIMEOUT=10 benches/corpus-run.sh
set -uo pipefail
cd "$(dirname "$0")/.."
dir=${1:-corpus/external/apis-guru}
out=${2:-target/corpus-run.tsv}
bin=${ARCHLINT:-target/release/archlint}
limit=${TIMEOUT:-10}
[ -x "$bin" ] || cargo build --release -p archlint-cli
mkdir -p "$(dirname "$out")"
times=$(mktemp)
: > "$out"
find "$dir" -type f \( -name '*.json' -o -name '*.yaml' -o -name '*.yml' -o -name '*.sql' \) | sort |
while read -r file; do
  /usr/bin/time -f "%e %M" -o "$times" timeout "$limit" "$bin" review "$file" --format json > /dev/null 2>&1
  status=$?
  read -r seconds kilobytes < <(tail -n 1 "$times")
  printf '%s\t%s\t%s\t%s\n' "$status" "$seconds" "$kilobytes" "$file" >> "$out"
done
rm -f "$times"
total=$(wc -l < "$out")
crashes=$(awk -F'\t' '$1 != 0 && $1 != 1 && $1 != 124' "$out" | wc -l)
timeouts=$(awk -F'\t' '$1 == 124' "$out" | wc -l)
echo "files: $total, crashes: $crashes, timeouts (> ${limit} s): $timeouts"
awk -F'\t' '$1 != 0 && $1 != 1' "$out"
echo "slowest (status, seconds, peak KB, file):"
sort -t$'\t' -k2,2 -g -r "$out" | head -n 10
echo "largest peak memory:"
sort -t$'\t' -k3,3 -g -r "$out" | head -n 3
