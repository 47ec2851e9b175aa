package azurestandin

import (
	"fmt"
	"slices"
	"strings"

	"github.com/secureml/pulumi-secureml/components/azurecloud"
)

// The services the SecureMLWorkspace component creates next to its network: a storage account, a Key
// Vault, a container registry, a Log Analytics workspace, Application Insights and the Machine Learning
// workspace. This file holds what they share: their tokens, the per-cloud DNS suffixes of their
// endpoints, the outputs Azure computes for them, and the rules of names unique across Azure. Soft
// delete is in softdelete.go, the workspace's own rules in workspace.go, name rules in names.go, the
// refusals in serviceerrors.go.

// Type tokens (azure-native 2.90.0, without API version) and ARM types of the services.
const (
	tokenStorageAccount = "azure-native:storage:StorageAccount"
	tokenVault          = "azure-native:keyvault:Vault"
	tokenRegistry       = "azure-native:containerregistry:Registry"
	tokenLogAnalytics   = "azure-native:operationalinsights:Workspace"
	tokenAppInsights    = "azure-native:insights:Component"
	tokenMLWorkspace    = "azure-native:machinelearningservices:Workspace"

	armStorageAccount = "Microsoft.Storage/storageAccounts"
	armVault          = "Microsoft.KeyVault/vaults"
	armRegistry       = "Microsoft.ContainerRegistry/registries"
	armLogAnalytics   = "Microsoft.OperationalInsights/workspaces"
	armAppInsights    = "Microsoft.Insights/components"
	armMLWorkspace    = "Microsoft.MachineLearningServices/workspaces"
)

// tenantID is the tenant the stand-in's identities belong to: the one getClientConfig reports.
const tenantID = SubscriptionID

// serviceSuffixes are the DNS suffixes of one cloud's service endpoints.
type serviceSuffixes struct {
	vault     string // Key Vault: https://<name>.<vault>/
	registry  string // registry login server: <name>.<registry>
	storage   string // storage endpoints: https://<account>.<service>.<storage>/
	ingestion string // Application Insights ingestion: https://<location>.<ingestion>/
	mlAPI     string // Machine Learning discovery: https://<location>.<mlAPI>/discovery
}

// cloudSuffixes by cloud. Key Vault, registry and storage: the KeyVaultDNSSuffix,
// ContainerRegistryDNSSuffix and StorageEndpointSuffix of Azure/go-autorest's environments.go (and
// azure-sdk-for-go's copy). Application Insights: "in.<region>" under the connection strings' suffixes
// applicationinsights.azure.com, applicationinsights.us and applicationinsights.azure.cn
// (azure-monitor/app/sdk-connection-string.md, "Valid suffixes"). Machine Learning: api.azureml.ms,
// api.ml.azure.us and api.ml.azure.cn, the workspace API hosts of the three clouds.
var cloudSuffixes = map[azurecloud.Cloud]serviceSuffixes{
	azurecloud.AzureCloud: {vault: "vault.azure.net", registry: "azurecr.io", storage: "core.windows.net",
		ingestion: "in.applicationinsights.azure.com", mlAPI: "api.azureml.ms"},
	azurecloud.AzureUSGovernment: {vault: "vault.usgovcloudapi.net", registry: "azurecr.us",
		storage: "core.usgovcloudapi.net", ingestion: "in.applicationinsights.us", mlAPI: "api.ml.azure.us"},
	azurecloud.AzureChinaCloud: {vault: "vault.azure.cn", registry: "azurecr.cn", storage: "core.chinacloudapi.cn",
		ingestion: "in.applicationinsights.azure.cn", mlAPI: "api.ml.azure.cn"},
}

func suffixesOf(cloud azurecloud.Cloud) serviceSuffixes {
	if s, ok := cloudSuffixes[cloud]; ok {
		return s
	}
	return cloudSuffixes[azurecloud.AzureCloud]
}

// storageServices are the services of a storage account's primaryEndpoints.
var storageServices = []string{"blob", "file", "queue", "table", "dfs", "web"}

// VaultURI is a Key Vault's properties.vaultUri in the cloud: https://<name>.vault.azure.net/.
func VaultURI(cloud azurecloud.Cloud, name string) string {
	return fmt.Sprintf("https://%s.%s/", name, suffixesOf(cloud).vault)
}

