package azurestandin

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestTypicalMinutes(t *testing.T) {
	t.Parallel()
	for token, want := range map[string]float64{
		"azure-native:network:VirtualNetwork":                    0.1,
		"azure-native:network:Subnet":                            0.25,
		"azure-native:network:NetworkSecurityGroup":              0.2,
		"azure-native:network:RouteTable":                        0.2,
		"azure-native:network:PublicIPAddress":                   0.1,
		"azure-native:network:PrivateZone":                       0.6,
		"azure-native:network:VirtualNetworkLink":                1,
		"azure-native:network:PrivateEndpoint":                   1,
		"azure-native:network:PrivateDnsZoneGroup":               0.5,
		"azure-native:network:NatGateway":                        0.5,
		"azure-native:network:AzureFirewall":                     6,
		"azure-native:network:PublicIPPrefix":                    0.1,
		"azure-native:network:FirewallPolicy":                    0.05,
		"azure-native:network:FirewallPolicyRuleCollectionGroup": 0.25,
		"azure-native:network:ApplicationSecurityGroup":          0.1,
		"azure-native:network:VirtualNetworkPeering":             0.1,
		"azure-native:network/v20230501:Subnet":                  0.25,
		"azure-native:network:BastionHost":                       10,
		"azure-native:network:VirtualNetworkGateway":             45,
		"azure-native:network:LocalNetworkGateway":               0.5,
		"azure-native:network:VirtualNetworkGatewayConnection":   2,
		"azure-native:network:DnsResolver":                       2,
		"azure-native:network:InboundEndpoint":                   3,
		"azure-native:network/v20230601:VirtualNetworkGateway":   45,
		// deploy-times-and-security-checks.md §1.1, typical column.
		"azure-native:storage:StorageAccount":                      0.7,
		"azure-native:keyvault:Vault":                              2,
		"azure-native:containerregistry:Registry":                  0.4,
		"azure-native:insights:Component":                          0.3,
		"azure-native:operationalinsights:Workspace":               0.5,
		"azure-native:machinelearningservices:Workspace":           2,
		"azure-native:machinelearningservices/v20240401:Workspace": 2,
		"azure-native:compute:Disk":                                0.5, // no figure
	} {
		assert.Equal(t, want, TypicalMinutes(token), token)
	}
}

// Sources: deploy-times-and-security-checks.md §1.1 (Bastion Basic about 10 minutes, Standard 25–35);
// ExpressRoute gateways, ErGwScale included, up to 45 minutes (expressroute-howto-add-gateway-portal-
// resource-manager.md, expressroute-howto-scalablegw.md).
func TestTypicalMinutesBySKU(t *testing.T) {
	t.Parallel()
	sku := func(name string) map[string]any { return map[string]any{"sku": map[string]any{"name": name}} }
	assert.Equal(t, 10.0, TypicalMinutesFor("azure-native:network:BastionHost", sku("Basic")))
	assert.Equal(t, 30.0, TypicalMinutesFor("azure-native:network:BastionHost", sku("Standard")))
	assert.Equal(t, 10.0, TypicalMinutesFor("azure-native:network:BastionHost", nil), "no SKU: the type's figure")
	assert.Equal(t, 45.0, TypicalMinutesFor("azure-native:network/v20230601:VirtualNetworkGateway", sku("ErGwScale")))
	assert.Equal(t, 45.0, TypicalMinutesFor("azure-native:network:VirtualNetworkGateway", sku("VpnGw1AZ")))
	assert.Equal(t, 1.0, TypicalMinutesFor("azure-native:network:PrivateEndpoint", sku("anything")))
	assert.Equal(t, 1800*time.Millisecond, SimulatedDelayFor("azure-native:network:BastionHost", sku("standard"), 0.001))
	assert.Equal(t, time.Duration(0), SimulatedDelayFor("azure-native:network:BastionHost", sku("Standard"), 0))
}

func TestSimulatedDelay(t *testing.T) {
	t.Parallel()
	assert.Equal(t, 2700*time.Millisecond, SimulatedDelay("azure-native:network:VirtualNetworkGateway", 0.001))
	assert.Equal(t, time.Duration(0), SimulatedDelay("azure-native:network:VirtualNetworkGateway", 0))
	assert.Equal(t, time.Duration(0), SimulatedDelay("azure-native:network:VirtualNetworkGateway", -1))
}

func TestParseTimeScale(t *testing.T) {
	for in, want := range map[string]float64{"": 0, "abc": 0, "-1": 0, "0": 0, "0.001": 0.001, " 2 ": 2} {
		assert.Equal(t, want, parseTimeScale(in), in)
	}
	t.Setenv(EnvTimeScale, "0.5")
	assert.Equal(t, 0.5, TimeScaleFromEnv())
}

func TestSleepContext(t *testing.T) {
	t.Parallel()
	assert.NoError(t, sleepContext(context.Background(), 0))
	assert.NoError(t, sleepContext(context.Background(), time.Millisecond))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	assert.ErrorIs(t, sleepContext(ctx, time.Hour), context.Canceled)
}
