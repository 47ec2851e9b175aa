package securemlnetwork

import (
	"slices"
	"strings"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/components/privatelink"
)

// hybridOutputs are the outputs of the ways in.
type hybridOutputs struct {
	vpn          VpnGatewayDetailsOutput
	expressRoute ExpressRouteGatewayDetailsOutput
	resolver     DNSResolverDetailsOutput
	bastion      BastionDetailsOutput
}

// registerHybrid creates the ways in the plan asks for, in their subnets.
func registerHybrid(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues, net *networkResources,
	addresses addressPlan, opts ...pulumi.ResourceOption,
) (hybridOutputs, error) {
	out := hybridOutputs{
		vpn:          pulumi.ToOutput((*VpnGatewayDetails)(nil)).(VpnGatewayDetailsOutput),
		expressRoute: pulumi.ToOutput((*ExpressRouteGatewayDetails)(nil)).(ExpressRouteGatewayDetailsOutput),
		resolver:     pulumi.ToOutput((*DNSResolverDetails)(nil)).(DNSResolverDetailsOutput),
		bastion:      pulumi.ToOutput((*BastionDetails)(nil)).(BastionDetailsOutput),
	}
	h, hv := plan.hybrid, in.hybrid
	if h.vpn != nil {
		gw, ips, err := registerVpnGateway(ctx, names, plan, in, hv, net.subnets[roleGateway], opts...)
		if err != nil {
			return out, err
		}
		sites, err := registerSites(ctx, names, plan, in, hv, gw, opts...)
		if err != nil {
			return out, err
		}
		out.vpn = vpnDetails(h.vpn, hv, gw, ips, sites)
	}
	if er := h.expressRoute; er != nil {
		gw, err := registerExpressRouteGateway(ctx, names, plan, in, net.subnets[roleGateway], opts...)
		if err != nil {
			return out, err
		}
		connectionID := pulumi.String("").ToStringOutput()
		if er.connection != nil {
			con, err := registerCircuitConnection(ctx, names, plan, in, hv, gw, opts...)
			if err != nil {
				return out, err
			}
			connectionID = con.ID().ToStringOutput()
		}
		out.expressRoute = pulumi.All(gw.ID(), connectionID).ApplyT(func(v []any) *ExpressRouteGatewayDetails {
			return &ExpressRouteGatewayDetails{ID: string(v[0].(pulumi.ID)), ConnectionID: v[1].(string)}
		}).(ExpressRouteGatewayDetailsOutput)
	}
	if h.resolver != nil {
		resolver, endpoint, err := registerResolver(ctx, names, in, addresses, net.network,
			net.subnets[roleDNSResolverInbound], opts...)
		if err != nil {
			return out, err
		}
		out.resolver = pulumi.All(resolver.ID(), endpoint.ID(), resolverAddress(addresses)).ApplyT(
			func(v []any) *DNSResolverDetails {
				return &DNSResolverDetails{
					ID: string(v[0].(pulumi.ID)), InboundEndpointID: string(v[1].(pulumi.ID)), InboundIPAddress: v[2].(string),
				}
			}).(DNSResolverDetailsOutput)
	}
	if h.bastion != nil {
		host, ip, err := registerBastion(ctx, names, plan, in, net.subnets[roleBastion], opts...)
		if err != nil {
			return out, err
		}
		out.bastion = pulumi.All(host.ID(), ip.IpAddress, host.DnsName).ApplyT(func(v []any) *BastionDetails {
			return &BastionDetails{ID: string(v[0].(pulumi.ID)), PublicIPAddress: deref(v[1]), DNSName: deref(v[2])}
		}).(BastionDetailsOutput)
	}
	return out, nil
}

// vpnDetails gathers the VPN gateway's outputs.
func vpnDetails(v *vpnPlan, hv hybridValues, gw *network.VirtualNetworkGateway, ips []*network.PublicIPAddress,
	sites map[string]*network.VirtualNetworkGatewayConnection,
) VpnGatewayDetailsOutput {
	siteNames := make([]string, 0, len(sites))
	for name := range sites {
		siteNames = append(siteNames, name)
	}
	slices.Sort(siteNames)
	inputs := []any{gw.ID(), gw.BgpSettings.BgpPeeringAddress(), hv.ranges}
	for _, ip := range ips {
		inputs = append(inputs, ip.IpAddress)
	}
	for _, name := range siteNames {
		inputs = append(inputs, sites[name].ID())
	}
	var entra []any
	if hv.entra != nil {
		entra = []any{hv.entra.tenant, hv.entra.issuer, hv.entra.audience}
	}
	inputs = append(inputs, entra...)
	return pulumi.All(inputs...).ApplyT(func(values []any) *VpnGatewayDetails {
		d := &VpnGatewayDetails{ID: string(values[0].(pulumi.ID)), SiteConnectionIDs: map[string]string{}}
		rest := values[3:]
		for range ips {
			d.PublicIPAddresses = append(d.PublicIPAddresses, deref(rest[0]))
			rest = rest[1:]
		}
		for _, name := range siteNames {
			d.SiteConnectionIDs[name] = string(rest[0].(pulumi.ID))
			rest = rest[1:]
		}
		if v.bgpAsn != 0 {
			d.Bgp = &GatewayBgpDetails{Asn: int(v.bgpAsn), PeeringAddresses: splitList(deref(values[1]))}
		}
		if p := v.pointToSite; p != nil {
			ranges, _ := values[2].(map[string][]string)
			d.PointToSite = &PointToSiteDetails{
				AddressPool: ranges["pointToSite"], TunnelTypes: p.tunnels, AuthenticationTypes: p.auth,
			}
			if len(rest) == 3 {
				d.PointToSite.Tenant, d.PointToSite.Issuer, d.PointToSite.Audience =
					rest[0].(string), rest[1].(string), rest[2].(string)
			}
		}
		return d
	}).(VpnGatewayDetailsOutput)
}

// conditionalForwarders lists the zones DNS servers outside the network must forward to it.
func conditionalForwarders(plan networkPlan) pulumi.StringArrayOutput {
	zones := make([]string, 0, len(plan.zones))
	for _, z := range plan.zones {
		zones = append(zones, z.name)
	}
	return pulumi.ToStringArray(privatelink.ConditionalForwarders(plan.cloud, zones)).ToStringArrayOutput()
}

// deref reads an optional string output value.
func deref(v any) string {
	switch s := v.(type) {
	case *string:
		if s != nil {
			return *s
		}
	case string:
		return s
	}
	return ""
}

// splitList splits Azure's comma-separated address lists ("10.0.3.4,10.0.3.5").
func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
