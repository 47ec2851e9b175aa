package main

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/secureml/pulumi-secureml/tests/azurestandin"
)

const urnPrefix = "urn:pulumi:s::p::"

// custom and component build resources with short URNs: urnPrefix + type + "::" + name.
func custom(typ, name, parent string, deps ...string) Resource {
	return Resource{URN: urn(typ, name), Type: typ, Custom: true, Parent: parent, Dependencies: deps}
}

func component(typ, name, parent string, deps ...string) Resource {
	r := custom(typ, name, parent, deps...)
	r.Custom = false
	return r
}

func urn(typ, name string) string { return urnPrefix + typ + "::" + name }

// byName weighs resources by the name in their URN, so the tests do not depend on the stand-in's figures.
func byName(weights map[string]float64) func(Resource) float64 {
	return func(r Resource) float64 { return weights[r.Name()] }
}

func names(path []*Node) []string {
	var out []string
	for _, n := range path {
		out = append(out, n.Name())
	}
	return out
}

const (
	az    = "azure-native:network:Thing"
	comp  = "secureml:index:SecureMLNetwork"
	stack = "pulumi:pulumi:Stack"
)

func TestCriticalPathAndWork(t *testing.T) {
	stackURN, compURN := urn(stack, "st"), urn(comp, "ml")
	a, b, c := urn(az, "a"), urn(az, "b"), urn(az, "c")
	tests := []struct {
		name      string
		resources []Resource
		weights   map[string]float64
		critical  float64
		path      []string
		work      float64
	}{
		{
			name:    "empty state",
			weights: map[string]float64{},
		},
		{
			name:      "independent resources: the heaviest alone",
			resources: []Resource{custom(az, "a", ""), custom(az, "b", ""), custom(az, "c", "")},
			weights:   map[string]float64{"a": 1, "b": 3, "c": 2},
			critical:  3, path: []string{"b"}, work: 6,
		},
		{
			name: "chain through dependencies",
			resources: []Resource{
				custom(az, "a", ""), custom(az, "b", "", a), custom(az, "c", "", b),
			},
			weights:  map[string]float64{"a": 1, "b": 2, "c": 4},
			critical: 7, path: []string{"a", "b", "c"}, work: 7,
		},
		{
			name: "diamond takes the heavier branch",
			resources: []Resource{
				custom(az, "a", ""), custom(az, "b", "", a), custom(az, "c", "", a), custom(az, "d", "", b, c),
			},
			weights:  map[string]float64{"a": 1, "b": 5, "c": 2, "d": 1},
			critical: 7, path: []string{"a", "b", "d"}, work: 9,
		},
		{
			name: "propertyDependencies are edges too",
			resources: []Resource{
				custom(az, "a", ""), custom(az, "b", ""),
				{URN: c, Type: az, Custom: true, PropertyDependencies: map[string][]string{"x": {b}, "y": nil}},
			},
			weights:  map[string]float64{"a": 4, "b": 3, "c": 2},
			critical: 5, path: []string{"b", "c"}, work: 9,
		},
		{
			name: "a dependency on a component waits for all its descendants, transitively",
			resources: []Resource{
				component(stack, "st", ""),
				component(comp, "ml", stackURN),
				custom(az, "a", compURN),
				component(comp, "inner", compURN),
				custom(az, "b", urn(comp, "inner")),
				custom(az, "d", stackURN, compURN),
			},
			weights:  map[string]float64{"a": 1, "b": 6, "d": 2},
			critical: 8, path: []string{"b", "d"}, work: 9,
		},
		{
			name: "a child depending on its own parent component does not wait for itself",
			resources: []Resource{
				component(comp, "ml", ""),
				custom(az, "a", compURN),
				custom(az, "b", compURN, compURN),
			},
			weights:  map[string]float64{"a": 2, "b": 1},
			critical: 3, path: []string{"a", "b"}, work: 3,
		},
		{
			name: "weightless resources pass the chain on but do not start or end it",
			resources: []Resource{
				custom("pulumi:providers:azure-native", "prov", ""),
				custom(az, "a", "", urn("pulumi:providers:azure-native", "prov")),
				custom("random:index:RandomString", "r", "", a),
				custom(az, "b", "", urn("random:index:RandomString", "r")),
				component(comp, "ml", "", b),
			},
			weights:  map[string]float64{"a": 1, "b": 2},
			critical: 3, path: []string{"a", "r", "b"}, work: 3,
		},
		{
			name: "ties pick the smaller URN",
			resources: []Resource{
				custom(az, "b", ""), custom(az, "a", ""), custom(az, "d", "", a, b),
			},
			weights:  map[string]float64{"a": 1, "b": 1, "d": 1},
			critical: 2, path: []string{"a", "d"}, work: 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := NewGraph(tt.resources, byName(tt.weights))
			require.NoError(t, err)
			critical, path := g.CriticalPath()
			assert.InDelta(t, tt.critical, critical, 1e-9)
			assert.Equal(t, tt.path, names(path))
			assert.InDelta(t, tt.work, g.TotalWork(), 1e-9)
			assert.Equal(t, len(tt.resources), g.Len())
		})
	}
}

