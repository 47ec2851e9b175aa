package azurestandin

import (
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Type tokens the offline Azure stand-in (a test double) gives special output treatment.
const (
	tokenSubnet          = "azure-native:network:Subnet"
	tokenPrivateEndpoint = "azure-native:network:PrivateEndpoint"
	tokenPublicIPAddress = "azure-native:network:PublicIPAddress"
)

// computeOutputs echoes inputs and adds the computed outputs for a resource with identity rid: id,
// provisioningState, type, etag and (when the inputs have none) name, plus per-type extras. A private
// endpoint reports references to its network interface, as Azure does, and customDnsConfigs built
// from that interface; without one (a preview) it keeps its old values, or they are unknown. derived
// holds what a gateway, Bastion host or inbound endpoint gets from the pretend Azure (derivedOutputs);
// without it (a preview) a gateway's bgpSettings and a Bastion host's dnsName keep their old values, or
// are unknown.
func computeOutputs(token string, rid ResourceID, inputs, olds resource.PropertyMap, nic *Record,
	derived map[string]any,
) resource.PropertyMap {
	out := inputs.Copy()
	out["id"] = resource.NewStringProperty(rid.ID)
	out["provisioningState"] = resource.NewStringProperty("Succeeded")
	out["type"] = resource.NewStringProperty(rid.Type)
	out["etag"] = resource.NewStringProperty(ETag(rid.ID))
	if v, has := inputs["name"]; !has || v.IsNull() {
		out["name"] = resource.NewStringProperty(rid.Name)
	}
	switch NormalizeToken(token) {
	case tokenPublicIPAddress:
		out["ipAddress"] = resource.NewStringProperty(PublicIPFor(rid.ID))
	case tokenPrivateEndpoint:
		endpointOutputs(out, olds, nic)
	case tokenVirtualNetworkGateway:
		previewKeeps(out, olds, derived, "bgpSettings")
	case tokenBastionHost:
		previewKeeps(out, olds, derived, "dnsName")
	case tokenAzureFirewall:
		previewKeeps(out, olds, derived, "ipConfigurations")
	case tokenPublicIPPrefix:
		length := 28
		if l, ok := number(plainMap(inputs), "prefixLength"); ok {
			length = int(l)
		}
		out["ipPrefix"] = resource.NewStringProperty(PublicIPPrefixFor(rid.ID, length))
	}
	for k, v := range derived {
		out[resource.PropertyKey(k)] = resource.NewPropertyValue(v)
	}
	return out
}

// previewKeeps sets key, when nothing derived it (a preview), to its old value or unknown.
func previewKeeps(out, olds resource.PropertyMap, derived map[string]any, key string) {
	if derived != nil {
		return
	}
	if olds != nil && olds.HasValue(resource.PropertyKey(key)) {
		out[resource.PropertyKey(key)] = olds[resource.PropertyKey(key)]
		return
	}
	out[resource.PropertyKey(key)] = resource.MakeComputed(resource.NewStringProperty(""))
}

func endpointOutputs(out, olds resource.PropertyMap, nic *Record) {
	switch {
	case nic != nil:
		out["networkInterfaces"] = resource.NewPropertyValue([]any{map[string]any{"id": nic.ID}})
		out["customDnsConfigs"] = resource.NewPropertyValue(endpointDNSConfigs(*nic))
	case olds != nil && olds.HasValue("networkInterfaces"):
		out["networkInterfaces"] = olds["networkInterfaces"]
		out["customDnsConfigs"] = olds["customDnsConfigs"]
	default:
		out["networkInterfaces"] = resource.MakeComputed(resource.NewStringProperty(""))
		out["customDnsConfigs"] = resource.MakeComputed(resource.NewStringProperty(""))
	}
}
