package securemlnetwork

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const componentURN = "urn:pulumi:stack::project::secureml:index:SecureMLNetwork::ml"

func TestAllServicesCreatesEveryChild(t *testing.T) {
	t.Parallel()
	children, _ := mustConstruct(t, allServices())
	assert.Equal(t, map[string]int{
		"azure-native:network:VirtualNetwork":       1,
		"azure-native:network:Subnet":               3,
		"azure-native:network:NetworkSecurityGroup": 3,
		"azure-native:network:PrivateZone":          6,
		"azure-native:network:VirtualNetworkLink":   6,
		"azure-native:network:PrivateEndpoint":      5,
		"azure-native:network:PrivateDnsZoneGroup":  5,
	}, countByType(children))
	for _, c := range children {
		assert.Equal(t, componentURN, c.Parent, "%s %s must be parented to the component", c.Type, c.Name)
	}
}

func TestVirtualNetworkAndSubnets(t *testing.T) {
	t.Parallel()
	children, out := mustConstruct(t, allServices())

	vnet := byName(t, children, "ml-vnet")
	assert.Equal(t, "vnet-ml", vnet.Inputs["virtualNetworkName"].StringValue())
	assert.Equal(t, "eastus", vnet.Inputs["location"].StringValue())
	assert.Equal(t, "rg-net", vnet.Inputs["resourceGroupName"].StringValue())
	assert.Equal(t, "10.0.0.0/16",
		vnet.Inputs["addressSpace"].ObjectValue()["addressPrefixes"].ArrayValue()[0].StringValue())
	assert.Equal(t, "test", vnet.Inputs["tags"].ObjectValue()["env"].StringValue())

	tests := []struct {
		name, azureName, prefix, endpointPolicy, linkServicePolicy string
	}{
		{"ml-training-subnet", "snet-training", "10.0.0.0/24", "Disabled", "Disabled"},
		{"ml-scoring-subnet", "snet-scoring", "10.0.1.0/24", "Disabled", "Disabled"},
		{"ml-privateEndpoints-subnet", "snet-private-endpoints", "10.0.2.0/24", "Enabled", "Enabled"},
	}
	for _, tt := range tests {
		s := byName(t, children, tt.name)
		assert.Equal(t, tt.azureName, s.Inputs["subnetName"].StringValue(), tt.name)
		assert.Equal(t, "vnet-ml", s.Inputs["virtualNetworkName"].StringValue(), tt.name)
		assert.Equal(t, tt.prefix, s.Inputs["addressPrefix"].StringValue(), tt.name)
		assert.Equal(t, tt.endpointPolicy, s.Inputs["privateEndpointNetworkPolicies"].StringValue(), tt.name)
		assert.Equal(t, tt.linkServicePolicy, s.Inputs["privateLinkServiceNetworkPolicies"].StringValue(), tt.name)
		assert.Contains(t, s.Inputs["networkSecurityGroup"].ObjectValue()["id"].StringValue(), "NetworkSecurityGroup/", tt.name)
		assert.NotContains(t, s.Inputs, resource.PropertyKey("routeTable"), tt.name)
	}

	assert.Equal(t, map[string]string{
		"training": "10.0.0.0/24", "scoring": "10.0.1.0/24", "privateEndpoints": "10.0.2.0/24",
	}, out.SubnetAddressPrefixes)
	assert.Len(t, out.SubnetIDs, 3)
	assert.Contains(t, out.SubnetIDs["training"], "/Subnet/ml-training-subnet")
	assert.Len(t, out.NetworkSecurityGroupIDs, 3)
	assert.Empty(t, out.RouteTableIDs)
	assert.Equal(t, "vnet-ml", out.VirtualNetworkName)
	assert.Contains(t, out.VirtualNetworkID, "/VirtualNetwork/ml-vnet")
}

