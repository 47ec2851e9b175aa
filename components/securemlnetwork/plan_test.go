package securemlnetwork

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const hubZones = testSubscription + "/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/"

// TestValidationErrors has one case per error the inputs can produce. Each message must name the
// input and the bad value and say what to do; the whole message is asserted.
func TestValidationErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		modify func(*Args)
		err    string
	}{
		{"missing resource group", func(a *Args) { a.ResourceGroupName = nil },
			"resourceGroupName is required: name the existing resource group for the network"},
		{"empty location", func(a *Args) { a.Location = "" },
			"location \"\" is not an Azure region name; use a name from `az account list-locations`, for example eastus"},
		{"location with punctuation", func(a *Args) { a.Location = "east-us" },
			"location \"east-us\" is not an Azure region name; use a name from `az account list-locations`, for example eastus"},
		{"unknown cloud", func(a *Args) { a.Cloud = ptr(Cloud("AzureGermanCloud")) },
			`cloud "AzureGermanCloud" is not supported; use AzureCloud, AzureUSGovernment or AzureChinaCloud`},
		{"unknown outbound mode", func(a *Args) { a.OutboundInternet = ptr(OutboundInternet("Block")) },
			`outboundInternet "Block" is not supported; use Allow or Deny`},
		{"address space overlaps Docker", func(a *Args) { a.AddressSpace = ptr("172.17.0.0/16") },
			"addressSpace 172.17.0.0/16 overlaps 172.17.0.0/16, which Docker uses for its bridge network on Azure ML compute; choose another range such as 10.0.0.0/16"},
		{"address space not a CIDR", func(a *Args) { a.AddressSpace = ptr("10.0.0.0") },
			`addressSpace "10.0.0.0" is not an IPv4 CIDR; write it like 10.0.0.0/16`},
		{"prefix outside the address space", func(a *Args) {
			a.Subnets = &SubnetLayout{Training: &SubnetSettings{AddressPrefix: ptr("10.1.0.0/24")}}
		}, "subnets.training.addressPrefix 10.1.0.0/24 is outside addressSpace 10.0.0.0/16; choose a prefix inside it or widen addressSpace"},
		{"overlapping prefixes", func(a *Args) {
			a.Subnets = &SubnetLayout{
				Training: &SubnetSettings{AddressPrefix: ptr("10.0.0.0/23")},
				Scoring:  &ScoringSubnetSettings{AddressPrefix: ptr("10.0.1.0/24")},
			}
		}, "subnets.scoring.addressPrefix 10.0.1.0/24 overlaps subnets.training.addressPrefix 10.0.0.0/23; give each subnet its own range"},
		{"prefix smaller than /29", func(a *Args) {
			a.Subnets = &SubnetLayout{Training: &SubnetSettings{AddressPrefix: ptr("10.0.0.0/30")}}
		}, "subnets.training.addressPrefix 10.0.0.0/30 is smaller than /29, the smallest subnet allowed here; use /29 or larger"},
		{"endpoint subnet too small for the endpoints", func(a *Args) {
			a.Subnets = &SubnetLayout{PrivateEndpoints: &SubnetSettings{AddressPrefix: ptr("10.0.9.0/29")}}
		}, "subnets.privateEndpoints.addressPrefix 10.0.9.0/29 holds 3 usable addresses (Azure reserves 5), but 8 are needed; use /28 or larger"},
		{"scoring prefix while scoring is off", func(a *Args) {
			a.Subnets = &SubnetLayout{Scoring: &ScoringSubnetSettings{Enabled: ptr(false), AddressPrefix: ptr("10.0.5.0/24")}}
		}, "subnets.scoring.addressPrefix is set but subnets.scoring.enabled is false; remove the prefix or enable the subnet"},
		{"unknown storage sub-resource", func(a *Args) {
			a.StorageAccount.Subresources = []StorageSubresource{"blob", "web"}
		}, `storageAccount.subresources: "web" is not a storage sub-resource; use blob, file, queue, table or dfs`},
		{"storage sub-resource twice", func(a *Args) {
			a.StorageAccount.Subresources = []StorageSubresource{"blob", "blob"}
		}, `storageAccount.subresources lists "blob" twice; list each sub-resource once`},
		{"no storage sub-resources", func(a *Args) {
			a.StorageAccount.Subresources = []StorageSubresource{}
		}, "storageAccount.subresources is empty; list at least blob and file, which Azure ML needs"},
		{"dfs has no recorded zone in US Government", func(a *Args) {
			a.Cloud = ptr(CloudAzureUSGovernment)
			a.StorageAccount.Subresources = []StorageSubresource{"blob", "dfs"}
		}, `storageAccount.resourceId: no private DNS zone is recorded for group ID "dfs" in AzureUSGovernment; remove it or use another cloud`},
		{"service without an ID", func(a *Args) { a.KeyVault = &ServiceTarget{} },
			"keyVault.resourceId is required when keyVault is set: give the Azure resource ID of the Microsoft.KeyVault/vaults"},
		{"zone ID for a zone the configuration does not need", func(a *Args) {
			a.DNS = &DNSSettings{ExistingZoneIDs: map[string]string{"privatelink.queue.core.windows.net": hubZones + "privatelink.queue.core.windows.net"}}
		}, `dns.existingZoneIds has "privatelink.queue.core.windows.net", which this configuration does not need (it needs ` +
			`privatelink.api.azureml.ms, privatelink.azurecr.io, privatelink.blob.core.windows.net, privatelink.file.core.windows.net, ` +
			`privatelink.notebooks.azure.net, privatelink.vaultcore.azure.net); remove it, or check the cloud and services`},
		{"zone ID for another cloud's zone name", func(a *Args) {
			a.Cloud = ptr(CloudAzureUSGovernment)
			a.DNS = &DNSSettings{ExistingZoneIDs: map[string]string{"privatelink.vault.azure.net": hubZones + "privatelink.vault.azure.net"}}
		}, `dns.existingZoneIds has "privatelink.vault.azure.net", which this configuration does not need (it needs ` +
			`privatelink.api.ml.azure.us, privatelink.azurecr.us, privatelink.blob.core.usgovcloudapi.net, privatelink.file.core.usgovcloudapi.net, ` +
			`privatelink.notebooks.usgovcloudapi.net, privatelink.vaultcore.usgovcloudapi.net); remove it, or check the cloud and services`},
		{"malformed zone ID", func(a *Args) {
			a.DNS = &DNSSettings{ExistingZoneIDs: map[string]string{"privatelink.vaultcore.azure.net": "privatelink.vaultcore.azure.net"}}
		}, `dns.existingZoneIds["privatelink.vaultcore.azure.net"]: malformed resource ID "privatelink.vaultcore.azure.net": it must start with /; ` +
			`expected /subscriptions/<subscription>/resourceGroups/<group>/providers/<Namespace>/<type>/<name>`},
		{"zone ID of the wrong type", func(a *Args) {
			a.DNS = &DNSSettings{ExistingZoneIDs: map[string]string{"privatelink.vaultcore.azure.net": testKeyVaultID}}
		}, `dns.existingZoneIds["privatelink.vaultcore.azure.net"]: resource ID "` + testKeyVaultID + `" is a Microsoft.KeyVault/vaults, ` +
			`but a Microsoft.Network/privateDnsZones is needed; give the ID of a Microsoft.Network/privateDnsZones`},
		{"zone ID of another zone", func(a *Args) {
			a.DNS = &DNSSettings{ExistingZoneIDs: map[string]string{"privatelink.vaultcore.azure.net": hubZones + "privatelink.blob.core.windows.net"}}
		}, `dns.existingZoneIds["privatelink.vaultcore.azure.net"] is the ID of zone "privatelink.blob.core.windows.net", not ` +
			`"privatelink.vaultcore.azure.net"; give the ID of the zone named privatelink.vaultcore.azure.net`},
		{"existing zones missing one the configuration needs", func(a *Args) {
			a.DNS = &DNSSettings{ExistingZoneIDs: map[string]string{"privatelink.vaultcore.azure.net": hubZones + "privatelink.vaultcore.azure.net"}}
		}, `dns.existingZoneIds has no ID for "privatelink.api.azureml.ms", which this configuration needs; add the zone's ID, ` +
			`or remove existingZoneIds to create the zones here`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := allServices()
			tt.modify(&args)
			_, err := newPlan(args)
			assert.EqualError(t, err, tt.err)
		})
	}
}

