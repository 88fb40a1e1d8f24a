#!/usr/bin/env bash
# The GitHub Action's review step (action.yml): SARIF for code scanning, the
# review as Markdown in the job summary, then annotations on the pull request,
# whose exit status fails the step at INPUT_FAIL_ON. Runs in the workspace;
# ARCHLINT names the binary (default: archlint on PATH). Tested with a fake
# workspace by crates/archlint-cli/tests/action.rs.
set -euo pipefail
archlint=${ARCHLINT:-archlint}
read -r -a paths <<< "${INPUT_PATHS:-.}"
options=()
if [[ -n "${INPUT_CONFIG:-}" ]]; then
  options+=(--config "$INPUT_CONFIG")
fi
sarif="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/archlint.sarif"
status=0
"$archlint" review "${paths[@]}" ${options[@]+"${options[@]}"} --format sarif --output "$sarif" --fail-on never || status=$?
if [[ $status -ne 0 ]]; then
  # A usage or input error (status 2): say it, and fail.
  exit "$status"
fi
echo "sarif=$sarif" >> "${GITHUB_OUTPUT:-/dev/null}"
if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  "$archlint" review "${paths[@]}" ${options[@]+"${options[@]}"} --format markdown --fail-on never >> "$GITHUB_STEP_SUMMARY"
fi
"$archlint" review "${paths[@]}" ${options[@]+"${options[@]}"} --format github --fail-on "${INPUT_FAIL_ON:-error}"
