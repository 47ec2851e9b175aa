package securemlnetwork

import (
	"fmt"
	"strings"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/components/armid"
)

// Private DNS zones and their links are global resources (private-endpoint-dns.md).
const globalLocation = "global"

// maxAzureNameLength is the limit for virtual network link names (resource-name-rules.md).
const maxAzureNameLength = 80

// registerZones creates the zones the plan needs (or takes the given ones) and links the virtual
// network to each. It returns the zone IDs by zone name.
func registerZones(ctx *pulumi.Context, names childNames, plan networkPlan, common commonInputs,
	vnet *network.VirtualNetwork, opts ...pulumi.ResourceOption,
) (map[string]pulumi.StringOutput, error) {
	_, vnetAzureName := names.virtualNetwork()
	ids := map[string]pulumi.StringOutput{}
	for _, z := range plan.zones {
		zoneGroup := common.resourceGroupName.ToStringOutput()
		linkOpts := withDependsOn(opts, vnet)
		if z.existingID != "" {
			// Already validated by the plan: a privateDnsZones ID whose name is z.name.
			r, err := armid.Parse(z.existingID)
			if err != nil {
				return nil, err
			}
			ids[z.name] = pulumi.String(z.existingID).ToStringOutput()
			zoneGroup = pulumi.String(r.ResourceGroup).ToStringOutput()
		} else {
			zone, err := network.NewPrivateZone(ctx, names.zone(z.name), &network.PrivateZoneArgs{
				PrivateZoneName:   pulumi.String(z.name),
				ResourceGroupName: common.resourceGroupName,
				Location:          pulumi.String(globalLocation),
				Tags:              common.tags,
			}, opts...)
			if err != nil {
				return nil, err
			}
			ids[z.name] = zone.ID().ToStringOutput()
			linkOpts = withDependsOn(opts, vnet, zone)
		}
		if !plan.linkVirtualNetwork {
			continue
		}
		_, err := network.NewVirtualNetworkLink(ctx, names.zoneLink(z.name), &network.VirtualNetworkLinkArgs{
			VirtualNetworkLinkName: linkName(common.resourceGroupName, vnetAzureName),
			PrivateZoneName:        pulumi.String(z.name),
			ResourceGroupName:      zoneGroup,
			Location:               pulumi.String(globalLocation),
			VirtualNetwork:         &network.SubResourceArgs{Id: vnet.ID().ToStringOutput()},
			// Endpoint records come from DNS zone groups; VMs must not register into privatelink zones.
			RegistrationEnabled: pulumi.Bool(false),
			Tags:                common.tags,
		}, linkOpts...)
		if err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// linkName names the link after the network's resource group and name, so that the links of many
// spoke networks to one central zone do not collide.
func linkName(resourceGroupName pulumi.StringInput, vnetName string) pulumi.StringOutput {
	return resourceGroupName.ToStringOutput().ApplyT(func(group string) string {
		name := fmt.Sprintf("%s-%s", group, vnetName)
		if len(name) > maxAzureNameLength {
			name = name[:maxAzureNameLength]
		}
		// Azure names must end with a letter, digit or '_'.
		return strings.TrimRight(name, "-.")
	}).(pulumi.StringOutput)
}
