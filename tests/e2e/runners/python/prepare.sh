#!/usr/bin/env bash
# Prepares a temporary copy of a Python project for runner.py, the way a user would: a virtualenv
# in <projectDir>/venv (the name Pulumi.yaml gives), the local SDK wheel (not on PyPI yet), then
# requirements.txt from the registry. The wheel goes first so pip keeps it for pulumi_secureml.
# Usage: prepare.sh <projectDir> <sdkWheel>
set -euo pipefail
project=$1
wheel=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
here=$(cd "$(dirname "$0")" && pwd)
cd "$project"

# shellcheck source=../quiet.sh
source "$here/../quiet.sh"

pip=(venv/bin/python -m pip --disable-pip-version-check --quiet)
[ -x venv/bin/python ] || run python3 -m venv venv
run "${pip[@]}" install "$wheel"
run "${pip[@]}" install -r requirements.txt
