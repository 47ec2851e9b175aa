package azurestandin

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/stretchr/testify/assert"
)

func TestComputeDiff(t *testing.T) {
	t.Parallel()
	base := map[string]any{
		"resourceGroupName":  "rg",
		"location":           "westeurope",
		"virtualNetworkName": "vnet",
		"subnetName":         "snet",
		"addressPrefix":      "10.0.0.0/24",
		"tags":               map[string]any{"env": "dev"},
	}
	with := func(k string, v any) map[string]any {
		m := map[string]any{}
		for kk, vv := range base {
			m[kk] = vv
		}
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
		return m
	}
	tests := []struct {
		name     string
		token    string
		news     resource.PropertyMap
		changes  pulumirpc.DiffResponse_DiffChanges
		diffs    []string
		replaces []string
		kinds    map[string]pulumirpc.PropertyDiff_Kind
	}{
		{"no change", "azure-native:network:Subnet", pm(base), pulumirpc.DiffResponse_DIFF_NONE, nil, nil, nil},
		{"tags change is an update", "azure-native:network:Subnet", pm(with("tags", map[string]any{"env": "prod"})),
			pulumirpc.DiffResponse_DIFF_SOME, []string{"tags"}, nil,
			map[string]pulumirpc.PropertyDiff_Kind{"tags": pulumirpc.PropertyDiff_UPDATE}},
		{"addressPrefix change is an update", "azure-native:network:Subnet", pm(with("addressPrefix", "10.0.1.0/24")),
			pulumirpc.DiffResponse_DIFF_SOME, []string{"addressPrefix"}, nil,
			map[string]pulumirpc.PropertyDiff_Kind{"addressPrefix": pulumirpc.PropertyDiff_UPDATE}},
		{"own name change replaces", "azure-native:network:Subnet", pm(with("subnetName", "snet2")),
			pulumirpc.DiffResponse_DIFF_SOME, []string{"subnetName"}, []string{"subnetName"},
			map[string]pulumirpc.PropertyDiff_Kind{"subnetName": pulumirpc.PropertyDiff_UPDATE_REPLACE}},
		{"parent name change replaces", "azure-native:network:Subnet", pm(with("virtualNetworkName", "v2")),
			pulumirpc.DiffResponse_DIFF_SOME, []string{"virtualNetworkName"}, []string{"virtualNetworkName"},
			map[string]pulumirpc.PropertyDiff_Kind{"virtualNetworkName": pulumirpc.PropertyDiff_UPDATE_REPLACE}},
		{"location change replaces", "azure-native:network:Subnet", pm(with("location", "eastus")),
			pulumirpc.DiffResponse_DIFF_SOME, []string{"location"}, []string{"location"},
			map[string]pulumirpc.PropertyDiff_Kind{"location": pulumirpc.PropertyDiff_UPDATE_REPLACE}},
		{"resource group change replaces", "azure-native:network:Subnet", pm(with("resourceGroupName", "rg2")),
			pulumirpc.DiffResponse_DIFF_SOME, []string{"resourceGroupName"}, []string{"resourceGroupName"},
			map[string]pulumirpc.PropertyDiff_Kind{"resourceGroupName": pulumirpc.PropertyDiff_UPDATE_REPLACE}},
		{"added key", "azure-native:network:Subnet", pm(with("defaultOutboundAccess", false)),
			pulumirpc.DiffResponse_DIFF_SOME, []string{"defaultOutboundAccess"}, nil,
			map[string]pulumirpc.PropertyDiff_Kind{"defaultOutboundAccess": pulumirpc.PropertyDiff_ADD}},
		{"removed key", "azure-native:network:Subnet", pm(with("tags", nil)),
			pulumirpc.DiffResponse_DIFF_SOME, []string{"tags"}, nil,
			map[string]pulumirpc.PropertyDiff_Kind{"tags": pulumirpc.PropertyDiff_DELETE}},
		{"removed name replaces", "azure-native:network:Subnet", pm(with("subnetName", nil)),
			pulumirpc.DiffResponse_DIFF_SOME, []string{"subnetName"}, []string{"subnetName"},
			map[string]pulumirpc.PropertyDiff_Kind{"subnetName": pulumirpc.PropertyDiff_DELETE_REPLACE}},
		{"subnetName is not special on a VirtualNetwork", "azure-native:network:VirtualNetwork",
			pm(with("subnetName", "other")), pulumirpc.DiffResponse_DIFF_SOME, []string{"subnetName"}, nil,
			map[string]pulumirpc.PropertyDiff_Kind{"subnetName": pulumirpc.PropertyDiff_UPDATE}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resp := ComputeDiff(tt.token, pm(base), tt.news, nil)
			assert.Equal(t, tt.changes, resp.GetChanges())
			assert.Equal(t, tt.diffs, resp.GetDiffs())
			assert.Equal(t, tt.replaces, resp.GetReplaces())
			assert.False(t, resp.GetDeleteBeforeReplace())
			assert.Len(t, resp.GetDetailedDiff(), len(tt.kinds))
			for k, kind := range tt.kinds {
				if assert.Contains(t, resp.GetDetailedDiff(), k) {
					assert.Equal(t, kind, resp.GetDetailedDiff()[k].GetKind(), k)
					assert.True(t, resp.GetDetailedDiff()[k].GetInputDiff())
				}
			}
		})
	}
}

