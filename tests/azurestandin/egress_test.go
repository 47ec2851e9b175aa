package azurestandin

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The egress and segmentation resources (egress.go): NAT gateways and public IP prefixes, Azure Firewall
// with its policy and rule collection groups, private subnets, service endpoints, peering with gateway
// transit, application security groups. Each test names the source of the rule it pins; the refusals'
// sources are in azureerror.go.

const (
	tokNat        = "azure-native:network:NatGateway"
	tokPrefix     = "azure-native:network:PublicIPPrefix"
	tokFirewall   = "azure-native:network:AzureFirewall"
	tokPolicy     = "azure-native:network:FirewallPolicy"
	tokRCG        = "azure-native:network:FirewallPolicyRuleCollectionGroup"
	tokASG        = "azure-native:network:ApplicationSecurityGroup"
	tokPeering    = "azure-native:network:VirtualNetworkPeering"
	tokSubnet2305 = "azure-native:network/v20230501:Subnet"
)

// IDs of the egress fixtures: the hub's firewall subnets, the firewall, its policy, the NAT gateway.
var (
	fwSubnetID     = hubVNetID + "/subnets/AzureFirewallSubnet"
	fwMgmtSubnetID = hubVNetID + "/subnets/AzureFirewallManagementSubnet"
	policyID       = testRG + "Microsoft.Network/firewallPolicies/afwp-hub"
	rcgID          = policyID + "/ruleCollectionGroups/AzureMachineLearning"
	firewallID     = testRG + "Microsoft.Network/azureFirewalls/afw-hub"
	natID          = testRG + "Microsoft.Network/natGateways/nat-ml"
	routeTableID   = testRG + "Microsoft.Network/routeTables/rt-ml"
	computeSubnet  = vnetID + "/subnets/snet-training"
)

func prefixID(name string) string  { return testRG + "Microsoft.Network/publicIPPrefixes/" + name }
func asgID(name string) string     { return testRG + "Microsoft.Network/applicationSecurityGroups/" + name }
func ref(id string) map[string]any { return map[string]any{"id": id} }
func refs(ids ...string) []any {
	out := []any{}
	for _, id := range ids {
		out = append(out, ref(id))
	}
	return out
}

func prefixIn(name string, length float64) map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "publicIpPrefixName": name, "location": "westeurope",
		"sku": map[string]any{"name": "Standard", "tier": "Regional"}, "prefixLength": length, "publicIPAddressVersion": "IPv4",
	}
}

// natIn describes NAT gateway nat-ml with the public IPs and prefixes given by name.
func natIn(pips []string, prefixes []string) map[string]any {
	in := map[string]any{
		"resourceGroupName": "rg-ml", "natGatewayName": "nat-ml", "location": "westeurope",
		"sku": map[string]any{"name": "Standard"}, "idleTimeoutInMinutes": 4.0,
	}
	var ips, pfx []string
	for _, p := range pips {
		ips = append(ips, pipID(p))
	}
	for _, p := range prefixes {
		pfx = append(pfx, prefixID(p))
	}
	if ips != nil {
		in["publicIpAddresses"] = refs(ips...)
	}
	if pfx != nil {
		in["publicIpPrefixes"] = refs(pfx...)
	}
	return in
}

// privateSubnetIn is a compute subnet as the component registers it with explicit egress.
func privateSubnetIn(vnet, name, prefix string) map[string]any {
	return with(with(subnetIn(vnet, name, prefix), "defaultOutboundAccess", false), "serviceEndpoints", []any{
		map[string]any{"service": "Microsoft.Storage", "locations": []any{"westeurope"}},
		map[string]any{"service": "Microsoft.KeyVault", "locations": []any{"westeurope"}},
	})
}

func policyIn(tier string, dnsProxy bool) map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "firewallPolicyName": "afwp-hub", "location": "westeurope",
		"sku": map[string]any{"tier": tier}, "dnsSettings": map[string]any{"enableProxy": dnsProxy}, "threatIntelMode": "Alert",
	}
}

func networkRule(name string, extra map[string]any) map[string]any {
	r := map[string]any{
		"ruleType": "NetworkRule", "name": name, "ipProtocols": []any{"TCP"}, "sourceAddresses": []any{"10.0.0.0/24"},
		"destinationAddresses": []any{"AzureMachineLearning"}, "destinationPorts": []any{"443"},
	}
	for k, v := range extra {
		r[k] = v
	}
	return r
}

func applicationRule(name string, fqdns ...any) map[string]any {
	r := map[string]any{
		"ruleType": "ApplicationRule", "name": name, "sourceAddresses": []any{"10.0.0.0/24"},
		"protocols": []any{map[string]any{"protocolType": "Https", "port": 443.0}},
	}
	if fqdns != nil {
		r["targetFqdns"] = fqdns
	}
	return r
}

func collection(name string, priority float64, rules ...any) map[string]any {
	return map[string]any{
		"ruleCollectionType": "FirewallPolicyFilterRuleCollection", "name": name, "priority": priority,
		"action": map[string]any{"type": "Allow"}, "rules": rules,
	}
}

// rcgIn is the component's rule collection group: network rules at 100, application rules at 200.
func rcgIn(name string, priority float64, collections ...any) map[string]any {
	if collections == nil {
		collections = []any{
			collection("AzureMachineLearningNetwork", 100, networkRule("AzureMachineLearning", nil)),
			collection("AzureMachineLearningApplication", 200, applicationRule("Workspace", "ml.azure.com", "*.azureml.ms")),
		}
	}
	return map[string]any{
		"resourceGroupName": "rg-ml", "firewallPolicyName": "afwp-hub", "ruleCollectionGroupName": name,
		"priority": priority, "ruleCollections": collections,
	}
}

// firewallIn is firewall afw-hub of the tier in AzureFirewallSubnet with public IP pip-fw and policy afwp-hub.
func firewallIn(tier string) map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "azureFirewallName": "afw-hub", "location": "westeurope",
		"sku": map[string]any{"name": "AZFW_VNet", "tier": tier},
		"ipConfigurations": []any{map[string]any{
			"name": "ipconfig-1", "publicIPAddress": ref(pipID("pip-fw")), "subnet": ref(fwSubnetID),
		}},
		"firewallPolicy": ref(policyID), "zones": []any{"1", "2", "3"},
	}
}

func withManagement(in map[string]any, subnetID string) map[string]any {
	return with(in, "managementIpConfiguration", map[string]any{
		"name": "mgmt", "publicIPAddress": ref(pipID("pip-fw-mgmt")), "subnet": ref(subnetID),
	})
}

// firewallHub builds vnet-hub with AzureFirewallSubnet (prefix), AzureFirewallManagementSubnet /26, the
// firewall's public IPs and a policy of the tier.
func firewallHub(prefix, policyTier string) func(f *fixture) {
	return func(f *fixture) {
		f.hub(hubSubnetIn("AzureFirewallSubnet", prefix), hubSubnetIn("AzureFirewallManagementSubnet", "10.1.4.0/26"))
		f.mustCreate(tokPIP, "pip-fw", pipIn("pip-fw"))
		f.mustCreate(tokPIP, "pip-fw-mgmt", pipIn("pip-fw-mgmt"))
		f.mustCreate(tokPolicy, "policy", policyIn(policyTier, false))
	}
}

func peeringIn(vnet, name, remote string, flags ...string) map[string]any {
	in := map[string]any{
		"resourceGroupName": "rg-ml", "virtualNetworkName": vnet, "virtualNetworkPeeringName": name,
		"remoteVirtualNetwork": ref(remote), "allowVirtualNetworkAccess": true,
		"allowForwardedTraffic": false, "allowGatewayTransit": false, "useRemoteGateways": false,
	}
	for _, f := range flags {
		in[f] = true
	}
	return in
}

