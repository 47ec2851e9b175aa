//go:build e2e

package e2e

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The greenfield SecureMLWorkspace examples (examples/workspace-yaml, examples/workspace-nodejs) and
// stack templates (examples/templates/workspace-*), run the way their READMEs tell users, like
// TestExamples and TestTemplates run the SecureMLNetwork ones. There is no golden child list for the
// workspace: the runs must create the same children as each other, among them the component, its six
// services and its SecureMLNetwork child.

// workspaceExampleConfig is the stack config of the workspace examples. protectData is false so the
// lifecycle's `pulumi destroy` can remove the storage account, Key Vault and workspace.
var workspaceExampleConfig = map[string]string{
	"resourceGroupName": "rg-ml",
	"location":          "eastus",
	"environment":       "dev",
	"protectData":       "false",
}

// workspaceServiceTypes are the six services SecureMLWorkspace creates as its direct children.
var workspaceServiceTypes = []string{
	"azure-native:storage:StorageAccount",
	"azure-native:keyvault:Vault",
	"azure-native:containerregistry:Registry",
	"azure-native:operationalinsights:Workspace",
	"azure-native:insights:Component",
	"azure-native:machinelearningservices/v20241001:Workspace",
}

// workspaceOutputs are the component's outputs, which every example and template exports.
var workspaceOutputs = []string{
	"workspaceId", "workspaceName", "workspacePrincipalId", "discoveryUrl", "isolationMode",
	"storageAccountId", "storageAccountName", "keyVaultId", "keyVaultName", "keyVaultUri",
	"containerRegistryId", "containerRegistryName", "containerRegistryLoginServer",
	"logAnalyticsWorkspaceId", "applicationInsightsId", "applicationInsightsConnectionString",
	"virtualNetworkId", "subnetIds", "privateDnsZoneIds", "privateEndpoints",
}

// TestWorkspaceExamples runs the workspace example in YAML and TypeScript, each in a copy of its folder
// as its README says (npm install from the local registry for TypeScript, `pulumi stack init`, config),
// through the lifecycle with protectData false. Both must create the same children and the same
// outputs (names and the GUIDs derived from them aside: they hash the project name).
func TestWorkspaceExamples(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	results := map[string]lifecycleResult{}
	examples := map[string]struct{ folder, project string }{
		"yaml":   {"workspace-yaml", "secureml-workspace-yaml"},
		"nodejs": {"workspace-nodejs", "secureml-workspace-nodejs"},
	}
	t.Run("languages", func(t *testing.T) {
		for language, example := range examples {
			t.Run(language, func(t *testing.T) {
				t.Parallel()
				start := time.Now()
				env := newHermeticEnv(t)
				d := folderProject(t, env, language, exampleDir(example.folder), "e2e", workspaceExampleConfig)
				prepared := time.Since(start)
				res := workspaceLifecycle(t, d, env, example.project, workspaceExampleConfig["resourceGroupName"])
				t.Logf("e2e: example %s in folder mode: install and stack setup %s, lifecycle %s, total %s", example.folder,
					prepared.Round(time.Millisecond), res.duration.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
				mu.Lock()
				results[language] = res
				mu.Unlock()
			})
		}
	})
	require.Len(t, results, len(examples), "every example must finish its lifecycle")
	for language, res := range results {
		assert.Equal(t, results["yaml"].urns, res.urns, "%s must create the same children as YAML", language)
		assert.Equal(t, results["yaml"].outputs, res.outputs, "%s must produce the same outputs as YAML", language)
	}
}

// TestWorkspaceTemplates instantiates every workspace stack template with `pulumi new`, including its
// install step, answering its prompts with their defaults and protectData false, and runs the result
// through the lifecycle in the new project's folder. All four must create the same children and the
// same outputs.
func TestWorkspaceTemplates(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	results := map[string]lifecycleResult{}
	templates := map[string]string{
		"workspace-yaml": "yaml", "workspace-go": "go", "workspace-typescript": "nodejs", "workspace-python": "python",
	}
	t.Run("templates", func(t *testing.T) {
		for name, language := range templates {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				start := time.Now()
				source, err := filepath.Abs(filepath.Join("..", "..", "examples", "templates", name))
				require.NoError(t, err)
				config := workspaceTemplateConfig(t, source)

				env := newHermeticEnv(t)
				d, project := newFromTemplate(t, env, name, language, source, config)
				prepared := time.Since(start)
				res := workspaceLifecycle(t, d, env, project, config["resourceGroupName"])
				t.Logf("e2e: template %s in folder mode: pulumi new and install %s, lifecycle %s, total %s", name,
					prepared.Round(time.Millisecond), res.duration.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
				mu.Lock()
				results[name] = res
				mu.Unlock()
			})
		}
	})
	require.Len(t, results, len(templates), "every template must finish its lifecycle")
	for name, res := range results {
		assert.Equal(t, results["workspace-yaml"].urns, res.urns, "%s must create the same children as workspace-yaml", name)
		assert.Equal(t, results["workspace-yaml"].outputs, res.outputs, "%s must produce the same outputs as workspace-yaml", name)
	}
}

