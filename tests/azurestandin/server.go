package azurestandin

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
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
	// TimeScale scales the simulated Azure operation time (0 disables sleeping). See EnvTimeScale.
	TimeScale float64
	// FailType is a type token whose Create fails on purpose ("" disables). See EnvFailType.
	FailType string
	// SupportsPreview makes Configure report SupportsPreview=true (default false). See EnvSupportsPreview.
	SupportsPreview bool
}

// OptionsFromEnv reads Options from SECUREML_STANDIN_LOG, SECUREML_STANDIN_TIME_SCALE,
// SECUREML_STANDIN_FAIL_TYPE and SECUREML_STANDIN_SUPPORTS_PREVIEW.
func OptionsFromEnv() Options {
	preview, _ := strconv.ParseBool(os.Getenv(EnvSupportsPreview))
	return Options{
		LogPath:         os.Getenv(EnvLog),
		TimeScale:       TimeScaleFromEnv(),
		FailType:        os.Getenv(EnvFailType),
		SupportsPreview: preview,
	}
}

// Server is the offline Azure stand-in (a test double): a Pulumi resource provider that answers as
// azure-native 2.90.0 without talking to Azure. Nothing is deployed; it makes up ARM-shaped IDs and
// outputs and keeps a little in-process memory (subnet prefixes, endpoint IPs).
type Server struct {
	pulumirpc.UnimplementedResourceProviderServer

	opts  Options
	log   *CallLog
	ips   *IPAllocator
	sleep func(ctx context.Context, d time.Duration) error
}

var _ pulumirpc.ResourceProviderServer = (*Server)(nil)