func TestComputeDiffPrivateEndpointSubnetReplaces(t *testing.T) {
	t.Parallel()
	olds := pm(map[string]any{"privateEndpointName": "pe", "subnet": map[string]any{"id": "/a"}, "tags": map[string]any{}})
	news := pm(map[string]any{"privateEndpointName": "pe", "subnet": map[string]any{"id": "/b"}, "tags": map[string]any{"x": "y"}})
	resp := ComputeDiff("azure-native:network:PrivateEndpoint", olds, news, nil)
	assert.Equal(t, []string{"subnet"}, resp.GetReplaces())
	assert.Equal(t, []string{"subnet", "tags"}, resp.GetDiffs())
	assert.Equal(t, pulumirpc.PropertyDiff_UPDATE_REPLACE, resp.GetDetailedDiff()["subnet"].GetKind())
	assert.Equal(t, pulumirpc.PropertyDiff_UPDATE, resp.GetDetailedDiff()["tags"].GetKind())
}

func TestComputeDiffUnknownIsChange(t *testing.T) {
	t.Parallel()
	olds := pm(map[string]any{"addressPrefix": "10.0.0.0/24"})
	news := resource.PropertyMap{"addressPrefix": resource.MakeComputed(resource.NewStringProperty(""))}
	resp := ComputeDiff("azure-native:network:Subnet", olds, news, nil)
	assert.Equal(t, pulumirpc.DiffResponse_DIFF_SOME, resp.GetChanges())
	assert.Equal(t, []string{"addressPrefix"}, resp.GetDiffs())
}

func TestComputeDiffIgnoreChanges(t *testing.T) {
	t.Parallel()
	olds := pm(map[string]any{"tags": map[string]any{"a": "1"}})
	news := pm(map[string]any{"tags": map[string]any{"a": "2"}})
	resp := ComputeDiff("azure-native:network:VirtualNetwork", olds, news, []string{"tags"})
	assert.Equal(t, pulumirpc.DiffResponse_DIFF_NONE, resp.GetChanges())
}

func TestComputeDiffSecretsCompareByValue(t *testing.T) {
	t.Parallel()
	secret := func(s string) resource.PropertyValue { return resource.MakeSecret(resource.NewStringProperty(s)) }
	same := ComputeDiff("azure-native:network:VirtualNetwork",
		resource.PropertyMap{"k": secret("a")}, resource.PropertyMap{"k": secret("a")}, nil)
	assert.Equal(t, pulumirpc.DiffResponse_DIFF_NONE, same.GetChanges())
	changed := ComputeDiff("azure-native:network:VirtualNetwork",
		resource.PropertyMap{"k": secret("a")}, resource.PropertyMap{"k": secret("b")}, nil)
	assert.Equal(t, []string{"k"}, changed.GetDiffs())
}

func TestReplaceKeys(t *testing.T) {
	t.Parallel()
	assert.Equal(t, map[string]bool{
		"location": true, "resourceGroupName": true, "privateZoneName": true, "virtualNetworkLinkName": true,
	}, ReplaceKeys("azure-native:network:VirtualNetworkLink"))
	assert.True(t, ReplaceKeys("azure-native:network:PrivateEndpoint")["subnet"])
	assert.False(t, ReplaceKeys("azure-native:network:Subnet")["subnet"])
	assert.True(t, ReplaceKeys("azure-native:network:PrivateDnsZoneGroup")["privateEndpointName"])
}

func TestStripComputedOutputs(t *testing.T) {
	t.Parallel()
	olds := pm(map[string]any{
		"id": "/x", "etag": "e", "type": "t", "provisioningState": "Succeeded", "name": "vnet",
		"virtualNetworkName": "vnet", "tags": map[string]any{},
	})
	got := StripComputedOutputs(olds, pm(map[string]any{"virtualNetworkName": "vnet"}))
	assert.Equal(t, pm(map[string]any{"virtualNetworkName": "vnet", "tags": map[string]any{}}), got)
	assert.Contains(t, olds, resource.PropertyKey("id"), "input map is not modified")

	kept := StripComputedOutputs(olds, pm(map[string]any{"name": "vnet"}))
	assert.Contains(t, kept, resource.PropertyKey("name"))
}
