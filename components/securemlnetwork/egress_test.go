package securemlnetwork

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testSpokeID         = testSubscription + "/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke"
	testHubSubscription = "22222222-2222-2222-2222-222222222222"
	testHubID           = "/subscriptions/" + testHubSubscription + "/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub"
)

// spokeNetwork is what getVirtualNetwork answers for the existing spoke network: 10.20.0.0/16 with an
// application subnet of its own.
func spokeNetwork() map[string]any {
	return map[string]any{
		"name": "vnet-spoke", "location": "eastus",
		"addressSpace": map[string]any{"addressPrefixes": []any{"10.20.0.0/16"}},
		"subnets": []any{
			map[string]any{"name": "snet-app", "addressPrefix": "10.20.0.0/24"},
			map[string]any{"name": "snet-ml-training", "addressPrefix": "10.20.4.0/24"},
			map[string]any{"name": "snet-ml-endpoints", "addressPrefix": "10.20.5.0/24"},
			map[string]any{"name": "GatewaySubnet", "addressPrefix": "10.20.255.0/27"},
		},
	}
}

func withEgress(mode EgressMode) Args {
	a := allServices()
	a.Egress = &EgressSettings{Mode: ptr(mode)}
	return a
}

func TestNatGatewayMakesComputeSubnetsPrivate(t *testing.T) {
	t.Parallel()
	children, _ := mustConstruct(t, withEgress(EgressModeNatGateway))
	nat := byName(t, children, "ml-nat-gateway")
	assert.Equal(t, "ng-ml", nat.Inputs["natGatewayName"].StringValue())
	assert.Len(t, nat.Inputs["publicIpAddresses"].ArrayValue(), 1)
	ip := byName(t, children, "ml-nat-gateway-ip").Inputs
	assert.True(t, ip["zones"].IsNull() || len(ip["zones"].ArrayValue()) == 0, "a regional NAT gateway takes a regional IP")
	for _, role := range []string{"training", "scoring"} {
		s := byName(t, children, "ml-"+role+"-subnet")
		assert.Equal(t, privateSubnetToken, s.Type, role)
		assert.False(t, s.Inputs["defaultOutboundAccess"].BoolValue(), role)
		assert.Contains(t, s.Inputs, resource.PropertyKey("natGateway"), role)
		assert.NotContains(t, s.Inputs, resource.PropertyKey("routeTable"), "a NAT gateway needs no route")
	}
	endpoints := byName(t, children, "ml-privateEndpoints-subnet")
	assert.Equal(t, "azure-native:network:Subnet", endpoints.Type, "only compute subnets change")
	assert.NotContains(t, endpoints.Inputs, resource.PropertyKey("natGateway"))
}

func TestNatGatewayWithAPrefix(t *testing.T) {
	t.Parallel()
	a := withEgress(EgressModeNatGateway)
	a.Egress.NatGateway = &NatGatewaySettings{PublicIPPrefixLength: ptr(30), IdleTimeoutInMinutes: ptr(10)}
	children, _ := mustConstruct(t, a)
	prefix := byName(t, children, "ml-nat-gateway-ip-prefix").Inputs
	assert.Equal(t, 30.0, prefix["prefixLength"].NumberValue())
	nat := byName(t, children, "ml-nat-gateway").Inputs
	assert.Len(t, nat["publicIpPrefixes"].ArrayValue(), 1)
	assert.Equal(t, 10.0, nat["idleTimeoutInMinutes"].NumberValue())
}

