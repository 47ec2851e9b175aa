package securemlnetwork

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const hubZones = testSubscription + "/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/"

// existingVNet is what getVirtualNetwork answers for a network of the 0.1.0 layout with scoring off:
// the endpoint subnet at 10.0.1.0/24 holding endpoints, training at 10.0.0.0/24.
func existingVNet(scoringInUse bool) map[string]any {
	subnets := []any{
		map[string]any{"name": "snet-training", "addressPrefix": "10.0.0.0/24"},
		map[string]any{"name": "snet-private-endpoints", "addressPrefix": "10.0.1.0/24",
			"privateEndpoints": []any{map[string]any{"id": "/pe"}}},
	}
	if scoringInUse {
		subnets = append(subnets, map[string]any{"name": "snet-scoring", "addressPrefix": "10.0.5.0/24",
			"ipConfigurations": []any{map[string]any{"id": "/nic/ipconfig"}}})
	}
	return map[string]any{"name": "vnet-ml", "subnets": subnets}
}

// TestValidationErrors has one case per error the inputs can produce. Each message must name the
// input and the bad value and say what to do; the whole message is asserted, and nothing may be
// registered.
func TestValidationErrors(t *testing.T) {
	t.Parallel()
	tags := func(n int) pulumi.StringMap {
		m := pulumi.StringMap{}
		for i := range n {
			m[strings.Repeat("t", i+1)] = pulumi.String("v")
		}
		return m
	}
	tests := []struct {
		name     string
		modify   func(*Args)
		existing map[string]any // the network as Azure has it
		err      string
	}{
		{"missing resource group", func(a *Args) { a.ResourceGroupName = nil }, nil,
			"resourceGroupName is required: name the existing resource group for the network"},
		{"empty resource group", func(a *Args) { a.ResourceGroupName = pulumi.String("") }, nil,
			"resourceGroupName is empty; name the existing resource group for the network"},
		{"resource group too long", func(a *Args) { a.ResourceGroupName = pulumi.String(strings.Repeat("r", 91)) }, nil,
			`resourceGroupName "` + strings.Repeat("r", 91) + `" has 91 characters; Azure allows 1 to 90`},
		{"resource group ending with a period", func(a *Args) { a.ResourceGroupName = pulumi.String("rg-ml.") }, nil,
			`resourceGroupName "rg-ml." ends with a period, which Azure does not allow; remove it`},
		{"resource group with a character Azure refuses", func(a *Args) { a.ResourceGroupName = pulumi.String("rg ml") }, nil,
			`resourceGroupName "rg ml" contains ' '; Azure allows letters, digits, '_', '-', '.', '(' and ')'`},
		{"missing location", func(a *Args) { a.Location = nil }, nil,
			"location is required: give the Azure region of the network, for example eastus"},
		{"empty location", func(a *Args) { a.Location = pulumi.String("") }, nil,
			"location \"\" is not a region of AzureCloud. Use a region name as `az account list-locations` prints it, for example australiacentral"},
		{"location typo gets a suggestion", func(a *Args) { a.Location = pulumi.String("esatus") }, nil,
			"location \"esatus\" is not a region of AzureCloud. Did you mean eastus? Use a region name as `az account list-locations` prints it, for example australiacentral"},
		{"location with punctuation", func(a *Args) { a.Location = pulumi.String("east-us") }, nil,
			"location \"east-us\" is not a region of AzureCloud. Did you mean eastus? Use a region name as `az account list-locations` prints it, for example australiacentral"},
		{"location nothing like a region", func(a *Args) { a.Location = pulumi.String("mars") }, nil,
			"location \"mars\" is not a region of AzureCloud. Use a region name as `az account list-locations` prints it, for example australiacentral"},
		{"public region in US Government", func(a *Args) { a.Cloud = ptr(CloudAzureUSGovernment) }, nil,
			`location "eastus" is a region of AzureCloud, but cloud is AzureUSGovernment; use a AzureUSGovernment region ` +
				`(usdodcentral, usdodeast, usgovarizona, usgovtexas, usgovvirginia) or set cloud to AzureCloud`},
		{"Government region in the public cloud", func(a *Args) { a.Location = pulumi.String("usgovvirginia") }, nil,
			`location "usgovvirginia" is a region of AzureUSGovernment, but cloud is AzureCloud; use a AzureCloud region ` +
				`(australiacentral, australiacentral2, australiaeast, australiasoutheast, austriaeast, belgiumcentral, ...) or set cloud to AzureUSGovernment`},
		{"unknown cloud", func(a *Args) { a.Cloud = ptr(Cloud("AzureGermanCloud")) }, nil,
			`cloud "AzureGermanCloud" is not supported; use AzureCloud, AzureUSGovernment or AzureChinaCloud`},
		{"unknown outbound mode", func(a *Args) { a.OutboundInternet = ptr(OutboundInternet("Block")) }, nil,
			`outboundInternet "Block" is not supported; use Allow or Deny`},
		{"address space overlaps Docker", func(a *Args) { a.AddressSpace = pulumi.String("172.17.0.0/16") }, nil,
			"addressSpace 172.17.0.0/16 overlaps 172.17.0.0/16, which Docker uses for its bridge network on Azure ML compute; choose another range such as 10.0.0.0/16"},
		{"address space not a CIDR", func(a *Args) { a.AddressSpace = pulumi.String("10.0.0.0") }, nil,
			`addressSpace "10.0.0.0" is not an IPv4 CIDR; write it like 10.0.0.0/16`},
		{"prefix outside the address space", func(a *Args) {
			a.Subnets = &SubnetLayout{Training: &SubnetSettings{AddressPrefix: pulumi.String("10.1.0.0/24")}}
		}, nil, "subnets.training.addressPrefix 10.1.0.0/24 is outside addressSpace 10.0.0.0/16; choose a prefix inside it or widen addressSpace"},
		{"overlapping prefixes", func(a *Args) {
			a.Subnets = &SubnetLayout{
				Training: &SubnetSettings{AddressPrefix: pulumi.String("10.0.8.0/23")},
				Scoring:  &ScoringSubnetSettings{AddressPrefix: pulumi.String("10.0.9.0/24")},
			}
		}, nil, "subnets.scoring.addressPrefix 10.0.9.0/24 overlaps subnets.training.addressPrefix 10.0.8.0/23; give each subnet its own range"},
		{"explicit prefix over another subnet's slot", func(a *Args) {
			a.Subnets = &SubnetLayout{Training: &SubnetSettings{AddressPrefix: pulumi.String("10.0.2.0/24")}}
		}, nil, "subnets.training.addressPrefix 10.0.2.0/24 overlaps subnets.privateEndpoints (its slot 10.0.2.0/24; set " +
			"subnets.privateEndpoints.addressPrefix to place it elsewhere); give each subnet its own range"},
		{"prefix smaller than /29", func(a *Args) {
			a.Subnets = &SubnetLayout{Training: &SubnetSettings{AddressPrefix: pulumi.String("10.0.0.0/30")}}
		}, nil, "subnets.training.addressPrefix 10.0.0.0/30 is smaller than /29, the smallest subnet allowed here; use /29 or larger"},
		{"endpoint subnet too small for the endpoints", func(a *Args) {
			a.Subnets = &SubnetLayout{PrivateEndpoints: &SubnetSettings{AddressPrefix: pulumi.String("10.0.9.0/29")}}
		}, nil, "subnets.privateEndpoints.addressPrefix 10.0.9.0/29 holds 3 usable addresses (Azure reserves 5), but 8 are needed; use /28 or larger"},
		{"scoring prefix while scoring is off", func(a *Args) {
			a.Subnets = &SubnetLayout{Scoring: &ScoringSubnetSettings{Enabled: ptr(false), AddressPrefix: pulumi.String("10.0.5.0/24")}}
		}, nil, "subnets.scoring.addressPrefix is set but subnets.scoring.enabled is false; remove the prefix or enable the subnet"},
		{"moving the existing endpoint subnet", func(a *Args) {
			a.Subnets = &SubnetLayout{PrivateEndpoints: &SubnetSettings{AddressPrefix: pulumi.String("10.0.2.0/24")}}
		}, existingVNet(false), "subnets.privateEndpoints.addressPrefix 10.0.2.0/24 would move the existing subnet " +
			"snet-private-endpoints from 10.0.1.0/24, which holds network interfaces (private endpoints, compute or gateways); " +
			"Azure refuses to change the prefix of a subnet in use (InUseSubnetCannotBeUpdated). Keep 10.0.1.0/24, or empty the subnet first"},
		{"enabling scoring over the slot an existing subnet took", func(*Args) {}, existingVNet(false),
			"subnets.scoring (its slot 10.0.1.0/24; set subnets.scoring.addressPrefix to place it elsewhere) overlaps " +
				"subnets.privateEndpoints (the existing subnet snet-private-endpoints, 10.0.1.0/24); give each subnet its own range"},
		{"switching off a scoring subnet in use", func(a *Args) {
			a.Subnets = &SubnetLayout{Scoring: &ScoringSubnetSettings{Enabled: ptr(false)}}
		}, existingVNet(true), "subnets.scoring.enabled is false, but the existing subnet snet-scoring (10.0.5.0/24) holds " +
			"network interfaces (compute or endpoints); Azure refuses to delete a subnet in use (InUseSubnetCannotBeDeleted). " +
			"Remove what is attached to it first, or keep it enabled"},
		{"unknown storage sub-resource", func(a *Args) {
			a.StorageAccount.Subresources = []StorageSubresource{"blob", "web"}
		}, nil, `storageAccount.subresources: "web" is not a storage sub-resource; use blob, file, queue, table or dfs`},
		{"storage sub-resource twice", func(a *Args) {
			a.StorageAccount.Subresources = []StorageSubresource{"blob", "blob"}
		}, nil, `storageAccount.subresources lists "blob" twice; list each sub-resource once`},
		{"no storage sub-resources", func(a *Args) {
			a.StorageAccount.Subresources = []StorageSubresource{}
		}, nil, "storageAccount.subresources is empty; list at least blob and file, which Azure ML needs"},
		{"service without an ID", func(a *Args) { a.KeyVault = &ServiceTarget{} }, nil,
			"keyVault.resourceId is required when keyVault is set: give the Azure resource ID of the Microsoft.KeyVault/vaults"},
		{"service ID of the wrong type", func(a *Args) { a.StorageAccount.ResourceID = pulumi.String(testKeyVaultID) }, nil,
			`storageAccount.resourceId: resource ID "` + testKeyVaultID + `" is a Microsoft.KeyVault/vaults, but a ` +
				`Microsoft.Storage/storageAccounts is needed; give the ID of a Microsoft.Storage/storageAccounts`},
		{"service ID with a trailing slash", func(a *Args) { a.KeyVault.ResourceID = pulumi.String(testKeyVaultID + "/") }, nil,
			`keyVault.resourceId: malformed resource ID "` + testKeyVaultID + `/": it ends with /; remove the trailing /; ` +
				`expected /subscriptions/<subscription>/resourceGroups/<group>/providers/<Namespace>/<type>/<name>`},
		{"service ID with surrounding spaces", func(a *Args) { a.KeyVault.ResourceID = pulumi.String(" " + testKeyVaultID) }, nil,
			`keyVault.resourceId: malformed resource ID " ` + testKeyVaultID + `": it is empty or has surrounding spaces; ` +
				`expected /subscriptions/<subscription>/resourceGroups/<group>/providers/<Namespace>/<type>/<name>`},
		{"service ID whose subscription is not a GUID", func(a *Args) {
			a.Workspace.ResourceID = pulumi.String("/subscriptions/ml-prod/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw")
		}, nil, `workspace.resourceId: malformed resource ID "/subscriptions/ml-prod/resourceGroups/rg-ml/providers/` +
			`Microsoft.MachineLearningServices/workspaces/mlw": the subscription "ml-prod" is not a GUID such as ` +
			`00000000-0000-0000-0000-000000000000; expected /subscriptions/<subscription>/resourceGroups/<group>/providers/<Namespace>/<type>/<name>`},
		{"empty existingZoneIds", func(a *Args) { a.DNS = &DNSSettings{ExistingZoneIDs: pulumi.StringMap{}} }, nil,
			"dns.existingZoneIds is empty; list the ID of every zone this configuration needs (privatelink.api.azureml.ms, " +
				"privatelink.azurecr.io, privatelink.blob.core.windows.net, privatelink.file.core.windows.net, " +
				"privatelink.notebooks.azure.net, privatelink.vaultcore.azure.net), or remove existingZoneIds to create the zones here"},
		{"zone listed twice in different case", func(a *Args) {
			a.DNS = &DNSSettings{ExistingZoneIDs: pulumi.StringMap{
				"privatelink.vaultcore.azure.net": pulumi.String(hubZones + "privatelink.vaultcore.azure.net"),
				"Privatelink.Vaultcore.Azure.Net": pulumi.String(hubZones + "privatelink.vaultcore.azure.net"),
			}}
		}, nil, `dns.existingZoneIds lists zone "privatelink.vaultcore.azure.net" twice (zone names compare case-insensitively); keep one`},
		{"zone ID for a zone the configuration does not need", func(a *Args) {
			a.DNS = &DNSSettings{ExistingZoneIDs: pulumi.StringMap{"privatelink.queue.core.windows.net": pulumi.String(hubZones + "privatelink.queue.core.windows.net")}}
		}, nil, `dns.existingZoneIds has "privatelink.queue.core.windows.net", which this configuration does not need (it needs ` +
			`privatelink.api.azureml.ms, privatelink.azurecr.io, privatelink.blob.core.windows.net, privatelink.file.core.windows.net, ` +
			`privatelink.notebooks.azure.net, privatelink.vaultcore.azure.net); remove it, or check the cloud and services`},
		{"zone ID for another cloud's zone name", func(a *Args) {
			a.Cloud = ptr(CloudAzureUSGovernment)
			a.Location = pulumi.String("usgovvirginia")
			a.DNS = &DNSSettings{ExistingZoneIDs: pulumi.StringMap{"privatelink.vault.azure.net": pulumi.String(hubZones + "privatelink.vault.azure.net")}}
		}, nil, `dns.existingZoneIds has "privatelink.vault.azure.net", which this configuration does not need (it needs ` +
			`privatelink.api.ml.azure.us, privatelink.azurecr.us, privatelink.blob.core.usgovcloudapi.net, privatelink.file.core.usgovcloudapi.net, ` +
			`privatelink.notebooks.usgovcloudapi.net, privatelink.vaultcore.usgovcloudapi.net); remove it, or check the cloud and services`},
		{"existing zones missing one the configuration needs", func(a *Args) {
			a.DNS = &DNSSettings{ExistingZoneIDs: pulumi.StringMap{"privatelink.vaultcore.azure.net": pulumi.String(hubZones + "privatelink.vaultcore.azure.net")}}
		}, nil, `dns.existingZoneIds has no ID for "privatelink.api.azureml.ms", which this configuration needs; add the zone's ID, ` +
			`or remove existingZoneIds to create the zones here`},
		{"malformed zone ID", func(a *Args) { a.DNS = vaultOnlyDNS(a, "privatelink.vaultcore.azure.net") }, nil,
			`dns.existingZoneIds["privatelink.vaultcore.azure.net"]: malformed resource ID "privatelink.vaultcore.azure.net": it must start with /; ` +
				`expected /subscriptions/<subscription>/resourceGroups/<group>/providers/<Namespace>/<type>/<name>`},
		{"zone ID with a trailing slash", func(a *Args) { a.DNS = vaultOnlyDNS(a, hubZones+"privatelink.vaultcore.azure.net/") }, nil,
			`dns.existingZoneIds["privatelink.vaultcore.azure.net"]: malformed resource ID "` + hubZones + `privatelink.vaultcore.azure.net/": ` +
				`it ends with /; remove the trailing /; expected /subscriptions/<subscription>/resourceGroups/<group>/providers/<Namespace>/<type>/<name>`},
		{"zone ID of the wrong type", func(a *Args) { a.DNS = vaultOnlyDNS(a, testKeyVaultID) }, nil,
			`dns.existingZoneIds["privatelink.vaultcore.azure.net"]: resource ID "` + testKeyVaultID + `" is a Microsoft.KeyVault/vaults, ` +
				`but a Microsoft.Network/privateDnsZones is needed; give the ID of a Microsoft.Network/privateDnsZones`},
		{"zone ID of another zone", func(a *Args) { a.DNS = vaultOnlyDNS(a, hubZones+"privatelink.blob.core.windows.net") }, nil,
			`dns.existingZoneIds["privatelink.vaultcore.azure.net"] is the ID of zone "privatelink.blob.core.windows.net", not ` +
				`"privatelink.vaultcore.azure.net"; give the ID of the zone named privatelink.vaultcore.azure.net`},
		{"tag name with a slash", func(a *Args) { a.Tags = pulumi.StringMap{"cost/center": pulumi.String("42")} }, nil,
			`tags: the tag name "cost/center" contains one of < > % & \ ? /, which Azure does not allow in tag names; rename it`},
		{"tag name with a control character", func(a *Args) { a.Tags = pulumi.StringMap{"team\t": pulumi.String("ml")} }, nil,
			`tags: the tag name "team\t" contains a control character; rename it`},
		{"empty tag name", func(a *Args) { a.Tags = pulumi.StringMap{"": pulumi.String("ml")} }, nil,
			"tags has an empty tag name; give every tag a name"},
		{"tag name too long", func(a *Args) { a.Tags = pulumi.StringMap{strings.Repeat("n", 513): pulumi.String("v")} }, nil,
			`tags: the tag name "` + strings.Repeat("n", 513) + `" has 513 characters; Azure allows at most 512`},
		{"tag value too long", func(a *Args) { a.Tags = pulumi.StringMap{"owner": pulumi.String(strings.Repeat("v", 257))} }, nil,
			`tags: the value of "owner" has 257 characters; Azure allows at most 256`},
		{"more tags than private DNS zones take", func(a *Args) { a.Tags = tags(16) }, nil,
			"tags has 16 tags, but private DNS zones take at most 15 and every child gets the tags; keep 15 or fewer, or use dns.existingZoneIds"},
		{"more tags than Azure allows", func(a *Args) {
			a.Tags = tags(51)
			a.Workspace, a.StorageAccount, a.ContainerRegistry = nil, nil, nil
			a.DNS = vaultOnlyDNS(a, hubZones+"privatelink.vaultcore.azure.net")
		}, nil, "tags has 51 tags; Azure allows at most 50 per resource"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := allServices()
			tt.modify(&args)
			children, _, err := constructWith(t, &recorder{existingVNet: tt.existing}, args)
			require.Error(t, err)
			assert.Equal(t, tt.err, programError(err))
			assert.Empty(t, children, "an invalid input registers no child")
		})
	}
}

