import * as pulumi from "@pulumi/pulumi";
import * as secureml from "@secureml/pulumi-secureml";

// The Azure ML spoke: peered with the hub (both sides, using its gateway), its zones linked to the
// hub's network, and its compute subnets routing 0.0.0.0/0 to the hub's firewall.
const config = new pulumi.Config();
const hub = new pulumi.StackReference(config.require("hubStack"));

const spoke = new secureml.SecureMLNetwork("spoke", {
    resourceGroupName: config.require("resourceGroupName"),
    location: hub.requireOutput("location").apply(v => v as string),
    addressSpace: "10.1.0.0/16",
    workspace: { resourceId: config.require("workspaceId") },
    storageAccount: { resourceId: config.require("storageAccountId") },
    keyVault: { resourceId: config.require("keyVaultId") },
    containerRegistry: { resourceId: config.require("containerRegistryId") },
    hubPeering: {
        remoteVirtualNetworkId: hub.requireOutput("virtualNetworkId").apply(v => v as string),
        useRemoteGateways: true,
        createRemotePeering: true,
        linkZones: true,
    },
    egress: {
        mode: "nextHop",
        nextHopIpAddress: hub.requireOutput("firewallPrivateIpAddress").apply(v => v as string),
    },
});

export const virtualNetworkId = spoke.virtualNetworkId;
export const subnetAddressPrefixes = spoke.subnetAddressPrefixes;
export const egress = spoke.egress;
export const hubPeering = spoke.hubPeering;
export const privateDnsZoneIds = spoke.privateDnsZoneIds;
