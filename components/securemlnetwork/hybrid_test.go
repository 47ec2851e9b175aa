package securemlnetwork

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testTenantID = "11111111-2222-3333-4444-555555555555"
	testCircuit  = testSubscription + "/resourceGroups/rg-er/providers/Microsoft.Network/expressRouteCircuits/er-office"
	testAuthKey  = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
	testSiteKey  = "s3cret!Key"
)

// hybridServices is allServices with every way in: a VPN gateway with Entra point-to-site and one
// site, an ExpressRoute gateway connected to a circuit, a DNS resolver and Bastion.
func hybridServices() Args {
	a := allServices()
	a.VpnGateway = &VpnGatewaySettings{
		Bgp: &GatewayBgpSettings{},
		PointToSite: &PointToSiteSettings{
			AddressPool: pulumi.StringArray{pulumi.String("172.16.201.0/24")},
			EntraID:     &EntraIDSettings{TenantID: pulumi.String(testTenantID)},
		},
		SiteToSite: []SiteToSiteSettings{{
			Name:             "office",
			GatewayIPAddress: pulumi.String("203.0.113.10"),
			AddressSpaces:    pulumi.StringArray{pulumi.String("192.168.10.0/24")},
			SharedKey:        pulumi.ToSecret(pulumi.String(testSiteKey)).(pulumi.StringOutput),
		}},
	}
	a.ExpressRoute = &ExpressRouteSettings{Connection: &ExpressRouteConnectionSettings{
		CircuitID:        pulumi.String(testCircuit),
		AuthorizationKey: pulumi.ToSecret(pulumi.String(testAuthKey)).(pulumi.StringOutput),
	}}
	a.DNSResolver = &DNSResolverSettings{}
	a.Bastion = &BastionSettings{}
	return a
}

// testCertificate returns a self-signed certificate as PEM.
func testCertificate(t *testing.T) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	template := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "P2SRoot"},
		NotBefore: time.Now(), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true}
	der, err := x509.CreateCertificate(rand.Reader, template, template, &key.PublicKey, key)
	require.NoError(t, err)
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
}

func TestHybridCreatesEveryWayIn(t *testing.T) {
	t.Parallel()
	children, _ := mustConstruct(t, hybridServices())
	counts := countByType(children)
	assert.Equal(t, 1, counts["azure-native:network:VirtualNetworkGateway"], "the VPN gateway")
	assert.Equal(t, 1, counts["azure-native:network/v20230601:VirtualNetworkGateway"], "the ExpressRoute gateway")
	assert.Equal(t, 2, counts["azure-native:network:PublicIPAddress"], "the VPN gateway's and Bastion's")
	assert.Equal(t, 1, counts["azure-native:network:LocalNetworkGateway"])
	assert.Equal(t, 2, counts["azure-native:network:VirtualNetworkGatewayConnection"], "the site and the circuit")
	assert.Equal(t, 1, counts["azure-native:network:DnsResolver"])
	assert.Equal(t, 1, counts["azure-native:network:InboundEndpoint"])
	assert.Equal(t, 1, counts["azure-native:network:BastionHost"])
	assert.Equal(t, 6, counts["azure-native:network:Subnet"])
	assert.Equal(t, 5, counts["azure-native:network:NetworkSecurityGroup"], "every subnet but GatewaySubnet")
	assert.Equal(t, 1, counts["azure-native:network/v20240601:VirtualNetworkLink"], "the blob zone's link")
	assert.Equal(t, 5, counts["azure-native:network:VirtualNetworkLink"])
}

func TestHybridSubnets(t *testing.T) {
	t.Parallel()
	children, out := mustConstruct(t, hybridServices())
	assert.Equal(t, map[string]string{
		"gateway": "10.0.3.0/26", "bastion": "10.0.3.64/26", "dnsResolverInbound": "10.0.4.0/28",
		"privateEndpoints": "10.0.2.0/24", "training": "10.0.0.0/24", "scoring": "10.0.1.0/24",
	}, out.SubnetAddressPrefixes)

	gateway := byName(t, children, "ml-gateway-subnet").Inputs
	assert.Equal(t, "GatewaySubnet", gateway["subnetName"].StringValue())
	assert.NotContains(t, gateway, resource.PropertyKey("networkSecurityGroup"), "Azure blocks gateways with an NSG here")
	assert.NotContains(t, gateway, resource.PropertyKey("routeTable"))

	bastion := byName(t, children, "ml-bastion-subnet").Inputs
	assert.Equal(t, "AzureBastionSubnet", bastion["subnetName"].StringValue())
	assert.NotContains(t, bastion, resource.PropertyKey("routeTable"), "Bastion refuses a route table")
	rules := byName(t, children, "ml-bastion-nsg").Inputs["securityRules"].ArrayValue()
	assert.Len(t, rules, len(bastionRules))

	resolver := byName(t, children, "ml-dnsResolverInbound-subnet").Inputs
	assert.Equal(t, "snet-dns-resolver-inbound", resolver["subnetName"].StringValue())
	delegation := resolver["delegations"].ArrayValue()[0].ObjectValue()
	assert.Equal(t, "Microsoft.Network/dnsResolvers", delegation["serviceName"].StringValue())
}

