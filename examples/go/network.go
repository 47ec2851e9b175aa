package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"github.com/secureml/pulumi-secureml/sdk/go/secureml"
)

// secureNetwork gives an existing Azure ML workspace, and the storage account, Key Vault and
// container registry it uses, a private network. The IDs come from stack config.
func secureNetwork(ctx *pulumi.Context) error {
	cfg := config.New(ctx, "")
	location := cfg.Get("location")
	if location == "" {
		location = "eastus"
	}
	environment := cfg.Get("environment")
	if environment == "" {
		environment = "dev"
	}

	network, err := secureml.NewSecureMLNetwork(ctx, "ml", &secureml.SecureMLNetworkArgs{
		ResourceGroupName: pulumi.String(cfg.Require("resourceGroupName")),
		Location:          pulumi.String(location),
		Workspace:         &secureml.ServiceTargetArgs{ResourceId: pulumi.String(cfg.Require("workspaceId"))},
		StorageAccount:    &secureml.StorageAccountTargetArgs{ResourceId: pulumi.String(cfg.Require("storageAccountId"))},
		KeyVault:          &secureml.ServiceTargetArgs{ResourceId: pulumi.String(cfg.Require("keyVaultId"))},
		ContainerRegistry: &secureml.ServiceTargetArgs{ResourceId: pulumi.String(cfg.Require("containerRegistryId"))},
		Tags: pulumi.StringMap{
			"environment": pulumi.String(environment),
			"managedBy":   pulumi.String("pulumi"),
		},
	})
	if err != nil {
		return err
	}

	ctx.Export("virtualNetworkId", network.VirtualNetworkId)
	ctx.Export("virtualNetworkName", network.VirtualNetworkName)
	ctx.Export("subnetIds", network.SubnetIds)
	ctx.Export("subnetAddressPrefixes", network.SubnetAddressPrefixes)
	ctx.Export("networkSecurityGroupIds", network.NetworkSecurityGroupIds)
	ctx.Export("routeTableIds", network.RouteTableIds)
	ctx.Export("privateDnsZoneIds", network.PrivateDnsZoneIds)
	ctx.Export("privateEndpoints", network.PrivateEndpoints)
	return nil
}
