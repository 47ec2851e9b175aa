//go:build e2e

package e2e

import (
	"os"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestYAMLPreviewRejectsWrongResourceType(t *testing.T) {
	t.Parallel()
	env := newHermeticEnv(t)
	stack := yamlStack(t, env, "invalid")
	config := map[string]string{}
	for k, v := range serviceConfig {
		config[k] = v
	}
	config["storageAccountId"] = serviceConfig["keyVaultId"]
	setConfig(t, stack, config)

	_, err := stack.Preview(t.Context())
	require.Error(t, err, "a Key Vault ID given as storage account must fail the preview")
	assert.Contains(t, err.Error(), `storageAccount.resourceId: resource ID "`+serviceConfig["keyVaultId"]+
		`" is a Microsoft.KeyVault/vaults, but a Microsoft.Storage/storageAccounts is needed`)
	for _, noise := range []string{"marshaling properties", "awaiting input property"} {
		assert.NotContains(t, err.Error(), noise, "a known bad ID fails with the component's message, not engine noise")
	}
	_, err = stack.Destroy(t.Context(), optdestroy.SuppressProgress())
	require.NoError(t, err)
	if _, err := os.Stat(env.callLog); err == nil {
		created, _ := countCalls(t, env.callLog)
		assert.Zero(t, created, "nothing may be created when the preview fails")
	}
}
