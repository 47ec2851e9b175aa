package azurestandin

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const fnWorkspace = "azure-native:machinelearningservices:getWorkspace"

// workspaceIn describes a Machine Learning workspace in rg-ml without associated resources; identity ""
// leaves the identity out.
func workspaceIn(name, identity string) map[string]any {
	m := map[string]any{
		"resourceGroupName": "rg-ml", "workspaceName": name, "location": "westeurope",
		"sku": map[string]any{"name": "Basic", "tier": "Basic"}, "publicNetworkAccess": "Disabled",
		"hbiWorkspace": false, "systemDatastoresAuthMode": "identity",
	}
	if identity != "" {
		m["identity"] = map[string]any{"type": identity}
	}
	return m
}

// workspaceDeps are the IDs of a workspace's associated resources.
type workspaceDeps struct{ storage, vault, registry, logAnalytics, appInsights string }

// createWorkspaceDeps creates a storage account, vault, Premium registry, Log Analytics workspace and
// Application Insights in rg-ml.
func createWorkspaceDeps(f *fixture) workspaceDeps {
	f.t.Helper()
	var d workspaceDeps
	d.storage, _ = f.mustCreate(tokStorage, "st", storageIn("stml"))
	d.vault, _ = f.mustCreate(tokVault, "kv", vaultIn("kv-ml"))
	d.registry, _ = f.mustCreate(tokRegistry, "acr", registryIn("acrml", "Premium"))
	d.logAnalytics, _ = f.mustCreate(tokLog, "log", logAnalyticsIn("log-ml"))
	d.appInsights, _ = f.mustCreate(tokAppi, "appi", appInsightsIn("appi-ml", d.logAnalytics))
	return d
}

// workspace describes a workspace with these associated resources, a system-assigned identity and a
// managed network that allows only approved outbound, as SecureMLWorkspace writes it.
func (d workspaceDeps) workspace(name string) map[string]any {
	m := workspaceIn(name, "SystemAssigned")
	m["storageAccount"], m["keyVault"], m["containerRegistry"], m["applicationInsights"] =
		d.storage, d.vault, d.registry, d.appInsights
	m["imageBuildCompute"] = "cpu-cluster"
	m["managedNetwork"] = map[string]any{"isolationMode": "AllowOnlyApprovedOutbound", "outboundRules": map[string]any{}}
	return m
}

// A workspace's storageAccount, keyVault, applicationInsights and containerRegistry must name existing
// resources of those types, as the other references must (NotFound, errReferenceNotFound's code; Azure's
// own wording for a workspace was not found).
func TestWorkspaceReferencesMustExist(t *testing.T) {
	t.Parallel()
	var deps workspaceDeps
	setup := func(f *fixture) { deps = createWorkspaceDeps(f) }
	missing := testRG + armVault + "/kv-missing"
	tests := []struct {
		name     string
		in       func() map[string]any
		code     string
		mentions []string
	}{
		{"all four exist", func() map[string]any { return deps.workspace("mlw-dev") }, "", nil},
		{"none set", func() map[string]any { return workspaceIn("mlw-dev", "") }, "", nil},
		{"a vault that does not exist", func() map[string]any { return with(deps.workspace("mlw-dev"), "keyVault", missing) },
			"NotFound", []string{missing, "keyVault", armVault}},
		{"a storage account ID as keyVault", func() map[string]any {
			return with(deps.workspace("mlw-dev"), "keyVault", deps.storage)
		}, "NotFound", []string{deps.storage, "keyVault"}},
		{"a registry that does not exist", func() map[string]any {
			return with(deps.workspace("mlw-dev"), "containerRegistry", testRG+armRegistry+"/nope1")
		}, "NotFound", []string{"containerRegistry", armRegistry}},
		{"Application Insights that does not exist", func() map[string]any {
			return with(deps.workspace("mlw-dev"), "applicationInsights", testRG+armAppInsights+"/nope")
		}, "NotFound", []string{"applicationInsights", armAppInsights}},
		{"a storage account that does not exist", func() map[string]any {
			return with(deps.workspace("mlw-dev"), "storageAccount", testRG+armStorageAccount+"/nope1")
		}, "NotFound", []string{"storageAccount", armStorageAccount}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, Options{})
			setup(f)
			_, err := f.create(tokMLW, "mlw", tt.in())
			if tt.code == "" {
				require.NoError(t, err)
				return
			}
			requireAzureError(t, err, 404, tt.code, tt.mentions...)
		})
	}

	// An update is checked too.
	f := newFixture(t, Options{})
	setup(f)
	id, out := f.mustCreate(tokMLW, "mlw", deps.workspace("mlw-dev"))
	_, err := f.update(tokMLW, "mlw", id, out, with(deps.workspace("mlw-dev"), "keyVault", missing))
	requireAzureError(t, err, 404, "NotFound", missing)
}

