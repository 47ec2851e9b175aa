package addressing

import (
	"fmt"
	"net/netip"
	"testing"
)

// FuzzPlan checks the planner's invariants on arbitrary input: it never panics, and a plan it
// returns keeps explicit prefixes, stays inside the address space, has no overlaps, respects every
// size limit, is the same when asked twice, and gives a subnet without an explicit prefix the same
// prefix whether or not the scoring subnet is on.
func FuzzPlan(f *testing.F) {
	f.Add("10.0.0.0/16", "", "", "", uint8(24), uint8(0))
	f.Add("10.0.0.0/16", "10.0.0.0/24", "", "10.0.5.0/28", uint8(24), uint8(9))
	f.Add("192.168.0.0/24", "", "192.168.0.64/26", "", uint8(24), uint8(20))
	f.Add("10.0.0.0/8", "10.0.0.0/9", "", "", uint8(16), uint8(200))
	f.Fuzz(func(t *testing.T, space, training, scoring, endpoints string, roles, minUsable uint8) {
		reqs := []Request{
			{Role: RoleTraining, Path: "subnets.training", Prefix: training},
			{Role: RoleScoring, Path: "subnets.scoring", Prefix: scoring},
			{Role: RolePrivateEndpoints, Path: "subnets.privateEndpoints", Prefix: endpoints, MinUsable: int(minUsable)},
		}
		// The low bits of roles add platform subnets in their slots.
		for i, role := range Roles[3:] {
			if roles&(1<<i) != 0 {
				reqs = append(reqs, Request{Role: role, Path: "subnets." + string(role)})
			}
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
			if p.Bits() > slots[reqs[i].Role].Smallest || UsableAddresses(p.Bits()) < reqs[i].MinUsable {
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
		withoutScoring := append(append([]Request{}, reqs[:1]...), reqs[2:]...)
		if scoring != "" {
			return
		}
		other, err := Plan(space, withoutScoring)
		if err != nil {
			t.Fatalf("turning scoring off made a valid plan invalid: %v", err)
		}
		for i, p := range other {
			want := plan[i]
			if i > 0 {
				want = plan[i+1]
			}
			if p != want {
				t.Fatalf("%s moved from %s to %s when scoring was turned off", withoutScoring[i].Path, want, p)
			}
		}
	})
}
