package policy

import "fmt"

// Azure ML workspace checks, when the stack creates the workspace (SecureMLNetwork takes an existing
// one by ID; its private endpoint is checked in services.go).

// checkWorkspacePublicNetwork: the Azure ML workspace disables public network access (Azure Policy
// 438c38d2 flags anything but Disabled, including not set).
func checkWorkspacePublicNetwork(r Resource, _ Settings) []string {
	if r.Kind() != kindWorkspace {
		return nil
	}
	if stringIsOrUnknown(r.Props.Get("publicNetworkAccess"), "Disabled") {
		return nil
	}
	return []string{fmt.Sprintf("Azure ML workspace %s does not disable public network access; set "+
		"publicNetworkAccess to Disabled and reach it through its private endpoint", r.describe())}
}

// checkWorkspaceHighBusinessImpact: the workspace is flagged high business impact (hbiWorkspace true,
// Checkov CKV2_AZURE_50), which limits the diagnostic data Microsoft collects from it and turns on more
// encryption in the compute Azure ML manages for it. Not set means false.
func checkWorkspaceHighBusinessImpact(r Resource, _ Settings) []string {
	if r.Kind() != kindWorkspace {
		return nil
	}
	v := r.Props.Get("hbiWorkspace")
	if boolIsOrUnknown(v, true) {
		return nil
	}
	return []string{fmt.Sprintf("Azure ML workspace %s is not flagged high business impact (hbiWorkspace is %s); "+
		"set hbiWorkspace to true", r.describe(), shown(v))}
}

// checkWorkspaceApprovedOutbound: a workspace that uses Azure ML's managed network allows only approved
// outbound traffic (managedNetwork.isolationMode AllowOnlyApprovedOutbound, Azure Policy 6ddb1705
// assigned with that mode). A workspace without a managed network, or with isolationMode Disabled,
// runs its compute in the customer's network (SecureMLNetwork), whose egress the network checks cover,
// and passes; the Azure Policy definition flags it.
func checkWorkspaceApprovedOutbound(r Resource, _ Settings) []string {
	if r.Kind() != kindWorkspace {
		return nil
	}
	mode := at(r.Props, "managedNetwork", "isolationMode")
	s, ok := knownString(mode)
	if !ok || equalFold(s, "Disabled") || equalFold(s, "AllowOnlyApprovedOutbound") {
		return nil // no managed network, unknown, or approved outbound only
	}
	return []string{fmt.Sprintf("Azure ML workspace %s: its managed network's isolationMode is %s, which lets "+
		"its compute reach the Internet; set managedNetwork.isolationMode to AllowOnlyApprovedOutbound (and add "+
		"outbound rules for what it needs)", r.describe(), s)}
}

// checkWorkspaceIdentity: the workspace has a managed identity (identity.type SystemAssigned,
// UserAssigned or both), which it uses to reach its storage account, Key Vault and container registry
// through their private endpoints. Not set or None fails.
func checkWorkspaceIdentity(r Resource, _ Settings) []string {
	if r.Kind() != kindWorkspace {
		return nil
	}
	v := at(r.Props, "identity", "type")
	if v.IsComputed() {
		return nil
	}
	if t, ok := knownString(v); ok && t != "" && !equalFold(t, "None") {
		return nil
	}
	return []string{fmt.Sprintf("Azure ML workspace %s has no managed identity (identity.type is %s); set "+
		"identity.type to SystemAssigned (or UserAssigned with userAssignedIdentities) so it can reach its "+
		"storage account, Key Vault and container registry", r.describe(), shown(v))}
}
