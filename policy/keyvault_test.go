package policy

var keyVaultCases = map[string][]resourceCase{
	"key-vault-deny-public-network": {
		{name: "default action Deny", resource: keyVault(obj{"networkAcls": obj{"defaultAction": "Deny"}})},
		{name: "public access unknown", resource: keyVault(obj{"publicNetworkAccess": unknown})},
		{name: "open", resource: keyVault(obj{"tenantId": "t"}),
			want: []string{"Key Vault kv accepts traffic from every network"}},
	},
	"key-vault-public-network-disabled": {
		{name: "Disabled", resource: keyVault(obj{"publicNetworkAccess": "Disabled"})},
		{name: "disabled, as azure-native's SDKs spell it", resource: keyVault(obj{"publicNetworkAccess": "disabled"})},
		{name: "unknown", resource: keyVault(obj{"publicNetworkAccess": unknown})},
		{name: "recovering a deleted vault", resource: keyVault(obj{"createMode": "recover"})},
		{name: "not set", resource: keyVault(obj{"networkAcls": obj{"defaultAction": "Deny"}}),
			want: []string{"Key Vault kv: properties.publicNetworkAccess is not set; set it to Disabled"}},
		{name: "enabled", resource: keyVault(obj{"publicNetworkAccess": "enabled", "createMode": "default"}),
			want: []string{"properties.publicNetworkAccess is enabled"}},
	},
	"key-vault-soft-delete": {
		{name: "not set (Azure turns it on)", resource: keyVault(obj{"tenantId": "t"})},
		{name: "true", resource: keyVault(obj{"enableSoftDelete": true})},
		{name: "unknown", resource: keyVault(obj{"enableSoftDelete": unknown})},
		{name: "recovering a deleted vault", resource: keyVault(obj{"createMode": "recover", "enableSoftDelete": false})},
		{name: "false", resource: keyVault(obj{"enableSoftDelete": false}),
			want: []string{"Key Vault kv turns soft delete off (properties.enableSoftDelete false)"}},
	},
	"key-vault-purge-protection": {
		{name: "on", resource: keyVault(obj{"enablePurgeProtection": true})},
		{name: "unknown", resource: keyVault(obj{"enablePurgeProtection": unknown})},
		{name: "off", resource: keyVault(obj{"enableSoftDelete": true}),
			want: []string{"does not enable purge protection"}},
	},
	"key-vault-rbac-authorization": {
		{name: "true", resource: keyVault(obj{"enableRbacAuthorization": true})},
		{name: "unknown", resource: keyVault(obj{"enableRbacAuthorization": unknown})},
		{name: "create mode unknown", resource: keyVault(obj{"createMode": unknown})},
		{name: "recovering a deleted vault", resource: keyVault(obj{"createMode": "Recover"})},
		{name: "not set (access policies)", resource: keyVault(obj{"tenantId": "t"}),
			want: []string{"Key Vault kv authorizes data access with access policies (properties.enableRbacAuthorization " +
				"is not set); set it to true"}},
		{name: "false", resource: keyVault(obj{"enableRbacAuthorization": false, "accessPolicies": []any{}}),
			want: []string{"enableRbacAuthorization is false"}},
	},
}
