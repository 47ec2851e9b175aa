package securemlnetwork

import (
	"sort"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Services created in the same program. SecureMLWorkspace creates the workspace, its storage account,
// Key Vault and registry, and builds their resource IDs from their names, so the IDs are known as soon
// as the resource group is: the network's checks do not wait for the services, and the network, its
// subnets and zones are created while the services are. Each private endpoint then waits only for its
// own service (and for the endpoint before it on the subnet).

// ServiceResources maps a service input (workspace, storageAccount, keyVault, containerRegistry) to
// the resource that its resourceId names.
type ServiceResources map[string]pulumi.Resource

// Check runs every check NewSecureMLNetwork runs before it registers anything, and registers nothing.
// A component that creates a network as its child calls it before creating its own children, so a
// mistake in the network's settings fails the preview with nothing registered.
//
// With an existing network or a hub peering, the address plan is checked when the network is built:
// reading those networks may take providers for other subscriptions, which only the registered
// component can own.
func Check(ctx *pulumi.Context, name string, args Args) error {
	plan, names, in, err := prepare(ctx, name, args, false)
	if err != nil || plan.source.existing != nil || plan.peering != nil {
		return err
	}
	if in.existing, err = resolveNetworkSource(ctx, names, plan, in, nil); err != nil {
		return err
	}
	_, err = planAddresses(ctx, plan, args.AddressSpace, names, in)
	return err
}

// NewForServices is NewSecureMLNetwork for services the same program creates: each endpoint depends
// on its service's resource, and endpoints whose services take longest to create (the workspace,
// which waits for the other three) come last on the subnet's endpoint chain.
func NewForServices(ctx *pulumi.Context, name string, args Args, services ServiceResources,
	opts ...pulumi.ResourceOption,
) (*SecureMLNetwork, error) {
	return newNetwork(ctx, name, args, services, opts...)
}

// serviceOf names the service input of an endpoint key (storageBlob belongs to storageAccount).
func serviceOf(key string) string {
	switch key {
	case "workspace", "keyVault", "containerRegistry":
		return key
	}
	return "storageAccount"
}

// endpointOrder returns the endpoints in the order they are chained on the subnet. Without services
// it is the plan's order. With them, the workspace's endpoint goes last: the workspace is created
// after its storage account, Key Vault and registry, whose endpoints need not wait for it.
func endpointOrder(plan []endpointPlan, services ServiceResources) []endpointPlan {
	out := append([]endpointPlan(nil), plan...)
	if services == nil {
		return out
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].key != "workspace" && out[j].key == "workspace"
	})
	return out
}

// KnownString returns the value of a string input the component received, and whether the engine
// knows it now (see awaitKnown).
func KnownString(ctx *pulumi.Context, in pulumi.StringInput) (string, bool, error) {
	return awaitKnown[string](ctx, in)
}
