package securemlnetwork

// Security rules of the subnets of the ways in, as data.

// bastionRules are the rules Azure Bastion needs on AzureBastionSubnet (bastion/bastion-nsg.md,
// ms.date 02/24/2026: "Omitting any of the following rules in your NSG will block your Azure Bastion
// resource from receiving necessary updates"; Azure refuses an incomplete set with
// NetworkSecurityGroupNotCompliantForAzureBastionSubnet). The doc names the rules and prescribes no
// priorities; these are Microsoft's sample priorities.
var bastionRules = []securityRule{
	{name: "AllowHttpsInbound", priority: 120, direction: "Inbound", access: "Allow", protocol: "Tcp",
		source: "Internet", destination: "*", ports: []string{"443"},
		description: "Users reach Bastion over HTTPS."},
	{name: "AllowGatewayManagerInbound", priority: 130, direction: "Inbound", access: "Allow", protocol: "Tcp",
		source: "GatewayManager", destination: "*", ports: []string{"443"},
		description: "Azure's control plane manages Bastion."},
	{name: "AllowAzureLoadBalancerInbound", priority: 140, direction: "Inbound", access: "Allow", protocol: "Tcp",
		source: "AzureLoadBalancer", destination: "*", ports: []string{"443"},
		description: "Health probes of Bastion's load balancer."},
	{name: "AllowBastionHostCommunication", priority: 150, direction: "Inbound", access: "Allow", protocol: "*",
		source: "VirtualNetwork", destination: "VirtualNetwork", ports: []string{"8080", "5701"},
		description: "Bastion's instances talk to each other."},
	{name: "AllowSshRdpOutbound", priority: 100, direction: "Outbound", access: "Allow", protocol: "*",
		source: "*", destination: "VirtualNetwork", ports: []string{"22", "3389"},
		description: "Bastion reaches the machines it opens sessions to."},
	{name: "AllowAzureCloudOutbound", priority: 110, direction: "Outbound", access: "Allow", protocol: "Tcp",
		source: "*", destination: "AzureCloud", ports: []string{"443"},
		description: "Bastion reports diagnostics to Azure."},
	{name: "AllowBastionCommunication", priority: 120, direction: "Outbound", access: "Allow", protocol: "*",
		source: "VirtualNetwork", destination: "VirtualNetwork", ports: []string{"8080", "5701"},
		description: "Bastion's instances talk to each other."},
	{name: "AllowHttpOutbound", priority: 130, direction: "Outbound", access: "Allow", protocol: "*",
		source: "*", destination: "Internet", ports: []string{"80"},
		description: "Bastion validates session certificates (CRLs) over HTTP."},
}

func bastionSubnetRules(networkPlan) []securityRule { return bastionRules }

// resolverSubnetRules open DNS to the inbound endpoint from the virtual network, which includes the
// point-to-site pool and the ranges of connected sites (the VirtualNetwork service tag). Azure
// documents neither a requirement nor a ban of a network security group on the resolver's subnet;
// reports of working ones allow port 53 (MicrosoftDocs/azure-docs#110796). Azure's default rules stay
// in force below these.
func resolverSubnetRules(networkPlan) []securityRule {
	return []securityRule{
		{name: "AllowDnsTcpInbound", priority: 100, direction: "Inbound", access: "Allow", protocol: "Tcp",
			source: "VirtualNetwork", destination: "*", ports: []string{"53"},
			description: "DNS queries from the network, VPN clients and connected sites."},
		{name: "AllowDnsUdpInbound", priority: 110, direction: "Inbound", access: "Allow", protocol: "Udp",
			source: "VirtualNetwork", destination: "*", ports: []string{"53"},
			description: "DNS queries from the network, VPN clients and connected sites."},
		denyInternetInbound(),
	}
}
