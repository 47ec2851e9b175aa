package policy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

// Private endpoints of the services the workspace uses (storage account, Key Vault, container
// registry, Azure ML workspace): every one the stack creates or refers to by ID has one in the stack.
// SecureMLNetwork takes existing services by ID and creates their endpoints. The checks of each
// service's own settings, when a program creates it, are in storage.go, keyvault.go, registry.go and
// workspace.go.

// service describes a kind of private endpoint target.
type service struct {
	kind   string
	label  string
	groups []string // private endpoint group IDs of the service
}

var (
	keyVaultService  = service{kindKeyVault, "Key Vault", []string{"vault"}}
	storageService   = service{kindStorageAccount, "storage account", []string{"blob", "file", "queue", "table", "dfs", "web"}}
	registryService  = service{kindRegistry, "container registry", []string{"registry"}}
	workspaceService = service{kindWorkspace, "Azure ML workspace", []string{"amlworkspace"}}
)

// endpointTarget is one private link service connection of a private endpoint.
type endpointTarget struct {
	id     string // "" when unknown
	deps   []string
	groups []string
}

// endpointConnections are a private endpoint's properties holding its targets.
var endpointConnections = []string{"privateLinkServiceConnections", "manualPrivateLinkServiceConnections"}

func endpointTargets(pe *Resource) []endpointTarget {
	var out []endpointTarget
	for _, prop := range endpointConnections {
		for _, c := range list(pe.Props.Get(prop)) {
			m := mapOf(c)
			groups, _ := stringList(m.Get("groupIds"))
			id, _ := knownString(m.Get("privateLinkServiceId"))
			out = append(out, endpointTarget{id: id, deps: pe.Deps[prop], groups: groups})
		}
	}
	return out
}

// referencedIDs returns the IDs of resources of the service's type that known string properties of
// the stack name (a workspace's keyVault, a role assignment's scope), each with the resource naming
// it first. A private endpoint's own targets do not count as references.
func referencedIDs(s *Stack, svc service) (ids []string, by map[string]*Resource) {
	by = map[string]*Resource{}
	var walk func(r *Resource, v property.Value)
	walk = func(r *Resource, v property.Value) {
		switch {
		case v.IsString():
			if id, ok := parseARMID(v.AsString()); ok && id.typ == armTypes[svc.kind] {
				key := strings.ToLower(strings.TrimSuffix(v.AsString(), "/"))
				if _, seen := by[key]; !seen {
					ids = append(ids, v.AsString())
					by[key] = r
				}
			}
		case v.IsArray():
			for _, e := range v.AsArray().AsSlice() {
				walk(r, e)
			}
		case v.IsMap():
			for _, e := range v.AsMap().AllStable {
				walk(r, e)
			}
		}
	}
	for _, r := range s.Resources {
		if r.Type == "pulumi:pulumi:Stack" || strings.HasPrefix(r.Type, "pulumi:providers:") {
			continue // the program's exports and provider settings are not uses of a service
		}
		for key, v := range r.Props.AllStable {
			if key == "id" || (r.Kind() == kindPrivateEndpoint && isOneOf(key, endpointConnections)) {
				continue // a resource's own ID; an endpoint's targets
			}
			walk(r, v)
		}
	}
	return ids, by
}

// serves reports whether the endpoint target may be the service: its group IDs are the service's
// (or unknown).
func (t endpointTarget) serves(svc service) bool {
	if len(t.groups) == 0 {
		return true
	}
	return slices.ContainsFunc(t.groups, func(g string) bool { return isOneOf(g, svc.groups) })
}

// checkServiceEndpoints returns a stack check: every resource of the service's kind created in the
// stack, and every such resource the stack refers to by ID, has a private endpoint. An endpoint whose
// target is unknown during a preview counts for every target of its group.
func checkServiceEndpoints(svc service) func(*Stack) []Violation {
	return func(s *Stack) []Violation {
		var targets []endpointTarget
		for _, pe := range s.ofKind(kindPrivateEndpoint) {
			targets = append(targets, endpointTargets(pe)...)
		}
		// reaches reports whether an endpoint connects to the target: the resource r of the stack (nil
		// for a target outside it) with the ID id ("" when unknown).
		reaches := func(r *Resource, id string) bool {
			return slices.ContainsFunc(targets, func(t endpointTarget) bool {
				switch {
				case t.id != "":
					return (id != "" && equalFold(strings.TrimSuffix(t.id, "/"), strings.TrimSuffix(id, "/"))) ||
						(r != nil && s.byID(t.id, svc.kind) == r)
				case r != nil && slices.Contains(t.deps, r.URN):
					return true
				case slices.ContainsFunc(t.deps, func(urn string) bool { return s.byURN[urn] != nil && s.byURN[urn].Kind() == svc.kind }):
					return false // the target is another resource of the stack
				default:
					return t.serves(svc) // unknown during the preview: it may be this one
				}
			})
		}
		var out []Violation
		created := map[string]bool{}
		for _, r := range s.ofKind(svc.kind) {
			id, _ := knownString(r.Props.Get("id"))
			if id != "" {
				created[strings.ToLower(id)] = true
			}
			if !reaches(r, id) {
				out = append(out, Violation{URN: r.URN, Message: fmt.Sprintf(
					"%s %s has no private endpoint in this stack; add one (group %s) so the workspace reaches it "+
						"privately", svc.label, r.describe(), svc.groups[0])})
			}
		}
		ids, by := referencedIDs(s, svc)
		for _, id := range ids {
			if created[strings.ToLower(id)] || reaches(nil, id) {
				continue
			}
			if r := s.byID(id, svc.kind); r != nil {
				continue // a resource of the stack, checked above
			}
			from := by[strings.ToLower(strings.TrimSuffix(id, "/"))]
			out = append(out, Violation{URN: from.URN, Message: fmt.Sprintf(
				"%s refers to %s %s, which has no private endpoint in this stack; add one (group %s)",
				from.describe(), svc.label, id, svc.groups[0])})
		}
		return out
	}
}
