package azurestandin

import (
	"fmt"
	"net/netip"
	"sort"
	"strconv"
	"strings"

	"github.com/secureml/pulumi-secureml/components/azurecloud"
)

// The rules of the hybrid-access resources the offline Azure stand-in (a test double) knows: virtual
// network gateways (VPN and ExpressRoute), local network gateways, connections, Bastion hosts, DNS
// private resolvers and their inbound endpoints, and what they ask of their subnets and public IPs. Each
// refusal is one of azureerror.go, with its source there.

const (
	tokenVirtualNetworkGateway = "azure-native:network:VirtualNetworkGateway"
	tokenLocalNetworkGateway   = "azure-native:network:LocalNetworkGateway"
	tokenGatewayConnection     = "azure-native:network:VirtualNetworkGatewayConnection"
	tokenDNSResolver           = "azure-native:network:DnsResolver"
	tokenInboundEndpoint       = "azure-native:network:InboundEndpoint"
	tokenBastionHost           = "azure-native:network:BastionHost"

	armVirtualNetworkGateway = "Microsoft.Network/virtualNetworkGateways"
	armConnection            = "Microsoft.Network/connections"
	armDNSResolver           = "Microsoft.Network/dnsResolvers"
	armInboundEndpoint       = "Microsoft.Network/dnsResolvers/inboundEndpoints"
	armVirtualNetworkLink    = "Microsoft.Network/privateDnsZones/virtualNetworkLinks"

	gatewaySubnetName     = "GatewaySubnet"
	bastionSubnetName     = "AzureBastionSubnet"
	dnsResolverDelegation = "Microsoft.Network/dnsResolvers"

	// defaultGatewayASN is the ASN Azure gives a gateway without one (vpn-gateway-vpn-faq.md: "65515").
	defaultGatewayASN = 65515
)

// ipConfigs returns the ipConfigurations of a gateway, Bastion host or inbound endpoint.
func ipConfigs(props map[string]any) []map[string]any {
	return objects(pathSlice(props, "ipConfigurations"))
}

// firstSubnetOf returns the subnet of the first IP configuration, or "".
func firstSubnetOf(props map[string]any) string {
	for _, c := range ipConfigs(props) {
		if id := pathString(c, "subnet", "id"); id != "" {
			return id
		}
	}
	return ""
}

func skuName(props map[string]any) string {
	if n := pathString(props, "sku", "name"); n != "" {
		return n
	}
	return pathString(props, "sku", "tier")
}

func isExpressRoute(props map[string]any) bool {
	return strings.EqualFold(pathString(props, "gatewayType"), "ExpressRoute")
}

// retiredVPNSkus are the VPN gateway SKUs Azure no longer creates (errGatewaySize).
var retiredVPNSkus = map[string]bool{
	"basic": true, "standard": true, "highperformance": true,
	"vpngw1": true, "vpngw2": true, "vpngw3": true, "vpngw4": true, "vpngw5": true,
}

func isAZSku(sku string) bool {
	return strings.HasSuffix(strings.ToLower(sku), "az")
}

// checkHybridRequest applies the rules of a hybrid-access resource that need nothing but the request.
func checkHybridRequest(op, token string, rid ResourceID, props map[string]any) error {
	switch NormalizeToken(token) {
	case tokenVirtualNetworkGateway:
		return checkGatewayRequest(op, rid, props)
	case tokenLocalNetworkGateway:
		if pathString(props, "gatewayIpAddress") == "" && pathString(props, "fqdn") == "" {
			return errLocalGatewayAddress(rid.ID)
		}
	case tokenGatewayConnection:
		return checkConnectionRequest(rid, props)
	case tokenPublicIPAddress:
		if strings.EqualFold(skuName(props), "Standard") && !strings.EqualFold(pathString(props, "publicIPAllocationMethod"), "Static") {
			return errStandardPublicIPMustBeStatic(rid.ID)
		}
	case tokenBastionHost:
		if n := len(ipConfigs(props)); n != 1 {
			return errBastionIPConfigurations(rid.ID, n)
		}
	}
	return nil
}

