package policy

import "fmt"

// Key Vault checks, when the stack creates the vault (SecureMLNetwork takes an existing one by ID;
// its private endpoint is checked in services.go). The vault's settings are under `properties`.

// vaultRecovering reports whether the vault is created in recover mode (properties.createMode
// recover): it then takes back the deleted vault's settings, so the Azure Policy definitions that say
// so (1e66c121, 405c5871, 12d4fa5e) skip it, and so do the checks mirroring them.
func vaultRecovering(r Resource) bool {
	mode := at(r.Props, "properties", "createMode")
	if mode.IsComputed() {
		return true // cannot tell
	}
	s, ok := knownString(mode)
	return ok && equalFold(s, "recover")
}

// checkKeyVaultNetwork: a Key Vault's firewall denies by default or public access is off (Azure
// Policy 55615ac9).
func checkKeyVaultNetwork(r Resource, _ Settings) []string {
	if r.Kind() != kindKeyVault {
		return nil
	}
	if closed, known := publicAccessClosed(r.Props, []string{"properties", "publicNetworkAccess"},
		[]string{"properties", "networkAcls", "defaultAction"}); closed || !known {
		return nil
	}
	return []string{fmt.Sprintf("Key Vault %s accepts traffic from every network; set properties.networkAcls."+
		"defaultAction to Deny (or properties.publicNetworkAccess to Disabled)", r.describe())}
}

// checkKeyVaultPublicNetworkDisabled: public network access is Disabled (Azure Policy 405c5871 flags
// anything else, including not set, which Azure takes as enabled), so only private endpoints and
// trusted services reach the vault, whatever its firewall rules say.
func checkKeyVaultPublicNetworkDisabled(r Resource, _ Settings) []string {
	if r.Kind() != kindKeyVault || vaultRecovering(r) {
		return nil
	}
	v := at(r.Props, "properties", "publicNetworkAccess")
	if stringIsOrUnknown(v, "Disabled") {
		return nil
	}
	return []string{fmt.Sprintf("Key Vault %s: properties.publicNetworkAccess is %s; set it to Disabled so only "+
		"its private endpoint (and trusted Microsoft services) reach it", r.describe(), shown(v))}
}

// checkKeyVaultSoftDelete: soft delete is not turned off (Azure Policy 1e66c121 flags false on the API
// versions azure-native uses; not set means on, and Azure does not let it be turned off again).
func checkKeyVaultSoftDelete(r Resource, _ Settings) []string {
	if r.Kind() != kindKeyVault || vaultRecovering(r) {
		return nil
	}
	if on, ok := knownBool(at(r.Props, "properties", "enableSoftDelete")); ok && !on {
		return []string{fmt.Sprintf("Key Vault %s turns soft delete off (properties.enableSoftDelete false), so a "+
			"deleted vault's keys and secrets are lost at once; set it to true or leave it out", r.describe())}
	}
	return nil
}

// checkKeyVaultPurgeProtection: purge protection is on (Azure Policy 0b60c0b2), so a deleted vault's
// keys cannot be destroyed before the retention period ends.
func checkKeyVaultPurgeProtection(r Resource, _ Settings) []string {
	if r.Kind() != kindKeyVault {
		return nil
	}
	if boolIsOrUnknown(at(r.Props, "properties", "enablePurgeProtection"), true) {
		return nil
	}
	return []string{fmt.Sprintf("Key Vault %s does not enable purge protection; set properties."+
		"enablePurgeProtection to true", r.describe())}
}

// checkKeyVaultRBAC: the vault authorizes data access with Azure RBAC, not access policies (Azure
// Policy 12d4fa5e flags the property not set or false; not set means access policies).
func checkKeyVaultRBAC(r Resource, _ Settings) []string {
	if r.Kind() != kindKeyVault || vaultRecovering(r) {
		return nil
	}
	v := at(r.Props, "properties", "enableRbacAuthorization")
	if boolIsOrUnknown(v, true) {
		return nil
	}
	return []string{fmt.Sprintf("Key Vault %s authorizes data access with access policies (properties."+
		"enableRbacAuthorization is %s); set it to true and grant access with Azure role assignments",
		r.describe(), shown(v))}
}
