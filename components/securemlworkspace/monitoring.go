package securemlworkspace

import (
	insights "github.com/pulumi/pulumi-azure-native-sdk/insights/v2"
	operationalinsights "github.com/pulumi/pulumi-azure-native-sdk/operationalinsights/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Monitoring: a Log Analytics workspace and a workspace-based Application Insights component. Their
// ingestion and query endpoints stay public (Entra ID and key authenticated): making them private
// takes an Azure Monitor Private Link Scope, whose DNS zones (privatelink.monitor.azure.com and
// others) take over name resolution of every Azure Monitor resource for the whole network, so it is a
// platform decision this component does not make for its users. Compute reaches them through the
// AzureMonitor service tag, which the network's security rules allow (docs/monitoring.md).

// insightsSecretOutputs hold the instrumentation key, which lets anyone send telemetry; azure-native
// marks neither secret.
var insightsSecretOutputs = []string{"connectionString", "instrumentationKey"}

type monitoring struct {
	logs     *operationalinsights.Workspace
	insights *insights.Component
}

func registerMonitoring(ctx *pulumi.Context, name string, p workspacePlan, v values, opts ...pulumi.ResourceOption,
) (monitoring, error) {
	logs, err := operationalinsights.NewWorkspace(ctx, name+"-logs", &operationalinsights.WorkspaceArgs{
		WorkspaceName:     pulumi.String(p.names.logAnalytics),
		ResourceGroupName: v.resourceGroup,
		Location:          v.location,
		Sku:               &operationalinsights.WorkspaceSkuArgs{Name: pulumi.String("PerGB2018")},
		RetentionInDays:   pulumi.Int(p.retentionDays),
		Tags:              v.tags,
	}, opts...)
	if err != nil {
		return monitoring{}, err
	}
	component, err := insights.NewComponent(ctx, name+"-insights", &insights.ComponentArgs{
		ResourceName:        pulumi.String(p.names.appInsights),
		ResourceGroupName:   v.resourceGroup,
		Location:            v.location,
		Kind:                pulumi.String("web"),
		ApplicationType:     pulumi.String("web"),
		IngestionMode:       pulumi.String("LogAnalytics"),
		WorkspaceResourceId: logs.ID().ToStringOutput(),
		Tags:                v.tags,
	}, append(opts, pulumi.AdditionalSecretOutputs(insightsSecretOutputs))...)
	if err != nil {
		return monitoring{}, err
	}
	return monitoring{logs: logs, insights: component}, nil
}
