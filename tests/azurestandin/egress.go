package azurestandin

import (
	"fmt"
	"net/netip"
	"reflect"
	"sort"
	"strings"
)

// The rules of the egress and segmentation resources the offline Azure stand-in (a test double) knows:
// NAT gateways and public IP prefixes, Azure Firewall with its policy and rule collection groups, route
// tables, peering with gateway transit, subnets' service endpoints and defaultOutboundAccess, application
// security groups. Each refusal is one of azureerror.go, with its source there.

const (
	tokenNatGateway          = "azure-native:network:NatGateway"
	tokenPublicIPPrefix      = "azure-native:network:PublicIPPrefix"
	tokenAzureFirewall       = "azure-native:network:AzureFirewall"
	tokenFirewallPolicy      = "azure-native:network:FirewallPolicy"
	tokenRuleCollectionGroup = "azure-native:network:FirewallPolicyRuleCollectionGroup"
	tokenASG                 = "azure-native:network:ApplicationSecurityGroup"
	tokenNetworkInterface    = "azure-native:network:NetworkInterface"

	armNatGateway      = "Microsoft.Network/natGateways"
	armPublicIPAddress = "Microsoft.Network/publicIPAddresses"
	armAzureFirewall   = "Microsoft.Network/azureFirewalls"
	armPeering         = "Microsoft.Network/virtualNetworks/virtualNetworkPeerings"
	armPrivateEndpoint = "Microsoft.Network/privateEndpoints"
	armNSG             = "Microsoft.Network/networkSecurityGroups"

	firewallSubnetName           = "AzureFirewallSubnet"
	firewallManagementSubnetName = "AzureFirewallManagementSubnet"

	// natGatewayMaxIPs: "any combination of public IP addresses and prefixes ... up to a total of 16"
	// (troubleshoot-nat.md).
	natGatewayMaxIPs = 16
	// asgsPerRuleSide: application security groups per security rule source or destination
	// (azure-virtual-network-limits.md).
	asgsPerRuleSide = 10
)

// serviceEndpointServices are the services a subnet can have service endpoints for
// (virtual-network-service-endpoints-overview.md; Microsoft.ContainerRegistry is in preview in limited
// regions, which the stand-in does not tell apart; Microsoft.Storage.Global, hashicorp/terraform-provider-
// azurerm #21341). Compared case-insensitively.
var serviceEndpointServices = []string{
	"Microsoft.Storage", "Microsoft.Storage.Global", "Microsoft.Sql", "Microsoft.AzureCosmosDB",
	"Microsoft.KeyVault", "Microsoft.ServiceBus", "Microsoft.EventHub", "Microsoft.AzureActiveDirectory",
	"Microsoft.Web", "Microsoft.CognitiveServices", "Microsoft.ContainerRegistry",
}

// ruleCollectionTypes and ruleTypes are the discriminators of a policy's rule collections and rules
// (FirewallPolicyFilterRuleCollection / FirewallPolicyNatRuleCollection; ApplicationRule, NetworkRule,
// NatRule: the 2023-02-01 API). Matched exactly, as a JSON discriminator is.
var (
	ruleCollectionTypes = map[string]bool{"FirewallPolicyFilterRuleCollection": true, "FirewallPolicyNatRuleCollection": true}
	ruleTypes           = map[string]bool{"ApplicationRule": true, "NetworkRule": true, "NatRule": true}
)

// number reads a JSON number at keys, and whether there is one.
func number(m map[string]any, keys ...string) (float64, bool) {
	f, ok := pathValue(m, keys...).(float64)
	return f, ok
}

// boolAt reads a JSON bool at keys (false when absent).
func boolAt(m map[string]any, keys ...string) bool {
	b, _ := pathValue(m, keys...).(bool)
	return b
}

// tierOf returns a firewall's or policy's sku.tier, Standard when unset (Azure's default).
func tierOf(props map[string]any) string {
	if t := pathString(props, "sku", "tier"); t != "" {
		return t
	}
	return "Standard"
}

