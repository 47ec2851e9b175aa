// Package privatelink holds the Azure facts the network needs for private endpoints: which private
// endpoint group IDs each service exposes, the private DNS zone names for those groups in each Azure
// cloud, and how many private IP addresses each endpoint takes. It is plain data with no Pulumi
// runtime, so a reviewer can check every row against the Microsoft docs named beside it.
package privatelink

import (
	"fmt"
	"sort"

	"github.com/secureml/pulumi-secureml/components/azurecloud"
)

// Cloud names an Azure cloud; see package azurecloud.
type Cloud = azurecloud.Cloud

// The three Azure clouds the package supports.
const (
	AzureCloud        = azurecloud.AzureCloud
	AzureUSGovernment = azurecloud.AzureUSGovernment
	AzureChinaCloud   = azurecloud.AzureChinaCloud
)

// Clouds lists every supported cloud in a stable order.
var Clouds = azurecloud.Clouds

// GroupID is a private endpoint group ID (the sub-resource a private endpoint connects to).
type GroupID string

// The group IDs this package creates private endpoints for.
const (
	GroupWorkspace GroupID = "amlworkspace"
	GroupBlob      GroupID = "blob"
	GroupFile      GroupID = "file"
	GroupQueue     GroupID = "queue"
	GroupTable     GroupID = "table"
	GroupDfs       GroupID = "dfs"
	GroupVault     GroupID = "vault"
	GroupRegistry  GroupID = "registry"
)

// StorageGroups lists the storage sub-resources a storage account endpoint may target, in a stable order.
var StorageGroups = []GroupID{GroupBlob, GroupFile, GroupQueue, GroupTable, GroupDfs}

// zoneNames maps each group ID to its private DNS zone names per cloud.
//
// Sources: Azure ML zones from azure-ai-docs how-to-custom-dns.md ("Create Private DNS Zone");
// storage, Key Vault and Container Registry zones from azure-docs private-link/private-endpoint-dns.md
// (Azure Government and 21Vianet tables; the Government storage table lists "dfs | privatelink.dfs.
// core.usgovcloudapi.net"), with the registry zones for Government and China from the per-cloud map of
// the machine-learning-end-to-end-secure quickstart and the 21Vianet table.
// Key Vault uses privatelink.vaultcore.*, not privatelink.vault.* (a common template defect).
// The workspace endpoint carries two zones (api and notebooks) in one DNS zone group.
var zoneNames = map[GroupID]map[Cloud][]string{
	GroupWorkspace: {
		AzureCloud:        {"privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"},
		AzureUSGovernment: {"privatelink.api.ml.azure.us", "privatelink.notebooks.usgovcloudapi.net"},
		AzureChinaCloud:   {"privatelink.api.ml.azure.cn", "privatelink.notebooks.chinacloudapi.cn"},
	},
	GroupBlob: {
		AzureCloud:        {"privatelink.blob.core.windows.net"},
		AzureUSGovernment: {"privatelink.blob.core.usgovcloudapi.net"},
		AzureChinaCloud:   {"privatelink.blob.core.chinacloudapi.cn"},
	},
	GroupFile: {
		AzureCloud:        {"privatelink.file.core.windows.net"},
		AzureUSGovernment: {"privatelink.file.core.usgovcloudapi.net"},
		AzureChinaCloud:   {"privatelink.file.core.chinacloudapi.cn"},
	},
	GroupQueue: {
		AzureCloud:        {"privatelink.queue.core.windows.net"},
		AzureUSGovernment: {"privatelink.queue.core.usgovcloudapi.net"},
		AzureChinaCloud:   {"privatelink.queue.core.chinacloudapi.cn"},
	},
	GroupTable: {
		AzureCloud:        {"privatelink.table.core.windows.net"},
		AzureUSGovernment: {"privatelink.table.core.usgovcloudapi.net"},
		AzureChinaCloud:   {"privatelink.table.core.chinacloudapi.cn"},
	},
	GroupDfs: {
		AzureCloud:        {"privatelink.dfs.core.windows.net"},
		AzureUSGovernment: {"privatelink.dfs.core.usgovcloudapi.net"},
		AzureChinaCloud:   {"privatelink.dfs.core.chinacloudapi.cn"},
	},
	GroupVault: {
		AzureCloud:        {"privatelink.vaultcore.azure.net"},
		AzureUSGovernment: {"privatelink.vaultcore.usgovcloudapi.net"},
		AzureChinaCloud:   {"privatelink.vaultcore.azure.cn"},
	},
	GroupRegistry: {
		AzureCloud:        {"privatelink.azurecr.io"},
		AzureUSGovernment: {"privatelink.azurecr.us"},
		AzureChinaCloud:   {"privatelink.azurecr.cn"},
	},
}

// addressesPerEndpoint is how many private IPs one endpoint of the group takes in its subnet.
//
// Source: how-to-custom-dns.md (workspace: api, cert and notebooks records, plus the inference
// wildcard sharing them: 3); container-registry-private-link (registry + regional data endpoint: 2,
// plus one per geo-replica, not modelled); one for every other group.
var addressesPerEndpoint = map[GroupID]int{
	GroupWorkspace: 3,
	GroupRegistry:  2,
}

// ZoneNames returns the private DNS zone names a private endpoint of group needs in cloud.
func ZoneNames(cloud Cloud, group GroupID) ([]string, error) {
	byCloud, ok := zoneNames[group]
	if !ok {
		return nil, fmt.Errorf("unknown private endpoint group ID %q", group)
	}
	if !IsKnownCloud(cloud) {
		return nil, fmt.Errorf("unknown cloud %q", cloud)
	}
	names, ok := byCloud[cloud]
	if !ok {
		return nil, fmt.Errorf("no private DNS zone is recorded for group ID %q in %s", group, cloud)
	}
	return append([]string(nil), names...), nil
}

// AddressesPerEndpoint returns how many private IP addresses one endpoint of group uses.
func AddressesPerEndpoint(group GroupID) int {
	if n, ok := addressesPerEndpoint[group]; ok {
		return n
	}
	return 1
}

// IsKnownCloud reports whether cloud is one of Clouds.
func IsKnownCloud(cloud Cloud) bool { return azurecloud.IsKnown(cloud) }

// IsStorageGroup reports whether group is a storage sub-resource.
func IsStorageGroup(group GroupID) bool {
	for _, g := range StorageGroups {
		if g == group {
			return true
		}
	}
	return false
}

// AllZoneNames returns every zone name recorded for cloud, sorted; used to check user-given zone IDs.
func AllZoneNames(cloud Cloud) []string {
	var names []string
	for _, byCloud := range zoneNames {
		names = append(names, byCloud[cloud]...)
	}
	sort.Strings(names)
	return names
}
