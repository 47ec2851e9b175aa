package securemlworkspace

import (
	_ "embed"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	net "github.com/secureml/pulumi-secureml/components/securemlnetwork"
)

var (
	//go:embed docs/securemlworkspace.md
	componentDoc string
	//go:embed docs/managed-network.md
	managedNetworkDoc string
	//go:embed docs/names.md
	namesDoc string
	//go:embed docs/protect-data.md
	protectDataDoc string
	//go:embed docs/monitoring.md
	monitoringDoc string
)

// Defaults applied when an input is not set. The schema carries the same values.
const (
	defaultStorageSku           = StorageStandardLRS
	defaultSoftDeleteDays       = 90
	defaultLogRetentionDays     = 30
	defaultImageBuildCompute    = "image-builder"
	defaultIsolationMode        = IsolationDisabled
	defaultFirewallSku          = ManagedFirewallStandard
	defaultRuleCategory         = "UserDefined"
	defaultProtectData          = true
	defaultHighBusinessImpact   = true
	defaultAllowSharedKeyAccess = false
)

// Args are the inputs of SecureMLWorkspace. As in SecureMLNetwork, shape inputs (which decide which
// children exist or are checked at preview: the cloud, names, SKUs, modes, outbound rules) are plain
// values that must be known at preview; value inputs (resource group, location, tags, a private
// endpoint rule's target) may be outputs.
type Args struct {
	ResourceGroupName pulumi.StringInput    `pulumi:"resourceGroupName"`
	Location          pulumi.StringInput    `pulumi:"location"`
	Cloud             *net.Cloud            `pulumi:"cloud,optional"`
	Names             *ResourceNames        `pulumi:"names,optional"`
	StorageAccount    *StorageSettings      `pulumi:"storageAccount,optional"`
	KeyVault          *KeyVaultSettings     `pulumi:"keyVault,optional"`
	Monitoring        *MonitoringSettings   `pulumi:"monitoring,optional"`
	Workspace         *WorkspaceSettings    `pulumi:"workspace,optional"`
	Network           *NetworkSettings      `pulumi:"network,optional"`
	ProtectData       *bool                 `pulumi:"protectData,optional"`
	Tags              pulumi.StringMapInput `pulumi:"tags,optional"`
}

// Annotate documents the inputs for the schema.
func (a *Args) Annotate(an infer.Annotator) {
	an.Describe(&a.ResourceGroupName, "Name of the existing resource group that receives every resource: the "+
		"workspace, its storage account, Key Vault, registry, Log Analytics workspace, Application Insights and the "+
		"network.")
	an.Describe(&a.Location, "Azure region of every resource, for example `eastus`; it must be a region of `cloud`.")
	an.Describe(&a.Cloud, "The Azure cloud: selects private DNS zone names and service host names.")
	an.SetDefault(&a.Cloud, string(net.CloudAzureCloud))
	an.Describe(&a.Names, namesDoc)
	an.Describe(&a.StorageAccount, "The workspace's storage account: general-purpose v2, no anonymous blob access, "+
		"no public network access, network rules Deny with the AzureServices bypass, TLS 1.2, HTTPS only.")
	an.Describe(&a.KeyVault, "The workspace's Key Vault: RBAC authorization, soft delete, purge protection, no "+
		"public network access, network ACLs Deny.")
	an.Describe(&a.Monitoring, monitoringDoc)
	an.Describe(&a.Workspace, "The Azure Machine Learning workspace: public network access disabled, a "+
		"system-assigned identity, and the storage account, Key Vault, registry and Application Insights attached.")
	an.Describe(&a.Network, "The private network, created as a SecureMLNetwork child with the same name: every "+
		"SecureMLNetwork setting except the four services, which this component fills in. Point it at an existing "+
		"network with `existingVirtualNetwork`, and at a hub's zones with `dns.existingZoneIds`.")
	an.Describe(&a.ProtectData, protectDataDoc)
	an.SetDefault(&a.ProtectData, defaultProtectData)
	an.Describe(&a.Tags, "Tags applied to every child resource that takes tags.")
}

