package securemlnetwork

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
)

// Child names. Both the Pulumi names (which make up the URNs) and the Azure names are part of the
// public contract: changing either replaces the cloud resource. The golden test pins them.

// componentName must be usable in Azure names (letters, digits, '_', '.', '-', starting with a letter
// or digit and ending with a letter, digit or '_'); checkChildNames then checks every child's Azure
// name against its type's length limit.
var componentName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9_.-]{0,48}[A-Za-z0-9_])?$`)

func checkComponentName(name string) error {
	if !componentName.MatchString(name) {
		return fmt.Errorf("resource name %q cannot be used in Azure resource names: use 1-50 letters, digits, "+
			"'_', '.' or '-', starting with a letter or digit and ending with a letter, digit or '_'", name)
	}
	return nil
}

// Length limits of the Azure names that carry the component's name (resource-name-rules.md,
// Microsoft.Network): virtual networks and private endpoints 2-64 characters, network security
// groups, route tables and network interfaces 1-80.
const (
	maxVirtualNetworkName  = 64
	maxPrivateEndpointName = 64
	maxNetworkName         = 80
)

// limitedName is a child's Azure name with its type and length limit.
type limitedName struct {
	kind  string
	name  string
	limit int
}

// azureNames lists the Azure names of the children the plan creates that carry the component's name.
func (n childNames) azureNames(plan networkPlan) []limitedName {
	_, vnet := n.virtualNetwork()
	out := []limitedName{{"virtual network", vnet, maxVirtualNetworkName}}
	for _, s := range plan.subnets {
		if s.spec().rules != nil {
			_, nsg := n.securityGroup(s.role)
			out = append(out, limitedName{"network security group", nsg, maxNetworkName})
		}
		if s.spec().compute && len(computeRoutes(plan)) > 0 {
			_, rt := n.routeTable(s.role)
			out = append(out, limitedName{"route table", rt, maxNetworkName})
		}
	}
	for _, e := range plan.endpoints {
		_, pe := n.endpoint(e.key)
		out = append(out, limitedName{"private endpoint", pe, maxPrivateEndpointName},
			limitedName{"network interface", n.endpointNIC(e.key), maxNetworkName})
	}
	return append(out, n.hybridAzureNames(plan)...)
}

// checkChildNames fails when the component's name makes a child's Azure name longer than its type
// allows, and says how long the name may be.
func checkChildNames(names childNames, plan networkPlan) error {
	for _, c := range names.azureNames(plan) {
		if len(c.name) > c.limit {
			fits := len(names.component) - (len(c.name) - c.limit)
			return fmt.Errorf("resource name %q makes the %s name %q %d characters long, but Azure allows at most %d; "+
				"use a resource name of at most %d characters", names.component, c.kind, c.name, len(c.name), c.limit, fits)
		}
	}
	return nil
}

// kebab turns a role or output key (privateEndpoints, storageBlob) into an Azure name part.
func kebab(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('-')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

type childNames struct{ component string }

func (n childNames) child(thing, kind string) string { return n.component + "-" + thing + "-" + kind }

func (n childNames) virtualNetwork() (pulumiName, azureName string) {
	return n.component + "-vnet", "vnet-" + n.component
}

func (n childNames) subnet(role subnetRole) (pulumiName, azureName string) {
	if name := subnetSpecs[role].azureName; name != "" {
		return n.child(string(role), "subnet"), name
	}
	return n.child(string(role), "subnet"), "snet-" + kebab(string(role))
}

func (n childNames) securityGroup(role subnetRole) (pulumiName, azureName string) {
	return n.child(string(role), "nsg"), "nsg-" + n.component + "-" + kebab(string(role))
}

func (n childNames) routeTable(role subnetRole) (pulumiName, azureName string) {
	return n.child(string(role), "routes"), "rt-" + n.component + "-" + kebab(string(role))
}

func (n childNames) zone(zoneName string) string { return n.child(zoneName, "zone") }

func (n childNames) zoneLink(zoneName string) string { return n.child(zoneName, "link") }

func (n childNames) endpoint(key string) (pulumiName, azureName string) {
	return n.child(key, "pe"), "pe-" + n.component + "-" + kebab(key)
}

// endpointNIC is the Azure name of an endpoint's network interface (customNetworkInterfaceName).
func (n childNames) endpointNIC(key string) string {
	_, azureName := n.endpoint(key)
	return azureName + "-nic"
}

func (n childNames) zoneGroup(key string) string { return n.child(key, "dns") }

// subscriptionProvider names the azure-native provider for resources in another subscription.
func (n childNames) subscriptionProvider(subscription string) string {
	return n.component + "-subscription-" + strings.ToLower(subscription)
}

// Virtual network link names: 1-80 characters of letters, digits, '_', '.' and '-', starting with a
// letter or digit and ending with a letter, digit or '_' (resource-name-rules.md).
const maxLinkNameLength = 80

var notLinkNameChar = regexp.MustCompile(`[^A-Za-z0-9_.-]`)

// linkName names this network's link in a zone after the network's resource group and name, so the
// links of many spoke networks to one central zone do not collide. Characters a resource group name
// may have but a link name may not (parentheses, non-ASCII letters) become '-'. A name cut to fit
// ends with a hash of the whole, so two long names that share their beginning still differ.
func linkName(group, vnetName string) string {
	full := group + "-" + vnetName
	name := notLinkNameChar.ReplaceAllString(full, "-")
	name = strings.TrimLeft(name, "_.-")
	if len(name) > maxLinkNameLength {
		sum := sha256.Sum256([]byte(full))
		name = strings.TrimRight(name[:maxLinkNameLength-9], ".-") + "-" + hex.EncodeToString(sum[:4])
	}
	return strings.TrimRight(name, "-.")
}