func checkGatewayRequest(op string, rid ResourceID, props map[string]any) error {
	sku := skuName(props)
	lower := strings.ToLower(sku)
	gatewayType := pathString(props, "gatewayType")
	er := isExpressRoute(props)
	switch {
	case er && (strings.HasPrefix(lower, "vpngw") || lower == "basic"),
		!er && (strings.HasPrefix(lower, "ergw") || lower == "ultraperformance"):
		return errGatewaySkuForType(rid.ID, sku, gatewayType)
	case !er && op == "create" && retiredVPNSkus[lower]:
		return errGatewaySize(rid.ID, sku)
	}
	if aa, _ := pathValue(props, "activeActive").(bool); aa {
		p2s := pathValue(props, "vpnClientConfiguration") != nil
		want := 2
		if p2s {
			want = 3
		}
		if n := len(ipConfigs(props)); n != want {
			return errActiveActiveIPConfigurations(rid.ID, n, p2s)
		}
	}
	auth := strs(pathSlice(props, "vpnClientConfiguration", "vpnAuthenticationTypes"))
	protocols := strs(pathSlice(props, "vpnClientConfiguration", "vpnClientProtocols"))
	if containsFold(auth, "AAD") && !containsFold(protocols, "OpenVPN") {
		return errAADNeedsOpenVPN(rid.ID, protocols)
	}
	return nil
}

func checkConnectionRequest(rid ResourceID, props map[string]any) error {
	switch connectionType := pathString(props, "connectionType"); {
	case strings.EqualFold(connectionType, "IPsec"):
		if pathString(props, "localNetworkGateway2", "id") == "" {
			return errConnectionRemote(rid.ID, connectionType, "localNetworkGateway2")
		}
	case strings.EqualFold(connectionType, "ExpressRoute"):
		if pathString(props, "peer", "id") == "" {
			return errConnectionRemote(rid.ID, connectionType, "peer (the ExpressRoute circuit)")
		}
	}
	if key, ok := pathValue(props, "sharedKey").(string); ok {
		if reason := sharedKeyProblem(key); reason != "" {
			return errSharedKey(rid.ID, reason)
		}
	}
	return nil
}

// sharedKeyProblem says what is wrong with a shared key, or "": 1 to 128 printable ASCII characters
// other than space, hyphen and tilde.
func sharedKeyProblem(key string) string {
	if len(key) < 1 || len(key) > 128 {
		return fmt.Sprintf("it has %d characters, and a shared key has 1 to 128", len(key))
	}
	for i, r := range key {
		if r < 0x21 || r > 0x7e || r == '-' || r == '~' {
			return fmt.Sprintf("the character at position %d is not a printable ASCII character other than space, hyphen (-) or tilde (~)", i+1)
		}
	}
	return ""
}

func containsFold(values []string, want string) bool {
	for _, v := range values {
		if strings.EqualFold(v, want) {
			return true
		}
	}
	return false
}

// checkHybridState applies the rules of a hybrid-access resource (and of the subnets they use) against
// what exists.
func checkHybridState(view StoreView, cloud azurecloud.Cloud, op, token string, rid ResourceID, props map[string]any,
	old Record, exists bool,
) error {
	switch NormalizeToken(token) {
	case tokenSubnet:
		return checkDedicatedSubnet(view, rid, props, old, exists)
	case tokenPrivateEndpoint:
		if op != "create" {
			return nil
		}
		subnetID := pathString(props, "subnet", "id")
		if subnet, ok, err := view.Get(subnetID); err != nil || ok && len(delegationsOf(subnet.Properties)) > 0 {
			if err != nil {
				return err
			}
			return errEndpointInDelegatedSubnet(rid.ID, subnetID, delegationsOf(subnet.Properties))
		}
	}
	if op != "create" {
		return nil
	}
	switch NormalizeToken(token) {
	case tokenVirtualNetworkGateway:
		return checkGatewayState(view, cloud, rid, props)
	case tokenBastionHost:
		return checkBastionState(view, cloud, rid, props)
	case tokenDNSResolver:
		return checkResolverState(view, rid, props)
	case tokenInboundEndpoint:
		return checkInboundEndpointState(view, rid, props)
	}
	return nil
}

