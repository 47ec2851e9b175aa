// Package egresscompute is an insecure policy fixture: compute subnets with explicit egress that keep
// Azure's default outbound access, public IP addresses and Internet routes for compute in a network
// whose compute has none (no AzureMachineLearning rule on 44224), a Basic firewall with classic rules,
// and FQDNs in network rules of a policy without DNS proxy.
package egresscompute

import (
	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/tests/e2e/policy-fixtures/fixture"
)

// Fixture is the program and the violations the pack reports for it.
var Fixture = fixture.Fixture{
	Program: program,
	Expected: []fixture.Violation{
		// A NAT gateway, and defaultOutboundAccess true.
		{Policy: "subnet-private-with-explicit-egress", Resource: "subnet-training"},
		// 0.0.0.0/0 to a firewall, and defaultOutboundAccess not set (the default API version lacks it).
		{Policy: "subnet-private-with-explicit-egress", Resource: "subnet-scoring"},
		// The AzureMachineLearning route to Internet, which only public-IP compute needs.
		{Policy: "compute-no-public-ip", Resource: "rt-scoring"},
		{Policy: "compute-no-public-ip", Resource: "nic-vm"},
		// enableNodePublicIp not set: Azure's default gives the nodes public IPs.
		{Policy: "compute-no-public-ip", Resource: "compute-cluster"},
		// Basic, and no firewall policy.
		{Policy: "firewall-not-basic", Resource: "fw-basic"},
		{Policy: "firewall-has-policy", Resource: "fw-basic"},
		// A network rule to FQDNs in a policy whose DNS proxy is off.
		{Policy: "firewall-network-fqdns-need-dns-proxy", Resource: "rcg-fqdns"},
	},
}

var (
	group    = pulumi.String(fixture.ResourceGroup)
	location = pulumi.String(fixture.Location)
)

func program(ctx *pulumi.Context) error {
	vnet, err := network.NewVirtualNetwork(ctx, "vnet", &network.VirtualNetworkArgs{
		VirtualNetworkName: pulumi.String("vnet-egress"), ResourceGroupName: group, Location: location,
		AddressSpace: &network.AddressSpaceArgs{AddressPrefixes: pulumi.ToStringArray([]string{"10.4.0.0/16"})},
	})
	if err != nil {
		return err
	}
	compute, err := network.NewNetworkSecurityGroup(ctx, "nsg-compute", &network.NetworkSecurityGroupArgs{
		NetworkSecurityGroupName: pulumi.String("nsg-compute"), ResourceGroupName: group, Location: location,
		SecurityRules: network.SecurityRuleTypeArray{network.SecurityRuleTypeArgs{
			Name: pulumi.String("DenyInternetInbound"), Priority: pulumi.Int(4096), Direction: pulumi.String("Inbound"),
			Access: pulumi.String("Deny"), Protocol: pulumi.String("*"), SourceAddressPrefix: pulumi.String("Internet"),
			SourcePortRange: pulumi.String("*"), DestinationAddressPrefix: pulumi.String("*"),
			DestinationPortRange: pulumi.String("*"),
		}},
	})
	if err != nil {
		return err
	}
	nat, err := network.NewNatGateway(ctx, "nat", &network.NatGatewayArgs{
		NatGatewayName: pulumi.String("nat-egress"), ResourceGroupName: group, Location: location,
		Sku: &network.NatGatewaySkuArgs{Name: pulumi.String("Standard")},
	})
	if err != nil {
		return err
	}
	// defaultOutboundAccess needs API 2023-05-01 or later: registered by token.
	training, err := fixture.Raw(ctx, "azure-native:network/v20240301:Subnet", "subnet-training", pulumi.Map{
		"subnetName": pulumi.String("snet-training"), "virtualNetworkName": pulumi.String("vnet-egress"),
		"resourceGroupName": group, "addressPrefix": pulumi.String("10.4.0.0/24"),
		"networkSecurityGroup":  pulumi.Map{"id": compute.ID()},
		"natGateway":            pulumi.Map{"id": nat.ID()},
		"defaultOutboundAccess": pulumi.Bool(true),
	}, pulumi.DependsOn([]pulumi.Resource{vnet}))
	if err != nil {
		return err
	}
	routes, err := network.NewRouteTable(ctx, "rt-scoring", &network.RouteTableArgs{
		RouteTableName: pulumi.String("rt-scoring"), ResourceGroupName: group, Location: location,
		Routes: network.RouteTypeArray{
			network.RouteTypeArgs{Name: pulumi.String("AzureMachineLearning"), AddressPrefix: pulumi.String("AzureMachineLearning"),
				NextHopType: pulumi.String("Internet")},
			network.RouteTypeArgs{Name: pulumi.String("to-firewall"), AddressPrefix: pulumi.String("0.0.0.0/0"),
				NextHopType: pulumi.String("VirtualAppliance"), NextHopIpAddress: pulumi.String("10.4.9.4")},
		},
	})
	if err != nil {
		return err
	}
	scoring, err := network.NewSubnet(ctx, "subnet-scoring", &network.SubnetArgs{
		SubnetName: pulumi.String("snet-scoring"), VirtualNetworkName: pulumi.String("vnet-egress"),
		ResourceGroupName: group, AddressPrefix: pulumi.String("10.4.1.0/24"),
		NetworkSecurityGroup: &network.NetworkSecurityGroupTypeArgs{Id: compute.ID().ToStringOutput()},
		RouteTable:           &network.RouteTableTypeArgs{Id: routes.ID().ToStringOutput()},
	}, pulumi.DependsOn([]pulumi.Resource{training}))
	if err != nil {
		return err
	}
	ip, err := network.NewPublicIPAddress(ctx, "pip-vm", &network.PublicIPAddressArgs{
		PublicIpAddressName: pulumi.String("pip-vm"), ResourceGroupName: group, Location: location,
		Sku:                      &network.PublicIPAddressSkuArgs{Name: pulumi.String("Standard")},
		PublicIPAllocationMethod: pulumi.String("Static"),
	})
	if err != nil {
		return err
	}
	if _, err := network.NewNetworkInterface(ctx, "nic-vm", &network.NetworkInterfaceArgs{
		NetworkInterfaceName: pulumi.String("nic-vm"), ResourceGroupName: group, Location: location,
		IpConfigurations: network.NetworkInterfaceIPConfigurationArray{network.NetworkInterfaceIPConfigurationArgs{
			Name:            pulumi.String("ipconfig1"),
			Subnet:          &network.SubnetTypeArgs{Id: scoring.ID().ToStringOutput()},
			PublicIPAddress: &network.PublicIPAddressTypeArgs{Id: ip.ID().ToStringOutput()},
		}},
	}); err != nil {
		return err
	}
	if err := firewalls(ctx); err != nil {
		return err
	}
	_, err = fixture.Raw(ctx, "azure-native:machinelearningservices:Compute", "compute-cluster", pulumi.Map{
		"computeName": pulumi.String("cpu-cluster"), "workspaceName": pulumi.String("mlw-fixture"),
		"resourceGroupName": group, "location": location,
		"properties": pulumi.Map{
			"computeType": pulumi.String("AmlCompute"),
			"properties": pulumi.Map{
				"vmSize":        pulumi.String("STANDARD_DS3_V2"),
				"subnet":        pulumi.Map{"id": training.ID()},
				"scaleSettings": pulumi.Map{"minNodeCount": pulumi.Int(0), "maxNodeCount": pulumi.Int(4)},
			},
		},
	})
	return err
}

