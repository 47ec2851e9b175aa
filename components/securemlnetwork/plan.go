package securemlnetwork

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/components/addressing"
	"github.com/secureml/pulumi-secureml/components/armid"
	"github.com/secureml/pulumi-secureml/components/privatelink"
)

// subnetRole names a subnet's purpose; it keys the subnetIds and networkSecurityGroupIds outputs.
type subnetRole string

const (
	roleTraining         subnetRole = "training"
	roleScoring          subnetRole = "scoring"
	rolePrivateEndpoints subnetRole = "privateEndpoints"
)

// networkPlan is everything the component creates, decided from the inputs before any resource is
// registered. Building it is where every input is validated.
type networkPlan struct {
	cloud              privatelink.Cloud
	region             string // normalized Azure region name, e.g. eastus
	addressSpace       string
	subnets            []subnetPlan // in creation order
	computePublicIP    bool
	outbound           OutboundInternet
	endpoints          []endpointPlan
	zones              []zonePlan // sorted by name
	useExistingZones   bool
	linkVirtualNetwork bool
	createZoneGroups   bool
}

type subnetPlan struct {
	role    subnetRole
	prefix  string
	compute bool // hosts Azure ML compute (training, scoring)
}

// endpointPlan is one private endpoint: one service and one group ID.
type endpointPlan struct {
	key        string // key in the privateEndpoints output, e.g. storageBlob
	group      privatelink.GroupID
	target     pulumi.StringInput
	targetPath string // input path of the target ID, for messages
	targetType string // ARM type the target ID must have
	zoneNames  []string
}

type zonePlan struct {
	name       string
	existingID string // set when the zone comes from dns.existingZoneIds
}

// ARM resource types of the services the component connects to.
const (
	workspaceType         = "Microsoft.MachineLearningServices/workspaces"
	storageAccountType    = "Microsoft.Storage/storageAccounts"
	keyVaultType          = "Microsoft.KeyVault/vaults"
	containerRegistryType = "Microsoft.ContainerRegistry/registries"
	privateDNSZoneType    = "Microsoft.Network/privateDnsZones"
)

var regionName = regexp.MustCompile(`^[a-z][a-z0-9]*$`)

// newPlan validates args and decides what to create. Every error names the input, the bad value and
// what to do.
func newPlan(args Args) (networkPlan, error) {
	plan := networkPlan{
		cloud:              privatelink.Cloud(valueOr(args.Cloud, CloudAzureCloud)),
		addressSpace:       valueOr(args.AddressSpace, DefaultAddressSpace),
		computePublicIP:    valueOr(args.ComputePublicIP, false),
		outbound:           valueOr(args.OutboundInternet, OutboundInternetAllow),
		linkVirtualNetwork: true,
		createZoneGroups:   true,
	}
	if args.ResourceGroupName == nil {
		return plan, fmt.Errorf("resourceGroupName is required: name the existing resource group for the network")
	}
	region, err := normalizeRegion(args.Location)
	if err != nil {
		return plan, err
	}
	plan.region = region
	if !privatelink.IsKnownCloud(plan.cloud) {
		return plan, fmt.Errorf("cloud %q is not supported; use AzureCloud, AzureUSGovernment or AzureChinaCloud", plan.cloud)
	}
	if plan.outbound != OutboundInternetAllow && plan.outbound != OutboundInternetDeny {
		return plan, fmt.Errorf("outboundInternet %q is not supported; use Allow or Deny", plan.outbound)
	}
	if plan.endpoints, err = planEndpoints(args, plan.cloud); err != nil {
		return plan, err
	}
	if plan.subnets, err = planSubnets(args, plan.addressSpace, plan.endpoints); err != nil {
		return plan, err
	}
	if err := plan.planDNS(args.DNS); err != nil {
		return plan, err
	}
	return plan, nil
}

func normalizeRegion(location string) (string, error) {
	region := strings.ToLower(strings.ReplaceAll(location, " ", ""))
	if !regionName.MatchString(region) {
		return "", fmt.Errorf("location %q is not an Azure region name; use a name from `az account list-locations`, "+
			"for example eastus", location)
	}
	return region, nil
}

