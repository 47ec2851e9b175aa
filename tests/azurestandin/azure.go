package azurestandin

import (
	"fmt"
	"net/netip"
	"strings"
	"unicode"

	"github.com/secureml/pulumi-secureml/components/azurecloud"
)

// What the offline Azure stand-in (a test double) checks on a write, in the order Azure does: the
// request on its own (checkRequest), then against what exists (checkAgainstState, checkDelete), then
// against the writes in flight (concurrency.go). Each refusal is one of azureerror.go.

const (
	tokenVirtualNetwork        = "azure-native:network:VirtualNetwork"
	tokenVirtualNetworkPeering = "azure-native:network:VirtualNetworkPeering"
	tokenPrivateZone           = "azure-native:network:PrivateZone"
	tokenNetworkSecurityGroup  = "azure-native:network:NetworkSecurityGroup"
	tokenRouteTable            = "azure-native:network:RouteTable"
)

// globalTypes are located in `global`; Azure refuses any region for them ("Private DNS zones and
// their links are global resources", private-endpoint-dns.md).
var globalTypes = map[string]bool{
	"Microsoft.Network/privateDnsZones":                     true,
	"Microsoft.Network/privateDnsZones/virtualNetworkLinks": true,
}

// references lists, per type, the properties that point at other resources and must name one that
// exists. Only references to Microsoft.Network resources are checked here: private endpoint targets
// (storage accounts, vaults, workspaces, registries) are taken on trust, but for a registry's SKU
// (services.go); a Machine Learning workspace's references are checked in workspace.go.
var references = map[string][][]string{
	"azure-native:network:Subnet": {
		{"networkSecurityGroup", "id"}, {"routeTable", "id"}, {"natGateway", "id"},
	},
	"azure-native:network:PrivateEndpoint":       {{"subnet", "id"}, {"applicationSecurityGroups", "*", "id"}},
	"azure-native:network:VirtualNetworkLink":    {{"virtualNetwork", "id"}},
	"azure-native:network:PrivateDnsZoneGroup":   {{"privateDnsZoneConfigs", "*", "privateDnsZoneId"}},
	"azure-native:network:VirtualNetworkPeering": {{"remoteVirtualNetwork", "id"}},
	tokenVirtualNetworkGateway: {
		{"ipConfigurations", "*", "subnet", "id"}, {"ipConfigurations", "*", "publicIPAddress", "id"},
	},
	tokenBastionHost: {
		{"ipConfigurations", "*", "subnet", "id"}, {"ipConfigurations", "*", "publicIPAddress", "id"},
	},
	// peer (an ExpressRoute circuit) is taken on trust like a private endpoint's target: the stand-in
	// knows no circuits.
	tokenGatewayConnection: {{"virtualNetworkGateway1", "id"}, {"localNetworkGateway2", "id"}},
	tokenDNSResolver:       {{"virtualNetwork", "id"}},
	tokenInboundEndpoint:   {{"ipConfigurations", "*", "subnet", "id"}},
	tokenNatGateway:        {{"publicIpAddresses", "*", "id"}, {"publicIpPrefixes", "*", "id"}},
	tokenPublicIPAddress:   {{"publicIPPrefix", "id"}},
	tokenAzureFirewall: {
		{"ipConfigurations", "*", "subnet", "id"}, {"ipConfigurations", "*", "publicIPAddress", "id"},
		{"managementIpConfiguration", "subnet", "id"}, {"managementIpConfiguration", "publicIPAddress", "id"},
		{"firewallPolicy", "id"},
	},
	tokenNetworkSecurityGroup: {
		{"securityRules", "*", "sourceApplicationSecurityGroups", "*", "id"},
		{"securityRules", "*", "destinationApplicationSecurityGroups", "*", "id"},
	},
	tokenNetworkInterface: {{"ipConfigurations", "*", "subnet", "id"}, {"ipConfigurations", "*", "applicationSecurityGroups", "*", "id"}},
}

// checkRequest refuses a create or update that Azure refuses whatever exists: a bad name, a location
// the cloud does not have, bad tags, a security rule or route naming an unknown service tag, or a
// gateway, connection, public IP or Bastion host breaking a rule of its own (hybrid.go), a firewall,
// firewall policy, rule collection group, public IP prefix, subnet or security rule breaking one of its
// own (egress.go), or a registry breaking one of its own (services.go).
func (s *Server) checkRequest(op, token string, rid ResourceID, props map[string]any) error {
	if err := checkName(rid.Type, rid.Name); err != nil {
		return err
	}
	if err := checkLocation(s.cloud(), rid.Type, props); err != nil {
		return err
	}
	if err := checkTags(rid.Type, props); err != nil {
		return err
	}
	if err := checkAddressPrefixes(s.cloud(), token, props); err != nil {
		return err
	}
	if err := checkHybridRequest(op, token, rid, props); err != nil {
		return err
	}
	if err := checkServiceRequest(token, rid, props); err != nil {
		return err
	}
	return checkEgressRequest(token, rid, props)
}