// LoginServer is a registry's loginServer in the cloud: <lowercase name>.azurecr.io.
func LoginServer(cloud azurecloud.Cloud, name string) string {
	return strings.ToLower(name) + "." + suffixesOf(cloud).registry
}

// StorageEndpoints is a storage account's primaryEndpoints in the cloud: blob, file, queue, table and dfs
// at https://<account>.<service>.core.windows.net/, and the static website at
// https://<account>.z<n>.web.core.windows.net/, where Azure puts a zone number n (the stand-in's is a
// hash of the account's ID, 1 to 50).
func StorageEndpoints(cloud azurecloud.Cloud, name, armID string) map[string]any {
	suffix := suffixesOf(cloud).storage
	out := map[string]any{}
	for _, service := range storageServices {
		host := service
		if service == "web" {
			host = fmt.Sprintf("z%d.web", 1+fnv32("web:"+strings.ToLower(armID))%50)
		}
		out[service] = fmt.Sprintf("https://%s.%s.%s/", name, host, suffix)
	}
	return out
}

// serviceOutputs returns the outputs Azure computes for a service resource, as nested maps to merge into
// its echoed inputs (see mergePlain): a vault's properties.vaultUri, a registry's loginServer, a storage
// account's primaryEndpoints, a Log Analytics workspace's customerId, Application Insights' appId,
// instrumentationKey and connectionString, a Machine Learning workspace's workspaceId and discoveryUrl
// and, with a system-assigned identity, identity.principalId and identity.tenantId. GUIDs are derived
// from the ARM ID, so they are stable; the workspace's workspaceId is the GUID of its private endpoints'
// FQDNs (EndpointFQDNs). Other types have none (nil).
func serviceOutputs(cloud azurecloud.Cloud, token string, rid ResourceID, props map[string]any) map[string]any {
	id := strings.ToLower(rid.ID)
	location := NormalizeLocation(pathString(props, "location"))
	if location == "" {
		location = DefaultEndpointLocation
	}
	switch NormalizeToken(token) {
	case tokenVault:
		return map[string]any{"properties": map[string]any{"vaultUri": VaultURI(cloud, rid.Name)}}
	case tokenRegistry:
		return map[string]any{"loginServer": LoginServer(cloud, rid.Name)}
	case tokenStorageAccount:
		return map[string]any{"primaryEndpoints": StorageEndpoints(cloud, rid.Name, rid.ID)}
	case tokenLogAnalytics:
		return map[string]any{"customerId": DeterministicGUID("customerId:" + id)}
	case tokenAppInsights:
		key := DeterministicGUID("instrumentationKey:" + id)
		return map[string]any{
			"appId":              DeterministicGUID("appId:" + id),
			"instrumentationKey": key,
			"connectionString": fmt.Sprintf("InstrumentationKey=%s;IngestionEndpoint=https://%s.%s/",
				key, location, suffixesOf(cloud).ingestion),
		}
	case tokenMLWorkspace:
		out := map[string]any{
			"workspaceId":  DeterministicGUID("workspace:" + id),
			"discoveryUrl": fmt.Sprintf("https://%s.%s/discovery", location, suffixesOf(cloud).mlAPI),
		}
		if strings.Contains(strings.ToLower(pathString(props, "identity", "type")), "systemassigned") {
			out["identity"] = map[string]any{"principalId": DeterministicGUID("principalId:" + id), "tenantId": tenantID}
		}
		return out
	}
	return nil
}

// computedOutputPaths are the nested outputs serviceOutputs adds inside inputs (the top-level ones are in
// ComputedOutputKeys): StripComputedOutputs takes them out of old outputs.
var computedOutputPaths = [][]string{{"properties", "vaultUri"}, {"identity", "principalId"}, {"identity", "tenantId"}}

// leafPaths lists the paths of the outputs in a nested map of service outputs: a top-level key of
// ComputedOutputKeys is one output however deep its value (primaryEndpoints); under other keys (inputs
// such as properties or identity) each non-map value is one.
func leafPaths(m map[string]any) [][]string {
	return pathsUnder(m, true)
}

func pathsUnder(m map[string]any, top bool) [][]string {
	var out [][]string
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok && !(top && slices.Contains(ComputedOutputKeys, k)) {
			for _, p := range pathsUnder(sub, false) {
				out = append(out, append([]string{k}, p...))
			}
			continue
		}
		out = append(out, []string{k})
	}
	return out
}

