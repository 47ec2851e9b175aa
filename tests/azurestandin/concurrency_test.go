package azurestandin

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The concurrency tests replace the Server's sleep with a sleeper the test releases, so each decides
// when a simulated operation or a retry delay ends: no real waiting, no timing assertions. The time
// scale only sets the durations the stand-in asks for (0.5 keeps them exact in floating point).
const testScale = 0.5

func scaled(d time.Duration) time.Duration { return time.Duration(float64(d) * testScale) }

// concurrent returns a fixture with a time scale whose setup runs without sleeping, and the sleeper
// that takes over once setup is done (call start).
func concurrent(t *testing.T) (*fixture, *sleeper) {
	t.Helper()
	f := newFixture(t, Options{TimeScale: testScale})
	f.s.sleep = noSleep
	return f, newSleeper()
}

// start hands the Server's sleep to sl; call it before starting goroutines.
func (f *fixture) start(sl *sleeper) { f.s.sleep = sl.sleep }

// awaitWithoutSleeping returns the result of an operation that must end without sleeping: no
// simulated time and no retry delay.
func awaitWithoutSleeping(t *testing.T, ch <-chan result, sl *sleeper) result {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case c := <-sl.calls:
		c.release()
		require.FailNow(t, "the operation slept; it should have failed at once", "sleep of %v", c.d)
	case <-time.After(5 * time.Second):
		require.FailNow(t, "operation did not end")
	}
	return result{}
}

// Source: azure-native's retry policy (initPipelineOpts in provider/pkg/azure/client_azcore.go):
// RetryDelay 20 s, MaxRetryDelay 120 s, azcore's (2^try - 1) × RetryDelay without jitter.
func TestRetryDelayFollowsAzureNativePolicy(t *testing.T) {
	t.Parallel()
	assert.Equal(t, 20*time.Second, RetryDelay(1))
	assert.Equal(t, 60*time.Second, RetryDelay(2))
	assert.Equal(t, 120*time.Second, RetryDelay(3), "140 s capped at MaxRetryDelay")
	assert.Equal(t, 120*time.Second, RetryDelay(4))
}

