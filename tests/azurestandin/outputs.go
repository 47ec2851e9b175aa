package azurestandin

import (
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/secureml/pulumi-secureml/components/azurecloud"
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
// holds what a gateway, Bastion host or inbound endpoint gets from the pretend Azure (derivedOutputs) and
// what Azure computes for a service (serviceOutputs); without it (a preview) a gateway's bgpSettings, a
// Bastion host's dnsName and a service's computed outputs (a vault's properties.vaultUri, a registry's
// loginServer ...) keep their old values, or are unknown.
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
	if services := serviceOutputs(azurecloud.AzureCloud, token, rid, plainMap(inputs)); services != nil {
		// Without derived outputs (a preview) each keeps its old value, or is unknown; the public
		// cloud only decides which outputs there are, not their values.
		for _, path := range leafPaths(services) {
			previewKeepsAt(out, olds, derived, path)
		}
	}
	for k, v := range derived {
		out[resource.PropertyKey(k)] = mergeOutput(out[resource.PropertyKey(k)], v)
	}
	return out
}

// mergeOutput merges a derived value into an output: a map into an object key by key, keeping the
// object's other values as they are (secrets stay secret); anything else replaces.
func mergeOutput(current resource.PropertyValue, derived any) resource.PropertyValue {
	sub, isMap := derived.(map[string]any)
	inner := unwrap(current)
	if !isMap || !inner.IsObject() {
		return resource.NewPropertyValue(derived)
	}
	merged := inner.ObjectValue().Copy()
	for k, v := range sub {
		merged[resource.PropertyKey(k)] = mergeOutput(merged[resource.PropertyKey(k)], v)
	}
	if current.IsSecret() {
		return resource.MakeSecret(resource.NewObjectProperty(merged))
	}
	return resource.NewObjectProperty(merged)
}

// previewKeepsAt is previewKeeps for a nested output (path, e.g. properties.vaultUri): without derived
// outputs it takes the old value at path, or unknown, leaving the rest of the enclosing objects as they
// are.
func previewKeepsAt(out, olds resource.PropertyMap, derived map[string]any, path []string) {
	if derived != nil || len(path) == 0 {
		return
	}
	value := resource.MakeComputed(resource.NewStringProperty(""))
	if old, ok := valueAt(olds, path); ok {
		value = old
	}
	setAt(out, path, value)
}

// valueAt reads the value at path through nested objects (secrets unwrapped on the way).
func valueAt(m resource.PropertyMap, path []string) (resource.PropertyValue, bool) {
	v, ok := m[resource.PropertyKey(path[0])]
	if !ok || !v.HasValue() {
		return resource.PropertyValue{}, false
	}
	if len(path) == 1 {
		return v, true
	}
	if inner := unwrap(v); inner.IsObject() {
		return valueAt(inner.ObjectValue(), path[1:])
	}
	return resource.PropertyValue{}, false
}

// setAt sets the value at path, making (copies of) the enclosing objects as needed; under a value that is
// not an object (an unknown input) it sets nothing.
func setAt(m resource.PropertyMap, path []string, value resource.PropertyValue) {
	key := resource.PropertyKey(path[0])
	if len(path) == 1 {
		m[key] = value
		return
	}
	inner := resource.PropertyMap{}
	if current, has := m[key]; has && !current.IsNull() {
		if !unwrap(current).IsObject() {
			return // an unknown (or not an object) stays as it is
		}
		inner = unwrap(current).ObjectValue().Copy()
	}
	setAt(inner, path[1:], value)
	if m[key].IsSecret() {
		m[key] = resource.MakeSecret(resource.NewObjectProperty(inner))
		return
	}
	m[key] = resource.NewObjectProperty(inner)
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
