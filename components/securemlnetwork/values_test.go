package securemlnetwork

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestValuesUnknownAtPreviewRegisterEveryChild: value inputs that come from resources still to be
// created are unknown in a preview; the component still registers every child, with those inputs
// unknown, and checks them once they are known (in `pulumi up`).
func TestValuesUnknownAtPreviewRegisterEveryChild(t *testing.T) {
	t.Parallel()
	args := allServices()
	args.ResourceGroupName = unknown()
	args.Location = unknown()
	args.KeyVault.ResourceID = unknown()
	args.Subnets = &SubnetLayout{PrivateEndpoints: &SubnetSettings{AddressPrefix: unknown()}}
	children, _, err := constructWith(t, &recorder{}, args, preview)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{
		"azure-native:network:VirtualNetwork":       1,
		"azure-native:network:Subnet":               3,
		"azure-native:network:NetworkSecurityGroup": 3,
		"azure-native:network:PrivateZone":          6,
		"azure-native:network:VirtualNetworkLink":   6,
		"azure-native:network:PrivateEndpoint":      5,
		"azure-native:network:PrivateDnsZoneGroup":  5,
	}, countByType(children))
	// The mocks leave out inputs that are unknown.
	pe := byName(t, children, "ml-workspace-pe")
	assert.NotContains(t, pe.Inputs, resource.PropertyKey("location"), "the location is not known yet")
	conn := pe.Inputs["privateLinkServiceConnections"].ArrayValue()[0].ObjectValue()
	assert.NotContains(t, conn, resource.PropertyKey("privateLinkServiceId"),
		"every endpoint waits for every service ID, so the workspace's waits for the unknown Key Vault ID")
}

// TestValuesFromOtherResourcesAreCheckedBeforeAnyChild: in `pulumi up` the engine resolves every
// input before it constructs the component, so an ID another resource produced is checked like a
// literal, before any child is registered.
func TestValuesFromOtherResourcesAreCheckedBeforeAnyChild(t *testing.T) {
	t.Parallel()
	rec := &recorder{}
	var children []child
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		other, err := NewSecureMLNetwork(ctx, "other", Args{ResourceGroupName: pulumi.String("rg-other"), Location: pulumi.String("eastus")})
		if err != nil {
			return err
		}
		args := allServices()
		args.KeyVault.ResourceID = other.VirtualNetworkID // a network's ID where a vault's is needed
		_, err = NewSecureMLNetwork(ctx, "ml", args)
		return err
	}, pulumi.WithMocksWithOrganization(t.Name(), "project", "stack", rec))
	require.Error(t, err)
	assert.Equal(t, `keyVault.resourceId: resource ID "`+testSubscription+`/resourceGroups/rg-net/providers/test/VirtualNetwork/`+
		`other-vnet" is a test/VirtualNetwork, but a Microsoft.KeyVault/vaults is needed; give the ID of a Microsoft.KeyVault/vaults`,
		programError(err))
	rec.mu.Lock()
	for _, c := range rec.children {
		if c.Parent == "urn:pulumi:stack::project::secureml:index:SecureMLNetwork::ml" {
			children = append(children, c)
		}
	}
	rec.mu.Unlock()
	assert.Empty(t, children, "no child of the failing component is registered")
}

// TestExistingSubnetsKeepTheirPrefixes reproduces an upgrade of a 0.1.0 network with scoring off:
// 0.1.0 put the endpoint subnet at 10.0.1.0/24. It stays there, though its slot is 10.0.2.0/24.
func TestExistingSubnetsKeepTheirPrefixes(t *testing.T) {
	t.Parallel()
	args := allServices()
	args.Subnets = &SubnetLayout{Scoring: &ScoringSubnetSettings{Enabled: ptr(false)}}
	children, out, err := constructWith(t, &recorder{existingVNet: existingVNet(false)}, args)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"training": "10.0.0.0/24", "privateEndpoints": "10.0.1.0/24"}, out.SubnetAddressPrefixes)
	assert.Equal(t, "10.0.1.0/24", byName(t, children, "ml-privateEndpoints-subnet").Inputs["addressPrefix"].StringValue())
}

func TestExistingNetworkIsReadOnlyWhenTheResourceGroupIsKnown(t *testing.T) {
	t.Parallel()
	rec := &recorder{}
	args := allServices()
	args.ResourceGroupName = unknown()
	_, _, err := constructWith(t, rec, args, preview)
	require.NoError(t, err)
	assert.NotContains(t, rec.invokes, "azure-native:network:getVirtualNetwork",
		"a network in a resource group unknown at preview is being created with it")

	rec = &recorder{}
	_, _, err = constructWith(t, rec, allServices())
	require.NoError(t, err)
	assert.Contains(t, rec.invokes, "azure-native:network:getVirtualNetwork")
}

func TestEndpointAddressesComeFromTheNetworkInterface(t *testing.T) {
	t.Parallel()
	rec := &recorder{}
	_, out, err := constructWith(t, rec, allServices())
	require.NoError(t, err)
	assert.Contains(t, rec.invokes, "azure-native:network:getNetworkInterface")
	details := out.PrivateEndpoints["keyVault"]
	assert.Equal(t, []string{"pe-ml-key-vault-nic.example.test"}, details.FQDNs, "FQDNs lose their trailing dot")
	assert.Equal(t, []string{"10.0.2.19"}, details.PrivateIPAddresses)
}

func TestPublicAddressSpaceWarnsButWorks(t *testing.T) {
	t.Parallel()
	args := allServices()
	args.AddressSpace = pulumi.String("20.0.0.0/16")
	_, out, err := construct(t, args)
	require.NoError(t, err, "a public address space is allowed")
	assert.Equal(t, "20.0.2.0/24", out.SubnetAddressPrefixes["privateEndpoints"])
}

func TestRegionsByDisplayNameAreNormalized(t *testing.T) {
	t.Parallel()
	args := allServices()
	args.Location = pulumi.String("East US 2")
	children, _, err := construct(t, args)
	require.NoError(t, err)
	for _, c := range children {
		if loc, ok := c.Inputs["location"]; ok && loc.StringValue() != "global" {
			assert.Equal(t, "eastus2", loc.StringValue(), c.Name)
		}
	}
	rule := findRule(t, byName(t, children, "ml-training-nsg"), "AllowStorageOutbound")
	assert.Equal(t, resource.NewStringProperty("Storage.eastus2"), rule["destinationAddressPrefix"])
}