func TestFirewallCarriesAzureMLRulesAndTakesTheDefaultRoute(t *testing.T) {
	t.Parallel()
	children, _ := mustConstruct(t, withEgress(EgressModeFirewall))
	subnet := byName(t, children, "ml-firewall-subnet").Inputs
	assert.Equal(t, "AzureFirewallSubnet", subnet["subnetName"].StringValue())
	assert.NotContains(t, subnet, resource.PropertyKey("networkSecurityGroup"), "Azure disables NSGs there")

	fw := byName(t, children, "ml-firewall").Inputs
	assert.Equal(t, "Standard", fw["sku"].ObjectValue()["tier"].StringValue())
	policy := byName(t, children, "ml-firewall-policy").Inputs
	assert.Equal(t, "Standard", policy["sku"].ObjectValue()["tier"].StringValue())

	collections := byName(t, children, "ml-firewall-rules").Inputs["ruleCollections"].ArrayValue()
	require.Len(t, collections, 2)
	var tags, fqdns []string
	for _, c := range collections {
		for _, r := range c.ObjectValue()["rules"].ArrayValue() {
			rule := r.ObjectValue()
			assert.Equal(t, []resource.PropertyValue{resource.NewStringProperty("10.0.0.0/24"),
				resource.NewStringProperty("10.0.1.0/24")}, rule["sourceAddresses"].ArrayValue(), "from the compute subnets")
			if v, ok := rule["destinationAddresses"]; ok {
				for _, d := range v.ArrayValue() {
					tags = append(tags, d.StringValue())
				}
			}
			if v, ok := rule["targetFqdns"]; ok {
				for _, f := range v.ArrayValue() {
					fqdns = append(fqdns, f.StringValue())
				}
			}
		}
	}
	assert.Contains(t, tags, "BatchNodeManagement.eastus")
	assert.Contains(t, tags, "AzureMachineLearning")
	assert.NotContains(t, tags, "VirtualNetwork", "traffic in the network never crosses the firewall")
	assert.Contains(t, fqdns, "*.azureml.ms")
	assert.Contains(t, fqdns, "mcr.microsoft.com")

	for _, role := range []string{"training", "scoring"} {
		routes := byName(t, children, "ml-"+role+"-routes").Inputs["routes"].ArrayValue()
		require.Len(t, routes, 1, role)
		route := routes[0].ObjectValue()
		assert.Equal(t, "0.0.0.0/0", route["addressPrefix"].StringValue())
		assert.Equal(t, "VirtualAppliance", route["nextHopType"].StringValue())
		assert.Equal(t, "10.0.3.132", route["nextHopIpAddress"].StringValue(), "the firewall's address")
	}
}

func TestFirewallWaitsForItsSubnetAndRulesOnly(t *testing.T) {
	t.Parallel()
	rec := &dependencyRecorder{}
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := NewSecureMLNetwork(ctx, "ml", withEgress(EgressModeFirewall))
		return err
	}, pulumi.WithMocksWithOrganization(t.Name(), "project", "stack", rec))
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"ml-firewall-subnet", "ml-firewall-rules", "ml-firewall-ip", "ml-firewall-policy"},
		rec.dependencies["ml-firewall"], "not on endpoints or zones")
	assert.Contains(t, rec.dependencies["ml-privateEndpoints-subnet"], "ml-firewall-subnet", "the firewall's subnet "+
		"comes before the endpoints'")
}

func TestNextHopRoutesToTheHub(t *testing.T) {
	t.Parallel()
	a := withEgress(EgressModeNextHop)
	a.Egress.NextHopIPAddress = pulumi.String("10.100.0.4")
	a.ComputePublicIP = ptr(true)
	children, _ := mustConstruct(t, a)
	routes := byName(t, children, "ml-training-routes").Inputs["routes"].ArrayValue()
	require.Len(t, routes, 3, "Azure ML and Batch to Internet for public-IP compute, everything else to the hub")
	last := routes[2].ObjectValue()
	assert.Equal(t, "10.100.0.4", last["nextHopIpAddress"].StringValue())
	assert.Empty(t, ofType(children, "azure-native:network:AzureFirewall"))
	assert.Empty(t, ofType(children, "azure-native:network:NatGateway"))
}

func TestExistingNetworkGetsTheSubnets(t *testing.T) {
	t.Parallel()
	a := allServices()
	a.ExistingNetwork = &ExistingNetworkSettings{ID: pulumi.String(testSpokeID)}
	a.AddressSpace = pulumi.String("10.20.8.0/22")
	children, out, err := constructWith(t, &recorder{existingVNet: spokeNetwork()}, a)
	require.NoError(t, err)
	assert.Empty(t, ofType(children, "azure-native:network:VirtualNetwork"), "the network is not created")
	training := byName(t, children, "ml-training-subnet").Inputs
	assert.Equal(t, "vnet-spoke", training["virtualNetworkName"].StringValue())
	assert.Equal(t, "rg-spoke", training["resourceGroupName"].StringValue())
	assert.Equal(t, "10.20.8.0/24", training["addressPrefix"].StringValue())
	link := byName(t, children, "ml-privatelink.vaultcore.azure.net-link").Inputs
	assert.Equal(t, testSpokeID, link["virtualNetwork"].ObjectValue()["id"].StringValue())
	assert.Equal(t, "rg-spoke-vnet-spoke", link["virtualNetworkLinkName"].StringValue())
	assert.Equal(t, testSpokeID, out.VirtualNetworkID)
	assert.Equal(t, "vnet-spoke", out.VirtualNetworkName)
}

