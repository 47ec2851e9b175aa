package policy

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every check is tested with resources that pass and resources that fail, by calling its
// validation function directly with property maps as the engine hands them over.

type resourceCase struct {
	name     string
	settings Settings
	resource Resource
	want     []string // substrings, one per expected violation; none for a passing resource
}

func vnet(subnets ...obj) Resource {
	list := make([]any, 0, len(subnets))
	for _, s := range subnets {
		list = append(list, s)
	}
	return res("network:VirtualNetwork", "vnet", obj{"virtualNetworkName": "vnet-ml", "subnets": list})
}

func gateway(extra obj) Resource {
	m := obj{"virtualNetworkGatewayName": "vgw", "gatewayType": "Vpn", "vpnType": "RouteBased",
		"sku": obj{"name": "VpnGw1AZ", "tier": "VpnGw1AZ"}}
	for k, v := range extra {
		m[k] = v
	}
	return res("network:VirtualNetworkGateway", "vgw", m)
}

func p2s(auth, protocols []string, extra obj) obj {
	c := obj{"vpnClientAddressPool": obj{"addressPrefixes": []string{"172.16.201.0/24"}}}
	if auth != nil {
		c["vpnAuthenticationTypes"] = auth
	}
	if protocols != nil {
		c["vpnClientProtocols"] = protocols
	}
	for k, v := range extra {
		c[k] = v
	}
	return obj{"vpnClientConfiguration": c}
}

func withSettings(values obj) Settings { return Settings{Values: values} }

// resourceCases are the resource checks' cases: those of the network checks and tags below, and
// those of the services' checks in storage_test.go, keyvault_test.go, registry_test.go and
// workspace_test.go.
var resourceCases = mergeCases(networkCases, storageCases, keyVaultCases, registryCases, workspaceCases)

// mergeCases joins tables of cases; a check appears in one table only.
func mergeCases(tables ...map[string][]resourceCase) map[string][]resourceCase {
	out := map[string][]resourceCase{}
	for _, table := range tables {
		for name, cases := range table {
			if _, dup := out[name]; dup {
				panic("cases of " + name + " in two tables")
			}
			out[name] = cases
		}
	}
	return out
}

