// Package azurestandin is the offline Azure stand-in (a test double) used by the end-to-end tests:
// a Pulumi resource provider that answers as azure-native 2.90.0 without any network access.
// Nothing is deployed. It makes up ARM-shaped IDs and plausible outputs (private endpoint DNS
// configs and IPs, public IPs, etags, service endpoints and GUIDs) deterministically, keeps deleted Key
// Vaults and Machine Learning workspaces soft-deleted, and can log calls, simulate Azure's typical
// operation times and inject failures. See README.md for what it does and does not model.
//
// The plugin binary is built from ./cmd/pulumi-resource-azure-native.
package azurestandin
