package provider

import (
	"strings"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/urn"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stackOutput is a value the way a stack reference hands it over: known at preview, with a
// dependency on the StackReference resource.
func stackOutput(v property.Value) property.Value {
	return v.WithDependencies([]urn.URN{"urn:pulumi:stack::project::pulumi:pulumi:StackReference::hub"})
}

func obj(m map[string]property.Value) property.Value { return property.New(m) }

const hubZone = "/subscriptions/" + zeroSubscription + "/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/"

// TestInputsFromAnotherStack passes every kind of input as a stack reference output, the way every SDK
// lets users pass them. Shape inputs become plain values; value inputs stay outputs. Before shape
// inputs were resolved, these failed with `copying input "dns": expected destination type to implement
// pulumi.Input or pulumi.Output, got map[string]string`.
func TestInputsFromAnotherStack(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		modify func(map[string]property.Value)
		check  func(t *testing.T, children func(string) integration.MockResourceArgs)
	}{
		{"shape: cloud, public IPs, outbound mode and the scoring switch", func(in map[string]property.Value) {
			in["cloud"] = stackOutput(property.New("AzureCloud"))
			in["computePublicIp"] = stackOutput(property.New(true))
			in["outboundInternet"] = stackOutput(property.New("Deny"))
			in["subnets"] = obj(map[string]property.Value{"scoring": obj(map[string]property.Value{
				"enabled": stackOutput(property.New(false))})})
		}, func(t *testing.T, child func(string) integration.MockResourceArgs) {
			assert.Equal(t, "rt-net-training", child("azure-native:network:RouteTable::net-training-routes").Inputs.Get("routeTableName").AsString())
		}},
		{"shape: a whole service target and the storage sub-resources", func(in map[string]property.Value) {
			in["keyVault"] = stackOutput(target(keyVaultID))
			in["storageAccount"] = obj(map[string]property.Value{
				"resourceId":   property.New(storageID),
				"subresources": stackOutput(property.New([]property.Value{property.New("blob"), property.New("dfs")})),
			})
		}, func(t *testing.T, child func(string) integration.MockResourceArgs) {
			child("azure-native:network:PrivateEndpoint::net-storageDfs-pe")
			child("azure-native:network:PrivateEndpoint::net-keyVault-pe")
		}},
		{"value: zone IDs, prefixes, location and resource group", func(in map[string]property.Value) {
			in["workspace"], in["storageAccount"], in["containerRegistry"] = property.New(property.Null), property.New(property.Null), property.New(property.Null)
			in["location"] = stackOutput(property.New("West Europe"))
			in["resourceGroupName"] = stackOutput(property.New("rg-spoke"))
			in["subnets"] = obj(map[string]property.Value{"training": obj(map[string]property.Value{
				"addressPrefix": stackOutput(property.New("10.0.8.0/22"))})})
			in["dns"] = obj(map[string]property.Value{"existingZoneIds": obj(map[string]property.Value{
				"privatelink.vaultcore.azure.net": stackOutput(property.New(hubZone + "privatelink.vaultcore.azure.net")),
			})})
		}, func(t *testing.T, child func(string) integration.MockResourceArgs) {
			subnet := child("azure-native:network:Subnet::net-training-subnet").Inputs
			assert.Equal(t, "10.0.8.0/22", subnet.Get("addressPrefix").AsString())
			assert.Equal(t, "rg-spoke", subnet.Get("resourceGroupName").AsString())
			assert.Equal(t, "westeurope", child("azure-native:network:VirtualNetwork::net-vnet").Inputs.Get("location").AsString())
			link := child("azure-native:network:VirtualNetworkLink::net-privatelink.vaultcore.azure.net-link").Inputs
			assert.Equal(t, "rg-hub", link.Get("resourceGroupName").AsString())
		}},
		{"value: the whole zone map from another stack", func(in map[string]property.Value) {
			in["workspace"], in["storageAccount"], in["containerRegistry"] = property.New(property.Null), property.New(property.Null), property.New(property.Null)
			in["dns"] = obj(map[string]property.Value{"existingZoneIds": stackOutput(obj(map[string]property.Value{
				"privatelink.vaultcore.azure.net": property.New(hubZone + "privatelink.vaultcore.azure.net"),
			}))})
		}, func(t *testing.T, child func(string) integration.MockResourceArgs) {
			zg := child("azure-native:network:PrivateDnsZoneGroup::net-keyVault-dns").Inputs
			configs := zg.Get("privateDnsZoneConfigs").AsArray()
			assert.Equal(t, hubZone+"privatelink.vaultcore.azure.net", configs.Get(0).AsMap().Get("privateDnsZoneId").AsString())
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, children := server(t)
			in := allServicesInputs()
			tt.modify(in)
			_, err := s.Construct(p.ConstructRequest{Urn: networkURN, Inputs: property.NewMap(in)})
			require.NoError(t, err)
			tt.check(t, func(key string) integration.MockResourceArgs {
				c, ok := children.Load(key)
				require.True(t, ok, "no child %s", key)
				return c.(integration.MockResourceArgs)
			})
		})
	}
}

