#!/usr/bin/env bash
# Times the first build of the pinned Pulumi CLI and YAML host on this machine, with empty Go module
# and build caches (what a fresh CI machine pays once). Usage: make bench-cold-tools
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
start=$(date +%s)
GOCACHE="$work/gocache" GOMODCACHE="$work/gomodcache" make -C "$root" --no-print-directory tools TOOLS_DIR="$work/tools" >"$work/log" 2>&1 \
  || { tail -40 "$work/log"; exit 1; }
end=$(date +%s)
echo "cold tools build (Pulumi CLI + pulumi-language-yaml, empty Go caches): $((end - start)) s"
