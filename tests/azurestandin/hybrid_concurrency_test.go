package azurestandin

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Writes in flight with gateways, Bastion hosts, inbound endpoints and connections (concurrency.go). The
// sources are in the comment of conflict.
func TestConflictWithGatewaysAndConnections(t *testing.T) {
	t.Parallel()
	scope := func(token, op, id string, props map[string]any) operation {
		return scopeOf(token, op, ResourceID{ID: id}, props)
	}
	erID := testRG + "Microsoft.Network/virtualNetworkGateways/vgw-er"
	basID := testRG + "Microsoft.Network/bastionHosts/bas-hub"
	inID := resolverID + "/inboundEndpoints/in-hub"
	otherGateway := testRG + "Microsoft.Network/virtualNetworkGateways/vgw-other"
	cn := func(name, gateway string) operation {
		return scope(tokConnection, "create", testRG+"Microsoft.Network/connections/"+name,
			with(ipsecIn(name, "key"), "virtualNetworkGateway1", map[string]any{"id": gateway}))
	}
	tests := []conflictCase{
		{"gateway created while its GatewaySubnet is written", scope(tokGateway, "create", vpnGatewayID, vpnGatewayIn("pip-1")),
			scope(tokSubnet, "update", gwSubnetID, nil), 400, "RetryableError", false, []string{"PutSubnetOperation", vpnGatewayID}},
		{"gateway created while its network is written", scope(tokGateway, "create", vpnGatewayID, vpnGatewayIn("pip-1")),
			scope(tokVNet, "update", hubVNetID, nil), 400, "RetryableError", false, nil},
		{"GatewaySubnet written while a gateway joins it", scope(tokSubnet, "update", gwSubnetID, nil),
			scope(tokGateway, "create", vpnGatewayID, vpnGatewayIn("pip-1")), 429, "RetryableError", true, []string{vpnGatewayID}},
		{"network written while a gateway leaves its GatewaySubnet", scope(tokVNet, "update", hubVNetID, nil),
			scope(tokGateway, "delete", vpnGatewayID, vpnGatewayIn("pip-1")), 429, "RetryableError", true, nil},
		{"network written while a Bastion host joins", scope(tokVNet, "update", hubVNetID, nil),
			scope(tokBastion, "create", basID, bastionIn(bastionSubnetID, "pip-bas")), 429, "RetryableError", true, []string{basID}},
		{"inbound endpoint created while its subnet is written", scope(tokInbound, "create", inID, inboundIn("in-hub", inSubnetID, "")),
			scope(tokSubnet, "update", inSubnetID, nil), 400, "RetryableError", false, []string{inID}},
		{"two gateways in one GatewaySubnet", scope(tokGatewayER, "create", erID, erGatewayIn("ErGw1AZ")),
			scope(tokGateway, "create", vpnGatewayID, vpnGatewayIn("pip-1")), 0, "", false, nil},
		{"gateway updated (tags) while its GatewaySubnet is written", scope(tokGateway, "update", vpnGatewayID, vpnGatewayIn("pip-1")),
			scope(tokSubnet, "update", gwSubnetID, nil), 0, "", false, nil},
		{"Bastion host created while another subnet is written", scope(tokBastion, "create", basID, bastionIn(bastionSubnetID, "pip-bas")),
			scope(tokSubnet, "update", gwSubnetID, nil), 0, "", false, nil},
		{"two connections on one gateway", cn("cn-b", vpnGatewayID), cn("cn-a", vpnGatewayID),
			409, "AnotherOperationInProgress", true, []string{"cn-b", "cn-a"}},
		{"connection while its gateway is written", cn("cn-a", vpnGatewayID), scope(tokGateway, "update", vpnGatewayID, vpnGatewayIn("pip-1")),
			409, "AnotherOperationInProgress", true, nil},
		{"connections on two gateways", cn("cn-b", otherGateway), cn("cn-a", vpnGatewayID), 0, "", false, nil},
		{"connection deleted while another is created on the gateway",
			scope(tokConnection, "delete", testRG+"Microsoft.Network/connections/cn-b", ipsecIn("cn-b", "key")), cn("cn-a", vpnGatewayID),
			409, "AnotherOperationInProgress", true, nil},
	}
	runConflictCases(t, tests)
}

