package azurestandin

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/secureml/pulumi-secureml/components/azurecloud"
)

const (
	// PackageName is the provider package the offline Azure stand-in (a test double) pretends to be.
	PackageName = "azure-native"
	// Version is the azure-native version the stand-in reports.
	Version = "2.90.0"
	// EnvFailType names the environment variable that, set to a type token, makes Create of that
	// type fail with "offline Azure stand-in: injected failure for <token>".
	EnvFailType = "SECUREML_STANDIN_FAIL_TYPE"
	// EnvSupportsPreview names an opt-in environment variable: when it parses as true, Configure reports
	// SupportsPreview=true and Create/Update answer preview calls. The default (unset) is false.
	EnvSupportsPreview = "SECUREML_STANDIN_SUPPORTS_PREVIEW"
)

// Options configures a Server.
type Options struct {
	// LogPath is the call-log file ("" disables the log). See EnvLog.
	LogPath string
	// StateDir is where the pretend Azure resources are kept ("" keeps them in memory). See EnvState.
	StateDir string
	// TimeScale scales the simulated Azure operation time (0 disables sleeping). See EnvTimeScale.
	TimeScale float64
	// FailType is a type token whose Create fails on purpose ("" disables). See EnvFailType.
	FailType string
	// SupportsPreview makes Configure report SupportsPreview=true (default false). See EnvSupportsPreview.
	SupportsPreview bool
}

// OptionsFromEnv reads Options from SECUREML_STANDIN_LOG, SECUREML_STANDIN_STATE,
// SECUREML_STANDIN_TIME_SCALE, SECUREML_STANDIN_FAIL_TYPE and SECUREML_STANDIN_SUPPORTS_PREVIEW.
func OptionsFromEnv() Options {
	preview, _ := strconv.ParseBool(os.Getenv(EnvSupportsPreview))
	return Options{
		LogPath:         os.Getenv(EnvLog),
		StateDir:        os.Getenv(EnvState),
		TimeScale:       TimeScaleFromEnv(),
		FailType:        os.Getenv(EnvFailType),
		SupportsPreview: preview,
	}
}

// Server is the offline Azure stand-in (a test double): a Pulumi resource provider that answers as
// azure-native 2.90.0 without talking to Azure. Nothing is deployed. It keeps the resources it pretends
// exist in a Store, refuses what Azure refuses (azure.go, concurrency.go) and makes up ARM-shaped IDs
// and outputs. One Server is one provider instance, with its own subscription and cloud.
type Server struct {
	pulumirpc.UnimplementedResourceProviderServer

	opts     Options
	log      *CallLog
	store    *Store
	inflight *inflight
	sleep    func(ctx context.Context, d time.Duration) error
	now      func() time.Time // the clock of soft-delete dates

	cfgMu        sync.RWMutex
	subscription string
	environment  string
}

var _ pulumirpc.ResourceProviderServer = (*Server)(nil)

// NewServer returns a Server configured by opts.
func NewServer(opts Options) *Server {
	return &Server{
		opts: opts, log: NewCallLog(opts.LogPath), store: NewStore(opts.StateDir), inflight: newInflight(),
		sleep: sleepContext, now: time.Now, subscription: SubscriptionID,
	}
}

// Store returns the resources the stand-in pretends exist.
func (s *Server) Store() *Store { return s.store }

func (s *Server) subscriptionID() string {
	s.cfgMu.RLock()
	defer s.cfgMu.RUnlock()
	return s.subscription
}

func (s *Server) cloud() azurecloud.Cloud {
	s.cfgMu.RLock()
	defer s.cfgMu.RUnlock()
	return azurecloud.FromEnvironment(s.environment)
}

// unmarshalOpts keeps unknowns, secrets and resource references so they round-trip untouched.
var unmarshalOpts = plugin.MarshalOptions{
	Label: "azurestandin.unmarshal", KeepUnknowns: true, KeepSecrets: true, KeepResources: true,
}

// marshalOpts mirrors unmarshalOpts for responses.
var marshalOpts = plugin.MarshalOptions{
	Label: "azurestandin.marshal", KeepUnknowns: true, KeepSecrets: true, KeepResources: true,
}

func unmarshal(s *structpb.Struct) (resource.PropertyMap, error) {
	if s == nil {
		return resource.PropertyMap{}, nil
	}
	return plugin.UnmarshalProperties(s, unmarshalOpts)
}

// unmarshalOldAndNew unmarshals a request's old and new properties.
func unmarshalOldAndNew(olds, news *structpb.Struct) (resource.PropertyMap, resource.PropertyMap, error) {
	o, err := unmarshal(olds)
	if err != nil {
		return nil, nil, err
	}
	n, err := unmarshal(news)
	return o, n, err
}

