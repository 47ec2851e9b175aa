package policy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

// Checks of the services the workspace uses, when the stack creates them (storage account, Key
// Vault, container registry, Azure ML workspace), and of their private endpoints. SecureMLNetwork
// takes existing services by ID; these checks apply when a program creates them too.

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

// checkStorageNetwork: a storage account denies public network access by default (Azure Policy
// 34c877ad: networkAcls.defaultAction Deny; publicNetworkAccess Disabled is stricter and passes too).
func checkStorageNetwork(r Resource, _ Settings) []string {
	if r.Kind() != kindStorageAccount {
		return nil
	}
	if closed, known := publicAccessClosed(r.Props, []string{"publicNetworkAccess"}, []string{"networkRuleSet", "defaultAction"}); closed || !known {
		return nil
	}
	return []string{fmt.Sprintf("storage account %s accepts traffic from every network; set networkRuleSet."+
		"defaultAction to Deny (or publicNetworkAccess to Disabled) and reach it through its private endpoints",
		r.describe())}
}

// checkStorageBlobPublicAccess: anonymous blob access is off (Azure Policy 4fa4b6c0 flags anything but
// false).
func checkStorageBlobPublicAccess(r Resource, _ Settings) []string {
	if r.Kind() != kindStorageAccount {
		return nil
	}
	v := r.Props.Get("allowBlobPublicAccess")
	if on, ok := knownBool(v); (ok && !on) || v.IsComputed() {
		return nil
	}
	return []string{fmt.Sprintf("storage account %s does not set allowBlobPublicAccess to false; set it so no "+
		"container can be read anonymously", r.describe())}
}

// checkStorageHTTPS: secure transfer is not turned off.
func checkStorageHTTPS(r Resource, _ Settings) []string {
	if r.Kind() != kindStorageAccount {
		return nil
	}
	if on, ok := knownBool(r.Props.Get("enableHttpsTrafficOnly")); ok && !on {
		return []string{fmt.Sprintf("storage account %s accepts plain HTTP (enableHttpsTrafficOnly false); "+
			"set it to true", r.describe())}
	}
	return nil
}

// checkStorageTLS: the minimum TLS version is 1.2.
func checkStorageTLS(r Resource, _ Settings) []string {
	if r.Kind() != kindStorageAccount {
		return nil
	}
	v := r.Props.Get("minimumTlsVersion")
	if v.IsComputed() {
		return nil
	}
	if tls, ok := knownString(v); ok && (equalFold(tls, "TLS1_2") || equalFold(tls, "TLS1_3")) {
		return nil
	}
	tls := stringOr(v)
	if tls == "" {
		tls = "not set"
	}
	return []string{fmt.Sprintf("storage account %s: minimumTlsVersion is %s; set TLS1_2", r.describe(), tls)}
}

// checkKeyVaultNetwork: a Key Vault's firewall denies by default or public access is off (Azure
// Policy 55615ac9).
func checkKeyVaultNetwork(r Resource, _ Settings) []string {
	if r.Kind() != kindKeyVault {
		return nil
	}
	if closed, known := publicAccessClosed(r.Props, []string{"properties", "publicNetworkAccess"},
		[]string{"properties", "networkAcls", "defaultAction"}); closed || !known {
		return nil
	}
	return []string{fmt.Sprintf("Key Vault %s accepts traffic from every network; set properties.networkAcls."+
		"defaultAction to Deny (or properties.publicNetworkAccess to Disabled)", r.describe())}
}

// checkKeyVaultPurgeProtection: purge protection is on (Azure Policy 0b60c0b2), so a deleted vault's
// keys cannot be destroyed before the retention period ends.
func checkKeyVaultPurgeProtection(r Resource, _ Settings) []string {
	if r.Kind() != kindKeyVault {
		return nil
	}
	v := at(r.Props, "properties", "enablePurgeProtection")
	if on, ok := knownBool(v); (ok && on) || v.IsComputed() {
		return nil
	}
	return []string{fmt.Sprintf("Key Vault %s does not enable purge protection; set properties."+
		"enablePurgeProtection to true", r.describe())}
}

// checkRegistryNetwork: a container registry does not allow unrestricted network access (Azure Policy
// d0793b48: publicNetworkAccess Enabled and networkRuleSet.defaultAction Allow).
func checkRegistryNetwork(r Resource, _ Settings) []string {
	if r.Kind() != kindRegistry {
		return nil
	}
	if closed, known := publicAccessClosed(r.Props, []string{"publicNetworkAccess"}, []string{"networkRuleSet", "defaultAction"}); closed || !known {
		return nil
	}
	return []string{fmt.Sprintf("container registry %s accepts traffic from every network; set "+
		"publicNetworkAccess to Disabled (or networkRuleSet.defaultAction to Deny)", r.describe())}
}

// checkRegistryPremium: the registry is Premium, the only tier with private endpoints.
func checkRegistryPremium(r Resource, _ Settings) []string {
	if r.Kind() != kindRegistry {
		return nil
	}
	v := at(r.Props, "sku", "name")
	if sku, ok := knownString(v); ok && !equalFold(sku, "Premium") {
		return []string{fmt.Sprintf("container registry %s is %s; Azure offers private endpoints on Premium only",
			r.describe(), sku)}
	}
	return nil
}

// checkRegistryAdminUser: the registry's admin account is off.
func checkRegistryAdminUser(r Resource, _ Settings) []string {
	if r.Kind() != kindRegistry {
		return nil
	}
	if on, ok := knownBool(r.Props.Get("adminUserEnabled")); ok && on {
		return []string{fmt.Sprintf("container registry %s enables the admin user, a shared password; turn it off "+
			"and use Microsoft Entra identities", r.describe())}
	}
	return nil
}

// checkWorkspacePublicNetwork: the Azure ML workspace disables public network access (Azure Policy
// 438c38d2 flags anything but Disabled, including not set).
func checkWorkspacePublicNetwork(r Resource, _ Settings) []string {
	if r.Kind() != kindWorkspace {
		return nil
	}
	v := r.Props.Get("publicNetworkAccess")
	if access, ok := knownString(v); (ok && equalFold(access, "Disabled")) || v.IsComputed() {
		return nil
	}
	return []string{fmt.Sprintf("Azure ML workspace %s does not disable public network access; set "+
		"publicNetworkAccess to Disabled and reach it through its private endpoint", r.describe())}
}

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
