package policy

import (
	"fmt"
	"strings"
)

// Storage account checks, when the stack creates the account (SecureMLNetwork takes an existing one
// by ID; its private endpoint is checked in services.go). Each mirrors the built-in Azure Policy
// definition named in checks.go on azure-native's StorageAccount inputs.

// checkStorageNetwork: a storage account denies public network access by default (Azure Policy
// 34c877ad: networkAcls.defaultAction Deny; publicNetworkAccess Disabled is stricter and passes too).
func checkStorageNetwork(r Resource, _ Settings) []string {
	if r.Kind() != kindStorageAccount {
		return nil
	}
	if closed, known := publicAccessClosed(r.Props, []string{"publicNetworkAccess"}, []string{"networkRuleSet", "defaultAction"}); closed || !known {
		return nil
	}
	return []string{fmt.Sprintf("storage account %s accepts traffic from every network; set networkRuleSet."+
		"defaultAction to Deny (or publicNetworkAccess to Disabled) and reach it through its private endpoints",
		r.describe())}
}

// checkStoragePublicNetworkDisabled: public network access is Disabled (Azure Policy b2982f36 flags
// anything else, including not set), so only private endpoints reach the account, whatever its
// firewall rules say.
func checkStoragePublicNetworkDisabled(r Resource, _ Settings) []string {
	if r.Kind() != kindStorageAccount {
		return nil
	}
	v := r.Props.Get("publicNetworkAccess")
	if stringIsOrUnknown(v, "Disabled") {
		return nil
	}
	return []string{fmt.Sprintf("storage account %s: publicNetworkAccess is %s; set it to Disabled so only its "+
		"private endpoints reach it", r.describe(), shown(v))}
}

// checkStorageBlobPublicAccess: anonymous blob access is off (Azure Policy 4fa4b6c0 flags anything but
// false).
func checkStorageBlobPublicAccess(r Resource, _ Settings) []string {
	if r.Kind() != kindStorageAccount {
		return nil
	}
	if boolIsOrUnknown(r.Props.Get("allowBlobPublicAccess"), false) {
		return nil
	}
	return []string{fmt.Sprintf("storage account %s does not set allowBlobPublicAccess to false; set it so no "+
		"container can be read anonymously", r.describe())}
}

// checkStorageSharedKey: Shared Key authorization is off, so every request (shared access signatures
// included) is authorized with Microsoft Entra ID. Azure Policy 8c6a50c6 flags the property not set
// or true: not set is Azure's default, which allows Shared Key.
func checkStorageSharedKey(r Resource, _ Settings) []string {
	if r.Kind() != kindStorageAccount {
		return nil
	}
	v := r.Props.Get("allowSharedKeyAccess")
	if boolIsOrUnknown(v, false) {
		return nil
	}
	return []string{fmt.Sprintf("storage account %s allows Shared Key access (allowSharedKeyAccess is %s); set "+
		"allowSharedKeyAccess to false so every request is authorized with Microsoft Entra ID", r.describe(), shown(v))}
}

// checkStorageTrustedServices: when the account's network rules set a bypass, it includes
// AzureServices, so trusted Microsoft services reach the account through its firewall. Like Azure
// Policy c9d007d0 (and unlike Checkov CKV_AZURE_36, which reads the bypass only when the default
// action is Deny), any bypass without AzureServices fails; no bypass passes, since Azure's default is
// AzureServices. The match is case-insensitive on the comma-separated value, as the definition's
// notContains is.
//
// Advisory: the definition's default effect is Audit, and a bypass without AzureServices closes the
// account further rather than opening it; what it risks is Azure services that cannot reach it.
func checkStorageTrustedServices(r Resource, _ Settings) []string {
	if r.Kind() != kindStorageAccount {
		return nil
	}
	v := at(r.Props, "networkRuleSet", "bypass")
	bypass, ok := knownString(v)
	if !ok || strings.Contains(strings.ToLower(bypass), "azureservices") {
		return nil // not set (Azure's default is AzureServices), unknown, or allowed
	}
	return []string{fmt.Sprintf("storage account %s: networkRuleSet.bypass is %q, which leaves out trusted "+
		"Microsoft services; include AzureServices (for example \"AzureServices\" or \"Logging, Metrics, "+
		"AzureServices\")", r.describe(), bypass)}
}

// checkStorageCrossTenantReplication: object replication to accounts of other Microsoft Entra tenants
// is off (Azure Policy 92a89a79 flags anything but false, including not set).
func checkStorageCrossTenantReplication(r Resource, _ Settings) []string {
	if r.Kind() != kindStorageAccount {
		return nil
	}
	v := r.Props.Get("allowCrossTenantReplication")
	if boolIsOrUnknown(v, false) {
		return nil
	}
	return []string{fmt.Sprintf("storage account %s: allowCrossTenantReplication is %s; set it to false so "+
		"objects are replicated only to accounts of the same tenant", r.describe(), shown(v))}
}

// checkStorageHTTPS: secure transfer is not turned off.
func checkStorageHTTPS(r Resource, _ Settings) []string {
	if r.Kind() != kindStorageAccount {
		return nil
	}
	if on, ok := knownBool(r.Props.Get("enableHttpsTrafficOnly")); ok && !on {
		return []string{fmt.Sprintf("storage account %s accepts plain HTTP (enableHttpsTrafficOnly false); "+
			"set it to true", r.describe())}
	}
	return nil
}

// checkStorageTLS: the minimum TLS version is 1.2.
func checkStorageTLS(r Resource, _ Settings) []string {
	if r.Kind() != kindStorageAccount {
		return nil
	}
	v := r.Props.Get("minimumTlsVersion")
	if v.IsComputed() {
		return nil
	}
	if tls, ok := knownString(v); ok && (equalFold(tls, "TLS1_2") || equalFold(tls, "TLS1_3")) {
		return nil
	}
	tls := stringOr(v)
	if tls == "" {
		tls = "not set"
	}
	return []string{fmt.Sprintf("storage account %s: minimumTlsVersion is %s; set TLS1_2", r.describe(), tls)}
}
