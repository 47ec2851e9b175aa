#!/usr/bin/env bash
# Times the first build of the pinned Pulumi CLI and YAML host, then of the Node.js, Python and Go
# language hosts (test tooling), on this machine, with empty Go module and build caches (what a fresh
# CI machine pays once). The hosts' time is what they add on top of the CLI's build, which has already
# filled the caches with the modules they share. Usage: make bench-cold-tools
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
tools="$work/tools"
build() {
  GOCACHE="$work/gocache" GOMODCACHE="$work/gomodcache" make -C "$root" --no-print-directory TOOLS_DIR="$tools" "$@" \
    >>"$work/log" 2>&1 || { tail -40 "$work/log"; exit 1; }
}
start=$(date +%s)
build "$tools/pulumi" "$tools/pulumi-language-yaml"
mid=$(date +%s)
build tools
end=$(date +%s)
echo "cold tools build, empty Go caches: Pulumi CLI + pulumi-language-yaml $((mid - start)) s;" \
  "then pulumi-language-nodejs, -python and -go $((end - mid)) s; total $((end - start)) s"
