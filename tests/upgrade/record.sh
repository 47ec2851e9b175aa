#!/usr/bin/env bash
# Records upgrade fixtures: the state that a released version of SecureMLNetwork writes for each golden
# configuration in tests/upgrade/programs. It builds the provider and the offline Azure stand-in (a test
# double; nothing is deployed) from the given git ref in a temporary worktree, runs `pulumi up` of each
# program against them, and writes `pulumi stack export` to tests/upgrade/fixtures/<version>/<config>.json.
#
#   make upgrade-fixtures REF=<git-ref> FIXTURE_VERSION=<version>   (e.g. REF=e0c1790 FIXTURE_VERSION=0.1.0)
#
# PROGRAMS="<configuration> ..." records only those configurations, for a release that adds its own.
#
# Fixtures are committed and change only when a release adds its own; see tests/upgrade/README.md.
set -euo pipefail

ref=${1:?usage: record.sh <git-ref> <version>}
version=${2:?usage: record.sh <git-ref> <version>}
root=$(cd "$(dirname "$0")/../.." && pwd)
pulumi=${SECUREML_PULUMI:?set SECUREML_PULUMI (make upgrade-fixtures sets it)}
tools=$(dirname "$pulumi")

work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach "$work/src" "$ref" >/dev/null
mkdir -p "$work/bin/standin"
(cd "$work/src" && go build -o "$work/bin/pulumi-resource-secureml" \
	-ldflags "-X github.com/secureml/pulumi-secureml/provider.Version=$version" ./provider/cmd/pulumi-resource-secureml)
(cd "$work/src" && go build -o "$work/bin/standin/pulumi-resource-azure-native" ./tests/azurestandin/cmd/pulumi-resource-azure-native)

out="$root/tests/upgrade/fixtures/$version"
mkdir -p "$out"
for program in "$root"/tests/upgrade/programs/*/; do
	config=$(basename "$program")
	if [ -n "${PROGRAMS:-}" ] && [[ " $PROGRAMS " != *" $config "* ]]; then
		continue
	fi
	run="$work/run-$config"
	mkdir -p "$run/state"
	cp -r "$program" "$run/project"
	(
		cd "$run/project"
		export PATH="$tools:$work/bin:$work/bin/standin:$PATH"
		export PULUMI_HOME="$run/home" PULUMI_BACKEND_URL="file://$run/state" PULUMI_CONFIG_PASSPHRASE=upgrade-fixture
		export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true SECUREML_STANDIN_STATE="$run/azure"
		"$pulumi" stack init upgrade >/dev/null
		"$pulumi" up --yes --skip-preview >"$run/up.log" 2>&1 || { cat "$run/up.log" >&2; exit 1; }
		"$pulumi" stack export --file "$run/export.json"
	)
	# Source positions and stack traces name paths of the recording machine; the engine does not need them.
	python3 - "$run/export.json" "$out/$config.json" <<'PY'
import json, sys
state = json.load(open(sys.argv[1]))
for r in state["deployment"]["resources"]:
    r.pop("sourcePosition", None)
    r.pop("stackTrace", None)
json.dump(state, open(sys.argv[2], "w"), indent=2, sort_keys=True)
open(sys.argv[2], "a").write("\n")
PY
	echo "recorded $out/$config.json"
done
