package azurestandin

import (
	"context"
	"errors"
	"sync"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStoreInMemoryAndInADirectory(t *testing.T) {
	t.Parallel()
	for name, dir := range map[string]string{"in memory": "", "in a directory": t.TempDir()} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := NewStore(dir)
			vnet := Record{ID: vnetID, Type: armVirtualNetwork, Name: "vnet-ml", Properties: map[string]any{"a": "b"}}
			subnet := Record{ID: peSubnetID, Type: armSubnet, Name: "snet-pe"}
			require.NoError(t, s.Put(subnet))
			require.NoError(t, s.Put(vnet))

			got, found, err := s.Get(vnetID)
			require.NoError(t, err)
			require.True(t, found)
			assert.Equal(t, vnet, got)
			_, found, err = s.Get(testRG + "MICROSOFT.NETWORK/virtualNetworks/VNET-ML")
			require.NoError(t, err)
			assert.True(t, found, "IDs compare case-insensitively, as in ARM")

			all, err := s.All()
			require.NoError(t, err)
			require.Len(t, all, 2)
			assert.Equal(t, vnetID, all[0].ID, "sorted by ID")

			// Update applies everything or nothing.
			err = s.Update(func(StoreView) ([]Record, []string, error) {
				return []Record{{ID: zoneID}}, []string{vnetID}, errors.New("refused")
			})
			require.Error(t, err)
			all, err = s.All()
			require.NoError(t, err)
			assert.Len(t, all, 2)
			require.NoError(t, s.Update(func(view StoreView) ([]Record, []string, error) {
				_, ok, err := view.Get(vnetID)
				require.True(t, ok)
				return []Record{{ID: zoneID}}, []string{vnetID}, err
			}))
			_, found, err = s.Get(vnetID)
			require.NoError(t, err)
			assert.False(t, found)
			_, found, err = s.Get(zoneID)
			require.NoError(t, err)
			assert.True(t, found)

			require.NoError(t, s.Delete(vnetID), "deleting what does not exist is not an error")
		})
	}
}

// Several plugin processes share one state directory; an exclusive file lock makes each
// read-check-write whole. Two Stores on one directory stand for two processes here.
func TestStoreUpdatesFromTwoProcessesDoNotInterleave(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	stores := []*Store{NewStore(dir), NewStore(dir)}
	const counter = "/subscriptions/x/resourceGroups/rg/providers/Test/counters/c"
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			assert.NoError(t, stores[i%2].Update(func(view StoreView) ([]Record, []string, error) {
				r, _, err := view.Get(counter)
				n, _ := r.Properties["n"].(float64)
				return []Record{{ID: counter, Properties: map[string]any{"n": n + 1}}}, nil, err
			}))
		}()
	}
	wg.Wait()
	r, found, err := stores[0].Get(counter)
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, 40.0, r.Properties["n"], "no update was lost")
}

// The engine starts one plugin process per command and per provider instance; with a shared state
// directory (EnvState) a later process sees what an earlier one created, as Azure would.
func TestServersSharingAStateDirSeeEachOther(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	first := newFixture(t, Options{StateDir: dir})
	first.network("10.0.2.0/24")

	second := newFixture(t, Options{StateDir: dir})
	peID, _ := second.mustCreate(tokPE, "kv", vaultPE("pe-kv", peSubnetID))
	vnet, err := second.invoke(fnVirtualNetwork, map[string]any{"resourceGroupName": "rg-ml", "virtualNetworkName": "vnet-ml"})
	require.NoError(t, err)
	assert.Equal(t, peID, vnet["subnets"].ArrayValue()[0].ObjectValue()["privateEndpoints"].ArrayValue()[0].
		ObjectValue()["id"].StringValue())

	_, err = first.create(tokVNet, "vnet", vnetIn("vnet-ml", "westeurope", "10.0.0.0/16"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cannot create already existing resource")
	err = first.remove(tokSubnet, "pe", peSubnetID, pm(map[string]any{"id": peSubnetID}))
	requireAzureError(t, err, 400, "InUseSubnetCannotBeDeleted", peID)

	// Without the directory a process starts with nothing.
	alone := newFixture(t, Options{})
	_, err = alone.create(tokPE, "kv", vaultPE("pe-kv", peSubnetID))
	requireAzureError(t, err, 404, "NotFound", peSubnetID)
}

func TestReadOfAResourceGoneFromTheStoreReturnsNoID(t *testing.T) {
	t.Parallel()
	read := func(f *fixture, id string) *pulumirpc.ReadResponse {
		resp, err := f.s.Read(context.Background(), &pulumirpc.ReadRequest{
			Id: id, Urn: testURN(tokVNet, "vnet"), Properties: toStruct(t, pm(map[string]any{"id": id})),
		})
		require.NoError(t, err)
		return resp
	}

	f := newFixture(t, Options{StateDir: t.TempDir()})
	id, _ := f.mustCreate(tokVNet, "vnet", vnetIn("vnet-ml", "westeurope", "10.0.0.0/16"))
	assert.Equal(t, id, read(f, id).GetId(), "a resource that exists is kept")

	require.NoError(t, f.s.Store().Delete(id)) // deleted behind the engine's back
	resp := read(f, id)
	assert.Empty(t, resp.GetId(), "the engine drops a resource Read does not find")
	assert.Nil(t, resp.GetProperties())

	// Without a state directory the stand-in cannot know, and keeps the state.
	memory := newFixture(t, Options{})
	assert.Equal(t, id, read(memory, id).GetId())
}

func TestStoreRecordsKeepTheSubscriptionAndGroup(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{}).configure(map[string]string{"subscriptionId": hubSubscription})
	id, _ := f.mustCreate(tokZone, "vault", zoneIn("privatelink.vaultcore.azure.net"))
	r, found, err := f.s.Store().Get(id)
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, Record{
		ID: id, Type: "Microsoft.Network/privateDnsZones", Subscription: hubSubscription, ResourceGroup: "rg-ml",
		Name: "privatelink.vaultcore.azure.net", Properties: r.Properties,
	}, r)
	assert.Equal(t, "Succeeded", r.Properties["provisioningState"])
	assert.Equal(t, "global", r.Properties["location"])
}
