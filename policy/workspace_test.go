package policy

var workspaceCases = map[string][]resourceCase{
	"ml-workspace-no-public-network": {
		{name: "Disabled", resource: mlWorkspace(obj{"publicNetworkAccess": "Disabled"})},
		{name: "not set", resource: mlWorkspace(obj{}),
			want: []string{"Azure ML workspace mlw does not disable public network access"}},
	},
	"ml-workspace-managed-identity": {
		{name: "system-assigned", resource: mlWorkspace(obj{"identity": obj{"type": "SystemAssigned"}})},
		{name: "user-assigned", resource: mlWorkspace(obj{"identity": obj{"type": "UserAssigned",
			"userAssignedIdentities": []string{rgID + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-ml"}}})},
		{name: "unknown type", resource: mlWorkspace(obj{"identity": obj{"type": unknown}})},
		{name: "unknown identity", resource: mlWorkspace(obj{"identity": unknown})},
		{name: "not set", resource: mlWorkspace(obj{"publicNetworkAccess": "Disabled"}),
			want: []string{"Azure ML workspace mlw has no managed identity (identity.type is not set); set identity.type " +
				"to SystemAssigned"}},
		{name: "None, other case", resource: mlWorkspace(obj{"identity": obj{"type": "none"}}),
			want: []string{"identity.type is none"}},
	},
	"ml-workspace-approved-outbound-only": {
		{name: "no managed network (the customer's network)", resource: mlWorkspace(obj{"publicNetworkAccess": "Disabled"})},
		{name: "managed network Disabled", resource: mlWorkspace(obj{"managedNetwork": obj{"isolationMode": "Disabled"}})},
		{name: "approved outbound only", resource: mlWorkspace(obj{"managedNetwork": obj{"isolationMode": "AllowOnlyApprovedOutbound"}})},
		{name: "unknown", resource: mlWorkspace(obj{"managedNetwork": obj{"isolationMode": unknown}})},
		{name: "unknown managed network", resource: mlWorkspace(obj{"managedNetwork": unknown})},
		{name: "Internet outbound", resource: mlWorkspace(obj{"managedNetwork": obj{"isolationMode": "AllowInternetOutbound"}}),
			want: []string{"Azure ML workspace mlw: its managed network's isolationMode is AllowInternetOutbound, which " +
				"lets its compute reach the Internet; set managedNetwork.isolationMode to AllowOnlyApprovedOutbound"}},
	},
	"ml-workspace-high-business-impact": {
		{name: "true", resource: mlWorkspace(obj{"hbiWorkspace": true})},
		{name: "unknown", resource: mlWorkspace(obj{"hbiWorkspace": unknown})},
		{name: "not set", resource: mlWorkspace(obj{"publicNetworkAccess": "Disabled"}),
			want: []string{"Azure ML workspace mlw is not flagged high business impact (hbiWorkspace is not set); set " +
				"hbiWorkspace to true"}},
		{name: "false", resource: mlWorkspace(obj{"hbiWorkspace": false}),
			want: []string{"hbiWorkspace is false"}},
	},
}