// Sources: AVM terraform-azurerm-avm-ptn-vnetgateway example vnet-with-subnet and ALZ-Bicep
// hubNetworking.bicep create a VPN and an ExpressRoute gateway in one GatewaySubnet with nothing
// between them; MicrosoftDocs/azure-docs #14960: no order is required. Both are built at once.
func TestTwoGatewaysInOneGatewaySubnetAtOnce(t *testing.T) {
	t.Parallel()
	f, sl := concurrent(t)
	withGatewaySubnet("10.1.0.0/27")(f)
	f.start(sl)

	vpn := f.createAsync(tokGateway, "vpn", vpnGatewayIn("pip-1"))
	vpnTime := sl.next(t)
	assert.Equal(t, SimulatedDelay(tokGateway, testScale), vpnTime.d)
	er := f.createAsync(tokGatewayER, "er", erGatewayIn("ErGw1AZ"))
	erTime := sl.next(t)
	assert.Equal(t, SimulatedDelay(tokGatewayER, testScale), erTime.d, "the second gateway is built while the first is, not waiting out a retry")
	assert.Empty(t, f.calls("retry"))

	erTime.release()
	vpnTime.release()
	require.NoError(t, await(t, vpn).err)
	require.NoError(t, await(t, er).err)
}

// Source: Azure/Azure-Landing-Zones #4134: the second connection written on a gateway while another is
// in flight gets 409 AnotherOperationInProgress, which azure-native retries (shouldRetryConflict).
func TestSecondConnectionOnOneGatewayIsRetried(t *testing.T) {
	t.Parallel()
	f, sl := concurrent(t)
	withGatewaySubnet("10.1.0.0/27")(f)
	f.mustCreate(tokGateway, "vpn", vpnGatewayIn("pip-1"))
	f.mustCreate(tokLNG, "lng", lngIn())
	f.start(sl)

	first := f.createAsync(tokConnection, "cn-a", ipsecIn("cn-a", "key"))
	firstTime := sl.next(t)
	second := f.createAsync(tokConnection, "cn-b", ipsecIn("cn-b", "key"))
	retry := sl.next(t)
	assert.Equal(t, scaled(RetryDelay(1)), retry.d)
	retries := f.calls("retry")
	require.Len(t, retries, 1)
	assert.Equal(t, "AnotherOperationInProgress", retries[0].Detail)

	firstTime.release()
	require.NoError(t, await(t, first).err)
	retry.release()
	sl.next(t).release()
	require.NoError(t, await(t, second).err)
}

// Source: microsoft/AzureTRE #3671: a resource whose IP configuration joins a subnet being written fails
// with ReferencedResourceNotProvisioned "... is PutSubnetOperation", the operation's final state, which
// azure-native does not retry.
func TestGatewayCreatedWhileItsSubnetIsWrittenFails(t *testing.T) {
	t.Parallel()
	f, sl := concurrent(t)
	withGatewaySubnet("10.1.0.0/27")(f)
	f.start(sl)

	update := f.updateAsync(tokSubnet, "gw", gwSubnetID, pm(map[string]any{"id": gwSubnetID}),
		with(hubSubnetIn("GatewaySubnet", "10.1.0.0/27"), "privateEndpointNetworkPolicies", "Disabled"))
	subnetTime := sl.next(t)
	r := awaitWithoutSleeping(t, f.createAsync(tokGateway, "vpn", vpnGatewayIn("pip-1")), sl)
	requireAzureError(t, r.err, 400, "RetryableError", "ReferencedResourceNotProvisioned", strings.ToLower(gwSubnetID), vpnGatewayID)
	assert.Empty(t, f.calls("retry"), "not retried")
	_, found, err := f.s.Store().Get(vpnGatewayID)
	require.NoError(t, err)
	assert.False(t, found, "the refused gateway left nothing behind")

	subnetTime.release()
	require.NoError(t, await(t, update).err)
}