// checkEgressRequest applies the rules of an egress or segmentation resource that need nothing but the
// request.
func checkEgressRequest(token string, rid ResourceID, props map[string]any) error {
	switch NormalizeToken(token) {
	case tokenPublicIPPrefix:
		version := pathString(props, "publicIPAddressVersion")
		if l, ok := number(props, "prefixLength"); ok && (version == "" || strings.EqualFold(version, "IPv4")) && (l < 28 || l > 31) {
			return errPublicIPPrefixLength(rid.ID, int(l))
		}
	case tokenFirewallPolicy:
		return checkFirewallPolicyRequest(rid, props)
	case tokenRuleCollectionGroup:
		return checkRuleCollectionGroupRequest(rid, props)
	case tokenAzureFirewall:
		return checkFirewallRequest(rid, props)
	case tokenSubnet:
		for _, e := range objects(pathSlice(props, "serviceEndpoints")) {
			if service := pathString(e, "service"); !containsFold(serviceEndpointServices, service) {
				location := strings.Join(strs(pathSlice(e, "locations")), ", ")
				return errServiceEndpointService(rid.ID, service, location)
			}
		}
	case tokenNetworkSecurityGroup:
		for _, rule := range objects(pathSlice(props, "securityRules")) {
			ruleID := rid.ID + "/securityRules/" + pathString(rule, "name")
			for _, side := range []string{"source", "destination"} {
				if n := len(pathSlice(rule, side+"ApplicationSecurityGroups")); n > asgsPerRuleSide {
					return errASGRuleLimit(ruleID, side, n)
				}
			}
		}
	}
	return nil
}

func checkFirewallPolicyRequest(rid ResourceID, props map[string]any) error {
	switch tier := tierOf(props); {
	case strings.EqualFold(tier, "Basic") && boolAt(props, "dnsSettings", "enableProxy"):
		return errFirewallPolicyHigherTier(rid.ID, "DNS Proxy")
	case strings.EqualFold(tier, "Basic") && strings.EqualFold(pathString(props, "threatIntelMode"), "Deny"):
		return errFirewallPolicyHigherTier(rid.ID, "Threat Intelligence Deny mode")
	case !strings.EqualFold(tier, "Premium") && pathValue(props, "intrusionDetection") != nil:
		return errFirewallPolicyHigherTier(rid.ID, "Intrusion Detection")
	}
	return nil
}

func checkRuleCollectionGroupRequest(rid ResourceID, props map[string]any) error {
	validPriority := func(p float64) bool { return p >= 100 && p <= 65000 }
	if p, ok := number(props, "priority"); ok && !validPriority(p) {
		return errRuleCollectionPriority(rid.ID, "Rule collection group "+rid.Name, p)
	}
	for i, c := range objects(pathSlice(props, "ruleCollections")) {
		name := pathString(c, "name")
		if t := pathString(c, "ruleCollectionType"); !ruleCollectionTypes[t] {
			return errRuleCollectionUnreadable(rid.ID, fmt.Sprintf("ruleCollections[%d]", i),
				fmt.Sprintf("rule collection %s has ruleCollectionType %q", name, t))
		}
		if p, ok := number(c, "priority"); ok && !validPriority(p) {
			return errRuleCollectionPriority(rid.ID, "Rule collection "+name, p)
		}
		for j, r := range objects(pathSlice(c, "rules")) {
			ruleName := pathString(r, "name")
			t := pathString(r, "ruleType")
			if !ruleTypes[t] {
				return errRuleCollectionUnreadable(rid.ID, fmt.Sprintf("ruleCollections[%d].rules[%d]", i, j),
					fmt.Sprintf("rule %s has ruleType %q", ruleName, t))
			}
			if t == "ApplicationRule" && len(pathSlice(r, "targetFqdns")) == 0 && len(pathSlice(r, "fqdnTags")) == 0 &&
				len(pathSlice(r, "webCategories")) == 0 && len(pathSlice(r, "targetUrls")) == 0 {
				return errApplicationRuleTarget(rid.ID, ruleName)
			}
		}
	}
	return nil
}

