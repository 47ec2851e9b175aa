// Package securemlworkspace implements SecureMLWorkspace: an Azure ML workspace reached only through
// its private endpoint, with its storage account, Key Vault, registry and monitoring, and the
// SecureMLNetwork they are reached through. Files by concern: args and enums (inputs), nametable and
// names (Azure names), plan and managednetwork (checks, no Pulumi), services, monitoring and
// workspace (children), network (the SecureMLNetwork child), outputs.
package securemlworkspace

import (
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	net "github.com/secureml/pulumi-secureml/components/securemlnetwork"
)

// Token is the resource type token of the component.
const Token = "secureml:index:SecureMLWorkspace"

// SecureMLWorkspace is the component resource and its outputs.
type SecureMLWorkspace struct {
	pulumi.ResourceState

	WorkspaceID                  pulumi.StringOutput                 `pulumi:"workspaceId"`
	WorkspaceName                pulumi.StringOutput                 `pulumi:"workspaceName"`
	WorkspacePrincipalID         pulumi.StringOutput                 `pulumi:"workspacePrincipalId"`
	DiscoveryURL                 pulumi.StringOutput                 `pulumi:"discoveryUrl"`
	IsolationMode                pulumi.StringOutput                 `pulumi:"isolationMode"`
	StorageAccountID             pulumi.StringOutput                 `pulumi:"storageAccountId"`
	StorageAccountName           pulumi.StringOutput                 `pulumi:"storageAccountName"`
	KeyVaultID                   pulumi.StringOutput                 `pulumi:"keyVaultId"`
	KeyVaultName                 pulumi.StringOutput                 `pulumi:"keyVaultName"`
	KeyVaultURI                  pulumi.StringOutput                 `pulumi:"keyVaultUri"`
	ContainerRegistryID          pulumi.StringOutput                 `pulumi:"containerRegistryId"`
	ContainerRegistryName        pulumi.StringOutput                 `pulumi:"containerRegistryName"`
	ContainerRegistryLoginServer pulumi.StringOutput                 `pulumi:"containerRegistryLoginServer"`
	LogAnalyticsWorkspaceID      pulumi.StringOutput                 `pulumi:"logAnalyticsWorkspaceId"`
	ApplicationInsightsID        pulumi.StringOutput                 `pulumi:"applicationInsightsId"`
	ApplicationInsightsConnStr   pulumi.StringOutput                 `pulumi:"applicationInsightsConnectionString"`
	VirtualNetworkID             pulumi.StringOutput                 `pulumi:"virtualNetworkId"`
	SubnetIDs                    pulumi.StringMapOutput              `pulumi:"subnetIds"`
	PrivateDNSZoneIDs            pulumi.StringMapOutput              `pulumi:"privateDnsZoneIds"`
	PrivateEndpoints             net.PrivateEndpointDetailsMapOutput `pulumi:"privateEndpoints"`
}

// Annotate documents the component and its outputs for the schema.
func (c *SecureMLWorkspace) Annotate(an infer.Annotator) {
	an.Describe(&c, componentDoc)
	an.Describe(&c.WorkspaceID, "Azure resource ID of the Azure ML workspace.")
	an.Describe(&c.WorkspaceName, "Name of the workspace.")
	an.Describe(&c.WorkspacePrincipalID, "Principal ID of the workspace's system-assigned identity, for role assignments.")
	an.Describe(&c.DiscoveryURL, "The workspace's discovery URL (regional API host).")
	an.Describe(&c.IsolationMode, "The workspace's managed network mode.")
	an.Describe(&c.StorageAccountID, "Azure resource ID of the storage account.")
	an.Describe(&c.StorageAccountName, "Name of the storage account.")
	an.Describe(&c.KeyVaultID, "Azure resource ID of the Key Vault.")
	an.Describe(&c.KeyVaultName, "Name of the Key Vault.")
	an.Describe(&c.KeyVaultURI, "The Key Vault's URI, for example https://kv-ml-1a2b3c.vault.azure.net/.")
	an.Describe(&c.ContainerRegistryID, "Azure resource ID of the container registry.")
	an.Describe(&c.ContainerRegistryName, "Name of the container registry.")
	an.Describe(&c.ContainerRegistryLoginServer, "The registry's login server, for example crml1a2b3c.azurecr.io.")
	an.Describe(&c.LogAnalyticsWorkspaceID, "Azure resource ID of the Log Analytics workspace.")
	an.Describe(&c.ApplicationInsightsID, "Azure resource ID of Application Insights.")
	an.Describe(&c.ApplicationInsightsConnStr, "Application Insights connection string (secret: it holds the "+
		"instrumentation key).")
	an.Describe(&c.VirtualNetworkID, "Azure resource ID of the virtual network.")
	an.Describe(&c.SubnetIDs, "Subnet IDs by role, as SecureMLNetwork's subnetIds.")
	an.Describe(&c.PrivateDNSZoneIDs, "Private DNS zone IDs by zone name, as SecureMLNetwork's privateDnsZoneIds.")
	an.Describe(&c.PrivateEndpoints, "Private endpoints by service, as SecureMLNetwork's privateEndpoints.")
}

