package securemlnetwork

import (
	"crypto/x509"
	"encoding/base64"
	"fmt"
	"net/netip"
	"regexp"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/components/addressing"
	"github.com/secureml/pulumi-secureml/components/armid"
	"github.com/secureml/pulumi-secureml/components/privatelink"
)

// Value inputs of the ways in: checked at preview when known, otherwise inside the outputs the
// children take (values.go explains the pattern). Messages about secrets never repeat the value.

// hybridValues are the checked value inputs of the ways in.
type hybridValues struct {
	// ranges holds the point-to-site pool ("pointToSite") and each site's ranges ("site:<name>"),
	// checked together: they must not overlap the network or one another.
	ranges  pulumi.StringArrayMapOutput
	sites   map[string]siteValues
	entra   *entraValues
	certs   []pulumi.StringOutput // normalized public certificate data, by position
	circuit pulumi.StringOutput
	authKey pulumi.StringOutput // secret; empty output when not given
	hasAuth bool
}

type siteValues struct {
	address   pulumi.StringOutput // gatewayIpAddress or fqdn, whichever is given
	peer      pulumi.StringOutput // BGP peering address, when bgp is set
	sharedKey pulumi.StringOutput // secret
}

type entraValues struct{ tenant, issuer, audience pulumi.StringOutput }

func resolveHybridValues(ctx *pulumi.Context, args Args, plan networkPlan) (hybridValues, error) {
	var hv hybridValues
	var err error
	if hv.ranges, err = resolveRanges(ctx, args, plan.hybrid); err != nil {
		return hv, err
	}
	if v := plan.hybrid.vpn; v != nil {
		if hv.sites, err = resolveSites(ctx, v.sites); err != nil {
			return hv, err
		}
		if p := v.pointToSite; p != nil {
			if e := p.settings.EntraID; e != nil {
				if hv.entra, err = resolveEntra(ctx, plan.cloud, *e); err != nil {
					return hv, err
				}
			}
			for i, c := range p.settings.RootCertificates {
				path := fmt.Sprintf("vpnGateway.pointToSite.rootCertificates[%d].publicCertData", i)
				cert, err := checkString(ctx, c.PublicCertData, func(s string) (string, error) {
					return normalizeCertificate(path, s)
				})
				if err != nil {
					return hv, err
				}
				hv.certs = append(hv.certs, cert.out)
			}
		}
	}
	if er := plan.hybrid.expressRoute; er != nil && er.connection != nil {
		circuit, err := checkString(ctx, er.connection.CircuitID, func(id string) (string, error) {
			_, err := armid.ParseOfType("expressRoute.connection.circuitId", id, expressRouteCircuitType)
			return id, err
		})
		if err != nil {
			return hv, err
		}
		hv.circuit = circuit.out
		if key := er.connection.AuthorizationKey; key != nil {
			checked, err := checkString(ctx, key, func(k string) (string, error) {
				return k, checkGUID("expressRoute.connection.authorizationKey", k, false)
			})
			if err != nil {
				return hv, err
			}
			hv.authKey, hv.hasAuth = pulumi.ToSecret(checked.out).(pulumi.StringOutput), true
		}
	}
	return hv, nil
}

const expressRouteCircuitType = "Microsoft.Network/expressRouteCircuits"

// resolveRanges checks the point-to-site pool and the sites' ranges against the address space and
// one another.
func resolveRanges(ctx *pulumi.Context, args Args, h hybridPlan) (pulumi.StringArrayMapOutput, error) {
	space := args.AddressSpace
	if space == nil {
		space = pulumi.String(DefaultAddressSpace)
	}
	keys := []string{"addressSpace"}
	inputs := []pulumi.Input{space}
	activeActive := false
	if v := h.vpn; v != nil {
		activeActive = v.activeActive
		if v.pointToSite != nil {
			keys, inputs = append(keys, "pointToSite"), append(inputs, v.pointToSite.settings.AddressPool)
		}
		for _, s := range v.sites {
			if s.AddressSpaces != nil {
				keys, inputs = append(keys, "site:"+s.Name), append(inputs, s.AddressSpaces)
			}
		}
	}
	check := func(values []any) (map[string][]string, error) {
		lists := map[string][]string{}
		for i, key := range keys[1:] {
			lists[key], _ = values[i+1].([]string)
		}
		space, _ := values[0].(string)
		return lists, checkRanges(space, keys[1:], lists, activeActive)
	}
	known := make([]any, len(inputs))
	allKnown := true
	for i, in := range inputs {
		var ok bool
		var err error
		if i == 0 {
			known[i], ok, err = awaitKnownAny[string](ctx, in)
		} else {
			known[i], ok, err = awaitKnownAny[[]string](ctx, in)
		}
		if err != nil {
			return pulumi.StringArrayMapOutput{}, err
		}
		allKnown = allKnown && ok
	}
	if allKnown {
		if _, err := check(known); err != nil {
			return pulumi.StringArrayMapOutput{}, err
		}
	}
	all := make([]any, len(inputs))
	for i, in := range inputs {
		all[i] = in
	}
	return pulumi.All(all...).ApplyT(check).(pulumi.StringArrayMapOutput), nil
}

