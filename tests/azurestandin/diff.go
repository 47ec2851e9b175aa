package azurestandin

import (
	"sort"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// ComputedOutputKeys are the top-level output keys the offline Azure stand-in (a test double) adds on top
// of the echoed inputs. They are ignored when a diff has to fall back to comparing against old outputs,
// as are the nested ones of computedOutputPaths (a vault's properties.vaultUri, an identity's principalId).
var ComputedOutputKeys = []string{
	"id", "provisioningState", "type", "etag", "networkInterfaces", "customDnsConfigs", "ipAddress", "ipPrefix",
	// The services' outputs (serviceOutputs).
	"loginServer", "primaryEndpoints", "customerId", "appId", "instrumentationKey", "connectionString",
	"workspaceId", "discoveryUrl",
}

// ReplaceKeys returns the set of top-level input keys whose change forces replacement of a resource of
// the given type: location, resourceGroupName, every naming key of its ARM ID (own name and parents),
// and subnet for a PrivateEndpoint (Azure cannot move an endpoint to another subnet).
func ReplaceKeys(token string) map[string]bool {
	keys := map[string]bool{"location": true, "resourceGroupName": true}
	for _, k := range NamingKeys(token) {
		keys[k] = true
	}
	if NormalizeToken(token) == "azure-native:network:PrivateEndpoint" {
		keys["subnet"] = true
	}
	return keys
}

// StripComputedOutputs returns a copy of old outputs without the keys the stand-in computed itself
// (ComputedOutputKeys, the nested computedOutputPaths, plus name when the new inputs have none), so they
// can stand in for old inputs. An object left empty by a nested key's removal goes too.
func StripComputedOutputs(olds, news resource.PropertyMap) resource.PropertyMap {
	out := olds.Copy()
	for _, k := range ComputedOutputKeys {
		delete(out, resource.PropertyKey(k))
	}
	for _, path := range computedOutputPaths {
		deleteAt(out, path)
	}
	if _, has := news["name"]; !has {
		delete(out, "name")
	}
	return out
}

// deleteAt removes the value at path from copies of the enclosing objects, and an object it leaves empty.
func deleteAt(m resource.PropertyMap, path []string) {
	key := resource.PropertyKey(path[0])
	v, ok := m[key]
	if !ok {
		return
	}
	if len(path) == 1 {
		delete(m, key)
		return
	}
	inner := unwrap(v)
	if !inner.IsObject() {
		return
	}
	obj := inner.ObjectValue().Copy()
	deleteAt(obj, path[1:])
	switch {
	case len(obj) == 0:
		delete(m, key)
	case v.IsSecret():
		m[key] = resource.MakeSecret(resource.NewObjectProperty(obj))
	default:
		m[key] = resource.NewObjectProperty(obj)
	}
}

// ComputeDiff compares old inputs with new inputs key by key and returns the diff the engine expects:
// DIFF_NONE when nothing changed, otherwise DIFF_SOME with Diffs, Replaces and a DetailedDiff of
// ADD/DELETE/UPDATE kinds (the *_REPLACE variants for keys in ReplaceKeys). A new value that is
// unknown counts as a change. Top-level keys listed in ignoreChanges are skipped.
func ComputeDiff(token string, olds, news resource.PropertyMap, ignoreChanges []string) *pulumirpc.DiffResponse {
	replaceKeys := ReplaceKeys(token)
	ignored := map[string]bool{}
	for _, k := range ignoreChanges {
		ignored[k] = true
	}

	keySet := map[string]bool{}
	for k := range olds {
		keySet[string(k)] = true
	}
	for k := range news {
		keySet[string(k)] = true
	}
	keys := make([]string, 0, len(keySet))
	for k := range keySet {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	resp := &pulumirpc.DiffResponse{
		Changes:         pulumirpc.DiffResponse_DIFF_NONE,
		DetailedDiff:    map[string]*pulumirpc.PropertyDiff{},
		HasDetailedDiff: true,
	}
	for _, k := range keys {
		if ignored[k] {
			continue
		}
		pk := resource.PropertyKey(k)
		o, hasOld := olds[pk]
		n, hasNew := news[pk]
		hasOld = hasOld && o.HasValue()
		hasNew = hasNew && n.HasValue()

		var kind pulumirpc.PropertyDiff_Kind
		switch {
		case !hasOld && !hasNew:
			continue
		case !hasOld:
			kind = pulumirpc.PropertyDiff_ADD
		case !hasNew:
			kind = pulumirpc.PropertyDiff_DELETE
		case n.ContainsUnknowns() || !o.DeepEquals(n):
			kind = pulumirpc.PropertyDiff_UPDATE
		default:
			continue
		}
		if replaceKeys[k] {
			kind = replaceKind(kind)
			resp.Replaces = append(resp.Replaces, k)
		}
		resp.Diffs = append(resp.Diffs, k)
		resp.DetailedDiff[k] = &pulumirpc.PropertyDiff{Kind: kind, InputDiff: true}
	}
	if len(resp.Diffs) > 0 {
		resp.Changes = pulumirpc.DiffResponse_DIFF_SOME
	}
	return resp
}

// replaceKind maps ADD/DELETE/UPDATE to their *_REPLACE counterparts.
func replaceKind(k pulumirpc.PropertyDiff_Kind) pulumirpc.PropertyDiff_Kind {
	switch k {
	case pulumirpc.PropertyDiff_ADD:
		return pulumirpc.PropertyDiff_ADD_REPLACE
	case pulumirpc.PropertyDiff_DELETE:
		return pulumirpc.PropertyDiff_DELETE_REPLACE
	default:
		return pulumirpc.PropertyDiff_UPDATE_REPLACE
	}
}
