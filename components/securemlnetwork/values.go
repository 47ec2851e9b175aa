package securemlnetwork

import (
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"
)

// Value inputs (the resource group, location, prefixes, service and zone IDs, tags) may come from
// other resources and stacks. The engine hands the component every input already resolved, known or
// not, so a known value can be checked before any child is registered: a bad one fails the preview
// with the component's own message. A value still unknown at preview is checked when it arrives,
// inside the output every child takes it from, so no child is created with a value that was not
// checked. Children always take the original input through that checked output, which keeps its
// secrecy and its dependencies.

// awaitKnown returns the value of an input the component received, and whether the engine knows it
// now. It never blocks on anything but the input itself.
func awaitKnown[T any](ctx *pulumi.Context, in pulumi.Input) (T, bool, error) {
	var zero T
	if in == nil {
		return zero, true, nil
	}
	res, err := internals.UnsafeAwaitOutput(ctx.Context(), pulumi.ToOutput(in))
	if err != nil || !res.Known {
		return zero, false, err
	}
	v, ok := res.Value.(T)
	if !ok {
		return zero, false, fmt.Errorf("input has type %T, expected %T", res.Value, zero)
	}
	return v, true, nil
}

// checkedString is a string value input: checked now when known, and always handed to children
// through an output that checks it again (the check is cheap and the output then carries the value).
type checkedString struct {
	out   pulumi.StringOutput
	value string // the checked (normalized) value when known
	known bool
}

// checkString awaits in, runs check on it when known (returning its error at once), and returns the
// output children take. check returns the value children get (for example a normalized region).
func checkString(ctx *pulumi.Context, in pulumi.StringInput, check func(string) (string, error)) (checkedString, error) {
	v, known, err := awaitKnown[string](ctx, in)
	if err != nil {
		return checkedString{}, err
	}
	c := checkedString{known: known}
	if known {
		if c.value, err = check(v); err != nil {
			return checkedString{}, err
		}
	}
	c.out = in.ToStringOutput().ApplyT(check).(pulumi.StringOutput)
	return c, nil
}

// inputValues are the value inputs every child takes, checked.
type inputValues struct {
	resourceGroup checkedString
	region        checkedString         // the location, normalized to its programmatic name
	tags          pulumi.StringMapInput // nil without tags
	// targets holds every private endpoint's service ID by endpoint key, in one output: no endpoint is
	// created before every ID has been checked.
	targets pulumi.StringMapOutput
	// zoneSubscriptions holds, by zone name, the subscription of each existing zone whose ID is known
	// at preview (already checked).
	zoneSubscriptions map[string]string
	// hybrid holds the value inputs of the ways in, checked (hybrid_values.go).
	hybrid hybridValues
	// egress holds the value inputs of the ways out, checked (egress_values.go).
	egress egressValues

	// Set once the component is registered: the network the subnets go to, the hub's network, the
	// compute subnets' prefixes, and the providers for other subscriptions.
	existing networkSourceValues
	// networkGroup is the network's resource group: gateways, Bastion, the resolver and the firewall
	// go there, since Azure wants some of them next to the network
	// (AzureFirewallReferencesSubnetInDifferentResourceGroup; Bastion, configuration-settings.md).
	networkGroup          pulumi.StringInput
	peering               peeringValues
	computePrefixes       pulumi.StringArrayOutput
	providers             *subscriptionProviders
	deployingSubscription string // known only when something needed it
	// services are the resources behind the service IDs when the same program creates them
	// (NewForServices); nil otherwise.
	services ServiceResources
	// quiet leaves warnings to the component's own construction when only its checks run (Check).
	quiet bool
}

// resolveValues checks the value inputs that are known now and wraps all of them in checked outputs.
func resolveValues(ctx *pulumi.Context, args Args, plan networkPlan, warn bool) (inputValues, error) {
	in := inputValues{quiet: !warn}
	var err error
	if in.resourceGroup, err = checkString(ctx, args.ResourceGroupName, checkResourceGroupName); err != nil {
		return in, err
	}
	if in.region, err = checkString(ctx, args.Location, regionChecker(plan.cloud)); err != nil {
		return in, err
	}
	if in.region.known && !in.quiet {
		warnRestrictedRegion(ctx, plan.cloud, in.region.value)
	}
	if in.tags, err = resolveTags(ctx, args.Tags, plan.createsZones()); err != nil {
		return in, err
	}
	if in.targets, err = resolveTargets(ctx, plan.endpoints); err != nil {
		return in, err
	}
	if in.zoneSubscriptions, err = resolveZoneIDs(ctx, plan.zones); err != nil {
		return in, err
	}
	if in.hybrid, err = resolveHybridValues(ctx, args, plan); err != nil {
		return in, err
	}
	in.egress, err = resolveEgressValues(ctx, plan)
	return in, err
}

// resolveZoneIDs checks the existing zone IDs known now and returns their subscriptions by zone name.
func resolveZoneIDs(ctx *pulumi.Context, zones []zonePlan) (map[string]string, error) {
	subscriptions := map[string]string{}
	for _, z := range zones {
		if z.existing == nil {
			continue
		}
		id, known, err := awaitKnown[string](ctx, z.existing)
		if err != nil {
			return nil, err
		}
		if !known {
			continue
		}
		r, err := checkZoneID(z.name, id)
		if err != nil {
			return nil, err
		}
		subscriptions[z.name] = strings.ToLower(r.SubscriptionID)
	}
	return subscriptions, nil
}

func resolveTags(ctx *pulumi.Context, tags pulumi.StringMapInput, createsZones bool) (pulumi.StringMapInput, error) {
	if tags == nil {
		return nil, nil
	}
	check := func(t map[string]string) (map[string]string, error) { return checkTags(t, createsZones) }
	known, ok, err := awaitKnown[map[string]string](ctx, tags)
	if err != nil {
		return nil, err
	}
	if ok {
		if _, err := check(known); err != nil {
			return nil, err
		}
	}
	return tags.ToStringMapOutput().ApplyT(check).(pulumi.StringMapOutput), nil
}

// resolveTargets checks every known service ID now, and returns one output holding all of them,
// checked, by endpoint key.
func resolveTargets(ctx *pulumi.Context, endpoints []endpointPlan) (pulumi.StringMapOutput, error) {
	inputs := make([]any, len(endpoints))
	for i, e := range endpoints {
		id, known, err := awaitKnown[string](ctx, e.target)
		if err != nil {
			return pulumi.StringMapOutput{}, err
		}
		if known {
			if err := checkTarget(e, id); err != nil {
				return pulumi.StringMapOutput{}, err
			}
		}
		inputs[i] = e.target
	}
	return pulumi.All(inputs...).ApplyT(func(ids []any) (map[string]string, error) {
		out := map[string]string{}
		for i, e := range endpoints {
			id, _ := ids[i].(string)
			if err := checkTarget(e, id); err != nil {
				return nil, err
			}
			out[e.key] = id
		}
		return out, nil
	}).(pulumi.StringMapOutput), nil
}
