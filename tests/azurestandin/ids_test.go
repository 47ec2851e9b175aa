package azurestandin

import (
	"regexp"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuildIDPerToken(t *testing.T) {
	t.Parallel()
	tests := []struct {
		token  string
		inputs map[string]any
		wantID string
		wantTy string
	}{
		{"azure-native:network:VirtualNetwork", map[string]any{"virtualNetworkName": "vnet"},
			"Microsoft.Network/virtualNetworks/vnet", "Microsoft.Network/virtualNetworks"},
		{"azure-native:network:Subnet", map[string]any{"virtualNetworkName": "vnet", "subnetName": "snet"},
			"Microsoft.Network/virtualNetworks/vnet/subnets/snet", "Microsoft.Network/virtualNetworks/subnets"},
		{"azure-native:network:NetworkSecurityGroup", map[string]any{"networkSecurityGroupName": "nsg"},
			"Microsoft.Network/networkSecurityGroups/nsg", "Microsoft.Network/networkSecurityGroups"},
		{"azure-native:network:RouteTable", map[string]any{"routeTableName": "rt"},
			"Microsoft.Network/routeTables/rt", "Microsoft.Network/routeTables"},
		{"azure-native:network:PrivateZone", map[string]any{"privateZoneName": "privatelink.vaultcore.azure.net"},
			"Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net", "Microsoft.Network/privateDnsZones"},
		{"azure-native:network:VirtualNetworkLink",
			map[string]any{"privateZoneName": "z.example", "virtualNetworkLinkName": "link"},
			"Microsoft.Network/privateDnsZones/z.example/virtualNetworkLinks/link",
			"Microsoft.Network/privateDnsZones/virtualNetworkLinks"},
		{"azure-native:network:PrivateEndpoint", map[string]any{"privateEndpointName": "pe"},
			"Microsoft.Network/privateEndpoints/pe", "Microsoft.Network/privateEndpoints"},
		{"azure-native:network:PrivateDnsZoneGroup",
			map[string]any{"privateEndpointName": "pe", "privateDnsZoneGroupName": "default"},
			"Microsoft.Network/privateEndpoints/pe/privateDnsZoneGroups/default",
			"Microsoft.Network/privateEndpoints/privateDnsZoneGroups"},
		{"azure-native:network:PublicIPAddress", map[string]any{"publicIpAddressName": "pip"},
			"Microsoft.Network/publicIPAddresses/pip", "Microsoft.Network/publicIPAddresses"},
		{"azure-native:network:VirtualNetworkGateway", map[string]any{"virtualNetworkGatewayName": "vgw"},
			"Microsoft.Network/virtualNetworkGateways/vgw", "Microsoft.Network/virtualNetworkGateways"},
		{"azure-native:network:LocalNetworkGateway", map[string]any{"localNetworkGatewayName": "lgw"},
			"Microsoft.Network/localNetworkGateways/lgw", "Microsoft.Network/localNetworkGateways"},
		{"azure-native:network:VirtualNetworkGatewayConnection",
			map[string]any{"virtualNetworkGatewayConnectionName": "conn"},
			"Microsoft.Network/connections/conn", "Microsoft.Network/connections"},
		{"azure-native:network:NatGateway", map[string]any{"natGatewayName": "nat"},
			"Microsoft.Network/natGateways/nat", "Microsoft.Network/natGateways"},
		{"azure-native:network:BastionHost", map[string]any{"bastionHostName": "bas"},
			"Microsoft.Network/bastionHosts/bas", "Microsoft.Network/bastionHosts"},
		{"azure-native:network:DnsResolver", map[string]any{"dnsResolverName": "dnsr"},
			"Microsoft.Network/dnsResolvers/dnsr", "Microsoft.Network/dnsResolvers"},
		{"azure-native:network:NetworkInterface", map[string]any{"networkInterfaceName": "nic"},
			"Microsoft.Network/networkInterfaces/nic", "Microsoft.Network/networkInterfaces"},
		{"azure-native:network:VirtualNetworkPeering",
			map[string]any{"virtualNetworkName": "vnet", "virtualNetworkPeeringName": "to-hub"},
			"Microsoft.Network/virtualNetworks/vnet/virtualNetworkPeerings/to-hub",
			"Microsoft.Network/virtualNetworks/virtualNetworkPeerings"},
		{"azure-native:network:InboundEndpoint", map[string]any{"dnsResolverName": "dnsr", "inboundEndpointName": "in"},
			"Microsoft.Network/dnsResolvers/dnsr/inboundEndpoints/in", "Microsoft.Network/dnsResolvers/inboundEndpoints"},
		{"azure-native:network:PublicIPPrefix", map[string]any{"publicIpPrefixName": "ippre"},
			"Microsoft.Network/publicIPPrefixes/ippre", "Microsoft.Network/publicIPPrefixes"},
		{"azure-native:network:AzureFirewall", map[string]any{"azureFirewallName": "afw"},
			"Microsoft.Network/azureFirewalls/afw", "Microsoft.Network/azureFirewalls"},
		{"azure-native:network:FirewallPolicy", map[string]any{"firewallPolicyName": "afwp"},
			"Microsoft.Network/firewallPolicies/afwp", "Microsoft.Network/firewallPolicies"},
		{"azure-native:network:FirewallPolicyRuleCollectionGroup",
			map[string]any{"firewallPolicyName": "afwp", "ruleCollectionGroupName": "ml"},
			"Microsoft.Network/firewallPolicies/afwp/ruleCollectionGroups/ml",
			"Microsoft.Network/firewallPolicies/ruleCollectionGroups"},
		{"azure-native:network:ApplicationSecurityGroup", map[string]any{"applicationSecurityGroupName": "asg"},
			"Microsoft.Network/applicationSecurityGroups/asg", "Microsoft.Network/applicationSecurityGroups"},
		// Versioned modules map onto the same table entry.
		{"azure-native:network/v20230501:Subnet", map[string]any{"virtualNetworkName": "vnet", "subnetName": "snet"},
			"Microsoft.Network/virtualNetworks/vnet/subnets/snet", "Microsoft.Network/virtualNetworks/subnets"},
		{"azure-native:network/v20230201:VirtualNetwork", map[string]any{"virtualNetworkName": "vnet"},
			"Microsoft.Network/virtualNetworks/vnet", "Microsoft.Network/virtualNetworks"},
		{"azure-native:network/v20230601:VirtualNetworkGateway", map[string]any{"virtualNetworkGatewayName": "vgw-er"},
			"Microsoft.Network/virtualNetworkGateways/vgw-er", "Microsoft.Network/virtualNetworkGateways"},
		{"azure-native:network/v20240601:VirtualNetworkLink",
			map[string]any{"privateZoneName": "privatelink.blob.core.windows.net", "virtualNetworkLinkName": "link"},
			"Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net/virtualNetworkLinks/link",
			"Microsoft.Network/privateDnsZones/virtualNetworkLinks"},
		// The SecureMLWorkspace services: namespaces and name inputs as azure-native has them.
		{"azure-native:machinelearningservices:Workspace", map[string]any{"workspaceName": "mlw"},
			"Microsoft.MachineLearningServices/workspaces/mlw", "Microsoft.MachineLearningServices/workspaces"},
		{"azure-native:keyvault:Vault", map[string]any{"vaultName": "kv"},
			"Microsoft.KeyVault/vaults/kv", "Microsoft.KeyVault/vaults"},
		{"azure-native:storage:StorageAccount", map[string]any{"accountName": "stml"},
			"Microsoft.Storage/storageAccounts/stml", "Microsoft.Storage/storageAccounts"},
		{"azure-native:containerregistry:Registry", map[string]any{"registryName": "acrml"},
			"Microsoft.ContainerRegistry/registries/acrml", "Microsoft.ContainerRegistry/registries"},
		{"azure-native:operationalinsights:Workspace", map[string]any{"workspaceName": "log-ml"},
			"Microsoft.OperationalInsights/workspaces/log-ml", "Microsoft.OperationalInsights/workspaces"},
		{"azure-native:insights:Component", map[string]any{"resourceName": "appi-ml"},
			"Microsoft.Insights/components/appi-ml", "Microsoft.Insights/components"},
		// Generic fallback.
		{"azure-native:compute:Disk", map[string]any{"diskName": "disk"},
			"Microsoft.Compute/disks/disk", "Microsoft.Compute/disks"},
	}
	for _, tt := range tests {
		t.Run(tt.token, func(t *testing.T) {
			t.Parallel()
			in := pm(tt.inputs)
			in["resourceGroupName"] = resource.NewStringProperty("rg-ml")
			rid, err := BuildID(tt.token, testURN(tt.token, "x"), in, SubscriptionID)
			require.NoError(t, err)
			assert.Equal(t, testRG+tt.wantID, rid.ID)
			assert.Equal(t, tt.wantTy, rid.Type)
			assert.Equal(t, "rg-ml", rid.ResourceGroup)
			assert.Equal(t, SubscriptionID, rid.Subscription)
			assert.Equal(t, lastSegment(tt.wantID), rid.Name)
			assert.False(t, rid.AutoNamed)
		})
	}
}

func TestBuildIDAutoName(t *testing.T) {
	t.Parallel()
	urn := testURN("azure-native:network:VirtualNetwork", "hub-vnet")
	in := pm(map[string]any{"resourceGroupName": "rg-ml"})

	rid, err := BuildID("azure-native:network:VirtualNetwork", urn, in, SubscriptionID)
	require.NoError(t, err)
	assert.True(t, rid.AutoNamed)
	assert.Regexp(t, regexp.MustCompile(`^hub-vnet[0-9a-f]{8}$`), rid.Name)
	assert.Equal(t, testRG+"Microsoft.Network/virtualNetworks/"+rid.Name, rid.ID)

	again, err := BuildID("azure-native:network:VirtualNetwork", urn, in, SubscriptionID)
	require.NoError(t, err)
	assert.Equal(t, rid, again, "same URN, same name")

	other, err := BuildID("azure-native:network:VirtualNetwork", urn+"2", in, SubscriptionID)
	require.NoError(t, err)
	assert.NotEqual(t, rid.Name, other.Name)

	// Generic fallback auto-names too.
	g, err := BuildID("azure-native:compute:Disk", testURN("azure-native:compute:Disk", "disk"), in, SubscriptionID)
	require.NoError(t, err)
	assert.Regexp(t, `^disk[0-9a-f]{8}$`, g.Name)
	assert.Equal(t, testRG+"Microsoft.Compute/disks/"+g.Name, g.ID)
}

func TestBuildIDErrors(t *testing.T) {
	t.Parallel()
	_, err := BuildID("azure-native:network:VirtualNetwork", "urn", pm(map[string]any{"virtualNetworkName": "v"}), SubscriptionID)
	require.ErrorIs(t, err, ErrMissingResourceGroup)
	assert.Contains(t, err.Error(), "resourceGroupName")

	_, err = BuildID("azure-native:network:Subnet", "urn",
		pm(map[string]any{"resourceGroupName": "rg", "subnetName": "s"}), SubscriptionID)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "virtualNetworkName")

	_, err = BuildID("nonsense", "urn", pm(map[string]any{"resourceGroupName": "rg"}), SubscriptionID)
	require.Error(t, err)
}

