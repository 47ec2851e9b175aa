package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Builders of the services a workspace uses, as a program creates them.

func storageAccount(m obj) Resource { return res("storage:StorageAccount", "st", m) }

// keyVault builds a vault; props are its `properties`.
func keyVault(props obj) Resource { return res("keyvault:Vault", "kv", obj{"properties": props}) }

func containerRegistry(m obj) Resource { return res("containerregistry:Registry", "cr", m) }

func mlWorkspace(m obj) Resource { return res("machinelearningservices:Workspace", "mlw", m) }

// secureServices are the services configured the way the resource checks ask (and the way Azure
// Policy's and Checkov's baselines do), without tags.
func secureServices() []Resource {
	return []Resource{
		storageAccount(obj{
			"accountName": "stml", "kind": "StorageV2", "sku": obj{"name": "Standard_LRS"},
			"publicNetworkAccess": "Disabled", "networkRuleSet": obj{"defaultAction": "Deny", "bypass": "AzureServices"},
			"allowBlobPublicAccess": false, "allowSharedKeyAccess": false, "allowCrossTenantReplication": false,
			"enableHttpsTrafficOnly": true, "minimumTlsVersion": "TLS1_2",
		}),
		res("keyvault:Vault", "kv", obj{"vaultName": "kv-ml", "properties": obj{
			"tenantId": "t", "sku": obj{"family": "A", "name": "standard"},
			"publicNetworkAccess": "Disabled", "networkAcls": obj{"defaultAction": "Deny", "bypass": "AzureServices"},
			"enableSoftDelete": true, "enablePurgeProtection": true, "enableRbacAuthorization": true,
		}}),
		containerRegistry(obj{
			"registryName": "crml", "sku": obj{"name": "Premium"}, "publicNetworkAccess": "Disabled",
			"networkRuleSet": obj{"defaultAction": "Deny"}, "adminUserEnabled": false, "anonymousPullEnabled": false,
		}),
		mlWorkspace(obj{
			"workspaceName": "mlw-ml", "publicNetworkAccess": "Disabled", "hbiWorkspace": true,
			"identity": obj{"type": "SystemAssigned"},
		}),
		mlWorkspace(obj{
			"workspaceName": "mlw-managed", "publicNetworkAccess": "Disabled", "hbiWorkspace": true,
			"identity":       obj{"type": "SystemAssigned,UserAssigned"},
			"managedNetwork": obj{"isolationMode": "AllowOnlyApprovedOutbound"},
		}),
	}
}

// TestSecureServicesPass runs every resource check on services set up as the checks ask: none
// contradicts another.
func TestSecureServicesPass(t *testing.T) {
	for _, c := range Checks() {
		if c.Resource == nil {
			continue
		}
		for _, r := range secureServices() {
			assert.Empty(t, c.Resource(r, Settings{}), "%s on %s", c.Name, r.AzureName())
		}
	}
}

// TestServicesUnknownDuringPreview: a service whose whole configuration is unknown (a preview that
// computes it) is never reported.
func TestServicesUnknownDuringPreview(t *testing.T) {
	services := []Resource{
		storageAccount(obj{"publicNetworkAccess": unknown, "networkRuleSet": unknown, "allowBlobPublicAccess": unknown,
			"allowSharedKeyAccess": unknown, "allowCrossTenantReplication": unknown, "enableHttpsTrafficOnly": unknown,
			"minimumTlsVersion": unknown}),
		res("keyvault:Vault", "kv", obj{"properties": unknown}),
		containerRegistry(obj{"sku": unknown, "publicNetworkAccess": unknown, "networkRuleSet": unknown,
			"adminUserEnabled": unknown, "anonymousPullEnabled": unknown}),
		mlWorkspace(obj{"publicNetworkAccess": unknown, "hbiWorkspace": unknown, "identity": unknown,
			"managedNetwork": unknown}),
	}
	for _, c := range Checks() {
		if c.Resource == nil {
			continue
		}
		for _, r := range services {
			assert.Empty(t, c.Resource(r, Settings{}), "%s on %s", c.Name, r.Name)
		}
	}
}
