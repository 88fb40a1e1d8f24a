#!/usr/bin/env bash
# Side-by-side timings of archlint and its peers on the same real inputs, run
# on this machine in one go, written to docs/BENCHMARKS.md (and printed).
#
#   bash benches/compare.sh [--runs N] [--quick]
#
# Installs the peers from the registries into target/peers/ (npm:
# @stoplight/spectral-cli, @redocly/cli, ibm-openapi-validator; PyPI:
# squawk-cli), fetches the corpus (corpus/fetch.sh, corpus/fetch-sql.sh) when
# missing, and measures each tool's wall time and peak memory (GNU time) over
# several runs, reporting medians and finding counts. --quick skips the slow
# peers (Spectral, IBM: about a minute per run). Measures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=3
quick=0
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --quick) quick=1; shift ;;
        *) echo "usage: $0 [--runs N] [--quick]" >&2; exit 2 ;;
    esac
done

peers=$root/target/peers
work=$root/target/compare
mkdir -p "$peers" "$work"
[ -f corpus/external/github/api.github.com.json ] || bash corpus/fetch.sh
[ -d corpus/external/apis-guru ] || bash corpus/fetch.sh --all
[ -d corpus/external/sql ] || bash corpus/fetch-sql.sh

echo "== installing peers into $peers"
if [ ! -x "$peers/node_modules/.bin/redocly" ]; then
    (cd "$peers" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error \
        @stoplight/spectral-cli@6 @redocly/cli@2 ibm-openapi-validator@1)
fi
if [ ! -x "$peers/venv/bin/squawk" ]; then
    python3 -m venv "$peers/venv"
    "$peers/venv/bin/pip" install --quiet --disable-pip-version-check squawk-cli
fi
printf 'extends: ["spectral:oas"]\n' > "$work/spectral.yaml"
cargo build --quiet --release -p archlint-cli
archlint=$root/target/release/archlint

# measure LABEL INPUT-LABEL COUNT-COMMAND -- COMMAND...: runs COMMAND $runs
# times under GNU time; COUNT-COMMAND reads the last run's output (in
# $work/out) and prints the number of findings.
rows=()
measure() {
    local tool=$1 input=$2 count=$3
    shift 4
    local times=() memories=()
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$work/out" 2> "$work/err" || true
        read -r seconds kilobytes < <(tail -1 "$work/time")
        times+=("$seconds")
        memories+=("$kilobytes")
    done
    local median_time median_memory findings
    median_time=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    median_memory=$(printf '%s\n' "${memories[@]}" | sort -g | awk '{ a[NR] = $1 } END { printf "%d", a[int((NR + 1) / 2)] / 1024 }')
    findings=$(eval "$count" 2>/dev/null || echo "?")
    # Keep each tool's last output for inspection.
    local slug
    slug=$(printf '%s-%s' "$tool" "$input" | tr -c 'A-Za-z0-9' '-' | cut -c1-60)
    cp "$work/out" "$work/$slug.out"
    cp "$work/err" "$work/$slug.err"
    rows+=("| $tool | $input | $median_time s | $median_memory MB | $findings |")
    echo "$tool on $input: ${median_time}s, ${median_memory} MB, $findings findings"
}

json_findings='python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))[\"findings\"]))" $work/out'
spectral_findings='python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" $work/out'
redocly_findings='python3 -c "import json,sys; d=json.load(open(sys.argv[1])); t=d[\"totals\"]; print(t[\"errors\"]+t[\"warnings\"])" $work/out'
ibm_findings='python3 -c "import json,sys; t=open(sys.argv[1]).read(); d=json.loads(t[t.index(\"{\"):]); print(d[\"error\"][\"summary\"][\"total\"]+d[\"warning\"][\"summary\"][\"total\"])" $work/out'
squawk_findings='python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" $work/out'

github=corpus/external/github/api.github.com.json
graph_beta=corpus/external/apis-guru/microsoft.com/graph-beta.json
bin=$peers/node_modules/.bin

