package policy

import (
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/policyx"
)

// Resource is one resource as a check sees it: its type token, properties (inputs when a resource
// is validated on its own, inputs or outputs when the whole stack is), the properties of its
// provider, its parent and the resources each property depends on (stack checks only).
type Resource struct {
	URN      string
	Name     string // the Pulumi name
	Type     string // the type token, for example azure-native:network/v20230601:VirtualNetworkGateway
	Props    property.Map
	Provider property.Map
	Parent   string
	// Deps maps a top-level property to the URNs of the resources its value came from. During a
	// preview it is how a subnet is tied to its network security group, whose ID is not known yet.
	Deps map[string][]string
}

func fromAnalyzer(r policyx.AnalyzerResource) Resource {
	return Resource{
		URN: r.URN, Name: r.Name, Type: r.Type, Props: r.Properties, Provider: r.Provider.Properties,
		Parent: r.Parent, Deps: r.PropertyDependencies,
	}
}

// Kinds of resources the checks read: azure-native module and type without the API version.
const (
	kindVirtualNetwork  = "network:VirtualNetwork"
	kindSubnet          = "network:Subnet"
	kindSecurityGroup   = "network:NetworkSecurityGroup"
	kindSecurityRule    = "network:SecurityRule"
	kindRouteTable      = "network:RouteTable"
	kindRoute           = "network:Route"
	kindNatGateway      = "network:NatGateway"
	kindPrivateEndpoint = "network:PrivateEndpoint"
	kindPrivateZone     = "network:PrivateZone"
	kindZoneLink        = "network:VirtualNetworkLink"
	kindGateway         = "network:VirtualNetworkGateway"
	kindPublicIP        = "network:PublicIPAddress"
	kindInterface       = "network:NetworkInterface"
	kindStorageAccount  = "storage:StorageAccount"
	kindKeyVault        = "keyvault:Vault"
	kindRegistry        = "containerregistry:Registry"
	kindWorkspace       = "machinelearningservices:Workspace"
	kindCompute         = "machinelearningservices:Compute"
	kindFirewall        = "network:AzureFirewall"
	kindFirewallPolicy  = "network:FirewallPolicy"
	kindRuleCollections = "network:FirewallPolicyRuleCollectionGroup"
)

// Kind returns the resource's azure-native module and type without the API version
// (azure-native:network/v20230601:VirtualNetworkGateway is network:VirtualNetworkGateway), or "" for
// a resource of another provider. Private DNS types of the privatedns module count as network ones.
func (r Resource) Kind() string { return kindOf(r.Type) }

func kindOf(token string) string {
	parts := strings.Split(token, ":")
	if len(parts) != 3 || parts[0] != "azure-native" {
		return ""
	}
	module, _, _ := strings.Cut(parts[1], "/")
	module = strings.ToLower(module)
	if module == "privatedns" {
		module = "network"
	}
	return module + ":" + parts[2]
}

// nameProperties is the input that holds each kind's Azure name.
var nameProperties = map[string]string{
	kindVirtualNetwork:  "virtualNetworkName",
	kindSubnet:          "subnetName",
	kindSecurityGroup:   "networkSecurityGroupName",
	kindSecurityRule:    "securityRuleName",
	kindRouteTable:      "routeTableName",
	kindRoute:           "routeName",
	kindNatGateway:      "natGatewayName",
	kindPrivateEndpoint: "privateEndpointName",
	kindPrivateZone:     "privateZoneName",
	kindZoneLink:        "virtualNetworkLinkName",
	kindGateway:         "virtualNetworkGatewayName",
	kindPublicIP:        "publicIpAddressName",
	kindInterface:       "networkInterfaceName",
	kindStorageAccount:  "accountName",
	kindKeyVault:        "vaultName",
	kindRegistry:        "registryName",
	kindWorkspace:       "workspaceName",
	kindCompute:         "computeName",
	kindFirewall:        "azureFirewallName",
	kindFirewallPolicy:  "firewallPolicyName",
	kindRuleCollections: "ruleCollectionGroupName",
}

// AzureName returns the resource's name in Azure: its name input, else its `name` output, else (when
// the name input is absent, so azure-native names it) the Pulumi name. It is "" when the name is
// unknown.
func (r Resource) AzureName() string {
	if prop, ok := nameProperties[r.Kind()]; ok {
		v := r.Props.Get(prop)
		if s, ok := knownString(v); ok {
			return s
		}
		if v.IsComputed() {
			return ""
		}
	}
	if s, ok := knownString(r.Props.Get("name")); ok {
		return s
	}
	if present(r.Props.Get("name")) {
		return ""
	}
	return r.Name
}

// describe names the resource in a violation message.
func (r Resource) describe() string {
	if name := r.AzureName(); name != "" && name != r.Name {
		return r.Name + " (" + name + ")"
	}
	return r.Name
}

