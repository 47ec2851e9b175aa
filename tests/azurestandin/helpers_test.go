package azurestandin

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/types/known/structpb"
)

const (
	tokVNet      = "azure-native:network:VirtualNetwork"
	tokSubnet    = "azure-native:network:Subnet"
	tokPE        = "azure-native:network:PrivateEndpoint"
	tokPIP       = "azure-native:network:PublicIPAddress"
	tokZone      = "azure-native:network:PrivateZone"
	tokLink      = "azure-native:network:VirtualNetworkLink"
	tokZoneGroup = "azure-native:network:PrivateDnsZoneGroup"
	tokNSG       = "azure-native:network:NetworkSecurityGroup"
	tokRoutes    = "azure-native:network:RouteTable"

	// hubSubscription is the subscription of an explicit provider for a hub, in the tests.
	hubSubscription = "11111111-2222-3333-4444-555555555555"
)

// testURN builds a URN for a child of the SecureMLNetwork component.
func testURN(token, name string) string {
	return fmt.Sprintf("urn:pulumi:dev::secureml::secureml:index:SecureMLNetwork$%s::%s", token, name)
}

// pm builds a PropertyMap from plain Go values.
func pm(m map[string]any) resource.PropertyMap {
	return resource.NewPropertyMapFromMap(m)
}

// testRG is the ID prefix of resource group rg-ml in the default provider's (all-zero) subscription.
const testRG = "/subscriptions/" + SubscriptionID + "/resourceGroups/rg-ml/providers/"

// armID returns the ARM ID of a resource of resource group rg-ml in subscription sub; path is what
// follows the providers segment, e.g. "Microsoft.Network/virtualNetworks/vnet-ml".
func armID(sub, path string) string {
	return "/subscriptions/" + sub + "/resourceGroups/rg-ml/providers/" + path
}

// IDs of the network the fixtures build in the default subscription.
var (
	vnetID     = testRG + "Microsoft.Network/virtualNetworks/vnet-ml"
	peSubnetID = vnetID + "/subnets/snet-pe"
	zoneID     = testRG + "Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net"
	storageID  = testRG + "Microsoft.Storage/storageAccounts/stml"
)

// engineOpts are the options the engine uses when talking to a provider that accepts secrets.
var engineOpts = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, KeepResources: true}

func toStruct(t *testing.T, m resource.PropertyMap) *structpb.Struct {
	t.Helper()
	s, err := plugin.MarshalProperties(m, engineOpts)
	require.NoError(t, err)
	return s
}

func fromStruct(t *testing.T, s *structpb.Struct) resource.PropertyMap {
	t.Helper()
	m, err := plugin.UnmarshalProperties(s, engineOpts)
	require.NoError(t, err)
	return m
}

// Inputs of the resources the tests create, in resource group rg-ml, as plain maps so a table row can
// change one key.

func vnetIn(name, location string, prefixes ...string) map[string]any {
	var ps []any
	for _, p := range prefixes {
		ps = append(ps, p)
	}
	return map[string]any{
		"resourceGroupName": "rg-ml", "virtualNetworkName": name, "location": location,
		"addressSpace": map[string]any{"addressPrefixes": ps},
	}
}

func subnetIn(vnet, name, prefix string) map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "virtualNetworkName": vnet, "subnetName": name, "addressPrefix": prefix,
	}
}

// peIn describes a private endpoint in subnetID to target, for the group ID group.
func peIn(name, subnetID, group, target string) map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "privateEndpointName": name, "location": "westeurope",
		"subnet": map[string]any{"id": subnetID},
		"privateLinkServiceConnections": []any{map[string]any{
			"name": name + "-conn", "privateLinkServiceId": target, "groupIds": []any{group},
		}},
	}
}

// vaultPE describes a private endpoint to Key Vault kv-<name> in subnetID (one FQDN, one IP).
func vaultPE(name, subnetID string) map[string]any {
	return peIn(name, subnetID, "vault", testRG+"Microsoft.KeyVault/vaults/kv-"+name)
}

func zoneIn(name string) map[string]any {
	return map[string]any{"resourceGroupName": "rg-ml", "privateZoneName": name, "location": "global"}
}

func linkIn(zone, name, vnet string) map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "privateZoneName": zone, "virtualNetworkLinkName": name,
		"location": "global", "registrationEnabled": false, "virtualNetwork": map[string]any{"id": vnet},
	}
}

