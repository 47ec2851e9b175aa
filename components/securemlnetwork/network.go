package securemlnetwork

import (
	"strings"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/v2/utilities"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// networkResources are the registered network children, for wiring and outputs.
type networkResources struct {
	network        networkRef
	subnets        map[subnetRole]subnetRef
	securityGroups map[subnetRole]*network.NetworkSecurityGroup
	routeTables    map[subnetRole]*network.RouteTable
	egress         egressResources
	peering        *peeringResources
	groups         map[string]*network.ApplicationSecurityGroup // by group role
}

// networkRef is the virtual network the subnets go to: created here, or existing.
type networkRef struct {
	id    pulumi.StringOutput
	name  pulumi.StringInput // known when the network is created here or its ID is known at preview
	group pulumi.StringInput // its resource group
	// created is the network created here; nil for an existing one.
	created *network.VirtualNetwork
}

// dependencies is what children of the network wait for.
func (n networkRef) dependencies() []pulumi.Resource {
	if n.created == nil {
		return nil
	}
	return []pulumi.Resource{n.created}
}

// subnetRef is a subnet children go to: created here, or given.
type subnetRef struct {
	id      pulumi.StringOutput
	created pulumi.Resource // nil for a given subnet
}

func (s subnetRef) dependencies() []pulumi.Resource {
	if s.created == nil {
		return nil
	}
	return []pulumi.Resource{s.created}
}

// subnetPolicies are the network policies set on each subnet, on purpose rather than by default
// (subnets.go): the private endpoint subnet enables private endpoint network policies, so its NSG and
// any route table apply to traffic to the endpoints (private-link/disable-private-endpoint-network-
// policy.md), and application security groups work there. Compute subnets disable both: current
// Azure ML docs no longer require it (the error naming both came from the 2021-2022 preview of compute
// without public IPs), it is harmless (no endpoint or private link service lives there), and keeping
// the values 0.1.0 set avoids an update of every existing compute subnet.
func subnetPolicies(s subnetPlan) (privateEndpoint, privateLinkService string) {
	return s.spec().privateEndpointPolicies, s.spec().privateLinkServicePolicies
}

func registerNetwork(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues, addresses addressPlan,
	opts ...pulumi.ResourceOption,
) (*networkResources, error) {
	res := &networkResources{
		subnets:        map[subnetRole]subnetRef{},
		securityGroups: map[subnetRole]*network.NetworkSecurityGroup{},
		routeTables:    map[subnetRole]*network.RouteTable{},
	}
	var err error
	if res.network, err = registerVirtualNetwork(ctx, names, plan, in, addresses, opts...); err != nil {
		return nil, err
	}
	if res.groups, err = registerApplicationSecurityGroups(ctx, names, plan, in, opts...); err != nil {
		return nil, err
	}
	if plan.source.subnetIDs != nil {
		for role, id := range in.existing.givenSubnets {
			res.subnets[role] = subnetRef{id: id}
		}
		return res, nil
	}
	// A peering is a write of the network: it goes before the subnets, so it never meets an endpoint
	// or gateway joining one (the stand-in's and Azure's refusals of writes in flight).
	var previous []pulumi.Resource
	if res.peering, err = registerPeering(ctx, names, plan, in, res.network, opts...); err != nil {
		return nil, err
	}
	if res.peering != nil {
		previous = []pulumi.Resource{res.peering.local}
	}
	if res.egress, err = registerEgress(ctx, names, plan, in, opts...); err != nil {
		return nil, err
	}

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
	for _, s := range plan.subnets {
		props, err := subnetProperties(ctx, names, plan, in, addresses, res, s, opts...)
		if err != nil {
			return nil, err
		}
		dependsOn := append(res.network.dependencies(), previous...)
		pulumiName, _ := names.subnet(s.role)
		subnet, err := registerSubnet(ctx, pulumiName, props, plan.egress.private() && s.spec().compute,
			withDependsOn(opts, dependsOn...)...)
		if err != nil {
			return nil, err
		}
		res.subnets[s.role] = subnetRef{id: subnet.ID().ToStringOutput(), created: subnet}
		previous = []pulumi.Resource{subnet}
		if s.role == roleFirewall {
			// The firewall joins its subnet now, so the compute subnets' routes can take its address.
			if err := registerFirewall(ctx, names, plan, in, &res.egress, res.subnets[roleFirewall], opts...); err != nil {
				return nil, err
			}
		}
	}
	return res, nil
}

// registerVirtualNetwork creates the network, or refers to the existing one.
func registerVirtualNetwork(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues,
	addresses addressPlan, opts ...pulumi.ResourceOption,
) (networkRef, error) {
	if plan.source.existing != nil {
		return in.existing.ref, nil
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
		return networkRef{}, err
	}
	return networkRef{
		id: vnet.ID().ToStringOutput(), name: pulumi.String(vnetAzureName), group: in.resourceGroup.out, created: vnet,
	}, nil
}

// subnetProperties are a subnet's inputs, in the REST API's names (the same for the default type and
// the private subnets' newer one), with its network security group and route table created first.
func subnetProperties(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues,
	addresses addressPlan, res *networkResources, s subnetPlan, opts ...pulumi.ResourceOption,
) (pulumi.Map, error) {
	_, azureName := names.subnet(s.role)
	props := pulumi.Map{
		"subnetName":         pulumi.String(azureName),
		"virtualNetworkName": res.network.name,
		"resourceGroupName":  res.network.group,
		"addressPrefix":      addresses.prefixes.MapIndex(pulumi.String(string(s.role))),
	}
	if s.spec().rules != nil {
		nsg, err := registerSecurityGroup(ctx, names, plan, in, s, res.groups, opts...)
		if err != nil {
			return nil, err
		}
		res.securityGroups[s.role] = nsg
		props["networkSecurityGroup"] = pulumi.Map{"id": nsg.ID()}
	}
	if d := s.spec().delegation; d != "" {
		props["delegations"] = pulumi.Array{pulumi.Map{
			"name": pulumi.String(strings.ReplaceAll(d, "/", ".")), "serviceName": pulumi.String(d),
		}}
	}
	if pe, pls := policyInputs(s); pe != nil {
		props["privateEndpointNetworkPolicies"], props["privateLinkServiceNetworkPolicies"] = pe, pls
	}
	if !s.spec().compute {
		if s.role == rolePrivateEndpoints {
			addServiceEndpoints(props, plan, in)
		}
		return props, nil
	}
	if routes := computeRoutes(plan); len(routes) > 0 {
		table, err := registerRouteTable(ctx, names, in, s.role, routes, res.egress.appliance, opts...)
		if err != nil {
			return nil, err
		}
		res.routeTables[s.role] = table
		props["routeTable"] = pulumi.Map{"id": table.ID()}
	}
	if nat := res.egress.natGateway; nat != nil {
		props["natGateway"] = pulumi.Map{"id": nat.ID()}
	}
	addServiceEndpoints(props, plan, in)
	return props, nil
}

// addServiceEndpoints puts the plan's service endpoints on a subnet: the compute subnets, and the
// endpoint subnet, where Azure ML studio needs the storage service endpoint next to the workspace's
// private endpoint (how-to-secure-workspace-vnet.md).
func addServiceEndpoints(props pulumi.Map, plan networkPlan, in inputValues) {
	if len(plan.serviceEndpoints) == 0 {
		return
	}
	var endpoints pulumi.Array
	for _, service := range plan.serviceEndpoints {
		endpoints = append(endpoints, pulumi.Map{
			"service": pulumi.String(service), "locations": pulumi.StringArray{in.region.out},
		})
	}
	props["serviceEndpoints"] = endpoints
}

// privateSubnetToken is the subnet type at API 2023-05-01, the first with defaultOutboundAccess. It is
// registered by token: the SDK's v20230501 package holds the whole network API at that version (see
// expressroute.go for what such a package costs); the default Subnet type aliases it.
const privateSubnetToken = "azure-native:network/v20230501:Subnet"

// registerSubnet creates a subnet. A private one (a compute subnet with explicit egress) sets
// defaultOutboundAccess false, which Azure takes only when a subnet is created ("cannot be updated for
// an existing subnet"): the property is ignored on updates, so an existing subnet keeps what it has.
func registerSubnet(ctx *pulumi.Context, pulumiName string, props pulumi.Map, private bool,
	opts ...pulumi.ResourceOption,
) (pulumi.CustomResource, error) {
	if !private {
		return network.NewSubnet(ctx, pulumiName, subnetArgs(props), opts...)
	}
	props["defaultOutboundAccess"] = pulumi.Bool(false)
	var subnet customResource
	err := ctx.RegisterResource(privateSubnetToken, pulumiName, props, &subnet, utilities.PkgResourceDefaultOpts(
		withOptions(opts, pulumi.IgnoreChanges([]string{"defaultOutboundAccess"}),
			pulumi.Aliases([]pulumi.Alias{{Type: pulumi.String("azure-native:network:Subnet")}})))...)
	return &subnet, err
}

// customResource is a resource registered by token, read only for its ID.
type customResource struct{ pulumi.CustomResourceState }

// subnetArgs turns the properties into the default Subnet type's arguments.
func subnetArgs(p pulumi.Map) *network.SubnetArgs {
	args := &network.SubnetArgs{
		SubnetName:         p["subnetName"].(pulumi.StringInput),
		VirtualNetworkName: p["virtualNetworkName"].(pulumi.StringInput),
		ResourceGroupName:  p["resourceGroupName"].(pulumi.StringInput),
		AddressPrefix:      p["addressPrefix"].(pulumi.StringInput),
	}
	if v, ok := p["networkSecurityGroup"].(pulumi.Map); ok {
		args.NetworkSecurityGroup = &network.NetworkSecurityGroupTypeArgs{Id: v["id"].(pulumi.IDOutput).ToStringOutput()}
	}
	if v, ok := p["routeTable"].(pulumi.Map); ok {
		args.RouteTable = &network.RouteTableTypeArgs{Id: v["id"].(pulumi.IDOutput).ToStringOutput()}
	}
	if v, ok := p["natGateway"].(pulumi.Map); ok {
		args.NatGateway = &network.SubResourceArgs{Id: v["id"].(pulumi.IDOutput).ToStringOutput()}
	}
	if v, ok := p["delegations"].(pulumi.Array); ok {
		d := v[0].(pulumi.Map)
		args.Delegations = network.DelegationArray{network.DelegationArgs{
			Name: d["name"].(pulumi.StringInput), ServiceName: d["serviceName"].(pulumi.StringInput),
		}}
	}
	if v, ok := p["privateEndpointNetworkPolicies"].(pulumi.StringPtrInput); ok {
		args.PrivateEndpointNetworkPolicies = v
		args.PrivateLinkServiceNetworkPolicies = p["privateLinkServiceNetworkPolicies"].(pulumi.StringPtrInput)
	}
	if v, ok := p["serviceEndpoints"].(pulumi.Array); ok {
		var endpoints network.ServiceEndpointPropertiesFormatArray
		for _, e := range v {
			m := e.(pulumi.Map)
			endpoints = append(endpoints, network.ServiceEndpointPropertiesFormatArgs{
				Service: m["service"].(pulumi.StringInput), Locations: m["locations"].(pulumi.StringArray),
			})
		}
		args.ServiceEndpoints = endpoints
	}
	return args
}

func policyInputs(s subnetPlan) (pulumi.StringPtrInput, pulumi.StringPtrInput) {
	pe, pls := subnetPolicies(s)
	if pe == "" {
		return nil, nil
	}
	return pulumi.StringPtr(pe), pulumi.StringPtr(pls)
}

func registerSecurityGroup(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues,
	s subnetPlan, groups map[string]*network.ApplicationSecurityGroup, opts ...pulumi.ResourceOption,
) (*network.NetworkSecurityGroup, error) {
	rules := s.spec().rules(plan)
	pulumiName, azureName := names.securityGroup(s.role)
	return network.NewNetworkSecurityGroup(ctx, pulumiName, &network.NetworkSecurityGroupArgs{
		NetworkSecurityGroupName: pulumi.String(azureName),
		ResourceGroupName:        in.resourceGroup.out,
		Location:                 in.region.out,
		// Rules inline: one write per NSG, and a rule change shows as an update of its NSG.
		SecurityRules: securityRuleArgs(rules, in.region.out, groups),
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

func securityRuleArgs(rules []securityRule, region pulumi.StringOutput,
	groups map[string]*network.ApplicationSecurityGroup,
) network.SecurityRuleTypeArray {
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
		// A rule naming an application security group takes it instead of an address prefix.
		if g, ok := groups[r.destinationGroup]; ok && r.destinationGroup != "" {
			args.DestinationAddressPrefix = nil
			args.DestinationApplicationSecurityGroups = network.ApplicationSecurityGroupTypeArray{
				network.ApplicationSecurityGroupTypeArgs{Id: g.ID().ToStringOutput()},
			}
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
	appliance pulumi.StringInput, opts ...pulumi.ResourceOption,
) (*network.RouteTable, error) {
	routeArgs := make(network.RouteTypeArray, 0, len(routes))
	for _, r := range routes {
		args := network.RouteTypeArgs{
			Name:          pulumi.String(r.name),
			AddressPrefix: regional(r.addressPrefix, in.region.out),
			NextHopType:   pulumi.String(r.nextHopType),
		}
		if r.nextHopType == nextHopAppliance {
			args.NextHopIpAddress = appliance
		}
		routeArgs = append(routeArgs, args)
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
