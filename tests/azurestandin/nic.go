package azurestandin

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"
)

const (
	armNetworkInterface = "Microsoft.Network/networkInterfaces"
	armSubnet           = "Microsoft.Network/virtualNetworks/subnets"
	armVirtualNetwork   = "Microsoft.Network/virtualNetworks"
)

// Azure gives every private endpoint a network interface in the endpoint's subnet, and that interface
// is the documented source of the endpoint's private IPs and FQDNs (private-endpoint-dns.md: "The
// network interface associated with the private endpoint contains the information to configure your
// DNS"). The offline Azure stand-in (a test double) creates that interface with the endpoint and
// serves it through getNetworkInterface, so the component reads the endpoint as it would from Azure.

// endpointNIC makes the network interface of a private endpoint being created: one IP configuration
// per FQDN the target publishes, each with a free address of the endpoint's subnet.
func endpointNIC(view StoreView, rid ResourceID, props map[string]any) (Record, error) {
	subnetID := pathString(props, "subnet", "id")
	subnet, ok, err := view.Get(subnetID)
	if err != nil {
		return Record{}, err
	}
	if !ok {
		return Record{}, errReferenceNotFound("subnet.id", subnetID)
	}
	prefix, err := netip.ParsePrefix(subnetPrefixOf(subnet.Properties))
	if err != nil {
		return Record{}, fmt.Errorf("offline Azure stand-in: subnet %s has no usable address prefix: %w", subnetID, err)
	}
	used, err := usedAddresses(view, subnetID)
	if err != nil {
		return Record{}, err
	}
	// Azure names the interface itself unless customNetworkInterfaceName is set; only a name the user
	// chose is checked against the rules (Azure does not refuse its own name, which for a 64-character
	// endpoint name is longer than the 80 characters a user-chosen interface name may have).
	if custom := pathString(props, "customNetworkInterfaceName"); custom != "" {
		if err := checkName(armNetworkInterface, custom); err != nil {
			return Record{}, err
		}
	}
	name := endpointNICName(rid, props)
	id := fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/%s/%s", rid.Subscription, rid.ResourceGroup,
		armNetworkInterface, name)
	if _, exists, err := view.Get(id); err != nil || exists {
		if err != nil {
			return Record{}, err
		}
		return Record{}, errAlreadyExists(id)
	}
	group, target := endpointConnectionPlain(props)
	var addresses []nicAddress
	for _, fqdn := range EndpointFQDNs(group, target, pathString(props, "location")) {
		ip, err := allocateIP(prefix, used, rid.Name+fqdn)
		if err != nil {
			return Record{}, err
		}
		addresses = append(addresses, nicAddress{ip: ip.String(), fqdn: fqdn})
	}
	return nicRecord(rid, name, props, addresses), nil
}

// endpointNICName is the name of an endpoint's network interface: customNetworkInterfaceName, or the
// name Azure makes up, <endpoint>.nic.<guid>.
func endpointNICName(rid ResourceID, props map[string]any) string {
	if name := pathString(props, "customNetworkInterfaceName"); name != "" {
		return name
	}
	return fmt.Sprintf("%s.nic.%s", rid.Name, DeterministicGUID("nic:"+strings.ToLower(rid.ID)))
}

// nicAddress is one IP configuration of an endpoint's network interface: an address and its FQDN.
type nicAddress struct{ ip, fqdn string }