// TestPolicyWorkspaceExamples previews each workspace example in its folder with the security policy
// pack, as TestPolicyExamples does the others: no violation, mandatory or advisory. Its config keeps
// protectData at its default, true, as a user's first preview does.
func TestPolicyWorkspaceExamples(t *testing.T) {
	t.Parallel()
	pack := policyPack(t)
	examples := map[string]string{"workspace-yaml": "yaml", "workspace-nodejs": "nodejs"}
	for folder, language := range examples {
		t.Run(folder, func(t *testing.T) {
			t.Parallel()
			config := map[string]string{}
			for k, v := range workspaceExampleConfig {
				if k != "protectData" {
					config[k] = v
				}
			}
			env := newHermeticEnv(t)
			d := folderProject(t, env, language, exampleDir(folder), "e2e", config)
			report, out, err := previewWithPack(t, d, pack)
			assertClean(t, report, out, err, nil)
			assertWorkspaceAnalyzed(t, report)
		})
	}
}

// TestPolicyWorkspaceTemplates instantiates each workspace template with `pulumi new --generate-only`,
// installs and configures it with its prompts' defaults as a user does, and previews it with the pack,
// as TestPolicyTemplates does the others: no violation.
func TestPolicyWorkspaceTemplates(t *testing.T) {
	t.Parallel()
	pack := policyPack(t)
	templates := map[string]string{
		"workspace-yaml": "yaml", "workspace-go": "go", "workspace-typescript": "nodejs", "workspace-python": "python",
	}
	for name, language := range templates {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			source, err := filepath.Abs(filepath.Join("..", "..", "examples", "templates", name))
			require.NoError(t, err)
			config := map[string]string{}
			for key, prompt := range templateConfig(t, source) {
				config[key] = toString(prompt.Default)
			}
			env := newHermeticEnv(t)
			project := "secureml-" + name + "-template"
			generated := filepath.Join(env.dir, "generated")
			run(t, env, env.dir, "pulumi", "new", source, "--generate-only", "--yes", "--dir", generated,
				"--name", project, "--description", "policy check")
			d := folderProject(t, env, language, generated, "e2e", config)
			report, out, err := previewWithPack(t, d, pack)
			assertClean(t, report, out, err, nil)
			assertWorkspaceAnalyzed(t, report)
		})
	}
}

// workspaceTemplateConfig reads a workspace template's prompts, checks that each has a description
// and a default, and returns the defaults with protectData false.
func workspaceTemplateConfig(t *testing.T, source string) map[string]string {
	t.Helper()
	prompts, config := templateDefaults(t, source)
	for _, key := range []string{"resourceGroupName", "location", "environment", "protectData"} {
		require.Contains(t, prompts, key, "the template must prompt for %s", key)
	}
	assert.Equal(t, "true", config["protectData"], "protectData defaults to true, as the component's input does")
	config["protectData"] = "false"
	return config
}

// assertWorkspaceAnalyzed asserts that the pack analyzed the six services of the preview.
func assertWorkspaceAnalyzed(t *testing.T, report *policyReport) {
	t.Helper()
	for _, typ := range workspaceServiceTypes {
		found := false
		for urn, previewed := range report.previewed {
			if previewed == typ {
				found = true
				assert.True(t, report.analyzed[urn], "the pack did not analyze %s", urn)
			}
		}
		assert.True(t, found, "the preview registered no %s", typ)
	}
}

