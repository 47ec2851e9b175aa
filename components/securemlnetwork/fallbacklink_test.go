package securemlnetwork

import (
	"fmt"
	"sync"
	"testing"

	privatedns20240601 "github.com/pulumi/pulumi-azure-native-sdk/network/v2/v20240601"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// registration is what the engine receives for one resource.
type registration struct {
	typ     string
	inputs  resource.PropertyMap
	aliases []string
	version string
	url     string
}

type registrationRecorder struct {
	mu   sync.Mutex
	seen map[string]registration
}

func (r *registrationRecorder) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	reg := registration{typ: args.TypeToken, inputs: args.Inputs}
	if rpc := args.RegisterRPC; rpc != nil {
		for _, a := range rpc.GetAliases() {
			reg.aliases = append(reg.aliases, a.String())
		}
		reg.version, reg.url = rpc.GetVersion(), rpc.GetPluginDownloadURL()
	}
	r.mu.Lock()
	r.seen[args.Name] = reg
	r.mu.Unlock()
	return args.Name + "-id", args.Inputs, nil
}

func (r *registrationRecorder) Call(pulumi.MockCallArgs) (resource.PropertyMap, error) {
	return nil, fmt.Errorf("no calls expected")
}

// TestFallbackLinkMatchesSDK: the blob zone's link with NxDomainRedirect, registered by token, reaches
// the engine exactly as the azure-native SDK's v20240601 package would send it (type, inputs, aliases,
// plugin version), so dropping the package from the plugin changed nothing a stack sees.
func TestFallbackLinkMatchesSDK(t *testing.T) {
	t.Parallel()
	for _, tags := range []pulumi.StringMapInput{nil, pulumi.StringMap{"environment": pulumi.String("dev")}} {
		rec := &registrationRecorder{seen: map[string]registration{}}
		err := pulumi.RunErr(func(ctx *pulumi.Context) error {
			name := pulumi.String("rg-net-vnet-ml").ToStringOutput()
			group := pulumi.String("rg-net").ToStringOutput()
			vnet := pulumi.String(testSubscription + "/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-ml").ToStringOutput()
			zone := "privatelink.blob.core.windows.net"
			if _, err := privatedns20240601.NewVirtualNetworkLink(ctx, "sdk", &privatedns20240601.VirtualNetworkLinkArgs{
				VirtualNetworkLinkName: name,
				PrivateZoneName:        pulumi.String(zone),
				ResourceGroupName:      group,
				Location:               pulumi.String(globalLocation),
				VirtualNetwork:         &privatedns20240601.SubResourceArgs{Id: vnet},
				RegistrationEnabled:    pulumi.Bool(false),
				ResolutionPolicy:       pulumi.String("NxDomainRedirect"),
				Tags:                   tags,
			}); err != nil {
				return err
			}
			return zoneLink{name: name, group: group, vnet: vnet, zone: zone, tags: tags, fallBackToInternet: true}.
				register(ctx, "ours")
		}, pulumi.WithMocks("project", "stack", rec))
		require.NoError(t, err)
		require.Contains(t, rec.seen, "sdk")
		require.Contains(t, rec.seen, "ours")
		sdk, ours := rec.seen["sdk"], rec.seen["ours"]
		assert.Equal(t, "azure-native:network/v20240601:VirtualNetworkLink", ours.typ)
		assert.Equal(t, sdk.typ, ours.typ)
		assert.Equal(t, sdk.inputs, ours.inputs, "tags %v", tags)
		assert.Equal(t, sdk.aliases, ours.aliases)
		assert.Len(t, ours.aliases, 4)
		assert.Equal(t, sdk.version, ours.version)
		assert.Equal(t, sdk.url, ours.url)
	}
}
