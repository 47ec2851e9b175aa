package securemlnetwork

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/secureml/pulumi-secureml/components/privatelink"
)

// The ways in, as far as shape inputs decide them: which gateways, connections, resolver and Bastion
// exist, with every shape input checked. Value inputs (pools, addresses, keys, tenants, certificates,
// circuit IDs) ride along; hybrid_values.go checks them.

// hybridPlan is the ways in of the network. A nil member is not created.
type hybridPlan struct {
	vpn          *vpnPlan
	expressRoute *expressRoutePlan
	resolver     *resolverPlan
	bastion      *BastionSku
}

type vpnPlan struct {
	sku          VpnGatewaySku
	activeActive bool
	bgpAsn       int64 // 0 without BGP
	pointToSite  *pointToSitePlan
	sites        []SiteToSiteSettings
}

type pointToSitePlan struct {
	settings PointToSiteSettings
	tunnels  []string
	auth     []string // vpnAuthenticationTypes: AAD, Certificate
}

type expressRoutePlan struct {
	sku                ExpressRouteGatewaySku
	minUnits, maxUnits int
	connection         *ExpressRouteConnectionSettings
}

type resolverPlan struct{ setDNSServers bool }

// gateways reports whether GatewaySubnet is needed.
func (h hybridPlan) gateways() bool { return h.vpn != nil || h.expressRoute != nil }

// planHybrid checks the shape inputs of the ways in. linksZones says the network is linked to
// private DNS zones (Bastion is not supported with them in the national clouds).
func planHybrid(args Args, cloud privatelink.Cloud, linksZones bool) (hybridPlan, error) {
	var h hybridPlan
	var err error
	if args.VpnGateway != nil {
		if h.vpn, err = planVpn(*args.VpnGateway); err != nil {
			return h, err
		}
	}
	if args.ExpressRoute != nil {
		if h.expressRoute, err = planExpressRoute(*args.ExpressRoute); err != nil {
			return h, err
		}
		if h.vpn != nil && h.vpn.bgpAsn == 0 {
			return h, fmt.Errorf("vpnGateway.bgp is not set, but a VPN gateway coexisting with expressRoute must use BGP " +
				"(how-to-configure-coexisting-gateway-portal.md); add vpnGateway.bgp (the default ASN 65515 is the one " +
				"ExpressRoute transit needs)")
		}
	}
	if d := args.DNSResolver; d != nil {
		h.resolver = &resolverPlan{setDNSServers: valueOr(d.SetVirtualNetworkDNSServers, true)}
	}
	if b := args.Bastion; b != nil {
		sku := valueOr(b.Sku, BastionSkuBasic)
		if !isAllowed(sku) {
			return h, fmt.Errorf("bastion.sku %q is not offered by the API version this package uses (2023-02-01); use "+
				"Basic or Standard", sku)
		}
		if cloud != privatelink.AzureCloud && linksZones {
			return h, fmt.Errorf("bastion is not supported in %s with private DNS zones linked to the network: \"Azure "+
				"Bastion isn't supported with Azure Private DNS Zones in national clouds\" (bastion-faq.md). Remove "+
				"bastion, or set dns.linkVirtualNetwork to false and resolve through a hub DNS server", cloud)
		}
		h.bastion = &sku
	}
	return h, nil
}

