package azurestandin

import (
	"fmt"
	"strings"
)

// The refusals of the SecureMLWorkspace services (storage, Key Vault, container registry, Log Analytics,
// Application Insights, Machine Learning workspace): services.go, softdelete.go, workspace.go. Their name
// rules are in names.go. Where Azure's code or wording was not found in public sources the comment says
// so: the code is then the stand-in's own name, or the message paraphrases the document the rule comes
// from.

// errStorageAccountTaken: storage account names are unique across Azure. Code, status and message seen
// in hashicorp/terraform #11485 (`Status=409 Code="StorageAccountAlreadyTaken" Message="The storage
// account named accsa is already taken."`) and OfficeDev/microsoft-teams-apps-timetally #50.
func errStorageAccountTaken(name, _ string) error {
	return &AzureError{Status: 409, Code: "StorageAccountAlreadyTaken", Message: fmt.Sprintf(
		"The storage account named %s is already taken.", name)}
}

// errVaultAlreadyExists: Key Vault names are unique across Azure, soft-deleted vaults included. Code and
// message seen in Esri/arcgis-gitops #174 (terraform, reported by the operation: no status shown) and
// Azure/azure-powershell #15115; the status, 409, is assumed like the other name conflicts.
func errVaultAlreadyExists(name, _ string) error {
	return &AzureError{Status: 409, Code: "VaultAlreadyExists", Message: fmt.Sprintf(
		"The vault name '%s' is already in use. Vault names are globally unique so it is possible that the name is "+
			"already taken. If you are sure that the vault name was not taken then it is possible that a vault with the "+
			"same name was recently deleted but not purged after being placed in a recoverable state. If the vault is in a "+
			"recoverable state then the vault will need to be purged before reusing the name. For more information about "+
			"VaultAlreadyExists, soft delete and purging a vault follow this link https://go.microsoft.com/fwlink/?linkid=2147740.",
		name)}
}

// errRegistryNameInUse: registry names are unique across Azure (their login server is a DNS name). Code
// and message seen in MicrosoftDocs/azure-dev-docs #1303 (`(AlreadyInUse) The registry DNS name
// webappacr123.azurecr.io is already in use ...`) and Azure/azure-cli #13951; status not shown, 409
// assumed.
func errRegistryNameInUse(_ string, loginServer string) error {
	return &AzureError{Status: 409, Code: "AlreadyInUse", Message: fmt.Sprintf(
		"The registry DNS name %s is already in use. You can check if the name is already claimed using following API: "+
			"https://docs.microsoft.com/en-us/rest/api/containerregistry/registries/checknameavailability", loginServer)}
}

// errVaultSoftDeleted: a vault of that name is soft-deleted in the subscription. Code, status and message
// as azure-native 2.x reported them in alan-turing-institute/data-safe-haven #2523 (`Status=409
// Code="ConflictError" Message="A vault with the same name already exists in deleted state. ..."`). The
// last sentence, naming the vault, is the stand-in's.
func errVaultSoftDeleted(name string) error {
	return &AzureError{Status: 409, Code: "ConflictError", Message: fmt.Sprintf(
		"A vault with the same name already exists in deleted state. You need to either recover or purge existing key "+
			"vault. Follow this link https://go.microsoft.com/fwlink/?linkid=2149745 for more information on soft delete. "+
			"Vault name: '%s'.", name)}
}

// errNoSoftDeletedVault: properties.createMode "recover" without a soft-deleted vault of that ID to take
// back. Code seen in hashicorp/terraform-provider-azurerm #12972 and AzureCosmosDB/OmniVec PR #24; the
// message and the status are approximate (not found).
func errNoSoftDeletedVault(id string) error {
	return &AzureError{Status: 400, Code: "SoftDeletedVaultDoesNotExist", Message: fmt.Sprintf(
		"A soft deleted vault %s does not exist: createMode 'recover' needs a soft-deleted vault of that name in this "+
			"subscription and resource group.", id)}
}

// errWorkspaceSoftDeleted: a workspace of that name is soft-deleted in the resource group
// (concept-soft-delete.md: "You can't reuse the name of a workspace that has been soft deleted until the
// retention period has passed or the workspace is permanently deleted"). Code and message seen in
// Azure/ResourceModules #3596 ("Soft-deleted workspace exists. Please purge or recover it.
// https://aka.ms/wsoftdelete (Code:BadRequest)", reported by the deployment's final state); the status,
// 400, is assumed from the code. The last sentence, naming the workspace, is the stand-in's.
func errWorkspaceSoftDeleted(id string) error {
	return &AzureError{Status: 400, Code: "BadRequest", Message: fmt.Sprintf(
		"Soft-deleted workspace exists. Please purge or recover it. https://aka.ms/wsoftdelete Workspace: %s.", id)}
}

