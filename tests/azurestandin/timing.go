package azurestandin

import (
	"context"
	"os"
	"strconv"
	"strings"
	"time"
)

// EnvTimeScale names the environment variable holding the simulated-time scale factor. When it is a
// positive float, Create/Update/Delete sleep TypicalMinutes(token) minutes times that factor.
const EnvTimeScale = "SECUREML_STANDIN_TIME_SCALE"

// defaultTypicalMinutes is used for types missing from typicalCreateMinutes.
const defaultTypicalMinutes = 0.5

// typicalCreateMinutes holds, per type name, the "typical" column figures (minutes) for how long Azure
// takes to create each resource. Entries marked (estimate) have no published figure and are our guess.
// The offline Azure stand-in (a test double) uses the same figure for Update and Delete; real deletes
// are often faster, but that is good enough for a double.
var typicalCreateMinutes = map[string]float64{
	"VirtualNetwork":                    0.1,
	"Subnet":                            0.25,
	"NetworkSecurityGroup":              0.2,
	"RouteTable":                        0.2, // (estimate)
	"PublicIPAddress":                   0.1,
	"PrivateZone":                       0.6,
	"VirtualNetworkLink":                1,
	"PrivateEndpoint":                   1,
	"PrivateDnsZoneGroup":               0.5,
	"NatGateway":                        0.5,
	"PublicIPPrefix":                    0.1,  // (estimate) like a public IP
	"AzureFirewall":                     6,    // deploy-times §1.1 typical; no separate Premium figure was found
	"FirewallPolicy":                    0.05, // "Creation complete after 3s" (hashicorp/terraform-provider-azurerm #15440)
	"FirewallPolicyRuleCollectionGroup": 0.25, // "Creation complete after 14s" with no firewall on the policy (same issue)
	"ApplicationSecurityGroup":          0.1,  // (estimate)
	"VirtualNetworkPeering":             0.1,  // (estimate) seconds; hybrid-and-egress.md §11 has no source
	"BastionHost":                       10,   // the Basic SKU; by SKU in typicalMinutesBySKU
	"VirtualNetworkGateway":             45,   // VPN and ExpressRoute (ErGwScale included) alike
	"LocalNetworkGateway":               0.5,  // (estimate)
	"VirtualNetworkGatewayConnection":   2,    // (estimate)
	"DnsResolver":                       2,    // (estimate)
	"InboundEndpoint":                   3,    // (estimate) azurerm's VNet + resolver + inbound endpoint lifecycle took 435–604 s (hashicorp/terraform-provider-azurerm PR #19948)
}

// typicalCreateMinutesByToken holds figures for types whose type name alone is ambiguous (two
// "Workspace"s) and the other services of SecureMLWorkspace, by whole token (API version dropped). Source:
// deploy-times-and-security-checks.md §1.1, typical column: storage account 0.7 (measured 35 s and 45 s),
// Key Vault 2 (2m7s, 2m42s), registry 0.4 (8-28 s), Application Insights 0.3 (17 s), Log Analytics
// workspace 0.5 (estimate), Machine Learning workspace 2 (estimate).
var typicalCreateMinutesByToken = map[string]float64{
	tokenStorageAccount: 0.7,
	tokenVault:          2,
	tokenRegistry:       0.4,
	tokenAppInsights:    0.3,
	tokenLogAnalytics:   0.5, // (estimate)
	tokenMLWorkspace:    2,   // (estimate)
}

// typicalMinutesBySKU refines typicalCreateMinutes for types whose create time depends on the SKU
// (sku.name, compared case-insensitively). Sources: deploy-times-and-security-checks.md §1.1 (Bastion
// Basic "about 10 minutes", Standard "routinely ~25–35+ minutes"); ExpressRoute gateways "can take up to
// 45 minutes" (expressroute-howto-add-gateway-portal-resource-manager.md), ErGwScale "deployment can take
// up to 45 minutes" (expressroute-howto-scalablegw.md). Entries marked (estimate) have no figure.
var typicalMinutesBySKU = map[string]map[string]float64{
	"BastionHost": {
		"basic":     10,
		"standard":  30,
		"developer": 10, // (estimate)
		"premium":   30, // (estimate)
	},
	"VirtualNetworkGateway": {
		"ergw1az": 45, "ergw2az": 45, "ergw3az": 45, "ergwscale": 45,
		"standard": 45, "highperformance": 45, "ultraperformance": 45,
	},
}

// TypicalMinutes returns the typical Azure create time in minutes for a type token (matched on the whole
// token in typicalCreateMinutesByToken, else on the type name after the last ":"), or 0.5 for types
// without a figure.
func TypicalMinutes(token string) float64 {
	if m, ok := typicalCreateMinutesByToken[NormalizeToken(token)]; ok {
		return m
	}
	name := token
	if i := strings.LastIndex(token, ":"); i >= 0 {
		name = token[i+1:]
	}
	if m, ok := typicalCreateMinutes[name]; ok {
		return m
	}
	return defaultTypicalMinutes
}

// TypicalMinutesFor returns TypicalMinutes(token), refined by the resource's SKU where
// typicalMinutesBySKU has a figure for it (a Standard Bastion host takes longer than a Basic one).
func TypicalMinutesFor(token string, props map[string]any) float64 {
	name := token
	if i := strings.LastIndex(token, ":"); i >= 0 {
		name = token[i+1:]
	}
	if m, ok := typicalMinutesBySKU[name][strings.ToLower(pathString(props, "sku", "name"))]; ok {
		return m
	}
	return TypicalMinutes(token)
}

// SimulatedDelayFor is SimulatedDelay for a resource with properties props (TypicalMinutesFor).
func SimulatedDelayFor(token string, props map[string]any, scale float64) time.Duration {
	if scale <= 0 {
		return 0
	}
	return time.Duration(TypicalMinutesFor(token, props) * scale * float64(time.Minute))
}

// SimulatedDelay returns how long the stand-in pretends an operation on token takes at the given scale:
// TypicalMinutes(token) * 60s * scale, or 0 when scale is not positive.
func SimulatedDelay(token string, scale float64) time.Duration {
	if scale <= 0 {
		return 0
	}
	return time.Duration(TypicalMinutes(token) * scale * float64(time.Minute))
}

// TimeScaleFromEnv parses EnvTimeScale; anything missing, unparseable or not positive yields 0 (no delay).
func TimeScaleFromEnv() float64 {
	return parseTimeScale(os.Getenv(EnvTimeScale))
}

// parseTimeScale turns the env value into a scale, 0 when unset or invalid.
func parseTimeScale(s string) float64 {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || f <= 0 {
		return 0
	}
	return f
}

// sleepContext waits for d or until ctx is done, returning ctx.Err() in the latter case.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