func awaitKnownAny[T any](ctx *pulumi.Context, in pulumi.Input) (any, bool, error) {
	v, ok, err := awaitKnown[T](ctx, in)
	return v, ok, err
}

// dockerBridge is the range Docker uses on Azure ML compute; VPN clients in it would be unreachable
// from compute.
var dockerBridge = netip.MustParsePrefix("172.17.0.0/16")

// checkRanges refuses a point-to-site pool or site range that is not a CIDR, is too small, or overlaps
// the network, Docker's bridge or another range (vpn-gateway-vpn-faq.md; point-to-site-certificate-
// gateway.md: /29 active-standby, /28 active-active).
func checkRanges(addressSpace string, keys []string, lists map[string][]string, activeActive bool) error {
	type placed struct {
		what   string
		prefix netip.Prefix
	}
	var all []placed
	if space, err := netip.ParsePrefix(addressSpace); err == nil {
		all = append(all, placed{"addressSpace " + space.String(), space})
	}
	all = append(all, placed{"Docker's bridge " + dockerBridge.String(), dockerBridge})
	for _, key := range keys {
		path := "vpnGateway.pointToSite.addressPool"
		if name, ok := strings.CutPrefix(key, "site:"); ok {
			path = fmt.Sprintf("vpnGateway.siteToSite[%q].addressSpaces", name)
		}
		if key == "pointToSite" && len(lists[key]) == 0 {
			return fmt.Errorf("%s is empty; give at least one range, for example 172.16.201.0/24", path)
		}
		for _, text := range lists[key] {
			p, err := netip.ParsePrefix(text)
			if err != nil || !p.Addr().Is4() || p.Masked() != p {
				return fmt.Errorf("%s: %q is not an IPv4 CIDR without host bits; write it like 172.16.201.0/24", path, text)
			}
			if key == "pointToSite" {
				limit := minPoolBits
				if activeActive {
					limit = minPoolBitsActive
				}
				if p.Bits() > limit {
					return fmt.Errorf("%s: %s is smaller than /%d, the smallest pool Azure allows%s; use /%d or larger",
						path, p, limit, map[bool]string{true: " on an active-active gateway", false: ""}[activeActive], limit)
				}
			}
			for _, other := range all {
				if p.Overlaps(other.prefix) {
					return fmt.Errorf("%s: %s overlaps %s; give each network its own range", path, p, other.what)
				}
			}
			all = append(all, placed{path + " " + p.String(), p})
		}
	}
	return nil
}

func resolveSites(ctx *pulumi.Context, sites []SiteToSiteSettings) (map[string]siteValues, error) {
	out := map[string]siteValues{}
	for _, s := range sites {
		path := fmt.Sprintf("vpnGateway.siteToSite[%q]", s.Name)
		var v siteValues
		var address checkedString
		var err error
		if s.GatewayIPAddress != nil {
			address, err = checkString(ctx, s.GatewayIPAddress, ipv4Checker(path+".gatewayIpAddress"))
		} else {
			address, err = checkString(ctx, s.Fqdn, fqdnChecker(path+".fqdn"))
		}
		if err != nil {
			return nil, err
		}
		v.address = address.out
		if s.Bgp != nil {
			peer, err := checkString(ctx, s.Bgp.PeeringAddress, ipv4Checker(path+".bgp.peeringAddress"))
			if err != nil {
				return nil, err
			}
			v.peer = peer.out
		}
		key, err := checkString(ctx, s.SharedKey, func(k string) (string, error) {
			return k, checkSharedKey(path+".sharedKey", k)
		})
		if err != nil {
			return nil, err
		}
		v.sharedKey = pulumi.ToSecret(key.out).(pulumi.StringOutput)
		out[s.Name] = v
	}
	return out, nil
}

