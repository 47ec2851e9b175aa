#!/usr/bin/env bash
# What the plugin costs to build, next to a bare pulumi-go-provider provider (tests/bench/bare: one
# trivial component, its own module pinned to the plugin's dependency versions, which this script
# checks). Every build starts from an empty Go build cache (GOCACHE in a temp dir) with the module cache
# warm: what a fresh CI runner or a user's first `pulumi package add` pays on this machine.
#
#   1. default flags, `go build`: what `pulumi package add` and `make provider` build;
#   2. release flags, CGO_ENABLED=0 -trimpath -ldflags "-s -w": what `make dist` builds;
#   3. the plugin with CGO_ENABLED=0 alone, under a -toolexec wrapper that records the CPU seconds of
#      every compile (tests/bench/toolexec-cpu.sh), for step 5 and to tell -trimpath from CGO;
#   4. the other flag combinations, relinked in the warm caches of 1 to 3 (link seconds and bytes);
#   5. where the bytes and seconds go: the plugin's ELF sections next to the bare provider's, and per
#      module the compile CPU seconds, the functions and the bytes of its symbols (`go tool nm -size`).
#
# Wall seconds stretch when other work shares the machine; CPU seconds (user + system of the go
# command and every tool it ran) much less. The report prints the load average around each build.
# Usage: make bench-build (five cold builds: 15 to 20 minutes on 2 cores). BENCH_KEEP=1 keeps the
# binaries and logs.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
cleanup() {
  chmod -R u+w "$work" 2>/dev/null
  if [ -n "${BENCH_KEEP:-}" ]; then rm -rf "$work"/cache-*; echo "kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
version_flag="-X github.com/secureml/pulumi-secureml/provider.Version=${VERSION:-0.1.0}"
plugin_dir=$root
plugin_pkg=./provider/cmd/pulumi-resource-secureml
bare_dir=$root/tests/bench/bare
bare_pkg=.

# Module downloads are not part of the figures: fill the module cache first.
(cd "$plugin_dir" && go list -deps "$plugin_pkg" >/dev/null)
(cd "$bare_dir" && go list -deps "$bare_pkg" >/dev/null)

# build <name> <dir> <pkg> <cache> <CGO_ENABLED=..> [go build flags...]: builds $work/<name> and writes
# its wall and CPU seconds to $work/<name>.seconds and the 1-minute load average before and after to
# $work/<name>.load.
build() {
  local name=$1 dir=$2 pkg=$3 cache=$4 cgo=$5
  shift 5
  cut -d' ' -f1 /proc/loadavg >"$work/$name.load"
  (cd "$dir" && env GOCACHE="$cache" "$cgo" /usr/bin/time -f '%e %U %S' -o "$work/$name.time" \
    go build -o "$work/$name" "$@" "$pkg")
  awk '{ printf "%.1f %.1f", $1, $2 + $3 }' "$work/$name.time" >"$work/$name.seconds"
  cut -d' ' -f1 /proc/loadavg >>"$work/$name.load"
}
cold() { # name dir pkg CGO_ENABLED=.. flags...: a build with its own, empty cache
  mkdir -p "$work/cache-$1"
  echo "cold build: $1 ..." >&2
  build "$1" "$2" "$3" "$work/cache-$1" "${@:4}"
}
relink() { # name cache-name dir pkg CGO_ENABLED=.. flags...: the same packages linked again, warm cache
  build "$1" "$3" "$4" "$work/cache-$2" "${@:5}"
}

# 1, 2 and 3.
cold plugin-default "$plugin_dir" "$plugin_pkg" CGO_ENABLED=1 -ldflags "$version_flag"
cold bare-default "$bare_dir" "$bare_pkg" CGO_ENABLED=1
cold plugin-release "$plugin_dir" "$plugin_pkg" CGO_ENABLED=0 -trimpath -ldflags "-s -w $version_flag"
cold bare-release "$bare_dir" "$bare_pkg" CGO_ENABLED=0 -trimpath -ldflags "-s -w"
timer=(-toolexec "$root/tests/bench/toolexec-cpu.sh")
export BENCH_TOOL_LOG=$work/tools.log
cold plugin-nocgo "$plugin_dir" "$plugin_pkg" CGO_ENABLED=0 "${timer[@]}" -ldflags "$version_flag"
unset BENCH_TOOL_LOG

# 4.
relink plugin-default-relink plugin-default "$plugin_dir" "$plugin_pkg" CGO_ENABLED=1 -ldflags "$version_flag"
relink plugin-default-sw plugin-default "$plugin_dir" "$plugin_pkg" CGO_ENABLED=1 -ldflags "-s -w $version_flag"
BENCH_TOOL_LOG=/dev/null relink plugin-nocgo-sw plugin-nocgo "$plugin_dir" "$plugin_pkg" CGO_ENABLED=0 "${timer[@]}" -ldflags "-s -w $version_flag"
relink plugin-trimpath plugin-release "$plugin_dir" "$plugin_pkg" CGO_ENABLED=0 -trimpath -ldflags "$version_flag"
relink plugin-release-relink plugin-release "$plugin_dir" "$plugin_pkg" CGO_ENABLED=0 -trimpath -ldflags "-s -w $version_flag"
relink bare-default-sw bare-default "$bare_dir" "$bare_pkg" CGO_ENABLED=1 -ldflags "-s -w"
relink bare-trimpath bare-release "$bare_dir" "$bare_pkg" CGO_ENABLED=0 -trimpath

# The two programs must link the same versions of every module they share.
go version -m "$work/plugin-default" | awk '$1 == "dep" { print $2, $3 }' | sort >"$work/plugin.deps"
go version -m "$work/bare-default" | awk '$1 == "dep" { print $2, $3 }' | sort >"$work/bare.deps"
if ! join "$work/plugin.deps" "$work/bare.deps" | awk '$2 != $3 { print; bad = 1 } END { exit bad }'; then
  echo "the bare provider links other versions than the plugin (above): align tests/bench/bare/go.mod" >&2
  exit 1
fi

# 5: import path -> module path of every package of either program.
{
  (cd "$plugin_dir" && go list -deps -f '{{.ImportPath}} {{with .Module}}{{.Path}}{{else}}std{{end}}' "$plugin_pkg")
  (cd "$bare_dir" && go list -deps -f '{{.ImportPath}} {{with .Module}}{{.Path}}{{else}}std{{end}}' "$bare_pkg")
} | sort -u >"$work/modules.txt"
go tool nm -size "$work/plugin-default" >"$work/plugin.nm"
go tool nm -size "$work/bare-default" >"$work/bare.nm"

python3 "$root/tests/bench/build_report.py" "$work"
