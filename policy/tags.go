package policy

import (
	"fmt"
	"strings"
)

// taggedKinds are the azure-native types the checks know to take tags. Subnets, security rules,
// routes and DNS zone groups take none.
var taggedKinds = map[string]bool{
	kindVirtualNetwork: true, kindSecurityGroup: true, kindRouteTable: true, kindNatGateway: true,
	kindPrivateEndpoint: true, kindPrivateZone: true, kindZoneLink: true, kindGateway: true, kindPublicIP: true,
	kindInterface: true, kindStorageAccount: true, kindKeyVault: true, kindRegistry: true, kindWorkspace: true,
	kindCompute:                   true,
	"network:LocalNetworkGateway": true, "network:VirtualNetworkGatewayConnection": true,
	"network:DnsResolver": true, "network:InboundEndpoint": true, "network:OutboundEndpoint": true,
	"network:BastionHost": true, "network:AzureFirewall": true, "network:FirewallPolicy": true,
}

// checkRequiredTags: every resource that takes tags carries the tags listed in requiredTags (none by
// default, so the check passes until a team configures it).
func checkRequiredTags(r Resource, settings Settings) []string {
	required := configStrings(settings.Values, "requiredTags")
	if len(required) == 0 || !taggedKinds[r.Kind()] {
		return nil
	}
	tags := r.Props.Get("tags")
	if tags.IsComputed() {
		return nil
	}
	var missing []string
	for _, key := range required {
		found := false
		for k := range mapOf(tags).AllStable {
			found = found || equalFold(k, key) // Azure compares tag names case-insensitively
		}
		if !found {
			missing = append(missing, key)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return []string{fmt.Sprintf("%s lacks the required tag(s) %s; add them (SecureMLNetwork applies its tags "+
		"input to every child that takes tags)", r.describe(), strings.Join(missing, ", "))}
}