// vaultOnlyDNS keeps only the Key Vault endpoint and points its zone at id.
func vaultOnlyDNS(a *Args, id string) *DNSSettings {
	a.Workspace, a.StorageAccount, a.ContainerRegistry = nil, nil, nil
	return &DNSSettings{ExistingZoneIDs: pulumi.StringMap{"privatelink.vaultcore.azure.net": pulumi.String(id)}}
}

func TestComponentNameMustFitAzureNames(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"", "-ml", "ml-", "ml net", "a-very-long-name-that-does-not-fit-into-azure-names-at-all"} {
		assert.EqualError(t, checkComponentName(bad), `resource name "`+bad+`" cannot be used in Azure resource names: `+
			`use 1-50 letters, digits, '_', '.' or '-', starting with a letter or digit and ending with a letter, digit or '_'`)
	}
	for _, good := range []string{"ml", "ML_1", "team.ml-net_"} {
		assert.NoError(t, checkComponentName(good))
	}
}

// TestChildNamesFitAzureLimits checks the longest child names against Azure's limits: a private
// endpoint name (2-64) is the first to overflow as the component's name grows.
func TestChildNamesFitAzureLimits(t *testing.T) {
	t.Parallel()
	name42 := strings.Repeat("n", 42)
	plan := mustPlan(t, allServices())
	require.NoError(t, checkChildNames(childNames{component: name42}, plan), "42 characters fit every child")

	name43 := strings.Repeat("n", 43)
	assert.EqualError(t, checkChildNames(childNames{component: name43}, plan),
		`resource name "`+name43+`" makes the private endpoint name "pe-`+name43+`-container-registry" 65 characters `+
			`long, but Azure allows at most 64; use a resource name of at most 42 characters`)

	args := allServices()
	args.ContainerRegistry = nil
	name50 := strings.Repeat("n", 50)
	args.StorageAccount.Subresources = []StorageSubresource{"blob", "file", "dfs"}
	assert.EqualError(t, checkChildNames(childNames{component: name50}, mustPlan(t, args)),
		`resource name "`+name50+`" makes the private endpoint name "pe-`+name50+`-storage-blob" 66 characters `+
			`long, but Azure allows at most 64; use a resource name of at most 48 characters`)

	children, _, err := construct(t, allServices())
	require.NoError(t, err)
	for _, c := range children {
		assert.LessOrEqual(t, len(c.Name), 120, c.Name)
	}
}

