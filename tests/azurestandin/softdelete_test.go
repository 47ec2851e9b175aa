package azurestandin

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The soft-deleted resources are kept like the others: in memory, or one JSON file each under
// <dir>/deleted, and Apply writes them under the same lock as the resources.
func TestStoreKeepsSoftDeletedResources(t *testing.T) {
	t.Parallel()
	for name, dir := range map[string]string{"in memory": "", "in a directory": t.TempDir()} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := NewStore(dir)
			kv := DeletedRecord{ID: testRG + armVault + "/kv-ml", Type: armVault, Name: "kv-ml", RetentionDays: 7,
				DeletionDate: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
			require.NoError(t, s.Put(Record{ID: kv.ID, Type: armVault, Name: "kv-ml"}))
			require.NoError(t, s.Apply(func(StoreView) (Changes, error) {
				return Changes{Remove: []string{kv.ID}, PutDeleted: []DeletedRecord{kv}}, nil
			}))
			_, live, err := s.Get(kv.ID)
			require.NoError(t, err)
			assert.False(t, live)
			deleted, err := s.Deleted()
			require.NoError(t, err)
			assert.Equal(t, []DeletedRecord{kv}, deleted)
			if dir != "" {
				files, err := filepath.Glob(filepath.Join(dir, "deleted", "*.json"))
				require.NoError(t, err)
				assert.Len(t, files, 1)
				again, err := NewStore(dir).Deleted()
				require.NoError(t, err)
				assert.Equal(t, deleted, again, "another process sees it")
			}
			n, err := s.Purge(armVault, "KV-ML")
			require.NoError(t, err)
			assert.Equal(t, 1, n)
			deleted, err = s.Deleted()
			require.NoError(t, err)
			assert.Empty(t, deleted)
		})
	}
}

// Deleting a Key Vault leaves it soft-deleted (soft delete is always on: soft-delete-overview.md), with
// its name, location, deletion time, purge protection and retention
// (deploy-times-and-security-checks.md §1.3); a workspace too, for 14 days (concept-soft-delete.md).
// Other types go outright.
func TestDeleteLeavesVaultsAndWorkspacesSoftDeleted(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{StateDir: t.TempDir()})
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	f.s.now = func() time.Time { return now }
	kvID, kv := f.mustCreate(tokVault, "kv", vaultIn("kv-ml"))
	defaultID, def := f.mustCreate(tokVault, "kv2", with(vaultIn("kv-ml2"), "properties", map[string]any{
		"tenantId": SubscriptionID, "sku": map[string]any{"family": "A", "name": "standard"},
	}))
	mlwID, mlw := f.mustCreate(tokMLW, "mlw", workspaceIn("mlw-dev", ""))
	stID, st := f.mustCreate(tokStorage, "st", storageIn("stml"))
	require.NoError(t, f.remove(tokVault, "kv", kvID, kv))
	require.NoError(t, f.remove(tokVault, "kv2", defaultID, def))
	require.NoError(t, f.remove(tokMLW, "mlw", mlwID, mlw))
	require.NoError(t, f.remove(tokStorage, "st", stID, st))

	deleted, err := f.s.Store().Deleted()
	require.NoError(t, err)
	require.Len(t, deleted, 3, "the storage account is gone for good")
	byID := map[string]DeletedRecord{}
	for _, d := range deleted {
		byID[d.ID] = d
	}
	v := byID[kvID]
	assert.Equal(t, "kv-ml", v.Name)
	assert.Equal(t, "westeurope", v.Location)
	assert.Equal(t, now, v.DeletionDate)
	assert.True(t, v.PurgeProtectionEnabled)
	assert.Equal(t, 7, v.RetentionDays)
	assert.Equal(t, now.AddDate(0, 0, 7), v.ScheduledPurgeDate)
	assert.Equal(t, 90, byID[defaultID].RetentionDays, "the default retention")
	assert.False(t, byID[defaultID].PurgeProtectionEnabled)
	assert.Equal(t, 14, byID[mlwID].RetentionDays)
	assert.Equal(t, now.AddDate(0, 0, 14), byID[mlwID].ScheduledPurgeDate)
	_, live, err := f.s.Store().Get(kvID)
	require.NoError(t, err)
	assert.False(t, live)
}

