package securemlnetwork

import (
	"reflect"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Outputs of the ways out and of the peering.

// EgressDetails describes the compute subnets' egress path.
type EgressDetails struct {
	Mode                     string `pulumi:"mode"`
	PrivateSubnets           bool   `pulumi:"privateSubnets"`
	FirewallID               string `pulumi:"firewallId,optional"`
	FirewallPolicyID         string `pulumi:"firewallPolicyId,optional"`
	FirewallPrivateIPAddress string `pulumi:"firewallPrivateIpAddress,optional"`
	NatGatewayID             string `pulumi:"natGatewayId,optional"`
	PublicIPAddresses        string `pulumi:"publicIpAddresses,optional"`
	NextHopIPAddress         string `pulumi:"nextHopIpAddress,optional"`
}

// Annotate documents the egress details.
func (d *EgressDetails) Annotate(an infer.Annotator) {
	an.Describe(&d, "The egress path of the compute subnets.")
	an.Describe(&d.Mode, "The egress mode: default, natGateway, firewall or nextHop.")
	an.Describe(&d.PrivateSubnets, "Whether compute subnets created with this mode are private (defaultOutboundAccess "+
		"false).")
	an.Describe(&d.FirewallID, "Azure resource ID of the firewall (mode firewall).")
	an.Describe(&d.FirewallPolicyID, "Azure resource ID of its policy; add your own rule collection groups to it.")
	an.Describe(&d.FirewallPrivateIPAddress, "The firewall's private address, the compute subnets' next hop; a spoke's "+
		"egress.nextHopIpAddress.")
	an.Describe(&d.NatGatewayID, "Azure resource ID of the NAT gateway (mode natGateway).")
	an.Describe(&d.PublicIPAddresses, "The outbound public address (or prefix) of the NAT gateway or the firewall: "+
		"what to allow on services that filter by source address.")
	an.Describe(&d.NextHopIPAddress, "The next hop of the compute subnets' 0.0.0.0/0 route (modes firewall and nextHop).")
}

// HubPeeringDetails describes the peering with the hub.
type HubPeeringDetails struct {
	ID       string `pulumi:"id"`
	RemoteID string `pulumi:"remoteId,optional"`
}

// Annotate documents the peering details.
func (d *HubPeeringDetails) Annotate(an infer.Annotator) {
	an.Describe(&d, "The peering with the hub network.")
	an.Describe(&d.ID, "Azure resource ID of this network's peering to the hub.")
	an.Describe(&d.RemoteID, "Azure resource ID of the hub's peering to this network, when createRemotePeering is set.")
}

// EgressDetailsOutput is an output of *EgressDetails.
type EgressDetailsOutput struct{ *pulumi.OutputState }

// ElementType tells the Pulumi SDK what the output holds.
func (EgressDetailsOutput) ElementType() reflect.Type { return reflect.TypeFor[*EgressDetails]() }

// HubPeeringDetailsOutput is an output of *HubPeeringDetails.
type HubPeeringDetailsOutput struct{ *pulumi.OutputState }

// ElementType tells the Pulumi SDK what the output holds.
func (HubPeeringDetailsOutput) ElementType() reflect.Type {
	return reflect.TypeFor[*HubPeeringDetails]()
}

func init() {
	pulumi.RegisterOutputType(EgressDetailsOutput{})
	pulumi.RegisterOutputType(HubPeeringDetailsOutput{})
}

// egressDetails gathers the egress outputs.
func egressDetails(plan networkPlan, e egressResources) EgressDetailsOutput {
	inputs := []any{pulumi.String(""), pulumi.String(""), pulumi.String(""), pulumi.String(""), pulumi.String(""),
		pulumi.String("")}
	if e.firewall != nil {
		inputs[0], inputs[1], inputs[2] = e.firewall.ID().ToStringOutput(), e.policy.ID().ToStringOutput(), e.appliance
		inputs[4] = e.firewallIP
	}
	if e.natGateway != nil {
		inputs[3], inputs[4] = e.natGateway.ID().ToStringOutput(), e.natIP
	}
	if e.appliance != nil {
		inputs[5] = e.appliance
	}
	return pulumi.All(inputs...).ApplyT(func(v []any) *EgressDetails {
		s := func(i int) string { return deref(v[i]) }
		return &EgressDetails{
			Mode: string(plan.egress.mode), PrivateSubnets: plan.egress.private(),
			FirewallID: s(0), FirewallPolicyID: s(1), FirewallPrivateIPAddress: s(2), NatGatewayID: s(3),
			PublicIPAddresses: s(4), NextHopIPAddress: s(5),
		}
	}).(EgressDetailsOutput)
}

// hubPeeringDetails gathers the peering's outputs; nil without a peering.
func hubPeeringDetails(p *peeringResources) HubPeeringDetailsOutput {
	if p == nil {
		return pulumi.ToOutput((*HubPeeringDetails)(nil)).(HubPeeringDetailsOutput)
	}
	remote := pulumi.String("").ToStringOutput()
	if p.remote != nil {
		remote = p.remote.ID().ToStringOutput()
	}
	return pulumi.All(p.local.ID(), remote).ApplyT(func(v []any) *HubPeeringDetails {
		return &HubPeeringDetails{ID: string(v[0].(pulumi.ID)), RemoteID: v[1].(string)}
	}).(HubPeeringDetailsOutput)
}

// serviceEndpointSubnetIDs lists, per service reached through service endpoints, the subnets its
// firewall must allow.
func serviceEndpointSubnetIDs(plan networkPlan, subnets map[subnetRole]subnetRef) pulumi.StringArrayMapOutput {
	out := pulumi.StringArrayMap{}
	for _, service := range plan.serviceEndpoints {
		var ids pulumi.StringArray
		for _, s := range plan.subnets {
			if s.spec().compute || s.role == rolePrivateEndpoints {
				ids = append(ids, subnets[s.role].id)
			}
		}
		out[service] = ids
	}
	return out.ToStringArrayMapOutput()
}

// groupIDs returns the application security group IDs by role.
func groupIDs(groups map[string]*network.ApplicationSecurityGroup) pulumi.StringMapOutput {
	ids := pulumi.StringMap{}
	for role, g := range groups {
		ids[role] = g.ID().ToStringOutput()
	}
	return ids.ToStringMapOutput()
}

var (
	_ infer.Annotated = (*EgressDetails)(nil)
	_ infer.Annotated = (*HubPeeringDetails)(nil)
)
