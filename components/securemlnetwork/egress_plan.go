package securemlnetwork

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The ways out, an existing network, hub peering and application security groups, as far as shape
// inputs decide them (hybrid-and-egress.md §7-10). Value inputs (the next hop, network and subnet IDs)
// ride along; egress_values.go checks them.

// egressPlan is the egress path of the compute subnets.
type egressPlan struct {
	mode     EgressMode
	nat      *NatGatewaySettings
	firewall *firewallPlan
	nextHop  pulumi.StringInput
}

type firewallPlan struct {
	sku            FirewallSku
	dnsProxy       bool
	extraFqdns     []string
	allowedSources pulumi.StringArrayInput
}

// private reports whether the compute subnets are private: every explicit egress mode.
func (e egressPlan) private() bool { return e.mode != EgressModeDefault }

// routesDefault reports whether the compute subnets route 0.0.0.0/0 to an appliance.
func (e egressPlan) routesDefault() bool {
	return e.mode == EgressModeFirewall || e.mode == EgressModeNextHop
}

// networkSource says where the virtual network and its subnets come from.
type networkSource struct {
	// existing is the ID of a network that exists already; nil when the component creates one.
	existing pulumi.StringInput
	// subnetIDs are existing subnets used as they are; nil when the component creates its subnets.
	subnetIDs *ExistingSubnetIDs
}

// peeringPlan is the peering with a hub network.
type peeringPlan struct {
	remote                       pulumi.StringInput
	allowForwarded, useRemoteGWs bool
	createRemote, linkZones      bool
}

// Limits of the ways out (§7.1, §7.2).
const (
	minNatPrefixLength = 28
	maxNatPrefixLength = 31
	minNatIdleTimeout  = 4
	maxNatIdleTimeout  = 120
)

func planEgress(e *EgressSettings) (egressPlan, error) {
	s := valueOr(e, EgressSettings{})
	p := egressPlan{mode: valueOr(s.Mode, EgressModeDefault)}
	if !isAllowed(p.mode) {
		return p, fmt.Errorf("egress.mode %q is not an egress mode; use %s", p.mode, enumList[EgressMode]())
	}
	// Settings of one mode with another mode chosen: a NAT gateway and a firewall (or a next hop) are
	// alternatives, and a 0.0.0.0/0 route to an appliance would bypass a NAT gateway anyway (§7.1).
	for _, other := range []struct {
		mode EgressMode
		set  bool
		key  string
	}{
		{EgressModeNatGateway, s.NatGateway != nil, "egress.natGateway"},
		{EgressModeFirewall, s.Firewall != nil, "egress.firewall"},
		{EgressModeNextHop, s.NextHopIPAddress != nil, "egress.nextHopIpAddress"},
	} {
		if other.set && other.mode != p.mode {
			return p, fmt.Errorf("%s is set but egress.mode is %s; one egress path at a time (a 0.0.0.0/0 route to an "+
				"appliance would bypass a NAT gateway): set egress.mode to %s, or remove %s", other.key, p.mode,
				other.mode, other.key)
		}
	}
	switch p.mode {
	case EgressModeNatGateway:
		n := valueOr(s.NatGateway, NatGatewaySettings{})
		if l := n.PublicIPPrefixLength; l != nil && (*l < minNatPrefixLength || *l > maxNatPrefixLength) {
			return p, fmt.Errorf("egress.natGateway.publicIpPrefixLength %d is outside %d-%d (16 to 2 addresses); a NAT "+
				"gateway takes at most 16 addresses", *l, minNatPrefixLength, maxNatPrefixLength)
		}
		if t := valueOr(n.IdleTimeoutInMinutes, minNatIdleTimeout); t < minNatIdleTimeout || t > maxNatIdleTimeout {
			return p, fmt.Errorf("egress.natGateway.idleTimeoutInMinutes %d is outside %d-%d", t, minNatIdleTimeout,
				maxNatIdleTimeout)
		}
		p.nat = &n
	case EgressModeFirewall:
		f := valueOr(s.Firewall, FirewallSettings{})
		fw := &firewallPlan{sku: valueOr(f.Sku, FirewallSkuStandard), dnsProxy: valueOr(f.DNSProxy, false)}
		if fw.sku == "Basic" {
			return p, fmt.Errorf("egress.firewall.sku Basic is refused for Azure ML: it has no DNS proxy and no FQDN " +
				"network rules (features-by-sku.md), so the compute rules Azure ML needs cannot be written, and it needs " +
				"a management subnet; use Standard")
		}
		if !isAllowed(fw.sku) {
			return p, fmt.Errorf("egress.firewall.sku %q is not a firewall tier; use %s", fw.sku, enumList[FirewallSku]())
		}
		seen := map[string]bool{}
		for _, fqdn := range f.ExtraFqdns {
			if err := checkFirewallFqdn(fqdn); err != nil {
				return p, err
			}
			if seen[strings.ToLower(fqdn)] {
				return p, fmt.Errorf("egress.firewall.extraFqdns lists %q twice; list each once", fqdn)
			}
			seen[strings.ToLower(fqdn)] = true
		}
		fw.extraFqdns, fw.allowedSources = f.ExtraFqdns, f.AllowedSourceAddresses
		p.firewall = fw
	case EgressModeNextHop:
		if s.NextHopIPAddress == nil {
			return p, fmt.Errorf("egress.mode is nextHop but egress.nextHopIpAddress is not set; give the private " +
				"address of the hub's firewall or appliance")
		}
		p.nextHop = s.NextHopIPAddress
	}
	return p, nil
}

