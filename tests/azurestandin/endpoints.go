package azurestandin

import (
	"crypto/sha256"
	"fmt"
	"net/netip"
	"strings"
	"sync"
)

// FallbackPrefix is the range the offline Azure stand-in (a test double) hands private endpoint IPs out
// of when it does not know the endpoint subnet's address prefix.
const FallbackPrefix = "10.255.255.0/24"

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

// IPAllocator hands out private endpoint IPs the way the stand-in models Azure: per subnet, skipping
// the 4 addresses Azure reserves at the start and the broadcast address at the end, starting from a
// hash-derived offset and probing forward past addresses already in use. It only remembers what this
// process has seen. It is safe for concurrent use.
type IPAllocator struct {
	mu       sync.Mutex
	prefixes map[string]netip.Prefix          // lowercased subnet ID -> address prefix
	used     map[string]map[netip.Addr]string // lowercased subnet ID -> ip -> owner
}

// NewIPAllocator returns an empty allocator.
func NewIPAllocator() *IPAllocator {
	return &IPAllocator{
		prefixes: map[string]netip.Prefix{},
		used:     map[string]map[netip.Addr]string{},
	}
}

// SetSubnetPrefix records the address prefix (CIDR) of a subnet so endpoint IPs in it come from that range.
func (a *IPAllocator) SetSubnetPrefix(subnetID, cidr string) error {
	p, err := netip.ParsePrefix(strings.TrimSpace(cidr))
	if err != nil {
		return fmt.Errorf("offline Azure stand-in: bad address prefix %q for %s: %w", cidr, subnetID, err)
	}
	if !p.Addr().Is4() {
		return fmt.Errorf("offline Azure stand-in: only IPv4 prefixes are modelled, got %q", cidr)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.prefixes[strings.ToLower(subnetID)] = p.Masked()
	return nil
}

// SubnetPrefix returns the prefix recorded for a subnet, or FallbackPrefix and false when none is known.
func (a *IPAllocator) SubnetPrefix(subnetID string) (string, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if p, ok := a.prefixes[strings.ToLower(subnetID)]; ok {
		return p.String(), true
	}
	return FallbackPrefix, false
}

// Allocate returns a free IP in the subnet for owner (normally the endpoint's ARM ID). The first
// candidate is offset 4 + fnv32(seed) % usable, where usable = size - 5; seed is normally
// privateEndpointName + fqdn. Addresses in use are skipped, wrapping within the usable range.
func (a *IPAllocator) Allocate(subnetID, owner, seed string) (string, error) {
	key := strings.ToLower(subnetID)
	a.mu.Lock()
	defer a.mu.Unlock()
	p, ok := a.prefixes[key]
	if !ok {
		p = netip.MustParsePrefix(FallbackPrefix)
	}
	hostBits := 32 - p.Bits()
	if hostBits > 24 {
		return "", fmt.Errorf("offline Azure stand-in: prefix %s is larger than the modelled /8 limit", p)
	}
	usable := (1 << hostBits) - 5
	if usable <= 0 {
		return "", fmt.Errorf("offline Azure stand-in: prefix %s has no usable addresses", p)
	}
	used := a.used[key]
	if used == nil {
		used = map[netip.Addr]string{}
		a.used[key] = used
	}
	base := p.Addr().As4()
	baseN := uint32(base[0])<<24 | uint32(base[1])<<16 | uint32(base[2])<<8 | uint32(base[3])
	start := int(fnv32(seed) % uint32(usable))
	for i := 0; i < usable; i++ {
		n := baseN + uint32(4+(start+i)%usable)
		ip := netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)})
		if _, taken := used[ip]; !taken {
			used[ip] = owner
			return ip.String(), nil
		}
	}
	return "", fmt.Errorf("offline Azure stand-in: subnet %s (%s) has no free addresses", subnetID, p)
}

// Reserve marks ip as used by owner in the subnet (used for IPs found in existing state).
// Unparseable addresses are ignored.
func (a *IPAllocator) Reserve(subnetID, owner, ip string) {
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		return
	}
	key := strings.ToLower(subnetID)
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.used[key] == nil {
		a.used[key] = map[netip.Addr]string{}
	}
	a.used[key][addr] = owner
}

// Release frees every IP held by owner, in all subnets, and returns how many were freed.
func (a *IPAllocator) Release(owner string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	n := 0
	for _, used := range a.used {
		for ip, o := range used {
			if o == owner {
				delete(used, ip)
				n++
			}
		}
	}
	return n
}

// ReleaseIP frees one IP in the subnet, whoever holds it, and reports whether it was in use.
func (a *IPAllocator) ReleaseIP(subnetID, ip string) bool {
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		return false
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	used := a.used[strings.ToLower(subnetID)]
	if _, ok := used[addr]; !ok {
		return false
	}
	delete(used, addr)
	return true
}

// InUse reports whether ip is currently handed out in the subnet.
func (a *IPAllocator) InUse(subnetID, ip string) bool {
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		return false
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	_, ok := a.used[strings.ToLower(subnetID)][addr]
	return ok
}

// DNSConfig is one entry of a private endpoint's customDnsConfigs output.
type DNSConfig struct {
	// FQDN is the name the endpoint publishes, e.g. kv-ml.vault.azure.net.
	FQDN string
	// IPAddresses holds the private IP(s) for FQDN (the stand-in gives exactly one).
	IPAddresses []string
}

// AllocateEndpoint computes the customDnsConfigs of a private endpoint: one entry per FQDN from
// EndpointFQDNs, each with one IP allocated in subnetID for owner, seeded by endpointName + fqdn.
// On error any IPs taken by this call are released again.
func (a *IPAllocator) AllocateEndpoint(subnetID, owner, endpointName, groupID, targetID, location string) ([]DNSConfig, error) {
	fqdns := EndpointFQDNs(groupID, targetID, location)
	out := make([]DNSConfig, 0, len(fqdns))
	for _, fqdn := range fqdns {
		ip, err := a.Allocate(subnetID, owner, endpointName+fqdn)
		if err != nil {
			a.Release(owner)
			return nil, err
		}
		out = append(out, DNSConfig{FQDN: fqdn, IPAddresses: []string{ip}})
	}
	return out, nil
}