// nsgIn describes a network security group with one outbound rule to destination.
func nsgIn(location, destination string) map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "networkSecurityGroupName": "nsg-ml", "location": location,
		"securityRules": []any{map[string]any{
			"name": "AzureMLOutbound", "priority": 100.0, "direction": "Outbound", "access": "Allow",
			"protocol": "Tcp", "sourceAddressPrefix": "VirtualNetwork", "sourcePortRange": "*",
			"destinationAddressPrefix": destination, "destinationPortRange": "443",
		}},
	}
}

// routeTableIn describes a route table with one route to addressPrefix.
func routeTableIn(location, addressPrefix string) map[string]any {
	return map[string]any{
		"resourceGroupName": "rg-ml", "routeTableName": "rt-ml", "location": location,
		"routes": []any{map[string]any{"name": "to-service", "addressPrefix": addressPrefix, "nextHopType": "Internet"}},
	}
}

// with returns a copy of m with key set to v (or removed when v is nil).
func with(m map[string]any, key string, v any) map[string]any {
	out := make(map[string]any, len(m)+1)
	for k, e := range m {
		out[k] = e
	}
	if v == nil {
		delete(out, key)
	} else {
		out[key] = v
	}
	return out
}

// tags returns n tags tag0..tag<n-1>.
func tags(n int) map[string]any {
	out := map[string]any{}
	for i := range n {
		out[fmt.Sprintf("tag%d", i)] = "v"
	}
	return out
}

// fixture drives one Server (one provider instance) the way the engine does.
type fixture struct {
	t   *testing.T
	s   *Server
	log string
}

// newFixture returns a fixture around a new Server (not yet configured: the default provider); its call
// log is in a temp dir unless opts names one.
func newFixture(t *testing.T, opts Options) *fixture {
	t.Helper()
	if opts.LogPath == "" {
		opts.LogPath = filepath.Join(t.TempDir(), "calls.jsonl")
	}
	return &fixture{t: t, s: NewServer(opts), log: opts.LogPath}
}

// configure sends the engine's Configure call with the azure-native config variables given.
func (f *fixture) configure(settings map[string]string) *fixture {
	f.t.Helper()
	vars := map[string]string{}
	for k, v := range settings {
		vars["azure-native:config:"+k] = v
	}
	_, err := f.s.Configure(context.Background(), &pulumirpc.ConfigureRequest{Variables: vars})
	require.NoError(f.t, err)
	return f
}

// create pretends to create a resource named name (in the URN) of type token.
func (f *fixture) create(token, name string, in map[string]any) (*pulumirpc.CreateResponse, error) {
	return f.createCtx(context.Background(), token, name, in)
}

func (f *fixture) createCtx(ctx context.Context, token, name string, in map[string]any) (*pulumirpc.CreateResponse, error) {
	f.t.Helper()
	return f.s.Create(ctx, &pulumirpc.CreateRequest{
		Urn: testURN(token, name), Type: token, Properties: toStruct(f.t, pm(in)),
	})
}

// mustCreate creates a resource and returns its ID and outputs.
func (f *fixture) mustCreate(token, name string, in map[string]any) (string, resource.PropertyMap) {
	f.t.Helper()
	resp, err := f.create(token, name, in)
	require.NoError(f.t, err, "create %s %s", token, name)
	return resp.GetId(), fromStruct(f.t, resp.GetProperties())
}

// update pretends to update the resource with ID id from olds (its outputs) to news.
func (f *fixture) update(token, name, id string, olds resource.PropertyMap, news map[string]any) (resource.PropertyMap, error) {
	f.t.Helper()
	resp, err := f.s.Update(context.Background(), &pulumirpc.UpdateRequest{
		Id: id, Urn: testURN(token, name), Type: token, Olds: toStruct(f.t, olds), News: toStruct(f.t, pm(news)),
	})
	if err != nil {
		return nil, err
	}
	return fromStruct(f.t, resp.GetProperties()), nil
}

// remove pretends to delete the resource with ID id and outputs props.
func (f *fixture) remove(token, name, id string, props resource.PropertyMap) error {
	f.t.Helper()
	_, err := f.s.Delete(context.Background(), &pulumirpc.DeleteRequest{
		Id: id, Urn: testURN(token, name), Type: token, Properties: toStruct(f.t, props),
	})
	return err
}

