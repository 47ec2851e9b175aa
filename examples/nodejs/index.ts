import * as pulumi from "@pulumi/pulumi";
import * as secureml from "@secureml/pulumi-secureml";

// The workspace, storage account, Key Vault and container registry already exist; their IDs come
// from stack config (see Pulumi.example.yaml).
const config = new pulumi.Config();
const environment = config.get("environment") ?? "dev";

const ml = new secureml.SecureMLNetwork("ml", {
    resourceGroupName: config.require("resourceGroupName"),
    location: config.get("location") ?? "eastus",
    workspace: { resourceId: config.require("workspaceId") },
    storageAccount: { resourceId: config.require("storageAccountId") },
    keyVault: { resourceId: config.require("keyVaultId") },
    containerRegistry: { resourceId: config.require("containerRegistryId") },
    tags: { environment, managedBy: "pulumi" },
});

export const virtualNetworkId = ml.virtualNetworkId;
export const virtualNetworkName = ml.virtualNetworkName;
export const subnetIds = ml.subnetIds;
export const subnetAddressPrefixes = ml.subnetAddressPrefixes;
export const networkSecurityGroupIds = ml.networkSecurityGroupIds;
export const routeTableIds = ml.routeTableIds;
export const privateDnsZoneIds = ml.privateDnsZoneIds;
export const privateEndpoints = ml.privateEndpoints;
