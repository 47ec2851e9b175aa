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
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

const (
	tokVNet   = "azure-native:network:VirtualNetwork"
	tokSubnet = "azure-native:network:Subnet"
	tokPE     = "azure-native:network:PrivateEndpoint"
	tokPIP    = "azure-native:network:PublicIPAddress"
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

func vnetInputs() resource.PropertyMap {
	return resource.PropertyMap{
		"resourceGroupName":  resource.NewStringProperty("rg-ml"),
		"virtualNetworkName": resource.NewStringProperty("vnet-ml"),
		"location":           resource.NewStringProperty("westeurope"),
		"addressSpace": resource.NewObjectProperty(resource.PropertyMap{
			"addressPrefixes": resource.NewArrayProperty([]resource.PropertyValue{resource.NewStringProperty("10.0.0.0/16")}),
		}),
		"tags": resource.MakeSecret(resource.NewObjectProperty(resource.PropertyMap{
			"owner": resource.NewStringProperty("ml-team"),
		})),
	}
}

func TestGRPCCreateVirtualNetwork(t *testing.T) {
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
	wantID := testRG + "Microsoft.Network/virtualNetworks/vnet-ml"
	assert.Equal(t, wantID, resp.GetId())

	out := fromStruct(t, resp.GetProperties())
	assert.Equal(t, wantID, out["id"].StringValue())
	assert.Equal(t, "Succeeded", out["provisioningState"].StringValue())
	assert.Equal(t, "Microsoft.Network/virtualNetworks", out["type"].StringValue())
	assert.Equal(t, ETag(wantID), out["etag"].StringValue())
	assert.Equal(t, "vnet-ml", out["name"].StringValue())
	assert.Equal(t, "westeurope", out["location"].StringValue())
	require.True(t, out["tags"].IsSecret(), "secret input stays secret in outputs")
	assert.Equal(t, "ml-team", out["tags"].SecretValue().Element.ObjectValue()["owner"].StringValue())

	recs, err := ReadCallLog(logPath)
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.Equal(t, CallRecord{Time: recs[0].Time, Op: "create", Type: tokVNet, URN: urn, ID: wantID}, recs[0])
}

func TestServerMetadata(t *testing.T) {
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

	inv, err := s.Invoke(ctx, &pulumirpc.InvokeRequest{Tok: "azure-native:authorization:getClientConfig"})
	require.NoError(t, err)
	assert.Equal(t, SubscriptionID, fromStruct(t, inv.GetReturn())["subscriptionId"].StringValue())
	_, err = s.Invoke(ctx, &pulumirpc.InvokeRequest{Tok: "azure-native:network:getVirtualNetwork"})
	assert.Error(t, err)
}

func TestCheckEchoesInputs(t *testing.T) {
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

func TestCreateErrors(t *testing.T) {
	s := NewServer(Options{FailType: tokSubnet})
	_, err := s.Create(context.Background(), &pulumirpc.CreateRequest{
		Urn: testURN(tokVNet, "vnet"), Properties: toStruct(t, resource.PropertyMap{
			"virtualNetworkName": resource.NewStringProperty("v"),
		}),
	})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "resourceGroupName")

	_, err = s.Create(context.Background(), &pulumirpc.CreateRequest{
		Urn: testURN(tokSubnet, "snet"), Properties: toStruct(t, resource.PropertyMap{
			"resourceGroupName": resource.NewStringProperty("rg"), "virtualNetworkName": resource.NewStringProperty("v"),
		}),
	})
	require.EqualError(t, err, "offline Azure stand-in: injected failure for azure-native:network:Subnet")
}

func TestCreateAutoNameAndPublicIP(t *testing.T) {
	s := NewServer(Options{})
	urn := testURN(tokPIP, "gw-pip")
	resp, err := s.Create(context.Background(), &pulumirpc.CreateRequest{
		Urn: urn, Properties: toStruct(t, resource.PropertyMap{"resourceGroupName": resource.NewStringProperty("rg-ml")}),
	})
	require.NoError(t, err)
	assert.Equal(t, testRG+"Microsoft.Network/publicIPAddresses/"+AutoName(urn), resp.GetId())
	out := fromStruct(t, resp.GetProperties())
	assert.Equal(t, AutoName(urn), out["name"].StringValue())
	assert.Equal(t, PublicIPFor(resp.GetId()), out["ipAddress"].StringValue())
}

// peInputs describes a private endpoint to a Key Vault in the given subnet.
func peInputs(name, subnetID, vault string) resource.PropertyMap {
	return resource.PropertyMap{
		"resourceGroupName":   resource.NewStringProperty("rg-ml"),
		"privateEndpointName": resource.NewStringProperty(name),
		"location":            resource.NewStringProperty("West Europe"),
		"subnet":              resource.NewObjectProperty(resource.PropertyMap{"id": resource.NewStringProperty(subnetID)}),
		"privateLinkServiceConnections": resource.NewArrayProperty([]resource.PropertyValue{
			resource.NewObjectProperty(resource.PropertyMap{
				"name":                 resource.NewStringProperty(name + "-conn"),
				"privateLinkServiceId": resource.NewStringProperty(testRG + "Microsoft.KeyVault/vaults/" + vault),
				"groupIds":             resource.NewArrayProperty([]resource.PropertyValue{resource.NewStringProperty("vault")}),
			}),
		}),
	}
}

func TestPrivateEndpointLifecycle(t *testing.T) {
	s := NewServer(Options{})
	ctx := context.Background()

	subnet, err := s.Create(ctx, &pulumirpc.CreateRequest{Urn: testURN(tokSubnet, "pe"), Properties: toStruct(t, resource.PropertyMap{
		"resourceGroupName":  resource.NewStringProperty("rg-ml"),
		"virtualNetworkName": resource.NewStringProperty("vnet-ml"),
		"subnetName":         resource.NewStringProperty("snet-pe"),
		"addressPrefix":      resource.NewStringProperty("10.0.3.0/27"),
	})})
	require.NoError(t, err)
	require.Equal(t, testRG+"Microsoft.Network/virtualNetworks/vnet-ml/subnets/snet-pe", subnet.GetId())

	peURN := testURN(tokPE, "kv")
	in := peInputs("pe-kv", subnet.GetId(), "kv-ml")
	created, err := s.Create(ctx, &pulumirpc.CreateRequest{Urn: peURN, Properties: toStruct(t, in)})
	require.NoError(t, err)
	out := fromStruct(t, created.GetProperties())

	nics := out["networkInterfaces"].ArrayValue()
	require.Len(t, nics, 1)
	assert.Regexp(t, `^/subscriptions/0{8}-0{4}-0{4}-0{4}-0{12}/resourceGroups/rg-ml/providers/Microsoft.Network/networkInterfaces/pe-kv\.nic\.[0-9a-f]{8}$`,
		nics[0].ObjectValue()["id"].StringValue())
	dns := out["customDnsConfigs"].ArrayValue()
	require.Len(t, dns, 1)
	assert.Equal(t, "kv-ml.vault.azure.net", dns[0].ObjectValue()["fqdn"].StringValue())
	ip := dns[0].ObjectValue()["ipAddresses"].ArrayValue()[0].StringValue()
	assert.Regexp(t, `^10\.0\.3\.([4-9]|[12][0-9]|30)$`, ip)
	assert.True(t, s.ips.InUse(subnet.GetId(), ip))

	// Update keeps the old DNS configs and NICs even though the target changed.
	news := peInputs("pe-kv", subnet.GetId(), "kv-other")
	news["tags"] = resource.NewObjectProperty(resource.PropertyMap{"a": resource.NewStringProperty("b")})
	upd, err := s.Update(ctx, &pulumirpc.UpdateRequest{
		Id: created.GetId(), Urn: peURN, Olds: created.GetProperties(), News: toStruct(t, news), OldInputs: toStruct(t, in),
	})
	require.NoError(t, err)
	uout := fromStruct(t, upd.GetProperties())
	assert.True(t, out["customDnsConfigs"].DeepEquals(uout["customDnsConfigs"]))
	assert.True(t, out["networkInterfaces"].DeepEquals(uout["networkInterfaces"]))
	assert.Equal(t, "b", uout["tags"].ObjectValue()["a"].StringValue())
	assert.Equal(t, created.GetId(), uout["id"].StringValue())

	// Read is a no-op.
	rd, err := s.Read(ctx, &pulumirpc.ReadRequest{Id: created.GetId(), Urn: peURN, Properties: upd.GetProperties(), Inputs: toStruct(t, news)})
	require.NoError(t, err)
	assert.Equal(t, created.GetId(), rd.GetId())
	assert.Equal(t, upd.GetProperties(), rd.GetProperties())

	// Delete frees the IP.
	_, err = s.Delete(ctx, &pulumirpc.DeleteRequest{Id: created.GetId(), Urn: peURN, Properties: upd.GetProperties()})
	require.NoError(t, err)
	assert.False(t, s.ips.InUse(subnet.GetId(), ip))
}

func TestPrivateEndpointUnknownSubnetUsesFallback(t *testing.T) {
	s := NewServer(Options{})
	resp, err := s.Create(context.Background(), &pulumirpc.CreateRequest{
		Urn: testURN(tokPE, "kv"), Properties: toStruct(t, peInputs("pe-kv", "/elsewhere", "kv-ml")),
	})
	require.NoError(t, err)
	ip := fromStruct(t, resp.GetProperties())["customDnsConfigs"].ArrayValue()[0].ObjectValue()["ipAddresses"].ArrayValue()[0]
	assert.Regexp(t, `^10\.255\.255\.\d+$`, ip.StringValue())
}

func TestDiffObservesExistingState(t *testing.T) {
	// A fresh process (new Server) learns subnet prefixes and endpoint IPs from state it diffs.
	first := NewServer(Options{})
	ctx := context.Background()
	subnetIn := resource.PropertyMap{
		"resourceGroupName":  resource.NewStringProperty("rg-ml"),
		"virtualNetworkName": resource.NewStringProperty("vnet-ml"),
		"subnetName":         resource.NewStringProperty("snet-pe"),
		"addressPrefix":      resource.NewStringProperty("10.0.3.0/27"),
	}
	subnet, err := first.Create(ctx, &pulumirpc.CreateRequest{Urn: testURN(tokSubnet, "pe"), Properties: toStruct(t, subnetIn)})
	require.NoError(t, err)
	pe, err := first.Create(ctx, &pulumirpc.CreateRequest{Urn: testURN(tokPE, "a"), Properties: toStruct(t, peInputs("pe-a", subnet.GetId(), "kv"))})
	require.NoError(t, err)
	oldIP := fromStruct(t, pe.GetProperties())["customDnsConfigs"].ArrayValue()[0].ObjectValue()["ipAddresses"].ArrayValue()[0].StringValue()

	second := NewServer(Options{})
	_, err = second.Diff(ctx, &pulumirpc.DiffRequest{Id: subnet.GetId(), Urn: testURN(tokSubnet, "pe"),
		Olds: subnet.GetProperties(), News: toStruct(t, subnetIn), OldInputs: toStruct(t, subnetIn)})
	require.NoError(t, err)
	_, err = second.Diff(ctx, &pulumirpc.DiffRequest{Id: pe.GetId(), Urn: testURN(tokPE, "a"),
		Olds: pe.GetProperties(), News: toStruct(t, peInputs("pe-a", subnet.GetId(), "kv"))})
	require.NoError(t, err)

	p, known := second.ips.SubnetPrefix(subnet.GetId())
	assert.True(t, known)
	assert.Equal(t, "10.0.3.0/27", p)
	assert.True(t, second.ips.InUse(subnet.GetId(), oldIP))
}

func TestSimulatedTimeAndLogOps(t *testing.T) {
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

func TestCreateCancelledDuringSimulatedTime(t *testing.T) {
	s := NewServer(Options{TimeScale: 1})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := s.Create(ctx, &pulumirpc.CreateRequest{Urn: testURN(tokVNet, "vnet"), Properties: toStruct(t, vnetInputs())})
	assert.ErrorIs(t, err, context.Canceled)
}

func TestOptionsFromEnv(t *testing.T) {
	t.Setenv(EnvLog, "/tmp/x.jsonl")
	t.Setenv(EnvTimeScale, "0.01")
	t.Setenv(EnvFailType, tokPE)
	assert.Equal(t, Options{LogPath: "/tmp/x.jsonl", TimeScale: 0.01, FailType: tokPE}, OptionsFromEnv())
	t.Setenv(EnvSupportsPreview, "true")
	assert.True(t, OptionsFromEnv().SupportsPreview)
}

func TestUpdatePreviewHasNoSideEffects(t *testing.T) {
	logPath := filepath.Join(t.TempDir(), "calls.jsonl")
	s := NewServer(Options{SupportsPreview: true, LogPath: logPath})
	ctx := context.Background()
	cfg, err := s.Configure(ctx, &pulumirpc.ConfigureRequest{})
	require.NoError(t, err)
	assert.True(t, cfg.GetSupportsPreview())

	urn := testURN(tokSubnet, "pe")
	in := resource.PropertyMap{
		"resourceGroupName":  resource.NewStringProperty("rg-ml"),
		"virtualNetworkName": resource.NewStringProperty("vnet-ml"),
		"subnetName":         resource.NewStringProperty("snet-pe"),
		"addressPrefix":      resource.NewStringProperty("10.0.3.0/27"),
	}
	id := testRG + "Microsoft.Network/virtualNetworks/vnet-ml/subnets/snet-pe"
	news := in.Copy()
	news["addressPrefix"] = resource.MakeComputed(resource.NewStringProperty(""))
	news["resourceGroupName"] = resource.MakeComputed(resource.NewStringProperty(""))
	resp, err := s.Update(ctx, &pulumirpc.UpdateRequest{
		Id: id, Urn: urn, Olds: toStruct(t, in), News: toStruct(t, news), Preview: true,
	})
	require.NoError(t, err)
	out := fromStruct(t, resp.GetProperties())
	assert.Equal(t, id, out["id"].StringValue())
	assert.Equal(t, "snet-pe", out["name"].StringValue())
	assert.True(t, out["addressPrefix"].IsComputed())
	_, known := s.ips.SubnetPrefix(id)
	assert.False(t, known, "a preview remembers nothing")

	c, err := s.Create(ctx, &pulumirpc.CreateRequest{Urn: urn, Properties: toStruct(t, in), Preview: true})
	require.NoError(t, err)
	assert.Empty(t, c.GetId())
	assert.True(t, in.DeepEquals(fromStruct(t, c.GetProperties())))
	assert.NoFileExists(t, logPath, "preview calls are not logged")
}