var networkCases = map[string][]resourceCase{
	"subnet-has-nsg": {
		{name: "subnet with a group", resource: subnet("s", "snet-training", obj{"networkSecurityGroup": obj{"id": unknown}})},
		{name: "GatewaySubnet without one", resource: subnet("g", "GatewaySubnet", nil)},
		{name: "AzureFirewallSubnet without one", resource: subnet("f", "AzureFirewallSubnet", nil)},
		{name: "exempted by settings", resource: subnet("x", "snet-appliance", nil),
			settings: withSettings(obj{"exemptSubnets": []any{"snet-appliance"}})},
		{name: "NetApp delegation", resource: subnet("n", "snet-anf", obj{
			"delegations": []any{obj{"name": "anf", "serviceName": "Microsoft.Netapp/volumes"}}})},
		{name: "subnet without a group", resource: subnet("s", "snet-training", nil),
			want: []string{`subnet "snet-training" (s) has no network security group`}},
		{name: "Bastion subnet is not exempt", resource: subnet("b", "AzureBastionSubnet", nil),
			want: []string{`"AzureBastionSubnet"`}},
		{name: "inline subnets", resource: vnet(
			obj{"name": "snet-a", "addressPrefix": "10.0.0.0/24", "networkSecurityGroup": obj{"id": rgID + "/x"}},
			obj{"name": "snet-b", "addressPrefix": "10.0.1.0/24"}),
			want: []string{`subnet "snet-b" inline in virtual network vnet (vnet-ml) has no network security group`}},
	},
	"no-nsg-on-gateway-and-firewall-subnets": {
		{name: "GatewaySubnet without a group", resource: subnet("g", "GatewaySubnet", nil)},
		{name: "other subnet with a group", resource: subnet("s", "snet-training", obj{"networkSecurityGroup": obj{"id": unknown}})},
		{name: "GatewaySubnet with a group", resource: subnet("g", "GatewaySubnet", obj{"networkSecurityGroup": obj{"id": unknown}}),
			want: []string{`subnet "GatewaySubnet" (g) has a network security group`}},
		{name: "inline firewall management subnet with a group", resource: vnet(
			obj{"name": "AzureFirewallManagementSubnet", "networkSecurityGroup": obj{"id": rgID + "/x"}}),
			want: []string{"AzureFirewallManagementSubnet"}},
	},
	"bastion-subnet-no-route-table": {
		{name: "Bastion subnet without a table", resource: subnet("b", "AzureBastionSubnet", obj{"networkSecurityGroup": obj{"id": unknown}})},
		{name: "compute subnet with a table", resource: subnet("s", "snet-training", obj{"routeTable": obj{"id": unknown}})},
		{name: "Bastion subnet with a table", resource: subnet("b", "AzureBastionSubnet", obj{"routeTable": obj{"id": unknown}}),
			want: []string{`subnet "AzureBastionSubnet" (b) has a route table`}},
	},
	"nsg-no-ssh-from-internet": {
		{name: "SecureMLNetwork's compute rules", resource: nsg("nsg-ml-training",
			rule("DenyInternetInbound", "Deny", "Inbound", "*", "Internet", "*", "*"),
			rule("AllowAzureActiveDirectoryOutbound", "Allow", "Outbound", "Tcp", "VirtualNetwork", "AzureActiveDirectory", "80", "443"))},
		{name: "SSH from the VPN pool", resource: nsg("n", rule("AllowSsh", "Allow", "Inbound", "Tcp", "172.16.201.0/24", "*", "22"))},
		{name: "SSH from a rule with an unknown source", resource: nsg("n", obj{"name": "r", "access": "Allow",
			"direction": "Inbound", "protocol": "Tcp", "sourceAddressPrefix": unknown, "destinationPortRange": "22"})},
		{name: "SSH from the Internet", resource: nsg("n", rule("AllowSsh", "Allow", "Inbound", "Tcp", "Internet", "*", "22")),
			want: []string{`rule "AllowSsh" allows SSH (TCP 22) in from "Internet"`}},
		{name: "a range covering 22 from 0.0.0.0/0", resource: nsg("n", rule("Admin", "Allow", "Inbound", "*", "0.0.0.0/0", "*", "20-30")),
			want: []string{`"Admin"`}},
		{name: "a separate SecurityRule resource", resource: res("network:SecurityRule", "r", rule("AllowSsh", "Allow", "Inbound", "Tcp", "*", "*", "22")),
			want: []string{`from "*"`}},
	},
	"nsg-no-rdp-from-internet": {
		{name: "RDP from Bastion's subnet", resource: nsg("n", rule("AllowRdp", "Allow", "Inbound", "Tcp", "10.0.3.64/26", "*", "3389"))},
		{name: "RDP denied from the Internet", resource: nsg("n", rule("DenyRdp", "Deny", "Inbound", "Tcp", "Internet", "*", "3389"))},
		{name: "RDP among several ports from any", resource: nsg("n", rule("Mgmt", "Allow", "Inbound", "Tcp", "Any", "*", "443", "3389")),
			want: []string{`rule "Mgmt" allows RDP (TCP 3389)`}},
	},
	"nsg-no-all-ports-from-internet": {
		{name: "Bastion's HTTPS inbound", resource: nsg("n", bastionRuleSet()...)},
		{name: "every port from the Internet", resource: nsg("n", rule("AllowAll", "Allow", "Inbound", "*", "Internet", "*", "*")),
			want: []string{`rule "AllowAll" allows every port`}},
	},
	"nsg-no-http-from-internet": {
		{name: "Bastion's HTTP is outbound", resource: nsg("n", bastionRuleSet()...)},
		{name: "HTTP from the Internet", resource: nsg("n", rule("Web", "Allow", "Inbound", "Tcp", "Internet", "*", "80")),
			want: []string{`allows HTTP (TCP 80)`}},
	},
	"nsg-no-udp-from-internet": {
		{name: "DNS from the network", resource: nsg("n", rule("AllowDnsUdpInbound", "Allow", "Inbound", "Udp", "VirtualNetwork", "*", "53"))},
		{name: "DNS from the Internet", resource: nsg("n", rule("Dns", "Allow", "Inbound", "Udp", "Internet", "*", "53")),
			want: []string{`allows UDP 53 in from "Internet"`}},
	},
	"private-dns-zone-name-for-cloud": {
		{name: "public zone, cloud unknown", resource: res("network:PrivateZone", "z", obj{"privateZoneName": "privatelink.vaultcore.azure.net"})},
		{name: "Government zone, Government provider", resource: withProvider(
			res("network:PrivateZone", "z", obj{"privateZoneName": "privatelink.api.ml.azure.us"}), obj{"environment": "usgovernment"})},
		{name: "not a privatelink zone", resource: res("network:PrivateZone", "z", obj{"privateZoneName": "corp.contoso.com"})},
		{name: "another service's zone, allowed", resource: res("network:PrivateZone", "z", obj{"privateZoneName": "privatelink.database.windows.net"}),
			settings: withSettings(obj{"additionalZones": []any{"privatelink.database.windows.net"}})},
		{name: "the old Key Vault zone", resource: res("network:PrivateZone", "z", obj{"privateZoneName": "privatelink.vault.azure.net"}),
			want: []string{`"privatelink.vault.azure.net" is not a private endpoint zone of any Azure cloud`}},
		{name: "public zone in a Government stack", resource: res("network:PrivateZone", "z", obj{"privateZoneName": "privatelink.azurecr.io"}),
			settings: Settings{Environment: "usgovernment"},
			want:     []string{`belongs to AzureCloud, but the stack deploys to AzureUSGovernment (the stack's azure-native:environment "usgovernment"); use privatelink.azurecr.us`}},
		{name: "China zone, cloud setting public", resource: res("network:PrivateZone", "z", obj{"privateZoneName": "privatelink.blob.core.chinacloudapi.cn"}),
			settings: withSettings(obj{"cloud": "AzureCloud"}),
			want:     []string{"use privatelink.blob.core.windows.net"}},
	},
	"private-dns-link-no-registration": {
		{name: "SecureMLNetwork's link", resource: res("network:VirtualNetworkLink", "l", obj{
			"privateZoneName": "privatelink.blob.core.windows.net", "registrationEnabled": false})},
		{name: "registration in a corporate zone", resource: res("network:VirtualNetworkLink", "l", obj{
			"privateZoneName": "corp.contoso.com", "registrationEnabled": true})},
		{name: "registration in a privatelink zone", resource: res("network/v20240601:VirtualNetworkLink", "l", obj{
			"privateZoneName": "privatelink.api.azureml.ms", "registrationEnabled": true}),
			want: []string{`link l to "privatelink.api.azureml.ms" has registrationEnabled true`}},
	},
	"firewall-not-basic": {
		{name: "Standard firewall", resource: firewall(obj{"sku": obj{"name": "AZFW_VNet", "tier": "Standard"}})},
		{name: "Premium policy", resource: firewallPolicy(obj{"sku": obj{"tier": "Premium"}})},
		{name: "tier unknown", resource: firewall(obj{"sku": obj{"name": "AZFW_VNet", "tier": unknown}})},
		{name: "Basic firewall", resource: firewall(obj{"sku": obj{"name": "AZFW_VNet", "tier": "Basic"}}),
			want: []string{"Azure Firewall fw (afw-ml) is of the Basic tier"}},
		{name: "Basic policy", resource: firewallPolicy(obj{"sku": obj{"tier": "Basic"}}),
			want: []string{"firewall policy fwp (afwp-ml) is of the Basic tier"}},
	},
	"firewall-has-policy": {
		{name: "policy by ID", resource: firewall(nil)},
		{name: "policy unknown at preview", resource: firewall(obj{"firewallPolicy": obj{"id": unknown}})},
		{name: "classic rules", resource: firewall(obj{"firewallPolicy": nil}),
			want: []string{"Azure Firewall fw (afw-ml) has no firewall policy"}},
	},
	"vpn-gateway-not-basic": {
		{name: "VpnGw1AZ", resource: gateway(nil)},
		{name: "ExpressRoute", resource: gateway(obj{"gatewayType": "ExpressRoute", "sku": obj{"name": "ErGw1AZ", "tier": "ErGw1AZ"}})},
		{name: "Basic", resource: gateway(obj{"sku": obj{"name": "Basic", "tier": "Basic"}}),
			want: []string{"VPN gateway vgw uses the Basic SKU"}},
	},
	"gateway-az-sku": {
		{name: "VpnGw2AZ", resource: gateway(obj{"sku": obj{"name": "VpnGw2AZ"}})},
		{name: "ErGwScale at 2023-06-01", resource: res("network/v20230601:VirtualNetworkGateway", "er", obj{
			"gatewayType": "ExpressRoute", "sku": obj{"name": "ErGwScale", "tier": "ErGwScale"}})},
		{name: "SKU unknown", resource: gateway(obj{"sku": obj{"name": unknown}})},
		{name: "non-AZ VPN SKU", resource: gateway(obj{"sku": obj{"name": "VpnGw1", "tier": "VpnGw1"}}),
			want: []string{"uses SKU VpnGw1; Azure creates only VpnGw1AZ to VpnGw5AZ"}},
		{name: "legacy ExpressRoute SKU", resource: gateway(obj{"gatewayType": "ExpressRoute", "sku": obj{"name": "Standard"}}),
			want: []string{"ExpressRoute gateway vgw uses SKU Standard"}},
	},
	"vpn-p2s-entra-id-only": {
		{name: "no point-to-site", resource: gateway(nil)},
		{name: "Entra ID", resource: gateway(p2s([]string{"AAD"}, []string{"OpenVPN"}, nil))},
		{name: "certificates too", resource: gateway(p2s([]string{"AAD", "Certificate"}, []string{"OpenVPN"}, nil)),
			want: []string{"authenticate with Certificate"}},
		{name: "root certificates, type implied", resource: gateway(p2s(nil, []string{"IkeV2"},
			obj{"vpnClientRootCertificates": []any{obj{"name": "root", "publicCertData": "MIIC"}}})),
			want: []string{"authenticate with Certificate"}},
	},
	"vpn-p2s-entra-id-openvpn": {
		{name: "Entra ID over OpenVPN", resource: gateway(p2s([]string{"AAD"}, []string{"OpenVPN"}, nil))},
		{name: "certificates over IKEv2", resource: gateway(p2s([]string{"Certificate"}, []string{"IkeV2"}, nil))},
		{name: "Entra ID over IKEv2 and OpenVPN", resource: gateway(p2s([]string{"AAD"}, []string{"IkeV2", "OpenVPN"}, nil)),
			want: []string{"uses Microsoft Entra ID with tunnel types IkeV2"}},
		{name: "Entra ID, default tunnels", resource: gateway(p2s([]string{"AAD"}, nil, nil)),
			want: []string{"without tunnel types"}},
	},
	"public-ip-standard-sku": {
		{name: "Standard", resource: res("network:PublicIPAddress", "ip", obj{"sku": obj{"name": "Standard", "tier": "Regional"},
			"publicIPAllocationMethod": "Static"})},
		{name: "Basic", resource: res("network:PublicIPAddress", "ip", obj{"sku": obj{"name": "Basic"}}),
			want: []string{"public IP ip uses SKU Basic"}},
		{name: "no SKU", resource: res("network:PublicIPAddress", "ip", obj{"publicIPAllocationMethod": "Dynamic"}),
			want: []string{"sets no SKU"}},
	},
	"required-tags": {
		{name: "nothing required", resource: res("network:VirtualNetwork", "v", obj{})},
		{name: "tag present, other case", resource: res("network:VirtualNetwork", "v", obj{"tags": obj{"costcenter": "42"}}),
			settings: withSettings(obj{"requiredTags": []any{"costCenter"}})},
		{name: "subnets take no tags", resource: subnet("s", "snet-training", nil),
			settings: withSettings(obj{"requiredTags": []any{"costCenter"}})},
		{name: "tag missing", resource: res("network:PrivateEndpoint", "pe", obj{"tags": obj{"managedBy": "pulumi"}}),
			settings: withSettings(obj{"requiredTags": []any{"costCenter", "managedBy"}}),
			want:     []string{"pe lacks the required tag(s) costCenter;"}},
	},
}