// Sources per row: concurrent writes to one virtual network meet 409 AnotherOperationInProgress
// (pulumi-azure-native #699, #1024, #903; terraform-provider-azurerm #3780), retried by azure-native
// (shouldRetryConflict); a subnet written while an endpoint's interface joins it gets 429
// RetryableError (terraform-provider-azurerm #21293), retried; an endpoint created while its subnet
// is written fails at the end of its operation with RetryableError / ReferencedResourceNotProvisioned
// (terraform-provider-azurerm #21293, #30197, #28112; Azure/data-landing-zone #156), not retried; two
// endpoints to one storage account meet StorageAccountOperationInProgress
// (Azure/bicep-registry-modules #6001), not retried before azure-native PR #4497 (after v2.90.0).
func TestConflictBetweenWritesInFlight(t *testing.T) {
	t.Parallel()
	otherVNet := testRG + "Microsoft.Network/virtualNetworks/vnet-hub"
	subnetA, subnetB := vnetID+"/subnets/snet-training", vnetID+"/subnets/snet-scoring"
	peering := vnetID + "/virtualNetworkPeerings/to-hub"
	pe := func(name, group, target string) map[string]any { return peIn(name, peSubnetID, group, target) }
	vault := testRG + "Microsoft.KeyVault/vaults/kv-ml"
	scope := func(token, op, id string, props map[string]any) operation {
		return scopeOf(token, op, ResourceID{ID: id}, props)
	}
	tests := []conflictCase{
		{"two subnets of one network", scope(tokSubnet, "create", subnetB, nil), scope(tokSubnet, "create", subnetA, nil),
			409, "AnotherOperationInProgress", true, []string{subnetB, subnetA}},
		{"subnets of two networks", scope(tokSubnet, "create", otherVNet+"/subnets/snet", nil), scope(tokSubnet, "create", subnetA, nil),
			0, "", false, nil},
		{"subnet while its network is written", scope(tokSubnet, "update", subnetA, nil), scope(tokVNet, "update", vnetID, nil),
			409, "AnotherOperationInProgress", true, []string{subnetA, vnetID}},
		{"peering while a subnet is written", scope(tokenVirtualNetworkPeering, "create", peering, nil), scope(tokSubnet, "update", subnetA, nil),
			409, "AnotherOperationInProgress", true, []string{peering}},
		{"subnet deleted while a sibling is written", scope(tokSubnet, "delete", subnetB, nil), scope(tokSubnet, "create", subnetA, nil),
			409, "AnotherOperationInProgress", true, nil},
		{"endpoint created while its subnet is written", scope(tokPE, "create", testRG+"Microsoft.Network/privateEndpoints/pe-kv", pe("pe-kv", "vault", vault)),
			scope(tokSubnet, "update", peSubnetID, nil), 400, "RetryableError", false, []string{"PutSubnetOperation"}},
		{"endpoint created while its network is written", scope(tokPE, "create", testRG+"Microsoft.Network/privateEndpoints/pe-kv", pe("pe-kv", "vault", vault)),
			scope(tokVNet, "update", vnetID, nil), 400, "RetryableError", false, nil},
		{"endpoint deleted while its subnet is written", scope(tokPE, "delete", testRG+"Microsoft.Network/privateEndpoints/pe-kv", pe("pe-kv", "vault", vault)),
			scope(tokSubnet, "update", peSubnetID, nil), 400, "RetryableError", false, nil},
		{"endpoint updated (tags) while its subnet is written", scope(tokPE, "update", testRG+"Microsoft.Network/privateEndpoints/pe-kv", pe("pe-kv", "vault", vault)),
			scope(tokSubnet, "update", peSubnetID, nil), 0, "", false, nil},
		{"endpoint created while another subnet is written", scope(tokPE, "create", testRG+"Microsoft.Network/privateEndpoints/pe-kv", pe("pe-kv", "vault", vault)),
			scope(tokSubnet, "update", subnetA, nil), 0, "", false, nil},
		{"subnet written while an endpoint joins it", scope(tokSubnet, "update", peSubnetID, nil),
			scope(tokPE, "create", testRG+"Microsoft.Network/privateEndpoints/pe-kv", pe("pe-kv", "vault", vault)),
			429, "RetryableError", true, []string{"pe-kv"}},
		{"network written while an endpoint joins one of its subnets", scope(tokVNet, "update", vnetID, nil),
			scope(tokPE, "create", testRG+"Microsoft.Network/privateEndpoints/pe-kv", pe("pe-kv", "vault", vault)),
			429, "RetryableError", true, nil},
		{"two endpoints to one storage account", scope(tokPE, "create", testRG+"Microsoft.Network/privateEndpoints/pe-file", pe("pe-file", "file", storageID)),
			scope(tokPE, "create", testRG+"Microsoft.Network/privateEndpoints/pe-blob", pe("pe-blob", "blob", storageID)),
			409, "StorageAccountOperationInProgress", false, []string{"pe-file", strings.ToLower(storageID)}},
		{"two endpoints to one Key Vault in two subnets", scope(tokPE, "create", testRG+"Microsoft.Network/privateEndpoints/pe-b", peIn("pe-b", subnetA, "vault", vault)),
			scope(tokPE, "create", testRG+"Microsoft.Network/privateEndpoints/pe-a", pe("pe-a", "vault", vault)), 0, "", false, nil},
		{"two endpoints in one subnet", scope(tokPE, "create", testRG+"Microsoft.Network/privateEndpoints/pe-acr", pe("pe-acr", "registry", testRG+"Microsoft.ContainerRegistry/registries/acr")),
			scope(tokPE, "create", testRG+"Microsoft.Network/privateEndpoints/pe-kv", pe("pe-kv", "vault", vault)),
			400, "RetryableError", false, []string{"pe-acr", "pe-kv", "ReferencedResourceNotProvisioned"}},
		{"two endpoints to one storage account in one subnet", scope(tokPE, "create", testRG+"Microsoft.Network/privateEndpoints/pe-file", pe("pe-file", "file", storageID)),
			scope(tokPE, "create", testRG+"Microsoft.Network/privateEndpoints/pe-blob", pe("pe-blob", "blob", storageID)),
			409, "StorageAccountOperationInProgress", false, nil},
	}
	runConflictCases(t, tests)
}