// errWorkspaceReference: a workspace's storageAccount, keyVault, applicationInsights or containerRegistry
// must name an existing resource of its type. Code as errReferenceNotFound; Azure's own wording for a
// workspace was not found (approximate).
func errWorkspaceReference(property, refID, armType string) error {
	return &AzureError{Status: 404, Code: "NotFound", Message: fmt.Sprintf(
		"Resource %s referenced by %s was not found: it must be an existing %s.", refID, property, armType)}
}

// errIsolationModeOneWay: managedNetwork.isolationMode changes only one way. how-to-managed-network.md
// (azure-ai-docs, quoted in azure-ml-network-anchors.md (c6)): once set to allow internet outbound, a
// workspace "cannot be reconfigured to disabled"; once set to allow only approved outbound, it "cannot be
// reconfigured to allow internet outbound". Code and wording approximate (not found).
func errIsolationModeOneWay(id, from, to string) error {
	return &AzureError{Status: 400, Code: "BadRequest", Message: fmt.Sprintf(
		"Workspace %s: managed network isolation mode cannot be changed from %s to %s. A workspace that allows internet "+
			"outbound cannot be reconfigured to Disabled, and one that allows only approved outbound cannot be "+
			"reconfigured to AllowInternetOutbound or Disabled.", id, from, to)}
}

// errRegistryPrivateLinkSku: private endpoints to a registry need the Premium tier ("This feature is
// available in the Premium container registry service tier", container-registry-private-link.md, quoted
// in azure-ml-network-anchors.md (c7)). Azure's code for an endpoint to a Basic or Standard registry was
// not found: the code is the stand-in's, the wording follows DisablingPublicNetworkAccessNotSupported's
// (errRegistryPublicAccessSku); approximate.
func errRegistryPrivateLinkSku(endpointID, registryID, sku string) error {
	return &AzureError{Status: 400, Code: "PrivateEndpointNotSupportedForRegistrySku", Message: fmt.Sprintf(
		"Private endpoint %s: private link is not supported for the SKU %s of registry %s. For more information, please "+
			"visit https://aka.ms/acr/private-link.", endpointID, displaySku(sku), registryID)}
}

// errRegistryPublicAccessSku: a Basic or Standard registry with publicNetworkAccess Disabled. Code and
// message seen in Azure-Samples/dotNET-Frontend-AB-Testing-on-Azure-Container-Apps #5
// ("DisablingPublicNetworkAccessNotSupported ... Disabling public network access is not supported for the
// SKU Basic. For more information, please visit https://aka.ms/acr/private-link."). The last sentence,
// naming the registry, is the stand-in's.
func errRegistryPublicAccessSku(registryID, sku string) error {
	return &AzureError{Status: 400, Code: "DisablingPublicNetworkAccessNotSupported", Message: fmt.Sprintf(
		"Disabling public network access is not supported for the SKU %s. For more information, please visit "+
			"https://aka.ms/acr/private-link. Registry: %s.", displaySku(sku), registryID)}
}

// displaySku is a SKU as a message shows it ("none" when the registry has no sku.name).
func displaySku(sku string) string {
	if strings.TrimSpace(sku) == "" {
		return "none"
	}
	return sku
}

// errOutboundRuleMode: an FQDN or ServiceTag outbound rule on a workspace that does not allow only
// approved outbound (see checkOutboundRules); approximate wording.
func errOutboundRuleMode(id, rule, typ, mode string) error {
	return &AzureError{Status: 400, Code: "BadRequest", Message: fmt.Sprintf(
		"Workspace %s: outbound rule '%s' of type %s requires isolation mode AllowOnlyApprovedOutbound, but the "+
			"mode is '%s'.", id, rule, typ, mode)}
}

// errOutboundRuleStorageFQDN: an FQDN outbound rule to a storage host (see checkOutboundRules);
// approximate wording.
func errOutboundRuleStorageFQDN(id, rule, host string) error {
	return &AzureError{Status: 400, Code: "BadRequest", Message: fmt.Sprintf(
		"Workspace %s: outbound rule '%s' cannot use FQDN %s: storage accounts are reached through private "+
			"endpoint outbound rules.", id, rule, host)}
}

// errVaultRetention: softDeleteRetentionInDays outside 7-90 (key-vault soft-delete-overview.md: "between
// 7 to 90 days"; softdelete.go). Azure's code and wording were not found: approximate.
func errVaultRetention(id string, days float64) error {
	return &AzureError{Status: 400, Code: "BadRequest", Message: fmt.Sprintf(
		"Vault %s: softDeleteRetentionInDays %v is invalid; it must be between 7 and 90.", id, days)}
}
