package azurestandin

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEndpointConnectionPlainReadsFirstConnection(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		in            map[string]any
		group, target string
	}{
		{"automatic", map[string]any{"privateLinkServiceConnections": []any{
			map[string]any{"groupIds": []any{"blob"}, "privateLinkServiceId": "/x/st"}}}, "blob", "/x/st"},
		{"manual", map[string]any{"manualPrivateLinkServiceConnections": []any{
			map[string]any{"groupIds": []any{"vault"}, "privateLinkServiceId": "/x/kv"}}}, "vault", "/x/kv"},
		{"properties wrapper", map[string]any{"privateLinkServiceConnections": []any{
			map[string]any{"properties": map[string]any{"groupIds": []any{"registry"}, "privateLinkServiceId": "/x/acr"}}}},
			"registry", "/x/acr"},
		{"none", map[string]any{}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g, tg := endpointConnectionPlain(tt.in)
			assert.Equal(t, tt.group, g)
			assert.Equal(t, tt.target, tg)
		})
	}
}

func TestSubnetPrefixOfPrefersAddressPrefix(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "10.0.0.0/24", subnetPrefixOf(map[string]any{"addressPrefix": "10.0.0.0/24"}))
	assert.Equal(t, "10.1.0.0/24", subnetPrefixOf(map[string]any{"addressPrefixes": []any{"10.1.0.0/24", "10.2.0.0/24"}}))
	assert.Equal(t, "", subnetPrefixOf(map[string]any{}))
}

func TestEndpointDNSConfigsComeFromTheNetworkInterface(t *testing.T) {
	t.Parallel()
	nic := Record{Properties: map[string]any{"ipConfigurations": []any{
		map[string]any{"privateIPAddress": "10.0.0.4", "privateLinkConnectionProperties": map[string]any{"fqdns": []any{"a"}}},
		map[string]any{"privateIPAddress": "10.0.0.5", "privateLinkConnectionProperties": map[string]any{"fqdns": []any{"b"}}},
	}}}
	assert.Equal(t, []any{
		map[string]any{"fqdn": "a", "ipAddresses": []any{"10.0.0.4"}},
		map[string]any{"fqdn": "b", "ipAddresses": []any{"10.0.0.5"}},
	}, endpointDNSConfigs(nic))
	assert.Nil(t, endpointDNSConfigs(Record{}))
}

func TestComputeOutputsKeepsExplicitName(t *testing.T) {
	t.Parallel()
	in := pm(map[string]any{"name": "explicit", "resourceGroupName": "rg", "routeTableName": "rt"})
	rid, err := BuildID("azure-native:network:RouteTable", "urn", in, SubscriptionID)
	require.NoError(t, err)
	out := computeOutputs("azure-native:network:RouteTable", rid, in, nil, nil, nil)
	assert.Equal(t, "explicit", out["name"].StringValue())
	assert.Equal(t, "Microsoft.Network/routeTables", out["type"].StringValue())
	assert.Equal(t, rid.ID, out["id"].StringValue())
	assert.Equal(t, "Succeeded", out["provisioningState"].StringValue())
}

func TestComputeOutputsPrivateEndpointWithoutInterface(t *testing.T) {
	t.Parallel()
	in := pm(peIn("pe-kv", peSubnetID, "vault", testRG+"Microsoft.KeyVault/vaults/kv"))
	rid, err := BuildID(tokPE, "urn", in, SubscriptionID)
	require.NoError(t, err)

	// A preview of a create: the interface does not exist yet, so its outputs are unknown.
	fresh := computeOutputs(tokPE, rid, in, nil, nil, nil)
	assert.True(t, fresh["networkInterfaces"].IsComputed())
	assert.True(t, fresh["customDnsConfigs"].IsComputed())

	// A preview of an update keeps what the endpoint reported before.
	olds := in.Copy()
	olds["networkInterfaces"] = resource.NewPropertyValue([]any{map[string]any{"id": "/nic"}})
	olds["customDnsConfigs"] = resource.NewPropertyValue([]any{map[string]any{"fqdn": "kv.vault.azure.net"}})
	kept := computeOutputs(tokPE, rid, in, olds, nil, nil)
	assert.True(t, olds["networkInterfaces"].DeepEquals(kept["networkInterfaces"]))
	assert.True(t, olds["customDnsConfigs"].DeepEquals(kept["customDnsConfigs"]))
}
