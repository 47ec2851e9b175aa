package securemlnetwork

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/components/privatelink"
)

// subnetRole names a subnet's purpose; it keys the subnetIds and networkSecurityGroupIds outputs.
type subnetRole string

const (
	roleTraining         subnetRole = "training"
	roleScoring          subnetRole = "scoring"
	rolePrivateEndpoints subnetRole = "privateEndpoints"
)

// networkPlan is the shape of the network: which children exist, decided from the shape inputs before
// any resource is registered. Building it is where every shape input is validated. Value inputs
// (prefixes, IDs) ride along unchecked; values.go checks them.
type networkPlan struct {
	cloud              privatelink.Cloud
	subnets            []subnetPlan // in write order: the subnet with the longest work behind it first
	computePublicIP    bool
	outbound           OutboundInternet
	endpoints          []endpointPlan // in creation order
	zones              []zonePlan     // sorted by name
	existingZones      existingZones
	linkVirtualNetwork bool
	createZoneGroups   bool
	hybrid             hybridPlan
	egress             egressPlan
	source             networkSource
	peering            *peeringPlan
	// serviceEndpoints are the services compute reaches through service endpoints, e.g.
	// Microsoft.Storage, in a stable order.
	serviceEndpoints  []string
	appSecurityGroups bool
}

type subnetPlan struct {
	role      subnetRole
	path      string             // input path, e.g. subnets.training
	prefix    pulumi.StringInput // explicit prefix, nil for the role's slot
	minUsable int                // private IPs the subnet must hold
	// smallest, when set, is a longer minimum size than the role's, and why says what needs it.
	smallest int
	why      string
}

// spec is what the subnet's role is (subnets.go).
func (s subnetPlan) spec() subnetSpec { return subnetSpecs[s.role] }

// endpointPlan is one private endpoint: one service and one group ID.
type endpointPlan struct {
	key        string // key in the privateEndpoints output, e.g. storageBlob
	group      privatelink.GroupID
	target     pulumi.StringInput
	targetPath string // input path of the target ID, for messages
	targetType string // ARM type the target ID must have
	zoneNames  []string
}

// zonePlan is one private DNS zone the endpoints need.
type zonePlan struct {
	name string
	// existing is the zone's ID from dns.existingZoneIds; nil when the zone is created here.
	existing pulumi.StringInput
	// lookup says the zone is existing but dns.existingZoneIds was unknown at preview: its ID is looked
	// up in the map when the map arrives.
	lookup bool
}

// existingZones is dns.existingZoneIds as far as it is known at preview.
type existingZones struct {
	given bool
	// ids by zone name as given; nil when the map is unknown at preview (it comes from a resource in
	// the same program, for example another SecureMLNetwork's privateDnsZoneIds).
	ids map[string]pulumi.StringInput
	// whole is the map as one output, when ids is nil.
	whole pulumi.StringMapOutput
}

// ARM resource types of the services the component connects to.
const (
	workspaceType         = "Microsoft.MachineLearningServices/workspaces"
	storageAccountType    = "Microsoft.Storage/storageAccounts"
	keyVaultType          = "Microsoft.KeyVault/vaults"
	containerRegistryType = "Microsoft.ContainerRegistry/registries"
	privateDNSZoneType    = "Microsoft.Network/privateDnsZones"
)

