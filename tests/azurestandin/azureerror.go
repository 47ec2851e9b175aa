package azurestandin

import (
	"errors"
	"fmt"
	"strings"
)

// AzureError is a refusal the offline Azure stand-in (a test double) returns where Azure would refuse
// the request. Its text has the shape azure-native v2 gives Azure's error responses
// (PulumiAzcoreResponseError in provider/pkg/azure/client_azcore.go: `Status=<code> Code="<code>"
// Message="<message>"`), so tests and users see what they would see against Azure.
type AzureError struct {
	Status  int
	Code    string
	Message string
	// Retried tells whether azure-native v2.90.0 retries the request that got this answer: its
	// pipeline retries HTTP 408, 429, 500, 502, 503 and 504, and 409 with code
	// AnotherOperationInProgress (initPipelineOpts and shouldRetryConflict in client_azcore.go), up
	// to azcore's default of 3 retries. A failure Azure reports at the end of a long-running operation
	// is never retried, whatever its code.
	Retried bool
}

func (e *AzureError) Error() string {
	return fmt.Sprintf(`offline Azure stand-in: Status=%d Code="%s" Message="%s"`, e.Status, e.Code, e.Message)
}

// IsAzureError reports whether err is (or wraps) an AzureError with the given code.
func IsAzureError(err error, code string) bool {
	var e *AzureError
	return errors.As(err, &e) && e.Code == code
}

// The refusals. Each names the Azure behaviour it stands for and where that behaviour is documented or
// was seen.

// errAlreadyExists is azure-native's own refusal: before a create it reads the resource and will not
// adopt one that exists (CanCreate in provider/pkg/azure/client_azcore.go: "cannot create already
// existing resource '%s'").
func errAlreadyExists(id string) error {
	return fmt.Errorf("offline Azure stand-in: cannot create already existing resource '%s'", id)
}

// errParentNotFound: ARM refuses a nested resource whose parent does not exist, for example a
// virtual network link to a private DNS zone that is not in that subscription and resource group.
func errParentNotFound(id, parentID string) error {
	return &AzureError{Status: 404, Code: "ParentResourceNotFound", Message: fmt.Sprintf(
		"Failed to perform 'write' on resource '%s', because the parent resource '%s' could not be found.", id, parentID)}
}

// errReferenceNotFound: a property that points at another resource (a private endpoint's subnet, a
// zone group's zone, a link's virtual network) must name one that exists.
func errReferenceNotFound(property, refID string) error {
	return &AzureError{Status: 404, Code: "NotFound", Message: fmt.Sprintf(
		"Resource %s referenced by %s was not found.", refID, property)}
}

// errInvalidName: resource-name-rules.md; Azure answers InvalidResourceName for a name outside its
// type's length and character rules.
func errInvalidName(name, armType, rule string) error {
	return &AzureError{Status: 400, Code: "InvalidResourceName", Message: fmt.Sprintf(
		"Resource name %s is invalid for %s. %s", name, armType, rule)}
}

// errLocation: a region the cloud does not have (or `global` for a regional type) is refused.
func errLocation(location, armType string) error {
	return &AzureError{Status: 400, Code: "LocationNotAvailableForResourceType", Message: fmt.Sprintf(
		"The provided location '%s' is not available for resource type '%s'.", location, armType)}
}

// errServiceTag: a security rule or route naming a service tag that does not exist is refused.
func errServiceTag(where, value string) error {
	return &AzureError{Status: 400, Code: "SecurityRuleInvalidAddressPrefix", Message: fmt.Sprintf(
		"%s has an invalid address prefix or service tag. Value provided: %s", where, value)}
}

// errTagName: tag-resources.md lists the characters a tag name cannot contain and the length limits.
func errTagName(name, reason string) error {
	return &AzureError{Status: 400, Code: "InvalidTagNameCharacters", Message: fmt.Sprintf(
		"The tag name '%s' is invalid: %s.", name, reason)}
}

// errSubnetOutsideVNet and errSubnetsOverlap: a subnet's range must lie inside the virtual network's
// address space and must not overlap a sibling subnet.
func errSubnetOutsideVNet(subnet, prefix, vnet string) error {
	return &AzureError{Status: 400, Code: "NetcfgSubnetRangeOutsideVnet", Message: fmt.Sprintf(
		"Subnet '%s' is not valid because its IP address range %s is outside the IP address range of virtual network '%s'.",
		subnet, prefix, vnet)}
}

func errSubnetsOverlap(subnet, prefix, other, vnet string) error {
	return &AzureError{Status: 400, Code: "NetcfgSubnetRangesOverlap", Message: fmt.Sprintf(
		"Subnet '%s' is not valid because its IP address range %s overlaps with that of an existing subnet '%s' in virtual network '%s'.",
		subnet, prefix, other, vnet)}
}

// errInUseSubnetUpdate and errInUseSubnetDelete: Azure refuses to change the address prefix of, or
// delete, a subnet that holds network interfaces (private endpoints, compute, gateways).
// Failure catalogue in deploy-times-and-security-checks.md §2.5; pulumi/pulumi#13972.
func errInUseSubnetUpdate(subnetID string, users []string) error {
	return &AzureError{Status: 400, Code: "InUseSubnetCannotBeUpdated", Message: fmt.Sprintf(
		"Subnet %s is in use by %v and cannot be updated: its address prefix cannot change while it holds network interfaces.",
		subnetID, users)}
}

func errInUseSubnetDelete(subnetID string, users []string) error {
	return &AzureError{Status: 400, Code: "InUseSubnetCannotBeDeleted", Message: fmt.Sprintf(
		"Subnet %s is in use by %v and cannot be deleted. In order to delete the subnet, delete all the resources within the subnet.",
		subnetID, users)}
}

// errAnotherOperation: concurrent writes to one virtual network (the network, its subnets, its
// peerings) meet 409 AnotherOperationInProgress (pulumi-azure-native #699, #1024, #903;
// terraform-provider-azurerm #3780). azure-native retries it.
func errAnotherOperation(id, busy string) *AzureError {
	return &AzureError{Status: 409, Code: "AnotherOperationInProgress", Retried: true, Message: fmt.Sprintf(
		"Operation on %s is not allowed because another operation on %s is in progress.", id, busy)}
}

// errSubnetBusyWithNIC: a subnet write while a private endpoint's network interface is being added to
// that subnet gets 429 RetryableError (terraform-provider-azurerm #21293); azure-native retries 429.
func errSubnetBusyWithNIC(subnetID, endpointID string) *AzureError {
	return &AzureError{Status: 429, Code: "RetryableError", Retried: true, Message: fmt.Sprintf(
		"A retryable error occurred. ReferencedResourceNotProvisioned: the network interface of %s in subnet %s is not in Succeeded state.",
		endpointID, subnetID)}
}

