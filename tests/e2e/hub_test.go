//go:build e2e

package e2e

import (
	"path/filepath"
	"strings"
	"testing"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hub: a connectivity subscription holding the private DNS zones, and values a spoke takes from
// the hub stack.
const (
	hubSubscriptionID = "11111111-1111-1111-1111-111111111111"
	hubZoneGroup      = "/subscriptions/" + hubSubscriptionID + "/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/"
	hubTrainingPrefix = "10.0.8.0/22"
)

var hubZoneNames = []string{
	"privatelink.blob.core.windows.net", "privatelink.file.core.windows.net", "privatelink.vaultcore.azure.net",
}

// upHub runs the hub stack, a Go inline program: its zones are created through an azure-native
// provider for the connectivity subscription, and it exports their IDs, a location and a prefix.
func upHub(t *testing.T, env hermeticEnv) string {
	t.Helper()
	program := func(ctx *pulumi.Context) error {
		var hub struct{ pulumi.ProviderResourceState }
		if err := ctx.RegisterResource("pulumi:providers:azure-native", "connectivity",
			pulumi.Map{"subscriptionId": pulumi.String(hubSubscriptionID)}, &hub, pulumi.Version("2.90.0")); err != nil {
			return err
		}
		zoneIDs := pulumi.StringMap{}
		for _, name := range hubZoneNames {
			zone, err := network.NewPrivateZone(ctx, name, &network.PrivateZoneArgs{
				PrivateZoneName: pulumi.String(name), ResourceGroupName: pulumi.String("rg-hub-dns"),
				Location: pulumi.String("global"),
			}, pulumi.Provider(&hub))
			if err != nil {
				return err
			}
			zoneIDs[name] = zone.ID().ToStringOutput()
		}
		ctx.Export("zoneIds", zoneIDs)
		ctx.Export("location", pulumi.String("eastus"))
		ctx.Export("trainingPrefix", pulumi.String(hubTrainingPrefix))
		return nil
	}
	stack, err := auto.UpsertStackInlineSource(t.Context(), "hub", "secureml-hub", program, auto.EnvVars(env.vars))
	require.NoError(t, err)
	_, err = stack.Up(t.Context(), optup.SuppressProgress())
	require.NoError(t, err, "hub up")
	t.Cleanup(func() { _, _ = stack.Destroy(t.Context(), optdestroy.SuppressProgress()) })
	return "organization/secureml-hub/hub"
}

// spokeConfig is the spokes' stack configuration.
func spokeConfig(hubStack string) map[string]string {
	return map[string]string{
		"hubStack":         hubStack,
		"keyVaultId":       serviceConfig["keyVaultId"],
		"storageAccountId": serviceConfig["storageAccountId"],
	}
}

// TestSpokeFromHubStack feeds a hub stack's outputs to a spoke through a StackReference, in YAML and
// in Go: the location and a prefix are value inputs, the zone map a value input whose keys decide which
// zones are linked; the zones live in the hub's subscription, so their links go through a provider for
// that subscription and their IDs are in it.
func TestSpokeFromHubStack(t *testing.T) {
	t.Parallel()
	for _, language := range []string{"yaml", "go"} {
		t.Run(language, func(t *testing.T) {
			t.Parallel()
			env := newHermeticEnv(t)
			hub := upHub(t, env)
			d := folderProject(t, env, language, filepath.Join("programs", "spoke-"+language), "spoke", spokeConfig(hub))

			changes, err := d.preview(t)
			require.NoError(t, err, "preview")
			assert.Positive(t, changes["create"])
			_, outputs, err := d.up(t)
			require.NoError(t, err, "up")

			prefixes, _ := outputs["subnetAddressPrefixes"].(map[string]any)
			assert.Equal(t, hubTrainingPrefix, prefixes["training"], "the prefix from the hub stack")
			zones, _ := outputs["privateDnsZoneIds"].(map[string]any)
			for _, name := range hubZoneNames {
				assert.Equal(t, hubZoneGroup+name, zones[name])
			}

			resources := d.resources(t)
			links := 0
			for _, r := range resources {
				switch {
				case r.Type == "azure-native:network:VirtualNetworkLink":
					links++
					assert.True(t, strings.HasPrefix(string(r.ID), hubZoneGroup), "link %s must be in the hub subscription", r.ID)
				case r.Type == "azure-native:network:PrivateZone":
					t.Errorf("the spoke created zone %s; the hub's must be used", r.ID)
				case r.Type == "pulumi:providers:azure-native" && strings.HasSuffix(string(r.URN), "::ml-subscription-"+hubSubscriptionID):
					assert.Equal(t, hubSubscriptionID, r.Inputs["subscriptionId"])
					assert.Contains(t, string(r.Parent), "SecureMLNetwork::ml", "the hub provider is a child of the component")
				}
			}
			assert.Equal(t, len(hubZoneNames), links)

			changes, _, err = d.up(t)
			require.NoError(t, err, "second up")
			assert.Zero(t, changes["update"]+changes["create"]+changes["delete"]+changes["replace"], "a second up changes nothing: %v", changes)
			require.NoError(t, d.destroy(t), "destroy")
		})
	}
}
