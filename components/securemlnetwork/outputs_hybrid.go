package securemlnetwork

import (
	"reflect"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Outputs of the ways in: what a client profile, an on-premises device or DNS server, and another
// program need. Each is absent when its feature is not configured.

// VpnGatewayDetails describes the VPN gateway.
type VpnGatewayDetails struct {
	ID                string              `pulumi:"id"`
	PublicIPAddresses []string            `pulumi:"publicIpAddresses"`
	Bgp               *GatewayBgpDetails  `pulumi:"bgp,optional"`
	PointToSite       *PointToSiteDetails `pulumi:"pointToSite,optional"`
	SiteConnectionIDs map[string]string   `pulumi:"siteConnectionIds"`
}

// Annotate documents the VPN gateway details.
func (d *VpnGatewayDetails) Annotate(an infer.Annotator) {
	an.Describe(&d, "The VPN gateway SecureMLNetwork created.")
	an.Describe(&d.ID, "Azure resource ID of the virtual network gateway.")
	an.Describe(&d.PublicIPAddresses, "Public IP addresses of the gateway, in IP configuration order (instance 1, "+
		"instance 2, point-to-site): the addresses on-premises VPN devices connect to.")
	an.Describe(&d.Bgp, "The gateway's BGP settings, for the sites' BGP peers; absent without BGP.")
	an.Describe(&d.PointToSite, "The point-to-site settings a client profile needs; absent without point-to-site.")
	an.Describe(&d.SiteConnectionIDs, "Connection IDs by site name.")
}

// GatewayBgpDetails are a gateway's BGP settings.
type GatewayBgpDetails struct {
	Asn              int      `pulumi:"asn"`
	PeeringAddresses []string `pulumi:"peeringAddresses"`
}

// Annotate documents the BGP details.
func (d *GatewayBgpDetails) Annotate(an infer.Annotator) {
	an.Describe(&d, "BGP settings of the gateway.")
	an.Describe(&d.Asn, "The gateway's autonomous system number.")
	an.Describe(&d.PeeringAddresses, "The gateway's BGP peer addresses (one per instance), as Azure reports them.")
}

// PointToSiteDetails are the point-to-site settings of the gateway.
type PointToSiteDetails struct {
	AddressPool         []string `pulumi:"addressPool"`
	TunnelTypes         []string `pulumi:"tunnelTypes"`
	AuthenticationTypes []string `pulumi:"authenticationTypes"`
	Tenant              string   `pulumi:"tenant,optional"`
	Issuer              string   `pulumi:"issuer,optional"`
	Audience            string   `pulumi:"audience,optional"`
}

// Annotate documents the point-to-site details.
func (d *PointToSiteDetails) Annotate(an infer.Annotator) {
	an.Describe(&d, "Point-to-site settings, as in the Azure VPN Client profile.")
	an.Describe(&d.AddressPool, "Ranges VPN clients take their addresses from.")
	an.Describe(&d.TunnelTypes, "Tunnel types the gateway accepts.")
	an.Describe(&d.AuthenticationTypes, "Authentication types: AAD (Microsoft Entra ID) and/or Certificate.")
	an.Describe(&d.Tenant, "Microsoft Entra tenant URL, for Entra ID authentication.")
	an.Describe(&d.Issuer, "Token issuer URL, for Entra ID authentication.")
	an.Describe(&d.Audience, "Application ID users sign in to, for Entra ID authentication.")
}

// ExpressRouteGatewayDetails describes the ExpressRoute gateway.
type ExpressRouteGatewayDetails struct {
	ID           string `pulumi:"id"`
	ConnectionID string `pulumi:"connectionId,optional"`
}

// Annotate documents the ExpressRoute gateway details.
func (d *ExpressRouteGatewayDetails) Annotate(an infer.Annotator) {
	an.Describe(&d, "The ExpressRoute gateway SecureMLNetwork created.")
	an.Describe(&d.ID, "Azure resource ID of the virtual network gateway.")
	an.Describe(&d.ConnectionID, "ID of the connection to the circuit, when expressRoute.connection is set.")
}

// DNSResolverDetails describes the DNS Private Resolver.
type DNSResolverDetails struct {
	ID                string `pulumi:"id"`
	InboundEndpointID string `pulumi:"inboundEndpointId"`
	InboundIPAddress  string `pulumi:"inboundIpAddress"`
}

// Annotate documents the resolver details.
func (d *DNSResolverDetails) Annotate(an infer.Annotator) {
	an.Describe(&d, "The DNS Private Resolver SecureMLNetwork created.")
	an.Describe(&d.ID, "Azure resource ID of the DNS resolver.")
	an.Describe(&d.InboundEndpointID, "Azure resource ID of its inbound endpoint.")
	an.Describe(&d.InboundIPAddress, "The inbound endpoint's address: the target of on-premises conditional "+
		"forwarders (see conditionalForwarders) and the network's DNS server.")
}

// BastionDetails describes Azure Bastion.
type BastionDetails struct {
	ID              string `pulumi:"id"`
	PublicIPAddress string `pulumi:"publicIpAddress"`
	DNSName         string `pulumi:"dnsName,optional"`
}

// Annotate documents the Bastion details.
func (d *BastionDetails) Annotate(an infer.Annotator) {
	an.Describe(&d, "The Azure Bastion host SecureMLNetwork created.")
	an.Describe(&d.ID, "Azure resource ID of the Bastion host.")
	an.Describe(&d.PublicIPAddress, "Its public IP address.")
	an.Describe(&d.DNSName, "Its DNS name, as Azure reports it.")
}

// Output types of the details: each holds a pointer, nil when the feature is not configured.

// VpnGatewayDetailsOutput is an output of *VpnGatewayDetails.
type VpnGatewayDetailsOutput struct{ *pulumi.OutputState }

// ElementType tells the Pulumi SDK what the output holds.
func (VpnGatewayDetailsOutput) ElementType() reflect.Type {
	return reflect.TypeFor[*VpnGatewayDetails]()
}

// ExpressRouteGatewayDetailsOutput is an output of *ExpressRouteGatewayDetails.
type ExpressRouteGatewayDetailsOutput struct{ *pulumi.OutputState }

// ElementType tells the Pulumi SDK what the output holds.
func (ExpressRouteGatewayDetailsOutput) ElementType() reflect.Type {
	return reflect.TypeFor[*ExpressRouteGatewayDetails]()
}

// DNSResolverDetailsOutput is an output of *DNSResolverDetails.
type DNSResolverDetailsOutput struct{ *pulumi.OutputState }

// ElementType tells the Pulumi SDK what the output holds.
func (DNSResolverDetailsOutput) ElementType() reflect.Type {
	return reflect.TypeFor[*DNSResolverDetails]()
}

// BastionDetailsOutput is an output of *BastionDetails.
type BastionDetailsOutput struct{ *pulumi.OutputState }

// ElementType tells the Pulumi SDK what the output holds.
func (BastionDetailsOutput) ElementType() reflect.Type { return reflect.TypeFor[*BastionDetails]() }

func init() {
	pulumi.RegisterOutputType(VpnGatewayDetailsOutput{})
	pulumi.RegisterOutputType(ExpressRouteGatewayDetailsOutput{})
	pulumi.RegisterOutputType(DNSResolverDetailsOutput{})
	pulumi.RegisterOutputType(BastionDetailsOutput{})
}

var (
	_ infer.Annotated = (*VpnGatewayDetails)(nil)
	_ infer.Annotated = (*GatewayBgpDetails)(nil)
	_ infer.Annotated = (*PointToSiteDetails)(nil)
	_ infer.Annotated = (*ExpressRouteGatewayDetails)(nil)
	_ infer.Annotated = (*DNSResolverDetails)(nil)
	_ infer.Annotated = (*BastionDetails)(nil)
)