// errEndpointSubnetBusy: a private endpoint created (or deleted) while its subnet is being written
// fails at the end of the long-running operation with RetryableError / ReferencedResourceNotProvisioned
// (terraform-provider-azurerm #21293, #30197, #28112; Azure/data-landing-zone #156). azure-native
// does not retry failures reported by the operation's final state.
func errEndpointSubnetBusy(endpointID, subnetID string) *AzureError {
	return &AzureError{Status: 400, Code: "RetryableError", Message: fmt.Sprintf(
		"A retryable error occurred. ReferencedResourceNotProvisioned: Cannot proceed with operation because resource %s used by resource %s is not in Succeeded state. Resource is in Updating state and the last operation that updated/is updating the resource is PutSubnetOperation.",
		subnetID, endpointID)}
}

// errEndpointsInOneSubnet: two private endpoints joining one subnet at once. Azure updates the subnet
// for each endpoint's network interface, and "ARM occasionally fails one of the PE NIC attachments with
// ReferencedResourceNotProvisioned ... the subnet ... is not in Succeeded state. Resource is in Updating
// state" (Azure/bicep-ptn-aiml-landing-zone #41, 2026: about one deployment in three). The failure comes
// with the operation's final state, which azure-native does not retry; the stand-in refuses every time
// what Azure refuses some of the time.
func errEndpointsInOneSubnet(endpointID, subnetID, otherID string) *AzureError {
	return &AzureError{Status: 400, Code: "RetryableError", Message: fmt.Sprintf(
		"A retryable error occurred. ReferencedResourceNotProvisioned: Cannot proceed with operation because resource %s used by resource %s is not in Succeeded state. Resource is in Updating state while the network interface of %s joins it.",
		subnetID, endpointID, otherID)}
}

// errStorageAccountBusy: two private endpoints to one storage account at the same time fail with
// StorageAccountOperationInProgress ("An operation is currently performing on this storage account
// that requires exclusive access", Azure/bicep-registry-modules #6001). azure-native added a retry
// for it only in PR #4497 (January 2026), after v2.90.0, and the error is reported by the operation's
// final state, which the pipeline does not retry.
func errStorageAccountBusy(endpointID, account string) *AzureError {
	return &AzureError{Status: 409, Code: "StorageAccountOperationInProgress", Message: fmt.Sprintf(
		"Call to Microsoft.Storage/storageAccounts failed for %s. Error message: An operation is currently performing on storage account %s that requires exclusive access.",
		endpointID, account)}
}

// errNotFound answers a read (an invoke) of a resource that does not exist.
func errNotFound(armType, name, group string) error {
	return &AzureError{Status: 404, Code: "ResourceNotFound", Message: fmt.Sprintf(
		"The Resource '%s/%s' under resource group '%s' was not found.", armType, name, group)}
}

// ---- Gateways, local network gateways, connections, Bastion, DNS resolvers (hybrid.go) ----
//
// Where Azure's code could not be found in public sources the comment says so: the code is then the
// stand-in's own name for the refusal, and the message paraphrases the document the rule comes from.

// errGatewaySize: a new VPN gateway with a SKU Azure no longer creates. gateway-sku-consolidation.md
// (ms.date 09/26/2024): "Effective January 1, 2025: Creation of new VPN gateways using VpnGw1-5 SKUs
// (non-AZ) will no longer be possible"; the legacy Standard and HighPerformance SKUs are retired
// (vpn-gateway-vpn-faq.md, ms.date 06/04/2026); Basic is created only through PowerShell or CLI and
// supports only Basic public IPs, which were retired on Sept 30 2025 (same page; public-ip-addresses.md).
// InvalidGatewaySize is the code Azure gives a gateway size it does not accept ("The specified gateway
// size is not valid, supported gateway sizes are ...", hashicorp/terraform-provider-azurerm #8132); that
// Azure answers non-AZ SKUs with it since 2025 was not confirmed.
func errGatewaySize(gatewayID, sku string) error {
	return &AzureError{Status: 400, Code: "InvalidGatewaySize", Message: fmt.Sprintf(
		"The specified gateway size %s is not valid for new gateway %s, supported gateway sizes are VpnGw1AZ,VpnGw2AZ,VpnGw3AZ,VpnGw4AZ,VpnGw5AZ.",
		sku, gatewayID)}
}

// errGatewaySkuForType: a SKU of the other gateway type (an ErGw SKU on a Vpn gateway, a VpnGw SKU on an
// ExpressRoute gateway). Code seen in Azure/ResourceModules #349.
func errGatewaySkuForType(gatewayID, sku, gatewayType string) error {
	return &AzureError{Status: 400, Code: "InvalidGatewaySkuSpecifiedForGatewayDeploymentType", Message: fmt.Sprintf(
		"Virtual network gateway Sku %s specified is not valid for gateway %s of type %s.", sku, gatewayID, gatewayType)}
}

// errActiveActiveIPConfigurations: an active-active gateway has exactly two IP configurations, three with
// a point-to-site configuration. Codes and message seen in Azure/Azure-Landing-Zones #2764 and #2674
// (ActiveActiveGatewayMustHaveExactlyTwoIpConfigurations) and hashicorp/terraform-provider-azurerm
// #10425, Azure/Azure-Landing-Zones #506 (ActiveActiveP2SGatewayMustHaveExactlyThreeIpConfigurations);
// "you need to specify a third public IP address to configure point-to-site" (include
// vpn-gateway-third-public-ip-portal, ms.date 12/06/2024).
func errActiveActiveIPConfigurations(gatewayID string, got int, p2s bool) error {
	if p2s {
		return &AzureError{Status: 400, Code: "ActiveActiveP2SGatewayMustHaveExactlyThreeIpConfigurations", Message: fmt.Sprintf(
			"Gateway %s has %d IP configurations specified. ActiveActive Gateway with Vpn client configuration must be created with three IP configurations.",
			gatewayID, got)}
	}
	return &AzureError{Status: 400, Code: "ActiveActiveGatewayMustHaveExactlyTwoIpConfigurations", Message: fmt.Sprintf(
		"Gateway has %d IP configurations specified for gateway %s. ActiveActive Gateway must be created with two IP configurations.",
		got, gatewayID)}
}

// errAADNeedsOpenVPN: "Microsoft Entra ID authentication is supported only for the OpenVPN protocol"
// (vpn-gateway/point-to-site-about.md, ms.date 08/17/2026). Code not found in public sources; message
// paraphrases that page.
func errAADNeedsOpenVPN(gatewayID string, protocols []string) error {
	return &AzureError{Status: 400, Code: "VpnClientAadAuthenticationRequiresOpenVpn", Message: fmt.Sprintf(
		"Gateway %s: vpnAuthenticationTypes includes AAD, which is supported only with the OpenVPN protocol; vpnClientProtocols are %v.",
		gatewayID, protocols)}
}