func resolveEntra(ctx *pulumi.Context, cloud privatelink.Cloud, e EntraIDSettings) (*entraValues, error) {
	const path = "vpnGateway.pointToSite.entraId"
	tenant, err := checkString(ctx, e.TenantID, func(t string) (string, error) {
		return strings.ToLower(t), checkGUID(path+".tenantId", t, true)
	})
	if err != nil {
		return nil, err
	}
	audience := e.Audience
	if audience == nil {
		audience = pulumi.String(azureVpnClientAudience)
	}
	aud, err := checkString(ctx, audience, func(a string) (string, error) {
		return strings.ToLower(a), checkGUID(path+".audience", a, true)
	})
	if err != nil {
		return nil, err
	}
	urls := entraEndpoints[cloud]
	format := func(pattern string) pulumi.StringOutput {
		return tenant.out.ApplyT(func(t string) string { return fmt.Sprintf(pattern, t) }).(pulumi.StringOutput)
	}
	return &entraValues{tenant: format(urls.tenant), issuer: format(urls.issuer), audience: aud.out}, nil
}

var guid = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`)

// checkGUID refuses a value that is not a GUID; show says whether the value may appear in the message.
func checkGUID(path, value string, show bool) error {
	if guid.MatchString(value) {
		return nil
	}
	if show {
		return fmt.Errorf("%s %q is not a GUID; give it like 00000000-0000-0000-0000-000000000000", path, value)
	}
	return fmt.Errorf("%s is not a GUID (value not shown: it is a secret); give it like "+
		"00000000-0000-0000-0000-000000000000", path)
}

// checkSharedKey applies Azure's rule for pre-shared keys: 1 to 128 printable ASCII characters, except
// space, hyphen and tilde (vpn-gateway-vpn-faq.md; ConnectionResetSharedKey "between 1 and 128").
func checkSharedKey(path, key string) error {
	if n := len(key); n == 0 || n > maxSharedKeyLength {
		return fmt.Errorf("%s has %d characters; Azure allows 1 to %d", path, n, maxSharedKeyLength)
	}
	for i := 0; i < len(key); i++ {
		if c := key[i]; c <= ' ' || c > '~' || c == '-' || c == '~' {
			return fmt.Errorf("%s has a character Azure refuses at position %d (value not shown: it is a secret); use "+
				"printable ASCII without space, '-' or '~'", path, i+1)
		}
	}
	return nil
}

func ipv4Checker(path string) func(string) (string, error) {
	return func(s string) (string, error) {
		a, err := netip.ParseAddr(s)
		if err != nil || !a.Is4() {
			return "", fmt.Errorf("%s %q is not an IPv4 address; write it like 203.0.113.10", path, s)
		}
		return s, nil
	}
}

var hostname = regexp.MustCompile(`^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\.?$`)

func fqdnChecker(path string) func(string) (string, error) {
	return func(s string) (string, error) {
		if len(s) > 253 || !hostname.MatchString(s) {
			return "", fmt.Errorf("%s %q is not a fully qualified domain name; write it like vpn.contoso.com", path, s)
		}
		return s, nil
	}
}

// normalizeCertificate turns a root certificate into the one line of Base-64 Azure wants
// (point-to-site-certificate-gateway.md: no BEGIN/END lines, no private key).
func normalizeCertificate(path, text string) (string, error) {
	if strings.Contains(text, "PRIVATE KEY") {
		return "", fmt.Errorf("%s holds a private key; give only the public root certificate (Base-64 .cer), and keep "+
			"the private key off the gateway", path)
	}
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "-----") {
			continue
		}
		b.WriteString(strings.Join(strings.Fields(line), ""))
	}
	data := b.String()
	der, err := base64.StdEncoding.DecodeString(data)
	if err != nil || data == "" {
		return "", fmt.Errorf("%s is not Base-64 certificate data; export the root certificate as \"Base-64 encoded "+
			"X.509 (.CER)\" and pass the file's text", path)
	}
	if _, err := x509.ParseCertificate(der); err != nil {
		return "", fmt.Errorf("%s decodes, but not to an X.509 certificate (%v); export the root certificate as "+
			"\"Base-64 encoded X.509 (.CER)\"", path, err)
	}
	return data, nil
}

// inboundEndpointAddress is the inbound endpoint's fixed address: the fifth of its subnet, the one
// Azure's dynamic allocation would take (private-resolver-endpoints-rulesets.md), fixed so it is known
// before anything is created.
func inboundEndpointAddress(prefix string) (string, error) {
	p, err := netip.ParsePrefix(prefix)
	if err != nil {
		return "", err
	}
	a := p.Masked().Addr()
	for range addressing.ReservedPerSubnet - 1 {
		a = a.Next()
	}
	return a.String(), nil
}
