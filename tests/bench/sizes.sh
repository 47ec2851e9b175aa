#!/usr/bin/env bash
# Measures what users download: the npm tarball and the wheel, and the node_modules of a fresh
# TypeScript consumer of the SDK next to one that uses only @pulumi/pulumi, installed in the same run
# from the same registry. Usage: make bench-sizes (builds the SDKs first)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tarball=${SECUREML_NPM_TARBALL:?run through make bench-sizes}
wheel=${SECUREML_WHEEL:?run through make bench-sizes}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pulumi_version=$(node -p "require('$root/sdk/nodejs/node_modules/@pulumi/pulumi/package.json').version")
consumer() { # dir, extra packages...
  mkdir -p "$1" && cd "$1"
  npm init -y >/dev/null
  shift
  npm install --no-audit --no-fund --loglevel=error "@pulumi/pulumi@$pulumi_version" "$@" >/dev/null
  du -sb node_modules | cut -f1
}
base=$(consumer "$work/pulumi-only")
with_sdk=$(consumer "$work/with-secureml" "$tarball")
direct=$(node -p "Object.keys(require('$work/with-secureml/node_modules/@secureml/pulumi-secureml/package.json').dependencies).join(',')")

echo "npm tarball $(basename "$tarball"): $(stat -c %s "$tarball") bytes"
echo "wheel $(basename "$wheel"): $(stat -c %s "$wheel") bytes"
echo "runtime dependencies of the npm package: $direct"
echo "node_modules, @pulumi/pulumi@$pulumi_version only: $base bytes"
echo "node_modules, @pulumi/pulumi@$pulumi_version + @secureml/pulumi-secureml: $with_sdk bytes"
awk -v a="$with_sdk" -v b="$base" 'BEGIN { printf "difference: %d bytes (ratio %.4f)\n", a - b, a / b }'
