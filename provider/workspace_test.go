package provider

import (
	"strings"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/urn"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const workspaceURN = "urn:pulumi:stack::project::secureml:index:SecureMLWorkspace::ws"

// TestWorkspaceInputsFromAnotherStack: SecureMLWorkspace's shape inputs (names, the managed network
// mode) and value inputs (resource group, location, address space) taken from a stack reference.
func TestWorkspaceInputsFromAnotherStack(t *testing.T) {
	t.Parallel()
	s, children := server(t)
	in := map[string]property.Value{
		"resourceGroupName": stackOutput(property.New("rg-ml")),
		"location":          stackOutput(property.New("westeurope")),
		"names":             obj(map[string]property.Value{"keyVault": stackOutput(property.New("kv-ml-prod"))}),
		"workspace": obj(map[string]property.Value{"managedNetwork": obj(map[string]property.Value{
			"isolationMode": stackOutput(property.New("AllowInternetOutbound"))})}),
		"network": obj(map[string]property.Value{"addressSpace": stackOutput(property.New("10.20.0.0/16"))}),
	}
	_, err := s.Construct(p.ConstructRequest{Urn: workspaceURN, Inputs: property.NewMap(in)})
	require.NoError(t, err)
	child := func(key string) property.Map {
		c, ok := children.Load(key)
		require.True(t, ok, "no child %s", key)
		return c.(integration.MockResourceArgs).Inputs
	}
	vault := child("azure-native:keyvault:Vault::ws-keyvault")
	assert.Equal(t, "kv-ml-prod", vault.Get("vaultName").AsString())
	assert.Equal(t, "rg-ml", vault.Get("resourceGroupName").AsString())
	workspace := child("azure-native:machinelearningservices/v20241001:Workspace::ws-workspace")
	assert.Equal(t, "AllowInternetOutbound", workspace.Get("managedNetwork").AsMap().Get("isolationMode").AsString())
	assert.Equal(t, "westeurope", workspace.Get("location").AsString())
	vnet := child("azure-native:network:VirtualNetwork::ws-vnet")
	assert.Equal(t, "10.20.0.0/16", vnet.Get("addressSpace").AsMap().Get("addressPrefixes").AsArray().Get(0).AsString())
}

// TestWorkspaceShapeInputMustBeKnownAtPreview: a name decides what is checked and created; an output
// of a resource still to be created fails with a message naming it.
func TestWorkspaceShapeInputMustBeKnownAtPreview(t *testing.T) {
	t.Parallel()
	s, children := server(t)
	in := map[string]property.Value{
		"resourceGroupName": property.New("rg-ml"),
		"location":          property.New("eastus"),
		"names":             obj(map[string]property.Value{"storageAccount": property.New(property.Computed)}),
	}
	_, err := s.Construct(p.ConstructRequest{Urn: workspaceURN, Inputs: property.NewMap(in), DryRun: true})
	require.Error(t, err)
	assert.Equal(t, "names.storageAccount must be known at preview: it decides which resources SecureMLWorkspace "+
		"creates. Pass a literal, a config value or a stack reference output, not the output of a resource created in "+
		"the same program", err.Error())
	children.Range(func(key, _ any) bool {
		assert.True(t, strings.HasPrefix(key.(string), "secureml:"), "no child may be registered, got %s", key)
		return true
	})
}

// TestWorkspaceValueInputsMayBeUnknownAtPreview: the resource group, location and tags may be outputs
// of resources still to be created.
func TestWorkspaceValueInputsMayBeUnknownAtPreview(t *testing.T) {
	t.Parallel()
	s, children := server(t)
	unknown := property.New(property.Computed).WithDependencies([]urn.URN{
		"urn:pulumi:stack::project::azure-native:resources:ResourceGroup::rg"})
	in := map[string]property.Value{"resourceGroupName": unknown, "location": unknown, "tags": unknown}
	_, err := s.Construct(p.ConstructRequest{Urn: workspaceURN, Inputs: property.NewMap(in), DryRun: true})
	require.NoError(t, err)
	for _, key := range []string{
		"azure-native:storage:StorageAccount::ws-storage",
		"azure-native:machinelearningservices/v20241001:Workspace::ws-workspace",
		"azure-native:network:PrivateEndpoint::ws-workspace-pe",
	} {
		_, ok := children.Load(key)
		assert.True(t, ok, key)
	}
}
