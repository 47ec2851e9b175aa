package azurestandin

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	fnClientConfig     = "azure-native:authorization:getClientConfig"
	fnVirtualNetwork   = "azure-native:network:getVirtualNetwork"
	fnNetworkInterface = "azure-native:network:getNetworkInterface"
)

func TestGetNetworkInterfaceReturnsAddressesAndFQDNs(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	f.network("10.0.2.0/24")
	peID, pe := f.mustCreate(tokPE, "mlw", peIn("pe-mlw", peSubnetID, "amlworkspace",
		testRG+"Microsoft.MachineLearningServices/workspaces/mlw"))
	nicID := pe["networkInterfaces"].ArrayValue()[0].ObjectValue()["id"].StringValue()

	nic, err := f.invoke(fnNetworkInterface, map[string]any{"resourceGroupName": "rg-ml", "networkInterfaceName": lastSegment(nicID)})
	require.NoError(t, err)
	assert.Equal(t, nicID, nic["id"].StringValue())
	assert.Equal(t, peID, nic["privateEndpoint"].ObjectValue()["id"].StringValue())

	// What the component reads: one configuration per FQDN, with its address.
	var fromNIC, fromEndpoint []map[string]any
	for _, c := range nic["ipConfigurations"].ArrayValue() {
		obj := c.ObjectValue()
		fqdns := obj["privateLinkConnectionProperties"].ObjectValue()["fqdns"].ArrayValue()
		require.Len(t, fqdns, 1)
		fromNIC = append(fromNIC, map[string]any{"fqdn": fqdns[0].StringValue(), "ip": obj["privateIPAddress"].StringValue()})
	}
	for _, c := range pe["customDnsConfigs"].ArrayValue() {
		obj := c.ObjectValue()
		fromEndpoint = append(fromEndpoint, map[string]any{
			"fqdn": obj["fqdn"].StringValue(), "ip": obj["ipAddresses"].ArrayValue()[0].StringValue(),
		})
	}
	assert.Len(t, fromNIC, 3)
	assert.Equal(t, fromEndpoint, fromNIC, "the interface and the endpoint's customDnsConfigs agree")
}

func TestGetVirtualNetworkListsSubnetsWithWhatSitsInThem(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	f.network("10.0.2.0/24")
	f.mustCreate(tokSubnet, "training", subnetIn("vnet-ml", "snet-training", "10.0.0.0/24"))
	kvID, _ := f.mustCreate(tokPE, "kv", vaultPE("pe-kv", peSubnetID))
	acrID, _ := f.mustCreate(tokPE, "acr", peIn("pe-acr", peSubnetID, "registry", testRG+"Microsoft.ContainerRegistry/registries/acrml"))

	args := map[string]any{"resourceGroupName": "rg-ml", "virtualNetworkName": "vnet-ml"}
	vnet, err := f.invoke(fnVirtualNetwork, args)
	require.NoError(t, err)
	assert.Equal(t, vnetID, vnet["id"].StringValue())
	assert.Equal(t, "10.0.0.0/16", vnet["addressSpace"].ObjectValue()["addressPrefixes"].ArrayValue()[0].StringValue())

	subnets := vnet["subnets"].ArrayValue()
	require.Len(t, subnets, 2)
	pe, training := subnets[0].ObjectValue(), subnets[1].ObjectValue() // sorted by ID
	assert.Equal(t, peSubnetID, pe["id"].StringValue())
	assert.Equal(t, vnetID+"/subnets/snet-training", training["id"].StringValue())
	assert.Equal(t, "10.0.2.0/24", pe["addressPrefix"].StringValue())

	var endpoints []string
	for _, e := range pe["privateEndpoints"].ArrayValue() {
		endpoints = append(endpoints, e.ObjectValue()["id"].StringValue())
	}
	assert.ElementsMatch(t, []string{kvID, acrID}, endpoints)
	assert.Len(t, pe["ipConfigurations"].ArrayValue(), 3, "one for the vault, two for the registry")
	assert.NotContains(t, training, resource.PropertyKey("privateEndpoints"))
	assert.NotContains(t, training, resource.PropertyKey("ipConfigurations"))

	for range 5 {
		again, err := f.invoke(fnVirtualNetwork, args)
		require.NoError(t, err)
		assert.True(t, vnet.DeepEquals(again), "ARM answers in a stable order")
	}
}

// A read of a resource that does not exist gets Azure's 404, which azure-native passes on.
func TestInvokeOfAMissingResourceIsAzure404(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		tok      string
		args     map[string]any
		mentions []string
	}{
		{"virtual network", fnVirtualNetwork, map[string]any{"resourceGroupName": "rg-ml", "virtualNetworkName": "vnet-missing"},
			[]string{"Microsoft.Network/virtualNetworks/vnet-missing", "'rg-ml'"}},
		{"network interface", fnNetworkInterface, map[string]any{"resourceGroupName": "rg-ml", "networkInterfaceName": "nic-missing"},
			[]string{"Microsoft.Network/networkInterfaces/nic-missing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, Options{})
			_, err := f.invoke(tt.tok, tt.args)
			requireAzureError(t, err, 404, "ResourceNotFound", tt.mentions...)
			assert.Contains(t, err.Error(), `request failed: offline Azure stand-in: Status=404 Code="ResourceNotFound"`)
		})
	}
}

// An invoke reads in its provider instance's subscription: the hub provider does not see the spoke's
// network under the hub subscription.
func TestInvokesUseTheProviderSubscription(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	spoke := newFixture(t, Options{StateDir: dir})
	spoke.network("10.0.2.0/24")
	hub := newFixture(t, Options{StateDir: dir}).configure(map[string]string{"subscriptionId": hubSubscription})

	args := map[string]any{"resourceGroupName": "rg-ml", "virtualNetworkName": "vnet-ml"}
	_, err := spoke.invoke(fnVirtualNetwork, args)
	require.NoError(t, err)
	_, err = hub.invoke(fnVirtualNetwork, args)
	requireAzureError(t, err, 404, "ResourceNotFound", "vnet-ml")

	cfg, err := hub.invoke(fnClientConfig, nil)
	require.NoError(t, err)
	assert.Equal(t, hubSubscription, cfg["subscriptionId"].StringValue())
	cfg, err = spoke.invoke(fnClientConfig, nil)
	require.NoError(t, err)
	assert.Equal(t, SubscriptionID, cfg["subscriptionId"].StringValue())
}
