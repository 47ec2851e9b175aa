package addressing

import (
	"fmt"
	"net/netip"
)

// Role is a subnet's purpose. Every role has a fixed slot in the address space, so a subnet's prefix
// depends only on its own role: turning another subnet on or off never moves it. Azure refuses to
// re-address a subnet that holds private endpoints, network interfaces or gateways.
type Role string

// The roles, including those reserved for gateways, Bastion, firewall and the DNS resolver.
const (
	RoleTraining            Role = "training"
	RoleScoring             Role = "scoring"
	RolePrivateEndpoints    Role = "privateEndpoints"
	RoleGateway             Role = "gateway"             // GatewaySubnet (VPN and ExpressRoute)
	RoleBastion             Role = "bastion"             // AzureBastionSubnet
	RoleFirewall            Role = "firewall"            // AzureFirewallSubnet
	RoleFirewallManagement  Role = "firewallManagement"  // AzureFirewallManagementSubnet
	RoleDNSResolverInbound  Role = "dnsResolverInbound"  // DNS Private Resolver inbound endpoint
	RoleDNSResolverOutbound Role = "dnsResolverOutbound" // DNS Private Resolver outbound endpoint
)

// slot places a role: block number Block of the address space (blocks are the size BlockBits gives,
// /24 in a /16), divided into 2^Split equal parts, of which the role takes part Index.
type slot struct {
	Block, Split, Index int
	// Smallest and Largest are the prefix lengths Azure allows for the role (0: no limit).
	Smallest, Largest int
}

// slots is the address plan. Blocks 0-2 hold the 0.1.0 default layout (training 10.0.0.0/24,
// scoring 10.0.1.0/24, private endpoints 10.0.2.0/24 in 10.0.0.0/16) and never move. Block 3 is
// quartered for the platform subnets, block 4 holds the DNS resolver, and blocks 5 and up are free for
// roles to come. Minimum sizes: GatewaySubnet /27 (ExpressRoute requires it, VPN recommends it),
// AzureBastionSubnet /26, AzureFirewallSubnet and AzureFirewallManagementSubnet /26, DNS resolver
// endpoints /28 to /24, anything else /29 (hybrid-and-egress.md §1.5, §5.2, §6.1, §7.2;
// deploy-times-and-security-checks.md §4).
var slots = map[Role]slot{
	RoleTraining:            {Block: 0, Smallest: SmallestSubnetBits},
	RoleScoring:             {Block: 1, Smallest: SmallestSubnetBits},
	RolePrivateEndpoints:    {Block: 2, Smallest: SmallestSubnetBits},
	RoleGateway:             {Block: 3, Split: 2, Index: 0, Smallest: 27},
	RoleBastion:             {Block: 3, Split: 2, Index: 1, Smallest: 26},
	RoleFirewall:            {Block: 3, Split: 2, Index: 2, Smallest: 26},
	RoleFirewallManagement:  {Block: 3, Split: 2, Index: 3, Smallest: 26},
	RoleDNSResolverInbound:  {Block: 4, Split: 4, Index: 0, Smallest: 28, Largest: 24},
	RoleDNSResolverOutbound: {Block: 4, Split: 4, Index: 1, Smallest: 28, Largest: 24},
}

// Roles lists every role in slot order.
var Roles = []Role{
	RoleTraining, RoleScoring, RolePrivateEndpoints, RoleGateway, RoleBastion, RoleFirewall,
	RoleFirewallManagement, RoleDNSResolverInbound, RoleDNSResolverOutbound,
}

// BlockBits is the prefix length of the blocks slots are cut from: /24, or smaller in a small address
// space so that at least four blocks fit (the 0.1.0 carving rule), never below /29.
func BlockBits(space netip.Prefix) int {
	return min(max(24, space.Bits()+2), SmallestSubnetBits)
}

// SlotPrefix returns the prefix of role's slot in the address space, or why the space has no such
// slot.
func SlotPrefix(space netip.Prefix, role Role) (netip.Prefix, error) {
	s, ok := slots[role]
	if !ok {
		return netip.Prefix{}, fmt.Errorf("no slot is reserved for subnet role %q", role)
	}
	blockBits := BlockBits(space)
	if blocks := 1 << (blockBits - space.Bits()); s.Block >= blocks {
		return netip.Prefix{}, fmt.Errorf("addressSpace %s has room for %d blocks of /%d, and the %s subnet's slot is in block %d",
			space, blocks, blockBits, role, s.Block+1)
	}
	bits := blockBits + s.Split
	if bits > 32 {
		return netip.Prefix{}, fmt.Errorf("addressSpace %s is too small to divide block %d for the %s subnet", space, s.Block+1, role)
	}
	start := uint64(ipv4ToUint(space.Addr())) + uint64(s.Block)<<(32-blockBits) + uint64(s.Index)<<(32-bits)
	return netip.PrefixFrom(uintToIPv4(uint32(start)), bits), nil
}