func TestBuildIDSecretName(t *testing.T) {
	t.Parallel()
	in := resource.PropertyMap{
		"resourceGroupName":  resource.MakeSecret(resource.NewStringProperty("rg-ml")),
		"virtualNetworkName": resource.MakeSecret(resource.NewStringProperty("vnet")),
	}
	rid, err := BuildID("azure-native:network:VirtualNetwork", "urn", in, SubscriptionID)
	require.NoError(t, err)
	assert.Equal(t, testRG+"Microsoft.Network/virtualNetworks/vnet", rid.ID)
}

func TestNamingKeys(t *testing.T) {
	t.Parallel()
	assert.Equal(t, []string{"virtualNetworkName", "subnetName"}, NamingKeys("azure-native:network:Subnet"))
	assert.Equal(t, "privateDnsZoneGroupName", OwnNameKey("azure-native:network:PrivateDnsZoneGroup"))
	assert.Equal(t, "accountName", OwnNameKey("azure-native:storage:StorageAccount"))
	assert.Equal(t, "resourceName", OwnNameKey("azure-native:insights:Component"))
	assert.Equal(t, "diskName", OwnNameKey("azure-native:compute:Disk"), "generic fallback")
	assert.Nil(t, NamingKeys("bad"))
	assert.Equal(t, "", OwnNameKey("bad"))
}

