package securemlnetwork

import (
	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Azure Bastion in AzureBastionSubnet, with a Standard static public IP (bastion configuration-
// settings.md). Its subnet carries bastionRules and no route table.
func registerBastion(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues,
	subnet subnetRef, opts ...pulumi.ResourceOption,
) (*network.BastionHost, *network.PublicIPAddress, error) {
	ipPulumi, ipAzure := names.publicIP("bastion", "")
	ip, err := registerPublicIP(ctx, ipPulumi, ipAzure, plan, in, opts...)
	if err != nil {
		return nil, nil, err
	}
	pulumiName, azureName := names.bastion()
	host, err := network.NewBastionHost(ctx, pulumiName, &network.BastionHostArgs{
		BastionHostName:   pulumi.String(azureName),
		ResourceGroupName: in.networkGroup,
		Location:          in.region.out,
		Sku:               &network.SkuArgs{Name: pulumi.String(string(*plan.hybrid.bastion))},
		IpConfigurations: network.BastionHostIPConfigurationArray{network.BastionHostIPConfigurationArgs{
			Name:            pulumi.String("ipconfig-1"),
			PublicIPAddress: network.SubResourceArgs{Id: ip.ID().ToStringOutput()},
			Subnet:          network.SubResourceArgs{Id: subnet.id},
		}},
		Tags: in.tags,
	}, opts...)
	return host, ip, err
}
