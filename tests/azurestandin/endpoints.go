package azurestandin

import (
	"crypto/sha256"
	"fmt"
	"net/netip"
	"strings"
)

// DefaultEndpointLocation is used in endpoint FQDNs when a private endpoint has no location input.
const DefaultEndpointLocation = "eastus"

// NormalizeLocation lowercases an Azure location and removes spaces ("West Europe" -> "westeurope").
func NormalizeLocation(location string) string {
	return strings.ToLower(strings.ReplaceAll(location, " ", ""))
}

// EndpointFQDNs returns the FQDNs a private endpoint for the given group ID and target resource would
// publish in its customDnsConfigs. Public-cloud suffixes are used throughout:
//
//   - amlworkspace: <guid>.workspace.<loc>.api.azureml.ms, <guid>.workspace.<loc>.cert.api.azureml.ms,
//     ml-<name>-<loc>-<guid>.<loc>.notebooks.azure.net (guid derived from the target ID)
//   - blob, file, queue, table, dfs: <name>.<group>.core.windows.net
//   - vault: <name>.vault.azure.net
//   - registry: <name>.azurecr.io, <name>.<loc>.data.azurecr.io
//   - anything else: <name>.<group>.privatelink.test
//
// name is the last segment of targetID, lowercased; loc is NormalizeLocation(location).
func EndpointFQDNs(groupID, targetID, location string) []string {
	name := strings.ToLower(lastSegment(targetID))
	loc := NormalizeLocation(location)
	if loc == "" {
		loc = DefaultEndpointLocation
	}
	group := strings.ToLower(groupID)
	switch group {
	case "amlworkspace":
		guid := DeterministicGUID("workspace:" + strings.ToLower(targetID))
		return []string{
			fmt.Sprintf("%s.workspace.%s.api.azureml.ms", guid, loc),
			fmt.Sprintf("%s.workspace.%s.cert.api.azureml.ms", guid, loc),
			fmt.Sprintf("ml-%s-%s-%s.%s.notebooks.azure.net", name, loc, guid, loc),
		}
	case "blob", "file", "queue", "table", "dfs":
		return []string{fmt.Sprintf("%s.%s.core.windows.net", name, group)}
	case "vault":
		return []string{name + ".vault.azure.net"}
	case "registry":
		return []string{name + ".azurecr.io", fmt.Sprintf("%s.%s.data.azurecr.io", name, loc)}
	default:
		return []string{fmt.Sprintf("%s.%s.privatelink.test", name, group)}
	}
}

// PublicIPFor returns the deterministic address in 20.0.0.0/8 that the stand-in reports as the
// ipAddress of a PublicIPAddress with the given ARM ID (last octet never 0 or 255).
func PublicIPFor(armID string) string {
	h := sha256.Sum256([]byte("publicip:" + strings.ToLower(armID)))
	return fmt.Sprintf("20.%d.%d.%d", h[0], h[1], 1+int(h[2])%254)
}

// allocateIP returns a free address of prefix for seed, the way the offline Azure stand-in (a test
// double) models Azure's dynamic private IPs: it skips the four addresses Azure reserves at the start
// and the broadcast address at the end, starts at a hash of seed and probes forward past used ones.
func allocateIP(prefix netip.Prefix, used map[netip.Addr]bool, seed string) (netip.Addr, error) {
	prefix = prefix.Masked()
	hostBits := 32 - prefix.Bits()
	if !prefix.Addr().Is4() || hostBits > 24 {
		return netip.Addr{}, fmt.Errorf("offline Azure stand-in: prefix %s is not a modelled IPv4 subnet", prefix)
	}
	usable := (1 << hostBits) - 5
	if usable <= 0 {
		return netip.Addr{}, fmt.Errorf("offline Azure stand-in: subnet %s has no usable addresses", prefix)
	}
	base := prefix.Addr().As4()
	baseN := uint32(base[0])<<24 | uint32(base[1])<<16 | uint32(base[2])<<8 | uint32(base[3])
	start := int(fnv32(seed) % uint32(usable))
	for i := 0; i < usable; i++ {
		n := baseN + uint32(4+(start+i)%usable)
		ip := netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)})
		if !used[ip] {
			used[ip] = true
			return ip, nil
		}
	}
	return netip.Addr{}, &AzureError{Status: 400, Code: "SubnetIsFull", Message: fmt.Sprintf(
		"Subnet with address prefix %s does not have enough capacity for an additional address.", prefix)}
}
