package securemlnetwork

import (
	"fmt"
	"strings"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/v2/utilities"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/components/armid"
)

// Private DNS zones and their links are global resources (private-endpoint-dns.md).
const globalLocation = "global"

// zoneSource is where a zone the endpoints need comes from: created here, or given by ID.
type zoneSource struct {
	id pulumi.StringOutput // the zone's ID, checked
	// subscription of an existing zone, when its ID is known at preview.
	subscription string
	known        bool
	created      *network.PrivateZone
}

// registerZones creates the zones the plan needs (or takes the given ones) and links the virtual
// network to each. It returns the zone IDs by zone name.
func registerZones(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues,
	vnet networkRef, parent pulumi.Resource, opts ...pulumi.ResourceOption,
) (map[string]pulumi.StringOutput, error) {
	sources, err := zoneSources(ctx, names, plan, in, parent, opts...)
	if err != nil {
		return nil, err
	}
	ids := map[string]pulumi.StringOutput{}
	for name, z := range sources {
		ids[name] = z.id
	}
	if !plan.linkVirtualNetwork && (plan.peering == nil || !plan.peering.linkZones) {
		return ids, nil
	}
	// Named after the network's resource group and name, so many spokes link one central zone.
	linkAzureName := pulumi.All(vnet.group, vnet.name).ApplyT(func(v []any) string {
		return linkName(v[0].(string), v[1].(string))
	}).(pulumi.StringOutput)
	providers := in.providers
	deploying := in.deployingSubscription
	for _, z := range plan.zones {
		src := sources[z.name]
		linkOpts := withDependsOn(opts, vnet.dependencies()...)
		zoneGroup := in.resourceGroup.out
		switch {
		case src.created != nil:
			linkOpts = withDependsOn(opts, append(vnet.dependencies(), src.created)...)
		default:
			zoneGroup = src.id.ApplyT(func(id string) (string, error) {
				r, err := armid.Parse(id)
				return r.ResourceGroup, err
			}).(pulumi.StringOutput)
			if deploying == "" {
				if deploying, err = deployingSubscription(ctx, parent); err != nil {
					return nil, err
				}
			}
			// A link is a child of its zone, so it is created in the zone's subscription. An ID unknown
			// at preview is known in `pulumi up` (the engine resolves the component's inputs first), and
			// gets its provider then.
			if src.known && src.subscription != deploying {
				p, err := providers.forSubscription(src.subscription)
				if err != nil {
					return nil, err
				}
				linkOpts = append(linkOpts, pulumi.Provider(p))
			}
		}
		link := zoneLink{
			name: linkAzureName, zone: z.name, group: zoneGroup, vnet: vnet.id, tags: in.tags,
			fallBackToInternet: plan.hybrid.vpn != nil && isBlobZone(z.name),
		}
		if plan.linkVirtualNetwork {
			if err := link.register(ctx, names.zoneLink(z.name), linkOpts...); err != nil {
				return nil, err
			}
		}
		if p := plan.peering; p != nil && p.linkZones {
			// The hub's link: the hub's resolver answers for this network's endpoints.
			link.vnet, link.name = in.peering.remote, in.peering.remote.ApplyT(func(id string) (string, error) {
				r, err := armid.Parse(id)
				return linkName(r.ResourceGroup, r.Name()), err
			}).(pulumi.StringOutput)
			link.fallBackToInternet = isBlobZone(z.name) // a hub with a resolver usually has a VPN gateway too
			if err := link.register(ctx, names.hubZoneLink(z.name), linkOpts...); err != nil {
				return nil, err
			}
		}
	}
	return ids, nil
}

// zoneSources creates the zones made here and checks the given ones.
func zoneSources(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues, parent pulumi.Resource,
	opts ...pulumi.ResourceOption,
) (map[string]zoneSource, error) {
	sources := map[string]zoneSource{}
	for _, z := range plan.zones {
		var src zoneSource
		switch {
		case z.lookup:
			src.id = plan.existingZones.whole.ApplyT(func(ids map[string]string) (string, error) {
				return lookupZoneID(z.name, ids)
			}).(pulumi.StringOutput)
		case z.existing != nil:
			src.subscription, src.known = in.zoneSubscriptions[z.name]
			src.id = z.existing.ToStringOutput().ApplyT(func(id string) (string, error) {
				_, err := checkZoneID(z.name, id)
				return id, err
			}).(pulumi.StringOutput)
		default:
			if in.resourceGroup.known {
				if err := claimZone(ctx, in.resourceGroup.value, z.name, names.component); err != nil {
					return nil, err
				}
			}
			zone, err := network.NewPrivateZone(ctx, names.zone(z.name), &network.PrivateZoneArgs{
				PrivateZoneName:   pulumi.String(z.name),
				ResourceGroupName: in.resourceGroup.out,
				Location:          pulumi.String(globalLocation),
				Tags:              in.tags,
			}, opts...)
			if err != nil {
				return nil, err
			}
			src.created, src.id = zone, zone.ID().ToStringOutput()
		}
		sources[z.name] = src
	}
	return sources, nil
}