// checkDedicatedSubnet applies the rules of a write to GatewaySubnet, AzureBastionSubnet or a subnet
// that holds a DNS resolver's inbound endpoint.
func checkDedicatedSubnet(view StoreView, rid ResourceID, props map[string]any, old Record, exists bool) error {
	nsgID := pathString(props, "networkSecurityGroup", "id")
	switch {
	case strings.EqualFold(rid.Name, gatewaySubnetName) && nsgID != "":
		return errNSGOnGatewaySubnet(nsgID)
	case strings.EqualFold(rid.Name, bastionSubnetName):
		if rt := pathString(props, "routeTable", "id"); rt != "" {
			return errRouteTableOnBastionSubnet(rt)
		}
		if nsgID != "" {
			if err := checkBastionNSG(view, nsgID); err != nil {
				return err
			}
		}
	}
	if exists && !containsFold(delegationsOf(props), dnsResolverDelegation) {
		records, err := view.All()
		if err != nil {
			return err
		}
		for _, r := range records {
			if r.Type == armInboundEndpoint && sameID(firstSubnetOf(r.Properties), rid.ID) {
				return errSubnetMissingDelegation(rid.ID)
			}
		}
	}
	return nil
}

// delegationsOf returns the service names a subnet is delegated to.
func delegationsOf(props map[string]any) []string {
	var out []string
	for _, d := range objects(pathSlice(props, "delegations")) {
		name := pathString(d, "serviceName")
		if name == "" {
			name = pathString(d, "properties", "serviceName")
		}
		if name != "" {
			out = append(out, name)
		}
	}
	return out
}

// subnetRecord reads a subnet and its prefix.
func subnetRecord(view StoreView, id string) (Record, netip.Prefix, error) {
	subnet, ok, err := view.Get(id)
	if err != nil {
		return Record{}, netip.Prefix{}, err
	}
	if !ok {
		return Record{}, netip.Prefix{}, errReferenceNotFound("ipConfigurations.subnet.id", id)
	}
	prefix, err := netip.ParsePrefix(subnetPrefixOf(subnet.Properties))
	if err != nil {
		return Record{}, netip.Prefix{}, fmt.Errorf("offline Azure stand-in: subnet %s has no usable address prefix: %w", id, err)
	}
	return subnet, prefix.Masked(), nil
}