// errLocalGatewayAddress: a local network gateway needs the on-premises device's public IP
// (gatewayIpAddress) or its FQDN (LocalNetworkGatewayPropertiesFormat in the 2023-02-01 API; the VPN FAQ
// describes both). Code not found in public sources.
func errLocalGatewayAddress(id string) error {
	return &AzureError{Status: 400, Code: "LocalNetworkGatewayMustHaveIpAddressOrFqdn", Message: fmt.Sprintf(
		"Local network gateway %s has neither gatewayIpAddress nor fqdn.", id)}
}

// errConnectionRemote: an IPsec (site-to-site) connection joins a VPN gateway to a local network gateway,
// an ExpressRoute connection joins an ExpressRoute gateway to a circuit (peer). Code not found in public
// sources; azurerm checks both client-side ("`local_network_gateway_id` ... must be specified when `type`
// is set to `IPsec`", "`express_route_circuit_id` must be specified when `type` is set to
// `ExpressRoute`", hashicorp/terraform-provider-azurerm PR #6565).
func errConnectionRemote(id, connectionType, property string) error {
	return &AzureError{Status: 400, Code: "ConnectionRemoteEndpointMissing", Message: fmt.Sprintf(
		"Connection %s of type %s needs %s.", id, connectionType, property)}
}

// errSharedKey: "The key must contain only printable ASCII characters, except space, hyphen (-), or
// tilde (~)" (vpn-gateway-vpn-faq.md, ms.date 06/04/2026); the REST API's ConnectionResetSharedKey takes a
// keyLength between 1 and 128, and Azure answers a P2S RADIUS secret outside "1 to 128 in length" with
// VpnClientConfigurationRadiusServerSecretIsInvalid (Azure/azure-powershell #11605). Code for the shared
// key not found in public sources. The message does not repeat the key.
func errSharedKey(id, reason string) error {
	return &AzureError{Status: 400, Code: "InvalidSharedKey", Message: fmt.Sprintf(
		"The shared key of connection %s is not valid: %s.", id, reason)}
}

// errStandardPublicIPMustBeStatic: code and message seen in MicrosoftDocs/azure-docs #42889 and
// pulumi/pulumi-azure-native #1597.
func errStandardPublicIPMustBeStatic(id string) error {
	return &AzureError{Status: 400, Code: "StandardSkuPublicIPAddressesMustBeStatic", Message: fmt.Sprintf(
		"Standard sku publicIp %s must have AllocationMethod set to Static.", id)}
}

// errGatewaySubnetName: "The subnet must be named 'GatewaySubnet'" for Azure to deploy the gateway
// (azure-docs includes/vpn-gateway-about-gwsubnet-include.md, quoted in Azure/azure_preview_modules #260;
// hashicorp/terraform-provider-azurerm #875). Code not found in public sources.
func errGatewaySubnetName(gatewayID, subnetID string) error {
	return &AzureError{Status: 400, Code: "InvalidGatewaySubnetName", Message: fmt.Sprintf(
		"Subnet %s referenced by gateway %s is not named GatewaySubnet; a virtual network gateway can only be deployed in the subnet named GatewaySubnet.",
		subnetID, gatewayID)}
}

// errNSGOnGatewaySubnet: code and message seen in Azure-Terraform/terraform-azurerm-virtual-network #18
// (attaching the NSG to the subnet) and MicrosoftDocs/azure-docs #71802 (creating the gateway); "NSGs on
// the GatewaySubnet are not supported. Gateways with this configuration are blocked from being created"
// (includes/vpn-gateway-gwudr-warning.md, ms.date 09/26/2023).
func errNSGOnGatewaySubnet(nsgID string) error {
	return &AzureError{Status: 400, Code: "NetworkSecurityGroupCannotBeAttachedToGatewaySubnet", Message: fmt.Sprintf(
		"The operation failed because the network security group %s can not be associated to the GatewaySubnet. Please remove the network security group associated to the GatewaySubnet.",
		nsgID)}
}

// errDefaultRouteOnGatewaySubnet: "User-defined routes with a 0.0.0.0/0 destination ... on the
// GatewaySubnet are not supported. Gateways with this configuration are blocked from being created"
// (includes/vpn-gateway-gwudr-warning.md, ms.date 09/26/2023). Code not found in public sources.
func errDefaultRouteOnGatewaySubnet(gatewayID, routeTableID string) error {
	return &AzureError{Status: 400, Code: "GatewaySubnetDefaultRouteNotSupported", Message: fmt.Sprintf(
		"Gateway %s cannot be created: route table %s on the GatewaySubnet has a route to 0.0.0.0/0.", gatewayID, routeTableID)}
}

// errGatewaySubnetTooSmall: the GatewaySubnet is smaller than the gateway needs. The code is Azure's for
// an UltraPerformance ExpressRoute gateway (GatewaySubnetTooSmallForExpressrouteUltraPerformanceGatewaySku,
// MicrosoftDocs/azure-docs #34171); for the other cases no code was found and the stand-in answers
// GatewaySubnetTooSmall. why names the rule and its source.
func errGatewaySubnetTooSmall(code, gatewayID, subnetID, prefix string, need int, why string) error {
	return &AzureError{Status: 400, Code: code, Message: fmt.Sprintf(
		"The GatewaySubnet %s (%s) of gateway %s must be /%d or larger: %s.", subnetID, prefix, gatewayID, need, why)}
}

// errGatewayPerType: "Each virtual network can have only one virtual network gateway per gateway type"
// (expressroute-about-virtual-network-gateways.md); Azure's message "A virtual network can't be
// associated with more than one gateway" is quoted in MicrosoftDocs/architecture-center #1529. Code not
// found in public sources.
func errGatewayPerType(gatewayID, vnetID, gatewayType, otherID string) error {
	return &AzureError{Status: 400, Code: "VirtualNetworkGatewayOfTypeAlreadyExists", Message: fmt.Sprintf(
		"Gateway %s cannot be created: virtual network %s already has the %s gateway %s, and a virtual network can have one gateway per gateway type.",
		gatewayID, vnetID, gatewayType, otherID)}
}

// errBasicPublicIPOnGateway: code and message seen in Azure/bicep-registry-modules #1685 and
// Azure/alz-terraform-accelerator #131 (VPN gateways). "Basic public IP is no longer supported" for
// ExpressRoute gateways too (expressroute-about-virtual-network-gateways.md); their own code was not
// found, the stand-in answers them with the VPN code.
func errBasicPublicIPOnGateway(gatewayID, publicIPID string) error {
	return &AzureError{Status: 400, Code: "PublicIpWithBasicSkuNotAllowedOnVPNGateways", Message: fmt.Sprintf(
		"Basic IP configuration for VPN Virtual Network Gateways is not supported: public IP %s of gateway %s is not Standard SKU.",
		publicIPID, gatewayID)}
}

