package securemlworkspace

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	net "github.com/secureml/pulumi-secureml/components/securemlnetwork"
)

// serviceIDs are the resource IDs of the four services the network reaches. They are built from the
// subscription, resource group and names rather than read from the resources, so they are known as
// soon as the resource group is: the network does not wait for the services to exist, and each
// endpoint waits for its own service through NewForServices.
type serviceIDs struct {
	workspace, storage, keyVault, registry pulumi.StringOutput
}

func newServiceIDs(subscription string, group pulumi.StringInput, names azureNames) serviceIDs {
	id := func(provider, name string) pulumi.StringOutput {
		return group.ToStringOutput().ApplyT(func(g string) string {
			return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/%s/%s", subscription, g, provider, name)
		}).(pulumi.StringOutput)
	}
	return serviceIDs{
		workspace: id("Microsoft.MachineLearningServices/workspaces", names.workspace),
		storage:   id("Microsoft.Storage/storageAccounts", names.storage),
		keyVault:  id("Microsoft.KeyVault/vaults", names.keyVault),
		registry:  id("Microsoft.ContainerRegistry/registries", names.registry),
	}
}

// networkArgs are the child network's inputs: the user's network settings and the four services.
func networkArgs(args Args, p workspacePlan, ids serviceIDs) net.Args {
	n := valueOr(args.Network, NetworkSettings{})
	cloud := p.cloud
	return net.Args{
		ResourceGroupName: args.ResourceGroupName,
		Location:          args.Location,
		Cloud:             &cloud,
		AddressSpace:      n.AddressSpace,
		Subnets:           n.Subnets,
		ComputePublicIP:   n.ComputePublicIP,
		OutboundInternet:  n.OutboundInternet,
		Workspace:         &net.ServiceTarget{ResourceID: ids.workspace},
		StorageAccount:    &net.StorageAccountTarget{ResourceID: ids.storage, Subresources: p.subresources},
		KeyVault:          &net.ServiceTarget{ResourceID: ids.keyVault},
		ContainerRegistry: &net.ServiceTarget{ResourceID: ids.registry},
		DNS:               n.DNS,
		VpnGateway:        n.VpnGateway,
		ExpressRoute:      n.ExpressRoute,
		DNSResolver:       n.DNSResolver,
		Bastion:           n.Bastion,
		Egress:            n.Egress,
		ExistingNetwork:   n.ExistingNetwork,
		HubPeering:        n.HubPeering,
		AppSecurityGroups: n.AppSecurityGroups,
		Tags:              args.Tags,
	}
}

// clientConfig is the deploying identity's subscription and tenant.
type clientConfig struct {
	SubscriptionID string `pulumi:"subscriptionId"`
	TenantID       string `pulumi:"tenantId"`
}

func readClientConfig(ctx *pulumi.Context) (clientConfig, error) {
	var c clientConfig
	err := ctx.Invoke("azure-native:authorization:getClientConfig", nil, &c, pulumi.Version(azureNativeVersion))
	if err != nil {
		return c, fmt.Errorf("reading the deploying subscription and tenant (the Key Vault's tenant): %w", err)
	}
	return c, nil
}