// NewServer returns a Server configured by opts.
func NewServer(opts Options) *Server {
	return &Server{opts: opts, log: NewCallLog(opts.LogPath), ips: NewIPAllocator(), sleep: sleepContext}
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
func (s *Server) record(op, token, urn, id string) {
	if err := s.log.Append(op, token, urn, id); err != nil {
		fmt.Fprintf(os.Stderr, "offline Azure stand-in: writing call log: %v\n", err)
	}
}

// simulate sleeps for the simulated duration of an operation on token.
func (s *Server) simulate(ctx context.Context, token string) error {
	return s.sleep(ctx, SimulatedDelay(token, s.opts.TimeScale))
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

// Configure accepts any configuration and announces secrets and resource references support and no
// output values. By default it announces no preview support, so the engine never calls Create/Update
// during preview (Options.SupportsPreview opts in).
func (s *Server) Configure(context.Context, *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
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

// Invoke answers azure-native:authorization:getClientConfig with all-zero IDs; other functions are
// not modelled and return an error.
func (s *Server) Invoke(_ context.Context, req *pulumirpc.InvokeRequest) (*pulumirpc.InvokeResponse, error) {
	if NormalizeToken(req.GetTok()) != "azure-native:authorization:getClientConfig" {
		return nil, fmt.Errorf("offline Azure stand-in: function %s is not modelled", req.GetTok())
	}
	ret, err := marshal(resource.PropertyMap{
		"clientId":       resource.NewStringProperty(SubscriptionID),
		"objectId":       resource.NewStringProperty(SubscriptionID),
		"subscriptionId": resource.NewStringProperty(SubscriptionID),
		"tenantId":       resource.NewStringProperty(SubscriptionID),
	})
	if err != nil {
		return nil, err
	}
	return &pulumirpc.InvokeResponse{Return: ret}, nil
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
	olds, err := unmarshal(req.GetOlds())
	if err != nil {
		return nil, err
	}
	news, err := unmarshal(req.GetNews())
	if err != nil {
		return nil, err
	}
	s.observe(token, req.GetId(), olds)
	base := StripComputedOutputs(olds, news)
	if req.GetOldInputs() != nil {
		if base, err = unmarshal(req.GetOldInputs()); err != nil {
			return nil, err
		}
	}
	return ComputeDiff(token, base, news, req.GetIgnoreChanges()), nil
}

// Create makes up an ARM ID and returns the inputs echoed plus computed outputs. Nothing is deployed.
func (s *Server) Create(ctx context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	token := tokenOf(req.GetType(), req.GetUrn())
	var id string
	if !req.GetPreview() { // preview calls (only with Options.SupportsPreview) are not logged
		defer func() { s.record("create", token, req.GetUrn(), id) }()
	}

	inputs, err := unmarshal(req.GetProperties())
	if err != nil {
		return nil, err
	}
	if req.GetPreview() {
		// Only with Options.SupportsPreview: echo the inputs, no ID, no side effects (outputs the
		// engine does not get back are unknown in the preview).
		props, err := marshal(inputs)
		return &pulumirpc.CreateResponse{Properties: props}, err
	}
	if s.opts.FailType != "" && NormalizeToken(s.opts.FailType) == NormalizeToken(token) {
		return nil, fmt.Errorf("offline Azure stand-in: injected failure for %s", token)
	}
	rid, err := BuildID(token, req.GetUrn(), inputs)
	if err != nil {
		return nil, err
	}
	outputs, err := s.computeOutputs(token, rid, inputs, nil, false)
	if err != nil {
		return nil, err
	}
	props, err := marshal(outputs)
	if err != nil {
		return nil, err
	}
	if err := s.simulate(ctx, token); err != nil {
		s.ips.Release(rid.ID)
		return nil, err
	}
	id = rid.ID
	return &pulumirpc.CreateResponse{Id: id, Properties: props}, nil
}

// Update returns the new inputs echoed plus recomputed outputs; the ID never changes.
func (s *Server) Update(ctx context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	token := tokenOf(req.GetType(), req.GetUrn())
	if !req.GetPreview() { // preview calls (only with Options.SupportsPreview) are not logged
		defer s.record("update", token, req.GetUrn(), req.GetId())
	}

	olds, err := unmarshal(req.GetOlds())
	if err != nil {
		return nil, err
	}
	news, err := unmarshal(req.GetNews())
	if err != nil {
		return nil, err
	}
	// The ID never changes on update; derive the identity from it (news may hold unknowns in a preview).
	rid, err := IDFromARM(token, req.GetId())
	if req.GetId() == "" {
		rid, err = BuildID(token, req.GetUrn(), news)
	}
	if err != nil {
		return nil, err
	}
	outputs, err := s.computeOutputs(token, rid, news, olds, req.GetPreview())
	if err != nil {
		return nil, err
	}
	props, err := marshal(outputs)
	if err != nil || req.GetPreview() {
		// A preview (only with Options.SupportsPreview) gets the recomputed outputs without side effects.
		return &pulumirpc.UpdateResponse{Properties: props}, err
	}
	if err := s.simulate(ctx, token); err != nil {
		return nil, err
	}
	return &pulumirpc.UpdateResponse{Properties: props}, nil
}

// Read is a no-op refresh: it returns the given ID, state and inputs unchanged.
func (s *Server) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	token := tokenOf(req.GetType(), req.GetUrn())
	defer s.record("read", token, req.GetUrn(), req.GetId())
	if req.GetProperties() != nil {
		props, err := unmarshal(req.GetProperties())
		if err != nil {
			return nil, err
		}
		s.observe(token, req.GetId(), props)
	}
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: req.GetProperties(), Inputs: req.GetInputs()}, nil
}

// Delete always succeeds (after the simulated delay) and frees a private endpoint's IPs.
func (s *Server) Delete(ctx context.Context, req *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	token := tokenOf(req.GetType(), req.GetUrn())
	defer s.record("delete", token, req.GetUrn(), req.GetId())
	if NormalizeToken(token) == tokenPrivateEndpoint {
		props, err := unmarshal(req.GetProperties())
		if err != nil {
			return nil, err
		}
		subnetID := endpointSubnetID(props)
		if ips := endpointIPs(props); len(ips) > 0 {
			for _, ip := range ips {
				s.ips.ReleaseIP(subnetID, ip)
			}
		} else {
			s.ips.Release(req.GetId())
		}
	}
	if err := s.simulate(ctx, token); err != nil {
		return nil, err
	}
	return &emptypb.Empty{}, nil
}
