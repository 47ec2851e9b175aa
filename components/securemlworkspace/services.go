package securemlworkspace

import (
	containerregistry "github.com/pulumi/pulumi-azure-native-sdk/containerregistry/v2"
	keyvault "github.com/pulumi/pulumi-azure-native-sdk/keyvault/v2"
	storage "github.com/pulumi/pulumi-azure-native-sdk/storage/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The workspace's dependencies, each closed to public networks and reached through the network's
// private endpoints. Property choices follow the policy pack's checks (Azure Policy IDs in
// docs/policy-pack.md); each is named where it is set.

// values are the value inputs every child takes, checked by SecureMLNetwork's checks.
type values struct {
	resourceGroup pulumi.StringInput
	location      pulumi.StringInput
	tags          pulumi.StringMapInput
	tenantID      string
}

func registerStorage(ctx *pulumi.Context, name string, p workspacePlan, v values, opts ...pulumi.ResourceOption,
) (*storage.StorageAccount, error) {
	return storage.NewStorageAccount(ctx, name+"-storage", &storage.StorageAccountArgs{
		AccountName:       pulumi.String(p.names.storage),
		ResourceGroupName: v.resourceGroup,
		Location:          v.location,
		Kind:              pulumi.String("StorageV2"),
		Sku:               &storage.SkuArgs{Name: pulumi.String(string(p.storageSku))},
		// 4fa4b6c0: no anonymous blob access. 8c6a50c6: no shared keys unless the user opts in.
		AllowBlobPublicAccess: pulumi.Bool(false),
		AllowSharedKeyAccess:  pulumi.Bool(p.sharedKey),
		// With keys off, the portal and tools sign in with Entra ID by default.
		DefaultToOAuthAuthentication: pulumi.Bool(!p.sharedKey),
		// b2982f36 and 34c877ad: closed to public networks; c9d007d0: trusted Azure services still pass.
		PublicNetworkAccess: pulumi.String("Disabled"),
		NetworkRuleSet: &storage.NetworkRuleSetArgs{
			DefaultAction: storage.DefaultActionDeny,
			Bypass:        pulumi.String("AzureServices"),
		},
		// fe83a0eb and 404c3081: TLS 1.2 and HTTPS only. 92a89a79: no replication to other tenants.
		MinimumTlsVersion:           pulumi.String("TLS1_2"),
		EnableHttpsTrafficOnly:      pulumi.Bool(true),
		AllowCrossTenantReplication: pulumi.Bool(false),
		Tags:                        v.tags,
	}, opts...)
}

func registerKeyVault(ctx *pulumi.Context, name string, p workspacePlan, v values, opts ...pulumi.ResourceOption,
) (*keyvault.Vault, error) {
	return keyvault.NewVault(ctx, name+"-keyvault", &keyvault.VaultArgs{
		VaultName:         pulumi.String(p.names.keyVault),
		ResourceGroupName: v.resourceGroup,
		Location:          v.location,
		Properties: &keyvault.VaultPropertiesArgs{
			TenantId: pulumi.String(v.tenantID),
			Sku:      &keyvault.SkuArgs{Family: pulumi.String("A"), Name: keyvault.SkuNameStandard},
			// 12d4fa5e: Azure RBAC, no access policies. 1e66c121 and 0b60c0b2: soft delete and purge protection.
			EnableRbacAuthorization:   pulumi.Bool(true),
			EnableSoftDelete:          pulumi.Bool(true),
			EnablePurgeProtection:     pulumi.Bool(true),
			SoftDeleteRetentionInDays: pulumi.Int(p.softDeleteDays),
			// 405c5871 and 55615ac9: closed to public networks; trusted Azure services still pass.
			PublicNetworkAccess: pulumi.String("Disabled"),
			NetworkAcls: &keyvault.NetworkRuleSetArgs{
				DefaultAction: pulumi.String("Deny"),
				Bypass:        pulumi.String("AzureServices"),
			},
		},
		Tags: v.tags,
	}, opts...)
}

func registerRegistry(ctx *pulumi.Context, name string, p workspacePlan, v values, opts ...pulumi.ResourceOption,
) (*containerregistry.Registry, error) {
	return containerregistry.NewRegistry(ctx, name+"-registry", &containerregistry.RegistryArgs{
		RegistryName:      pulumi.String(p.names.registry),
		ResourceGroupName: v.resourceGroup,
		Location:          v.location,
		// bd560fc0: Premium, the only tier with private endpoints. dc921057: no admin user.
		Sku:              &containerregistry.SkuArgs{Name: pulumi.String("Premium")},
		AdminUserEnabled: pulumi.Bool(false),
		// 0fdf0491 and d0793b48: closed to public networks; trusted Azure services (Azure ML's image
		// builds among them) still pass. Anonymous pull (9f2dea28) is off by default at this API version.
		PublicNetworkAccess:      pulumi.String("Disabled"),
		NetworkRuleSet:           &containerregistry.NetworkRuleSetArgs{DefaultAction: pulumi.String("Deny")},
		NetworkRuleBypassOptions: pulumi.String("AzureServices"),
		Tags:                     v.tags,
	}, opts...)
}
