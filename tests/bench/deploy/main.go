// Command deploy benchmarks a simulated `pulumi up` of a SecureMLNetwork program through the built
// Pulumi CLI against the offline Azure stand-in (a test double: nothing is deployed; it sleeps a scaled
// "typical Azure minutes" per create). It prints the wall times next to a lower bound computed from the
// deployment's dependency graph. Run it with `make bench-deploy`; see README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"
)

type config struct {
	program  string
	scale    float64
	runs     int
	baseRuns int
	pulumi   string
	provider string
	standin  string
	timeout  time.Duration
}

func main() {
	var cfg config
	flag.StringVar(&cfg.program, "program", "tests/upgrade/programs/all-services-default", "Pulumi YAML project folder to deploy")
	flag.Float64Var(&cfg.scale, "scale", 0.2, "stand-in time scale: each create sleeps typical Azure minutes × 60 s × scale")
	flag.IntVar(&cfg.runs, "runs", 3, "number of timed runs")
	flag.IntVar(&cfg.baseRuns, "overhead-runs", 1, "number of scale-0 runs measuring the engine overhead (their median is used)")
	flag.StringVar(&cfg.pulumi, "pulumi", os.Getenv("SECUREML_PULUMI"), "Pulumi CLI (default $SECUREML_PULUMI)")
	flag.DurationVar(&cfg.timeout, "timeout", 20*time.Minute, "give up after this long")
	flag.Parse()
	cfg.provider = os.Getenv("SECUREML_PROVIDER")
	cfg.standin = os.Getenv("SECUREML_STANDIN")

	if err := run(cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench-deploy:", err)
		os.Exit(1)
	}
}

// result is everything the report prints.
type result struct {
	cfg       config
	overheads []time.Duration // scale-0 ups
	overhead  time.Duration   // their median
	walls     []time.Duration // timed ups
	graph     *Graph
	bound     Bound
	pSource   string
	crit      []*Node
	unchanged bool // every run exported the same graph figures
}

func run(cfg config, out io.Writer) error {
	if cfg.runs < 1 || cfg.baseRuns < 1 {
		return errors.New("-runs and -overhead-runs must be at least 1")
	}
	if cfg.scale <= 0 {
		return errors.New("-scale must be positive (use the scale-0 overhead run for the engine alone)")
	}
	d, err := newDriver(cfg.pulumi, cfg.provider, cfg.standin, cfg.program)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), cfg.timeout)
	defer cancel()

	res := result{cfg: cfg, unchanged: true}
	res.bound.P, res.pSource = DefaultParallelism(os.Getenv, runtime.GOMAXPROCS(0))

	fmt.Fprintf(out, "bench-deploy: %s, scale %g, P %d, timed runs %d (offline stand-in, nothing is deployed)\n",
		cfg.program, cfg.scale, res.bound.P, cfg.runs)
	for i := range cfg.baseRuns {
		fmt.Fprintf(out, "  overhead run %d/%d (scale 0) ... ", i+1, cfg.baseRuns)
		dep, err := d.deploy(ctx, 0)
		if err != nil {
			fmt.Fprintln(out, "failed")
			return err
		}
		fmt.Fprintf(out, "%.2f s\n", dep.wall.Seconds())
		res.overheads = append(res.overheads, dep.wall)
		if err := res.addGraph(dep.export); err != nil {
			return err
		}
	}
	res.overhead = Median(res.overheads)
	for i := range cfg.runs {
		fmt.Fprintf(out, "  run %d/%d ... ", i+1, cfg.runs)
		dep, err := d.deploy(ctx, cfg.scale)
		if err != nil {
			fmt.Fprintln(out, "failed")
			return err
		}
		fmt.Fprintf(out, "%.2f s\n", dep.wall.Seconds())
		res.walls = append(res.walls, dep.wall)
		if err := res.addGraph(dep.export); err != nil {
			return err
		}
	}
	res.report(out)
	return nil
}

// addGraph computes the bound from one run's exported state; later runs must give the same figures.
func (r *result) addGraph(export []byte) error {
	resources, err := ParseExport(export)
	if err != nil {
		return err
	}
	g, err := NewGraph(resources, AzureMinutes)
	if err != nil {
		return err
	}
	critical, path := g.CriticalPath()
	if r.graph != nil && (g.Len() != r.graph.Len() || critical != r.bound.Critical || g.TotalWork() != r.bound.Work) {
		r.unchanged = false
	}
	r.graph, r.crit = g, path
	r.bound.Critical, r.bound.Work = critical, g.TotalWork()
	return nil
}

func (r *result) report(out io.Writer) {
	scale := r.cfg.scale
	sec := func(minutes float64) float64 { return WallTime(minutes, scale).Seconds() }
	median := Median(r.walls)
	boundSec := sec(r.bound.Minutes())

	p := func(format string, a ...any) { fmt.Fprintf(out, format+"\n", a...) }
	p("")
	p("== Simulated pulumi up against the offline Azure stand-in (a test double; nothing is deployed) ==")
	p("program      %s (%d resources in the state, %d azure-native with simulated create time)", r.cfg.program, r.graph.Len(), r.graph.Weighted())
	p("scale        %g: 1 simulated Azure minute = %.2f s wall", scale, sec(1))
	p("parallelism  P = %d (%s)", r.bound.P, r.pSource)
	p("")
	p("%-14s %10s %18s", "pulumi up", "wall (s)", "simulated Azure min")
	for i, w := range r.walls {
		p("%-14s %10.2f %18.2f", fmt.Sprintf("run %d", i+1), w.Seconds(), SimulatedMinutes(w, scale))
	}
	p("%-14s %10.2f %18.2f", "median", median.Seconds(), SimulatedMinutes(median, scale))
	for i, w := range r.overheads {
		if len(r.overheads) > 1 {
			p("%-14s %10.2f", fmt.Sprintf("scale 0 run %d", i+1), w.Seconds())
		}
	}
	label := "scale 0"
	if len(r.overheads) > 1 {
		label = "scale 0 median"
	}
	p("%-14s %10.2f %18s", label, r.overhead.Seconds(), "(engine overhead)")
	p("")
	p("Lower bound from the dependency graph (weights: azurestandin.TypicalMinutes per azure-native create)")
	p("critical path  %6.2f min = %6.2f s", r.bound.Critical, sec(r.bound.Critical))
	finish := 0.0
	for _, n := range r.crit {
		finish += n.Weight
		p("  %5.2f -> %5.2f  %-45s %s", finish-n.Weight, finish, n.Name(), n.Type)
	}
	p("total work     %6.2f min = %6.2f s", r.bound.Work, sec(r.bound.Work))
	p("work / P       %6.2f min = %6.2f s (P = %d)", r.bound.WorkPerP(), sec(r.bound.WorkPerP()), r.bound.P)
	p("bound          %6.2f min = %6.2f s (max of critical path and work / P: %s)", r.bound.Minutes(), boundSec, r.bound.Limit())
	p("")
	p("median / bound                      %.2f", median.Seconds()/boundSec)
	p("(median - scale-0 overhead) / bound %.2f  (%.2f s - %.2f s, for transparency)",
		(median-r.overhead).Seconds()/boundSec, median.Seconds(), r.overhead.Seconds())
	if !r.unchanged {
		p("warning: the runs exported different graphs; the bound above is from the last run")
	}
}