// errAZGatewayPublicIPZones: a VPN gateway of an AZ SKU, in a region with availability zones, whose
// Standard public IP has no zones. Code and message seen in Azure/ResourceModules #2609; "You must also
// use standard SKU public IP addresses and configure them to be zone-redundant"
// (reliability-virtual-network-gateway.md, ms.date 11/18/2025).
func errAZGatewayPublicIPZones(gatewayID, publicIPID string) error {
	return &AzureError{Status: 400, Code: "VmssVpnGatewayPublicIpsMustHaveZonesConfigured", Message: fmt.Sprintf(
		"Standard Public IPs associated with VPN Gateways with AZ VPN skus must have zones configured: public IP %s of gateway %s has none.",
		publicIPID, gatewayID)}
}

// errBastionIPConfigurations: code and message seen in Azure/ResourceModules #1716.
func errBastionIPConfigurations(id string, got int) error {
	return &AzureError{Status: 400, Code: "BastionHostMustHaveMaximumOneHostIpConfiguration", Message: fmt.Sprintf(
		"BastionHost %s must contain 1 IP Configuration. It currently contains %d.", id, got)}
}

// errBastionSubnetName: code and message seen in hashicorp/terraform-provider-azurerm PR #15365.
func errBastionSubnetName(subnetID string) error {
	return &AzureError{Status: 400, Code: "SubnetNameMustBeAzureBastionSubnet", Message: fmt.Sprintf(
		"Subnet name %s is invalid for Azure Bastion. Azure Bastion can only be created in subnet with name 'AzureBastionSubnet'.", subnetID)}
}

// errBastionSubnetTooSmall: "For Azure Bastion resources deployed on or after November 2, 2021, the
// minimum AzureBastionSubnet size is /26 or larger" (bastion-faq.md, quoted in Azure/az-hop #760;
// configuration-settings.md, ms.date 11/24/2025). Code not found in public sources.
func errBastionSubnetTooSmall(subnetID, prefix string) error {
	return &AzureError{Status: 400, Code: "AzureBastionSubnetTooSmall", Message: fmt.Sprintf(
		"Subnet %s (%s) is too small for Azure Bastion: the AzureBastionSubnet must be /26 or larger.", subnetID, prefix)}
}

// errRouteTableOnBastionSubnet: code seen in Azure/terraform-azurerm-avm-ptn-hubnetworking #80 and
// Azure/Azure-Landing-Zones #1679, message in MicrosoftDocs/azure-docs #40561; "UDR isn't supported on an
// Azure Bastion subnet" (bastion-faq.md).
func errRouteTableOnBastionSubnet(routeTableID string) error {
	return &AzureError{Status: 400, Code: "RouteTableCannotBeAttachedForAzureBastionSubnet", Message: fmt.Sprintf(
		"Route Table %s cannot be attached to Azure Bastion Subnet AzureBastionSubnet.", routeTableID)}
}

// errBastionNSG: code and message seen in Azure/azure-quickstart-templates #8655, Azure/GPT-RAG PR #223
// and MicrosoftDocs/azure-docs #42737 (answered when the NSG is associated with the subnet); the rules
// are those bastion-nsg.md says you "must create all" (Learn ms.date 02/24/2026). missing names the first
// rule not covered.
func errBastionNSG(nsgID, missing string) error {
	return &AzureError{Status: 400, Code: "NetworkSecurityGroupNotCompliantForAzureBastionSubnet", Message: fmt.Sprintf(
		"Network security group %s does not have necessary rules for Azure Bastion Subnet AzureBastionSubnet (missing: %s).", nsgID, missing)}
}

// errBastionPublicIP: a Bastion host needs a Standard, static public IP (configuration-settings.md,
// ms.date 11/24/2025; "The bastion host fails to create if the public IP SKU is not standard",
// MicrosoftDocs/azure-docs #57513). Code not found in public sources.
func errBastionPublicIP(bastionID, publicIPID string) error {
	return &AzureError{Status: 400, Code: "BastionPublicIpMustBeStandardStatic", Message: fmt.Sprintf(
		"Public IP %s of Bastion host %s must be Standard SKU with static allocation.", publicIPID, bastionID)}
}

// errBastionPrivateDNSNationalCloud: "Azure Bastion isn't supported with Azure Private DNS Zones in
// national clouds" (bastion-faq.md, ms.date 04/01/2024). The docs state it as unsupported; how (or
// whether) Azure refuses the create was not found, nor a code. The stand-in refuses, so that a test meets
// the combination.
func errBastionPrivateDNSNationalCloud(bastionID, vnetID, linkID string, cloud string) error {
	return &AzureError{Status: 400, Code: "BastionNotSupportedWithPrivateDnsZonesInNationalCloud", Message: fmt.Sprintf(
		"Bastion host %s: virtual network %s is linked to a private DNS zone (%s), and Azure Bastion isn't supported with Azure Private DNS Zones in %s.",
		bastionID, vnetID, linkID, cloud)}
}

// errResolverPerNetwork and errResolverRegion: "A DNS resolver can only reference a virtual network in
// the same region as the DNS resolver" and "A single virtual network can only be referenced by a single
// DNS resolver" (dns-private-resolver-overview.md, ms.date 12/06/2022; dns-limits.md, MicrosoftDocs/azure-docs
// PR #125136). Codes not found in public sources.
func errResolverPerNetwork(resolverID, vnetID, otherID string) error {
	return &AzureError{Status: 400, Code: "VirtualNetworkAlreadyReferencedByDnsResolver", Message: fmt.Sprintf(
		"DNS resolver %s cannot reference virtual network %s: it is already referenced by DNS resolver %s.", resolverID, vnetID, otherID)}
}

func errResolverRegion(resolverID, location, vnetID, vnetLocation string) error {
	return &AzureError{Status: 400, Code: "DnsResolverVirtualNetworkLocationMismatch", Message: fmt.Sprintf(
		"DNS resolver %s in %s can only reference a virtual network in the same region; %s is in %s.", resolverID, location, vnetID, vnetLocation)}
}

// errInboundEndpointNetwork: "The subnet used for a DNS resolver inbound endpoint must be within the
// virtual network referenced by the parent DNS resolver" (dns-private-resolver-overview.md, ms.date
// 12/06/2022). Code not found in public sources.
func errInboundEndpointNetwork(endpointID, subnetID, vnetID string) error {
	return &AzureError{Status: 400, Code: "InboundEndpointSubnetNotInResolverVirtualNetwork", Message: fmt.Sprintf(
		"Subnet %s of inbound endpoint %s is not in virtual network %s of its DNS resolver.", subnetID, endpointID, vnetID)}
}

// errSubnetMissingDelegation: code and message seen in MicrosoftDocs/azure-docs #107008 (creating the
// endpoint) and Azure/terraform-azurerm-caf-enterprise-scale #505 (updating the subnet under it).
func errSubnetMissingDelegation(subnetID string) error {
	return &AzureError{Status: 400, Code: "SubnetMissingRequiredDelegation", Message: fmt.Sprintf(
		"Subnet %s requires any of the following delegation(s) [Microsoft.Network/dnsResolvers] to reference service association link %s/serviceAssociationLinks/dnsResolverLink.",
		subnetID, subnetID)}
}