// checkZoneID checks that id is the ID of the private DNS zone called name (names compare
// case-insensitively, as DNS and ARM do).
func checkZoneID(name, id string) (armid.ResourceID, error) {
	path := fmt.Sprintf("dns.existingZoneIds[%q]", name)
	r, err := armid.ParseOfType(path, id, privateDNSZoneType)
	if err != nil {
		return r, err
	}
	if !strings.EqualFold(r.Name(), name) {
		return r, fmt.Errorf("%s is the ID of zone %q, not %q; give the ID of the zone named %s", path, r.Name(), name, name)
	}
	return r, nil
}

// lookupZoneID finds a zone's ID in dns.existingZoneIds that was unknown at preview.
func lookupZoneID(name string, ids map[string]string) (string, error) {
	for key, id := range ids {
		if strings.EqualFold(key, name) {
			_, err := checkZoneID(name, id)
			return id, err
		}
	}
	return "", fmt.Errorf("dns.existingZoneIds has no ID for %q, which this configuration needs; add the zone's ID, "+
		"or remove existingZoneIds to create the zones here", name)
}

// zoneLink is a virtual network link to a private DNS zone.
type zoneLink struct {
	name, group, vnet pulumi.StringOutput
	zone              string
	tags              pulumi.StringMapInput
	// fallBackToInternet resolves names the zone lacks publicly (NxDomainRedirect): a VPN gateway in a
	// network linked to privatelink.blob.* otherwise fails to reach Azure's own storage accounts
	// (vpn-gateway-vpn-faq.md). The resolution policy needs API 2024-06-01; the SDK aliases that type and
	// the default one to each other, so switching keeps the link.
	fallBackToInternet bool
}

// fallbackLinkToken is the link type at API 2024-06-01, the first with resolutionPolicy. It is
// registered by token rather than through the SDK's v20240601 package, imported for this one type: that
// package cost the plugin 1,290 functions and about 3 s of compile CPU (make bench-build). The inputs
// and the aliases are the ones that package's NewVirtualNetworkLink sends (TestFallbackLinkMatchesSDK),
// so a link moves between this type and the default one in place.
const fallbackLinkToken = "azure-native:network/v20240601:VirtualNetworkLink"

var fallbackLinkAliases = []pulumi.Alias{
	{Type: pulumi.String("azure-native:network/v20180901:VirtualNetworkLink")},
	{Type: pulumi.String("azure-native:network/v20200101:VirtualNetworkLink")},
	{Type: pulumi.String("azure-native:network/v20200601:VirtualNetworkLink")},
	{Type: pulumi.String("azure-native:network:VirtualNetworkLink")},
}

func (l zoneLink) register(ctx *pulumi.Context, pulumiName string, opts ...pulumi.ResourceOption) error {
	if l.fallBackToInternet {
		props := pulumi.Map{
			"virtualNetworkLinkName": l.name,
			"privateZoneName":        pulumi.String(l.zone),
			"resourceGroupName":      l.group,
			"location":               pulumi.String(globalLocation),
			"virtualNetwork":         pulumi.Map{"id": l.vnet},
			"registrationEnabled":    pulumi.Bool(false),
			"resolutionPolicy":       pulumi.String("NxDomainRedirect"),
		}
		if l.tags != nil {
			props["tags"] = l.tags
		}
		var link customResource
		return ctx.RegisterResource(fallbackLinkToken, pulumiName, props, &link,
			utilities.PkgResourceDefaultOpts(withOptions(opts, pulumi.Aliases(fallbackLinkAliases)))...)
	}
	_, err := network.NewVirtualNetworkLink(ctx, pulumiName, &network.VirtualNetworkLinkArgs{
		VirtualNetworkLinkName: l.name,
		PrivateZoneName:        pulumi.String(l.zone),
		ResourceGroupName:      l.group,
		Location:               pulumi.String(globalLocation),
		VirtualNetwork:         &network.SubResourceArgs{Id: l.vnet},
		// Endpoint records come from DNS zone groups; VMs must not register into privatelink zones.
		RegistrationEnabled: pulumi.Bool(false),
		Tags:                l.tags,
	}, opts...)
	return err
}

// isBlobZone reports whether zone is the blob zone of any cloud (privatelink.blob.core.*).
func isBlobZone(zone string) bool { return strings.HasPrefix(zone, "privatelink.blob.") }
