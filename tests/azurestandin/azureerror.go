package azurestandin

import (
	"errors"
	"fmt"
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
