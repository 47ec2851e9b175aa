// Package wrongdns is an insecure policy fixture: private DNS zones with names no cloud uses, of two
// clouds at once, of the public cloud under a provider for Azure Government, and a link that lets
// virtual machines register in a privatelink zone. The stack sets no azure-native:environment, so
// the zone name check accepts any cloud's zones on the default provider.
package wrongdns

import (
	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	azurenative "github.com/pulumi/pulumi-azure-native-sdk/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/tests/e2e/policy-fixtures/fixture"
)

// Fixture is the program and the violations the pack reports for it.
var Fixture = fixture.Fixture{
	Program: program,
	Expected: []fixture.Violation{
		// The Key Vault zone many templates get wrong: privatelink.vaultcore.*, not privatelink.vault.*.
		{Policy: "private-dns-zone-name-for-cloud", Resource: "zone-vault-old"},
		// A public-cloud zone through a provider whose environment is usgovernment.
		{Policy: "private-dns-zone-name-for-cloud", Resource: "zone-api"},
		// The only Azure Government zone among three public ones.
		{Policy: "private-dns-zones-one-cloud", Resource: "zone-registry-gov"},
		{Policy: "private-dns-link-no-registration", Resource: "link-blob"},
	},
}

func zone(ctx *pulumi.Context, pulumiName, name string, opts ...pulumi.ResourceOption) (*network.PrivateZone, error) {
	return network.NewPrivateZone(ctx, pulumiName, &network.PrivateZoneArgs{
		PrivateZoneName: pulumi.String(name), ResourceGroupName: pulumi.String(fixture.ResourceGroup),
		Location: pulumi.String("global"),
	}, opts...)
}

func program(ctx *pulumi.Context) error {
	vnet, err := network.NewVirtualNetwork(ctx, "vnet", &network.VirtualNetworkArgs{
		VirtualNetworkName: pulumi.String("vnet-dns"), ResourceGroupName: pulumi.String(fixture.ResourceGroup),
		Location:     pulumi.String(fixture.Location),
		AddressSpace: &network.AddressSpaceArgs{AddressPrefixes: pulumi.ToStringArray([]string{"10.3.0.0/16"})},
	})
	if err != nil {
		return err
	}
	if _, err := zone(ctx, "zone-vault-old", "privatelink.vault.azure.net"); err != nil {
		return err
	}
	if _, err := zone(ctx, "zone-vault", "privatelink.vaultcore.azure.net"); err != nil {
		return err
	}
	blob, err := zone(ctx, "zone-blob", "privatelink.blob.core.windows.net")
	if err != nil {
		return err
	}
	if _, err := zone(ctx, "zone-registry-gov", "privatelink.azurecr.us"); err != nil {
		return err
	}
	government, err := azurenative.NewProvider(ctx, "azure-government", &azurenative.ProviderArgs{
		Environment: pulumi.String("usgovernment"),
	})
	if err != nil {
		return err
	}
	if _, err := zone(ctx, "zone-api", "privatelink.api.azureml.ms", pulumi.Provider(government)); err != nil {
		return err
	}
	_, err = network.NewVirtualNetworkLink(ctx, "link-blob", &network.VirtualNetworkLinkArgs{
		VirtualNetworkLinkName: pulumi.String("link-vnet-dns"), PrivateZoneName: pulumi.String("privatelink.blob.core.windows.net"),
		ResourceGroupName: pulumi.String(fixture.ResourceGroup), Location: pulumi.String("global"),
		VirtualNetwork:      &network.SubResourceArgs{Id: vnet.ID().ToStringOutput()},
		RegistrationEnabled: pulumi.Bool(true),
	}, pulumi.DependsOn([]pulumi.Resource{blob}))
	return err
}