func checkLocation(cloud azurecloud.Cloud, armType string, props map[string]any) error {
	location, ok := props["location"].(string)
	if !ok {
		return nil // types without a location (subnets, zone groups) take their parent's
	}
	if globalTypes[armType] {
		if !strings.EqualFold(location, "global") {
			return errLocation(location, armType)
		}
		return nil
	}
	if _, known := azurecloud.LookupRegion(cloud, location); !known {
		return errLocation(location, armType)
	}
	return nil
}

// checkTags applies tag-resources.md (ms.date 02/06/2025): at most 50 tags (15 on private DNS zones),
// names of at most 512 characters without `< > % & \ ? /` or control characters, values of at most 256.
func checkTags(armType string, props map[string]any) error {
	tags, _ := props["tags"].(map[string]any)
	limit := 50
	if armType == "Microsoft.Network/privateDnsZones" {
		limit = 15
	}
	if len(tags) > limit {
		return &AzureError{Status: 400, Code: "InvalidTemplate", Message: fmt.Sprintf(
			"The resource has %d tags; %s takes at most %d.", len(tags), armType, limit)}
	}
	for name, v := range tags {
		value, _ := v.(string)
		switch {
		case name == "" || len(name) > 512:
			return errTagName(name, "a tag name has 1 to 512 characters")
		case strings.ContainsAny(name, `<>%&\?/`) || strings.IndexFunc(name, unicode.IsControl) >= 0:
			return errTagName(name, `tag names can't contain <, >, %, &, \, ?, / or control characters`)
		case len(value) > 256:
			return &AzureError{Status: 400, Code: "InvalidTagValueLength", Message: fmt.Sprintf(
				"The value of tag '%s' has %d characters; the limit is 256.", name, len(value))}
		}
	}
	return nil
}

// checkAddressPrefixes refuses security rules and routes whose address prefixes are neither IP ranges
// nor service tags of the cloud, and child names outside their rules.
func checkAddressPrefixes(cloud azurecloud.Cloud, token string, props map[string]any) error {
	switch NormalizeToken(token) {
	case tokenNetworkSecurityGroup:
		for _, rule := range objects(pathSlice(props, "securityRules")) {
			name := pathString(rule, "name")
			if err := childNameRules["securityRules"].check("Microsoft.Network/networkSecurityGroups/securityRules", name); err != nil {
				return err
			}
			values := []string{pathString(rule, "sourceAddressPrefix"), pathString(rule, "destinationAddressPrefix")}
			values = append(values, strs(pathSlice(rule, "sourceAddressPrefixes"))...)
			values = append(values, strs(pathSlice(rule, "destinationAddressPrefixes"))...)
			for _, v := range values {
				if v != "" && !validAddressPrefix(cloud, v) {
					return errServiceTag("Security rule "+name, v)
				}
			}
		}
	case tokenRouteTable:
		for _, route := range objects(pathSlice(props, "routes")) {
			name := pathString(route, "name")
			if err := childNameRules["routes"].check("Microsoft.Network/routeTables/routes", name); err != nil {
				return err
			}
			if v := pathString(route, "addressPrefix"); !validAddressPrefix(cloud, v) {
				return errServiceTag("Route "+name, v)
			}
		}
	}
	return nil
}

// checkAgainstState refuses a create or update that conflicts with what exists: a create of an ID
// that exists, a nested resource without its parent, a reference to nothing, a subnet outside its
// network or overlapping a sibling, a new prefix for a subnet in use, the rules of gateways, Bastion
// hosts, DNS resolvers and their subnets (hybrid.go) in the instance's cloud, those of names unique across
// Azure, private endpoints to registries and Machine Learning workspaces (services.go, workspace.go), and
// those of NAT gateways, firewalls, peerings, application security groups and private subnets (egress.go).
func checkAgainstState(view StoreView, cloud azurecloud.Cloud, op, token string, rid ResourceID, props map[string]any) error {
	old, exists, err := view.Get(rid.ID)
	if err != nil {
		return err
	}
	if op == "create" && exists {
		return errAlreadyExists(rid.ID)
	}
	if parent := parentID(rid.ID); parent != "" {
		if _, ok, err := view.Get(parent); err != nil || !ok {
			if err != nil {
				return err
			}
			return errParentNotFound(rid.ID, parent)
		}
	}
	for _, path := range references[NormalizeToken(token)] {
		for _, ref := range referencedIDs(props, path) {
			if !strings.Contains(strings.ToLower(ref), "/providers/microsoft.network/") {
				continue
			}
			if _, ok, err := view.Get(ref); err != nil || !ok {
				if err != nil {
					return err
				}
				return errReferenceNotFound(strings.Join(path, "."), ref)
			}
		}
	}
	if NormalizeToken(token) == tokenSubnet {
		if err := checkSubnet(view, rid, props, old, exists); err != nil {
			return err
		}
	}
	if err := checkHybridState(view, cloud, op, token, rid, props, old, exists); err != nil {
		return err
	}
	if err := checkServiceState(view, cloud, op, token, rid, props, old, exists); err != nil {
		return err
	}
	return checkEgressState(view, token, rid, props, old, exists)
}