// workspaceLifecycle runs the checks lifecycle runs, without a golden child list: up creates the
// children the first preview announced, with filled outputs (the connection string a secret); a
// second up changes nothing; a tag-only change previews as updates only; destroy, with protectData
// false, leaves nothing. The children must include the component, its six services and its
// SecureMLNetwork child. Outputs are returned with the name suffix and GUIDs replaced, so projects of
// different names compare.
func workspaceLifecycle(t *testing.T, d cliDriver, env hermeticEnv, project, resourceGroup string) lifecycleResult {
	start := time.Now()
	step := func(name string) { t.Logf("e2e: %s done after %s", name, time.Since(start).Round(time.Millisecond)) }

	previewed, err := d.preview(t)
	require.NoError(t, err, "first preview")
	assert.Positive(t, previewed["create"], "the first preview creates the stack and every child")
	step("first preview")

	changes, outputs, err := d.up(t)
	require.NoError(t, err, "first up")
	resources := d.resources(t)
	deployed := childURNs(resources)
	assert.Equal(t, map[string]int{"create": len(deployed) + 1}, changes, "up creates the stack and every child")
	assert.Equal(t, len(deployed)+1, previewed["create"], "the first preview announced every child up created")
	urns := normalizeURNs(deployed)
	checkWorkspaceChildren(t, urns)
	azure := 0
	for _, r := range resources {
		if strings.HasPrefix(string(r.Type), "azure-native:") {
			azure++
			assert.False(t, r.Protect, "with protectData false nothing is protected: %s", r.URN)
		}
	}
	suffix := workspaceNameSuffix(project, "e2e", "ml")
	checkWorkspaceOutputs(t, outputs, suffix, resourceGroup)
	plain, err := d.pulumi(t, "stack", "output", "--json")
	require.NoError(t, err)
	shown := map[string]any{}
	require.NoError(t, json.Unmarshal([]byte(plain), &shown))
	assert.Equal(t, "[secret]", shown["applicationInsightsConnectionString"], "the connection string is a secret output")
	step("first up")

	changes, _, err = d.up(t)
	require.NoError(t, err, "second up")
	assert.Equal(t, map[string]int{"same": len(deployed) + 1}, changes, "a second up must change nothing")
	step("second up")

	d.setConfig(t, map[string]string{"environment": "prod"}, false)
	changes, err = d.preview(t)
	require.NoError(t, err, "preview after a tag change")
	assert.Positive(t, changes["update"], "a tag change updates children")
	for _, op := range []string{"replace", "create-replacement", "delete-replaced", "create", "delete"} {
		assert.Zero(t, changes[op], "a tag change must not %s anything", op)
	}
	step("tag preview")

	require.NoError(t, d.destroy(t), "destroy with protectData false")
	assert.Empty(t, childURNs(d.resources(t)), "destroy must leave nothing")
	created, deleted := countCalls(t, env.callLog)
	assert.Equal(t, azure, created, "the stand-in saw one create per Azure child")
	assert.Equal(t, created, deleted, "every created Azure child was deleted")
	step("destroy")
	t.Logf("e2e: %s created %d children, %d of them Azure resources", project, len(deployed), azure)

	return lifecycleResult{urns: urns, outputs: normalizeWorkspaceOutputs(t, outputs, suffix), duration: time.Since(start)}
}

// workspaceNameSuffix is the six-character suffix of the component's derived Azure names: hashed from
// the project, stack and component names (components/securemlworkspace/names.go, a public contract).
func workspaceNameSuffix(project, stack, component string) string {
	sum := sha256.Sum256([]byte(project + "/" + stack + "/" + component))
	return hex.EncodeToString(sum[:])[:6]
}

// workspaceChild splits a normalized URN into its type path and name.
func workspaceChild(urn string) (typePath, name string) {
	i := strings.LastIndex(urn, "::")
	return urn[:i], urn[i+2:]
}

// checkWorkspaceChildren asserts that the children hold the component, each of its six services once,
// directly under it, and its SecureMLNetwork child of the same name with the five private endpoints.
func checkWorkspaceChildren(t *testing.T, urns []string) {
	t.Helper()
	const component = "secureml:index:SecureMLWorkspace"
	assert.Contains(t, urns, component+"::ml", "the component")
	assert.Contains(t, urns, component+"$secureml:index:SecureMLNetwork::ml", "the SecureMLNetwork child, named like the component")
	services := map[string]int{}
	endpoints := 0
	for _, urn := range urns {
		typePath, _ := workspaceChild(urn)
		if rest, ok := strings.CutPrefix(typePath, component+"$"); ok && !strings.Contains(rest, "$") {
			services[rest]++
		}
		if strings.HasSuffix(typePath, "secureml:index:SecureMLNetwork$azure-native:network:PrivateEndpoint") {
			endpoints++
		}
	}
	for _, typ := range workspaceServiceTypes {
		assert.Equal(t, 1, services[typ], "one %s directly under the component", typ)
	}
	assert.Equal(t, 5, endpoints, "private endpoints: workspace, blob, file, Key Vault, registry")
}

