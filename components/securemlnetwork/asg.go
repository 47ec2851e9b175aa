package securemlnetwork

import (
	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Application security groups (hybrid-and-egress.md §10): one for compute, for the users' own
// machines (Azure ML's managed compute cannot join one), and one the private endpoints join. Rules for
// endpoints take effect because the endpoint subnet enables private endpoint network policies
// (configure-asg-private-endpoint.md).

const (
	groupCompute          = "compute"
	groupPrivateEndpoints = "privateEndpoints"
)

func registerApplicationSecurityGroups(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues,
	opts ...pulumi.ResourceOption,
) (map[string]*network.ApplicationSecurityGroup, error) {
	if !plan.appSecurityGroups {
		return nil, nil
	}
	groups := map[string]*network.ApplicationSecurityGroup{}
	for _, role := range []string{groupCompute, groupPrivateEndpoints} {
		pulumiName, azureName := names.applicationSecurityGroup(role)
		g, err := network.NewApplicationSecurityGroup(ctx, pulumiName, &network.ApplicationSecurityGroupArgs{
			ApplicationSecurityGroupName: pulumi.String(azureName),
			ResourceGroupName:            in.resourceGroup.out,
			Location:                     in.region.out,
			Tags:                         in.tags,
		}, opts...)
		if err != nil {
			return nil, err
		}
		groups[role] = g
	}
	return groups, nil
}

// endpointGroupRules are the endpoint subnet's rules for the endpoints' group: HTTPS and SMB from the
// network (which holds Azure ML's compute, VPN clients and connected sites), nothing else.
var endpointGroupRules = []securityRule{
	{name: "AllowVirtualNetworkToEndpoints", priority: 100, direction: "Inbound", access: "Allow", protocol: "Tcp",
		source: "VirtualNetwork", destination: "*", destinationGroup: groupPrivateEndpoints, ports: []string{"443", "445"},
		description: "HTTPS (every service) and SMB (Azure Files) to the private endpoints."},
	{name: "DenyOtherInboundToEndpoints", priority: 4000, direction: "Inbound", access: "Deny", protocol: "*",
		source: "*", destination: "*", destinationGroup: groupPrivateEndpoints, ports: []string{"*"},
		description: "Nothing else reaches the private endpoints."},
}
