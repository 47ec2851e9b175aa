package azurestandin

import (
	"fmt"
	"regexp"
	"strings"
)

// nameRule is Azure's naming rule for one resource type.
type nameRule struct {
	min, max int
	// dnsName rules (private DNS zones) apply per label instead of the character pattern.
	dnsName bool
}

// networkName is the pattern most Microsoft.Network types share: "Alphanumerics, underscores,
// periods, and hyphens. Start with alphanumeric. End with alphanumeric or underscore."
var networkName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$`)

// dnsLabel is one label of a private DNS zone name: "alphanumerics, underscores, and hyphens".
var dnsLabel = regexp.MustCompile(`^[A-Za-z0-9_-]{1,63}$`)

// nameRules by ARM type. Source: azure-docs azure-resource-manager/management/resource-name-rules.md
// (ms.date 03/14/2025), Microsoft.Network rows. The page has no row for private endpoint DNS zone
// groups, nor for firewall policy rule collection groups (it lists the older firewallPolicies / ruleGroups),
// so their names are not checked.
var nameRules = map[string]nameRule{
	"Microsoft.Network/virtualNetworks":                        {min: 2, max: 64},
	"Microsoft.Network/virtualNetworks/subnets":                {min: 1, max: 80},
	"Microsoft.Network/virtualNetworks/virtualNetworkPeerings": {min: 1, max: 80},
	"Microsoft.Network/networkSecurityGroups":                  {min: 1, max: 80},
	"Microsoft.Network/routeTables":                            {min: 1, max: 80},
	"Microsoft.Network/privateEndpoints":                       {min: 2, max: 64},
	"Microsoft.Network/networkInterfaces":                      {min: 1, max: 80},
	"Microsoft.Network/publicIPAddresses":                      {min: 1, max: 80},
	"Microsoft.Network/natGateways":                            {min: 1, max: 80},
	"Microsoft.Network/virtualNetworkGateways":                 {min: 1, max: 80},
	"Microsoft.Network/localNetworkGateways":                   {min: 1, max: 80},
	"Microsoft.Network/connections":                            {min: 1, max: 80},
	"Microsoft.Network/bastionHosts":                           {min: 1, max: 80},
	"Microsoft.Network/privateDnsZones":                        {min: 1, max: 63, dnsName: true},
	"Microsoft.Network/privateDnsZones/virtualNetworkLinks":    {min: 1, max: 80},
	"Microsoft.Network/publicIPPrefixes":                       {min: 1, max: 80},
	"Microsoft.Network/azureFirewalls":                         {min: 1, max: 80},
	"Microsoft.Network/firewallPolicies":                       {min: 1, max: 80},
	"Microsoft.Network/applicationSecurityGroups":              {min: 1, max: 80},
}

// childNameRules are the rules of names nested in a resource's body (security rules, routes).
var childNameRules = map[string]nameRule{
	"securityRules": {min: 1, max: 80},
	"routes":        {min: 1, max: 80},
}

// checkName refuses a name outside its type's rule, the way Azure answers InvalidResourceName.
func checkName(armType, name string) error {
	rule, ok := nameRules[armType]
	if !ok {
		return nil
	}
	return rule.check(armType, name)
}

func (r nameRule) check(what, name string) error {
	if r.dnsName {
		labels := strings.Split(name, ".")
		if len(labels) < 2 || len(labels) > 34 {
			return errInvalidName(name, what, "A private DNS zone name has 2 to 34 labels separated by periods.")
		}
		for _, l := range labels {
			if !dnsLabel.MatchString(l) {
				return errInvalidName(name, what, "Each label has 1-63 alphanumerics, underscores and hyphens.")
			}
		}
		return nil
	}
	if len(name) < r.min || len(name) > r.max || !networkName.MatchString(name) {
		return errInvalidName(name, what, fmt.Sprintf("The name can be %d to %d characters long. It must begin with "+
			"a letter or digit and end with a letter, digit or '_', and may contain letters, digits, '.', '-' and '_'.",
			r.min, r.max))
	}
	return nil
}
