// Package armid parses Azure Resource Manager resource IDs, so that a wrong or mistyped ID given to
// the component fails at preview with a message naming the value, instead of deep inside a deployment.
package armid

import (
	"fmt"
	"regexp"
	"strings"
)

// ResourceID is a parsed ARM ID of a resource in a resource group:
// /subscriptions/{sub}/resourceGroups/{group}/providers/{Namespace}/{type}/{name}[/{type}/{name}...].
type ResourceID struct {
	SubscriptionID string
	ResourceGroup  string
	Namespace      string   // e.g. Microsoft.Storage
	Types          []string // e.g. [storageAccounts]; nested resources add more
	Names          []string // one name per entry in Types
}

const shape = "/subscriptions/<subscription>/resourceGroups/<group>/providers/<Namespace>/<type>/<name>"

// guid is the shape of a subscription ID.
var guid = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`)

// Parse parses id, or explains what is wrong with it.
func Parse(id string) (ResourceID, error) {
	fail := func(reason string) (ResourceID, error) {
		return ResourceID{}, fmt.Errorf("malformed resource ID %q: %s; expected %s", id, reason, shape)
	}
	if strings.TrimSpace(id) != id || id == "" {
		return fail("it is empty or has surrounding spaces")
	}
	if !strings.HasPrefix(id, "/") {
		return fail("it must start with /")
	}
	if strings.HasSuffix(id, "/") {
		return fail("it ends with /; remove the trailing /")
	}
	parts := strings.Split(id[1:], "/")
	for _, p := range parts {
		if p == "" {
			return fail("it has an empty segment")
		}
	}
	if len(parts) < 8 {
		return fail("it is too short")
	}
	if !strings.EqualFold(parts[0], "subscriptions") || !strings.EqualFold(parts[2], "resourceGroups") ||
		!strings.EqualFold(parts[4], "providers") {
		return fail("the subscriptions/resourceGroups/providers segments are missing")
	}
	if !guid.MatchString(parts[1]) {
		return fail(fmt.Sprintf("the subscription %q is not a GUID such as 00000000-0000-0000-0000-000000000000", parts[1]))
	}
	rest := parts[6:]
	if len(rest)%2 != 0 {
		return fail("a resource type has no name after it")
	}
	r := ResourceID{SubscriptionID: parts[1], ResourceGroup: parts[3], Namespace: parts[5]}
	for i := 0; i < len(rest); i += 2 {
		r.Types = append(r.Types, rest[i])
		r.Names = append(r.Names, rest[i+1])
	}
	return r, nil
}

// Type returns the full resource type, e.g. Microsoft.Network/privateDnsZones.
func (r ResourceID) Type() string {
	return r.Namespace + "/" + strings.Join(r.Types, "/")
}

// Name returns the name of the innermost resource.
func (r ResourceID) Name() string {
	return r.Names[len(r.Names)-1]
}

// ParseOfType parses id and checks that it names a resource of wantType (case-insensitive, as ARM is).
// what names the input in the error, e.g. "storageAccount.resourceId".
func ParseOfType(what, id, wantType string) (ResourceID, error) {
	r, err := Parse(id)
	if err != nil {
		return ResourceID{}, fmt.Errorf("%s: %w", what, err)
	}
	if !strings.EqualFold(r.Type(), wantType) {
		return ResourceID{}, fmt.Errorf("%s: resource ID %q is a %s, but a %s is needed; give the ID of a %s",
			what, id, r.Type(), wantType, wantType)
	}
	return r, nil
}
