package main

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/secureml/pulumi-secureml/tests/azurestandin"
)

// Resource is the part of a resource in `pulumi stack export` output that the bound needs.
type Resource struct {
	URN                  string              `json:"urn"`
	Type                 string              `json:"type"`
	Custom               bool                `json:"custom"`
	Parent               string              `json:"parent,omitempty"`
	Dependencies         []string            `json:"dependencies,omitempty"`
	PropertyDependencies map[string][]string `json:"propertyDependencies,omitempty"`
}

// Name is the resource's name: the part of its URN after the last "::".
func (r Resource) Name() string {
	if i := strings.LastIndex(r.URN, "::"); i >= 0 {
		return r.URN[i+2:]
	}
	return r.URN
}

// ParseExport reads the resources of a `pulumi stack export` document ({"deployment":{"resources":[…]}}).
func ParseExport(data []byte) ([]Resource, error) {
	var doc struct {
		Deployment *struct {
			Resources []Resource `json:"resources"`
		} `json:"deployment"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("parse stack export: %w", err)
	}
	if doc.Deployment == nil {
		return nil, fmt.Errorf("parse stack export: no \"deployment\" object")
	}
	return doc.Deployment.Resources, nil
}

// AzureMinutes weights a resource with the stand-in's typical Azure create time: custom resources whose
// type starts with "azure-native:" (the provider resources are "pulumi:providers:azure-native" and weigh
// nothing), 0 for everything else (the stack, components, providers, other packages).
func AzureMinutes(r Resource) float64 {
	if r.Custom && strings.HasPrefix(r.Type, "azure-native:") {
		return azurestandin.TypicalMinutes(r.Type)
	}
	return 0
}

// Node is a resource of the graph with its weight (simulated minutes) and the URNs it waits for, with
// dependencies on component resources expanded to the component's descendants.
type Node struct {
	Resource
	Weight float64
	Deps   []string
}

// Graph is the dependency graph of a deployment; edges point from a resource to what it waits for.
type Graph struct {
	nodes map[string]*Node
	topo  []*Node // dependencies before dependents; ties in URN order
}

// NewGraph builds the graph. A resource depends on every URN in its dependencies and in its
// propertyDependencies values. A dependency on a resource that is not custom (a component, the stack)
// is a dependency on all of its descendants by parent, transitively, as the Pulumi SDKs expand it; the
// resource itself is left out of that expansion when it is one of those descendants. Unknown URNs,
// duplicate URNs and cycles are errors.
func NewGraph(resources []Resource, weight func(Resource) float64) (*Graph, error) {
	g := &Graph{nodes: make(map[string]*Node, len(resources))}
	children := map[string][]string{}
	for _, r := range resources {
		if _, dup := g.nodes[r.URN]; dup {
			return nil, fmt.Errorf("duplicate resource %s", r.URN)
		}
		w := weight(r)
		if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("resource %s has invalid weight %v", r.URN, w)
		}
		g.nodes[r.URN] = &Node{Resource: r, Weight: w}
		if r.Parent != "" {
			children[r.Parent] = append(children[r.Parent], r.URN)
		}
	}
	for _, n := range g.nodes {
		deps := map[string]bool{}
		direct := slices.Clone(n.Dependencies)
		for _, urns := range n.PropertyDependencies {
			direct = append(direct, urns...)
		}
		for _, urn := range direct {
			target, ok := g.nodes[urn]
			if !ok {
				return nil, fmt.Errorf("%s depends on %s, which is not in the state", n.URN, urn)
			}
			if target.Custom {
				deps[urn] = true
				continue
			}
			// Depending on a component means depending on every descendant of it.
			stack := slices.Clone(children[urn])
			for len(stack) > 0 {
				d := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if d == n.URN {
					continue
				}
				deps[d] = true
				stack = append(stack, children[d]...)
			}
		}
		delete(deps, n.URN)
		n.Deps = slices.Sorted(func(yield func(string) bool) {
			for d := range deps {
				if !yield(d) {
					return
				}
			}
		})
	}
	if err := g.sort(); err != nil {
		return nil, err
	}
	return g, nil
}

// sort orders the nodes topologically (Kahn's algorithm, ready nodes taken in URN order) or reports a cycle.
func (g *Graph) sort() error {
	waiting := map[string]int{}
	dependents := map[string][]string{}
	for urn, n := range g.nodes {
		waiting[urn] = len(n.Deps)
		for _, d := range n.Deps {
			dependents[d] = append(dependents[d], urn)
		}
	}
	var ready []string
	for urn, w := range waiting {
		if w == 0 {
			ready = append(ready, urn)
		}
	}
	for len(ready) > 0 {
		sort.Strings(ready)
		urn := ready[0]
		ready = ready[1:]
		g.topo = append(g.topo, g.nodes[urn])
		for _, d := range dependents[urn] {
			if waiting[d]--; waiting[d] == 0 {
				ready = append(ready, d)
			}
		}
	}
	if len(g.topo) != len(g.nodes) {
		var cyclic []string
		for urn, w := range waiting {
			if w > 0 {
				cyclic = append(cyclic, urn)
			}
		}
		sort.Strings(cyclic)
		return fmt.Errorf("dependency cycle among %s", strings.Join(cyclic, ", "))
	}
	return nil
}

// Len is the number of resources in the graph.
func (g *Graph) Len() int { return len(g.nodes) }

// Weighted counts the resources with a positive weight.
func (g *Graph) Weighted() int {
	count := 0
	for _, n := range g.nodes {
		if n.Weight > 0 {
			count++
		}
	}
	return count
}

// TotalWork is the sum of the weights.
func (g *Graph) TotalWork() float64 {
	total := 0.0
	for _, n := range g.topo {
		total += n.Weight
	}
	return total
}

// CriticalPath returns the length of the longest weighted path (the sum of the weights of its nodes) and
// its nodes, first dependency first. Predecessors that finish at 0 are left out of the path; ties
// prefer the heavier end node, then the smaller URN (and the smaller URN among predecessors), so the
// path does not end in a weightless node when a weighted one finishes at the same time.
func (g *Graph) CriticalPath() (float64, []*Node) {
	finish := map[string]float64{}
	via := map[string]string{}
	for _, n := range g.topo {
		start := 0.0
		for _, d := range n.Deps { // sorted, so ties pick the smallest URN
			if finish[d] > start { // a predecessor that finishes at 0 adds nothing to the path
				start, via[n.URN] = finish[d], d
			}
		}
		finish[n.URN] = start + n.Weight
	}
	var end *Node
	for _, n := range g.topo {
		if end == nil || finish[n.URN] > finish[end.URN] ||
			(finish[n.URN] == finish[end.URN] && (n.Weight > end.Weight || (n.Weight == end.Weight && n.URN < end.URN))) {
			end = n
		}
	}
	if end == nil {
		return 0, nil
	}
	var path []*Node
	for urn := end.URN; urn != ""; urn = via[urn] {
		path = append(path, g.nodes[urn])
	}
	slices.Reverse(path)
	return finish[end.URN], path
}

// Bound is the lower bound on the simulated time of a deployment run with P parallel workers.
type Bound struct {
	Critical float64 // minutes, longest weighted path
	Work     float64 // minutes, sum of the weights
	P        int
}

// WorkPerP is total work divided by the number of workers.
func (b Bound) WorkPerP() float64 { return b.Work / float64(b.P) }

// Minutes is max(critical path, work / P): no schedule is shorter than its longest chain, and P workers
// cannot finish the work faster than sharing it perfectly.
func (b Bound) Minutes() float64 { return math.Max(b.Critical, b.WorkPerP()) }

// Limit names the term that sets the bound.
func (b Bound) Limit() string {
	if b.Critical >= b.WorkPerP() {
		return "critical path"
	}
	return "work / P"
}

// maxParallel mirrors the engine's cap on --parallel; that value means unbounded parallelism.
const maxParallel = math.MaxInt32

// DefaultParallelism returns the P the engine uses for `pulumi up` without --parallel, as defaultParallel()
// in pkg/cmd/pulumi/operations/up.go of Pulumi v3.274.1 computes it: PULUMI_PARALLEL when it parses as a
// positive integer (capped at MaxInt32), else 4 × GOMAXPROCS; and at least 1, as the step executor
// never runs fewer workers. The second result says where it came from.
func DefaultParallelism(getenv func(string) string, gomaxprocs int) (int, string) {
	raw := getenv("PULUMI_PARALLEL")
	if p, err := strconv.ParseInt(raw, 10, 64); err == nil && p > 0 {
		if p >= maxParallel {
			return maxParallel, fmt.Sprintf("PULUMI_PARALLEL=%s, capped at %d: unbounded", raw, maxParallel)
		}
		return int(p), fmt.Sprintf("PULUMI_PARALLEL=%s", raw)
	}
	p := max(4*gomaxprocs, 1)
	source := fmt.Sprintf("engine default 4 × GOMAXPROCS (%d); PULUMI_PARALLEL not set", gomaxprocs)
	if raw != "" {
		source = fmt.Sprintf("engine default 4 × GOMAXPROCS (%d); PULUMI_PARALLEL=%q ignored, not a positive integer", gomaxprocs, raw)
	}
	return p, source
}

// WallTime converts simulated Azure minutes to the wall time the stand-in sleeps at scale.
func WallTime(minutes, scale float64) time.Duration {
	return time.Duration(minutes * scale * float64(time.Minute))
}

// SimulatedMinutes converts a wall time at scale back to simulated Azure minutes.
func SimulatedMinutes(wall time.Duration, scale float64) float64 {
	return wall.Minutes() / scale
}

// Median of the durations (mean of the middle two for an even count); 0 for none.
func Median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(ds))
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return s[mid]
	}
	return (s[mid-1] + s[mid]) / 2
}
