package securemlnetwork

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/components/armid"
	"github.com/secureml/pulumi-secureml/components/azurecloud"
)

// Where the network comes from: created here (vnet-<name> in resourceGroupName), or existing
// (existingVirtualNetwork). Either way it is read at preview when it exists, so subnets keep their
// prefixes and a change Azure refuses fails the preview.

const virtualNetworkType = "Microsoft.Network/virtualNetworks"

// networkSourceValues is the network as far as it is known before any child is registered.
type networkSourceValues struct {
	ref networkRef
	// subnets are the subnets of the network with this component's subnet names, as Azure has them.
	subnets map[string]existingSubnet
	// foreign are the prefixes of the existing network's other subnets, which new subnets must not
	// overlap; spaces are its address space. Both empty for a network created here.
	foreign []namedPrefix
	spaces  []netip.Prefix
	// givenSubnets are the subnets of existingVirtualNetwork.subnetIds, checked, by role, and the
	// prefixes of those known at preview.
	givenSubnets  map[subnetRole]pulumi.StringOutput
	givenPrefixes map[string]string
}

type namedPrefix struct {
	name   string
	prefix netip.Prefix
}

// resolveNetworkSource reads the network the subnets go to.
func resolveNetworkSource(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues,
	parent pulumi.Resource,
) (networkSourceValues, error) {
	_, vnetAzureName := names.virtualNetwork()
	if plan.source.existing == nil {
		v := networkSourceValues{ref: networkRef{name: pulumi.String(vnetAzureName), group: in.resourceGroup.out}}
		if !in.resourceGroup.known {
			return v, nil
		}
		read, found, err := readNetwork(ctx, in.resourceGroup.value, vnetAzureName, pulumi.Parent(parent))
		if err != nil || !found {
			return v, err
		}
		v.subnets = read.ours(names, plan)
		return v, nil
	}
	return resolveExistingNetwork(ctx, names, plan, in, parent)
}

// resolveExistingNetwork checks existingVirtualNetwork: the ID's type, and when it is known at
// preview, the subscription (the deploying one, where Azure ML needs the workspace too), the region
// and the given subnets, read from Azure.
func resolveExistingNetwork(ctx *pulumi.Context, names childNames, plan networkPlan, in inputValues,
	parent pulumi.Resource,
) (networkSourceValues, error) {
	const path = "existingVirtualNetwork.id"
	checked, err := checkString(ctx, plan.source.existing, func(id string) (string, error) {
		_, err := armid.ParseOfType(path, id, virtualNetworkType)
		return id, err
	})
	if err != nil {
		return networkSourceValues{}, err
	}
	part := func(pick func(armid.ResourceID) string) pulumi.StringOutput {
		return checked.out.ApplyT(func(id string) (string, error) {
			r, err := armid.Parse(id)
			return pick(r), err
		}).(pulumi.StringOutput)
	}
	v := networkSourceValues{ref: networkRef{
		id:    checked.out,
		name:  part(armid.ResourceID.Name),
		group: part(func(r armid.ResourceID) string { return r.ResourceGroup }),
	}}
	v.givenSubnets = givenSubnetOutputs(plan.source.subnetIDs, checked.out)
	if !checked.known {
		return v, nil
	}
	r, _ := armid.Parse(checked.value)
	v.ref.name, v.ref.group = pulumi.String(r.Name()), pulumi.String(r.ResourceGroup)
	deploying, err := deployingSubscription(ctx, parent)
	if err != nil {
		return v, err
	}
	if !strings.EqualFold(r.SubscriptionID, deploying) {
		return v, fmt.Errorf("%s is in subscription %s, but this stack deploys to %s; Azure ML needs the network in "+
			"the workspace's subscription, and this component adds subnets with the stack's azure-native provider: "+
			"deploy from that subscription", path, r.SubscriptionID, deploying)
	}
	read, found, err := readNetwork(ctx, r.ResourceGroup, r.Name(), pulumi.Parent(parent))
	if err != nil {
		return v, err
	}
	if !found {
		return v, fmt.Errorf("%s: the virtual network %s was not found in resource group %s; give the ID of a network "+
			"that exists, or remove existingVirtualNetwork to create one", path, r.Name(), r.ResourceGroup)
	}
	if in.region.known && azurecloud.NormalizeRegion(read.location) != in.region.value {
		return v, fmt.Errorf("%s: the virtual network %s is in %s, but location is %s; Azure ML needs the network in "+
			"the workspace's region (how-to-secure-training-vnet.md): set location to %s or use a network in %s", path,
			r.Name(), read.location, in.region.value, azurecloud.NormalizeRegion(read.location), in.region.value)
	}
	v.subnets, v.spaces = read.ours(names, plan), read.spaces
	for name, s := range read.subnets {
		if _, ours := v.subnets[name]; ours {
			continue
		}
		if p, err := netip.ParsePrefix(s.prefix); err == nil {
			v.foreign = append(v.foreign, namedPrefix{name, p})
		}
	}
	slices.SortFunc(v.foreign, func(a, b namedPrefix) int { return strings.Compare(a.name, b.name) })
	if ids := plan.source.subnetIDs; ids != nil {
		if v.givenPrefixes, err = checkGivenSubnets(ids, checked.value, read); err != nil {
			return v, err
		}
	}
	return v, nil
}

