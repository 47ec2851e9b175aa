//go:build e2e

package e2e

import (
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

// hubAndSpokeProjects are the hub-and-spoke example's folders and project names per language.
var hubAndSpokeProjects = map[string]struct{ language, hub, spoke string }{
	"yaml":       {"yaml", "secureml-hub-yaml", "secureml-spoke-yaml-example"},
	"typescript": {"nodejs", "secureml-hub-typescript", "secureml-spoke-typescript"},
}

// hubAndSpokeHubConfig is the hub stack's config in the hub-and-spoke example.
func hubAndSpokeHubConfig() map[string]string {
	return map[string]string{"resourceGroupName": "rg-ml-network", "tenantId": hybridConfig["tenantId"]}
}

// hubAndSpokeSpokeConfig is the example spoke stack's config: the hub's stack and the service IDs.
func hubAndSpokeSpokeConfig(hubProject string) map[string]string {
	config := map[string]string{"hubStack": "organization/" + hubProject + "/e2e", "resourceGroupName": "rg-net"}
	for _, k := range []string{"workspaceId", "storageAccountId", "keyVaultId", "containerRegistryId"} {
		config[k] = serviceConfig[k]
	}
	return config
}

// sharedBackendEnv is a second environment (its own folder) on the same Pulumi backend and the same
// pretend Azure as hub, so a spoke project reads the hub's stack and finds its resources.
func sharedBackendEnv(t *testing.T, hub hermeticEnv) hermeticEnv {
	t.Helper()
	env := newHermeticEnv(t)
	for _, k := range []string{"PULUMI_HOME", "PULUMI_BACKEND_URL", "PULUMI_CONFIG_PASSPHRASE", "SECUREML_STANDIN_STATE"} {
		env.vars[k] = hub.vars[k]
	}
	return env
}

// TestHubAndSpoke deploys the hub-and-spoke example's hub, then its spoke through a StackReference, in
// YAML and TypeScript, each project in its own folder with the CLI: the spoke peers with the hub (both
// sides, through the hub's gateway), links the hub to its zones, and routes its compute subnets to the
// hub's firewall. Each stack creates exactly the children of its golden file.
func TestHubAndSpoke(t *testing.T) {
	t.Parallel()
	for folder, p := range hubAndSpokeProjects {
		t.Run(folder, func(t *testing.T) {
			t.Parallel()
			source := filepath.Join("..", "..", "examples", "hub-and-spoke", folder)
			hubEnv := newHermeticEnv(t)
			hub := folderProject(t, hubEnv, p.language, filepath.Join(source, "hub"), "e2e", hubAndSpokeHubConfig())
			_, hubOutputs, err := hub.up(t)
			require.NoError(t, err, "hub up")
			assert.Equal(t, expectedComponentURNs(t, "hub-and-spoke-hub.txt", "e2e", p.hub, "hub"), childURNs(hub.resources(t)))
			assert.Equal(t, "10.100.3.132", hubOutputs["firewallPrivateIpAddress"], "the fifth address of AzureFirewallSubnet")

			spoke := folderProject(t, sharedBackendEnv(t, hubEnv), p.language, filepath.Join(source, "spoke"), "e2e", hubAndSpokeSpokeConfig(p.hub))
			_, err = spoke.preview(t)
			require.NoError(t, err, "spoke preview: the hub's gateway is read at preview")
			_, outputs, err := spoke.up(t)
			require.NoError(t, err, "spoke up")
			var deployed []string
			for _, u := range childURNs(spoke.resources(t)) {
				if !strings.Contains(u, "pulumi:pulumi:StackReference") {
					deployed = append(deployed, u)
				}
			}
			assert.Equal(t, expectedComponentURNs(t, "hub-and-spoke-spoke.txt", "e2e", p.spoke, "spoke"), deployed)
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
		})
	}
}