func marshal(m resource.PropertyMap) (*structpb.Struct, error) {
	return plugin.MarshalProperties(m, marshalOpts)
}

// tokenOf returns the request's type token, falling back to the one in the URN.
func tokenOf(reqType, urn string) string {
	if reqType != "" {
		return reqType
	}
	return TokenFromURN(urn)
}

// record appends to the call log; a failing log is reported on stderr but never fails the call.
func (s *Server) record(op, token, urn, id string) { s.recordDetail(op, token, urn, id, "") }

// recordDetail appends to the call log with a detail; a failing log is reported on stderr but never
// fails the call.
func (s *Server) recordDetail(op, token, urn, id, detail string) {
	if err := s.log.Append(op, token, urn, id, detail); err != nil {
		fmt.Fprintf(os.Stderr, "offline Azure stand-in: writing call log: %v\n", err)
	}
}

// simulate sleeps for the simulated duration of an operation on token with properties props (a
// Bastion host's SKU sets its duration).
func (s *Server) simulate(ctx context.Context, token string, props map[string]any) error {
	return s.sleep(ctx, SimulatedDelayFor(token, props, s.opts.TimeScale))
}

// GetPluginInfo reports version 2.90.0.
func (s *Server) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: Version}, nil
}

// GetSchema returns a minimal schema naming the package and version.
func (s *Server) GetSchema(context.Context, *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	b, err := json.Marshal(map[string]string{"name": PackageName, "version": Version})
	if err != nil {
		return nil, err
	}
	return &pulumirpc.GetSchemaResponse{Schema: string(b)}, nil
}

// CheckConfig accepts any provider configuration unchanged.
func (s *Server) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

// DiffConfig never reports provider configuration changes.
func (s *Server) DiffConfig(context.Context, *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
}

// Configure takes the provider instance's subscriptionId and environment (the default provider keeps
// the all-zero subscription and the public cloud) and announces secrets and resource references
// support and no output values. By default it announces no preview support, so the engine never calls
// Create/Update during preview (Options.SupportsPreview opts in).
func (s *Server) Configure(_ context.Context, req *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	setting := func(key string) string {
		if v := req.GetVariables()["azure-native:config:"+key]; v != "" {
			return v
		}
		if f, ok := req.GetArgs().GetFields()[key]; ok {
			return f.GetStringValue()
		}
		return ""
	}
	s.cfgMu.Lock()
	if sub := setting("subscriptionId"); sub != "" {
		s.subscription = sub
	}
	s.environment = setting("environment")
	s.cfgMu.Unlock()
	return &pulumirpc.ConfigureResponse{
		AcceptSecrets: true, AcceptResources: true, SupportsPreview: s.opts.SupportsPreview, AcceptOutputs: false,
	}, nil
}

// Attach is a no-op.
func (s *Server) Attach(context.Context, *pulumirpc.PluginAttach) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

// Cancel is a no-op.
func (s *Server) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

// GetMapping returns no mapping data.
func (s *Server) GetMapping(context.Context, *pulumirpc.GetMappingRequest) (*pulumirpc.GetMappingResponse, error) {
	return &pulumirpc.GetMappingResponse{}, nil
}

// GetMappings returns no mapping providers.
func (s *Server) GetMappings(context.Context, *pulumirpc.GetMappingsRequest) (*pulumirpc.GetMappingsResponse, error) {
	return &pulumirpc.GetMappingsResponse{}, nil
}

// Check returns the new inputs unchanged (no defaults), keeping secrets and unknowns.
func (s *Server) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	token := tokenOf(req.GetType(), req.GetUrn())
	defer s.record("check", token, req.GetUrn(), "")
	news, err := unmarshal(req.GetNews())
	if err != nil {
		return nil, err
	}
	inputs, err := marshal(news)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CheckResponse{Inputs: inputs}, nil
}

// Diff compares old inputs (or, without them, old outputs minus computed keys) with the new inputs;
// see ComputeDiff.
func (s *Server) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	token := tokenOf(req.GetType(), req.GetUrn())
	defer s.record("diff", token, req.GetUrn(), req.GetId())
	olds, news, err := unmarshalOldAndNew(req.GetOlds(), req.GetNews())
	if err != nil {
		return nil, err
	}
	base := StripComputedOutputs(olds, news)
	if req.GetOldInputs() != nil {
		if base, err = unmarshal(req.GetOldInputs()); err != nil {
			return nil, err
		}
	}
	return ComputeDiff(token, base, news, req.GetIgnoreChanges()), nil
}
