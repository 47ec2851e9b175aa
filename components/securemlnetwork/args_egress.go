package securemlnetwork

import (
	_ "embed"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The ways out, an existing network, hub peering and application security groups. Shape inputs
// (modes, SKUs, switches, FQDN lists) are plain; addresses and IDs are inputs.

//go:embed docs/egress.md
var egressDoc string

// EgressSettings chooses how compute reaches the Internet.
type EgressSettings struct {
	Mode             *EgressMode         `pulumi:"mode,optional"`
	NatGateway       *NatGatewaySettings `pulumi:"natGateway,optional"`
	Firewall         *FirewallSettings   `pulumi:"firewall,optional"`
	NextHopIPAddress pulumi.StringInput  `pulumi:"nextHopIpAddress,optional"`
}

// Annotate documents the egress settings.
func (e *EgressSettings) Annotate(an infer.Annotator) {
	an.Describe(&e, egressDoc)
	an.Describe(&e.Mode, "The egress path: default, natGateway, firewall or nextHop. Any mode but default makes the "+
		"compute subnets private (defaultOutboundAccess false), which Azure sets only when a subnet is created.")
	an.SetDefault(&e.Mode, string(EgressModeDefault))
	an.Describe(&e.NatGateway, "Settings of the NAT gateway, for mode natGateway.")
	an.Describe(&e.Firewall, "Settings of Azure Firewall, for mode firewall.")
	an.Describe(&e.NextHopIPAddress, "For mode nextHop: the private address of the hub's firewall or appliance that "+
		"0.0.0.0/0 is routed to. It must be in a private range and outside the compute subnets.")
}

// NatGatewaySettings configures the NAT gateway.
type NatGatewaySettings struct {
	PublicIPPrefixLength *int `pulumi:"publicIpPrefixLength,optional"`
	IdleTimeoutInMinutes *int `pulumi:"idleTimeoutInMinutes,optional"`
}

// Annotate documents the NAT gateway settings.
func (n *NatGatewaySettings) Annotate(an infer.Annotator) {
	an.Describe(&n, "A Standard NAT gateway for the compute subnets.")
	an.Describe(&n.PublicIPPrefixLength, "Give the NAT gateway a public IP prefix of this length (28 to 31: 16 to 2 "+
		"addresses) instead of one public IP, for more outbound connections or a fixed range to allow elsewhere.")
	an.Describe(&n.IdleTimeoutInMinutes, "TCP idle timeout, 4 to 120 minutes.")
	an.SetDefault(&n.IdleTimeoutInMinutes, 4)
}

// FirewallSettings configures Azure Firewall.
type FirewallSettings struct {
	Sku                    *FirewallSku            `pulumi:"sku,optional"`
	DNSProxy               *bool                   `pulumi:"dnsProxy,optional"`
	ExtraFqdns             []string                `pulumi:"extraFqdns,optional"`
	AllowedSourceAddresses pulumi.StringArrayInput `pulumi:"allowedSourceAddresses,optional"`
}

// Annotate documents the firewall settings.
func (f *FirewallSettings) Annotate(an infer.Annotator) {
	an.Describe(&f, "Azure Firewall in AzureFirewallSubnet, with a firewall policy carrying the network rules "+
		"(service tags) and application rules (FQDNs) Azure ML needs in the chosen cloud and region.")
	an.Describe(&f.Sku, "Firewall tier. Basic is refused: it has no DNS proxy and no FQDN network rules, and needs a "+
		"management subnet.")
	an.SetDefault(&f.Sku, string(FirewallSkuStandard))
	an.Describe(&f.DNSProxy, "Turn on the firewall's DNS proxy (needed to use FQDNs in network rules and for "+
		"consistent FQDN filtering when clients use the firewall as their DNS server).")
	an.SetDefault(&f.DNSProxy, false)
	an.Describe(&f.ExtraFqdns, "More FQDNs compute may reach over HTTPS, for example package repositories "+
		"(pypi.org, files.pythonhosted.org, *.anaconda.org). Wildcards only as a leading \"*.\".")
	an.Describe(&f.AllowedSourceAddresses, "More source ranges the rules apply to besides this network's compute "+
		"subnets: the compute subnets of spokes that route through this firewall (hub-and-spoke). IPv4 CIDRs.")
}

// ExistingNetworkSettings places the component's subnets in a virtual network that exists already.
type ExistingNetworkSettings struct {
	ID        pulumi.StringInput `pulumi:"id"`
	SubnetIDs *ExistingSubnetIDs `pulumi:"subnetIds,optional"`
}

// Annotate documents the existing network settings.
func (e *ExistingNetworkSettings) Annotate(an infer.Annotator) {
	an.Describe(&e, "Use a virtual network that exists already instead of creating one. The component adds its "+
		"subnets to it, carved from addressSpace, which must lie inside the network's address space; or, with "+
		"subnetIds, uses subnets you give and creates none. Nothing of the existing network is changed or deleted; "+
		"its DNS servers cannot be set (dnsResolver.setVirtualNetworkDnsServers must be false). Azure ML needs it in "+
		"the workspace's subscription and region.")
	an.Describe(&e.ID, "Resource ID of the Microsoft.Network/virtualNetworks network, in the deploying subscription.")
	an.Describe(&e.SubnetIDs, "Subnets of the network to use as they are, by role. When set, no subnet, network "+
		"security group or route table is created: their rules are yours to apply.")
}

// ExistingSubnetIDs are subnets used as they are, by role.
type ExistingSubnetIDs struct {
	Training         pulumi.StringInput `pulumi:"training"`
	Scoring          pulumi.StringInput `pulumi:"scoring,optional"`
	PrivateEndpoints pulumi.StringInput `pulumi:"privateEndpoints"`
}

// Annotate documents the existing subnet IDs.
func (s *ExistingSubnetIDs) Annotate(an infer.Annotator) {
	an.Describe(&s, "Existing subnets by role, each a subnet of existingVirtualNetwork.id.")
	an.Describe(&s.Training, "Subnet ID for training compute.")
	an.Describe(&s.Scoring, "Subnet ID for scoring compute, if any.")
	an.Describe(&s.PrivateEndpoints, "Subnet ID for the private endpoints.")
}

// HubPeeringSettings peers the network with a hub network.
type HubPeeringSettings struct {
	RemoteVirtualNetworkID pulumi.StringInput `pulumi:"remoteVirtualNetworkId"`
	AllowForwardedTraffic  *bool              `pulumi:"allowForwardedTraffic,optional"`
	UseRemoteGateways      *bool              `pulumi:"useRemoteGateways,optional"`
	CreateRemotePeering    *bool              `pulumi:"createRemotePeering,optional"`
	LinkZones              *bool              `pulumi:"linkZones,optional"`
}

// Annotate documents the hub peering.
func (h *HubPeeringSettings) Annotate(an infer.Annotator) {
	an.Describe(&h, "Peer this network with a hub network. The spoke side is always created; the hub side with "+
		"createRemotePeering (through a provider for the hub's subscription when it is another one). The deploying "+
		"identity needs Network Contributor (or virtualNetworkPeerings write, read, delete and virtualNetworks/peer "+
		"action) on both networks.")
	an.Describe(&h.RemoteVirtualNetworkID, "Resource ID of the hub's virtual network.")
	an.Describe(&h.AllowForwardedTraffic, "Accept traffic the hub forwards (from its firewall or appliance) that did not "+
		"start in the hub.")
	an.SetDefault(&h.AllowForwardedTraffic, true)
	an.Describe(&h.UseRemoteGateways, "Reach on-premises networks through the hub's VPN or ExpressRoute gateway. The "+
		"hub must have a gateway and allow gateway transit; this network must have none of its own.")
	an.SetDefault(&h.UseRemoteGateways, false)
	an.Describe(&h.CreateRemotePeering, "Also create the hub's side of the peering (with allowGatewayTransit when "+
		"useRemoteGateways is set). Leave false when the hub's owners create it.")
	an.SetDefault(&h.CreateRemotePeering, false)
	an.Describe(&h.LinkZones, "Also link the hub's network to this network's private DNS zones, so a DNS resolver in "+
		"the hub (serving VPN and on-premises clients) answers for this network's private endpoints. Default name "+
		"resolution does not cross a peering.")
	an.SetDefault(&h.LinkZones, false)
}

var (
	_ infer.Annotated = (*EgressSettings)(nil)
	_ infer.Annotated = (*NatGatewaySettings)(nil)
	_ infer.Annotated = (*FirewallSettings)(nil)
	_ infer.Annotated = (*ExistingNetworkSettings)(nil)
	_ infer.Annotated = (*ExistingSubnetIDs)(nil)
	_ infer.Annotated = (*HubPeeringSettings)(nil)
)
