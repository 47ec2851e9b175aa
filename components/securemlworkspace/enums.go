package securemlworkspace

import "github.com/pulumi/pulumi-go-provider/infer"

// IsolationMode is the workspace's managed network mode (azure-native IsolationMode).
type IsolationMode string

// The managed network modes, in the only order Azure lets a workspace move through them.
const (
	IsolationDisabled                  IsolationMode = "Disabled"
	IsolationAllowInternetOutbound     IsolationMode = "AllowInternetOutbound"
	IsolationAllowOnlyApprovedOutbound IsolationMode = "AllowOnlyApprovedOutbound"
)

// Values lists the managed network modes for the schema.
func (IsolationMode) Values() []infer.EnumValue[IsolationMode] {
	return []infer.EnumValue[IsolationMode]{
		{Name: "Disabled", Value: IsolationDisabled, Description: "No managed network: compute runs in the " +
			"customer network (the network's training subnet), under its security rules and egress."},
		{Name: "AllowInternetOutbound", Value: IsolationAllowInternetOutbound, Description: "Compute runs in a " +
			"network Azure ML manages, which may reach the Internet. Cannot be changed back to Disabled."},
		{Name: "AllowOnlyApprovedOutbound", Value: IsolationAllowOnlyApprovedOutbound, Description: "Compute runs " +
			"in a network Azure ML manages, which reaches only the required services and the outbound rules. " +
			"Cannot be changed back to either other mode."},
	}
}

// OutboundRuleType is the kind of a managed network outbound rule.
type OutboundRuleType string

// The outbound rule kinds.
const (
	OutboundRuleFQDN            OutboundRuleType = "FQDN"
	OutboundRulePrivateEndpoint OutboundRuleType = "PrivateEndpoint"
	OutboundRuleServiceTag      OutboundRuleType = "ServiceTag"
)

// Values lists the outbound rule kinds for the schema.
func (OutboundRuleType) Values() []infer.EnumValue[OutboundRuleType] {
	return []infer.EnumValue[OutboundRuleType]{
		{Name: "FQDN", Value: OutboundRuleFQDN, Description: "A host name, on ports 80 and 443. Azure ML then " +
			"deploys a billed Azure Firewall in the managed network."},
		{Name: "PrivateEndpoint", Value: OutboundRulePrivateEndpoint, Description: "A private endpoint from the " +
			"managed network to an Azure resource."},
		{Name: "ServiceTag", Value: OutboundRuleServiceTag, Description: "An Azure service tag, protocol and ports."},
	}
}

// ManagedFirewallSku is the tier of the firewall Azure ML deploys for FQDN rules.
type ManagedFirewallSku string

// The firewall tiers.
const (
	ManagedFirewallStandard ManagedFirewallSku = "Standard"
	ManagedFirewallBasic    ManagedFirewallSku = "Basic"
)

// Values lists the firewall tiers for the schema.
func (ManagedFirewallSku) Values() []infer.EnumValue[ManagedFirewallSku] {
	return []infer.EnumValue[ManagedFirewallSku]{
		{Name: "Standard", Value: ManagedFirewallStandard, Description: "Azure Firewall Standard (Azure ML's default)."},
		{Name: "Basic", Value: ManagedFirewallBasic, Description: "Azure Firewall Basic: cheaper, lower throughput."},
	}
}

// StorageSku is the redundancy of the storage account. Azure ML's default storage must be a standard
// general-purpose v2 account.
type StorageSku string

// The storage redundancy options.
const (
	StorageStandardLRS    StorageSku = "Standard_LRS"
	StorageStandardZRS    StorageSku = "Standard_ZRS"
	StorageStandardGRS    StorageSku = "Standard_GRS"
	StorageStandardRAGRS  StorageSku = "Standard_RAGRS"
	StorageStandardGZRS   StorageSku = "Standard_GZRS"
	StorageStandardRAGZRS StorageSku = "Standard_RAGZRS"
)

// Values lists the storage redundancy options for the schema.
func (StorageSku) Values() []infer.EnumValue[StorageSku] {
	return []infer.EnumValue[StorageSku]{
		{Name: "Standard_LRS", Value: StorageStandardLRS, Description: "Three copies in one datacenter."},
		{Name: "Standard_ZRS", Value: StorageStandardZRS, Description: "Copies across the region's availability zones."},
		{Name: "Standard_GRS", Value: StorageStandardGRS, Description: "LRS plus a copy in the paired region."},
		{Name: "Standard_RAGRS", Value: StorageStandardRAGRS, Description: "GRS with read access to the paired region."},
		{Name: "Standard_GZRS", Value: StorageStandardGZRS, Description: "ZRS plus a copy in the paired region."},
		{Name: "Standard_RAGZRS", Value: StorageStandardRAGZRS, Description: "GZRS with read access to the paired region."},
	}
}