// A soft-deleted vault holds its name everywhere: in its subscription Azure answers ConflictError ("A
// vault with the same name already exists in deleted state", alan-turing-institute/data-safe-haven #2523,
// through azure-native), in another VaultAlreadyExists (Esri/arcgis-gitops #174). createMode "recover"
// takes it back (SoftDeletedVaultDoesNotExist without one: hashicorp/terraform-provider-azurerm #12972);
// once its retention has ended, or it is purged, the name is free.
func TestSoftDeletedVaultHoldsItsName(t *testing.T) {
	t.Parallel()
	deleteVault := func(t *testing.T) (string, string) {
		dir := t.TempDir()
		f := newFixture(t, Options{StateDir: dir})
		id, out := f.mustCreate(tokVault, "kv", vaultIn("kv-ml"))
		require.NoError(t, f.remove(tokVault, "kv", id, out))
		return dir, id
	}
	recoverIn := func(m map[string]any) map[string]any {
		props := copyMap(m["properties"].(map[string]any))
		props["createMode"] = "recover"
		return with(m, "properties", props)
	}

	t.Run("same name, another resource group, another process", func(t *testing.T) {
		t.Parallel()
		dir, _ := deleteVault(t)
		_, err := newFixture(t, Options{StateDir: dir}).create(tokVault, "kv", inRG(vaultIn("KV-ML"), "rg-other"))
		requireAzureError(t, err, 409, "ConflictError", "already exists in deleted state", "recover or purge", "'KV-ML'")
	})
	t.Run("same name, another subscription", func(t *testing.T) {
		t.Parallel()
		dir, _ := deleteVault(t)
		hub := newFixture(t, Options{StateDir: dir}).configure(map[string]string{"subscriptionId": hubSubscription})
		_, err := hub.create(tokVault, "kv", vaultIn("kv-ml"))
		requireAzureError(t, err, 409, "VaultAlreadyExists", "'kv-ml'", "recoverable state")
	})
	t.Run("createMode recover takes it back", func(t *testing.T) {
		t.Parallel()
		dir, id := deleteVault(t)
		f := newFixture(t, Options{StateDir: dir})
		gotID, out := f.mustCreate(tokVault, "kv", recoverIn(vaultIn("kv-ml")))
		assert.Equal(t, id, gotID)
		assert.Equal(t, "https://kv-ml.vault.azure.net/", out["properties"].ObjectValue()["vaultUri"].StringValue())
		deleted, err := f.s.Store().Deleted()
		require.NoError(t, err)
		assert.Empty(t, deleted)
	})
	t.Run("a recover that fails leaves it soft-deleted", func(t *testing.T) {
		t.Parallel()
		dir, _ := deleteVault(t)
		f := newFixture(t, Options{StateDir: dir, TimeScale: 1})
		f.s.sleep = func(_ context.Context, _ time.Duration) error { return context.Canceled }
		_, err := f.create(tokVault, "kv", recoverIn(vaultIn("kv-ml")))
		require.Error(t, err)
		deleted, err := f.s.Store().Deleted()
		require.NoError(t, err)
		assert.Len(t, deleted, 1)
	})
	t.Run("createMode recover without a soft-deleted vault", func(t *testing.T) {
		t.Parallel()
		f := newFixture(t, Options{})
		_, err := f.create(tokVault, "kv", recoverIn(vaultIn("kv-ml")))
		requireAzureError(t, err, 400, "SoftDeletedVaultDoesNotExist", testRG+armVault+"/kv-ml")
	})
	t.Run("createMode recover in another resource group", func(t *testing.T) {
		t.Parallel()
		dir, _ := deleteVault(t)
		_, err := newFixture(t, Options{StateDir: dir}).create(tokVault, "kv", inRG(recoverIn(vaultIn("kv-ml")), "rg-other"))
		requireAzureError(t, err, 400, "SoftDeletedVaultDoesNotExist", "rg-other")
	})
	t.Run("after its retention", func(t *testing.T) {
		t.Parallel()
		dir, _ := deleteVault(t)
		f := newFixture(t, Options{StateDir: dir})
		f.s.now = func() time.Time { return time.Now().AddDate(0, 0, 8) } // retention 7 days
		f.mustCreate(tokVault, "kv", vaultIn("kv-ml"))
	})
	t.Run("purged by the helper", func(t *testing.T) {
		t.Parallel()
		dir, _ := deleteVault(t)
		found, err := PurgeDeletedVault(dir, "kv-ml")
		require.NoError(t, err)
		assert.True(t, found, "purge protection does not stop the test's purge")
		newFixture(t, Options{StateDir: dir}).mustCreate(tokVault, "kv", vaultIn("kv-ml"))
		found, err = PurgeDeletedVault(dir, "kv-ml")
		require.NoError(t, err)
		assert.False(t, found)
	})
	t.Run("purged by the plugin's purge subcommand", func(t *testing.T) {
		t.Parallel()
		dir, _ := deleteVault(t)
		var out bytes.Buffer
		require.NoError(t, RunPurge([]string{"purge", "vault", "kv-ml"}, dir, &out))
		assert.Equal(t, "purged 1 soft-deleted vault named kv-ml\n", out.String())
		newFixture(t, Options{StateDir: dir}).mustCreate(tokVault, "kv", vaultIn("kv-ml"))
	})
}

