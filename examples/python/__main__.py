"""A private network for an existing Azure ML workspace and the services it uses."""

import pulumi
import pulumi_secureml as secureml

# The workspace, storage account, Key Vault and container registry already exist; their IDs come
# from stack config (see Pulumi.example.yaml).
config = pulumi.Config()
environment = config.get("environment") or "dev"

ml = secureml.SecureMLNetwork(
    "ml",
    resource_group_name=config.require("resourceGroupName"),
    location=config.get("location") or "eastus",
    workspace=secureml.ServiceTargetArgs(resource_id=config.require("workspaceId")),
    storage_account=secureml.StorageAccountTargetArgs(resource_id=config.require("storageAccountId")),
    key_vault=secureml.ServiceTargetArgs(resource_id=config.require("keyVaultId")),
    container_registry=secureml.ServiceTargetArgs(resource_id=config.require("containerRegistryId")),
    tags={"environment": environment, "managedBy": "pulumi"},
)

pulumi.export("virtualNetworkId", ml.virtual_network_id)
pulumi.export("virtualNetworkName", ml.virtual_network_name)
pulumi.export("subnetIds", ml.subnet_ids)
pulumi.export("subnetAddressPrefixes", ml.subnet_address_prefixes)
pulumi.export("networkSecurityGroupIds", ml.network_security_group_ids)
pulumi.export("routeTableIds", ml.route_table_ids)
pulumi.export("privateDnsZoneIds", ml.private_dns_zone_ids)
pulumi.export("privateEndpoints", ml.private_endpoints)
