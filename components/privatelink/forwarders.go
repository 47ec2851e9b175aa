package privatelink

import (
	"sort"
	"strings"
)

// Conditional forwarders: the DNS zones that DNS servers outside the virtual network (on premises, or
// a VPN client's) must forward to a DNS server inside it, such as a DNS Private Resolver's inbound
// endpoint, so names of private endpoints resolve to their private addresses.

// mlForwarderZones are the Azure Machine Learning zones per cloud (azure-ai-docs how-to-custom-dns.md,
// ms.date 03/26/2026: the in-network list of five zones; the on-premises list omits aznbcontent.net,
// which is forwarded here too because the in-network list has it and forwarding it is harmless).
// China's instances zone is printed as instances.ml.azure.ms in that doc, and is kept as printed.
var mlForwarderZones = map[Cloud][]string{
	AzureCloud: {"api.azureml.ms", "notebooks.azure.net", "instances.ml.azure.ms", "aznbcontent.net",
		"inference.ml.azure.com"},
	AzureUSGovernment: {"api.ml.azure.us", "notebooks.usgovcloudapi.net", "instances.ml.azure.us", "aznbcontent.net",
		"inference.ml.azure.us"},
	AzureChinaCloud: {"api.ml.azure.cn", "notebooks.chinacloudapi.cn", "instances.ml.azure.ms", "aznbcontent.net",
		"inference.ml.azure.cn"},
}

// ConditionalForwarders returns, sorted, the zones to forward for a configuration: Azure ML's zones
// when the workspace has an endpoint, and for every other private DNS zone in use the public zone it
// shadows (private-endpoint-dns-integration.md: forward "database.windows.net instead of
// privatelink.database.windows.net").
func ConditionalForwarders(cloud Cloud, privateZones []string) []string {
	set := map[string]bool{}
	workspace := map[string]bool{}
	for _, z := range zoneNames[GroupWorkspace][cloud] {
		workspace[z] = true
	}
	for _, z := range privateZones {
		if workspace[z] {
			for _, ml := range mlForwarderZones[cloud] {
				set[ml] = true
			}
			continue
		}
		set[strings.TrimPrefix(z, "privatelink.")] = true
	}
	out := make([]string, 0, len(set))
	for z := range set {
		out = append(out, z)
	}
	sort.Strings(out)
	return out
}