func checkFirewallRequest(rid ResourceID, props map[string]any) error {
	subnets := 0
	for _, c := range ipConfigs(props) {
		if pathString(c, "subnet", "id") != "" {
			subnets++
		}
	}
	if subnets > 1 {
		return errFirewallSubnetReferences(rid.ID)
	}
	mgmt := mapAt(props, "managementIpConfiguration")
	if mgmt != nil && (pathString(mgmt, "subnet", "id") == "" || pathString(mgmt, "publicIPAddress", "id") == "") {
		return errFirewallManagementConfigIncomplete(rid.ID)
	}
	if strings.EqualFold(tierOf(props), "Basic") && mgmt == nil {
		return errFirewallNeedsManagementConfiguration(rid.ID,
			"the Basic SKU needs a managementIpConfiguration in the AzureFirewallManagementSubnet, with its own public IP")
	}
	return nil
}

// checkEgressState applies the rules of an egress or segmentation resource (and of the subnets they use)
// against what exists.
func checkEgressState(view StoreView, token string, rid ResourceID, props map[string]any, old Record, exists bool) error {
	switch NormalizeToken(token) {
	case tokenSubnet:
		return checkEgressSubnet(view, token, rid, props, old, exists)
	case tokenNatGateway:
		return checkNatGatewayState(view, rid, props)
	case tokenAzureFirewall:
		return checkFirewallState(view, rid, props)
	case tokenRuleCollectionGroup:
		return checkRuleCollectionGroupState(view, rid, props)
	case tokenVirtualNetworkPeering:
		return checkPeeringState(view, rid, props)
	case tokenPrivateEndpoint:
		return checkASGMembership(view, rid.ID, parentID(pathString(props, "subnet", "id")),
			referencedIDs(props, []string{"applicationSecurityGroups", "*", "id"}))
	case tokenNetworkInterface:
		for _, c := range ipConfigs(props) {
			err := checkASGMembership(view, rid.ID, parentID(pathString(c, "subnet", "id")),
				referencedIDs(c, []string{"applicationSecurityGroups", "*", "id"}))
			if err != nil {
				return err
			}
		}
	case tokenNetworkSecurityGroup:
		return checkRuleASGs(view, rid, props)
	}
	return nil
}

// checkEgressSubnet applies a subnet write's NAT gateway, AzureFirewallSubnet and defaultOutboundAccess
// rules.
func checkEgressSubnet(view StoreView, token string, rid ResourceID, props map[string]any, old Record, exists bool) error {
	// The property exists from API 2023-05-01 on: a write through the default type (API 2023-02-01)
	// cannot carry it, and Azure keeps what the subnet has.
	if exists && token != tokenSubnet {
		was, wasSet := old.Properties["defaultOutboundAccess"]
		now, nowSet := props["defaultOutboundAccess"]
		if wasSet != nowSet || !reflect.DeepEqual(was, now) {
			return errDefaultOutboundAccessUpdate(rid.ID, valueOrUnset(was, wasSet), valueOrUnset(now, nowSet))
		}
	}
	if nsg := pathString(props, "networkSecurityGroup", "id"); nsg != "" && strings.EqualFold(rid.Name, firewallSubnetName) {
		return errNSGOnFirewallSubnet(nsg, rid.ID)
	}
	nat := pathString(props, "natGateway", "id")
	if nat == "" {
		return nil
	}
	if strings.EqualFold(rid.Name, gatewaySubnetName) {
		return errNatGatewayOnGatewaySubnet(rid.ID, nat)
	}
	records, err := view.All()
	if err != nil {
		return err
	}
	vnet := parentID(rid.ID)
	for _, r := range records {
		if r.Type == armSubnet && !sameID(r.ID, rid.ID) && sameID(pathString(r.Properties, "natGateway", "id"), nat) &&
			!sameID(parentID(r.ID), vnet) {
			return errNatGatewayAcrossNetworks(nat, parentID(r.ID), vnet)
		}
	}
	return nil
}

func valueOrUnset(v any, set bool) any {
	if !set {
		return "unset"
	}
	return v
}

