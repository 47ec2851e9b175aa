package addressing

import (
	"fmt"
	"net/netip"
	"testing"
)

// FuzzPlan checks the planner's invariants on arbitrary input: it never panics, and a plan it
// returns keeps explicit prefixes, stays inside the address space, has no overlaps, respects every
// size limit, and is the same when asked twice.
func FuzzPlan(f *testing.F) {
	f.Add("10.0.0.0/16", "", "", "", uint8(24), uint8(0))
	f.Add("10.0.0.0/16", "10.0.0.0/24", "", "10.0.5.0/28", uint8(24), uint8(9))
	f.Add("192.168.0.0/24", "", "192.168.0.64/26", "", uint8(24), uint8(20))
	f.Add("10.0.0.0/8", "10.0.0.0/9", "", "", uint8(16), uint8(200))
	f.Fuzz(func(t *testing.T, space, training, scoring, endpoints string, carveBits, minUsable uint8) {
		reqs := []Request{
			{Path: "subnets.training", Prefix: training, CarveBits: int(carveBits % 33), MaxPrefixLength: 29},
			{Path: "subnets.scoring", Prefix: scoring, CarveBits: int(carveBits % 33), MaxPrefixLength: 29},
			{Path: "subnets.privateEndpoints", Prefix: endpoints, CarveBits: 24, MaxPrefixLength: 29, MinUsable: int(minUsable)},
		}
		plan, err := Plan(space, reqs)
		if err != nil {
			return
		}
		again, err := Plan(space, reqs)
		if err != nil || fmt.Sprint(plan) != fmt.Sprint(again) {
			t.Fatalf("plan is not deterministic: %v then %v (%v)", plan, again, err)
		}
		sp := netip.MustParsePrefix(space)
		for i, p := range plan {
			if reqs[i].Prefix != "" && p.String() != reqs[i].Prefix {
				t.Fatalf("explicit prefix %q became %s", reqs[i].Prefix, p)
			}
			if p.Bits() < sp.Bits() || !sp.Contains(p.Addr()) {
				t.Fatalf("%s is outside %s", p, sp)
			}
			if p.Bits() > reqs[i].MaxPrefixLength || UsableAddresses(p.Bits()) < reqs[i].MinUsable {
				t.Fatalf("%s is too small for %+v", p, reqs[i])
			}
			if p.Overlaps(dockerBridge) {
				t.Fatalf("%s overlaps the Docker bridge", p)
			}
			for j := range i {
				if p.Overlaps(plan[j]) {
					t.Fatalf("%s overlaps %s", p, plan[j])
				}
			}
		}
	})
}