// checkWorkspaceOutputs asserts that every output is filled the way Azure fills it, with the names the
// component derives.
func checkWorkspaceOutputs(t *testing.T, outputs map[string]any, suffix, resourceGroup string) {
	t.Helper()
	for _, key := range workspaceOutputs {
		assert.NotEmpty(t, outputs[key], "output %s", key)
	}
	assert.Len(t, outputs, len(workspaceOutputs), "every output of the component, nothing else")
	str := func(key string) string { v, _ := outputs[key].(string); return v }
	mapOf := func(key string) map[string]any { v, _ := outputs[key].(map[string]any); return v }
	group := subscription + "/resourceGroups/" + resourceGroup + "/providers/"
	armID := func(key, want string) {
		t.Helper()
		assert.True(t, strings.EqualFold(want, str(key)), "%s: want %s, got %s", key, want, str(key))
	}

	assert.Equal(t, "mlw-ml-"+suffix, str("workspaceName"))
	assert.Equal(t, "stml"+suffix, str("storageAccountName"))
	assert.Equal(t, "kv-ml-"+suffix, str("keyVaultName"))
	assert.Equal(t, "crml"+suffix, str("containerRegistryName"))
	armID("workspaceId", group+"Microsoft.MachineLearningServices/workspaces/mlw-ml-"+suffix)
	armID("storageAccountId", group+"Microsoft.Storage/storageAccounts/stml"+suffix)
	armID("keyVaultId", group+"Microsoft.KeyVault/vaults/kv-ml-"+suffix)
	armID("containerRegistryId", group+"Microsoft.ContainerRegistry/registries/crml"+suffix)
	armID("logAnalyticsWorkspaceId", group+"Microsoft.OperationalInsights/workspaces/log-ml-"+suffix)
	armID("applicationInsightsId", group+"Microsoft.Insights/components/appi-ml-"+suffix)
	armID("virtualNetworkId", group+"Microsoft.Network/virtualNetworks/vnet-ml")
	assert.Equal(t, "https://kv-ml-"+suffix+".vault.azure.net/", str("keyVaultUri"))
	assert.Equal(t, "crml"+suffix+".azurecr.io", str("containerRegistryLoginServer"))
	assert.Equal(t, "Disabled", str("isolationMode"), "the default managed network mode")
	assert.True(t, strings.HasPrefix(str("discoveryUrl"), "https://eastus."), "discoveryUrl %s", str("discoveryUrl"))
	assert.Regexp(t, "^"+guidPattern.String()+"$", str("workspacePrincipalId"))
	assert.Contains(t, str("applicationInsightsConnectionString"), "InstrumentationKey=")

	assert.Len(t, mapOf("subnetIds"), 3, "training, scoring and private endpoint subnets")
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
		assert.Contains(t, e["id"], "/providers/Microsoft.Network/privateEndpoints/pe-ml-", key)
	}
}

var (
	guidPattern     = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	endpointAddress = regexp.MustCompile(`"10\.0\.2\.[0-9]{1,3}"`)
)

// normalizeWorkspaceOutputs replaces what the stand-in derives from the Azure names, which hold the
// project's name suffix: GUIDs (from resource IDs) and the endpoints' private addresses (picked from a
// hash of the endpoint's name and FQDN; checkWorkspaceOutputs checks their count and subnet). Then it
// replaces the suffix, so the outputs of different projects compare.
func normalizeWorkspaceOutputs(t *testing.T, outputs map[string]any, suffix string) map[string]any {
	t.Helper()
	data, err := json.Marshal(outputs)
	require.NoError(t, err)
	text := guidPattern.ReplaceAllString(string(data), "<guid>")
	text = endpointAddress.ReplaceAllString(text, `"10.0.2.<address>"`)
	text = strings.ReplaceAll(text, suffix, "<suffix>")
	normalized := map[string]any{}
	require.NoError(t, json.Unmarshal([]byte(text), &normalized))
	return normalized
}