func TestZonesAndLinks(t *testing.T) {
	t.Parallel()
	children, out := mustConstruct(t, allServices())
	want := []string{
		"privatelink.api.azureml.ms", "privatelink.azurecr.io", "privatelink.blob.core.windows.net",
		"privatelink.file.core.windows.net", "privatelink.notebooks.azure.net", "privatelink.vaultcore.azure.net",
	}
	var got []string
	for _, z := range ofType(children, "azure-native:network:PrivateZone") {
		got = append(got, z.Inputs["privateZoneName"].StringValue())
		assert.Equal(t, "global", z.Inputs["location"].StringValue())
		assert.Equal(t, "ml-"+z.Inputs["privateZoneName"].StringValue()+"-zone", z.Name)
	}
	assert.Equal(t, want, got)
	for _, l := range ofType(children, "azure-native:network:VirtualNetworkLink") {
		assert.Equal(t, "global", l.Inputs["location"].StringValue())
		assert.False(t, l.Inputs["registrationEnabled"].BoolValue())
		assert.Equal(t, "rg-net-vnet-ml", l.Inputs["virtualNetworkLinkName"].StringValue())
		assert.Equal(t, "rg-net", l.Inputs["resourceGroupName"].StringValue())
		assert.Contains(t, l.Inputs["virtualNetwork"].ObjectValue()["id"].StringValue(), "/VirtualNetwork/ml-vnet")
	}
	assert.Len(t, out.PrivateDNSZoneIDs, 6)
	for _, name := range want {
		assert.Equal(t, testSubscription+"/resourceGroups/rg-net/providers/Microsoft.Network/privateDnsZones/"+name, out.PrivateDNSZoneIDs[name])
	}
}

func TestPrivateEndpointsAndZoneGroups(t *testing.T) {
	t.Parallel()
	children, out := mustConstruct(t, allServices())
	tests := []struct {
		key, name, azureName, group, target string
		zones                               []string
	}{
		{"workspace", "ml-workspace-pe", "pe-ml-workspace", "amlworkspace", testWorkspaceID,
			[]string{"privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"}},
		{"storageBlob", "ml-storageBlob-pe", "pe-ml-storage-blob", "blob", testStorageID,
			[]string{"privatelink.blob.core.windows.net"}},
		{"storageFile", "ml-storageFile-pe", "pe-ml-storage-file", "file", testStorageID,
			[]string{"privatelink.file.core.windows.net"}},
		{"keyVault", "ml-keyVault-pe", "pe-ml-key-vault", "vault", testKeyVaultID,
			[]string{"privatelink.vaultcore.azure.net"}},
		{"containerRegistry", "ml-containerRegistry-pe", "pe-ml-container-registry", "registry", testRegistryID,
			[]string{"privatelink.azurecr.io"}},
	}
	for _, tt := range tests {
		pe := byName(t, children, tt.name)
		assert.Equal(t, tt.azureName, pe.Inputs["privateEndpointName"].StringValue())
		assert.Equal(t, tt.azureName+"-nic", pe.Inputs["customNetworkInterfaceName"].StringValue())
		assert.Equal(t, "eastus", pe.Inputs["location"].StringValue())
		assert.Contains(t, pe.Inputs["subnet"].ObjectValue()["id"].StringValue(), "/Subnet/ml-privateEndpoints-subnet")
		conn := pe.Inputs["privateLinkServiceConnections"].ArrayValue()
		require.Len(t, conn, 1)
		assert.Equal(t, tt.target, conn[0].ObjectValue()["privateLinkServiceId"].StringValue())
		assert.Equal(t, tt.group, conn[0].ObjectValue()["groupIds"].ArrayValue()[0].StringValue())

		zg := byName(t, children, "ml-"+tt.key+"-dns")
		assert.Equal(t, "default", zg.Inputs["privateDnsZoneGroupName"].StringValue())
		assert.Equal(t, tt.azureName, zg.Inputs["privateEndpointName"].StringValue())
		configs := zg.Inputs["privateDnsZoneConfigs"].ArrayValue()
		require.Len(t, configs, len(tt.zones))
		for i, z := range tt.zones {
			assert.Equal(t, testSubscription+"/resourceGroups/rg-net/providers/Microsoft.Network/privateDnsZones/"+z,
				configs[i].ObjectValue()["privateDnsZoneId"].StringValue())
		}

		details := out.PrivateEndpoints[tt.key]
		assert.Equal(t, []string{tt.group}, details.GroupIDs)
		assert.Contains(t, details.ID, "/PrivateEndpoint/"+tt.name)
		assert.Equal(t, []string{tt.azureName + "-nic.example.test"}, details.FQDNs, "read from the network interface")
		assert.Len(t, details.PrivateIPAddresses, 1)
	}
	assert.Len(t, out.PrivateEndpoints, len(tests))
}

