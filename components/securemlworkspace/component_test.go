package securemlworkspace

import (
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/require"

	net "github.com/secureml/pulumi-secureml/components/securemlnetwork"
)

// The greenfield configuration registers the component, six services, and a SecureMLNetwork child
// with endpoints to four of them.
func TestGreenfieldChildren(t *testing.T) {
	regs, err := construct(t, &mocks{}, minimalArgs())
	require.NoError(t, err)
	names := byName(regs)
	var own []string
	for _, r := range regs {
		if r.Parent != "" && strings.HasSuffix(r.Parent, "SecureMLWorkspace::ml") {
			own = append(own, typeSuffix(r.Type)+" "+r.Name)
		}
	}
	sort.Strings(own)
	require.Equal(t, []string{"Component ml-insights", "Registry ml-registry", "SecureMLNetwork ml",
		"StorageAccount ml-storage", "Vault ml-keyvault", "Workspace ml-logs", "Workspace ml-workspace"}, own)
	require.Equal(t, Token, regs[0].Type, "the component is registered first")

	ws := names["ml-workspace"]
	require.Equal(t, workspaceToken, ws.Type)
	require.Equal(t, "Disabled", ws.Inputs["publicNetworkAccess"].StringValue())
	require.Equal(t, "SystemAssigned", ws.Inputs["identity"].ObjectValue()["type"].StringValue())
	require.Equal(t, "image-builder", ws.Inputs["imageBuildCompute"].StringValue())
	require.True(t, ws.Inputs["hbiWorkspace"].BoolValue())
	require.Equal(t, "Disabled", ws.Inputs["managedNetwork"].ObjectValue()["isolationMode"].StringValue())

	st := names["ml-storage"].Inputs
	require.False(t, st["allowBlobPublicAccess"].BoolValue())
	require.False(t, st["allowSharedKeyAccess"].BoolValue())
	require.Equal(t, "Disabled", st["publicNetworkAccess"].StringValue())
	require.Equal(t, "Deny", st["networkRuleSet"].ObjectValue()["defaultAction"].StringValue())
	require.Equal(t, "AzureServices", st["networkRuleSet"].ObjectValue()["bypass"].StringValue())
	require.Equal(t, "TLS1_2", st["minimumTlsVersion"].StringValue())
	require.True(t, st["enableHttpsTrafficOnly"].BoolValue())

	kv := names["ml-keyvault"].Inputs["properties"].ObjectValue()
	for _, key := range []string{"enableRbacAuthorization", "enableSoftDelete", "enablePurgeProtection"} {
		require.True(t, kv[pulumiKey(key)].BoolValue(), key)
	}
	require.Equal(t, "Disabled", kv["publicNetworkAccess"].StringValue())
	require.Equal(t, "11111111-1111-1111-1111-111111111111", kv["tenantId"].StringValue())

	cr := names["ml-registry"].Inputs
	require.Equal(t, "Premium", cr["sku"].ObjectValue()["name"].StringValue())
	require.False(t, cr["adminUserEnabled"].BoolValue())
	require.Equal(t, "Disabled", cr["publicNetworkAccess"].StringValue())
}

// Storage, Key Vault and the workspace are protected unless protectData is false.
func TestProtectData(t *testing.T) {
	for _, protect := range []bool{true, false} {
		args := minimalArgs()
		if !protect {
			args.ProtectData = ptr(false)
		}
		regs, err := construct(t, &mocks{}, args)
		require.NoError(t, err)
		names := byName(regs)
		for _, n := range []string{"ml-storage", "ml-keyvault", "ml-workspace"} {
			require.Equal(t, protect, names[n].Protect, n)
		}
		require.False(t, names["ml-registry"].Protect)
	}
}

// Each private endpoint waits for its own service; the workspace's endpoint comes last on the chain.
func TestEndpointsWaitForTheirServiceOnly(t *testing.T) {
	regs, err := construct(t, &mocks{}, minimalArgs())
	require.NoError(t, err)
	urnOf := map[string]string{}
	for _, r := range regs {
		urnOf[r.Name] = r.Type + "::" + r.Name
	}
	var endpoints []registration
	for _, r := range regs {
		if r.Type == "azure-native:network:PrivateEndpoint" {
			endpoints = append(endpoints, r)
		}
	}
	require.Len(t, endpoints, 5)
	require.Equal(t, "ml-workspace-pe", endpoints[len(endpoints)-1].Name, "the workspace's endpoint is last")
	deps := func(r registration) string { return strings.Join(r.Dependencies, " ") }
	for _, e := range endpoints {
		switch {
		case strings.Contains(e.Name, "workspace"):
			require.Contains(t, deps(e), "::ml-workspace")
		case strings.Contains(e.Name, "storage"):
			require.Contains(t, deps(e), "::ml-storage")
			require.NotContains(t, deps(e), "::ml-workspace")
		case strings.Contains(e.Name, "keyVault"):
			require.Contains(t, deps(e), "::ml-keyvault")
			require.NotContains(t, deps(e), "::ml-workspace")
		}
	}
}

