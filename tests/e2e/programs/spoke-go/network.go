package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"github.com/secureml/pulumi-secureml/sdk/go/secureml"
)

// secureNetwork builds a spoke network from a hub stack's outputs: its location, the training
// subnet's prefix and the IDs of the hub's private DNS zones, which live in another subscription.
func secureNetwork(ctx *pulumi.Context) error {
	cfg := config.New(ctx, "")
	hub, err := pulumi.NewStackReference(ctx, "hub", &pulumi.StackReferenceArgs{Name: pulumi.String(cfg.Require("hubStack"))})
	if err != nil {
		return err
	}
	network, err := secureml.NewSecureMLNetwork(ctx, "ml", &secureml.SecureMLNetworkArgs{
		ResourceGroupName: pulumi.String("rg-spoke"),
		Location:          hub.GetStringOutput(pulumi.String("location")),
		Subnets: &secureml.SubnetLayoutArgs{
			Training: &secureml.SubnetSettingsArgs{AddressPrefix: hub.GetStringOutput(pulumi.String("trainingPrefix"))},
		},
		KeyVault:       &secureml.ServiceTargetArgs{ResourceId: pulumi.String(cfg.Require("keyVaultId"))},
		StorageAccount: &secureml.StorageAccountTargetArgs{ResourceId: pulumi.String(cfg.Require("storageAccountId"))},
		Dns: &secureml.DNSSettingsArgs{
			ExistingZoneIds: hub.GetOutput(pulumi.String("zoneIds")).AsStringMapOutput(),
		},
	})
	if err != nil {
		return err
	}
	ctx.Export("subnetAddressPrefixes", network.SubnetAddressPrefixes)
	ctx.Export("privateDnsZoneIds", network.PrivateDnsZoneIds)
	ctx.Export("privateEndpoints", network.PrivateEndpoints)
	return nil
}
