package azurestandin

import (
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// unwrap strips secret and known-output wrappers so the plain value underneath can be read.
// Unknown values come back unchanged (callers treat them as "not a string", "not an object", ...).
func unwrap(v resource.PropertyValue) resource.PropertyValue {
	for {
		switch {
		case v.IsSecret():
			v = v.SecretValue().Element
		case v.IsOutput() && v.OutputValue().Known:
			v = v.OutputValue().Element
		default:
			return v
		}
	}
}

// stringProp returns the string stored under key (secrets unwrapped) and whether it is a non-empty string.
func stringProp(m resource.PropertyMap, key string) (string, bool) {
	v, ok := m[resource.PropertyKey(key)]
	if !ok {
		return "", false
	}
	v = unwrap(v)
	if !v.IsString() || v.StringValue() == "" {
		return "", false
	}
	return v.StringValue(), true
}

// objectProp returns the object stored under key (secrets unwrapped), or nil.
func objectProp(m resource.PropertyMap, key string) resource.PropertyMap {
	v, ok := m[resource.PropertyKey(key)]
	if !ok {
		return nil
	}
	v = unwrap(v)
	if !v.IsObject() {
		return nil
	}
	return v.ObjectValue()
}

// arrayProp returns the array stored under key (secrets unwrapped), or nil.
func arrayProp(m resource.PropertyMap, key string) []resource.PropertyValue {
	v, ok := m[resource.PropertyKey(key)]
	if !ok {
		return nil
	}
	v = unwrap(v)
	if !v.IsArray() {
		return nil
	}
	return v.ArrayValue()
}

// firstObject returns the first element of the array under key when it is an object, or nil.
func firstObject(m resource.PropertyMap, key string) resource.PropertyMap {
	arr := arrayProp(m, key)
	if len(arr) == 0 {
		return nil
	}
	v := unwrap(arr[0])
	if !v.IsObject() {
		return nil
	}
	return v.ObjectValue()
}

// firstString returns the first element of the array under key when it is a non-empty string.
func firstString(m resource.PropertyMap, key string) (string, bool) {
	arr := arrayProp(m, key)
	if len(arr) == 0 {
		return "", false
	}
	v := unwrap(arr[0])
	if !v.IsString() || v.StringValue() == "" {
		return "", false
	}
	return v.StringValue(), true
}

// lastSegment returns the text after the final "/" of an ARM ID (or the whole string when there is none).
func lastSegment(armID string) string {
	armID = strings.TrimRight(armID, "/")
	if i := strings.LastIndex(armID, "/"); i >= 0 {
		return armID[i+1:]
	}
	return armID
}