// Source: 409 AnotherOperationInProgress on concurrent subnet writes (pulumi-azure-native #699, #1024,
// #903); azure-native retries it after RetryDelay(1), scaled (shouldRetryConflict in client_azcore.go).
func TestSecondSubnetWriteOfOneNetworkIsRetriedAndSucceeds(t *testing.T) {
	t.Parallel()
	f, sl := concurrent(t)
	f.mustCreate(tokVNet, "vnet", vnetIn("vnet-ml", "westeurope", "10.0.0.0/16"))
	f.start(sl)

	training := f.createAsync(tokSubnet, "training", subnetIn("vnet-ml", "snet-training", "10.0.0.0/24"))
	trainingTime := sl.next(t)
	assert.Equal(t, SimulatedDelay(tokSubnet, testScale), trainingTime.d, "the first write is being simulated")

	scoring := f.createAsync(tokSubnet, "scoring", subnetIn("vnet-ml", "snet-scoring", "10.0.1.0/24"))
	retryDelay := sl.next(t)
	assert.Equal(t, scaled(RetryDelay(1)), retryDelay.d, "the second waits out azure-native's first retry delay")
	retries := f.calls("retry")
	require.Len(t, retries, 1)
	assert.Equal(t, CallRecord{Time: retries[0].Time, Op: "retry", Type: tokSubnet, URN: testURN(tokSubnet, "scoring"),
		ID: vnetID + "/subnets/snet-scoring", Detail: "AnotherOperationInProgress"}, retries[0])

	trainingTime.release()
	require.NoError(t, await(t, training).err)
	retryDelay.release()
	scoringTime := sl.next(t)
	assert.Equal(t, SimulatedDelay(tokSubnet, testScale), scoringTime.d, "after the retry the write goes through")
	scoringTime.release()
	r := await(t, scoring)
	require.NoError(t, r.err)
	assert.Equal(t, vnetID+"/subnets/snet-scoring", r.id)

	assert.GreaterOrEqual(t, retryDelay.d+scoringTime.d, scaled(RetryDelay(1))+SimulatedDelay(tokSubnet, testScale),
		"the retried write costs at least the scaled retry delay on top of its own time")
	assert.Len(t, f.calls("create"), 3)
	assert.Len(t, f.calls("retry"), 1)
}

// Source: azcore's default of 3 retries (initPipelineOpts in client_azcore.go); once they are spent
// the 409 AnotherOperationInProgress reaches the engine.
func TestWriteStillBlockedAfterThreeRetriesFails(t *testing.T) {
	t.Parallel()
	f, sl := concurrent(t)
	f.mustCreate(tokVNet, "vnet", vnetIn("vnet-ml", "westeurope", "10.0.0.0/16"))
	f.start(sl)

	training := f.createAsync(tokSubnet, "training", subnetIn("vnet-ml", "snet-training", "10.0.0.0/24"))
	trainingTime := sl.next(t)

	scoring := f.createAsync(tokSubnet, "scoring", subnetIn("vnet-ml", "snet-scoring", "10.0.1.0/24"))
	for try := 1; try <= 3; try++ {
		c := sl.next(t)
		assert.Equal(t, scaled(RetryDelay(try)), c.d, "retry %d", try)
		c.release()
	}
	r := awaitWithoutSleeping(t, scoring, sl)
	requireAzureError(t, r.err, 409, "AnotherOperationInProgress",
		vnetID+"/subnets/snet-scoring", vnetID+"/subnets/snet-training")
	retries := f.calls("retry")
	assert.Len(t, retries, 3)
	for _, rec := range retries {
		assert.Equal(t, "AnotherOperationInProgress", rec.Detail)
	}
	_, found, err := f.s.Store().Get(vnetID + "/subnets/snet-scoring")
	require.NoError(t, err)
	assert.False(t, found, "the failed create leaves nothing behind")

	trainingTime.release()
	require.NoError(t, await(t, training).err)
}

// Source: terraform-provider-azurerm #21293, #30197, #28112; Azure/data-landing-zone #156: the endpoint's
// operation ends in RetryableError / ReferencedResourceNotProvisioned, a final state azure-native does
// not retry.
func TestPrivateEndpointCreatedWhileItsSubnetIsWrittenFails(t *testing.T) {
	t.Parallel()
	f, sl := concurrent(t)
	subnet := f.network("10.0.2.0/24")
	f.start(sl)

	update := f.updateAsync(tokSubnet, "pe", peSubnetID, subnet,
		with(subnetIn("vnet-ml", "snet-pe", "10.0.2.0/24"), "privateEndpointNetworkPolicies", "Disabled"))
	subnetTime := sl.next(t)

	r := awaitWithoutSleeping(t, f.createAsync(tokPE, "kv", vaultPE("pe-kv", peSubnetID)), sl)
	requireAzureError(t, r.err, 400, "RetryableError", "ReferencedResourceNotProvisioned",
		strings.ToLower(peSubnetID), testRG+"Microsoft.Network/privateEndpoints/pe-kv", "PutSubnetOperation")
	assert.Empty(t, f.calls("retry"), "not retried")
	all, err := f.s.Store().All()
	require.NoError(t, err)
	for _, rec := range all {
		assert.NotContains(t, rec.ID, "pe-kv", "neither the endpoint nor its network interface stays")
	}

	subnetTime.release()
	require.NoError(t, await(t, update).err)
}