type stackCase struct {
	name        string
	environment string
	resources   []Resource
	want        []string
}

// componentNetwork is a network shaped like SecureMLNetwork's children during a preview: IDs
// unknown, references tied by property dependencies.
func componentNetwork() []Resource {
	training := nsg("nsg-ml-training", rule("DenyInternetInbound", "Deny", "Inbound", "*", "Internet", "*", "*"))
	endpoints := nsg("nsg-ml-private-endpoints", rule("DenyInternetInbound", "Deny", "Inbound", "*", "Internet", "*", "*"))
	bastion := nsg("nsg-ml-bastion", bastionRuleSet()...)
	trainingSubnet := withNSG(subnet("ml-training-subnet", "snet-training", obj{"privateEndpointNetworkPolicies": "Disabled"}), training)
	peSubnet := withNSG(subnet("ml-privateEndpoints-subnet", "snet-private-endpoints", obj{"privateEndpointNetworkPolicies": "Enabled"}), endpoints)
	bastionSubnet := withNSG(subnet("ml-bastion-subnet", "AzureBastionSubnet", nil), bastion)
	gatewaySubnet := subnet("ml-gateway-subnet", "GatewaySubnet", nil)
	return []Resource{
		training, endpoints, bastion, trainingSubnet, peSubnet, bastionSubnet, gatewaySubnet,
		endpoint("ml-workspace-pe", peSubnet, armIDOf("Microsoft.MachineLearningServices/workspaces", "mlw"), "amlworkspace"),
		endpoint("ml-storageBlob-pe", peSubnet, armIDOf("Microsoft.Storage/storageAccounts", "stml"), "blob"),
		endpoint("ml-keyVault-pe", peSubnet, armIDOf("Microsoft.KeyVault/vaults", "kv-ml"), "vault"),
		endpoint("ml-containerRegistry-pe", peSubnet, armIDOf("Microsoft.ContainerRegistry/registries", "crml"), "registry"),
		res("network:PrivateZone", "zone-kv", obj{"privateZoneName": "privatelink.vaultcore.azure.net"}),
		res("network:PrivateZone", "zone-api", obj{"privateZoneName": "privatelink.api.azureml.ms"}),
	}
}

