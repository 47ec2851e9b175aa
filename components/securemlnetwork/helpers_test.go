package securemlnetwork

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/require"
)

const (
	testSubscriptionID = "00000000-0000-0000-0000-000000000000"
	testSubscription   = "/subscriptions/" + testSubscriptionID
	testWorkspaceID    = testSubscription + "/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw"
	testStorageID      = testSubscription + "/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/stml"
	testKeyVaultID     = testSubscription + "/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/kv-ml"
	testRegistryID     = testSubscription + "/resourceGroups/rg-ml/providers/Microsoft.ContainerRegistry/registries/crml"
)

// child is one resource the component registered, as the mocks saw it.
type child struct {
	Type   string
	Name   string
	Parent string
	Inputs resource.PropertyMap
}

// azureNameKeys names the input that carries each child's Azure name, which Azure returns as `name`.
var azureNameKeys = map[string]string{
	"azure-native:network:VirtualNetwork":       "virtualNetworkName",
	"azure-native:network:Subnet":               "subnetName",
	"azure-native:network:NetworkSecurityGroup": "networkSecurityGroupName",
	"azure-native:network:RouteTable":           "routeTableName",
	"azure-native:network:PrivateZone":          "privateZoneName",
	"azure-native:network:VirtualNetworkLink":   "virtualNetworkLinkName",
	"azure-native:network:PrivateEndpoint":      "privateEndpointName",
	"azure-native:network:PrivateDnsZoneGroup":  "privateDnsZoneGroupName",

	"azure-native:network:PublicIPAddress":                   "publicIpAddressName",
	"azure-native:network:VirtualNetworkGateway":             "virtualNetworkGatewayName",
	"azure-native:network/v20230601:VirtualNetworkGateway":   "virtualNetworkGatewayName",
	"azure-native:network:LocalNetworkGateway":               "localNetworkGatewayName",
	"azure-native:network:VirtualNetworkGatewayConnection":   "virtualNetworkGatewayConnectionName",
	"azure-native:network:DnsResolver":                       "dnsResolverName",
	"azure-native:network:InboundEndpoint":                   "inboundEndpointName",
	"azure-native:network:BastionHost":                       "bastionHostName",
	"azure-native:network/v20240601:VirtualNetworkLink":      "virtualNetworkLinkName",
	"azure-native:network/v20230501:Subnet":                  "subnetName",
	"azure-native:network:NatGateway":                        "natGatewayName",
	"azure-native:network:PublicIPPrefix":                    "publicIpPrefixName",
	"azure-native:network:AzureFirewall":                     "azureFirewallName",
	"azure-native:network:FirewallPolicy":                    "firewallPolicyName",
	"azure-native:network:FirewallPolicyRuleCollectionGroup": "ruleCollectionGroupName",
	"azure-native:network:VirtualNetworkPeering":             "virtualNetworkPeeringName",
	"azure-native:network:ApplicationSecurityGroup":          "applicationSecurityGroupName",
}

// recorder is a Pulumi mock that records every registration and answers like Azure would after
// creation: an ARM-shaped ID and the inputs echoed. Its invokes answer like azure-native: the
// deploying subscription, a virtual network (existingVNet, or Azure's 404 when nil), and each private
// endpoint's network interface with one address and FQDN.
type recorder struct {
	mu           sync.Mutex
	children     []child
	invokes      []string
	existingVNet map[string]any // getVirtualNetwork's answer; nil answers 404
}

