#!/usr/bin/env bash
# Prepares a temporary copy of a Go project for the runner: the local SDK module replaces the
# published one, runner.go takes the place of main.go, and the runner binary is built.
# Usage: prepare.sh <projectDir> <sdkModuleDir>
set -euo pipefail
project=$1
sdk=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
cd "$project"
rm -f main.go
cp "$here/runner.go" runner.go
go mod edit -replace "github.com/secureml/pulumi-secureml/sdk=$sdk"
# shellcheck source=../quiet.sh
source "$here/../quiet.sh"
run go mod tidy
run go build -tags securemlrunner -o runner .
