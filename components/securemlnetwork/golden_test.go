package securemlnetwork

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The golden files pin every child's URN (type, name, parent) and Azure name: changing any of them
// replaces cloud resources for existing users. Regenerate only when an issue asks for a rename:
//
//	go test ./components/securemlnetwork -run TestGoldenChildren -update
var update = flag.Bool("update", false, "rewrite the golden files of child URNs")

func TestGoldenChildren(t *testing.T) {
	t.Parallel()
	hub := testSubscription + "/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/"
	configurations := map[string]func() Args{
		"all-services-default": allServices,
		"hybrid-all-ways-in":   hybridServices,
		"nat-gateway-service-endpoints-groups": func() Args {
			a := withEgress(EgressModeNatGateway)
			a.StorageAccount.Access = ptr(ServiceAccessServiceEndpoint)
			a.KeyVault.Access = ptr(ServiceAccessServiceEndpoint)
			a.AppSecurityGroups = ptr(true)
			return a
		},
		"firewall-hub-peering": func() Args {
			a := withEgress(EgressModeFirewall)
			a.HubPeering = &HubPeeringSettings{RemoteVirtualNetworkID: pulumi.String(testHubID), CreateRemotePeering: ptr(true)}
			return a
		},
		"public-ip-compute-no-scoring-china": func() Args {
			a := allServices()
			a.Location = pulumi.String("chinanorth3")
			a.Cloud = ptr(CloudAzureChinaCloud)
			a.ComputePublicIP = ptr(true)
			a.OutboundInternet = ptr(OutboundInternetDeny)
			a.Subnets = &SubnetLayout{Scoring: &ScoringSubnetSettings{Enabled: ptr(false)}}
			return a
		},
		"hub-dns-all-storage-government": func() Args {
			return Args{
				ResourceGroupName: pulumi.String("rg-net"),
				Location:          pulumi.String("usgovvirginia"),
				Cloud:             ptr(CloudAzureUSGovernment),
				StorageAccount: &StorageAccountTarget{ResourceID: pulumi.String(testStorageID),
					Subresources: []StorageSubresource{"blob", "file", "queue", "table"}},
				KeyVault: &ServiceTarget{ResourceID: pulumi.String(testKeyVaultID)},
				DNS: &DNSSettings{ExistingZoneIDs: pulumi.StringMap{
					"privatelink.blob.core.usgovcloudapi.net":  pulumi.String(hub + "privatelink.blob.core.usgovcloudapi.net"),
					"privatelink.file.core.usgovcloudapi.net":  pulumi.String(hub + "privatelink.file.core.usgovcloudapi.net"),
					"privatelink.queue.core.usgovcloudapi.net": pulumi.String(hub + "privatelink.queue.core.usgovcloudapi.net"),
					"privatelink.table.core.usgovcloudapi.net": pulumi.String(hub + "privatelink.table.core.usgovcloudapi.net"),
					"privatelink.vaultcore.usgovcloudapi.net":  pulumi.String(hub + "privatelink.vaultcore.usgovcloudapi.net"),
				}},
			}
		},
	}
	for name, args := range configurations {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			children, _ := mustConstruct(t, args())
			got := goldenLines(children)
			path := filepath.Join("testdata", "golden", name+".txt")
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "missing golden file; see the comment above TestGoldenChildren")
			assert.Equal(t, string(want), got, "child URNs or Azure names changed: this replaces cloud resources")
		})
	}
}

// goldenLines renders each child as "URN azure-name=NAME", sorted.
func goldenLines(children []child) string {
	var lines []string
	for _, c := range children {
		parentType := c.Parent[strings.LastIndex(c.Parent[:strings.LastIndex(c.Parent, "::")], "::")+2 : strings.LastIndex(c.Parent, "::")]
		urn := fmt.Sprintf("urn:pulumi:stack::project::%s$%s::%s", parentType, c.Type, c.Name)
		azureName := "-"
		if v, ok := c.Inputs[resource.PropertyKey(azureNameKeys[c.Type])]; ok && v.IsString() {
			azureName = v.StringValue()
		}
		lines = append(lines, urn+" azure-name="+azureName)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}
