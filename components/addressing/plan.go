// Package addressing plans the subnets of the virtual network: it checks the address prefixes a user
// gives and places the others in the fixed slot of their role (slots.go). It is pure (no Pulumi
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

// Request asks for the subnet of one role.
type Request struct {
	Role      Role
	Path      string // the input path, used in messages, e.g. "subnets.training"
	Prefix    string // explicit CIDR; empty means the role's slot
	MinUsable int    // addresses the subnet must hold beyond the reserved ones
	// Smallest, when set, is the longest prefix length allowed when it is tighter than the role's
	// (an ErGwScale gateway needs GatewaySubnet /26 where the role allows /27).
	Smallest int
	// Why says what needs Smallest, for messages, e.g. "expressRoute.sku ErGwScale".
	Why string
	// Existing is the subnet as it is deployed, when it is; nil for a new subnet.
	Existing *Existing
}

// Existing describes a deployed subnet. A deployed subnet keeps its prefix unless one is given
// explicitly, so subnets placed by an earlier release (before slots) never move.
type Existing struct {
	Name   string // Azure name, e.g. snet-private-endpoints
	Prefix string
	InUse  bool // holds network interfaces (private endpoints, compute, gateways)
}

// Plan validates addressSpace and every request and returns one prefix per request, in order: the
// explicit prefix, else the deployed one, else the role's slot.
func Plan(addressSpace string, requests []Request) ([]netip.Prefix, error) {
	space, err := ParseAddressSpace(addressSpace)
	if err != nil {
		return nil, err
	}
	plan := make([]netip.Prefix, len(requests))
	for i, r := range requests {
		if plan[i], err = place(space, r); err != nil {
			return nil, err
		}
		for j := range i {
			if plan[i].Overlaps(plan[j]) {
				return nil, fmt.Errorf("%s overlaps %s; give each subnet its own range",
					describe(requests[i], plan[i]), describe(requests[j], plan[j]))
			}
		}
	}
	return plan, nil
}

// place decides one subnet's prefix.
func place(space netip.Prefix, r Request) (netip.Prefix, error) {
	s, ok := slots[r.Role]
	if !ok {
		return netip.Prefix{}, fmt.Errorf("%s: no slot is reserved for subnet role %q", r.Path, r.Role)
	}
	if r.Smallest != 0 && r.Smallest < s.Smallest {
		s.Smallest = r.Smallest
	}
	if r.Prefix != "" {
		p, err := checkExplicit(space, r, s)
		if err != nil {
			return netip.Prefix{}, err
		}
		if e := r.Existing; e != nil && e.InUse && e.Prefix != p.String() {
			return netip.Prefix{}, fmt.Errorf("%s.addressPrefix %s would move the existing subnet %s from %s, which holds "+
				"network interfaces (private endpoints, compute or gateways); Azure refuses to change the prefix of a subnet "+
				"in use (InUseSubnetCannotBeUpdated). Keep %s, or empty the subnet first", r.Path, p, e.Name, e.Prefix, e.Prefix)
		}
		return p, nil
	}
	if e := r.Existing; e != nil {
		p, err := netip.ParsePrefix(e.Prefix)
		if err != nil {
			return netip.Prefix{}, fmt.Errorf("%s: the existing subnet %s has prefix %q, which is not an IPv4 CIDR", r.Path, e.Name, e.Prefix)
		}
		if p.Bits() < space.Bits() || !space.Contains(p.Addr()) {
			return netip.Prefix{}, fmt.Errorf("%s: the existing subnet %s (%s) is outside addressSpace %s; keep an address "+
				"space that contains it", r.Path, e.Name, p, space)
		}
		if r.Smallest != 0 && p.Bits() > r.Smallest {
			return netip.Prefix{}, fmt.Errorf("%s: the existing subnet %s (%s) is smaller than /%d, which %s needs; Azure "+
				"cannot resize a subnet in use: delete what is in it and give %s.addressPrefix of /%d or larger", r.Path,
				e.Name, p, r.Smallest, r.Why, r.Path, r.Smallest)
		}
		return p, nil
	}
	p, err := SlotPrefix(space, r.Role)
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("%s: %w; give %s.addressPrefix or widen addressSpace", r.Path, err, r.Path)
	}
	if p.Bits() > s.Smallest {
		return netip.Prefix{}, fmt.Errorf("%s: its slot %s in addressSpace %s is smaller than /%d, the smallest subnet "+
			"allowed here; give %s.addressPrefix of /%d or larger, or widen addressSpace", r.Path, p, space, s.Smallest,
			r.Path, s.Smallest)
	}
	if usable := UsableAddresses(p.Bits()); usable < r.MinUsable {
		return netip.Prefix{}, fmt.Errorf("%s: its slot %s holds %d usable addresses (Azure reserves %d), but %d are "+
			"needed; give %s.addressPrefix of /%d or larger, or widen addressSpace", r.Path, p, usable,
			ReservedPerSubnet, r.MinUsable, r.Path, bitsFor(r.MinUsable))
	}
	return p, nil
}