func checkGatewayState(view StoreView, cloud azurecloud.Cloud, rid ResourceID, props map[string]any) error {
	subnetID := firstSubnetOf(props)
	if subnetID == "" {
		return nil
	}
	for _, c := range ipConfigs(props) {
		if id := pathString(c, "subnet", "id"); !strings.EqualFold(lastSegment(id), gatewaySubnetName) {
			return errGatewaySubnetName(rid.ID, id)
		}
	}
	subnet, prefix, err := subnetRecord(view, subnetID)
	if err != nil {
		return err
	}
	if nsg := pathString(subnet.Properties, "networkSecurityGroup", "id"); nsg != "" {
		return errNSGOnGatewaySubnet(nsg)
	}
	if rt := pathString(subnet.Properties, "routeTable", "id"); rt != "" {
		table, ok, err := view.Get(rt)
		if err != nil {
			return err
		}
		for _, route := range objects(pathSlice(table.Properties, "routes")) {
			if ok && pathString(route, "addressPrefix") == "0.0.0.0/0" {
				return errDefaultRouteOnGatewaySubnet(rid.ID, rt)
			}
		}
	}
	region, _ := azurecloud.LookupRegion(cloud, pathString(props, "location"))
	for _, c := range ipConfigs(props) {
		pipID := pathString(c, "publicIPAddress", "id")
		if pipID == "" {
			continue
		}
		pip, ok, err := view.Get(pipID)
		switch {
		case err != nil:
			return err
		case !ok:
			continue
		case !strings.EqualFold(skuName(pip.Properties), "Standard"):
			return errBasicPublicIPOnGateway(rid.ID, pipID)
		case !isExpressRoute(props) && isAZSku(skuName(props)) && region.Zones && len(pathSlice(pip.Properties, "zones")) == 0:
			return errAZGatewayPublicIPZones(rid.ID, pipID)
		}
	}
	vnetID := parentID(subnetID)
	records, err := view.All()
	if err != nil {
		return err
	}
	gatewayType, coexists := pathString(props, "gatewayType"), false
	for _, r := range records {
		if r.Type != armVirtualNetworkGateway || sameID(r.ID, rid.ID) || !sameID(parentID(firstSubnetOf(r.Properties)), vnetID) {
			continue
		}
		if strings.EqualFold(pathString(r.Properties, "gatewayType"), gatewayType) {
			return errGatewayPerType(rid.ID, vnetID, gatewayType, r.ID)
		}
		coexists = true
	}
	need, code, why := gatewaySubnetMinimum(skuName(props), isExpressRoute(props), coexists, region.Zones)
	if prefix.Bits() > need {
		return errGatewaySubnetTooSmall(code, rid.ID, subnetID, prefix.String(), need, why)
	}
	return nil
}

// gatewaySubnetMinimum returns the longest GatewaySubnet prefix a gateway can be created in, with the
// code Azure answers and the rule's source.
func gatewaySubnetMinimum(sku string, expressRoute, coexists, zonalRegion bool) (int, string, string) {
	const tooSmall = "GatewaySubnetTooSmall"
	lower := strings.ToLower(sku)
	switch {
	case expressRoute && lower == "ergwscale":
		return 26, tooSmall, "an ErGwScale gateway needs a /26 GatewaySubnet (expressroute-howto-scalablegw.md)"
	case expressRoute && lower == "ultraperformance":
		return 27, "GatewaySubnetTooSmallForExpressrouteUltraPerformanceGatewaySku",
			"to deploy an Expressroute UltraPerformance gateway SKU the GatewaySubnet must be /27 or larger"
	case expressRoute:
		return 27, tooSmall, "/28 or smaller GatewaySubnets are not supported for new ExpressRoute gateways (expressroute-howto-add-gateway-portal-resource-manager.md)"
	case coexists:
		return 27, tooSmall, "a VPN gateway coexisting with an ExpressRoute gateway needs a GatewaySubnet of /27 or a shorter prefix (how-to-configure-coexisting-gateway-portal.md)"
	case isAZSku(sku) && zonalRegion:
		return 27, tooSmall, "to deploy a zone-redundant/zonal gateway, the GatewaySubnet must be /27 or larger (microsoft/sql-server-samples PR #1297)"
	}
	return 29, tooSmall, "a gateway subnet can be as small as /29 (vpn-gateway-vpn-faq.md)"
}

// The rules bastion-nsg.md says an NSG on AzureBastionSubnet must have (Learn ms.date 02/24/2026).
// Empty from/to lists take any value; anyAddress also takes an IP range (the doc allows "a specific
// public IP set" instead of Internet).
type bastionRule struct {
	name, direction string
	from, to        []string
	anyAddress      bool
	ports           []int
}

