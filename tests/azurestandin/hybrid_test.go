package azurestandin

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hybrid-access resources (hybrid.go): virtual network gateways, local network gateways,
// connections, Bastion hosts, DNS resolvers and inbound endpoints. Each test names the source of the rule
// it pins; the refusals' sources are in azureerror.go.

const (
	tokGateway    = "azure-native:network:VirtualNetworkGateway"
	tokGatewayER  = "azure-native:network/v20230601:VirtualNetworkGateway"
	tokLNG        = "azure-native:network:LocalNetworkGateway"
	tokConnection = "azure-native:network:VirtualNetworkGatewayConnection"
	tokResolver   = "azure-native:network:DnsResolver"
	tokInbound    = "azure-native:network:InboundEndpoint"
	tokBastion    = "azure-native:network:BastionHost"
	tokLink2024   = "azure-native:network/v20240601:VirtualNetworkLink"
)

// IDs of the hub network the hybrid fixtures build (vnet-hub, 10.1.0.0/16, westeurope).
var (
	hubVNetID       = testRG + "Microsoft.Network/virtualNetworks/vnet-hub"
	gwSubnetID      = hubVNetID + "/subnets/GatewaySubnet"
	bastionSubnetID = hubVNetID + "/subnets/AzureBastionSubnet"
	inSubnetID      = hubVNetID + "/subnets/snet-dns-in"
	resolverID      = testRG + "Microsoft.Network/dnsResolvers/dnsr-hub"
	vpnGatewayID    = testRG + "Microsoft.Network/virtualNetworkGateways/vgw-vpn"
	lngID           = testRG + "Microsoft.Network/localNetworkGateways/lgw-onprem"
	circuitID       = "/subscriptions/" + hubSubscription + "/resourceGroups/rg-er/providers/Microsoft.Network/expressRouteCircuits/erc-1"
)

func pipID(name string) string { return testRG + "Microsoft.Network/publicIPAddresses/" + name }

func pipIn(name string) map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "publicIpAddressName": name, "location": "westeurope",
		"sku": map[string]any{"name": "Standard", "tier": "Regional"}, "publicIPAllocationMethod": "Static",
		"publicIPAddressVersion": "IPv4", "zones": []any{"1", "2", "3"},
	}
}

func hubSubnetIn(name, prefix string) map[string]any { return subnetIn("vnet-hub", name, prefix) }

func delegatedSubnetIn(name, prefix string) map[string]any {
	return with(hubSubnetIn(name, prefix), "delegations", []any{map[string]any{
		"name": "Microsoft.Network.dnsResolvers", "serviceName": "Microsoft.Network/dnsResolvers",
	}})
}

// gatewayIn describes a gateway of gatewayType with one IP configuration per public IP, in subnetID.
func gatewayIn(name, gatewayType, sku, subnetID string, pips ...string) map[string]any {
	var configs []any
	for i, p := range pips {
		configs = append(configs, map[string]any{
			"name": fmt.Sprintf("ipconfig%d", i+1), "privateIPAllocationMethod": "Dynamic",
			"publicIPAddress": map[string]any{"id": pipID(p)}, "subnet": map[string]any{"id": subnetID},
		})
	}
	return map[string]any{
		"resourceGroupName": "rg-ml", "virtualNetworkGatewayName": name, "location": "westeurope",
		"gatewayType": gatewayType, "vpnType": "RouteBased", "sku": map[string]any{"name": sku, "tier": sku},
		"activeActive": len(pips) > 1 && gatewayType == "Vpn", "enableBgp": gatewayType == "Vpn",
		"vpnGatewayGeneration": "Generation2", "ipConfigurations": configs,
	}
}

func vpnGatewayIn(pips ...string) map[string]any {
	return gatewayIn("vgw-vpn", "Vpn", "VpnGw1AZ", gwSubnetID, pips...)
}

func erGatewayIn(sku string) map[string]any {
	return gatewayIn("vgw-er", "ExpressRoute", sku, gwSubnetID, "pip-er")
}

func lngIn() map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "localNetworkGatewayName": "lgw-onprem", "location": "westeurope",
		"gatewayIpAddress": "203.0.113.10", "localNetworkAddressSpace": map[string]any{"addressPrefixes": []any{"192.168.0.0/16"}},
	}
}

func ipsecIn(name, key string) map[string]any {
	in := map[string]any{
		"resourceGroupName": "rg-ml", "virtualNetworkGatewayConnectionName": name, "location": "westeurope",
		"connectionType": "IPsec", "connectionProtocol": "IKEv2", "enableBgp": false,
		"virtualNetworkGateway1": map[string]any{"id": vpnGatewayID}, "localNetworkGateway2": map[string]any{"id": lngID},
	}
	if key != "" {
		in["sharedKey"] = key
	}
	return in
}

func resolverIn(name, vnet, location string) map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "dnsResolverName": name, "location": location,
		"virtualNetwork": map[string]any{"id": vnet},
	}
}

func inboundIn(name, subnetID, address string) map[string]any {
	config := map[string]any{"subnet": map[string]any{"id": subnetID}}
	if address != "" {
		config["privateIpAddress"], config["privateIpAllocationMethod"] = address, "Static"
	}
	return map[string]any{
		"resourceGroupName": "rg-ml", "dnsResolverName": "dnsr-hub", "inboundEndpointName": name, "location": "westeurope",
		"ipConfigurations": []any{config},
	}
}

func bastionIn(subnetID, pip string) map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "bastionHostName": "bas-hub", "location": "westeurope",
		"sku": map[string]any{"name": "Standard"},
		"ipConfigurations": []any{map[string]any{
			"name": "ipconfig1", "publicIPAddress": map[string]any{"id": pipID(pip)}, "subnet": map[string]any{"id": subnetID},
		}},
	}
}

// bastionNSGIn is an NSG with the rules of bastion-nsg.md, less the named ones.
func bastionNSGIn(without ...string) map[string]any {
	rule := func(name, dir, proto, from, to string, priority float64, ports ...string) map[string]any {
		r := map[string]any{
			"name": name, "priority": priority, "direction": dir, "access": "Allow", "protocol": proto,
			"sourceAddressPrefix": from, "sourcePortRange": "*", "destinationAddressPrefix": to,
		}
		if len(ports) == 1 {
			r["destinationPortRange"] = ports[0]
		} else {
			var ps []any
			for _, p := range ports {
				ps = append(ps, p)
			}
			r["destinationPortRanges"] = ps
		}
		return r
	}
	all := []map[string]any{
		rule("AllowHttpsInbound", "Inbound", "Tcp", "Internet", "*", 120, "443"),
		rule("AllowGatewayManagerInbound", "Inbound", "Tcp", "GatewayManager", "*", 130, "443"),
		rule("AllowAzureLoadBalancerInbound", "Inbound", "Tcp", "AzureLoadBalancer", "*", 140, "443"),
		rule("AllowBastionHostCommunication", "Inbound", "*", "VirtualNetwork", "VirtualNetwork", 150, "8080", "5701"),
		rule("AllowSshRdpOutbound", "Outbound", "*", "*", "VirtualNetwork", 100, "22", "3389"),
		rule("AllowAzureCloudOutbound", "Outbound", "Tcp", "*", "AzureCloud", 110, "443"),
		rule("AllowBastionCommunication", "Outbound", "*", "VirtualNetwork", "VirtualNetwork", 120, "8080", "5701"),
		rule("AllowHttpOutbound", "Outbound", "*", "*", "Internet", 130, "80"),
	}
	var rules []any
	for _, r := range all {
		if !containsFold(without, r["name"].(string)) {
			rules = append(rules, r)
		}
	}
	return map[string]any{
		"resourceGroupName": "rg-ml", "networkSecurityGroupName": "nsg-bastion", "location": "westeurope", "securityRules": rules,
	}
}

