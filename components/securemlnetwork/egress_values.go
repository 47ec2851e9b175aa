package securemlnetwork

import (
	"fmt"
	"net/netip"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/components/addressing"
)

// Value inputs of the ways out, checked as values.go does.

type egressValues struct {
	nextHop pulumi.StringOutput // egress.nextHopIpAddress, checked, for mode nextHop
	// allowedSources are egress.firewall.allowedSourceAddresses, checked; empty without them.
	allowedSources pulumi.StringArrayOutput
}

func resolveEgressValues(ctx *pulumi.Context, plan networkPlan) (egressValues, error) {
	v := egressValues{allowedSources: pulumi.ToStringArray(nil).ToStringArrayOutput()}
	if fw := plan.egress.firewall; fw != nil && fw.allowedSources != nil {
		check := func(ranges []string) ([]string, error) {
			for _, r := range ranges {
				if p, err := netip.ParsePrefix(r); err != nil || !p.Addr().Is4() || p.Masked() != p {
					return nil, fmt.Errorf("egress.firewall.allowedSourceAddresses: %q is not an IPv4 CIDR without host "+
						"bits; write it like 10.1.0.0/24", r)
				}
			}
			return ranges, nil
		}
		known, ok, err := awaitKnown[[]string](ctx, fw.allowedSources)
		if err != nil {
			return v, err
		}
		if ok {
			if _, err := check(known); err != nil {
				return v, err
			}
		}
		v.allowedSources = fw.allowedSources.ToStringArrayOutput().ApplyT(check).(pulumi.StringArrayOutput)
	}
	if plan.egress.nextHop == nil {
		return v, nil
	}
	hop, err := checkString(ctx, plan.egress.nextHop, checkNextHop)
	v.nextHop = hop.out
	return v, err
}

// checkNextHop refuses a next hop that is not a private IPv4 address: a route to an appliance takes a
// private address (virtual-networks-udr-overview.md).
func checkNextHop(s string) (string, error) {
	const path = "egress.nextHopIpAddress"
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is4() {
		return "", fmt.Errorf("%s %q is not an IPv4 address; give the private address of the hub's firewall or "+
			"appliance, like 10.100.0.4", path, s)
	}
	if !addressing.IsPrivate(netip.PrefixFrom(a, 32)) {
		return "", fmt.Errorf("%s %s is not in a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, "+
			"100.64.0.0/10); a route's next hop is an appliance's private address in this or a peered network", path, a)
	}
	return s, nil
}

// checkNextHopOutsideCompute refuses a next hop inside a compute subnet: the compute subnets' own
// 0.0.0.0/0 route would send the appliance's traffic back to itself.
func checkNextHopOutsideCompute(hop string, placed map[string]string) error {
	a, err := netip.ParseAddr(hop)
	if err != nil {
		return nil // checkNextHop reports it
	}
	for _, role := range []subnetRole{roleTraining, roleScoring} {
		if p, err := netip.ParsePrefix(placed[string(role)]); err == nil && p.Contains(a) {
			return fmt.Errorf("egress.nextHopIpAddress %s is inside the %s subnet %s, whose 0.0.0.0/0 route goes to it: "+
				"the appliance would route its own traffic to itself; give an address in another subnet or network", a,
				role, p)
		}
	}
	return nil
}
