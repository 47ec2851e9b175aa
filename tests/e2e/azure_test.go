//go:build azure

package e2e

import (
	"os"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestYAMLExampleOnAzure runs the YAML example against a real subscription with the real azure-native
// provider. It is opt-in (`make test-azure`) and needs Azure credentials (ARM_* variables, as the
// azure-native provider reads them) and existing services to point at.
func TestYAMLExampleOnAzure(t *testing.T) {
	required := []string{
		"ARM_SUBSCRIPTION_ID", "SECUREML_AZURE_RESOURCE_GROUP", "SECUREML_AZURE_LOCATION",
		"SECUREML_AZURE_WORKSPACE_ID", "SECUREML_AZURE_STORAGE_ACCOUNT_ID", "SECUREML_AZURE_KEY_VAULT_ID",
		"SECUREML_AZURE_CONTAINER_REGISTRY_ID",
	}
	for _, v := range required {
		if os.Getenv(v) == "" {
			t.Skipf("real-Azure test skipped: set %s (see README, 'Running against real Azure')", strings.Join(required, ", "))
		}
	}
	env := newHermeticEnv(t)
	delete(env.vars, "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION") // the real azure-native plugin is downloaded
	stack := yamlStack(t, env, "azure")
	setConfig(t, stack, map[string]string{
		"resourceGroupName":   os.Getenv("SECUREML_AZURE_RESOURCE_GROUP"),
		"location":            os.Getenv("SECUREML_AZURE_LOCATION"),
		"environment":         "test",
		"workspaceId":         os.Getenv("SECUREML_AZURE_WORKSPACE_ID"),
		"storageAccountId":    os.Getenv("SECUREML_AZURE_STORAGE_ACCOUNT_ID"),
		"keyVaultId":          os.Getenv("SECUREML_AZURE_KEY_VAULT_ID"),
		"containerRegistryId": os.Getenv("SECUREML_AZURE_CONTAINER_REGISTRY_ID"),
	})
	t.Cleanup(func() {
		_, err := stack.Destroy(t.Context(), optdestroy.SuppressProgress())
		assert.NoError(t, err, "destroy the test network")
	})
	up, err := stack.Up(t.Context(), optup.SuppressProgress())
	require.NoError(t, err)
	endpoints, _ := up.Outputs["privateEndpoints"].Value.(map[string]any)
	assert.Len(t, endpoints, 5)
	again, err := stack.Up(t.Context(), optup.SuppressProgress())
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"same": len(deployedURNs(t, t.Context(), stack)) + 1}, *again.Summary.ResourceChanges)
}