func TestSecurityGroupsCarryTheRuleSets(t *testing.T) {
	t.Parallel()
	children, _ := mustConstruct(t, allServices())
	training := byName(t, children, "ml-training-nsg")
	assert.Equal(t, "nsg-ml-training", training.Inputs["networkSecurityGroupName"].StringValue())
	assert.Equal(t, ruleNames(computeSubnetRules(mustPlan(t, allServices()))), inputRuleNames(training))
	endpoints := byName(t, children, "ml-privateEndpoints-nsg")
	assert.Equal(t, []string{"DenyInternetInbound", "DenyInternetOutbound"}, inputRuleNames(endpoints))

	rule := findRule(t, training, "AllowStorageOutbound")
	assert.Equal(t, "Storage.eastus", rule["destinationAddressPrefix"].StringValue())
	assert.Equal(t, "443", rule["destinationPortRange"].StringValue())
	multi := findRule(t, training, "AllowAzureActiveDirectoryOutbound")
	assert.Equal(t, []resource.PropertyValue{resource.NewStringProperty("80"), resource.NewStringProperty("443")},
		multi["destinationPortRanges"].ArrayValue())
}

func TestComputePublicIPAddsInboundRuleAndRouteTables(t *testing.T) {
	t.Parallel()
	args := allServices()
	args.ComputePublicIP = ptr(true)
	children, out := mustConstruct(t, args)

	for _, role := range []string{"training", "scoring"} {
		nsg := byName(t, children, "ml-"+role+"-nsg")
		rule := findRule(t, nsg, "AllowAzureMachineLearningInbound")
		assert.Equal(t, "44224", rule["destinationPortRange"].StringValue())
		assert.Equal(t, "AzureMachineLearning", rule["sourceAddressPrefix"].StringValue())

		rt := byName(t, children, "ml-"+role+"-routes")
		assert.Equal(t, "rt-ml-"+role, rt.Inputs["routeTableName"].StringValue())
		routes := rt.Inputs["routes"].ArrayValue()
		require.Len(t, routes, 2)
		assert.Equal(t, "AzureMachineLearning", routes[0].ObjectValue()["addressPrefix"].StringValue())
		assert.Equal(t, "BatchNodeManagement.eastus", routes[1].ObjectValue()["addressPrefix"].StringValue())
		assert.Equal(t, "Internet", routes[1].ObjectValue()["nextHopType"].StringValue())

		subnet := byName(t, children, "ml-"+role+"-subnet")
		assert.Contains(t, subnet.Inputs["routeTable"].ObjectValue()["id"].StringValue(), "/RouteTable/ml-"+role+"-routes")
	}
	assert.Len(t, ofType(children, "azure-native:network:RouteTable"), 2)
	assert.NotContains(t, inputRuleNames(byName(t, children, "ml-privateEndpoints-nsg")), "AllowAzureMachineLearningInbound")
	assert.Len(t, out.RouteTableIDs, 2)
}

func TestScoringSubnetCanBeSwitchedOff(t *testing.T) {
	t.Parallel()
	args := allServices()
	args.Subnets = &SubnetLayout{Scoring: &ScoringSubnetSettings{Enabled: ptr(false)}}
	children, out := mustConstruct(t, args)
	assert.Len(t, ofType(children, "azure-native:network:Subnet"), 2)
	assert.Len(t, ofType(children, "azure-native:network:NetworkSecurityGroup"), 2)
	assert.Equal(t, map[string]string{"training": "10.0.0.0/24", "privateEndpoints": "10.0.2.0/24"}, out.SubnetAddressPrefixes,
		"the endpoint subnet keeps its slot")
}