func TestNewGraphExpandsAndDeduplicatesDependencies(t *testing.T) {
	compURN := urn(comp, "ml")
	a, b := urn(az, "a"), urn(az, "b")
	resources := []Resource{
		component(comp, "ml", ""),
		custom(az, "a", compURN),
		custom(az, "b", compURN),
		{URN: urn(az, "c"), Type: az, Custom: true, Dependencies: []string{b, compURN, a},
			PropertyDependencies: map[string][]string{"p": {a, b}}},
	}
	g, err := NewGraph(resources, byName(nil))
	require.NoError(t, err)
	assert.Equal(t, []string{a, b}, g.nodes[urn(az, "c")].Deps)
	assert.Empty(t, g.nodes[compURN].Deps)
}

func TestNewGraphErrors(t *testing.T) {
	a, b := urn(az, "a"), urn(az, "b")
	tests := []struct {
		name      string
		resources []Resource
		weight    func(Resource) float64
		wantErr   string
	}{
		{"unknown dependency", []Resource{custom(az, "a", "", urn(az, "ghost"))}, byName(nil), "not in the state"},
		{"unknown property dependency", []Resource{{URN: a, Type: az, Custom: true,
			PropertyDependencies: map[string][]string{"x": {b}}}}, byName(nil), "not in the state"},
		{"duplicate URN", []Resource{custom(az, "a", ""), custom(az, "a", "")}, byName(nil), "duplicate resource"},
		{"cycle", []Resource{custom(az, "a", "", b), custom(az, "b", "", a), custom(az, "c", "")}, byName(nil),
			"dependency cycle among " + a + ", " + b},
		{"cycle through a component", []Resource{
			component(comp, "ml", ""), custom(az, "a", urn(comp, "ml"), b), custom(az, "b", "", urn(comp, "ml")),
		}, byName(nil), "dependency cycle"},
		{"negative weight", []Resource{custom(az, "a", "")}, func(Resource) float64 { return -1 }, "invalid weight"},
		{"NaN weight", []Resource{custom(az, "a", "")}, func(Resource) float64 { return math.NaN() }, "invalid weight"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewGraph(tt.resources, tt.weight)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

func TestAzureMinutes(t *testing.T) {
	tests := []struct {
		name string
		r    Resource
		want float64
	}{
		{"azure-native custom resource", custom("azure-native:network:PrivateEndpoint", "pe", ""),
			azurestandin.TypicalMinutes("azure-native:network:PrivateEndpoint")},
		{"azure-native type without a figure", custom("azure-native:network:Unlisted", "x", ""),
			azurestandin.TypicalMinutes("azure-native:network:Unlisted")},
		{"azure-native provider", custom("pulumi:providers:azure-native", "default_2_90_0", ""), 0},
		{"our provider", custom("pulumi:providers:secureml", "default", ""), 0},
		{"component", component(comp, "ml", ""), 0},
		{"stack", component(stack, "st", ""), 0},
		{"not custom though azure-native typed", component("azure-native:network:VirtualNetwork", "v", ""), 0},
		{"other package", custom("random:index:RandomString", "r", ""), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, AzureMinutes(tt.r))
		})
	}
	assert.Positive(t, AzureMinutes(custom("azure-native:network:VirtualNetwork", "v", "")))
}

func TestBound(t *testing.T) {
	tests := []struct {
		name              string
		b                 Bound
		workPerP, minutes float64
		limit             string
	}{
		{"critical path dominates", Bound{Critical: 2.45, Work: 18.55, P: 8}, 2.31875, 2.45, "critical path"},
		{"work dominates with one worker", Bound{Critical: 2.45, Work: 18.55, P: 1}, 18.55, 18.55, "work / P"},
		{"equal terms name the critical path", Bound{Critical: 2, Work: 8, P: 4}, 2, 2, "critical path"},
		{"nothing to do", Bound{P: 8}, 0, 0, "critical path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.workPerP, tt.b.WorkPerP(), 1e-9)
			assert.InDelta(t, tt.minutes, tt.b.Minutes(), 1e-9)
			assert.Equal(t, tt.limit, tt.b.Limit())
		})
	}
}

