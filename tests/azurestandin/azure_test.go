package azurestandin

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requestCase is one create the offline Azure stand-in (a test double) must refuse as Azure does, or,
// for contrast, accept.
type requestCase struct {
	name        string
	environment string           // the provider's `environment` ("" is the public cloud)
	setup       func(f *fixture) // what exists before the create
	token       string
	in          map[string]any
	status      int    // 0 when Azure accepts the request
	code        string // Azure's error code
	mentions    []string
}

func (tt requestCase) run(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{}).configure(map[string]string{"environment": tt.environment})
	if tt.setup != nil {
		tt.setup(f)
	}
	resp, err := f.create(tt.token, "x", tt.in)
	if tt.code == "" {
		require.NoError(t, err)
		assert.NotEmpty(t, resp.GetId())
		return
	}
	requireAzureError(t, err, tt.status, tt.code, tt.mentions...)
	all, err := f.s.Store().All()
	require.NoError(t, err)
	for _, r := range all {
		assert.NotEqual(t, tt.token, r.Type, "a refused create leaves nothing behind")
	}
}

func withNetwork(f *fixture) { f.network("10.0.2.0/24") }

func withZoneAndNetwork(f *fixture) {
	f.network("10.0.2.0/24")
	f.mustCreate(tokZone, "vault", zoneIn("privatelink.vaultcore.azure.net"))
}

func zoneGroupIn(pe, zone string) map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "privateEndpointName": pe, "privateDnsZoneGroupName": "default",
		"privateDnsZoneConfigs": []any{map[string]any{"name": "vault", "privateDnsZoneId": zone}},
	}
}

