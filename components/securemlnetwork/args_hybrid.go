package securemlnetwork

import (
	_ "embed"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The ways in: a VPN gateway (point-to-site and site-to-site), an ExpressRoute gateway, a DNS Private
// Resolver for VPN and on-premises clients, and Bastion. Shape inputs (SKUs, switches, site names,
// policies) are plain; addresses, IDs, tenants and keys are inputs.

var (
	//go:embed docs/vpn-gateway.md
	vpnGatewayDoc string
	//go:embed docs/dns-resolver.md
	dnsResolverDoc string
)

// VpnGatewaySettings asks for a route-based VPN gateway in GatewaySubnet.
type VpnGatewaySettings struct {
	Sku          *VpnGatewaySku       `pulumi:"sku,optional"`
	ActiveActive *bool                `pulumi:"activeActive,optional"`
	Bgp          *GatewayBgpSettings  `pulumi:"bgp,optional"`
	PointToSite  *PointToSiteSettings `pulumi:"pointToSite,optional"`
	SiteToSite   []SiteToSiteSettings `pulumi:"siteToSite,optional"`
}

// Annotate documents the VPN gateway.
func (v *VpnGatewaySettings) Annotate(an infer.Annotator) {
	an.Describe(&v.Sku, "Gateway SKU. Only the zone-redundant AZ SKUs can be created today; Basic and the non-AZ "+
		"SKUs are refused at preview.")
	an.SetDefault(&v.Sku, string(VpnGatewaySkuVpnGw1AZ))
	an.Describe(&v.ActiveActive, "Two gateway instances, each with its own public IP (a third public IP is added "+
		"for point-to-site). Needs VpnGw1AZ or larger.")
	an.SetDefault(&v.ActiveActive, false)
	an.Describe(&v.Bgp, "BGP on the gateway. Needed by site-to-site peers that use BGP, and by ExpressRoute coexistence "+
		"with transit.")
	an.Describe(&v.PointToSite, "Point-to-site VPN for users' devices.")
	an.Describe(&v.SiteToSite, "Site-to-site connections, one per office or data centre: a local network gateway and "+
		"an IPsec connection each.")
}

// GatewayBgpSettings turns on BGP on the gateway.
type GatewayBgpSettings struct {
	Asn *int `pulumi:"asn,optional"`
}

// Annotate documents the gateway's BGP settings.
func (b *GatewayBgpSettings) Annotate(an infer.Annotator) {
	an.Describe(&b, "BGP on the VPN gateway.")
	an.Describe(&b.Asn, "The gateway's autonomous system number. Azure's reserved ASNs (8074, 8075, 12076, 65517-65520) "+
		"and the IANA-reserved ones are refused; 65515 is Azure's default and is needed for ExpressRoute transit.")
	an.SetDefault(&b.Asn, defaultGatewayAsn)
}

// PointToSiteSettings configures point-to-site VPN.
type PointToSiteSettings struct {
	AddressPool      pulumi.StringArrayInput `pulumi:"addressPool"`
	TunnelTypes      []TunnelType            `pulumi:"tunnelTypes,optional"`
	EntraID          *EntraIDSettings        `pulumi:"entraId,optional"`
	RootCertificates []RootCertificate       `pulumi:"rootCertificates,optional"`
}

// Annotate documents point-to-site VPN.
func (p *PointToSiteSettings) Annotate(an infer.Annotator) {
	an.Describe(&p, "Point-to-site VPN: users connect with the Azure VPN Client (Microsoft Entra ID) or with "+
		"certificates.")
	an.Describe(&p.AddressPool, "Address ranges handed to VPN clients. They must not overlap the network, the sites' "+
		"ranges or 172.17.0.0/16; /29 or larger (/28 with activeActive).")
	an.Describe(&p.TunnelTypes, "Tunnel types. Microsoft Entra ID authentication works with OpenVPN only. Defaults to "+
		"[OpenVPN].")
	an.Describe(&p.EntraID, "Authenticate users with Microsoft Entra ID (recommended; Azure Policy asks for it). "+
		"OpenVPN only.")
	an.Describe(&p.RootCertificates, "Authenticate clients with certificates issued by these root certificates.")
}

// EntraIDSettings authenticates point-to-site users with Microsoft Entra ID.
type EntraIDSettings struct {
	TenantID pulumi.StringInput `pulumi:"tenantId"`
	Audience pulumi.StringInput `pulumi:"audience,optional"`
}

// Annotate documents Entra ID authentication.
func (e *EntraIDSettings) Annotate(an infer.Annotator) {
	an.Describe(&e, "Microsoft Entra ID authentication for point-to-site users.")
	an.Describe(&e.TenantID, "The Microsoft Entra tenant ID (a GUID). The tenant and issuer URLs are built for the "+
		"chosen cloud.")
	an.Describe(&e.Audience, "The application ID users sign in to. Defaults to the Microsoft-registered Azure VPN "+
		"Client, c632b3df-fb67-4d84-bdcf-b95ad541b5c8, available in every cloud.")
}

// RootCertificate is a trusted root certificate for point-to-site clients.
type RootCertificate struct {
	Name           string             `pulumi:"name"`
	PublicCertData pulumi.StringInput `pulumi:"publicCertData"`
}

// Annotate documents a root certificate.
func (r *RootCertificate) Annotate(an infer.Annotator) {
	an.Describe(&r, "A root certificate whose client certificates may connect.")
	an.Describe(&r.Name, "Name of the certificate in the gateway.")
	an.Describe(&r.PublicCertData, "The public certificate, Base-64 encoded X.509 (.cer). PEM armour "+
		"(-----BEGIN CERTIFICATE-----) is removed; a private key is refused.")
}

// SiteToSiteSettings is one on-premises site connected over IPsec.
type SiteToSiteSettings struct {
	Name             string                  `pulumi:"name"`
	GatewayIPAddress pulumi.StringInput      `pulumi:"gatewayIpAddress,optional"`
	Fqdn             pulumi.StringInput      `pulumi:"fqdn,optional"`
	AddressSpaces    pulumi.StringArrayInput `pulumi:"addressSpaces,optional"`
	Bgp              *SiteBgpSettings        `pulumi:"bgp,optional"`
	SharedKey        pulumi.StringInput      `pulumi:"sharedKey" provider:"secret"`
	IpsecPolicy      *IpsecPolicy            `pulumi:"ipsecPolicy,optional"`
}

// Annotate documents a site.
func (s *SiteToSiteSettings) Annotate(an infer.Annotator) {
	an.Describe(&s, "An on-premises site: its VPN device, its address ranges and the IPsec connection to it.")
	an.Describe(&s.Name, "Short name of the site, used in the names of its local network gateway and connection.")
	an.Describe(&s.GatewayIPAddress, "Public IP address of the site's VPN device. Give this or fqdn.")
	an.Describe(&s.Fqdn, "FQDN of the site's VPN device, for a device whose address changes. Give this or "+
		"gatewayIpAddress.")
	an.Describe(&s.AddressSpaces, "The site's address ranges. They must not overlap the network, the point-to-site pool "+
		"or another site. May be empty with BGP.")
	an.Describe(&s.Bgp, "The site's BGP peer, when it uses BGP; needs vpnGateway.bgp.")
	an.Describe(&s.SharedKey, "The IPsec pre-shared key: 1 to 128 printable ASCII characters without space, hyphen or "+
		"tilde. Secret: pass it from secret config.")
	an.Describe(&s.IpsecPolicy, "A custom IPsec/IKE policy; all fields are required. Without it Azure's default "+
		"policy applies.")
}

// SiteBgpSettings is a site's BGP peer.
type SiteBgpSettings struct {
	Asn            int                `pulumi:"asn"`
	PeeringAddress pulumi.StringInput `pulumi:"peeringAddress"`
}

// Annotate documents a site's BGP peer.
func (b *SiteBgpSettings) Annotate(an infer.Annotator) {
	an.Describe(&b, "The site's BGP peer.")
	an.Describe(&b.Asn, "The site's autonomous system number; Azure's and IANA's reserved ASNs are refused.")
	an.Describe(&b.PeeringAddress, "The site's BGP peer IP address.")
}

// IpsecPolicy is a custom IPsec/IKE policy.
type IpsecPolicy struct {
	IkeEncryption       IkeEncryption   `pulumi:"ikeEncryption"`
	IkeIntegrity        IkeIntegrity    `pulumi:"ikeIntegrity"`
	DhGroup             DhGroup         `pulumi:"dhGroup"`
	IpsecEncryption     IpsecEncryption `pulumi:"ipsecEncryption"`
	IpsecIntegrity      IpsecIntegrity  `pulumi:"ipsecIntegrity"`
	PfsGroup            PfsGroup        `pulumi:"pfsGroup"`
	SaLifeTimeSeconds   int             `pulumi:"saLifeTimeSeconds"`
	SaDataSizeKilobytes int             `pulumi:"saDataSizeKilobytes"`
}

// Annotate documents the IPsec/IKE policy.
func (p *IpsecPolicy) Annotate(an infer.Annotator) {
	an.Describe(&p, "A custom IPsec/IKE policy (vpn-gateway-vpn-faq.md). IKE is phase 1 (main mode), IPsec phase 2 "+
		"(quick mode).")
	an.Describe(&p.IkeEncryption, "IKE (phase 1) encryption.")
	an.Describe(&p.IkeIntegrity, "IKE (phase 1) integrity.")
	an.Describe(&p.DhGroup, "IKE (phase 1) Diffie-Hellman group.")
	an.Describe(&p.IpsecEncryption, "IPsec (phase 2) encryption. With a GCMAES algorithm, ipsecIntegrity must be the same.")
	an.Describe(&p.IpsecIntegrity, "IPsec (phase 2) integrity.")
	an.Describe(&p.PfsGroup, "IPsec (phase 2) perfect forward secrecy group.")
	an.Describe(&p.SaLifeTimeSeconds, "IPsec SA lifetime in seconds, at least 300 (Azure's default is 27000).")
	an.Describe(&p.SaDataSizeKilobytes, "IPsec SA payload size in kilobytes, at least 1024 (Azure's default is 102400000).")
}

// ExpressRouteSettings asks for an ExpressRoute gateway in GatewaySubnet.
type ExpressRouteSettings struct {
	Sku           *ExpressRouteGatewaySku         `pulumi:"sku,optional"`
	MinScaleUnits *int                            `pulumi:"minScaleUnits,optional"`
	MaxScaleUnits *int                            `pulumi:"maxScaleUnits,optional"`
	Connection    *ExpressRouteConnectionSettings `pulumi:"connection,optional"`
}

// Annotate documents the ExpressRoute gateway.
func (e *ExpressRouteSettings) Annotate(an infer.Annotator) {
	an.Describe(&e, "ExpressRoute gateway settings.")
	an.Describe(&e.Sku, "Gateway SKU. ErGwScale needs a GatewaySubnet of /26 or larger.")
	an.SetDefault(&e.Sku, string(ExpressRouteGatewaySkuErGw1AZ))
	an.Describe(&e.MinScaleUnits, "ErGwScale only: the fewest scale units, 1 to 40. Autoscaling (max above min) needs "+
		"at least 2.")
	an.Describe(&e.MaxScaleUnits, "ErGwScale only: the most scale units, 1 to 40, at least minScaleUnits. FastPath "+
		"needs 10 or more.")
	an.Describe(&e.Connection, "The connection to an ExpressRoute circuit.")
}

// ExpressRouteConnectionSettings connects the gateway to a circuit.
type ExpressRouteConnectionSettings struct {
	CircuitID        pulumi.StringInput `pulumi:"circuitId"`
	AuthorizationKey pulumi.StringInput `pulumi:"authorizationKey,optional" provider:"secret"`
	RoutingWeight    *int               `pulumi:"routingWeight,optional"`
}

// Annotate documents the circuit connection.
func (c *ExpressRouteConnectionSettings) Annotate(an infer.Annotator) {
	an.Describe(&c, "A connection from the ExpressRoute gateway to a circuit.")
	an.Describe(&c.CircuitID, "Resource ID of the Microsoft.Network/expressRouteCircuits circuit.")
	an.Describe(&c.AuthorizationKey, "Authorization key of a circuit in another subscription. Secret: pass it from "+
		"secret config.")
	an.Describe(&c.RoutingWeight, "Routing weight of the connection, 0 to 32000.")
}

// DNSResolverSettings asks for a DNS Private Resolver with an inbound endpoint.
type DNSResolverSettings struct {
	SetVirtualNetworkDNSServers *bool `pulumi:"setVirtualNetworkDnsServers,optional"`
}

// Annotate documents the DNS resolver.
func (d *DNSResolverSettings) Annotate(an infer.Annotator) {
	an.Describe(&d, "A DNS Private Resolver with an inbound endpoint, so VPN and on-premises clients resolve the "+
		"private zones.")
	an.Describe(&d.SetVirtualNetworkDNSServers, "Make the resolver's inbound IP the network's DNS server (with Azure "+
		"DNS, 168.63.129.16, after it when a VPN gateway is present), so the VPN gateway hands it to point-to-site "+
		"clients and they resolve the private zones.")
	an.SetDefault(&d.SetVirtualNetworkDNSServers, true)
}

// BastionSettings asks for Azure Bastion.
type BastionSettings struct {
	Sku *BastionSku `pulumi:"sku,optional"`
}

// Annotate documents Bastion.
func (b *BastionSettings) Annotate(an infer.Annotator) {
	an.Describe(&b, "Azure Bastion settings.")
	an.Describe(&b.Sku, "Bastion SKU.")
	an.SetDefault(&b.Sku, string(BastionSkuBasic))
}

// defaultGatewayAsn is Azure's default ASN for VPN gateways (vpn-gateway-vpn-faq.md).
const defaultGatewayAsn = 65515

var (
	_ infer.Annotated = (*VpnGatewaySettings)(nil)
	_ infer.Annotated = (*GatewayBgpSettings)(nil)
	_ infer.Annotated = (*PointToSiteSettings)(nil)
	_ infer.Annotated = (*EntraIDSettings)(nil)
	_ infer.Annotated = (*RootCertificate)(nil)
	_ infer.Annotated = (*SiteToSiteSettings)(nil)
	_ infer.Annotated = (*SiteBgpSettings)(nil)
	_ infer.Annotated = (*IpsecPolicy)(nil)
	_ infer.Annotated = (*ExpressRouteSettings)(nil)
	_ infer.Annotated = (*ExpressRouteConnectionSettings)(nil)
	_ infer.Annotated = (*DNSResolverSettings)(nil)
	_ infer.Annotated = (*BastionSettings)(nil)
)
