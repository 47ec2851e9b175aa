package policy

var registryCases = map[string][]resourceCase{
	"container-registry-deny-public-network": {
		{name: "public access Disabled", resource: containerRegistry(obj{"publicNetworkAccess": "Disabled"})},
		{name: "open", resource: containerRegistry(obj{"publicNetworkAccess": "Enabled",
			"networkRuleSet": obj{"defaultAction": "Allow"}}),
			want: []string{"container registry cr accepts traffic from every network"}},
	},
	"container-registry-public-network-disabled": {
		{name: "Disabled", resource: containerRegistry(obj{"publicNetworkAccess": "Disabled"})},
		{name: "unknown", resource: containerRegistry(obj{"publicNetworkAccess": unknown})},
		{name: "not set (Azure's default is Enabled)", resource: containerRegistry(obj{"sku": obj{"name": "Premium"}}),
			want: []string{"container registry cr: publicNetworkAccess is not set; set it to Disabled"}},
		{name: "Enabled with the firewall denying", resource: containerRegistry(obj{"publicNetworkAccess": "Enabled",
			"networkRuleSet": obj{"defaultAction": "Deny"}}),
			want: []string{"publicNetworkAccess is Enabled"}},
	},
	"container-registry-premium": {
		{name: "Premium", resource: containerRegistry(obj{"sku": obj{"name": "Premium"}})},
		{name: "Basic", resource: containerRegistry(obj{"sku": obj{"name": "Basic"}}),
			want: []string{"container registry cr is Basic"}},
	},
	"container-registry-no-admin-user": {
		{name: "off", resource: containerRegistry(obj{"adminUserEnabled": false})},
		{name: "on", resource: containerRegistry(obj{"adminUserEnabled": true}),
			want: []string{"enables the admin user"}},
	},
	"container-registry-no-anonymous-pull": {
		{name: "off", resource: containerRegistry(obj{"anonymousPullEnabled": false})},
		{name: "not set (Azure's default is off)", resource: containerRegistry(obj{"sku": obj{"name": "Premium"}})},
		{name: "unknown", resource: containerRegistry(obj{"anonymousPullEnabled": unknown})},
		{name: "on", resource: containerRegistry(obj{"anonymousPullEnabled": true}),
			want: []string{"container registry cr lets anyone pull its images without signing in (anonymousPullEnabled " +
				"true); set anonymousPullEnabled to false"}},
	},
}
