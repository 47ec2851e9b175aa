import * as pulumi from "@pulumi/pulumi";
import * as secureml from "@secureml/pulumi-secureml";

// A new workspace with its storage account, Key Vault, container registry, Log Analytics workspace,
// Application Insights and private network, in an existing resource group named in stack config.
// `pulumi new` fills in a placeholder group: replace it with your own.
const config = new pulumi.Config();
const environment = config.get("environment") ?? "dev";

const ml = new secureml.SecureMLWorkspace("ml", {
    resourceGroupName: config.require("resourceGroupName"),
    location: config.get("location") ?? "eastus",
    workspace: { highBusinessImpact: true },
    // Storage, Key Vault and workspace are protected from deletion. To destroy the stack, set
    // protectData to false, run `pulumi up`, then `pulumi destroy`.
    protectData: config.getBoolean("protectData") ?? true,
    tags: { environment, managedBy: "pulumi" },
});

export const workspaceId = ml.workspaceId;
export const workspaceName = ml.workspaceName;
export const workspacePrincipalId = ml.workspacePrincipalId;
export const discoveryUrl = ml.discoveryUrl;
export const isolationMode = ml.isolationMode;
export const storageAccountId = ml.storageAccountId;
export const storageAccountName = ml.storageAccountName;
export const keyVaultId = ml.keyVaultId;
export const keyVaultName = ml.keyVaultName;
export const keyVaultUri = ml.keyVaultUri;
export const containerRegistryId = ml.containerRegistryId;
export const containerRegistryName = ml.containerRegistryName;
export const containerRegistryLoginServer = ml.containerRegistryLoginServer;
export const logAnalyticsWorkspaceId = ml.logAnalyticsWorkspaceId;
export const applicationInsightsId = ml.applicationInsightsId;
// A secret: `pulumi stack output` shows it only with --show-secrets.
export const applicationInsightsConnectionString = ml.applicationInsightsConnectionString;
export const virtualNetworkId = ml.virtualNetworkId;
export const subnetIds = ml.subnetIds;
export const privateDnsZoneIds = ml.privateDnsZoneIds;
export const privateEndpoints = ml.privateEndpoints;
