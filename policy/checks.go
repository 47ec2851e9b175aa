package policy

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/policyx"
)

const (
	mandatory = policyx.EnforcementLevelMandatory
	advisory  = policyx.EnforcementLevelAdvisory
)

// stringListSetting is the schema of a setting that lists strings, empty by default.
func stringListSetting(description string) map[string]any {
	return map[string]any{
		"type": "array", "items": map[string]any{"type": "string"}, "default": []any{},
		"description": description,
	}
}

// Checks returns every check of the pack, in the order docs/policy-pack.md lists them.
//
// Enforcement: mandatory where Azure refuses or breaks the configuration (a gateway subnet with a
// security group, an incomplete Bastion rule set, a SKU Azure no longer creates, a zone name the cloud
// does not resolve) or where the private network would be open (management ports or every port from
// the Internet, a subnet or endpoint subnet without a security group, a service reachable publicly or
// without its private endpoint, public IPs on private compute) or its services reachable with shared
// secrets or none (Shared Key, access policies, anonymous pull, a workspace without an identity);
// advisory for hardening recommendations.
func Checks() []Check {
	return []Check{
		// Subnets and network security groups.
		{
			Name: "subnet-has-nsg", AzurePolicy: "e71308d3-144b-4262-b144-efdc3cc90517", Checkov: "CKV2_AZURE_31",
			Enforcement: mandatory, Resource: checkSubnetSecurityGroup,
			Summary: "Every subnet has a network security group, except GatewaySubnet, AzureFirewallSubnet and " +
				"AzureFirewallManagementSubnet, which refuse one (and subnets listed in exemptSubnets).",
			Config: &policyx.ConfigSchema{Properties: map[string]map[string]any{
				"exemptSubnets": stringListSetting("More subnet names that need no network security group."),
			}},
		},
		{
			Name: "no-nsg-on-gateway-and-firewall-subnets", AzurePolicy: "35f9c03a-cc27-418e-9c0c-539ff999d010",
			Checkov: None, Enforcement: mandatory, Resource: checkNoSecurityGroupOnGatewaySubnets,
			Summary: "GatewaySubnet, AzureFirewallSubnet and AzureFirewallManagementSubnet have no network " +
				"security group: Azure does not support one there.",
		},
		{
			Name: "gateway-subnet-no-default-route", AzurePolicy: None, Checkov: None, Enforcement: mandatory,
			Stack:   checkGatewaySubnetDefaultRoute,
			Summary: "GatewaySubnet's route table has no 0.0.0.0/0 route: Azure does not support one for gateways.",
		},
		{
			Name: "bastion-subnet-no-route-table", AzurePolicy: None, Checkov: None, Enforcement: mandatory,
			Resource: checkBastionSubnetRouteTable,
			Summary:  "AzureBastionSubnet has no route table: Azure Bastion does not support user-defined routes.",
		},
		{
			Name: "bastion-nsg-rules-complete", AzurePolicy: None, Checkov: None, Enforcement: mandatory,
			Stack: checkBastionRules,
			Summary: "A network security group on AzureBastionSubnet carries all eight rules Azure Bastion needs " +
				"(HTTPS, GatewayManager and AzureLoadBalancer in; host communication both ways; SSH/RDP, " +
				"AzureCloud and HTTP out).",
		},
		{
			Name: "nsg-no-ssh-from-internet", AzurePolicy: "2c89a2e5-7285-40fe-afe0-ae8654b92fab", Checkov: "CKV_AZURE_10",
			Enforcement: mandatory, Resource: portOpen(22, "Tcp", "SSH"),
			Summary: "No security rule allows SSH (TCP 22) in from the Internet (Internet, *, Any or a /0 prefix).",
		},
		{
			Name: "nsg-no-rdp-from-internet", AzurePolicy: "e372f825-a257-4fb8-9175-797a8a8627d6", Checkov: "CKV_AZURE_9",
			Enforcement: mandatory, Resource: portOpen(3389, "Tcp", "RDP"),
			Summary: "No security rule allows RDP (TCP 3389) in from the Internet.",
		},
		{
			Name: "nsg-no-all-ports-from-internet", AzurePolicy: "9daedab3-fb2d-461e-b861-71790eead4f6", Checkov: None,
			Enforcement: mandatory, Resource: allPortsOpen,
			Summary: "No security rule allows every port in from the Internet.",
		},
		{
			Name: "nsg-no-http-from-internet", AzurePolicy: None, Checkov: "CKV_AZURE_160",
			Enforcement: advisory, Resource: portOpen(80, "Tcp", "HTTP"),
			Summary: "No security rule allows HTTP (TCP 80) in from the Internet.",
		},
		{
			Name: "nsg-no-udp-from-internet", AzurePolicy: None, Checkov: "CKV_AZURE_77",
			Enforcement: advisory, Resource: udpOpen,
			Summary: "No security rule allows UDP in from the Internet.",
		},
		{
			Name: "private-endpoint-subnet-has-nsg", AzurePolicy: "e71308d3-144b-4262-b144-efdc3cc90517",
			Checkov: "CKV2_AZURE_31", Enforcement: mandatory, Stack: checkEndpointSubnetSecurityGroup,
			Summary: "Every private endpoint is in a subnet that has a network security group.",
		},
		{
			Name: "private-endpoint-subnet-network-policies", AzurePolicy: None, Checkov: None, Enforcement: advisory,
			Stack: checkEndpointSubnetPolicies,
			Summary: "A subnet holding private endpoints enables private endpoint network policies (Enabled or " +
				"NetworkSecurityGroupEnabled), so its security group applies to traffic to the endpoints.",
		},
		// Private DNS.
		{
			Name: "private-dns-zone-name-for-cloud", AzurePolicy: None, Checkov: None, Enforcement: mandatory,
			Resource: checkZoneName,
			Summary: "A privatelink private DNS zone is one the stack's Azure cloud uses for private endpoints " +
				"(the cloud from the cloud setting, else azure-native's environment; any cloud when unknown).",
			Config: &policyx.ConfigSchema{Properties: map[string]map[string]any{
				"cloud": {
					"type": "string", "enum": []any{"", "AzureCloud", "AzureUSGovernment", "AzureChinaCloud"},
					"default":     "",
					"description": "The stack's Azure cloud; empty to read azure-native's environment setting.",
				},
				"additionalZones": stringListSetting("More privatelink zone names to accept (other services' zones)."),
			}},
		},
		{
			Name: "private-dns-zones-one-cloud", AzurePolicy: None, Checkov: None, Enforcement: mandatory,
			Stack:   checkZonesOneCloud,
			Summary: "The stack's privatelink zones all belong to one Azure cloud.",
		},
		{
			Name: "private-dns-link-no-registration", AzurePolicy: None, Checkov: None, Enforcement: advisory,
			Resource: checkLinkRegistration,
			Summary:  "Virtual network links to privatelink zones have registrationEnabled false.",
		},
		// Egress and compute.
		{
			Name: "subnet-private-with-explicit-egress", AzurePolicy: "7bca8353-aa3b-429b-904a-9229c4385837",
			Checkov: None, Enforcement: mandatory, Stack: checkPrivateSubnetWithExplicitEgress,
			Summary: "A subnet with explicit egress (a NAT gateway, or 0.0.0.0/0 to a virtual appliance) sets " +
				"defaultOutboundAccess to false.",
		},
		{
			Name: "compute-no-public-ip", AzurePolicy: "83a86a26-fd1f-447c-b59d-e51f44264114", Checkov: "CKV_AZURE_119",
			Enforcement: mandatory, Stack: checkComputeNoPublicIP,
			Summary: "Compute in the compute subnets (snet-training, snet-scoring, or an Azure ML compute's subnet) " +
				"has no public IP, and their route tables send nothing to the Internet, unless the subnet is set " +
				"up for public-IP compute (SecureMLNetwork's computePublicIp: AzureMachineLearning allowed in on 44224).",
		},
		// Gateways and public IPs.
		{
			Name: "vpn-gateway-not-basic", AzurePolicy: "e345b6c3-24bd-4c93-9bbb-7e5e49a17b78", Checkov: None,
			Enforcement: mandatory, Resource: checkVpnGatewayNotBasic,
			Summary: "VPN gateways do not use the Basic SKU.",
		},
		{
			Name: "gateway-az-sku", AzurePolicy: None, Checkov: None, Enforcement: mandatory, Resource: checkGatewayAZSku,
			Summary: "VPN gateways use VpnGw1AZ-VpnGw5AZ and ExpressRoute gateways ErGw1AZ-ErGw3AZ or ErGwScale, " +
				"the SKUs Azure still creates.",
		},
		{
			Name: "vpn-p2s-entra-id-only", AzurePolicy: "21a6bc25-125e-4d13-b82d-2e19b7208ab7", Checkov: None,
			Enforcement: advisory, Resource: checkPointToSiteEntraOnly,
			Summary: "Point-to-site VPN authenticates users with Microsoft Entra ID only (vpnAuthenticationTypes [AAD]).",
		},
		{
			Name: "vpn-p2s-entra-id-openvpn", AzurePolicy: None, Checkov: None, Enforcement: mandatory,
			Resource: checkPointToSiteEntraOpenVPN,
			Summary:  "Point-to-site with Microsoft Entra ID uses the OpenVPN tunnel type only, the one Entra ID works with.",
		},
		{
			Name: "public-ip-standard-sku", AzurePolicy: None, Checkov: None, Enforcement: mandatory,
			Resource: checkPublicIPStandard,
			Summary:  "Public IP addresses are Standard SKU (Basic public IPs were retired on September 30, 2025).",
		},
		// Azure Firewall.
		{
			Name: "firewall-not-basic", AzurePolicy: None, Checkov: None, Enforcement: mandatory,
			Resource: checkFirewallNotBasic,
			Summary: "Azure Firewall and firewall policies are Standard or Premium: Basic has no DNS proxy, no FQDNs " +
				"in network rules and no forced tunnelling.",
		},
		{
			Name: "firewall-has-policy", AzurePolicy: None, Checkov: "CKV_AZURE_219", Enforcement: advisory,
			Resource: checkFirewallHasPolicy,
			Summary:  "Azure Firewall takes its rules from a firewall policy.",
		},
		{
			Name: "firewall-network-fqdns-need-dns-proxy", AzurePolicy: None, Checkov: None, Enforcement: mandatory,
			Stack: checkNetworkFqdnsNeedDNSProxy,
			Summary: "A firewall policy whose network rules name FQDNs enables DNS proxy, which Azure requires " +
				"for FQDNs in network rules.",
		},
		// Private endpoints of the services.
		{
			Name: "key-vault-private-endpoint", AzurePolicy: "a6abeaec-4d90-4a02-805f-6b26c4d3fbe9", Checkov: "CKV2_AZURE_32",
			Enforcement: mandatory, Stack: checkServiceEndpoints(keyVaultService),
			Summary: "Every Key Vault the stack creates or refers to by ID has a private endpoint in the stack.",
		},
		{
			Name: "storage-private-endpoint", AzurePolicy: "6edd7eda-6dd8-40f7-810d-67160c639cd9", Checkov: "CKV2_AZURE_33",
			Enforcement: mandatory, Stack: checkServiceEndpoints(storageService),
			Summary: "Every storage account the stack creates or refers to by ID has a private endpoint in the stack.",
		},
		{
			Name: "container-registry-private-endpoint", AzurePolicy: "e8eef0a8-67cf-4eb4-9386-14b0e78733d4",
			Checkov: None, Enforcement: mandatory, Stack: checkServiceEndpoints(registryService),
			Summary: "Every container registry the stack creates or refers to by ID has a private endpoint in the stack.",
		},
		{
			Name: "ml-workspace-private-endpoint", AzurePolicy: "45e05259-1eb5-4f70-9574-baf73e9d219b", Checkov: None,
			Enforcement: mandatory, Stack: checkServiceEndpoints(workspaceService),
			Summary: "Every Azure ML workspace the stack creates or refers to by ID has a private endpoint in the stack.",
		},
		// The services, when the stack creates them.
		// Storage account, Key Vault, container registry and Azure ML workspace settings, when the stack
		// creates them.
		{
			Name: "storage-deny-public-network", AzurePolicy: "34c877ad-507e-4c82-993e-3452a6e0ad3c", Checkov: "CKV_AZURE_35",
			Enforcement: mandatory, Resource: checkStorageNetwork,
			Summary: "Storage accounts deny public network traffic (networkRuleSet.defaultAction Deny or " +
				"publicNetworkAccess Disabled).",
		},
		{
			Name: "storage-public-network-disabled", AzurePolicy: "b2982f36-99f2-4db5-8eff-283140c09693",
			Checkov: "CKV_AZURE_59", Enforcement: mandatory, Resource: checkStoragePublicNetworkDisabled,
			Summary: "Storage accounts set publicNetworkAccess to Disabled.",
		},
		{
			Name: "storage-no-anonymous-blob-access", AzurePolicy: "4fa4b6c0-31ca-4c0d-b10d-24b96f62a751",
			Checkov: "CKV_AZURE_190", Enforcement: advisory, Resource: checkStorageBlobPublicAccess,
			Summary: "Storage accounts set allowBlobPublicAccess to false.",
		},
		{
			Name: "storage-no-shared-key", AzurePolicy: "8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54", Checkov: "CKV2_AZURE_40",
			Enforcement: mandatory, Resource: checkStorageSharedKey,
			Summary: "Storage accounts set allowSharedKeyAccess to false (not set allows Shared Key).",
		},
		{
			// Advisory: Azure Policy's default effect is Audit, and a bypass without AzureServices closes the
			// account further; what it risks is Azure services that cannot reach it.
			Name: "storage-trusted-services-bypass", AzurePolicy: "c9d007d0-c057-4772-b18c-01e546713bcd",
			Checkov: "CKV_AZURE_36", Enforcement: advisory, Resource: checkStorageTrustedServices,
			Summary: "A storage account's networkRuleSet.bypass, when set, includes AzureServices.",
		},
		{
			Name: "storage-no-cross-tenant-replication", AzurePolicy: "92a89a79-6c52-4a7e-a03f-61306fc49312",
			Checkov: None, Enforcement: advisory, Resource: checkStorageCrossTenantReplication,
			Summary: "Storage accounts set allowCrossTenantReplication to false.",
		},
		{
			Name: "storage-https-only", AzurePolicy: "404c3081-a854-4457-ae30-26a93ef643f9", Checkov: "CKV_AZURE_3",
			Enforcement: advisory, Resource: checkStorageHTTPS,
			Summary: "Storage accounts do not turn secure transfer off (enableHttpsTrafficOnly).",
		},
		{
			Name: "storage-min-tls-1-2", AzurePolicy: "fe83a0eb-a853-422d-aac2-1bffd182c5d0", Checkov: "CKV_AZURE_44",
			Enforcement: advisory, Resource: checkStorageTLS,
			Summary: "Storage accounts require TLS 1.2 or later (minimumTlsVersion).",
		},
		{
			Name: "key-vault-deny-public-network", AzurePolicy: "55615ac9-af46-4a59-874e-391cc3dfb490",
			Checkov: "CKV_AZURE_109", Enforcement: mandatory, Resource: checkKeyVaultNetwork,
			Summary: "Key Vaults deny public network traffic (networkAcls.defaultAction Deny or " +
				"publicNetworkAccess Disabled).",
		},
		{
			Name: "key-vault-public-network-disabled", AzurePolicy: "405c5871-3e91-4644-8a63-58e19d68ff5b",
			Checkov: "CKV_AZURE_189", Enforcement: mandatory, Resource: checkKeyVaultPublicNetworkDisabled,
			Summary: "Key Vaults set properties.publicNetworkAccess to Disabled (vaults created in recover mode " +
				"excepted).",
		},
		{
			Name: "key-vault-soft-delete", AzurePolicy: "1e66c121-a66a-4b1f-9b83-0fd99bf0fc2d", Checkov: "CKV_AZURE_111",
			Enforcement: mandatory, Resource: checkKeyVaultSoftDelete,
			Summary: "Key Vaults do not turn soft delete off (properties.enableSoftDelete).",
		},
		{
			Name: "key-vault-purge-protection", AzurePolicy: "0b60c0b2-2dc2-4e1c-b5c9-abbed971de53",
			Checkov: "CKV_AZURE_110", Enforcement: advisory, Resource: checkKeyVaultPurgeProtection,
			Summary: "Key Vaults enable purge protection.",
		},
		{
			Name: "key-vault-rbac-authorization", AzurePolicy: "12d4fa5e-1f9f-4c21-97a9-b99b3c6611b5", Checkov: None,
			Enforcement: mandatory, Resource: checkKeyVaultRBAC,
			Summary: "Key Vaults use the Azure RBAC permission model (properties.enableRbacAuthorization true), not " +
				"access policies.",
		},
		{
			Name: "container-registry-deny-public-network", AzurePolicy: "d0793b48-0edc-4296-a390-4c75d1bdfd71",
			Checkov: None, Enforcement: mandatory, Resource: checkRegistryNetwork,
			Summary: "Container registries do not allow unrestricted network access (publicNetworkAccess Disabled " +
				"or networkRuleSet.defaultAction Deny).",
		},
		{
			Name: "container-registry-public-network-disabled", AzurePolicy: "0fdf0491-d080-4575-b627-ad0e843cba0f",
			Checkov: "CKV_AZURE_139", Enforcement: mandatory, Resource: checkRegistryPublicNetworkDisabled,
			Summary: "Container registries set publicNetworkAccess to Disabled.",
		},
		{
			Name: "container-registry-premium", AzurePolicy: "bd560fc0-3c69-498a-ae9f-aa8eb7de0e13", Checkov: None,
			Enforcement: mandatory, Resource: checkRegistryPremium,
			Summary: "Container registries are Premium, the only tier with private endpoints.",
		},
		{
			Name: "container-registry-no-admin-user", AzurePolicy: "dc921057-6b28-4fbe-9b83-f7bec05db6c2",
			Checkov: "CKV_AZURE_137", Enforcement: advisory, Resource: checkRegistryAdminUser,
			Summary: "Container registries keep the admin user off.",
		},
		{
			Name: "container-registry-no-anonymous-pull", AzurePolicy: "9f2dea28-e834-476c-99c5-3507b4728395",
			Checkov: "CKV_AZURE_138", Enforcement: mandatory, Resource: checkRegistryAnonymousPull,
			Summary: "Container registries keep anonymous pull off (anonymousPullEnabled).",
		},
		{
			Name: "ml-workspace-no-public-network", AzurePolicy: "438c38d2-3772-465a-a9cc-7a6666a275ce",
			Checkov: "CKV_AZURE_144", Enforcement: mandatory, Resource: checkWorkspacePublicNetwork,
			Summary: "Azure ML workspaces set publicNetworkAccess to Disabled.",
		},
		{
			Name: "ml-workspace-managed-identity", AzurePolicy: None, Checkov: None, Enforcement: mandatory,
			Resource: checkWorkspaceIdentity,
			Summary: "Azure ML workspaces have a managed identity (identity.type other than None), which they use to " +
				"reach their storage account, Key Vault and container registry.",
		},
		{
			Name: "ml-workspace-approved-outbound-only", AzurePolicy: "6ddb1705-c8cf-450e-aa4b-19ad6703c440",
			Checkov: None, Enforcement: advisory, Resource: checkWorkspaceApprovedOutbound,
			Summary: "An Azure ML workspace with a managed network (managedNetwork.isolationMode set and not " +
				"Disabled) allows only approved outbound traffic (AllowOnlyApprovedOutbound).",
		},
		{
			Name: "ml-workspace-high-business-impact", AzurePolicy: None, Checkov: "CKV2_AZURE_50",
			Enforcement: advisory, Resource: checkWorkspaceHighBusinessImpact,
			Summary: "Azure ML workspaces set hbiWorkspace to true.",
		},
		// Tags.
		{
			Name: "required-tags", AzurePolicy: "871b6d14-10aa-478d-b590-94f262ecfa99", Checkov: None,
			Enforcement: advisory, Resource: checkRequiredTags,
			Summary: "Every resource that takes tags carries the tags listed in requiredTags (none by default).",
			Config: &policyx.ConfigSchema{Properties: map[string]map[string]any{
				"requiredTags": stringListSetting("Tag names every taggable resource must carry."),
			}},
		},
	}
}