// Source: terraform-provider-azurerm #21293: a subnet written while an endpoint's network interface
// joins it gets 429 RetryableError; azure-native retries 429 (initPipelineOpts in client_azcore.go).
func TestSubnetWrittenWhileAnEndpointJoinsItIsRetried(t *testing.T) {
	t.Parallel()
	f, sl := concurrent(t)
	subnet := f.network("10.0.2.0/24")
	f.start(sl)

	endpoint := f.createAsync(tokPE, "kv", vaultPE("pe-kv", peSubnetID))
	endpointTime := sl.next(t)
	assert.Equal(t, SimulatedDelay(tokPE, testScale), endpointTime.d)

	update := f.updateAsync(tokSubnet, "pe", peSubnetID, subnet,
		with(subnetIn("vnet-ml", "snet-pe", "10.0.2.0/24"), "privateEndpointNetworkPolicies", "Disabled"))
	retryDelay := sl.next(t)
	assert.Equal(t, scaled(RetryDelay(1)), retryDelay.d)
	retries := f.calls("retry")
	require.Len(t, retries, 1)
	assert.Equal(t, "RetryableError", retries[0].Detail)

	endpointTime.release()
	require.NoError(t, await(t, endpoint).err)
	retryDelay.release()
	sl.next(t).release()
	require.NoError(t, await(t, update).err)
}

// Source: Azure/bicep-registry-modules #6001 ("An operation is currently performing on this storage
// account that requires exclusive access"); azure-native retries it only from PR #4497 (January 2026),
// after v2.90.0, and the error is the operation's final state, which the pipeline does not retry.
func TestTwoPrivateEndpointsToOneStorageAccountAtOnce(t *testing.T) {
	t.Parallel()
	f, sl := concurrent(t)
	f.network("10.0.2.0/24")
	f.start(sl)

	blob := f.createAsync(tokPE, "blob", peIn("pe-blob", peSubnetID, "blob", storageID))
	blobTime := sl.next(t)

	r := awaitWithoutSleeping(t, f.createAsync(tokPE, "file", peIn("pe-file", peSubnetID, "file", storageID)), sl)
	requireAzureError(t, r.err, 409, "StorageAccountOperationInProgress",
		testRG+"Microsoft.Network/privateEndpoints/pe-file", strings.ToLower(storageID))
	assert.Empty(t, f.calls("retry"), "not retried by azure-native v2.90.0")

	blobTime.release()
	require.NoError(t, await(t, blob).err)
}

// Source: Azure/bicep-ptn-aiml-landing-zone #41 (2026): with private endpoints created in parallel on
// one subnet, "ARM occasionally fails one of the PE NIC attachments with ReferencedResourceNotProvisioned";
// the failure is the operation's final state, which azure-native does not retry.
func TestTwoPrivateEndpointsInOneSubnetAtOnce(t *testing.T) {
	t.Parallel()
	f, sl := concurrent(t)
	f.network("10.0.2.0/24")
	f.start(sl)

	kv := f.createAsync(tokPE, "kv", vaultPE("pe-kv", peSubnetID))
	kvTime := sl.next(t)
	r := awaitWithoutSleeping(t, f.createAsync(tokPE, "acr",
		peIn("pe-acr", peSubnetID, "registry", testRG+"Microsoft.ContainerRegistry/registries/acrml")), sl)
	requireAzureError(t, r.err, 400, "RetryableError", testRG+"Microsoft.Network/privateEndpoints/pe-acr", strings.ToLower(peSubnetID))
	assert.Empty(t, f.calls("retry"), "not retried by azure-native")

	kvTime.release()
	require.NoError(t, await(t, kv).err)
	_, ok, err := f.s.store.Get(testRG + "Microsoft.Network/privateEndpoints/pe-acr")
	require.NoError(t, err)
	assert.False(t, ok, "the refused endpoint left nothing behind")
}

// conflictCase is a write arriving while another is in flight, and Azure's answer to it.
type conflictCase struct {
	name      string
	incoming  operation // the write that arrives
	inFlight  operation // the write being simulated
	status    int       // 0: no conflict
	code      string
	retried   bool
	mentioned []string
}

// runConflictCases checks conflict's answer for each case, and whether azure-native retries it.
func runConflictCases(t *testing.T, tests []conflictCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := conflict(&tt.incoming, &tt.inFlight)
			if tt.code == "" {
				assert.Nil(t, got)
				return
			}
			requireAzureError(t, got, tt.status, tt.code, tt.mentioned...)
			assert.Equal(t, tt.retried, got.Retried, "whether azure-native v2.90.0 retries it")
		})
	}
}