// A soft-deleted workspace holds its name in its resource group for 14 days (concept-soft-delete.md):
// "Soft-deleted workspace exists. Please purge or recover it." (Azure/ResourceModules #3596, BadRequest).
func TestSoftDeletedWorkspaceHoldsItsName(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := newFixture(t, Options{StateDir: dir})
	id, out := f.mustCreate(tokMLW, "mlw", workspaceIn("mlw-dev", "SystemAssigned"))
	require.NoError(t, f.remove(tokMLW, "mlw", id, out))

	_, err := f.create(tokMLW, "mlw", workspaceIn("MLW-DEV", "SystemAssigned"))
	requireAzureError(t, err, 400, "BadRequest", "Soft-deleted workspace exists. Please purge or recover it.",
		testRG+armMLWorkspace+"/MLW-DEV")

	f.mustCreate(tokMLW, "other", inRG(workspaceIn("mlw-dev", ""), "rg-other")) // another resource group

	later := newFixture(t, Options{StateDir: dir})
	later.s.now = func() time.Time { return time.Now().AddDate(0, 0, 15) }
	later.mustCreate(tokMLW, "mlw", inRG(workspaceIn("mlw-dev", ""), "rg-ml"))
}

func TestPurgeDeletedWorkspaceFreesTheName(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := newFixture(t, Options{StateDir: dir})
	id, out := f.mustCreate(tokMLW, "mlw", workspaceIn("mlw-dev", ""))
	require.NoError(t, f.remove(tokMLW, "mlw", id, out))
	found, err := PurgeDeletedWorkspace(dir, "mlw-dev")
	require.NoError(t, err)
	assert.True(t, found)
	f.mustCreate(tokMLW, "mlw", workspaceIn("mlw-dev", ""))
}

func TestRunPurgeUsage(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	assert.True(t, IsPurgeCommand([]string{"purge", "vault", "x"}))
	assert.False(t, IsPurgeCommand([]string{"127.0.0.1:1234"}), "the engine starts the plugin with its address")
	assert.False(t, IsPurgeCommand(nil))
	assert.ErrorContains(t, RunPurge([]string{"purge", "vault"}, t.TempDir(), &out), "usage")
	assert.ErrorContains(t, RunPurge([]string{"purge", "registry", "x"}, t.TempDir(), &out), "unknown kind")
	assert.ErrorContains(t, RunPurge([]string{"purge", "vault", "x"}, "", &out), EnvState)
	dir := t.TempDir()
	require.NoError(t, RunPurge([]string{"purge", "workspace", "x"}, dir, &out))
	assert.Equal(t, "purged 0 soft-deleted workspace named x\n", out.String())
	_, err := os.Stat(filepath.Join(dir, "deleted"))
	assert.NoError(t, err)
}