func planVpn(v VpnGatewaySettings) (*vpnPlan, error) {
	p := &vpnPlan{sku: valueOr(v.Sku, VpnGatewaySkuVpnGw1AZ), activeActive: valueOr(v.ActiveActive, false)}
	if reason, refused := refusedVpnSkus[string(p.sku)]; refused {
		return nil, fmt.Errorf("vpnGateway.sku %q is refused: %s", p.sku, reason)
	}
	if !isAllowed(p.sku) {
		return nil, fmt.Errorf("vpnGateway.sku %q is not a VPN gateway SKU; use one of %s", p.sku, enumList[VpnGatewaySku]())
	}
	if v.Bgp != nil {
		p.bgpAsn = int64(valueOr(v.Bgp.Asn, defaultGatewayAsn))
		if err := checkAsn("vpnGateway.bgp.asn", p.bgpAsn, false); err != nil {
			return nil, err
		}
	}
	if v.PointToSite != nil {
		pts, err := planPointToSite(*v.PointToSite)
		if err != nil {
			return nil, err
		}
		p.pointToSite = pts
	}
	if v.PointToSite == nil && len(v.SiteToSite) == 0 {
		return nil, fmt.Errorf("vpnGateway has neither pointToSite nor siteToSite; add the connections the gateway is for, " +
			"or remove vpnGateway")
	}
	seen := map[string]bool{}
	for i, s := range v.SiteToSite {
		if err := checkSite(i, s, p.bgpAsn != 0); err != nil {
			return nil, err
		}
		if seen[s.Name] {
			return nil, fmt.Errorf("vpnGateway.siteToSite has two sites named %q; give each site its own name", s.Name)
		}
		seen[s.Name] = true
	}
	p.sites = v.SiteToSite
	return p, nil
}

func planPointToSite(s PointToSiteSettings) (*pointToSitePlan, error) {
	const path = "vpnGateway.pointToSite"
	p := &pointToSitePlan{settings: s}
	if s.AddressPool == nil {
		return nil, fmt.Errorf("%s.addressPool is required: give the ranges handed to VPN clients, for example "+
			"[\"172.16.201.0/24\"]", path)
	}
	tunnels := s.TunnelTypes
	if tunnels == nil {
		tunnels = []TunnelType{TunnelTypeOpenVPN}
	}
	if len(tunnels) == 0 {
		return nil, fmt.Errorf("%s.tunnelTypes is empty; list at least one, for example [OpenVPN]", path)
	}
	has := map[TunnelType]bool{}
	for _, t := range tunnels {
		if !isAllowed(t) {
			return nil, fmt.Errorf("%s.tunnelTypes: %q is not a tunnel type; use %s", path, t, enumList[TunnelType]())
		}
		if has[t] {
			return nil, fmt.Errorf("%s.tunnelTypes lists %s twice; list each once", path, t)
		}
		has[t] = true
		p.tunnels = append(p.tunnels, string(t))
	}
	if has[TunnelTypeOpenVPN] && has[TunnelTypeSSTP] {
		return nil, fmt.Errorf("%s.tunnelTypes has both OpenVPN and SSTP, which Azure does not combine (both run over "+
			"TLS on port 443); keep OpenVPN, optionally with IkeV2", path)
	}
	if s.EntraID == nil && len(s.RootCertificates) == 0 {
		return nil, fmt.Errorf("%s has no authentication; set entraId (recommended) or rootCertificates", path)
	}
	if s.EntraID != nil {
		if s.EntraID.TenantID == nil {
			return nil, fmt.Errorf("%s.entraId.tenantId is required: give the Microsoft Entra tenant ID (a GUID), for "+
				"example from `az account show --query tenantId`", path)
		}
		if !has[TunnelTypeOpenVPN] {
			return nil, fmt.Errorf("%s.entraId needs OpenVPN in tunnelTypes: Microsoft Entra ID authentication works with "+
				"OpenVPN only (point-to-site-about.md); add OpenVPN", path)
		}
		p.auth = append(p.auth, "AAD")
	}
	if len(s.RootCertificates) == 0 && (has[TunnelTypeIkeV2] || has[TunnelTypeSSTP]) {
		return nil, fmt.Errorf("%s.tunnelTypes has IkeV2 or SSTP, which authenticate with certificates only, but "+
			"rootCertificates is empty; add rootCertificates or use OpenVPN alone", path)
	}
	if n := len(s.RootCertificates); n > 0 {
		if n > maxRootCertificates {
			return nil, fmt.Errorf("%s.rootCertificates has %d certificates; Azure allows at most %d", path, n,
				maxRootCertificates)
		}
		names := map[string]bool{}
		for i, c := range s.RootCertificates {
			if err := checkChildAzureName(fmt.Sprintf("%s.rootCertificates[%d].name", path, i), c.Name); err != nil {
				return nil, err
			}
			if names[c.Name] {
				return nil, fmt.Errorf("%s.rootCertificates has two certificates named %q; name each once", path, c.Name)
			}
			names[c.Name] = true
			if c.PublicCertData == nil {
				return nil, fmt.Errorf("%s.rootCertificates[%d].publicCertData is required: the Base-64 .cer text of the "+
					"root certificate", path, i)
			}
		}
		p.auth = append(p.auth, "Certificate")
	}
	return p, nil
}

