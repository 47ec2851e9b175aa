package azurestandin

import (
	"fmt"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEndpointFQDNsPerGroup(t *testing.T) {
	t.Parallel()
	target := func(provider, name string) string {
		return testRG + provider + "/" + name
	}
	ws := target("Microsoft.MachineLearningServices/workspaces", "MLW-Dev")
	guid := DeterministicGUID("workspace:" + "/subscriptions/" + SubscriptionID +
		"/resourcegroups/rg-ml/providers/microsoft.machinelearningservices/workspaces/mlw-dev")
	tests := []struct {
		group, target, location string
		want                    []string
	}{
		{"amlworkspace", ws, "West Europe", []string{
			guid + ".workspace.westeurope.api.azureml.ms",
			guid + ".workspace.westeurope.cert.api.azureml.ms",
			"ml-mlw-dev-westeurope-" + guid + ".westeurope.notebooks.azure.net",
		}},
		{"blob", target("Microsoft.Storage/storageAccounts", "stml"), "westeurope", []string{"stml.blob.core.windows.net"}},
		{"file", target("Microsoft.Storage/storageAccounts", "stml"), "westeurope", []string{"stml.file.core.windows.net"}},
		{"queue", target("Microsoft.Storage/storageAccounts", "stml"), "westeurope", []string{"stml.queue.core.windows.net"}},
		{"table", target("Microsoft.Storage/storageAccounts", "stml"), "westeurope", []string{"stml.table.core.windows.net"}},
		{"dfs", target("Microsoft.Storage/storageAccounts", "stml"), "westeurope", []string{"stml.dfs.core.windows.net"}},
		{"vault", target("Microsoft.KeyVault/vaults", "kv-ml"), "westeurope", []string{"kv-ml.vault.azure.net"}},
		{"registry", target("Microsoft.ContainerRegistry/registries", "acrml"), "North Europe",
			[]string{"acrml.azurecr.io", "acrml.northeurope.data.azurecr.io"}},
		{"searchService", target("Microsoft.Search/searchServices", "srch"), "westeurope",
			[]string{"srch.searchservice.privatelink.test"}},
		{"registry", target("Microsoft.ContainerRegistry/registries", "acrml"), "",
			[]string{"acrml.azurecr.io", "acrml.eastus.data.azurecr.io"}},
	}
	for _, tt := range tests {
		t.Run(tt.group+"/"+tt.location, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, EndpointFQDNs(tt.group, tt.target, tt.location))
		})
	}
	assert.Equal(t, EndpointFQDNs("amlworkspace", ws, "westeurope"), EndpointFQDNs("amlworkspace", ws, "westeurope"))
}

func TestAllocateIPSkipsReservedAndBroadcastAndNeverRepeats(t *testing.T) {
	t.Parallel()
	p := netip.MustParsePrefix("10.1.2.0/28") // usable: .4 - .14 (Azure keeps .0-.3 and .15)
	used := map[netip.Addr]bool{}
	for i := range 11 {
		ip, err := allocateIP(p, used, fmt.Sprintf("seed-%d", i))
		require.NoError(t, err)
		assert.True(t, p.Contains(ip), ip)
		assert.GreaterOrEqual(t, ip.As4()[3], byte(4), ip)
		assert.LessOrEqual(t, ip.As4()[3], byte(14), ip)
	}
	assert.Len(t, used, 11, "every address handed out once")

	// Source: none named in endpoints.go; Azure's answer when a subnet has no free address.
	_, err := allocateIP(p, used, "one-too-many")
	requireAzureError(t, err, 400, "SubnetIsFull", "10.1.2.0/28")
}

func TestAllocateIPIsDeterministicPerSeed(t *testing.T) {
	t.Parallel()
	p := netip.MustParsePrefix("10.0.4.0/24")
	a, err := allocateIP(p, map[netip.Addr]bool{}, "pe-1a.example")
	require.NoError(t, err)
	b, err := allocateIP(p, map[netip.Addr]bool{}, "pe-1a.example")
	require.NoError(t, err)
	assert.Equal(t, a, b)
	assert.Equal(t, fmt.Sprintf("10.0.4.%d", 4+fnv32("pe-1a.example")%(256-5)), a.String())

	next, err := allocateIP(p, map[netip.Addr]bool{a: true}, "pe-1a.example")
	require.NoError(t, err)
	assert.NotEqual(t, a, next, "a used address is skipped")
}

func TestAllocateIPRefusesUnmodelledPrefixes(t *testing.T) {
	t.Parallel()
	for _, prefix := range []string{"fd00::/64", "10.0.0.0/7", "10.0.0.0/30"} {
		_, err := allocateIP(netip.MustParsePrefix(prefix), map[netip.Addr]bool{}, "x")
		assert.Error(t, err, prefix)
	}
}

func TestPublicIPForIsDeterministicIn20Slash8(t *testing.T) {
	t.Parallel()
	ip := PublicIPFor("/pip")
	addr := netip.MustParseAddr(ip)
	assert.True(t, netip.MustParsePrefix("20.0.0.0/8").Contains(addr))
	assert.Equal(t, ip, PublicIPFor("/pip"))
	last := addr.As4()[3]
	assert.NotEqual(t, byte(0), last)
	assert.NotEqual(t, byte(255), last)
}

func TestNormalizeLocation(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "westeurope", NormalizeLocation("West Europe"))
	assert.Equal(t, "eastus2", NormalizeLocation("eastus2"))
}
