package addressing

import (
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func subnet(role Role, prefix string) Request {
	return Request{Role: role, Path: "subnets." + string(role), Prefix: prefix}
}

func prefixes(t *testing.T, ps []netip.Prefix) []string {
	t.Helper()
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

func TestPlanPlaces(t *testing.T) {
	t.Parallel()
	existing := func(name, prefix string, inUse bool) *Existing {
		return &Existing{Name: name, Prefix: prefix, InUse: inUse}
	}
	tests := []struct {
		name  string
		space string
		reqs  []Request
		want  []string
	}{
		{
			name:  "the 0.1.0 default layout stays where it is",
			space: "10.0.0.0/16",
			reqs:  []Request{subnet(RoleTraining, ""), subnet(RoleScoring, ""), subnet(RolePrivateEndpoints, "")},
			want:  []string{"10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"},
		},
		{
			name:  "a subnet keeps its slot when the one before it is off",
			space: "10.0.0.0/16",
			reqs:  []Request{subnet(RoleTraining, ""), subnet(RolePrivateEndpoints, "")},
			want:  []string{"10.0.0.0/24", "10.0.2.0/24"},
		},
		{
			name:  "request order does not matter",
			space: "10.0.0.0/16",
			reqs:  []Request{subnet(RolePrivateEndpoints, ""), subnet(RoleTraining, ""), subnet(RoleScoring, "")},
			want:  []string{"10.0.2.0/24", "10.0.0.0/24", "10.0.1.0/24"},
		},
		{
			name:  "an explicit prefix elsewhere leaves the slots alone",
			space: "10.0.0.0/16",
			reqs:  []Request{subnet(RoleTraining, ""), subnet(RoleScoring, "10.0.128.0/20"), subnet(RolePrivateEndpoints, "")},
			want:  []string{"10.0.0.0/24", "10.0.128.0/20", "10.0.2.0/24"},
		},
		{
			name:  "small address space: quarter blocks, as 0.1.0 carved them",
			space: "192.168.10.0/24",
			reqs:  []Request{subnet(RoleTraining, ""), subnet(RoleScoring, ""), subnet(RolePrivateEndpoints, "")},
			want:  []string{"192.168.10.0/26", "192.168.10.64/26", "192.168.10.128/26"},
		},
		{
			name:  "platform subnets share block 4 in quarters",
			space: "10.0.0.0/16",
			reqs: []Request{subnet(RoleGateway, ""), subnet(RoleBastion, ""), subnet(RoleFirewall, ""),
				subnet(RoleFirewallManagement, ""), subnet(RoleDNSResolverInbound, ""), subnet(RoleDNSResolverOutbound, "")},
			want: []string{"10.0.3.0/26", "10.0.3.64/26", "10.0.3.128/26", "10.0.3.192/26", "10.0.4.0/28", "10.0.4.16/28"},
		},
		{
			name:  "an existing subnet keeps its prefix though its slot is elsewhere (placed by 0.1.0)",
			space: "10.0.0.0/16",
			reqs: []Request{subnet(RoleTraining, ""),
				{Role: RolePrivateEndpoints, Path: "subnets.privateEndpoints", Existing: existing("snet-private-endpoints", "10.0.1.0/24", true)}},
			want: []string{"10.0.0.0/24", "10.0.1.0/24"},
		},
		{
			name:  "an explicit prefix may move an existing subnet that is empty",
			space: "10.0.0.0/16",
			reqs: []Request{{Role: RoleScoring, Path: "subnets.scoring", Prefix: "10.0.9.0/24",
				Existing: existing("snet-scoring", "10.0.1.0/24", false)}},
			want: []string{"10.0.9.0/24"},
		},
		{
			name:  "an explicit prefix equal to the existing one is no move",
			space: "10.0.0.0/16",
			reqs: []Request{{Role: RolePrivateEndpoints, Path: "subnets.privateEndpoints", Prefix: "10.0.1.0/24",
				Existing: existing("snet-private-endpoints", "10.0.1.0/24", true)}},
			want: []string{"10.0.1.0/24"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Plan(tt.space, tt.reqs)
			require.NoError(t, err)
			assert.Equal(t, tt.want, prefixes(t, got))
		})
	}
}

// TestSlotsNeverMove turns every combination of roles on and off and checks that each role's subnet
// gets the same prefix in every combination, so enabling or disabling one subnet never re-addresses
// another.
func TestSlotsNeverMove(t *testing.T) {
	t.Parallel()
	for _, space := range []string{"10.0.0.0/16", "10.10.0.0/20", "192.168.0.0/22"} {
		alone := map[Role]string{}
		for _, role := range Roles {
			got, err := Plan(space, []Request{subnet(role, "")})
			if err == nil {
				alone[role] = got[0].String()
			}
		}
		for mask := 1; mask < 1<<len(Roles); mask++ {
			var reqs []Request
			for i, role := range Roles {
				if mask&(1<<i) != 0 && alone[role] != "" {
					reqs = append(reqs, subnet(role, ""))
				}
			}
			if len(reqs) == 0 {
				continue
			}
			got, err := Plan(space, reqs)
			require.NoError(t, err, "%s, roles %v", space, reqs)
			for i, r := range reqs {
				assert.Equal(t, alone[r.Role], got[i].String(), "%s: %s moved when roles %b are on", space, r.Role, mask)
			}
		}
	}
}

func TestSlotTable(t *testing.T) {
	t.Parallel()
	space := netip.MustParsePrefix("10.0.0.0/16")
	for _, role := range Roles {
		p, err := SlotPrefix(space, role)
		require.NoError(t, err, role)
		s := slots[role]
		assert.LessOrEqual(t, p.Bits(), s.Smallest, "%s: the default slot %s must meet the role's minimum", role, p)
		if s.Largest != 0 {
			assert.GreaterOrEqual(t, p.Bits(), s.Largest, "%s: the default slot %s must meet the role's maximum", role, p)
		}
	}
	assert.Len(t, slots, len(Roles), "every role is listed in Roles")
}

func TestPlanErrors(t *testing.T) {
	t.Parallel()
	inUse := &Existing{Name: "snet-private-endpoints", Prefix: "10.0.2.0/24", InUse: true}
	tests := []struct {
		name  string
		space string
		reqs  []Request
		err   string
	}{
		{"address space not a CIDR", "10.0.0.0/33", nil,
			`addressSpace "10.0.0.0/33" is not an IPv4 CIDR; write it like 10.0.0.0/16`},
		{"address space IPv6", "fd00::/48", nil,
			`addressSpace "fd00::/48" is not an IPv4 CIDR; write it like 10.0.0.0/16`},
		{"address space with host bits", "10.0.0.1/16", nil,
			`addressSpace 10.0.0.1/16 has host bits set; did you mean 10.0.0.0/16?`},
		{"address space smaller than a subnet", "10.0.0.0/30", nil,
			`addressSpace 10.0.0.0/30 is smaller than /29, too small for any subnet; use a larger range such as 10.0.0.0/16`},
		{"address space overlaps the Docker bridge", "172.16.0.0/12", nil,
			`addressSpace 172.16.0.0/12 overlaps 172.17.0.0/16, which Docker uses for its bridge network on Azure ML compute; choose another range such as 10.0.0.0/16`},
		{"address space inside the Docker bridge", "172.17.5.0/24", nil,
			`addressSpace 172.17.5.0/24 overlaps 172.17.0.0/16, which Docker uses for its bridge network on Azure ML compute; choose another range such as 10.0.0.0/16`},
		{"prefix outside the address space", "10.0.0.0/16", []Request{subnet(RoleTraining, "10.1.0.0/24")},
			`subnets.training.addressPrefix 10.1.0.0/24 is outside addressSpace 10.0.0.0/16; choose a prefix inside it or widen addressSpace`},
		{"prefix wider than the address space", "10.0.0.0/16", []Request{subnet(RoleTraining, "10.0.0.0/8")},
			`subnets.training.addressPrefix 10.0.0.0/8 is outside addressSpace 10.0.0.0/16; choose a prefix inside it or widen addressSpace`},
		{"prefix not a CIDR", "10.0.0.0/16", []Request{subnet(RoleTraining, "10.0.0.0")},
			`subnets.training.addressPrefix "10.0.0.0" is not an IPv4 CIDR; write it like 10.0.0.0/16`},
		{"prefix with host bits", "10.0.0.0/16", []Request{subnet(RoleTraining, "10.0.0.5/24")},
			`subnets.training.addressPrefix 10.0.0.5/24 has host bits set; did you mean 10.0.0.0/24?`},
		{"overlapping prefixes", "10.0.0.0/16",
			[]Request{subnet(RoleTraining, "10.0.0.0/24"), subnet(RoleScoring, "10.0.0.128/25")},
			`subnets.scoring.addressPrefix 10.0.0.128/25 overlaps subnets.training.addressPrefix 10.0.0.0/24; give each subnet its own range`},
		{"explicit prefix over another role's slot", "10.0.0.0/16",
			[]Request{subnet(RoleTraining, "10.0.0.0/23"), subnet(RoleScoring, "")},
			`subnets.scoring (its slot 10.0.1.0/24; set subnets.scoring.addressPrefix to place it elsewhere) overlaps subnets.training.addressPrefix 10.0.0.0/23; give each subnet its own range`},
		{"prefix smaller than /29", "10.0.0.0/16", []Request{subnet(RoleTraining, "10.0.0.0/30")},
			`subnets.training.addressPrefix 10.0.0.0/30 is smaller than /29, the smallest subnet allowed here; use /29 or larger`},
		{"prefix smaller than the role minimum", "10.0.0.0/16", []Request{subnet(RoleBastion, "10.0.0.0/27")},
			`subnets.bastion.addressPrefix 10.0.0.0/27 is smaller than /26, the smallest subnet allowed here; use /26 or larger`},
		{"prefix larger than the role maximum", "10.0.0.0/16", []Request{subnet(RoleDNSResolverInbound, "10.0.8.0/23")},
			`subnets.dnsResolverInbound.addressPrefix 10.0.8.0/23 is larger than /24, the largest subnet allowed here; use /28 to /24`},
		{"prefix too small for its endpoints", "10.0.0.0/16",
			[]Request{{Role: RolePrivateEndpoints, Path: "subnets.privateEndpoints", Prefix: "10.0.2.0/29", MinUsable: 9}},
			`subnets.privateEndpoints.addressPrefix 10.0.2.0/29 holds 3 usable addresses (Azure reserves 5), but 9 are needed; use /28 or larger`},
		{"slot too small for its endpoints", "10.0.0.0/26",
			[]Request{{Role: RolePrivateEndpoints, Path: "subnets.privateEndpoints", MinUsable: 12}},
			`subnets.privateEndpoints: its slot 10.0.0.32/28 holds 11 usable addresses (Azure reserves 5), but 12 are needed; give subnets.privateEndpoints.addressPrefix of /27 or larger, or widen addressSpace`},
		{"slot beyond a small address space", "10.0.0.0/22", []Request{subnet(RoleDNSResolverInbound, "")},
			`subnets.dnsResolverInbound: addressSpace 10.0.0.0/22 has room for 4 blocks of /24, and the dnsResolverInbound subnet's slot is in block 5; give subnets.dnsResolverInbound.addressPrefix or widen addressSpace`},
		{"slot below the role minimum in a small space", "10.0.0.0/24", []Request{subnet(RoleBastion, "")},
			`subnets.bastion: its slot 10.0.0.208/28 in addressSpace 10.0.0.0/24 is smaller than /26, the smallest subnet allowed here; give subnets.bastion.addressPrefix of /26 or larger, or widen addressSpace`},
		{"moving a subnet in use", "10.0.0.0/16",
			[]Request{{Role: RolePrivateEndpoints, Path: "subnets.privateEndpoints", Prefix: "10.0.9.0/24", Existing: inUse}},
			`subnets.privateEndpoints.addressPrefix 10.0.9.0/24 would move the existing subnet snet-private-endpoints from 10.0.2.0/24, which holds network interfaces (private endpoints, compute or gateways); Azure refuses to change the prefix of a subnet in use (InUseSubnetCannotBeUpdated). Keep 10.0.2.0/24, or empty the subnet first`},
		{"existing subnet outside a new address space", "10.1.0.0/16",
			[]Request{{Role: RolePrivateEndpoints, Path: "subnets.privateEndpoints", Existing: inUse}},
			`subnets.privateEndpoints: the existing subnet snet-private-endpoints (10.0.2.0/24) is outside addressSpace 10.1.0.0/16; keep an address space that contains it`},
		{"existing subnet over another role's slot", "10.0.0.0/16",
			[]Request{{Role: RolePrivateEndpoints, Path: "subnets.privateEndpoints", Existing: &Existing{Name: "snet-private-endpoints", Prefix: "10.0.1.0/24"}},
				subnet(RoleScoring, "")},
			`subnets.scoring (its slot 10.0.1.0/24; set subnets.scoring.addressPrefix to place it elsewhere) overlaps subnets.privateEndpoints (the existing subnet snet-private-endpoints, 10.0.1.0/24); give each subnet its own range`},
		{"unknown role", "10.0.0.0/16", []Request{{Role: "jumpbox", Path: "subnets.jumpbox"}},
			`subnets.jumpbox: no slot is reserved for subnet role "jumpbox"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Plan(tt.space, tt.reqs)
			assert.EqualError(t, err, tt.err)
		})
	}
}

func TestIsPrivate(t *testing.T) {
	t.Parallel()
	for prefix, want := range map[string]bool{
		"10.0.0.0/16": true, "172.16.0.0/12": true, "192.168.1.0/24": true, "100.64.0.0/16": true,
		"20.0.0.0/16": false, "10.0.0.0/7": false, "172.32.0.0/16": false,
	} {
		assert.Equal(t, want, IsPrivate(netip.MustParsePrefix(prefix)), prefix)
	}
}

func TestUsableAddresses(t *testing.T) {
	t.Parallel()
	assert.Equal(t, 3, UsableAddresses(29))
	assert.Equal(t, 251, UsableAddresses(24))
	assert.Equal(t, 28, bitsFor(9))
	assert.Equal(t, 29, bitsFor(0))
}

func TestPlanTighterSmallest(t *testing.T) {
	scale := Request{Role: RoleGateway, Path: "subnets.gateway", Smallest: 26, Why: "expressRoute.sku ErGwScale"}
	// The slot (/26 in a /16) fits.
	got, err := Plan("10.0.0.0/16", []Request{scale})
	require.NoError(t, err)
	assert.Equal(t, "10.0.3.0/26", got[0].String())

	explicit := scale
	explicit.Prefix = "10.0.3.0/27"
	_, err = Plan("10.0.0.0/16", []Request{explicit})
	assert.EqualError(t, err, "subnets.gateway.addressPrefix 10.0.3.0/27 is smaller than /26, the smallest subnet "+
		"allowed here with expressRoute.sku ErGwScale; use /26 or larger")

	existing := scale
	existing.Existing = &Existing{Name: "GatewaySubnet", Prefix: "10.0.3.0/27", InUse: true}
	_, err = Plan("10.0.0.0/16", []Request{existing})
	assert.ErrorContains(t, err, "the existing subnet GatewaySubnet (10.0.3.0/27) is smaller than /26, which "+
		"expressRoute.sku ErGwScale needs")

	// Without the tighter size, a /27 gateway subnet is fine.
	explicit.Smallest = 0
	_, err = Plan("10.0.0.0/16", []Request{explicit})
	assert.NoError(t, err)
}
