package securemlnetwork

import "github.com/secureml/pulumi-secureml/components/addressing"

// What each subnet role is, as data: its Azure name, its address slot, the security rules of its
// network security group (nil: the subnet gets none), its delegation and its network policies.

const (
	roleGateway            subnetRole = "gateway"
	roleBastion            subnetRole = "bastion"
	roleDNSResolverInbound subnetRole = "dnsResolverInbound"
	roleFirewall           subnetRole = "firewall"
)

type subnetSpec struct {
	// azureName is the name Azure requires for the role; empty for snet-<role>.
	azureName string
	slot      addressing.Role
	// rules returns the rules of the subnet's network security group; nil for no group: Azure blocks
	// gateway creation in a GatewaySubnet with one (vpn-gateway-gwudr-warning.md,
	// NetworkSecurityGroupCannotBeAttachedToGatewaySubnet).
	rules func(networkPlan) []securityRule
	// delegation is the service the subnet is delegated to, if any.
	delegation string
	// compute subnets host Azure ML compute: they get the compute rules and route table.
	compute bool
	// privateEndpointPolicies and privateLinkServicePolicies are set on purpose (network.go); empty
	// leaves Azure's default.
	privateEndpointPolicies, privateLinkServicePolicies string
}

var subnetSpecs = map[subnetRole]subnetSpec{
	roleTraining: {slot: addressing.RoleTraining, rules: computeSubnetRules, compute: true,
		privateEndpointPolicies: "Disabled", privateLinkServicePolicies: "Disabled"},
	roleScoring: {slot: addressing.RoleScoring, rules: computeSubnetRules, compute: true,
		privateEndpointPolicies: "Disabled", privateLinkServicePolicies: "Disabled"},
	rolePrivateEndpoints: {slot: addressing.RolePrivateEndpoints, rules: privateEndpointSubnetRules,
		privateEndpointPolicies: "Enabled", privateLinkServicePolicies: "Enabled"},
	roleGateway: {azureName: "GatewaySubnet", slot: addressing.RoleGateway},
	roleBastion: {azureName: "AzureBastionSubnet", slot: addressing.RoleBastion, rules: bastionSubnetRules},
	// Azure disables network security groups on AzureFirewallSubnet ("aren't required ... and are
	// disabled", firewall-faq.md).
	roleFirewall: {azureName: "AzureFirewallSubnet", slot: addressing.RoleFirewall},
	// The inbound endpoint's subnet must be delegated to the resolver and hold nothing else
	// (dns-private-resolver-overview.md).
	roleDNSResolverInbound: {slot: addressing.RoleDNSResolverInbound, rules: resolverSubnetRules,
		delegation: "Microsoft.Network/dnsResolvers"},
}
