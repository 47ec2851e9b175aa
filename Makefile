# Every developer and CI command goes through this file. `make help` lists the targets.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PULUMI_VERSION      := v3.274.1
PULUMI_YAML_VERSION := v1.25.0
VERSION             ?= 0.1.0

# The Pulumi CLI and YAML host are built from the Go module proxy (no release download) and cached
# outside the checkout, so clean clones and CI reuse them. Next to them go the Node.js, Python and Go
# language hosts, test tooling built from older releases of the Pulumi SDK module (see README).
TOOLS_DIR     ?= $(HOME)/.cache/secureml/tools/pulumi-$(PULUMI_VERSION)-yaml-$(PULUMI_YAML_VERSION)
PULUMI        := $(TOOLS_DIR)/pulumi
PULUMI_YAML   := $(TOOLS_DIR)/pulumi-language-yaml
PULUMI_NODEJS := $(TOOLS_DIR)/pulumi-language-nodejs
PULUMI_PYTHON := $(TOOLS_DIR)/pulumi-language-python
PULUMI_GO     := $(TOOLS_DIR)/pulumi-language-go

# Package registries the end-to-end tests start on the loopback address and publish the SDKs to, so
# projects install them as users will: verdaccio (npm) and pypiserver (pip), pinned in tools/.
VERDACCIO_VERSION  := $(shell sed -n 's/.*"verdaccio": *"\([^"]*\)".*/\1/p' tools/verdaccio/package.json)
PYPISERVER_VERSION := $(shell sed -n 's/^pypiserver==//p' tools/pypiserver/requirements.txt)
VERDACCIO_DIR      ?= $(HOME)/.cache/secureml/tools/verdaccio-$(VERDACCIO_VERSION)
PYPISERVER_DIR     ?= $(HOME)/.cache/secureml/tools/pypiserver-$(PYPISERVER_VERSION)
VERDACCIO          := $(VERDACCIO_DIR)/node_modules/.bin/verdaccio
PYPISERVER         := $(PYPISERVER_DIR)/bin/pypi-server

BIN        := $(CURDIR)/bin
DIST       := $(CURDIR)/dist
PYTHON     ?= python3
BUILD_VENV := $(BIN)/venv-build
PROVIDER   := $(BIN)/pulumi-resource-secureml
STANDIN    := $(BIN)/standin/pulumi-resource-azure-native
# Bounded by executions, not seconds: at a time limit the fuzzer can stop a worker mid-run and report
# "context deadline exceeded" as a failure; a count ends cleanly. About 30 s on 2 cores.
FUZZ_TIME  ?= 300000x
E2E_FLAGS  ?= -timeout 30m
BENCH_DEPLOY_FLAGS ?= -program tests/upgrade/programs/all-services-default -scale 0.2 -runs 3
# The hybrid configuration's bound is a 45-minute gateway chain, so it runs at a smaller scale.
BENCH_HYBRID_FLAGS ?= -program tests/bench/deploy/programs/hybrid -scale 0.02 -runs 3
BENCH_FIREWALL_FLAGS ?= -program tests/bench/deploy/programs/firewall -scale 0.2 -runs 3
BENCH_NAT_FLAGS ?= -program tests/bench/deploy/programs/nat -scale 0.2 -runs 3
BENCH_WORKSPACE_FLAGS ?= -program tests/bench/deploy/programs/workspace -scale 0.2 -runs 3

export SECUREML_PULUMI      := $(PULUMI)
export SECUREML_TOOLS_DIR   := $(TOOLS_DIR)
export SECUREML_PROVIDER    := $(PROVIDER)
export SECUREML_STANDIN     := $(STANDIN)
export SECUREML_SDK_DIR     := $(CURDIR)/sdk
export SECUREML_NPM_TARBALL := $(DIST)/secureml-pulumi-secureml-$(VERSION).tgz
export SECUREML_WHEEL       := $(DIST)/pulumi_secureml-$(VERSION)-py3-none-any.whl
export SECUREML_VERDACCIO   := $(VERDACCIO)
export SECUREML_PYPISERVER  := $(PYPISERVER)

.PHONY: help tools test-registries provider standin build schema docs sdks generate check-generated build-sdks build-sdk-go build-sdk-nodejs build-sdk-python test test-unit test-workflow test-fuzz test-e2e test-azure bench-cold-tools bench-sizes bench-packages bench-deploy upgrade-fixtures demo lint tidy clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

tools: $(PULUMI) $(PULUMI_YAML) $(PULUMI_NODEJS) $(PULUMI_PYTHON) $(PULUMI_GO) ## Build the pinned Pulumi CLI and the language hosts (cached)