// errInboundEndpointSubnet: a subnet smaller than /28, larger than /24 or already used. Azure answers
// BadRequest "... could not be used to provision the inbound endpoint. Please make sure you use a subnet
// of at least /28 and at most /24 size, which is not currently in use by any other DNS resolver endpoint
// or any other Azure service workloads ..." (Azure/azure-rest-api-specs #21744). why says which part.
func errInboundEndpointSubnet(subnetID, why string) error {
	return &AzureError{Status: 400, Code: "BadRequest", Message: fmt.Sprintf(
		"The specified subnet %s could not be used to provision the inbound endpoint (%s). Please make sure you use a subnet of at least /28 and at most /24 size, which is not currently in use by any other DNS resolver endpoint or any other Azure service workloads.",
		subnetID, why)}
}

// errInboundEndpointAddress: a static address must lie in the subnet and "can't be a reserved IP address
// in the subnet" (dns-private-resolver-overview.md note, MicrosoftDocs/azure-docs PR #115947; Azure
// reserves the first four addresses and the last, virtual-networks-faq.md). Code not found in public
// sources.
func errInboundEndpointAddress(endpointID, address, prefix, why string) error {
	return &AzureError{Status: 400, Code: "InvalidInboundEndpointPrivateIpAddress", Message: fmt.Sprintf(
		"Private IP address %q of inbound endpoint %s is not usable in subnet %s: %s.", address, endpointID, prefix, why)}
}

// errEndpointInDelegatedSubnet: code seen in the troubleshooting article "Troubleshoot private endpoint
// creation that fails or stalls in Azure Private Link" (ms.date 6/12/2026): "Private endpoint ... cannot
// be created as subnet ... is delegated".
func errEndpointInDelegatedSubnet(endpointID, subnetID string, services []string) error {
	return &AzureError{Status: 400, Code: "PrivateEndpointCreationNotAllowedAsSubnetIsDelegated", Message: fmt.Sprintf(
		"Private endpoint %s cannot be created as subnet %s is delegated to %v.", endpointID, subnetID, services)}
}

// errPublicIPInUse: code and message seen in hashicorp/terraform-provider-azurerm #688, #2566 (a public IP
// of a virtual network gateway) and microsoft/AzureTRE #4355.
func errPublicIPInUse(publicIPID, userID string) error {
	return &AzureError{Status: 400, Code: "PublicIPAddressCannotBeDeleted", Message: fmt.Sprintf(
		"Public IP address %s can not be deleted since it is still allocated to resource %s. In order to delete the public IP, disassociate/detach the Public IP address from the resource.",
		publicIPID, userID)}
}

// errGatewayHasConnections: the code VirtualNetworkGatewayCannotBeDeleted is recorded for a gateway
// delete blocked by a leftover connection in public lab notes (stored file ids 69866350374, 69489962210;
// repository not identified); Azure's message was not found. The delete docs remove connections first
// (vpn-gateway-delete-vnet-gateway-portal.md).
func errGatewayHasConnections(gatewayID string, connections []string) error {
	return &AzureError{Status: 400, Code: "VirtualNetworkGatewayCannotBeDeleted", Message: fmt.Sprintf(
		"Virtual network gateway %s cannot be deleted while connections %v use it.", gatewayID, connections)}
}

// errLocalGatewayInUse: a local network gateway referenced by a connection. Code not found in public
// sources; the stand-in follows Azure's InUse<Type>CannotBeDeleted pattern.
func errLocalGatewayInUse(id string, connections []string) error {
	return &AzureError{Status: 400, Code: "InUseLocalNetworkGatewayCannotBeDeleted", Message: fmt.Sprintf(
		"Local network gateway %s is in use by connections %v and cannot be deleted.", id, connections)}
}

// ---- NAT gateways, public IP prefixes, Azure Firewall and its policy, peering, service endpoints,
// application security groups, private subnets (egress.go) ----
//
// As above: where Azure's code could not be found in public sources the comment says so, the code is the
// stand-in's own name for the refusal and the message paraphrases the document the rule comes from.

// errNatGatewayOnGatewaySubnet: "A NAT gateway can't be used with a gateway subnet"
// (nat-gateway/nat-gateway-resource.md, ms.date 07/10/2023; "NAT gateway can't be attached to a gateway
// subnet", troubleshoot-nat.md, ms.date 11/04/2025). Code not found in public sources.
func errNatGatewayOnGatewaySubnet(subnetID, natID string) error {
	return &AzureError{Status: 400, Code: "NatGatewayCannotBeAttachedToGatewaySubnet", Message: fmt.Sprintf(
		"NAT gateway %s can't be attached to subnet %s: a NAT gateway can't be used with a gateway subnet.", natID, subnetID)}
}

// errNatGatewayAcrossNetworks: code and message seen in microsoft/azure_arc #3288 ("NAT Gateway cannot be
// configured on multiple virtual networks"); "A NAT gateway can't be attached to subnets from different
// virtual networks" (nat-gateway-resource.md).
func errNatGatewayAcrossNetworks(natID, usedOn, addedTo string) error {
	return &AzureError{Status: 400, Code: "NatGatewayCannotBeUsedBySubnetsBelongingToDifferentVirtualNetworks", Message: fmt.Sprintf(
		"NAT Gateway cannot be configured on multiple virtual networks. NAT Gateway %s is currently used on virtual network %s and cannot be added to virtual network %s.",
		natID, usedOn, addedTo)}
}

// errNatGatewayBasicPublicIP: "A NAT gateway can't be used with basic SKU public IP addresses"
// (nat-gateway-resource.md; troubleshoot-nat.md "Can't use basic public IPs with NAT gateway"; a Basic IP on
// a NAT gateway passes validation and fails the deployment, Azure/bicep #5914). Code not found in public
// sources.
func errNatGatewayBasicPublicIP(natID, publicIPID string) error {
	return &AzureError{Status: 400, Code: "NatGatewayCannotUseBasicSkuPublicIp", Message: fmt.Sprintf(
		"NAT gateway %s can't use public IP %s: a NAT gateway can't be used with basic SKU public IP addresses.", natID, publicIPID)}
}

// errNatGatewayTooManyIPs: "A Standard SKU NAT gateway can't be associated with more than 16 IPv4 public
// IP addresses ... any combination of public IP addresses and prefixes ... up to a total of 16"
// (troubleshoot-nat.md, ms.date 11/04/2025). Code not found in public sources.
func errNatGatewayTooManyIPs(natID string, got int) error {
	return &AzureError{Status: 400, Code: "NatGatewayPublicIpAddressLimitExceeded", Message: fmt.Sprintf(
		"NAT gateway %s has %d public IP addresses from its public IPs and prefixes; a Standard NAT gateway takes at most 16.", natID, got)}
}