func TestHybridSubnetChainStartsWithTheGatewaySubnet(t *testing.T) {
	t.Parallel()
	rec := &dependencyRecorder{}
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := NewSecureMLNetwork(ctx, "ml", hybridServices())
		return err
	}, pulumi.WithMocksWithOrganization(t.Name(), "project", "stack", rec))
	require.NoError(t, err)
	chain := []string{"ml-gateway-subnet", "ml-bastion-subnet", "ml-privateEndpoints-subnet",
		"ml-dnsResolverInbound-subnet", "ml-training-subnet", "ml-scoring-subnet"}
	for _, dep := range rec.dependencies[chain[0]] {
		assert.NotContains(t, dep, "subnet", "GatewaySubnet is written first")
	}
	for i := 1; i < len(chain); i++ {
		assert.Contains(t, rec.dependencies[chain[i]], chain[i-1], chain[i])
	}
	// A gateway waits for its subnet and public IPs only; a connection for its gateway and local gateway.
	assert.ElementsMatch(t, []string{"ml-gateway-subnet", "ml-vpn-gateway-ip-1"}, rec.dependencies["ml-vpn-gateway"])
	assert.ElementsMatch(t, []string{"ml-gateway-subnet"}, rec.dependencies["ml-expressroute-gateway"])
	assert.ElementsMatch(t, []string{"ml-vpn-gateway", "ml-site-office-local-gateway"},
		rec.dependencies["ml-site-office-connection"])
	assert.ElementsMatch(t, []string{"ml-expressroute-gateway"}, rec.dependencies["ml-expressroute-connection"])
}

func TestHybridGateways(t *testing.T) {
	t.Parallel()
	children, _ := mustConstruct(t, hybridServices())
	vpn := byName(t, children, "ml-vpn-gateway").Inputs
	assert.Equal(t, "vgw-ml-vpn", vpn["virtualNetworkGatewayName"].StringValue())
	assert.Equal(t, "VpnGw1AZ", vpn["sku"].ObjectValue()["name"].StringValue())
	assert.Equal(t, "Generation1", vpn["vpnGatewayGeneration"].StringValue())
	assert.Equal(t, "RouteBased", vpn["vpnType"].StringValue())
	assert.Equal(t, 65515.0, vpn["bgpSettings"].ObjectValue()["asn"].NumberValue())
	client := vpn["vpnClientConfiguration"].ObjectValue()
	assert.Equal(t, "https://login.microsoftonline.com/"+testTenantID, client["aadTenant"].StringValue())
	assert.Equal(t, "https://sts.windows.net/"+testTenantID+"/", client["aadIssuer"].StringValue())
	assert.Equal(t, azureVpnClientAudience, client["aadAudience"].StringValue())
	assert.Equal(t, []resource.PropertyValue{resource.NewStringProperty("OpenVPN")}, client["vpnClientProtocols"].ArrayValue())

	ip := byName(t, children, "ml-vpn-gateway-ip-1").Inputs
	assert.Equal(t, "Standard", ip["sku"].ObjectValue()["name"].StringValue())
	assert.Equal(t, "Static", ip["publicIPAllocationMethod"].StringValue())
	assert.Len(t, ip["zones"].ArrayValue(), 3, "eastus has zones")

	er := byName(t, children, "ml-expressroute-gateway").Inputs
	assert.Equal(t, "ExpressRoute", er["gatewayType"].StringValue())
	assert.NotContains(t, er["ipConfigurations"].ArrayValue()[0].ObjectValue(), resource.PropertyKey("publicIPAddress"),
		"Azure assigns ExpressRoute gateways' addresses")

	dns := byName(t, children, "ml-vnet").Inputs["dhcpOptions"].ObjectValue()["dnsServers"].ArrayValue()
	assert.Equal(t, []resource.PropertyValue{resource.NewStringProperty("10.0.4.4"),
		resource.NewStringProperty(azureDNS)}, dns)
	inbound := byName(t, children, "ml-dns-resolver-inbound").Inputs["ipConfigurations"].ArrayValue()[0].ObjectValue()
	assert.Equal(t, "10.0.4.4", inbound["privateIpAddress"].StringValue())

	link := byName(t, children, "ml-privatelink.blob.core.windows.net-link")
	assert.Equal(t, "azure-native:network/v20240601:VirtualNetworkLink", link.Type)
	assert.Equal(t, "NxDomainRedirect", link.Inputs["resolutionPolicy"].StringValue())
}