// referencedIDs reads the IDs at path, where "*" steps into every element of an array.
func referencedIDs(props map[string]any, path []string) []string {
	var walk func(v any, path []string) []string
	walk = func(v any, path []string) []string {
		if len(path) == 0 {
			if s, ok := v.(string); ok && s != "" {
				return []string{s}
			}
			return nil
		}
		if path[0] == "*" {
			var out []string
			for _, e := range objects(toSlice(v)) {
				out = append(out, walk(e, path[1:])...)
			}
			return out
		}
		obj, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		return walk(obj[path[0]], path[1:])
	}
	return walk(props, path)
}

func toSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

// checkSubnet applies the address rules of a subnet write.
func checkSubnet(view StoreView, rid ResourceID, props map[string]any, old Record, exists bool) error {
	prefixText := subnetPrefixOf(props)
	prefix, err := netip.ParsePrefix(prefixText)
	if err != nil {
		return &AzureError{Status: 400, Code: "InvalidAddressPrefixFormat", Message: fmt.Sprintf(
			"Address prefix %q of subnet %s is not valid.", prefixText, rid.Name)}
	}
	vnetID := parentID(rid.ID)
	vnet, _, err := view.Get(vnetID)
	if err != nil {
		return err
	}
	inside := false
	for _, space := range strs(pathSlice(vnet.Properties, "addressSpace", "addressPrefixes")) {
		if p, err := netip.ParsePrefix(space); err == nil && p.Bits() <= prefix.Bits() && p.Contains(prefix.Addr()) {
			inside = true
		}
	}
	if !inside {
		return errSubnetOutsideVNet(rid.Name, prefixText, vnet.Name)
	}
	siblings, err := view.All()
	if err != nil {
		return err
	}
	for _, r := range siblings {
		if r.Type != armSubnet || sameID(r.ID, rid.ID) || !sameID(parentID(r.ID), vnetID) {
			continue
		}
		if p, err := netip.ParsePrefix(subnetPrefixOf(r.Properties)); err == nil && p.Overlaps(prefix) {
			return errSubnetsOverlap(rid.Name, prefixText, r.Name, vnet.Name)
		}
	}
	if exists && subnetPrefixOf(old.Properties) != prefixText {
		users, err := subnetUsers(view, rid.ID)
		if err != nil {
			return err
		}
		if len(users) > 0 {
			return errInUseSubnetUpdate(rid.ID, users)
		}
	}
	return nil
}

// checkDelete refuses to delete a subnet, or a network with a subnet, that holds network interfaces or
// the IP configurations of a gateway, Bastion host, inbound endpoint or firewall; a public IP, gateway or
// local network gateway still in use (checkHybridDelete); and a NAT gateway, route table, network security
// group, firewall policy, public IP prefix or application security group still in use (checkEgressDelete).
func checkDelete(view StoreView, token string, rid ResourceID) error {
	if err := checkHybridDelete(view, token, rid); err != nil {
		return err
	}
	if err := checkEgressDelete(view, token, rid); err != nil {
		return err
	}
	var subnets []string
	switch NormalizeToken(token) {
	case tokenSubnet:
		subnets = []string{rid.ID}
	case tokenVirtualNetwork:
		records, err := view.All()
		if err != nil {
			return err
		}
		for _, r := range records {
			if r.Type == armSubnet && sameID(parentID(r.ID), rid.ID) {
				subnets = append(subnets, r.ID)
			}
		}
	}
	for _, subnet := range subnets {
		users, err := subnetUsers(view, subnet)
		if err != nil {
			return err
		}
		if len(users) > 0 {
			return errInUseSubnetDelete(subnet, users)
		}
	}
	return nil
}

// removals returns what deleting a resource removes from Azure: the resource, its nested resources,
// and a private endpoint's network interface.
func removals(view StoreView, rid ResourceID) ([]string, error) {
	records, err := view.All()
	if err != nil {
		return nil, err
	}
	out := []string{rid.ID}
	prefix := strings.ToLower(rid.ID) + "/"
	for _, r := range records {
		if strings.HasPrefix(strings.ToLower(r.ID), prefix) {
			out = append(out, r.ID)
		}
		if r.Type == armNetworkInterface && sameID(pathString(r.Properties, "privateEndpoint", "id"), rid.ID) {
			out = append(out, r.ID)
		}
	}
	return out, nil
}