// armTypes is the ARM resource type of each kind, lower case, for matching resource IDs.
var armTypes = map[string]string{
	kindVirtualNetwork: "microsoft.network/virtualnetworks",
	kindSubnet:         "microsoft.network/virtualnetworks/subnets",
	kindSecurityGroup:  "microsoft.network/networksecuritygroups",
	kindRouteTable:     "microsoft.network/routetables",
	kindNatGateway:     "microsoft.network/natgateways",
	kindPublicIP:       "microsoft.network/publicipaddresses",
	kindStorageAccount: "microsoft.storage/storageaccounts",
	kindKeyVault:       "microsoft.keyvault/vaults",
	kindRegistry:       "microsoft.containerregistry/registries",
	kindWorkspace:      "microsoft.machinelearningservices/workspaces",
}

// armID is a parsed Azure resource ID.
type armID struct {
	resourceGroup string
	typ           string   // provider namespace and types, lower case: microsoft.network/virtualnetworks/subnets
	names         []string // one name per type segment: [vnet, subnet]
}

// parseARMID parses /subscriptions/<s>/resourceGroups/<g>/providers/<ns>/<type>/<name>[/<type>/<name>...].
func parseARMID(id string) (armID, bool) {
	parts := strings.Split(strings.Trim(id, "/"), "/")
	if len(parts) < 8 || !equalFold(parts[0], "subscriptions") || !equalFold(parts[2], "resourceGroups") ||
		!equalFold(parts[4], "providers") {
		return armID{}, false
	}
	rest := parts[6:]
	if len(rest)%2 != 0 {
		return armID{}, false
	}
	out := armID{resourceGroup: parts[3]}
	types := []string{strings.ToLower(parts[5])}
	for i := 0; i < len(rest); i += 2 {
		if rest[i] == "" || rest[i+1] == "" {
			return armID{}, false
		}
		types = append(types, strings.ToLower(rest[i]))
		out.names = append(out.names, rest[i+1])
	}
	out.typ = strings.Join(types, "/")
	return out, true
}

// Stack is every resource of a stack, indexed for the checks that span resources.
type Stack struct {
	Resources []*Resource
	// Environment is the stack's azure-native `environment` setting, when readable.
	Environment string
	byURN       map[string]*Resource
	subnets     []*subnetView
}

// NewStack indexes resources.
func NewStack(resources []Resource, environment string) *Stack {
	s := &Stack{Environment: environment, byURN: map[string]*Resource{}}
	for i := range resources {
		r := &resources[i]
		s.Resources = append(s.Resources, r)
		s.byURN[r.URN] = r
	}
	for _, r := range s.ofKind(kindSubnet) {
		s.subnets = append(s.subnets, &subnetView{
			owner: r, props: r.Props, name: r.AzureName(), prop: "",
			network: stringOr(r.Props.Get("virtualNetworkName")),
		})
	}
	// After `pulumi up` a virtual network's outputs list every subnet Azure reports, including those
	// created as Subnet resources: those are read from their own resource only.
	separate := len(s.subnets)
	for _, r := range s.ofKind(kindVirtualNetwork) {
		for _, e := range list(r.Props.Get("subnets")) {
			if !e.IsMap() {
				continue
			}
			v := &subnetView{
				owner: r, props: e.AsMap(), name: stringOr(e.AsMap().Get("name")), prop: "subnets",
				network: r.AzureName(),
			}
			if !slices.ContainsFunc(s.subnets[:separate], func(o *subnetView) bool {
				return v.name != "" && equalFold(o.name, v.name) && equalFold(o.network, v.network)
			}) {
				s.subnets = append(s.subnets, v)
			}
		}
	}
	return s
}

func stringOr(v property.Value) string {
	s, _ := knownString(v)
	return s
}

// ofKind returns the stack's resources of kind.
func (s *Stack) ofKind(kind string) []*Resource {
	var out []*Resource
	for _, r := range s.Resources {
		if r.Kind() == kind {
			out = append(out, r)
		}
	}
	return out
}

// byID finds the resource of kind an Azure resource ID names: by its `id` output, or by its name and
// resource group. It returns nil when the ID names a resource outside the stack.
func (s *Stack) byID(id, kind string) *Resource {
	parsed, ok := parseARMID(id)
	if !ok || parsed.typ != armTypes[kind] {
		return nil
	}
	for _, r := range s.ofKind(kind) {
		if out, ok := knownString(r.Props.Get("id")); ok && equalFold(out, id) {
			return r
		}
	}
	name := parsed.names[len(parsed.names)-1]
	var found *Resource
	for _, r := range s.ofKind(kind) {
		if !equalFold(r.AzureName(), name) {
			continue
		}
		if group, ok := knownString(r.Props.Get("resourceGroupName")); ok && !equalFold(group, parsed.resourceGroup) {
			continue
		}
		if found != nil {
			return nil // two candidates: cannot tell
		}
		found = r
	}
	return found
}