// newPlan validates the shape inputs and decides what to create. zones is dns.existingZoneIds as far
// as it is known. Every error names the input, the bad value and what to do.
func newPlan(args Args, zones existingZones) (networkPlan, error) {
	plan := networkPlan{
		cloud:              privatelink.Cloud(valueOr(args.Cloud, CloudAzureCloud)),
		computePublicIP:    valueOr(args.ComputePublicIP, false),
		outbound:           valueOr(args.OutboundInternet, OutboundInternetAllow),
		linkVirtualNetwork: true,
		createZoneGroups:   true,
		existingZones:      zones,
	}
	if args.ResourceGroupName == nil {
		return plan, fmt.Errorf("resourceGroupName is required: name the existing resource group for the network")
	}
	if args.Location == nil {
		return plan, fmt.Errorf("location is required: give the Azure region of the network, for example eastus")
	}
	if !privatelink.IsKnownCloud(plan.cloud) {
		return plan, fmt.Errorf("cloud %q is not supported; use AzureCloud, AzureUSGovernment or AzureChinaCloud", plan.cloud)
	}
	if plan.outbound != OutboundInternetAllow && plan.outbound != OutboundInternetDeny {
		return plan, fmt.Errorf("outboundInternet %q is not supported; use Allow or Deny", plan.outbound)
	}
	var err error
	if plan.endpoints, plan.serviceEndpoints, err = planEndpoints(args, plan.cloud); err != nil {
		return plan, err
	}
	plan.appSecurityGroups = valueOr(args.AppSecurityGroups, false)
	if err := plan.planDNS(args.DNS); err != nil {
		return plan, err
	}
	linksZones := plan.linkVirtualNetwork && len(plan.zones) > 0
	if plan.hybrid, err = planHybrid(args, plan.cloud, linksZones); err != nil {
		return plan, err
	}
	if plan.egress, err = planEgress(args.Egress); err != nil {
		return plan, err
	}
	if plan.source, err = planNetworkSource(args, plan.hybrid, plan.egress, plan.serviceEndpoints); err != nil {
		return plan, err
	}
	if plan.peering, err = planPeering(args.HubPeering, plan.hybrid, len(plan.zones) > 0); err != nil {
		return plan, err
	}
	if plan.source.subnetIDs != nil {
		return plan, nil // the given subnets are used as they are
	}
	if plan.subnets, err = planSubnets(args, plan.endpoints, plan.hybrid, plan.egress); err != nil {
		return plan, err
	}
	return plan, nil
}

// Service endpoint names (virtual-network-service-endpoints-overview.md).
const (
	storageServiceEndpoint  = "Microsoft.Storage"
	keyVaultServiceEndpoint = "Microsoft.KeyVault"
)

// planEndpoints decides the private endpoints, and the services reached through service endpoints.
func planEndpoints(args Args, cloud privatelink.Cloud) ([]endpointPlan, []string, error) {
	var endpoints []endpointPlan
	var serviceEndpoints []string
	access := func(path string, a *ServiceAccess, serviceEndpointAllowed string) (bool, error) {
		v := valueOr(a, ServiceAccessPrivateEndpoint)
		switch {
		case !isAllowed(v):
			return false, fmt.Errorf("%s %q is not an access path; use privateEndpoint or serviceEndpoint", path, v)
		case v == ServiceAccessServiceEndpoint && serviceEndpointAllowed != "":
			return false, fmt.Errorf("%s serviceEndpoint is refused: %s; use privateEndpoint", path, serviceEndpointAllowed)
		}
		return v == ServiceAccessServiceEndpoint, nil
	}
	add := func(key string, group privatelink.GroupID, target pulumi.StringInput, path, typ string) error {
		if target == nil {
			return fmt.Errorf("%s is required when %s is set: give the Azure resource ID of the %s",
				path, strings.TrimSuffix(path, ".resourceId"), typ)
		}
		zones, err := privatelink.ZoneNames(cloud, group)
		if err != nil {
			return fmt.Errorf("%s: %w; remove it or use another cloud", path, err)
		}
		endpoints = append(endpoints, endpointPlan{
			key: key, group: group, target: target, targetPath: path, targetType: typ, zoneNames: zones,
		})
		return nil
	}
	if w := args.Workspace; w != nil {
		if _, err := access("workspace.access", w.Access, "an Azure ML workspace is reached through a private "+
			"endpoint only"); err != nil {
			return nil, nil, err
		}
		if err := add("workspace", privatelink.GroupWorkspace, w.ResourceID,
			"workspace.resourceId", workspaceType); err != nil {
			return nil, nil, err
		}
	}
	if s := args.StorageAccount; s != nil {
		viaServiceEndpoint, err := access("storageAccount.access", s.Access, "")
		if err != nil {
			return nil, nil, err
		}
		switch {
		case viaServiceEndpoint && s.Subresources != nil:
			return nil, nil, fmt.Errorf("storageAccount.subresources asks for private endpoints, but storageAccount.access " +
				"is serviceEndpoint; a service is reached one way here: remove subresources, or use privateEndpoint")
		case viaServiceEndpoint:
			if s.ResourceID == nil {
				return nil, nil, fmt.Errorf("storageAccount.resourceId is required when storageAccount is set: give the " +
					"Azure resource ID of the Microsoft.Storage/storageAccounts")
			}
			serviceEndpoints = append(serviceEndpoints, storageServiceEndpoint)
		default:
			groups, err := storageGroups(s.Subresources)
			if err != nil {
				return nil, nil, err
			}
			for _, g := range groups {
				if err := add("storage"+capitalize(string(g)), g, s.ResourceID,
					"storageAccount.resourceId", storageAccountType); err != nil {
					return nil, nil, err
				}
			}
		}
	}
	if k := args.KeyVault; k != nil {
		viaServiceEndpoint, err := access("keyVault.access", k.Access, "")
		if err != nil {
			return nil, nil, err
		}
		if viaServiceEndpoint {
			if k.ResourceID == nil {
				return nil, nil, fmt.Errorf("keyVault.resourceId is required when keyVault is set: give the Azure " +
					"resource ID of the Microsoft.KeyVault/vaults")
			}
			serviceEndpoints = append(serviceEndpoints, keyVaultServiceEndpoint)
		} else if err := add("keyVault", privatelink.GroupVault, k.ResourceID,
			"keyVault.resourceId", keyVaultType); err != nil {
			return nil, nil, err
		}
	}
	if r := args.ContainerRegistry; r != nil {
		if _, err := access("containerRegistry.access", r.Access, "Azure ML needs the registry through a private "+
			"endpoint, and registry service endpoints are a preview whose future development \"isn't currently "+
			"planned\" (container-registry-vnet.md)"); err != nil {
			return nil, nil, err
		}
		if err := add("containerRegistry", privatelink.GroupRegistry, r.ResourceID,
			"containerRegistry.resourceId", containerRegistryType); err != nil {
			return nil, nil, err
		}
	}
	return endpoints, serviceEndpoints, nil
}