func TestValidation(t *testing.T) {
	fqdnRule := func(host string) OutboundRule { return OutboundRule{Type: OutboundRuleFQDN, Fqdn: ptr(host)} }
	approved := func(rules map[string]OutboundRule) *WorkspaceSettings {
		return &WorkspaceSettings{ManagedNetwork: &ManagedNetworkSettings{
			IsolationMode: ptr(IsolationAllowOnlyApprovedOutbound), OutboundRules: rules}}
	}
	cases := map[string]struct {
		change func(*Args)
		want   string
	}{
		"storage name override": {func(a *Args) { a.Names = &ResourceNames{StorageAccount: ptr("St-ML")} },
			`names.storageAccount "St-ML" has characters or a shape Azure refuses`},
		"vault name override": {func(a *Args) { a.Names = &ResourceNames{KeyVault: ptr("kv--ml")} },
			`names.keyVault "kv--ml" has consecutive hyphens`},
		"storage sku": {func(a *Args) { a.StorageAccount = &StorageSettings{Sku: ptr(StorageSku("Premium_LRS"))} },
			`storageAccount.sku "Premium_LRS" is not a standard redundancy`},
		"storage without file": {func(a *Args) {
			a.StorageAccount = &StorageSettings{Subresources: []net.StorageSubresource{net.StorageSubresourceBlob}}
		}, `storageAccount.subresources [blob] lacks "file"`},
		"retention too short": {func(a *Args) { a.KeyVault = &KeyVaultSettings{SoftDeleteRetentionDays: ptr(6)} },
			"keyVault.softDeleteRetentionDays 6 is outside 7-90"},
		"retention too long": {func(a *Args) { a.KeyVault = &KeyVaultSettings{SoftDeleteRetentionDays: ptr(91)} },
			"keyVault.softDeleteRetentionDays 91 is outside 7-90"},
		"log retention": {func(a *Args) { a.Monitoring = &MonitoringSettings{RetentionInDays: ptr(731)} },
			"monitoring.retentionInDays 731 is outside 30-730"},
		"image build compute": {func(a *Args) { a.Workspace = &WorkspaceSettings{ImageBuildCompute: ptr("image_builder")} },
			`workspace.imageBuildCompute "image_builder" is not a compute name`},
		"image build compute too long": {func(a *Args) {
			a.Workspace = &WorkspaceSettings{ImageBuildCompute: ptr("image-builder-cluster")}
		}, `workspace.imageBuildCompute "image-builder-cluster" is not a compute name`},
		"mode": {func(a *Args) {
			a.Workspace = &WorkspaceSettings{ManagedNetwork: &ManagedNetworkSettings{IsolationMode: ptr(IsolationMode("Open"))}}
		}, `workspace.managedNetwork.isolationMode "Open" is not a mode`},
		"rules without a managed network": {func(a *Args) {
			a.Workspace = &WorkspaceSettings{ManagedNetwork: &ManagedNetworkSettings{
				OutboundRules: map[string]OutboundRule{"pypi": fqdnRule("pypi.org")}}}
		}, "outboundRules and firewallSku apply to a managed network, but isolationMode is Disabled"},
		"fqdn rule with internet outbound": {func(a *Args) {
			a.Workspace = &WorkspaceSettings{ManagedNetwork: &ManagedNetworkSettings{
				IsolationMode: ptr(IsolationAllowInternetOutbound),
				OutboundRules: map[string]OutboundRule{"pypi": fqdnRule("pypi.org")}}}
		}, `outboundRules["pypi"] is a FQDN rule, which applies only when isolationMode is AllowOnlyApprovedOutbound`},
		"fqdn rule to storage": {func(a *Args) {
			a.Workspace = approved(map[string]OutboundRule{"data": fqdnRule("mydata.blob.core.windows.net")})
		}, `outboundRules["data"].fqdn "mydata.blob.core.windows.net" is a storage host`},
		"fqdn with a scheme": {func(a *Args) {
			a.Workspace = approved(map[string]OutboundRule{"pypi": fqdnRule("https://pypi.org")})
		}, `outboundRules["pypi"].fqdn "https://pypi.org" is not a host name`},
		"field of another rule type": {func(a *Args) {
			a.Workspace = approved(map[string]OutboundRule{"pypi": {Type: OutboundRuleFQDN, Fqdn: ptr("pypi.org"),
				ServiceTag: ptr("Storage")}})
		}, `outboundRules["pypi"].serviceTag does not apply to a FQDN rule`},
		"service tag ports": {func(a *Args) {
			a.Workspace = approved(map[string]OutboundRule{"data": {Type: OutboundRuleServiceTag,
				ServiceTag: ptr("AzureOpenDatasets"), Protocol: ptr("TCP"), PortRanges: ptr("70000")}})
		}, `outboundRules["data"].portRanges "70000" must list ports 1-65535`},
		"service tag protocol": {func(a *Args) {
			a.Workspace = approved(map[string]OutboundRule{"data": {Type: OutboundRuleServiceTag,
				ServiceTag: ptr("AzureOpenDatasets"), Protocol: ptr("SCTP"), PortRanges: ptr("443")}})
		}, `outboundRules["data"].protocol "SCTP" is not TCP, UDP, ICMP or *`},
		"private endpoint rule target": {func(a *Args) {
			a.Workspace = approved(map[string]OutboundRule{"lake": {Type: OutboundRulePrivateEndpoint,
				SubresourceTarget: ptr("dfs")}})
		}, `outboundRules["lake"] needs serviceResourceId and subresourceTarget`},
		"rule name": {func(a *Args) {
			a.Workspace = approved(map[string]OutboundRule{"py pi": fqdnRule("pypi.org")})
		}, `outboundRules["py pi"]: a rule name must have 1-64 letters`},
		"network settings are checked first": {func(a *Args) {
			a.Network = &NetworkSettings{OutboundInternet: ptr(net.OutboundInternet("Sometimes"))}
		}, "Sometimes"},
		"address space": {func(a *Args) {
			a.Network = &NetworkSettings{AddressSpace: pulumi.String("172.17.0.0/16")}
		}, "172.17.0.0/16"},
		"subnet outside the address space": {func(a *Args) {
			a.Network = &NetworkSettings{Subnets: &net.SubnetLayout{
				Training: &net.SubnetSettings{AddressPrefix: pulumi.String("10.1.0.0/24")}}}
		}, "subnets.training.addressPrefix 10.1.0.0/24 is outside addressSpace 10.0.0.0/16"},
		"location of the cloud": {func(a *Args) { a.Location = pulumi.String("usgovvirginia") },
			"usgovvirginia"},
		"tags": {func(a *Args) { a.Tags = pulumi.StringMap{"bad/name": pulumi.String("x")} }, "bad/name"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			args := minimalArgs()
			c.change(&args)
			requireError(t, args, c.want)
		})
	}
}