func TestActiveActivePointToSiteGetsThreePublicIPs(t *testing.T) {
	t.Parallel()
	a := hybridServices()
	a.Location = pulumi.String("westus") // no availability zones
	a.VpnGateway.ActiveActive = ptr(true)
	a.VpnGateway.Sku = ptr(VpnGatewaySkuVpnGw4AZ)
	children, _ := mustConstruct(t, a)
	vpn := byName(t, children, "ml-vpn-gateway").Inputs
	assert.Len(t, vpn["ipConfigurations"].ArrayValue(), 3)
	assert.Equal(t, "Generation2", vpn["vpnGatewayGeneration"].StringValue())
	for _, name := range []string{"ml-vpn-gateway-ip-1", "ml-vpn-gateway-ip-2", "ml-vpn-gateway-ip-p2s"} {
		zones := byName(t, children, name).Inputs["zones"]
		assert.True(t, zones.IsNull() || len(zones.ArrayValue()) == 0, "westus has no zones")
	}
}

func TestSecretsStaySecretAndAreMarkedOnTheChildren(t *testing.T) {
	t.Parallel()
	rec := &secretRecorder{}
	_, _, err := constructWith(t, &rec.recorder, hybridServices())
	require.NoError(t, err)
	children := rec.children
	site := byName(t, children, "ml-site-office-connection").Inputs["sharedKey"]
	assert.True(t, site.IsSecret(), "the shared key reaches the connection as a secret")
	circuit := byName(t, children, "ml-expressroute-connection").Inputs["authorizationKey"]
	assert.True(t, circuit.IsSecret(), "the authorization key reaches the connection as a secret")

	// A plain shared key (not from secret config) is made secret too.
	a := hybridServices()
	a.VpnGateway.SiteToSite[0].SharedKey = pulumi.String(testSiteKey)
	children, _ = mustConstruct(t, a)
	assert.True(t, byName(t, children, "ml-site-office-connection").Inputs["sharedKey"].IsSecret())
}

func TestSecretOutputsAreDeclared(t *testing.T) {
	t.Parallel()
	rec := &secretRecorder{}
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := NewSecureMLNetwork(ctx, "ml", hybridServices())
		return err
	}, pulumi.WithMocksWithOrganization(t.Name(), "project", "stack", rec))
	require.NoError(t, err)
	assert.Equal(t, []string{"sharedKey"}, rec.secretOutputs["ml-site-office-connection"])
	assert.Equal(t, []string{"authorizationKey"}, rec.secretOutputs["ml-expressroute-connection"])
}

// secretRecorder records each child's additional secret outputs.
type secretRecorder struct {
	recorder
	secretOutputs map[string][]string
}

func (r *secretRecorder) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	r.mu.Lock()
	if r.secretOutputs == nil {
		r.secretOutputs = map[string][]string{}
	}
	if args.RegisterRPC != nil && len(args.RegisterRPC.GetAdditionalSecretOutputs()) > 0 {
		r.secretOutputs[args.Name] = args.RegisterRPC.GetAdditionalSecretOutputs()
	}
	r.mu.Unlock()
	return r.recorder.NewResource(args)
}

func TestHybridOutputs(t *testing.T) {
	t.Parallel()
	var vpn *VpnGatewayDetails
	var resolver *DNSResolverDetails
	var er *ExpressRouteGatewayDetails
	var forwarders []string
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		comp, err := NewSecureMLNetwork(ctx, "ml", hybridServices())
		if err != nil {
			return err
		}
		pulumi.All(comp.VpnGateway, comp.DNSResolver, comp.ExpressRouteGateway, comp.ConditionalForwarders).ApplyT(
			func(v []any) error {
				vpn, resolver = v[0].(*VpnGatewayDetails), v[1].(*DNSResolverDetails)
				er, forwarders = v[2].(*ExpressRouteGatewayDetails), v[3].([]string)
				return nil
			})
		return nil
	}, pulumi.WithMocksWithOrganization(t.Name(), "project", "stack", &recorder{}))
	require.NoError(t, err)
	require.NotNil(t, vpn)
	assert.Equal(t, []string{"172.16.201.0/24"}, vpn.PointToSite.AddressPool)
	assert.Equal(t, []string{"AAD"}, vpn.PointToSite.AuthenticationTypes)
	assert.Equal(t, "https://sts.windows.net/"+testTenantID+"/", vpn.PointToSite.Issuer)
	assert.Equal(t, 65515, vpn.Bgp.Asn)
	assert.Contains(t, vpn.SiteConnectionIDs, "office")
	assert.Len(t, vpn.PublicIPAddresses, 1)
	assert.Equal(t, "10.0.4.4", resolver.InboundIPAddress)
	assert.NotEmpty(t, er.ConnectionID)
	assert.Contains(t, forwarders, "api.azureml.ms")
	assert.Contains(t, forwarders, "blob.core.windows.net")
}

