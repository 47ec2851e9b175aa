//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Values of the hybrid examples. The two keys are set as secret config and must never reach the
// state in plaintext.
const (
	officeSharedKey = "e2e!SharedKey#4711"
	circuitAuthKey  = "c1c2c3c4-d1d2-e1e2-f1f2-a1a2a3a4a5a6"
)

var hybridConfig = map[string]string{
	"resourceGroupName":   serviceConfig["resourceGroupName"],
	"location":            "eastus",
	"workspaceId":         serviceConfig["workspaceId"],
	"storageAccountId":    serviceConfig["storageAccountId"],
	"keyVaultId":          serviceConfig["keyVaultId"],
	"containerRegistryId": serviceConfig["containerRegistryId"],
	"tenantId":            "11111111-2222-3333-4444-555555555555",
	"officePublicIp":      "203.0.113.10",
	"officeAddressSpace":  "192.168.10.0/24",
	"circuitId":           subscription + "/resourceGroups/rg-connectivity/providers/Microsoft.Network/expressRouteCircuits/er-office",
}

var hybridSecrets = map[string]string{"officeSharedKey": officeSharedKey, "circuitAuthorizationKey": circuitAuthKey}

// TestHybridExamples runs the hybrid example in YAML and TypeScript, each in a copy of its folder
// through the CLI (folder mode, as TestExamples): every way in, created once, with the children the
// component tests pin, the same outputs in both languages, and no secret in plaintext in the state.
func TestHybridExamples(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	results := map[string]lifecycleResult{}
	projects := map[string]string{"yaml": "secureml-hybrid-yaml", "nodejs": "secureml-hybrid-nodejs"}
	t.Run("languages", func(t *testing.T) {
		for language, project := range projects {
			t.Run(language, func(t *testing.T) {
				t.Parallel()
				env := newHermeticEnv(t)
				source := filepath.Join("..", "..", "examples", "hybrid-"+language)
				d := folderProject(t, env, language, source, "e2e", hybridConfig)
				d.setConfig(t, hybridSecrets, true)
				res := hybridLifecycle(t, d, expectedURNs(t, "hybrid-all-ways-in.txt", "e2e", project))
				mu.Lock()
				results[language] = res
				mu.Unlock()
			})
		}
	})
	require.Len(t, results, len(projects), "every language must finish")
	assert.Equal(t, results["yaml"].urns, results["nodejs"].urns, "TypeScript must create the same children as YAML")
	assert.Equal(t, results["yaml"].outputs, results["nodejs"].outputs, "TypeScript must produce the same outputs as YAML")
}

func hybridLifecycle(t *testing.T, d driver, expected []string) lifecycleResult {
	changes, err := d.preview(t)
	require.NoError(t, err, "first preview")
	assert.Equal(t, len(expected)+1, changes["create"])

	changes, outputs, err := d.up(t)
	require.NoError(t, err, "first up")
	assert.Equal(t, map[string]int{"create": len(expected) + 1}, changes)
	deployed := childURNs(d.resources(t))
	assert.Equal(t, expected, deployed, "up must create exactly the children the golden file pins")
	checkHybridOutputs(t, outputs)

	// The secrets: nowhere in `pulumi stack export` in plaintext, and secret where they are kept.
	state := d.exportText(t)
	for name, value := range hybridSecrets {
		if i := strings.Index(state, value); i >= 0 {
			t.Errorf("%s is in the state in plaintext: ...%s...", name, state[max(0, i-600):min(len(state), i+100)])
		}
	}
	for _, r := range d.resources(t) {
		for _, key := range []string{"sharedKey", "authorizationKey"} {
			if v, ok := r.Outputs[key]; ok {
				secret, _ := v.(map[string]any)
				assert.Equal(t, "1b47061264138c4ac30d75fd1eb44270", secret["4dabf18193072939515e22adb298388d"],
					"%s of %s is stored as a secret", key, r.URN)
			}
		}
	}

	changes, _, err = d.up(t)
	require.NoError(t, err, "second up")
	assert.Equal(t, map[string]int{"same": len(expected) + 1}, changes, "a second up must change nothing")

	require.NoError(t, d.destroy(t), "destroy")
	assert.Empty(t, childURNs(d.resources(t)))
	return lifecycleResult{urns: normalizeURNs(deployed), outputs: outputs}
}

