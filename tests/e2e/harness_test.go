//go:build e2e || azure

// Package e2e runs SecureMLNetwork end to end: the built Pulumi CLI, a local file backend, our provider
// binary and the offline Azure stand-in (a test double; nothing reaches Azure). `make test-e2e` builds
// the binaries and sets the variables read here.
package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// standinTimeScale makes a simulated Azure minute last 0.12 s: a private endpoint 0.12 s, a subnet 30 ms.
const standinTimeScale = "0.002"

const (
	subscription = "/subscriptions/00000000-0000-0000-0000-000000000000"
	serviceGroup = subscription + "/resourceGroups/rg-ml/providers/"
)

// serviceConfig is the stack configuration every example reads: existing services by ID.
var serviceConfig = map[string]string{
	"resourceGroupName":   "rg-ml-network",
	"location":            "eastus",
	"environment":         "dev",
	"workspaceId":         serviceGroup + "Microsoft.MachineLearningServices/workspaces/mlw-e2e",
	"storageAccountId":    serviceGroup + "Microsoft.Storage/storageAccounts/stmle2e",
	"keyVaultId":          serviceGroup + "Microsoft.KeyVault/vaults/kv-ml-e2e",
	"containerRegistryId": serviceGroup + "Microsoft.ContainerRegistry/registries/crmle2e",
}

func TestMain(m *testing.M) {
	for _, v := range []string{"SECUREML_TOOLS_DIR", "SECUREML_PROVIDER"} {
		if os.Getenv(v) == "" {
			fmt.Fprintf(os.Stderr, "e2e: %s is not set; run the end-to-end tests with `make test-e2e`\n", v)
			os.Exit(2)
		}
	}
	// The Automation API finds the CLI on PATH; the engine finds our provider there, and the offline
	// stand-in for azure-native when SECUREML_STANDIN is set (always, except for the real-Azure tests).
	path := []string{os.Getenv("SECUREML_TOOLS_DIR"), filepath.Dir(os.Getenv("SECUREML_PROVIDER"))}
	if standin := os.Getenv("SECUREML_STANDIN"); standin != "" {
		path = append(path, filepath.Dir(standin))
	}
	os.Setenv("PATH", strings.Join(append(path, os.Getenv("PATH")), string(os.PathListSeparator)))
	code := m.Run()
	exitMu.Lock()
	for i := len(exitFuncs) - 1; i >= 0; i-- {
		exitFuncs[i]()
	}
	exitMu.Unlock()
	os.Exit(code)
}

var (
	exitMu    sync.Mutex
	exitFuncs []func()
)

// atExit runs f when every test has finished, for what the tests of a run share (the package
// registries).
func atExit(f func()) {
	exitMu.Lock()
	defer exitMu.Unlock()
	exitFuncs = append(exitFuncs, f)
}

// hermeticEnv gives each stack its own Pulumi home, file backend, stand-in call log and pretend Azure
// (the stand-in's state directory). The stand-in sleeps a little per operation (standinTimeScale), so
// writes the engine runs at once overlap and meet the conflicts Azure has for them.
type hermeticEnv struct {
	dir     string
	callLog string
	vars    map[string]string
}

func newHermeticEnv(t *testing.T) hermeticEnv {
	t.Helper()
	dir := t.TempDir()
	state := filepath.Join(dir, "state")
	require.NoError(t, os.MkdirAll(state, 0o755))
	e := hermeticEnv{dir: dir, callLog: filepath.Join(dir, "standin-calls.jsonl")}
	e.vars = map[string]string{
		"PULUMI_HOME":                                 filepath.Join(dir, "home"),
		"PULUMI_BACKEND_URL":                          "file://" + state,
		"PULUMI_CONFIG_PASSPHRASE":                    "e2e-not-secret",
		"PULUMI_SKIP_UPDATE_CHECK":                    "true",
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
		"SECUREML_STANDIN_LOG":                        e.callLog,
		"SECUREML_STANDIN_STATE":                      filepath.Join(dir, "azure"),
		"SECUREML_STANDIN_TIME_SCALE":                 standinTimeScale,
	}
	return e
}

// expectedURNs reads the golden child list of the component tests and renames its stack and project,
// so the end-to-end run must produce exactly the children the unit tests pin.
func expectedURNs(t *testing.T, golden, stack, project string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "components", "securemlnetwork", "testdata", "golden", golden))
	require.NoError(t, err)
	defer f.Close()
	var urns []string
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		urn := strings.Fields(scanner.Text())[0]
		urns = append(urns, strings.Replace(urn, "urn:pulumi:stack::project::", "urn:pulumi:"+stack+"::"+project+"::", 1))
	}
	require.NoError(t, scanner.Err())
	urns = append(urns, "urn:pulumi:"+stack+"::"+project+"::secureml:index:SecureMLNetwork::ml")
	sort.Strings(urns)
	return urns
}

