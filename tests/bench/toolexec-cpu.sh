#!/usr/bin/env bash
# A `go build -toolexec` wrapper for `make bench-build`: runs one tool invocation (compile, asm, link,
# ...) and appends "<tool> <package> <user s> <system s>" to $BENCH_TOOL_LOG. The package is the
# compile's -p flag; the go command's own `-V=full` queries are not logged.
tool=$1
shift
pkg=-
prev=
for arg in "$@"; do
  [ "$prev" = "-p" ] && pkg=$arg
  prev=$arg
  [ "$arg" = "-V=full" ] && exec "$tool" "$@"
done
exec /usr/bin/time -f "${tool##*/} $pkg %U %S" -a -o "${BENCH_TOOL_LOG:?}" "$tool" "$@"
