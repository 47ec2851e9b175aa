//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// programStack copies a test program (tests/e2e/programs/<name>) and opens a stack on it.
func programStack(t *testing.T, env hermeticEnv, name string, config map[string]string) localDriver {
	t.Helper()
	dir := filepath.Join(env.dir, name)
	require.NoError(t, os.CopyFS(dir, os.DirFS(filepath.Join("programs", name))))
	stack := yamlStackIn(t, env, dir, "e2e")
	setConfig(t, stack, config)
	return localDriver{stack: stack}
}

// TestTwoNetworksShareZones: the second network takes the first's privateDnsZoneIds, unknown at
// preview, and creates no zone of its own; in Azure a second zone of the same name in the resource
// group would fail.
func TestTwoNetworksShareZones(t *testing.T) {
	t.Parallel()
	env := newHermeticEnv(t)
	d := programStack(t, env, "two-networks", map[string]string{
		"workspaceId": serviceConfig["workspaceId"], "keyVaultId": serviceConfig["keyVaultId"],
	})
	_, err := d.preview(t)
	require.NoError(t, err, "preview with the second network's zone IDs unknown")
	_, outputs, err := d.up(t)
	require.NoError(t, err, "up")
	assert.Equal(t, outputs["firstZones"], outputs["secondZones"], "the second network uses the first's zones")
	zones, links := 0, 0
	for _, r := range d.resources(t) {
		switch r.Type {
		case "azure-native:network:PrivateZone":
			zones++
			assert.Contains(t, string(r.URN), "::first-", "only the first network creates zones")
		case "azure-native:network:VirtualNetworkLink":
			links++
		}
	}
	assert.Equal(t, 3, zones, "api, notebooks and vaultcore, once")
	assert.Equal(t, 6, links, "each network links itself to each zone")
	changes, _, err := d.up(t)
	require.NoError(t, err)
	assert.Zero(t, changes["update"]+changes["create"]+changes["delete"], "second up: %v", changes)
	require.NoError(t, d.destroy(t))
}

// TestServiceIDUnknownAtPreviewIsCheckedBeforeAnyEndpoint: an ID that comes from a resource of the
// same program is unknown at preview, so the preview passes; `pulumi up` hands the component the
// known ID, and the component refuses it before registering any child, with its own message.
func TestServiceIDUnknownAtPreviewIsCheckedBeforeAnyEndpoint(t *testing.T) {
	t.Parallel()
	env := newHermeticEnv(t)
	d := programStack(t, env, "late-bad-id", nil)
	_, err := d.preview(t)
	require.NoError(t, err, "the wrong ID is not known at preview")
	_, _, err = d.up(t)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `keyVault.resourceId: resource ID "`+subscription+`/resourceGroups/rg-ml-network/providers/`+
		`Microsoft.Network/virtualNetworks/vnet-first" is a Microsoft.Network/virtualNetworks, but a Microsoft.KeyVault/vaults is needed`)
	firstChildren := 0
	for _, r := range d.resources(t) {
		name := string(r.URN)[strings.LastIndex(string(r.URN), "::")+2:]
		assert.False(t, strings.HasPrefix(name, "second-"), "%s: no child of the second network may exist", r.URN)
		if strings.HasPrefix(name, "first-") {
			firstChildren++
		}
	}
	assert.Positive(t, firstChildren, "the first network was created")
	require.NoError(t, d.destroy(t))
}

// TestScoringToggleMovesNoSubnet switches the scoring subnet off and on again on a live stack. The
// endpoint subnet holds private endpoints, and Azure refuses to re-address it (the stand-in too).
func TestScoringToggleMovesNoSubnet(t *testing.T) {
	t.Parallel()
	env := newHermeticEnv(t)
	d := programStack(t, env, "toggle-scoring", map[string]string{
		"workspaceId": serviceConfig["workspaceId"], "storageAccountId": serviceConfig["storageAccountId"],
	})
	want := map[string]any{"training": "10.0.0.0/24", "scoring": "10.0.1.0/24", "privateEndpoints": "10.0.2.0/24"}
	_, outputs, err := d.up(t)
	require.NoError(t, err)
	assert.Equal(t, want, outputs["subnetAddressPrefixes"])

	require.NoError(t, d.stack.SetConfig(t.Context(), "scoringEnabled", auto.ConfigValue{Value: "false"}))
	changes, err := d.preview(t)
	require.NoError(t, err)
	assert.Zero(t, changes["update"]+changes["replace"], "turning scoring off changes no other child: %v", changes)
	assert.Equal(t, 2, changes["delete"], "the scoring subnet and its network security group go")
	_, outputs, err = d.up(t)
	require.NoError(t, err, "the stand-in accepts: no subnet in use moves")
	delete(want, "scoring")
	assert.Equal(t, want, outputs["subnetAddressPrefixes"])

	require.NoError(t, d.stack.SetConfig(t.Context(), "scoringEnabled", auto.ConfigValue{Value: "true"}))
	_, outputs, err = d.up(t)
	require.NoError(t, err)
	want["scoring"] = "10.0.1.0/24"
	assert.Equal(t, want, outputs["subnetAddressPrefixes"], "scoring comes back to its slot")
	require.NoError(t, d.destroy(t))
}

// TestWarningsAtPreview: a public address space and an access-restricted region are allowed, with a
// warning in the preview.
func TestWarningsAtPreview(t *testing.T) {
	t.Parallel()
	env := newHermeticEnv(t)
	d := programStack(t, env, "warnings", nil)
	var out strings.Builder
	_, err := d.stack.Preview(t.Context(), optpreview.ProgressStreams(&out))
	require.NoError(t, err)
	assert.Contains(t, out.String(), "addressSpace 20.10.0.0/16 is not in a private range")
	assert.Contains(t, out.String(), "location francesouth (France South) is an access-restricted region")
}