var bastionRules = []bastionRule{
	{name: "AllowHttpsInbound", direction: "Inbound", from: []string{"Internet"}, anyAddress: true, ports: []int{443}},
	{name: "AllowGatewayManagerInbound", direction: "Inbound", from: []string{"GatewayManager"}, ports: []int{443}},
	{name: "AllowAzureLoadBalancerInbound", direction: "Inbound", from: []string{"AzureLoadBalancer"}, ports: []int{443}},
	{name: "AllowBastionHostCommunication", direction: "Inbound", from: []string{"VirtualNetwork"}, to: []string{"VirtualNetwork"}, ports: []int{8080, 5701}},
	{name: "AllowSshRdpOutbound", direction: "Outbound", to: []string{"VirtualNetwork"}, ports: []int{22, 3389}},
	{name: "AllowAzureCloudOutbound", direction: "Outbound", to: []string{"AzureCloud"}, ports: []int{443}},
	{name: "AllowBastionCommunication", direction: "Outbound", from: []string{"VirtualNetwork"}, to: []string{"VirtualNetwork"}, ports: []int{8080, 5701}},
	{name: "AllowHttpOutbound", direction: "Outbound", to: []string{"Internet"}, ports: []int{80}},
}

// checkBastionNSG refuses an NSG that lacks one of the rules Bastion needs. A rule counts when it allows
// traffic in the right direction to the port from and to the right addresses ("*" matches anything).
// Priorities and deny rules that shadow an allow are not modelled.
func checkBastionNSG(view StoreView, nsgID string) error {
	nsg, ok, err := view.Get(nsgID)
	if err != nil || !ok {
		return err
	}
	rules := objects(pathSlice(nsg.Properties, "securityRules"))
	for _, want := range bastionRules {
		for _, port := range want.ports {
			if !bastionRuleCovered(rules, want, port) {
				return errBastionNSG(nsgID, fmt.Sprintf("%s (%s port %d)", want.name, want.direction, port))
			}
		}
	}
	return nil
}

func bastionRuleCovered(rules []map[string]any, want bastionRule, port int) bool {
	for _, r := range rules {
		if !strings.EqualFold(pathString(r, "access"), "Allow") || !strings.EqualFold(pathString(r, "direction"), want.direction) {
			continue
		}
		ports := append(strs(pathSlice(r, "destinationPortRanges")), pathString(r, "destinationPortRange"))
		if !portCovered(ports, port) {
			continue
		}
		from := append(strs(pathSlice(r, "sourceAddressPrefixes")), pathString(r, "sourceAddressPrefix"))
		to := append(strs(pathSlice(r, "destinationAddressPrefixes")), pathString(r, "destinationAddressPrefix"))
		if addressMatches(from, want.from, want.anyAddress) && addressMatches(to, want.to, false) {
			return true
		}
	}
	return false
}

func portCovered(ranges []string, port int) bool {
	for _, r := range ranges {
		r = strings.TrimSpace(r)
		if r == "*" {
			return true
		}
		lo, hi, found := strings.Cut(r, "-")
		if !found {
			hi = lo
		}
		a, errA := strconv.Atoi(strings.TrimSpace(lo))
		b, errB := strconv.Atoi(strings.TrimSpace(hi))
		if errA == nil && errB == nil && a <= port && port <= b {
			return true
		}
	}
	return false
}

func addressMatches(values, want []string, anyAddress bool) bool {
	if len(want) == 0 {
		return true
	}
	for _, v := range values {
		if v == "*" || strings.EqualFold(v, "Any") || containsFold(want, v) {
			return true
		}
		if _, err := netip.ParsePrefix(v); anyAddress && err == nil {
			return true
		}
		if _, err := netip.ParseAddr(v); anyAddress && err == nil {
			return true
		}
	}
	return false
}

