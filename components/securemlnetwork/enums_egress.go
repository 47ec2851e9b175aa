package securemlnetwork

import "github.com/pulumi/pulumi-go-provider/infer"

// Enums of the ways out and of the access path to a service (hybrid-and-egress.md §7, §9).

// EgressMode chooses the path compute takes to the Internet.
type EgressMode string

// The egress modes.
const (
	EgressModeDefault    EgressMode = "default"
	EgressModeNatGateway EgressMode = "natGateway"
	EgressModeFirewall   EgressMode = "firewall"
	EgressModeNextHop    EgressMode = "nextHop"
)

// Values lists the egress modes for the schema.
func (EgressMode) Values() []infer.EnumValue[EgressMode] {
	return []infer.EnumValue[EgressMode]{
		{Name: "default", Value: EgressModeDefault, Description: "Azure's default outbound access: compute without " +
			"public IPs reaches Azure ML, Batch and Storage through addresses Azure assigns implicitly. Azure is " +
			"retiring it for new networks (private subnets by default from API versions after 31 March 2026) and " +
			"Azure Policy flags it."},
		{Name: "natGateway", Value: EgressModeNatGateway, Description: "A Standard NAT gateway with its own public IP " +
			"(or prefix) on the compute subnets, which become private."},
		{Name: "firewall", Value: EgressModeFirewall, Description: "Azure Firewall (Standard or Premium) with the rules " +
			"Azure ML needs; the compute subnets become private and route 0.0.0.0/0 to it."},
		{Name: "nextHop", Value: EgressModeNextHop, Description: "Route 0.0.0.0/0 from the compute subnets to an address " +
			"you give (a hub firewall or appliance); the compute subnets become private. Nothing else is created."},
	}
}

// FirewallSku is an Azure Firewall tier.
type FirewallSku string

// The firewall tiers offered for Azure ML.
const (
	FirewallSkuStandard FirewallSku = "Standard"
	FirewallSkuPremium  FirewallSku = "Premium"
)

// Values lists the firewall tiers for the schema.
func (FirewallSku) Values() []infer.EnumValue[FirewallSku] {
	return []infer.EnumValue[FirewallSku]{
		{Name: "Standard", Value: FirewallSkuStandard, Description: "DNS proxy, FQDN network rules, threat intelligence."},
		{Name: "Premium", Value: FirewallSkuPremium, Description: "Standard plus TLS inspection, IDPS and URL filtering."},
	}
}

// ServiceAccess is how compute reaches a service: a private endpoint or a service endpoint.
type ServiceAccess string

// The access paths.
const (
	ServiceAccessPrivateEndpoint ServiceAccess = "privateEndpoint"
	ServiceAccessServiceEndpoint ServiceAccess = "serviceEndpoint"
)

// Values lists the access paths for the schema.
func (ServiceAccess) Values() []infer.EnumValue[ServiceAccess] {
	return []infer.EnumValue[ServiceAccess]{
		{Name: "privateEndpoint", Value: ServiceAccessPrivateEndpoint, Description: "A private endpoint and its " +
			"private DNS zone: the service gets a private address, reachable from VPN and on-premises clients."},
		{Name: "serviceEndpoint", Value: ServiceAccessServiceEndpoint, Description: "A service endpoint on the compute " +
			"subnets: the service keeps its public address and DNS, and its firewall must allow the subnets " +
			"(serviceEndpointSubnetIds). Not reachable from on premises. Storage and Key Vault only."},
	}
}

var (
	_ infer.Enum[EgressMode]    = EgressMode("")
	_ infer.Enum[FirewallSku]   = FirewallSku("")
	_ infer.Enum[ServiceAccess] = ServiceAccess("")
)
