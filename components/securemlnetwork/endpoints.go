package securemlnetwork

import (
	"net/netip"
	"sort"
	"strings"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// zoneGroupName is the DNS zone group name the Azure portal and the Azure Verified Modules use. Azure
// Policy's DeployIfNotExists definitions create theirs as `deployedByPolicy`, but check only that the
// endpoint has a zone group of any name, so a `default` group satisfies them.
const zoneGroupName = "default"

// endpointResources is one registered private endpoint and, when created, its DNS zone group.
type endpointResources struct {
	plan      endpointPlan
	endpoint  *network.PrivateEndpoint
	zoneGroup *network.PrivateDnsZoneGroup
}

// registerEndpoints creates the private endpoints and their DNS zone groups.
//
// The endpoints are created one after another, each waiting for the previous one. Azure updates the
// subnet for each endpoint's network interface, and endpoints joining one subnet at once fail with
// ReferencedResourceNotProvisioned (about one deployment in three, Azure/bicep-ptn-aiml-landing-zone
// #41); two endpoints to one storage account at once fail with StorageAccountOperationInProgress
// (Azure/bicep-registry-modules #6001). Both are reported by the operation's final state, and
// azure-native v2.90.0 retries neither: its pipeline retries HTTP 408, 429, 5xx and 409
// AnotherOperationInProgress on the request only (client_azcore.go). Each zone group starts as soon as
// its endpoint exists, while the next endpoint is created.
func registerEndpoints(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues,
	subnet subnetRef, zoneIDs map[string]pulumi.StringOutput, group *network.ApplicationSecurityGroup,
	opts ...pulumi.ResourceOption,
) ([]endpointResources, error) {
	var out []endpointResources
	var previous pulumi.Resource
	var groups network.ApplicationSecurityGroupTypeArray
	if group != nil {
		groups = network.ApplicationSecurityGroupTypeArray{
			network.ApplicationSecurityGroupTypeArgs{Id: group.ID().ToStringOutput()},
		}
	}
	for _, e := range endpointOrder(plan.endpoints, in.services) {
		pulumiName, azureName := names.endpoint(e.key)
		dependsOn := subnet.dependencies()
		if previous != nil {
			dependsOn = append(dependsOn, previous)
		}
		if service := in.services[serviceOf(e.key)]; service != nil {
			dependsOn = append(dependsOn, service)
		}
		pe, err := network.NewPrivateEndpoint(ctx, pulumiName, &network.PrivateEndpointArgs{
			PrivateEndpointName:        pulumi.String(azureName),
			ResourceGroupName:          in.resourceGroup.out,
			Location:                   in.region.out,
			Subnet:                     &network.SubnetTypeArgs{Id: subnet.id},
			ApplicationSecurityGroups:  groups,
			CustomNetworkInterfaceName: pulumi.String(names.endpointNIC(e.key)),
			PrivateLinkServiceConnections: network.PrivateLinkServiceConnectionArray{
				network.PrivateLinkServiceConnectionArgs{
					Name:                 pulumi.String(azureName),
					PrivateLinkServiceId: in.targets.MapIndex(pulumi.String(e.key)),
					GroupIds:             pulumi.StringArray{pulumi.String(string(e.group))},
				},
			},
			Tags: in.tags,
		}, withDependsOn(opts, dependsOn...)...)
		if err != nil {
			return nil, err
		}
		previous = pe
		r := endpointResources{plan: e, endpoint: pe}
		if plan.createZoneGroups {
			configs := network.PrivateDnsZoneConfigArray{}
			for _, z := range e.zoneNames {
				configs = append(configs, network.PrivateDnsZoneConfigArgs{
					Name:             pulumi.String(strings.ReplaceAll(z, ".", "-")),
					PrivateDnsZoneId: zoneIDs[z],
				})
			}
			// One group per endpoint holding all its zones: Azure allows a single zone group per
			// endpoint, so the workspace's api and notebooks zones share it.
			r.zoneGroup, err = network.NewPrivateDnsZoneGroup(ctx, names.zoneGroup(e.key), &network.PrivateDnsZoneGroupArgs{
				PrivateDnsZoneGroupName: pulumi.String(zoneGroupName),
				PrivateEndpointName:     pulumi.String(azureName),
				ResourceGroupName:       in.resourceGroup.out,
				PrivateDnsZoneConfigs:   configs,
			}, withDependsOn(opts, pe)...)
			if err != nil {
				return nil, err
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// endpointDetails gathers the endpoints' IDs, addresses and FQDNs. They are read from each endpoint's
// network interface, the documented source (private-endpoint-dns.md: "The network interface associated
// with the private endpoint contains the information to configure your DNS"; how-to-custom-dns.md reads
// ipConfigurations[].privateIPAddress and privateLinkConnectionProperties.fqdns). The interface's name
// is known (customNetworkInterfaceName), and it is read once the endpoint exists.
func endpointDetails(ctx *pulumi.Context, names childNames, in inputValues, endpoints []endpointResources,
	parent pulumi.Resource,
) PrivateEndpointDetailsMapOutput {
	var inputs []any
	for _, r := range endpoints {
		nic := network.LookupNetworkInterfaceOutput(ctx, network.LookupNetworkInterfaceOutputArgs{
			NetworkInterfaceName: pulumi.String(names.endpointNIC(r.plan.key)),
			ResourceGroupName:    in.resourceGroup.out,
		}, pulumi.DependsOn([]pulumi.Resource{r.endpoint}), pulumi.Parent(parent))
		inputs = append(inputs, r.endpoint.ID(), nic.IpConfigurations())
	}
	return pulumi.All(inputs...).ApplyT(func(values []any) map[string]PrivateEndpointDetails {
		details := map[string]PrivateEndpointDetails{}
		for i, r := range endpoints {
			id := values[2*i].(pulumi.ID)
			ips, fqdns := map[string]bool{}, map[string]bool{}
			for _, c := range values[2*i+1].([]network.NetworkInterfaceIPConfigurationResponse) {
				if c.PrivateIPAddress != nil {
					ips[*c.PrivateIPAddress] = true
				}
				for _, fqdn := range c.PrivateLinkConnectionProperties.Fqdns {
					fqdns[strings.TrimSuffix(fqdn, ".")] = true
				}
			}
			details[r.plan.key] = PrivateEndpointDetails{
				ID:                 string(id),
				GroupIDs:           []string{string(r.plan.group)},
				PrivateIPAddresses: sortedAddresses(ips),
				FQDNs:              sortedSet(fqdns),
			}
		}
		return details
	}).(PrivateEndpointDetailsMapOutput)
}

func sortedSet(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sortedAddresses sorts IP addresses numerically (10.0.2.4 before 10.0.2.10).
func sortedAddresses(set map[string]bool) []string {
	out := sortedSet(set)
	sort.SliceStable(out, func(a, b int) bool {
		x, errX := netip.ParseAddr(out[a])
		y, errY := netip.ParseAddr(out[b])
		if errX != nil || errY != nil {
			return out[a] < out[b]
		}
		return x.Less(y)
	})
	return out
}