// lookup finds the resource of kind that ref (a reference held in owner's top-level property prop)
// points to: by the ID when it is known, otherwise by the resources the property depends on. It
// returns nil when the target is outside the stack or cannot be told.
func (s *Stack) lookup(owner *Resource, prop string, ref property.Value, kind string) *Resource {
	if !present(ref) {
		return nil
	}
	if id, ok := knownString(idOf(ref)); ok {
		return s.byID(id, kind)
	}
	var found *Resource
	for _, urn := range owner.Deps[prop] {
		r := s.byURN[urn]
		if r == nil || r.Kind() != kind {
			continue
		}
		if found != nil && found != r {
			return nil
		}
		found = r
	}
	return found
}

// subnetView is a subnet: a Subnet resource, or a subnet inline in a VirtualNetwork.
type subnetView struct {
	owner   *Resource
	props   property.Map
	name    string // "" when unknown
	network string // the virtual network's name, "" when unknown
	prop    string // "" for a Subnet resource; "subnets" for an inline subnet
}

// refProp is the owner's top-level property holding the subnet's references.
func (v *subnetView) refProp(name string) string {
	if v.prop == "" {
		return name
	}
	return v.prop
}

func (v *subnetView) describe() string {
	if v.prop == "" {
		return "subnet " + quote(v.name) + " (" + v.owner.Name + ")"
	}
	return "subnet " + quote(v.name) + " inline in virtual network " + v.owner.describe()
}

func quote(s string) string {
	if s == "" {
		return "<unknown>"
	}
	return `"` + s + `"`
}

// subnetByID finds the subnet an Azure subnet ID names.
func (s *Stack) subnetByID(id string) *subnetView {
	parsed, ok := parseARMID(id)
	if !ok || parsed.typ != armTypes[kindSubnet] {
		return nil
	}
	for _, v := range s.subnets {
		if out, ok := knownString(v.props.Get("id")); ok && equalFold(out, id) {
			return v
		}
	}
	var found *subnetView
	for _, v := range s.subnets {
		if equalFold(v.name, parsed.names[1]) && equalFold(v.network, parsed.names[0]) {
			if found != nil {
				return nil
			}
			found = v
		}
	}
	return found
}

// subnetOf finds the subnet ref (held in owner's top-level property prop) points to.
func (s *Stack) subnetOf(owner *Resource, prop string, ref property.Value) *subnetView {
	if !present(ref) {
		return nil
	}
	if id, ok := knownString(idOf(ref)); ok {
		return s.subnetByID(id)
	}
	var found *subnetView
	for _, urn := range owner.Deps[prop] {
		for _, v := range s.subnets {
			if v.prop == "" && v.owner.URN == urn {
				if found != nil && found != v {
					return nil
				}
				found = v
			}
		}
	}
	return found
}

// securityGroupOf returns whether the subnet has a network security group and, when it is in the
// stack and can be told, the group.
func (s *Stack) securityGroupOf(v *subnetView) (attached bool, group *Resource) {
	ref := v.props.Get("networkSecurityGroup")
	return present(ref), s.lookup(v.owner, v.refProp("networkSecurityGroup"), ref, kindSecurityGroup)
}

// routeTableOf returns whether the subnet has a route table and, when it can be told, the table.
func (s *Stack) routeTableOf(v *subnetView) (attached bool, table *Resource) {
	ref := v.props.Get("routeTable")
	return present(ref), s.lookup(v.owner, v.refProp("routeTable"), ref, kindRouteTable)
}

// childrenOf returns the stack's resources of kind whose parentProp (for example
// networkSecurityGroupName) names parent: security rules of a group, routes of a table.
func (s *Stack) childrenOf(parent *Resource, kind, parentProp string) []*Resource {
	var out []*Resource
	for _, r := range s.ofKind(kind) {
		depends := false
		for _, urn := range r.Deps[parentProp] {
			depends = depends || urn == parent.URN
		}
		name, ok := knownString(r.Props.Get(parentProp))
		if depends || (ok && parent.AzureName() != "" && equalFold(name, parent.AzureName())) {
			out = append(out, r)
		}
	}
	return out
}

// securityRulesOf returns the rules of a network security group: inline and separate ones.
func (s *Stack) securityRulesOf(group *Resource) []property.Map {
	var out []property.Map
	for _, e := range list(group.Props.Get("securityRules")) {
		out = append(out, mapOf(e))
	}
	for _, r := range s.childrenOf(group, kindSecurityRule, "networkSecurityGroupName") {
		out = append(out, r.Props)
	}
	return out
}

// routesOf returns the routes of a route table: inline and separate ones.
func (s *Stack) routesOf(table *Resource) []property.Map {
	var out []property.Map
	for _, e := range list(table.Props.Get("routes")) {
		out = append(out, mapOf(e))
	}
	for _, r := range s.childrenOf(table, kindRoute, "routeTableName") {
		out = append(out, r.Props)
	}
	return out
}
