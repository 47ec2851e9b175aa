#!/usr/bin/env bash
# Offline demo: runs the YAML example through the real Pulumi engine against the offline Azure
# stand-in (a test double). Nothing is deployed to Azure. Run it with `make demo`.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
: "${SECUREML_TOOLS_DIR:?run this through make demo}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export PATH="$SECUREML_TOOLS_DIR:$(dirname "$SECUREML_PROVIDER"):$(dirname "$SECUREML_STANDIN"):$PATH"
export PULUMI_HOME="$work/home" PULUMI_BACKEND_URL="file://$work/state" PULUMI_CONFIG_PASSPHRASE=demo
export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
mkdir -p "$work/state"
cp -r "$root/examples/yaml" "$work/project"
cp "$work/project/Pulumi.example.yaml" "$work/project/Pulumi.demo.yaml"
cd "$work/project"

banner() { printf '\n==== %s ====\n' "$1"; }
quiet() { grep -v 'from \$PATH' || true; }

banner "OFFLINE DEMO: the Azure provider is replaced by a local test double; no Azure resources are created"
pulumi stack init demo --non-interactive >/dev/null
banner "pulumi up (YAML program, real Pulumi engine, offline stand-in for Azure)"
pulumi up --yes --skip-preview 2>&1 | quiet | grep -v ' creating (' 
banner "Resource tree"
pulumi stack 2>&1 | quiet
banner "Outputs"
pulumi stack output --json
banner "pulumi destroy"
pulumi destroy --yes --skip-preview 2>&1 | quiet | grep -E '^Resources:|deleted$|^ +- [0-9]+ deleted' 
banner "Done. Everything above ran against the offline stand-in: no Azure resources were created or deleted"
