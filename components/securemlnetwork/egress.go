package securemlnetwork

import (
	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The ways out: a NAT gateway on the compute subnets, or Azure Firewall (or a hub's address) that the
// compute subnets route 0.0.0.0/0 to. The firewall waits for its subnet, public IP and policy only, so
// it is created while the endpoints and zones are; the compute subnets' route tables wait for its
// address.

// egressResources are the children of the ways out.
type egressResources struct {
	natGateway *network.NatGateway
	natIP      pulumi.StringOutput // the NAT gateway's public IP or prefix
	firewall   *network.AzureFirewall
	policy     *network.FirewallPolicy
	firewallIP pulumi.StringOutput // the firewall's public IP
	// appliance is the address 0.0.0.0/0 goes to: the firewall's, or egress.nextHopIpAddress.
	appliance pulumi.StringInput
}

// registerEgress creates the NAT gateway, or takes the next hop; the firewall comes with its subnet
// (registerFirewall).
func registerEgress(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues,
	opts ...pulumi.ResourceOption,
) (egressResources, error) {
	var e egressResources
	switch plan.egress.mode {
	case EgressModeNextHop:
		e.appliance = in.egress.nextHop
	case EgressModeNatGateway:
		return e, registerNatGateway(ctx, names, plan, in, &e, opts...)
	}
	return e, nil
}

// registerNatGateway creates a Standard NAT gateway with one public IP or a prefix. Neither has zones:
// a Standard NAT gateway is regional or zonal, and a regional one serves every zone (nat-overview.md).
func registerNatGateway(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues,
	e *egressResources, opts ...pulumi.ResourceOption,
) error {
	n := plan.egress.nat
	args := &network.NatGatewayArgs{
		ResourceGroupName:    in.resourceGroup.out,
		Location:             in.region.out,
		Sku:                  &network.NatGatewaySkuArgs{Name: pulumi.String("Standard")},
		IdleTimeoutInMinutes: pulumi.Int(valueOr(n.IdleTimeoutInMinutes, minNatIdleTimeout)),
		Tags:                 in.tags,
	}
	if l := n.PublicIPPrefixLength; l != nil {
		pulumiName, azureName := names.publicIPPrefix("nat-gateway")
		prefix, err := network.NewPublicIPPrefix(ctx, pulumiName, &network.PublicIPPrefixArgs{
			PublicIpPrefixName:     pulumi.String(azureName),
			ResourceGroupName:      in.resourceGroup.out,
			Location:               in.region.out,
			Sku:                    &network.PublicIPPrefixSkuArgs{Name: pulumi.String("Standard"), Tier: pulumi.String("Regional")},
			PrefixLength:           pulumi.Int(*l),
			PublicIPAddressVersion: pulumi.String("IPv4"),
			Tags:                   in.tags,
		}, opts...)
		if err != nil {
			return err
		}
		args.PublicIpPrefixes = network.SubResourceArray{network.SubResourceArgs{Id: prefix.ID().ToStringOutput()}}
		e.natIP = prefix.IpPrefix
	} else {
		pulumiName, azureName := names.publicIP("nat-gateway", "")
		ip, err := registerPublicIPWithZones(ctx, pulumiName, azureName, in, nil, opts...)
		if err != nil {
			return err
		}
		args.PublicIpAddresses = network.SubResourceArray{network.SubResourceArgs{Id: ip.ID().ToStringOutput()}}
		e.natIP = ip.IpAddress.Elem()
	}
	pulumiName, azureName := names.natGateway()
	args.NatGatewayName = pulumi.String(azureName)
	nat, err := network.NewNatGateway(ctx, pulumiName, args, opts...)
	e.natGateway = nat
	return err
}

// registerFirewall creates the firewall policy with Azure ML's rules, then the firewall in its subnet.
// The firewall waits for its rule collection group: Azure refuses a policy write while a firewall using
// the policy is being written.
func registerFirewall(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues,
	e *egressResources, subnet subnetRef, opts ...pulumi.ResourceOption,
) error {
	fw := plan.egress.firewall
	policyPulumi, policyAzure := names.firewallPolicy()
	policy, err := network.NewFirewallPolicy(ctx, policyPulumi, &network.FirewallPolicyArgs{
		FirewallPolicyName: pulumi.String(policyAzure),
		ResourceGroupName:  in.networkGroup,
		Location:           in.region.out,
		Sku:                &network.FirewallPolicySkuArgs{Tier: pulumi.String(string(fw.sku))},
		DnsSettings:        &network.DnsSettingsArgs{EnableProxy: pulumi.Bool(fw.dnsProxy)},
		ThreatIntelMode:    pulumi.String("Alert"),
		Tags:               in.tags,
	}, opts...)
	if err != nil {
		return err
	}
	rulesPulumi, rulesAzure := names.firewallRules()
	rules, err := network.NewFirewallPolicyRuleCollectionGroup(ctx, rulesPulumi, &network.FirewallPolicyRuleCollectionGroupArgs{
		FirewallPolicyName:      pulumi.String(policyAzure),
		RuleCollectionGroupName: pulumi.String(rulesAzure),
		ResourceGroupName:       in.networkGroup,
		Priority:                pulumi.Int(firewallRulesPriority),
		RuleCollections:         firewallRuleCollections(plan, in),
	}, withDependsOn(opts, policy)...)
	if err != nil {
		return err
	}
	ipPulumi, ipAzure := names.publicIP("firewall", "")
	ip, err := registerPublicIP(ctx, ipPulumi, ipAzure, plan, in, opts...)
	if err != nil {
		return err
	}
	pulumiName, azureName := names.firewall()
	firewall, err := network.NewAzureFirewall(ctx, pulumiName, &network.AzureFirewallArgs{
		AzureFirewallName: pulumi.String(azureName),
		ResourceGroupName: in.networkGroup,
		Location:          in.region.out,
		Sku:               &network.AzureFirewallSkuArgs{Name: pulumi.String("AZFW_VNet"), Tier: pulumi.String(string(fw.sku))},
		IpConfigurations: network.AzureFirewallIPConfigurationArray{network.AzureFirewallIPConfigurationArgs{
			Name:            pulumi.String("ipconfig-1"),
			PublicIPAddress: &network.SubResourceArgs{Id: ip.ID().ToStringOutput()},
			Subnet:          &network.SubResourceArgs{Id: subnet.id},
		}},
		FirewallPolicy: &network.SubResourceArgs{Id: policy.ID().ToStringOutput()},
		Zones:          regionZones(plan, in),
		Tags:           in.tags,
	}, withDependsOn(opts, append(subnet.dependencies(), rules)...)...)
	if err != nil {
		return err
	}
	e.firewall, e.policy, e.firewallIP = firewall, policy, ip.IpAddress.Elem()
	e.appliance = firewall.IpConfigurations.Index(pulumi.Int(0)).PrivateIPAddress()
	return nil
}

// firewallRulesPriority is the rule collection group's priority (100-65000): room before it for a
// platform team's own groups.
const firewallRulesPriority = 500

// firewallRuleCollections builds the policy's rule collections: Azure ML's network rules (service
// tags), its application rules (FQDNs over HTTPS) and the extra FQDNs, from the compute subnets.
func firewallRuleCollections(plan networkPlan, in inputValues) pulumi.Array {
	sources := pulumi.All(in.computePrefixes, in.egress.allowedSources).ApplyT(func(v []any) []string {
		return append(append([]string{}, v[0].([]string)...), v[1].([]string)...)
	}).(pulumi.StringArrayOutput)
	var network pulumi.Array
	for _, r := range firewallNetworkRules(plan.cloud) {
		network = append(network, pulumi.Map{
			"ruleType":             pulumi.String("NetworkRule"),
			"name":                 pulumi.String(r.name),
			"ipProtocols":          pulumi.ToStringArray([]string{r.protocol}),
			"sourceAddresses":      sources,
			"destinationAddresses": pulumi.StringArray{regional(r.destination, in.region.out)},
			"destinationPorts":     pulumi.ToStringArray(r.ports),
		})
	}
	application := pulumi.Array{}
	rules := firewallFqdns[plan.cloud]
	if extra := plan.egress.firewall.extraFqdns; len(extra) > 0 {
		rules = append(append([]firewallFqdnRule{}, rules...), firewallFqdnRule{"ExtraFqdns", extra})
	}
	for _, r := range rules {
		application = append(application, pulumi.Map{
			"ruleType":        pulumi.String("ApplicationRule"),
			"name":            pulumi.String(r.name),
			"sourceAddresses": sources,
			"protocols":       pulumi.Array{pulumi.Map{"protocolType": pulumi.String("Https"), "port": pulumi.Int(443)}},
			"targetFqdns":     pulumi.ToStringArray(r.fqdns),
		})
	}
	collection := func(name string, priority int, rules pulumi.Array) pulumi.Map {
		return pulumi.Map{
			"ruleCollectionType": pulumi.String("FirewallPolicyFilterRuleCollection"),
			"name":               pulumi.String(name),
			"priority":           pulumi.Int(priority),
			"action":             pulumi.Map{"type": pulumi.String("Allow")},
			"rules":              rules,
		}
	}
	return pulumi.Array{
		collection("AzureMachineLearningNetwork", 100, network),
		collection("AzureMachineLearningApplication", 200, application),
	}
}