$(PULUMI):
	@mkdir -p $(TOOLS_DIR)
	@echo "Building the Pulumi CLI $(PULUMI_VERSION) from the Go module proxy (about 8 minutes the first time)..."
	cd tools/pulumi-cli && go build -o $@.tmp \
		-ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$(PULUMI_VERSION)" \
		github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
	mv $@.tmp $@

$(PULUMI_YAML):
	@mkdir -p $(TOOLS_DIR)
	@echo "Building pulumi-language-yaml $(PULUMI_YAML_VERSION) from the Go module proxy..."
	cd tools/pulumi-language-yaml && go build -o $@.tmp github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml
	mv $@.tmp $@

# Test tooling: the Node.js, Python and Go hosts are no longer in a module the proxy serves, so they come
# from the last sdk/v3 releases that carried them (tools/pulumi-language-hosts, tools/pulumi-language-go).
# They run programs as users do (`pulumi up` in the project folder, `pulumi new` with its install step);
# users get current hosts with their Pulumi CLI.
$(PULUMI_NODEJS):
	@mkdir -p $(TOOLS_DIR)
	@echo "Building pulumi-language-nodejs (test tooling) from the Go module proxy..."
	cd tools/pulumi-language-hosts && go build -o $@.tmp github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs
	mv $@.tmp $@

# The Python host runs programs through the pulumi-language-python-exec script of the same release.
$(PULUMI_PYTHON):
	@mkdir -p $(TOOLS_DIR)
	@echo "Building pulumi-language-python (test tooling) from the Go module proxy..."
	cd tools/pulumi-language-hosts && go build -o $@.tmp github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python
	install -m 0755 "$$(cd tools/pulumi-language-hosts && go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3)/python/cmd/pulumi-language-python-exec" \
		$(TOOLS_DIR)/pulumi-language-python-exec
	mv $@.tmp $@

$(PULUMI_GO):
	@mkdir -p $(TOOLS_DIR)
	@echo "Building pulumi-language-go (test tooling) from the Go module proxy..."
	cd tools/pulumi-language-go && go build -o $@.tmp github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go
	mv $@.tmp $@

test-registries: $(VERDACCIO) $(PYPISERVER) ## Install verdaccio (npm) and pypiserver (pip) for the end-to-end tests (cached)

# Cached by version (the folder names hold it). verdaccio's package.json pins it and overrides one
# dependency (see the note in it).
$(VERDACCIO):
	rm -rf $(VERDACCIO_DIR).tmp && mkdir -p $(VERDACCIO_DIR).tmp
	cp tools/verdaccio/package.json $(VERDACCIO_DIR).tmp/
	cd $(VERDACCIO_DIR).tmp && npm install --no-audit --no-fund --loglevel=error
	rm -rf $(VERDACCIO_DIR) && mv $(VERDACCIO_DIR).tmp $(VERDACCIO_DIR)

$(PYPISERVER):
	rm -rf $(PYPISERVER_DIR)
	$(PYTHON) -m venv $(PYPISERVER_DIR)
	$(PYPISERVER_DIR)/bin/pip install --quiet --disable-pip-version-check -r tools/pypiserver/requirements.txt

# The release build's flags (RELEASE_*, below): the same bytes as this machine's archive in `make dist`,
# which then only relinks. No DWARF and no symbol table: build with plain `go build` to debug.
provider: ## Build the provider plugin into bin/
	CGO_ENABLED=0 go build $(RELEASE_GOFLAGS) -o $(PROVIDER) -ldflags "$(RELEASE_LDFLAGS)" \
		./provider/cmd/pulumi-resource-secureml

standin: ## Build the offline Azure stand-in (a test double) into bin/standin/
	go build -o $(STANDIN) ./tests/azurestandin/cmd/pulumi-resource-azure-native

build: provider standin

schema: ## Regenerate schema.json from the provider
	go run ./provider/cmd/pulumi-gen-secureml schema schema.json

docs: schema ## Regenerate the README's tables and the per-language API reference from the schema
	go run ./provider/cmd/pulumi-gen-secureml docs README.md
	go run ./provider/cmd/pulumi-gen-secureml reference docs/reference

sdks: schema ## Regenerate sdk/ (go, nodejs, python) from schema.json
	go run ./provider/cmd/pulumi-gen-secureml sdk go sdk/go $(VERSION)
	go run ./provider/cmd/pulumi-gen-secureml sdk nodejs sdk/nodejs $(VERSION)
	go run ./provider/cmd/pulumi-gen-secureml sdk python sdk/python $(VERSION)
	cd sdk && go mod tidy

