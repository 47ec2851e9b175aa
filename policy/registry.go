package policy

import "fmt"

// Container registry checks, when the stack creates the registry (SecureMLNetwork takes an existing
// one by ID; its private endpoint is checked in services.go).

// checkRegistryNetwork: a container registry does not allow unrestricted network access (Azure Policy
// d0793b48: publicNetworkAccess Enabled and networkRuleSet.defaultAction Allow).
func checkRegistryNetwork(r Resource, _ Settings) []string {
	if r.Kind() != kindRegistry {
		return nil
	}
	if closed, known := publicAccessClosed(r.Props, []string{"publicNetworkAccess"}, []string{"networkRuleSet", "defaultAction"}); closed || !known {
		return nil
	}
	return []string{fmt.Sprintf("container registry %s accepts traffic from every network; set "+
		"publicNetworkAccess to Disabled (or networkRuleSet.defaultAction to Deny)", r.describe())}
}

// checkRegistryPublicNetworkDisabled: public network access is Disabled (Azure Policy 0fdf0491 and
// Checkov CKV_AZURE_139 flag anything else; not set means Enabled), so only private endpoints reach the
// registry.
func checkRegistryPublicNetworkDisabled(r Resource, _ Settings) []string {
	if r.Kind() != kindRegistry {
		return nil
	}
	v := r.Props.Get("publicNetworkAccess")
	if stringIsOrUnknown(v, "Disabled") {
		return nil
	}
	return []string{fmt.Sprintf("container registry %s: publicNetworkAccess is %s; set it to Disabled so only its "+
		"private endpoint reaches it", r.describe(), shown(v))}
}

// checkRegistryPremium: the registry is Premium, the only tier with private endpoints.
func checkRegistryPremium(r Resource, _ Settings) []string {
	if r.Kind() != kindRegistry {
		return nil
	}
	v := at(r.Props, "sku", "name")
	if sku, ok := knownString(v); ok && !equalFold(sku, "Premium") {
		return []string{fmt.Sprintf("container registry %s is %s; Azure offers private endpoints on Premium only",
			r.describe(), sku)}
	}
	return nil
}

// checkRegistryAdminUser: the registry's admin account is off.
func checkRegistryAdminUser(r Resource, _ Settings) []string {
	if r.Kind() != kindRegistry {
		return nil
	}
	if on, ok := knownBool(r.Props.Get("adminUserEnabled")); ok && on {
		return []string{fmt.Sprintf("container registry %s enables the admin user, a shared password; turn it off "+
			"and use Microsoft Entra identities", r.describe())}
	}
	return nil
}

// checkRegistryAnonymousPull: anonymous (unauthenticated) pull is off (Azure Policy 9f2dea28 flags
// true; not set means off).
func checkRegistryAnonymousPull(r Resource, _ Settings) []string {
	if r.Kind() != kindRegistry {
		return nil
	}
	if on, ok := knownBool(r.Props.Get("anonymousPullEnabled")); ok && on {
		return []string{fmt.Sprintf("container registry %s lets anyone pull its images without signing in "+
			"(anonymousPullEnabled true); set anonymousPullEnabled to false", r.describe())}
	}
	return nil
}
