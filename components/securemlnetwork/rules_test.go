package securemlnetwork

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/secureml/pulumi-secureml/components/privatelink"
)

func planFor(cloud privatelink.Cloud, publicIP bool, outbound OutboundInternet) networkPlan {
	return networkPlan{cloud: cloud, computePublicIP: publicIP, outbound: outbound}
}

// inRegion completes a regional service tag the way the wiring does, for region eastus.
func inRegion(value string) string {
	if strings.HasSuffix(value, ".") {
		return value + "eastus"
	}
	return value
}

// describe prints a rule as one line, so a rule set reads like the table in the docs.
func describe(r securityRule) string {
	return fmt.Sprintf("%s %d %s %s %s %s->%s %s", r.name, r.priority, r.direction, r.access, r.protocol,
		inRegion(r.source), inRegion(r.destination), strings.Join(r.ports, ","))
}

func describeAll(rules []securityRule) []string {
	var out []string
	for _, r := range rules {
		out = append(out, describe(r))
	}
	return out
}

func TestComputeRulesDefault(t *testing.T) {
	t.Parallel()
	assert.Equal(t, []string{
		"DenyInternetInbound 4096 Inbound Deny * Internet->* *",
		"AllowAzureActiveDirectoryOutbound 100 Outbound Allow Tcp VirtualNetwork->AzureActiveDirectory 80,443",
		"AllowAzureMachineLearningOutbound 110 Outbound Allow Tcp VirtualNetwork->AzureMachineLearning 443,18881",
		"AllowAzureMachineLearningUdpOutbound 120 Outbound Allow Udp VirtualNetwork->AzureMachineLearning 5831",
		"AllowBatchNodeManagementOutbound 130 Outbound Allow * VirtualNetwork->BatchNodeManagement.eastus 443",
		"AllowAzureResourceManagerOutbound 140 Outbound Allow Tcp VirtualNetwork->AzureResourceManager 443",
		"AllowStorageOutbound 150 Outbound Allow Tcp VirtualNetwork->Storage.eastus 443",
		"AllowAzureFrontDoorFrontEndOutbound 160 Outbound Allow Tcp VirtualNetwork->AzureFrontDoor.FrontEnd 443",
		"AllowMicrosoftContainerRegistryOutbound 170 Outbound Allow Tcp VirtualNetwork->MicrosoftContainerRegistry.eastus 443",
		"AllowAzureFrontDoorFirstPartyOutbound 180 Outbound Allow Tcp VirtualNetwork->AzureFrontDoor.FirstParty 443",
		"AllowVirtualNetworkHttpsOutbound 190 Outbound Allow Tcp VirtualNetwork->VirtualNetwork 443",
		"AllowInternetOutbound 4096 Outbound Allow * *->Internet *",
	}, describeAll(computeSubnetRules(planFor(privatelink.AzureCloud, false, OutboundInternetAllow))))
}

func TestComputeRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		plan        networkPlan
		contains    []string
		notContains []string
	}{
		{"computePublicIp adds inbound 44224 from AzureMachineLearning",
			planFor(privatelink.AzureCloud, true, OutboundInternetAllow),
			[]string{"AllowAzureMachineLearningInbound 100 Inbound Allow Tcp AzureMachineLearning->VirtualNetwork 44224"}, nil},
		{"no public IP means no inbound 44224",
			planFor(privatelink.AzureCloud, false, OutboundInternetAllow),
			nil, []string{"AllowAzureMachineLearningInbound 100 Inbound Allow Tcp AzureMachineLearning->VirtualNetwork 44224"}},
		{"outboundInternet Deny denies the Internet tag last",
			planFor(privatelink.AzureCloud, false, OutboundInternetDeny),
			[]string{"DenyInternetOutbound 4096 Outbound Deny * *->Internet *"},
			[]string{"AllowInternetOutbound 4096 Outbound Allow * *->Internet *"}},
		{"outboundInternet Deny allows the situational tags people commonly need",
			planFor(privatelink.AzureCloud, false, OutboundInternetDeny),
			[]string{
				"AllowAzureMonitorOutbound 200 Outbound Allow Tcp VirtualNetwork->AzureMonitor 443",
				"AllowStorageFilesOutbound 210 Outbound Allow Tcp VirtualNetwork->Storage.eastus 445",
				"AllowAzureMachineLearningRStudioOutbound 220 Outbound Allow Tcp VirtualNetwork->AzureMachineLearning 8787",
			}, nil},
		{"outboundInternet Allow needs no situational rules: the Internet tag covers them",
			planFor(privatelink.AzureCloud, false, OutboundInternetAllow),
			nil, []string{"AllowAzureMonitorOutbound 200 Outbound Allow Tcp VirtualNetwork->AzureMonitor 443"}},
		{"China has no Azure Front Door tags",
			planFor(privatelink.AzureChinaCloud, false, OutboundInternetAllow),
			[]string{"AllowStorageOutbound 150 Outbound Allow Tcp VirtualNetwork->Storage.eastus 443"},
			[]string{
				"AllowAzureFrontDoorFrontEndOutbound 160 Outbound Allow Tcp VirtualNetwork->AzureFrontDoor.FrontEnd 443",
				"AllowAzureFrontDoorFirstPartyOutbound 180 Outbound Allow Tcp VirtualNetwork->AzureFrontDoor.FirstParty 443",
			}},
		{"US Government has Front Door's FrontEnd tag but not FirstParty, which is public-cloud only",
			planFor(privatelink.AzureUSGovernment, false, OutboundInternetAllow),
			[]string{
				"AllowAzureFrontDoorFrontEndOutbound 160 Outbound Allow Tcp VirtualNetwork->AzureFrontDoor.FrontEnd 443",
				"AllowVirtualNetworkHttpsOutbound 190 Outbound Allow Tcp VirtualNetwork->VirtualNetwork 443",
			},
			[]string{"AllowAzureFrontDoorFirstPartyOutbound 180 Outbound Allow Tcp VirtualNetwork->AzureFrontDoor.FirstParty 443"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := describeAll(computeSubnetRules(tt.plan))
			for _, want := range tt.contains {
				assert.Contains(t, got, want)
			}
			for _, unwanted := range tt.notContains {
				assert.NotContains(t, got, unwanted)
			}
		})
	}
}

func TestRulesNeverOpenManagementPortsFromTheInternet(t *testing.T) {
	t.Parallel()
	// Policy and Checkov checks (CKV_AZURE_9/10) fail any Allow Inbound rule from *, Internet or 0.0.0.0/0.
	for _, publicIP := range []bool{false, true} {
		rules := append(computeSubnetRules(planFor(privatelink.AzureCloud, publicIP, OutboundInternetAllow)),
			privateEndpointSubnetRules(networkPlan{})...)
		for _, r := range rules {
			if r.direction == "Inbound" && r.access == "Allow" {
				assert.NotContains(t, []string{"*", "Internet", "0.0.0.0/0"}, r.source, describe(r))
			}
		}
	}
}

func TestRulePrioritiesAreUniquePerDirection(t *testing.T) {
	t.Parallel()
	for _, publicIP := range []bool{false, true} {
		seen := map[string]bool{}
		for _, r := range computeSubnetRules(planFor(privatelink.AzureCloud, publicIP, OutboundInternetDeny)) {
			key := fmt.Sprintf("%s/%d", r.direction, r.priority)
			assert.False(t, seen[key], "duplicate priority %s", key)
			seen[key] = true
			assert.True(t, r.priority >= 100 && r.priority <= 4096, describe(r))
		}
	}
}

func TestPrivateEndpointSubnetRules(t *testing.T) {
	t.Parallel()
	assert.Equal(t, []string{
		"DenyInternetInbound 4096 Inbound Deny * Internet->* *",
		"DenyInternetOutbound 4096 Outbound Deny * *->Internet *",
	}, describeAll(privateEndpointSubnetRules(networkPlan{})))
}

func TestComputeRoutesOnlyWithPublicIP(t *testing.T) {
	t.Parallel()
	assert.Empty(t, computeRoutes(planFor(privatelink.AzureCloud, false, OutboundInternetAllow)))
	assert.Equal(t, []route{
		{name: "AzureMachineLearning", addressPrefix: "AzureMachineLearning", nextHopType: "Internet"},
		{name: "BatchNodeManagement", addressPrefix: "BatchNodeManagement.", nextHopType: "Internet"},
	}, computeRoutes(planFor(privatelink.AzureCloud, true, OutboundInternetAllow)))
}