// errPublicIPPrefixLength: an IPv4 public IP prefix is /28 to /31 ("I attempted to create a /24 and was
// greeted with an error that the minimum is /28 and the maximum is /31", MicrosoftDocs/azure-docs PR
// #31127; the sizes NAT gateway takes, troubleshoot-nat.md). Code not found in public sources.
func errPublicIPPrefixLength(id string, length int) error {
	return &AzureError{Status: 400, Code: "PublicIpPrefixLengthNotSupported", Message: fmt.Sprintf(
		"Public IP prefix %s has prefix length /%d; an IPv4 public IP prefix can be /28 to /31.", id, length)}
}

// errInUse: Azure's answer to deleting a network resource still associated with a subnet (or another
// resource): InUseRouteTableCannotBeDeleted and InUseNetworkSecurityGroupCannotBeDeleted are listed in
// Microsoft's armerror package (stored file id 35372023587) and seen in pulumi/pulumi-azure-native #3051
// ("cannot be deleted because it is in use by the following resources"); InUseNatGatewayCannotBeDeleted is
// recorded in public deployment scripts and emulators (stackshy/cloudemu PR #967; "NAT gateway must be
// detached from all subnets ... before the resource can be removed", troubleshoot-nat.md);
// InUsePublicIpPrefixCannotBeDeleted is what Azure/kube-egress-gateway's tests wait out (stored file id
// 22321390287). what names the resource type for the message.
func errInUse(code, what, id string, users []string) error {
	return &AzureError{Status: 400, Code: code, Message: fmt.Sprintf(
		"%s %s cannot be deleted because it is in use by the following resources: %v.", what, id, users)}
}

// errFirewallPolicyInUse: a firewall policy a firewall references. Code not found in public sources (a
// policy "can't be destroyed because it's in use by the Firewall", Azure/terraform-azurerm-caf-enterprise-
// scale #831; hashicorp/terraform-provider-azurerm #12212); the stand-in follows Azure's InUse…CannotBeDeleted
// pattern.
func errFirewallPolicyInUse(id string, firewalls []string) error {
	return errInUse("InUseFirewallPolicyCannotBeDeleted", "Firewall policy", id, firewalls)
}

// errASGInUse: an application security group that private endpoints, interfaces or security rules still
// reference. Code not found in public sources; the stand-in follows Azure's InUse…CannotBeDeleted pattern.
func errASGInUse(id string, users []string) error {
	return errInUse("InUseApplicationSecurityGroupCannotBeDeleted", "Application security group", id, users)
}

// errFirewallSubnetName: the firewall's subnet is AzureFirewallSubnet ("you must have a subnet called
// AzureFirewallSubnet", MicrosoftDocs/azure-docs #11913; firewall-faq.md). Code not found in public sources.
func errFirewallSubnetName(firewallID, subnetID string) error {
	return &AzureError{Status: 400, Code: "AzureFirewallSubnetMustBeNamedAzureFirewallSubnet", Message: fmt.Sprintf(
		"Subnet %s referenced by Azure Firewall %s is not named AzureFirewallSubnet.", subnetID, firewallID)}
}

// errFirewallSubnetTooSmall: "Azure Firewall doesn't need a subnet bigger than /26" and needs that size
// (firewall-faq.md "Why does Azure Firewall need a /26 subnet size?"; hybrid-and-egress.md §7.2; the
// management subnet "min /26", management-nic.md, ms.date 11/06/2024). Code not found in public sources.
func errFirewallSubnetTooSmall(firewallID, subnetID, prefix string) error {
	return &AzureError{Status: 400, Code: "AzureFirewallSubnetTooSmall", Message: fmt.Sprintf(
		"Subnet %s (%s) of Azure Firewall %s is too small: it must be /26 or larger.", subnetID, prefix, firewallID)}
}

// errFirewallSubnetReferences: "Azure Firewall ... cannot have more than one subnet reference, please
// ensure only one IpConfiguration contains a subnet reference" (Azure/azure-cli-extensions #1074). Code not
// shown there.
func errFirewallSubnetReferences(firewallID string) error {
	return &AzureError{Status: 400, Code: "AzureFirewallCannotHaveMoreThanOneSubnetReference", Message: fmt.Sprintf(
		"Azure Firewall %s cannot have more than one subnet reference, please ensure only one IpConfiguration contains a subnet reference.", firewallID)}
}

// errFirewallSubnetResourceGroup: code seen in hashicorp/terraform-provider-azurerm #19666 (formerly
// SecureGatewayReferencesSubnetInDifferentResourceGroup, MicrosoftDocs/azure-docs #13491): the firewall
// must be in the resource group of its virtual network (firewall-faq.md, "Are there any firewall resource
// group restrictions?").
func errFirewallSubnetResourceGroup(firewallID, subnetID string) error {
	return &AzureError{Status: 400, Code: "AzureFirewallReferencesSubnetInDifferentResourceGroup", Message: fmt.Sprintf(
		"AzureFirewall %s references subnet (%s) in a different resource group.", firewallID, subnetID)}
}

// errNSGOnFirewallSubnet: "Subnet level NSGs aren't required on the AzureFirewallSubnet, and are disabled"
// (firewall-faq.md, hybrid-and-egress.md §0 item 4); "NSGs can not be deployed on the AzureFirewallSubnet"
// (Azure/PSRule.Rules.Azure #261; Azure/GuardrailsSolutionAccelerator #58). What Azure answers was not found:
// the stand-in refuses with its own code, as for the GatewaySubnet.
func errNSGOnFirewallSubnet(nsgID, subnetID string) error {
	return &AzureError{Status: 400, Code: "NetworkSecurityGroupCannotBeAttachedToAzureFirewallSubnet", Message: fmt.Sprintf(
		"Network security group %s can not be associated to %s: NSGs on the AzureFirewallSubnet are disabled.", nsgID, subnetID)}
}

// errFirewallNeedsManagementConfiguration: the Basic SKU needs a management IP configuration in
// AzureFirewallManagementSubnet with its own public IP (management-nic.md, ms.date 11/06/2024;
// "Basically, attaching a management IP configuration should only be possible one time, at firewall
// creation time", Azure/azure-cli-extensions PR #5236). Code not found in public sources.
func errFirewallNeedsManagementConfiguration(firewallID, why string) error {
	return &AzureError{Status: 400, Code: "AzureFirewallBasicSkuRequiresManagementIpConfiguration", Message: fmt.Sprintf(
		"Azure Firewall %s: %s.", firewallID, why)}
}

// errFirewallManagementConfigIncomplete: code and message seen in Azure/azure-cli-extensions PR #10100.
func errFirewallManagementConfigIncomplete(firewallID string) error {
	return &AzureError{Status: 400, Code: "AzureFirewallManagementIpConfigRequiresSubnetAndPublicIp", Message: fmt.Sprintf(
		"AzureFirewall %s management IP configuration requires both a subnet and a public IP address.", firewallID)}
}