func checkBastionState(view StoreView, cloud azurecloud.Cloud, rid ResourceID, props map[string]any) error {
	subnetID := firstSubnetOf(props)
	if subnetID == "" {
		return nil
	}
	if !strings.EqualFold(lastSegment(subnetID), bastionSubnetName) {
		return errBastionSubnetName(subnetID)
	}
	subnet, prefix, err := subnetRecord(view, subnetID)
	if err != nil {
		return err
	}
	if prefix.Bits() > 26 {
		return errBastionSubnetTooSmall(subnetID, prefix.String())
	}
	if rt := pathString(subnet.Properties, "routeTable", "id"); rt != "" {
		return errRouteTableOnBastionSubnet(rt)
	}
	if nsg := pathString(subnet.Properties, "networkSecurityGroup", "id"); nsg != "" {
		if err := checkBastionNSG(view, nsg); err != nil {
			return err
		}
	}
	for _, c := range ipConfigs(props) {
		pipID := pathString(c, "publicIPAddress", "id")
		pip, ok, err := view.Get(pipID)
		if err != nil {
			return err
		}
		if ok && (!strings.EqualFold(skuName(pip.Properties), "Standard") ||
			!strings.EqualFold(pathString(pip.Properties, "publicIPAllocationMethod"), "Static")) {
			return errBastionPublicIP(rid.ID, pipID)
		}
	}
	if cloud != azurecloud.AzureCloud {
		vnetID := parentID(subnetID)
		records, err := view.All()
		if err != nil {
			return err
		}
		for _, r := range records {
			if r.Type == armVirtualNetworkLink && sameID(pathString(r.Properties, "virtualNetwork", "id"), vnetID) {
				return errBastionPrivateDNSNationalCloud(rid.ID, vnetID, r.ID, string(cloud))
			}
		}
	}
	return nil
}

func checkResolverState(view StoreView, rid ResourceID, props map[string]any) error {
	vnetID := pathString(props, "virtualNetwork", "id")
	vnet, ok, err := view.Get(vnetID)
	if err != nil || !ok {
		return err
	}
	location, vnetLocation := pathString(props, "location"), pathString(vnet.Properties, "location")
	if location != "" && vnetLocation != "" && NormalizeLocation(location) != NormalizeLocation(vnetLocation) {
		return errResolverRegion(rid.ID, location, vnetID, vnetLocation)
	}
	records, err := view.All()
	if err != nil {
		return err
	}
	for _, r := range records {
		if r.Type == armDNSResolver && !sameID(r.ID, rid.ID) && sameID(pathString(r.Properties, "virtualNetwork", "id"), vnetID) {
			return errResolverPerNetwork(rid.ID, vnetID, r.ID)
		}
	}
	return nil
}

func checkInboundEndpointState(view StoreView, rid ResourceID, props map[string]any) error {
	resolver, ok, err := view.Get(parentID(rid.ID))
	if err != nil || !ok {
		return err
	}
	vnetID := pathString(resolver.Properties, "virtualNetwork", "id")
	for _, c := range ipConfigs(props) {
		subnetID := pathString(c, "subnet", "id")
		if !sameID(parentID(subnetID), vnetID) {
			return errInboundEndpointNetwork(rid.ID, subnetID, vnetID)
		}
		subnet, prefix, err := subnetRecord(view, subnetID)
		if err != nil {
			return err
		}
		if !containsFold(delegationsOf(subnet.Properties), dnsResolverDelegation) {
			return errSubnetMissingDelegation(subnetID)
		}
		if prefix.Bits() > 28 || prefix.Bits() < 24 {
			return errInboundEndpointSubnet(subnetID, fmt.Sprintf("its prefix %s is not between /28 and /24", prefix))
		}
		users, err := subnetUsers(view, subnetID)
		if err != nil {
			return err
		}
		for _, u := range users {
			if !sameID(u, rid.ID) {
				return errInboundEndpointSubnet(subnetID, "it is in use by "+u)
			}
		}
		if address := pathString(c, "privateIpAddress"); address != "" {
			if why := staticAddressProblem(prefix, address); why != "" {
				return errInboundEndpointAddress(rid.ID, address, prefix.String(), why)
			}
		}
	}
	return nil
}

// staticAddressProblem says why a static address cannot be used in prefix, or "": it must be inside the
// subnet and not one of the five addresses Azure reserves (the first four and the last).
func staticAddressProblem(prefix netip.Prefix, address string) string {
	ip, err := netip.ParseAddr(address)
	switch {
	case err != nil:
		return "it is not an IP address"
	case !prefix.Contains(ip):
		return "it is outside the subnet"
	}
	offset, size := addrOffset(prefix, ip), 1<<(32-prefix.Bits())
	if offset < 4 || offset == size-1 {
		return "Azure reserves the first four addresses and the last address of every subnet"
	}
	return ""
}