// ResourceNames overrides the derived Azure names.
type ResourceNames struct {
	StorageAccount        *string `pulumi:"storageAccount,optional"`
	KeyVault              *string `pulumi:"keyVault,optional"`
	ContainerRegistry     *string `pulumi:"containerRegistry,optional"`
	Workspace             *string `pulumi:"workspace,optional"`
	LogAnalyticsWorkspace *string `pulumi:"logAnalyticsWorkspace,optional"`
	ApplicationInsights   *string `pulumi:"applicationInsights,optional"`
}

// Annotate documents the name overrides; the rules come from the name table.
func (n *ResourceNames) Annotate(an infer.Annotator) {
	an.Describe(&n, "Azure names to use instead of the derived ones. Each is checked at preview against its type's rules.")
	an.Describe(&n.StorageAccount, ruleFor(kindStorage).doc())
	an.Describe(&n.KeyVault, ruleFor(kindKeyVault).doc())
	an.Describe(&n.ContainerRegistry, ruleFor(kindRegistry).doc())
	an.Describe(&n.Workspace, ruleFor(kindWorkspace).doc())
	an.Describe(&n.LogAnalyticsWorkspace, ruleFor(kindLogAnalytics).doc())
	an.Describe(&n.ApplicationInsights, ruleFor(kindAppInsights).doc())
}

// StorageSettings sets the storage account.
type StorageSettings struct {
	Sku                  *StorageSku              `pulumi:"sku,optional"`
	AllowSharedKeyAccess *bool                    `pulumi:"allowSharedKeyAccess,optional"`
	Subresources         []net.StorageSubresource `pulumi:"subresources,optional"`
}

// Annotate documents the storage settings.
func (s *StorageSettings) Annotate(an infer.Annotator) {
	an.Describe(&s, "The storage account.")
	an.Describe(&s.Sku, "Redundancy of the account (standard tiers only: Azure ML's default storage is a "+
		"standard general-purpose v2 account).")
	an.SetDefault(&s.Sku, string(defaultStorageSku))
	an.Describe(&s.AllowSharedKeyAccess, "Whether account keys and SAS tokens signed with them are accepted. Off by "+
		"default: the workspace then reaches its storage with its identity (the workspace's system datastores use "+
		"identity-based access), which Azure Policy 8c6a50c6 requires. Some tools still need keys (older SDK v1 "+
		"code, some data-labeling and designer paths); turning it on accepts that trade-off and fails the policy "+
		"pack's storage-no-shared-key check.")
	an.SetDefault(&s.AllowSharedKeyAccess, defaultAllowSharedKeyAccess)
	an.Describe(&s.Subresources, "Storage sub-resources that get a private endpoint. Azure ML needs `blob` and `file`; "+
		"add `queue` and `table` for batch endpoints and pipelines, `dfs` for Data Lake paths.")
}

// KeyVaultSettings sets the Key Vault.
type KeyVaultSettings struct {
	SoftDeleteRetentionDays *int `pulumi:"softDeleteRetentionDays,optional"`
}

// Annotate documents the Key Vault settings.
func (k *KeyVaultSettings) Annotate(an infer.Annotator) {
	an.Describe(&k, "The Key Vault.")
	an.Describe(&k.SoftDeleteRetentionDays, "Days (7-90) a deleted vault is kept before Azure purges it. With purge "+
		"protection on, nobody can purge it sooner, and its name cannot be used again until then. Azure fixes this "+
		"value when the vault is created.")
	an.SetDefault(&k.SoftDeleteRetentionDays, defaultSoftDeleteDays)
}

// MonitoringSettings sets the Log Analytics workspace and Application Insights.
type MonitoringSettings struct {
	RetentionInDays *int `pulumi:"retentionInDays,optional"`
}

// Annotate documents the monitoring settings.
func (m *MonitoringSettings) Annotate(an infer.Annotator) {
	an.Describe(&m, "The Log Analytics workspace and the workspace-based Application Insights.")
	an.Describe(&m.RetentionInDays, "Days (30-730) the Log Analytics workspace keeps data.")
	an.SetDefault(&m.RetentionInDays, defaultLogRetentionDays)
}