func planEndpoints(args Args, cloud privatelink.Cloud) ([]endpointPlan, error) {
	var endpoints []endpointPlan
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
	if args.Workspace != nil {
		if err := add("workspace", privatelink.GroupWorkspace, args.Workspace.ResourceID,
			"workspace.resourceId", workspaceType); err != nil {
			return nil, err
		}
	}
	if s := args.StorageAccount; s != nil {
		groups, err := storageGroups(s.Subresources)
		if err != nil {
			return nil, err
		}
		for _, g := range groups {
			if err := add("storage"+capitalize(string(g)), g, s.ResourceID,
				"storageAccount.resourceId", storageAccountType); err != nil {
				return nil, err
			}
		}
	}
	if args.KeyVault != nil {
		if err := add("keyVault", privatelink.GroupVault, args.KeyVault.ResourceID,
			"keyVault.resourceId", keyVaultType); err != nil {
			return nil, err
		}
	}
	if args.ContainerRegistry != nil {
		if err := add("containerRegistry", privatelink.GroupRegistry, args.ContainerRegistry.ResourceID,
			"containerRegistry.resourceId", containerRegistryType); err != nil {
			return nil, err
		}
	}
	return endpoints, nil
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

func planSubnets(args Args, addressSpace string, endpoints []endpointPlan) ([]subnetPlan, error) {
	subnets := valueOr(args.Subnets, SubnetLayout{})
	training := valueOr(subnets.Training, SubnetSettings{})
	scoring := valueOr(subnets.Scoring, ScoringSubnetSettings{})
	endpointSubnet := valueOr(subnets.PrivateEndpoints, SubnetSettings{})

	needed := 0
	for _, e := range endpoints {
		needed += privatelink.AddressesPerEndpoint(e.group)
	}
	roles := []subnetPlan{{role: roleTraining, compute: true}}
	requests := []addressing.Request{subnetRequest("subnets.training", training.AddressPrefix, 0)}
	if valueOr(scoring.Enabled, true) {
		roles = append(roles, subnetPlan{role: roleScoring, compute: true})
		requests = append(requests, subnetRequest("subnets.scoring", scoring.AddressPrefix, 0))
	} else if scoring.AddressPrefix != nil {
		return nil, fmt.Errorf("subnets.scoring.addressPrefix is set but subnets.scoring.enabled is false; remove the prefix or enable the subnet")
	}
	roles = append(roles, subnetPlan{role: rolePrivateEndpoints})
	requests = append(requests, subnetRequest("subnets.privateEndpoints", endpointSubnet.AddressPrefix, needed))

	prefixes, err := addressing.Plan(addressSpace, requests)
	if err != nil {
		return nil, err
	}
	for i := range roles {
		roles[i].prefix = prefixes[i].String()
	}
	return roles, nil
}

func subnetRequest(path string, prefix *string, minUsable int) addressing.Request {
	return addressing.Request{
		Path:            path,
		Prefix:          valueOr(prefix, ""),
		CarveBits:       defaultCarveBits,
		MaxPrefixLength: addressing.SmallestSubnetBits,
		MinUsable:       minUsable,
	}
}

// planDNS decides which zones to create or reuse and checks dns.existingZoneIds.
func (plan *networkPlan) planDNS(dns *DNSSettings) error {
	d := valueOr(dns, DNSSettings{})
	plan.linkVirtualNetwork = valueOr(d.LinkVirtualNetwork, true)
	plan.createZoneGroups = valueOr(d.CreateZoneGroups, true)
	plan.useExistingZones = len(d.ExistingZoneIDs) > 0

	needed := map[string]bool{}
	for _, e := range plan.endpoints {
		for _, z := range e.zoneNames {
			needed[z] = true
		}
	}
	for _, name := range slices.Sorted(maps.Keys(d.ExistingZoneIDs)) {
		if !needed[name] {
			return fmt.Errorf("dns.existingZoneIds has %q, which this configuration does not need (it needs %s); "+
				"remove it, or check the cloud and services", name, listOrNone(slices.Sorted(maps.Keys(needed))))
		}
		if err := checkZoneID(name, d.ExistingZoneIDs[name]); err != nil {
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(needed)) {
		zone := zonePlan{name: name}
		if plan.useExistingZones {
			id, ok := d.ExistingZoneIDs[name]
			if !ok {
				return fmt.Errorf("dns.existingZoneIds has no ID for %q, which this configuration needs; add the zone's "+
					"ID, or remove existingZoneIds to create the zones here", name)
			}
			zone.existingID = id
		}
		plan.zones = append(plan.zones, zone)
	}
	return nil
}

func checkZoneID(name, id string) error {
	path := fmt.Sprintf("dns.existingZoneIds[%q]", name)
	r, err := armid.ParseOfType(path, id, privateDNSZoneType)
	if err != nil {
		return err
	}
	if !strings.EqualFold(r.Name(), name) {
		return fmt.Errorf("%s is the ID of zone %q, not %q; give the ID of the zone named %s", path, r.Name(), name, name)
	}
	return nil
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