echo "== GitHub's description ($(du -h "$github" | cut -f1))"
measure archlint "GitHub (13 MB)" "$json_findings" -- "$archlint" review "$github" --format json
measure "Redocly CLI (recommended)" "GitHub (13 MB)" "$redocly_findings" -- "$bin/redocly" lint "$github" --extends recommended --format json
if [ "$quick" -eq 0 ]; then
    measure "Spectral (spectral:oas)" "GitHub (13 MB)" "$spectral_findings" -- "$bin/spectral" lint "$github" --ruleset "$work/spectral.yaml" --format json --quiet
    measure "IBM openapi-validator" "GitHub (13 MB)" "$ibm_findings" -- "$bin/lint-openapi" --json "$github"
fi

echo "== Microsoft Graph beta"
measure archlint "Graph beta (47 MB)" "$json_findings" -- "$archlint" review "$graph_beta" --format json
measure "Redocly CLI (recommended)" "Graph beta (47 MB)" "$redocly_findings" -- "$bin/redocly" lint "$graph_beta" --extends recommended --format json

echo "== API and database together (consistency linking; schemas in benches/schemas/)"
measure archlint "GitHub + its tables" "$json_findings" -- "$archlint" review "$github" benches/schemas/github.sql --format json
measure archlint "Graph beta + its tables" "$json_findings" -- "$archlint" review "$graph_beta" benches/schemas/graph.sql --format json

echo "== the APIs.guru directory"
files=$(find corpus/external/apis-guru -name '*.json' -o -name '*.yaml' | wc -l)
measure archlint "APIs.guru, $files files" "$json_findings" -- "$archlint" review corpus/external/apis-guru --format json

echo "== PostgreSQL files of the Debian SQL corpus"
mapfile -t pg_files < <(find corpus/external/sql -path '*postgresql*' -name '*.sql' | sort)
measure archlint "Debian PostgreSQL DDL (${#pg_files[@]} files)" "$json_findings" -- "$archlint" review --format json --dialect postgres "${pg_files[@]}"
measure squawk "Debian PostgreSQL DDL (${#pg_files[@]} files)" "$squawk_findings" -- "$peers/venv/bin/squawk" --reporter json "${pg_files[@]}"

echo "== scaling: GitHub's description multiplied"
python3 - "$github" "$work" <<'PY'
import json, re, sys
source, work = sys.argv[1], sys.argv[2]
spec = json.load(open(source))
for factor in (1, 2, 4, 8):
    out = dict(spec, paths={}, components={})
    for copy in range(factor):
        text = json.dumps({"paths": spec["paths"], "components": spec.get("components", {})})
        text = re.sub(r'"#/components/([A-Za-z]+)/', lambda m: f'"#/components/{m.group(1)}/c{copy}-', text)
        text = re.sub(r'"operationId": "', f'"operationId": "c{copy}-', text)
        part = json.loads(text)
        for path, item in part["paths"].items():
            out["paths"][f"/c{copy}{path}"] = item
        for section, entries in part["components"].items():
            target = out["components"].setdefault(section, {})
            for name, value in entries.items():
                target[name if section == "securitySchemes" else f"c{copy}-{name}"] = value
    json.dump(out, open(f"{work}/github-{factor}x.json", "w"))
PY
for factor in 1 2 4 8; do
    size=$(du -m "$work/github-${factor}x.json" | cut -f1)
    measure archlint "GitHub ×$factor ($size MB)" "$json_findings" -- "$archlint" review "$work/github-${factor}x.json" --format json
done

{
    echo "<!-- table generated by benches/compare.sh on $(date -u +%Y-%m-%d) -->"
    echo "# Benchmarks"
    echo
    echo "Whole-process wall time and peak memory (GNU time), median of $runs runs, all"
    echo "tools run one after another on the same $(nproc)-core machine, with each tool's"
    echo "default or recommended ruleset and JSON output. Findings are what each tool"
    echo "reports (errors and warnings for Redocly; everything for the others)."
    echo
    echo "| tool | input | median wall time | peak memory | findings |"
    echo "|---|---|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
} > "$work/table.md"
cat "$work/table.md"
echo "(table in $work/table.md)"
