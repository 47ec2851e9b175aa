package provider

import (
	"strings"
	"sync"
	"testing"

	"github.com/blang/semver"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	zeroSubscription = "00000000-0000-0000-0000-000000000000"
	sub              = "/subscriptions/" + zeroSubscription + "/resourceGroups/rg-ml/providers/"
	workspaceID      = sub + "Microsoft.MachineLearningServices/workspaces/mlw"
	storageID        = sub + "Microsoft.Storage/storageAccounts/stml"
	keyVaultID       = sub + "Microsoft.KeyVault/vaults/kv-ml"
	registryID       = sub + "Microsoft.ContainerRegistry/registries/crml"
	networkURN       = "urn:pulumi:stack::project::secureml:index:SecureMLNetwork::net"
)

// server runs the provider in memory; the mock monitor records children and answers with an ID.
func server(t *testing.T) (integration.Server, *sync.Map) {
	t.Helper()
	prov, err := New()
	require.NoError(t, err)
	children := &sync.Map{}
	s, err := integration.NewServer(t.Context(), Name, semver.MustParse("0.1.0"),
		integration.WithProvider(prov),
		integration.WithMocks(&integration.MockResourceMonitor{
			NewResourceF: func(args integration.MockResourceArgs) (string, property.Map, error) {
				children.Store(string(args.TypeToken)+"::"+args.Name, args)
				return "/test/" + args.Name, args.Inputs, nil
			},
			CallF: func(args integration.MockCallArgs) (property.Map, error) {
				if args.Token == "azure-native:authorization:getClientConfig" {
					return property.NewMap(map[string]property.Value{"subscriptionId": property.New(zeroSubscription)}), nil
				}
				return property.Map{}, nil
			},
		}))
	require.NoError(t, err)
	return s, children
}

func target(id string) property.Value {
	return property.New(map[string]property.Value{"resourceId": property.New(id)})
}

func allServicesInputs() map[string]property.Value {
	return map[string]property.Value{
		"resourceGroupName": property.New("rg-net"),
		"location":          property.New("eastus"),
		"workspace":         target(workspaceID),
		"storageAccount":    target(storageID),
		"keyVault":          target(keyVaultID),
		"containerRegistry": target(registryID),
		"tags":              property.New(map[string]property.Value{"team": property.New("ml")}),
	}
}

func TestConstructAllServices(t *testing.T) {
	t.Parallel()
	s, children := server(t)
	resp, err := s.Construct(p.ConstructRequest{Urn: networkURN, Inputs: property.NewMap(allServicesInputs())})
	require.NoError(t, err)
	assert.Equal(t, resource.URN(networkURN), resp.Urn)

	counts := map[string]int{}
	children.Range(func(key, _ any) bool {
		counts[strings.Split(key.(string), "::")[0]]++
		return true
	})
	assert.Equal(t, map[string]int{
		"secureml:index:SecureMLNetwork":            1,
		"azure-native:network:VirtualNetwork":       1,
		"azure-native:network:Subnet":               3,
		"azure-native:network:NetworkSecurityGroup": 3,
		"azure-native:network:PrivateZone":          6,
		"azure-native:network:VirtualNetworkLink":   6,
		"azure-native:network:PrivateEndpoint":      5,
		"azure-native:network:PrivateDnsZoneGroup":  5,
	}, counts)

	state := resp.State
	assert.Equal(t, "/test/net-vnet", state.Get("virtualNetworkId").AsString())
	assert.Equal(t, "/test/net-training-subnet", state.Get("subnetIds").AsMap().Get("training").AsString())
	assert.Equal(t, "10.0.2.0/24", state.Get("subnetAddressPrefixes").AsMap().Get("privateEndpoints").AsString())
	assert.Equal(t, 6, state.Get("privateDnsZoneIds").AsMap().Len())
	assert.Equal(t, 0, state.Get("routeTableIds").AsMap().Len())
	endpoints := state.Get("privateEndpoints").AsMap()
	assert.Equal(t, 5, endpoints.Len())
	assert.Equal(t, "/test/net-workspace-pe", endpoints.Get("workspace").AsMap().Get("id").AsString())

	vnet, ok := children.Load("azure-native:network:VirtualNetwork::net-vnet")
	require.True(t, ok)
	assert.Equal(t, "ml", vnet.(integration.MockResourceArgs).Inputs.Get("tags").AsMap().Get("team").AsString())
}

func TestConstructRejectsInvalidInputs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		modify func(map[string]property.Value)
		err    string
	}{
		{"overlapping prefixes", func(in map[string]property.Value) {
			in["subnets"] = property.New(map[string]property.Value{
				"training": property.New(map[string]property.Value{"addressPrefix": property.New("10.0.0.0/23")}),
				"scoring":  property.New(map[string]property.Value{"addressPrefix": property.New("10.0.1.0/24")}),
			})
		}, "subnets.scoring.addressPrefix 10.0.1.0/24 overlaps subnets.training.addressPrefix 10.0.0.0/23"},
		{"unknown cloud from a YAML program", func(in map[string]property.Value) {
			in["cloud"] = property.New("AzureStack")
		}, `cloud "AzureStack" is not supported`},
		{"unknown storage sub-resource", func(in map[string]property.Value) {
			in["storageAccount"] = property.New(map[string]property.Value{
				"resourceId":   property.New(storageID),
				"subresources": property.New([]property.Value{property.New("blob"), property.New("files")}),
			})
		}, `storageAccount.subresources: "files" is not a storage sub-resource`},
		{"key vault ID given as storage account", func(in map[string]property.Value) {
			in["storageAccount"] = target(keyVaultID)
		}, `storageAccount.resourceId: resource ID "` + keyVaultID + `" is a Microsoft.KeyVault/vaults`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, _ := server(t)
			in := allServicesInputs()
			tt.modify(in)
			_, err := s.Construct(p.ConstructRequest{Urn: networkURN, Inputs: property.NewMap(in)})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
		})
	}
}

func TestConstructPreviewWithUnknownServiceID(t *testing.T) {
	t.Parallel()
	// In preview a service ID created in the same program is unknown; the component must still
	// register every child and not fail.
	s, children := server(t)
	in := allServicesInputs()
	in["keyVault"] = property.New(map[string]property.Value{"resourceId": property.New(property.Computed)})
	_, err := s.Construct(p.ConstructRequest{Urn: networkURN, Inputs: property.NewMap(in), DryRun: true})
	require.NoError(t, err)
	_, ok := children.Load("azure-native:network:PrivateEndpoint::net-keyVault-pe")
	assert.True(t, ok)
}
