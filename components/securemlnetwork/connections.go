package securemlnetwork

import (
	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Connections of the gateways: one local network gateway and IPsec connection per site, and the
// ExpressRoute gateway's connection to its circuit. A connection waits for its gateway and local
// gateway only. azure-native marks neither sharedKey nor authorizationKey secret, so the component
// wraps them and asks the engine to keep the children's outputs of the same name secret.

// registerSites creates each site's local network gateway and connection, by site name.
func registerSites(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues, hv hybridValues,
	gateway *network.VirtualNetworkGateway, opts ...pulumi.ResourceOption,
) (map[string]*network.VirtualNetworkGatewayConnection, error) {
	connections := map[string]*network.VirtualNetworkGatewayConnection{}
	for _, s := range plan.hybrid.vpn.sites {
		values := hv.sites[s.Name]
		lgwPulumi, lgwAzure := names.localGateway(s.Name)
		lgwArgs := &network.LocalNetworkGatewayArgs{
			LocalNetworkGatewayName: pulumi.String(lgwAzure),
			ResourceGroupName:       in.resourceGroup.out,
			Location:                in.region.out,
			Tags:                    in.tags,
		}
		if s.GatewayIPAddress != nil {
			lgwArgs.GatewayIpAddress = values.address
		} else {
			lgwArgs.Fqdn = values.address
		}
		if s.AddressSpaces != nil {
			lgwArgs.LocalNetworkAddressSpace = &network.AddressSpaceArgs{
				AddressPrefixes: hv.ranges.MapIndex(pulumi.String("site:" + s.Name)),
			}
		}
		if s.Bgp != nil {
			lgwArgs.BgpSettings = &network.BgpSettingsArgs{
				Asn: pulumi.Float64(float64(s.Bgp.Asn)), BgpPeeringAddress: values.peer,
			}
		}
		lgw, err := network.NewLocalNetworkGateway(ctx, lgwPulumi, lgwArgs, opts...)
		if err != nil {
			return nil, err
		}
		conPulumi, conAzure := names.siteConnection(s.Name)
		conArgs := &network.VirtualNetworkGatewayConnectionArgs{
			VirtualNetworkGatewayConnectionName: pulumi.String(conAzure),
			ResourceGroupName:                   in.resourceGroup.out,
			Location:                            in.region.out,
			ConnectionType:                      pulumi.String("IPsec"),
			ConnectionProtocol:                  pulumi.String("IKEv2"),
			// Only IDs: Azure returns the gateways of a connection with their IDs alone
			// (Azure/azure-rest-api-specs#850), so anything more would show as a change on refresh.
			VirtualNetworkGateway1: network.VirtualNetworkGatewayTypeArgs{Id: gateway.ID().ToStringOutput()},
			LocalNetworkGateway2:   &network.LocalNetworkGatewayTypeArgs{Id: lgw.ID().ToStringOutput()},
			SharedKey:              values.sharedKey,
			EnableBgp:              pulumi.Bool(s.Bgp != nil),
			Tags:                   in.tags,
		}
		if p := s.IpsecPolicy; p != nil {
			conArgs.IpsecPolicies = network.IpsecPolicyArray{network.IpsecPolicyArgs{
				IkeEncryption:       pulumi.String(string(p.IkeEncryption)),
				IkeIntegrity:        pulumi.String(string(p.IkeIntegrity)),
				DhGroup:             pulumi.String(string(p.DhGroup)),
				IpsecEncryption:     pulumi.String(string(p.IpsecEncryption)),
				IpsecIntegrity:      pulumi.String(string(p.IpsecIntegrity)),
				PfsGroup:            pulumi.String(string(p.PfsGroup)),
				SaLifeTimeSeconds:   pulumi.Int(p.SaLifeTimeSeconds),
				SaDataSizeKilobytes: pulumi.Int(p.SaDataSizeKilobytes),
			}}
		}
		con, err := network.NewVirtualNetworkGatewayConnection(ctx, conPulumi, conArgs,
			withOptions(opts, pulumi.AdditionalSecretOutputs([]string{"sharedKey"}))...)
		if err != nil {
			return nil, err
		}
		connections[s.Name] = con
	}
	return connections, nil
}

// registerCircuitConnection connects the ExpressRoute gateway to its circuit.
func registerCircuitConnection(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues,
	hv hybridValues, gateway *expressRouteGateway, opts ...pulumi.ResourceOption,
) (*network.VirtualNetworkGatewayConnection, error) {
	c := plan.hybrid.expressRoute.connection
	pulumiName, azureName := names.circuitConnection()
	args := &network.VirtualNetworkGatewayConnectionArgs{
		VirtualNetworkGatewayConnectionName: pulumi.String(azureName),
		ResourceGroupName:                   in.resourceGroup.out,
		Location:                            in.region.out,
		ConnectionType:                      pulumi.String("ExpressRoute"),
		VirtualNetworkGateway1:              network.VirtualNetworkGatewayTypeArgs{Id: gateway.ID().ToStringOutput()},
		Peer:                                &network.SubResourceArgs{Id: hv.circuit},
		Tags:                                in.tags,
	}
	if c.RoutingWeight != nil {
		args.RoutingWeight = pulumi.IntPtr(*c.RoutingWeight)
	}
	if hv.hasAuth {
		args.AuthorizationKey = hv.authKey
	}
	return network.NewVirtualNetworkGatewayConnection(ctx, pulumiName, args,
		withOptions(opts, pulumi.AdditionalSecretOutputs([]string{"authorizationKey"}))...)
}