func find(resources []Resource, name string) Resource {
	for _, r := range resources {
		if r.Name == name {
			return r
		}
	}
	panic("no resource " + name)
}

func replace(resources []Resource, r Resource) []Resource {
	out := make([]Resource, 0, len(resources))
	for _, e := range resources {
		if e.Name == r.Name {
			e = r
		}
		out = append(out, e)
	}
	return out
}

func plus(resources []Resource, more ...Resource) []Resource {
	return append(append([]Resource{}, resources...), more...)
}

var stackCases = map[string][]stackCase{
	"firewall-network-fqdns-need-dns-proxy": {
		{name: "DNS proxy on", resources: []Resource{
			firewallPolicy(obj{"dnsSettings": obj{"enableProxy": true}}), ruleGroup(networkRule("udp-5831", "*.batch.azure.com")),
		}},
		{name: "service tags only", resources: []Resource{firewallPolicy(nil), ruleGroup(networkRule("ml"))}},
		{name: "DNS proxy unknown at preview", resources: []Resource{
			firewallPolicy(obj{"dnsSettings": obj{"enableProxy": unknown}}), ruleGroup(networkRule("x", "example.com")),
		}},
		{name: "FQDNs without DNS proxy", resources: []Resource{
			firewallPolicy(obj{"dnsSettings": obj{"enableProxy": false}}), ruleGroup(networkRule("udp-5831", "*.batch.azure.com")),
		}, want: []string{"rule collection group rcg (ml-rules) has network rules with FQDNs (*.batch.azure.com) but " +
			"firewall policy fwp (afwp-ml) does not enable DNS proxy"}},
	},
	"gateway-subnet-no-default-route": {
		{name: "SecureMLNetwork's network", resources: componentNetwork()},
		{name: "a route table without a default route", resources: func() []Resource {
			rt := routeTable("rt-gw", route("onprem", "192.168.0.0/16", "VirtualNetworkGateway"))
			return plus(replace(componentNetwork(), withRouteTable(find(componentNetwork(), "ml-gateway-subnet"), rt)), rt)
		}()},
		{name: "forced tunnelling on GatewaySubnet", resources: func() []Resource {
			rt := routeTable("rt-gw", route("default", "0.0.0.0/0", "VirtualAppliance"))
			return plus(replace(componentNetwork(), withRouteTable(find(componentNetwork(), "ml-gateway-subnet"), rt)), rt)
		}(), want: []string{`route table rt-gw on subnet "GatewaySubnet" (ml-gateway-subnet) sends 0.0.0.0/0 (route "default")`}},
		{name: "a separate Route resource, by ID", resources: func() []Resource {
			rt := routeTable("rt-gw")
			r := res("network:Route", "r", obj{"routeName": "all", "routeTableName": "rt-gw", "addressPrefix": "0.0.0.0/0",
				"nextHopType": "Internet"})
			s := subnet("ml-gateway-subnet", "GatewaySubnet", obj{"routeTable": obj{"id": armIDOf("Microsoft.Network/routeTables", "rt-gw")}})
			return plus(replace(componentNetwork(), s), rt, r)
		}(), want: []string{`(route "all")`}},
	},
	"bastion-nsg-rules-complete": {
		{name: "SecureMLNetwork's Bastion rules", resources: componentNetwork()},
		{name: "rules split over separate SecurityRule resources", resources: func() []Resource {
			group := nsg("nsg-ml-bastion")
			var out []Resource
			for _, r := range bastionRuleSet() {
				r["networkSecurityGroupName"] = "nsg-ml-bastion"
				out = append(out, res("network:SecurityRule", r["name"].(string), r))
			}
			return plus(replace(componentNetwork(), group), out...)
		}()},
		{name: "HTTP outbound and GatewayManager missing", resources: replace(componentNetwork(),
			nsg("nsg-ml-bastion", bastionRuleSet()[0], bastionRuleSet()[2], bastionRuleSet()[3], bastionRuleSet()[4],
				bastionRuleSet()[5], bastionRuleSet()[6])),
			want: []string{"lacks Azure Bastion's required rules: AllowGatewayManagerInbound (Inbound Tcp, port 443); " +
				"AllowHttpOutbound (Outbound any protocol, port 80)"}},
		{name: "host communication on one port only", resources: replace(componentNetwork(), nsg("nsg-ml-bastion", append(
			bastionRuleSet()[:3], append([]obj{rule("AllowBastionHostCommunication", "Allow", "Inbound", "*", "VirtualNetwork",
				"VirtualNetwork", "8080")}, bastionRuleSet()[4:]...)...)...)),
			want: []string{"AllowBastionHostCommunication (Inbound any protocol, port 5701)"}},
	},
	"private-endpoint-subnet-has-nsg": {
		{name: "SecureMLNetwork's endpoint subnet", resources: componentNetwork()},
		{name: "endpoint in a subnet outside the stack", resources: []Resource{res("network:PrivateEndpoint", "pe", obj{
			"subnet": obj{"id": rgID + "/providers/Microsoft.Network/virtualNetworks/hub/subnets/pe"}})}},
		{name: "endpoint subnet without a group", resources: replace(componentNetwork(),
			subnet("ml-privateEndpoints-subnet", "snet-private-endpoints", obj{"privateEndpointNetworkPolicies": "Enabled"})),
			want: []string{`private endpoint ml-workspace-pe is in subnet "snet-private-endpoints"`, "ml-storageBlob-pe",
				"ml-keyVault-pe", "ml-containerRegistry-pe"}},
		{name: "inline subnet found by ID", resources: []Resource{
			vnet(obj{"name": "snet-pe"}),
			res("network:PrivateEndpoint", "pe", obj{"subnet": obj{
				"id": rgID + "/providers/Microsoft.Network/virtualNetworks/vnet-ml/subnets/snet-pe"}}),
		}, want: []string{`private endpoint pe is in subnet "snet-pe" inline in virtual network`}},
	},
	"private-endpoint-subnet-network-policies": {
		{name: "SecureMLNetwork's endpoint subnet", resources: componentNetwork()},
		{name: "policies disabled", resources: replace(componentNetwork(), withNSG(
			subnet("ml-privateEndpoints-subnet", "snet-private-endpoints", obj{"privateEndpointNetworkPolicies": "Disabled"}),
			find(componentNetwork(), "nsg-ml-private-endpoints"))),
			want: []string{`privateEndpointNetworkPolicies is Disabled`}},
		{name: "route tables only", resources: replace(componentNetwork(), withNSG(
			subnet("ml-privateEndpoints-subnet", "snet-private-endpoints", obj{"privateEndpointNetworkPolicies": "RouteTableEnabled"}),
			find(componentNetwork(), "nsg-ml-private-endpoints"))),
			want: []string{`is RouteTableEnabled`}},
	},
	"private-dns-zones-one-cloud": {
		{name: "one cloud", resources: componentNetwork()},
		{name: "a Government zone among public ones", resources: plus(componentNetwork(),
			res("network:PrivateZone", "zone-cr", obj{"privateZoneName": "privatelink.azurecr.us"})),
			want: []string{`"privatelink.azurecr.us" belongs to AzureUSGovernment, but 2 other zone(s) of this stack belong to ` +
				`AzureCloud; one network resolves one cloud's names: use privatelink.azurecr.io`}},
		{name: "the stack's environment decides", environment: "usgovernment", resources: plus(componentNetwork(),
			res("network:PrivateZone", "zone-cr", obj{"privateZoneName": "privatelink.azurecr.us"})),
			want: []string{`"privatelink.vaultcore.azure.net" belongs to AzureCloud`, `"privatelink.api.azureml.ms" belongs to AzureCloud`}},
	},
	"subnet-private-with-explicit-egress": {
		{name: "no explicit egress", resources: componentNetwork()},
		{name: "NAT gateway on a private subnet", resources: []Resource{res("network/v20240301:Subnet", "s", obj{
			"subnetName": "snet-training", "natGateway": obj{"id": unknown}, "defaultOutboundAccess": false})}},
		{name: "NAT gateway, default outbound on", resources: []Resource{res("network/v20240301:Subnet", "s", obj{
			"subnetName": "snet-training", "natGateway": obj{"id": unknown}, "defaultOutboundAccess": true})},
			want: []string{`subnet "snet-training" (s) leaves through a NAT gateway but keeps Azure's default outbound access`}},
		{name: "firewall route, default outbound not set", resources: func() []Resource {
			rt := routeTable("rt-fw", route("to-firewall", "0.0.0.0/0", "VirtualAppliance"))
			return []Resource{rt, withRouteTable(subnet("s", "snet-training", nil), rt)}
		}(), want: []string{`leaves through route "to-firewall" (0.0.0.0/0 to a virtual appliance) in route table rt-fw`}},
	},
	"compute-no-public-ip": {
		{name: "SecureMLNetwork without computePublicIp", resources: componentNetwork()},
		{name: "SecureMLNetwork with computePublicIp", resources: func() []Resource {
			group := nsg("nsg-ml-training", rule("AllowAzureMachineLearningInbound", "Allow", "Inbound", "Tcp",
				"AzureMachineLearning", "VirtualNetwork", "44224"))
			rt := routeTable("rt-ml-training", route("AzureMachineLearning", "AzureMachineLearning", "Internet"))
			s := withRouteTable(find(componentNetwork(), "ml-training-subnet"), rt)
			return plus(replace(replace(componentNetwork(), group), s), rt)
		}()},
		{name: "Internet routes without public-IP compute", resources: func() []Resource {
			rt := routeTable("rt-ml-training", route("AzureMachineLearning", "AzureMachineLearning", "Internet"))
			s := withRouteTable(find(componentNetwork(), "ml-training-subnet"), rt)
			return plus(replace(componentNetwork(), s), rt)
		}(), want: []string{`route table rt-ml-training on compute subnet "snet-training" (ml-training-subnet) sends "AzureMachineLearning" to the Internet`}},
		{name: "a network interface with a public IP", resources: func() []Resource {
			ip := res("network:PublicIPAddress", "ip", obj{"sku": obj{"name": "Standard"}})
			nic := res("network:NetworkInterface", "vm-nic", obj{"ipConfigurations": []any{obj{
				"name": "ipconfig1", "subnet": obj{"id": unknown}, "publicIPAddress": obj{"id": unknown}}}})
			nic = dependsOn(nic, "ipConfigurations", find(componentNetwork(), "ml-training-subnet"), ip)
			return plus(componentNetwork(), ip, nic)
		}(), want: []string{`network interface vm-nic in compute subnet "snet-training" (ml-training-subnet) has a public IP address`}},
		{name: "a compute cluster with node public IPs", resources: plus(componentNetwork(), res("machinelearningservices:Compute", "cpu",
			obj{"properties": obj{"computeType": "AmlCompute", "properties": obj{"vmSize": "STANDARD_DS3_V2"}}})),
			want: []string{"Azure ML compute cpu (AmlCompute, outside the stack's compute subnets) gets public IP addresses"}},
		{name: "a compute cluster without them", resources: plus(componentNetwork(), res("machinelearningservices:Compute", "cpu",
			obj{"properties": obj{"computeType": "AmlCompute", "properties": obj{"enableNodePublicIp": false}}}))},
	},
	"key-vault-private-endpoint": {
		{name: "SecureMLNetwork's endpoint", resources: componentNetwork()},
		{name: "a vault created here with its endpoint", resources: func() []Resource {
			kv := res("keyvault:Vault", "kv", obj{"vaultName": "kv-new"})
			pe := endpoint("pe-kv", find(componentNetwork(), "ml-privateEndpoints-subnet"), unknown, "vault")
			return plus(componentNetwork(), kv, dependsOn(pe, "privateLinkServiceConnections", kv))
		}()},
		{name: "a vault created here without one", resources: plus(componentNetwork(), res("keyvault:Vault", "kv", obj{"vaultName": "kv-new"})),
			want: []string{"Key Vault kv (kv-new) has no private endpoint in this stack"}},
		{name: "a workspace referring to a vault without one", resources: []Resource{
			res("machinelearningservices:Workspace", "mlw", obj{"keyVault": armIDOf("Microsoft.KeyVault/vaults", "kv-other")})},
			want: []string{"mlw refers to Key Vault " + armIDOf("Microsoft.KeyVault/vaults", "kv-other") + ", which has no private endpoint"}},
	},
	"storage-private-endpoint": {
		{name: "SecureMLNetwork's endpoints", resources: componentNetwork()},
		{name: "a workspace's storage reached by ID", resources: plus(componentNetwork(),
			res("machinelearningservices:Workspace", "mlw", obj{"storageAccount": armIDOf("Microsoft.Storage/storageAccounts", "stml")}))},
		{name: "an account created here without one", resources: plus(componentNetwork(),
			res("storage:StorageAccount", "st", obj{"accountName": "stnew"})),
			want: []string{"storage account st (stnew) has no private endpoint in this stack; add one (group blob)"}},
	},
	"container-registry-private-endpoint": {
		{name: "SecureMLNetwork's endpoint", resources: componentNetwork()},
		{name: "a registry referred to without one", resources: []Resource{res("machinelearningservices:Workspace", "mlw",
			obj{"containerRegistry": armIDOf("Microsoft.ContainerRegistry/registries", "crother")})},
			want: []string{"refers to container registry"}},
	},
	"ml-workspace-private-endpoint": {
		{name: "SecureMLNetwork's endpoint", resources: componentNetwork()},
		{name: "a workspace created here without one", resources: []Resource{res("machinelearningservices:Workspace", "mlw",
			obj{"workspaceName": "mlw-new"})},
			want: []string{"Azure ML workspace mlw (mlw-new) has no private endpoint"}},
	},
}

