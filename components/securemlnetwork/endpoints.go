package securemlnetwork

import (
	"net/netip"
	"sort"
	"strings"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/components/armid"
)

// The zone group name Azure's portal and Azure Policy use, so a policy-created group is recognised.
const zoneGroupName = "default"

// endpointResources is one registered private endpoint and, when created, its DNS zone group.
type endpointResources struct {
	plan      endpointPlan
	endpoint  *network.PrivateEndpoint
	zoneGroup *network.PrivateDnsZoneGroup
}

func registerEndpoints(ctx *pulumi.Context, names childNames, plan networkPlan, common commonInputs,
	subnet *network.Subnet, zoneIDs map[string]pulumi.StringOutput, opts ...pulumi.ResourceOption,
) ([]endpointResources, error) {
	var out []endpointResources
	for _, e := range plan.endpoints {
		pulumiName, azureName := names.endpoint(e.key)
		pe, err := network.NewPrivateEndpoint(ctx, pulumiName, &network.PrivateEndpointArgs{
			PrivateEndpointName:        pulumi.String(azureName),
			ResourceGroupName:          common.resourceGroupName,
			Location:                   pulumi.String(plan.region),
			Subnet:                     &network.SubnetTypeArgs{Id: subnet.ID().ToStringOutput()},
			CustomNetworkInterfaceName: pulumi.String(azureName + "-nic"),
			PrivateLinkServiceConnections: network.PrivateLinkServiceConnectionArray{
				network.PrivateLinkServiceConnectionArgs{
					Name:                 pulumi.String(azureName),
					PrivateLinkServiceId: checkedTargetID(e),
					GroupIds:             pulumi.StringArray{pulumi.String(string(e.group))},
				},
			},
			Tags: common.tags,
		}, opts...)
		if err != nil {
			return nil, err
		}
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
				ResourceGroupName:       common.resourceGroupName,
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

// checkedTargetID fails the endpoint, with a message naming the input, when the target ID is
// malformed or of the wrong type. Known values (from config) fail at preview; values that come from
// other resources fail as soon as Azure returns them, before the endpoint is created.
func checkedTargetID(e endpointPlan) pulumi.StringOutput {
	return e.target.ToStringOutput().ApplyT(func(id string) (string, error) {
		if _, err := armid.ParseOfType(e.targetPath, id, e.targetType); err != nil {
			return "", err
		}
		return id, nil
	}).(pulumi.StringOutput)
}

// endpointDetails gathers the endpoints' IDs, addresses and names. Azure reports the records of an
// endpoint with a DNS zone group on the group, and those of one without in customDnsConfigs; both
// are read so the output is right in either mode.
func endpointDetails(endpoints []endpointResources) PrivateEndpointDetailsMapOutput {
	var inputs []any
	for _, r := range endpoints {
		inputs = append(inputs, r.endpoint.ID(), r.endpoint.CustomDnsConfigs)
		if r.zoneGroup != nil {
			inputs = append(inputs, r.zoneGroup.PrivateDnsZoneConfigs)
		}
	}
	return pulumi.All(inputs...).ApplyT(func(values []any) map[string]PrivateEndpointDetails {
		details := map[string]PrivateEndpointDetails{}
		next := func() any { v := values[0]; values = values[1:]; return v }
		for _, r := range endpoints {
			id := next().(pulumi.ID)
			ips, fqdns := map[string]bool{}, map[string]bool{}
			for _, c := range next().([]network.CustomDnsConfigPropertiesFormatResponse) {
				addRecord(ips, fqdns, c.Fqdn, c.IpAddresses)
			}
			if r.zoneGroup != nil {
				for _, z := range next().([]network.PrivateDnsZoneConfigResponse) {
					for _, rs := range z.RecordSets {
						addRecord(ips, fqdns, rs.Fqdn, rs.IpAddresses)
					}
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

func addRecord(ips, fqdns map[string]bool, fqdn *string, addresses []string) {
	if fqdn != nil && *fqdn != "" {
		fqdns[strings.TrimSuffix(*fqdn, ".")] = true
	}
	for _, ip := range addresses {
		ips[ip] = true
	}
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
