package securemlnetwork

import (
	"slices"

	"github.com/secureml/pulumi-secureml/components/privatelink"
)

// securityRule is one NSG rule as plain data, so rule sets can be read and tested without Pulumi.
// A source or destination ending in "." is a regional service tag: the network's region completes it
// (Storage. becomes Storage.eastus).
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
	// destinationGroup names an application security group ("privateEndpoints") the rule takes as its
	// destination instead of destination, when the groups exist.
	destinationGroup string
}

// outboundRule is a row of an outbound rule table.
type outboundRule struct {
	name        string
	protocol    string
	tag         string
	ports       []string
	description string
	notIn       []privatelink.Cloud // clouds without the service tag
}

var (
	publicCloudOnly = []privatelink.Cloud{privatelink.AzureUSGovernment, privatelink.AzureChinaCloud}
	notInChina      = []privatelink.Cloud{privatelink.AzureChinaCloud}
)

// requiredOutbound is the "Required" outbound table of the Azure ML network docs
// (azure-ai-docs includes/machine-learning-public-internet-access.md, ms.date 02/10/2025), plus the
// two rules of how-to-access-azureml-behind-firewall.md that the required table depends on:
// AzureFrontDoor.FirstParty (Microsoft Container Registry is served through it) and VirtualNetwork 443
// ("required when private endpoints are present").
//
// National clouds: AzureFrontDoor.FrontEnd is "Not needed in Microsoft Azure operated by 21Vianet",
// whose service tag page lists no AzureFrontDoor tag; service-tags-overview.md says "FirstParty service
// tag is only available in public cloud", so Azure Government refuses a rule naming it.
var requiredOutbound = []outboundRule{
	{"AllowAzureActiveDirectoryOutbound", "Tcp", "AzureActiveDirectory", []string{"80", "443"},
		"Microsoft Entra ID authentication.", nil},
	{"AllowAzureMachineLearningOutbound", "Tcp", "AzureMachineLearning", []string{"443", "18881"},
		"Azure ML services; 18881 is the notebook language server.", nil},
	{"AllowAzureMachineLearningUdpOutbound", "Udp", "AzureMachineLearning", []string{"5831"},
		"Create, update and delete compute instances.", nil},
	{"AllowBatchNodeManagementOutbound", "*", "BatchNodeManagement.", []string{"443"},
		"Azure Batch back end of compute instances and clusters.", nil},
	{"AllowAzureResourceManagerOutbound", "Tcp", "AzureResourceManager", []string{"443"},
		"Azure Resource Manager.", nil},
	{"AllowStorageOutbound", "Tcp", "Storage.", []string{"443"},
		"Regional storage for compute.", nil},
	{"AllowAzureFrontDoorFrontEndOutbound", "Tcp", "AzureFrontDoor.FrontEnd", []string{"443"},
		"Azure ML studio entry point and AutoML.", notInChina},
	{"AllowMicrosoftContainerRegistryOutbound", "Tcp", "MicrosoftContainerRegistry.", []string{"443"},
		"Microsoft container images.", nil},
	{"AllowAzureFrontDoorFirstPartyOutbound", "Tcp", "AzureFrontDoor.FirstParty", []string{"443"},
		"Microsoft Container Registry content delivery.", publicCloudOnly},
	{"AllowVirtualNetworkHttpsOutbound", "Tcp", "VirtualNetwork", []string{"443"},
		"Private endpoints in this or peered virtual networks.", nil},
}

// denyModeOutbound are "Situational" rules of the same docs for features people commonly use. With
// outboundInternet Allow the AllowInternetOutbound rule already covers them (the Internet tag includes
// Azure's public ranges); with Deny they must be explicit.
var denyModeOutbound = []outboundRule{
	// "Only needed if you haven't secured Azure Monitor (AMPLS) ... also used to log information for
	// support incidents"; this network creates no Azure Monitor private link scope.
	{"AllowAzureMonitorOutbound", "Tcp", "AzureMonitor", []string{"443"},
		"Azure Monitor: metrics, logs and support diagnostics from compute.", nil},
	// "445 is only required if you have a firewall between your virtual network for Azure ML and a
	// private endpoint for your storage accounts": file shares of a storage account reached without a
	// file endpoint in this network.
	{"AllowStorageFilesOutbound", "Tcp", "Storage.", []string{"445"},
		"Azure Files (SMB) shares of storage accounts without a private endpoint here.", nil},
	// "8787 ... required if you use RStudio" on a compute instance.
	{"AllowAzureMachineLearningRStudioOutbound", "Tcp", "AzureMachineLearning", []string{"8787"},
		"RStudio on compute instances.", nil},
}

// Rule priorities: required rules from 100 up in steps of 10, Deny-mode rules from 200, the catch-all
// Internet rules last.
const (
	firstRequiredPriority = 100
	firstDenyModePriority = 200
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
	rules = append(rules, outboundRules(plan.cloud, requiredOutbound, firstRequiredPriority)...)
	if plan.outbound == OutboundInternetDeny {
		rules = append(rules, outboundRules(plan.cloud, denyModeOutbound, firstDenyModePriority)...)
		rules = append(rules, internetOutbound("Deny"))
	} else {
		rules = append(rules, internetOutbound("Allow"))
	}
	return rules
}

// outboundRules turns a table into rules, numbered from first by the row's place in the table so a
// rule keeps its priority in every cloud.
func outboundRules(cloud privatelink.Cloud, table []outboundRule, first int) []securityRule {
	var rules []securityRule
	for i, r := range table {
		if slices.Contains(r.notIn, cloud) {
			continue
		}
		rules = append(rules, securityRule{
			name: r.name, priority: first + 10*i, direction: "Outbound", access: "Allow",
			protocol: r.protocol, source: "VirtualNetwork", destination: r.tag, ports: r.ports,
			description: r.description,
		})
	}
	return rules
}

// privateEndpointSubnetRules returns the rules of the private endpoint subnet: endpoints only answer
// traffic from the virtual network (allowed by Azure's default rules) and never start any.
func privateEndpointSubnetRules(plan networkPlan) []securityRule {
	rules := []securityRule{denyInternetInbound(), internetOutbound("Deny")}
	if plan.appSecurityGroups {
		rules = slices.Concat(endpointGroupRules, rules)
	}
	return rules
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

// route is one user-defined route as plain data; an address prefix ending in "." is a regional
// service tag, as in securityRule. A route to nextHopAppliance goes to the egress appliance's address
// (the firewall's, or egress.nextHopIpAddress).
type route struct {
	name, addressPrefix, nextHopType string
}

const nextHopAppliance = "VirtualAppliance"

// computeRoutes returns the routes of the compute subnets: with a public IP, Azure ML and Batch reach
// compute directly, not through a firewall or forced tunnel (how-to-access-azureml-behind-firewall.md);
// with a firewall or a next hop, everything else goes to it (hybrid-and-egress.md §7.4). Compute
// without a public IP needs no service-tag route behind a firewall.
func computeRoutes(plan networkPlan) []route {
	var routes []route
	if plan.computePublicIP {
		routes = append(routes,
			route{name: "AzureMachineLearning", addressPrefix: "AzureMachineLearning", nextHopType: "Internet"},
			route{name: "BatchNodeManagement", addressPrefix: "BatchNodeManagement.", nextHopType: "Internet"})
	}
	if plan.egress.routesDefault() {
		routes = append(routes, route{name: "DefaultToEgressAppliance", addressPrefix: "0.0.0.0/0", nextHopType: nextHopAppliance})
	}
	return routes
}