// Sources: resource-name-rules.md for the ID shapes (azureFirewalls, firewallPolicies,
// publicIPPrefixes, applicationSecurityGroups); the v20230501 Subnet the component registers for private
// subnets behaves as the default Subnet (NormalizeToken): same ID, the same address rules, updated in
// place through its alias.
func TestVersionedSubnetTokenBehavesAsTheDefaultSubnet(t *testing.T) {
	t.Parallel()
	assert.Equal(t, tokSubnet, NormalizeToken(tokSubnet2305))
	f := newFixture(t, Options{})
	f.network("10.0.2.0/24")
	id, out := f.mustCreate(tokSubnet2305, "training", privateSubnetIn("vnet-ml", "snet-training", "10.0.0.0/24"))
	assert.Equal(t, computeSubnet, id)
	assert.Equal(t, armSubnet, out["type"].StringValue())
	assert.False(t, out["defaultOutboundAccess"].BoolValue(), "inputs are echoed")

	_, err := f.create(tokSubnet2305, "scoring", privateSubnetIn("vnet-ml", "snet-scoring", "10.0.0.128/25"))
	requireAzureError(t, err, 400, "NetcfgSubnetRangesOverlap", "snet-training")
	_, err = f.create(tokSubnet2305, "outside", privateSubnetIn("vnet-ml", "snet-outside", "10.9.0.0/24"))
	requireAzureError(t, err, 400, "NetcfgSubnetRangeOutsideVnet")
	assert.Equal(t, TypicalMinutes(tokSubnet), TypicalMinutes(tokSubnet2305))
	assert.Equal(t, ReplaceKeys(tokSubnet), ReplaceKeys(tokSubnet2305))

	// An existing default-type subnet moved to the versioned type through the alias keeps its ID; with
	// ignoreChanges on defaultOutboundAccess the engine sends the old (unset) value, which Azure takes.
	scoringID, scoring := f.mustCreate(tokSubnet, "scoring", subnetIn("vnet-ml", "snet-scoring", "10.0.1.0/24"))
	news := pm(privateSubnetIn("vnet-ml", "snet-scoring", "10.0.1.0/24"))
	diff := ComputeDiff(tokSubnet2305, StripComputedOutputs(scoring, news), news, []string{"defaultOutboundAccess"})
	assert.Equal(t, []string{"serviceEndpoints"}, diff.GetDiffs())
	assert.Empty(t, diff.GetReplaces(), "updated in place")
	moved, err := f.update(tokSubnet2305, "scoring", scoringID, scoring,
		with(privateSubnetIn("vnet-ml", "snet-scoring", "10.0.1.0/24"), "defaultOutboundAccess", nil))
	require.NoError(t, err)
	assert.Equal(t, scoringID, moved["id"].StringValue())
}

// Source: errDefaultOutboundAccessUpdate (the 2024-05-01 API: "can only be set at the time of subnet
// creation and cannot be updated for an existing subnet"). A private subnet with a route to the Internet
// and no NAT gateway is taken: it only has no way out (default-outbound-access.md), Azure refuses nothing.
func TestDefaultOutboundAccessIsSetOnlyWhenTheSubnetIsCreated(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	f.network("10.0.2.0/24")
	f.mustCreate(tokRoutes, "rt", routeTableIn("westeurope", "AzureMachineLearning"))
	private := with(privateSubnetIn("vnet-ml", "snet-training", "10.0.0.0/24"), "routeTable", ref(routeTableID))
	id, out := f.mustCreate(tokSubnet2305, "training", private)

	_, err := f.update(tokSubnet2305, "training", id, out, with(private, "defaultOutboundAccess", true))
	requireAzureError(t, err, 400, "DefaultOutboundAccessCannotBeUpdated", id, "from false to true")
	_, err = f.update(tokSubnet2305, "training", id, out, with(private, "defaultOutboundAccess", nil))
	requireAzureError(t, err, 400, "DefaultOutboundAccessCannotBeUpdated", "from false to unset")
	_, err = f.update(tokSubnet2305, "training", id, out, with(private, "privateEndpointNetworkPolicies", "Disabled"))
	require.NoError(t, err, "other changes are taken")

	// An existing subnet without the property cannot be made private by an update either.
	peOut := pm(map[string]any{"id": peSubnetID})
	_, err = f.update(tokSubnet2305, "pe", peSubnetID, peOut, with(subnetIn("vnet-ml", "snet-pe", "10.0.2.0/24"), "defaultOutboundAccess", false))
	requireAzureError(t, err, 400, "DefaultOutboundAccessCannotBeUpdated", "from unset to false")
}

