import * as pulumi from "@pulumi/pulumi";
import * as secureml from "@secureml/pulumi-secureml";

// The connectivity hub: a VPN gateway for laptops, a DNS resolver for VPN clients, and Azure Firewall
// carrying Azure ML's rules for the spokes' compute subnets.
const config = new pulumi.Config();
const location = config.get("location") ?? "eastus";

const hub = new secureml.SecureMLNetwork("hub", {
    resourceGroupName: config.require("resourceGroupName"),
    location,
    addressSpace: "10.100.0.0/16",
    subnets: { scoring: { enabled: false } },
    vpnGateway: {
        pointToSite: {
            addressPool: ["172.16.201.0/24"],
            entraId: { tenantId: config.require("tenantId") },
        },
    },
    dnsResolver: {},
    egress: {
        mode: "firewall",
        firewall: { allowedSourceAddresses: ["10.1.0.0/24", "10.1.1.0/24"] },
    },
});

export const virtualNetworkId = hub.virtualNetworkId;
export const firewallPrivateIpAddress = hub.egress.firewallPrivateIpAddress;
export const dnsResolverInboundIpAddress = hub.dnsResolver.inboundIpAddress;
export { location };