func TestNoWayInLeavesTheOutputsEmpty(t *testing.T) {
	t.Parallel()
	var vpn *VpnGatewayDetails
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		comp, err := NewSecureMLNetwork(ctx, "ml", allServices())
		if err != nil {
			return err
		}
		comp.VpnGateway.ApplyT(func(v *VpnGatewayDetails) error { vpn = v; return nil })
		return nil
	}, pulumi.WithMocksWithOrganization(t.Name(), "project", "stack", &recorder{}))
	require.NoError(t, err)
	assert.Nil(t, vpn)
}

func TestCertificateAuthentication(t *testing.T) {
	t.Parallel()
	a := hybridServices()
	cert := testCertificate(t)
	a.VpnGateway.PointToSite.TunnelTypes = []TunnelType{TunnelTypeOpenVPN, TunnelTypeIkeV2}
	a.VpnGateway.PointToSite.RootCertificates = []RootCertificate{{Name: "P2SRoot", PublicCertData: pulumi.String(cert)}}
	children, _ := mustConstruct(t, a)
	client := byName(t, children, "ml-vpn-gateway").Inputs["vpnClientConfiguration"].ObjectValue()
	root := client["vpnClientRootCertificates"].ArrayValue()[0].ObjectValue()
	data := root["publicCertData"].StringValue()
	assert.NotContains(t, data, "BEGIN", "the PEM armour is removed")
	assert.NotContains(t, data, "\n")
	_, err := base64.StdEncoding.DecodeString(data)
	assert.NoError(t, err)
	assert.Equal(t, []resource.PropertyValue{resource.NewStringProperty("AAD"), resource.NewStringProperty("Certificate")},
		client["vpnAuthenticationTypes"].ArrayValue())
}

