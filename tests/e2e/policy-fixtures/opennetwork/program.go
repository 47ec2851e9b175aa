// Package opennetwork is an insecure policy fixture: a network whose subnets, route tables and
// network security groups break the pack's subnet and security rule checks.
package opennetwork

import (
	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/tests/e2e/policy-fixtures/fixture"
)

// Fixture is the program and the violations the pack reports for it.
var Fixture = fixture.Fixture{
	Program: program,
	Expected: []fixture.Violation{
		{Policy: "subnet-has-nsg", Resource: "subnet-app"},
		{Policy: "private-endpoint-subnet-has-nsg", Resource: "pe-vault"},
		{Policy: "private-endpoint-subnet-network-policies", Resource: "subnet-app"},
		{Policy: "no-nsg-on-gateway-and-firewall-subnets", Resource: "subnet-gateway"},
		{Policy: "gateway-subnet-no-default-route", Resource: "rt-gateway"},
		{Policy: "bastion-subnet-no-route-table", Resource: "subnet-bastion"},
		{Policy: "bastion-nsg-rules-complete", Resource: "nsg-bastion"},
		{Policy: "nsg-no-ssh-from-internet", Resource: "nsg-open"},
		{Policy: "nsg-no-ssh-from-internet", Resource: "nsg-allow-all"},
		{Policy: "nsg-no-ssh-from-internet", Resource: "rule-ssh-any"},
		{Policy: "nsg-no-rdp-from-internet", Resource: "nsg-open"},
		{Policy: "nsg-no-rdp-from-internet", Resource: "nsg-allow-all"},
		{Policy: "nsg-no-http-from-internet", Resource: "nsg-open"},
		{Policy: "nsg-no-http-from-internet", Resource: "nsg-allow-all"},
		{Policy: "nsg-no-udp-from-internet", Resource: "nsg-open"},
		{Policy: "nsg-no-all-ports-from-internet", Resource: "nsg-allow-all"},
	},
}

var (
	group    = pulumi.String(fixture.ResourceGroup)
	location = pulumi.String(fixture.Location)
)

func rule(name, direction, protocol, source string, priority int, ports ...string) network.SecurityRuleTypeArgs {
	r := network.SecurityRuleTypeArgs{
		Name: pulumi.String(name), Priority: pulumi.Int(priority), Direction: pulumi.String(direction),
		Access: pulumi.String("Allow"), Protocol: pulumi.String(protocol), SourceAddressPrefix: pulumi.String(source),
		SourcePortRange: pulumi.String("*"), DestinationAddressPrefix: pulumi.String("*"),
	}
	if len(ports) == 1 {
		r.DestinationPortRange = pulumi.String(ports[0])
	} else {
		r.DestinationPortRanges = pulumi.ToStringArray(ports)
	}
	return r
}

func securityGroup(ctx *pulumi.Context, name string, rules ...network.SecurityRuleTypeArgs) (*network.NetworkSecurityGroup, error) {
	return network.NewNetworkSecurityGroup(ctx, name, &network.NetworkSecurityGroupArgs{
		NetworkSecurityGroupName: pulumi.String(name), ResourceGroupName: group, Location: location,
		SecurityRules: network.SecurityRuleTypeArray(func() []network.SecurityRuleTypeInput {
			out := make([]network.SecurityRuleTypeInput, 0, len(rules))
			for _, r := range rules {
				out = append(out, r)
			}
			return out
		}()),
	})
}

func routeTable(ctx *pulumi.Context, name, prefix, hop string) (*network.RouteTable, error) {
	return network.NewRouteTable(ctx, name, &network.RouteTableArgs{
		RouteTableName: pulumi.String(name), ResourceGroupName: group, Location: location,
		Routes: network.RouteTypeArray{network.RouteTypeArgs{
			Name: pulumi.String("route-1"), AddressPrefix: pulumi.String(prefix), NextHopType: pulumi.String(hop),
		}},
	})
}

