#!/usr/bin/env bash
# What the azure-native API-version packages cost the provider plugin: builds it once with an empty
# Go build cache and the action graph, then prints, for the default network package and each versioned
# one, the seconds its compile took and the bytes its symbols take in the plugin.
# Usage: make bench-packages (a cold build: several minutes)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
cd "$root"

start=$(date +%s)
GOCACHE="$work/cache" go build -debug-actiongraph="$work/graph.json" -o "$work/plugin" \
  ./provider/cmd/pulumi-resource-secureml
echo "cold build of the plugin: $(( $(date +%s) - start )) s wall; plugin $(stat -c %s "$work/plugin") bytes"
go tool nm -size "$work/plugin" > "$work/symbols.txt"

python3 - "$work/graph.json" "$work/symbols.txt" <<'PY'
import datetime, json, re, sys
graph = json.load(open(sys.argv[1]))
base = "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
def seconds(a):
    t = lambda s: datetime.datetime.fromisoformat(re.sub(r"(\.\d{6})\d*", r"\1", s))
    return (t(a["TimeDone"]) - t(a["TimeStart"])).total_seconds()
compile_s = {}
for a in graph:
    pkg = a.get("Package", "")
    if a.get("Mode") == "build" and pkg.startswith(base) and "TimeStart" in a and "TimeDone" in a:
        compile_s[pkg] = seconds(a)
sizes = {}
for line in open(sys.argv[2]):
    parts = line.split()
    if len(parts) < 4:
        continue
    size, name = int(parts[1]), parts[3]
    m = re.match(re.escape(base) + r"(/v\d{8})?\.", name)
    if m:
        pkg = base + (m.group(1) or "")
        sizes[pkg] = sizes.get(pkg, 0) + size
print(f"{'package':<70} {'compile s':>10} {'bytes in plugin':>16}")
for pkg in sorted(set(compile_s) | set(sizes)):
    print(f"{pkg:<70} {compile_s.get(pkg, 0):>10.1f} {sizes.get(pkg, 0):>16}")
PY
