// Package securemlnetwork implements SecureMLNetwork, a private network for an Azure Machine
// Learning workspace. Files by concern: args (inputs), plan (shape and validation, no Pulumi), checks
// and values (value inputs, known or not), addresses and existing (the address plan), rules (NSG and
// route tables as data), network, dns, providers, endpoints (child resources), outputs.
package securemlnetwork

import (
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Token is the resource type token of the component.
const Token = "secureml:index:SecureMLNetwork"

// SecureMLNetwork is the component resource and its outputs.
type SecureMLNetwork struct {
	pulumi.ResourceState

	VirtualNetworkID        pulumi.StringOutput             `pulumi:"virtualNetworkId"`
	VirtualNetworkName      pulumi.StringOutput             `pulumi:"virtualNetworkName"`
	SubnetIDs               pulumi.StringMapOutput          `pulumi:"subnetIds"`
	SubnetAddressPrefixes   pulumi.StringMapOutput          `pulumi:"subnetAddressPrefixes"`
	NetworkSecurityGroupIDs pulumi.StringMapOutput          `pulumi:"networkSecurityGroupIds"`
	RouteTableIDs           pulumi.StringMapOutput          `pulumi:"routeTableIds"`
	PrivateDNSZoneIDs       pulumi.StringMapOutput          `pulumi:"privateDnsZoneIds"`
	PrivateEndpoints        PrivateEndpointDetailsMapOutput `pulumi:"privateEndpoints"`

	// The details of the ways in hold nil when the feature is not configured. They are not marked
	// optional: the Go SDK cannot register a component with pointer output fields, and infer takes
	// only pointers as optional objects.
	VpnGateway            VpnGatewayDetailsOutput          `pulumi:"vpnGateway"`
	ExpressRouteGateway   ExpressRouteGatewayDetailsOutput `pulumi:"expressRouteGateway"`
	DNSResolver           DNSResolverDetailsOutput         `pulumi:"dnsResolver"`
	Bastion               BastionDetailsOutput             `pulumi:"bastion"`
	ConditionalForwarders pulumi.StringArrayOutput         `pulumi:"conditionalForwarders"`

	Egress                      EgressDetailsOutput         `pulumi:"egress"`
	HubPeering                  HubPeeringDetailsOutput     `pulumi:"hubPeering"`
	ServiceEndpointSubnetIDs    pulumi.StringArrayMapOutput `pulumi:"serviceEndpointSubnetIds"`
	ApplicationSecurityGroupIDs pulumi.StringMapOutput      `pulumi:"applicationSecurityGroupIds"`
}

// Annotate documents the component and its outputs for the schema.
func (c *SecureMLNetwork) Annotate(an infer.Annotator) {
	an.Describe(&c, componentDoc)
	an.Describe(&c.VirtualNetworkID, "Azure resource ID of the virtual network.")
	an.Describe(&c.VirtualNetworkName, "Name of the virtual network.")
	an.Describe(&c.SubnetIDs, "Subnet IDs by role: `training`, `scoring` (when enabled), `privateEndpoints`, and "+
		"`gateway`, `bastion` and `dnsResolverInbound` when their features are set.")
	an.Describe(&c.SubnetAddressPrefixes, "Subnet address prefixes by role, including the ones placed in their role's slot.")
	an.Describe(&c.NetworkSecurityGroupIDs, "Network security group IDs by subnet role; `GatewaySubnet` has none.")
	an.Describe(&c.RouteTableIDs, "Route table IDs by subnet role; empty unless `computePublicIp` is true.")
	an.Describe(&c.PrivateDNSZoneIDs, "Private DNS zone IDs by zone name, created here or given in `dns.existingZoneIds`. "+
		"Another SecureMLNetwork in the same resource group takes it as its `dns.existingZoneIds`.")
	an.Describe(&c.PrivateEndpoints, "Private endpoints by service: `workspace`, `storageBlob`, `storageFile`, "+
		"`storageQueue`, `storageTable`, `storageDfs`, `keyVault`, `containerRegistry`. Addresses and FQDNs are read "+
		"from each endpoint's network interface.")
	an.Describe(&c.VpnGateway, "The VPN gateway: its ID, public IPs, BGP and point-to-site settings, and site "+
		"connection IDs. Null without `vpnGateway`.")
	an.Describe(&c.ExpressRouteGateway, "The ExpressRoute gateway and its circuit connection. Null without "+
		"`expressRoute`.")
	an.Describe(&c.DNSResolver, "The DNS resolver and its inbound endpoint's address. Null without `dnsResolver`.")
	an.Describe(&c.Bastion, "The Bastion host and its public IP. Null without `bastion`.")
	an.Describe(&c.ConditionalForwarders, "Zones that DNS servers outside the network (on premises, or a hub's) must "+
		"forward to a DNS server in it, such as `dnsResolver.inboundIpAddress`, so the private endpoints resolve to "+
		"their private addresses: Azure ML's zones for the cloud and the public zone of each other private DNS zone "+
		"in use (blob.core.windows.net, not privatelink.blob.core.windows.net).")
	an.Describe(&c.Egress, "The compute subnets' egress path: the mode, and the firewall's or NAT gateway's IDs and "+
		"addresses.")
	an.Describe(&c.HubPeering, "The peering with the hub network. Null without `hubPeering`.")
	an.Describe(&c.ServiceEndpointSubnetIDs, "Per service reached through a service endpoint (Microsoft.Storage, "+
		"Microsoft.KeyVault), the subnet IDs its network rules must allow.")
	an.Describe(&c.ApplicationSecurityGroupIDs, "Application security group IDs by role (`compute`, "+
		"`privateEndpoints`), when `applicationSecurityGroups` is set. Put your own machines in `compute`.")
}

// NewSecureMLNetwork validates args, then registers the component and its children. Shape inputs and
// every value input known at preview are checked first, so such a mistake fails the preview before any
// resource is registered; the rest is checked before any child that takes it is created.
func NewSecureMLNetwork(ctx *pulumi.Context, name string, args Args, opts ...pulumi.ResourceOption,
) (*SecureMLNetwork, error) {
	return newNetwork(ctx, name, args, nil, opts...)
}

// newNetwork builds the component; services, when set, are the resources behind the service IDs
// (see NewForServices).
func newNetwork(ctx *pulumi.Context, name string, args Args, services ServiceResources, opts ...pulumi.ResourceOption,
) (*SecureMLNetwork, error) {
	plan, names, in, err := prepare(ctx, name, args, true)
	if err != nil {
		return nil, err
	}
	in.services = services

	comp := &SecureMLNetwork{}
	if err := ctx.RegisterComponentResource(Token, name, comp, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(comp)
	in.providers = newSubscriptionProviders(ctx, names, comp)
	if plan.source.existing != nil || plan.peering != nil {
		if in.deployingSubscription, err = deployingSubscription(ctx, comp); err != nil {
			return nil, err
		}
	}
	if in.existing, err = resolveNetworkSource(ctx, names, plan, in, comp); err != nil {
		return nil, err
	}
	in.networkGroup = in.existing.ref.group
	if in.peering, err = resolvePeering(ctx, plan, in, comp); err != nil {
		return nil, err
	}
	addresses, err := planAddresses(ctx, plan, args.AddressSpace, names, in)
	if err != nil {
		return nil, err
	}
	in.computePrefixes = computePrefixes(plan, addresses)
	net, err := registerNetwork(ctx, names, plan, in, addresses, parent)
	if err != nil {
		return nil, err
	}
	zoneIDs, err := registerZones(ctx, names, plan, in, net.network, comp, parent)
	if err != nil {
		return nil, err
	}
	endpoints, err := registerEndpoints(ctx, names, plan, in, net.subnets[rolePrivateEndpoints], zoneIDs,
		net.groups[groupPrivateEndpoints], parent)
	if err != nil {
		return nil, err
	}
	hybrid, err := registerHybrid(ctx, names, plan, in, net, addresses, parent)
	if err != nil {
		return nil, err
	}

	comp.VirtualNetworkID = net.network.id
	// The name is known; deriving it from the ID keeps the dependency on the network being created.
	comp.VirtualNetworkName = pulumi.All(net.network.id, net.network.name).ApplyT(func(v []any) string {
		return v[1].(string)
	}).(pulumi.StringOutput)
	comp.SubnetIDs = subnetIDMap(net.subnets)
	comp.NetworkSecurityGroupIDs = idMap(net.securityGroups)
	comp.RouteTableIDs = idMap(net.routeTables)
	comp.SubnetAddressPrefixes = addresses.prefixes
	zoneMap := pulumi.StringMap{}
	for zone, id := range zoneIDs {
		zoneMap[zone] = id
	}
	comp.PrivateDNSZoneIDs = zoneMap.ToStringMapOutput()
	comp.PrivateEndpoints = endpointDetails(ctx, names, in, endpoints, comp)
	comp.VpnGateway, comp.ExpressRouteGateway = hybrid.vpn, hybrid.expressRoute
	comp.DNSResolver, comp.Bastion = hybrid.resolver, hybrid.bastion
	comp.ConditionalForwarders = conditionalForwarders(plan)
	comp.Egress = egressDetails(plan, net.egress)
	comp.HubPeering = hubPeeringDetails(net.peering)
	comp.ServiceEndpointSubnetIDs = serviceEndpointSubnetIDs(plan, net.subnets)
	comp.ApplicationSecurityGroupIDs = groupIDs(net.groups)
	return comp, nil
}

// prepare checks the shape inputs and every value input known now, and plans the network. It
// registers nothing.
func prepare(ctx *pulumi.Context, name string, args Args, warn bool) (networkPlan, childNames, inputValues, error) {
	names := childNames{component: name}
	if err := checkComponentName(name); err != nil {
		return networkPlan{}, names, inputValues{}, err
	}
	zones, err := resolveExistingZones(ctx, args.DNS)
	if err != nil {
		return networkPlan{}, names, inputValues{}, err
	}
	plan, err := newPlan(args, zones)
	if err != nil {
		return networkPlan{}, names, inputValues{}, err
	}
	if err := checkChildNames(names, plan); err != nil {
		return networkPlan{}, names, inputValues{}, err
	}
	in, err := resolveValues(ctx, args, plan, warn)
	return plan, names, in, err
}

// resolveExistingZones reads dns.existingZoneIds as far as it is known at preview: its zone names,
// when it is a map given key by key or a known value; only "given" when it is an output not known yet.
func resolveExistingZones(ctx *pulumi.Context, dns *DNSSettings) (existingZones, error) {
	if dns == nil || dns.ExistingZoneIDs == nil {
		return existingZones{}, nil
	}
	if m, ok := dns.ExistingZoneIDs.(pulumi.StringMap); ok {
		ids := map[string]pulumi.StringInput{}
		for k, v := range m {
			ids[k] = v
		}
		return existingZones{given: true, ids: ids}, nil
	}
	known, ok, err := awaitKnown[map[string]string](ctx, dns.ExistingZoneIDs)
	if err != nil {
		return existingZones{}, err
	}
	if !ok {
		return existingZones{given: true, whole: dns.ExistingZoneIDs.ToStringMapOutput()}, nil
	}
	// Known as a whole (a stack reference output): each ID keeps the map's secrecy and dependencies.
	ids := map[string]pulumi.StringInput{}
	for k := range known {
		ids[k] = dns.ExistingZoneIDs.ToStringMapOutput().MapIndex(pulumi.String(k))
	}
	return existingZones{given: true, ids: ids}, nil
}

// idMap returns the IDs of resources by subnet role.
func idMap[R pulumi.CustomResource](resources map[subnetRole]R) pulumi.StringMapOutput {
	ids := pulumi.StringMap{}
	for role, r := range resources {
		ids[string(role)] = r.ID().ToStringOutput()
	}
	return ids.ToStringMapOutput()
}

// subnetIDMap returns the subnet IDs by role.
func subnetIDMap(subnets map[subnetRole]subnetRef) pulumi.StringMapOutput {
	ids := pulumi.StringMap{}
	for role, s := range subnets {
		ids[string(role)] = s.id
	}
	return ids.ToStringMapOutput()
}

var _ infer.Annotated = (*SecureMLNetwork)(nil)
