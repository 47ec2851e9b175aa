// Package hybridinsecure is an insecure policy fixture: gateways of SKUs Azure no longer creates (or
// that the baseline forbids), point-to-site with certificates next to Microsoft Entra ID and over
// IKEv2, and a Basic public IP.
package hybridinsecure

import (
	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/tests/e2e/policy-fixtures/fixture"
)

// Fixture is the program and the violations the pack reports for it.
var Fixture = fixture.Fixture{
	Program: program,
	Expected: []fixture.Violation{
		{Policy: "public-ip-standard-sku", Resource: "pip-vpn-basic"},
		{Policy: "vpn-gateway-not-basic", Resource: "vgw-basic"},
		{Policy: "gateway-az-sku", Resource: "vgw-basic"},
		{Policy: "vpn-p2s-entra-id-only", Resource: "vgw-basic"},
		{Policy: "vpn-p2s-entra-id-openvpn", Resource: "vgw-basic"},
		{Policy: "gateway-az-sku", Resource: "vgw-er-legacy"},
	},
}

const tenant = "11111111-2222-3333-4444-555555555555"

var (
	group    = pulumi.String(fixture.ResourceGroup)
	location = pulumi.String(fixture.Location)
)

func program(ctx *pulumi.Context) error {
	vnet, err := network.NewVirtualNetwork(ctx, "vnet", &network.VirtualNetworkArgs{
		VirtualNetworkName: pulumi.String("vnet-hybrid"), ResourceGroupName: group, Location: location,
		AddressSpace: &network.AddressSpaceArgs{AddressPrefixes: pulumi.ToStringArray([]string{"10.5.0.0/16"})},
	})
	if err != nil {
		return err
	}
	subnet, err := network.NewSubnet(ctx, "subnet-gateway", &network.SubnetArgs{
		SubnetName: pulumi.String("GatewaySubnet"), VirtualNetworkName: pulumi.String("vnet-hybrid"),
		ResourceGroupName: group, AddressPrefix: pulumi.String("10.5.0.0/26"),
	}, pulumi.DependsOn([]pulumi.Resource{vnet}))
	if err != nil {
		return err
	}
	ip, err := network.NewPublicIPAddress(ctx, "pip-vpn-basic", &network.PublicIPAddressArgs{
		PublicIpAddressName: pulumi.String("pip-vpn-basic"), ResourceGroupName: group, Location: location,
		Sku:                      &network.PublicIPAddressSkuArgs{Name: pulumi.String("Basic")},
		PublicIPAllocationMethod: pulumi.String("Dynamic"),
	})
	if err != nil {
		return err
	}
	ipConfig := func(withIP bool) network.VirtualNetworkGatewayIPConfigurationArray {
		c := network.VirtualNetworkGatewayIPConfigurationArgs{
			Name: pulumi.String("ipconfig-1"), PrivateIPAllocationMethod: pulumi.String("Dynamic"),
			Subnet: &network.SubResourceArgs{Id: subnet.ID().ToStringOutput()},
		}
		if withIP {
			c.PublicIPAddress = &network.SubResourceArgs{Id: ip.ID().ToStringOutput()}
		}
		return network.VirtualNetworkGatewayIPConfigurationArray{c}
	}
	if _, err := network.NewVirtualNetworkGateway(ctx, "vgw-basic", &network.VirtualNetworkGatewayArgs{
		VirtualNetworkGatewayName: pulumi.String("vgw-basic"), ResourceGroupName: group, Location: location,
		GatewayType: pulumi.String("Vpn"), VpnType: pulumi.String("RouteBased"),
		Sku:              &network.VirtualNetworkGatewaySkuArgs{Name: pulumi.String("Basic"), Tier: pulumi.String("Basic")},
		IpConfigurations: ipConfig(true),
		VpnClientConfiguration: &network.VpnClientConfigurationArgs{
			VpnClientAddressPool:   &network.AddressSpaceArgs{AddressPrefixes: pulumi.ToStringArray([]string{"172.16.50.0/24"})},
			VpnAuthenticationTypes: pulumi.ToStringArray([]string{"AAD", "Certificate"}),
			VpnClientProtocols:     pulumi.ToStringArray([]string{"IkeV2", "OpenVPN"}),
			AadTenant:              pulumi.String("https://login.microsoftonline.com/" + tenant),
			AadIssuer:              pulumi.String("https://sts.windows.net/" + tenant + "/"),
			AadAudience:            pulumi.String("c632b3df-fb67-4d84-bdcf-b95ad541b5c8"),
		},
	}); err != nil {
		return err
	}
	_, err = network.NewVirtualNetworkGateway(ctx, "vgw-er-legacy", &network.VirtualNetworkGatewayArgs{
		VirtualNetworkGatewayName: pulumi.String("vgw-er-legacy"), ResourceGroupName: group, Location: location,
		GatewayType:      pulumi.String("ExpressRoute"),
		Sku:              &network.VirtualNetworkGatewaySkuArgs{Name: pulumi.String("Standard"), Tier: pulumi.String("Standard")},
		IpConfigurations: ipConfig(false),
	})
	return err
}
