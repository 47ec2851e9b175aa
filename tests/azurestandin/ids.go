package azurestandin

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"unicode"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// SubscriptionID is the subscription of the default provider: the offline Azure stand-in (a test
// double) writes it into the ARM IDs it makes up unless the provider instance is configured with
// another subscriptionId (an explicit provider for another subscription).
const SubscriptionID = "00000000-0000-0000-0000-000000000000"

// ErrMissingResourceGroup is returned (wrapped) when a resource has no resourceGroupName input.
var ErrMissingResourceGroup = errors.New("offline Azure stand-in: input resourceGroupName is required")

// idSegment is one "<collection>/<name>" pair of an ARM ID path.
type idSegment struct {
	collection string // e.g. "virtualNetworks"
	nameKey    string // input key that holds the name for this segment, e.g. "virtualNetworkName"
}

// idSpec describes how an ARM ID is built for one resource type.
type idSpec struct {
	namespace string      // e.g. "Microsoft.Network"
	segments  []idSegment // parents first, the resource's own segment last
}

func seg(collection, nameKey string) idSegment {
	return idSegment{collection: collection, nameKey: nameKey}
}

// idTable maps azure-native type tokens to the ARM ID shape Azure uses for them.
var idTable = map[string]idSpec{
	"azure-native:network:VirtualNetwork": {"Microsoft.Network", []idSegment{
		seg("virtualNetworks", "virtualNetworkName")}},
	"azure-native:network:Subnet": {"Microsoft.Network", []idSegment{
		seg("virtualNetworks", "virtualNetworkName"), seg("subnets", "subnetName")}},
	"azure-native:network:NetworkSecurityGroup": {"Microsoft.Network", []idSegment{
		seg("networkSecurityGroups", "networkSecurityGroupName")}},
	"azure-native:network:RouteTable": {"Microsoft.Network", []idSegment{
		seg("routeTables", "routeTableName")}},
	"azure-native:network:PrivateZone": {"Microsoft.Network", []idSegment{
		seg("privateDnsZones", "privateZoneName")}},
	"azure-native:network:VirtualNetworkLink": {"Microsoft.Network", []idSegment{
		seg("privateDnsZones", "privateZoneName"), seg("virtualNetworkLinks", "virtualNetworkLinkName")}},
	"azure-native:network:PrivateEndpoint": {"Microsoft.Network", []idSegment{
		seg("privateEndpoints", "privateEndpointName")}},
	"azure-native:network:PrivateDnsZoneGroup": {"Microsoft.Network", []idSegment{
		seg("privateEndpoints", "privateEndpointName"), seg("privateDnsZoneGroups", "privateDnsZoneGroupName")}},
	"azure-native:network:PublicIPAddress": {"Microsoft.Network", []idSegment{
		seg("publicIPAddresses", "publicIpAddressName")}},
	"azure-native:network:VirtualNetworkGateway": {"Microsoft.Network", []idSegment{
		seg("virtualNetworkGateways", "virtualNetworkGatewayName")}},
	"azure-native:network:LocalNetworkGateway": {"Microsoft.Network", []idSegment{
		seg("localNetworkGateways", "localNetworkGatewayName")}},
	"azure-native:network:VirtualNetworkGatewayConnection": {"Microsoft.Network", []idSegment{
		seg("connections", "virtualNetworkGatewayConnectionName")}},
	"azure-native:network:NatGateway": {"Microsoft.Network", []idSegment{
		seg("natGateways", "natGatewayName")}},
	"azure-native:network:BastionHost": {"Microsoft.Network", []idSegment{
		seg("bastionHosts", "bastionHostName")}},
	"azure-native:network:DnsResolver": {"Microsoft.Network", []idSegment{
		seg("dnsResolvers", "dnsResolverName")}},
	"azure-native:network:InboundEndpoint": {"Microsoft.Network", []idSegment{
		seg("dnsResolvers", "dnsResolverName"), seg("inboundEndpoints", "inboundEndpointName")}},
	"azure-native:network:NetworkInterface": {"Microsoft.Network", []idSegment{
		seg("networkInterfaces", "networkInterfaceName")}},
	"azure-native:network:VirtualNetworkPeering": {"Microsoft.Network", []idSegment{
		seg("virtualNetworks", "virtualNetworkName"), seg("virtualNetworkPeerings", "virtualNetworkPeeringName")}},
	"azure-native:network:PublicIPPrefix": {"Microsoft.Network", []idSegment{
		seg("publicIPPrefixes", "publicIpPrefixName")}},
	"azure-native:network:AzureFirewall": {"Microsoft.Network", []idSegment{
		seg("azureFirewalls", "azureFirewallName")}},
	"azure-native:network:FirewallPolicy": {"Microsoft.Network", []idSegment{
		seg("firewallPolicies", "firewallPolicyName")}},
	"azure-native:network:FirewallPolicyRuleCollectionGroup": {"Microsoft.Network", []idSegment{
		seg("firewallPolicies", "firewallPolicyName"), seg("ruleCollectionGroups", "ruleCollectionGroupName")}},
	"azure-native:network:ApplicationSecurityGroup": {"Microsoft.Network", []idSegment{
		seg("applicationSecurityGroups", "applicationSecurityGroupName")}},
	// The SecureMLWorkspace services (services.go): their namespaces and name inputs differ from what the
	// generic fallback would guess (accountName, resourceName; Microsoft.KeyVault, not Microsoft.Keyvault).
	tokenStorageAccount: {"Microsoft.Storage", []idSegment{seg("storageAccounts", "accountName")}},
	tokenVault:          {"Microsoft.KeyVault", []idSegment{seg("vaults", "vaultName")}},
	tokenRegistry:       {"Microsoft.ContainerRegistry", []idSegment{seg("registries", "registryName")}},
	tokenLogAnalytics:   {"Microsoft.OperationalInsights", []idSegment{seg("workspaces", "workspaceName")}},
	tokenAppInsights:    {"Microsoft.Insights", []idSegment{seg("components", "resourceName")}},
	tokenMLWorkspace:    {"Microsoft.MachineLearningServices", []idSegment{seg("workspaces", "workspaceName")}},
}