// nicRecord is the network interface of the private endpoint rid (with inputs or outputs props),
// named name, holding addresses in the endpoint's subnet.
func nicRecord(rid ResourceID, name string, props map[string]any, addresses []nicAddress) Record {
	id := fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/%s/%s", rid.Subscription, rid.ResourceGroup,
		armNetworkInterface, name)
	group, _ := endpointConnectionPlain(props)
	configs := []any{}
	for i, a := range addresses {
		configs = append(configs, map[string]any{
			"id":                        fmt.Sprintf("%s/ipConfigurations/privateEndpointIpConfig.%d", id, i),
			"name":                      fmt.Sprintf("privateEndpointIpConfig.%d", i),
			"privateIPAddress":          a.ip,
			"privateIPAllocationMethod": "Dynamic",
			"subnet":                    map[string]any{"id": pathString(props, "subnet", "id")},
			"privateLinkConnectionProperties": map[string]any{
				"groupId": group, "requiredMemberName": group, "fqdns": []any{a.fqdn},
			},
		})
	}
	return Record{
		ID: id, Type: armNetworkInterface, Subscription: rid.Subscription, ResourceGroup: rid.ResourceGroup, Name: name,
		Properties: map[string]any{
			"id": id, "name": name, "type": armNetworkInterface, "location": pathString(props, "location"),
			"provisioningState": "Succeeded", "ipConfigurations": configs,
			"privateEndpoint": map[string]any{"id": rid.ID},
		},
	}
}

// subnetPrefixOf returns a subnet's addressPrefix, or the first of its addressPrefixes.
func subnetPrefixOf(props map[string]any) string {
	if p := pathString(props, "addressPrefix"); p != "" {
		return p
	}
	if ps := strs(pathSlice(props, "addressPrefixes")); len(ps) > 0 {
		return ps[0]
	}
	return ""
}

// nicConfigsIn returns the IP configurations, of every network interface (and gateway, Bastion host,
// inbound endpoint, firewall), that sit in the subnet.
func nicConfigsIn(view StoreView, subnetID string) (map[string][]map[string]any, error) {
	records, err := view.All()
	if err != nil {
		return nil, err
	}
	out := map[string][]map[string]any{}
	for _, r := range records {
		configs := objects(pathSlice(r.Properties, "ipConfigurations"))
		if m := mapAt(r.Properties, "managementIpConfiguration"); m != nil { // a firewall's, in AzureFirewallManagementSubnet
			configs = append(configs, m)
		}
		for _, c := range configs {
			if sameID(pathString(c, "subnet", "id"), subnetID) {
				out[r.ID] = append(out[r.ID], c)
			}
		}
	}
	return out, nil
}

// usedAddresses returns the private IPs handed out in the subnet.
func usedAddresses(view StoreView, subnetID string) (map[netip.Addr]bool, error) {
	nics, err := nicConfigsIn(view, subnetID)
	if err != nil {
		return nil, err
	}
	used := map[netip.Addr]bool{}
	for _, configs := range nics {
		for _, c := range configs {
			for _, key := range []string{"privateIPAddress", "privateIpAddress"} { // inbound endpoints spell it privateIpAddress
				if ip, err := netip.ParseAddr(pathString(c, key)); err == nil {
					used[ip] = true
				}
			}
		}
	}
	return used, nil
}

// subnetUsers returns what holds the subnet: the resources whose network interfaces or IP
// configurations sit in it (the private endpoint for an endpoint's interface; a virtual network gateway,
// Bastion host, DNS resolver inbound endpoint or firewall itself), sorted.
func subnetUsers(view StoreView, subnetID string) ([]string, error) {
	nics, err := nicConfigsIn(view, subnetID)
	if err != nil {
		return nil, err
	}
	var users []string
	for nicID := range nics {
		user := nicID
		if nic, ok, err := view.Get(nicID); err == nil && ok {
			if pe := pathString(nic.Properties, "privateEndpoint", "id"); pe != "" {
				user = pe
			}
		}
		users = append(users, user)
	}
	sort.Strings(users)
	return users, nil
}

// endpointDNSConfigs renders a private endpoint's customDnsConfigs from its network interface.
func endpointDNSConfigs(nic Record) []any {
	var configs []any
	for _, c := range objects(pathSlice(nic.Properties, "ipConfigurations")) {
		for _, fqdn := range strs(pathSlice(c, "privateLinkConnectionProperties", "fqdns")) {
			configs = append(configs, map[string]any{
				"fqdn": fqdn, "ipAddresses": []any{pathString(c, "privateIPAddress")},
			})
		}
	}
	return configs
}
