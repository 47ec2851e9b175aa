package azurestandin

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/secureml/pulumi-secureml/components/azurecloud"
)

// Inputs of the SecureMLWorkspace services, in resource group rg-ml, the way the component writes them.

func storageIn(name string) map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "accountName": name, "location": "westeurope", "kind": "StorageV2",
		"sku": map[string]any{"name": "Standard_LRS"},
	}
}

func vaultIn(name string) map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "vaultName": name, "location": "westeurope",
		"properties": map[string]any{
			"tenantId": SubscriptionID, "sku": map[string]any{"family": "A", "name": "standard"},
			"enableSoftDelete": true, "enablePurgeProtection": true, "softDeleteRetentionInDays": 7.0,
			"enableRbacAuthorization": true, "publicNetworkAccess": "Disabled",
			"networkAcls": map[string]any{"defaultAction": "Deny", "bypass": "AzureServices"},
		},
	}
}

func registryIn(name, sku string) map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "registryName": name, "location": "westeurope",
		"sku": map[string]any{"name": sku},
	}
}

func logAnalyticsIn(name string) map[string]any {
	return map[string]any{"resourceGroupName": "rg-ml", "workspaceName": name, "location": "westeurope"}
}

func appInsightsIn(name, logAnalyticsID string) map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "resourceName": name, "location": "westeurope", "kind": "web",
		"applicationType": "web", "workspaceResourceId": logAnalyticsID, "ingestionMode": "LogAnalytics",
	}
}

// Token constants of the services, for the tests.
const (
	tokStorage  = tokenStorageAccount
	tokVault    = tokenVault
	tokRegistry = tokenRegistry
	tokLog      = tokenLogAnalytics
	tokAppi     = tokenAppInsights
	tokMLW      = tokenMLWorkspace
)

// inRG returns inputs moved to resource group rg.
func inRG(m map[string]any, rg string) map[string]any { return with(m, "resourceGroupName", rg) }