// storageGroups checks the storage sub-resources and returns them in a stable order.
func storageGroups(subresources []StorageSubresource) ([]privatelink.GroupID, error) {
	if subresources == nil {
		subresources = []StorageSubresource{StorageSubresourceBlob, StorageSubresourceFile}
	}
	if len(subresources) == 0 {
		return nil, fmt.Errorf("storageAccount.subresources is empty; list at least blob and file, which Azure ML needs")
	}
	seen := map[privatelink.GroupID]bool{}
	for _, s := range subresources {
		g := privatelink.GroupID(s)
		if !privatelink.IsStorageGroup(g) {
			return nil, fmt.Errorf("storageAccount.subresources: %q is not a storage sub-resource; use blob, file, queue, table or dfs", s)
		}
		if seen[g] {
			return nil, fmt.Errorf("storageAccount.subresources lists %q twice; list each sub-resource once", s)
		}
		seen[g] = true
	}
	var groups []privatelink.GroupID
	for _, g := range privatelink.StorageGroups {
		if seen[g] {
			groups = append(groups, g)
		}
	}
	return groups, nil
}

// planSubnets decides which subnets exist, in the order they are written: Azure takes one write at
// a time per virtual network, so the subnets whose children take longest go first and their children
// start while the others are written: GatewaySubnet (gateways take 30-45 minutes), then Bastion's, the
// firewall's, the private endpoints', the resolver's and the compute subnets.
func planSubnets(args Args, endpoints []endpointPlan, hybrid hybridPlan, egress egressPlan) ([]subnetPlan, error) {
	layout := valueOr(args.Subnets, SubnetLayout{})
	scoring := valueOr(layout.Scoring, ScoringSubnetSettings{})
	needed := 0
	for _, e := range endpoints {
		needed += privatelink.AddressesPerEndpoint(e.group)
	}
	var plan []subnetPlan
	optional := func(role subnetRole, on bool, settings *SubnetSettings, what string) (*subnetPlan, error) {
		s := valueOr(settings, SubnetSettings{})
		if !on {
			if s.AddressPrefix != nil {
				return nil, fmt.Errorf("subnets.%s.addressPrefix is set but %s is not; remove the prefix or add %s",
					role, what, what)
			}
			return nil, nil
		}
		plan = append(plan, subnetPlan{role: role, path: "subnets." + string(role), prefix: s.AddressPrefix})
		return &plan[len(plan)-1], nil
	}
	gateway, err := optional(roleGateway, hybrid.gateways(), layout.Gateway, "vpnGateway or expressRoute")
	if err != nil {
		return nil, err
	}
	if gateway != nil && hybrid.expressRoute != nil && hybrid.expressRoute.sku == ExpressRouteGatewaySkuErGwScale {
		gateway.smallest, gateway.why = scaleGatewayBits, "expressRoute.sku ErGwScale"
	}
	if _, err := optional(roleBastion, hybrid.bastion != nil, layout.Bastion, "bastion"); err != nil {
		return nil, err
	}
	if _, err := optional(roleFirewall, egress.firewall != nil, layout.Firewall, "egress.mode firewall"); err != nil {
		return nil, err
	}
	endpointSubnet := valueOr(layout.PrivateEndpoints, SubnetSettings{})
	plan = append(plan, subnetPlan{role: rolePrivateEndpoints, path: "subnets.privateEndpoints",
		prefix: endpointSubnet.AddressPrefix, minUsable: needed})
	if _, err := optional(roleDNSResolverInbound, hybrid.resolver != nil, layout.DNSResolverInbound,
		"dnsResolver"); err != nil {
		return nil, err
	}
	training := valueOr(layout.Training, SubnetSettings{})
	plan = append(plan, subnetPlan{role: roleTraining, path: "subnets.training", prefix: training.AddressPrefix})
	if valueOr(scoring.Enabled, true) {
		plan = append(plan, subnetPlan{role: roleScoring, path: "subnets.scoring", prefix: scoring.AddressPrefix})
	} else if scoring.AddressPrefix != nil {
		return nil, fmt.Errorf("subnets.scoring.addressPrefix is set but subnets.scoring.enabled is false; remove the prefix or enable the subnet")
	}
	return plan, nil
}