// checkNatGatewayState refuses Basic public IPs and more than 16 addresses.
func checkNatGatewayState(view StoreView, rid ResourceID, props map[string]any) error {
	total := 0
	for _, id := range referencedIDs(props, []string{"publicIpAddresses", "*", "id"}) {
		pip, ok, err := view.Get(id)
		if err != nil {
			return err
		}
		if ok && !strings.EqualFold(skuName(pip.Properties), "Standard") {
			return errNatGatewayBasicPublicIP(rid.ID, id)
		}
		total++
	}
	for _, id := range referencedIDs(props, []string{"publicIpPrefixes", "*", "id"}) {
		prefix, ok, err := view.Get(id)
		if err != nil {
			return err
		}
		if l, has := number(prefix.Properties, "prefixLength"); ok && has && l >= 0 && l <= 32 {
			total += 1 << (32 - int(l))
		}
	}
	if total > natGatewayMaxIPs {
		return errNatGatewayTooManyIPs(rid.ID, total)
	}
	return nil
}

// firewallTierTakesPolicy says whether a firewall of tier firewall can use a policy of tier policy:
// Basic with Basic, Standard with Standard, Premium with Standard or Premium (policy-overview.md).
func firewallTierTakesPolicy(firewall, policy string) bool {
	f, p := strings.ToLower(firewall), strings.ToLower(policy)
	switch f {
	case "basic":
		return p == "basic"
	case "standard":
		return p == "standard"
	case "premium":
		return p == "standard" || p == "premium"
	}
	return true
}

// checkFirewallState applies the rules of a firewall's subnets, public IPs and policy.
func checkFirewallState(view StoreView, rid ResourceID, props map[string]any) error {
	for _, c := range ipConfigs(props) {
		subnetID := pathString(c, "subnet", "id")
		if subnetID == "" {
			continue
		}
		if err := checkFirewallSubnet(view, rid, subnetID, firewallSubnetName); err != nil {
			return err
		}
	}
	if mgmt := mapAt(props, "managementIpConfiguration"); mgmt != nil {
		if err := checkFirewallSubnet(view, rid, pathString(mgmt, "subnet", "id"), firewallManagementSubnetName); err != nil {
			return err
		}
	}
	pips := referencedIDs(props, []string{"ipConfigurations", "*", "publicIPAddress", "id"})
	pips = append(pips, referencedIDs(props, []string{"managementIpConfiguration", "publicIPAddress", "id"})...)
	for _, id := range pips {
		pip, ok, err := view.Get(id)
		if err != nil {
			return err
		}
		if ok && !strings.EqualFold(skuName(pip.Properties), "Standard") {
			return errFirewallPublicIP(rid.ID, id)
		}
	}
	if policyID := pathString(props, "firewallPolicy", "id"); policyID != "" {
		policy, ok, err := view.Get(policyID)
		if err != nil {
			return err
		}
		if ok && !firewallTierTakesPolicy(tierOf(props), tierOf(policy.Properties)) {
			return errFirewallPolicyTier(rid.ID, tierOf(props), policyID, tierOf(policy.Properties))
		}
	}
	return nil
}

// checkFirewallSubnet checks a firewall subnet's name, size and resource group.
func checkFirewallSubnet(view StoreView, rid ResourceID, subnetID, want string) error {
	if !strings.EqualFold(lastSegment(subnetID), want) {
		if want == firewallManagementSubnetName {
			return errFirewallNeedsManagementConfiguration(rid.ID,
				fmt.Sprintf("its management IP configuration must be in the subnet named %s, not %s", want, subnetID))
		}
		return errFirewallSubnetName(rid.ID, subnetID)
	}
	if subnetRID, err := IDFromARM("", subnetID); err == nil && !strings.EqualFold(subnetRID.ResourceGroup, rid.ResourceGroup) {
		return errFirewallSubnetResourceGroup(rid.ID, subnetID)
	}
	_, prefix, err := subnetRecord(view, subnetID)
	if err != nil {
		return err
	}
	if prefix.Bits() > 26 {
		return errFirewallSubnetTooSmall(rid.ID, subnetID, prefix.String())
	}
	return nil
}