// Source of every row: azure-docs azure-resource-manager/management/resource-name-rules.md (ms.date
// 03/14/2025), Microsoft.Network rows (names.go), answered with InvalidResourceName.
func TestNamesOutsideTheirTypesRulesAreRefused(t *testing.T) {
	t.Parallel()
	long := func(n int) string { return strings.Repeat("p", n) }
	label := func(n int) string { return strings.Repeat("a", n) }
	tests := []requestCase{
		// privateEndpoints: 2-64 characters.
		{name: "private endpoint name of 65 characters", setup: withNetwork, token: tokPE,
			in:     vaultPE(long(65), peSubnetID),
			status: 400, code: "InvalidResourceName", mentions: []string{long(65), "Microsoft.Network/privateEndpoints"}},
		{name: "private endpoint name of 64 characters", setup: withNetwork, token: tokPE,
			in: vaultPE(long(64), peSubnetID)},
		// networkInterfaces: 1-80 characters, ends with a letter, digit or '_'.
		{name: "custom network interface name ending with '-'", setup: withNetwork, token: tokPE,
			in:     with(vaultPE("pe-kv", peSubnetID), "customNetworkInterfaceName", "nic-kv-"),
			status: 400, code: "InvalidResourceName", mentions: []string{"nic-kv-", "Microsoft.Network/networkInterfaces"}},
		// virtualNetworks: 2-64 characters.
		{name: "virtual network name of 1 character", token: tokVNet, in: vnetIn("v", "westeurope", "10.0.0.0/16"),
			status: 400, code: "InvalidResourceName", mentions: []string{"Resource name v ", "Microsoft.Network/virtualNetworks"}},
		{name: "virtual network name of 2 characters", token: tokVNet, in: vnetIn("vn", "westeurope", "10.0.0.0/16")},
		{name: "virtual network name of 65 characters", token: tokVNet, in: vnetIn(long(65), "westeurope", "10.0.0.0/16"),
			status: 400, code: "InvalidResourceName", mentions: []string{long(65)}},
		{name: "virtual network name starting with '-'", token: tokVNet, in: vnetIn("-vnet", "westeurope", "10.0.0.0/16"),
			status: 400, code: "InvalidResourceName", mentions: []string{"-vnet"}},
		// virtualNetworkLinks: 1-80 characters, ends with a letter, digit or '_'.
		{name: "link name ending with '-'", setup: withZoneAndNetwork, token: tokLink,
			in:     linkIn("privatelink.vaultcore.azure.net", "link-vnet-ml-", vnetID),
			status: 400, code: "InvalidResourceName", mentions: []string{"link-vnet-ml-", "virtualNetworkLinks"}},
		{name: "link name ending with '_'", setup: withZoneAndNetwork, token: tokLink,
			in: linkIn("privatelink.vaultcore.azure.net", "link-vnet-ml_", vnetID)},
		// privateDnsZones: 2 to 34 labels of 1-63 alphanumerics, underscores and hyphens.
		{name: "private DNS zone name of one label", token: tokZone, in: zoneIn("privatelink"),
			status: 400, code: "InvalidResourceName", mentions: []string{"privatelink", "2 to 34 labels"}},
		{name: "private DNS zone name with an empty label", token: tokZone, in: zoneIn("privatelink..azure.net"),
			status: 400, code: "InvalidResourceName", mentions: []string{"privatelink..azure.net"}},
		{name: "private DNS zone label of 64 characters", token: tokZone, in: zoneIn(label(64) + ".azure.net"),
			status: 400, code: "InvalidResourceName", mentions: []string{label(64) + ".azure.net", "1-63"}},
		{name: "private DNS zone label with a space", token: tokZone, in: zoneIn("privatelink.vault core.azure.net"),
			status: 400, code: "InvalidResourceName", mentions: []string{"privatelink.vault core.azure.net"}},
		{name: "private DNS zone name of 35 labels", token: tokZone, in: zoneIn(strings.Repeat("a.", 34) + "net"),
			status: 400, code: "InvalidResourceName", mentions: []string{"2 to 34 labels"}},
		{name: "private DNS zone label of 63 characters", token: tokZone, in: zoneIn(label(63) + ".azure.net")},
		{name: "private DNS zone of Key Vault", token: tokZone, in: zoneIn("privatelink.vaultcore.azure.net")},
		{name: "private DNS zone of the ML workspace notebooks", token: tokZone, in: zoneIn("privatelink.notebooks.azure.net")},
		// securityRules and routes (names in the resource's body): 1-80 characters, same characters.
		{name: "security rule name ending with '.'", token: tokNSG,
			in: with(nsgIn("westeurope", "Storage"), "securityRules", []any{map[string]any{
				"name": "AllowStorage.", "priority": 100.0, "direction": "Outbound", "access": "Allow", "protocol": "Tcp",
				"destinationAddressPrefix": "Storage", "sourceAddressPrefix": "VirtualNetwork",
			}}),
			status: 400, code: "InvalidResourceName", mentions: []string{"AllowStorage.", "securityRules"}},
		{name: "route name of 81 characters", token: tokRoutes,
			in: with(routeTableIn("westeurope", "0.0.0.0/0"), "routes", []any{map[string]any{
				"name": long(81), "addressPrefix": "0.0.0.0/0", "nextHopType": "Internet",
			}}),
			status: 400, code: "InvalidResourceName", mentions: []string{long(81), "routes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Source: the region tables of components/azurecloud (Microsoft's "Azure regions list",
// regions-list.md, for AzureCloud; Azure.Core AzureLocation.cs and the Azure Government docs for the
// national clouds); a location the cloud does not have is refused with
// LocationNotAvailableForResourceType (errLocation). Private DNS zones and their links are global
// resources (private-endpoint-dns.md), so they take `global` and nothing else, and a regional type
// never takes `global`.
func TestLocationsUnknownToTheCloudAreRefused(t *testing.T) {
	t.Parallel()
	tests := []requestCase{
		{name: "misspelt region", token: tokVNet, in: vnetIn("vnet-ml", "esatus", "10.0.0.0/16"),
			status: 400, code: "LocationNotAvailableForResourceType", mentions: []string{"'esatus'", "Microsoft.Network/virtualNetworks"}},
		{name: "public region in usgovernment", environment: "usgovernment", token: tokVNet,
			in:     vnetIn("vnet-ml", "eastus", "10.0.0.0/16"),
			status: 400, code: "LocationNotAvailableForResourceType", mentions: []string{"'eastus'"}},
		{name: "government region in usgovernment", environment: "usgovernment", token: tokVNet,
			in: vnetIn("vnet-ml", "usgovvirginia", "10.0.0.0/16")},
		{name: "government region in the public cloud", token: tokVNet, in: vnetIn("vnet-ml", "usgovvirginia", "10.0.0.0/16"),
			status: 400, code: "LocationNotAvailableForResourceType", mentions: []string{"'usgovvirginia'"}},
		{name: "display name of a region", token: tokVNet, in: vnetIn("vnet-ml", "West Europe", "10.0.0.0/16")},
		{name: "global for a virtual network", token: tokVNet, in: vnetIn("vnet-ml", "global", "10.0.0.0/16"),
			status: 400, code: "LocationNotAvailableForResourceType", mentions: []string{"'global'", "Microsoft.Network/virtualNetworks"}},
		{name: "region for a private DNS zone", token: tokZone,
			in:     with(zoneIn("privatelink.vaultcore.azure.net"), "location", "westeurope"),
			status: 400, code: "LocationNotAvailableForResourceType", mentions: []string{"'westeurope'", "Microsoft.Network/privateDnsZones"}},
		{name: "global for a private DNS zone", token: tokZone, in: zoneIn("privatelink.vaultcore.azure.net")},
		{name: "global for a private DNS zone in usgovernment", environment: "usgovernment", token: tokZone,
			in: zoneIn("privatelink.vaultcore.usgovcloudapi.net")},
		{name: "region for a virtual network link", setup: withZoneAndNetwork, token: tokLink,
			in:     with(linkIn("privatelink.vaultcore.azure.net", "link-vnet-ml", vnetID), "location", "eastus"),
			status: 400, code: "LocationNotAvailableForResourceType", mentions: []string{"'eastus'", "virtualNetworkLinks"}},
		{name: "global for a virtual network link", setup: withZoneAndNetwork, token: tokLink,
			in: linkIn("privatelink.vaultcore.azure.net", "link-vnet-ml", vnetID)},
		{name: "misspelt region of a private endpoint", setup: withNetwork, token: tokPE,
			in:     with(vaultPE("pe-kv", peSubnetID), "location", "westeurop"),
			status: 400, code: "LocationNotAvailableForResourceType", mentions: []string{"'westeurop'"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Source: azure-docs azure-resource-manager/management/tag-resources.md (ms.date 02/06/2025): at most
// 50 tags (15 on private DNS zones), names of at most 512 characters without < > % & \ ? / or
// control characters, values of at most 256 characters.
func TestTagsOutsideAzureLimitsAreRefused(t *testing.T) {
	t.Parallel()
	vnet := vnetIn("vnet-ml", "westeurope", "10.0.0.0/16")
	zone := zoneIn("privatelink.vaultcore.azure.net")
	tests := []requestCase{
		{name: "51 tags", token: tokVNet, in: with(vnet, "tags", tags(51)),
			status: 400, code: "InvalidTemplate", mentions: []string{"51 tags", "at most 50"}},
		{name: "50 tags", token: tokVNet, in: with(vnet, "tags", tags(50))},
		{name: "16 tags on a private DNS zone", token: tokZone, in: with(zone, "tags", tags(16)),
			status: 400, code: "InvalidTemplate", mentions: []string{"16 tags", "at most 15"}},
		{name: "15 tags on a private DNS zone", token: tokZone, in: with(zone, "tags", tags(15))},
		{name: "tag name with '/'", token: tokVNet, in: with(vnet, "tags", map[string]any{"cost/center": "ml"}),
			status: 400, code: "InvalidTagNameCharacters", mentions: []string{"'cost/center'"}},
		{name: "tag name with '<'", token: tokVNet, in: with(vnet, "tags", map[string]any{"a<b": "ml"}),
			status: 400, code: "InvalidTagNameCharacters", mentions: []string{"'a<b'"}},
		{name: "tag name of 513 characters", token: tokVNet,
			in:     with(vnet, "tags", map[string]any{strings.Repeat("n", 513): "ml"}),
			status: 400, code: "InvalidTagNameCharacters", mentions: []string{strings.Repeat("n", 513), "1 to 512"}},
		{name: "tag value of 257 characters", token: tokVNet,
			in:     with(vnet, "tags", map[string]any{"owner": strings.Repeat("v", 257)}),
			status: 400, code: "InvalidTagValueLength", mentions: []string{"'owner'", "257 characters"}},
		{name: "tag value of 256 characters", token: tokVNet,
			in: with(vnet, "tags", map[string]any{"owner": strings.Repeat("v", 256)})},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Source: azure-docs virtual-network/service-tags-overview.md (servicetags.go): the tags available in
// network security group rules and their Regional column; "FirstParty service tag is only available
// in public cloud"; the 21Vianet copy of the page marks every AzureFrontDoor tag "Not Available". A
// value that is neither an IP range nor a tag of the cloud is refused with
// SecurityRuleInvalidAddressPrefix, also in a route.
func TestServiceTagsUnknownToTheCloudAreRefused(t *testing.T) {
	t.Parallel()
	nsg := func(env, location, destination string) requestCase {
		return requestCase{environment: env, token: tokNSG, in: nsgIn(location, destination)}
	}
	refused := func(tt requestCase, name string, mentions ...string) requestCase {
		tt.name, tt.status, tt.code, tt.mentions = name, 400, "SecurityRuleInvalidAddressPrefix", mentions
		return tt
	}
	accepted := func(tt requestCase, name string) requestCase { tt.name = name; return tt }

	tests := []requestCase{
		refused(nsg("", "westeurope", "Storage.esatus"), "regional tag with a misspelt region",
			"Security rule AzureMLOutbound", "Value provided: Storage.esatus"),
		refused(nsg("", "westeurope", "NoSuchTag"), "tag that does not exist", "Value provided: NoSuchTag"),
		refused(nsg("usgovernment", "usgovvirginia", "AzureFrontDoor.FirstParty"), "AzureFrontDoor.FirstParty in usgovernment",
			"Value provided: AzureFrontDoor.FirstParty"),
		refused(nsg("china", "chinanorth3", "AzureFrontDoor.FirstParty"), "AzureFrontDoor.FirstParty in china",
			"Value provided: AzureFrontDoor.FirstParty"),
		refused(nsg("china", "chinanorth3", "AzureFrontDoor.Frontend"), "AzureFrontDoor.Frontend in china",
			"Value provided: AzureFrontDoor.Frontend"),
		refused(nsg("usgovernment", "usgovvirginia", "Storage.eastus"), "regional tag with a public region in usgovernment",
			"Value provided: Storage.eastus"),
		refused(nsg("", "westeurope", "AzureMachineLearning.eastus"), "region on a tag without regional forms",
			"Value provided: AzureMachineLearning.eastus"),
		accepted(nsg("", "westeurope", "AzureFrontDoor.FirstParty"), "AzureFrontDoor.FirstParty in the public cloud"),
		accepted(nsg("usgovernment", "usgovvirginia", "AzureFrontDoor.Frontend"), "AzureFrontDoor.Frontend in usgovernment"),
		accepted(nsg("", "westeurope", "Storage.eastus"), "regional tag with a public region"),
		accepted(nsg("", "westeurope", "storage.EastUS"), "tags compare case-insensitively"),
		accepted(nsg("usgovernment", "usgovvirginia", "Storage.usgovvirginia"), "regional tag with a government region"),
		accepted(nsg("", "westeurope", "AzureMachineLearning"), "global tag"),
		accepted(nsg("", "westeurope", "10.0.0.0/24"), "CIDR"),
		accepted(nsg("", "westeurope", "168.63.129.16"), "single address"),
		accepted(nsg("", "westeurope", "*"), "any"),
		{name: "unknown tag in destinationAddressPrefixes", token: tokNSG,
			in: with(nsgIn("westeurope", ""), "securityRules", []any{map[string]any{
				"name": "AzureMLOutbound", "priority": 100.0, "direction": "Outbound", "access": "Allow", "protocol": "Tcp",
				"sourceAddressPrefix":        "VirtualNetwork",
				"destinationAddressPrefixes": []any{"AzureMachineLearning", "BatchNodeManagement.westeurope", "NoSuchTag"},
			}}),
			status: 400, code: "SecurityRuleInvalidAddressPrefix", mentions: []string{"Value provided: NoSuchTag"}},
		{name: "route to an unknown tag", token: tokRoutes, in: routeTableIn("westeurope", "NoSuchTag"),
			status: 400, code: "SecurityRuleInvalidAddressPrefix", mentions: []string{"Route to-service", "Value provided: NoSuchTag"}},
		{name: "route to a regional tag with a misspelt region", token: tokRoutes, in: routeTableIn("westeurope", "Storage.esatus"),
			status: 400, code: "SecurityRuleInvalidAddressPrefix", mentions: []string{"Value provided: Storage.esatus"}},
		{name: "route to a service tag", token: tokRoutes, in: routeTableIn("westeurope", "AzureMachineLearning")},
		{name: "route to a CIDR", token: tokRoutes, in: routeTableIn("westeurope", "0.0.0.0/0")},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// The checks against what exists (checkAgainstState). Sources: a nested resource needs its parent
// (ARM's ParentResourceNotFound, errParentNotFound); a property that points at a Microsoft.Network
// resource must name one that exists (errReferenceNotFound); a subnet's range must lie inside its
// network's address space and must not overlap a sibling (errSubnetOutsideVNet, errSubnetsOverlap;
// azureerror.go names no document for these two).
func TestCreatesAgainstWhatExists(t *testing.T) {
	t.Parallel()
	otherVNet := testRG + "Microsoft.Network/virtualNetworks/vnet-other"
	nsgID := testRG + "Microsoft.Network/networkSecurityGroups/nsg-ml"
	withEndpoint := func(f *fixture) {
		withNetwork(f)
		f.mustCreate(tokPE, "kv", vaultPE("pe-kv", peSubnetID))
	}
	tests := []requestCase{
		{name: "subnet of a virtual network that does not exist", token: tokSubnet,
			in:     subnetIn("vnet-ml", "snet-pe", "10.0.2.0/24"),
			status: 404, code: "ParentResourceNotFound", mentions: []string{peSubnetID, "parent resource '" + vnetID + "'"}},
		{name: "zone group of a private endpoint that does not exist", setup: withZoneAndNetwork, token: tokZoneGroup,
			in:     zoneGroupIn("pe-kv", zoneID),
			status: 404, code: "ParentResourceNotFound", mentions: []string{testRG + "Microsoft.Network/privateEndpoints/pe-kv"}},
		{name: "link to a zone that does not exist", setup: withNetwork, token: tokLink,
			in:     linkIn("privatelink.vaultcore.azure.net", "link-vnet-ml", vnetID),
			status: 404, code: "ParentResourceNotFound", mentions: []string{"parent resource '" + zoneID + "'"}},
		{name: "private endpoint in a subnet that does not exist", setup: withNetwork, token: tokPE,
			in:     vaultPE("pe-kv", vnetID+"/subnets/snet-missing"),
			status: 404, code: "NotFound", mentions: []string{vnetID + "/subnets/snet-missing", "subnet.id"}},
		{name: "private endpoint in a subnet of a network that does not exist", setup: withNetwork, token: tokPE,
			in:     vaultPE("pe-kv", otherVNet+"/subnets/snet-pe"),
			status: 404, code: "NotFound", mentions: []string{otherVNet + "/subnets/snet-pe"}},
		{name: "zone group naming a zone that does not exist", setup: withEndpoint, token: tokZoneGroup,
			in:     zoneGroupIn("pe-kv", zoneID),
			status: 404, code: "NotFound", mentions: []string{zoneID, "privateDnsZoneConfigs.*.privateDnsZoneId"}},
		{name: "zone group naming a zone that exists", setup: func(f *fixture) {
			withEndpoint(f)
			f.mustCreate(tokZone, "vault", zoneIn("privatelink.vaultcore.azure.net"))
		}, token: tokZoneGroup, in: zoneGroupIn("pe-kv", zoneID)},
		{name: "link to a virtual network that does not exist", setup: withZoneAndNetwork, token: tokLink,
			in:     linkIn("privatelink.vaultcore.azure.net", "link-vnet-other", otherVNet),
			status: 404, code: "NotFound", mentions: []string{otherVNet, "virtualNetwork.id"}},
		{name: "subnet with a network security group that does not exist", setup: withNetwork, token: tokSubnet,
			in:     with(subnetIn("vnet-ml", "snet-training", "10.0.0.0/24"), "networkSecurityGroup", map[string]any{"id": nsgID}),
			status: 404, code: "NotFound", mentions: []string{nsgID, "networkSecurityGroup.id"}},
		{name: "subnet with a network security group that exists", setup: func(f *fixture) {
			withNetwork(f)
			f.mustCreate(tokNSG, "nsg", nsgIn("westeurope", "AzureMachineLearning"))
		}, token: tokSubnet, in: with(subnetIn("vnet-ml", "snet-training", "10.0.0.0/24"), "networkSecurityGroup", map[string]any{"id": nsgID})},
		{name: "private endpoint target outside Microsoft.Network is taken on trust", setup: withNetwork, token: tokPE,
			in: peIn("pe-st", peSubnetID, "blob", storageID)},
		{name: "subnet outside the address space", setup: withNetwork, token: tokSubnet,
			in:     subnetIn("vnet-ml", "snet-training", "10.1.0.0/24"),
			status: 400, code: "NetcfgSubnetRangeOutsideVnet", mentions: []string{"'snet-training'", "10.1.0.0/24", "'vnet-ml'"}},
		{name: "subnet larger than the address space", setup: withNetwork, token: tokSubnet,
			in:     subnetIn("vnet-ml", "snet-training", "10.0.0.0/15"),
			status: 400, code: "NetcfgSubnetRangeOutsideVnet", mentions: []string{"10.0.0.0/15"}},
		{name: "subnet overlapping a sibling", setup: withNetwork, token: tokSubnet,
			in:     subnetIn("vnet-ml", "snet-training", "10.0.2.128/25"),
			status: 400, code: "NetcfgSubnetRangesOverlap", mentions: []string{"'snet-training'", "10.0.2.128/25", "'snet-pe'"}},
		{name: "subnet beside its sibling", setup: withNetwork, token: tokSubnet, in: subnetIn("vnet-ml", "snet-training", "10.0.0.0/24")},
		{name: "subnet with an address prefix that is not a CIDR", setup: withNetwork, token: tokSubnet,
			in:     subnetIn("vnet-ml", "snet-training", "10.0.0.0/33"),
			status: 400, code: "InvalidAddressPrefixFormat", mentions: []string{"10.0.0.0/33", "snet-training"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// Source: azure-native's own check before a create (CanCreate in provider/pkg/azure/client_azcore.go:
// "cannot create already existing resource '%s'"): it will not adopt a resource that exists.
func TestCreateOfAnExistingIDIsRefused(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	f.mustCreate(tokVNet, "vnet", vnetIn("vnet-ml", "westeurope", "10.0.0.0/16"))

	// Another URN, the same name: the same ARM ID, compared case-insensitively as ARM does.
	_, err := f.create(tokVNet, "vnet-again", vnetIn("VNET-ML", "westeurope", "10.0.0.0/16"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cannot create already existing resource '"+
		testRG+"Microsoft.Network/virtualNetworks/VNET-ML'")

	rec, found, err := f.s.Store().Get(vnetID)
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, "vnet-ml", rec.Name, "the existing network is untouched")
	assert.Equal(t, "Succeeded", rec.Properties["provisioningState"])
}

// Other subscriptions (design.md): a link to a hub zone is created through an explicit provider for
// the hub's subscription, so its ID, and the zone it is nested in, are in that subscription. ARM
// refuses the link when that zone is not in that subscription and resource group
// (ParentResourceNotFound), even if a zone of the same name exists elsewhere. The two provider
// instances share the pretend Azure through one state directory, as two plugin processes do.
func TestLinkToAZoneOfAnotherSubscription(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	spoke := newFixture(t, Options{StateDir: dir})
	hub := newFixture(t, Options{StateDir: dir}).configure(map[string]string{"subscriptionId": hubSubscription})

	spoke.network("10.0.2.0/24")
	spoke.mustCreate(tokZone, "vault", zoneIn("privatelink.vaultcore.azure.net")) // the spoke's own zone

	hubZone := armID(hubSubscription, "Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net")
	link := linkIn("privatelink.vaultcore.azure.net", "link-vnet-ml", vnetID)
	_, err := hub.create(tokLink, "hub-link", link)
	requireAzureError(t, err, 404, "ParentResourceNotFound", "parent resource '"+hubZone+"'",
		hubZone+"/virtualNetworkLinks/link-vnet-ml")

	zone, _ := hub.mustCreate(tokZone, "hub-vault", zoneIn("privatelink.vaultcore.azure.net"))
	assert.Equal(t, hubZone, zone)
	id, out := hub.mustCreate(tokLink, "hub-link", link)
	assert.Equal(t, hubZone+"/virtualNetworkLinks/link-vnet-ml", id)
	assert.Equal(t, vnetID, out["virtualNetwork"].ObjectValue()["id"].StringValue(),
		"the link points at the spoke network in the default subscription")
}

// Source: Azure refuses to change the address prefix of, or delete, a subnet that holds network
// interfaces (InUseSubnetCannotBeUpdated, InUseSubnetCannotBeDeleted): failure catalogue in
// deploy-times-and-security-checks.md §2.5; pulumi/pulumi#13972.
func TestSubnetHoldingAPrivateEndpoint(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	subnet := f.network("10.0.2.0/24")
	peID, pe := f.mustCreate(tokPE, "kv", vaultPE("pe-kv", peSubnetID))
	vnetOut := pm(map[string]any{"id": vnetID})

	// The same prefix (another property changed) is an update Azure takes.
	tagged := with(subnetIn("vnet-ml", "snet-pe", "10.0.2.0/24"), "privateEndpointNetworkPolicies", "Disabled")
	subnet, err := f.update(tokSubnet, "pe", peSubnetID, subnet, tagged)
	require.NoError(t, err)

	// A new prefix is refused while the endpoint sits in the subnet.
	readdressed := subnetIn("vnet-ml", "snet-pe", "10.0.3.0/24")
	_, err = f.update(tokSubnet, "pe", peSubnetID, subnet, readdressed)
	requireAzureError(t, err, 400, "InUseSubnetCannotBeUpdated", peSubnetID, peID)
	rec, _, err := f.s.Store().Get(peSubnetID)
	require.NoError(t, err)
	assert.Equal(t, "10.0.2.0/24", rec.Properties["addressPrefix"], "the refused update changed nothing")

	// Neither the subnet nor its network can be deleted.
	err = f.remove(tokSubnet, "pe", peSubnetID, subnet)
	requireAzureError(t, err, 400, "InUseSubnetCannotBeDeleted", peSubnetID, peID)
	err = f.remove(tokVNet, "vnet", vnetID, vnetOut)
	requireAzureError(t, err, 400, "InUseSubnetCannotBeDeleted", peSubnetID, peID)

	// Once the endpoint is gone, both are allowed.
	require.NoError(t, f.remove(tokPE, "kv", peID, pe))
	subnet, err = f.update(tokSubnet, "pe", peSubnetID, subnet, readdressed)
	require.NoError(t, err)
	assert.Equal(t, "10.0.3.0/24", subnet["addressPrefix"].StringValue())
	require.NoError(t, f.remove(tokSubnet, "pe", peSubnetID, subnet))
	require.NoError(t, f.remove(tokVNet, "vnet", vnetID, vnetOut))
	all, err := f.s.Store().All()
	require.NoError(t, err)
	assert.Empty(t, all)
}

func TestDeletingANetworkRemovesItsSubnets(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	f.network("10.0.2.0/24")
	require.NoError(t, f.remove(tokVNet, "vnet", vnetID, pm(map[string]any{"id": vnetID})))
	_, found, err := f.s.Store().Get(peSubnetID)
	require.NoError(t, err)
	assert.False(t, found, "nested resources go with their parent")
}
