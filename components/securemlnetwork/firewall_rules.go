package securemlnetwork

import (
	"strings"

	"github.com/secureml/pulumi-secureml/components/privatelink"
)

// The rules Azure Firewall needs for Azure ML, as data (hybrid-and-egress.md §7.3, from azure-ai-docs
// how-to-access-azureml-behind-firewall.md, ms.date 03/19/2026, and its include
// recommended-network-outbound.md). The docs' guidance: service tags and ports other than 80/443 go in
// network rules; FQDNs on 443 go in application rules. The network rules are the compute subnets'
// outbound tables (rules.go), so the firewall and the NSGs allow the same service tags. Hosts the docs
// list as FQDNs on other ports (tundra UDP 5831, Batch "ANY 443") are covered by the AzureMachineLearning
// and BatchNodeManagement.<region> tags, which a Standard firewall takes without DNS proxy.

// firewallFqdnRule is an application rule: HTTPS to the FQDNs.
type firewallFqdnRule struct {
	name  string
	fqdns []string
}

// firewallFqdns are the hosts the workspace, studio and compute reach over HTTPS, per cloud. Storage
// and Key Vault hosts are wildcards, as the doc lists them: compute reaches Azure's own storage
// accounts (Batch, the workspace's artifacts) as well as yours.
var firewallFqdns = map[privatelink.Cloud][]firewallFqdnRule{
	privatelink.AzureCloud: {
		{"AzureMachineLearningWorkspace", []string{"login.microsoftonline.com", "management.azure.com", "ml.azure.com",
			"*.azureml.ms", "*.azureml.net", "*.modelmanagement.azureml.net", "*.notebooks.azure.net",
			"graph.microsoft.com", "*.aznbcontent.net", "automlresources-prod.azureedge.net", "aka.ms"}},
		{"AzureMachineLearningCompute", []string{"graph.windows.net", "*.instances.azureml.net", "*.instances.azureml.ms",
			"*.blob.core.windows.net", "*.table.core.windows.net", "*.queue.core.windows.net", "*.file.core.windows.net",
			"*.dfs.core.windows.net", "*.vault.azure.net"}},
		{"ContainersAndMonitoring", []string{"mcr.microsoft.com", "*.data.mcr.microsoft.com",
			"dc.applicationinsights.azure.com", "dc.applicationinsights.microsoft.com", "dc.services.visualstudio.com",
			"*.in.applicationinsights.azure.com"}},
	},
	privatelink.AzureUSGovernment: {
		{"AzureMachineLearningWorkspace", []string{"login.microsoftonline.us", "management.azure.us",
			"management.usgovcloudapi.net", "ml.azure.us", "*.ml.azure.us", "*.modelmanagement.azureml.us",
			"*.notebooks.usgovcloudapi.net", "graph.microsoft.us", "*.aznbcontent.net"}},
		{"AzureMachineLearningCompute", []string{"*.instances.azureml.us", "*.core.usgovcloudapi.net",
			"*.vault.usgovcloudapi.net"}},
	},
	privatelink.AzureChinaCloud: {
		{"AzureMachineLearningWorkspace", []string{"login.chinacloudapi.cn", "management.azure.cn",
			"management.chinacloudapi.cn", "studio.ml.azure.cn", "*.ml.azure.cn", "*.azureml.cn",
			"*.modelmanagement.ml.azure.cn", "*.notebooks.chinacloudapi.cn", "graph.chinacloudapi.cn",
			"*.aznbcontent.net"}},
		{"AzureMachineLearningCompute", []string{"*.instances.azureml.cn", "*.core.chinacloudapi.cn", "*.vault.azure.cn"}},
	},
}

// firewallNetworkRule is a network rule: a service tag and ports.
type firewallNetworkRule struct {
	name, protocol, destination string
	ports                       []string
}

// firewallNetworkRules are the compute subnets' outbound service-tag rules of the cloud (required and
// the situational ones), without VirtualNetwork, which never crosses the firewall.
func firewallNetworkRules(cloud privatelink.Cloud) []firewallNetworkRule {
	var out []firewallNetworkRule
	for _, table := range [][]outboundRule{requiredOutbound, denyModeOutbound} {
		for _, r := range outboundRules(cloud, table, 0) {
			if r.destination == "VirtualNetwork" {
				continue
			}
			out = append(out, firewallNetworkRule{
				name: strings.TrimSuffix(strings.TrimPrefix(r.name, "Allow"), "Outbound"), protocol: firewallProtocol(r.protocol),
				destination: r.destination, ports: r.ports,
			})
		}
	}
	return out
}

// firewallProtocol spells an NSG protocol the way firewall network rules do.
func firewallProtocol(nsg string) string {
	switch nsg {
	case "Tcp":
		return "TCP"
	case "Udp":
		return "UDP"
	}
	return "Any"
}