// deployedURNs lists the URNs in the stack's state, leaving out the stack itself and providers.
func deployedURNs(t *testing.T, _ context.Context, stack auto.Stack) []string {
	t.Helper()
	return childURNs(exportResources(t, stack))
}

// childURNs lists the URNs of resources, sorted, leaving out the stack itself and providers.
func childURNs(resources []apitype.ResourceV3) []string {
	var urns []string
	for _, r := range resources {
		typ := string(r.Type)
		if typ == "pulumi:pulumi:Stack" || strings.HasPrefix(typ, "pulumi:providers:") {
			continue
		}
		urns = append(urns, string(r.URN))
	}
	sort.Strings(urns)
	return urns
}

// exportResources returns the resources in the stack's state.
func exportResources(t *testing.T, stack auto.Stack) []apitype.ResourceV3 {
	t.Helper()
	deployment, err := stack.Export(t.Context())
	require.NoError(t, err)
	var state apitype.DeploymentV3
	require.NoError(t, json.Unmarshal(deployment.Deployment, &state))
	return state.Resources
}

// checkOutputs asserts that every output is filled the way Azure would fill it.
func checkOutputs(t *testing.T, outputs map[string]any) {
	t.Helper()
	str := func(key string) string { v, _ := outputs[key].(string); return v }
	mapOf := func(key string) map[string]any { v, _ := outputs[key].(map[string]any); return v }

	assert.Equal(t, subscription+"/resourceGroups/rg-ml-network/providers/Microsoft.Network/virtualNetworks/vnet-ml", str("virtualNetworkId"))
	assert.Equal(t, "vnet-ml", str("virtualNetworkName"))
	assert.Len(t, mapOf("subnetIds"), 3)
	assert.Equal(t, map[string]any{"training": "10.0.0.0/24", "scoring": "10.0.1.0/24", "privateEndpoints": "10.0.2.0/24"},
		mapOf("subnetAddressPrefixes"))
	assert.Len(t, mapOf("networkSecurityGroupIds"), 3)
	assert.Empty(t, mapOf("routeTableIds"))
	zones := mapOf("privateDnsZoneIds")
	assert.Len(t, zones, 6)
	assert.Contains(t, zones["privatelink.vaultcore.azure.net"], "/privateDnsZones/privatelink.vaultcore.azure.net")

	endpoints := mapOf("privateEndpoints")
	addresses := map[string]int{"workspace": 3, "storageBlob": 1, "storageFile": 1, "keyVault": 1, "containerRegistry": 2}
	require.Len(t, endpoints, len(addresses))
	for key, want := range addresses {
		e, _ := endpoints[key].(map[string]any)
		require.NotNil(t, e, key)
		ips, _ := e["privateIpAddresses"].([]any)
		assert.Len(t, ips, want, key)
		for _, ip := range ips {
			assert.True(t, strings.HasPrefix(ip.(string), "10.0.2."), "%s address %v must be in the endpoint subnet", key, ip)
		}
		assert.Len(t, e["fqdns"], want, key)
		assert.Contains(t, e["id"], "/providers/Microsoft.Network/privateEndpoints/pe-ml-", key)
	}
}

// countCalls counts the stand-in's create and delete calls in its call log.
func countCalls(t *testing.T, path string) (created, deleted int) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var call struct{ Op string }
		require.NoError(t, json.Unmarshal([]byte(line), &call))
		switch call.Op {
		case "create":
			created++
		case "delete":
			deleted++
		}
	}
	return created, deleted
}

func setConfig(t *testing.T, stack auto.Stack, values map[string]string) {
	t.Helper()
	config := auto.ConfigMap{}
	for k, v := range values {
		config[k] = auto.ConfigValue{Value: v}
	}
	require.NoError(t, stack.SetAllConfig(t.Context(), config))
}

// yamlStack copies the YAML example into a temp dir and opens a stack on it; the program runs in
// pulumi-language-yaml, found on PATH next to the CLI.
func yamlStack(t *testing.T, env hermeticEnv, name string) auto.Stack {
	t.Helper()
	project := filepath.Join(env.dir, "project")
	require.NoError(t, os.CopyFS(project, os.DirFS(filepath.Join("..", "..", "examples", "yaml"))))
	return yamlStackIn(t, env, project, name)
}

// yamlStackIn opens a stack on the YAML project in dir.
func yamlStackIn(t *testing.T, env hermeticEnv, dir, name string) auto.Stack {
	t.Helper()
	stack, err := auto.UpsertStackLocalSource(t.Context(), name, dir, auto.EnvVars(env.vars))
	require.NoError(t, err)
	return stack
}

// pathWithoutProvider is PATH without the folder of the plugin `make provider` builds, for tests in
// which the engine must find the secureml plugin some other way.
func pathWithoutProvider() []string {
	providerDir := filepath.Dir(os.Getenv("SECUREML_PROVIDER"))
	var path []string
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if dir != providerDir {
			path = append(path, dir)
		}
	}
	return path
}