// WorkspaceSettings sets the Azure ML workspace.
type WorkspaceSettings struct {
	FriendlyName       *string                 `pulumi:"friendlyName,optional"`
	Description        *string                 `pulumi:"description,optional"`
	ImageBuildCompute  *string                 `pulumi:"imageBuildCompute,optional"`
	HighBusinessImpact *bool                   `pulumi:"highBusinessImpact,optional"`
	ManagedNetwork     *ManagedNetworkSettings `pulumi:"managedNetwork,optional"`
}

// Annotate documents the workspace settings.
func (w *WorkspaceSettings) Annotate(an infer.Annotator) {
	an.Describe(&w, "The Azure ML workspace.")
	an.Describe(&w.FriendlyName, "Display name in Azure ML studio.")
	an.Describe(&w.Description, "Description shown in Azure ML studio.")
	an.Describe(&w.ImageBuildCompute, "Name of the compute cluster that builds environment images. Azure ML cannot "+
		"build images on its serverless builder when the registry, storage and Key Vault are private, so a cluster "+
		"of this name (2-16 letters, digits and hyphens) must exist in the workspace before the first custom "+
		"environment is built. Create it in the training subnet (`subnetIds.training`).")
	an.SetDefault(&w.ImageBuildCompute, defaultImageBuildCompute)
	an.Describe(&w.HighBusinessImpact, "Marks the workspace as holding high-business-impact data: Azure ML then "+
		"collects less diagnostic data and encrypts local scratch disks (Checkov CKV2_AZURE_50). On by default; choose it when "+
		"the workspace is created.")
	an.SetDefault(&w.HighBusinessImpact, defaultHighBusinessImpact)
	an.Describe(&w.ManagedNetwork, managedNetworkDoc)
}

// ManagedNetworkSettings chooses the workspace's managed network mode and its outbound rules.
type ManagedNetworkSettings struct {
	IsolationMode *IsolationMode          `pulumi:"isolationMode,optional"`
	FirewallSku   *ManagedFirewallSku     `pulumi:"firewallSku,optional"`
	OutboundRules map[string]OutboundRule `pulumi:"outboundRules,optional"`
}

// Annotate documents the managed network.
func (m *ManagedNetworkSettings) Annotate(an infer.Annotator) {
	an.Describe(&m, "The workspace's managed network.")
	an.Describe(&m.IsolationMode, "Where compute runs. Disabled: in the customer network from `network`. The other "+
		"modes are one-way: Disabled can become AllowInternetOutbound or AllowOnlyApprovedOutbound, "+
		"AllowInternetOutbound only AllowOnlyApprovedOutbound, and AllowOnlyApprovedOutbound nothing else; the "+
		"preview refuses any other change.")
	an.SetDefault(&m.IsolationMode, string(defaultIsolationMode))
	an.Describe(&m.FirewallSku, "Tier of the Azure Firewall Azure ML deploys (and bills) when there are FQDN rules.")
	an.Describe(&m.OutboundRules, "Outbound rules by name (AllowOnlyApprovedOutbound for FQDN and ServiceTag rules; "+
		"PrivateEndpoint rules in either managed mode).")
}

// OutboundRule is one managed network outbound rule, discriminated by type.
type OutboundRule struct {
	Type              OutboundRuleType   `pulumi:"type"`
	Fqdn              *string            `pulumi:"fqdn,optional"`
	ServiceResourceID pulumi.StringInput `pulumi:"serviceResourceId,optional"`
	SubresourceTarget *string            `pulumi:"subresourceTarget,optional"`
	SparkEnabled      *bool              `pulumi:"sparkEnabled,optional"`
	ServiceTag        *string            `pulumi:"serviceTag,optional"`
	Protocol          *string            `pulumi:"protocol,optional"`
	PortRanges        *string            `pulumi:"portRanges,optional"`
}