func checkByName(t *testing.T, name string) Check {
	t.Helper()
	for _, c := range Checks() {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no check %q", name)
	return Check{}
}

func assertViolations(t *testing.T, got, want []string) {
	t.Helper()
	require.Len(t, got, len(want), "violations: %q", got)
	for i, w := range want {
		assert.Contains(t, got[i], w)
	}
}

func TestResourceChecks(t *testing.T) {
	for name, cases := range resourceCases {
		check := checkByName(t, name)
		require.NotNil(t, check.Resource, "%s is a stack check", name)
		for _, tc := range cases {
			t.Run(name+"/"+tc.name, func(t *testing.T) {
				assertViolations(t, check.Resource(tc.resource, tc.settings), tc.want)
			})
		}
	}
}

func TestStackChecks(t *testing.T) {
	for name, cases := range stackCases {
		check := checkByName(t, name)
		require.NotNil(t, check.Stack, "%s is a resource check", name)
		for _, tc := range cases {
			t.Run(name+"/"+tc.name, func(t *testing.T) {
				var got []string
				for _, v := range check.Stack(NewStack(tc.resources, tc.environment)) {
					assert.NotEmpty(t, v.URN, "a stack violation names its resource")
					got = append(got, v.Message)
				}
				assertViolations(t, got, tc.want)
			})
		}
	}
}

// TestEveryCheckHasPassingAndFailingCases keeps the tables above complete.
func TestEveryCheckHasPassingAndFailingCases(t *testing.T) {
	for _, c := range Checks() {
		passing, failing := 0, 0
		for _, tc := range resourceCases[c.Name] {
			if len(tc.want) == 0 {
				passing++
			} else {
				failing++
			}
		}
		for _, tc := range stackCases[c.Name] {
			if len(tc.want) == 0 {
				passing++
			} else {
				failing++
			}
		}
		assert.Positive(t, passing, "%s has no passing case", c.Name)
		assert.Positive(t, failing, "%s has no failing case", c.Name)
	}
	for name := range resourceCases {
		checkByName(t, name)
	}
	for name := range stackCases {
		checkByName(t, name)
	}
}

// TestComponentShapesPass runs every check on a network shaped like SecureMLNetwork's children.
func TestComponentShapesPass(t *testing.T) {
	network := componentNetwork()
	for _, c := range Checks() {
		if c.Stack != nil {
			assert.Empty(t, c.Stack(NewStack(network, "public")), c.Name)
			continue
		}
		for _, r := range network {
			assert.Empty(t, c.Resource(r, Settings{Environment: "public"}), "%s on %s", c.Name, r.Name)
		}
	}
}

func TestChecksAreWellFormed(t *testing.T) {
	checks := Checks()
	require.GreaterOrEqual(t, len(checks), 25)
	seen := map[string]bool{}
	for _, c := range checks {
		assert.False(t, seen[c.Name], "duplicate check %s", c.Name)
		seen[c.Name] = true
		assert.Regexp(t, `^[a-z0-9]+(-[a-z0-9]+)*$`, c.Name)
		assert.True(t, (c.Resource == nil) != (c.Stack == nil), "%s needs exactly one validation function", c.Name)
		assert.True(t, c.AzurePolicy == None || isGUID(c.AzurePolicy), "%s: Azure Policy ID %q", c.Name, c.AzurePolicy)
		assert.True(t, c.Checkov == None || strings.HasPrefix(c.Checkov, "CKV"), "%s: Checkov ID %q", c.Name, c.Checkov)
		assert.False(t, c.AzurePolicy == None && c.Checkov == None && c.Summary == "", c.Name)
		assert.Contains(t, []string{"mandatory", "advisory"}, c.EnforcementName(), c.Name)
		assert.True(t, strings.HasPrefix(c.Description(), "[Azure Policy "+c.AzurePolicy+" | Checkov "+c.Checkov+"] "))
		if c.Stack != nil {
			assert.Nil(t, c.Config, "%s: policyx hands no settings to stack checks", c.Name)
		}
	}
}

func isGUID(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts) != 5 {
		return false
	}
	for i, n := range []int{8, 4, 4, 4, 12} {
		if len(parts[i]) != n || strings.Trim(parts[i], "0123456789abcdef") != "" {
			return false
		}
	}
	return true
}