// siteName is a site's short name: it becomes part of Azure names.
var siteName = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$`)

func checkSite(i int, s SiteToSiteSettings, gatewayBgp bool) error {
	path := fmt.Sprintf("vpnGateway.siteToSite[%d]", i)
	if !siteName.MatchString(s.Name) {
		return fmt.Errorf("%s.name %q must be 1-32 lowercase letters, digits or '-', starting and ending with a letter "+
			"or digit (it becomes part of Azure names), for example \"london-office\"", path, s.Name)
	}
	path = fmt.Sprintf("vpnGateway.siteToSite[%q]", s.Name)
	switch {
	case s.GatewayIPAddress == nil && s.Fqdn == nil:
		return fmt.Errorf("%s needs gatewayIpAddress or fqdn: the public address of the site's VPN device", path)
	case s.GatewayIPAddress != nil && s.Fqdn != nil:
		return fmt.Errorf("%s has both gatewayIpAddress and fqdn; give one (fqdn for a device whose address changes)", path)
	}
	if s.SharedKey == nil {
		return fmt.Errorf("%s.sharedKey is required: the IPsec pre-shared key, from secret config", path)
	}
	if s.Bgp != nil {
		if !gatewayBgp {
			return fmt.Errorf("%s.bgp is set but vpnGateway.bgp is not; BGP with a site needs BGP on the gateway, so "+
				"add vpnGateway.bgp", path)
		}
		if err := checkAsn(path+".bgp.asn", int64(s.Bgp.Asn), true); err != nil {
			return err
		}
		if s.Bgp.PeeringAddress == nil {
			return fmt.Errorf("%s.bgp.peeringAddress is required: the BGP peer address of the site's device", path)
		}
	} else if s.AddressSpaces == nil {
		return fmt.Errorf("%s needs addressSpaces (the site's ranges), or bgp to learn them", path)
	}
	if s.IpsecPolicy != nil {
		return checkIpsecPolicy(path+".ipsecPolicy", *s.IpsecPolicy)
	}
	return nil
}

// checkIpsecPolicy applies the rules of a custom IPsec/IKE policy (vpn-gateway-vpn-faq.md, §3.3).
func checkIpsecPolicy(path string, p IpsecPolicy) error {
	for _, f := range []struct {
		name, value string
		ok          bool
		allowed     string
	}{
		{"ikeEncryption", string(p.IkeEncryption), isAllowed(p.IkeEncryption), enumList[IkeEncryption]()},
		{"ikeIntegrity", string(p.IkeIntegrity), isAllowed(p.IkeIntegrity), enumList[IkeIntegrity]()},
		{"dhGroup", string(p.DhGroup), isAllowed(p.DhGroup), enumList[DhGroup]()},
		{"ipsecEncryption", string(p.IpsecEncryption), isAllowed(p.IpsecEncryption), enumList[IpsecEncryption]()},
		{"ipsecIntegrity", string(p.IpsecIntegrity), isAllowed(p.IpsecIntegrity), enumList[IpsecIntegrity]()},
		{"pfsGroup", string(p.PfsGroup), isAllowed(p.PfsGroup), enumList[PfsGroup]()},
	} {
		if !f.ok {
			return fmt.Errorf("%s.%s %q is not allowed by Azure; use one of %s", path, f.name, f.value, f.allowed)
		}
	}
	enc, integ := string(p.IpsecEncryption), string(p.IpsecIntegrity)
	if (strings.HasPrefix(enc, "GCMAES") || strings.HasPrefix(integ, "GCMAES")) && enc != integ {
		return fmt.Errorf("%s: ipsecEncryption %s with ipsecIntegrity %s; with a GCMAES algorithm both must be the same "+
			"GCMAES algorithm", path, enc, integ)
	}
	if p.SaLifeTimeSeconds < minSaLifeTimeSeconds {
		return fmt.Errorf("%s.saLifeTimeSeconds %d is below Azure's minimum of %d; Azure's default is 27000", path,
			p.SaLifeTimeSeconds, minSaLifeTimeSeconds)
	}
	if p.SaDataSizeKilobytes < minSaDataSizeKB {
		return fmt.Errorf("%s.saDataSizeKilobytes %d is below Azure's minimum of %d; Azure's default is 102400000", path,
			p.SaDataSizeKilobytes, minSaDataSizeKB)
	}
	return nil
}

func planExpressRoute(e ExpressRouteSettings) (*expressRoutePlan, error) {
	p := &expressRoutePlan{sku: valueOr(e.Sku, ExpressRouteGatewaySkuErGw1AZ), connection: e.Connection}
	if !isAllowed(p.sku) {
		return nil, fmt.Errorf("expressRoute.sku %q is not offered; use one of %s (the non-AZ Standard, HighPerformance "+
			"and UltraPerformance SKUs are being migrated away)", p.sku, enumList[ExpressRouteGatewaySku]())
	}
	scaled := e.MinScaleUnits != nil || e.MaxScaleUnits != nil
	if p.sku != ExpressRouteGatewaySkuErGwScale && scaled {
		return nil, fmt.Errorf("expressRoute.minScaleUnits and maxScaleUnits apply to the ErGwScale SKU only, not %s; "+
			"remove them or use ErGwScale", p.sku)
	}
	if p.sku == ExpressRouteGatewaySkuErGwScale {
		p.minUnits = valueOr(e.MinScaleUnits, 1)
		p.maxUnits = valueOr(e.MaxScaleUnits, p.minUnits)
		if p.minUnits < 1 || p.maxUnits > maxScaleUnits || p.minUnits > p.maxUnits {
			return nil, fmt.Errorf("expressRoute scale units %d to %d are not valid; use 1 <= minScaleUnits <= "+
				"maxScaleUnits <= %d", p.minUnits, p.maxUnits, maxScaleUnits)
		}
		if p.maxUnits > p.minUnits && p.minUnits < minAutoscaleUnits {
			return nil, fmt.Errorf("expressRoute.minScaleUnits %d with maxScaleUnits %d: autoscaling needs at least %d "+
				"minimum scale units; raise minScaleUnits, or set both to the same value", p.minUnits, p.maxUnits,
				minAutoscaleUnits)
		}
	}
	if c := e.Connection; c != nil {
		if c.CircuitID == nil {
			return nil, fmt.Errorf("expressRoute.connection.circuitId is required: give the resource ID of the " +
				"ExpressRoute circuit, or remove connection")
		}
		if w := valueOr(c.RoutingWeight, 0); w < 0 || w > maxRoutingWeight {
			return nil, fmt.Errorf("expressRoute.connection.routingWeight %d is outside 0-%d", w, maxRoutingWeight)
		}
	}
	return p, nil
}

var networkChildName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$`)

// checkChildAzureName applies the common Microsoft.Network name rule to a name inside a resource
// (a root certificate's): 1-80 letters, digits, '_', '.', '-', starting with a letter or digit and
// ending with a letter, digit or '_'.
func checkChildAzureName(path, name string) error {
	if !networkChildName.MatchString(name) {
		return fmt.Errorf("%s %q must be 1-80 letters, digits, '_', '.' or '-', starting with a letter or digit and "+
			"ending with a letter, digit or '_'", path, name)
	}
	return nil
}

// enumList lists an enum's values for messages.
func enumList[T interface {
	~string
	Values() []infer.EnumValue[T]
}]() string {
	var zero T
	var out []string
	for _, v := range zero.Values() {
		out = append(out, string(v.Value))
	}
	return strings.Join(out, ", ")
}