// Annotate documents an outbound rule.
func (r *OutboundRule) Annotate(an infer.Annotator) {
	an.Describe(&r, "One outbound rule of the managed network.")
	an.Describe(&r.Type, "The kind of rule; it decides which other fields apply.")
	an.Describe(&r.Fqdn, "FQDN rules: the host name, for example `pypi.org` or `*.pythonhosted.org`. Not a storage "+
		"host: Azure ML refuses FQDN rules to storage in this mode; use a PrivateEndpoint rule.")
	an.Describe(&r.ServiceResourceID, "PrivateEndpoint rules: the Azure resource ID of the target.")
	an.Describe(&r.SubresourceTarget, "PrivateEndpoint rules: the target's sub-resource (group ID), for example `blob`.")
	an.Describe(&r.SparkEnabled, "PrivateEndpoint rules: whether serverless Spark may use the endpoint.")
	an.Describe(&r.ServiceTag, "ServiceTag rules: the service tag, for example `AzureOpenDatasets`.")
	an.Describe(&r.Protocol, "ServiceTag rules: TCP, UDP, ICMP or `*`.")
	an.Describe(&r.PortRanges, "ServiceTag rules: ports, for example `443` or `80,443` or `8000-8080`.")
}

// NetworkSettings are SecureMLNetwork's settings without the four services, which the workspace fills in.
type NetworkSettings struct {
	AddressSpace      pulumi.StringInput           `pulumi:"addressSpace,optional"`
	Subnets           *net.SubnetLayout            `pulumi:"subnets,optional"`
	ComputePublicIP   *bool                        `pulumi:"computePublicIp,optional"`
	OutboundInternet  *net.OutboundInternet        `pulumi:"outboundInternet,optional"`
	DNS               *net.DNSSettings             `pulumi:"dns,optional"`
	VpnGateway        *net.VpnGatewaySettings      `pulumi:"vpnGateway,optional"`
	ExpressRoute      *net.ExpressRouteSettings    `pulumi:"expressRoute,optional"`
	DNSResolver       *net.DNSResolverSettings     `pulumi:"dnsResolver,optional"`
	Bastion           *net.BastionSettings         `pulumi:"bastion,optional"`
	Egress            *net.EgressSettings          `pulumi:"egress,optional"`
	ExistingNetwork   *net.ExistingNetworkSettings `pulumi:"existingVirtualNetwork,optional"`
	HubPeering        *net.HubPeeringSettings      `pulumi:"hubPeering,optional"`
	AppSecurityGroups *bool                        `pulumi:"applicationSecurityGroups,optional"`
}

// Annotate documents the network settings; each field means what it means on SecureMLNetwork.
func (n *NetworkSettings) Annotate(an infer.Annotator) {
	an.Describe(&n, "SecureMLNetwork settings for the workspace's network. Each field means what the SecureMLNetwork "+
		"input of the same name means.")
	an.Describe(&n.AddressSpace, "The virtual network's IPv4 address space.")
	an.SetDefault(&n.AddressSpace, net.DefaultAddressSpace)
	an.Describe(&n.Subnets, "Subnets by role.")
	an.Describe(&n.ComputePublicIP, "Whether compute in the network has public IP addresses.")
	an.SetDefault(&n.ComputePublicIP, false)
	an.Describe(&n.OutboundInternet, "Whether compute may reach the Internet beyond what Azure ML needs.")
	an.Describe(&n.DNS, "Private DNS zones: created here or a hub's.")
	an.Describe(&n.VpnGateway, "A VPN gateway (point-to-site and site-to-site).")
	an.Describe(&n.ExpressRoute, "An ExpressRoute gateway.")
	an.Describe(&n.DNSResolver, "A DNS private resolver for clients outside the network.")
	an.Describe(&n.Bastion, "Azure Bastion.")
	an.Describe(&n.Egress, "The compute subnets' egress path.")
	an.Describe(&n.ExistingNetwork, "A virtual network that exists already.")
	an.Describe(&n.HubPeering, "Peering with a hub network.")
	an.Describe(&n.AppSecurityGroups, "Application security groups for compute and the private endpoints.")
}
