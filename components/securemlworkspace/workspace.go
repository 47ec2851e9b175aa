package securemlworkspace

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The Azure ML workspace. The azure-native Go module machinelearningservices/v2 is not served by the Go
// module proxy this project builds from, so the workspace is registered by its azure-native token with
// the small typed args below, which mirror azure-native 2.90.0's schema for the type (read from the
// npm package @pulumi/azure-native@2.90.0, machinelearningservices/v20241001/workspace.d.ts and
// types/input.d.ts). API version 2024-10-01 is the first stable one with the managed network; the
// module's default (2023-04-01) has none. The alias keeps the resource in state if it ever moves to
// the default type.
const (
	workspaceToken        = "azure-native:machinelearningservices/v20241001:Workspace"
	workspaceDefaultToken = "azure-native:machinelearningservices:Workspace"
	azureNativeVersion    = "2.90.0"
)

// mlWorkspace is the registered workspace and the outputs the component reads.
type mlWorkspace struct {
	pulumi.CustomResourceState

	Name         pulumi.StringOutput `pulumi:"name"`
	WorkspaceID  pulumi.StringOutput `pulumi:"workspaceId"`
	DiscoveryURL pulumi.StringOutput `pulumi:"discoveryUrl"`
	Identity     pulumi.MapOutput    `pulumi:"identity"`
}

// workspaceArgs are the inputs set (a subset of WorkspaceArgs in the schema); workspaceInputs is their
// plain element type, as in the generated SDKs.
type workspaceArgs struct {
	WorkspaceName       pulumi.StringInput    `pulumi:"workspaceName"`
	ResourceGroupName   pulumi.StringInput    `pulumi:"resourceGroupName"`
	Location            pulumi.StringInput    `pulumi:"location"`
	FriendlyName        pulumi.StringPtrInput `pulumi:"friendlyName"`
	Description         pulumi.StringPtrInput `pulumi:"description"`
	Identity            identityArgs          `pulumi:"identity"`
	Sku                 skuArgs               `pulumi:"sku"`
	StorageAccount      pulumi.StringInput    `pulumi:"storageAccount"`
	KeyVault            pulumi.StringInput    `pulumi:"keyVault"`
	ContainerRegistry   pulumi.StringInput    `pulumi:"containerRegistry"`
	ApplicationInsights pulumi.StringInput    `pulumi:"applicationInsights"`
	PublicNetworkAccess pulumi.StringInput    `pulumi:"publicNetworkAccess"`
	ImageBuildCompute   pulumi.StringInput    `pulumi:"imageBuildCompute"`
	HbiWorkspace        pulumi.BoolInput      `pulumi:"hbiWorkspace"`
	ManagedNetwork      managedNetworkArgs    `pulumi:"managedNetwork"`
	Tags                pulumi.StringMapInput `pulumi:"tags"`
}

type workspaceInputs struct {
	WorkspaceName       string             `pulumi:"workspaceName"`
	ResourceGroupName   string             `pulumi:"resourceGroupName"`
	Location            string             `pulumi:"location"`
	FriendlyName        *string            `pulumi:"friendlyName"`
	Description         *string            `pulumi:"description"`
	Identity            identityArgs       `pulumi:"identity"`
	Sku                 skuArgs            `pulumi:"sku"`
	StorageAccount      string             `pulumi:"storageAccount"`
	KeyVault            string             `pulumi:"keyVault"`
	ContainerRegistry   string             `pulumi:"containerRegistry"`
	ApplicationInsights string             `pulumi:"applicationInsights"`
	PublicNetworkAccess string             `pulumi:"publicNetworkAccess"`
	ImageBuildCompute   string             `pulumi:"imageBuildCompute"`
	HbiWorkspace        bool               `pulumi:"hbiWorkspace"`
	ManagedNetwork      managedNetworkArgs `pulumi:"managedNetwork"`
	Tags                map[string]string  `pulumi:"tags"`
}

// ElementType makes workspaceArgs a resource input.
func (workspaceArgs) ElementType() reflect.Type { return reflect.TypeFor[workspaceInputs]() }

// identityArgs is ManagedServiceIdentity: type SystemAssigned.
type identityArgs struct {
	Type string `pulumi:"type"`
}

// skuArgs is Sku: Basic is the only workspace SKU.
type skuArgs struct {
	Name string `pulumi:"name"`
	Tier string `pulumi:"tier"`
}