func TestURNHelpers(t *testing.T) {
	t.Parallel()
	urn := testURN("azure-native:network:Subnet", "a::b")
	assert.Equal(t, "a::b", URNName(urn))
	assert.Equal(t, "azure-native:network:Subnet", TokenFromURN(urn))
	assert.Equal(t, "plain", URNName("plain"))
	assert.Equal(t, "", TokenFromURN("plain"))
}

func TestLowerCamel(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"VirtualNetwork": "virtualNetwork", "DNSZone": "dnsZone", "PublicIPAddress": "publicIPAddress",
		"Vault": "vault", "IP": "ip", "": "",
	} {
		assert.Equal(t, want, lowerCamel(in), in)
	}
}

func TestDeterministicGUIDAndETag(t *testing.T) {
	t.Parallel()
	g := DeterministicGUID("seed")
	assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, g)
	assert.Equal(t, g, DeterministicGUID("seed"))
	assert.NotEqual(t, g, DeterministicGUID("other"))
	assert.Regexp(t, `^W/"[0-9a-f-]{36}"$`, ETag("/subscriptions/x"))
}

func TestIDFromARM(t *testing.T) {
	t.Parallel()
	in := pm(map[string]any{"resourceGroupName": "rg-ml", "virtualNetworkName": "vnet", "subnetName": "snet"})
	built, err := BuildID("azure-native:network:Subnet", "urn", in, SubscriptionID)
	require.NoError(t, err)
	got, err := IDFromARM("azure-native:network:Subnet", built.ID)
	require.NoError(t, err)
	assert.Equal(t, built, got)

	_, err = IDFromARM("azure-native:network:Subnet", "not-an-id")
	assert.Error(t, err)

	hub, err := IDFromARM("azure-native:network:PrivateZone",
		"/subscriptions/"+hubSubscription+"/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/z.example")
	require.NoError(t, err)
	assert.Equal(t, hubSubscription, hub.Subscription)
	assert.Equal(t, "rg-hub", hub.ResourceGroup)
	assert.Equal(t, "z.example", hub.Name)
}

func TestBuildIDUsesTheGivenSubscription(t *testing.T) {
	t.Parallel()
	in := pm(map[string]any{"resourceGroupName": "rg-hub", "privateZoneName": "z.example", "virtualNetworkLinkName": "l"})
	rid, err := BuildID("azure-native:network:VirtualNetworkLink", "urn", in, hubSubscription)
	require.NoError(t, err)
	assert.Equal(t, "/subscriptions/"+hubSubscription+
		"/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/z.example/virtualNetworkLinks/l", rid.ID)
	assert.Equal(t, hubSubscription, rid.Subscription)
}