func TestExistingSubnetsAreUsedAsTheyAre(t *testing.T) {
	t.Parallel()
	a := allServices()
	a.ExistingNetwork = &ExistingNetworkSettings{ID: pulumi.String(testSpokeID), SubnetIDs: &ExistingSubnetIDs{
		Training:         pulumi.String(testSpokeID + "/subnets/snet-ml-training"),
		PrivateEndpoints: pulumi.String(testSpokeID + "/subnets/snet-ml-endpoints"),
	}}
	children, out, err := constructWith(t, &recorder{existingVNet: spokeNetwork()}, a)
	require.NoError(t, err)
	assert.Empty(t, ofType(children, "azure-native:network:Subnet"))
	assert.Empty(t, ofType(children, "azure-native:network:NetworkSecurityGroup"))
	pe := byName(t, children, "ml-keyVault-pe").Inputs
	assert.Equal(t, testSpokeID+"/subnets/snet-ml-endpoints", pe["subnet"].ObjectValue()["id"].StringValue())
	assert.Equal(t, testSpokeID+"/subnets/snet-ml-training", out.SubnetIDs["training"])
}

func TestHubPeeringInAnotherSubscription(t *testing.T) {
	t.Parallel()
	a := allServices()
	a.HubPeering = &HubPeeringSettings{RemoteVirtualNetworkID: pulumi.String(testHubID),
		UseRemoteGateways: ptr(true), CreateRemotePeering: ptr(true)}
	hub := map[string]any{"name": "vnet-hub", "location": "eastus", "subnets": []any{map[string]any{
		"name": "GatewaySubnet", "addressPrefix": "10.100.1.0/26", "ipConfigurations": []any{map[string]any{"id": "/x"}}}}}
	rec := &dependencyRecorder{recorder: recorder{existingVNet: hub}}
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := NewSecureMLNetwork(ctx, "ml", a)
		return err
	}, pulumi.WithMocksWithOrganization(t.Name(), "project", "stack", rec))
	require.NoError(t, err)
	local := byName(t, rec.children, "ml-hub-peering").Inputs
	assert.Equal(t, "peer-hub", local["virtualNetworkPeeringName"].StringValue())
	assert.True(t, local["useRemoteGateways"].BoolValue())
	assert.True(t, local["allowForwardedTraffic"].BoolValue())
	remote := byName(t, rec.children, "ml-hub-remote-peering").Inputs
	assert.Equal(t, "vnet-hub", remote["virtualNetworkName"].StringValue())
	assert.Equal(t, "rg-hub", remote["resourceGroupName"].StringValue())
	assert.True(t, remote["allowGatewayTransit"].BoolValue())
	assert.Contains(t, rec.dependencies["ml-hub-peering"], "ml-hub-remote-peering", "remote gateways need the hub's side first")
	assert.Contains(t, rec.dependencies["ml-privateEndpoints-subnet"], "ml-hub-peering", "the peering is written "+
		"before the subnets")
	providers := ofType(rec.children, "pulumi:providers:azure-native")
	require.Len(t, providers, 1, "the hub's side goes through a provider for the hub's subscription")
	assert.Equal(t, "ml-subscription-"+testHubSubscription, providers[0].Name)
}

func TestHubLinksToTheZonesAndSpokesThroughTheFirewall(t *testing.T) {
	t.Parallel()
	a := withEgress(EgressModeFirewall)
	a.Egress.Firewall = &FirewallSettings{AllowedSourceAddresses: pulumi.ToStringArray([]string{"10.1.0.0/24"})}
	a.HubPeering = &HubPeeringSettings{RemoteVirtualNetworkID: pulumi.String(testHubID), LinkZones: ptr(true)}
	children, _ := mustConstruct(t, a)
	link := byName(t, children, "ml-privatelink.api.azureml.ms-hub-link").Inputs
	assert.Equal(t, testHubID, link["virtualNetwork"].ObjectValue()["id"].StringValue())
	assert.Equal(t, "rg-hub-vnet-hub", link["virtualNetworkLinkName"].StringValue())
	rule := byName(t, children, "ml-firewall-rules").Inputs["ruleCollections"].ArrayValue()[0].ObjectValue()["rules"].
		ArrayValue()[0].ObjectValue()
	assert.Equal(t, []resource.PropertyValue{resource.NewStringProperty("10.0.0.0/24"),
		resource.NewStringProperty("10.0.1.0/24"), resource.NewStringProperty("10.1.0.0/24")}, rule["sourceAddresses"].ArrayValue())
}