// hub creates vnet-hub (10.1.0.0/16, westeurope) and the subnets given.
func (f *fixture) hub(subnets ...map[string]any) {
	f.t.Helper()
	f.mustCreate(tokVNet, "hub", vnetIn("vnet-hub", "westeurope", "10.1.0.0/16"))
	for _, s := range subnets {
		f.mustCreate(tokSubnet, "snet-"+s["subnetName"].(string), s)
	}
}

// withGatewaySubnet builds the hub with a /27 GatewaySubnet and public IPs pip-1..pip-3 and pip-er.
func withGatewaySubnet(prefix string) func(f *fixture) {
	return func(f *fixture) {
		f.hub(hubSubnetIn("GatewaySubnet", prefix))
		for _, p := range []string{"pip-1", "pip-2", "pip-3", "pip-er"} {
			f.mustCreate(tokPIP, p, pipIn(p))
		}
	}
}

// put writes a record straight into the pretend Azure (what an earlier tool or the portal left there).
func (f *fixture) put(id, armType string, props map[string]any) {
	f.t.Helper()
	rid, err := IDFromARM("", id)
	require.NoError(f.t, err)
	rid.Type, rid.Subscription = armType, SubscriptionID
	props["id"] = id
	require.NoError(f.t, f.s.Store().Put(recordOf(rid, props, "Succeeded")))
}