// errFirewallPublicIP: "Azure Firewall requires Standard SKU pips" (MicrosoftDocs/azure-docs #62703; "The
// Public IP address must be the Standard SKU type", MicrosoftDocs/azure-docs PR #11659). Code not found in
// public sources.
func errFirewallPublicIP(firewallID, publicIPID string) error {
	return &AzureError{Status: 400, Code: "AzureFirewallPublicIpMustBeStandardSku", Message: fmt.Sprintf(
		"Public IP %s of Azure Firewall %s must be Standard SKU.", publicIPID, firewallID)}
}

// errFirewallPolicyTier: a Basic policy serves a Basic firewall, a Standard policy a Standard or Premium
// firewall, a Premium policy a Premium firewall (firewall-manager/policy-overview.md, ms.date 02/10/2023,
// "Basic, Standard, and Premium policies"; "a Premium Policy cannot be attached to a Standard tier
// firewall", MicrosoftDocs/azure-docs #83843; "A standard policy is supported with a premium FW",
// Azure/Enterprise-Scale #889). Code not found in public sources.
func errFirewallPolicyTier(firewallID, firewallTier, policyID, policyTier string) error {
	return &AzureError{Status: 400, Code: "AzureFirewallPolicyTierNotSupportedByFirewallSku", Message: fmt.Sprintf(
		"Firewall policy %s of tier %s cannot be attached to Azure Firewall %s of tier %s.", policyID, policyTier, firewallID, firewallTier)}
}

// errFirewallPolicyHigherTier: code and message seen in Azure/missionlz #736 ("Firewall Policy ...
// contains higher tier only properties - Intrusion Detection", a Standard policy); a Basic policy has no DNS
// proxy and only alerting threat intelligence (policy-overview.md; features-by-sku.md, ms.date 09/18/2025).
func errFirewallPolicyHigherTier(policyID, property string) error {
	return &AzureError{Status: 400, Code: "FirewallPolicyHigherTierOnlyProperties", Message: fmt.Sprintf(
		"Firewall Policy %s contains higher tier only properties - %s.", policyID, property)}
}

// errDNSProxyRequired: "You must enable DNS Proxy to use FQDNs in your network rules"
// (fqdn-filtering-network-rules.md); Azure answers classic network rules with AzureFirewallDNSProxyMustBeEnabled
// "DNS Proxy must be enabled in order to use DestinationFqdns in Network Rules" (stored file id 38873207714;
// Azure/azure-sdk-for-go #11094 adds "or RequireProxyForNetworkRules must be set to 'false'"). For a policy's
// rule collection group Azure's inner code was not found; the stand-in answers with the classic one.
func errDNSProxyRequired(groupID, rule, collection string) error {
	return &AzureError{Status: 400, Code: "AzureFirewallDNSProxyMustBeEnabled", Message: fmt.Sprintf(
		"In order to use DestinationFqdns in Network Rules, DNS Proxy must be enabled, or RequireProxyForNetworkRules must be set to 'false'. See rule %s in rule collection %s of %s.",
		rule, collection, groupID)}
}

// errRuleCollectionPriority: a rule collection group's (and a rule collection's) priority is 100-65000
// (the REST API's range, as azurerm documents it: "The range is 100-65000"). Code not found in public
// sources.
func errRuleCollectionPriority(id, what string, priority float64) error {
	return &AzureError{Status: 400, Code: "FirewallPolicyRuleCollectionGroupInvalidPriority", Message: fmt.Sprintf(
		"%s of %s has priority %v; the priority must be between 100 and 65000.", what, id, priority)}
}

// errRuleCollectionUnreadable: a rule collection or rule the service cannot read (an unknown
// ruleCollectionType or ruleType) fails the write with Code="Failed" "The async operation failed." and a
// ModelState naming the element, "An error has occurred." (pulumi/pulumi-azure-native #2671;
// hashicorp/terraform-provider-azurerm #15760 for the shape). That a misspelt type is what produced it there
// is the stand-in's reading; the inner error is not published.
func errRuleCollectionUnreadable(id, element, why string) error {
	return &AzureError{Status: 400, Code: "Failed", Message: fmt.Sprintf(
		`The async operation failed. AdditionalInfo=[{"Message":"The request is invalid.","ModelState":{"resource.properties.%s":["An error has occurred."]}}] (%s of %s)`,
		element, why, id)}
}

// errApplicationRuleTarget: an application rule names what it allows: target FQDNs, FQDN tags (or web
// categories, target URLs); Azure's wording for the network-rule counterpart is "Firewall Policy Network Rule
// ... must have one of destinationAddresses, destinationIpGroups or destinationFqdns specified"
// (Azure/azure-cli #18932). Code not found in public sources.
func errApplicationRuleTarget(groupID, rule string) error {
	return &AzureError{Status: 400, Code: "FirewallPolicyApplicationRuleTargetMustBeSpecified", Message: fmt.Sprintf(
		"Firewall Policy Application Rule %s of %s must have one of targetFqdns, fqdnTags, webCategories or targetUrls specified.", rule, groupID)}
}

// errPolicyBusy: a rule collection group (or the policy) written while another write to the policy is in
// flight: "A rule collection group update holds a lock on itself and on its parent policy for 3-5 minutes
// ... one will fail with FirewallPolicyRuleCollectionGroupUpdateNotAllowedWhenUpdatingOrDeleting" (public
// deployment pipelines' notes, stored file ids 67271123273, 67387251156; retry scripts, 18113272488,
// 19051289520); for the policy itself FirewallPolicyUpdateNotAllowedWhenUpdatingOrDeleting
// (aztfmod/terraform-azurerm-caf firewall_policies module, stored file id 1306573092). The status was not
// found; the stand-in answers 400. azure-native does not retry either code.
func errPolicyBusy(code, id, policy, busy string) *AzureError {
	return &AzureError{Status: 400, Code: code, Message: fmt.Sprintf(
		"%s cannot be written while firewall policy %s is updating or deleting (%s is in progress).", id, policy, busy)}
}

// errPolicyFaultedFirewall: a policy or rule collection group written while a firewall that uses the policy
// is written fails with FirewallPolicyUpdateFailed "Put on Firewall Policy ... Failed with 1 faulted
// referenced firewalls" (public deployment notes, stored file ids 17217728400, 55045971204: the policy push
// "aborts" when "the referenced firewall is in any non-Succeeded provisioning state"; 60789546206: two rule
// collection group PUTs on a Basic firewall's policy). It is the final state of the operation, which
// azure-native does not retry.
func errPolicyFaultedFirewall(id, policy, firewall string) *AzureError {
	return &AzureError{Status: 400, Code: "FirewallPolicyUpdateFailed", Message: fmt.Sprintf(
		"Put on Firewall Policy %s Failed with 1 faulted referenced firewalls (%s is being written) while writing %s.", policy, firewall, id)}
}

