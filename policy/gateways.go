package policy

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Gateway and public IP checks (reference: hybrid-and-egress §1-§2).

// gatewayType returns a gateway's type (Vpn, ExpressRoute, LocalGateway), inferred from its SKU when
// the type is not set; "" when unknown.
func gatewayType(r Resource) string {
	v := r.Props.Get("gatewayType")
	if t, ok := knownString(v); ok {
		return t
	}
	if v.IsComputed() {
		return ""
	}
	sku, _ := knownString(at(r.Props, "sku", "name"))
	if strings.HasPrefix(strings.ToLower(sku), "ergw") || isOneOf(sku, []string{"UltraPerformance"}) {
		return "ExpressRoute"
	}
	return "Vpn" // ARM's default
}

// checkVpnGatewayNotBasic: a VPN gateway is not of the Basic SKU (Azure Policy e345b6c3): no BGP, no
// active-active, no IKEv2 point-to-site, no Entra ID, and a Basic public IP Azure has retired.
func checkVpnGatewayNotBasic(r Resource, _ Settings) []string {
	if r.Kind() != kindGateway || !equalFold(gatewayType(r), "Vpn") {
		return nil
	}
	for _, key := range []string{"tier", "name"} {
		if sku, ok := knownString(at(r.Props, "sku", key)); ok && equalFold(sku, "Basic") {
			return []string{fmt.Sprintf("VPN gateway %s uses the Basic SKU (sku.%s); use VpnGw1AZ or larger: Basic "+
				"has no BGP, no active-active, no Microsoft Entra ID point-to-site and no IKEv2 for clients",
				r.describe(), key)}
		}
	}
	return nil
}

var (
	vpnAZSku = regexp.MustCompile(`(?i)^VpnGw[1-5]AZ$`)
	erAZSku  = regexp.MustCompile(`(?i)^(ErGw[1-3]AZ|ErGwScale)$`)
)

// checkGatewayAZSku: VPN and ExpressRoute gateways use the zone-redundant SKUs, the only ones Azure
// still creates (VpnGw1-5 non-AZ: no new gateways since January 1, 2025; Standard, HighPerformance and
// UltraPerformance retired).
func checkGatewayAZSku(r Resource, _ Settings) []string {
	if r.Kind() != kindGateway {
		return nil
	}
	sku, ok := knownString(at(r.Props, "sku", "name"))
	if !ok {
		return nil
	}
	switch typ := gatewayType(r); {
	case equalFold(typ, "Vpn") && !vpnAZSku.MatchString(sku):
		return []string{fmt.Sprintf("VPN gateway %s uses SKU %s; Azure creates only VpnGw1AZ to VpnGw5AZ today",
			r.describe(), sku)}
	case equalFold(typ, "ExpressRoute") && !erAZSku.MatchString(sku):
		return []string{fmt.Sprintf("ExpressRoute gateway %s uses SKU %s; use ErGw1AZ to ErGw3AZ or ErGwScale",
			r.describe(), sku)}
	}
	return nil
}

// pointToSite returns a gateway's point-to-site configuration and whether it has one (an address
// pool; Azure Policy 21a6bc25 tests the same).
func pointToSite(r Resource) (authTypes []string, authKnown bool, protocols []string, protocolsKnown, ok bool) {
	if r.Kind() != kindGateway {
		return nil, false, nil, false, false
	}
	config := at(r.Props, "vpnClientConfiguration")
	pool := at(r.Props, "vpnClientConfiguration", "vpnClientAddressPool", "addressPrefixes")
	if !config.IsMap() || !(pool.IsComputed() || len(list(pool)) > 0) {
		return nil, false, nil, false, false
	}
	authTypes, authKnown = stringList(config.AsMap().Get("vpnAuthenticationTypes"))
	protocols, protocolsKnown = stringList(config.AsMap().Get("vpnClientProtocols"))
	return authTypes, authKnown, protocols, protocolsKnown, true
}

// checkPointToSiteEntraOnly: point-to-site users authenticate with Microsoft Entra ID only (Azure
// Policy 21a6bc25): no certificates, no RADIUS.
func checkPointToSiteEntraOnly(r Resource, _ Settings) []string {
	authTypes, known, _, _, ok := pointToSite(r)
	if !ok || !known {
		return nil
	}
	config := mapOf(at(r.Props, "vpnClientConfiguration"))
	if len(authTypes) == 0 {
		// No type set: Azure infers it from what is configured.
		if len(list(config.Get("vpnClientRootCertificates"))) > 0 {
			authTypes = []string{"Certificate"}
		}
		if present(config.Get("radiusServerAddress")) || len(list(config.Get("radiusServers"))) > 0 {
			authTypes = append(authTypes, "Radius")
		}
	}
	var others []string
	for _, t := range authTypes {
		if !equalFold(t, "AAD") {
			others = append(others, t)
		}
	}
	if len(others) == 0 {
		return nil
	}
	return []string{fmt.Sprintf("VPN gateway %s lets point-to-site users authenticate with %s; use Microsoft Entra "+
		"ID only (vpnAuthenticationTypes [AAD]): accounts are then disabled centrally and need MFA and "+
		"Conditional Access", r.describe(), strings.Join(others, ", "))}
}

// checkPointToSiteEntraOpenVPN: Microsoft Entra ID authentication works with the OpenVPN tunnel only;
// Azure refuses it with IKEv2 or SSTP (and they are Azure's default tunnel types).
func checkPointToSiteEntraOpenVPN(r Resource, _ Settings) []string {
	authTypes, authKnown, protocols, protocolsKnown, ok := pointToSite(r)
	if !ok || !authKnown || !protocolsKnown || !slices.ContainsFunc(authTypes, func(t string) bool { return equalFold(t, "AAD") }) {
		return nil
	}
	var others []string
	for _, p := range protocols {
		if !equalFold(p, "OpenVPN") {
			others = append(others, p)
		}
	}
	switch {
	case len(protocols) == 0:
		return []string{fmt.Sprintf("VPN gateway %s uses Microsoft Entra ID for point-to-site without tunnel types; "+
			"Azure's default (IKEv2 and SSTP) does not carry Entra ID: set vpnClientProtocols to [OpenVPN]", r.describe())}
	case len(others) > 0:
		return []string{fmt.Sprintf("VPN gateway %s uses Microsoft Entra ID with tunnel types %s; Entra ID works with "+
			"OpenVPN only: set vpnClientProtocols to [OpenVPN]", r.describe(), strings.Join(others, ", "))}
	}
	return nil
}

// checkPublicIPStandard: public IPs are of the Standard SKU. Basic public IPs were retired on
// September 30, 2025; new VPN gateways, Bastion and NAT gateways need Standard.
func checkPublicIPStandard(r Resource, _ Settings) []string {
	if r.Kind() != kindPublicIP {
		return nil
	}
	sku := at(r.Props, "sku", "name")
	if sku.IsComputed() || at(r.Props, "sku").IsComputed() {
		return nil
	}
	name, ok := knownString(sku)
	switch {
	case !ok:
		return []string{fmt.Sprintf("public IP %s sets no SKU (Azure's default has been Basic); "+
			"set sku.name to Standard (Basic public IPs were retired on September 30, 2025)", r.describe())}
	case !equalFold(name, "Standard"):
		return []string{fmt.Sprintf("public IP %s uses SKU %s; use Standard (Basic public IPs were retired on "+
			"September 30, 2025)", r.describe(), name)}
	}
	return nil
}
