package securemlnetwork

import (
	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/components/azurecloud"
)

// The gateways in GatewaySubnet. A gateway depends on its subnet and its public IPs only (through
// their IDs): nothing else waits for it, and it waits for nothing else. The VPN and ExpressRoute
// gateways are created at the same time: Azure takes both in one GatewaySubnet in either order
// (MicrosoftDocs/azure-docs#14960), and Azure's own modules create them in parallel (the AVM
// vnet-with-subnet example of terraform-azurerm-avm-ptn-vnetgateway, ALZ-Bicep hubNetworking.bicep).

// gatewayIPConfig is one IP configuration of the VPN gateway: its name and its public IP's names.
type gatewayIPConfig struct{ config, ipPulumi, ipAzure string }

// vpnIPConfigs lists the VPN gateway's IP configurations: one per instance, and a third for
// point-to-site on an active-active gateway, which AZ SKUs need the customer to create (§1.3).
func vpnIPConfigs(names childNames, v *vpnPlan) []gatewayIPConfig {
	parts := []string{"1"}
	if v.activeActive {
		parts = append(parts, "2")
		if v.pointToSite != nil {
			parts = append(parts, "p2s")
		}
	}
	out := make([]gatewayIPConfig, len(parts))
	for i, p := range parts {
		pulumiName, azureName := names.publicIP("vpn-gateway", p)
		out[i] = gatewayIPConfig{config: "ipconfig-" + p, ipPulumi: pulumiName, ipAzure: azureName}
	}
	return out
}

// registerPublicIP creates a Standard static public IP, zone-redundant where the region has zones:
// gateways of the AZ SKUs need zones set there (VmssVpnGatewayPublicIpsMustHaveZonesConfigured).
func registerPublicIP(ctx *pulumi.Context, pulumiName, azureName string, plan networkPlan, in inputValues,
	opts ...pulumi.ResourceOption,
) (*network.PublicIPAddress, error) {
	return registerPublicIPWithZones(ctx, pulumiName, azureName, in, regionZones(plan, in), opts...)
}

// registerPublicIPWithZones creates a Standard static public IP in the given zones (none: regional).
func registerPublicIPWithZones(ctx *pulumi.Context, pulumiName, azureName string, in inputValues,
	zones pulumi.StringArrayInput, opts ...pulumi.ResourceOption,
) (*network.PublicIPAddress, error) {
	return network.NewPublicIPAddress(ctx, pulumiName, &network.PublicIPAddressArgs{
		PublicIpAddressName:      pulumi.String(azureName),
		ResourceGroupName:        in.networkGroup,
		Location:                 in.region.out,
		Sku:                      &network.PublicIPAddressSkuArgs{Name: pulumi.String("Standard"), Tier: pulumi.String("Regional")},
		PublicIPAllocationMethod: pulumi.String("Static"),
		PublicIPAddressVersion:   pulumi.String("IPv4"),
		Zones:                    zones,
		Tags:                     in.tags,
	}, opts...)
}

// regionZones is ["1","2","3"] in a region with availability zones, and empty elsewhere.
func regionZones(plan networkPlan, in inputValues) pulumi.StringArrayOutput {
	return in.region.out.ApplyT(func(region string) []string {
		if r, ok := azurecloud.LookupRegion(plan.cloud, region); ok && r.Zones {
			return []string{"1", "2", "3"}
		}
		return nil
	}).(pulumi.StringArrayOutput)
}

func registerVpnGateway(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues, hv hybridValues,
	subnet subnetRef, opts ...pulumi.ResourceOption,
) (*network.VirtualNetworkGateway, []*network.PublicIPAddress, error) {
	v := plan.hybrid.vpn
	var ips []*network.PublicIPAddress
	var configs network.VirtualNetworkGatewayIPConfigurationArray
	for _, c := range vpnIPConfigs(names, v) {
		ip, err := registerPublicIP(ctx, c.ipPulumi, c.ipAzure, plan, in, opts...)
		if err != nil {
			return nil, nil, err
		}
		ips = append(ips, ip)
		configs = append(configs, network.VirtualNetworkGatewayIPConfigurationArgs{
			Name:                      pulumi.String(c.config),
			PrivateIPAllocationMethod: pulumi.String("Dynamic"),
			PublicIPAddress:           &network.SubResourceArgs{Id: ip.ID().ToStringOutput()},
			Subnet:                    &network.SubResourceArgs{Id: subnet.id},
		})
	}
	pulumiName, azureName := names.gateway("vpn")
	args := &network.VirtualNetworkGatewayArgs{
		VirtualNetworkGatewayName: pulumi.String(azureName),
		ResourceGroupName:         in.networkGroup,
		Location:                  in.region.out,
		GatewayType:               pulumi.String("Vpn"),
		VpnType:                   pulumi.String("RouteBased"),
		VpnGatewayGeneration:      pulumi.String(vpnGeneration[v.sku]),
		Sku:                       &network.VirtualNetworkGatewaySkuArgs{Name: pulumi.String(string(v.sku)), Tier: pulumi.String(string(v.sku))},
		ActiveActive:              pulumi.Bool(v.activeActive),
		EnableBgp:                 pulumi.Bool(v.bgpAsn != 0),
		IpConfigurations:          configs,
		VpnClientConfiguration:    vpnClientConfiguration(v, hv),
		Tags:                      in.tags,
	}
	if v.bgpAsn != 0 {
		args.BgpSettings = &network.BgpSettingsArgs{Asn: pulumi.Float64(float64(v.bgpAsn))}
	}
	gw, err := network.NewVirtualNetworkGateway(ctx, pulumiName, args, opts...)
	return gw, ips, err
}

// vpnClientConfiguration is the point-to-site configuration, or nil without point-to-site.
func vpnClientConfiguration(v *vpnPlan, hv hybridValues) network.VpnClientConfigurationPtrInput {
	p := v.pointToSite
	if p == nil {
		return nil
	}
	c := network.VpnClientConfigurationArgs{
		VpnClientAddressPool: &network.AddressSpaceArgs{
			AddressPrefixes: hv.ranges.MapIndex(pulumi.String("pointToSite")),
		},
		VpnClientProtocols:     pulumi.ToStringArray(p.tunnels),
		VpnAuthenticationTypes: pulumi.ToStringArray(p.auth),
	}
	if e := hv.entra; e != nil {
		c.AadTenant, c.AadIssuer, c.AadAudience = e.tenant, e.issuer, e.audience
	}
	var certs network.VpnClientRootCertificateArray
	for i, cert := range p.settings.RootCertificates {
		certs = append(certs, network.VpnClientRootCertificateArgs{
			Name: pulumi.String(cert.Name), PublicCertData: hv.certs[i],
		})
	}
	if len(certs) > 0 {
		c.VpnClientRootCertificates = certs
	}
	return c
}
