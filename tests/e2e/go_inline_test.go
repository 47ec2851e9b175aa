//go:build e2e

package e2e

import (
	"context"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
	"github.com/stretchr/testify/require"
)

// remoteNetwork receives the outputs of a SecureMLNetwork registered from a Go program.
type remoteNetwork struct {
	pulumi.ResourceState
	VirtualNetworkID        pulumi.StringOutput    `pulumi:"virtualNetworkId"`
	VirtualNetworkName      pulumi.StringOutput    `pulumi:"virtualNetworkName"`
	SubnetIDs               pulumi.StringMapOutput `pulumi:"subnetIds"`
	SubnetAddressPrefixes   pulumi.StringMapOutput `pulumi:"subnetAddressPrefixes"`
	NetworkSecurityGroupIDs pulumi.StringMapOutput `pulumi:"networkSecurityGroupIds"`
	RouteTableIDs           pulumi.StringMapOutput `pulumi:"routeTableIds"`
	PrivateDNSZoneIDs       pulumi.StringMapOutput `pulumi:"privateDnsZoneIds"`
	PrivateEndpoints        pulumi.MapOutput       `pulumi:"privateEndpoints"`
}

// goProgram is the YAML example's scenario as a Go inline program. It registers the component by
// token, as the generated Go SDK does.
func goProgram(ctx *pulumi.Context) error {
	cfg := config.New(ctx, "")
	service := func(key string) pulumi.Map { return pulumi.Map{"resourceId": pulumi.String(cfg.Require(key))} }
	var net remoteNetwork
	err := ctx.RegisterRemoteComponentResource("secureml:index:SecureMLNetwork", "ml", pulumi.Map{
		"resourceGroupName": pulumi.String(cfg.Require("resourceGroupName")),
		"location":          pulumi.String(cfg.Require("location")),
		"workspace":         service("workspaceId"),
		"storageAccount":    service("storageAccountId"),
		"keyVault":          service("keyVaultId"),
		"containerRegistry": service("containerRegistryId"),
		"tags":              pulumi.StringMap{"environment": pulumi.String(cfg.Require("environment")), "managedBy": pulumi.String("pulumi")},
	}, &net)
	if err != nil {
		return err
	}
	ctx.Export("virtualNetworkId", net.VirtualNetworkID)
	ctx.Export("virtualNetworkName", net.VirtualNetworkName)
	ctx.Export("subnetIds", net.SubnetIDs)
	ctx.Export("subnetAddressPrefixes", net.SubnetAddressPrefixes)
	ctx.Export("networkSecurityGroupIds", net.NetworkSecurityGroupIDs)
	ctx.Export("routeTableIds", net.RouteTableIDs)
	ctx.Export("privateDnsZoneIds", net.PrivateDNSZoneIDs)
	ctx.Export("privateEndpoints", net.PrivateEndpoints)
	return nil
}

func TestGoInlineProgram(t *testing.T) {
	t.Parallel()
	env := newHermeticEnv(t)
	stack, err := auto.UpsertStackInlineSource(t.Context(), "e2e", "secureml-go", goProgram, auto.EnvVars(env.vars))
	require.NoError(t, err)
	setConfig(t, stack, serviceConfig)
	lifecycle(t, stack, env, expectedURNs(t, "all-services-default.txt", "e2e", "secureml-go"),
		func(ctx context.Context) error {
			return stack.SetConfig(ctx, "environment", auto.ConfigValue{Value: "prod"})
		})
}
