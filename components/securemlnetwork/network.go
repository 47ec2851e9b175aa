package securemlnetwork

import (
	"strings"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// networkResources are the registered network children, for wiring and outputs.
type networkResources struct {
	virtualNetwork *network.VirtualNetwork
	subnets        map[subnetRole]*network.Subnet
	securityGroups map[subnetRole]*network.NetworkSecurityGroup
	routeTables    map[subnetRole]*network.RouteTable
}

// subnetPolicies are the network policies set on each subnet, on purpose rather than by default:
//   - The private endpoint subnet enables private endpoint network policies, so its NSG and any route
//     table apply to traffic to the endpoints (private-link/disable-private-endpoint-network-policy.md).
//     No private link service lives there, so its policy stays at Azure's default, Enabled.
//   - Compute subnets disable both. Current Azure ML docs no longer require it: the provisioning error
//     naming both policies came from the 2021-2022 preview of compute without public IPs, which Azure
//     Batch implemented with a private link service in the customer's subnet. Disabling them is
//     harmless (no endpoint or private link service lives in a compute subnet), and keeping the values
//     0.1.0 set avoids an update of every existing compute subnet.
func subnetPolicies(s subnetPlan) (privateEndpoint, privateLinkService string) {
	return s.spec().privateEndpointPolicies, s.spec().privateLinkServicePolicies
}

func registerNetwork(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues, addresses addressPlan,
	opts ...pulumi.ResourceOption,
) (*networkResources, error) {
	res := &networkResources{
		subnets:        map[subnetRole]*network.Subnet{},
		securityGroups: map[subnetRole]*network.NetworkSecurityGroup{},
		routeTables:    map[subnetRole]*network.RouteTable{},
	}
	vnetName, vnetAzureName := names.virtualNetwork()
	vnet, err := network.NewVirtualNetwork(ctx, vnetName, &network.VirtualNetworkArgs{
		VirtualNetworkName: pulumi.String(vnetAzureName),
		ResourceGroupName:  in.resourceGroup.out,
		Location:           in.region.out,
		AddressSpace:       &network.AddressSpaceArgs{AddressPrefixes: pulumi.StringArray{addresses.space}},
		DhcpOptions:        dnsServers(plan, addresses),
		Tags:               in.tags,
	}, opts...)
	if err != nil {
		return nil, err
	}
	res.virtualNetwork = vnet

	// Children refer to their parents by the names chosen here, not by the parents' name outputs, and
	// depend on them explicitly: in the preview of an update those outputs are unknown, and an unknown
	// name would show every subnet and endpoint as replaced when only a tag changed.
	//
	// Subnets are separate resources written one after another, each depending on the previous one:
	// Azure refuses concurrent writes to one virtual network (AnotherOperationInProgress), which
	// azure-native retries only after 20 s or more. Separate subnets (rather than inline ones) let a
	// later update of the virtual network leave them alone (azure-native keeps subnets it was not given)
	// and let the same code add subnets to an existing virtual network. The plan orders them so the
	// subnet with the longest work behind it comes first.
	var previous pulumi.Resource
	for _, s := range plan.subnets {
		pulumiName, azureName := names.subnet(s.role)
		args := &network.SubnetArgs{
			SubnetName:         pulumi.String(azureName),
			VirtualNetworkName: pulumi.String(vnetAzureName),
			ResourceGroupName:  in.resourceGroup.out,
			AddressPrefix:      addresses.prefixes.MapIndex(pulumi.String(string(s.role))),
		}
		if s.spec().rules != nil {
			nsg, err := registerSecurityGroup(ctx, names, plan, in, s, opts...)
			if err != nil {
				return nil, err
			}
			res.securityGroups[s.role] = nsg
			args.NetworkSecurityGroup = &network.NetworkSecurityGroupTypeArgs{Id: nsg.ID().ToStringOutput()}
		}
		if d := s.spec().delegation; d != "" {
			args.Delegations = network.DelegationArray{network.DelegationArgs{
				Name: pulumi.String(strings.ReplaceAll(d, "/", ".")), ServiceName: pulumi.String(d),
			}}
		}
		args.PrivateEndpointNetworkPolicies, args.PrivateLinkServiceNetworkPolicies = policyInputs(s)
		if routes := computeRoutes(plan); s.spec().compute && len(routes) > 0 {
			table, err := registerRouteTable(ctx, names, in, s.role, routes, opts...)
			if err != nil {
				return nil, err
			}
			res.routeTables[s.role] = table
			args.RouteTable = &network.RouteTableTypeArgs{Id: table.ID().ToStringOutput()}
		}
		dependsOn := []pulumi.Resource{vnet}
		if previous != nil {
			dependsOn = append(dependsOn, previous)
		}
		subnet, err := network.NewSubnet(ctx, pulumiName, args, withDependsOn(opts, dependsOn...)...)
		if err != nil {
			return nil, err
		}
		res.subnets[s.role] = subnet
		previous = subnet
	}
	return res, nil
}

func policyInputs(s subnetPlan) (pulumi.StringPtrInput, pulumi.StringPtrInput) {
	pe, pls := subnetPolicies(s)
	if pe == "" {
		return nil, nil
	}
	return pulumi.StringPtr(pe), pulumi.StringPtr(pls)
}

func registerSecurityGroup(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues,
	s subnetPlan, opts ...pulumi.ResourceOption,
) (*network.NetworkSecurityGroup, error) {
	rules := s.spec().rules(plan)
	pulumiName, azureName := names.securityGroup(s.role)
	return network.NewNetworkSecurityGroup(ctx, pulumiName, &network.NetworkSecurityGroupArgs{
		NetworkSecurityGroupName: pulumi.String(azureName),
		ResourceGroupName:        in.resourceGroup.out,
		Location:                 in.region.out,
		// Rules inline: one write per NSG, and a rule change shows as an update of its NSG.
		SecurityRules: securityRuleArgs(rules, in.region.out),
		Tags:          in.tags,
	}, opts...)
}

// regional completes a regional service tag ("Storage.") with the network's region.
func regional(value string, region pulumi.StringOutput) pulumi.StringInput {
	if !strings.HasSuffix(value, ".") {
		return pulumi.String(value)
	}
	return region.ApplyT(func(r string) string { return value + r }).(pulumi.StringOutput)
}

func securityRuleArgs(rules []securityRule, region pulumi.StringOutput) network.SecurityRuleTypeArray {
	out := make(network.SecurityRuleTypeArray, 0, len(rules))
	for _, r := range rules {
		args := network.SecurityRuleTypeArgs{
			Name:                     pulumi.String(r.name),
			Priority:                 pulumi.Int(r.priority),
			Direction:                pulumi.String(r.direction),
			Access:                   pulumi.String(r.access),
			Protocol:                 pulumi.String(r.protocol),
			SourceAddressPrefix:      regional(r.source, region),
			SourcePortRange:          pulumi.String("*"),
			DestinationAddressPrefix: regional(r.destination, region),
			Description:              pulumi.String(r.description),
		}
		if len(r.ports) == 1 {
			args.DestinationPortRange = pulumi.String(r.ports[0])
		} else {
			args.DestinationPortRanges = pulumi.ToStringArray(r.ports)
		}
		out = append(out, args)
	}
	return out
}

func registerRouteTable(ctx *pulumi.Context, names childNames, in inputValues, role subnetRole, routes []route,
	opts ...pulumi.ResourceOption,
) (*network.RouteTable, error) {
	routeArgs := make(network.RouteTypeArray, 0, len(routes))
	for _, r := range routes {
		routeArgs = append(routeArgs, network.RouteTypeArgs{
			Name:          pulumi.String(r.name),
			AddressPrefix: regional(r.addressPrefix, in.region.out),
			NextHopType:   pulumi.String(r.nextHopType),
		})
	}
	pulumiName, azureName := names.routeTable(role)
	return network.NewRouteTable(ctx, pulumiName, &network.RouteTableArgs{
		RouteTableName:             pulumi.String(azureName),
		ResourceGroupName:          in.resourceGroup.out,
		Location:                   in.region.out,
		Routes:                     routeArgs,
		DisableBgpRoutePropagation: pulumi.Bool(false),
		Tags:                       in.tags,
	}, opts...)
}

// withDependsOn returns opts plus an explicit dependency on resources.
func withDependsOn(opts []pulumi.ResourceOption, resources ...pulumi.Resource) []pulumi.ResourceOption {
	return withOptions(opts, pulumi.DependsOn(resources))
}

// withOptions returns a new slice of opts followed by more, leaving opts untouched.
func withOptions(opts []pulumi.ResourceOption, more ...pulumi.ResourceOption) []pulumi.ResourceOption {
	return append(append([]pulumi.ResourceOption{}, opts...), more...)
}