build-sdks: build-sdk-go build-sdk-nodejs build-sdk-python ## Build each SDK as a user gets it (dist/)

build-sdk-go: ## Build and vet the Go SDK module
	cd sdk && go build ./... && go vet ./...

build-sdk-nodejs: ## npm install, TypeScript build and npm pack of the Node.js SDK into dist/
	cd sdk/nodejs && npm install --no-package-lock --no-audit --no-fund --loglevel=error && npm run build
	cp sdk/nodejs/package.json sdk/nodejs/README.md sdk/nodejs/bin/
	mkdir -p $(DIST) && rm -f $(DIST)/secureml-pulumi-secureml-*.tgz
	cd sdk/nodejs/bin && npm pack --silent --pack-destination $(DIST)

$(BUILD_VENV)/bin/python:
	$(PYTHON) -m venv $(BUILD_VENV)
	$(BUILD_VENV)/bin/pip install --quiet --disable-pip-version-check build

build-sdk-python: $(BUILD_VENV)/bin/python ## Build the Python SDK wheel into dist/
	mkdir -p $(DIST) && rm -f $(DIST)/pulumi_secureml-*.whl
	$(BUILD_VENV)/bin/python -m build --wheel --outdir $(DIST) sdk/python >/dev/null
	rm -rf sdk/python/build sdk/python/*.egg-info

generate: schema docs sdks ## Regenerate every generated file

check-generated: generate ## Fail when a generated file differs from what make produces
	@git add -N schema.json README.md docs/reference sdk
	@git diff --exit-code --stat -- schema.json README.md docs/reference sdk || \
		(echo "Generated files are stale: run 'make generate' and commit the result." && exit 1)

test: test-unit test-fuzz test-workflow test-e2e ## Run every test: unit, component, provider, fuzz, workflow lint, end to end

test-unit: ## Unit, component (mocks), provider (integration server) and schema drift tests
	go vet ./...
	go test -count=1 ./...

test-workflow: ## Lint the example GitHub Actions workflow with actionlint (its own Go module)
	cd tests/workflow && go vet ./... && go test -count=1 ./...

test-fuzz: ## Fuzz the address planner for FUZZ_TIME executions (seed corpus in testdata)
	go test -count=1 -run '^$$' -fuzz '^FuzzPlan$$' -fuzztime $(FUZZ_TIME) ./components/addressing

test-e2e: tools build build-sdks test-registries ## End to end through the built CLI against the offline Azure stand-in
	go test -count=1 -tags e2e $(E2E_FLAGS) ./tests/e2e/...

test-azure: tools provider ## Opt-in: run the YAML example against real Azure (needs ARM_* and SECUREML_AZURE_* variables)
	SECUREML_STANDIN= go test -count=1 -tags azure -timeout 90m -v -run TestYAMLExampleOnAzure ./tests/e2e/...

bench-cold-tools: ## Time the first tools build with empty Go caches
	./tests/bench/cold-tools.sh

bench-packages: ## Compile time and plugin bytes of each azure-native API-version package (cold build)
	./tests/bench/packages.sh

bench-sizes: build-sdks ## Sizes of the npm tarball, the wheel and a TypeScript consumer's node_modules
	./tests/bench/sizes.sh

upgrade-fixtures: tools ## Record upgrade fixtures of a release: make upgrade-fixtures REF=<git ref> FIXTURE_VERSION=<version> [PROGRAMS=...]
	SECUREML_PULUMI=$(PULUMI) PROGRAMS="$(PROGRAMS)" tests/upgrade/record.sh $(REF) $(FIXTURE_VERSION)

bench-deploy: tools build ## Time a simulated pulumi up (scaled stand-in create times) against a dependency-graph lower bound
	go run ./tests/bench/deploy $(BENCH_DEPLOY_FLAGS)
	go run ./tests/bench/deploy $(BENCH_HYBRID_FLAGS)
	go run ./tests/bench/deploy $(BENCH_FIREWALL_FLAGS)
	go run ./tests/bench/deploy $(BENCH_NAT_FLAGS)
	go run ./tests/bench/deploy $(BENCH_WORKSPACE_FLAGS)

demo: tools build ## Run the YAML example through the real engine against the offline stand-in
	./tests/demo.sh

lint: ## gofmt and go vet
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)
	go vet ./...

tidy:
	go mod tidy

clean:
	rm -rf $(BIN) $(DIST) sdk/nodejs/node_modules sdk/nodejs/bin

# Security policy pack (policy/, docs/policy-pack.md): `pulumi preview --policy-pack bin/secureml-policy`.
POLICY_PACK := $(BIN)/secureml-policy
export SECUREML_POLICY_PACK := $(POLICY_PACK)

.PHONY: policy policy-check

policy: ## Build the security policy pack into bin/secureml-policy (unit tests: go test ./policy/...)
	go build -o $(POLICY_PACK) -ldflags "-X github.com/secureml/pulumi-secureml/policy.Version=$(VERSION)" \
		./policy/cmd/secureml-policy

policy-check: tools build build-sdks test-registries policy ## Preview every example and template with the pack against the offline stand-in (0 violations), and the insecure fixtures
	go test -count=1 -tags e2e $(E2E_FLAGS) -run 'TestPolicy' ./tests/e2e/...

# The end-to-end tests include the policy checks, which need the pack.
test-e2e: policy

# Release archives of the plugin, named and laid out as the CLI downloads them from a GitHub release
# for the schema's pluginDownloadURL (github://api.github.com/secureml/pulumi-secureml): the asset
# pulumi-resource-secureml-v<version>-<os>-<arch>.tar.gz of the release tagged v<version>, holding the
# binary at its root; and pulumi-secureml_<version>_checksums.txt (sha256, goreleaser's name for
# Pulumi's providers). CGO off and -trimpath, so every platform builds here and the same source gives
# the same bytes; -s -w leaves out the symbol table and DWARF (README, "Build cost"). GNU tar.
DIST_PLUGIN       := $(DIST)/plugin
DIST_PLATFORMS    := linux-amd64 linux-arm64 darwin-amd64 darwin-arm64 windows-amd64 windows-arm64
HOST_PLATFORM     := $(shell go env GOOS)-$(shell go env GOARCH)
RELEASE_GOFLAGS   := -trimpath
RELEASE_LDFLAGS   := -s -w -X github.com/secureml/pulumi-secureml/provider.Version=$(VERSION)
PLUGIN_ARCHIVE     = $(DIST_PLUGIN)/pulumi-resource-secureml-v$(VERSION)-$(1).tar.gz
PLUGIN_CHECKSUMS  := $(DIST_PLUGIN)/pulumi-secureml_$(VERSION)_checksums.txt
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

# The end-to-end test of the archive (tests/e2e/release_archive_test.go) installs this machine's one.
export SECUREML_VERSION        := $(VERSION)
export SECUREML_PLUGIN_ARCHIVE := $(call PLUGIN_ARCHIVE,$(HOST_PLATFORM))

.PHONY: dist $(addprefix dist-,$(DIST_PLATFORMS)) bench-build

dist: $(addprefix dist-,$(DIST_PLATFORMS)) ## Release archives of the plugin for linux, darwin, windows on amd64, arm64 and their checksums (dist/plugin/)
	cd $(DIST_PLUGIN) && sha256sum $(foreach p,$(DIST_PLATFORMS),$(notdir $(call PLUGIN_ARCHIVE,$(p)))) \
		> $(notdir $(PLUGIN_CHECKSUMS))
	@cat $(PLUGIN_CHECKSUMS)

# make dist-<os>-<arch>: one archive (the end-to-end tests build this machine's).
$(addprefix dist-,$(DIST_PLATFORMS)): dist-%:
	rm -rf $(DIST_PLUGIN)/$* && mkdir -p $(DIST_PLUGIN)/$*
	CGO_ENABLED=0 GOOS=$(word 1,$(subst -, ,$*)) GOARCH=$(word 2,$(subst -, ,$*)) go build $(RELEASE_GOFLAGS) \
		-ldflags "$(RELEASE_LDFLAGS)" -o $(DIST_PLUGIN)/$*/pulumi-resource-secureml$(if $(filter windows-%,$*),.exe) \
		./provider/cmd/pulumi-resource-secureml
	cp README.md $(wildcard LICENSE) $(DIST_PLUGIN)/$*/
	cd $(DIST_PLUGIN)/$* && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@$(SOURCE_DATE_EPOCH) \
		-cf - * | gzip -9n > $(call PLUGIN_ARCHIVE,$*).tmp
	mv $(call PLUGIN_ARCHIVE,$*).tmp $(call PLUGIN_ARCHIVE,$*)
	rm -rf $(DIST_PLUGIN)/$*

# The end-to-end tests install this machine's archive.
test-e2e: dist-$(HOST_PLATFORM)

bench-build: ## Cold build time and size of the plugin next to a bare pulumi-go-provider provider, and what each dependency costs
	./tests/bench/build.sh