// TestHybridValidationErrors has one case per error of the ways in; as in TestValidationErrors the
// whole message is asserted and nothing may be registered.
func TestHybridValidationErrors(t *testing.T) {
	t.Parallel()
	site := func(a *Args) *SiteToSiteSettings { return &a.VpnGateway.SiteToSite[0] }
	p2s := func(a *Args) *PointToSiteSettings { return a.VpnGateway.PointToSite }
	policy := func() *IpsecPolicy {
		return &IpsecPolicy{IkeEncryption: "AES256", IkeIntegrity: "SHA256", DhGroup: "DHGroup14",
			IpsecEncryption: "GCMAES256", IpsecIntegrity: "GCMAES256", PfsGroup: "PFS2048",
			SaLifeTimeSeconds: 27000, SaDataSizeKilobytes: 102400000}
	}
	tests := []struct {
		name   string
		modify func(*Args)
		err    string
	}{
		{"Basic VPN SKU", func(a *Args) { a.VpnGateway.Sku = ptr(VpnGatewaySku("Basic")) },
			`vpnGateway.sku "Basic" is refused: Basic has no BGP, active-active, IKEv2 or Microsoft Entra point-to-site, ` +
				`is created only by PowerShell or the CLI and needs a Basic public IP, which Azure retired on 30 September ` +
				`2025; use VpnGw1AZ`},
		{"non-AZ VPN SKU", func(a *Args) { a.VpnGateway.Sku = ptr(VpnGatewaySku("VpnGw2")) },
			`vpnGateway.sku "VpnGw2" is refused: non-AZ VPN SKUs can no longer be created since 1 January 2025; use VpnGw2AZ`},
		{"unknown VPN SKU", func(a *Args) { a.VpnGateway.Sku = ptr(VpnGatewaySku("VpnGw9AZ")) },
			`vpnGateway.sku "VpnGw9AZ" is not a VPN gateway SKU; use one of VpnGw1AZ, VpnGw2AZ, VpnGw3AZ, VpnGw4AZ, VpnGw5AZ`},
		{"Azure-reserved gateway ASN", func(a *Args) { a.VpnGateway.Bgp.Asn = ptr(65517) },
			"vpnGateway.bgp.asn 65517 is reserved by Azure and cannot be used; choose another, for example a private ASN " +
				"from 64512-65514 or 65521-65534"},
		{"IANA-reserved gateway ASN", func(a *Args) { a.VpnGateway.Bgp.Asn = ptr(23456) },
			"vpnGateway.bgp.asn 23456 is reserved by IANA and cannot be used; choose another, for example a private ASN " +
				"from 64512-65514 or 65521-65534"},
		{"site with Azure's own ASN", func(a *Args) {
			site(a).Bgp = &SiteBgpSettings{Asn: 65515, PeeringAddress: pulumi.String("192.168.10.254")}
		}, `vpnGateway.siteToSite["office"].bgp.asn 65515 is Azure's own ASN (the gateway's default); give the site its ` +
			`own, for example a private ASN from 64512-65514`},
		{"site BGP without gateway BGP", func(a *Args) {
			a.VpnGateway.Bgp, a.ExpressRoute = nil, nil
			site(a).Bgp = &SiteBgpSettings{Asn: 65010, PeeringAddress: pulumi.String("192.168.10.254")}
		}, `vpnGateway.siteToSite["office"].bgp is set but vpnGateway.bgp is not; BGP with a site needs BGP on the ` +
			`gateway, so add vpnGateway.bgp`},
		{"coexistence without BGP", func(a *Args) { a.VpnGateway.Bgp = nil },
			"vpnGateway.bgp is not set, but a VPN gateway coexisting with expressRoute must use BGP " +
				"(how-to-configure-coexisting-gateway-portal.md); add vpnGateway.bgp (the default ASN 65515 is the one " +
				"ExpressRoute transit needs)"},
		{"gateway without connections", func(a *Args) { a.VpnGateway.PointToSite, a.VpnGateway.SiteToSite = nil, nil },
			"vpnGateway has neither pointToSite nor siteToSite; add the connections the gateway is for, or remove vpnGateway"},
		{"pool overlapping the network", func(a *Args) {
			p2s(a).AddressPool = pulumi.StringArray{pulumi.String("10.0.200.0/24")}
		}, "vpnGateway.pointToSite.addressPool: 10.0.200.0/24 overlaps addressSpace 10.0.0.0/16; give each network its own range"},
		{"pool overlapping Docker's bridge", func(a *Args) {
			p2s(a).AddressPool = pulumi.StringArray{pulumi.String("172.17.5.0/24")}
		}, "vpnGateway.pointToSite.addressPool: 172.17.5.0/24 overlaps Docker's bridge 172.17.0.0/16; give each network its own range"},
		{"pool too small", func(a *Args) {
			p2s(a).AddressPool = pulumi.StringArray{pulumi.String("172.16.201.0/30")}
		}, "vpnGateway.pointToSite.addressPool: 172.16.201.0/30 is smaller than /29, the smallest pool Azure allows; use /29 or larger"},
		{"pool too small for active-active", func(a *Args) {
			a.VpnGateway.ActiveActive = ptr(true)
			p2s(a).AddressPool = pulumi.StringArray{pulumi.String("172.16.201.0/29")}
		}, "vpnGateway.pointToSite.addressPool: 172.16.201.0/29 is smaller than /28, the smallest pool Azure allows on " +
			"an active-active gateway; use /28 or larger"},
		{"pool not a CIDR", func(a *Args) { p2s(a).AddressPool = pulumi.StringArray{pulumi.String("172.16.201.0")} },
			`vpnGateway.pointToSite.addressPool: "172.16.201.0" is not an IPv4 CIDR without host bits; write it like 172.16.201.0/24`},
		{"site range overlapping the pool", func(a *Args) {
			site(a).AddressSpaces = pulumi.StringArray{pulumi.String("172.16.0.0/16")}
		}, `vpnGateway.siteToSite["office"].addressSpaces: 172.16.0.0/16 overlaps vpnGateway.pointToSite.addressPool ` +
			`172.16.201.0/24; give each network its own range`},
		{"site range overlapping the network", func(a *Args) {
			site(a).AddressSpaces = pulumi.StringArray{pulumi.String("10.0.0.0/8")}
		}, `vpnGateway.siteToSite["office"].addressSpaces: 10.0.0.0/8 overlaps addressSpace 10.0.0.0/16; give each ` +
			`network its own range`},
		{"sites overlapping each other", func(a *Args) {
			second := a.VpnGateway.SiteToSite[0]
			second.Name, second.GatewayIPAddress = "paris", pulumi.String("203.0.113.20")
			second.AddressSpaces = pulumi.StringArray{pulumi.String("192.168.10.128/25")}
			a.VpnGateway.SiteToSite = append(a.VpnGateway.SiteToSite, second)
		}, `vpnGateway.siteToSite["paris"].addressSpaces: 192.168.10.128/25 overlaps vpnGateway.siteToSite["office"].` +
			`addressSpaces 192.168.10.0/24; give each network its own range`},
		{"duplicate site names", func(a *Args) {
			a.VpnGateway.SiteToSite = append(a.VpnGateway.SiteToSite, a.VpnGateway.SiteToSite[0])
		}, `vpnGateway.siteToSite has two sites named "office"; give each site its own name`},
		{"site name Azure names cannot carry", func(a *Args) { site(a).Name = "London Office" },
			`vpnGateway.siteToSite[0].name "London Office" must be 1-32 lowercase letters, digits or '-', starting and ` +
				`ending with a letter or digit (it becomes part of Azure names), for example "london-office"`},
		{"site without an address", func(a *Args) { site(a).GatewayIPAddress = nil },
			`vpnGateway.siteToSite["office"] needs gatewayIpAddress or fqdn: the public address of the site's VPN device`},
		{"site with both addresses", func(a *Args) { site(a).Fqdn = pulumi.String("vpn.contoso.com") },
			`vpnGateway.siteToSite["office"] has both gatewayIpAddress and fqdn; give one (fqdn for a device whose address changes)`},
		{"site address not IPv4", func(a *Args) { site(a).GatewayIPAddress = pulumi.String("vpn.contoso.com") },
			`vpnGateway.siteToSite["office"].gatewayIpAddress "vpn.contoso.com" is not an IPv4 address; write it like 203.0.113.10`},
		{"site FQDN malformed", func(a *Args) {
			site(a).GatewayIPAddress, site(a).Fqdn = nil, pulumi.String("vpn_device")
		}, `vpnGateway.siteToSite["office"].fqdn "vpn_device" is not a fully qualified domain name; write it like vpn.contoso.com`},
		{"site without ranges or BGP", func(a *Args) { site(a).AddressSpaces = nil },
			`vpnGateway.siteToSite["office"] needs addressSpaces (the site's ranges), or bgp to learn them`},
		{"missing shared key", func(a *Args) { site(a).SharedKey = nil },
			`vpnGateway.siteToSite["office"].sharedKey is required: the IPsec pre-shared key, from secret config`},
		{"empty shared key", func(a *Args) { site(a).SharedKey = pulumi.String("") },
			`vpnGateway.siteToSite["office"].sharedKey has 0 characters; Azure allows 1 to 128`},
		{"shared key too long", func(a *Args) { site(a).SharedKey = pulumi.String(strings.Repeat("k", 129)) },
			`vpnGateway.siteToSite["office"].sharedKey has 129 characters; Azure allows 1 to 128`},
		{"shared key with a hyphen", func(a *Args) { site(a).SharedKey = pulumi.String("abc-def") },
			`vpnGateway.siteToSite["office"].sharedKey has a character Azure refuses at position 4 (value not shown: it ` +
				`is a secret); use printable ASCII without space, '-' or '~'`},
		{"IPsec GCM encryption with other integrity", func(a *Args) {
			p := policy()
			p.IpsecIntegrity = "SHA256"
			site(a).IpsecPolicy = p
		}, `vpnGateway.siteToSite["office"].ipsecPolicy: ipsecEncryption GCMAES256 with ipsecIntegrity SHA256; with a ` +
			`GCMAES algorithm both must be the same GCMAES algorithm`},
		{"IPsec value Azure does not allow", func(a *Args) {
			p := policy()
			p.IkeEncryption = "DES"
			site(a).IpsecPolicy = p
		}, `vpnGateway.siteToSite["office"].ipsecPolicy.ikeEncryption "DES" is not allowed by Azure; use one of ` +
			`GCMAES256, GCMAES128, AES256, AES192, AES128`},
		{"IPsec lifetime too short", func(a *Args) {
			p := policy()
			p.SaLifeTimeSeconds = 120
			site(a).IpsecPolicy = p
		}, `vpnGateway.siteToSite["office"].ipsecPolicy.saLifeTimeSeconds 120 is below Azure's minimum of 300; Azure's default is 27000`},
		{"IPsec data size too small", func(a *Args) {
			p := policy()
			p.SaDataSizeKilobytes = 100
			site(a).IpsecPolicy = p
		}, `vpnGateway.siteToSite["office"].ipsecPolicy.saDataSizeKilobytes 100 is below Azure's minimum of 1024; ` +
			`Azure's default is 102400000`},
		{"point-to-site without authentication", func(a *Args) { p2s(a).EntraID = nil },
			"vpnGateway.pointToSite has no authentication; set entraId (recommended) or rootCertificates"},
		{"Entra ID without OpenVPN", func(a *Args) { p2s(a).TunnelTypes = []TunnelType{TunnelTypeIkeV2} },
			"vpnGateway.pointToSite.entraId needs OpenVPN in tunnelTypes: Microsoft Entra ID authentication works with " +
				"OpenVPN only (point-to-site-about.md); add OpenVPN"},
		{"IKEv2 without certificates", func(a *Args) {
			p2s(a).TunnelTypes = []TunnelType{TunnelTypeOpenVPN, TunnelTypeIkeV2}
		}, "vpnGateway.pointToSite.tunnelTypes has IkeV2 or SSTP, which authenticate with certificates only, but " +
			"rootCertificates is empty; add rootCertificates or use OpenVPN alone"},
		{"OpenVPN with SSTP", func(a *Args) { p2s(a).TunnelTypes = []TunnelType{TunnelTypeOpenVPN, TunnelTypeSSTP} },
			"vpnGateway.pointToSite.tunnelTypes has both OpenVPN and SSTP, which Azure does not combine (both run over " +
				"TLS on port 443); keep OpenVPN, optionally with IkeV2"},
		{"missing tenant", func(a *Args) { p2s(a).EntraID.TenantID = nil },
			"vpnGateway.pointToSite.entraId.tenantId is required: give the Microsoft Entra tenant ID (a GUID), for " +
				"example from `az account show --query tenantId`"},
		{"malformed tenant", func(a *Args) { p2s(a).EntraID.TenantID = pulumi.String("contoso.onmicrosoft.com") },
			`vpnGateway.pointToSite.entraId.tenantId "contoso.onmicrosoft.com" is not a GUID; give it like ` +
				`00000000-0000-0000-0000-000000000000`},
		{"certificate that is not base64", func(a *Args) {
			p2s(a).RootCertificates = []RootCertificate{{Name: "root", PublicCertData: pulumi.String("not a certificate!")}}
		}, `vpnGateway.pointToSite.rootCertificates[0].publicCertData is not Base-64 certificate data; export the root ` +
			`certificate as "Base-64 encoded X.509 (.CER)" and pass the file's text`},
		{"certificate with a private key", func(a *Args) {
			p2s(a).RootCertificates = []RootCertificate{{Name: "root",
				PublicCertData: pulumi.String("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----")}}
		}, `vpnGateway.pointToSite.rootCertificates[0].publicCertData holds a private key; give only the public root ` +
			`certificate (Base-64 .cer), and keep the private key off the gateway`},
		{"ExpressRoute connection without a circuit", func(a *Args) { a.ExpressRoute.Connection.CircuitID = nil },
			"expressRoute.connection.circuitId is required: give the resource ID of the ExpressRoute circuit, or remove connection"},
		{"circuit ID of another type", func(a *Args) { a.ExpressRoute.Connection.CircuitID = pulumi.String(testWorkspaceID) },
			`expressRoute.connection.circuitId: resource ID "` + testWorkspaceID + `" is a Microsoft.MachineLearningServices/` +
				`workspaces, but a Microsoft.Network/expressRouteCircuits is needed; give the ID of a ` +
				`Microsoft.Network/expressRouteCircuits`},
		{"authorization key not a GUID", func(a *Args) {
			a.ExpressRoute.Connection.AuthorizationKey = pulumi.String("secret-key")
		}, "expressRoute.connection.authorizationKey is not a GUID (value not shown: it is a secret); give it like " +
			"00000000-0000-0000-0000-000000000000"},
		{"unknown ExpressRoute SKU", func(a *Args) { a.ExpressRoute.Sku = ptr(ExpressRouteGatewaySku("Standard")) },
			`expressRoute.sku "Standard" is not offered; use one of ErGw1AZ, ErGw2AZ, ErGw3AZ, ErGwScale (the non-AZ ` +
				`Standard, HighPerformance and UltraPerformance SKUs are being migrated away)`},
		{"scale units on a fixed SKU", func(a *Args) { a.ExpressRoute.MaxScaleUnits = ptr(4) },
			"expressRoute.minScaleUnits and maxScaleUnits apply to the ErGwScale SKU only, not ErGw1AZ; remove them or use ErGwScale"},
		{"autoscaling from one unit", func(a *Args) {
			a.ExpressRoute.Sku, a.ExpressRoute.MaxScaleUnits = ptr(ExpressRouteGatewaySkuErGwScale), ptr(4)
		}, "expressRoute.minScaleUnits 1 with maxScaleUnits 4: autoscaling needs at least 2 minimum scale units; raise " +
			"minScaleUnits, or set both to the same value"},
		{"gateway subnet below /27", func(a *Args) {
			a.Subnets = &SubnetLayout{Gateway: &SubnetSettings{AddressPrefix: pulumi.String("10.0.3.0/28")}}
		}, "subnets.gateway.addressPrefix 10.0.3.0/28 is smaller than /27, the smallest subnet allowed here; use /27 or larger"},
		{"ErGwScale with a /27 gateway subnet", func(a *Args) {
			a.ExpressRoute.Sku = ptr(ExpressRouteGatewaySkuErGwScale)
			a.Subnets = &SubnetLayout{Gateway: &SubnetSettings{AddressPrefix: pulumi.String("10.0.3.0/27")}}
		}, "subnets.gateway.addressPrefix 10.0.3.0/27 is smaller than /26, the smallest subnet allowed here with " +
			"expressRoute.sku ErGwScale; use /26 or larger"},
		{"resolver subnet below /28", func(a *Args) {
			a.Subnets = &SubnetLayout{DNSResolverInbound: &SubnetSettings{AddressPrefix: pulumi.String("10.0.4.0/29")}}
		}, "subnets.dnsResolverInbound.addressPrefix 10.0.4.0/29 is smaller than /28, the smallest subnet allowed here; use /28 or larger"},
		{"resolver subnet above /24", func(a *Args) {
			a.Subnets = &SubnetLayout{DNSResolverInbound: &SubnetSettings{AddressPrefix: pulumi.String("10.0.4.0/23")}}
		}, "subnets.dnsResolverInbound.addressPrefix 10.0.4.0/23 is larger than /24, the largest subnet allowed here; use /28 to /24"},
		{"Bastion subnet below /26", func(a *Args) {
			a.Subnets = &SubnetLayout{Bastion: &SubnetSettings{AddressPrefix: pulumi.String("10.0.3.64/27")}}
		}, "subnets.bastion.addressPrefix 10.0.3.64/27 is smaller than /26, the smallest subnet allowed here; use /26 or larger"},
		{"gateway subnet prefix without a gateway", func(a *Args) {
			a.VpnGateway, a.ExpressRoute = nil, nil
			a.Subnets = &SubnetLayout{Gateway: &SubnetSettings{AddressPrefix: pulumi.String("10.0.3.0/26")}}
		}, "subnets.gateway.addressPrefix is set but vpnGateway or expressRoute is not; remove the prefix or add vpnGateway or expressRoute"},
		{"Bastion with private zones in Azure Government", func(a *Args) {
			a.Cloud, a.Location = ptr(CloudAzureUSGovernment), pulumi.String("usgovvirginia")
		}, `bastion is not supported in AzureUSGovernment with private DNS zones linked to the network: "Azure Bastion ` +
			`isn't supported with Azure Private DNS Zones in national clouds" (bastion-faq.md). Remove bastion, or set ` +
			`dns.linkVirtualNetwork to false and resolve through a hub DNS server`},
		{"unsupported Bastion SKU", func(a *Args) { a.Bastion.Sku = ptr(BastionSku("Premium")) },
			`bastion.sku "Premium" is not offered by the API version this package uses (2023-02-01); use Basic or Standard`},
		{"too many root certificates", func(a *Args) {
			for i := range 21 {
				p2s(a).RootCertificates = append(p2s(a).RootCertificates,
					RootCertificate{Name: "root" + strings.Repeat("x", i), PublicCertData: pulumi.String("x")})
			}
		}, "vpnGateway.pointToSite.rootCertificates has 21 certificates; Azure allows at most 20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := hybridServices()
			tt.modify(&args)
			children, _, err := construct(t, args)
			require.Error(t, err)
			assert.Equal(t, tt.err, programError(err))
			assert.Empty(t, children, "an invalid input registers no child")
		})
	}
}

