package securemlnetwork

import (
	"github.com/secureml/pulumi-secureml/components/privatelink"
)

// securityRule is one NSG rule as plain data, so rule sets can be read and tested without Pulumi.
type securityRule struct {
	name        string
	priority    int
	direction   string // Inbound or Outbound
	access      string // Allow or Deny
	protocol    string // Tcp, Udp or *
	source      string // address prefix or service tag
	destination string // address prefix or service tag
	ports       []string
	description string
}

// requiredOutbound is the "Required" outbound table of the Azure ML network docs
// (azure-ai-docs includes/machine-learning-public-internet-access.md, ms.date 02/10/2025), plus the
// two rules of how-to-access-azureml-behind-firewall.md that the required table depends on:
// AzureFrontDoor.FirstParty (Microsoft Container Registry is served through it) and VirtualNetwork 443
// ("required when private endpoints are present"). A destination ending in "." takes the region.
// chinaUnavailable marks tags that do not exist in Azure operated by 21Vianet (no Azure Front Door).
var requiredOutbound = []struct {
	name             string
	protocol         string
	tag              string
	ports            []string
	description      string
	chinaUnavailable bool
}{
	{"AllowAzureActiveDirectoryOutbound", "Tcp", "AzureActiveDirectory", []string{"80", "443"},
		"Microsoft Entra ID authentication.", false},
	{"AllowAzureMachineLearningOutbound", "Tcp", "AzureMachineLearning", []string{"443", "18881"},
		"Azure ML services; 18881 is the notebook language server.", false},
	{"AllowAzureMachineLearningUdpOutbound", "Udp", "AzureMachineLearning", []string{"5831"},
		"Create, update and delete compute instances.", false},
	{"AllowBatchNodeManagementOutbound", "*", "BatchNodeManagement.", []string{"443"},
		"Azure Batch back end of compute instances and clusters.", false},
	{"AllowAzureResourceManagerOutbound", "Tcp", "AzureResourceManager", []string{"443"},
		"Azure Resource Manager.", false},
	{"AllowStorageOutbound", "Tcp", "Storage.", []string{"443"},
		"Regional storage for compute.", false},
	{"AllowAzureFrontDoorFrontEndOutbound", "Tcp", "AzureFrontDoor.FrontEnd", []string{"443"},
		"Azure ML studio entry point and AutoML.", true},
	{"AllowMicrosoftContainerRegistryOutbound", "Tcp", "MicrosoftContainerRegistry.", []string{"443"},
		"Microsoft container images.", false},
	{"AllowAzureFrontDoorFirstPartyOutbound", "Tcp", "AzureFrontDoor.FirstParty", []string{"443"},
		"Microsoft Container Registry content delivery.", true},
	{"AllowVirtualNetworkHttpsOutbound", "Tcp", "VirtualNetwork", []string{"443"},
		"Private endpoints in this or peered virtual networks.", false},
}

// Rule priorities: required rules from 100 up in steps of 10; the catch-all Internet rules last.
const (
	firstRequiredPriority = 100
	internetRulePriority  = 4096
)

// computeSubnetRules returns the rules of a training or scoring subnet.
func computeSubnetRules(plan networkPlan) []securityRule {
	var rules []securityRule
	if plan.computePublicIP {
		// Situational rule of the same docs: only compute with a public IP is reached on 44224.
		rules = append(rules, securityRule{
			name: "AllowAzureMachineLearningInbound", priority: firstRequiredPriority, direction: "Inbound",
			access: "Allow", protocol: "Tcp", source: "AzureMachineLearning", destination: "VirtualNetwork",
			ports:       []string{"44224"},
			description: "Azure ML manages compute that has a public IP address on TCP 44224.",
		})
	}
	rules = append(rules, denyInternetInbound())
	for i, r := range requiredOutbound {
		if r.chinaUnavailable && plan.cloud == privatelink.AzureChinaCloud {
			continue
		}
		tag := r.tag
		if tag[len(tag)-1] == '.' {
			tag += plan.region
		}
		rules = append(rules, securityRule{
			name: r.name, priority: firstRequiredPriority + 10*i, direction: "Outbound", access: "Allow",
			protocol: r.protocol, source: "VirtualNetwork", destination: tag, ports: r.ports,
			description: r.description,
		})
	}
	if plan.outbound == OutboundInternetDeny {
		rules = append(rules, internetOutbound("Deny"))
	} else {
		rules = append(rules, internetOutbound("Allow"))
	}
	return rules
}

// privateEndpointSubnetRules returns the rules of the private endpoint subnet: endpoints only answer
// traffic from the virtual network (allowed by Azure's default rules) and never start any.
func privateEndpointSubnetRules() []securityRule {
	return []securityRule{denyInternetInbound(), internetOutbound("Deny")}
}

func denyInternetInbound() securityRule {
	return securityRule{
		name: "DenyInternetInbound", priority: internetRulePriority, direction: "Inbound", access: "Deny",
		protocol: "*", source: "Internet", destination: "*", ports: []string{"*"},
		description: "No inbound traffic from the Internet.",
	}
}

func internetOutbound(access string) securityRule {
	return securityRule{
		name: access + "InternetOutbound", priority: internetRulePriority, direction: "Outbound", access: access,
		protocol: "*", source: "*", destination: "Internet", ports: []string{"*"},
		description: "Outbound Internet access beyond the required service tags (outboundInternet).",
	}
}

// route is one user-defined route as plain data.
type route struct {
	name, addressPrefix, nextHopType string
}

// computeRoutes returns the routes compute with a public IP needs: Azure ML and Batch reach it
// directly, not through a firewall or forced tunnel (how-to-access-azureml-behind-firewall.md).
func computeRoutes(plan networkPlan) []route {
	if !plan.computePublicIP {
		return nil
	}
	return []route{
		{name: "AzureMachineLearning", addressPrefix: "AzureMachineLearning", nextHopType: "Internet"},
		{name: "BatchNodeManagement", addressPrefix: "BatchNodeManagement." + plan.region, nextHopType: "Internet"},
	}
}