// NewSecureMLWorkspace checks every input known at preview, the child network's among them, then
// registers the component and its children.
func NewSecureMLWorkspace(ctx *pulumi.Context, name string, args Args, opts ...pulumi.ResourceOption,
) (*SecureMLWorkspace, error) {
	plan, err := newPlan(args, name, nameSuffix(ctx.Project(), ctx.Stack(), name))
	if err != nil {
		return nil, err
	}
	client, err := readClientConfig(ctx)
	if err != nil {
		return nil, err
	}
	ids := newServiceIDs(client.SubscriptionID, args.ResourceGroupName, plan.names)
	if err := net.Check(ctx, name, networkArgs(args, plan, ids)); err != nil {
		return nil, err
	}
	current, found, err := currentIsolationMode(ctx, args.ResourceGroupName, plan.names.workspace)
	if err != nil {
		return nil, err
	}
	if found {
		if err := checkTransition(plan.names.workspace, current, plan.managed.mode); err != nil {
			return nil, err
		}
	}

	comp := &SecureMLWorkspace{}
	if err := ctx.RegisterComponentResource(Token, name, comp, opts...); err != nil {
		return nil, err
	}
	v := values{resourceGroup: args.ResourceGroupName, location: args.Location, tags: args.Tags, tenantID: client.TenantID}
	return comp, register(ctx, name, plan, v, ids, args, comp)
}

// register creates the children. Storage, Key Vault and the workspace hold data: protectData protects them.
func register(ctx *pulumi.Context, name string, plan workspacePlan, v values, ids serviceIDs, args Args,
	comp *SecureMLWorkspace,
) error {
	parent := pulumi.Parent(comp)
	data := []pulumi.ResourceOption{parent, pulumi.Protect(plan.protectData)}
	st, err := registerStorage(ctx, name, plan, v, data...)
	if err != nil {
		return err
	}
	kv, err := registerKeyVault(ctx, name, plan, v, data...)
	if err != nil {
		return err
	}
	cr, err := registerRegistry(ctx, name, plan, v, parent)
	if err != nil {
		return err
	}
	mon, err := registerMonitoring(ctx, name, plan, v, parent)
	if err != nil {
		return err
	}
	ws, err := registerWorkspace(ctx, name, plan, v, workspaceDependencies{
		storage: st.ID().ToStringOutput(), keyVault: kv.ID().ToStringOutput(),
		registry: cr.ID().ToStringOutput(), appInsights: mon.insights.ID().ToStringOutput(),
	}, data...)
	if err != nil {
		return err
	}
	network, err := net.NewForServices(ctx, name, networkArgs(args, plan, ids), net.ServiceResources{
		"workspace": ws, "storageAccount": st, "keyVault": kv, "containerRegistry": cr,
	}, parent)
	if err != nil {
		return err
	}

	comp.WorkspaceID = ws.ID().ToStringOutput()
	comp.WorkspaceName = ws.Name
	comp.WorkspacePrincipalID = ws.principalID()
	comp.DiscoveryURL = ws.DiscoveryURL
	comp.IsolationMode = pulumi.String(string(plan.managed.mode)).ToStringOutput()
	comp.StorageAccountID, comp.StorageAccountName = st.ID().ToStringOutput(), st.Name
	comp.KeyVaultID, comp.KeyVaultName = kv.ID().ToStringOutput(), kv.Name
	comp.KeyVaultURI = kv.Properties.VaultUri()
	comp.ContainerRegistryID, comp.ContainerRegistryName = cr.ID().ToStringOutput(), cr.Name
	comp.ContainerRegistryLoginServer = cr.LoginServer
	comp.LogAnalyticsWorkspaceID = mon.logs.ID().ToStringOutput()
	comp.ApplicationInsightsID = mon.insights.ID().ToStringOutput()
	comp.ApplicationInsightsConnStr = pulumi.ToSecret(mon.insights.ConnectionString).(pulumi.StringOutput)
	comp.VirtualNetworkID = network.VirtualNetworkID
	comp.SubnetIDs = network.SubnetIDs
	comp.PrivateDNSZoneIDs = network.PrivateDNSZoneIDs
	comp.PrivateEndpoints = network.PrivateEndpoints
	return nil
}

var _ infer.Annotated = (*SecureMLWorkspace)(nil)