func TestServiceEndpointsReplaceTheServicesEndpoints(t *testing.T) {
	t.Parallel()
	a := allServices()
	a.StorageAccount.Access = ptr(ServiceAccessServiceEndpoint)
	a.KeyVault.Access = ptr(ServiceAccessServiceEndpoint)
	children, out := mustConstruct(t, a)
	assert.Len(t, ofType(children, "azure-native:network:PrivateEndpoint"), 2, "the workspace and the registry")
	for _, z := range []string{"privatelink.blob.core.windows.net", "privatelink.vaultcore.azure.net"} {
		assert.NotContains(t, out.PrivateDNSZoneIDs, z)
	}
	for _, role := range []string{"training", "scoring", "privateEndpoints"} {
		endpoints := byName(t, children, "ml-"+role+"-subnet").Inputs["serviceEndpoints"].ArrayValue()
		require.Len(t, endpoints, 2, role)
		assert.Equal(t, "Microsoft.Storage", endpoints[0].ObjectValue()["service"].StringValue())
		assert.Equal(t, "eastus", endpoints[0].ObjectValue()["locations"].ArrayValue()[0].StringValue())
	}
}

func TestApplicationSecurityGroups(t *testing.T) {
	t.Parallel()
	a := allServices()
	a.AppSecurityGroups = ptr(true)
	children, _ := mustConstruct(t, a)
	assert.Len(t, ofType(children, "azure-native:network:ApplicationSecurityGroup"), 2)
	pe := byName(t, children, "ml-workspace-pe").Inputs
	assert.Len(t, pe["applicationSecurityGroups"].ArrayValue(), 1)
	rules := byName(t, children, "ml-privateEndpoints-nsg").Inputs["securityRules"].ArrayValue()
	first := rules[0].ObjectValue()
	assert.Equal(t, "AllowVirtualNetworkToEndpoints", first["name"].StringValue())
	assert.Len(t, first["destinationApplicationSecurityGroups"].ArrayValue(), 1)
	assert.NotContains(t, first, resource.PropertyKey("destinationAddressPrefix"))
}