// ResourceID is the identity the offline Azure stand-in (a test double) assigns to a resource.
type ResourceID struct {
	// ID is the full ARM ID, e.g. /subscriptions/<zero guid>/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet.
	ID string
	// Name is the resource's own name (the last segment of ID).
	Name string
	// Type is the ARM resource type, e.g. Microsoft.Network/virtualNetworks/subnets.
	Type string
	// ResourceGroup is the resourceGroupName input.
	ResourceGroup string
	// Subscription is the subscription of the provider instance that owns the resource.
	Subscription string
	// AutoNamed is true when the own-name input was missing and Name was derived from the URN.
	AutoNamed bool
}

// NormalizeToken drops an API-version suffix from the module part of a type token, so
// "azure-native:network/v20230201:VirtualNetwork" becomes "azure-native:network:VirtualNetwork".
func NormalizeToken(token string) string {
	parts := strings.Split(token, ":")
	if len(parts) != 3 {
		return token
	}
	if i := strings.Index(parts[1], "/"); i >= 0 {
		parts[1] = parts[1][:i]
	}
	return strings.Join(parts, ":")
}

// specFor returns the ID shape for a token: from idTable, or the generic fallback
// (namespace Microsoft.<Module>, path <lowerCamel Type>s/{<lowerCamel Type>Name}).
func specFor(token string) (idSpec, error) {
	token = NormalizeToken(token)
	if s, ok := idTable[token]; ok {
		return s, nil
	}
	parts := strings.Split(token, ":")
	if len(parts) != 3 || parts[1] == "" || parts[2] == "" {
		return idSpec{}, fmt.Errorf("offline Azure stand-in: malformed type token %q", token)
	}
	typ := lowerCamel(parts[2])
	return idSpec{
		namespace: "Microsoft." + upperFirst(parts[1]),
		segments:  []idSegment{seg(typ+"s", typ+"Name")},
	}, nil
}

// NamingKeys returns the input keys that name the segments of a resource's ARM ID, parents first and
// the resource's own name key last (e.g. [virtualNetworkName subnetName] for a Subnet).
func NamingKeys(token string) []string {
	s, err := specFor(token)
	if err != nil {
		return nil
	}
	keys := make([]string, 0, len(s.segments))
	for _, sg := range s.segments {
		keys = append(keys, sg.nameKey)
	}
	return keys
}

// OwnNameKey returns the input key holding the resource's own name (e.g. subnetName for a Subnet).
func OwnNameKey(token string) string {
	keys := NamingKeys(token)
	if len(keys) == 0 {
		return ""
	}
	return keys[len(keys)-1]
}

// ARMType returns the ARM resource type for a token, e.g. Microsoft.Network/virtualNetworks/subnets.
func ARMType(token string) string {
	s, err := specFor(token)
	if err != nil {
		return ""
	}
	cols := make([]string, 0, len(s.segments))
	for _, sg := range s.segments {
		cols = append(cols, sg.collection)
	}
	return s.namespace + "/" + strings.Join(cols, "/")
}