// addrOffset returns the position of ip in the IPv4 prefix.
func addrOffset(prefix netip.Prefix, ip netip.Addr) int {
	a, b := prefix.Masked().Addr().As4(), ip.As4()
	return int(u32(b) - u32(a))
}

func u32(a [4]byte) uint32 {
	return uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])
}

// addrAt returns the address at offset in the IPv4 prefix.
func addrAt(prefix netip.Prefix, offset int) netip.Addr {
	n := u32(prefix.Masked().Addr().As4()) + uint32(offset)
	return netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)})
}

// checkHybridDelete refuses to delete a public IP a gateway or Bastion host uses, a gateway with
// connections, and a local network gateway a connection uses. (Subnets that hold gateways, Bastion hosts
// or inbound endpoints are refused by checkDelete: their IP configurations sit in the subnet.)
func checkHybridDelete(view StoreView, token string, rid ResourceID) error {
	normalized := NormalizeToken(token)
	if normalized != tokenPublicIPAddress && normalized != tokenVirtualNetworkGateway && normalized != tokenLocalNetworkGateway {
		return nil
	}
	records, err := view.All()
	if err != nil {
		return err
	}
	var users []string
	for _, r := range records {
		switch normalized {
		case tokenPublicIPAddress:
			for _, c := range ipConfigs(r.Properties) {
				if sameID(pathString(c, "publicIPAddress", "id"), rid.ID) {
					users = append(users, configID(r, c))
				}
			}
		case tokenVirtualNetworkGateway:
			if r.Type == armConnection && (sameID(pathString(r.Properties, "virtualNetworkGateway1", "id"), rid.ID) ||
				sameID(pathString(r.Properties, "virtualNetworkGateway2", "id"), rid.ID)) {
				users = append(users, r.ID)
			}
		case tokenLocalNetworkGateway:
			if r.Type == armConnection && sameID(pathString(r.Properties, "localNetworkGateway2", "id"), rid.ID) {
				users = append(users, r.ID)
			}
		}
	}
	if len(users) == 0 {
		return nil
	}
	sort.Strings(users)
	switch normalized {
	case tokenPublicIPAddress:
		return errPublicIPInUse(rid.ID, users[0])
	case tokenVirtualNetworkGateway:
		return errGatewayHasConnections(rid.ID, users)
	default:
		return errLocalGatewayInUse(rid.ID, users)
	}
}

// configID is the ID of an IP configuration: its own, or the resource's with the configuration's name.
func configID(r Record, c map[string]any) string {
	if id := pathString(c, "id"); id != "" {
		return id
	}
	if name := pathString(c, "name"); name != "" {
		return r.ID + "/ipConfigurations/" + name
	}
	return r.ID
}

// derivedOutputs returns the outputs Azure derives for a gateway, Bastion host, inbound endpoint or
// firewall from what exists: IP configuration IDs, a gateway's BGP settings, a Bastion host's DNS name, an
// inbound endpoint's and a firewall's private IP. They are part of the record reserved at the create, so the subnet's users and
// addresses are known while the write is in flight.
func derivedOutputs(view StoreView, token string, rid ResourceID, props map[string]any) (map[string]any, error) {
	switch NormalizeToken(token) {
	case tokenVirtualNetworkGateway:
		return gatewayOutputs(view, rid, props)
	case tokenBastionHost:
		configs := []any{}
		for _, c := range ipConfigs(props) {
			c = copyMap(c)
			c["id"] = rid.ID + "/bastionHostIpConfigurations/" + pathString(c, "name")
			configs = append(configs, c)
		}
		return map[string]any{"ipConfigurations": configs, "dnsName": BastionDNSName(rid.ID)}, nil
	case tokenInboundEndpoint:
		return inboundEndpointOutputs(view, rid, props)
	case tokenAzureFirewall:
		return firewallOutputs(view, rid, props)
	}
	return nil, nil
}