// TestSubnetsReportedOnceAfterUp: after `pulumi up` a virtual network's outputs list the subnets
// created as Subnet resources too; each is read once, from its resource.
func TestSubnetsReportedOnceAfterUp(t *testing.T) {
	table := routeTable("rt-gw", route("default", "0.0.0.0/0", "Internet"))
	tableID := armIDOf("Microsoft.Network/routeTables", "rt-gw")
	gateway := subnet("ml-gateway-subnet", "GatewaySubnet", obj{"routeTable": obj{"id": tableID}})
	network := vnet(obj{"name": "GatewaySubnet", "routeTable": obj{"id": tableID}}, obj{"name": "snet-other"})
	s := NewStack([]Resource{table, gateway, network}, "")
	assert.Len(t, s.subnets, 2, "GatewaySubnet from its resource, snet-other inline")
	assert.Len(t, checkGatewaySubnetDefaultRoute(s), 1)
}

func TestServiceEndpointMatching(t *testing.T) {
	peSubnet := find(componentNetwork(), "ml-privateEndpoints-subnet")
	kvA := res("keyvault:Vault", "kv-a", obj{"vaultName": "kv-a", "resourceGroupName": "rg-ml"})
	kvB := res("keyvault:Vault", "kv-b", obj{"vaultName": "kv-b", "resourceGroupName": "rg-ml"})
	check := checkServiceEndpoints(keyVaultService)
	messages := func(resources ...Resource) []string {
		var out []string
		for _, v := range check(NewStack(resources, "")) {
			out = append(out, v.Message)
		}
		return out
	}
	// An endpoint whose unknown target came from kv-a does not count for kv-b.
	pe := dependsOn(endpoint("pe-a", peSubnet, unknown, "vault"), "privateLinkServiceConnections", kvA)
	got := messages(peSubnet, kvA, kvB, pe)
	require.Len(t, got, 1)
	assert.Contains(t, got[0], "kv-b")
	// An endpoint naming the vault by a literal ID counts for the vault created here.
	pe = endpoint("pe-b", peSubnet, armIDOf("Microsoft.KeyVault/vaults", "kv-b"), "vault")
	assert.Empty(t, messages(peSubnet, kvB, pe))
}