// errRemoteVnetHasNoGateways: code and message seen in hashicorp/terraform #30569 and
// Azure/terraform-azurerm-lz-vending #398.
func errRemoteVnetHasNoGateways(peeringID, remoteID string) error {
	return &AzureError{Status: 400, Code: "RemoteVnetHasNoGateways", Message: fmt.Sprintf(
		"Peering %s cannot have UseRemoteGateway flag set to true because remote virtual network %s referenced by the peering does not have any gateways.",
		peeringID, remoteID)}
}

// errRemotePeeringNoTransit: message seen in hashicorp/terraform-provider-azurerm #2872 ("cannot have
// UseRemoteGateways flag set to true, because corresponding remote peering has AllowGatewayTransit flag set
// to false"); Azure validates it when the peering is created, so a spoke peering created before the hub's
// fails (Azure/terraform-azurerm-avm-res-network-virtualnetwork #57). Code not found in public sources.
func errRemotePeeringNoTransit(peeringID, remotePeering string) error {
	return &AzureError{Status: 400, Code: "RemotePeeringDoesNotAllowGatewayTransit", Message: fmt.Sprintf(
		"Peering %s cannot have UseRemoteGateways flag set to true, because corresponding remote peering %s has AllowGatewayTransit flag set to false.",
		peeringID, remotePeering)}
}

// errLocalNetworkHasGateway: "This flag cannot be set if virtual network already has a gateway" (the REST
// API's description of useRemoteGateways, quoted in Azure/vdc PR #48; MicrosoftDocs/azure-docs PR #4197,
// issue #79948). Code not found in public sources.
func errLocalNetworkHasGateway(peeringID, vnetID, gatewayID string) error {
	return &AzureError{Status: 400, Code: "VirtualNetworkWithGatewayCannotUseRemoteGateways", Message: fmt.Sprintf(
		"Peering %s cannot have UseRemoteGateways flag set to true because virtual network %s has its own gateway %s.",
		peeringID, vnetID, gatewayID)}
}

// errOnlyOneRemoteGatewayPeering: message quoted in the Michelin BlogIT post "Azure ExpressRoute and VPN
// Gateways coexisting" (stored file id 41988934586): "cannot have UseRemoteGateways flag set to true, because
// another peering ... already has UseRemoteGateways flag set to true"; "Only one peering can have this flag
// set to true" (REST API description). Code not found in public sources.
func errOnlyOneRemoteGatewayPeering(peeringID, other string) error {
	return &AzureError{Status: 400, Code: "OnlyOnePeeringCanUseRemoteGateways", Message: fmt.Sprintf(
		"Peering %s cannot have UseRemoteGateways flag set to true, because another peering %s already has UseRemoteGateways flag set to true.",
		peeringID, other)}
}

// errPeeringAddressOverlap: code seen in Microsoft's armerror package (stored file id 35372023587) and in
// az CLI transcripts ("Cannot create or update peering ... cannot be peered because their address spaces
// overlap. Overlapping address prefixes: ...", stored file ids 17259205433, 29203388242); "Address spaces
// must not overlap" (virtual-network-manage-peering.md).
func errPeeringAddressOverlap(peeringID, localID, remoteID string, overlapping []string) error {
	return &AzureError{Status: 400, Code: "VnetAddressSpacesOverlap", Message: fmt.Sprintf(
		"Cannot create or update peering %s. Virtual networks %s and %s cannot be peered because their address spaces overlap. Overlapping address prefixes: %s",
		peeringID, localID, remoteID, strings.Join(overlapping, ", "))}
}

// errServiceEndpointService: a service Azure has no service endpoint for. The services are those of
// virtual-network-service-endpoints-overview.md (Microsoft.ContainerRegistry in preview) and
// Microsoft.Storage.Global (hashicorp/terraform-provider-azurerm #21341; hybrid-and-egress.md §9). Azure's
// message for a service a region lacks is "Virtual networks in <region> location do not support
// ServiceEndpoints for <service> service" (Azure/OpenShift #190, MicrosoftDocs/azure-docs #53533); the code
// was not found in public sources.
func errServiceEndpointService(subnetID, service, location string) error {
	return &AzureError{Status: 400, Code: "ServiceEndpointNotSupportedForService", Message: fmt.Sprintf(
		"Virtual networks in %s location do not support ServiceEndpoints for %s service (subnet %s).", location, service, subnetID)}
}

// errDefaultOutboundAccessUpdate: defaultOutboundAccess "can only be set at the time of subnet creation
// and cannot be updated for an existing subnet" (the 2024-05-01 API's description, pulumi-azure-native-sdk
// network v20240501/subnet.go; "Private subnets can only be enabled at subnet creation time ... a one-way
// change", samcogan.com, 2023). Newer docs describe making an existing subnet private
// (default-outbound-access.md, 2026); from which API version Azure takes it was not found. Code not found in
// public sources.
func errDefaultOutboundAccessUpdate(subnetID string, from, to any) error {
	return &AzureError{Status: 400, Code: "DefaultOutboundAccessCannotBeUpdated", Message: fmt.Sprintf(
		"defaultOutboundAccess of subnet %s can only be set at the time of subnet creation and cannot be updated for an existing subnet (from %v to %v).",
		subnetID, from, to)}
}

// errASGMembersInOtherNetwork: "All network interfaces assigned to an application security group have to
// exist in the same virtual network that the first network interface assigned to the application security
// group is in" (virtual-network/application-security-groups.md). Code not found in public sources.
func errASGMembersInOtherNetwork(memberID, asgID, vnetID, otherVNet string) error {
	return &AzureError{Status: 400, Code: "ApplicationSecurityGroupMembersMustBeInSameVirtualNetwork", Message: fmt.Sprintf(
		"%s in virtual network %s cannot join application security group %s, whose members are in virtual network %s.",
		memberID, vnetID, asgID, otherVNet)}
}

// errASGRuleNetworks: code and message seen in Azure/azure-sdk-for-java #34158 and a public blog (stored
// file id 39785497476); "If you specify an application security group as the source and destination in a
// security rule, the network interfaces in both application security groups must exist in the same virtual
// network" (application-security-groups.md).
func errASGRuleNetworks(ruleID string, vnets []string) error {
	return &AzureError{Status: 400, Code: "AllApplicationSecurityGroupsInSecurityRuleMustBeFromSameVnet", Message: fmt.Sprintf(
		"Security Rule %s has Application Security Groups (ASGs) from multiple virtual networks (%s). All ASGs on the Security Rule must be from the same virtual network.",
		ruleID, strings.Join(vnets, ", "))}
}

// errASGRuleLimit: at most 10 application security groups per security rule source or destination (include
// azure-virtual-network-limits.md, ms.date 12/05/2022, as hybrid-and-egress.md §10 reads it). Code not found
// in public sources.
func errASGRuleLimit(ruleID, side string, got int) error {
	return &AzureError{Status: 400, Code: "SecurityRuleApplicationSecurityGroupLimitExceeded", Message: fmt.Sprintf(
		"Security rule %s has %d %s application security groups; a rule takes at most 10 per source or destination.", ruleID, got, side)}
}