func TestSubnetsAreChainedNotParallel(t *testing.T) {
	t.Parallel()
	// The mocks see registrations in dependency order; every subnet after the first must depend on the
	// one before it. DependsOn reaches the monitor as the registration's dependencies. The endpoint
	// subnet goes first: its endpoints are the longest work behind any subnet.
	rec := &dependencyRecorder{}
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := NewSecureMLNetwork(ctx, "ml", allServices())
		return err
	}, pulumi.WithMocksWithOrganization(t.Name(), "project", "stack", rec))
	require.NoError(t, err)
	for _, dep := range rec.dependencies["ml-privateEndpoints-subnet"] {
		assert.NotContains(t, dep, "subnet", "the first subnet waits for no other subnet")
	}
	assert.Contains(t, rec.dependencies["ml-training-subnet"], "ml-privateEndpoints-subnet")
	assert.Contains(t, rec.dependencies["ml-scoring-subnet"], "ml-training-subnet")
}

func TestEndpointsAreChained(t *testing.T) {
	t.Parallel()
	// Azure refuses endpoints joining one subnet at once (ReferencedResourceNotProvisioned) and two
	// endpoints to one storage account at once (StorageAccountOperationInProgress), and azure-native
	// v2.90.0 retries neither: each endpoint waits for the one before it.
	rec := &dependencyRecorder{}
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := NewSecureMLNetwork(ctx, "ml", allServices())
		return err
	}, pulumi.WithMocksWithOrganization(t.Name(), "project", "stack", rec))
	require.NoError(t, err)
	chain := []string{"ml-workspace-pe", "ml-storageBlob-pe", "ml-storageFile-pe", "ml-keyVault-pe", "ml-containerRegistry-pe"}
	assert.Equal(t, []string{"ml-privateEndpoints-subnet"}, rec.dependencies[chain[0]])
	for i := 1; i < len(chain); i++ {
		assert.ElementsMatch(t, []string{"ml-privateEndpoints-subnet", chain[i-1]}, rec.dependencies[chain[i]], chain[i])
	}
	for _, dep := range rec.dependencies["ml-workspace-dns"] {
		assert.True(t, dep == "ml-workspace-pe" || strings.HasSuffix(dep, "-zone"),
			"a zone group waits for its endpoint and its zones only, not for %s", dep)
	}
}

func TestExistingZonesAreUsedNotCreated(t *testing.T) {
	t.Parallel()
	hub := testSubscription + "/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/"
	args := Args{
		ResourceGroupName: pulumi.String("rg-net"),
		Location:          pulumi.String("eastus"),
		KeyVault:          &ServiceTarget{ResourceID: pulumi.String(testKeyVaultID)},
		DNS: &DNSSettings{ExistingZoneIDs: pulumi.StringMap{
			"privatelink.vaultcore.azure.net": pulumi.String(hub + "privatelink.vaultcore.azure.net"),
		}},
	}
	children, out := mustConstruct(t, args)
	assert.Empty(t, ofType(children, "azure-native:network:PrivateZone"))
	link := byName(t, children, "ml-privatelink.vaultcore.azure.net-link")
	assert.Equal(t, "rg-hub-dns", link.Inputs["resourceGroupName"].StringValue())
	assert.Equal(t, "privatelink.vaultcore.azure.net", link.Inputs["privateZoneName"].StringValue())
	zg := byName(t, children, "ml-keyVault-dns")
	assert.Equal(t, hub+"privatelink.vaultcore.azure.net",
		zg.Inputs["privateDnsZoneConfigs"].ArrayValue()[0].ObjectValue()["privateDnsZoneId"].StringValue())
	assert.Equal(t, map[string]string{"privatelink.vaultcore.azure.net": hub + "privatelink.vaultcore.azure.net"},
		out.PrivateDNSZoneIDs)
}

func TestZoneGroupsAndLinksCanBeLeftToOthers(t *testing.T) {
	t.Parallel()
	args := allServices()
	args.DNS = &DNSSettings{LinkVirtualNetwork: ptr(false), CreateZoneGroups: ptr(false)}
	children, out := mustConstruct(t, args)
	assert.Empty(t, ofType(children, "azure-native:network:VirtualNetworkLink"))
	assert.Empty(t, ofType(children, "azure-native:network:PrivateDnsZoneGroup"))
	assert.Len(t, ofType(children, "azure-native:network:PrivateZone"), 6)
	assert.Len(t, ofType(children, "azure-native:network:PrivateEndpoint"), 5)
	assert.Len(t, out.PrivateEndpoints, 5)
}

