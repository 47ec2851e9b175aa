package azurestandin

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/stretchr/testify/assert"
)

func TestEndpointConnection(t *testing.T) {
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
			g, tg := endpointConnection(pm(tt.in))
			assert.Equal(t, tt.group, g)
			assert.Equal(t, tt.target, tg)
		})
	}
}

func TestSubnetPrefix(t *testing.T) {
	p, ok := subnetPrefix(pm(map[string]any{"addressPrefix": "10.0.0.0/24"}))
	assert.True(t, ok)
	assert.Equal(t, "10.0.0.0/24", p)
	p, ok = subnetPrefix(pm(map[string]any{"addressPrefixes": []any{"10.1.0.0/24", "10.2.0.0/24"}}))
	assert.True(t, ok)
	assert.Equal(t, "10.1.0.0/24", p)
	_, ok = subnetPrefix(pm(map[string]any{}))
	assert.False(t, ok)
}

func TestEndpointIPs(t *testing.T) {
	props := pm(map[string]any{"customDnsConfigs": []any{
		map[string]any{"fqdn": "a", "ipAddresses": []any{"10.0.0.4"}},
		map[string]any{"fqdn": "b", "ipAddresses": []any{"10.0.0.5", "10.0.0.6"}},
	}})
	assert.Equal(t, []string{"10.0.0.4", "10.0.0.5", "10.0.0.6"}, endpointIPs(props))
	assert.Nil(t, endpointIPs(resource.PropertyMap{}))
}

func TestComputeOutputsKeepsExplicitName(t *testing.T) {
	s := NewServer(Options{})
	in := pm(map[string]any{"name": "explicit", "resourceGroupName": "rg", "routeTableName": "rt"})
	rid, err := BuildID("azure-native:network:RouteTable", "urn", in)
	assert.NoError(t, err)
	out, err := s.computeOutputs("azure-native:network:RouteTable", rid, in, nil, false)
	assert.NoError(t, err)
	assert.Equal(t, "explicit", out["name"].StringValue())
	assert.Equal(t, "Microsoft.Network/routeTables", out["type"].StringValue())
}

func TestComputeOutputsBadSubnetPrefix(t *testing.T) {
	s := NewServer(Options{})
	in := pm(map[string]any{"resourceGroupName": "rg", "virtualNetworkName": "v", "subnetName": "s", "addressPrefix": "bogus"})
	rid, err := BuildID("azure-native:network:Subnet", "urn", in)
	assert.NoError(t, err)
	_, err = s.computeOutputs("azure-native:network:Subnet", rid, in, nil, false)
	assert.Error(t, err)
}