// managedNetwork.isolationMode changes one way only (how-to-managed-network.md, azure-ml-network-anchors.md
// (c6)): AllowInternetOutbound cannot go back to Disabled, AllowOnlyApprovedOutbound cannot go back to
// AllowInternetOutbound or Disabled. Code and wording approximate (BadRequest).
func TestIsolationModeIsOneWay(t *testing.T) {
	t.Parallel()
	mode := func(m string) map[string]any {
		in := workspaceIn("mlw-dev", "SystemAssigned")
		if m != "" {
			in["managedNetwork"] = map[string]any{"isolationMode": m}
		}
		return in
	}
	tests := []struct {
		from, to string
		refused  bool
	}{
		{"", "AllowInternetOutbound", false},
		{"Disabled", "AllowOnlyApprovedOutbound", false},
		{"AllowInternetOutbound", "AllowOnlyApprovedOutbound", false},
		{"AllowInternetOutbound", "Disabled", true},
		{"AllowOnlyApprovedOutbound", "AllowInternetOutbound", true},
		{"AllowOnlyApprovedOutbound", "Disabled", true},
		{"AllowOnlyApprovedOutbound", "allowinternetoutbound", true},
		{"AllowOnlyApprovedOutbound", "AllowOnlyApprovedOutbound", false},
		{"AllowOnlyApprovedOutbound", "", false}, // no isolationMode: the mode stays as it is
	}
	for _, tt := range tests {
		t.Run(tt.from+" to "+tt.to, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, Options{})
			id, out := f.mustCreate(tokMLW, "mlw", mode(tt.from))
			updated, err := f.update(tokMLW, "mlw", id, out, mode(tt.to))
			if !tt.refused {
				require.NoError(t, err)
				assert.NotNil(t, updated)
				return
			}
			requireAzureError(t, err, 400, "BadRequest", id, "cannot be changed from "+tt.from+" to "+tt.to)
			rec, _, err := f.s.Store().Get(id)
			require.NoError(t, err)
			assert.Equal(t, tt.from, pathString(rec.Properties, "managedNetwork", "isolationMode"), "a refused update changes nothing")
		})
	}
}