func (r *recorder) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	parent := ""
	if args.RegisterRPC != nil {
		parent = args.RegisterRPC.GetParent()
	}
	r.mu.Lock()
	r.children = append(r.children, child{Type: args.TypeToken, Name: args.Name, Parent: parent, Inputs: args.Inputs})
	r.mu.Unlock()
	if !args.Custom {
		return "", resource.PropertyMap{}, nil
	}
	outputs := args.Inputs.Copy()
	id := fmt.Sprintf("%s/resourceGroups/rg-net/providers/test/%s/%s", testSubscription,
		args.TypeToken[strings.LastIndex(args.TypeToken, ":")+1:], args.Name)
	if args.TypeToken == "azure-native:network:PrivateZone" {
		// Zone IDs are read back (another network's existingZoneIds), so they have Azure's shape.
		id = testSubscription + "/resourceGroups/rg-net/providers/Microsoft.Network/privateDnsZones/" +
			args.Inputs["privateZoneName"].StringValue()
	}
	if key, ok := azureNameKeys[args.TypeToken]; ok {
		outputs["name"] = args.Inputs[resource.PropertyKey(key)]
	}
	if args.TypeToken == "azure-native:network:AzureFirewall" {
		// Azure gives the firewall the fifth address of AzureFirewallSubnet.
		outputs["ipConfigurations"] = resource.NewArrayProperty([]resource.PropertyValue{resource.NewObjectProperty(
			resource.PropertyMap{"privateIPAddress": resource.NewStringProperty("10.0.3.132")})})
	}
	return id, outputs, nil
}

func (r *recorder) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	r.mu.Lock()
	r.invokes = append(r.invokes, args.Token)
	existing := r.existingVNet
	r.mu.Unlock()
	switch args.Token {
	case "azure-native:authorization:getClientConfig":
		return resource.NewPropertyMapFromMap(map[string]any{"subscriptionId": testSubscriptionID}), nil
	case "azure-native:network:getVirtualNetwork":
		if existing == nil {
			return nil, fmt.Errorf(`request failed: Status=404 Code="ResourceNotFound" Message="The Resource 'Microsoft.Network/virtualNetworks/%s' under resource group '%s' was not found."`,
				args.Args["virtualNetworkName"].StringValue(), args.Args["resourceGroupName"].StringValue())
		}
		return resource.NewPropertyMapFromMap(existing), nil
	case "azure-native:network:getNetworkInterface":
		name := args.Args["networkInterfaceName"].StringValue()
		return resource.NewPropertyMapFromMap(map[string]any{"ipConfigurations": []any{map[string]any{
			"privateIPAddress":                "10.0.2." + fmt.Sprint(len(name)),
			"privateLinkConnectionProperties": map[string]any{"fqdns": []any{name + ".example.test."}},
		}}}), nil
	}
	return nil, fmt.Errorf("the mock does not answer %s", args.Token)
}

// outputs are the component's outputs, resolved under mocks.
type outputs struct {
	VirtualNetworkID        string
	VirtualNetworkName      string
	SubnetIDs               map[string]string
	SubnetAddressPrefixes   map[string]string
	NetworkSecurityGroupIDs map[string]string
	RouteTableIDs           map[string]string
	PrivateDNSZoneIDs       map[string]string
	PrivateEndpoints        map[string]PrivateEndpointDetails
}

// construct runs NewSecureMLNetwork named "ml" under mocks and returns the children and the outputs.
func construct(t *testing.T, args Args) ([]child, outputs, error) {
	t.Helper()
	return constructWith(t, &recorder{}, args)
}

// preview runs the program as a preview, where outputs of resources still to be created are unknown.
func preview(info *pulumi.RunInfo) { info.DryRun = true }

// constructWith runs NewSecureMLNetwork named "ml" against rec. Each test runs in its own organization,
// as each program runs in its own provider process, so zones claimed by one test never clash with
// another's.
func constructWith(t *testing.T, rec *recorder, args Args, opts ...pulumi.RunOption) ([]child, outputs, error) {
	t.Helper()
	return constructNamed(t, rec, "ml", args, opts...)
}