// BastionDNSName is the DNS name the stand-in reports for a Bastion host: bst-<8 hex>.bastion.azure.com,
// the 8 hex digits a hash of its ARM ID.
func BastionDNSName(armID string) string {
	return "bst-" + fnvHex("bastion:"+strings.ToLower(armID)) + ".bastion.azure.com"
}

// gatewayOutputs gives each IP configuration its ID and the gateway its BGP settings: the input ASN or
// 65515, and for IP configuration i the address i before the last usable one of the GatewaySubnet (the
// stand-in's convention; Azure takes the BGP peer address from the GatewaySubnet).
func gatewayOutputs(view StoreView, rid ResourceID, props map[string]any) (map[string]any, error) {
	configs := []any{}
	var peerings []any
	var addresses []string
	var prefix netip.Prefix
	if subnetID := firstSubnetOf(props); subnetID != "" {
		_, p, err := subnetRecord(view, subnetID)
		if err != nil {
			return nil, err
		}
		prefix = p
	}
	for i, c := range ipConfigs(props) {
		c = copyMap(c)
		c["id"] = rid.ID + "/ipConfigurations/" + pathString(c, "name")
		configs = append(configs, c)
		if !prefix.IsValid() || !prefix.Addr().Is4() {
			continue
		}
		size := 1 << (32 - prefix.Bits())
		if offset := size - 2 - i; offset >= 4 {
			address := addrAt(prefix, offset).String()
			addresses = append(addresses, address)
			peerings = append(peerings, map[string]any{
				"ipconfigurationId": c["id"], "defaultBgpIpAddresses": []any{address},
				"customBgpIpAddresses": []any{}, "tunnelIpAddresses": []any{},
			})
		}
	}
	bgp := copyMap(mapAt(props, "bgpSettings"))
	if _, ok := bgp["asn"]; !ok {
		bgp["asn"] = float64(defaultGatewayASN)
	}
	bgp["bgpPeeringAddress"] = strings.Join(addresses, ",")
	if peerings == nil {
		peerings = []any{}
	}
	bgp["bgpPeeringAddresses"] = peerings
	return map[string]any{"ipConfigurations": configs, "bgpSettings": bgp}, nil
}

func mapAt(m map[string]any, key string) map[string]any {
	v, _ := m[key].(map[string]any)
	return v
}

// inboundEndpointOutputs gives each IP configuration its address: the static one, or, like Azure's
// dynamic allocation, the fifth address of the subnet ("typically the fifth IP address in the subnet",
// dns-private-resolver-overview.md), the next free one for further configurations.
func inboundEndpointOutputs(view StoreView, rid ResourceID, props map[string]any) (map[string]any, error) {
	configs := []any{}
	used := map[netip.Addr]bool{}
	for _, c := range ipConfigs(props) {
		if ip, err := netip.ParseAddr(pathString(c, "privateIpAddress")); err == nil {
			used[ip] = true
		}
	}
	for _, c := range ipConfigs(props) {
		c = copyMap(c)
		if pathString(c, "privateIpAddress") == "" {
			_, prefix, err := subnetRecord(view, pathString(c, "subnet", "id"))
			if err != nil {
				return nil, err
			}
			size := 1 << (32 - prefix.Bits())
			for offset := 4; offset < size-1; offset++ {
				if ip := addrAt(prefix, offset); !used[ip] {
					used[ip] = true
					c["privateIpAddress"] = ip.String()
					break
				}
			}
			if pathString(c, "privateIpAllocationMethod") == "" {
				c["privateIpAllocationMethod"] = "Dynamic"
			}
		}
		configs = append(configs, c)
	}
	return map[string]any{"ipConfigurations": configs}, nil
}