func TestHybridValuesUnknownAtPreviewAreCheckedBeforeTheirChildren(t *testing.T) {
	t.Parallel()
	// A tenant and a pool from other resources are unknown at preview: the preview registers every
	// child; the values are checked when they arrive, inside the outputs the gateway takes.
	a := hybridServices()
	a.VpnGateway.PointToSite.EntraID.TenantID = unknown()
	a.VpnGateway.PointToSite.AddressPool = pulumi.StringArray{unknown()}
	children, _, err := constructWith(t, &recorder{}, a, preview)
	require.NoError(t, err)
	assert.Len(t, ofType(children, "azure-native:network:VirtualNetworkGateway"), 1)
}

func TestInboundEndpointAddress(t *testing.T) {
	for prefix, want := range map[string]string{"10.0.4.0/28": "10.0.4.4", "192.168.7.0/24": "192.168.7.4"} {
		got, err := inboundEndpointAddress(prefix)
		require.NoError(t, err)
		assert.Equal(t, want, got, prefix)
	}
}

func TestSharedKeyRule(t *testing.T) {
	assert.NoError(t, checkSharedKey("k", "Abc!#$%&'()*+,./:;<=>?@[]^_`{|}0"))
	for _, bad := range []string{"a b", "a~b", "a\tb", "ä"} {
		assert.Error(t, checkSharedKey("k", bad), bad)
	}
}

func TestErGwScaleSendsItsScaleUnits(t *testing.T) {
	t.Parallel()
	a := hybridServices()
	a.ExpressRoute.Sku = ptr(ExpressRouteGatewaySkuErGwScale)
	a.ExpressRoute.MinScaleUnits, a.ExpressRoute.MaxScaleUnits = ptr(2), ptr(10)
	children, _ := mustConstruct(t, a)
	er := byName(t, children, "ml-expressroute-gateway")
	assert.Equal(t, expressRouteGatewayToken, er.Type)
	assert.Equal(t, "ErGwScale", er.Inputs["sku"].ObjectValue()["name"].StringValue())
	bounds := er.Inputs["autoScaleConfiguration"].ObjectValue()["bounds"].ObjectValue()
	assert.Equal(t, 2.0, bounds["min"].NumberValue())
	assert.Equal(t, 10.0, bounds["max"].NumberValue())
}