// constructNamed is constructWith for a component of another name.
func constructNamed(t *testing.T, rec *recorder, name string, args Args, opts ...pulumi.RunOption) ([]child, outputs, error) {
	t.Helper()
	var out outputs
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		comp, err := NewSecureMLNetwork(ctx, name, args)
		if err != nil {
			return err
		}
		pulumi.All(comp.VirtualNetworkID, comp.VirtualNetworkName, comp.SubnetIDs, comp.SubnetAddressPrefixes,
			comp.NetworkSecurityGroupIDs, comp.RouteTableIDs, comp.PrivateDNSZoneIDs, comp.PrivateEndpoints,
		).ApplyT(func(v []any) error {
			out = outputs{
				VirtualNetworkID: v[0].(string), VirtualNetworkName: v[1].(string),
				SubnetIDs: v[2].(map[string]string), SubnetAddressPrefixes: v[3].(map[string]string),
				NetworkSecurityGroupIDs: v[4].(map[string]string), RouteTableIDs: v[5].(map[string]string),
				PrivateDNSZoneIDs: v[6].(map[string]string), PrivateEndpoints: v[7].(map[string]PrivateEndpointDetails),
			}
			return nil
		})
		return nil
	}, append([]pulumi.RunOption{pulumi.WithMocksWithOrganization(t.Name(), "project", "stack", rec)}, opts...)...)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var children []child
	for _, c := range rec.children {
		if c.Type != Token {
			children = append(children, c)
		}
	}
	return children, out, err
}

func mustConstruct(t *testing.T, args Args) ([]child, outputs) {
	t.Helper()
	children, out, err := construct(t, args)
	require.NoError(t, err)
	return children, out
}

// allServices is the typical configuration: all four services, everything else default.
func allServices() Args {
	return Args{
		ResourceGroupName: pulumi.String("rg-net"),
		Location:          pulumi.String("eastus"),
		Workspace:         &ServiceTarget{ResourceID: pulumi.String(testWorkspaceID)},
		StorageAccount:    &StorageAccountTarget{ResourceID: pulumi.String(testStorageID)},
		KeyVault:          &ServiceTarget{ResourceID: pulumi.String(testKeyVaultID)},
		ContainerRegistry: &ServiceTarget{ResourceID: pulumi.String(testRegistryID)},
		Tags:              pulumi.StringMap{"env": pulumi.String("test")},
	}
}

func ofType(children []child, token string) []child {
	var out []child
	for _, c := range children {
		if c.Type == token {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func byName(t *testing.T, children []child, name string) child {
	t.Helper()
	for _, c := range children {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no child named %q", name)
	return child{}
}

func countByType(children []child) map[string]int {
	counts := map[string]int{}
	for _, c := range children {
		counts[c.Type]++
	}
	return counts
}

func ptr[T any](v T) *T { return &v }

// programError is the error the component returned, without the wrapping pulumi.RunErr adds when it
// gathers a program's errors.
func programError(err error) string {
	var multi interface{ WrappedErrors() []error }
	if errors.As(err, &multi) && len(multi.WrappedErrors()) == 1 {
		return multi.WrappedErrors()[0].Error()
	}
	return err.Error()
}

// unknown is a string output that is unknown at preview, like the output of a resource still to be
// created in the same program.
func unknown() pulumi.StringOutput {
	return pulumi.UnsafeUnknownOutput(nil).ApplyT(func(any) string { return "" }).(pulumi.StringOutput)
}

// dependencyRecorder records, per child name, the names of the resources it explicitly depends on.
type dependencyRecorder struct {
	recorder
	dependencies map[string][]string
}

func (r *dependencyRecorder) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	r.mu.Lock()
	if r.dependencies == nil {
		r.dependencies = map[string][]string{}
	}
	if args.RegisterRPC != nil {
		for _, dep := range args.RegisterRPC.GetDependencies() {
			r.dependencies[args.Name] = append(r.dependencies[args.Name], dep[strings.LastIndex(dep, "::")+2:])
		}
	}
	r.mu.Unlock()
	return r.recorder.NewResource(args)
}