// Rule: azure-native 2.x keeps the standalone subnets of a virtual network it updates (the SDK's
// VirtualNetworkArgs.Subnets: "These are also available as standalone resources"), so a network update
// with new dhcpOptions.dnsServers leaves the subnet records and what sits in them intact.
func TestVirtualNetworkUpdateWithDHCPOptionsKeepsItsSubnets(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	withGatewaySubnet("10.1.0.0/27")(f)
	f.mustCreate(tokSubnet, "in", delegatedSubnetIn("snet-dns-in", "10.1.2.0/28"))
	gwID, _ := f.mustCreate(tokGateway, "vpn", vpnGatewayIn("pip-1"))
	f.mustCreate(tokResolver, "dnsr", resolverIn("dnsr-hub", hubVNetID, "westeurope"))
	inID, _ := f.mustCreate(tokInbound, "in", inboundIn("in-hub", inSubnetID, ""))

	dns := map[string]any{"dnsServers": []any{"10.1.2.4", "168.63.129.16"}}
	out, err := f.update(tokVNet, "hub", hubVNetID, pm(map[string]any{"id": hubVNetID}),
		with(vnetIn("vnet-hub", "westeurope", "10.1.0.0/16"), "dhcpOptions", dns))
	require.NoError(t, err)
	assert.Equal(t, dns, plainMap(out)["dhcpOptions"])

	for subnet, user := range map[string]string{gwSubnetID: gwID, inSubnetID: inID} {
		_, found, err := f.s.Store().Get(subnet)
		require.NoError(t, err)
		assert.True(t, found, "%s is kept", subnet)
		err = f.remove(tokSubnet, "s", subnet, pm(map[string]any{"id": subnet}))
		requireAzureError(t, err, 400, "InUseSubnetCannotBeDeleted", user)
	}
	vnet, err := f.invoke("azure-native:network:getVirtualNetwork", map[string]any{"resourceGroupName": "rg-ml", "virtualNetworkName": "vnet-hub"})
	require.NoError(t, err)
	assert.Equal(t, dns, plainMap(vnet)["dhcpOptions"])
	assert.Len(t, pathSlice(plainMap(vnet), "subnets"), 2)
}

// Sources: a network write while a gateway's IP configurations join one of its subnets meets 429
// RetryableError (as with a private endpoint's interface, terraform-provider-azurerm #21293), which
// azure-native retries; once the gateway is built the update goes through and keeps the subnets.
func TestVirtualNetworkUpdateWhileAGatewayJoinsIsRetried(t *testing.T) {
	t.Parallel()
	f, sl := concurrent(t)
	withGatewaySubnet("10.1.0.0/27")(f)
	f.start(sl)

	gateway := f.createAsync(tokGateway, "vpn", vpnGatewayIn("pip-1"))
	gatewayTime := sl.next(t)
	update := f.updateAsync(tokVNet, "hub", hubVNetID, pm(map[string]any{"id": hubVNetID}),
		with(vnetIn("vnet-hub", "westeurope", "10.1.0.0/16"), "dhcpOptions", map[string]any{"dnsServers": []any{"10.1.2.4"}}))
	retry := sl.next(t)
	assert.Equal(t, scaled(RetryDelay(1)), retry.d)
	retries := f.calls("retry")
	require.Len(t, retries, 1)
	assert.Equal(t, "RetryableError", retries[0].Detail)

	gatewayTime.release()
	require.NoError(t, await(t, gateway).err)
	retry.release()
	sl.next(t).release()
	require.NoError(t, await(t, update).err)
	_, found, err := f.s.Store().Get(gwSubnetID)
	require.NoError(t, err)
	assert.True(t, found)
}
