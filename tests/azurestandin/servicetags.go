package azurestandin

import (
	"net/netip"
	"strings"

	"github.com/secureml/pulumi-secureml/components/azurecloud"
)

// serviceTag is one Azure service tag as the offline Azure stand-in (a test double) knows it.
type serviceTag struct {
	regional bool                      // Tag.<region> exists
	notIn    map[azurecloud.Cloud]bool // clouds that do not have the tag
}

var (
	publicOnly = map[azurecloud.Cloud]bool{azurecloud.AzureUSGovernment: true, azurecloud.AzureChinaCloud: true}
	notInChina = map[azurecloud.Cloud]bool{azurecloud.AzureChinaCloud: true}
)

// serviceTags are the tags a security rule or route may name (case-insensitively).
//
// Source: azure-docs virtual-network/service-tags-overview.md, the table of "all the service tags
// available for use in network security group rules" and its "Regional" column (ms.date 1/26/2023 for
// AzureMachineLearning and MicrosoftContainerRegistry, which the 07/15/2025 copy no longer lists but the
// Azure ML docs of 02/10/2025 still require; 07/15/2025 for the others). National clouds: "FirstParty
// service tag is only available in public cloud while the other service tags are available in public
// and government clouds"; the 21Vianet copy of the page (2021) marks every AzureFrontDoor tag "Not
// Available". Default tags (VirtualNetwork, Internet, AzureLoadBalancer) and `*` are always valid.
var serviceTags = map[string]serviceTag{
	"*":                                  {},
	"virtualnetwork":                     {},
	"internet":                           {},
	"azureloadbalancer":                  {},
	"azureactivedirectory":               {},
	"azurecloud":                         {regional: true},
	"azurecontainerregistry":             {regional: true},
	"azurefrontdoor.backend":             {regional: true, notIn: notInChina},
	"azurefrontdoor.firstparty":          {regional: true, notIn: publicOnly},
	"azurefrontdoor.frontend":            {regional: true, notIn: notInChina},
	"azurefrontdoor.microsoftsecurity":   {regional: true, notIn: notInChina},
	"azurekeyvault":                      {regional: true},
	"azuremachinelearning":               {},
	"azuremachinelearninginference":      {},
	"azuremonitor":                       {},
	"azureresourcemanager":               {},
	"batchnodemanagement":                {regional: true},
	"gatewaymanager":                     {},
	"microsoftcontainerregistry":         {regional: true},
	"sql":                                {regional: true},
	"storage":                            {regional: true},
	"eventhub":                           {regional: true},
	"apimanagement":                      {regional: true},
	"datafactory":                        {regional: true},
	"azureplatformdns":                   {},
	"azureplatformimds":                  {},
	"azureplatformlkm":                   {},
	"azurecosmosdb":                      {regional: true},
	"appservice":                         {regional: true},
	"servicebus":                         {regional: true},
	"azurebackup":                        {regional: true},
	"azuredatabricks":                    {regional: true},
	"azuretrafficmanager":                {},
	"guestandhybridmanagement":           {},
	"azurearcinfrastructure":             {},
	"azuresiterecovery":                  {},
	"windowsvirtualdesktop":              {},
	"cognitiveservicesmanagement":        {},
	"cognitiveservicesfrontend":          {},
	"azureupdatedelivery":                {},
	"azuredevops":                        {},
	"azureopendatasets":                  {},
	"azurebotservice":                    {},
	"azureconnectors":                    {regional: true},
	"azureeventgrid":                     {},
	"azureiothub":                        {regional: true},
	"logicapps":                          {},
	"powerbi":                            {},
	"powerqueryonline":                   {},
	"storagesyncservice":                 {},
	"azurecognitivesearch":               {},
	"azureattestation":                   {},
	"azureinformationprotection":         {},
	"azuresignalr":                       {},
	"hdinsight":                          {regional: true},
	"actiongroup":                        {},
	"applicationinsightsavailability":    {},
	"appconfiguration":                   {},
	"azureactivedirectorydomainservices": {},
}

// validAddressPrefix reports whether value is something Azure accepts as a security rule's or route's
// address prefix in cloud: an IP address or CIDR, or a service tag (Tag or Tag.<region> for a regional
// tag and a region of that cloud).
func validAddressPrefix(cloud azurecloud.Cloud, value string) bool {
	if _, err := netip.ParsePrefix(value); err == nil {
		return true
	}
	if _, err := netip.ParseAddr(value); err == nil {
		return true
	}
	name, region, hasRegion := strings.Cut(strings.ToLower(value), ".")
	if tag, ok := serviceTags[strings.ToLower(value)]; ok && !tag.notIn[cloud] {
		return true // also covers dotted names such as AzureFrontDoor.FirstParty
	}
	if !hasRegion {
		return false
	}
	tag, ok := serviceTags[name]
	if !ok || !tag.regional || tag.notIn[cloud] {
		return false
	}
	_, known := azurecloud.LookupRegion(cloud, region)
	return known
}
