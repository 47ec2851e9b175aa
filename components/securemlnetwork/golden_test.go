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
	// The hub-and-spoke example's stacks; the spoke reads the hub's network (its gateway) at preview.
	configurations["hub-and-spoke-hub"] = hubExample
	configurations["hub-and-spoke-spoke"] = spokeExample
	networks := map[string]map[string]any{"hub-and-spoke-spoke": hubWithGateway()}
	componentNames := map[string]string{"hub-and-spoke-hub": "hub", "hub-and-spoke-spoke": "spoke"}
	for name, args := range configurations {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			component := componentNames[name]
			if component == "" {
				component = "ml"
			}
			children, _, err := constructNamed(t, &recorder{existingVNet: networks[name]}, component, args())
			require.NoError(t, err)
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

// hubExample and spokeExample are the stacks of examples/hub-and-spoke.
func hubExample() Args {
	return Args{
		ResourceGroupName: pulumi.String("rg-ml-network"),
		Location:          pulumi.String("eastus"),
		AddressSpace:      pulumi.String("10.100.0.0/16"),
		Subnets:           &SubnetLayout{Scoring: &ScoringSubnetSettings{Enabled: ptr(false)}},
		VpnGateway: &VpnGatewaySettings{PointToSite: &PointToSiteSettings{
			AddressPool: pulumi.ToStringArray([]string{"172.16.201.0/24"}),
			EntraID:     &EntraIDSettings{TenantID: pulumi.String(testTenantID)},
		}},
		DNSResolver: &DNSResolverSettings{},
		Egress: &EgressSettings{Mode: ptr(EgressModeFirewall), Firewall: &FirewallSettings{
			AllowedSourceAddresses: pulumi.ToStringArray([]string{"10.1.0.0/24", "10.1.1.0/24"}),
		}},
	}
}

func spokeExample() Args {
	a := allServices()
	a.Tags = nil
	a.AddressSpace = pulumi.String("10.1.0.0/16")
	a.HubPeering = &HubPeeringSettings{RemoteVirtualNetworkID: pulumi.String(testSubscription +
		"/resourceGroups/rg-ml-network/providers/Microsoft.Network/virtualNetworks/vnet-hub"),
		UseRemoteGateways: ptr(true), CreateRemotePeering: ptr(true), LinkZones: ptr(true)}
	a.Egress = &EgressSettings{Mode: ptr(EgressModeNextHop), NextHopIPAddress: pulumi.String("10.100.3.132")}
	return a
}

// hubWithGateway is what getVirtualNetwork answers for the hub: a GatewaySubnet holding its gateway.
func hubWithGateway() map[string]any {
	return map[string]any{"name": "vnet-hub", "location": "eastus", "subnets": []any{map[string]any{
		"name": "GatewaySubnet", "addressPrefix": "10.100.3.0/26", "ipConfigurations": []any{map[string]any{"id": "/gw"}}}}}
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
