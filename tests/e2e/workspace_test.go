//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWorkspaceLifecycle runs a greenfield SecureMLWorkspace against the offline stand-in (a test
// double) through the engine, and changes it the way teams do on a live stack:
//   - a second preview is clean; the outputs carry the services' computed values, the connection
//     string only as a secret;
//   - the managed network moves forward (Disabled to AllowInternetOutbound) with no replacement, and the
//     preview refuses moving it back, as Azure would;
//   - `pulumi destroy` stops at the protected storage account, Key Vault and workspace; with
//     protectData false it removes everything;
//   - creating the stack again fails on the Key Vault's name, which the soft-deleted vault still holds.
func TestWorkspaceLifecycle(t *testing.T) {
	t.Parallel()
	env := newHermeticEnv(t)
	d := programStack(t, env, "workspace-lifecycle", map[string]string{})
	setMode := func(key, value string) {
		require.NoError(t, d.stack.SetConfig(t.Context(), key, auto.ConfigValue{Value: value}))
	}

	_, outputs, err := d.up(t)
	require.NoError(t, err, "up")
	vault, _ := outputs["keyVaultName"].(string)
	require.Regexp(t, `^kv-ml-[0-9a-f]{6}$`, vault)
	assert.Equal(t, "https://"+vault+".vault.azure.net/", outputs["keyVaultUri"])
	assert.Regexp(t, `^crml[0-9a-f]{6}\.azurecr\.io$`, outputs["containerRegistryLoginServer"])
	assert.NotEmpty(t, outputs["workspacePrincipalId"])
	endpoints, _ := outputs["privateEndpoints"].(map[string]any)
	assert.Len(t, endpoints, 5, "workspace, blob, file, Key Vault and registry endpoints")
	connection, _ := outputs["applicationInsightsConnectionString"].(string)
	require.Contains(t, connection, "InstrumentationKey=")
	// The export shows secrets as {"plaintext": "\"...\""}; a plain value would appear unescaped.
	assert.NotContains(t, d.exportText(t), `"`+connection+`"`, "the connection string is a secret everywhere in state")
	changes, err := d.preview(t)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"same": changes["same"]}, changes, "a second preview changes nothing")

	setMode("isolationMode", "AllowInternetOutbound")
	changes, err = d.preview(t)
	require.NoError(t, err)
	assert.Zero(t, changes["replace"], "moving the managed network forward replaces nothing: %v", changes)
	_, _, err = d.up(t)
	require.NoError(t, err, "the stand-in accepts the forward move")

	setMode("isolationMode", "Disabled")
	_, err = d.preview(t)
	require.Error(t, err, "moving the managed network back must fail the preview")
	assert.Contains(t, err.Error(), "workspace.managedNetwork.isolationMode cannot change from AllowInternetOutbound to Disabled")
	setMode("isolationMode", "AllowInternetOutbound")

	err = d.destroy(t)
	require.Error(t, err, "destroy must stop at the protected resources")
	assert.Contains(t, err.Error(), "protected")

	setMode("protectData", "false")
	changes, err = d.preview(t)
	require.NoError(t, err)
	assert.Zero(t, changes["replace"]+changes["delete"], "unprotecting replaces and deletes nothing: %v", changes)
	_, _, err = d.up(t)
	require.NoError(t, err)
	require.NoError(t, d.destroy(t), "destroy once protectData is false")

	_, _, err = d.up(t)
	require.Error(t, err, "the soft-deleted vault holds its name")
	assert.Contains(t, err.Error(), vault)
	assert.True(t, strings.Contains(err.Error(), "deleted state") || strings.Contains(err.Error(), "soft-deleted"),
		"the error names the soft-deleted vault: %v", err)
}
