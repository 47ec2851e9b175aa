package securemlworkspace

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/require"
)

const testSubscriptionID = "00000000-0000-0000-0000-000000000000"

// registration is one resource the component registered, as the mocks saw it.
type registration struct {
	Type, Name, Parent string
	Protect            bool
	Dependencies       []string
	Inputs             resource.PropertyMap
}

// mocks records registrations and answers invokes like azure-native: the client config, and the
// workspace (existingMode set: a workspace in that mode; empty: Azure's 404).
type mocks struct {
	mu           sync.Mutex
	regs         []registration
	existingMode string
}

func (m *mocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	reg := registration{Type: args.TypeToken, Name: args.Name, Inputs: args.Inputs}
	if rpc := args.RegisterRPC; rpc != nil {
		reg.Parent, reg.Protect, reg.Dependencies = rpc.GetParent(), rpc.GetProtect(), rpc.GetDependencies()
	}
	m.mu.Lock()
	m.regs = append(m.regs, reg)
	m.mu.Unlock()
	if !args.Custom {
		return "", resource.PropertyMap{}, nil
	}
	out := args.Inputs.Copy()
	out["name"] = resource.NewStringProperty(args.Name)
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/rg-ml/providers/test/%s", testSubscriptionID, args.Name), out, nil
}

func (m *mocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	switch args.Token {
	case "azure-native:authorization:getClientConfig":
		return resource.NewPropertyMapFromMap(map[string]any{"subscriptionId": testSubscriptionID,
			"tenantId": "11111111-1111-1111-1111-111111111111"}), nil
	case workspaceReadToken:
		if m.existingMode == "" {
			return nil, fmt.Errorf(`request failed: Status=404 Code="ResourceNotFound" Message="not found"`)
		}
		return resource.NewPropertyMapFromMap(map[string]any{
			"managedNetwork": map[string]any{"isolationMode": m.existingMode}}), nil
	case "azure-native:network:getNetworkInterface":
		return resource.NewPropertyMapFromMap(map[string]any{"ipConfigurations": []any{map[string]any{
			"privateIPAddress": "10.0.2.4", "privateLinkConnectionProperties": map[string]any{"fqdns": []any{"x.test."}},
		}}}), nil
	case "azure-native:network:getVirtualNetwork":
		return nil, fmt.Errorf(`request failed: Status=404 Code="ResourceNotFound" Message="not found"`)
	}
	return nil, fmt.Errorf("the mock does not answer %s", args.Token)
}

// minimalArgs are the required inputs.
func minimalArgs() Args {
	return Args{ResourceGroupName: pulumi.String("rg-ml"), Location: pulumi.String("eastus")}
}

// construct runs the component under mocks and returns what it registered.
func construct(t *testing.T, m *mocks, args Args) ([]registration, error) {
	t.Helper()
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := NewSecureMLWorkspace(ctx, "ml", args)
		return err
	}, pulumi.WithMocks("project", "dev", m))
	return m.regs, err
}

// byName indexes registrations by Pulumi name.
func byName(regs []registration) map[string]registration {
	out := map[string]registration{}
	for _, r := range regs {
		out[r.Name] = r
	}
	return out
}

func requireError(t *testing.T, args Args, want string) {
	t.Helper()
	regs, err := construct(t, &mocks{}, args)
	require.Error(t, err)
	require.Contains(t, err.Error(), want)
	require.Empty(t, regs, "nothing may be registered when a check fails")
}

func ptr[T any](v T) *T { return &v }

func typeSuffix(token string) string { return token[strings.LastIndex(token, ":")+1:] }