// planDNS decides which zones to create or reuse and checks the names in dns.existingZoneIds.
func (plan *networkPlan) planDNS(dns *DNSSettings) error {
	d := valueOr(dns, DNSSettings{})
	plan.linkVirtualNetwork = valueOr(d.LinkVirtualNetwork, true)
	plan.createZoneGroups = valueOr(d.CreateZoneGroups, true)

	needed := map[string]bool{}
	for _, e := range plan.endpoints {
		for _, z := range e.zoneNames {
			needed[z] = true
		}
	}
	neededNames := slices.Sorted(maps.Keys(needed))
	given := plan.existingZones
	byName := map[string]pulumi.StringInput{} // lowercase zone name -> ID
	if given.given && given.ids != nil {
		if len(given.ids) == 0 {
			return fmt.Errorf("dns.existingZoneIds is empty; list the ID of every zone this configuration needs (%s), or "+
				"remove existingZoneIds to create the zones here", listOrNone(neededNames))
		}
		keys := slices.Sorted(maps.Keys(given.ids))
		for _, name := range keys {
			lower := strings.ToLower(name)
			if _, dup := byName[lower]; dup {
				return fmt.Errorf("dns.existingZoneIds lists zone %q twice (zone names compare case-insensitively); keep one", lower)
			}
			if !needed[lower] {
				return fmt.Errorf("dns.existingZoneIds has %q, which this configuration does not need (it needs %s); "+
					"remove it, or check the cloud and services", name, listOrNone(neededNames))
			}
			byName[lower] = given.ids[name]
		}
	}
	for _, name := range neededNames {
		zone := zonePlan{name: name}
		switch {
		case given.given && given.ids == nil:
			zone.lookup = true
		case given.given:
			id, ok := byName[name]
			if !ok {
				return fmt.Errorf("dns.existingZoneIds has no ID for %q, which this configuration needs; add the zone's "+
					"ID, or remove existingZoneIds to create the zones here", name)
			}
			zone.existing = id
		}
		plan.zones = append(plan.zones, zone)
	}
	return nil
}

// createsZones reports whether any private DNS zone is created here.
func (plan networkPlan) createsZones() bool {
	for _, z := range plan.zones {
		if z.existing == nil && !z.lookup {
			return true
		}
	}
	return false
}

func valueOr[T any](p *T, fallback T) T {
	if p == nil {
		return fallback
	}
	return *p
}

func listOrNone(names []string) string {
	if len(names) == 0 {
		return "no zones"
	}
	return strings.Join(names, ", ")
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
