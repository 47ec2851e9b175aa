package securemlnetwork

import (
	"fmt"
	"strings"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/components/armid"
)

// The peering with a hub network (hybrid-and-egress.md §8.1). Each side is a peering of its own
// network; the spoke's side always exists, the hub's only with createRemotePeering. With
// useRemoteGateways the spoke's side waits for the hub's: Azure refuses remote gateways before the hub
// allows gateway transit (Azure/azure-quickstart-templates#7730).

type peeringResources struct {
	local, remote *network.VirtualNetworkPeering
}

// localPeeringName is the spoke side's name: a network has one hub peering.
const localPeeringName = "peer-hub"

// peeringValues is hubPeering.remoteVirtualNetworkId, checked, and what is known of it at preview.
type peeringValues struct {
	remote       pulumi.StringOutput
	known        bool
	subscription string // when known
}

// resolvePeering checks the hub's network ID and, when it is known and remote gateways are used, that
// the hub has a gateway.
func resolvePeering(ctx *pulumi.Context, plan networkPlan, in inputValues, parent pulumi.Resource,
) (peeringValues, error) {
	p := plan.peering
	if p == nil {
		return peeringValues{}, nil
	}
	const path = "hubPeering.remoteVirtualNetworkId"
	checked, err := checkString(ctx, p.remote, func(id string) (string, error) {
		_, err := armid.ParseOfType(path, id, virtualNetworkType)
		return id, err
	})
	if err != nil {
		return peeringValues{}, err
	}
	v := peeringValues{remote: checked.out, known: checked.known}
	if !checked.known {
		return v, nil
	}
	r, _ := armid.Parse(checked.value)
	v.subscription = strings.ToLower(r.SubscriptionID)
	if own, ok := plan.source.existing.(pulumi.String); ok && strings.EqualFold(string(own), checked.value) {
		return v, fmt.Errorf("%s is this network itself; give the hub's network", path)
	}
	if !p.useRemoteGWs {
		return v, nil
	}
	opts := []pulumi.InvokeOption{pulumi.Parent(parent)}
	if v.subscription != in.deployingSubscription {
		provider, err := in.providers.forSubscription(v.subscription)
		if err != nil {
			return v, err
		}
		opts = append(opts, pulumi.Provider(provider))
	}
	hub, found, err := readNetwork(ctx, r.ResourceGroup, r.Name(), opts...)
	switch {
	case err != nil:
		// Reading another team's hub may not be allowed; Azure then checks at creation.
		_ = ctx.Log.Warn(fmt.Sprintf("%s: could not read the hub network to check it has a gateway: %v", path, err), nil)
	case !found:
		return v, fmt.Errorf("%s: the hub network %s was not found in resource group %s", path, r.Name(), r.ResourceGroup)
	case !hub.subnets["GatewaySubnet"].inUse:
		return v, fmt.Errorf("hubPeering.useRemoteGateways is true, but the hub network %s has no gateway in its "+
			"GatewaySubnet; Azure refuses it (RemoteVnetHasNoGateways): create the hub's VPN or ExpressRoute gateway "+
			"first, or set useRemoteGateways to false", r.Name())
	}
	return v, nil
}

// registerPeering creates the spoke's side of the peering, and the hub's side when asked.
func registerPeering(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues, ref networkRef,
	opts ...pulumi.ResourceOption,
) (*peeringResources, error) {
	p := plan.peering
	if p == nil {
		return nil, nil
	}
	res := &peeringResources{}
	var waitFor []pulumi.Resource
	if p.createRemote {
		hubOpts := withDependsOn(opts, ref.dependencies()...)
		if in.peering.known && in.peering.subscription != in.deployingSubscription {
			provider, err := in.providers.forSubscription(in.peering.subscription)
			if err != nil {
				return nil, err
			}
			hubOpts = append(hubOpts, pulumi.Provider(provider))
		}
		hubPart := func(pick func(armid.ResourceID) string) pulumi.StringOutput {
			return in.peering.remote.ApplyT(func(id string) (string, error) {
				r, err := armid.Parse(id)
				return pick(r), err
			}).(pulumi.StringOutput)
		}
		remote, err := network.NewVirtualNetworkPeering(ctx, names.remoteHubPeering(), &network.VirtualNetworkPeeringArgs{
			VirtualNetworkPeeringName: pulumi.All(ref.group, ref.name).ApplyT(func(v []any) string {
				return linkName(v[0].(string), v[1].(string))
			}).(pulumi.StringOutput),
			VirtualNetworkName:        hubPart(armid.ResourceID.Name),
			ResourceGroupName:         hubPart(func(r armid.ResourceID) string { return r.ResourceGroup }),
			RemoteVirtualNetwork:      &network.SubResourceArgs{Id: ref.id},
			AllowVirtualNetworkAccess: pulumi.Bool(true),
			AllowForwardedTraffic:     pulumi.Bool(true),
			AllowGatewayTransit:       pulumi.Bool(p.useRemoteGWs),
		}, hubOpts...)
		if err != nil {
			return nil, err
		}
		res.remote = remote
		waitFor = append(waitFor, remote)
	}
	local, err := network.NewVirtualNetworkPeering(ctx, names.hubPeering(), &network.VirtualNetworkPeeringArgs{
		VirtualNetworkPeeringName: pulumi.String(localPeeringName),
		VirtualNetworkName:        ref.name,
		ResourceGroupName:         ref.group,
		RemoteVirtualNetwork:      &network.SubResourceArgs{Id: in.peering.remote},
		AllowVirtualNetworkAccess: pulumi.Bool(true),
		AllowForwardedTraffic:     pulumi.Bool(p.allowForwarded),
		UseRemoteGateways:         pulumi.Bool(p.useRemoteGWs),
	}, withDependsOn(opts, append(ref.dependencies(), waitFor...)...)...)
	res.local = local
	return res, err
}
