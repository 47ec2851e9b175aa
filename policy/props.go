package policy

import (
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

// Helpers over resource properties as the engine hands them to a policy pack. During a preview many
// values are unknown (an ID of a resource not created yet); every check treats an unknown value as
// "cannot tell" and reports nothing for it, so a preview never fails on a guess.

// at returns the value at path in m, following nested maps. It returns null when a step is missing
// or not a map, and the unknown value itself when a step is unknown.
func at(m property.Map, path ...string) property.Value {
	v := property.New(m)
	for _, key := range path {
		if v.IsComputed() {
			return v
		}
		if !v.IsMap() {
			return property.Value{}
		}
		v = v.AsMap().Get(key)
	}
	return v
}

// knownString returns v's string when v is a known string.
func knownString(v property.Value) (string, bool) {
	if v.IsString() {
		return v.AsString(), true
	}
	return "", false
}

// knownBool returns v's boolean when v is a known boolean.
func knownBool(v property.Value) (value, ok bool) {
	if v.IsBool() {
		return v.AsBool(), true
	}
	return false, false
}

// present reports whether v is set: known or unknown, but not null.
func present(v property.Value) bool { return !v.IsNull() }

// list returns the elements of a known array, or nil.
func list(v property.Value) []property.Value {
	if v.IsArray() {
		return v.AsArray().AsSlice()
	}
	return nil
}

// stringList returns the known strings of an array and whether every element (and the array) was
// known.
func stringList(v property.Value) (values []string, complete bool) {
	if v.IsComputed() {
		return nil, false
	}
	complete = true
	for _, e := range list(v) {
		if s, ok := knownString(e); ok {
			values = append(values, s)
		} else if !e.IsNull() {
			complete = false
		}
	}
	return values, complete
}

// mapOf returns v as a map, or an empty map when v is not a known map.
func mapOf(v property.Value) property.Map {
	if v.IsMap() {
		return v.AsMap()
	}
	return property.Map{}
}

// idOf returns the ID in a reference, which azure-native gives either as {id: ...} or as the ID.
func idOf(ref property.Value) property.Value {
	if ref.IsMap() {
		return ref.AsMap().Get("id")
	}
	return ref
}

// equalFold compares Azure names and enum values, which Azure treats case-insensitively.
func equalFold(a, b string) bool { return strings.EqualFold(a, b) }

// stringIsOrUnknown reports whether v is unknown or a known string equal to want (compared the way
// Azure compares enum values).
func stringIsOrUnknown(v property.Value, want string) bool {
	s, ok := knownString(v)
	return v.IsComputed() || (ok && equalFold(s, want))
}

// boolIsOrUnknown reports whether v is unknown or the known boolean want.
func boolIsOrUnknown(v property.Value, want bool) bool {
	b, ok := knownBool(v)
	return v.IsComputed() || (ok && b == want)
}

// shown renders a known string or boolean for a violation message: "not set" when v is null.
func shown(v property.Value) string {
	switch {
	case v.IsString():
		return v.AsString()
	case v.IsBool():
		return fmt.Sprint(v.AsBool())
	case v.IsNull():
		return "not set"
	default:
		return "set"
	}
}

// publicAccessClosed reports whether publicNetworkAccess is Disabled or the network rules deny by
// default; known is false when either value is unknown.
func publicAccessClosed(props property.Map, publicPath, defaultActionPath []string) (closed, known bool) {
	access := at(props, publicPath...)
	action := at(props, defaultActionPath...)
	if a, ok := knownString(access); ok && equalFold(a, "Disabled") {
		return true, true
	}
	if d, ok := knownString(action); ok && equalFold(d, "Deny") {
		return true, true
	}
	return false, !access.IsComputed() && !action.IsComputed()
}

// configStrings reads a list of strings from a policy's configuration (decoded JSON).
func configStrings(config map[string]any, key string) []string {
	var out []string
	if values, ok := config[key].([]any); ok {
		for _, v := range values {
			if s, ok := v.(string); ok && s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// configString reads a string from a policy's configuration.
func configString(config map[string]any, key string) string {
	s, _ := config[key].(string)
	return s
}