func TestNoServicesGivesNetworkOnly(t *testing.T) {
	t.Parallel()
	children, out := mustConstruct(t, Args{ResourceGroupName: pulumi.String("rg-net"), Location: pulumi.String("West Europe")})
	assert.Equal(t, map[string]int{
		"azure-native:network:VirtualNetwork":       1,
		"azure-native:network:Subnet":               3,
		"azure-native:network:NetworkSecurityGroup": 3,
	}, countByType(children))
	assert.Equal(t, "westeurope", byName(t, children, "ml-vnet").Inputs["location"].StringValue())
	assert.Empty(t, out.PrivateEndpoints)
	assert.Empty(t, out.PrivateDNSZoneIDs)
}

func TestStorageSubresourcesEachGetAnEndpoint(t *testing.T) {
	t.Parallel()
	args := Args{
		ResourceGroupName: pulumi.String("rg-net"),
		Location:          pulumi.String("eastus"),
		StorageAccount: &StorageAccountTarget{ResourceID: pulumi.String(testStorageID), Subresources: []StorageSubresource{
			StorageSubresourceDfs, StorageSubresourceQueue, StorageSubresourceBlob, StorageSubresourceTable, StorageSubresourceFile,
		}},
	}
	children, out := mustConstruct(t, args)
	var names []string
	for _, pe := range ofType(children, "azure-native:network:PrivateEndpoint") {
		names = append(names, pe.Name)
	}
	assert.Equal(t, []string{"ml-storageBlob-pe", "ml-storageDfs-pe", "ml-storageFile-pe", "ml-storageQueue-pe", "ml-storageTable-pe"}, names)
	assert.Len(t, out.PrivateEndpoints, 5)
	assert.Contains(t, out.PrivateDNSZoneIDs, "privatelink.dfs.core.windows.net")
}

func TestWrongResourceTypeFailsTheProgram(t *testing.T) {
	t.Parallel()
	args := allServices()
	args.StorageAccount = &StorageAccountTarget{ResourceID: pulumi.String(testKeyVaultID)}
	_, _, err := construct(t, args)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `storageAccount.resourceId: resource ID "`+testKeyVaultID+`" is a Microsoft.KeyVault/vaults, `+
		`but a Microsoft.Storage/storageAccounts is needed`)
}

func TestMalformedResourceIDFailsTheProgram(t *testing.T) {
	t.Parallel()
	args := allServices()
	args.Workspace = &ServiceTarget{ResourceID: pulumi.String("mlw")}
	_, _, err := construct(t, args)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `workspace.resourceId: malformed resource ID "mlw"`)
}

func TestInvalidInputRegistersNothing(t *testing.T) {
	t.Parallel()
	args := allServices()
	args.AddressSpace = pulumi.String("172.17.0.0/16")
	children, _, err := construct(t, args)
	require.ErrorContains(t, err, "addressSpace 172.17.0.0/16 overlaps 172.17.0.0/16")
	assert.Empty(t, children)
}

func mustPlan(t *testing.T, args Args) networkPlan {
	t.Helper()
	plan, err := planOf(args)
	require.NoError(t, err)
	return plan
}

// planOf builds the plan of args whose existingZoneIds, if any, is a literal map.
func planOf(args Args) (networkPlan, error) {
	var zones existingZones
	if args.DNS != nil && args.DNS.ExistingZoneIDs != nil {
		zones = existingZones{given: true, ids: map[string]pulumi.StringInput{}}
		for k, v := range args.DNS.ExistingZoneIDs.(pulumi.StringMap) {
			zones.ids[k] = v
		}
	}
	return newPlan(args, zones)
}

func ruleNames(rules []securityRule) []string {
	var names []string
	for _, r := range rules {
		names = append(names, r.name)
	}
	return names
}

func inputRuleNames(nsg child) []string {
	var names []string
	for _, r := range nsg.Inputs["securityRules"].ArrayValue() {
		names = append(names, r.ObjectValue()["name"].StringValue())
	}
	return names
}

func findRule(t *testing.T, nsg child, name string) resource.PropertyMap {
	t.Helper()
	for _, r := range nsg.Inputs["securityRules"].ArrayValue() {
		if r.ObjectValue()["name"].StringValue() == name {
			return r.ObjectValue()
		}
	}
	t.Fatalf("%s has no rule %s", nsg.Name, name)
	return nil
}