// TestEgressValidationErrors has one case per error of the ways out, existing networks, peering,
// service endpoints and groups; the whole message is asserted and nothing may be registered.
func TestEgressValidationErrors(t *testing.T) {
	t.Parallel()
	egress := func(a *Args, mode EgressMode) *EgressSettings {
		a.Egress = &EgressSettings{Mode: ptr(mode)}
		return a.Egress
	}
	existing := func(a *Args) *ExistingNetworkSettings {
		a.ExistingNetwork = &ExistingNetworkSettings{ID: pulumi.String(testSpokeID)}
		a.AddressSpace = pulumi.String("10.20.8.0/22")
		return a.ExistingNetwork
	}
	given := func(a *Args) {
		existing(a).SubnetIDs = &ExistingSubnetIDs{
			Training:         pulumi.String(testSpokeID + "/subnets/snet-ml-training"),
			PrivateEndpoints: pulumi.String(testSpokeID + "/subnets/snet-ml-endpoints"),
		}
		a.AddressSpace = nil
	}
	tests := []struct {
		name   string
		modify func(*Args)
		err    string
	}{
		{"unknown egress mode", func(a *Args) { egress(a, "proxy") },
			`egress.mode "proxy" is not an egress mode; use default, natGateway, firewall, nextHop`},
		{"NAT gateway together with a firewall", func(a *Args) {
			egress(a, EgressModeFirewall).NatGateway = &NatGatewaySettings{}
		}, "egress.natGateway is set but egress.mode is firewall; one egress path at a time (a 0.0.0.0/0 route to an " +
			"appliance would bypass a NAT gateway): set egress.mode to natGateway, or remove egress.natGateway"},
		{"firewall settings with a NAT gateway", func(a *Args) {
			egress(a, EgressModeNatGateway).Firewall = &FirewallSettings{}
		}, "egress.firewall is set but egress.mode is natGateway; one egress path at a time (a 0.0.0.0/0 route to an " +
			"appliance would bypass a NAT gateway): set egress.mode to firewall, or remove egress.firewall"},
		{"next hop without nextHop mode", func(a *Args) {
			egress(a, EgressModeDefault).NextHopIPAddress = pulumi.String("10.100.0.4")
		}, "egress.nextHopIpAddress is set but egress.mode is default; one egress path at a time (a 0.0.0.0/0 route " +
			"to an appliance would bypass a NAT gateway): set egress.mode to nextHop, or remove egress.nextHopIpAddress"},
		{"nextHop mode without an address", func(a *Args) { egress(a, EgressModeNextHop) },
			"egress.mode is nextHop but egress.nextHopIpAddress is not set; give the private address of the hub's " +
				"firewall or appliance"},
		{"next hop outside private ranges", func(a *Args) {
			egress(a, EgressModeNextHop).NextHopIPAddress = pulumi.String("20.30.40.50")
		}, "egress.nextHopIpAddress 20.30.40.50 is not in a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, " +
			"100.64.0.0/10); a route's next hop is an appliance's private address in this or a peered network"},
		{"next hop inside a compute subnet", func(a *Args) {
			egress(a, EgressModeNextHop).NextHopIPAddress = pulumi.String("10.0.0.10")
		}, "egress.nextHopIpAddress 10.0.0.10 is inside the training subnet 10.0.0.0/24, whose 0.0.0.0/0 route goes " +
			"to it: the appliance would route its own traffic to itself; give an address in another subnet or network"},
		{"next hop not an address", func(a *Args) {
			egress(a, EgressModeNextHop).NextHopIPAddress = pulumi.String("fw.hub.internal")
		}, `egress.nextHopIpAddress "fw.hub.internal" is not an IPv4 address; give the private address of the hub's ` +
			`firewall or appliance, like 10.100.0.4`},
		{"Basic firewall", func(a *Args) {
			egress(a, EgressModeFirewall).Firewall = &FirewallSettings{Sku: ptr(FirewallSku("Basic"))}
		}, "egress.firewall.sku Basic is refused for Azure ML: it has no DNS proxy and no FQDN network rules " +
			"(features-by-sku.md), so the compute rules Azure ML needs cannot be written, and it needs a management " +
			"subnet; use Standard"},
		{"unknown firewall tier", func(a *Args) {
			egress(a, EgressModeFirewall).Firewall = &FirewallSettings{Sku: ptr(FirewallSku("Ultra"))}
		}, `egress.firewall.sku "Ultra" is not a firewall tier; use Standard, Premium`},
		{"extra FQDN with an inner wildcard", func(a *Args) {
			egress(a, EgressModeFirewall).Firewall = &FirewallSettings{ExtraFqdns: []string{"pkg.*.example.com"}}
		}, `egress.firewall.extraFqdns: "pkg.*.example.com" is not a host name Azure Firewall takes; write it like ` +
			`pypi.org or *.anaconda.org (a wildcard only as a leading "*.")`},
		{"extra FQDN twice", func(a *Args) {
			egress(a, EgressModeFirewall).Firewall = &FirewallSettings{ExtraFqdns: []string{"pypi.org", "PyPI.org"}}
		}, `egress.firewall.extraFqdns lists "PyPI.org" twice; list each once`},
		{"firewall subnet below /26", func(a *Args) {
			egress(a, EgressModeFirewall)
			a.Subnets = &SubnetLayout{Firewall: &SubnetSettings{AddressPrefix: pulumi.String("10.0.3.128/27")}}
		}, "subnets.firewall.addressPrefix 10.0.3.128/27 is smaller than /26, the smallest subnet allowed here; use /26 or larger"},
		{"firewall subnet without a firewall", func(a *Args) {
			a.Subnets = &SubnetLayout{Firewall: &SubnetSettings{AddressPrefix: pulumi.String("10.0.3.128/26")}}
		}, "subnets.firewall.addressPrefix is set but egress.mode firewall is not; remove the prefix or add egress.mode firewall"},
		{"NAT prefix length out of range", func(a *Args) {
			egress(a, EgressModeNatGateway).NatGateway = &NatGatewaySettings{PublicIPPrefixLength: ptr(24)}
		}, "egress.natGateway.publicIpPrefixLength 24 is outside 28-31 (16 to 2 addresses); a NAT gateway takes at most 16 addresses"},
		{"NAT idle timeout out of range", func(a *Args) {
			egress(a, EgressModeNatGateway).NatGateway = &NatGatewaySettings{IdleTimeoutInMinutes: ptr(240)}
		}, "egress.natGateway.idleTimeoutInMinutes 240 is outside 4-120"},
		{"service endpoint for the registry", func(a *Args) { a.ContainerRegistry.Access = ptr(ServiceAccessServiceEndpoint) },
			`containerRegistry.access serviceEndpoint is refused: Azure ML needs the registry through a private endpoint, ` +
				`and registry service endpoints are a preview whose future development "isn't currently planned" ` +
				`(container-registry-vnet.md); use privateEndpoint`},
		{"service endpoint for the workspace", func(a *Args) { a.Workspace.Access = ptr(ServiceAccessServiceEndpoint) },
			"workspace.access serviceEndpoint is refused: an Azure ML workspace is reached through a private endpoint " +
				"only; use privateEndpoint"},
		{"service and private endpoint for one service", func(a *Args) {
			a.StorageAccount.Access = ptr(ServiceAccessServiceEndpoint)
			a.StorageAccount.Subresources = []StorageSubresource{"blob"}
		}, "storageAccount.subresources asks for private endpoints, but storageAccount.access is serviceEndpoint; a " +
			"service is reached one way here: remove subresources, or use privateEndpoint"},
		{"unknown access path", func(a *Args) { a.KeyVault.Access = ptr(ServiceAccess("vpn")) },
			`keyVault.access "vpn" is not an access path; use privateEndpoint or serviceEndpoint`},
		{"remote gateways with a local gateway", func(a *Args) {
			a.VpnGateway = hybridServices().VpnGateway
			a.HubPeering = &HubPeeringSettings{RemoteVirtualNetworkID: pulumi.String(testHubID), UseRemoteGateways: ptr(true)}
		}, "hubPeering.useRemoteGateways is true, but this network has its own gateway (vpnGateway or expressRoute); " +
			"Azure refuses remote gateways on a network with a gateway (virtual-network-manage-peering.md): remove one of them"},
		{"peering to a resource of another type", func(a *Args) {
			a.HubPeering = &HubPeeringSettings{RemoteVirtualNetworkID: pulumi.String(testKeyVaultID)}
		}, `hubPeering.remoteVirtualNetworkId: resource ID "` + testKeyVaultID + `" is a Microsoft.KeyVault/vaults, but a ` +
			`Microsoft.Network/virtualNetworks is needed; give the ID of a Microsoft.Network/virtualNetworks`},
		{"peering to itself", func(a *Args) {
			existing(a)
			a.HubPeering = &HubPeeringSettings{RemoteVirtualNetworkID: pulumi.String(testSpokeID)}
		}, "hubPeering.remoteVirtualNetworkId is this network itself; give the hub's network"},
		{"remote gateways of a hub without a gateway", func(a *Args) {
			a.HubPeering = &HubPeeringSettings{RemoteVirtualNetworkID: pulumi.String(testSpokeID), UseRemoteGateways: ptr(true)}
		}, "hubPeering.useRemoteGateways is true, but the hub network vnet-spoke has no gateway in its GatewaySubnet; " +
			"Azure refuses it (RemoteVnetHasNoGateways): create the hub's VPN or ExpressRoute gateway first, or set " +
			"useRemoteGateways to false"},
		{"existing network of another type", func(a *Args) { existing(a).ID = pulumi.String(testKeyVaultID) },
			`existingVirtualNetwork.id: resource ID "` + testKeyVaultID + `" is a Microsoft.KeyVault/vaults, but a ` +
				`Microsoft.Network/virtualNetworks is needed; give the ID of a Microsoft.Network/virtualNetworks`},
		{"existing network in another region", func(a *Args) {
			existing(a)
			a.Location = pulumi.String("westeurope")
		}, "existingVirtualNetwork.id: the virtual network vnet-spoke is in eastus, but location is westeurope; Azure ML " +
			"needs the network in the workspace's region (how-to-secure-training-vnet.md): set location to eastus or use " +
			"a network in westeurope"},
		{"existing network in another subscription", func(a *Args) { existing(a).ID = pulumi.String(testHubID) },
			"existingVirtualNetwork.id is in subscription " + testHubSubscription + ", but this stack deploys to " +
				testSubscriptionID + "; Azure ML needs the network in the workspace's subscription, and this component adds " +
				"subnets with the stack's azure-native provider: deploy from that subscription"},
		{"address space outside the existing network", func(a *Args) {
			existing(a)
			a.AddressSpace = pulumi.String("10.30.0.0/22")
		}, "addressSpace 10.30.0.0/22 is not inside the address space of existingVirtualNetwork (10.20.0.0/16); give the " +
			"range of that network the component may carve its subnets from, for example a free /22 in it"},
		{"subnet overlapping one of the existing network", func(a *Args) {
			existing(a)
			a.AddressSpace = pulumi.String("10.20.0.0/22")
		}, "subnets.training 10.20.0.0/24 overlaps the existing subnet snet-app (10.20.0.0/24) of existingVirtualNetwork; " +
			"give subnets.training.addressPrefix, or an addressSpace clear of the network's subnets"},
		{"DNS servers of an existing network", func(a *Args) {
			existing(a)
			a.DNSResolver = &DNSResolverSettings{}
		}, "dnsResolver.setVirtualNetworkDnsServers is true, but the network is existingVirtualNetwork, whose DNS servers " +
			"this component does not own (a change is a write of the whole network); set it to false and set the " +
			"network's DNS servers where the network is managed"},
		{"given subnets with a gateway", func(a *Args) {
			given(a)
			a.Bastion = &BastionSettings{}
		}, "existingVirtualNetwork.subnetIds uses subnets as they are and creates none, so it cannot have vpnGateway, " +
			"expressRoute, dnsResolver and bastion (their own subnets); remove subnetIds to let the component add its " +
			"subnets to the network"},
		{"given subnets with a NAT gateway", func(a *Args) {
			given(a)
			egress(a, EgressModeNatGateway)
		}, "existingVirtualNetwork.subnetIds uses subnets as they are and creates none, so it cannot have egress " +
			"natGateway (a NAT gateway or route table on the subnets); remove subnetIds to let the component add its " +
			"subnets to the network"},
		{"given subnet of another network", func(a *Args) {
			given(a)
			a.ExistingNetwork.SubnetIDs.Training = pulumi.String(testHubID + "/subnets/snet-ml-training")
		}, "existingVirtualNetwork.subnetIds.training is a subnet of " + testHubID + ", not of existingVirtualNetwork.id " +
			testSpokeID + "; give a subnet of that network"},
		{"given subnet missing from the network", func(a *Args) {
			given(a)
			a.ExistingNetwork.SubnetIDs.Training = pulumi.String(testSpokeID + "/subnets/snet-nothing")
		}, "existingVirtualNetwork.subnetIds.training: the network has no subnet snet-nothing; give one of GatewaySubnet, " +
			"snet-app, snet-ml-endpoints, snet-ml-training"},
		{"hub links without zones", func(a *Args) {
			a.Workspace, a.StorageAccount, a.KeyVault, a.ContainerRegistry = nil, nil, nil, nil
			a.HubPeering = &HubPeeringSettings{RemoteVirtualNetworkID: pulumi.String(testHubID), LinkZones: ptr(true)}
		}, "hubPeering.linkZones is true, but this network has no private DNS zones to link (no service has a private " +
			"endpoint); remove linkZones"},
		{"firewall source that is not a CIDR", func(a *Args) {
			egress(a, EgressModeFirewall).Firewall = &FirewallSettings{
				AllowedSourceAddresses: pulumi.ToStringArray([]string{"10.1.0.1/24"})}
		}, `egress.firewall.allowedSourceAddresses: "10.1.0.1/24" is not an IPv4 CIDR without host bits; write it like 10.1.0.0/24`},
		{"given subnets without the endpoints' subnet", func(a *Args) {
			given(a)
			a.ExistingNetwork.SubnetIDs.PrivateEndpoints = nil
		}, "existingVirtualNetwork.subnetIds needs training and privateEndpoints: the subnets compute and the private " +
			"endpoints go to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := allServices()
			tt.modify(&args)
			children, _, err := constructWith(t, &recorder{existingVNet: spokeNetwork()}, args)
			require.Error(t, err)
			assert.Equal(t, tt.err, programError(err))
			var azure []string
			for _, c := range children {
				if strings.HasPrefix(c.Type, "azure-native:network") {
					azure = append(azure, c.Name)
				}
			}
			assert.Empty(t, azure, "an invalid input registers no Azure child")
		})
	}
}
