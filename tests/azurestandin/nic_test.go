package azurestandin

import (
	"fmt"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Azure gives every private endpoint a network interface in the endpoint's subnet, the documented
// source of its private IPs and FQDNs (private-endpoint-dns.md: "The network interface associated with
// the private endpoint contains the information to configure your DNS").
func TestPrivateEndpointGetsANetworkInterfaceInItsSubnet(t *testing.T) {
	t.Parallel()
	workspace := testRG + "Microsoft.MachineLearningServices/workspaces/mlw-dev"
	registry := testRG + "Microsoft.ContainerRegistry/registries/acrml"
	tests := []struct {
		name, group, target string
		customNIC           string
		configs             int
	}{
		{"workspace: one configuration per FQDN", "amlworkspace", workspace, "", 3},
		{"registry: registry and data endpoint", "registry", registry, "", 2},
		{"Key Vault", "vault", testRG + "Microsoft.KeyVault/vaults/kv-ml", "", 1},
		{"storage blob", "blob", storageID, "", 1},
		{"custom network interface name", "amlworkspace", workspace, "nic-pe-mlw", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, Options{})
			f.network("10.0.2.0/24")
			in := peIn("pe-"+tt.group, peSubnetID, tt.group, tt.target)
			if tt.customNIC != "" {
				in["customNetworkInterfaceName"] = tt.customNIC
			}
			peID, out := f.mustCreate(tokPE, "pe", in)

			nics := out["networkInterfaces"].ArrayValue()
			require.Len(t, nics, 1)
			nicID := nics[0].ObjectValue()["id"].StringValue()
			nicName := lastSegment(nicID)
			if tt.customNIC != "" {
				assert.Equal(t, tt.customNIC, nicName)
			} else {
				assert.Regexp(t, `^pe-`+tt.group+`\.nic\.[0-9a-f-]{36}$`, nicName, "Azure's own name for the interface")
			}
			assert.Equal(t, testRG+"Microsoft.Network/networkInterfaces/"+nicName, nicID)

			nic, found, err := f.s.Store().Get(nicID)
			require.NoError(t, err)
			require.True(t, found, "the interface exists in the pretend Azure")
			assert.Equal(t, "Microsoft.Network/networkInterfaces", nic.Type)
			assert.Equal(t, peID, pathString(nic.Properties, "privateEndpoint", "id"))

			fqdns := EndpointFQDNs(tt.group, tt.target, "westeurope")
			configs := objects(pathSlice(nic.Properties, "ipConfigurations"))
			require.Len(t, configs, tt.configs)
			require.Len(t, fqdns, tt.configs)
			dns := out["customDnsConfigs"].ArrayValue()
			require.Len(t, dns, tt.configs, "customDnsConfigs come from the interface")
			for i, c := range configs {
				assert.Equal(t, peSubnetID, pathString(c, "subnet", "id"))
				assert.Equal(t, []string{fqdns[i]}, strs(pathSlice(c, "privateLinkConnectionProperties", "fqdns")))
				ip := netip.MustParseAddr(pathString(c, "privateIPAddress"))
				assert.True(t, netip.MustParsePrefix("10.0.2.0/24").Contains(ip), ip)
				assert.Equal(t, fqdns[i], dns[i].ObjectValue()["fqdn"].StringValue())
				assert.Equal(t, ip.String(), dns[i].ObjectValue()["ipAddresses"].ArrayValue()[0].StringValue())
			}
		})
	}
}

// Azure reserves the first four addresses and the last of every subnet ("Azure reserves 5 IP
// addresses within each subnet", design.md Principles); an address is held by one interface until
// the endpoint is deleted.
func TestEndpointAddressesFillTheSubnetAndAreFreedOnDelete(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	f.network("10.0.2.0/28") // usable: 10.0.2.4 - 10.0.2.14
	workspace := func(i int) map[string]any {
		return peIn(fmt.Sprintf("pe-mlw-%d", i), peSubnetID, "amlworkspace",
			testRG+fmt.Sprintf("Microsoft.MachineLearningServices/workspaces/mlw-%d", i))
	}
	ipsOf := func(out map[string]any) []string {
		var ips []string
		for _, c := range objects(pathSlice(out, "customDnsConfigs")) {
			ips = append(ips, strs(pathSlice(c, "ipAddresses"))...)
		}
		return ips
	}

	owner := map[string]string{}
	var firstID string
	var first map[string]any
	for i := range 3 { // 3 × 3 addresses
		id, out := f.mustCreate(tokPE, fmt.Sprint("mlw", i), workspace(i))
		if i == 0 {
			firstID, first = id, plainMap(out)
		}
		for _, ip := range ipsOf(plainMap(out)) {
			assert.NotContains(t, owner, ip, "address handed out twice")
			owner[ip] = id
		}
	}
	_, out := f.mustCreate(tokPE, "acr", peIn("pe-acr", peSubnetID, "registry", testRG+"Microsoft.ContainerRegistry/registries/acrml"))
	for _, ip := range ipsOf(plainMap(out)) {
		assert.NotContains(t, owner, ip, "address handed out twice")
		owner[ip] = "pe-acr"
	}
	require.Len(t, owner, 11, "the whole usable range")
	for ip := range owner {
		last := netip.MustParseAddr(ip).As4()[3]
		assert.True(t, last >= 4 && last <= 14, "%s is reserved by Azure", ip)
	}

	// Source: none named in endpoints.go (allocateIP); Azure refuses an endpoint in a full subnet.
	_, err := f.create(tokPE, "kv", vaultPE("pe-kv", peSubnetID))
	requireAzureError(t, err, 400, "SubnetIsFull", "10.0.2.0/28")

	require.NoError(t, f.remove(tokPE, "mlw0", firstID, pm(first)))
	_, out = f.mustCreate(tokPE, "kv", vaultPE("pe-kv", peSubnetID))
	ip := ipsOf(plainMap(out))
	require.Len(t, ip, 1)
	assert.Contains(t, ipsOf(first), ip[0], "the new endpoint gets an address the deleted one freed")
}

func TestEndpointAddressesAreDeterministic(t *testing.T) {
	t.Parallel()
	run := func() []any {
		f := newFixture(t, Options{})
		f.network("10.0.2.0/24")
		_, out := f.mustCreate(tokPE, "mlw", peIn("pe-mlw", peSubnetID, "amlworkspace",
			testRG+"Microsoft.MachineLearningServices/workspaces/mlw"))
		return pathSlice(plainMap(out), "customDnsConfigs")
	}
	assert.Equal(t, run(), run(), "the same program gets the same addresses")
}