// managedNetworkArgs is ManagedNetworkSettings; each outbound rule is one of FqdnOutboundRule,
// PrivateEndpointOutboundRule and ServiceTagOutboundRule, told apart by type.
type managedNetworkArgs struct {
	IsolationMode string                      `pulumi:"isolationMode"`
	FirewallSku   *string                     `pulumi:"firewallSku,optional"`
	OutboundRules map[string]outboundRuleArgs `pulumi:"outboundRules,optional"`
}

type outboundRuleArgs struct {
	Type        string `pulumi:"type"`
	Category    string `pulumi:"category"`
	Destination any    `pulumi:"destination"` // a string for FQDN rules, an object otherwise
}

type privateEndpointDestination struct {
	ServiceResourceID pulumi.StringInput `pulumi:"serviceResourceId"`
	SubresourceTarget string             `pulumi:"subresourceTarget"`
	SparkEnabled      bool               `pulumi:"sparkEnabled"`
}

type serviceTagDestination struct {
	ServiceTag string `pulumi:"serviceTag"`
	Protocol   string `pulumi:"protocol"`
	PortRanges string `pulumi:"portRanges"`
	Action     string `pulumi:"action"`
}

// managedNetworkInput renders the plan's managed network for the schema.
func managedNetworkInput(m managedNetworkPlan) managedNetworkArgs {
	out := managedNetworkArgs{IsolationMode: string(m.mode)}
	if m.firewallSku != nil {
		sku := string(*m.firewallSku)
		out.FirewallSku = &sku
	}
	if len(m.rules) > 0 {
		out.OutboundRules = map[string]outboundRuleArgs{}
	}
	for _, r := range m.rules {
		rule := outboundRuleArgs{Type: string(r.rule.Type), Category: defaultRuleCategory}
		switch r.rule.Type {
		case OutboundRuleFQDN:
			rule.Destination = valueOr(r.rule.Fqdn, "")
		case OutboundRulePrivateEndpoint:
			rule.Destination = privateEndpointDestination{ServiceResourceID: r.rule.ServiceResourceID,
				SubresourceTarget: valueOr(r.rule.SubresourceTarget, ""), SparkEnabled: valueOr(r.rule.SparkEnabled, false)}
		case OutboundRuleServiceTag:
			rule.Destination = serviceTagDestination{ServiceTag: valueOr(r.rule.ServiceTag, ""),
				Protocol: valueOr(r.rule.Protocol, "TCP"), PortRanges: valueOr(r.rule.PortRanges, ""), Action: "Allow"}
		}
		out.OutboundRules[r.name] = rule
	}
	return out
}

// workspaceDependencies are the resource IDs of what the workspace is attached to.
type workspaceDependencies struct {
	storage, keyVault, registry, appInsights pulumi.StringInput
}

func registerWorkspace(ctx *pulumi.Context, name string, p workspacePlan, v values, deps workspaceDependencies,
	opts ...pulumi.ResourceOption,
) (*mlWorkspace, error) {
	args := workspaceArgs{
		WorkspaceName:       pulumi.String(p.names.workspace),
		ResourceGroupName:   v.resourceGroup,
		Location:            v.location,
		FriendlyName:        pulumi.StringPtrFromPtr(p.friendlyName),
		Description:         pulumi.StringPtrFromPtr(p.description),
		Identity:            identityArgs{Type: "SystemAssigned"},
		Sku:                 skuArgs{Name: "Basic", Tier: "Basic"},
		StorageAccount:      deps.storage,
		KeyVault:            deps.keyVault,
		ContainerRegistry:   deps.registry,
		ApplicationInsights: deps.appInsights,
		// 438c38d2: reached only through its private endpoint.
		PublicNetworkAccess: pulumi.String("Disabled"),
		ImageBuildCompute:   pulumi.String(p.imageBuild),
		HbiWorkspace:        pulumi.Bool(p.hbi),
		ManagedNetwork:      managedNetworkInput(p.managed),
		Tags:                v.tags,
	}
	ws := &mlWorkspace{}
	opts = append(opts, pulumi.Version(azureNativeVersion),
		pulumi.Aliases([]pulumi.Alias{{Type: pulumi.String(workspaceDefaultToken)}}))
	if err := ctx.RegisterResource(workspaceToken, name+"-workspace", args, ws, opts...); err != nil {
		return nil, err
	}
	return ws, nil
}

// principalID is the workspace identity's principal ID, for role assignments.
func (w *mlWorkspace) principalID() pulumi.StringOutput {
	return w.Identity.ApplyT(func(m map[string]any) string {
		id, _ := m["principalId"].(string)
		return id
	}).(pulumi.StringOutput)
}