func TestComponentNameMustFitAzureNames(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"", "-ml", "ml-", "ml net", "a-very-long-name-that-does-not-fit-into-azure-names-at-all"} {
		assert.EqualError(t, checkComponentName(bad), `resource name "`+bad+`" cannot be used in Azure resource names: `+
			`use 1-50 letters, digits, '_', '.' or '-', starting with a letter or digit and ending with a letter, digit or '_'`)
	}
	for _, good := range []string{"ml", "ML_1", "team.ml-net_"} {
		assert.NoError(t, checkComponentName(good))
	}
}

func TestPlanDefaults(t *testing.T) {
	t.Parallel()
	plan := mustPlan(t, allServices())
	assert.Equal(t, "AzureCloud", string(plan.cloud))
	assert.Equal(t, "10.0.0.0/16", plan.addressSpace)
	assert.False(t, plan.computePublicIP)
	assert.Equal(t, OutboundInternetAllow, plan.outbound)
	assert.True(t, plan.linkVirtualNetwork)
	assert.True(t, plan.createZoneGroups)
	assert.False(t, plan.useExistingZones)
	var keys []string
	for _, e := range plan.endpoints {
		keys = append(keys, e.key)
	}
	assert.Equal(t, []string{"workspace", "storageBlob", "storageFile", "keyVault", "containerRegistry"}, keys)
}

func TestPlanRegionIsNormalized(t *testing.T) {
	t.Parallel()
	args := allServices()
	args.Location = "East US 2"
	assert.Equal(t, "eastus2", mustPlan(t, args).region)
}

func TestEndpointSubnetSizeCountsEveryAddress(t *testing.T) {
	t.Parallel()
	// 3 (workspace) + 1 + 1 (blob, file) + 1 (vault) + 2 (registry) = 8 addresses: a /28 (11 usable) fits.
	args := allServices()
	args.Subnets = &SubnetLayout{PrivateEndpoints: &SubnetSettings{AddressPrefix: ptr("10.0.9.0/28")}}
	plan := mustPlan(t, args)
	assert.Equal(t, "10.0.9.0/28", plan.subnets[2].prefix)
}

func TestPlanUsesGovernmentZones(t *testing.T) {
	t.Parallel()
	args := allServices()
	args.Cloud = ptr(CloudAzureUSGovernment)
	var zones []string
	for _, z := range mustPlan(t, args).zones {
		zones = append(zones, z.name)
	}
	assert.Equal(t, []string{
		"privatelink.api.ml.azure.us", "privatelink.azurecr.us", "privatelink.blob.core.usgovcloudapi.net",
		"privatelink.file.core.usgovcloudapi.net", "privatelink.notebooks.usgovcloudapi.net", "privatelink.vaultcore.usgovcloudapi.net",
	}, zones)
}

func TestPlanResourceGroupMayBeAnOutput(t *testing.T) {
	t.Parallel()
	args := allServices()
	args.ResourceGroupName = pulumi.String("rg").ToStringOutput()
	_, err := newPlan(args)
	require.NoError(t, err)
}