// Sources: the codes and rules in azureerror.go (errGatewaySize, errGatewaySkuForType,
// errActiveActiveIPConfigurations, errAADNeedsOpenVPN, errStandardPublicIPMustBeStatic).
func TestGatewayRequestRules(t *testing.T) {
	t.Parallel()
	p2s := func(in map[string]any, protocols []any, auth ...any) map[string]any {
		return with(in, "vpnClientConfiguration", map[string]any{
			"vpnClientAddressPool": map[string]any{"addressPrefixes": []any{"172.16.0.0/24"}},
			"vpnClientProtocols":   protocols, "vpnAuthenticationTypes": auth,
			"aadTenant": "https://login.microsoftonline.com/tenant", "aadAudience": "c632b3df-fb67-4d84-bdcf-b95ad541b5c8",
			"aadIssuer": "https://sts.windows.net/tenant/",
		})
	}
	setup := withGatewaySubnet("10.1.0.0/27")
	tests := []requestCase{
		{name: "VpnGw1AZ", setup: setup, token: tokGateway, in: vpnGatewayIn("pip-1")},
		{name: "non-AZ VpnGw2", setup: setup, token: tokGateway, in: with(vpnGatewayIn("pip-1"), "sku", map[string]any{"name": "VpnGw2", "tier": "VpnGw2"}),
			status: 400, code: "InvalidGatewaySize", mentions: []string{"VpnGw2", vpnGatewayID}},
		{name: "Basic", setup: setup, token: tokGateway, in: with(vpnGatewayIn("pip-1"), "sku", map[string]any{"name": "Basic", "tier": "Basic"}),
			status: 400, code: "InvalidGatewaySize", mentions: []string{"Basic"}},
		{name: "legacy HighPerformance VPN", setup: setup, token: tokGateway, in: with(vpnGatewayIn("pip-1"), "sku", map[string]any{"name": "HighPerformance"}),
			status: 400, code: "InvalidGatewaySize", mentions: []string{"HighPerformance"}},
		{name: "ExpressRoute SKU on a VPN gateway", setup: setup, token: tokGateway,
			in:     with(vpnGatewayIn("pip-1"), "sku", map[string]any{"name": "ErGw1AZ", "tier": "ErGw1AZ"}),
			status: 400, code: "InvalidGatewaySkuSpecifiedForGatewayDeploymentType", mentions: []string{"ErGw1AZ", "Vpn"}},
		{name: "VPN SKU on an ExpressRoute gateway", setup: setup, token: tokGatewayER, in: erGatewayIn("VpnGw1AZ"),
			status: 400, code: "InvalidGatewaySkuSpecifiedForGatewayDeploymentType", mentions: []string{"VpnGw1AZ", "ExpressRoute"}},
		{name: "active-active with one IP configuration", setup: setup, token: tokGateway, in: with(vpnGatewayIn("pip-1"), "activeActive", true),
			status: 400, code: "ActiveActiveGatewayMustHaveExactlyTwoIpConfigurations", mentions: []string{"1 IP configurations", vpnGatewayID}},
		{name: "active-active with two", setup: setup, token: tokGateway, in: vpnGatewayIn("pip-1", "pip-2")},
		{name: "active-active P2S with two", setup: setup, token: tokGateway,
			in:     p2s(vpnGatewayIn("pip-1", "pip-2"), []any{"OpenVPN"}, "AAD"),
			status: 400, code: "ActiveActiveP2SGatewayMustHaveExactlyThreeIpConfigurations", mentions: []string{"2 IP configurations"}},
		{name: "active-active P2S with three", setup: setup, token: tokGateway,
			in: p2s(vpnGatewayIn("pip-1", "pip-2", "pip-3"), []any{"OpenVPN"}, "AAD")},
		{name: "Entra ID with IkeV2 only", setup: setup, token: tokGateway, in: p2s(vpnGatewayIn("pip-1"), []any{"IkeV2"}, "AAD"),
			status: 400, code: "VpnClientAadAuthenticationRequiresOpenVpn", mentions: []string{"IkeV2"}},
		{name: "Entra ID with OpenVPN and IkeV2", setup: setup, token: tokGateway,
			in: p2s(vpnGatewayIn("pip-1"), []any{"OpenVPN", "IkeV2"}, "AAD", "Certificate")},
		{name: "Standard public IP with dynamic allocation", token: tokPIP, in: with(pipIn("pip-x"), "publicIPAllocationMethod", "Dynamic"),
			status: 400, code: "StandardSkuPublicIPAddressesMustBeStatic", mentions: []string{pipID("pip-x")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Sources: errGatewaySubnetName, errNSGOnGatewaySubnet, errDefaultRouteOnGatewaySubnet,
// errGatewaySubnetTooSmall, errGatewayPerType, errBasicPublicIPOnGateway in azureerror.go; a reference
// to a public IP that does not exist is NotFound (errReferenceNotFound).
func TestGatewayRulesAgainstWhatExists(t *testing.T) {
	t.Parallel()
	noZones := func(in map[string]any) map[string]any { return with(in, "location", "northcentralus") }
	seedNSG := func(f *fixture) {
		withGatewaySubnet("10.1.0.0/27")(f)
		f.mustCreate(tokNSG, "nsg", nsgIn("westeurope", "Storage"))
		// The subnet write is refused (TestDedicatedSubnetWrites); an NSG put there by other means blocks the gateway.
		f.put(gwSubnetID, armSubnet, with(hubSubnetIn("GatewaySubnet", "10.1.0.0/27"), "networkSecurityGroup",
			map[string]any{"id": testRG + "Microsoft.Network/networkSecurityGroups/nsg-ml"}))
	}
	routes := func(prefix string) func(f *fixture) {
		return func(f *fixture) {
			f.hub()
			f.mustCreate(tokRoutes, "rt", routeTableIn("westeurope", prefix))
			f.mustCreate(tokSubnet, "gw", with(hubSubnetIn("GatewaySubnet", "10.1.0.0/27"), "routeTable",
				map[string]any{"id": testRG + "Microsoft.Network/routeTables/rt-ml"}))
			f.mustCreate(tokPIP, "pip-1", pipIn("pip-1"))
		}
	}
	existing := func(prefix string, in map[string]any, token string) func(f *fixture) {
		return func(f *fixture) {
			withGatewaySubnet(prefix)(f)
			f.mustCreate(token, "first", in)
		}
	}
	tests := []requestCase{
		{name: "subnet not named GatewaySubnet", token: tokGateway,
			setup: func(f *fixture) {
				f.hub(hubSubnetIn("snet-gw", "10.1.0.0/27"))
				f.mustCreate(tokPIP, "pip-1", pipIn("pip-1"))
			},
			in:     gatewayIn("vgw-vpn", "Vpn", "VpnGw1AZ", hubVNetID+"/subnets/snet-gw", "pip-1"),
			status: 400, code: "InvalidGatewaySubnetName", mentions: []string{hubVNetID + "/subnets/snet-gw"}},
		{name: "GatewaySubnet with an NSG", setup: seedNSG, token: tokGateway, in: vpnGatewayIn("pip-1"),
			status: 400, code: "NetworkSecurityGroupCannotBeAttachedToGatewaySubnet", mentions: []string{"nsg-ml"}},
		{name: "GatewaySubnet with a 0.0.0.0/0 route", setup: routes("0.0.0.0/0"), token: tokGateway, in: vpnGatewayIn("pip-1"),
			status: 400, code: "GatewaySubnetDefaultRouteNotSupported", mentions: []string{"rt-ml", vpnGatewayID}},
		{name: "GatewaySubnet with another route", setup: routes("192.168.0.0/16"), token: tokGateway, in: vpnGatewayIn("pip-1")},
		{name: "ExpressRoute gateway in a /28", setup: withGatewaySubnet("10.1.0.0/28"), token: tokGatewayER, in: erGatewayIn("ErGw1AZ"),
			status: 400, code: "GatewaySubnetTooSmall", mentions: []string{"10.1.0.0/28", "/27"}},
		{name: "ExpressRoute gateway in a /27", setup: withGatewaySubnet("10.1.0.0/27"), token: tokGatewayER, in: erGatewayIn("ErGw1AZ")},
		{name: "UltraPerformance in a /28", setup: withGatewaySubnet("10.1.0.0/28"), token: tokGatewayER, in: erGatewayIn("UltraPerformance"),
			status: 400, code: "GatewaySubnetTooSmallForExpressrouteUltraPerformanceGatewaySku", mentions: []string{"/27"}},
		{name: "ErGwScale in a /27", setup: withGatewaySubnet("10.1.0.0/27"), token: tokGatewayER, in: erGatewayIn("ErGwScale"),
			status: 400, code: "GatewaySubnetTooSmall", mentions: []string{"/26", "ErGwScale"}},
		{name: "ErGwScale in a /26", setup: withGatewaySubnet("10.1.0.0/26"), token: tokGatewayER, in: erGatewayIn("ErGwScale")},
		{name: "AZ VPN gateway in a /28 of a region with zones", setup: withGatewaySubnet("10.1.0.0/28"), token: tokGateway, in: vpnGatewayIn("pip-1"),
			status: 400, code: "GatewaySubnetTooSmall", mentions: []string{"zone-redundant"}},
		{name: "AZ VPN gateway in a /29 of a region without zones", setup: withGatewaySubnet("10.1.0.0/29"), token: tokGateway,
			in: noZones(vpnGatewayIn("pip-1"))},
		{name: "VPN gateway next to an ExpressRoute gateway in a /28", token: tokGateway, in: noZones(vpnGatewayIn("pip-1")),
			setup: func(f *fixture) {
				withGatewaySubnet("10.1.0.0/28")(f)
				f.put(testRG+"Microsoft.Network/virtualNetworkGateways/vgw-legacy-er", armVirtualNetworkGateway,
					gatewayIn("vgw-legacy-er", "ExpressRoute", "Standard", gwSubnetID, "pip-er"))
			},
			status: 400, code: "GatewaySubnetTooSmall", mentions: []string{"coexisting"}},
		{name: "second VPN gateway in one network", setup: existing("10.1.0.0/27", vpnGatewayIn("pip-1"), tokGateway), token: tokGateway,
			in:     gatewayIn("vgw-vpn2", "Vpn", "VpnGw2AZ", gwSubnetID, "pip-2"),
			status: 400, code: "VirtualNetworkGatewayOfTypeAlreadyExists", mentions: []string{hubVNetID, vpnGatewayID}},
		{name: "ExpressRoute gateway next to a VPN gateway", setup: existing("10.1.0.0/27", vpnGatewayIn("pip-1"), tokGateway),
			token: tokGatewayER, in: erGatewayIn("ErGw1AZ")},
		{name: "Basic public IP", token: tokGateway, in: vpnGatewayIn("pip-basic"),
			setup: func(f *fixture) {
				withGatewaySubnet("10.1.0.0/27")(f)
				f.put(pipID("pip-basic"), "Microsoft.Network/publicIPAddresses", map[string]any{"publicIPAllocationMethod": "Dynamic"})
			},
			status: 400, code: "PublicIpWithBasicSkuNotAllowedOnVPNGateways", mentions: []string{pipID("pip-basic")}},
		{name: "AZ VPN gateway, public IP without zones in a region with zones", token: tokGateway, in: vpnGatewayIn("pip-nozone"),
			setup: func(f *fixture) {
				withGatewaySubnet("10.1.0.0/27")(f)
				f.mustCreate(tokPIP, "pip-nozone", with(pipIn("pip-nozone"), "zones", nil))
			},
			status: 400, code: "VmssVpnGatewayPublicIpsMustHaveZonesConfigured", mentions: []string{pipID("pip-nozone")}},
		{name: "AZ VPN gateway, public IP without zones in a region without zones", token: tokGateway,
			in: noZones(vpnGatewayIn("pip-nozone")),
			setup: func(f *fixture) {
				withGatewaySubnet("10.1.0.0/27")(f)
				f.mustCreate(tokPIP, "pip-nozone", with(with(pipIn("pip-nozone"), "zones", nil), "location", "northcentralus"))
			}},
		{name: "public IP that does not exist", setup: withGatewaySubnet("10.1.0.0/27"), token: tokGateway, in: vpnGatewayIn("pip-none"),
			status: 404, code: "NotFound", mentions: []string{pipID("pip-none")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Sources: errNSGOnGatewaySubnet (refused on the subnet write too, Azure-Terraform/terraform-azurerm-
// virtual-network #18), errRouteTableOnBastionSubnet, errBastionNSG (answered on the subnet write,
// MicrosoftDocs/azure-docs #42737), errSubnetMissingDelegation (on a subnet update,
// Azure/terraform-azurerm-caf-enterprise-scale #505).
func TestDedicatedSubnetWrites(t *testing.T) {
	t.Parallel()
	nsg := map[string]any{"id": testRG + "Microsoft.Network/networkSecurityGroups/nsg-bastion"}
	withNSGs := func(without ...string) func(f *fixture) {
		return func(f *fixture) {
			f.hub()
			f.mustCreate(tokNSG, "nsg-bastion", bastionNSGIn(without...))
			f.mustCreate(tokNSG, "nsg-ml", nsgIn("westeurope", "Storage"))
			f.mustCreate(tokRoutes, "rt", routeTableIn("westeurope", "0.0.0.0/0"))
		}
	}
	tests := []requestCase{
		{name: "NSG on GatewaySubnet", setup: withNSGs(), token: tokSubnet,
			in: with(hubSubnetIn("GatewaySubnet", "10.1.0.0/27"), "networkSecurityGroup",
				map[string]any{"id": testRG + "Microsoft.Network/networkSecurityGroups/nsg-ml"}),
			status: 400, code: "NetworkSecurityGroupCannotBeAttachedToGatewaySubnet", mentions: []string{"nsg-ml"}},
		{name: "route table on AzureBastionSubnet", setup: withNSGs(), token: tokSubnet,
			in: with(hubSubnetIn("AzureBastionSubnet", "10.1.1.0/26"), "routeTable",
				map[string]any{"id": testRG + "Microsoft.Network/routeTables/rt-ml"}),
			status: 400, code: "RouteTableCannotBeAttachedForAzureBastionSubnet", mentions: []string{"rt-ml"}},
		{name: "full Bastion NSG on AzureBastionSubnet", setup: withNSGs(), token: tokSubnet,
			in: with(hubSubnetIn("AzureBastionSubnet", "10.1.1.0/26"), "networkSecurityGroup", nsg)},
		{name: "Bastion NSG without outbound 80", setup: withNSGs("AllowHttpOutbound"), token: tokSubnet,
			in:     with(hubSubnetIn("AzureBastionSubnet", "10.1.1.0/26"), "networkSecurityGroup", nsg),
			status: 400, code: "NetworkSecurityGroupNotCompliantForAzureBastionSubnet", mentions: []string{"nsg-bastion", "AllowHttpOutbound"}},
		{name: "Bastion NSG without GatewayManager", setup: withNSGs("AllowGatewayManagerInbound"), token: tokSubnet,
			in:     with(hubSubnetIn("AzureBastionSubnet", "10.1.1.0/26"), "networkSecurityGroup", nsg),
			status: 400, code: "NetworkSecurityGroupNotCompliantForAzureBastionSubnet", mentions: []string{"AllowGatewayManagerInbound"}},
		{name: "another NSG on AzureBastionSubnet", setup: withNSGs(), token: tokSubnet,
			in: with(hubSubnetIn("AzureBastionSubnet", "10.1.1.0/26"), "networkSecurityGroup",
				map[string]any{"id": testRG + "Microsoft.Network/networkSecurityGroups/nsg-ml"}),
			status: 400, code: "NetworkSecurityGroupNotCompliantForAzureBastionSubnet", mentions: []string{"nsg-ml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Sources: errBastionIPConfigurations, errBastionSubnetName, errBastionSubnetTooSmall,
// errRouteTableOnBastionSubnet, errBastionPublicIP, errBastionPrivateDNSNationalCloud in azureerror.go.
func TestBastionRules(t *testing.T) {
	t.Parallel()
	bastionHub := func(prefix string) func(f *fixture) {
		return func(f *fixture) {
			f.hub(hubSubnetIn("AzureBastionSubnet", prefix), hubSubnetIn("snet-jump", "10.1.9.0/24"))
			f.mustCreate(tokPIP, "pip-bas", pipIn("pip-bas"))
		}
	}
	govHub := func(link bool) func(f *fixture) {
		return func(f *fixture) {
			f.mustCreate(tokVNet, "hub", vnetIn("vnet-hub", "usgovvirginia", "10.1.0.0/16"))
			f.mustCreate(tokSubnet, "bas", hubSubnetIn("AzureBastionSubnet", "10.1.1.0/26"))
			f.mustCreate(tokPIP, "pip-bas", with(pipIn("pip-bas"), "location", "usgovvirginia"))
			if link {
				f.mustCreate(tokZone, "vault", zoneIn("privatelink.vaultcore.usgovcloudapi.net"))
				f.mustCreate(tokLink, "link", linkIn("privatelink.vaultcore.usgovcloudapi.net", "link-hub", hubVNetID))
			}
		}
	}
	gov := func(in map[string]any) map[string]any { return with(in, "location", "usgovvirginia") }
	twoConfigs := bastionIn(bastionSubnetID, "pip-bas")
	twoConfigs["ipConfigurations"] = append(pathSlice(twoConfigs, "ipConfigurations"), pathSlice(twoConfigs, "ipConfigurations")[0])
	tests := []requestCase{
		{name: "Bastion in AzureBastionSubnet /26", setup: bastionHub("10.1.1.0/26"), token: tokBastion, in: bastionIn(bastionSubnetID, "pip-bas")},
		{name: "two IP configurations", setup: bastionHub("10.1.1.0/26"), token: tokBastion, in: twoConfigs,
			status: 400, code: "BastionHostMustHaveMaximumOneHostIpConfiguration", mentions: []string{"bas-hub", "contains 2"}},
		{name: "subnet not named AzureBastionSubnet", setup: bastionHub("10.1.1.0/26"), token: tokBastion,
			in:     bastionIn(hubVNetID+"/subnets/snet-jump", "pip-bas"),
			status: 400, code: "SubnetNameMustBeAzureBastionSubnet", mentions: []string{"snet-jump"}},
		{name: "AzureBastionSubnet /27", setup: bastionHub("10.1.1.0/27"), token: tokBastion, in: bastionIn(bastionSubnetID, "pip-bas"),
			status: 400, code: "AzureBastionSubnetTooSmall", mentions: []string{"10.1.1.0/27", "/26"}},
		{name: "route table put on the subnet by other means", token: tokBastion, in: bastionIn(bastionSubnetID, "pip-bas"),
			setup: func(f *fixture) {
				bastionHub("10.1.1.0/26")(f)
				f.mustCreate(tokRoutes, "rt", routeTableIn("westeurope", "0.0.0.0/0"))
				f.put(bastionSubnetID, armSubnet, with(hubSubnetIn("AzureBastionSubnet", "10.1.1.0/26"), "routeTable",
					map[string]any{"id": testRG + "Microsoft.Network/routeTables/rt-ml"}))
			},
			status: 400, code: "RouteTableCannotBeAttachedForAzureBastionSubnet", mentions: []string{"rt-ml"}},
		{name: "Basic public IP", token: tokBastion, in: bastionIn(bastionSubnetID, "pip-basic"),
			setup: func(f *fixture) {
				bastionHub("10.1.1.0/26")(f)
				f.put(pipID("pip-basic"), "Microsoft.Network/publicIPAddresses", map[string]any{"publicIPAllocationMethod": "Dynamic"})
			},
			status: 400, code: "BastionPublicIpMustBeStandardStatic", mentions: []string{pipID("pip-basic")}},
		{name: "Azure US Government, network linked to a private DNS zone", environment: "usgovernment", setup: govHub(true),
			token: tokBastion, in: gov(bastionIn(bastionSubnetID, "pip-bas")),
			status: 400, code: "BastionNotSupportedWithPrivateDnsZonesInNationalCloud", mentions: []string{hubVNetID, "link-hub", "AzureUSGovernment"}},
		{name: "Azure US Government, no private DNS zone", environment: "usgovernment", setup: govHub(false),
			token: tokBastion, in: gov(bastionIn(bastionSubnetID, "pip-bas"))},
		{name: "public cloud, network linked to a private DNS zone", token: tokBastion, in: bastionIn(bastionSubnetID, "pip-bas"),
			setup: func(f *fixture) {
				bastionHub("10.1.1.0/26")(f)
				f.mustCreate(tokZone, "vault", zoneIn("privatelink.vaultcore.azure.net"))
				f.mustCreate(tokLink, "link", linkIn("privatelink.vaultcore.azure.net", "link-hub", hubVNetID))
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Sources: errResolverPerNetwork, errResolverRegion, errInboundEndpointNetwork, errSubnetMissingDelegation,
// errInboundEndpointSubnet, errInboundEndpointAddress, errEndpointInDelegatedSubnet in azureerror.go.
func TestDNSResolverRules(t *testing.T) {
	t.Parallel()
	resolverHub := func(subnets ...map[string]any) func(f *fixture) {
		return func(f *fixture) {
			f.hub(subnets...)
			f.mustCreate(tokResolver, "dnsr", resolverIn("dnsr-hub", hubVNetID, "westeurope"))
		}
	}
	delegated := resolverHub(delegatedSubnetIn("snet-dns-in", "10.1.2.0/28"))
	tests := []requestCase{
		{name: "second resolver for one network", setup: delegated, token: tokResolver, in: resolverIn("dnsr-two", hubVNetID, "westeurope"),
			status: 400, code: "VirtualNetworkAlreadyReferencedByDnsResolver", mentions: []string{hubVNetID, resolverID}},
		{name: "resolver in another region", setup: func(f *fixture) { f.hub() }, token: tokResolver,
			in:     resolverIn("dnsr-hub", hubVNetID, "northeurope"),
			status: 400, code: "DnsResolverVirtualNetworkLocationMismatch", mentions: []string{"northeurope", "westeurope"}},
		{name: "resolver, region by display name", setup: func(f *fixture) { f.hub() }, token: tokResolver,
			in: resolverIn("dnsr-hub", hubVNetID, "West Europe")},
		{name: "resolver for a network that does not exist", token: tokResolver, in: resolverIn("dnsr-hub", hubVNetID, "westeurope"),
			status: 404, code: "NotFound", mentions: []string{hubVNetID}},
		{name: "inbound endpoint, dynamic address", setup: delegated, token: tokInbound, in: inboundIn("in-hub", inSubnetID, "")},
		{name: "inbound endpoint without its resolver", setup: func(f *fixture) { f.hub(delegatedSubnetIn("snet-dns-in", "10.1.2.0/28")) },
			token: tokInbound, in: inboundIn("in-hub", inSubnetID, ""),
			status: 404, code: "ParentResourceNotFound", mentions: []string{resolverID}},
		{name: "subnet not delegated", setup: resolverHub(hubSubnetIn("snet-dns-in", "10.1.2.0/28")), token: tokInbound,
			in:     inboundIn("in-hub", inSubnetID, ""),
			status: 400, code: "SubnetMissingRequiredDelegation", mentions: []string{inSubnetID}},
		{name: "subnet /29", setup: resolverHub(delegatedSubnetIn("snet-dns-in", "10.1.2.0/29")), token: tokInbound,
			in:     inboundIn("in-hub", inSubnetID, ""),
			status: 400, code: "BadRequest", mentions: []string{inSubnetID, "10.1.2.0/29"}},
		{name: "subnet /23", setup: resolverHub(delegatedSubnetIn("snet-dns-in", "10.1.2.0/23")), token: tokInbound,
			in:     inboundIn("in-hub", inSubnetID, ""),
			status: 400, code: "BadRequest", mentions: []string{"10.1.2.0/23"}},
		{name: "subnet /24", setup: resolverHub(delegatedSubnetIn("snet-dns-in", "10.1.2.0/24")), token: tokInbound,
			in: inboundIn("in-hub", inSubnetID, "")},
		{name: "subnet of another network", token: tokInbound, in: inboundIn("in-hub", vnetID+"/subnets/snet-dns-in", ""),
			setup: func(f *fixture) {
				delegated(f)
				f.mustCreate(tokVNet, "spoke", vnetIn("vnet-ml", "westeurope", "10.0.0.0/16"))
				f.mustCreate(tokSubnet, "spoke-in", with(subnetIn("vnet-ml", "snet-dns-in", "10.0.2.0/28"), "delegations",
					pathSlice(delegatedSubnetIn("x", "10.1.2.0/28"), "delegations")))
			},
			status: 400, code: "InboundEndpointSubnetNotInResolverVirtualNetwork", mentions: []string{vnetID + "/subnets/snet-dns-in", hubVNetID}},
		{name: "subnet already used by an inbound endpoint", token: tokInbound, in: inboundIn("in-two", inSubnetID, ""),
			setup: func(f *fixture) {
				delegated(f)
				f.mustCreate(tokInbound, "in", inboundIn("in-hub", inSubnetID, ""))
			},
			status: 400, code: "BadRequest", mentions: []string{"in use by " + resolverID + "/inboundEndpoints/in-hub"}},
		{name: "static address", setup: delegated, token: tokInbound, in: inboundIn("in-hub", inSubnetID, "10.1.2.10")},
		{name: "static address outside the subnet", setup: delegated, token: tokInbound, in: inboundIn("in-hub", inSubnetID, "10.1.3.10"),
			status: 400, code: "InvalidInboundEndpointPrivateIpAddress", mentions: []string{"10.1.3.10", "outside"}},
		{name: "static address Azure reserves (first four)", setup: delegated, token: tokInbound, in: inboundIn("in-hub", inSubnetID, "10.1.2.3"),
			status: 400, code: "InvalidInboundEndpointPrivateIpAddress", mentions: []string{"10.1.2.3", "reserves"}},
		{name: "static address Azure reserves (last)", setup: delegated, token: tokInbound, in: inboundIn("in-hub", inSubnetID, "10.1.2.15"),
			status: 400, code: "InvalidInboundEndpointPrivateIpAddress", mentions: []string{"10.1.2.15"}},
		{name: "private endpoint in the delegated subnet", setup: delegated, token: tokPE, in: vaultPE("pe-kv", inSubnetID),
			status: 400, code: "PrivateEndpointCreationNotAllowedAsSubnetIsDelegated", mentions: []string{"pe-kv", inSubnetID, "Microsoft.Network/dnsResolvers"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Sources: errLocalGatewayAddress, errConnectionRemote, errSharedKey in azureerror.go. A connection
// without sharedKey is taken: "If I remove the CLI enforcement on shared key and supply nothing, the
// service generates a shared key" (Azure/azure-cli #2799; azurerm made it optional, PR #6565). An
// ExpressRoute circuit (peer) is taken on trust, like a private endpoint's target.
func TestLocalGatewayAndConnectionRules(t *testing.T) {
	t.Parallel()
	withVPN := func(f *fixture) {
		withGatewaySubnet("10.1.0.0/27")(f)
		f.mustCreate(tokGateway, "vpn", vpnGatewayIn("pip-1"))
		f.mustCreate(tokLNG, "lng", lngIn())
	}
	withER := func(f *fixture) {
		withGatewaySubnet("10.1.0.0/27")(f)
		f.mustCreate(tokGatewayER, "er", erGatewayIn("ErGw1AZ"))
	}
	er := func(peer bool) map[string]any {
		in := map[string]any{
			"resourceGroupName": "rg-ml", "virtualNetworkGatewayConnectionName": "cn-er", "location": "westeurope",
			"connectionType": "ExpressRoute", "routingWeight": 0.0, "authorizationKey": "00000000-1111-2222-3333-444444444444",
			"virtualNetworkGateway1": map[string]any{"id": testRG + "Microsoft.Network/virtualNetworkGateways/vgw-er"},
		}
		if peer {
			in["peer"] = map[string]any{"id": circuitID}
		}
		return in
	}
	tests := []requestCase{
		{name: "local network gateway with an IP", token: tokLNG, in: lngIn()},
		{name: "local network gateway with an FQDN", token: tokLNG, in: with(with(lngIn(), "gatewayIpAddress", nil), "fqdn", "vpn.example.com")},
		{name: "local network gateway with neither", token: tokLNG, in: with(lngIn(), "gatewayIpAddress", nil),
			status: 400, code: "LocalNetworkGatewayMustHaveIpAddressOrFqdn", mentions: []string{lngID}},
		{name: "IPsec connection", setup: withVPN, token: tokConnection, in: ipsecIn("cn-s2s", "Abc123!_secret")},
		{name: "IPsec connection without a shared key", setup: withVPN, token: tokConnection, in: ipsecIn("cn-s2s", "")},
		{name: "IPsec connection without a local network gateway", setup: withVPN, token: tokConnection,
			in:     with(ipsecIn("cn-s2s", "key"), "localNetworkGateway2", nil),
			status: 400, code: "ConnectionRemoteEndpointMissing", mentions: []string{"cn-s2s", "localNetworkGateway2"}},
		{name: "IPsec connection to a local network gateway that does not exist", setup: withGatewaySubnet("10.1.0.0/27"), token: tokConnection,
			in: ipsecIn("cn-s2s", "key"), status: 404, code: "NotFound", mentions: []string{vpnGatewayID}},
		{name: "shared key with a hyphen", setup: withVPN, token: tokConnection, in: ipsecIn("cn-s2s", "abc-def"),
			status: 400, code: "InvalidSharedKey", mentions: []string{"cn-s2s", "position 4"}},
		{name: "shared key with a tilde", setup: withVPN, token: tokConnection, in: ipsecIn("cn-s2s", "abc~def"),
			status: 400, code: "InvalidSharedKey", mentions: []string{"position 4"}},
		{name: "shared key with a space", setup: withVPN, token: tokConnection, in: ipsecIn("cn-s2s", "abc def"),
			status: 400, code: "InvalidSharedKey", mentions: []string{"position 4"}},
		{name: "shared key of 129 characters", setup: withVPN, token: tokConnection, in: ipsecIn("cn-s2s", strings.Repeat("k", 129)),
			status: 400, code: "InvalidSharedKey", mentions: []string{"129 characters"}},
		{name: "shared key of 128 characters", setup: withVPN, token: tokConnection, in: ipsecIn("cn-s2s", strings.Repeat("k", 128))},
		{name: "ExpressRoute connection to a circuit the stand-in does not know", setup: withER, token: tokConnection, in: er(true)},
		{name: "ExpressRoute connection without a circuit", setup: withER, token: tokConnection, in: er(false),
			status: 400, code: "ConnectionRemoteEndpointMissing", mentions: []string{"cn-er", "peer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// A secret shared key stays secret in the outputs.
func TestConnectionSharedKeyStaysSecret(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	withGatewaySubnet("10.1.0.0/27")(f)
	f.mustCreate(tokGateway, "vpn", vpnGatewayIn("pip-1"))
	f.mustCreate(tokLNG, "lng", lngIn())
	in := pm(ipsecIn("cn-s2s", ""))
	in["sharedKey"] = resource.MakeSecret(resource.NewStringProperty("Abc123secret"))
	resp, err := f.s.Create(t.Context(), &pulumirpc.CreateRequest{
		Urn: testURN(tokConnection, "cn"), Type: tokConnection, Properties: toStruct(t, in),
	})
	require.NoError(t, err)
	out := fromStruct(t, resp.GetProperties())
	require.True(t, out["sharedKey"].IsSecret())
	assert.Equal(t, "Abc123secret", out["sharedKey"].SecretValue().Element.StringValue())
}

// Sources: PublicIPAddressCannotBeDeleted, VirtualNetworkGatewayCannotBeDeleted,
// InUseLocalNetworkGatewayCannotBeDeleted (azureerror.go); a subnet holding a gateway's, Bastion host's
// or inbound endpoint's IP configurations is in use ("Subnet GatewaySubnet is in use by
// .../virtualNetworkGateways/VnetGateway/ipConfigurations/default and cannot be deleted",
// microsoft/nav-arm-templates #161).
func TestDeletesOfResourcesInUse(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	withGatewaySubnet("10.1.0.0/27")(f)
	f.mustCreate(tokSubnet, "bas", hubSubnetIn("AzureBastionSubnet", "10.1.1.0/26"))
	f.mustCreate(tokSubnet, "in", delegatedSubnetIn("snet-dns-in", "10.1.2.0/28"))
	f.mustCreate(tokPIP, "pip-bas", pipIn("pip-bas"))
	gwID, gw := f.mustCreate(tokGateway, "vpn", vpnGatewayIn("pip-1"))
	lID, lng := f.mustCreate(tokLNG, "lng", lngIn())
	cnID, cn := f.mustCreate(tokConnection, "cn", ipsecIn("cn-s2s", "key"))
	basID, bas := f.mustCreate(tokBastion, "bas", bastionIn(bastionSubnetID, "pip-bas"))
	f.mustCreate(tokResolver, "dnsr", resolverIn("dnsr-hub", hubVNetID, "westeurope"))
	inID, inbound := f.mustCreate(tokInbound, "in", inboundIn("in-hub", inSubnetID, ""))
	subnet := func(id string) resource.PropertyMap { return pm(map[string]any{"id": id}) }

	err := f.remove(tokPIP, "pip-1", pipID("pip-1"), subnet(pipID("pip-1")))
	requireAzureError(t, err, 400, "PublicIPAddressCannotBeDeleted", pipID("pip-1"), gwID+"/ipConfigurations/ipconfig1")
	err = f.remove(tokPIP, "pip-bas", pipID("pip-bas"), subnet(pipID("pip-bas")))
	requireAzureError(t, err, 400, "PublicIPAddressCannotBeDeleted", basID+"/bastionHostIpConfigurations/ipconfig1")
	err = f.remove(tokGateway, "vpn", gwID, gw)
	requireAzureError(t, err, 400, "VirtualNetworkGatewayCannotBeDeleted", gwID, cnID)
	err = f.remove(tokLNG, "lng", lID, lng)
	requireAzureError(t, err, 400, "InUseLocalNetworkGatewayCannotBeDeleted", lID, cnID)
	for _, s := range []struct{ id, user string }{{gwSubnetID, gwID}, {bastionSubnetID, basID}, {inSubnetID, inID}} {
		err = f.remove(tokSubnet, "s", s.id, subnet(s.id))
		requireAzureError(t, err, 400, "InUseSubnetCannotBeDeleted", s.id, s.user)
	}
	_, err = f.update(tokSubnet, "gw", gwSubnetID, subnet(gwSubnetID), hubSubnetIn("GatewaySubnet", "10.1.0.32/27"))
	requireAzureError(t, err, 400, "InUseSubnetCannotBeUpdated", gwSubnetID, gwID)
	err = f.remove(tokVNet, "hub", hubVNetID, subnet(hubVNetID))
	requireAzureError(t, err, 400, "InUseSubnetCannotBeDeleted")

	// In the order Azure takes them, every delete goes through.
	require.NoError(t, f.remove(tokConnection, "cn", cnID, cn))
	require.NoError(t, f.remove(tokLNG, "lng", lID, lng))
	require.NoError(t, f.remove(tokGateway, "vpn", gwID, gw))
	require.NoError(t, f.remove(tokPIP, "pip-1", pipID("pip-1"), subnet(pipID("pip-1"))))
	require.NoError(t, f.remove(tokBastion, "bas", basID, bas))
	require.NoError(t, f.remove(tokInbound, "in", inID, inbound))
	require.NoError(t, f.remove(tokVNet, "hub", hubVNetID, subnet(hubVNetID)))
}

// Source: MicrosoftDocs/azure-docs #107008 and Azure/terraform-azurerm-caf-enterprise-scale #505: a
// subnet update that drops the dnsResolvers delegation under an inbound endpoint is refused with
// SubnetMissingRequiredDelegation; other updates are taken.
func TestInboundEndpointSubnetKeepsItsDelegation(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	f.hub(delegatedSubnetIn("snet-dns-in", "10.1.2.0/28"))
	f.mustCreate(tokResolver, "dnsr", resolverIn("dnsr-hub", hubVNetID, "westeurope"))
	f.mustCreate(tokInbound, "in", inboundIn("in-hub", inSubnetID, ""))
	olds := pm(map[string]any{"id": inSubnetID})
	_, err := f.update(tokSubnet, "in", inSubnetID, olds, hubSubnetIn("snet-dns-in", "10.1.2.0/28"))
	requireAzureError(t, err, 400, "SubnetMissingRequiredDelegation", inSubnetID)
	_, err = f.update(tokSubnet, "in", inSubnetID, olds, with(delegatedSubnetIn("snet-dns-in", "10.1.2.0/28"), "privateEndpointNetworkPolicies", "Disabled"))
	require.NoError(t, err)
}

// Outputs Azure derives (outputs.go, hybrid.go): a gateway's BGP settings (ASN 65515 by default,
// vpn-gateway-vpn-faq.md; the peering address from the GatewaySubnet), a Bastion host's DNS name, an
// inbound endpoint's address (the fifth of the subnet when dynamic, dns-private-resolver-overview.md).
func TestHybridOutputs(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	withGatewaySubnet("10.1.0.0/27")(f)
	f.mustCreate(tokSubnet, "bas", hubSubnetIn("AzureBastionSubnet", "10.1.1.0/26"))
	f.mustCreate(tokSubnet, "in", delegatedSubnetIn("snet-dns-in", "10.1.2.0/28"))
	f.mustCreate(tokSubnet, "in2", delegatedSubnetIn("snet-dns-in2", "10.1.2.16/28"))
	f.mustCreate(tokPIP, "pip-bas", pipIn("pip-bas"))

	gwID, gw := f.mustCreate(tokGateway, "vpn", with(vpnGatewayIn("pip-1", "pip-2"), "bgpSettings", map[string]any{"asn": 65010.0}))
	bgp := plainMap(gw["bgpSettings"].ObjectValue())
	assert.Equal(t, 65010.0, bgp["asn"], "the input ASN")
	assert.Equal(t, "10.1.0.30,10.1.0.29", bgp["bgpPeeringAddress"], "addresses of the GatewaySubnet, one per IP configuration")
	assert.Equal(t, []any{
		map[string]any{"ipconfigurationId": gwID + "/ipConfigurations/ipconfig1", "defaultBgpIpAddresses": []any{"10.1.0.30"},
			"customBgpIpAddresses": []any{}, "tunnelIpAddresses": []any{}},
		map[string]any{"ipconfigurationId": gwID + "/ipConfigurations/ipconfig2", "defaultBgpIpAddresses": []any{"10.1.0.29"},
			"customBgpIpAddresses": []any{}, "tunnelIpAddresses": []any{}},
	}, bgp["bgpPeeringAddresses"])
	assert.Equal(t, "VpnGw1AZ", gw["sku"].ObjectValue()["name"].StringValue(), "inputs are echoed")
	assert.Equal(t, gwID+"/ipConfigurations/ipconfig1", pathString(objects(pathSlice(plainMap(gw), "ipConfigurations"))[0], "id"))

	_, er := f.mustCreate(tokGatewayER, "er", erGatewayIn("ErGw1AZ"))
	assert.Equal(t, float64(defaultGatewayASN), plainMap(er["bgpSettings"].ObjectValue())["asn"], "65515 without an input ASN")

	_, bas := f.mustCreate(tokBastion, "bas", bastionIn(bastionSubnetID, "pip-bas"))
	assert.Regexp(t, `^bst-[0-9a-f]{8}\.bastion\.azure\.com$`, bas["dnsName"].StringValue())

	f.mustCreate(tokResolver, "dnsr", resolverIn("dnsr-hub", hubVNetID, "westeurope"))
	_, in := f.mustCreate(tokInbound, "in", inboundIn("in-hub", inSubnetID, ""))
	config := objects(pathSlice(plainMap(in), "ipConfigurations"))[0]
	assert.Equal(t, "10.1.2.4", config["privateIpAddress"], "the fifth address of the subnet")
	assert.Equal(t, "Dynamic", config["privateIpAllocationMethod"])
	_, in2 := f.mustCreate(tokInbound, "in2", inboundIn("in-two", hubVNetID+"/subnets/snet-dns-in2", "10.1.2.20"))
	assert.Equal(t, "10.1.2.20", objects(pathSlice(plainMap(in2), "ipConfigurations"))[0]["privateIpAddress"])

	// getVirtualNetwork lists what sits in each subnet, as ARM does.
	vnet, err := f.invoke("azure-native:network:getVirtualNetwork", map[string]any{"resourceGroupName": "rg-ml", "virtualNetworkName": "vnet-hub"})
	require.NoError(t, err)
	found := false
	for _, s := range objects(pathSlice(plainMap(vnet), "subnets")) {
		if pathString(s, "name") == "GatewaySubnet" {
			found = true
			assert.Equal(t, []any{
				map[string]any{"id": testRG + "Microsoft.Network/virtualNetworkGateways/vgw-er/ipConfigurations/ipconfig1"},
				map[string]any{"id": gwID + "/ipConfigurations/ipconfig1"}, map[string]any{"id": gwID + "/ipConfigurations/ipconfig2"},
			}, pathSlice(s, "ipConfigurations"), "both gateways sit in the GatewaySubnet")
		}
	}
	assert.True(t, found, "getVirtualNetwork lists the GatewaySubnet")
}

// The versioned tokens the component sends behave as their default type (NormalizeToken): the
// v20230601 gateway and the v20240601 virtual network link (resolutionPolicy NxDomainRedirect,
// vpn-gateway-vpn-faq.md), which takes over a default-type link through an alias: same ID, updated in
// place.
func TestVersionedGatewayTokenBehavesAsTheDefaultType(t *testing.T) {
	t.Parallel()
	assert.Equal(t, tokGateway, NormalizeToken(tokGatewayER))
	f := newFixture(t, Options{})
	withGatewaySubnet("10.1.0.0/26")(f)
	// The references and the GatewaySubnet rules of the default type apply.
	_, err := f.create(tokGatewayER, "er", gatewayIn("vgw-er", "ExpressRoute", "ErGwScale", gwSubnetID, "pip-none"))
	requireAzureError(t, err, 404, "NotFound", pipID("pip-none"))
	id, out := f.mustCreate(tokGatewayER, "er", erGatewayIn("ErGwScale"))
	assert.Equal(t, testRG+"Microsoft.Network/virtualNetworkGateways/vgw-er", id)
	assert.Equal(t, "Microsoft.Network/virtualNetworkGateways", out["type"].StringValue())
	_, err = f.create(tokGatewayER, "er2", gatewayIn("vgw-er2", "ExpressRoute", "ErGw1AZ", gwSubnetID, "pip-2"))
	requireAzureError(t, err, 400, "VirtualNetworkGatewayOfTypeAlreadyExists", id)
	assert.Equal(t, TypicalMinutes(tokGateway), TypicalMinutes(tokGatewayER))
}

func TestVirtualNetworkLinkV20240601TakesOverTheDefaultLink(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	f.hub()
	f.mustCreate(tokZone, "blob", zoneIn("privatelink.blob.core.windows.net"))
	link := linkIn("privatelink.blob.core.windows.net", "link-hub", hubVNetID)
	id, olds := f.mustCreate(tokLink, "link", link)

	out, err := f.update(tokLink2024, "link", id, olds, with(link, "resolutionPolicy", "NxDomainRedirect"))
	require.NoError(t, err)
	assert.Equal(t, id, out["id"].StringValue(), "the alias keeps the resource")
	assert.Equal(t, "NxDomainRedirect", out["resolutionPolicy"].StringValue())
	assert.Equal(t, "Microsoft.Network/privateDnsZones/virtualNetworkLinks", out["type"].StringValue())
	rec, ok, err := f.s.Store().Get(id)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "NxDomainRedirect", rec.Properties["resolutionPolicy"])

	// A new versioned link is checked like a default one.
	_, err = f.create(tokLink2024, "link2", with(linkIn("privatelink.blob.core.windows.net", "link-x", vnetID), "resolutionPolicy", "NxDomainRedirect"))
	requireAzureError(t, err, 404, "NotFound", vnetID)
	r := ReplaceKeys(tokLink2024)
	assert.True(t, r["virtualNetworkLinkName"] && r["privateZoneName"], "the same replacement keys")
}