// checkRuleCollectionGroupState refuses FQDNs in network rules when the policy has no DNS proxy.
func checkRuleCollectionGroupState(view StoreView, rid ResourceID, props map[string]any) error {
	policy, ok, err := view.Get(parentID(rid.ID))
	if err != nil || !ok {
		return err
	}
	if boolAt(policy.Properties, "dnsSettings", "enableProxy") {
		return nil
	}
	if v, set := pathValue(policy.Properties, "dnsSettings", "requireProxyForNetworkRules").(bool); set && !v {
		return nil
	}
	for _, c := range objects(pathSlice(props, "ruleCollections")) {
		for _, r := range objects(pathSlice(c, "rules")) {
			if pathString(r, "ruleType") == "NetworkRule" && len(pathSlice(r, "destinationFqdns")) > 0 {
				return errDNSProxyRequired(rid.ID, pathString(r, "name"), pathString(c, "name"))
			}
		}
	}
	return nil
}

// provisioned tells whether a record is there for Azure's cross-resource checks: not while its create is
// still in flight (reserved as Creating).
func provisioned(r Record) bool {
	return pathString(r.Properties, "provisioningState") != "Creating"
}

// networkGateway returns a provisioned virtual network gateway whose IP configurations sit in the
// network, or "".
func networkGateway(records []Record, vnetID string) string {
	for _, r := range records {
		if r.Type == armVirtualNetworkGateway && provisioned(r) && sameID(parentID(firstSubnetOf(r.Properties)), vnetID) {
			return r.ID
		}
	}
	return ""
}

// checkPeeringState applies the address-space and gateway-transit rules of a peering. A remote gateway or
// remote peering whose create is still in flight does not count: the spoke side created at the same time
// as the hub side fails (Azure/terraform-azurerm-avm-res-network-virtualnetwork #57), and the spoke peering
// must wait for the hub's gateway (hybrid-and-egress.md §8.1).
func checkPeeringState(view StoreView, rid ResourceID, props map[string]any) error {
	localID := parentID(rid.ID)
	remoteID := pathString(props, "remoteVirtualNetwork", "id")
	if remoteID == "" {
		return nil
	}
	local, _, err := view.Get(localID)
	if err != nil {
		return err
	}
	remote, ok, err := view.Get(remoteID)
	if err != nil || !ok {
		return err
	}
	// A peering to the network itself is refused here too: its address space overlaps itself. Azure's own
	// answer for it was not found.
	var overlapping []string
	for _, l := range strs(pathSlice(local.Properties, "addressSpace", "addressPrefixes")) {
		lp, err := netip.ParsePrefix(l)
		if err != nil {
			continue
		}
		for _, r := range strs(pathSlice(remote.Properties, "addressSpace", "addressPrefixes")) {
			if rp, err := netip.ParsePrefix(r); err == nil && lp.Overlaps(rp) {
				overlapping = append(overlapping, l, r)
			}
		}
	}
	if len(overlapping) > 0 {
		return errPeeringAddressOverlap(rid.ID, localID, remoteID, dedupe(overlapping))
	}
	if !boolAt(props, "useRemoteGateways") {
		return nil
	}
	records, err := view.All()
	if err != nil {
		return err
	}
	if networkGateway(records, remoteID) == "" {
		return errRemoteVnetHasNoGateways(rid.ID, remoteID)
	}
	var back *Record
	for i, r := range records {
		if r.Type == armPeering && sameID(parentID(r.ID), remoteID) && sameID(pathString(r.Properties, "remoteVirtualNetwork", "id"), localID) {
			back = &records[i]
		}
	}
	switch {
	case back == nil:
		return errRemotePeeringNoTransit(rid.ID, fmt.Sprintf("(none yet under %s)", remoteID))
	case !provisioned(*back):
		return errRemotePeeringNoTransit(rid.ID, back.ID+" (still being created)")
	case !boolAt(back.Properties, "allowGatewayTransit"):
		return errRemotePeeringNoTransit(rid.ID, back.ID)
	}
	if gw := networkGateway(records, localID); gw != "" {
		return errLocalNetworkHasGateway(rid.ID, localID, gw)
	}
	for _, r := range records {
		if r.Type == armPeering && !sameID(r.ID, rid.ID) && sameID(parentID(r.ID), localID) && boolAt(r.Properties, "useRemoteGateways") {
			return errOnlyOneRemoteGatewayPeering(rid.ID, r.ID)
		}
	}
	return nil
}