// mergePlain merges derived into props (both plain JSON): a map merges into a map key by key, anything
// else replaces.
func mergePlain(props, derived map[string]any) {
	for k, v := range derived {
		sub, isMap := v.(map[string]any)
		old, wasMap := props[k].(map[string]any)
		if isMap && wasMap {
			merged := copyMap(old)
			mergePlain(merged, sub)
			props[k] = merged
			continue
		}
		props[k] = v
	}
}

// withOutputs returns derived outputs and service outputs together (nil when both are nil).
func withOutputs(derived, service map[string]any) map[string]any {
	if service == nil {
		return derived
	}
	out := copyMap(derived)
	mergePlain(out, service)
	return out
}

// globalNameTypes are the types whose names are unique across all of Azure ("global" scope in
// resource-name-rules.md, deploy-times-and-security-checks.md §4), with the refusal of a name taken
// (arguments: the name and, for a registry, its login server).
var globalNameTypes = map[string]func(name, loginServer string) error{
	armStorageAccount: errStorageAccountTaken,
	armVault:          errVaultAlreadyExists,
	armRegistry:       errRegistryNameInUse,
}

// checkServiceRequest refuses a service request Azure refuses whatever exists: a Basic or Standard
// registry with publicNetworkAccess Disabled, a vault keeping deleted vaults outside 7-90 days.
func checkServiceRequest(token string, rid ResourceID, props map[string]any) error {
	if NormalizeToken(token) == tokenRegistry && strings.EqualFold(pathString(props, "publicNetworkAccess"), "Disabled") &&
		!isPremium(props) {
		return errRegistryPublicAccessSku(rid.ID, pathString(props, "sku", "name"))
	}
	if days, ok := number(props, "properties", "softDeleteRetentionInDays"); ok && NormalizeToken(token) == tokenVault &&
		(days < 7 || days > 90) {
		return errVaultRetention(rid.ID, days)
	}
	return nil
}

func isPremium(props map[string]any) bool {
	return strings.EqualFold(pathString(props, "sku", "name"), "Premium")
}

// checkServiceState refuses a service request that conflicts with what exists: a storage account, vault
// or registry whose name another resource of its type has anywhere in the pretend Azure (other resource
// groups, subscriptions; compared case-insensitively); a private endpoint to a registry that is not
// Premium; the rules of a Machine Learning workspace (workspace.go). Soft-deleted names are checked on
// create by checkSoftDeleted.
func checkServiceState(view StoreView, cloud azurecloud.Cloud, op, token string, rid ResourceID,
	props map[string]any, old Record, exists bool,
) error {
	if refuse, global := globalNameTypes[rid.Type]; global && op == "create" {
		records, err := view.All()
		if err != nil {
			return err
		}
		for _, r := range records {
			if r.Type == rid.Type && strings.EqualFold(r.Name, rid.Name) && !sameID(r.ID, rid.ID) {
				return refuse(rid.Name, LoginServer(cloud, rid.Name))
			}
		}
	}
	switch NormalizeToken(token) {
	case tokenPrivateEndpoint:
		return checkRegistryEndpoint(view, rid, props)
	case tokenMLWorkspace:
		if err := checkOutboundRules(cloud, rid, props); err != nil {
			return err
		}
		return checkWorkspace(view, rid, props, old, exists)
	}
	return nil
}

// checkRegistryEndpoint refuses a private endpoint (groupIds ["registry"]) to a registry of the pretend
// Azure whose sku.name is not Premium. A target the pretend Azure does not hold is taken on trust, as
// every private endpoint target is.
func checkRegistryEndpoint(view StoreView, rid ResourceID, props map[string]any) error {
	group, target := endpointConnectionPlain(props)
	if !strings.EqualFold(group, "registry") || target == "" {
		return nil
	}
	registry, ok, err := view.Get(target)
	if err != nil || !ok || !strings.EqualFold(registry.Type, armRegistry) {
		return err
	}
	if !isPremium(registry.Properties) {
		return errRegistryPrivateLinkSku(rid.ID, registry.ID, pathString(registry.Properties, "sku", "name"))
	}
	return nil
}