// firewalls registers a Basic firewall with no policy, and a Standard policy with DNS proxy off whose
// rule collection group sends Batch's UDP traffic to an FQDN.
func firewalls(ctx *pulumi.Context) error {
	if _, err := network.NewAzureFirewall(ctx, "fw-basic", &network.AzureFirewallArgs{
		AzureFirewallName: pulumi.String("afw-basic"), ResourceGroupName: group, Location: location,
		Sku: &network.AzureFirewallSkuArgs{Name: pulumi.String("AZFW_VNet"), Tier: pulumi.String("Basic")},
	}); err != nil {
		return err
	}
	policy, err := network.NewFirewallPolicy(ctx, "afwp-noproxy", &network.FirewallPolicyArgs{
		FirewallPolicyName: pulumi.String("afwp-noproxy"), ResourceGroupName: group, Location: location,
		Sku:         &network.FirewallPolicySkuArgs{Tier: pulumi.String("Standard")},
		DnsSettings: &network.DnsSettingsArgs{EnableProxy: pulumi.Bool(false)},
	})
	if err != nil {
		return err
	}
	_, err = fixture.Raw(ctx, "azure-native:network:FirewallPolicyRuleCollectionGroup", "rcg-fqdns", pulumi.Map{
		"firewallPolicyName": pulumi.String("afwp-noproxy"), "ruleCollectionGroupName": pulumi.String("rcg-fqdns"),
		"resourceGroupName": group, "priority": pulumi.Int(500),
		"ruleCollections": pulumi.Array{pulumi.Map{
			"ruleCollectionType": pulumi.String("FirewallPolicyFilterRuleCollection"),
			"name":               pulumi.String("batch"), "priority": pulumi.Int(100),
			"action": pulumi.Map{"type": pulumi.String("Allow")},
			"rules": pulumi.Array{pulumi.Map{
				"ruleType": pulumi.String("NetworkRule"), "name": pulumi.String("batch-udp"),
				"ipProtocols":      pulumi.ToStringArray([]string{"UDP"}),
				"sourceAddresses":  pulumi.ToStringArray([]string{"10.4.0.0/24"}),
				"destinationFqdns": pulumi.ToStringArray([]string{"eastus.batch.azure.com"}),
				"destinationPorts": pulumi.ToStringArray([]string{"5831"}),
			}},
		}},
	}, pulumi.DependsOn([]pulumi.Resource{policy}))
	return err
}