func firewall(extra obj) Resource {
	m := obj{"azureFirewallName": "afw-ml", "resourceGroupName": "rg-ml",
		"sku":            obj{"name": "AZFW_VNet", "tier": "Standard"},
		"firewallPolicy": obj{"id": armIDOf("Microsoft.Network/firewallPolicies", "afwp-ml")}}
	for k, v := range extra {
		if v == nil {
			delete(m, k)
			continue
		}
		m[k] = v
	}
	return res("network:AzureFirewall", "fw", m)
}

func firewallPolicy(extra obj) Resource {
	m := obj{"firewallPolicyName": "afwp-ml", "resourceGroupName": "rg-ml", "sku": obj{"tier": "Standard"}}
	for k, v := range extra {
		m[k] = v
	}
	return res("network:FirewallPolicy", "fwp", m)
}

// ruleGroup is a rule collection group of the policy afwp-ml holding one filter collection.
func ruleGroup(rules ...obj) Resource {
	list := make([]any, 0, len(rules))
	for _, r := range rules {
		list = append(list, r)
	}
	return res("network:FirewallPolicyRuleCollectionGroup", "rcg", obj{
		"ruleCollectionGroupName": "ml-rules", "firewallPolicyName": "afwp-ml", "resourceGroupName": "rg-ml",
		"ruleCollections": []any{obj{"ruleCollectionType": "FirewallPolicyFilterRuleCollection", "name": "network",
			"action": obj{"type": "Allow"}, "rules": list}},
	})
}

// networkRule allows TCP 443 to the AzureMachineLearning service tag, or to fqdns when given.
func networkRule(name string, fqdns ...string) obj {
	r := obj{"ruleType": "NetworkRule", "name": name, "ipProtocols": []string{"TCP"}, "destinationPorts": []string{"443"},
		"sourceAddresses": []string{"10.0.0.0/24"}}
	if len(fqdns) > 0 {
		r["destinationFqdns"] = fqdns
	} else {
		r["destinationAddresses"] = []string{"AzureMachineLearning"}
	}
	return r
}
