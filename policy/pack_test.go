package policy

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/policyx"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type recorder struct{ messages, urns []string }

func (r *recorder) ReportViolation(message, urn string) {
	r.messages = append(r.messages, message)
	r.urns = append(r.urns, urn)
}

func TestPackRunsChecksThroughPolicyx(t *testing.T) {
	t.Setenv("ARM_ENVIRONMENT", "usgovernment")
	pack, err := NewPack(nil)
	require.NoError(t, err)
	assert.Equal(t, PackName, pack.Name())
	assert.Equal(t, Version, pack.Version().String())
	require.Len(t, pack.Policies(), len(Checks()))

	policies := map[string]policyx.Policy{}
	for _, p := range pack.Policies() {
		policies[p.Name()] = p
	}

	// A resource check gets its settings and the stack's cloud (here from ARM_ENVIRONMENT).
	zone := policies["private-dns-zone-name-for-cloud"].(policyx.ResourceValidationPolicy)
	var rec recorder
	require.NoError(t, zone.Validate(context.Background(), policyx.ResourceValidationArgs{
		Manager: &rec,
		Resource: policyx.AnalyzerResource{
			Type: "azure-native:network:PrivateZone", Name: "z", URN: testStack + "z",
			Properties: props(obj{"privateZoneName": "privatelink.vaultcore.azure.net"}),
		},
		Config: map[string]any{"additionalZones": []any{}},
	}))
	require.Len(t, rec.messages, 1)
	assert.Contains(t, rec.messages[0], "belongs to AzureCloud, but the stack deploys to AzureUSGovernment")

	// A stack check reports on the resource at fault.
	kv := policies["key-vault-private-endpoint"].(policyx.StackValidationPolicy)
	rec = recorder{}
	require.NoError(t, kv.Validate(context.Background(), policyx.StackValidationArgs{
		Manager: &rec,
		Resources: []policyx.AnalyzerResource{{
			Type: "azure-native:keyvault:Vault", Name: "kv", URN: testStack + "kv", Properties: props(obj{"vaultName": "kv"}),
		}},
	}))
	assert.Equal(t, []string{testStack + "kv"}, rec.urns)
}

func TestPackReadsTheStacksEnvironment(t *testing.T) {
	t.Setenv("ARM_ENVIRONMENT", "")
	pack, err := NewPack(nil)
	require.NoError(t, err)
	for _, p := range pack.Policies() {
		if p.Name() != "private-dns-zone-name-for-cloud" {
			continue
		}
		var rec recorder
		require.NoError(t, p.(policyx.ResourceValidationPolicy).Validate(context.Background(), policyx.ResourceValidationArgs{
			Manager: &rec,
			Resource: policyx.AnalyzerResource{Type: "azure-native:network:PrivateZone", Name: "z",
				Properties: props(obj{"privateZoneName": "privatelink.vaultcore.usgovcloudapi.net"})},
		}))
		assert.Empty(t, rec.messages, "without a known cloud, any cloud's zone passes")
	}
}

func TestConfigSchemasHaveDefaults(t *testing.T) {
	for _, c := range Checks() {
		if c.Config == nil {
			continue
		}
		for key, schema := range c.Config.Properties {
			assert.Contains(t, schema, "default", "%s.%s needs a default so the check runs unconfigured", c.Name, key)
			assert.NotEmpty(t, schema["description"], "%s.%s", c.Name, key)
		}
	}
}

func TestParsePorts(t *testing.T) {
	for spec, want := range map[string]portRange{"*": {0, 65535}, "22": {22, 22}, "1000-2000": {1000, 2000}, " 80 ": {80, 80}} {
		got, ok := parsePorts(spec)
		assert.True(t, ok, spec)
		assert.Equal(t, want, got, spec)
	}
	for _, bad := range []string{"", "ssh", "30-20", "1-x"} {
		_, ok := parsePorts(bad)
		assert.False(t, ok, bad)
	}
}

func TestKindOf(t *testing.T) {
	for token, want := range map[string]string{
		"azure-native:network:Subnet":                            kindSubnet,
		"azure-native:network/v20230601:VirtualNetworkGateway":   kindGateway,
		"azure-native:privatedns:PrivateZone":                    kindPrivateZone,
		"azure-native:network/v20240601:VirtualNetworkLink":      kindZoneLink,
		"azure-native:keyvault:Vault":                            kindKeyVault,
		"azure:network/subnet:Subnet":                            "",
		"secureml:index:SecureMLNetwork":                         "",
		"azure-native:machinelearningservices:Workspace":         kindWorkspace,
		"azure-native:machinelearningservices/v20240401:Compute": kindCompute,
	} {
		assert.Equal(t, want, kindOf(token), token)
	}
}

func TestParseARMID(t *testing.T) {
	id, ok := parseARMID("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s1")
	require.True(t, ok)
	assert.Equal(t, armID{resourceGroup: "rg", typ: armTypes[kindSubnet], names: []string{"v", "s1"}}, id)
	for _, bad := range []string{"", "rg/x", "/subscriptions/s/resourceGroups/rg", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks"} {
		_, ok := parseARMID(bad)
		assert.False(t, ok, bad)
	}
}

// TestDocsListEveryCheck keeps docs/policy-pack.md in step with the checks: the table there is
// ChecksTable's output.
func TestDocsListEveryCheck(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "docs", "policy-pack.md"))
	require.NoError(t, err)
	assert.Contains(t, string(data), ChecksTable(), "docs/policy-pack.md must carry the table `secureml-policy --checks` prints")
	assert.Equal(t, 1, strings.Count(string(data), "| Check | Azure Policy | Checkov |"))
}
