#!/usr/bin/env bash
# Prepares a temporary copy of a Node.js project for runner.js, the way a user would: npm installs
# the local SDK tarball (not on npm yet) and the rest of package.json from the registry, then tsc
# compiles the program to bin/ with the project's tsconfig.
# Usage: prepare.sh <projectDir> <sdkTarball>
set -euo pipefail
project=$1
tarball=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
cd "$project"

# Quiet on success; on failure show what the failing command printed.
run() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    echo "prepare: '$*' failed:" >&2
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
}

run npm install --no-audit --no-fund --loglevel=error "$tarball"
run npx --no tsc
