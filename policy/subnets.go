package policy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

// Subnet checks. A subnet is a Subnet resource or a subnet inline in a VirtualNetwork.

// Subnets Azure refuses a network security group on: GatewaySubnet (Azure Policy 35f9c03a;
// NetworkSecurityGroupCannotBeAttachedToGatewaySubnet), AzureFirewallSubnet and
// AzureFirewallManagementSubnet (firewall-faq: NSGs "aren't required on the AzureFirewallSubnet, and
// are disabled").
var noSecurityGroupSubnets = []string{"GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet"}

// resourceSubnets returns the subnets a resource validation sees: a Subnet resource, or the inline
// subnets of a VirtualNetwork.
func resourceSubnets(r Resource) []*subnetView {
	var out []*subnetView
	switch r.Kind() {
	case kindSubnet:
		out = append(out, &subnetView{owner: &r, props: r.Props, name: r.AzureName()})
	case kindVirtualNetwork:
		for _, e := range list(r.Props.Get("subnets")) {
			if e.IsMap() {
				out = append(out, &subnetView{
					owner: &r, props: e.AsMap(), name: stringOr(e.AsMap().Get("name")), prop: "subnets",
				})
			}
		}
	}
	return out
}

func isOneOf(name string, names []string) bool {
	return slices.ContainsFunc(names, func(n string) bool { return equalFold(n, name) })
}

// checkSubnetSecurityGroup: every subnet has a network security group, except the subnets that
// refuse one and those exempted in the settings. Like Checkov CKV2_AZURE_31, subnets delegated to
// Azure NetApp Files are exempt.
func checkSubnetSecurityGroup(r Resource, settings Settings) []string {
	var out []string
	exempt := append(slices.Clone(noSecurityGroupSubnets), configStrings(settings.Values, "exemptSubnets")...)
	for _, v := range resourceSubnets(r) {
		if v.name == "" || isOneOf(v.name, exempt) || delegatedTo(v.props, "Microsoft.Netapp/volumes") {
			continue
		}
		if !present(v.props.Get("networkSecurityGroup")) {
			out = append(out, fmt.Sprintf("%s has no network security group; attach one (SecureMLNetwork "+
				"gives every subnet its own), or list the subnet in exemptSubnets", v.describe()))
		}
	}
	return out
}

func delegatedTo(subnet property.Map, service string) bool {
	for _, d := range list(subnet.Get("delegations")) {
		if s, ok := knownString(mapOf(d).Get("serviceName")); ok && equalFold(s, service) {
			return true
		}
	}
	return false
}

// checkNoSecurityGroupOnGatewaySubnets: GatewaySubnet, AzureFirewallSubnet and
// AzureFirewallManagementSubnet carry no network security group.
func checkNoSecurityGroupOnGatewaySubnets(r Resource, _ Settings) []string {
	var out []string
	for _, v := range resourceSubnets(r) {
		if isOneOf(v.name, noSecurityGroupSubnets) && present(v.props.Get("networkSecurityGroup")) {
			out = append(out, fmt.Sprintf("%s has a network security group; Azure does not support one on %s "+
				"(gateways fail to create or update); remove it", v.describe(), v.name))
		}
	}
	return out
}

// checkBastionSubnetRouteTable: AzureBastionSubnet has no route table (Bastion FAQ: user-defined
// routes are not supported on it).
func checkBastionSubnetRouteTable(r Resource, _ Settings) []string {
	var out []string
	for _, v := range resourceSubnets(r) {
		if equalFold(v.name, "AzureBastionSubnet") && present(v.props.Get("routeTable")) {
			out = append(out, fmt.Sprintf("%s has a route table; Azure Bastion does not support user-defined "+
				"routes on AzureBastionSubnet; remove it", v.describe()))
		}
	}
	return out
}

// isDefaultRoute reports whether a route's prefix is 0.0.0.0/0.
func isDefaultRoute(route property.Map) bool {
	prefix, _ := knownString(route.Get("addressPrefix"))
	return strings.TrimSpace(prefix) == "0.0.0.0/0"
}

func routeName(route property.Map) string {
	if s, ok := knownString(route.Get("name")); ok {
		return s
	}
	s, _ := knownString(route.Get("routeName"))
	return s
}

