package securemlnetwork

import (
	"fmt"
	"net/netip"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/components/addressing"
)

// addressPlan is the checked address space and the prefix of every subnet, as outputs children take:
// when the address space and every explicit prefix are known at preview they are checked then;
// otherwise when they arrive, before the network or any subnet is created.
type addressPlan struct {
	space    pulumi.StringOutput
	prefixes pulumi.StringMapOutput // by subnet role
}

// planAddresses places every subnet: explicit prefix, else its prefix in Azure when it exists, else
// its role's slot (addressing.Plan).
func planAddresses(ctx *pulumi.Context, plan networkPlan, space pulumi.StringInput, names childNames,
	in inputValues,
) (addressPlan, error) {
	if plan.source.subnetIDs != nil {
		// The given subnets are used as they are: nothing to place.
		return addressPlan{
			space:    pulumi.String("").ToStringOutput(),
			prefixes: pulumi.ToStringMap(in.existing.givenPrefixes).ToStringMapOutput(),
		}, nil
	}
	if space == nil {
		space = pulumi.String(DefaultAddressSpace)
	}
	existing := in.existing.subnets
	if err := checkRemovedSubnets(names, plan, existing); err != nil {
		return addressPlan{}, err
	}
	ins := append([]pulumi.StringInput{space}, explicitPrefixes(plan)...)
	hop := 0 // position of the next hop among the inputs, when there is one
	if plan.egress.nextHop != nil {
		hop = len(ins)
		ins = append(ins, in.egress.nextHop)
	}
	inputs := make([]any, len(ins))
	known := make([]any, len(ins))
	allKnown := true
	for i, in := range ins {
		v, ok, err := awaitKnown[string](ctx, in)
		if err != nil {
			return addressPlan{}, err
		}
		inputs[i], known[i], allKnown = in, v, allKnown && ok
	}
	place := func(vs []any) (map[string]string, error) {
		strs := make([]string, len(vs))
		for i, v := range vs {
			strs[i], _ = v.(string)
		}
		explicit := strs[1:]
		if hop > 0 {
			explicit = strs[1:hop]
		}
		placed, err := placeSubnets(plan, names, existing, strs[0], explicit)
		if err != nil {
			return nil, err
		}
		if err := checkInsideNetwork(strs[0], placed, in.existing); err != nil {
			return nil, err
		}
		if hop > 0 {
			return placed, checkNextHopOutsideCompute(strs[hop], placed)
		}
		return placed, nil
	}
	if allKnown {
		if _, err := place(known); err != nil {
			return addressPlan{}, err
		}
		if p, err := netip.ParsePrefix(known[0].(string)); err == nil && !addressing.IsPrivate(p) && !in.quiet {
			_ = ctx.Log.Warn(fmt.Sprintf("addressSpace %s is not in a private range (10.0.0.0/8, 172.16.0.0/12, "+
				"192.168.0.0/16, 100.64.0.0/10): addresses in it that are also used on the Internet become unreachable "+
				"from the network", p), nil)
		}
	}
	placed := pulumi.All(inputs...).ApplyT(place).(pulumi.StringMapOutput)
	return addressPlan{
		space:    pulumi.All(space, placed).ApplyT(func(vs []any) string { return vs[0].(string) }).(pulumi.StringOutput),
		prefixes: placed,
	}, nil
}

// explicitPrefixes returns the explicit prefix inputs, in plan order.
func explicitPrefixes(plan networkPlan) []pulumi.StringInput {
	var out []pulumi.StringInput
	for _, s := range plan.subnets {
		if s.prefix != nil {
			out = append(out, s.prefix)
		}
	}
	return out
}

// placeSubnets runs the address planner on known values: the address space and the explicit
// prefixes in plan order.
func placeSubnets(plan networkPlan, names childNames, existing map[string]existingSubnet, space string,
	explicit []string,
) (map[string]string, error) {
	requests := make([]addressing.Request, len(plan.subnets))
	next := 0
	for i, s := range plan.subnets {
		r := addressing.Request{Role: s.spec().slot, Path: s.path, MinUsable: s.minUsable, Smallest: s.smallest, Why: s.why}
		if s.prefix != nil {
			r.Prefix = explicit[next]
			next++
		}
		_, azureName := names.subnet(s.role)
		if e, ok := existing[azureName]; ok {
			r.Existing = &addressing.Existing{Name: azureName, Prefix: e.prefix, InUse: e.inUse}
		}
		requests[i] = r
	}
	prefixes, err := addressing.Plan(space, requests)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for i, s := range plan.subnets {
		out[string(s.role)] = prefixes[i].String()
	}
	return out, nil
}

// checkRemovedSubnets fails the preview when a subnet the configuration no longer has still holds
// network interfaces: Azure refuses to delete a subnet in use (InUseSubnetCannotBeDeleted).
func checkRemovedSubnets(names childNames, plan networkPlan, existing map[string]existingSubnet) error {
	kept := map[string]bool{}
	for _, s := range plan.subnets {
		_, azureName := names.subnet(s.role)
		kept[azureName] = true
	}
	for _, role := range []subnetRole{roleScoring} {
		_, azureName := names.subnet(role)
		if e, ok := existing[azureName]; ok && !kept[azureName] && e.inUse {
			return fmt.Errorf("subnets.%s.enabled is false, but the existing subnet %s (%s) holds network interfaces "+
				"(compute or endpoints); Azure refuses to delete a subnet in use (InUseSubnetCannotBeDeleted). Remove what "+
				"is attached to it first, or keep it enabled", role, azureName, e.prefix)
		}
	}
	return nil
}

// computePrefixes are the compute subnets' prefixes, the sources of the firewall's rules.
func computePrefixes(plan networkPlan, addresses addressPlan) pulumi.StringArrayOutput {
	roles := []string{}
	for _, s := range plan.subnets {
		if s.spec().compute {
			roles = append(roles, string(s.role))
		}
	}
	return addresses.prefixes.ApplyT(func(p map[string]string) []string {
		out := make([]string, 0, len(roles))
		for _, r := range roles {
			out = append(out, p[r])
		}
		return out
	}).(pulumi.StringArrayOutput)
}