// getWorkspace reads the workspace, with its computed outputs, in the instance's subscription; a missing
// (or soft-deleted) workspace is azure-native's 404, as getVirtualNetwork's.
func TestGetWorkspace(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := newFixture(t, Options{StateDir: dir})
	deps := createWorkspaceDeps(f)
	id, out := f.mustCreate(tokMLW, "mlw", deps.workspace("mlw-dev"))
	args := map[string]any{"resourceGroupName": "rg-ml", "workspaceName": "mlw-dev"}

	ws, err := f.invoke(fnWorkspace, args)
	require.NoError(t, err)
	assert.Equal(t, id, ws["id"].StringValue())
	assert.Equal(t, "mlw-dev", ws["name"].StringValue())
	assert.Equal(t, out["workspaceId"].StringValue(), ws["workspaceId"].StringValue())
	assert.Equal(t, out["discoveryUrl"].StringValue(), ws["discoveryUrl"].StringValue())
	assert.Equal(t, deps.vault, ws["keyVault"].StringValue())
	assert.Equal(t, "AllowOnlyApprovedOutbound", ws["managedNetwork"].ObjectValue()["isolationMode"].StringValue())
	assert.Equal(t, out["identity"].ObjectValue()["principalId"].StringValue(),
		ws["identity"].ObjectValue()["principalId"].StringValue())

	hub := newFixture(t, Options{StateDir: dir}).configure(map[string]string{"subscriptionId": hubSubscription})
	_, err = hub.invoke(fnWorkspace, args)
	requireAzureError(t, err, 404, "ResourceNotFound", "Microsoft.MachineLearningServices/workspaces/mlw-dev", "'rg-ml'")
	assert.Contains(t, err.Error(), `request failed: offline Azure stand-in: Status=404 Code="ResourceNotFound"`)

	require.NoError(t, f.remove(tokMLW, "mlw", id, out))
	_, err = f.invoke(fnWorkspace, args)
	requireAzureError(t, err, 404, "ResourceNotFound", "mlw-dev")
}

// Outbound rules Azure ML refuses: FQDN and ServiceTag rules outside AllowOnlyApprovedOutbound, and an
// FQDN rule to storage.
func TestOutboundRulesAzureRefuses(t *testing.T) {
	t.Parallel()
	withRules := func(mode string, rules map[string]any) map[string]any {
		in := workspaceIn("mlw-dev", "SystemAssigned")
		in["managedNetwork"] = map[string]any{"isolationMode": mode, "outboundRules": rules}
		return in
	}
	fqdn := func(host string) map[string]any { return map[string]any{"type": "FQDN", "destination": host} }
	tag := map[string]any{"type": "ServiceTag", "destination": map[string]any{"serviceTag": "AzureOpenDatasets",
		"protocol": "TCP", "portRanges": "443"}}
	tests := []struct {
		name, mode string
		rules      map[string]any
		want       string // "" when accepted
	}{
		{"fqdn, approved only", "AllowOnlyApprovedOutbound", map[string]any{"pypi": fqdn("pypi.org")}, ""},
		{"service tag, approved only", "AllowOnlyApprovedOutbound", map[string]any{"data": tag}, ""},
		{"fqdn, internet outbound", "AllowInternetOutbound", map[string]any{"pypi": fqdn("pypi.org")},
			"outbound rule 'pypi' of type FQDN requires isolation mode AllowOnlyApprovedOutbound"},
		{"service tag, disabled", "Disabled", map[string]any{"data": tag},
			"outbound rule 'data' of type ServiceTag requires isolation mode AllowOnlyApprovedOutbound"},
		{"fqdn to storage", "AllowOnlyApprovedOutbound", map[string]any{"lake": fqdn("stml.blob.core.windows.net")},
			"outbound rule 'lake' cannot use FQDN stml.blob.core.windows.net"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, Options{})
			_, err := f.create(tokMLW, "mlw", withRules(tt.mode, tt.rules))
			if tt.want == "" {
				require.NoError(t, err)
				return
			}
			requireAzureError(t, err, 400, "BadRequest", tt.want)
		})
	}
}

// A vault keeps deleted vaults 7 to 90 days; Azure refuses other values.
func TestVaultRetentionOutsideSevenToNinety(t *testing.T) {
	t.Parallel()
	for _, days := range []float64{6, 91} {
		f := newFixture(t, Options{})
		in := vaultIn("kv-ml")
		props := copyMap(in["properties"].(map[string]any))
		props["softDeleteRetentionInDays"] = days
		_, err := f.create(tokVault, "kv", with(in, "properties", props))
		requireAzureError(t, err, 400, "BadRequest", "softDeleteRetentionInDays", "between 7 and 90")
	}
}