func TestPlanDefaults(t *testing.T) {
	t.Parallel()
	plan := mustPlan(t, allServices())
	assert.Equal(t, "AzureCloud", string(plan.cloud))
	assert.False(t, plan.computePublicIP)
	assert.Equal(t, OutboundInternetAllow, plan.outbound)
	assert.True(t, plan.linkVirtualNetwork)
	assert.True(t, plan.createZoneGroups)
	assert.True(t, plan.createsZones())
	var keys []string
	for _, e := range plan.endpoints {
		keys = append(keys, e.key)
	}
	assert.Equal(t, []string{"workspace", "storageBlob", "storageFile", "keyVault", "containerRegistry"}, keys)
	var roles []subnetRole
	for _, s := range plan.subnets {
		roles = append(roles, s.role)
	}
	assert.Equal(t, []subnetRole{rolePrivateEndpoints, roleTraining, roleScoring}, roles,
		"the endpoint subnet is written first: the longest work waits behind it")
}

func TestPlanUsesGovernmentZones(t *testing.T) {
	t.Parallel()
	args := allServices()
	args.Cloud = ptr(CloudAzureUSGovernment)
	args.StorageAccount.Subresources = []StorageSubresource{"blob", "file", "dfs"}
	var zones []string
	for _, z := range mustPlan(t, args).zones {
		zones = append(zones, z.name)
	}
	assert.Equal(t, []string{
		"privatelink.api.ml.azure.us", "privatelink.azurecr.us", "privatelink.blob.core.usgovcloudapi.net",
		"privatelink.dfs.core.usgovcloudapi.net", "privatelink.file.core.usgovcloudapi.net",
		"privatelink.notebooks.usgovcloudapi.net", "privatelink.vaultcore.usgovcloudapi.net",
	}, zones)
}

func TestExistingZoneNamesCompareCaseInsensitively(t *testing.T) {
	t.Parallel()
	args := allServices()
	args.Workspace, args.StorageAccount, args.ContainerRegistry = nil, nil, nil
	args.DNS = &DNSSettings{ExistingZoneIDs: pulumi.StringMap{
		"PrivateLink.VaultCore.Azure.Net": pulumi.String(hubZones + "privatelink.vaultcore.azure.net"),
	}}
	children, out, err := construct(t, args)
	require.NoError(t, err)
	assert.Empty(t, ofType(children, "azure-native:network:PrivateZone"))
	assert.Equal(t, hubZones+"privatelink.vaultcore.azure.net", out.PrivateDNSZoneIDs["privatelink.vaultcore.azure.net"])
}
