package azurestandin

import (
	"context"
	"encoding/json"
	"net"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

// startGRPC serves srv on a loopback port and returns a client for it.
func startGRPC(t *testing.T, srv pulumirpc.ResourceProviderServer) pulumirpc.ResourceProviderClient {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	gs := grpc.NewServer()
	pulumirpc.RegisterResourceProviderServer(gs, srv)
	go func() { _ = gs.Serve(lis) }()
	t.Cleanup(gs.Stop)
	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })
	return pulumirpc.NewResourceProviderClient(conn)
}

// vnetInputs is the virtual network vnet-ml with a secret tag.
func vnetInputs() resource.PropertyMap {
	in := pm(vnetIn("vnet-ml", "westeurope", "10.0.0.0/16"))
	in["tags"] = resource.MakeSecret(resource.NewObjectProperty(resource.PropertyMap{
		"owner": resource.NewStringProperty("ml-team"),
	}))
	return in
}

func TestGRPCCreateVirtualNetwork(t *testing.T) {
	t.Parallel()
	logPath := filepath.Join(t.TempDir(), "calls.jsonl")
	client := startGRPC(t, NewServer(Options{LogPath: logPath}))
	ctx := context.Background()

	info, err := client.GetPluginInfo(ctx, &emptypb.Empty{})
	require.NoError(t, err)
	assert.Equal(t, "2.90.0", info.GetVersion())

	cfg, err := client.Configure(ctx, &pulumirpc.ConfigureRequest{AcceptSecrets: true, AcceptResources: true})
	require.NoError(t, err)
	assert.True(t, cfg.GetAcceptSecrets())
	assert.True(t, cfg.GetAcceptResources())
	assert.False(t, cfg.GetSupportsPreview())
	assert.False(t, cfg.GetAcceptOutputs())

	urn := testURN(tokVNet, "vnet")
	resp, err := client.Create(ctx, &pulumirpc.CreateRequest{
		Urn: urn, Type: tokVNet, Name: "vnet", Properties: toStruct(t, vnetInputs()),
	})
	require.NoError(t, err)
	assert.Equal(t, vnetID, resp.GetId())

	out := fromStruct(t, resp.GetProperties())
	assert.Equal(t, vnetID, out["id"].StringValue())
	assert.Equal(t, "Succeeded", out["provisioningState"].StringValue())
	assert.Equal(t, "Microsoft.Network/virtualNetworks", out["type"].StringValue())
	assert.Equal(t, ETag(vnetID), out["etag"].StringValue())
	assert.Equal(t, "vnet-ml", out["name"].StringValue())
	assert.Equal(t, "westeurope", out["location"].StringValue())
	require.True(t, out["tags"].IsSecret(), "secret input stays secret in outputs")
	assert.Equal(t, "ml-team", out["tags"].SecretValue().Element.ObjectValue()["owner"].StringValue())

	recs, err := ReadCallLog(logPath)
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.Equal(t, CallRecord{Time: recs[0].Time, Op: "create", Type: tokVNet, URN: urn, ID: vnetID}, recs[0])

	// A refusal travels through gRPC with Azure's code and message.
	_, err = client.Create(ctx, &pulumirpc.CreateRequest{
		Urn: testURN(tokVNet, "typo"), Type: tokVNet, Properties: toStruct(t, pm(vnetIn("vnet-2", "esatus", "10.1.0.0/16"))),
	})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `Status=400 Code="LocationNotAvailableForResourceType"`)
	assert.Contains(t, err.Error(), "esatus")
}