// Sources: resource-name-rules.md as summarized in deploy-times-and-security-checks.md §4; codes and
// messages as names.go cites them (AccountNameInvalid, VaultNameNotValid, ResourceNameInvalid,
// InvalidParameter; InvalidResourceName where Azure's was not found).
func TestServiceNamesOutsideTheirRulesAreRefused(t *testing.T) {
	t.Parallel()
	long := func(n int) string { return strings.Repeat("a", n) }
	tests := []requestCase{
		// Storage account: 3-24 lowercase letters and digits.
		{name: "storage account of 24 lowercase letters and digits", token: tokStorage, in: storageIn(long(22) + "01")},
		{name: "storage account of 2 characters", token: tokStorage, in: storageIn("st"),
			status: 400, code: "AccountNameInvalid", mentions: []string{"st is not a valid storage account name"}},
		{name: "storage account of 25 characters", token: tokStorage, in: storageIn(long(25)),
			status: 400, code: "AccountNameInvalid", mentions: []string{long(25), "between 3 and 24"}},
		{name: "storage account with an uppercase letter", token: tokStorage, in: storageIn("stMl"),
			status: 400, code: "AccountNameInvalid", mentions: []string{"stMl"}},
		{name: "storage account with a hyphen", token: tokStorage, in: storageIn("st-ml"),
			status: 400, code: "AccountNameInvalid", mentions: []string{"st-ml"}},
		// Key Vault: 3-24 alphanumerics and hyphens, letter first, letter or digit last, no "--".
		{name: "vault kv-ml-01", token: tokVault, in: vaultIn("kv-ml-01")},
		{name: "vault starting with a digit", token: tokVault, in: vaultIn("1kv-ml"),
			status: 400, code: "VaultNameNotValid", mentions: []string{"'1kv-ml'", "must begin with a letter"}},
		{name: "vault ending with a hyphen", token: tokVault, in: vaultIn("kv-ml-"),
			status: 400, code: "VaultNameNotValid", mentions: []string{"'kv-ml-'"}},
		{name: "vault with consecutive hyphens", token: tokVault, in: vaultIn("kv--ml"),
			status: 400, code: "VaultNameNotValid", mentions: []string{"'kv--ml'", "consecutive hyphens"}},
		{name: "vault of 25 characters", token: tokVault, in: vaultIn(long(25)),
			status: 400, code: "VaultNameNotValid", mentions: []string{long(25)}},
		{name: "vault of 2 characters", token: tokVault, in: vaultIn("kv"),
			status: 400, code: "VaultNameNotValid", mentions: []string{"'kv'"}},
		// Container registry: 5-50 alphanumerics.
		{name: "registry of 5 alphanumerics", token: tokRegistry, in: registryIn("AcrMl", "Premium")},
		{name: "registry with a hyphen", token: tokRegistry, in: registryIn("acr-ml", "Premium"),
			status: 400, code: "ResourceNameInvalid", mentions: []string{"'acr-ml'", "between 5 and 50"}},
		{name: "registry of 4 characters", token: tokRegistry, in: registryIn("acrm", "Premium"),
			status: 400, code: "ResourceNameInvalid", mentions: []string{"'acrm'"}},
		{name: "registry of 51 characters", token: tokRegistry, in: registryIn(long(51), "Premium"),
			status: 400, code: "ResourceNameInvalid", mentions: []string{long(51)}},
		// Machine Learning workspace: ^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$.
		{name: "workspace mlw_dev-01", token: tokMLW, in: workspaceIn("mlw_dev-01", "")},
		{name: "workspace of 33 characters", token: tokMLW, in: workspaceIn(long(33), "")},
		{name: "workspace of 34 characters", token: tokMLW, in: workspaceIn(long(34), ""),
			status: 400, code: "InvalidResourceName", mentions: []string{long(34), "Microsoft.MachineLearningServices/workspaces"}},
		{name: "workspace starting with '_'", token: tokMLW, in: workspaceIn("_mlw", ""),
			status: 400, code: "InvalidResourceName", mentions: []string{"_mlw"}},
		{name: "workspace with a period", token: tokMLW, in: workspaceIn("mlw.dev", ""),
			status: 400, code: "InvalidResourceName", mentions: []string{"mlw.dev"}},
		// Log Analytics workspace: 4-63 alphanumerics and hyphens, alphanumeric first and last.
		{name: "Log Analytics workspace log-ml", token: tokLog, in: logAnalyticsIn("log-ml")},
		{name: "Log Analytics workspace of 3 characters", token: tokLog, in: logAnalyticsIn("log"),
			status: 400, code: "InvalidParameter", mentions: []string{"'log'", "between 4 and 63"}},
		{name: "Log Analytics workspace with '_'", token: tokLog, in: logAnalyticsIn("log_ml"),
			status: 400, code: "InvalidParameter", mentions: []string{"'log_ml'", "alphanumeric and hyphen"}},
		{name: "Log Analytics workspace ending with '-'", token: tokLog, in: logAnalyticsIn("log-ml-"),
			status: 400, code: "InvalidParameter", mentions: []string{"'log-ml-'"}},
		{name: "Log Analytics workspace of 64 characters", token: tokLog, in: logAnalyticsIn(long(64)),
			status: 400, code: "InvalidParameter", mentions: []string{long(64)}},
		// Application Insights: 1-260, none of % & \ ? / and no control characters.
		{name: "Application Insights appi-ml (dev) v1.0", token: tokAppi, in: appInsightsIn("appi-ml (dev) v1.0", "")},
		{name: "Application Insights of 260 characters", token: tokAppi, in: appInsightsIn(long(260), "")},
		{name: "Application Insights of 261 characters", token: tokAppi, in: appInsightsIn(long(261), ""),
			status: 400, code: "InvalidResourceName", mentions: []string{long(261), "Microsoft.Insights/components"}},
		{name: "Application Insights with '%'", token: tokAppi, in: appInsightsIn("appi%ml", ""),
			status: 400, code: "InvalidResourceName", mentions: []string{"appi%ml"}},
		{name: "Application Insights with '&'", token: tokAppi, in: appInsightsIn("appi&ml", ""),
			status: 400, code: "InvalidResourceName", mentions: []string{"appi&ml"}},
		{name: "Application Insights with a tab", token: tokAppi, in: appInsightsIn("appi\tml", ""),
			status: 400, code: "InvalidResourceName", mentions: []string{"control characters"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Storage accounts, Key Vaults and registries have names unique across Azure (resource-name-rules.md,
// "global" in deploy-times-and-security-checks.md §4): a create of one whose name another resource of its
// type has, in any resource group or subscription and in any letter case, is refused with
// StorageAccountAlreadyTaken (hashicorp/terraform #11485), VaultAlreadyExists (Esri/arcgis-gitops #174)
// or AlreadyInUse (MicrosoftDocs/azure-dev-docs #1303). A Log Analytics workspace's name is scoped to its
// resource group.
func TestServiceNamesUniqueAcrossAzure(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		token    string
		first    map[string]any
		second   map[string]any
		other    bool // the second create is through a provider for another subscription
		code     string
		mentions []string
	}{
		{"storage account in another resource group", tokStorage, storageIn("stml"), inRG(storageIn("stml"), "rg-other"),
			false, "StorageAccountAlreadyTaken", []string{"The storage account named stml is already taken."}},
		{"storage account in another subscription", tokStorage, storageIn("stml"), storageIn("stml"),
			true, "StorageAccountAlreadyTaken", []string{"stml"}},
		{"vault in another resource group, other letter case", tokVault, vaultIn("kv-ml"), inRG(vaultIn("KV-ML"), "rg-other"),
			false, "VaultAlreadyExists", []string{"The vault name 'KV-ML' is already in use."}},
		{"vault in another subscription", tokVault, vaultIn("kv-ml"), vaultIn("kv-ml"),
			true, "VaultAlreadyExists", []string{"kv-ml"}},
		{"registry in another resource group, other letter case", tokRegistry, registryIn("acrml", "Premium"),
			inRG(registryIn("ACRML", "Basic"), "rg-other"),
			false, "AlreadyInUse", []string{"The registry DNS name acrml.azurecr.io is already in use."}},
		{"Log Analytics workspace in another resource group", tokLog, logAnalyticsIn("log-ml"),
			inRG(logAnalyticsIn("log-ml"), "rg-other"), false, "", nil},
		{"storage account, same name in the same resource group after a delete", tokStorage, storageIn("stml"), nil,
			false, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			f := newFixture(t, Options{StateDir: dir})
			id, out := f.mustCreate(tt.token, "first", tt.first)
			second, other := tt.second, f
			if second == nil { // the name is free again once its resource is deleted
				require.NoError(t, f.remove(tt.token, "first", id, out))
				second = tt.first
			}
			if tt.other {
				other = newFixture(t, Options{StateDir: dir}).configure(map[string]string{"subscriptionId": hubSubscription})
			}
			_, err := other.create(tt.token, "second", second)
			if tt.code == "" {
				require.NoError(t, err)
				return
			}
			requireAzureError(t, err, 409, tt.code, tt.mentions...)
		})
	}
}

// The outputs Azure computes, per cloud: vaultUri, loginServer and primaryEndpoints with the cloud's
// suffixes (KeyVaultDNSSuffix, ContainerRegistryDNSSuffix, StorageEndpointSuffix of Azure/go-autorest
// environments.go), Application Insights' connection string (sdk-connection-string.md), the workspace's
// discoveryUrl; GUIDs stable for one ARM ID.
func TestServiceOutputsPerCloud(t *testing.T) {
	t.Parallel()
	tests := []struct {
		environment, location                                  string
		vaultURI, loginServer, blob, web, ingestion, discovery string
	}{
		{"", "westeurope", "https://kv-ml.vault.azure.net/", "acrml.azurecr.io", "https://stml.blob.core.windows.net/",
			".web.core.windows.net/", "IngestionEndpoint=https://westeurope.in.applicationinsights.azure.com/",
			"https://westeurope.api.azureml.ms/discovery"},
		{"usgovernment", "usgovvirginia", "https://kv-ml.vault.usgovcloudapi.net/", "acrml.azurecr.us",
			"https://stml.blob.core.usgovcloudapi.net/", ".web.core.usgovcloudapi.net/",
			"IngestionEndpoint=https://usgovvirginia.in.applicationinsights.us/", "https://usgovvirginia.api.ml.azure.us/discovery"},
		{"china", "chinanorth3", "https://kv-ml.vault.azure.cn/", "acrml.azurecr.cn", "https://stml.blob.core.chinacloudapi.cn/",
			".web.core.chinacloudapi.cn/", "IngestionEndpoint=https://chinanorth3.in.applicationinsights.azure.cn/",
			"https://chinanorth3.api.ml.azure.cn/discovery"},
	}
	for _, tt := range tests {
		t.Run("cloud "+tt.environment, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, Options{}).configure(map[string]string{"environment": tt.environment})
			at := func(m map[string]any) map[string]any { return with(m, "location", tt.location) }

			_, kv := f.mustCreate(tokVault, "kv", at(vaultIn("kv-ml")))
			assert.Equal(t, tt.vaultURI, kv["properties"].ObjectValue()["vaultUri"].StringValue())
			assert.Equal(t, SubscriptionID, kv["properties"].ObjectValue()["tenantId"].StringValue(), "inputs are echoed")

			_, acr := f.mustCreate(tokRegistry, "acr", at(registryIn("AcrMl", "Premium")))
			assert.Equal(t, tt.loginServer, acr["loginServer"].StringValue(), "lowercase")

			stID, st := f.mustCreate(tokStorage, "st", at(storageIn("stml")))
			endpoints := st["primaryEndpoints"].ObjectValue()
			assert.Equal(t, tt.blob, endpoints["blob"].StringValue())
			for _, service := range []string{"file", "queue", "table", "dfs"} {
				assert.Equal(t, strings.Replace(tt.blob, ".blob.", "."+service+".", 1), endpoints[resource.PropertyKey(service)].StringValue())
			}
			assert.Regexp(t, `^https://stml\.z[0-9]+`+strings.ReplaceAll(tt.web, ".", `\.`)+`$`, endpoints["web"].StringValue())
			assert.Equal(t, StorageEndpoints(azurecloud.FromEnvironment(tt.environment), "stml", stID)["web"], endpoints["web"].StringValue())

			logID, log := f.mustCreate(tokLog, "log", at(logAnalyticsIn("log-ml")))
			assert.Equal(t, DeterministicGUID("customerId:"+strings.ToLower(logID)), log["customerId"].StringValue())

			appiID, appi := f.mustCreate(tokAppi, "appi", at(appInsightsIn("appi-ml", logID)))
			key := appi["instrumentationKey"].StringValue()
			assert.Equal(t, DeterministicGUID("instrumentationKey:"+strings.ToLower(appiID)), key)
			assert.Equal(t, DeterministicGUID("appId:"+strings.ToLower(appiID)), appi["appId"].StringValue())
			assert.NotEqual(t, key, appi["appId"].StringValue())
			assert.Equal(t, "InstrumentationKey="+key+";"+tt.ingestion, appi["connectionString"].StringValue())

			mlwID, mlw := f.mustCreate(tokMLW, "mlw", at(workspaceIn("mlw-dev", "SystemAssigned")))
			assert.Equal(t, DeterministicGUID("workspace:"+strings.ToLower(mlwID)), mlw["workspaceId"].StringValue())
			assert.Equal(t, tt.discovery, mlw["discoveryUrl"].StringValue())
			identity := mlw["identity"].ObjectValue()
			assert.Equal(t, "SystemAssigned", identity["type"].StringValue(), "inputs are echoed")
			assert.Equal(t, DeterministicGUID("principalId:"+strings.ToLower(mlwID)), identity["principalId"].StringValue())
			assert.Equal(t, SubscriptionID, identity["tenantId"].StringValue(), "the tenant getClientConfig reports")
		})
	}
}

// The workspace's workspaceId is the GUID in its private endpoints' FQDNs, as in Azure.
func TestWorkspaceIDIsTheGUIDOfItsPrivateEndpointFQDNs(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	f.network("10.0.2.0/24")
	id, mlw := f.mustCreate(tokMLW, "mlw", workspaceIn("mlw-dev", "SystemAssigned"))
	_, pe := f.mustCreate(tokPE, "pe", peIn("pe-mlw", peSubnetID, "amlworkspace", id))
	fqdn := pe["customDnsConfigs"].ArrayValue()[0].ObjectValue()["fqdn"].StringValue()
	assert.True(t, strings.HasPrefix(fqdn, mlw["workspaceId"].StringValue()+".workspace."), fqdn)
}

// Identity outputs only with a system-assigned identity.
func TestWorkspaceWithoutSystemAssignedIdentityHasNoPrincipal(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	_, mlw := f.mustCreate(tokMLW, "mlw", workspaceIn("mlw-dev", ""))
	assert.NotContains(t, mlw, resource.PropertyKey("identity"))
	_, uai := f.mustCreate(tokMLW, "uai", with(workspaceIn("mlw-uai", ""), "identity", map[string]any{"type": "UserAssigned"}))
	assert.NotContains(t, uai["identity"].ObjectValue(), resource.PropertyKey("principalId"))
	_, both := f.mustCreate(tokMLW, "both", workspaceIn("mlw-both", "SystemAssigned,UserAssigned"))
	assert.Contains(t, both["identity"].ObjectValue(), resource.PropertyKey("principalId"))
}

// serviceCases are one create of each service, with a workspace that uses the others; they run in order.
func serviceCases(f *fixture) []struct {
	token, name string
	in          map[string]any
} {
	deps := createWorkspaceDeps(f)
	return []struct {
		token, name string
		in          map[string]any
	}{
		{tokStorage, "st", storageIn("stml2")},
		{tokVault, "kv", vaultIn("kv-ml2")},
		{tokRegistry, "acr", registryIn("acrml2", "Premium")},
		{tokLog, "log", logAnalyticsIn("log-ml2")},
		{tokAppi, "appi", appInsightsIn("appi-ml2", deps.logAnalytics)},
		{tokMLW, "mlw", deps.workspace("mlw-dev")},
	}
}

// A second `pulumi up` with the same inputs is clean: the computed outputs never count as changes,
// whether the engine sends old inputs or the diff falls back to old outputs (StripComputedOutputs), and
// also after an update.
func TestSecondUpOfServicesIsClean(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	for _, c := range serviceCases(f) {
		func() {
			id, out := f.mustCreate(c.token, c.name, c.in)
			diff := func(olds resource.PropertyMap, oldInputs map[string]any, news map[string]any) *pulumirpc.DiffResponse {
				req := &pulumirpc.DiffRequest{
					Id: id, Urn: testURN(c.token, c.name), Type: c.token, Olds: toStruct(t, olds), News: toStruct(t, pm(news)),
				}
				if oldInputs != nil {
					req.OldInputs = toStruct(t, pm(oldInputs))
				}
				resp, err := f.s.Diff(context.Background(), req)
				require.NoError(t, err)
				return resp
			}
			assert.Equal(t, pulumirpc.DiffResponse_DIFF_NONE, diff(out, nil, c.in).GetChanges(), "%s against old outputs", c.token)
			assert.Equal(t, pulumirpc.DiffResponse_DIFF_NONE, diff(out, c.in, c.in).GetChanges(), "%s against old inputs", c.token)

			tagged := with(c.in, "tags", map[string]any{"env": "dev"})
			changed := diff(out, nil, tagged)
			assert.Equal(t, []string{"tags"}, changed.GetDiffs(), "%s: a real change is still seen", c.token)
			updated, err := f.update(c.token, c.name, id, out, tagged)
			require.NoError(t, err)
			assert.Equal(t, pulumirpc.DiffResponse_DIFF_NONE, diff(updated, nil, tagged).GetChanges(), "%s after an update", c.token)
			for _, path := range leafPaths(serviceOutputs(azurecloud.AzureCloud, c.token, ResourceID{ID: id}, plainMap(pm(c.in)))) {
				_, ok := valueAt(updated, path)
				assert.True(t, ok, "%s: an update keeps %v", c.token, path)
			}
		}()
	}
}

// StripComputedOutputs knows every output serviceOutputs adds.
func TestStripComputedOutputsCoversServiceOutputs(t *testing.T) {
	t.Parallel()
	top := map[string]bool{}
	for _, k := range ComputedOutputKeys {
		top[k] = true
	}
	nested := map[string]bool{}
	for _, p := range computedOutputPaths {
		nested[strings.Join(p, ".")] = true
	}
	props := map[string]any{"identity": map[string]any{"type": "SystemAssigned"}, "location": "westeurope"}
	for _, token := range []string{tokStorage, tokVault, tokRegistry, tokLog, tokAppi, tokMLW} {
		for _, path := range leafPaths(serviceOutputs(azurecloud.AzureCloud, token, ResourceID{ID: "/x", Name: "x"}, props)) {
			assert.True(t, (len(path) == 1 && top[path[0]]) || nested[strings.Join(path, ".")], "%s: %v", token, path)
		}
	}

	olds := pm(map[string]any{
		"vaultName": "kv", "loginServer": "x", "properties": map[string]any{"vaultUri": "u", "tenantId": "t"},
		"identity": map[string]any{"principalId": "p", "tenantId": "t"},
	})
	got := StripComputedOutputs(olds, pm(map[string]any{"vaultName": "kv"}))
	assert.Equal(t, pm(map[string]any{"vaultName": "kv", "properties": map[string]any{"tenantId": "t"}}), got,
		"nested outputs go, and an object they leave empty")
	assert.Contains(t, olds["properties"].ObjectValue(), resource.PropertyKey("vaultUri"), "input map is not modified")
}

// In a preview, computed outputs are unknown, or keep their old values on an update, like the other
// computed outputs (previewKeeps); secret inputs around them stay secret.
func TestServiceOutputsInAPreview(t *testing.T) {
	t.Parallel()
	in := pm(vaultIn("kv-ml"))
	rid, err := BuildID(tokVault, "urn", in, SubscriptionID)
	require.NoError(t, err)

	fresh := computeOutputs(tokVault, rid, in, nil, nil, nil)
	props := fresh["properties"].ObjectValue()
	assert.True(t, props["vaultUri"].IsComputed())
	assert.Equal(t, SubscriptionID, props["tenantId"].StringValue(), "the inputs around it are kept")

	olds := fresh.Copy()
	olds["properties"] = resource.NewObjectProperty(resource.PropertyMap{"vaultUri": resource.NewStringProperty("https://kv-ml.vault.azure.net/")})
	kept := computeOutputs(tokVault, rid, in, olds, nil, nil)
	assert.Equal(t, "https://kv-ml.vault.azure.net/", kept["properties"].ObjectValue()["vaultUri"].StringValue())

	secret := in.Copy()
	secret["properties"] = resource.MakeSecret(in["properties"])
	out := computeOutputs(tokVault, rid, secret, nil, nil, map[string]any{"properties": map[string]any{"vaultUri": "u"}})
	require.True(t, out["properties"].IsSecret())
	assert.Equal(t, "u", out["properties"].SecretValue().Element.ObjectValue()["vaultUri"].StringValue())

	unknown := in.Copy()
	unknown["properties"] = resource.MakeComputed(resource.NewStringProperty(""))
	assert.True(t, computeOutputs(tokVault, rid, unknown, nil, nil, nil)["properties"].IsComputed(), "an unknown input stays unknown")

	mlwIn := pm(workspaceIn("mlw-dev", "SystemAssigned"))
	mlwID, err := BuildID(tokMLW, "urn", mlwIn, SubscriptionID)
	require.NoError(t, err)
	mlw := computeOutputs(tokMLW, mlwID, mlwIn, nil, nil, nil)
	assert.True(t, mlw["workspaceId"].IsComputed())
	assert.True(t, mlw["identity"].ObjectValue()["principalId"].IsComputed())
	assert.Equal(t, "SystemAssigned", mlw["identity"].ObjectValue()["type"].StringValue())
}

// With SupportsPreview, an update's preview keeps a service's outputs and a create's preview has none.
func TestServicePreviewCallsThroughTheServer(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{SupportsPreview: true})
	id, out := f.mustCreate(tokRegistry, "acr", registryIn("acrml", "Premium"))
	resp, err := f.s.Update(context.Background(), &pulumirpc.UpdateRequest{
		Id: id, Urn: testURN(tokRegistry, "acr"), Type: tokRegistry, Olds: toStruct(t, out),
		News: toStruct(t, pm(with(registryIn("acrml", "Premium"), "tags", map[string]any{"a": "b"}))), Preview: true,
	})
	require.NoError(t, err)
	assert.Equal(t, "acrml.azurecr.io", fromStruct(t, resp.GetProperties())["loginServer"].StringValue())

	created, err := f.s.Create(context.Background(), &pulumirpc.CreateRequest{
		Urn: testURN(tokRegistry, "acr2"), Type: tokRegistry, Properties: toStruct(t, pm(registryIn("acrml3", "Premium"))),
		Preview: true,
	})
	require.NoError(t, err)
	assert.NotContains(t, fromStruct(t, created.GetProperties()), resource.PropertyKey("loginServer"))
}