func checkHybridOutputs(t *testing.T, outputs map[string]any) {
	t.Helper()
	obj := func(v any) map[string]any { m, _ := v.(map[string]any); return m }
	vpn := obj(outputs["vpnGateway"])
	require.NotNil(t, vpn, "vpnGateway output")
	assert.Contains(t, vpn["id"], "/providers/Microsoft.Network/virtualNetworkGateways/vgw-ml-vpn")
	assert.Len(t, vpn["publicIpAddresses"], 1)
	assert.Equal(t, 65515.0, obj(vpn["bgp"])["asn"])
	assert.NotEmpty(t, obj(vpn["bgp"])["peeringAddresses"], "the gateway's BGP peer address, as Azure reports it")
	p2s := obj(vpn["pointToSite"])
	assert.Equal(t, []any{"172.16.201.0/24"}, p2s["addressPool"])
	assert.Equal(t, "https://sts.windows.net/11111111-2222-3333-4444-555555555555/", p2s["issuer"])
	assert.Contains(t, obj(vpn["siteConnectionIds"])["office"], "/connections/con-ml-site-office")
	assert.Contains(t, obj(outputs["expressRouteGateway"])["connectionId"], "/connections/con-ml-expressroute")
	resolver := obj(outputs["dnsResolver"])
	assert.Equal(t, "10.0.4.4", resolver["inboundIpAddress"])
	assert.Contains(t, obj(outputs["bastion"])["dnsName"], ".bastion.azure.com")
	forwarders, _ := outputs["conditionalForwarders"].([]any)
	var zones []string
	for _, f := range forwarders {
		zones = append(zones, f.(string))
	}
	assert.Equal(t, []string{"api.azureml.ms", "aznbcontent.net", "azurecr.io", "blob.core.windows.net",
		"file.core.windows.net", "inference.ml.azure.com", "instances.ml.azure.ms", "notebooks.azure.net",
		"vaultcore.azure.net"}, zones)
	assert.Equal(t, map[string]any{
		"training": "10.0.0.0/24", "scoring": "10.0.1.0/24", "privateEndpoints": "10.0.2.0/24",
		"gateway": "10.0.3.0/26", "bastion": "10.0.3.64/26", "dnsResolverInbound": "10.0.4.0/28",
	}, outputs["subnetAddressPrefixes"])
}

// TestAddWaysInToALiveStack adds a VPN gateway, a DNS resolver and Bastion to a live network, then
// removes them: nothing is replaced either way; the network (its DNS servers) and the blob zone's link
// (its resolution policy, through the versioned type's alias) are updated in place, and no subnet
// moves.
func TestAddWaysInToALiveStack(t *testing.T) {
	t.Parallel()
	env := newHermeticEnv(t)
	dir := filepath.Join(env.dir, "add-ways-in")
	require.NoError(t, os.CopyFS(dir, os.DirFS(filepath.Join("programs", "add-ways-in", "before"))))
	stack := yamlStackIn(t, env, dir, "e2e")
	setConfig(t, stack, map[string]string{
		"workspaceId": serviceConfig["workspaceId"], "storageAccountId": serviceConfig["storageAccountId"],
	})
	d := localDriver{stack: stack}
	use := func(variant string) {
		data, err := os.ReadFile(filepath.Join("programs", "add-ways-in", variant, "Pulumi.yaml"))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "Pulumi.yaml"), data, 0o644))
	}
	_, before, err := d.up(t)
	require.NoError(t, err)

	use("after")
	changes, err := d.preview(t)
	require.NoError(t, err)
	assert.Zero(t, changes["replace"]+changes["delete"], "adding ways in replaces nothing: %v", changes)
	assert.Equal(t, 2, changes["update"], "the network's DNS servers and the blob link's policy: %v", changes)
	_, after, err := d.up(t)
	require.NoError(t, err, "the stand-in accepts the update: the network keeps its subnets")
	prefixes, _ := after["subnetAddressPrefixes"].(map[string]any)
	for role, prefix := range before["subnetAddressPrefixes"].(map[string]any) {
		assert.Equal(t, prefix, prefixes[role], "%s does not move", role)
	}
	blobLinks := 0
	for _, r := range exportResources(t, stack) {
		if strings.HasSuffix(string(r.URN), "privatelink.blob.core.windows.net-link") {
			blobLinks++
			assert.Equal(t, "azure-native:network/v20240601:VirtualNetworkLink", string(r.Type))
			assert.Equal(t, "NxDomainRedirect", r.Inputs["resolutionPolicy"])
		}
	}
	assert.Equal(t, 1, blobLinks)

	use("before")
	changes, err = d.preview(t)
	require.NoError(t, err)
	assert.Zero(t, changes["replace"]+changes["create"], "removing the ways in replaces nothing: %v", changes)
	_, _, err = d.up(t)
	require.NoError(t, err)
	require.NoError(t, d.destroy(t))
}
