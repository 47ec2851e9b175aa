package policy

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

// Builders of resources as the engine hands them to the pack, from plain Go values.

// unknown stands for a value not known during a preview.
var unknown = property.New(property.Computed)

const (
	testStack = "urn:pulumi:dev::test::"
	rgID      = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml"
)

// pv converts maps, slices and scalars to a property value.
func pv(v any) property.Value {
	switch v := v.(type) {
	case property.Value:
		return v
	case nil:
		return property.Value{}
	case string:
		return property.New(v)
	case bool:
		return property.New(v)
	case int:
		return property.New(float64(v))
	case float64:
		return property.New(v)
	case []any:
		out := make([]property.Value, 0, len(v))
		for _, e := range v {
			out = append(out, pv(e))
		}
		return property.New(out)
	case []string:
		out := make([]property.Value, 0, len(v))
		for _, e := range v {
			out = append(out, property.New(e))
		}
		return property.New(out)
	case map[string]any:
		out := make(map[string]property.Value, len(v))
		for k, e := range v {
			out[k] = pv(e)
		}
		return property.New(out)
	default:
		panic(fmt.Sprintf("pv: unsupported %T", v))
	}
}

func props(m map[string]any) property.Map { return pv(m).AsMap() }

type obj = map[string]any

// res builds a resource of an azure-native type ("network:Subnet") with a Pulumi name.
func res(typ, name string, m obj) Resource {
	token := "azure-native:" + typ
	return Resource{URN: testStack + token + "::" + name, Name: name, Type: token, Props: props(m)}
}

// dependsOn records that r's property prop came from the given resources.
func dependsOn(r Resource, prop string, on ...Resource) Resource {
	if r.Deps == nil {
		r.Deps = map[string][]string{}
	}
	for _, o := range on {
		r.Deps[prop] = append(r.Deps[prop], o.URN)
	}
	return r
}

func withProvider(r Resource, m obj) Resource {
	r.Provider = props(m)
	return r
}

// armIDOf builds an Azure resource ID in the test resource group.
func armIDOf(typ, name string) string { return rgID + "/providers/" + typ + "/" + name }

func rule(name, access, direction, protocol, source, destination string, ports ...string) obj {
	r := obj{
		"name": name, "access": access, "direction": direction, "protocol": protocol,
		"sourceAddressPrefix": source, "destinationAddressPrefix": destination, "sourcePortRange": "*",
	}
	if len(ports) == 1 {
		r["destinationPortRange"] = ports[0]
	} else {
		r["destinationPortRanges"] = ports
	}
	return r
}

func nsg(name string, rules ...obj) Resource {
	list := make([]any, 0, len(rules))
	for _, r := range rules {
		list = append(list, r)
	}
	return res("network:NetworkSecurityGroup", name, obj{
		"networkSecurityGroupName": name, "resourceGroupName": "rg-ml", "securityRules": list,
	})
}

// subnet builds a Subnet resource; extra properties are merged in.
func subnet(pulumiName, azureName string, extra obj) Resource {
	m := obj{"subnetName": azureName, "virtualNetworkName": "vnet-ml", "resourceGroupName": "rg-ml",
		"addressPrefix": "10.0.0.0/24"}
	for k, v := range extra {
		m[k] = v
	}
	return res("network:Subnet", pulumiName, m)
}

// withNSG attaches group to s the way a preview shows it: an unknown ID tied by its dependency.
func withNSG(s Resource, group Resource) Resource {
	s.Props = s.Props.Set("networkSecurityGroup", pv(obj{"id": unknown}))
	return dependsOn(s, "networkSecurityGroup", group)
}

func withRouteTable(s Resource, table Resource) Resource {
	s.Props = s.Props.Set("routeTable", pv(obj{"id": unknown}))
	return dependsOn(s, "routeTable", table)
}

func routeTable(name string, routes ...obj) Resource {
	list := make([]any, 0, len(routes))
	for _, r := range routes {
		list = append(list, r)
	}
	return res("network:RouteTable", name, obj{"routeTableName": name, "resourceGroupName": "rg-ml", "routes": list})
}

func route(name, prefix, hop string) obj {
	return obj{"name": name, "addressPrefix": prefix, "nextHopType": hop}
}

// endpoint builds a private endpoint in subnet s (tied by dependency) to target with group.
func endpoint(name string, s Resource, target any, group string) Resource {
	pe := res("network:PrivateEndpoint", name, obj{
		"privateEndpointName": name, "resourceGroupName": "rg-ml", "subnet": obj{"id": unknown},
		"privateLinkServiceConnections": []any{obj{
			"name": name, "privateLinkServiceId": target, "groupIds": []string{group},
		}},
	})
	return dependsOn(pe, "subnet", s)
}

// bastionRuleSet is Microsoft's rule set for AzureBastionSubnet, as SecureMLNetwork writes it.
func bastionRuleSet() []obj {
	return []obj{
		rule("AllowHttpsInbound", "Allow", "Inbound", "Tcp", "Internet", "*", "443"),
		rule("AllowGatewayManagerInbound", "Allow", "Inbound", "Tcp", "GatewayManager", "*", "443"),
		rule("AllowAzureLoadBalancerInbound", "Allow", "Inbound", "Tcp", "AzureLoadBalancer", "*", "443"),
		rule("AllowBastionHostCommunication", "Allow", "Inbound", "*", "VirtualNetwork", "VirtualNetwork", "8080", "5701"),
		rule("AllowSshRdpOutbound", "Allow", "Outbound", "*", "*", "VirtualNetwork", "22", "3389"),
		rule("AllowAzureCloudOutbound", "Allow", "Outbound", "Tcp", "*", "AzureCloud", "443"),
		rule("AllowBastionCommunication", "Allow", "Outbound", "*", "VirtualNetwork", "VirtualNetwork", "8080", "5701"),
		rule("AllowHttpOutbound", "Allow", "Outbound", "*", "*", "Internet", "80"),
	}
}