// Sources: the service list of virtual-network-service-endpoints-overview.md plus Microsoft.Storage.Global
// (errServiceEndpointService). Default-type subnets carry service endpoints too.
func TestServiceEndpointServices(t *testing.T) {
	t.Parallel()
	endpoints := func(services ...string) map[string]any {
		var list []any
		for _, s := range services {
			list = append(list, map[string]any{"service": s, "locations": []any{"westeurope"}})
		}
		return with(subnetIn("vnet-ml", "snet-training", "10.0.0.0/24"), "serviceEndpoints", list)
	}
	tests := []requestCase{
		{name: "Storage and Key Vault", setup: withNetwork, token: tokSubnet, in: endpoints("Microsoft.Storage", "Microsoft.KeyVault")},
		{name: "Storage.Global", setup: withNetwork, token: tokSubnet2305, in: endpoints("Microsoft.Storage.Global")},
		{name: "Container Registry (preview)", setup: withNetwork, token: tokSubnet, in: endpoints("microsoft.containerregistry")},
		{name: "misspelt service", setup: withNetwork, token: tokSubnet, in: endpoints("Microsoft.Storage", "Microsoft.Storagee"),
			status: 400, code: "ServiceEndpointNotSupportedForService", mentions: []string{"Microsoft.Storagee", computeSubnet, "westeurope"}},
		{name: "service without endpoints", setup: withNetwork, token: tokSubnet2305, in: endpoints("Microsoft.MachineLearningServices"),
			status: 400, code: "ServiceEndpointNotSupportedForService", mentions: []string{"Microsoft.MachineLearningServices"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Sources: errNatGatewayOnGatewaySubnet, errNatGatewayAcrossNetworks, errNatGatewayBasicPublicIP,
// errNatGatewayTooManyIPs, errPublicIPPrefixLength in azureerror.go; a subnet takes one NAT gateway by
// construction (natGateway is one reference), so nothing else is checked for it.
func TestNatGatewayRules(t *testing.T) {
	t.Parallel()
	withNat := func(f *fixture) {
		f.network("10.0.2.0/24")
		f.mustCreate(tokPIP, "pip-nat", pipIn("pip-nat"))
		f.mustCreate(tokNat, "nat", natIn([]string{"pip-nat"}, nil))
	}
	tests := []requestCase{
		{name: "NAT gateway with a Standard public IP", token: tokNat, in: natIn([]string{"pip-nat"}, nil),
			setup: func(f *fixture) { f.mustCreate(tokPIP, "pip-nat", pipIn("pip-nat")) }},
		{name: "NAT gateway with a /28 prefix", token: tokNat, in: natIn(nil, []string{"ippre-nat"}),
			setup: func(f *fixture) { f.mustCreate(tokPrefix, "prefix", prefixIn("ippre-nat", 28)) }},
		{name: "NAT gateway with a /28 prefix and a public IP (17 addresses)", token: tokNat, in: natIn([]string{"pip-nat"}, []string{"ippre-nat"}),
			setup: func(f *fixture) {
				f.mustCreate(tokPrefix, "prefix", prefixIn("ippre-nat", 28))
				f.mustCreate(tokPIP, "pip-nat", pipIn("pip-nat"))
			},
			status: 400, code: "NatGatewayPublicIpAddressLimitExceeded", mentions: []string{natID, "17"}},
		{name: "NAT gateway with a Basic public IP", token: tokNat, in: natIn([]string{"pip-basic"}, nil),
			setup: func(f *fixture) {
				f.put(pipID("pip-basic"), armPublicIPAddress, map[string]any{"publicIPAllocationMethod": "Dynamic", "sku": map[string]any{"name": "Basic"}})
			},
			status: 400, code: "NatGatewayCannotUseBasicSkuPublicIp", mentions: []string{pipID("pip-basic")}},
		{name: "NAT gateway with a public IP that does not exist", token: tokNat, in: natIn([]string{"pip-none"}, nil),
			status: 404, code: "NotFound", mentions: []string{pipID("pip-none")}},
		{name: "prefix /31", token: tokPrefix, in: prefixIn("ippre-nat", 31)},
		{name: "prefix /27", token: tokPrefix, in: prefixIn("ippre-nat", 27),
			status: 400, code: "PublicIpPrefixLengthNotSupported", mentions: []string{prefixID("ippre-nat"), "/27"}},
		{name: "prefix /32", token: tokPrefix, in: prefixIn("ippre-nat", 32),
			status: 400, code: "PublicIpPrefixLengthNotSupported", mentions: []string{"/32"}},
		{name: "compute subnet with the NAT gateway", setup: withNat, token: tokSubnet2305,
			in: with(privateSubnetIn("vnet-ml", "snet-training", "10.0.0.0/24"), "natGateway", ref(natID))},
		{name: "GatewaySubnet with the NAT gateway", token: tokSubnet,
			setup: func(f *fixture) {
				withNat(f)
				f.hub()
			},
			in:     with(hubSubnetIn("GatewaySubnet", "10.1.0.0/27"), "natGateway", ref(natID)),
			status: 400, code: "NatGatewayCannotBeAttachedToGatewaySubnet", mentions: []string{natID, gwSubnetID}},
		{name: "a subnet of a second network with the NAT gateway", token: tokSubnet,
			setup: func(f *fixture) {
				withNat(f)
				f.mustCreate(tokSubnet, "training", with(subnetIn("vnet-ml", "snet-training", "10.0.0.0/24"), "natGateway", ref(natID)))
				f.hub()
			},
			in:     with(hubSubnetIn("snet-jump", "10.1.9.0/24"), "natGateway", ref(natID)),
			status: 400, code: "NatGatewayCannotBeUsedBySubnetsBelongingToDifferentVirtualNetworks", mentions: []string{natID, vnetID, hubVNetID}},
		{name: "a second subnet of the same network with the NAT gateway", token: tokSubnet,
			setup: func(f *fixture) {
				withNat(f)
				f.mustCreate(tokSubnet, "training", with(subnetIn("vnet-ml", "snet-training", "10.0.0.0/24"), "natGateway", ref(natID)))
			},
			in: with(subnetIn("vnet-ml", "snet-scoring", "10.0.1.0/24"), "natGateway", ref(natID))},
		{name: "NAT gateway that does not exist", setup: withNetwork, token: tokSubnet,
			in:     with(subnetIn("vnet-ml", "snet-training", "10.0.0.0/24"), "natGateway", ref(natID)),
			status: 404, code: "NotFound", mentions: []string{natID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Sources: errFirewallSubnetName, errFirewallSubnetTooSmall, errFirewallSubnetReferences,
// errFirewallSubnetResourceGroup, errFirewallNeedsManagementConfiguration,
// errFirewallManagementConfigIncomplete, errFirewallPublicIP, errFirewallPolicyTier, errNSGOnFirewallSubnet
// in azureerror.go. The policy tiers a firewall takes are those of policy-overview.md: a Premium firewall
// takes a Standard policy (Azure/Enterprise-Scale #889).
func TestFirewallRules(t *testing.T) {
	t.Parallel()
	standard := firewallHub("10.1.3.0/26", "Standard")
	otherRG := "/subscriptions/" + SubscriptionID + "/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub2"
	tests := []requestCase{
		{name: "Standard firewall, Standard policy", setup: standard, token: tokFirewall, in: firewallIn("Standard")},
		{name: "Premium firewall, Standard policy", setup: standard, token: tokFirewall, in: firewallIn("Premium")},
		{name: "Premium firewall, Premium policy", setup: firewallHub("10.1.3.0/26", "Premium"), token: tokFirewall, in: firewallIn("Premium")},
		{name: "Standard firewall, Premium policy", setup: firewallHub("10.1.3.0/26", "Premium"), token: tokFirewall, in: firewallIn("Standard"),
			status: 400, code: "AzureFirewallPolicyTierNotSupportedByFirewallSku", mentions: []string{policyID, "Premium", firewallID}},
		{name: "Basic firewall, Standard policy", setup: standard, token: tokFirewall, in: withManagement(firewallIn("Basic"), fwMgmtSubnetID),
			status: 400, code: "AzureFirewallPolicyTierNotSupportedByFirewallSku", mentions: []string{"Basic"}},
		{name: "Basic firewall with its management configuration, Basic policy", setup: firewallHub("10.1.3.0/26", "Basic"), token: tokFirewall,
			in: withManagement(firewallIn("Basic"), fwMgmtSubnetID)},
		{name: "Basic firewall without a management configuration", setup: firewallHub("10.1.3.0/26", "Basic"), token: tokFirewall,
			in:     firewallIn("Basic"),
			status: 400, code: "AzureFirewallBasicSkuRequiresManagementIpConfiguration", mentions: []string{firewallID, "AzureFirewallManagementSubnet"}},
		{name: "management configuration without a public IP", setup: firewallHub("10.1.3.0/26", "Basic"), token: tokFirewall,
			in:     with(firewallIn("Basic"), "managementIpConfiguration", map[string]any{"name": "mgmt", "subnet": ref(fwMgmtSubnetID)}),
			status: 400, code: "AzureFirewallManagementIpConfigRequiresSubnetAndPublicIp", mentions: []string{firewallID}},
		{name: "management configuration in AzureFirewallSubnet", setup: firewallHub("10.1.3.0/26", "Basic"), token: tokFirewall,
			in:     withManagement(firewallIn("Basic"), fwSubnetID),
			status: 400, code: "AzureFirewallBasicSkuRequiresManagementIpConfiguration", mentions: []string{fwSubnetID}},
		{name: "subnet not named AzureFirewallSubnet", token: tokFirewall,
			setup: func(f *fixture) {
				standard(f)
				f.mustCreate(tokSubnet, "fw2", hubSubnetIn("snet-fw", "10.1.5.0/26"))
			},
			in: with(firewallIn("Standard"), "ipConfigurations", []any{map[string]any{
				"name": "ipconfig-1", "publicIPAddress": ref(pipID("pip-fw")), "subnet": ref(hubVNetID + "/subnets/snet-fw"),
			}}),
			status: 400, code: "AzureFirewallSubnetMustBeNamedAzureFirewallSubnet", mentions: []string{hubVNetID + "/subnets/snet-fw"}},
		{name: "AzureFirewallSubnet /27", setup: firewallHub("10.1.3.0/27", "Standard"), token: tokFirewall, in: firewallIn("Standard"),
			status: 400, code: "AzureFirewallSubnetTooSmall", mentions: []string{"10.1.3.0/27", "/26"}},
		{name: "AzureFirewallSubnet /25", setup: firewallHub("10.1.3.0/25", "Standard"), token: tokFirewall, in: firewallIn("Standard")},
		{name: "two subnet references", setup: standard, token: tokFirewall,
			in: with(firewallIn("Standard"), "ipConfigurations", append(pathSlice(firewallIn("Standard"), "ipConfigurations"), map[string]any{
				"name": "ipconfig-2", "publicIPAddress": ref(pipID("pip-fw-mgmt")), "subnet": ref(fwSubnetID),
			})),
			status: 400, code: "AzureFirewallCannotHaveMoreThanOneSubnetReference", mentions: []string{firewallID}},
		{name: "a second public IP without a subnet", setup: standard, token: tokFirewall,
			in: with(firewallIn("Standard"), "ipConfigurations", append(pathSlice(firewallIn("Standard"), "ipConfigurations"), map[string]any{
				"name": "ipconfig-2", "publicIPAddress": ref(pipID("pip-fw-mgmt")),
			}))},
		{name: "AzureFirewallSubnet in another resource group", token: tokFirewall,
			setup: func(f *fixture) {
				standard(f)
				f.put(otherRG, armVirtualNetwork, vnetIn("vnet-hub2", "westeurope", "10.7.0.0/16"))
				f.put(otherRG+"/subnets/AzureFirewallSubnet", armSubnet, map[string]any{"addressPrefix": "10.7.3.0/26"})
			},
			in: with(firewallIn("Standard"), "ipConfigurations", []any{map[string]any{
				"name": "ipconfig-1", "publicIPAddress": ref(pipID("pip-fw")), "subnet": ref(otherRG + "/subnets/AzureFirewallSubnet"),
			}}),
			status: 400, code: "AzureFirewallReferencesSubnetInDifferentResourceGroup", mentions: []string{otherRG}},
		{name: "Basic public IP", token: tokFirewall, in: with(firewallIn("Standard"), "ipConfigurations", []any{map[string]any{
			"name": "ipconfig-1", "publicIPAddress": ref(pipID("pip-basic")), "subnet": ref(fwSubnetID),
		}}),
			setup: func(f *fixture) {
				standard(f)
				f.put(pipID("pip-basic"), armPublicIPAddress, map[string]any{"publicIPAllocationMethod": "Dynamic"})
			},
			status: 400, code: "AzureFirewallPublicIpMustBeStandardSku", mentions: []string{pipID("pip-basic")}},
		{name: "policy that does not exist", token: tokFirewall, in: firewallIn("Standard"),
			setup: func(f *fixture) {
				f.hub(hubSubnetIn("AzureFirewallSubnet", "10.1.3.0/26"))
				f.mustCreate(tokPIP, "pip-fw", pipIn("pip-fw"))
			},
			status: 404, code: "NotFound", mentions: []string{policyID}},
		{name: "NSG on AzureFirewallSubnet", token: tokSubnet,
			setup: func(f *fixture) {
				f.hub()
				f.mustCreate(tokNSG, "nsg", nsgIn("westeurope", "Storage"))
			},
			in:     with(hubSubnetIn("AzureFirewallSubnet", "10.1.3.0/26"), "networkSecurityGroup", ref(testRG+"Microsoft.Network/networkSecurityGroups/nsg-ml")),
			status: 400, code: "NetworkSecurityGroupCannotBeAttachedToAzureFirewallSubnet", mentions: []string{"nsg-ml", fwSubnetID}},
		{name: "firewall name of 81 characters", setup: standard, token: tokFirewall, in: with(firewallIn("Standard"), "azureFirewallName", strings.Repeat("f", 81)),
			status: 400, code: "InvalidResourceName", mentions: []string{"Microsoft.Network/azureFirewalls"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Sources: errFirewallPolicyHigherTier (Azure/missionlz #736), errRuleCollectionPriority,
// errRuleCollectionUnreadable (pulumi/pulumi-azure-native #2671), errApplicationRuleTarget, errDNSProxyRequired
// in azureerror.go.
func TestFirewallPolicyAndRuleCollectionGroupRules(t *testing.T) {
	t.Parallel()
	withPolicy := func(dnsProxy bool) func(f *fixture) {
		return func(f *fixture) { f.mustCreate(tokPolicy, "policy", policyIn("Standard", dnsProxy)) }
	}
	fqdnRule := collection("Batch", 300, networkRule("Batch", map[string]any{
		"destinationAddresses": nil, "destinationFqdns": []any{"westeurope.batch.azure.com"},
	}))
	misspelt := collection("AzureMachineLearningNetwork", 100, networkRule("AzureMachineLearning", nil))
	misspelt["ruleCollectionType"] = "FirewallPolicyFilterRuleColection"
	tests := []requestCase{
		{name: "Standard policy with DNS proxy", token: tokPolicy, in: policyIn("Standard", true)},
		{name: "Basic policy with DNS proxy", token: tokPolicy, in: policyIn("Basic", true),
			status: 400, code: "FirewallPolicyHigherTierOnlyProperties", mentions: []string{policyID, "DNS Proxy"}},
		{name: "Basic policy, threat intelligence Deny", token: tokPolicy, in: with(policyIn("Basic", false), "threatIntelMode", "Deny"),
			status: 400, code: "FirewallPolicyHigherTierOnlyProperties", mentions: []string{"Threat Intelligence"}},
		{name: "Standard policy with intrusion detection", token: tokPolicy,
			in:     with(policyIn("Standard", false), "intrusionDetection", map[string]any{"mode": "Off"}),
			status: 400, code: "FirewallPolicyHigherTierOnlyProperties", mentions: []string{"Intrusion Detection"}},
		{name: "Premium policy with intrusion detection", token: tokPolicy,
			in: with(policyIn("Premium", false), "intrusionDetection", map[string]any{"mode": "Alert"})},
		{name: "the component's rule collection group", setup: withPolicy(false), token: tokRCG, in: rcgIn("AzureMachineLearning", 500)},
		{name: "rule collection group without its policy", token: tokRCG, in: rcgIn("AzureMachineLearning", 500),
			status: 404, code: "ParentResourceNotFound", mentions: []string{policyID}},
		{name: "priority 99", setup: withPolicy(false), token: tokRCG, in: rcgIn("AzureMachineLearning", 99),
			status: 400, code: "FirewallPolicyRuleCollectionGroupInvalidPriority", mentions: []string{rcgID, "99"}},
		{name: "priority 65001", setup: withPolicy(false), token: tokRCG, in: rcgIn("AzureMachineLearning", 65001),
			status: 400, code: "FirewallPolicyRuleCollectionGroupInvalidPriority", mentions: []string{"65001"}},
		{name: "priority 65000", setup: withPolicy(false), token: tokRCG, in: rcgIn("AzureMachineLearning", 65000)},
		{name: "rule collection of priority 50", setup: withPolicy(false), token: tokRCG,
			in:     rcgIn("AzureMachineLearning", 500, collection("Low", 50, networkRule("AzureMachineLearning", nil))),
			status: 400, code: "FirewallPolicyRuleCollectionGroupInvalidPriority", mentions: []string{"Rule collection Low"}},
		{name: "misspelt ruleCollectionType", setup: withPolicy(false), token: tokRCG, in: rcgIn("AzureMachineLearning", 500, misspelt),
			status: 400, code: "Failed", mentions: []string{"ruleCollections[0]", "An error has occurred.", "FirewallPolicyFilterRuleColection"}},
		{name: "misspelt ruleType", setup: withPolicy(false), token: tokRCG,
			in: rcgIn("AzureMachineLearning", 500, collection("Net", 100, networkRule("AzureMachineLearning", nil),
				networkRule("Batch", map[string]any{"ruleType": "NetworkRules"}))),
			status: 400, code: "Failed", mentions: []string{"ruleCollections[0].rules[1]", "NetworkRules"}},
		{name: "application rule without a target", setup: withPolicy(false), token: tokRCG,
			in:     rcgIn("AzureMachineLearning", 500, collection("App", 200, applicationRule("Nothing"))),
			status: 400, code: "FirewallPolicyApplicationRuleTargetMustBeSpecified", mentions: []string{"Nothing", rcgID}},
		{name: "application rule with an FQDN tag", setup: withPolicy(false), token: tokRCG,
			in: rcgIn("AzureMachineLearning", 500, collection("App", 200, with(applicationRule("Updates"), "fqdnTags", []any{"WindowsUpdate"})))},
		{name: "network rule with FQDNs, policy without DNS proxy", setup: withPolicy(false), token: tokRCG,
			in:     rcgIn("AzureMachineLearning", 500, fqdnRule),
			status: 400, code: "AzureFirewallDNSProxyMustBeEnabled", mentions: []string{"Batch", rcgID}},
		{name: "network rule with FQDNs, policy with DNS proxy", setup: withPolicy(true), token: tokRCG, in: rcgIn("AzureMachineLearning", 500, fqdnRule)},
		{name: "network rule with FQDNs, proxy not required", token: tokRCG, in: rcgIn("AzureMachineLearning", 500, fqdnRule),
			setup: func(f *fixture) {
				f.mustCreate(tokPolicy, "policy", with(policyIn("Standard", false), "dnsSettings",
					map[string]any{"enableProxy": false, "requireProxyForNetworkRules": false}))
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Outputs Azure derives: the firewall's private IP is the fifth address of AzureFirewallSubnet (x.x.x.4,
// firewall/tutorial-firewall-deploy-portal.md), which the compute subnets' 0.0.0.0/0 routes go to; a public
// IP prefix reports its range. getVirtualNetwork lists the firewall's IP configurations in its subnets.
func TestEgressOutputs(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	firewallHub("10.1.3.0/26", "Basic")(f)
	f.mustCreate(tokRCG, "rules", rcgIn("AzureMachineLearning", 500))
	id, out := f.mustCreate(tokFirewall, "fw", withManagement(firewallIn("Basic"), fwMgmtSubnetID))
	assert.Equal(t, firewallID, id)
	config := objects(pathSlice(plainMap(out), "ipConfigurations"))[0]
	assert.Equal(t, "10.1.3.4", config["privateIPAddress"])
	assert.Equal(t, firewallID+"/azureFirewallIpConfigurations/ipconfig-1", config["id"])
	assert.Equal(t, firewallID+"/azureFirewallIpConfigurations/mgmt", pathString(plainMap(out), "managementIpConfiguration", "id"))

	// The route the compute subnets get.
	rt := routeTableIn("westeurope", "0.0.0.0/0")
	rt["routes"] = []any{map[string]any{"name": "default", "addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance",
		"nextHopIpAddress": config["privateIPAddress"]}}
	f.mustCreate(tokRoutes, "rt", rt)

	_, prefix := f.mustCreate(tokPrefix, "prefix", prefixIn("ippre-nat", 30))
	assert.Regexp(t, `^20\.\d+\.\d+\.\d+/30$`, prefix["ipPrefix"].StringValue())
	assert.Equal(t, PublicIPPrefixFor(prefixID("ippre-nat"), 30), prefix["ipPrefix"].StringValue())

	vnet, err := f.invoke(fnVirtualNetwork, map[string]any{"resourceGroupName": "rg-ml", "virtualNetworkName": "vnet-hub"})
	require.NoError(t, err)
	found := map[string][]any{}
	for _, s := range objects(pathSlice(plainMap(vnet), "subnets")) {
		found[pathString(s, "name")] = pathSlice(s, "ipConfigurations")
	}
	assert.Equal(t, []any{ref(firewallID + "/azureFirewallIpConfigurations/ipconfig-1")}, found["AzureFirewallSubnet"])
	assert.Equal(t, []any{ref(firewallID + "/azureFirewallIpConfigurations/mgmt")}, found["AzureFirewallManagementSubnet"])
}

// Sources: InUseNatGatewayCannotBeDeleted, InUseRouteTableCannotBeDeleted,
// InUseNetworkSecurityGroupCannotBeDeleted, InUsePublicIpPrefixCannotBeDeleted, PublicIPAddressCannotBeDeleted,
// errFirewallPolicyInUse, errASGInUse in azureerror.go; a firewall's IP configurations hold
// AzureFirewallSubnet as a gateway's hold GatewaySubnet.
func TestEgressDeletesOfResourcesInUse(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	f.network("10.0.2.0/24")
	firewallHub("10.1.3.0/26", "Standard")(f)
	fwID, fw := f.mustCreate(tokFirewall, "fw", firewallIn("Standard"))
	_, prefix := f.mustCreate(tokPrefix, "prefix", prefixIn("ippre-nat", 31))
	f.mustCreate(tokPIP, "pip-nat", pipIn("pip-nat"))
	natOut := func() resource.PropertyMap {
		_, out := f.mustCreate(tokNat, "nat", natIn([]string{"pip-nat"}, []string{"ippre-nat"}))
		return out
	}()
	_, rt := f.mustCreate(tokRoutes, "rt", routeTableIn("westeurope", "0.0.0.0/0"))
	nsgID, nsg := f.mustCreate(tokNSG, "nsg", nsgIn("westeurope", "Storage"))
	asgOut := func() resource.PropertyMap {
		_, out := f.mustCreate(tokASG, "asg", map[string]any{"resourceGroupName": "rg-ml", "applicationSecurityGroupName": "asg-pe", "location": "westeurope"})
		return out
	}()
	peID, pe := f.mustCreate(tokPE, "kv", with(vaultPE("pe-kv", peSubnetID), "applicationSecurityGroups", refs(asgID("asg-pe"))))
	subnet := with(with(with(privateSubnetIn("vnet-ml", "snet-training", "10.0.0.0/24"), "natGateway", ref(natID)),
		"routeTable", ref(routeTableID)), "networkSecurityGroup", ref(nsgID))
	subnetID, subnetOut := f.mustCreate(tokSubnet2305, "training", subnet)

	err := f.remove(tokNat, "nat", natID, natOut)
	requireAzureError(t, err, 400, "InUseNatGatewayCannotBeDeleted", natID, subnetID)
	err = f.remove(tokRoutes, "rt", routeTableID, rt)
	requireAzureError(t, err, 400, "InUseRouteTableCannotBeDeleted", routeTableID, subnetID)
	err = f.remove(tokNSG, "nsg", nsgID, nsg)
	requireAzureError(t, err, 400, "InUseNetworkSecurityGroupCannotBeDeleted", nsgID, subnetID)
	err = f.remove(tokPrefix, "prefix", prefixID("ippre-nat"), prefix)
	requireAzureError(t, err, 400, "InUsePublicIpPrefixCannotBeDeleted", prefixID("ippre-nat"), natID)
	err = f.remove(tokPIP, "pip-nat", pipID("pip-nat"), pm(ref(pipID("pip-nat"))))
	requireAzureError(t, err, 400, "PublicIPAddressCannotBeDeleted", pipID("pip-nat"), natID)
	err = f.remove(tokPIP, "pip-fw", pipID("pip-fw"), pm(ref(pipID("pip-fw"))))
	requireAzureError(t, err, 400, "PublicIPAddressCannotBeDeleted", fwID+"/azureFirewallIpConfigurations/ipconfig-1")
	err = f.remove(tokPolicy, "policy", policyID, pm(ref(policyID)))
	requireAzureError(t, err, 400, "InUseFirewallPolicyCannotBeDeleted", policyID, fwID)
	err = f.remove(tokASG, "asg", asgID("asg-pe"), asgOut)
	requireAzureError(t, err, 400, "InUseApplicationSecurityGroupCannotBeDeleted", asgID("asg-pe"), peID)
	err = f.remove(tokSubnet, "fw", fwSubnetID, pm(ref(fwSubnetID)))
	requireAzureError(t, err, 400, "InUseSubnetCannotBeDeleted", fwSubnetID, fwID)

	// In the order Azure takes them, every delete goes through.
	require.NoError(t, f.remove(tokSubnet2305, "training", subnetID, subnetOut))
	require.NoError(t, f.remove(tokNat, "nat", natID, natOut))
	require.NoError(t, f.remove(tokPrefix, "prefix", prefixID("ippre-nat"), prefix))
	require.NoError(t, f.remove(tokRoutes, "rt", routeTableID, rt))
	require.NoError(t, f.remove(tokNSG, "nsg", nsgID, nsg))
	require.NoError(t, f.remove(tokPE, "kv", peID, pe))
	require.NoError(t, f.remove(tokASG, "asg", asgID("asg-pe"), asgOut))
	require.NoError(t, f.remove(tokFirewall, "fw", fwID, fw))
	require.NoError(t, f.remove(tokPolicy, "policy", policyID, pm(ref(policyID))))
	require.NoError(t, f.remove(tokSubnet, "fw", fwSubnetID, pm(ref(fwSubnetID))))
}

// hubWithGateway builds vnet-hub with a VPN gateway in its GatewaySubnet.
func hubWithGateway(f *fixture) {
	withGatewaySubnet("10.1.0.0/27")(f)
	f.mustCreate(tokGateway, "vpn", vpnGatewayIn("pip-1"))
}

// Sources: errPeeringAddressOverlap (VnetAddressSpacesOverlap), errRemoteVnetHasNoGateways,
// errRemotePeeringNoTransit, errLocalNetworkHasGateway, errOnlyOneRemoteGatewayPeering in azureerror.go
// (virtual-network-manage-peering.md; hybrid-and-egress.md §8.1).
func TestPeeringRules(t *testing.T) {
	t.Parallel()
	spokeToHub := func(flags ...string) map[string]any { return peeringIn("vnet-ml", "to-hub", hubVNetID, flags...) }
	hubToSpoke := func(flags ...string) map[string]any { return peeringIn("vnet-hub", "to-ml", vnetID, flags...) }
	both := func(hubFlags ...string) func(f *fixture) {
		return func(f *fixture) {
			hubWithGateway(f)
			f.network("10.0.2.0/24")
			f.mustCreate(tokPeering, "hub-side", hubToSpoke(hubFlags...))
		}
	}
	peeringID := vnetID + "/virtualNetworkPeerings/to-hub"
	tests := []requestCase{
		{name: "spoke peering using the hub's gateway", setup: both("allowGatewayTransit"), token: tokPeering, in: spokeToHub("useRemoteGateways")},
		{name: "spoke peering without gateway transit", setup: both(), token: tokPeering, in: spokeToHub()},
		{name: "remote network without a gateway", token: tokPeering, in: spokeToHub("useRemoteGateways"),
			setup: func(f *fixture) {
				f.hub()
				f.network("10.0.2.0/24")
				f.mustCreate(tokPeering, "hub-side", hubToSpoke("allowGatewayTransit"))
			},
			status: 400, code: "RemoteVnetHasNoGateways", mentions: []string{peeringID, hubVNetID}},
		{name: "hub peering without allowGatewayTransit", setup: both(), token: tokPeering, in: spokeToHub("useRemoteGateways"),
			status: 400, code: "RemotePeeringDoesNotAllowGatewayTransit", mentions: []string{peeringID, hubVNetID + "/virtualNetworkPeerings/to-ml"}},
		{name: "no hub peering yet", token: tokPeering, in: spokeToHub("useRemoteGateways"),
			setup: func(f *fixture) {
				hubWithGateway(f)
				f.network("10.0.2.0/24")
			},
			status: 400, code: "RemotePeeringDoesNotAllowGatewayTransit", mentions: []string{"none yet"}},
		{name: "spoke with its own gateway", token: tokPeering, in: spokeToHub("useRemoteGateways"),
			setup: func(f *fixture) {
				both("allowGatewayTransit")(f)
				f.put(testRG+"Microsoft.Network/virtualNetworkGateways/vgw-spoke", armVirtualNetworkGateway,
					gatewayIn("vgw-spoke", "Vpn", "VpnGw1AZ", vnetID+"/subnets/GatewaySubnet", "pip-2"))
			},
			status: 400, code: "VirtualNetworkWithGatewayCannotUseRemoteGateways", mentions: []string{vnetID, "vgw-spoke"}},
		{name: "second peering using remote gateways", token: tokPeering, in: peeringIn("vnet-ml", "to-hub2", hubVNetID, "useRemoteGateways"),
			setup: func(f *fixture) {
				both("allowGatewayTransit")(f)
				f.mustCreate(tokPeering, "spoke-side", spokeToHub("useRemoteGateways"))
			},
			status: 400, code: "OnlyOnePeeringCanUseRemoteGateways", mentions: []string{peeringID}},
		{name: "overlapping address spaces", token: tokPeering, in: spokeToHub(),
			setup: func(f *fixture) {
				f.mustCreate(tokVNet, "hub", vnetIn("vnet-hub", "westeurope", "10.1.0.0/16", "10.0.128.0/17"))
				f.network("10.0.2.0/24")
			},
			status: 400, code: "VnetAddressSpacesOverlap", mentions: []string{peeringID, "10.0.0.0/16", "10.0.128.0/17"}},
		{name: "peering to itself", setup: withNetwork, token: tokPeering, in: peeringIn("vnet-ml", "to-self", vnetID),
			status: 400, code: "VnetAddressSpacesOverlap", mentions: []string{vnetID}},
		{name: "remote network that does not exist", setup: withNetwork, token: tokPeering, in: spokeToHub(),
			status: 404, code: "NotFound", mentions: []string{hubVNetID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Source: Azure/terraform-azurerm-avm-res-network-virtualnetwork #57: the spoke peering created while the
// hub's is still being created fails; so does one created while the hub's gateway is.
func TestSpokePeeringCreatedWithTheHubSideFails(t *testing.T) {
	t.Parallel()
	f, sl := concurrent(t)
	withGatewaySubnet("10.1.0.0/27")(f)
	f.network("10.0.2.0/24")
	f.start(sl)

	gateway := f.createAsync(tokGateway, "vpn", vpnGatewayIn("pip-1"))
	gatewayTime := sl.next(t)
	r := awaitWithoutSleeping(t, f.createAsync(tokPeering, "to-hub", peeringIn("vnet-ml", "to-hub", hubVNetID, "useRemoteGateways")), sl)
	requireAzureError(t, r.err, 400, "RemoteVnetHasNoGateways", hubVNetID)
	gatewayTime.release()
	require.NoError(t, await(t, gateway).err)

	hubSide := f.createAsync(tokPeering, "to-ml", peeringIn("vnet-hub", "to-ml", vnetID, "allowGatewayTransit"))
	hubTime := sl.next(t)
	r = awaitWithoutSleeping(t, f.createAsync(tokPeering, "to-hub", peeringIn("vnet-ml", "to-hub", hubVNetID, "useRemoteGateways")), sl)
	requireAzureError(t, r.err, 400, "RemotePeeringDoesNotAllowGatewayTransit", "still being created")
	hubTime.release()
	require.NoError(t, await(t, hubSide).err)

	spokeSide := f.createAsync(tokPeering, "to-hub", peeringIn("vnet-ml", "to-hub", hubVNetID, "useRemoteGateways"))
	sl.next(t).release()
	require.NoError(t, await(t, spokeSide).err)
}

// The hub side of a peering is created through a provider for the hub's subscription: both sides see one
// pretend Azure through the state directory, so the spoke's useRemoteGateways is checked against the hub
// peering and gateway in the hub subscription, and the hub's getVirtualNetwork (read in its own
// subscription) lists its gateway in GatewaySubnet and its peering.
func TestPeeringWithAHubInAnotherSubscription(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	spoke := newFixture(t, Options{StateDir: dir})
	hub := newFixture(t, Options{StateDir: dir}).configure(map[string]string{"subscriptionId": hubSubscription})
	hubVNet := armID(hubSubscription, "Microsoft.Network/virtualNetworks/vnet-hub")
	hub.mustCreate(tokVNet, "hub", vnetIn("vnet-hub", "westeurope", "10.1.0.0/16"))
	hub.mustCreate(tokSubnet, "gw", hubSubnetIn("GatewaySubnet", "10.1.0.0/27"))
	gatewayID := armID(hubSubscription, "Microsoft.Network/virtualNetworkGateways/vgw-vpn")
	rid, err := IDFromARM("", gatewayID)
	require.NoError(t, err)
	rid.Type = armVirtualNetworkGateway
	require.NoError(t, hub.s.Store().Put(recordOf(rid, with(gatewayIn("vgw-vpn", "Vpn", "VpnGw1AZ", hubVNet+"/subnets/GatewaySubnet"), "ipConfigurations",
		[]any{map[string]any{"id": gatewayID + "/ipConfigurations/default", "subnet": ref(hubVNet + "/subnets/GatewaySubnet")}}), "Succeeded")))
	spoke.network("10.0.2.0/24")

	_, err = spoke.create(tokPeering, "to-hub", peeringIn("vnet-ml", "to-hub", hubVNet, "useRemoteGateways"))
	requireAzureError(t, err, 400, "RemotePeeringDoesNotAllowGatewayTransit", "none yet")
	hub.mustCreate(tokPeering, "to-ml", peeringIn("vnet-hub", "to-ml", vnetID, "allowGatewayTransit"))
	spoke.mustCreate(tokPeering, "to-hub", peeringIn("vnet-ml", "to-hub", hubVNet, "useRemoteGateways"))

	vnet, err := hub.invoke(fnVirtualNetwork, map[string]any{"resourceGroupName": "rg-ml", "virtualNetworkName": "vnet-hub"})
	require.NoError(t, err)
	plain := plainMap(vnet)
	assert.Equal(t, "westeurope", plain["location"])
	assert.Equal(t, []any{"10.1.0.0/16"}, pathSlice(plain, "addressSpace", "addressPrefixes"))
	subnets := objects(pathSlice(plain, "subnets"))
	require.Len(t, subnets, 1)
	assert.Equal(t, []any{ref(gatewayID + "/ipConfigurations/default")}, pathSlice(subnets[0], "ipConfigurations"), "the hub's gateway in its GatewaySubnet")
	peerings := objects(pathSlice(plain, "virtualNetworkPeerings"))
	require.Len(t, peerings, 1)
	assert.Equal(t, hubVNet+"/virtualNetworkPeerings/to-ml", peerings[0]["id"])
	assert.Equal(t, true, peerings[0]["allowGatewayTransit"])

	spokeVNet, err := spoke.invoke(fnVirtualNetwork, map[string]any{"resourceGroupName": "rg-ml", "virtualNetworkName": "vnet-ml"})
	require.NoError(t, err)
	assert.Equal(t, true, objects(pathSlice(plainMap(spokeVNet), "virtualNetworkPeerings"))[0]["useRemoteGateways"])
}

// A subnet may be created in a network the program does not own: it exists beforehand (put there as
// Store.Put puts it), and the subnet rules read its address space.
func TestSubnetsInAnExistingNetwork(t *testing.T) {
	t.Parallel()
	existing := func(f *fixture) {
		f.put(vnetID, armVirtualNetwork, vnetIn("vnet-ml", "westeurope", "10.0.0.0/16"))
		f.put(peSubnetID, armSubnet, subnetIn("vnet-ml", "snet-pe", "10.0.2.0/24"))
	}
	tests := []requestCase{
		{name: "private compute subnet", setup: existing, token: tokSubnet2305, in: privateSubnetIn("vnet-ml", "snet-training", "10.0.0.0/24")},
		{name: "outside the address space", setup: existing, token: tokSubnet2305, in: privateSubnetIn("vnet-ml", "snet-training", "10.8.0.0/24"),
			status: 400, code: "NetcfgSubnetRangeOutsideVnet", mentions: []string{"10.8.0.0/24"}},
		{name: "overlapping an existing subnet", setup: existing, token: tokSubnet, in: subnetIn("vnet-ml", "snet-training", "10.0.2.0/25"),
			status: 400, code: "NetcfgSubnetRangesOverlap", mentions: []string{"snet-pe"}},
		{name: "network that does not exist", token: tokSubnet, in: subnetIn("vnet-ml", "snet-training", "10.0.0.0/24"),
			status: 404, code: "ParentResourceNotFound", mentions: []string{vnetID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Sources: application-security-groups.md (errASGMembersInOtherNetwork), AllApplicationSecurityGroupsIn-
// SecurityRuleMustBeFromSameVnet (Azure/azure-sdk-for-java #34158), the limit of 10 per rule side
// (errASGRuleLimit).
func TestApplicationSecurityGroupRules(t *testing.T) {
	t.Parallel()
	asg := func(name string) map[string]any {
		return map[string]any{"resourceGroupName": "rg-ml", "applicationSecurityGroupName": name, "location": "westeurope"}
	}
	// asg-pe has an endpoint in vnet-ml; asg-hub an endpoint in vnet-hub.
	members := func(f *fixture) {
		f.network("10.0.2.0/24")
		f.hub(hubSubnetIn("snet-pe", "10.1.2.0/24"))
		f.mustCreate(tokASG, "asg-pe", asg("asg-pe"))
		f.mustCreate(tokASG, "asg-hub", asg("asg-hub"))
		f.mustCreate(tokPE, "kv", with(vaultPE("pe-kv", peSubnetID), "applicationSecurityGroups", refs(asgID("asg-pe"))))
		f.mustCreate(tokPE, "kv-hub", with(vaultPE("pe-kv-hub", hubVNetID+"/subnets/snet-pe"), "applicationSecurityGroups", refs(asgID("asg-hub"))))
	}
	rule := func(source, destination []string) map[string]any {
		nsg := nsgIn("westeurope", "Storage")
		r := copyMap(objects(pathSlice(nsg, "securityRules"))[0])
		delete(r, "sourceAddressPrefix")
		delete(r, "destinationAddressPrefix")
		r["sourceApplicationSecurityGroups"] = refs(source...)
		r["destinationApplicationSecurityGroups"] = refs(destination...)
		nsg["securityRules"] = []any{r}
		return nsg
	}
	many := func(n int) []string {
		var out []string
		for i := range n {
			out = append(out, asgID(fmt.Sprintf("asg-%d", i)))
		}
		return out
	}
	tests := []requestCase{
		{name: "endpoint joining an ASG of its network", setup: members, token: tokPE,
			in: with(vaultPE("pe-kv2", peSubnetID), "applicationSecurityGroups", refs(asgID("asg-pe")))},
		{name: "endpoint joining an ASG of another network", setup: members, token: tokPE,
			in:     with(vaultPE("pe-kv2", peSubnetID), "applicationSecurityGroups", refs(asgID("asg-hub"))),
			status: 400, code: "ApplicationSecurityGroupMembersMustBeInSameVirtualNetwork", mentions: []string{asgID("asg-hub"), hubVNetID, vnetID}},
		{name: "endpoint joining an ASG that does not exist", setup: withNetwork, token: tokPE,
			in:     with(vaultPE("pe-kv", peSubnetID), "applicationSecurityGroups", refs(asgID("asg-none"))),
			status: 404, code: "NotFound", mentions: []string{asgID("asg-none")}},
		{name: "rule between ASGs of one network", setup: members, token: tokNSG, in: rule([]string{asgID("asg-pe")}, []string{asgID("asg-pe")})},
		{name: "rule between ASGs of two networks", setup: members, token: tokNSG, in: rule([]string{asgID("asg-pe")}, []string{asgID("asg-hub")}),
			status: 400, code: "AllApplicationSecurityGroupsInSecurityRuleMustBeFromSameVnet",
			mentions: []string{"nsg-ml/securityRules/AzureMLOutbound", vnetID, hubVNetID}},
		{name: "rule with 11 source ASGs", token: tokNSG, in: rule(many(11), []string{asgID("asg-0")}),
			status: 400, code: "SecurityRuleApplicationSecurityGroupLimitExceeded", mentions: []string{"11 source"}},
		{name: "rule with 10 source ASGs", token: tokNSG, in: rule(many(10), []string{asgID("asg-0")}),
			setup: func(f *fixture) {
				for i := range 10 {
					f.mustCreate(tokASG, fmt.Sprintf("asg-%d", i), asg(fmt.Sprintf("asg-%d", i)))
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Writes in flight with firewall policies and firewalls (concurrency.go). Sources in the comment of
// conflict: FirewallPolicyRuleCollectionGroupUpdateNotAllowedWhenUpdatingOrDeleting and
// FirewallPolicyUpdateNotAllowedWhenUpdatingOrDeleting (not retried), FirewallPolicyUpdateFailed "faulted
// referenced firewalls" (the operation's final state, not retried), 409 AnotherOperationInProgress on the
// firewall (retried); a firewall's IP configurations join AzureFirewallSubnet like a gateway's (microsoft/
// AzureTRE #3671).
func TestConflictWithFirewallsAndPolicies(t *testing.T) {
	t.Parallel()
	scope := func(token, op, id string, props map[string]any) operation {
		return scopeOf(token, op, ResourceID{ID: id}, props)
	}
	basic := withManagement(firewallIn("Basic"), fwMgmtSubnetID)
	rcg := func(name string) operation {
		return scope(tokRCG, "create", policyID+"/ruleCollectionGroups/"+name, rcgIn(name, 500))
	}
	otherPolicy := testRG + "Microsoft.Network/firewallPolicies/afwp-other"
	tests := []conflictCase{
		{"two rule collection groups of one policy", rcg("b"), rcg("a"),
			400, "FirewallPolicyRuleCollectionGroupUpdateNotAllowedWhenUpdatingOrDeleting", false, []string{"ruleCollectionGroups/b", strings.ToLower(policyID)}},
		{"policy written while a rule collection group is", scope(tokPolicy, "update", policyID, policyIn("Standard", true)), rcg("a"),
			400, "FirewallPolicyUpdateNotAllowedWhenUpdatingOrDeleting", false, nil},
		{"rule collection groups of two policies", scope(tokRCG, "create", otherPolicy+"/ruleCollectionGroups/b", nil), rcg("a"), 0, "", false, nil},
		{"rule collection group while the firewall using the policy is built", rcg("a"), scope(tokFirewall, "create", firewallID, firewallIn("Standard")),
			400, "FirewallPolicyUpdateFailed", false, []string{"faulted referenced firewalls", firewallID}},
		{"rule collection group while the firewall is updated", rcg("a"), scope(tokFirewall, "update", firewallID, firewallIn("Standard")),
			400, "FirewallPolicyUpdateFailed", false, nil},
		{"firewall written while its policy is", scope(tokFirewall, "update", firewallID, firewallIn("Standard")), rcg("a"),
			409, "AnotherOperationInProgress", true, []string{firewallID}},
		{"firewall created while AzureFirewallSubnet is written", scope(tokFirewall, "create", firewallID, firewallIn("Standard")),
			scope(tokSubnet, "update", fwSubnetID, nil), 400, "RetryableError", false, []string{"PutSubnetOperation"}},
		{"Basic firewall created while its management subnet is written", scope(tokFirewall, "create", firewallID, basic),
			scope(tokSubnet, "update", fwMgmtSubnetID, nil), 400, "RetryableError", false, []string{strings.ToLower(fwMgmtSubnetID)}},
		{"management subnet written while a Basic firewall joins it", scope(tokSubnet, "update", fwMgmtSubnetID, nil),
			scope(tokFirewall, "create", firewallID, basic), 429, "RetryableError", true, []string{firewallID}},
		{"network written while a firewall leaves it", scope(tokVNet, "update", hubVNetID, nil),
			scope(tokFirewall, "delete", firewallID, firewallIn("Standard")), 429, "RetryableError", true, nil},
		{"firewall and VPN gateway built at once in one network", scope(tokFirewall, "create", firewallID, basic),
			scope(tokGateway, "create", vpnGatewayID, vpnGatewayIn("pip-1")), 0, "", false, nil},
		{"NAT gateway association is a subnet write", scope(tokSubnet2305, "update", computeSubnet, nil),
			scope(tokSubnet, "create", vnetID+"/subnets/snet-scoring", nil), 409, "AnotherOperationInProgress", true, nil},
		{"NAT gateway created while a subnet is written", scope(tokNat, "create", natID, natIn([]string{"pip-nat"}, nil)),
			scope(tokSubnet, "update", computeSubnet, nil), 0, "", false, nil},
	}
	runConflictCases(t, tests)
}

// Source: the rule collection group lock (errPolicyBusy): a second group written while the first is in
// flight fails at once, without a retry; once the first is done the second goes through.
func TestSecondRuleCollectionGroupOnOnePolicyFails(t *testing.T) {
	t.Parallel()
	f, sl := concurrent(t)
	f.mustCreate(tokPolicy, "policy", policyIn("Standard", false))
	f.start(sl)

	first := f.createAsync(tokRCG, "ml", rcgIn("AzureMachineLearning", 500))
	firstTime := sl.next(t)
	assert.Equal(t, SimulatedDelay(tokRCG, testScale), firstTime.d)
	r := awaitWithoutSleeping(t, f.createAsync(tokRCG, "platform", rcgIn("Platform", 200)), sl)
	requireAzureError(t, r.err, 400, "FirewallPolicyRuleCollectionGroupUpdateNotAllowedWhenUpdatingOrDeleting", "Platform")
	assert.Empty(t, f.calls("retry"), "not retried")
	_, found, err := f.s.Store().Get(policyID + "/ruleCollectionGroups/Platform")
	require.NoError(t, err)
	assert.False(t, found, "the refused group left nothing behind")

	firstTime.release()
	require.NoError(t, await(t, first).err)
	second := f.createAsync(tokRCG, "platform", rcgIn("Platform", 200))
	sl.next(t).release()
	require.NoError(t, await(t, second).err)
}

// Source: errPolicyFaultedFirewall and the firewall's AnotherOperationInProgress (conflict): a rule
// collection group written while the firewall using the policy is built fails, not retried; a firewall
// written while its policy's group is written waits out azure-native's retry and then goes through.
func TestFirewallAndItsPolicyWrittenAtOnce(t *testing.T) {
	t.Parallel()
	f, sl := concurrent(t)
	firewallHub("10.1.3.0/26", "Standard")(f)
	f.start(sl)

	firewall := f.createAsync(tokFirewall, "fw", firewallIn("Standard"))
	firewallTime := sl.next(t)
	assert.Equal(t, SimulatedDelay(tokFirewall, testScale), firewallTime.d)
	r := awaitWithoutSleeping(t, f.createAsync(tokRCG, "rules", rcgIn("AzureMachineLearning", 500)), sl)
	requireAzureError(t, r.err, 400, "FirewallPolicyUpdateFailed", "faulted referenced firewalls", firewallID)
	assert.Empty(t, f.calls("retry"))
	firewallTime.release()
	fw := await(t, firewall)
	require.NoError(t, fw.err)

	rules := f.createAsync(tokRCG, "rules", rcgIn("AzureMachineLearning", 500))
	rulesTime := sl.next(t)
	update := f.updateAsync(tokFirewall, "fw", firewallID, fromStruct(t, fw.out), with(firewallIn("Standard"), "threatIntelMode", "Deny"))
	retry := sl.next(t)
	assert.Equal(t, scaled(RetryDelay(1)), retry.d)
	retries := f.calls("retry")
	require.Len(t, retries, 1)
	assert.Equal(t, "AnotherOperationInProgress", retries[0].Detail)
	rulesTime.release()
	require.NoError(t, await(t, rules).err)
	retry.release()
	sl.next(t).release()
	require.NoError(t, await(t, update).err)
}

func TestDefaultSubnetTypeCannotDropDefaultOutboundAccess(t *testing.T) {
	// A subnet created private through the versioned type and updated through the default type (API
	// 2023-02-01, which has no such property) keeps what it has: the write is taken. Back to the
	// versioned type without the property, it is a drop, and refused.
	t.Parallel()
	f := newFixture(t, Options{})
	f.network("10.0.2.0/24")
	private := privateSubnetIn("vnet-ml", "snet-training", "10.0.0.0/24")
	id, out := f.mustCreate(tokSubnet2305, "training", private)
	plain := with(private, "defaultOutboundAccess", nil)
	out2, err := f.update(tokSubnet, "training", id, out, plain)
	require.NoError(t, err, "a default-type write cannot carry the property")
	_, err = f.update(tokSubnet2305, "training", id, out2, with(private, "defaultOutboundAccess", true))
	requireAzureError(t, err, 400, "DefaultOutboundAccessCannotBeUpdated")
}