func TestServerMetadata(t *testing.T) {
	t.Parallel()
	s := NewServer(Options{})
	ctx := context.Background()
	schema, err := s.GetSchema(ctx, &pulumirpc.GetSchemaRequest{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"name":"azure-native","version":"2.90.0"}`, schema.GetSchema())

	news := toStruct(t, resource.PropertyMap{"location": resource.NewStringProperty("x")})
	cc, err := s.CheckConfig(ctx, &pulumirpc.CheckRequest{News: news})
	require.NoError(t, err)
	assert.Equal(t, news, cc.GetInputs())
	dc, err := s.DiffConfig(ctx, &pulumirpc.DiffRequest{})
	require.NoError(t, err)
	assert.Equal(t, pulumirpc.DiffResponse_DIFF_NONE, dc.GetChanges())
	_, err = s.Attach(ctx, &pulumirpc.PluginAttach{Address: "x"})
	require.NoError(t, err)
	_, err = s.Cancel(ctx, &emptypb.Empty{})
	require.NoError(t, err)
	_, err = s.GetMapping(ctx, &pulumirpc.GetMappingRequest{Key: "terraform"})
	require.NoError(t, err)
	_, err = s.GetMappings(ctx, &pulumirpc.GetMappingsRequest{Key: "terraform"})
	require.NoError(t, err)

	_, err = s.Invoke(ctx, &pulumirpc.InvokeRequest{Tok: "azure-native:storage:listStorageAccountKeys"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not modelled")
}

// Configure: the engine configures an explicit provider through its variables
// (azure-native:config:<key>) and, for a provider resource, through args; the default provider gets
// neither. Every ID the instance makes up, and getClientConfig, use its subscription.
func TestConfigureSubscriptionDecidesIDs(t *testing.T) {
	t.Parallel()
	args, err := structpb.NewStruct(map[string]any{"subscriptionId": hubSubscription})
	require.NoError(t, err)
	tests := []struct {
		name string
		req  *pulumirpc.ConfigureRequest
		want string
	}{
		{"default provider keeps the all-zero subscription", &pulumirpc.ConfigureRequest{}, SubscriptionID},
		{"explicit provider through variables", &pulumirpc.ConfigureRequest{
			Variables: map[string]string{"azure-native:config:subscriptionId": hubSubscription}}, hubSubscription},
		{"explicit provider through args", &pulumirpc.ConfigureRequest{Args: args}, hubSubscription},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, Options{})
			_, err := f.s.Configure(context.Background(), tt.req)
			require.NoError(t, err)

			id, out := f.mustCreate(tokVNet, "vnet", vnetIn("vnet-ml", "westeurope", "10.0.0.0/16"))
			assert.Equal(t, armID(tt.want, "Microsoft.Network/virtualNetworks/vnet-ml"), id)
			assert.Equal(t, id, out["id"].StringValue())
			subnet, _ := f.mustCreate(tokSubnet, "pe", subnetIn("vnet-ml", "snet-pe", "10.0.2.0/24"))
			assert.Equal(t, id+"/subnets/snet-pe", subnet, "a child is in its provider's subscription")

			cfg, err := f.invoke("azure-native:authorization:getClientConfig", nil)
			require.NoError(t, err)
			assert.Equal(t, tt.want, cfg["subscriptionId"].StringValue())
		})
	}
}

func TestConfigureEnvironmentDecidesCloud(t *testing.T) {
	t.Parallel()
	tests := []struct {
		environment string
		location    string
		accepted    bool
	}{
		{"", "eastus", true},
		{"public", "eastus", true},
		{"usgovernment", "eastus", false},
		{"usgovernment", "usgovvirginia", true},
		{"usgov", "usgovvirginia", true},
		{"china", "chinanorth3", true},
		{"china", "westeurope", false},
	}
	for _, tt := range tests {
		t.Run(tt.environment+"/"+tt.location, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, Options{}).configure(map[string]string{"environment": tt.environment})
			_, err := f.create(tokVNet, "vnet", vnetIn("vnet-ml", tt.location, "10.0.0.0/16"))
			if tt.accepted {
				assert.NoError(t, err)
			} else {
				requireAzureError(t, err, 400, "LocationNotAvailableForResourceType", tt.location)
			}
		})
	}
}

func TestCheckEchoesInputs(t *testing.T) {
	t.Parallel()
	s := NewServer(Options{})
	in := vnetInputs()
	in["flowTimeoutInMinutes"] = resource.MakeComputed(resource.NewNumberProperty(0))
	resp, err := s.Check(context.Background(), &pulumirpc.CheckRequest{
		Urn: testURN(tokVNet, "vnet"), Type: tokVNet, News: toStruct(t, in),
		Olds: toStruct(t, resource.PropertyMap{"stale": resource.NewStringProperty("x")}),
	})
	require.NoError(t, err)
	assert.Empty(t, resp.GetFailures())
	got := fromStruct(t, resp.GetInputs())
	assert.True(t, in.DeepEquals(got), "inputs echoed without defaults")
	assert.True(t, got["tags"].IsSecret())
	assert.True(t, got["flowTimeoutInMinutes"].IsComputed())
	assert.NotContains(t, got, resource.PropertyKey("stale"))
}

func TestServerDiff(t *testing.T) {
	t.Parallel()
	s := NewServer(Options{})
	urn := testURN(tokVNet, "vnet")
	old := vnetInputs()
	created, err := s.Create(context.Background(), &pulumirpc.CreateRequest{Urn: urn, Properties: toStruct(t, old)})
	require.NoError(t, err)

	changedTags := vnetInputs()
	changedTags["tags"] = resource.NewObjectProperty(resource.PropertyMap{"owner": resource.NewStringProperty("x")})
	renamed := vnetInputs()
	renamed["virtualNetworkName"] = resource.NewStringProperty("vnet-2")

	tests := []struct {
		name      string
		news      resource.PropertyMap
		oldInputs bool
		changes   pulumirpc.DiffResponse_DiffChanges
		replaces  []string
		diffs     []string
	}{
		{"none with old inputs", vnetInputs(), true, pulumirpc.DiffResponse_DIFF_NONE, nil, nil},
		{"none with old outputs only", vnetInputs(), false, pulumirpc.DiffResponse_DIFF_NONE, nil, nil},
		{"tags update", changedTags, true, pulumirpc.DiffResponse_DIFF_SOME, nil, []string{"tags"}},
		{"tags update from outputs", changedTags, false, pulumirpc.DiffResponse_DIFF_SOME, nil, []string{"tags"}},
		{"rename replaces", renamed, true, pulumirpc.DiffResponse_DIFF_SOME,
			[]string{"virtualNetworkName"}, []string{"virtualNetworkName"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req := &pulumirpc.DiffRequest{
				Id: created.GetId(), Urn: urn, Olds: created.GetProperties(), News: toStruct(t, tt.news),
			}
			if tt.oldInputs {
				req.OldInputs = toStruct(t, old)
			}
			resp, err := s.Diff(context.Background(), req)
			require.NoError(t, err)
			assert.Equal(t, tt.changes, resp.GetChanges())
			assert.Equal(t, tt.replaces, resp.GetReplaces())
			assert.Equal(t, tt.diffs, resp.GetDiffs())
			assert.False(t, resp.GetDeleteBeforeReplace())
		})
	}
}

func TestCreateErrorsOfTheStandIn(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{FailType: tokSubnet})
	_, err := f.create(tokVNet, "vnet", map[string]any{"virtualNetworkName": "v"})
	require.ErrorIs(t, err, ErrMissingResourceGroup)

	f.mustCreate(tokVNet, "vnet", vnetIn("vnet-ml", "westeurope", "10.0.0.0/16"))
	_, err = f.create(tokSubnet, "snet", subnetIn("vnet-ml", "snet", "10.0.0.0/24"))
	require.EqualError(t, err, "offline Azure stand-in: injected failure for azure-native:network:Subnet")
	_, found, err := f.s.Store().Get(vnetID + "/subnets/snet")
	require.NoError(t, err)
	assert.False(t, found, "an injected failure leaves nothing behind")
}

func TestCreateAutoNameAndPublicIP(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	urn := testURN(tokPIP, "gw-pip")
	id, out := f.mustCreate(tokPIP, "gw-pip", map[string]any{"resourceGroupName": "rg-ml", "location": "westeurope"})
	assert.Equal(t, testRG+"Microsoft.Network/publicIPAddresses/"+AutoName(urn), id)
	assert.Equal(t, AutoName(urn), out["name"].StringValue())
	assert.Equal(t, PublicIPFor(id), out["ipAddress"].StringValue())
}

func TestPrivateEndpointLifecycle(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	f.network("10.0.3.0/27")
	subnetID := vnetID + "/subnets/snet-pe"

	in := vaultPE("pe-kv", subnetID)
	id, out := f.mustCreate(tokPE, "kv", in)
	assert.Equal(t, testRG+"Microsoft.Network/privateEndpoints/pe-kv", id)

	nics := out["networkInterfaces"].ArrayValue()
	require.Len(t, nics, 1)
	nicID := nics[0].ObjectValue()["id"].StringValue()
	assert.Regexp(t, `^/subscriptions/0{8}-0{4}-0{4}-0{4}-0{12}/resourceGroups/rg-ml/providers/Microsoft.Network/networkInterfaces/pe-kv\.nic\.[0-9a-f-]{36}$`,
		nicID)
	dns := out["customDnsConfigs"].ArrayValue()
	require.Len(t, dns, 1)
	assert.Equal(t, "kv-pe-kv.vault.azure.net", dns[0].ObjectValue()["fqdn"].StringValue())
	ip := dns[0].ObjectValue()["ipAddresses"].ArrayValue()[0].StringValue()
	assert.Regexp(t, `^10\.0\.3\.([4-9]|[12][0-9]|30)$`, ip)

	// Update (tags) keeps the DNS configs and network interface, even though the target changed.
	news := with(peIn("pe-kv", subnetID, "vault", testRG+"Microsoft.KeyVault/vaults/kv-other"), "tags", map[string]any{"a": "b"})
	uout, err := f.update(tokPE, "kv", id, out, news)
	require.NoError(t, err)
	assert.True(t, out["customDnsConfigs"].DeepEquals(uout["customDnsConfigs"]))
	assert.True(t, out["networkInterfaces"].DeepEquals(uout["networkInterfaces"]))
	assert.Equal(t, "b", uout["tags"].ObjectValue()["a"].StringValue())
	assert.Equal(t, id, uout["id"].StringValue())

	// Read returns the state while the endpoint exists.
	rd, err := f.s.Read(context.Background(), &pulumirpc.ReadRequest{
		Id: id, Urn: testURN(tokPE, "kv"), Properties: toStruct(t, uout), Inputs: toStruct(t, pm(news)),
	})
	require.NoError(t, err)
	assert.Equal(t, id, rd.GetId())
	assert.True(t, uout.DeepEquals(fromStruct(t, rd.GetProperties())))

	// Delete removes the endpoint and its network interface.
	require.NoError(t, f.remove(tokPE, "kv", id, uout))
	for _, gone := range []string{id, nicID} {
		_, found, err := f.s.Store().Get(gone)
		require.NoError(t, err)
		assert.False(t, found, gone)
	}
}

func TestSimulatedTimeAndLogOps(t *testing.T) {
	t.Parallel()
	logPath := filepath.Join(t.TempDir(), "calls.jsonl")
	s := NewServer(Options{LogPath: logPath, TimeScale: 0.001})
	var mu sync.Mutex
	var slept []time.Duration
	s.sleep = func(_ context.Context, d time.Duration) error {
		mu.Lock()
		defer mu.Unlock()
		slept = append(slept, d)
		return nil
	}
	ctx := context.Background()
	urn := testURN("azure-native:network:VirtualNetworkGateway", "vgw")
	in := toStruct(t, resource.PropertyMap{
		"resourceGroupName": resource.NewStringProperty("rg"), "virtualNetworkGatewayName": resource.NewStringProperty("vgw"),
	})
	_, err := s.Check(ctx, &pulumirpc.CheckRequest{Urn: urn, News: in})
	require.NoError(t, err)
	c, err := s.Create(ctx, &pulumirpc.CreateRequest{Urn: urn, Properties: in})
	require.NoError(t, err)
	_, err = s.Diff(ctx, &pulumirpc.DiffRequest{Id: c.GetId(), Urn: urn, Olds: c.GetProperties(), News: in})
	require.NoError(t, err)
	_, err = s.Update(ctx, &pulumirpc.UpdateRequest{Id: c.GetId(), Urn: urn, Olds: c.GetProperties(), News: in})
	require.NoError(t, err)
	_, err = s.Read(ctx, &pulumirpc.ReadRequest{Id: c.GetId(), Urn: urn, Properties: c.GetProperties()})
	require.NoError(t, err)
	_, err = s.Delete(ctx, &pulumirpc.DeleteRequest{Id: c.GetId(), Urn: urn, Properties: c.GetProperties()})
	require.NoError(t, err)

	assert.Equal(t, []time.Duration{2700 * time.Millisecond, 2700 * time.Millisecond, 2700 * time.Millisecond}, slept)

	recs, err := ReadCallLog(logPath)
	require.NoError(t, err)
	var ops []string
	for _, r := range recs {
		ops = append(ops, r.Op)
		assert.Equal(t, "azure-native:network:VirtualNetworkGateway", r.Type, "type token taken from the URN")
	}
	assert.Equal(t, []string{"check", "create", "diff", "update", "read", "delete"}, ops)
	assert.Equal(t, "", recs[0].ID)
	assert.Equal(t, c.GetId(), recs[1].ID)

	raw, err := json.Marshal(recs[0])
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"op":"check"`)
}

