package azurestandin

import (
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// plainMap turns a property map into plain JSON values, the way Azure sees a request body: secrets and
// known outputs unwrapped, unknown values left out, resource references replaced by their IDs.
func plainMap(m resource.PropertyMap) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		if p, ok := plainValue(v); ok {
			out[string(k)] = p
		}
	}
	return out
}

func plainValue(v resource.PropertyValue) (any, bool) {
	v = unwrap(v)
	switch {
	case v.IsComputed() || (v.IsOutput() && !v.OutputValue().Known):
		return nil, false
	case v.IsNull():
		return nil, false
	case v.IsString():
		return v.StringValue(), true
	case v.IsNumber():
		return v.NumberValue(), true
	case v.IsBool():
		return v.BoolValue(), true
	case v.IsArray():
		arr := []any{}
		for _, e := range v.ArrayValue() {
			if p, ok := plainValue(e); ok {
				arr = append(arr, p)
			}
		}
		return arr, true
	case v.IsObject():
		return plainMap(v.ObjectValue()), true
	case v.IsResourceReference():
		if id, ok := v.ResourceReferenceValue().IDString(); ok {
			return id, true
		}
		return nil, false
	}
	return nil, false
}

// pathValue walks keys through nested objects of a plain map.
func pathValue(m map[string]any, keys ...string) any {
	var cur any = m
	for _, k := range keys {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = obj[k]
	}
	return cur
}

// pathString returns the string at keys, or "".
func pathString(m map[string]any, keys ...string) string {
	s, _ := pathValue(m, keys...).(string)
	return s
}

// pathSlice returns the array at keys, or nil.
func pathSlice(m map[string]any, keys ...string) []any {
	s, _ := pathValue(m, keys...).([]any)
	return s
}

// objects returns the elements of an array that are objects.
func objects(arr []any) []map[string]any {
	var out []map[string]any
	for _, e := range arr {
		if o, ok := e.(map[string]any); ok {
			out = append(out, o)
		}
	}
	return out
}

// strs returns the elements of an array that are strings.
func strs(arr []any) []string {
	var out []string
	for _, e := range arr {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// endpointConnectionPlain returns the group ID and target of a private endpoint's first connection.
func endpointConnectionPlain(props map[string]any) (group, target string) {
	conns := objects(pathSlice(props, "privateLinkServiceConnections"))
	if len(conns) == 0 {
		conns = objects(pathSlice(props, "manualPrivateLinkServiceConnections"))
	}
	if len(conns) == 0 {
		return "", ""
	}
	c := conns[0]
	if inner, ok := c["properties"].(map[string]any); ok {
		c = inner
	}
	groups := strs(pathSlice(c, "groupIds"))
	if len(groups) > 0 {
		group = groups[0]
	}
	return group, pathString(c, "privateLinkServiceId")
}

// parentID returns the ARM ID of a nested resource's parent (the ID without its last type/name pair),
// or "" for a top-level resource.
func parentID(id string) string {
	parts := strings.Split(strings.Trim(id, "/"), "/")
	// subscriptions/<s>/resourceGroups/<g>/providers/<Namespace>/<type>/<name>[/<type>/<name>...]
	if len(parts) < 10 {
		return ""
	}
	return "/" + strings.Join(parts[:len(parts)-2], "/")
}

func sameID(a, b string) bool { return strings.EqualFold(a, b) }