// checkGatewaySubnetDefaultRoute: GatewaySubnet has no 0.0.0.0/0 route (ExpressRoute gateways: "UDRs
// with 0.0.0.0/0 destination and NSGs on the gateway subnet are not supported"; VPN gateways lose
// their control-plane traffic).
func checkGatewaySubnetDefaultRoute(s *Stack) []Violation {
	var out []Violation
	for _, v := range s.subnets {
		if !equalFold(v.name, "GatewaySubnet") {
			continue
		}
		_, table := s.routeTableOf(v)
		if table == nil {
			continue
		}
		for _, route := range s.routesOf(table) {
			if isDefaultRoute(route) {
				out = append(out, Violation{URN: table.URN, Message: fmt.Sprintf(
					"route table %s on %s sends 0.0.0.0/0 (route %s) elsewhere; Azure does not support a default "+
						"route on GatewaySubnet; remove the route or the table", table.describe(), v.describe(),
					quote(routeName(route)))})
			}
		}
	}
	return out
}

// endpointSubnets returns each private endpoint with the subnet it is in, when the subnet is in the
// stack and can be told.
func endpointSubnets(s *Stack) map[*Resource]*subnetView {
	out := map[*Resource]*subnetView{}
	for _, pe := range s.ofKind(kindPrivateEndpoint) {
		if v := s.subnetOf(pe, "subnet", pe.Props.Get("subnet")); v != nil {
			out[pe] = v
		}
	}
	return out
}

// sortedEndpoints returns the keys of m in stack order, so messages come out in a stable order.
func sortedEndpoints(s *Stack, m map[*Resource]*subnetView) []*Resource {
	var out []*Resource
	for _, r := range s.Resources {
		if _, ok := m[r]; ok {
			out = append(out, r)
		}
	}
	return out
}

// checkEndpointSubnetSecurityGroup: a private endpoint's subnet has a network security group.
func checkEndpointSubnetSecurityGroup(s *Stack) []Violation {
	var out []Violation
	endpoints := endpointSubnets(s)
	for _, pe := range sortedEndpoints(s, endpoints) {
		v := endpoints[pe]
		if attached, _ := s.securityGroupOf(v); !attached {
			out = append(out, Violation{URN: pe.URN, Message: fmt.Sprintf(
				"private endpoint %s is in %s, which has no network security group; attach one that denies "+
					"Internet traffic", pe.describe(), v.describe())})
		}
	}
	return out
}

// checkEndpointSubnetPolicies: the subnet holding private endpoints enables private endpoint network
// policies for network security groups, or the group's rules do not apply to traffic to the endpoints
// (private-link/disable-private-endpoint-network-policy.md).
func checkEndpointSubnetPolicies(s *Stack) []Violation {
	var out []Violation
	seen := map[*subnetView]bool{}
	endpoints := endpointSubnets(s)
	for _, pe := range sortedEndpoints(s, endpoints) {
		v := endpoints[pe]
		if seen[v] {
			continue
		}
		seen[v] = true
		value := v.props.Get("privateEndpointNetworkPolicies")
		if value.IsComputed() {
			continue
		}
		policy, _ := knownString(value)
		if equalFold(policy, "Enabled") || equalFold(policy, "NetworkSecurityGroupEnabled") {
			continue
		}
		if policy == "" {
			policy = "not set (Disabled)"
		}
		out = append(out, Violation{URN: v.owner.URN, Message: fmt.Sprintf(
			"%s holds private endpoint %s but its privateEndpointNetworkPolicies is %s, so its network security "+
				"group does not filter traffic to the endpoints; set it to Enabled (or NetworkSecurityGroupEnabled)",
			v.describe(), pe.describe(), policy)})
	}
	return out
}

// checkPrivateSubnetWithExplicitEgress: a subnet with explicit egress (a NAT gateway, or a 0.0.0.0/0
// route to a virtual appliance such as Azure Firewall) turns default outbound access off
// (defaultOutboundAccess false, Azure Policy 7bca8353): the explicit path is then the only one.
func checkPrivateSubnetWithExplicitEgress(s *Stack) []Violation {
	var out []Violation
	for _, v := range s.subnets {
		var egress string
		if present(v.props.Get("natGateway")) {
			egress = "a NAT gateway"
		} else if _, table := s.routeTableOf(v); table != nil {
			for _, route := range s.routesOf(table) {
				hop, _ := knownString(route.Get("nextHopType"))
				if isDefaultRoute(route) && equalFold(hop, "VirtualAppliance") {
					egress = fmt.Sprintf("route %s (0.0.0.0/0 to a virtual appliance) in route table %s",
						quote(routeName(route)), table.describe())
				}
			}
		}
		if egress == "" {
			continue
		}
		access := v.props.Get("defaultOutboundAccess")
		if access.IsComputed() {
			continue
		}
		if on, ok := knownBool(access); ok && !on {
			continue
		}
		out = append(out, Violation{URN: v.owner.URN, Message: fmt.Sprintf(
			"%s leaves through %s but keeps Azure's default outbound access; set defaultOutboundAccess to false "+
				"(API 2023-05-01 or later) so the explicit path is the only one", v.describe(), egress)})
	}
	return out
}
