package securemlnetwork

import (
	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The DNS Private Resolver and its inbound endpoint. The endpoint's address is fixed (the fifth of its
// subnet), so the network can take it as its DNS server when it is created, before the resolver
// exists: no later write of the network competes with the gateways joining GatewaySubnet.

// resolverAddress is the inbound endpoint's address, from the placed subnets.
func resolverAddress(addresses addressPlan) pulumi.StringOutput {
	return addresses.prefixes.MapIndex(pulumi.String(string(roleDNSResolverInbound))).ApplyT(inboundEndpointAddress).(pulumi.StringOutput)
}

// dnsServers are the network's DNS servers: the inbound endpoint, then Azure DNS when a VPN gateway
// is present (vpn-gateway-vpn-faq.md: the gateway needs Azure DNS to reach its control plane; azure-ai-
// docs how-to-custom-dns.md: "Azure DNS IP (168.63.129.16) needs to be added in the list as well"). Nil
// when the resolver does not set them.
func dnsServers(plan networkPlan, addresses addressPlan) network.DhcpOptionsPtrInput {
	r := plan.hybrid.resolver
	if r == nil || !r.setDNSServers {
		return nil
	}
	vpn := plan.hybrid.vpn != nil
	return &network.DhcpOptionsArgs{DnsServers: resolverAddress(addresses).ApplyT(func(ip string) []string {
		if vpn {
			return []string{ip, azureDNS}
		}
		return []string{ip}
	}).(pulumi.StringArrayOutput)}
}

func registerResolver(ctx *pulumi.Context, names childNames, in inputValues, addresses addressPlan,
	vnet networkRef, subnet subnetRef, opts ...pulumi.ResourceOption,
) (*network.DnsResolver, *network.InboundEndpoint, error) {
	resolverPulumi, resolverAzure := names.dnsResolver()
	resolver, err := network.NewDnsResolver(ctx, resolverPulumi, &network.DnsResolverArgs{
		DnsResolverName:   pulumi.String(resolverAzure),
		ResourceGroupName: in.networkGroup,
		Location:          in.region.out,
		VirtualNetwork:    network.SubResourceArgs{Id: vnet.id},
		Tags:              in.tags,
	}, opts...)
	if err != nil {
		return nil, nil, err
	}
	endpointPulumi, endpointAzure := names.inboundEndpoint()
	endpoint, err := network.NewInboundEndpoint(ctx, endpointPulumi, &network.InboundEndpointArgs{
		// The resolver's name as chosen here, with an explicit dependency (see network.go).
		DnsResolverName:     pulumi.String(resolverAzure),
		InboundEndpointName: pulumi.String(endpointAzure),
		ResourceGroupName:   in.networkGroup,
		Location:            in.region.out,
		IpConfigurations: network.InboundEndpointIPConfigurationArray{network.InboundEndpointIPConfigurationArgs{
			Subnet:                    network.SubResourceArgs{Id: subnet.id},
			PrivateIpAddress:          resolverAddress(addresses),
			PrivateIpAllocationMethod: pulumi.String("Static"),
		}},
		Tags: in.tags,
	}, withDependsOn(opts, resolver)...)
	return resolver, endpoint, err
}
