package securemlnetwork

import (
	_ "embed"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

var (
	//go:embed docs/securemlnetwork.md
	componentDoc string
	//go:embed docs/outbound-internet.md
	outboundInternetDoc string
	//go:embed docs/dns.md
	dnsDoc string
	//go:embed docs/subnets.md
	subnetsDoc string
)

// Defaults applied when an input is not set. The schema carries the same values.
const (
	DefaultAddressSpace = "10.0.0.0/16"
	defaultCarveBits    = 24
)

// Args are the inputs of SecureMLNetwork.
//
// Shape inputs decide which children exist (cloud, which services and storage sub-resources, whether
// the scoring subnet exists, the DNS mode, outbound rules). They are plain Go values: they must be
// known at preview, and may come from a stack reference (see provider/shapeinputs.go). Value inputs
// only fill properties (the resource group, location, prefixes, service and zone IDs, tags). They are
// pulumi inputs and may be unknown at preview: known values are checked at preview, unknown ones
// before any child that takes them is created (values.go).
type Args struct {
	ResourceGroupName pulumi.StringInput       `pulumi:"resourceGroupName"`
	Location          pulumi.StringInput       `pulumi:"location"`
	Cloud             *Cloud                   `pulumi:"cloud,optional"`
	AddressSpace      pulumi.StringInput       `pulumi:"addressSpace,optional"`
	Subnets           *SubnetLayout            `pulumi:"subnets,optional"`
	ComputePublicIP   *bool                    `pulumi:"computePublicIp,optional"`
	OutboundInternet  *OutboundInternet        `pulumi:"outboundInternet,optional"`
	Workspace         *ServiceTarget           `pulumi:"workspace,optional"`
	StorageAccount    *StorageAccountTarget    `pulumi:"storageAccount,optional"`
	KeyVault          *ServiceTarget           `pulumi:"keyVault,optional"`
	ContainerRegistry *ServiceTarget           `pulumi:"containerRegistry,optional"`
	DNS               *DNSSettings             `pulumi:"dns,optional"`
	VpnGateway        *VpnGatewaySettings      `pulumi:"vpnGateway,optional"`
	ExpressRoute      *ExpressRouteSettings    `pulumi:"expressRoute,optional"`
	DNSResolver       *DNSResolverSettings     `pulumi:"dnsResolver,optional"`
	Bastion           *BastionSettings         `pulumi:"bastion,optional"`
	Egress            *EgressSettings          `pulumi:"egress,optional"`
	ExistingNetwork   *ExistingNetworkSettings `pulumi:"existingVirtualNetwork,optional"`
	HubPeering        *HubPeeringSettings      `pulumi:"hubPeering,optional"`
	AppSecurityGroups *bool                    `pulumi:"applicationSecurityGroups,optional"`
	Tags              pulumi.StringMapInput    `pulumi:"tags,optional"`
}

// Annotate documents the inputs for the schema.
func (a *Args) Annotate(an infer.Annotator) {
	an.Describe(&a.ResourceGroupName, "Name of the existing resource group that receives the network resources: "+
		"virtual network, network security groups, route tables, private DNS zones and private endpoints. "+
		"1-90 letters, digits, `_`, `-`, `.`, `(` or `)`, not ending with `.`.")
	an.Describe(&a.Location, "Azure region of the network, for example `eastus` or `East US`; it must be a region of "+
		"`cloud`. Required because the regional service tags in the security rules (`Storage.<region>`, "+
		"`BatchNodeManagement.<region>`) name it. Compute, the workspace and its private endpoints must be in this region.")
	an.Describe(&a.Cloud, "The Azure cloud. Selects the private DNS zone names (for example "+
		"`privatelink.api.azureml.ms` in AzureCloud, `privatelink.api.ml.azure.us` in AzureUSGovernment).")
	an.SetDefault(&a.Cloud, string(CloudAzureCloud))
	an.Describe(&a.AddressSpace, "IPv4 address space of the virtual network. Must not overlap `172.17.0.0/16`, "+
		"which Docker uses on Azure ML compute. Subnets without an explicit prefix take the fixed slot of their role "+
		"in it (see `subnets`). A range outside the private ranges (10/8, 172.16/12, 192.168/16, 100.64/10) gets a warning.")
	an.SetDefault(&a.AddressSpace, DefaultAddressSpace)
	an.Describe(&a.Subnets, subnetsDoc)
	an.Describe(&a.ComputePublicIP, "Whether compute instances and clusters in this network have public IP addresses. "+
		"When true, the compute subnets also allow inbound TCP 44224 from `AzureMachineLearning` and get a route table "+
		"sending `AzureMachineLearning` and `BatchNodeManagement.<region>` to Internet, as Azure ML requires for public-IP "+
		"compute. Leave false (no public IP) for a private network.")
	an.SetDefault(&a.ComputePublicIP, false)
	an.Describe(&a.OutboundInternet, outboundInternetDoc)
	an.SetDefault(&a.OutboundInternet, string(OutboundInternetAllow))
	an.Describe(&a.Workspace, "The Azure Machine Learning workspace to reach privately. Creates a private endpoint "+
		"(group `amlworkspace`) with the api and notebooks private DNS zones.")
	an.Describe(&a.StorageAccount, "The workspace's storage account. Creates one private endpoint per sub-resource.")
	an.Describe(&a.KeyVault, "The workspace's Key Vault. Creates a private endpoint (group `vault`) and the "+
		"`privatelink.vaultcore.*` zone.")
	an.Describe(&a.ContainerRegistry, "The workspace's container registry. It must be Premium: Azure offers private "+
		"endpoints only on that tier. Creates a private endpoint (group `registry`), which takes two addresses.")
	an.Describe(&a.DNS, dnsDoc)
	an.Describe(&a.VpnGateway, vpnGatewayDoc)
	an.Describe(&a.ExpressRoute, "An ExpressRoute gateway in `GatewaySubnet`, and optionally its connection to a "+
		"circuit. It shares `GatewaySubnet` with `vpnGateway` when both are set (both then use BGP).")
	an.Describe(&a.DNSResolver, dnsResolverDoc)
	an.Describe(&a.Bastion, "Azure Bastion for administrators, in `AzureBastionSubnet` with the full rule set Bastion "+
		"needs. Refused in AzureUSGovernment and AzureChinaCloud when the network is linked to private DNS zones, "+
		"which Azure does not support there.")
	an.Describe(&a.Egress, egressDoc)
	an.Describe(&a.ExistingNetwork, "A virtual network that exists already, to add the subnets to (or to take "+
		"subnets from) instead of creating a network.")
	an.Describe(&a.HubPeering, "Peer the network with a hub network, for hub-and-spoke.")
	an.Describe(&a.AppSecurityGroups, "Create application security groups for compute and for the private "+
		"endpoints; the endpoints join theirs and the endpoint subnet's rules use it. Put your own machines in the "+
		"compute group (applicationSecurityGroupIds); Azure ML's managed compute cannot join one, so no rule "+
		"depends on membership of the compute group.")
	an.SetDefault(&a.AppSecurityGroups, false)
	an.Describe(&a.Tags, "Tags applied to every child resource that takes tags.")
}

// SubnetLayout sets the subnets by role.
type SubnetLayout struct {
	Training           *SubnetSettings        `pulumi:"training,optional"`
	Scoring            *ScoringSubnetSettings `pulumi:"scoring,optional"`
	PrivateEndpoints   *SubnetSettings        `pulumi:"privateEndpoints,optional"`
	Gateway            *SubnetSettings        `pulumi:"gateway,optional"`
	Bastion            *SubnetSettings        `pulumi:"bastion,optional"`
	DNSResolverInbound *SubnetSettings        `pulumi:"dnsResolverInbound,optional"`
	Firewall           *SubnetSettings        `pulumi:"firewall,optional"`
}

// Annotate documents the subnet roles.
func (s *SubnetLayout) Annotate(an infer.Annotator) {
	an.Describe(&s, "Subnets of the virtual network by role.")
	an.Describe(&s.Training, "Subnet for training compute (compute instances and clusters). One address per node.")
	an.Describe(&s.Scoring, "Subnet for inference compute such as attached Kubernetes. Can be switched off.")
	an.Describe(&s.PrivateEndpoints, "Subnet for the private endpoints of the workspace and its services. Must hold "+
		"the addresses the endpoints take (3 for the workspace, 2 for the registry, 1 for each other endpoint).")
	an.Describe(&s.Gateway, "`GatewaySubnet`, for `vpnGateway` and `expressRoute`: /27 or larger (/26 or larger for "+
		"ErGwScale). It never gets a network security group or a route table.")
	an.Describe(&s.Bastion, "`AzureBastionSubnet`, for `bastion`: /26 or larger, with Bastion's network security group "+
		"and no route table.")
	an.Describe(&s.DNSResolverInbound, "The subnet of the DNS resolver's inbound endpoint, for `dnsResolver`: /28 to "+
		"/24, delegated to `Microsoft.Network/dnsResolvers`, holding nothing else.")
	an.Describe(&s.Firewall, "`AzureFirewallSubnet`, for egress mode firewall: /26 or larger, no network security "+
		"group (Azure disables it there).")
}

// SubnetSettings sets one subnet.
type SubnetSettings struct {
	AddressPrefix pulumi.StringInput `pulumi:"addressPrefix,optional"`
}

const addressPrefixDoc = "IPv4 prefix inside the address space, /29 or larger. When not set, the subnet takes the " +
	"fixed slot of its role, or keeps its prefix if it already exists."

// Annotate documents a subnet.
func (s *SubnetSettings) Annotate(an infer.Annotator) {
	an.Describe(&s, "One subnet.")
	an.Describe(&s.AddressPrefix, addressPrefixDoc)
}

// ScoringSubnetSettings sets the scoring subnet, which can be switched off.
type ScoringSubnetSettings struct {
	Enabled       *bool              `pulumi:"enabled,optional"`
	AddressPrefix pulumi.StringInput `pulumi:"addressPrefix,optional"`
}

// Annotate documents the scoring subnet.
func (s *ScoringSubnetSettings) Annotate(an infer.Annotator) {
	an.Describe(&s, "The scoring subnet.")
	an.Describe(&s.Enabled, "Whether to create the scoring subnet and its network security group. Turning it off "+
		"never moves another subnet; Azure refuses to delete it while compute is attached to it.")
	an.SetDefault(&s.Enabled, true)
	an.Describe(&s.AddressPrefix, addressPrefixDoc)
}

// ServiceTarget points at an existing service by its Azure resource ID.
type ServiceTarget struct {
	ResourceID pulumi.StringInput `pulumi:"resourceId"`
	Access     *ServiceAccess     `pulumi:"access,optional"`
}

// Annotate documents a service target.
func (s *ServiceTarget) Annotate(an infer.Annotator) {
	an.Describe(&s, "An existing Azure resource to reach through a private endpoint.")
	an.Describe(&s.ResourceID, "Azure resource ID of the service, for example `/subscriptions/<id>/resourceGroups/"+
		"<group>/providers/Microsoft.KeyVault/vaults/<name>` for `keyVault`. Its type must match the input "+
		"(`Microsoft.MachineLearningServices/workspaces`, `Microsoft.KeyVault/vaults` or "+
		"`Microsoft.ContainerRegistry/registries`). A wrong or malformed ID fails the preview when the value is "+
		"known then (a literal, config or a stack reference); otherwise no private endpoint is created until every "+
		"service ID has been checked.")
	an.Describe(&s.Access, accessDoc)
	an.SetDefault(&s.Access, string(ServiceAccessPrivateEndpoint))
}

const accessDoc = "How compute reaches the service: privateEndpoint (the default) or serviceEndpoint, for storageAccount " +
	"and keyVault only (Azure ML supports no other; a registry needs a private endpoint). A service endpoint replaces " +
	"the service's private endpoints and zones; its firewall must then allow serviceEndpointSubnetIds."

// StorageAccountTarget points at an existing storage account and chooses its sub-resources.
type StorageAccountTarget struct {
	ResourceID   pulumi.StringInput   `pulumi:"resourceId"`
	Subresources []StorageSubresource `pulumi:"subresources,optional"`
	Access       *ServiceAccess       `pulumi:"access,optional"`
}

// Annotate documents the storage account target.
func (s *StorageAccountTarget) Annotate(an infer.Annotator) {
	an.Describe(&s, "An existing storage account to reach through private endpoints, one per sub-resource.")
	an.Describe(&s.ResourceID, "Azure resource ID of a `Microsoft.Storage/storageAccounts` resource.")
	an.Describe(&s.Subresources, "Storage sub-resources that get a private endpoint. Azure ML needs `blob` and `file`; "+
		"add `queue` and `table` for batch endpoints and ParallelRunStep, and `dfs` for Data Lake Storage Gen2. "+
		"Defaults to `[blob, file]`; private endpoints only.")
	an.Describe(&s.Access, accessDoc)
	an.SetDefault(&s.Access, string(ServiceAccessPrivateEndpoint))
}

// DNSSettings chooses how private DNS is handled.
type DNSSettings struct {
	ExistingZoneIDs    pulumi.StringMapInput `pulumi:"existingZoneIds,optional"`
	LinkVirtualNetwork *bool                 `pulumi:"linkVirtualNetwork,optional"`
	CreateZoneGroups   *bool                 `pulumi:"createZoneGroups,optional"`
}

// Annotate documents the DNS options.
func (d *DNSSettings) Annotate(an infer.Annotator) {
	an.Describe(&d, "How private DNS is handled: zones created here, or existing central zones.")
	an.Describe(&d.ExistingZoneIDs, "Existing private DNS zone IDs by zone name, for central (hub) DNS, for example "+
		"another SecureMLNetwork's `privateDnsZoneIds` or a hub stack's output. When set, no zone is created here and "+
		"every zone the configuration needs must be listed; a zone the configuration does not need is an error. Zone "+
		"names are compared case-insensitively. Zones in another subscription are linked through a provider for that "+
		"subscription; the deploying identity needs Private DNS Zone Contributor on them.")
	an.Describe(&d.LinkVirtualNetwork, "Whether to link this virtual network to each zone (created or existing). Turn "+
		"off when the network resolves through a hub DNS resolver instead.")
	an.SetDefault(&d.LinkVirtualNetwork, true)
	an.Describe(&d.CreateZoneGroups, "Whether to create a DNS zone group on each private endpoint, which writes its "+
		"A records. Turn off when Azure Policy (DeployIfNotExists) creates the zone groups.")
	an.SetDefault(&d.CreateZoneGroups, true)
}

// Compile-time checks that every argument type documents itself in the schema.
var (
	_ infer.Annotated = (*Args)(nil)
	_ infer.Annotated = (*SubnetLayout)(nil)
	_ infer.Annotated = (*SubnetSettings)(nil)
	_ infer.Annotated = (*ScoringSubnetSettings)(nil)
	_ infer.Annotated = (*ServiceTarget)(nil)
	_ infer.Annotated = (*StorageAccountTarget)(nil)
	_ infer.Annotated = (*DNSSettings)(nil)
)
