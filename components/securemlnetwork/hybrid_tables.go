package securemlnetwork

import (
	"fmt"

	"github.com/secureml/pulumi-secureml/components/privatelink"
)

// Azure facts the ways in are checked against, as data. Sources are hybrid-and-egress.md sections
// (and the Microsoft pages it names).

// refusedVpnSkus explains each VPN gateway SKU Azure no longer creates, and what to use instead (§1.1:
// gateway-sku-consolidation.md, vpn-gateway-vpn-faq.md).
var refusedVpnSkus = map[string]string{
	"Basic": "Basic has no BGP, active-active, IKEv2 or Microsoft Entra point-to-site, is created only by " +
		"PowerShell or the CLI and needs a Basic public IP, which Azure retired on 30 September 2025; use VpnGw1AZ",
	"VpnGw1":          "non-AZ VPN SKUs can no longer be created since 1 January 2025; use VpnGw1AZ",
	"VpnGw2":          "non-AZ VPN SKUs can no longer be created since 1 January 2025; use VpnGw2AZ",
	"VpnGw3":          "non-AZ VPN SKUs can no longer be created since 1 January 2025; use VpnGw3AZ",
	"VpnGw4":          "non-AZ VPN SKUs can no longer be created since 1 January 2025; use VpnGw4AZ",
	"VpnGw5":          "non-AZ VPN SKUs can no longer be created since 1 January 2025; use VpnGw5AZ",
	"Standard":        "the legacy Standard SKU is retired (migrated to VpnGw1AZ); use VpnGw1AZ",
	"HighPerformance": "the legacy HighPerformance SKU is retired (migrated to VpnGw2AZ); use VpnGw2AZ",
}

// vpnGeneration is the gateway generation of each AZ SKU: VpnGw1AZ exists only in Generation1 and
// VpnGw4AZ/5AZ only in Generation2; 2AZ and 3AZ exist in both and stay in Generation1 so VpnGw1AZ-3AZ
// resize into one another in place (about-gateway-skus.md; a wrong pairing fails with
// VirtualNetworkGatewaySkuCannotBeCreatedForSpecifiedVmGeneration).
var vpnGeneration = map[VpnGatewaySku]string{
	VpnGatewaySkuVpnGw1AZ: "Generation1",
	VpnGatewaySkuVpnGw2AZ: "Generation1",
	VpnGatewaySkuVpnGw3AZ: "Generation1",
	VpnGatewaySkuVpnGw4AZ: "Generation2",
	VpnGatewaySkuVpnGw5AZ: "Generation2",
}

// asnRange is an inclusive range of autonomous system numbers.
type asnRange struct {
	from, to int64
	owner    string
}

// reservedAsns are the ASNs a gateway or a site may not use (§1.4, vpn-gateway-vpn-faq.md): Azure's
// public and private reserved ASNs and IANA's reserved ones. 65515 is Azure's default for gateways: the
// gateway may keep it, a site may not.
var reservedAsns = []asnRange{
	{8074, 8075, "Azure"}, {12076, 12076, "Azure"}, {65517, 65520, "Azure"},
	{23456, 23456, "IANA"}, {64496, 64511, "IANA"}, {65535, 65551, "IANA"}, {4294967295, 4294967295, "IANA"},
}

// azureDefaultAsn is reserved for the Azure side: a site may not use it.
const azureDefaultAsn = 65515

// checkAsn refuses an ASN Azure or IANA reserves.
func checkAsn(path string, asn int64, site bool) error {
	if asn < 1 || asn > 4294967295 {
		return fmt.Errorf("%s %d is not an autonomous system number; use 1 to 4294967295, for example a private ASN "+
			"from 64512-65514", path, asn)
	}
	if site && asn == azureDefaultAsn {
		return fmt.Errorf("%s 65515 is Azure's own ASN (the gateway's default); give the site its own, for example a "+
			"private ASN from 64512-65514", path)
	}
	for _, r := range reservedAsns {
		if asn >= r.from && asn <= r.to {
			return fmt.Errorf("%s %d is reserved by %s and cannot be used; choose another, for example a private ASN "+
				"from 64512-65514 or 65521-65534", path, asn, r.owner)
		}
	}
	return nil
}

// azureVpnClientAudience is the Microsoft-registered Azure VPN Client app, valid in every cloud
// (point-to-site-about.md, ms.date 08/17/2026).
const azureVpnClientAudience = "c632b3df-fb67-4d84-bdcf-b95ad541b5c8"

// entraEndpoints are the tenant URL and token issuer a gateway checks point-to-site users against.
// Tenant URLs: point-to-site-entra-gateway.md. Issuers are the v1 token issuers, with the trailing
// slash Azure requires: sts.windows.net in the public cloud (the same doc) and in Azure Government
// (Entra reference-saml-tokens: "Global and US Government use sts.windows.net"; Microsoft's
// point-to-site-aad quickstart, tested in US Gov, uses it), sts.chinacloudapi.cn for 21Vianet (the
// docs.azure.cn copy of the Entra v1 token reference; MicrosoftDocs/azure-docs#123050).
var entraEndpoints = map[privatelink.Cloud]struct{ tenant, issuer string }{
	privatelink.AzureCloud:        {"https://login.microsoftonline.com/%s", "https://sts.windows.net/%s/"},
	privatelink.AzureUSGovernment: {"https://login.microsoftonline.us/%s", "https://sts.windows.net/%s/"},
	privatelink.AzureChinaCloud:   {"https://login.chinacloudapi.cn/%s", "https://sts.chinacloudapi.cn/%s/"},
}

// Limits of the ways in (§2.1, §2.2, §3.3, §4.1, §4.2, §6.1).
const (
	maxRootCertificates  = 20
	maxSharedKeyLength   = 128 // ConnectionResetSharedKey.keyLength "between 1 and 128"
	minPoolBits          = 29  // point-to-site pool: /29 active-standby
	minPoolBitsActive    = 28  // /28 active-active
	minSaLifeTimeSeconds = 300
	minSaDataSizeKB      = 1024
	maxRoutingWeight     = 32000
	maxScaleUnits        = 40
	minAutoscaleUnits    = 2 // autoscaling (max above min) needs a minimum of 2
	scaleGatewayBits     = 26
	bastionSubnetBits    = 26
)

// azureDNS is Azure's recursive resolver, which a VPN gateway needs among the network's DNS servers
// (vpn-gateway-vpn-faq.md; azure-ai-docs how-to-custom-dns.md).
const azureDNS = "168.63.129.16"