func dedupe(values []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range values {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// asgNetworks returns the virtual networks the members of an application security group sit in (private
// endpoints and network interfaces that reference it), leaving out the resource exclude, sorted.
func asgNetworks(records []Record, asgID, exclude string) []string {
	set := map[string]string{}
	add := func(subnetID string) {
		if vnet := parentID(subnetID); vnet != "" {
			set[strings.ToLower(vnet)] = vnet
		}
	}
	for _, r := range records {
		if sameID(r.ID, exclude) {
			continue
		}
		switch r.Type {
		case armPrivateEndpoint:
			if containsFold(referencedIDs(r.Properties, []string{"applicationSecurityGroups", "*", "id"}), asgID) {
				add(pathString(r.Properties, "subnet", "id"))
			}
		case armNetworkInterface:
			for _, c := range ipConfigs(r.Properties) {
				if containsFold(referencedIDs(c, []string{"applicationSecurityGroups", "*", "id"}), asgID) {
					add(pathString(c, "subnet", "id"))
				}
			}
		}
	}
	var out []string
	for _, v := range set {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// checkASGMembership refuses a member (an endpoint or an interface's IP configuration in vnetID) of an
// application security group whose members sit in another network.
func checkASGMembership(view StoreView, memberID, vnetID string, asgs []string) error {
	if len(asgs) == 0 || vnetID == "" {
		return nil
	}
	records, err := view.All()
	if err != nil {
		return err
	}
	for _, asg := range asgs {
		for _, other := range asgNetworks(records, asg, memberID) {
			if !sameID(other, vnetID) {
				return errASGMembersInOtherNetwork(memberID, asg, vnetID, other)
			}
		}
	}
	return nil
}

// checkRuleASGs refuses a security rule whose application security groups have members in more than one
// network.
func checkRuleASGs(view StoreView, rid ResourceID, props map[string]any) error {
	var records []Record
	for _, rule := range objects(pathSlice(props, "securityRules")) {
		asgs := append(referencedIDs(rule, []string{"sourceApplicationSecurityGroups", "*", "id"}),
			referencedIDs(rule, []string{"destinationApplicationSecurityGroups", "*", "id"})...)
		if len(asgs) < 2 {
			continue
		}
		if records == nil {
			var err error
			if records, err = view.All(); err != nil {
				return err
			}
		}
		set := map[string]string{}
		for _, asg := range asgs {
			for _, vnet := range asgNetworks(records, asg, "") {
				set[strings.ToLower(vnet)] = vnet
			}
		}
		if len(set) > 1 {
			var vnets []string
			for _, v := range set {
				vnets = append(vnets, v)
			}
			sort.Strings(vnets)
			return errASGRuleNetworks(rid.ID+"/securityRules/"+pathString(rule, "name"), vnets)
		}
	}
	return nil
}

// checkEgressDelete refuses to delete what a subnet, a NAT gateway, a firewall, an endpoint or a security
// rule still uses.
func checkEgressDelete(view StoreView, token string, rid ResourceID) error {
	normalized := NormalizeToken(token)
	switch normalized {
	case tokenNatGateway, tokenRouteTable, tokenNetworkSecurityGroup, tokenFirewallPolicy, tokenPublicIPAddress,
		tokenPublicIPPrefix, tokenASG:
	default:
		return nil
	}
	records, err := view.All()
	if err != nil {
		return err
	}
	var users []string
	uses := func(r Record, path ...string) {
		if containsFold(referencedIDs(r.Properties, path), rid.ID) {
			users = append(users, r.ID)
		}
	}
	for _, r := range records {
		switch normalized {
		case tokenNatGateway:
			if r.Type == armSubnet {
				uses(r, "natGateway", "id")
			}
		case tokenRouteTable:
			if r.Type == armSubnet {
				uses(r, "routeTable", "id")
			}
		case tokenNetworkSecurityGroup:
			if r.Type == armSubnet {
				uses(r, "networkSecurityGroup", "id")
			}
		case tokenFirewallPolicy:
			if r.Type == armAzureFirewall {
				uses(r, "firewallPolicy", "id")
			}
		case tokenPublicIPAddress:
			switch r.Type {
			case armNatGateway:
				uses(r, "publicIpAddresses", "*", "id")
			case armAzureFirewall:
				uses(r, "managementIpConfiguration", "publicIPAddress", "id")
			}
		case tokenPublicIPPrefix:
			switch r.Type {
			case armNatGateway:
				uses(r, "publicIpPrefixes", "*", "id")
			case armPublicIPAddress:
				uses(r, "publicIPPrefix", "id")
			}
		case tokenASG:
			switch r.Type {
			case armPrivateEndpoint:
				uses(r, "applicationSecurityGroups", "*", "id")
			case armNetworkInterface:
				uses(r, "ipConfigurations", "*", "applicationSecurityGroups", "*", "id")
			case armNSG:
				uses(r, "securityRules", "*", "sourceApplicationSecurityGroups", "*", "id")
				uses(r, "securityRules", "*", "destinationApplicationSecurityGroups", "*", "id")
			}
		}
	}
	if len(users) == 0 {
		return nil
	}
	users = dedupe(users)
	sort.Strings(users)
	switch normalized {
	case tokenNatGateway:
		return errInUse("InUseNatGatewayCannotBeDeleted", "Nat gateway", rid.ID, users)
	case tokenRouteTable:
		return errInUse("InUseRouteTableCannotBeDeleted", "Route table", rid.ID, users)
	case tokenNetworkSecurityGroup:
		return errInUse("InUseNetworkSecurityGroupCannotBeDeleted", "Network security group", rid.ID, users)
	case tokenFirewallPolicy:
		return errFirewallPolicyInUse(rid.ID, users)
	case tokenPublicIPAddress:
		return errPublicIPInUse(rid.ID, users[0])
	case tokenPublicIPPrefix:
		return errInUse("InUsePublicIpPrefixCannotBeDeleted", "Public IP prefix", rid.ID, users)
	default:
		return errASGInUse(rid.ID, users)
	}
}

// firewallOutputs gives each IP configuration its ID and, the one in AzureFirewallSubnet, its private IP:
// the fifth address of the subnet (x.x.x.4), the first Azure does not reserve, which is the address the
// firewall tutorials show (firewall/tutorial-firewall-deploy-portal.md: "10.0.1.4"). The management IP
// configuration gets its ID.
func firewallOutputs(view StoreView, rid ResourceID, props map[string]any) (map[string]any, error) {
	configs := []any{}
	for _, c := range ipConfigs(props) {
		c = copyMap(c)
		c["id"] = rid.ID + "/azureFirewallIpConfigurations/" + pathString(c, "name")
		if subnetID := pathString(c, "subnet", "id"); subnetID != "" {
			_, prefix, err := subnetRecord(view, subnetID)
			if err != nil {
				return nil, err
			}
			if prefix.Addr().Is4() {
				c["privateIPAddress"] = addrAt(prefix, 4).String()
			}
		}
		configs = append(configs, c)
	}
	out := map[string]any{"ipConfigurations": configs}
	if mgmt := mapAt(props, "managementIpConfiguration"); mgmt != nil {
		mgmt = copyMap(mgmt)
		mgmt["id"] = rid.ID + "/azureFirewallIpConfigurations/" + pathString(mgmt, "name")
		out["managementIpConfiguration"] = mgmt
	}
	return out, nil
}

// PublicIPPrefixFor returns the deterministic IPv4 prefix, in 20.0.0.0/8 and aligned to its length, that
// the stand-in reports as the ipPrefix of a PublicIPPrefix with the given ARM ID.
func PublicIPPrefixFor(armID string, length int) string {
	if length < 8 || length > 32 {
		length = 28
	}
	n := fnv32("publicipprefix:"+strings.ToLower(armID)) & 0x00ffffff
	addr := netip.AddrFrom4([4]byte{20, byte(n >> 16), byte(n >> 8), byte(n)})
	return netip.PrefixFrom(addr, length).Masked().String()
}