// Private endpoints to a registry need its Premium tier (container-registry-private-link.md, quoted in
// azure-ml-network-anchors.md (c7)); a registry without it cannot have its public access disabled
// (DisablingPublicNetworkAccessNotSupported, Azure-Samples/dotNET-Frontend-AB-Testing-on-Azure-Container-
// Apps #5).
func TestRegistryPrivateLinkNeedsPremium(t *testing.T) {
	t.Parallel()
	tests := []requestCase{
		{name: "endpoint to a Premium registry", token: tokPE,
			setup: func(f *fixture) {
				withNetwork(f)
				f.mustCreate(tokRegistry, "acr", registryIn("acrml", "Premium"))
			},
			in: peIn("pe-acr", peSubnetID, "registry", testRG+armRegistry+"/acrml")},
		{name: "endpoint to a Standard registry", token: tokPE,
			setup: func(f *fixture) {
				withNetwork(f)
				f.mustCreate(tokRegistry, "acr", registryIn("acrml", "Standard"))
			},
			in:     peIn("pe-acr", peSubnetID, "registry", testRG+armRegistry+"/acrml"),
			status: 400, code: "PrivateEndpointNotSupportedForRegistrySku",
			mentions: []string{"SKU Standard", testRG + armRegistry + "/acrml", "pe-acr"}},
		{name: "endpoint to a registry the pretend Azure does not hold", token: tokPE, setup: withNetwork,
			in: peIn("pe-acr", peSubnetID, "registry", testRG+armRegistry+"/elsewhere")},
		{name: "Basic registry with public access disabled", token: tokRegistry,
			in:     with(registryIn("acrml", "Basic"), "publicNetworkAccess", "Disabled"),
			status: 400, code: "DisablingPublicNetworkAccessNotSupported",
			mentions: []string{"not supported for the SKU Basic", testRG + armRegistry + "/acrml"}},
		{name: "Premium registry with public access disabled", token: tokRegistry,
			in: with(registryIn("acrml", "Premium"), "publicNetworkAccess", "Disabled")},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Creates take the typical times of deploy-times-and-security-checks.md §1.1 (timing.go).
func TestServiceCreatesSleepTheirTypicalTime(t *testing.T) {
	t.Parallel()
	var slept []float64
	f := newFixture(t, Options{TimeScale: 1})
	f.s.sleep = func(_ context.Context, d time.Duration) error {
		slept = append(slept, d.Minutes())
		return nil
	}
	f.mustCreate(tokVault, "kv", vaultIn("kv-ml"))
	f.mustCreate(tokStorage, "st", storageIn("stml"))
	f.mustCreate(tokMLW, "mlw", workspaceIn("mlw-dev", ""))
	f.mustCreate(tokLog, "log", logAnalyticsIn("log-ml"))
	assert.InDeltaSlice(t, []float64{2, 0.7, 2, 0.5}, slept, 1e-9)
}
