"""A new, locked-down Azure ML workspace with its dependencies and private network."""

import pulumi
import pulumi_secureml as secureml

# Everything goes into an existing resource group named in stack config. `pulumi new` fills in a
# placeholder group: replace it with your own.
config = pulumi.Config()
environment = config.get("environment") or "dev"
protect_data = config.get_bool("protectData")

ml = secureml.SecureMLWorkspace(
    "ml",
    resource_group_name=config.require("resourceGroupName"),
    location=config.get("location") or "eastus",
    workspace=secureml.WorkspaceSettingsArgs(high_business_impact=True),
    # Storage, Key Vault and workspace are protected from deletion. To destroy the stack, set
    # protectData to false, run `pulumi up`, then `pulumi destroy`.
    protect_data=True if protect_data is None else protect_data,
    tags={"environment": environment, "managedBy": "pulumi"},
)

pulumi.export("workspaceId", ml.workspace_id)
pulumi.export("workspaceName", ml.workspace_name)
pulumi.export("workspacePrincipalId", ml.workspace_principal_id)
pulumi.export("discoveryUrl", ml.discovery_url)
pulumi.export("isolationMode", ml.isolation_mode)
pulumi.export("storageAccountId", ml.storage_account_id)
pulumi.export("storageAccountName", ml.storage_account_name)
pulumi.export("keyVaultId", ml.key_vault_id)
pulumi.export("keyVaultName", ml.key_vault_name)
pulumi.export("keyVaultUri", ml.key_vault_uri)
pulumi.export("containerRegistryId", ml.container_registry_id)
pulumi.export("containerRegistryName", ml.container_registry_name)
pulumi.export("containerRegistryLoginServer", ml.container_registry_login_server)
pulumi.export("logAnalyticsWorkspaceId", ml.log_analytics_workspace_id)
pulumi.export("applicationInsightsId", ml.application_insights_id)
# A secret: `pulumi stack output` shows it only with --show-secrets.
pulumi.export("applicationInsightsConnectionString", ml.application_insights_connection_string)
pulumi.export("virtualNetworkId", ml.virtual_network_id)
pulumi.export("subnetIds", ml.subnet_ids)
pulumi.export("privateDnsZoneIds", ml.private_dns_zone_ids)
pulumi.export("privateEndpoints", ml.private_endpoints)