func TestCreateCancelledDuringSimulatedTimeLeavesNothing(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{TimeScale: 1})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := f.createCtx(ctx, tokVNet, "vnet", vnetIn("vnet-ml", "westeurope", "10.0.0.0/16"))
	require.ErrorIs(t, err, context.Canceled)
	all, err := f.s.Store().All()
	require.NoError(t, err)
	assert.Empty(t, all, "a failed create does not stay in the pretend Azure")

	// Nor does it block a later create of the same resource.
	f.s.sleep = noSleep
	f.mustCreate(tokVNet, "vnet", vnetIn("vnet-ml", "westeurope", "10.0.0.0/16"))
}

func TestOptionsFromEnv(t *testing.T) {
	t.Setenv(EnvLog, "/tmp/x.jsonl")
	t.Setenv(EnvState, "/tmp/azure")
	t.Setenv(EnvTimeScale, "0.01")
	t.Setenv(EnvFailType, tokPE)
	assert.Equal(t, Options{LogPath: "/tmp/x.jsonl", StateDir: "/tmp/azure", TimeScale: 0.01, FailType: tokPE},
		OptionsFromEnv())
	t.Setenv(EnvSupportsPreview, "true")
	assert.True(t, OptionsFromEnv().SupportsPreview)
}

func TestPreviewHasNoSideEffects(t *testing.T) {
	t.Parallel()
	logPath := filepath.Join(t.TempDir(), "calls.jsonl")
	s := NewServer(Options{SupportsPreview: true, LogPath: logPath})
	ctx := context.Background()
	cfg, err := s.Configure(ctx, &pulumirpc.ConfigureRequest{})
	require.NoError(t, err)
	assert.True(t, cfg.GetSupportsPreview())

	urn := testURN(tokSubnet, "pe")
	in := pm(subnetIn("vnet-ml", "snet-pe", "10.0.3.0/27"))
	news := in.Copy()
	news["addressPrefix"] = resource.MakeComputed(resource.NewStringProperty(""))
	news["resourceGroupName"] = resource.MakeComputed(resource.NewStringProperty(""))
	resp, err := s.Update(ctx, &pulumirpc.UpdateRequest{
		Id: peSubnetID, Urn: urn, Olds: toStruct(t, in), News: toStruct(t, news), Preview: true,
	})
	require.NoError(t, err)
	out := fromStruct(t, resp.GetProperties())
	assert.Equal(t, peSubnetID, out["id"].StringValue())
	assert.Equal(t, "snet-pe", out["name"].StringValue())
	assert.True(t, out["addressPrefix"].IsComputed())

	c, err := s.Create(ctx, &pulumirpc.CreateRequest{Urn: urn, Properties: toStruct(t, in), Preview: true})
	require.NoError(t, err)
	assert.Empty(t, c.GetId())
	assert.True(t, in.DeepEquals(fromStruct(t, c.GetProperties())))
	assert.NoFileExists(t, logPath, "preview calls are not logged")
	all, err := s.Store().All()
	require.NoError(t, err)
	assert.Empty(t, all, "a preview creates nothing in the pretend Azure")
}
