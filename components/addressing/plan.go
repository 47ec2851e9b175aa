// Package addressing plans the subnets of the virtual network: it checks the address prefixes a user
// gives and carves the missing ones deterministically from the address space. It is pure (no Pulumi
// runtime), so every mistake is reported at preview, before a single resource is registered.
package addressing

import (
	"fmt"
	"net/netip"
)

// Azure facts used by the planner (azure-docs virtual-networks-faq.md): the smallest subnet is /29,
// and Azure reserves five addresses in every subnet (network, gateway, two DNS, broadcast).
const (
	SmallestSubnetBits = 29
	ReservedPerSubnet  = 5
)

// dockerBridge is the range Docker uses for its bridge network on Azure ML compute; the ML docs
// (how-to-secure-workspace-vnet.md) say not to use it for the virtual network.
var dockerBridge = netip.MustParsePrefix("172.17.0.0/16")

// Request asks for one subnet.
type Request struct {
	Path            string // the input path, used in messages, e.g. "subnets.training"
	Prefix          string // explicit CIDR; empty means carve one from the address space
	CarveBits       int    // preferred prefix length when carving, e.g. 24
	MaxPrefixLength int    // the smallest subnet allowed for this role, e.g. 29, or 26 for AzureBastionSubnet
	MinUsable       int    // addresses the subnet must hold beyond the reserved ones
}

// Plan validates addressSpace and every request and returns one prefix per request, in order.
// Explicit prefixes are kept as given; the others are carved, in request order, from the lowest free
// aligned block, so the same input always gives the same plan.
func Plan(addressSpace string, requests []Request) ([]netip.Prefix, error) {
	space, err := ParseAddressSpace(addressSpace)
	if err != nil {
		return nil, err
	}
	plan := make([]netip.Prefix, len(requests))
	placed := make([]int, 0, len(requests))
	for i, r := range requests {
		if r.Prefix == "" {
			continue
		}
		p, err := checkExplicit(space, r)
		if err != nil {
			return nil, err
		}
		for _, j := range placed {
			if p.Overlaps(plan[j]) {
				return nil, fmt.Errorf("%s.addressPrefix %s overlaps %s.addressPrefix %s; give each subnet its own range",
					r.Path, p, requests[j].Path, plan[j])
			}
		}
		plan[i] = p
		placed = append(placed, i)
	}
	for i, r := range requests {
		if r.Prefix != "" {
			continue
		}
		p, err := carve(space, r, plan, placed)
		if err != nil {
			return nil, err
		}
		plan[i] = p
		placed = append(placed, i)
	}
	return plan, nil
}

// ParseAddressSpace parses and checks the virtual network's address space.
func ParseAddressSpace(addressSpace string) (netip.Prefix, error) {
	space, err := parseIPv4Prefix("addressSpace", addressSpace)
	if err != nil {
		return netip.Prefix{}, err
	}
	if space.Bits() > SmallestSubnetBits {
		return netip.Prefix{}, fmt.Errorf("addressSpace %s is smaller than /%d, too small for any subnet; use a larger range such as 10.0.0.0/16",
			space, SmallestSubnetBits)
	}
	if space.Overlaps(dockerBridge) {
		return netip.Prefix{}, fmt.Errorf("addressSpace %s overlaps %s, which Docker uses for its bridge network on Azure ML compute; choose another range such as 10.0.0.0/16",
			space, dockerBridge)
	}
	return space, nil
}

// UsableAddresses is how many addresses a subnet of prefix length bits offers after Azure's reserved ones.
func UsableAddresses(bits int) int {
	return 1<<(32-bits) - ReservedPerSubnet
}

func parseIPv4Prefix(what, value string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(value)
	if err != nil || !p.Addr().Is4() {
		return netip.Prefix{}, fmt.Errorf("%s %q is not an IPv4 CIDR; write it like 10.0.0.0/16", what, value)
	}
	if p.Masked() != p {
		return netip.Prefix{}, fmt.Errorf("%s %s has host bits set; did you mean %s?", what, value, p.Masked())
	}
	return p, nil
}

func checkExplicit(space netip.Prefix, r Request) (netip.Prefix, error) {
	what := r.Path + ".addressPrefix"
	p, err := parseIPv4Prefix(what, r.Prefix)
	if err != nil {
		return netip.Prefix{}, err
	}
	if p.Bits() < space.Bits() || !space.Contains(p.Addr()) {
		return netip.Prefix{}, fmt.Errorf("%s %s is outside addressSpace %s; choose a prefix inside it or widen addressSpace",
			what, p, space)
	}
	if p.Bits() > r.MaxPrefixLength {
		return netip.Prefix{}, fmt.Errorf("%s %s is smaller than /%d, the smallest subnet allowed here; use /%d or larger",
			what, p, r.MaxPrefixLength, r.MaxPrefixLength)
	}
	if usable := UsableAddresses(p.Bits()); usable < r.MinUsable {
		return netip.Prefix{}, fmt.Errorf("%s %s holds %d usable addresses (Azure reserves %d), but %d are needed; use /%d or larger",
			what, p, usable, ReservedPerSubnet, r.MinUsable, bitsFor(r.MinUsable))
	}
	return p, nil
}

// carveBits picks the prefix length to carve: the preferred one, shrunk so that at least four
// subnets fit in a small address space, and grown until it holds MinUsable addresses.
func carveBits(space netip.Prefix, r Request) int {
	bits := max(r.CarveBits, space.Bits()+2)
	bits = min(bits, r.MaxPrefixLength)
	if need := bitsFor(r.MinUsable); need < bits {
		bits = need
	}
	return max(bits, space.Bits())
}

func carve(space netip.Prefix, r Request, plan []netip.Prefix, placed []int) (netip.Prefix, error) {
	bits := carveBits(space, r)
	if UsableAddresses(bits) < r.MinUsable {
		return netip.Prefix{}, fmt.Errorf("addressSpace %s is too small for %s, which needs %d usable addresses; widen addressSpace",
			space, r.Path, r.MinUsable)
	}
	step := uint64(1) << (32 - bits)
	base := uint64(ipv4ToUint(space.Addr()))
	limit := base + uint64(1)<<(32-space.Bits())
	for base < limit {
		candidate := netip.PrefixFrom(uintToIPv4(uint32(base)), bits)
		next := base + step
		free := true
		for _, j := range placed {
			if candidate.Overlaps(plan[j]) {
				free = false
				// Skip past the whole overlapping prefix, aligned to the carve size.
				taken := uint64(ipv4ToUint(plan[j].Addr())) + uint64(1)<<(32-plan[j].Bits())
				next = max(next, (taken+step-1)/step*step)
			}
		}
		if free {
			return candidate, nil
		}
		base = next
	}
	return netip.Prefix{}, fmt.Errorf("no free /%d is left in addressSpace %s for %s; give %s.addressPrefix or widen addressSpace",
		bits, space, r.Path, r.Path)
}

// bitsFor returns the longest prefix length whose subnet holds n usable addresses (never above /29).
func bitsFor(n int) int {
	bits := SmallestSubnetBits
	for bits > 0 && UsableAddresses(bits) < n {
		bits--
	}
	return bits
}

func ipv4ToUint(a netip.Addr) uint32 {
	b := a.As4()
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

func uintToIPv4(v uint32) netip.Addr {
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}