// firewallFqdn is a target FQDN of an application rule: a host name, optionally with a leading "*."
// (Azure Firewall takes wildcards only there).
var firewallFqdn = regexp.MustCompile(`^(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$`)

func checkFirewallFqdn(fqdn string) error {
	if !firewallFqdn.MatchString(fqdn) {
		return fmt.Errorf("egress.firewall.extraFqdns: %q is not a host name Azure Firewall takes; write it like "+
			"pypi.org or *.anaconda.org (a wildcard only as a leading \"*.\")", fqdn)
	}
	return nil
}

// planNetworkSource checks the existing-network inputs.
func planNetworkSource(args Args, hybrid hybridPlan, egress egressPlan, serviceEndpoints []string) (networkSource, error) {
	e := args.ExistingNetwork
	if e == nil {
		return networkSource{}, nil
	}
	if e.ID == nil {
		return networkSource{}, fmt.Errorf("existingVirtualNetwork.id is required: give the resource ID of the " +
			"virtual network, or remove existingVirtualNetwork to create one")
	}
	if r := hybrid.resolver; r != nil && r.setDNSServers {
		return networkSource{}, fmt.Errorf("dnsResolver.setVirtualNetworkDnsServers is true, but the network is " +
			"existingVirtualNetwork, whose DNS servers this component does not own (a change is a write of the whole " +
			"network); set it to false and set the network's DNS servers where the network is managed")
	}
	src := networkSource{existing: e.ID, subnetIDs: e.SubnetIDs}
	if s := e.SubnetIDs; s != nil {
		if s.Training == nil || s.PrivateEndpoints == nil {
			return src, fmt.Errorf("existingVirtualNetwork.subnetIds needs training and privateEndpoints: the subnets " +
				"compute and the private endpoints go to")
		}
		var needs []string
		if hybrid.gateways() || hybrid.bastion != nil || hybrid.resolver != nil {
			needs = append(needs, "vpnGateway, expressRoute, dnsResolver and bastion (their own subnets)")
		}
		if egress.private() {
			needs = append(needs, "egress "+string(egress.mode)+" (a NAT gateway or route table on the subnets)")
		}
		if len(serviceEndpoints) > 0 {
			needs = append(needs, "serviceEndpoint access (service endpoints on the subnets)")
		}
		if args.Subnets != nil {
			needs = append(needs, "subnets (prefixes of subnets to create)")
		}
		if len(needs) > 0 {
			return src, fmt.Errorf("existingVirtualNetwork.subnetIds uses subnets as they are and creates none, so it "+
				"cannot have %s; remove subnetIds to let the component add its subnets to the network", strings.Join(needs, ", "))
		}
	}
	return src, nil
}

func planPeering(h *HubPeeringSettings, hybrid hybridPlan, hasZones bool) (*peeringPlan, error) {
	if h == nil {
		return nil, nil
	}
	if h.RemoteVirtualNetworkID == nil {
		return nil, fmt.Errorf("hubPeering.remoteVirtualNetworkId is required: give the resource ID of the hub's " +
			"virtual network")
	}
	p := &peeringPlan{
		remote:         h.RemoteVirtualNetworkID,
		allowForwarded: valueOr(h.AllowForwardedTraffic, true),
		useRemoteGWs:   valueOr(h.UseRemoteGateways, false),
		createRemote:   valueOr(h.CreateRemotePeering, false),
		linkZones:      valueOr(h.LinkZones, false),
	}
	if p.linkZones && !hasZones {
		return nil, fmt.Errorf("hubPeering.linkZones is true, but this network has no private DNS zones to link " +
			"(no service has a private endpoint); remove linkZones")
	}
	if p.useRemoteGWs && hybrid.gateways() {
		return nil, fmt.Errorf("hubPeering.useRemoteGateways is true, but this network has its own gateway " +
			"(vpnGateway or expressRoute); Azure refuses remote gateways on a network with a gateway " +
			"(virtual-network-manage-peering.md): remove one of them")
	}
	return p, nil
}
