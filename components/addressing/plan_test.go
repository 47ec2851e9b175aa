package addressing

import (
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func subnet(path, prefix string) Request {
	return Request{Path: path, Prefix: prefix, CarveBits: 24, MaxPrefixLength: 29}
}

func prefixes(t *testing.T, ps []netip.Prefix) []string {
	t.Helper()
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

func TestPlanCarves(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		space string
		reqs  []Request
		want  []string
	}{
		{
			name:  "defaults carve /24s in order",
			space: "10.0.0.0/16",
			reqs:  []Request{subnet("subnets.training", ""), subnet("subnets.scoring", ""), subnet("subnets.privateEndpoints", "")},
			want:  []string{"10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"},
		},
		{
			name:  "carving skips explicit prefixes",
			space: "10.0.0.0/16",
			reqs:  []Request{subnet("subnets.training", ""), subnet("subnets.scoring", "10.0.0.0/23"), subnet("subnets.privateEndpoints", "")},
			want:  []string{"10.0.2.0/24", "10.0.0.0/23", "10.0.3.0/24"},
		},
		{
			name:  "small address space shrinks carved subnets so four fit",
			space: "192.168.10.0/24",
			reqs:  []Request{subnet("subnets.training", ""), subnet("subnets.scoring", ""), subnet("subnets.privateEndpoints", "")},
			want:  []string{"192.168.10.0/26", "192.168.10.64/26", "192.168.10.128/26"},
		},
		{
			name:  "a large explicit prefix is skipped in one step",
			space: "10.0.0.0/8",
			reqs:  []Request{subnet("subnets.training", "10.0.0.0/9"), subnet("subnets.scoring", "")},
			want:  []string{"10.0.0.0/9", "10.128.0.0/24"},
		},
		{
			name:  "carved subnet grows to hold the addresses it needs",
			space: "10.0.0.0/16",
			reqs:  []Request{{Path: "subnets.privateEndpoints", CarveBits: 24, MaxPrefixLength: 29, MinUsable: 300}},
			want:  []string{"10.0.0.0/23"},
		},
		{
			name:  "role minimum caps the carved size",
			space: "10.0.0.0/16",
			reqs:  []Request{{Path: "bastion", CarveBits: 27, MaxPrefixLength: 26}},
			want:  []string{"10.0.0.0/26"},
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

func TestPlanErrors(t *testing.T) {
	t.Parallel()
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
		{"prefix outside the address space", "10.0.0.0/16", []Request{subnet("subnets.training", "10.1.0.0/24")},
			`subnets.training.addressPrefix 10.1.0.0/24 is outside addressSpace 10.0.0.0/16; choose a prefix inside it or widen addressSpace`},
		{"prefix wider than the address space", "10.0.0.0/16", []Request{subnet("subnets.training", "10.0.0.0/8")},
			`subnets.training.addressPrefix 10.0.0.0/8 is outside addressSpace 10.0.0.0/16; choose a prefix inside it or widen addressSpace`},
		{"prefix not a CIDR", "10.0.0.0/16", []Request{subnet("subnets.training", "10.0.0.0")},
			`subnets.training.addressPrefix "10.0.0.0" is not an IPv4 CIDR; write it like 10.0.0.0/16`},
		{"prefix with host bits", "10.0.0.0/16", []Request{subnet("subnets.training", "10.0.0.5/24")},
			`subnets.training.addressPrefix 10.0.0.5/24 has host bits set; did you mean 10.0.0.0/24?`},
		{"overlapping prefixes", "10.0.0.0/16",
			[]Request{subnet("subnets.training", "10.0.0.0/24"), subnet("subnets.scoring", "10.0.0.128/25")},
			`subnets.scoring.addressPrefix 10.0.0.128/25 overlaps subnets.training.addressPrefix 10.0.0.0/24; give each subnet its own range`},
		{"prefix smaller than /29", "10.0.0.0/16", []Request{subnet("subnets.training", "10.0.0.0/30")},
			`subnets.training.addressPrefix 10.0.0.0/30 is smaller than /29, the smallest subnet allowed here; use /29 or larger`},
		{"prefix smaller than the role minimum", "10.0.0.0/16",
			[]Request{{Path: "bastion", Prefix: "10.0.0.0/27", MaxPrefixLength: 26}},
			`bastion.addressPrefix 10.0.0.0/27 is smaller than /26, the smallest subnet allowed here; use /26 or larger`},
		{"prefix too small for its endpoints", "10.0.0.0/16",
			[]Request{{Path: "subnets.privateEndpoints", Prefix: "10.0.2.0/29", MaxPrefixLength: 29, MinUsable: 9}},
			`subnets.privateEndpoints.addressPrefix 10.0.2.0/29 holds 3 usable addresses (Azure reserves 5), but 9 are needed; use /28 or larger`},
		{"no room left to carve", "10.0.0.0/24",
			[]Request{subnet("subnets.training", "10.0.0.0/24"), subnet("subnets.scoring", "")},
			`no free /26 is left in addressSpace 10.0.0.0/24 for subnets.scoring; give subnets.scoring.addressPrefix or widen addressSpace`},
		{"address space too small for the needed addresses", "10.0.0.0/24",
			[]Request{{Path: "subnets.privateEndpoints", CarveBits: 24, MaxPrefixLength: 29, MinUsable: 300}},
			`addressSpace 10.0.0.0/24 is too small for subnets.privateEndpoints, which needs 300 usable addresses; widen addressSpace`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Plan(tt.space, tt.reqs)
			assert.EqualError(t, err, tt.err)
		})
	}
}

func TestUsableAddresses(t *testing.T) {
	t.Parallel()
	assert.Equal(t, 3, UsableAddresses(29))
	assert.Equal(t, 251, UsableAddresses(24))
	assert.Equal(t, 28, bitsFor(9))
	assert.Equal(t, 29, bitsFor(0))
}
