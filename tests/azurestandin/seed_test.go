package azurestandin

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSeedFromStateRebuildsEndpointInterfaces(t *testing.T) {
	t.Parallel()
	subnetID := testRG + "Microsoft.Network/virtualNetworks/vnet-ml/subnets/snet-private-endpoints"
	peID := testRG + "Microsoft.Network/privateEndpoints/pe-ml-key-vault"
	resources := []apitype.ResourceV3{
		{URN: "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s", Type: "pulumi:pulumi:Stack"},
		{URN: "urn:pulumi:s::p::azure-native:network:Subnet::snet", Custom: true, Type: tokSubnet, ID: resource.ID(subnetID),
			Outputs: map[string]any{"addressPrefix": "10.0.2.0/24"}},
		{URN: "urn:pulumi:s::p::azure-native:network:PrivateEndpoint::pe", Custom: true, Type: tokPE, ID: resource.ID(peID),
			Outputs: map[string]any{
				"customNetworkInterfaceName": "pe-ml-key-vault-nic",
				"location":                   "eastus",
				"subnet":                     map[string]any{"id": subnetID},
				"privateLinkServiceConnections": []any{map[string]any{
					"privateLinkServiceId": testRG + "Microsoft.KeyVault/vaults/kv", "groupIds": []any{"vault"}}},
				"customDnsConfigs": []any{map[string]any{"fqdn": "kv.vault.azure.net", "ipAddresses": []any{"10.0.2.7"}}},
			}},
	}
	store := NewStore(t.TempDir())
	require.NoError(t, SeedFromState(store, resources))
	all, err := store.All()
	require.NoError(t, err)
	assert.Len(t, all, 4, "the subnet and its network, the endpoint and its network interface; the stack is not an Azure resource")

	nic, ok, err := store.Get(testRG + "Microsoft.Network/networkInterfaces/pe-ml-key-vault-nic")
	require.NoError(t, err)
	require.True(t, ok)
	config := objects(pathSlice(nic.Properties, "ipConfigurations"))[0]
	assert.Equal(t, "10.0.2.7", pathString(config, "privateIPAddress"))
	assert.Equal(t, subnetID, pathString(config, "subnet", "id"))
	assert.Equal(t, []string{"kv.vault.azure.net"}, strs(pathSlice(config, "privateLinkConnectionProperties", "fqdns")))

	users, err := subnetUsers(storeView{store}, subnetID)
	require.NoError(t, err)
	assert.Equal(t, []string{peID}, users, "the seeded subnet is in use, as in Azure")
}

func TestSeedFromStateAddsMissingParents(t *testing.T) {
	t.Parallel()
	hubZone := "/subscriptions/" + SubscriptionID + "/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net"
	resources := []apitype.ResourceV3{{
		URN: "urn:pulumi:s::p::azure-native:network:VirtualNetworkLink::link", Custom: true,
		Type: "azure-native:network:VirtualNetworkLink", ID: resource.ID(hubZone + "/virtualNetworkLinks/rg-net-vnet-ml"),
		Outputs: map[string]any{"location": "global"},
	}}
	store := NewStore("")
	require.NoError(t, SeedFromState(store, resources))
	zone, ok, err := store.Get(hubZone)
	require.NoError(t, err)
	require.True(t, ok, "the hub zone the link points into exists")
	assert.Equal(t, "Microsoft.Network/privateDnsZones", zone.Type)
	assert.Equal(t, "rg-hub", zone.ResourceGroup)
}
