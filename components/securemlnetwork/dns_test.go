package securemlnetwork

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const hubSubscriptionID = "11111111-1111-1111-1111-111111111111"

func vaultWithZone(id string) Args {
	return Args{
		ResourceGroupName: pulumi.String("rg-net"),
		Location:          pulumi.String("eastus"),
		KeyVault:          &ServiceTarget{ResourceID: pulumi.String(testKeyVaultID)},
		DNS: &DNSSettings{ExistingZoneIDs: pulumi.StringMap{
			"privatelink.vaultcore.azure.net": pulumi.String(id),
		}},
	}
}

// TestLinkToAZoneInAnotherSubscription: a link is a child of its zone, so a hub zone in a connectivity
// subscription gets its link through an azure-native provider for that subscription, a child of the
// component.
func TestLinkToAZoneInAnotherSubscription(t *testing.T) {
	t.Parallel()
	hubZone := "/subscriptions/" + hubSubscriptionID + "/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net"
	children, out, err := construct(t, vaultWithZone(hubZone))
	require.NoError(t, err)
	providers := ofType(children, "pulumi:providers:azure-native")
	require.Len(t, providers, 1)
	assert.Equal(t, "ml-subscription-"+hubSubscriptionID, providers[0].Name)
	assert.Equal(t, hubSubscriptionID, providers[0].Inputs["subscriptionId"].StringValue())
	assert.Equal(t, componentURN, providers[0].Parent)

	link := byName(t, children, "ml-privatelink.vaultcore.azure.net-link")
	assert.Equal(t, "rg-dns", link.Inputs["resourceGroupName"].StringValue())
	assert.Equal(t, hubZone, out.PrivateDNSZoneIDs["privatelink.vaultcore.azure.net"])
}

func TestLinkToAZoneInTheDeployingSubscriptionUsesTheDefaultProvider(t *testing.T) {
	t.Parallel()
	children, _, err := construct(t, vaultWithZone(hubZones+"privatelink.vaultcore.azure.net"))
	require.NoError(t, err)
	assert.Empty(t, ofType(children, "pulumi:providers:azure-native"))
}

func TestZonesInOneOtherSubscriptionShareOneProvider(t *testing.T) {
	t.Parallel()
	hub := "/subscriptions/" + hubSubscriptionID + "/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/"
	args := allServices()
	args.Workspace, args.ContainerRegistry = nil, nil
	args.DNS = &DNSSettings{ExistingZoneIDs: pulumi.StringMap{
		"privatelink.blob.core.windows.net": pulumi.String(hub + "privatelink.blob.core.windows.net"),
		"privatelink.file.core.windows.net": pulumi.String(hub + "privatelink.file.core.windows.net"),
		"privatelink.vaultcore.azure.net":   pulumi.String(hubZones + "privatelink.vaultcore.azure.net"),
	}}
	children, _, err := construct(t, args)
	require.NoError(t, err)
	assert.Len(t, ofType(children, "pulumi:providers:azure-native"), 1)
	assert.Len(t, ofType(children, "azure-native:network:VirtualNetworkLink"), 3)
}

// TestTwoNetworksShareOneSetOfZones is the documented way for a second network in the same resource
// group: it takes the first's privateDnsZoneIds, which are unknown at preview.
func TestTwoNetworksShareOneSetOfZones(t *testing.T) {
	t.Parallel()
	for _, dryRun := range []bool{true, false} {
		rec := &recorder{}
		opts := []pulumi.RunOption{pulumi.WithMocksWithOrganization(t.Name(), "project", "stack", rec)}
		if dryRun {
			opts = append(opts, preview)
		}
		err := pulumi.RunErr(func(ctx *pulumi.Context) error {
			first, err := NewSecureMLNetwork(ctx, "first", allServices())
			if err != nil {
				return err
			}
			args := allServices()
			args.AddressSpace = pulumi.String("10.1.0.0/16")
			args.DNS = &DNSSettings{ExistingZoneIDs: first.PrivateDNSZoneIDs}
			_, err = NewSecureMLNetwork(ctx, "second", args)
			return err
		}, opts...)
		require.NoError(t, err, "dry run %v", dryRun)
		zones := 0
		for _, c := range rec.children {
			if c.Type == "azure-native:network:PrivateZone" {
				zones++
				assert.True(t, strings.HasPrefix(c.Name, "first-"), c.Name)
			}
		}
		assert.Equal(t, 6, zones, "only the first network creates zones")
	}
}

func TestTwoNetworksCreatingTheSameZonesFailAtPreview(t *testing.T) {
	t.Parallel()
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		if _, err := NewSecureMLNetwork(ctx, "first", allServices()); err != nil {
			return err
		}
		args := allServices()
		args.AddressSpace = pulumi.String("10.1.0.0/16")
		_, err := NewSecureMLNetwork(ctx, "second", args)
		return err
	}, pulumi.WithMocksWithOrganization(t.Name(), "project", "stack", &recorder{}), preview)
	require.Error(t, err)
	assert.Equal(t, `SecureMLNetwork "first" and "second" would both create the private DNS zone privatelink.api.azureml.ms in `+
		`resource group rg-net, and Azure holds one zone of a name per resource group; give "second" dns.existingZoneIds: `+
		`the privateDnsZoneIds output of "first"`, programError(err))
}

func TestLinkNames(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("g", 80)
	tests := []struct{ group, vnet, want string }{
		{"rg-net", "vnet-ml", "rg-net-vnet-ml"},
		{"rg-ml(prod)", "vnet-ml", "rg-ml-prod--vnet-ml"},
		{"(rg)", "vnet-ml", "rg--vnet-ml"},
		{"rg-müller", "vnet-ml", "rg-m-ller-vnet-ml"},
		{long, "vnet-a", long[:71] + "-f00f316f"},
		{long, "vnet-b", long[:71] + "-41e8ddac"},
	}
	for _, tt := range tests {
		got := linkName(tt.group, tt.vnet)
		assert.Equal(t, tt.want, got, "%s/%s", tt.group, tt.vnet)
		assert.LessOrEqual(t, len(got), 80)
		assert.Regexp(t, `^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$`, got)
	}
}
