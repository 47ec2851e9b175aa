# Every developer and CI command goes through this file. `make help` lists the targets.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PULUMI_VERSION      := v3.274.1
PULUMI_YAML_VERSION := v1.25.0
VERSION             ?= 0.1.0

# The Pulumi CLI and YAML host are built from the Go module proxy (no release download) and cached
# outside the checkout, so clean clones and CI reuse them.
TOOLS_DIR   ?= $(HOME)/.cache/secureml/tools/pulumi-$(PULUMI_VERSION)-yaml-$(PULUMI_YAML_VERSION)
PULUMI      := $(TOOLS_DIR)/pulumi
PULUMI_YAML := $(TOOLS_DIR)/pulumi-language-yaml

BIN        := $(CURDIR)/bin
DIST       := $(CURDIR)/dist
PYTHON     ?= python3
BUILD_VENV := $(BIN)/venv-build
PROVIDER   := $(BIN)/pulumi-resource-secureml
STANDIN    := $(BIN)/standin/pulumi-resource-azure-native
FUZZ_TIME  ?= 30s
E2E_FLAGS  ?= -timeout 30m
BENCH_DEPLOY_FLAGS ?= -program tests/upgrade/programs/all-services-default -scale 0.2 -runs 3
# The hybrid configuration's bound is a 45-minute gateway chain, so it runs at a smaller scale.
BENCH_HYBRID_FLAGS ?= -program tests/bench/deploy/programs/hybrid -scale 0.02 -runs 3

export SECUREML_PULUMI      := $(PULUMI)
export SECUREML_TOOLS_DIR   := $(TOOLS_DIR)
export SECUREML_PROVIDER    := $(PROVIDER)
export SECUREML_STANDIN     := $(STANDIN)
export SECUREML_SDK_DIR     := $(CURDIR)/sdk
export SECUREML_NPM_TARBALL := $(DIST)/secureml-pulumi-secureml-$(VERSION).tgz
export SECUREML_WHEEL       := $(DIST)/pulumi_secureml-$(VERSION)-py3-none-any.whl

.PHONY: help tools provider standin build schema docs sdks generate check-generated build-sdks build-sdk-go build-sdk-nodejs build-sdk-python test test-unit test-workflow test-fuzz test-e2e test-azure bench-cold-tools bench-sizes bench-packages bench-deploy upgrade-fixtures demo lint tidy clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

tools: $(PULUMI) $(PULUMI_YAML) ## Build the pinned Pulumi CLI and YAML language host (cached)

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

provider: ## Build the provider plugin into bin/
	go build -o $(PROVIDER) -ldflags "-X github.com/secureml/pulumi-secureml/provider.Version=$(VERSION)" \
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

test-fuzz: ## Fuzz the address planner for FUZZ_TIME (seed corpus in testdata)
	go test -count=1 -run '^$$' -fuzz '^FuzzPlan$$' -fuzztime $(FUZZ_TIME) ./components/addressing

test-e2e: tools build build-sdks ## End to end through the built CLI against the offline Azure stand-in
	go test -count=1 -tags e2e $(E2E_FLAGS) ./tests/e2e/...

test-azure: tools provider ## Opt-in: run the YAML example against real Azure (needs ARM_* and SECUREML_AZURE_* variables)
	SECUREML_STANDIN= go test -count=1 -tags azure -timeout 90m -v -run TestYAMLExampleOnAzure ./tests/e2e/...

bench-cold-tools: ## Time the first tools build with empty Go caches
	./tests/bench/cold-tools.sh

bench-packages: ## Compile time and plugin bytes of each azure-native API-version package (cold build)
	./tests/bench/packages.sh

bench-sizes: build-sdks ## Sizes of the npm tarball, the wheel and a TypeScript consumer's node_modules
	./tests/bench/sizes.sh

upgrade-fixtures: tools ## Record upgrade fixtures of a release: make upgrade-fixtures REF=<git ref> FIXTURE_VERSION=<version>
	SECUREML_PULUMI=$(PULUMI) tests/upgrade/record.sh $(REF) $(FIXTURE_VERSION)

bench-deploy: tools build ## Time a simulated pulumi up (scaled stand-in create times) against a dependency-graph lower bound
	go run ./tests/bench/deploy $(BENCH_DEPLOY_FLAGS)
	go run ./tests/bench/deploy $(BENCH_HYBRID_FLAGS)

demo: tools build ## Run the YAML example through the real engine against the offline stand-in
	./tests/demo.sh

lint: ## gofmt and go vet
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)
	go vet ./...

tidy:
	go mod tidy

clean:
	rm -rf $(BIN) $(DIST) sdk/nodejs/node_modules sdk/nodejs/bin
