package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"github.com/secureml/pulumi-secureml/sdk/go/secureml"
)

// secureWorkspace creates a new, locked-down Azure ML workspace with its storage account, Key Vault,
// container registry, Log Analytics workspace, Application Insights and private network, in an
// existing resource group named in stack config. `pulumi new` fills in a placeholder group, which you
// replace with your own.
func secureWorkspace(ctx *pulumi.Context) error {
	cfg := config.New(ctx, "")
	get := func(key, fallback string) string {
		if v := cfg.Get(key); v != "" {
			return v
		}
		return fallback
	}
	// Storage, Key Vault and workspace are protected from deletion. To destroy the stack, set
	// protectData to false, run `pulumi up`, then `pulumi destroy`.
	protectData := true
	if cfg.Get("protectData") != "" {
		v, err := cfg.TryBool("protectData")
		if err != nil {
			return err
		}
		protectData = v
	}

	ws, err := secureml.NewSecureMLWorkspace(ctx, "ml", &secureml.SecureMLWorkspaceArgs{
		ResourceGroupName: pulumi.String(cfg.Require("resourceGroupName")),
		Location:          pulumi.String(get("location", "eastus")),
		Workspace:         &secureml.WorkspaceSettingsArgs{HighBusinessImpact: pulumi.Bool(true)},
		ProtectData:       &protectData,
		Tags: pulumi.StringMap{
			"environment": pulumi.String(get("environment", "dev")),
			"managedBy":   pulumi.String("pulumi"),
		},
	})
	if err != nil {
		return err
	}

	ctx.Export("workspaceId", ws.WorkspaceId)
	ctx.Export("workspaceName", ws.WorkspaceName)
	ctx.Export("workspacePrincipalId", ws.WorkspacePrincipalId)
	ctx.Export("discoveryUrl", ws.DiscoveryUrl)
	ctx.Export("isolationMode", ws.IsolationMode)
	ctx.Export("storageAccountId", ws.StorageAccountId)
	ctx.Export("storageAccountName", ws.StorageAccountName)
	ctx.Export("keyVaultId", ws.KeyVaultId)
	ctx.Export("keyVaultName", ws.KeyVaultName)
	ctx.Export("keyVaultUri", ws.KeyVaultUri)
	ctx.Export("containerRegistryId", ws.ContainerRegistryId)
	ctx.Export("containerRegistryName", ws.ContainerRegistryName)
	ctx.Export("containerRegistryLoginServer", ws.ContainerRegistryLoginServer)
	ctx.Export("logAnalyticsWorkspaceId", ws.LogAnalyticsWorkspaceId)
	ctx.Export("applicationInsightsId", ws.ApplicationInsightsId)
	// A secret: `pulumi stack output` shows it only with --show-secrets.
	ctx.Export("applicationInsightsConnectionString", ws.ApplicationInsightsConnectionString)
	ctx.Export("virtualNetworkId", ws.VirtualNetworkId)
	ctx.Export("subnetIds", ws.SubnetIds)
	ctx.Export("privateDnsZoneIds", ws.PrivateDnsZoneIds)
	ctx.Export("privateEndpoints", ws.PrivateEndpoints)
	return nil
}
