//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// expectedComponentURNs is expectedURNs for a component named other than ml.
func expectedComponentURNs(t *testing.T, golden, stack, project, component string) []string {
	t.Helper()
	urns := expectedURNs(t, golden, stack, project)
	for i, u := range urns {
		if strings.HasSuffix(u, "secureml:index:SecureMLNetwork::ml") {
			urns[i] = strings.TrimSuffix(u, "::ml") + "::" + component
		}
	}
	return urns
}

// TestHubAndSpokeYAML deploys the hub-and-spoke example's hub, then its spoke through a
// StackReference: the spoke peers with the hub (both sides, through the hub's gateway), links the hub
// to its zones, and routes its compute subnets to the hub's firewall. Each stack creates exactly the
// children of its golden file.
func TestHubAndSpokeYAML(t *testing.T) {
	t.Parallel()
	env := newHermeticEnv(t)
	example := filepath.Join("..", "..", "examples", "hub-and-spoke", "yaml")
	hubDir, spokeDir := filepath.Join(env.dir, "hub"), filepath.Join(env.dir, "spoke")
	require.NoError(t, os.CopyFS(hubDir, os.DirFS(filepath.Join(example, "hub"))))
	require.NoError(t, os.CopyFS(spokeDir, os.DirFS(filepath.Join(example, "spoke"))))

	hubStack := yamlStackIn(t, env, hubDir, "e2e")
	setConfig(t, hubStack, map[string]string{
		"resourceGroupName": "rg-ml-network", "tenantId": "11111111-2222-3333-4444-555555555555",
	})
	hub := localDriver{stack: hubStack}
	_, hubOutputs, err := hub.up(t)
	require.NoError(t, err, "hub up")
	assert.Equal(t, expectedComponentURNs(t, "hub-and-spoke-hub.txt", "e2e", "secureml-hub-yaml", "hub"),
		deployedURNs(t, t.Context(), hubStack))
	assert.Equal(t, "10.100.3.132", hubOutputs["firewallPrivateIpAddress"], "the fifth address of AzureFirewallSubnet")

	spokeStack := yamlStackIn(t, env, spokeDir, "e2e")
	setConfig(t, spokeStack, map[string]string{
		"hubStack": "organization/secureml-hub-yaml/e2e", "resourceGroupName": "rg-net",
		"workspaceId": serviceConfig["workspaceId"], "storageAccountId": serviceConfig["storageAccountId"],
		"keyVaultId": serviceConfig["keyVaultId"], "containerRegistryId": serviceConfig["containerRegistryId"],
	})
	spoke := localDriver{stack: spokeStack}
	_, err = spoke.preview(t)
	require.NoError(t, err, "spoke preview: the hub's gateway is read at preview")
	_, outputs, err := spoke.up(t)
	require.NoError(t, err, "spoke up")
	var deployed []string
	for _, u := range deployedURNs(t, t.Context(), spokeStack) {
		if !strings.Contains(u, "pulumi:pulumi:StackReference") {
			deployed = append(deployed, u)
		}
	}
	assert.Equal(t, expectedComponentURNs(t, "hub-and-spoke-spoke.txt", "e2e", "secureml-spoke-yaml-example", "spoke"),
		deployed)
	egress, _ := outputs["egress"].(map[string]any)
	assert.Equal(t, "10.100.3.132", egress["nextHopIpAddress"])
	assert.Equal(t, true, egress["privateSubnets"])
	peering, _ := outputs["hubPeering"].(map[string]any)
	assert.Contains(t, peering["id"], "/virtualNetworks/vnet-spoke/virtualNetworkPeerings/peer-hub")
	assert.Contains(t, peering["remoteId"], "/virtualNetworks/vnet-hub/virtualNetworkPeerings/")

	changes, _, err := spoke.up(t)
	require.NoError(t, err, "second spoke up")
	assert.Zero(t, changes["create"]+changes["update"]+changes["delete"]+changes["replace"], "%v", changes)
	require.NoError(t, spoke.destroy(t), "spoke destroy: the hub's side of the peering and its links go too")
	require.NoError(t, hub.destroy(t), "hub destroy")
}
