#!/usr/bin/env bash
# Prepares a temporary copy of a Node.js project for runner.js, the way a user would: npm installs
# the local SDK tarball (not on npm yet) and the rest of package.json from the registry, then tsc
# compiles the program to bin/ with the project's tsconfig.
# Usage: prepare.sh <projectDir> <sdkTarball>
set -euo pipefail
project=$1
tarball=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
here=$(cd "$(dirname "$0")" && pwd)
cd "$project"

# shellcheck source=../quiet.sh
source "$here/../quiet.sh"

run npm install --no-audit --no-fund --loglevel=error "$tarball"
run npx --no tsc
