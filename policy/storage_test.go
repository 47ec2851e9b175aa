package policy

var storageCases = map[string][]resourceCase{
	"storage-deny-public-network": {
		{name: "default action Deny", resource: storageAccount(obj{"networkRuleSet": obj{"defaultAction": "Deny"}})},
		{name: "public access Disabled", resource: storageAccount(obj{"publicNetworkAccess": "Disabled"})},
		{name: "nothing set", resource: storageAccount(obj{"kind": "StorageV2"}),
			want: []string{"storage account st accepts traffic from every network"}},
		{name: "default action Allow", resource: storageAccount(obj{"networkRuleSet": obj{"defaultAction": "Allow"}}),
			want: []string{"accepts traffic from every network"}},
	},
	"storage-public-network-disabled": {
		{name: "Disabled", resource: storageAccount(obj{"publicNetworkAccess": "Disabled"})},
		{name: "disabled, other case", resource: storageAccount(obj{"publicNetworkAccess": "disabled"})},
		{name: "unknown", resource: storageAccount(obj{"publicNetworkAccess": unknown})},
		{name: "not set", resource: storageAccount(obj{"networkRuleSet": obj{"defaultAction": "Deny"}}),
			want: []string{"storage account st: publicNetworkAccess is not set; set it to Disabled"}},
		{name: "Enabled", resource: storageAccount(obj{"publicNetworkAccess": "Enabled"}),
			want: []string{"publicNetworkAccess is Enabled"}},
		{name: "SecuredByPerimeter", resource: storageAccount(obj{"publicNetworkAccess": "SecuredByPerimeter"}),
			want: []string{"publicNetworkAccess is SecuredByPerimeter"}},
	},
	"storage-no-anonymous-blob-access": {
		{name: "false", resource: storageAccount(obj{"allowBlobPublicAccess": false})},
		{name: "unknown", resource: storageAccount(obj{"allowBlobPublicAccess": unknown})},
		{name: "true", resource: storageAccount(obj{"allowBlobPublicAccess": true}),
			want: []string{"does not set allowBlobPublicAccess to false"}},
	},
	"storage-no-shared-key": {
		{name: "false", resource: storageAccount(obj{"allowSharedKeyAccess": false})},
		{name: "unknown", resource: storageAccount(obj{"allowSharedKeyAccess": unknown})},
		{name: "not set (Azure allows Shared Key)", resource: storageAccount(obj{"kind": "StorageV2"}),
			want: []string{"storage account st allows Shared Key access (allowSharedKeyAccess is not set); set " +
				"allowSharedKeyAccess to false"}},
		{name: "true", resource: storageAccount(obj{"allowSharedKeyAccess": true}),
			want: []string{"allowSharedKeyAccess is true"}},
	},
	"storage-trusted-services-bypass": {
		{name: "no network rules (Azure's default bypass)", resource: storageAccount(obj{"kind": "StorageV2"})},
		{name: "no bypass", resource: storageAccount(obj{"networkRuleSet": obj{"defaultAction": "Deny"}})},
		{name: "AzureServices", resource: storageAccount(obj{"networkRuleSet": obj{"defaultAction": "Deny", "bypass": "AzureServices"}})},
		{name: "among others, other case", resource: storageAccount(obj{"networkRuleSet": obj{"defaultAction": "Deny",
			"bypass": "Logging, Metrics, azureservices"}})},
		{name: "unknown", resource: storageAccount(obj{"networkRuleSet": obj{"defaultAction": "Deny", "bypass": unknown}})},
		{name: "unknown rules", resource: storageAccount(obj{"networkRuleSet": unknown})},
		{name: "None", resource: storageAccount(obj{"networkRuleSet": obj{"defaultAction": "Deny", "bypass": "None"}}),
			want: []string{`storage account st: networkRuleSet.bypass is "None", which leaves out trusted Microsoft ` +
				"services; include AzureServices"}},
		{name: "with default action Allow (as Azure Policy, unlike Checkov)", resource: storageAccount(obj{
			"networkRuleSet": obj{"defaultAction": "Allow", "bypass": "Logging, Metrics"}}),
			want: []string{`networkRuleSet.bypass is "Logging, Metrics"`}},
	},
	"storage-no-cross-tenant-replication": {
		{name: "false", resource: storageAccount(obj{"allowCrossTenantReplication": false})},
		{name: "unknown", resource: storageAccount(obj{"allowCrossTenantReplication": unknown})},
		{name: "not set", resource: storageAccount(obj{"kind": "StorageV2"}),
			want: []string{"storage account st: allowCrossTenantReplication is not set; set it to false"}},
		{name: "true", resource: storageAccount(obj{"allowCrossTenantReplication": true}),
			want: []string{"allowCrossTenantReplication is true"}},
	},
	"storage-https-only": {
		{name: "not set (Azure's default is on)", resource: storageAccount(obj{})},
		{name: "off", resource: storageAccount(obj{"enableHttpsTrafficOnly": false}),
			want: []string{"accepts plain HTTP"}},
	},
	"storage-min-tls-1-2": {
		{name: "TLS1_2", resource: storageAccount(obj{"minimumTlsVersion": "TLS1_2"})},
		{name: "TLS1_0", resource: storageAccount(obj{"minimumTlsVersion": "TLS1_0"}),
			want: []string{"minimumTlsVersion is TLS1_0"}},
	},
}