// givenSubnetOutputs are the given subnet IDs, each checked to be a subnet of the network when the
// values arrive.
func givenSubnetOutputs(ids *ExistingSubnetIDs, vnet pulumi.StringOutput) map[subnetRole]pulumi.StringOutput {
	if ids == nil {
		return nil
	}
	out := map[subnetRole]pulumi.StringOutput{}
	for role, id := range map[subnetRole]pulumi.StringInput{
		roleTraining: ids.Training, roleScoring: ids.Scoring, rolePrivateEndpoints: ids.PrivateEndpoints,
	} {
		if id == nil {
			continue
		}
		out[role] = pulumi.All(id, vnet).ApplyT(func(v []any) (string, error) {
			return v[0].(string), checkSubnetOf(role, v[0].(string), v[1].(string))
		}).(pulumi.StringOutput)
	}
	return out
}

// checkSubnetOf refuses a subnet ID that is not a subnet of the network.
func checkSubnetOf(role subnetRole, id, vnet string) error {
	path := "existingVirtualNetwork.subnetIds." + string(role)
	r, err := armid.ParseOfType(path, id, virtualNetworkType+"/subnets")
	if err != nil {
		return err
	}
	if parent := id[:strings.LastIndex(strings.ToLower(id), "/subnets/")]; !strings.EqualFold(parent, vnet) {
		return fmt.Errorf("%s is a subnet of %s, not of existingVirtualNetwork.id %s; give a subnet of that network",
			path, parent, vnet)
	}
	_ = r
	return nil
}

// checkGivenSubnets checks the given subnets known at preview against the network read then, and
// returns their prefixes by role.
func checkGivenSubnets(ids *ExistingSubnetIDs, vnet string, read readResult) (map[string]string, error) {
	prefixes := map[string]string{}
	for _, role := range []subnetRole{roleTraining, roleScoring, rolePrivateEndpoints} {
		id := map[subnetRole]pulumi.StringInput{
			roleTraining: ids.Training, roleScoring: ids.Scoring, rolePrivateEndpoints: ids.PrivateEndpoints,
		}[role]
		value, ok := id.(pulumi.String)
		if !ok {
			continue // known later; checked then
		}
		if err := checkSubnetOf(role, string(value), vnet); err != nil {
			return nil, err
		}
		name := string(value)[strings.LastIndex(string(value), "/")+1:]
		s, exists := read.subnets[name]
		if !exists {
			return nil, fmt.Errorf("existingVirtualNetwork.subnetIds.%s: the network has no subnet %s; give one of %s",
				role, name, strings.Join(slices.Sorted(mapKeys(read.subnets)), ", "))
		}
		prefixes[string(role)] = s.prefix
	}
	return prefixes, nil
}

// readResult is a network as Azure has it.
type readResult struct {
	location string
	spaces   []netip.Prefix
	subnets  map[string]existingSubnet // all subnets, by name
}

// ours keeps the subnets with this component's names.
func (r readResult) ours(names childNames, plan networkPlan) map[string]existingSubnet {
	out := map[string]existingSubnet{}
	for role := range subnetSpecs {
		_, name := names.subnet(role)
		if s, ok := r.subnets[name]; ok {
			out[name] = s
		}
	}
	return out
}

// readNetwork reads a virtual network; found is false when it (or its resource group) does not exist.
func readNetwork(ctx *pulumi.Context, group, name string, opts ...pulumi.InvokeOption) (readResult, bool, error) {
	vnet, err := network.LookupVirtualNetwork(ctx, &network.LookupVirtualNetworkArgs{
		ResourceGroupName: group, VirtualNetworkName: name,
	}, opts...)
	if armid.IsNotFound(err) {
		return readResult{}, false, nil
	}
	if err != nil {
		return readResult{}, false, fmt.Errorf("reading the virtual network %s in resource group %s, to keep its "+
			"subnets' prefixes: %w", name, group, err)
	}
	r := readResult{subnets: map[string]existingSubnet{}}
	if vnet.Location != nil {
		r.location = *vnet.Location
	}
	if vnet.AddressSpace != nil {
		for _, s := range vnet.AddressSpace.AddressPrefixes {
			if p, err := netip.ParsePrefix(s); err == nil {
				r.spaces = append(r.spaces, p)
			}
		}
	}
	for _, s := range vnet.Subnets {
		if s.Name == nil {
			continue
		}
		e := existingSubnet{inUse: len(s.IpConfigurations) > 0 || len(s.PrivateEndpoints) > 0}
		switch {
		case s.AddressPrefix != nil:
			e.prefix = *s.AddressPrefix
		case len(s.AddressPrefixes) > 0:
			e.prefix = s.AddressPrefixes[0]
		}
		r.subnets[*s.Name] = e
	}
	return r, true, nil
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// checkInsideNetwork refuses an address space that is not inside the existing network's, and a placed
// subnet that overlaps one of its other subnets.
func checkInsideNetwork(space string, placed map[string]string, src networkSourceValues) error {
	if len(src.spaces) == 0 {
		return nil
	}
	s, err := netip.ParsePrefix(space)
	if err != nil {
		return nil // reported by the planner
	}
	inside := false
	var spaces []string
	for _, p := range src.spaces {
		spaces = append(spaces, p.String())
		if p.Bits() <= s.Bits() && p.Contains(s.Addr()) {
			inside = true
		}
	}
	if !inside {
		return fmt.Errorf("addressSpace %s is not inside the address space of existingVirtualNetwork (%s); give the "+
			"range of that network the component may carve its subnets from, for example a free /22 in it", s,
			strings.Join(spaces, ", "))
	}
	for _, role := range slices.Sorted(mapKeys(placed)) {
		p, err := netip.ParsePrefix(placed[role])
		if err != nil {
			continue
		}
		for _, f := range src.foreign {
			if p.Overlaps(f.prefix) {
				return fmt.Errorf("subnets.%s %s overlaps the existing subnet %s (%s) of existingVirtualNetwork; give "+
					"subnets.%s.addressPrefix, or an addressSpace clear of the network's subnets", role, p, f.name,
					f.prefix, role)
			}
		}
	}
	return nil
}
