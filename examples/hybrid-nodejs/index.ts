import * as pulumi from "@pulumi/pulumi";
import * as secureml from "@secureml/pulumi-secureml";

// The workspace and its services, the office's VPN device and the ExpressRoute circuit already exist;
// their IDs and addresses come from stack config (see Pulumi.example.yaml). The two keys are secrets:
// set them with `pulumi config set --secret`.
const config = new pulumi.Config();

const ml = new secureml.SecureMLNetwork("ml", {
    resourceGroupName: config.require("resourceGroupName"),
    location: config.get("location") ?? "eastus",
    workspace: { resourceId: config.require("workspaceId") },
    storageAccount: { resourceId: config.require("storageAccountId") },
    keyVault: { resourceId: config.require("keyVaultId") },
    containerRegistry: { resourceId: config.require("containerRegistryId") },
    vpnGateway: {
        bgp: {},
        pointToSite: {
            addressPool: ["172.16.201.0/24"],
            entraId: { tenantId: config.require("tenantId") },
        },
        siteToSite: [{
            name: "office",
            gatewayIpAddress: config.require("officePublicIp"),
            addressSpaces: [config.require("officeAddressSpace")],
            sharedKey: config.requireSecret("officeSharedKey"),
        }],
    },
    expressRoute: {
        connection: {
            circuitId: config.require("circuitId"),
            authorizationKey: config.requireSecret("circuitAuthorizationKey"),
        },
    },
    dnsResolver: {},
    bastion: {},
    tags: { managedBy: "pulumi" },
});

export const virtualNetworkId = ml.virtualNetworkId;
export const subnetAddressPrefixes = ml.subnetAddressPrefixes;
export const vpnGateway = ml.vpnGateway;
export const expressRouteGateway = ml.expressRouteGateway;
export const dnsResolver = ml.dnsResolver;
export const bastion = ml.bastion;
export const conditionalForwarders = ml.conditionalForwarders;
