package securemlnetwork

import (
	"fmt"
	"regexp"
	"strings"
)

// Child names. Both the Pulumi names (which make up the URNs) and the Azure names are part of the
// public contract: changing either replaces the cloud resource. The golden test pins them.

// componentName must fit inside Azure names (1-80 characters of letters, digits, '_', '.', '-',
// starting with a letter or digit and ending with a letter, digit or '_') with our prefixes added.
var componentName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9_.-]{0,48}[A-Za-z0-9_])?$`)

func checkComponentName(name string) error {
	if !componentName.MatchString(name) {
		return fmt.Errorf("resource name %q cannot be used in Azure resource names: use 1-50 letters, digits, "+
			"'_', '.' or '-', starting with a letter or digit and ending with a letter, digit or '_'", name)
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

func (n childNames) zoneGroup(key string) string { return n.child(key, "dns") }
