//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/secureml/pulumi-secureml/tests/azurestandin"
)

const spokeNetworkID = subscription + "/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke"

// TestExistingNetworkIsLeftAlone adds subnets, endpoints and a NAT gateway to a network that exists in
// the pretend Azure, then destroys the stack: the stand-in's call log shows no write to the network or
// its own subnet, and both are still there.
func TestExistingNetworkIsLeftAlone(t *testing.T) {
	t.Parallel()
	env := newHermeticEnv(t)
	store := azurestandin.NewStore(env.vars["SECUREML_STANDIN_STATE"])
	for _, r := range []azurestandin.Record{
		{ID: spokeNetworkID, Type: "Microsoft.Network/virtualNetworks", Subscription: "00000000-0000-0000-0000-000000000000",
			ResourceGroup: "rg-spoke", Name: "vnet-spoke", Properties: map[string]any{
				"location": "eastus", "addressSpace": map[string]any{"addressPrefixes": []any{"10.20.0.0/16"}}}},
		{ID: spokeNetworkID + "/subnets/snet-app", Type: "Microsoft.Network/virtualNetworks/subnets",
			Subscription: "00000000-0000-0000-0000-000000000000", ResourceGroup: "rg-spoke", Name: "snet-app",
			Properties: map[string]any{"addressPrefix": "10.20.0.0/24"}},
	} {
		require.NoError(t, store.Put(r))
	}
	d := programStack(t, env, "existing-network", map[string]string{
		"workspaceId": serviceConfig["workspaceId"], "keyVaultId": serviceConfig["keyVaultId"],
	})
	_, outputs, err := d.up(t)
	require.NoError(t, err)
	assert.Equal(t, spokeNetworkID, outputs["virtualNetworkId"])
	assert.Equal(t, map[string]any{"training": "10.20.8.0/24", "scoring": "10.20.9.0/24", "privateEndpoints": "10.20.10.0/24"},
		outputs["subnetAddressPrefixes"])
	require.NoError(t, d.destroy(t))

	calls, err := azurestandin.ReadCallLog(env.callLog)
	require.NoError(t, err)
	for _, c := range calls {
		if c.Op == "create" || c.Op == "update" || c.Op == "delete" {
			assert.False(t, strings.EqualFold(c.ID, spokeNetworkID) || strings.EqualFold(c.ID, spokeNetworkID+"/subnets/snet-app"),
				"%s of the existing network's own resource %s", c.Op, c.ID)
		}
	}
	for _, id := range []string{spokeNetworkID, spokeNetworkID + "/subnets/snet-app"} {
		_, found, err := store.Get(id)
		require.NoError(t, err)
		assert.True(t, found, "%s is still there after destroy", id)
	}
	_, found, err := store.Get(spokeNetworkID + "/subnets/snet-training")
	require.NoError(t, err)
	assert.False(t, found, "the component's own subnets are gone")
}

// TestEgressToggleOnALiveStack switches egress on a live stack: nothing is replaced or deleted but what
// the previous mode created; the compute subnets move to the private subnets' API version in place and
// keep their prefixes.
func TestEgressToggleOnALiveStack(t *testing.T) {
	t.Parallel()
	env := newHermeticEnv(t)
	d := programStack(t, env, "toggle-egress", map[string]string{
		"workspaceId": serviceConfig["workspaceId"], "storageAccountId": serviceConfig["storageAccountId"],
	})
	_, before, err := d.up(t)
	require.NoError(t, err)
	for _, mode := range []string{"firewall", "natGateway", "default"} {
		require.NoError(t, d.stack.SetConfig(t.Context(), "egressMode", auto.ConfigValue{Value: mode}))
		changes, err := d.preview(t)
		require.NoError(t, err, mode)
		assert.Zero(t, changes["replace"], "switching to %s replaces nothing: %v", mode, changes)
		_, after, err := d.up(t)
		require.NoError(t, err, "the stand-in accepts the switch to %s", mode)
		assert.Equal(t, before["subnetAddressPrefixes"].(map[string]any)["training"],
			after["subnetAddressPrefixes"].(map[string]any)["training"], "no subnet moves")
		egress, _ := after["egress"].(map[string]any)
		assert.Equal(t, mode, egress["mode"])
	}
	require.NoError(t, d.destroy(t))
}