// BuildID computes the ARM ID, in subscription, for a resource of the given type from its inputs. A
// missing own-name input is replaced by AutoName(urn), the way azure-native auto-names; a missing
// parent-name input or resourceGroupName is an error.
func BuildID(token, urn string, inputs resource.PropertyMap, subscription string) (ResourceID, error) {
	s, err := specFor(token)
	if err != nil {
		return ResourceID{}, err
	}
	rg, ok := stringProp(inputs, "resourceGroupName")
	if !ok {
		return ResourceID{}, fmt.Errorf("%w (type %s, urn %s)", ErrMissingResourceGroup, token, urn)
	}
	out := ResourceID{ResourceGroup: rg, Type: ARMType(token), Subscription: subscription}
	var b strings.Builder
	fmt.Fprintf(&b, "/subscriptions/%s/resourceGroups/%s/providers/%s", subscription, rg, s.namespace)
	for i, sg := range s.segments {
		name, ok := stringProp(inputs, sg.nameKey)
		if !ok {
			if i < len(s.segments)-1 {
				return ResourceID{}, fmt.Errorf(
					"offline Azure stand-in: input %s is required for %s (urn %s)", sg.nameKey, token, urn)
			}
			name, out.AutoNamed = AutoName(urn), true
		}
		fmt.Fprintf(&b, "/%s/%s", sg.collection, name)
		out.Name = name
	}
	out.ID = b.String()
	return out, nil
}

// IDFromARM recovers a ResourceID from an existing ARM ID for a resource of the given type.
func IDFromARM(token, armID string) (ResourceID, error) {
	parts := strings.Split(strings.Trim(armID, "/"), "/")
	rid := ResourceID{ID: armID, Name: lastSegment(armID), Type: ARMType(token)}
	for i := 0; i+1 < len(parts); i++ {
		switch {
		case strings.EqualFold(parts[i], "subscriptions") && rid.Subscription == "":
			rid.Subscription = parts[i+1]
		case strings.EqualFold(parts[i], "resourceGroups") && rid.ResourceGroup == "":
			rid.ResourceGroup = parts[i+1]
		}
	}
	if rid.ResourceGroup == "" || rid.Name == "" {
		return ResourceID{}, fmt.Errorf("offline Azure stand-in: %q is not an ARM resource ID", armID)
	}
	return rid, nil
}

// AutoName returns the name azure-native would invent for a resource whose name input is missing:
// the URN's name plus an 8-hex suffix. Unlike the real provider the suffix is a hash of the URN, so the
// same URN always gets the same name.
func AutoName(urn string) string {
	return URNName(urn) + fnvHex(urn)
}

// URNName returns the name part of a URN (everything after the third "::"), or the text after the last
// "::" for strings that are not well-formed URNs.
func URNName(urn string) string {
	const delim = "::"
	rest := strings.TrimPrefix(urn, "urn:pulumi:")
	for i := 0; i < 3; i++ {
		j := strings.Index(rest, delim)
		if j < 0 {
			if k := strings.LastIndex(urn, delim); k >= 0 {
				return urn[k+len(delim):]
			}
			return urn
		}
		rest = rest[j+len(delim):]
	}
	return rest
}

// TokenFromURN returns the resource type token carried in a URN (the last "$"-separated part of its
// qualified type), or "" when there is none.
func TokenFromURN(urn string) string {
	parts := strings.SplitN(strings.TrimPrefix(urn, "urn:pulumi:"), "::", 4)
	if len(parts) < 3 {
		return ""
	}
	qt := parts[2]
	if i := strings.LastIndex(qt, "$"); i >= 0 {
		qt = qt[i+1:]
	}
	return qt
}

// DeterministicGUID returns a UUID-shaped (version 5 style) lowercase string derived from seed.
func DeterministicGUID(seed string) string {
	h := sha256.Sum256([]byte(seed))
	h[6] = (h[6] & 0x0f) | 0x50
	h[8] = (h[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// ETag returns the weak ETag the stand-in reports for an ARM ID (deterministic, in Azure's W/"<guid>" shape).
func ETag(armID string) string {
	return `W/"` + DeterministicGUID("etag:"+armID) + `"`
}

// fnv32 hashes s with 32-bit FNV-1a.
func fnv32(s string) uint32 {
	h := fnv.New32a()
	_, _ = h.Write([]byte(s))
	return h.Sum32()
}

// fnvHex returns fnv32(s) as 8 lowercase hex digits.
func fnvHex(s string) string {
	return fmt.Sprintf("%08x", fnv32(s))
}

// lowerCamel lowercases the leading capital run of a Pascal-case type name, keeping the last capital of
// an acronym that starts the next word: VirtualNetwork -> virtualNetwork, DNSZone -> dnsZone.
func lowerCamel(s string) string {
	r := []rune(s)
	for i := 0; i < len(r) && unicode.IsUpper(r[i]); i++ {
		if i > 0 && i+1 < len(r) && unicode.IsLower(r[i+1]) {
			break
		}
		r[i] = unicode.ToLower(r[i])
	}
	return string(r)
}

// upperFirst upper-cases the first letter of s.
func upperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}