// The managed network only moves forward; the preview refuses what Azure would.
func TestManagedNetworkTransitions(t *testing.T) {
	modes := []IsolationMode{IsolationDisabled, IsolationAllowInternetOutbound, IsolationAllowOnlyApprovedOutbound}
	for _, current := range modes {
		for _, next := range modes {
			t.Run(string(current)+"->"+string(next), func(t *testing.T) {
				args := minimalArgs()
				args.Workspace = &WorkspaceSettings{ManagedNetwork: &ManagedNetworkSettings{IsolationMode: ptr(next)}}
				regs, err := construct(t, &mocks{existingMode: string(current)}, args)
				if isolationRank[next] >= isolationRank[current] {
					require.NoError(t, err)
					return
				}
				require.ErrorContains(t, err, "workspace.managedNetwork.isolationMode cannot change from "+
					string(current)+" to "+string(next))
				require.Empty(t, regs)
			})
		}
	}
}

func pulumiKey(s string) resource.PropertyKey { return resource.PropertyKey(s) }

// A PrivateEndpoint rule's target is a value input: an output of another resource reaches the workspace's
// managedNetwork as it resolves.
func TestPrivateEndpointRuleTakesAnOutput(t *testing.T) {
	const lake = "/subscriptions/" + testSubscriptionID + "/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lake"
	args := minimalArgs()
	args.Workspace = &WorkspaceSettings{ManagedNetwork: &ManagedNetworkSettings{
		IsolationMode: ptr(IsolationAllowOnlyApprovedOutbound),
		OutboundRules: map[string]OutboundRule{"lake": {Type: OutboundRulePrivateEndpoint,
			ServiceResourceID: pulumi.String("lake").ToStringOutput().ApplyT(func(n string) string {
				return lake
			}).(pulumi.StringOutput), SubresourceTarget: ptr("dfs")}},
	}}
	regs, err := construct(t, &mocks{}, args)
	require.NoError(t, err)
	rule := byName(regs)["ml-workspace"].Inputs["managedNetwork"].ObjectValue()["outboundRules"].ObjectValue()["lake"].ObjectValue()
	require.Equal(t, "PrivateEndpoint", rule["type"].StringValue())
	destination := rule["destination"].ObjectValue()
	require.Equal(t, lake, destination["serviceResourceId"].StringValue())
	require.Equal(t, "dfs", destination["subresourceTarget"].StringValue())
}
