# Sourced by the prepare scripts: `run CMD...` is quiet on success and, on failure, shows what the
# failing command printed and stops the script.
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