// invoke calls a function and returns its result.
func (f *fixture) invoke(tok string, args map[string]any) (resource.PropertyMap, error) {
	f.t.Helper()
	resp, err := f.s.Invoke(context.Background(), &pulumirpc.InvokeRequest{Tok: tok, Args: toStruct(f.t, pm(args))})
	if err != nil {
		return nil, err
	}
	return fromStruct(f.t, resp.GetReturn()), nil
}

// network creates virtual network vnet-ml (10.0.0.0/16, westeurope) with subnet snet-pe (prefix) and
// returns the subnet's outputs.
func (f *fixture) network(prefix string) resource.PropertyMap {
	f.t.Helper()
	f.mustCreate(tokVNet, "vnet", vnetIn("vnet-ml", "westeurope", "10.0.0.0/16"))
	_, out := f.mustCreate(tokSubnet, "pe", subnetIn("vnet-ml", "snet-pe", prefix))
	return out
}

// calls returns the call log's records with the given op.
func (f *fixture) calls(op string) []CallRecord {
	f.t.Helper()
	recs, err := ReadCallLog(f.log)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	require.NoError(f.t, err)
	var out []CallRecord
	for _, r := range recs {
		if r.Op == op {
			out = append(out, r)
		}
	}
	return out
}

// requireAzureError asserts that err is the Azure refusal code with the given status, and that its
// message names every string of mentions.
func requireAzureError(t *testing.T, err error, status int, code string, mentions ...string) {
	t.Helper()
	require.Error(t, err)
	var azErr *AzureError
	require.ErrorAs(t, err, &azErr, "want an Azure refusal, got %v", err)
	assert.Equal(t, code, azErr.Code, err.Error())
	assert.Equal(t, status, azErr.Status, err.Error())
	assert.Contains(t, err.Error(), fmt.Sprintf(`Status=%d Code="%s" Message="`, status, code),
		"the shape azure-native gives Azure's errors")
	for _, m := range mentions {
		assert.Contains(t, err.Error(), m, "the message names the offending value")
	}
}

// sleeper stands in for the Server's sleep: every call is announced on calls and waits until the test
// releases it, so a test decides when each simulated operation or retry delay ends.
type sleeper struct{ calls chan *sleepCall }

type sleepCall struct {
	d    time.Duration
	done chan struct{}
}

func newSleeper() *sleeper { return &sleeper{calls: make(chan *sleepCall)} }

func (sl *sleeper) sleep(ctx context.Context, d time.Duration) error {
	c := &sleepCall{d: d, done: make(chan struct{})}
	select {
	case sl.calls <- c:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-c.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// next returns the next sleep call; the test fails if none comes within 5 s.
func (sl *sleeper) next(t *testing.T) *sleepCall {
	t.Helper()
	select {
	case c := <-sl.calls:
		return c
	case <-time.After(5 * time.Second):
		require.FailNow(t, "no sleep call: the operation neither slept nor retried")
		return nil
	}
}

func (c *sleepCall) release() { close(c.done) }

// noSleep is a sleep that returns at once.
func noSleep(context.Context, time.Duration) error { return nil }

// result is the outcome of an operation run in a goroutine.
type result struct {
	id  string
	out *structpb.Struct
	err error
}

// createAsync starts a create in a goroutine and returns the channel its result arrives on.
func (f *fixture) createAsync(token, name string, in map[string]any) <-chan result {
	f.t.Helper()
	props := toStruct(f.t, pm(in))
	ch := make(chan result, 1)
	go func() {
		resp, err := f.s.Create(context.Background(), &pulumirpc.CreateRequest{
			Urn: testURN(token, name), Type: token, Properties: props,
		})
		ch <- result{id: resp.GetId(), out: resp.GetProperties(), err: err}
	}()
	return ch
}

// updateAsync starts an update in a goroutine and returns the channel its result arrives on.
func (f *fixture) updateAsync(token, name, id string, olds resource.PropertyMap, news map[string]any) <-chan result {
	f.t.Helper()
	req := &pulumirpc.UpdateRequest{
		Id: id, Urn: testURN(token, name), Type: token, Olds: toStruct(f.t, olds), News: toStruct(f.t, pm(news)),
	}
	ch := make(chan result, 1)
	go func() {
		resp, err := f.s.Update(context.Background(), req)
		ch <- result{id: id, out: resp.GetProperties(), err: err}
	}()
	return ch
}

// await returns the result of an operation; the test fails if it does not end within 5 s.
func await(t *testing.T, ch <-chan result) result {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(5 * time.Second):
		require.FailNow(t, "operation did not end")
		return result{}
	}
}
