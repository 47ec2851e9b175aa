// Package publicservices is an insecure policy fixture: an Azure ML workspace and its storage
// account, Key Vault and container registry, all open to public networks, without private endpoints
// and accepting shared secrets or anonymous access (Shared Key, access policies, anonymous pull; a
// workspace with no identity, on a managed network open to the Internet), plus a role assignment on an
// existing Key Vault that has no endpoint either. The policy config requires a costCenter tag, which
// the storage account lacks. The types' Go modules are not dependencies of this project, so the
// resources are registered by type token.
package publicservices

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/tests/e2e/policy-fixtures/fixture"
)

// Fixture is the program, the policy config and the violations the pack reports.
var Fixture = fixture.Fixture{
	Program:      program,
	PolicyConfig: map[string]any{"required-tags": map[string]any{"requiredTags": []string{"costCenter"}}},
	Expected: []fixture.Violation{
		{Policy: "storage-deny-public-network", Resource: "st-open"},
		{Policy: "storage-public-network-disabled", Resource: "st-open"},
		{Policy: "storage-no-anonymous-blob-access", Resource: "st-open"},
		{Policy: "storage-no-shared-key", Resource: "st-open"},
		{Policy: "storage-trusted-services-bypass", Resource: "st-open"},
		{Policy: "storage-no-cross-tenant-replication", Resource: "st-open"},
		{Policy: "storage-https-only", Resource: "st-open"},
		{Policy: "storage-min-tls-1-2", Resource: "st-open"},
		{Policy: "storage-private-endpoint", Resource: "st-open"},
		{Policy: "required-tags", Resource: "st-open"},
		{Policy: "key-vault-deny-public-network", Resource: "kv-open"},
		{Policy: "key-vault-public-network-disabled", Resource: "kv-open"},
		{Policy: "key-vault-soft-delete", Resource: "kv-open"},
		{Policy: "key-vault-purge-protection", Resource: "kv-open"},
		{Policy: "key-vault-rbac-authorization", Resource: "kv-open"},
		{Policy: "key-vault-private-endpoint", Resource: "kv-open"},
		// Refers to an existing vault by ID; the stack has no endpoint to it.
		{Policy: "key-vault-private-endpoint", Resource: "role-kv-existing"},
		{Policy: "container-registry-deny-public-network", Resource: "cr-open"},
		{Policy: "container-registry-public-network-disabled", Resource: "cr-open"},
		{Policy: "container-registry-premium", Resource: "cr-open"},
		{Policy: "container-registry-no-admin-user", Resource: "cr-open"},
		{Policy: "container-registry-no-anonymous-pull", Resource: "cr-open"},
		{Policy: "container-registry-private-endpoint", Resource: "cr-open"},
		{Policy: "ml-workspace-no-public-network", Resource: "mlw-open"},
		{Policy: "ml-workspace-managed-identity", Resource: "mlw-open"},
		{Policy: "ml-workspace-approved-outbound-only", Resource: "mlw-open"},
		{Policy: "ml-workspace-high-business-impact", Resource: "mlw-open"},
		{Policy: "ml-workspace-private-endpoint", Resource: "mlw-open"},
	},
}

const tenant = "11111111-2222-3333-4444-555555555555"

var (
	group    = pulumi.String(fixture.ResourceGroup)
	location = pulumi.String(fixture.Location)
	tags     = pulumi.StringMap{"costCenter": pulumi.String("ml-platform")}
)

func program(ctx *pulumi.Context) error {
	storage, err := fixture.Raw(ctx, "azure-native:storage:StorageAccount", "st-open", pulumi.Map{
		"accountName": pulumi.String("stfixtureopen"), "resourceGroupName": group, "location": location,
		"kind": pulumi.String("StorageV2"), "sku": pulumi.Map{"name": pulumi.String("Standard_LRS")},
		"publicNetworkAccess": pulumi.String("Enabled"),
		"networkRuleSet": pulumi.Map{
			"defaultAction": pulumi.String("Allow"), "bypass": pulumi.String("None"),
		},
		"allowBlobPublicAccess":       pulumi.Bool(true),
		"allowSharedKeyAccess":        pulumi.Bool(true),
		"allowCrossTenantReplication": pulumi.Bool(true),
		"enableHttpsTrafficOnly":      pulumi.Bool(false),
		"minimumTlsVersion":           pulumi.String("TLS1_0"),
	})
	if err != nil {
		return err
	}
	vault, err := fixture.Raw(ctx, "azure-native:keyvault:Vault", "kv-open", pulumi.Map{
		"vaultName": pulumi.String("kv-fixture-open"), "resourceGroupName": group, "location": location,
		"properties": pulumi.Map{
			"tenantId":                pulumi.String(tenant),
			"sku":                     pulumi.Map{"family": pulumi.String("A"), "name": pulumi.String("standard")},
			"publicNetworkAccess":     pulumi.String("Enabled"),
			"enableSoftDelete":        pulumi.Bool(false),
			"enableRbacAuthorization": pulumi.Bool(false),
		},
		"tags": tags,
	})
	if err != nil {
		return err
	}
	registry, err := fixture.Raw(ctx, "azure-native:containerregistry:Registry", "cr-open", pulumi.Map{
		"registryName": pulumi.String("crfixtureopen"), "resourceGroupName": group, "location": location,
		"sku": pulumi.Map{"name": pulumi.String("Basic")}, "adminUserEnabled": pulumi.Bool(true),
		"anonymousPullEnabled": pulumi.Bool(true),
		"publicNetworkAccess":  pulumi.String("Enabled"), "tags": tags,
	})
	if err != nil {
		return err
	}
	if _, err := fixture.Raw(ctx, "azure-native:machinelearningservices:Workspace", "mlw-open", pulumi.Map{
		"workspaceName": pulumi.String("mlw-fixture-open"), "resourceGroupName": group, "location": location,
		"identity":          pulumi.Map{"type": pulumi.String("None")},
		"hbiWorkspace":      pulumi.Bool(false),
		"managedNetwork":    pulumi.Map{"isolationMode": pulumi.String("AllowInternetOutbound")},
		"storageAccount":    storage.ID(),
		"keyVault":          vault.ID(),
		"containerRegistry": registry.ID(),
		"tags":              tags,
	}); err != nil {
		return err
	}
	_, err = fixture.Raw(ctx, "azure-native:authorization:RoleAssignment", "role-kv-existing", pulumi.Map{
		"scope":       pulumi.String(fixture.ID("Microsoft.KeyVault/vaults", "kv-existing")),
		"principalId": pulumi.String("22222222-3333-4444-5555-666666666666"),
		"roleDefinitionId": pulumi.String(fixture.Subscription +
			"/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6"),
		"principalType": pulumi.String("ServicePrincipal"),
	})
	return err
}
