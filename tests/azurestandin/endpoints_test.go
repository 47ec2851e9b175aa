package azurestandin

import (
	"fmt"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEndpointFQDNs(t *testing.T) {
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
			assert.Equal(t, tt.want, EndpointFQDNs(tt.group, tt.target, tt.location))
		})
	}
	assert.Equal(t, EndpointFQDNs("amlworkspace", ws, "westeurope"), EndpointFQDNs("amlworkspace", ws, "westeurope"))
}

func TestAllocateInsidePrefixSkipsReserved(t *testing.T) {
	a := NewIPAllocator()
	require.NoError(t, a.SetSubnetPrefix("/snet", "10.1.2.0/28")) // usable: .4 - .14
	p := netip.MustParsePrefix("10.1.2.0/28")
	for i := 0; i < 11; i++ {
		ip, err := a.Allocate("/snet", "owner", fmt.Sprintf("seed-%d", i))
		require.NoError(t, err)
		addr := netip.MustParseAddr(ip)
		assert.True(t, p.Contains(addr), ip)
		last := addr.As4()[3]
		assert.GreaterOrEqual(t, last, byte(4), ip)
		assert.LessOrEqual(t, last, byte(14), ip)
	}
	_, err := a.Allocate("/snet", "owner", "one-too-many")
	require.Error(t, err, "a /28 has 11 usable addresses")
}

func TestAllocateDeterministic(t *testing.T) {
	run := func() []string {
		a := NewIPAllocator()
		require.NoError(t, a.SetSubnetPrefix("/snet", "10.0.4.0/24"))
		var ips []string
		for _, fqdn := range []string{"a.example", "b.example", "c.example"} {
			ip, err := a.Allocate("/snet", "pe", "pe-1"+fqdn)
			require.NoError(t, err)
			ips = append(ips, ip)
		}
		return ips
	}
	assert.Equal(t, run(), run())

	a := NewIPAllocator()
	require.NoError(t, a.SetSubnetPrefix("/snet", "10.0.4.0/24"))
	ip, err := a.Allocate("/snet", "pe", "pe-1a.example")
	require.NoError(t, err)
	assert.Equal(t, fmt.Sprintf("10.0.4.%d", 4+fnv32("pe-1a.example")%(256-5)), ip)
}

func TestAllocateUnknownSubnetUsesFallback(t *testing.T) {
	a := NewIPAllocator()
	ip, err := a.Allocate("/not/seen", "pe", "seed")
	require.NoError(t, err)
	assert.True(t, netip.MustParsePrefix(FallbackPrefix).Contains(netip.MustParseAddr(ip)), ip)
	p, known := a.SubnetPrefix("/not/seen")
	assert.False(t, known)
	assert.Equal(t, FallbackPrefix, p)
}

func TestAllocateNoDuplicatesAcrossEndpoints(t *testing.T) {
	a := NewIPAllocator()
	subnet := testRG + "Microsoft.Network/virtualNetworks/vnet/subnets/pe"
	require.NoError(t, a.SetSubnetPrefix(subnet, "10.0.8.0/27")) // 27 usable
	seen := map[string]string{}
	for i := 0; i < 20; i++ {
		name := fmt.Sprintf("pe-%02d", i)
		cfgs, err := a.AllocateEndpoint(subnet, "/pe/"+name, name, "vault",
			testRG+"Microsoft.KeyVault/vaults/kv"+name, "westeurope")
		require.NoError(t, err)
		require.Len(t, cfgs, 1)
		ip := cfgs[0].IPAddresses[0]
		assert.NotContains(t, seen, ip, "ip %s handed to %s and %s", ip, seen[ip], name)
		seen[ip] = name
		assert.True(t, netip.MustParsePrefix("10.0.8.0/27").Contains(netip.MustParseAddr(ip)))
	}
	assert.Len(t, seen, 20)
}

func TestReleaseFreesIPs(t *testing.T) {
	a := NewIPAllocator()
	require.NoError(t, a.SetSubnetPrefix("/snet", "10.0.0.0/29")) // 3 usable: .4 .5 .6
	var ips []string
	for i := 0; i < 3; i++ {
		ip, err := a.Allocate("/snet", "pe-a", fmt.Sprint(i))
		require.NoError(t, err)
		ips = append(ips, ip)
	}
	assert.ElementsMatch(t, []string{"10.0.0.4", "10.0.0.5", "10.0.0.6"}, ips)
	_, err := a.Allocate("/snet", "pe-b", "x")
	require.Error(t, err)

	assert.Equal(t, 3, a.Release("pe-a"))
	assert.False(t, a.InUse("/snet", "10.0.0.5"))
	ip, err := a.Allocate("/snet", "pe-b", "x")
	require.NoError(t, err)
	assert.True(t, a.InUse("/SNET", ip), "subnet IDs are case-insensitive")

	assert.True(t, a.ReleaseIP("/snet", ip))
	assert.False(t, a.ReleaseIP("/snet", ip))
}

func TestReserveIsRespected(t *testing.T) {
	a := NewIPAllocator()
	require.NoError(t, a.SetSubnetPrefix("/snet", "10.0.0.0/24"))
	first, err := a.Allocate("/snet", "probe", "seed")
	require.NoError(t, err)
	a.Release("probe")

	a.Reserve("/snet", "existing", first)
	second, err := a.Allocate("/snet", "new", "seed")
	require.NoError(t, err)
	assert.NotEqual(t, first, second)
}

func TestSetSubnetPrefixErrors(t *testing.T) {
	a := NewIPAllocator()
	assert.Error(t, a.SetSubnetPrefix("/s", "nonsense"))
	assert.Error(t, a.SetSubnetPrefix("/s", "fd00::/64"))
	require.NoError(t, a.SetSubnetPrefix("/s", "10.0.0.0/30"))
	_, err := a.Allocate("/s", "o", "x")
	assert.Error(t, err, "a /30 has no usable addresses")
}

func TestPublicIPFor(t *testing.T) {
	ip := PublicIPFor("/pip")
	addr := netip.MustParseAddr(ip)
	assert.True(t, netip.MustParsePrefix("20.0.0.0/8").Contains(addr))
	assert.Equal(t, ip, PublicIPFor("/pip"))
	last := addr.As4()[3]
	assert.NotEqual(t, byte(0), last)
	assert.NotEqual(t, byte(255), last)
}

func TestNormalizeLocation(t *testing.T) {
	assert.Equal(t, "westeurope", NormalizeLocation("West Europe"))
	assert.Equal(t, "eastus2", NormalizeLocation("eastus2"))
}