func program(ctx *pulumi.Context) error {
	vnet, err := network.NewVirtualNetwork(ctx, "vnet", &network.VirtualNetworkArgs{
		VirtualNetworkName: pulumi.String("vnet-open"), ResourceGroupName: group, Location: location,
		AddressSpace: &network.AddressSpaceArgs{AddressPrefixes: pulumi.ToStringArray([]string{"10.1.0.0/16"})},
	})
	if err != nil {
		return err
	}

	// Management ports, web and DNS open to the Internet, one rule each.
	open, err := securityGroup(ctx, "nsg-open",
		rule("AllowSshFromInternet", "Inbound", "Tcp", "Internet", 100, "22"),
		rule("AllowRdpFromAnywhere", "Inbound", "Tcp", "*", 110, "3389"),
		rule("AllowWebFromInternet", "Inbound", "Tcp", "Internet", 120, "80"),
		rule("AllowDnsFromInternet", "Inbound", "Udp", "Internet", 130, "53"),
	)
	if err != nil {
		return err
	}
	// Every port to everyone: also opens SSH, RDP and HTTP.
	if _, err := securityGroup(ctx, "nsg-allow-all", rule("AllowEverything", "Inbound", "*", "0.0.0.0/0", 100, "*")); err != nil {
		return err
	}
	// A separate rule resource added to nsg-open.
	if _, err := network.NewSecurityRule(ctx, "rule-ssh-any", &network.SecurityRuleArgs{
		SecurityRuleName: pulumi.String("AllowSshFromAny"), NetworkSecurityGroupName: pulumi.String("nsg-open"),
		ResourceGroupName: group, Priority: pulumi.Int(200), Direction: pulumi.String("Inbound"),
		Access: pulumi.String("Allow"), Protocol: pulumi.String("Tcp"), SourceAddressPrefix: pulumi.String("Any"),
		SourcePortRange: pulumi.String("*"), DestinationAddressPrefix: pulumi.String("*"),
		DestinationPortRange: pulumi.String("22"),
	}, pulumi.DependsOn([]pulumi.Resource{open})); err != nil {
		return err
	}
	// GatewaySubnet with a security group and a default route; Azure supports neither.
	gatewayGroup, err := securityGroup(ctx, "nsg-gateway")
	if err != nil {
		return err
	}
	gatewayRoutes, err := routeTable(ctx, "rt-gateway", "0.0.0.0/0", "Internet")
	if err != nil {
		return err
	}
	// Bastion's subnet with two of its eight rules and a route table.
	bastionGroup, err := securityGroup(ctx, "nsg-bastion",
		rule("AllowHttpsInbound", "Inbound", "Tcp", "Internet", 120, "443"),
		rule("AllowGatewayManagerInbound", "Inbound", "Tcp", "GatewayManager", 130, "443"),
	)
	if err != nil {
		return err
	}
	bastionRoutes, err := routeTable(ctx, "rt-bastion", "10.2.0.0/16", "VirtualNetworkGateway")
	if err != nil {
		return err
	}

	subnets := []struct {
		pulumiName, azureName, prefix string
		group                         *network.NetworkSecurityGroup
		routes                        *network.RouteTable
	}{
		{"subnet-jumpbox", "snet-jumpbox", "10.1.0.0/24", open, nil},
		// No security group; it holds a private endpoint and leaves its network policies Disabled
		// (the SDK's default).
		{"subnet-app", "snet-app", "10.1.1.0/24", nil, nil},
		{"subnet-gateway", "GatewaySubnet", "10.1.2.0/26", gatewayGroup, gatewayRoutes},
		{"subnet-bastion", "AzureBastionSubnet", "10.1.2.64/26", bastionGroup, bastionRoutes},
	}
	var previous pulumi.Resource = vnet
	byName := map[string]*network.Subnet{}
	for _, s := range subnets {
		args := &network.SubnetArgs{
			SubnetName: pulumi.String(s.azureName), VirtualNetworkName: pulumi.String("vnet-open"),
			ResourceGroupName: group, AddressPrefix: pulumi.String(s.prefix),
		}
		if s.group != nil {
			args.NetworkSecurityGroup = &network.NetworkSecurityGroupTypeArgs{Id: s.group.ID().ToStringOutput()}
		}
		if s.routes != nil {
			args.RouteTable = &network.RouteTableTypeArgs{Id: s.routes.ID().ToStringOutput()}
		}
		subnet, err := network.NewSubnet(ctx, s.pulumiName, args, pulumi.DependsOn([]pulumi.Resource{vnet, previous}))
		if err != nil {
			return err
		}
		byName[s.pulumiName] = subnet
		previous = subnet
	}

	_, err = network.NewPrivateEndpoint(ctx, "pe-vault", &network.PrivateEndpointArgs{
		PrivateEndpointName: pulumi.String("pe-vault"), ResourceGroupName: group, Location: location,
		Subnet: &network.SubnetTypeArgs{Id: byName["subnet-app"].ID().ToStringOutput()},
		PrivateLinkServiceConnections: network.PrivateLinkServiceConnectionArray{network.PrivateLinkServiceConnectionArgs{
			Name:                 pulumi.String("pe-vault"),
			PrivateLinkServiceId: pulumi.String(fixture.ID("Microsoft.KeyVault/vaults", "kv-fixture")),
			GroupIds:             pulumi.ToStringArray([]string{"vault"}),
		}},
	})
	return err
}