func TestDefaultParallelism(t *testing.T) {
	tests := []struct {
		name       string
		env        string
		gomaxprocs int
		want       int
		source     string
	}{
		{"unset: 4 × GOMAXPROCS", "", 2, 8, "PULUMI_PARALLEL not set"},
		{"unset, one CPU", "", 1, 4, "4 × GOMAXPROCS (1)"},
		{"set", "3", 2, 3, "PULUMI_PARALLEL=3"},
		{"one", "1", 16, 1, "PULUMI_PARALLEL=1"},
		{"zero is ignored", "0", 2, 8, "ignored"},
		{"negative is ignored", "-5", 2, 8, "ignored"},
		{"not a number is ignored", "lots", 2, 8, "ignored"},
		{"spaces are not trimmed, as in the engine", " 3", 2, 8, "ignored"},
		{"huge is capped: unbounded", "99999999999", 2, math.MaxInt32, "unbounded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string {
				if k == "PULUMI_PARALLEL" {
					return tt.env
				}
				return ""
			}
			p, source := DefaultParallelism(getenv, tt.gomaxprocs)
			assert.Equal(t, tt.want, p)
			assert.Contains(t, source, tt.source)
		})
	}
}

func TestMedian(t *testing.T) {
	s := time.Second
	tests := []struct {
		name string
		in   []time.Duration
		want time.Duration
	}{
		{"none", nil, 0},
		{"one", []time.Duration{3 * s}, 3 * s},
		{"odd, unsorted", []time.Duration{5 * s, 1 * s, 3 * s}, 3 * s},
		{"even: mean of the middle two", []time.Duration{4 * s, 1 * s, 2 * s, 9 * s}, 3 * s},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]time.Duration(nil), tt.in...)
			assert.Equal(t, tt.want, Median(tt.in))
			assert.Equal(t, in, tt.in, "the input must not be reordered")
		})
	}
}

func TestWallTimeAndSimulatedMinutes(t *testing.T) {
	tests := []struct {
		minutes, scale float64
		wall           time.Duration
	}{
		{2.45, 0.02, 2940 * time.Millisecond},
		{1, 1, time.Minute},
		{45, 0.001, 2700 * time.Millisecond}, // the stand-in README's VPN gateway example
	}
	for _, tt := range tests {
		assert.InDelta(t, tt.wall.Seconds(), WallTime(tt.minutes, tt.scale).Seconds(), 1e-6)
		assert.InDelta(t, tt.minutes, SimulatedMinutes(tt.wall, tt.scale), 1e-6)
	}
}

func TestParseExport(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Resource
		wantErr string
	}{
		{"resources", `{"version":3,"deployment":{"resources":[
			{"urn":"u1","type":"pulumi:pulumi:Stack","custom":false},
			{"urn":"u2","type":"azure-native:network:Subnet","custom":true,"parent":"u1",
			 "dependencies":["u3"],"propertyDependencies":{"networkSecurityGroup":["u3"]}}]}}`,
			[]Resource{
				{URN: "u1", Type: "pulumi:pulumi:Stack"},
				{URN: "u2", Type: "azure-native:network:Subnet", Custom: true, Parent: "u1",
					Dependencies: []string{"u3"}, PropertyDependencies: map[string][]string{"networkSecurityGroup": {"u3"}}},
			}, ""},
		{"empty stack", `{"version":3,"deployment":{"manifest":{}}}`, nil, ""},
		{"no deployment", `{"version":3}`, nil, "no \"deployment\""},
		{"not JSON", `warning: something`, nil, "parse stack export"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseExport([]byte(tt.in))
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestRecordedDefaultState runs the graph code on the state that 0.1.0 wrote for the benchmark's default
// program (tests/upgrade/fixtures), with the weights written out here so that the test pins the graph
// semantics, not the stand-in's figures: NSG, then the three subnets (each waits for the previous one),
// the endpoint and its DNS zone group.
func TestRecordedDefaultState(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "upgrade", "fixtures", "0.1.0", "all-services-default.json"))
	require.NoError(t, err)
	resources, err := ParseExport(data)
	require.NoError(t, err)
	minutes := map[string]float64{
		"VirtualNetwork": 0.1, "Subnet": 0.25, "NetworkSecurityGroup": 0.2, "PrivateZone": 0.6,
		"VirtualNetworkLink": 1, "PrivateEndpoint": 1, "PrivateDnsZoneGroup": 0.5,
	}
	weight := func(r Resource) float64 {
		if !r.Custom || !strings.HasPrefix(r.Type, "azure-native:") {
			return 0
		}
		m, ok := minutes[r.Type[strings.LastIndex(r.Type, ":")+1:]]
		require.True(t, ok, r.Type)
		return m
	}
	g, err := NewGraph(resources, weight)
	require.NoError(t, err)
	assert.Equal(t, 33, g.Len())
	assert.Equal(t, 29, g.Weighted())
	critical, path := g.CriticalPath()
	assert.InDelta(t, 0.2+3*0.25+1+0.5, critical, 1e-9)
	assert.Equal(t, []string{"ml-training-nsg", "ml-training-subnet", "ml-scoring-subnet", "ml-privateEndpoints-subnet",
		"ml-containerRegistry-pe", "ml-containerRegistry-dns"}, names(path))
	assert.InDelta(t, 0.1+3*0.25+3*0.2+6*0.6+6*1+5*1+5*0.5, g.TotalWork(), 1e-9)
}
