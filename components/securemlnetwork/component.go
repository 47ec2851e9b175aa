// Package securemlnetwork implements SecureMLNetwork, a private network for an Azure Machine
// Learning workspace. Files by concern: args (inputs), plan (validation and decisions, no Pulumi),
// rules (NSG and route tables as data), network, dns and endpoints (child resources), outputs.
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
}

// Annotate documents the component and its outputs for the schema.
func (c *SecureMLNetwork) Annotate(an infer.Annotator) {
	an.Describe(&c, componentDoc)
	an.Describe(&c.VirtualNetworkID, "Azure resource ID of the virtual network.")
	an.Describe(&c.VirtualNetworkName, "Name of the virtual network.")
	an.Describe(&c.SubnetIDs, "Subnet IDs by role: `training`, `scoring` (when enabled) and `privateEndpoints`.")
	an.Describe(&c.SubnetAddressPrefixes, "Subnet address prefixes by role, including the ones carved from the address space.")
	an.Describe(&c.NetworkSecurityGroupIDs, "Network security group IDs by subnet role.")
	an.Describe(&c.RouteTableIDs, "Route table IDs by subnet role; empty unless `computePublicIp` is true.")
	an.Describe(&c.PrivateDNSZoneIDs, "Private DNS zone IDs by zone name, created here or given in `dns.existingZoneIds`.")
	an.Describe(&c.PrivateEndpoints, "Private endpoints by service: `workspace`, `storageBlob`, `storageFile`, "+
		"`storageQueue`, `storageTable`, `storageDfs`, `keyVault`, `containerRegistry`.")
}

// commonInputs are the inputs every child takes.
type commonInputs struct {
	resourceGroupName pulumi.StringInput
	tags              pulumi.StringMapInput
}

// NewSecureMLNetwork validates args, then registers the component and its children. Validation comes
// first, so a bad input fails the preview before any resource is registered.
func NewSecureMLNetwork(ctx *pulumi.Context, name string, args Args, opts ...pulumi.ResourceOption,
) (*SecureMLNetwork, error) {
	if err := checkComponentName(name); err != nil {
		return nil, err
	}
	plan, err := newPlan(args)
	if err != nil {
		return nil, err
	}
	comp := &SecureMLNetwork{}
	if err := ctx.RegisterComponentResource(Token, name, comp, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(comp)
	names := childNames{component: name}
	common := commonInputs{resourceGroupName: args.ResourceGroupName, tags: args.Tags}

	net, err := registerNetwork(ctx, names, plan, common, parent)
	if err != nil {
		return nil, err
	}
	zoneIDs, err := registerZones(ctx, names, plan, common, net.virtualNetwork, parent)
	if err != nil {
		return nil, err
	}
	endpoints, err := registerEndpoints(ctx, names, plan, common, net.subnets[rolePrivateEndpoints], zoneIDs, parent)
	if err != nil {
		return nil, err
	}

	comp.VirtualNetworkID = net.virtualNetwork.ID().ToStringOutput()
	// The name is known; deriving it from the ID keeps the dependency on the network being created.
	_, vnetAzureName := names.virtualNetwork()
	comp.VirtualNetworkName = net.virtualNetwork.ID().ApplyT(func(pulumi.ID) string { return vnetAzureName }).(pulumi.StringOutput)
	comp.SubnetIDs = idMap(net.subnets)
	comp.NetworkSecurityGroupIDs = idMap(net.securityGroups)
	comp.RouteTableIDs = idMap(net.routeTables)
	prefixes := pulumi.StringMap{}
	for _, s := range plan.subnets {
		prefixes[string(s.role)] = pulumi.String(s.prefix)
	}
	comp.SubnetAddressPrefixes = prefixes.ToStringMapOutput()
	zones := pulumi.StringMap{}
	for zone, id := range zoneIDs {
		zones[zone] = id
	}
	comp.PrivateDNSZoneIDs = zones.ToStringMapOutput()
	comp.PrivateEndpoints = endpointDetails(endpoints)
	return comp, nil
}

// idMap returns the IDs of resources by subnet role.
func idMap[R pulumi.CustomResource](resources map[subnetRole]R) pulumi.StringMapOutput {
	ids := pulumi.StringMap{}
	for role, r := range resources {
		ids[string(role)] = r.ID().ToStringOutput()
	}
	return ids.ToStringMapOutput()
}

var _ infer.Annotated = (*SecureMLNetwork)(nil)