// describe names a placed subnet in messages: how it got its prefix, and where to change it.
func describe(r Request, p netip.Prefix) string {
	switch {
	case r.Prefix != "":
		return fmt.Sprintf("%s.addressPrefix %s", r.Path, p)
	case r.Existing != nil:
		return fmt.Sprintf("%s (the existing subnet %s, %s)", r.Path, r.Existing.Name, p)
	default:
		return fmt.Sprintf("%s (its slot %s; set %s.addressPrefix to place it elsewhere)", r.Path, p, r.Path)
	}
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

// privateRanges are the address ranges meant for private networks: RFC 1918 and the shared address
// space of RFC 6598, which Azure also accepts for virtual networks (virtual-networks-faq.md).
var privateRanges = []netip.Prefix{
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"),
	netip.MustParsePrefix("100.64.0.0/10"),
}

// IsPrivate reports whether the whole prefix lies in a private range.
func IsPrivate(p netip.Prefix) bool {
	for _, r := range privateRanges {
		if r.Bits() <= p.Bits() && r.Contains(p.Addr()) {
			return true
		}
	}
	return false
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

func checkExplicit(space netip.Prefix, r Request, s slot) (netip.Prefix, error) {
	what := r.Path + ".addressPrefix"
	p, err := parseIPv4Prefix(what, r.Prefix)
	if err != nil {
		return netip.Prefix{}, err
	}
	if p.Bits() < space.Bits() || !space.Contains(p.Addr()) {
		return netip.Prefix{}, fmt.Errorf("%s %s is outside addressSpace %s; choose a prefix inside it or widen addressSpace",
			what, p, space)
	}
	if p.Bits() > s.Smallest {
		return netip.Prefix{}, fmt.Errorf("%s %s is smaller than /%d, the smallest subnet allowed here%s; use /%d or larger",
			what, p, s.Smallest, because(r), s.Smallest)
	}
	if s.Largest != 0 && p.Bits() < s.Largest {
		return netip.Prefix{}, fmt.Errorf("%s %s is larger than /%d, the largest subnet allowed here; use /%d to /%d",
			what, p, s.Largest, s.Smallest, s.Largest)
	}
	if usable := UsableAddresses(p.Bits()); usable < r.MinUsable {
		return netip.Prefix{}, fmt.Errorf("%s %s holds %d usable addresses (Azure reserves %d), but %d are needed; use /%d or larger",
			what, p, usable, ReservedPerSubnet, r.MinUsable, bitsFor(r.MinUsable))
	}
	return p, nil
}

// because names what made the smallest size tighter than the role's, if anything.
func because(r Request) string {
	if r.Smallest == 0 || r.Why == "" {
		return ""
	}
	return " with " + r.Why
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