// TestShapeInputsMustBeKnownAtPreview: an output of a resource still to be created cannot decide
// which children exist; the message names the input instead of an internal copying error.
func TestShapeInputsMustBeKnownAtPreview(t *testing.T) {
	t.Parallel()
	unknown := property.New(property.Computed)
	tests := []struct {
		path   string
		modify func(map[string]property.Value)
	}{
		{"subnets.scoring.enabled", func(in map[string]property.Value) {
			in["subnets"] = obj(map[string]property.Value{"scoring": obj(map[string]property.Value{"enabled": unknown})})
		}},
		{"cloud", func(in map[string]property.Value) { in["cloud"] = unknown }},
		{"keyVault", func(in map[string]property.Value) { in["keyVault"] = unknown }},
		{"storageAccount.subresources", func(in map[string]property.Value) {
			in["storageAccount"] = obj(map[string]property.Value{"resourceId": property.New(storageID), "subresources": unknown})
		}},
		{"dns", func(in map[string]property.Value) { in["dns"] = unknown }},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			t.Parallel()
			s, children := server(t)
			in := allServicesInputs()
			tt.modify(in)
			_, err := s.Construct(p.ConstructRequest{Urn: networkURN, Inputs: property.NewMap(in), DryRun: true})
			require.Error(t, err)
			assert.Equal(t, tt.path+" must be known at preview: it decides which resources SecureMLNetwork creates. Pass "+
				"a literal, a config value or a stack reference output, not the output of a resource created in the same program",
				err.Error())
			children.Range(func(key, _ any) bool {
				assert.True(t, strings.HasPrefix(key.(string), "secureml:"), "no child may be registered, got %s", key)
				return true
			})
		})
	}
}

func TestSecretShapeInputIsRefused(t *testing.T) {
	t.Parallel()
	s, _ := server(t)
	in := allServicesInputs()
	in["computePublicIp"] = property.New(true).WithSecret(true)
	_, err := s.Construct(p.ConstructRequest{Urn: networkURN, Inputs: property.NewMap(in)})
	require.Error(t, err)
	assert.Equal(t, "computePublicIp is a secret, but it decides which resources SecureMLNetwork creates and appears "+
		"in their plain settings; pass it as a plain value", err.Error())
}

// TestValueInputsMayBeUnknownAtPreview: outputs of resources still to be created are welcome where
// they only fill properties, including a whole zone map (another SecureMLNetwork's privateDnsZoneIds).
func TestValueInputsMayBeUnknownAtPreview(t *testing.T) {
	t.Parallel()
	s, children := server(t)
	in := allServicesInputs()
	// As the engine sends an output of another resource that is unknown at preview: computed, with a
	// dependency on that resource.
	unknown := property.New(property.Computed).WithDependencies([]urn.URN{
		"urn:pulumi:stack::project::secureml:index:SecureMLNetwork::first"})
	in["resourceGroupName"] = unknown
	in["location"] = unknown
	in["keyVault"] = obj(map[string]property.Value{"resourceId": unknown})
	in["subnets"] = obj(map[string]property.Value{"privateEndpoints": obj(map[string]property.Value{"addressPrefix": unknown})})
	in["dns"] = obj(map[string]property.Value{"existingZoneIds": unknown})
	in["tags"] = unknown
	_, err := s.Construct(p.ConstructRequest{Urn: networkURN, Inputs: property.NewMap(in), DryRun: true})
	require.NoError(t, err)
	for _, key := range []string{
		"azure-native:network:PrivateEndpoint::net-keyVault-pe",
		"azure-native:network:VirtualNetworkLink::net-privatelink.vaultcore.azure.net-link",
	} {
		_, ok := children.Load(key)
		assert.True(t, ok, key)
	}
	_, created := children.Load("azure-native:network:PrivateZone::net-privatelink.vaultcore.azure.net-zone")
	assert.False(t, created, "with existingZoneIds given, even unknown, no zone is created here")
}

func TestSecretServiceTargetStaysSecret(t *testing.T) {
	t.Parallel()
	s, children := server(t)
	in := allServicesInputs()
	in["keyVault"] = target(keyVaultID).WithSecret(true)
	_, err := s.Construct(p.ConstructRequest{Urn: networkURN, Inputs: property.NewMap(in)})
	require.NoError(t, err)
	pe, ok := children.Load("azure-native:network:PrivateEndpoint::net-keyVault-pe")
	require.True(t, ok)
	conn := pe.(integration.MockResourceArgs).Inputs.Get("privateLinkServiceConnections").AsArray().Get(0).AsMap()
	assert.True(t, conn.Get("privateLinkServiceId").Secret(), "the ID inside a secret target stays secret")
}

// TestSecretObjectWithPlainShapeValues: the Node.js SDK marks a whole object secret when one value in
// it is a secret (a site's sharedKey from config.requireSecret). Its shape values are taken plain; its
// value inputs stay secret.
func TestSecretObjectWithPlainShapeValues(t *testing.T) {
	t.Parallel()
	s, children := server(t)
	in := allServicesInputs()
	in["vpnGateway"] = obj(map[string]property.Value{
		"sku": property.New("VpnGw2AZ"),
		"siteToSite": property.New([]property.Value{obj(map[string]property.Value{
			"name":             property.New("office"),
			"gatewayIpAddress": property.New("203.0.113.10"),
			"addressSpaces":    property.New([]property.Value{property.New("192.168.10.0/24")}),
			"sharedKey":        property.New("s3cret!Key"),
		})}),
	}).WithSecret(true)
	_, err := s.Construct(p.ConstructRequest{Urn: networkURN, Inputs: property.NewMap(in)})
	require.NoError(t, err)
	gw, ok := children.Load("azure-native:network:VirtualNetworkGateway::net-vpn-gateway")
	require.True(t, ok)
	assert.Equal(t, "VpnGw2AZ", gw.(integration.MockResourceArgs).Inputs.Get("sku").AsMap().Get("name").AsString())
	con, ok := children.Load("azure-native:network:VirtualNetworkGatewayConnection::net-site-office-connection")
	require.True(t, ok)
	assert.True(t, con.(integration.MockResourceArgs).Inputs.Get("sharedKey").Secret())
}
