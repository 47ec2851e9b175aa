//go:build e2e

package e2e

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/events"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/secureml/pulumi-secureml/policy"
	"github.com/secureml/pulumi-secureml/tests/e2e/policy-fixtures/egresscompute"
	"github.com/secureml/pulumi-secureml/tests/e2e/policy-fixtures/fixture"
	"github.com/secureml/pulumi-secureml/tests/e2e/policy-fixtures/hybridinsecure"
	"github.com/secureml/pulumi-secureml/tests/e2e/policy-fixtures/opennetwork"
	"github.com/secureml/pulumi-secureml/tests/e2e/policy-fixtures/publicservices"
	"github.com/secureml/pulumi-secureml/tests/e2e/policy-fixtures/wrongdns"
)

// The security policy pack (policy/, built by `make policy`) run the way users run it:
// `pulumi preview --policy-pack <binary>`. Every example and stack template must preview with no
// violation at all, mandatory or advisory; each insecure fixture must show exactly the violations it
// expects. `make policy-check` runs these tests alone.

// policyPack returns the path of the built pack.
func policyPack(t *testing.T) string {
	t.Helper()
	pack := os.Getenv("SECUREML_POLICY_PACK")
	require.NotEmpty(t, pack, "SECUREML_POLICY_PACK is not set; run through `make policy-check` or `make test-e2e`")
	_, err := os.Stat(pack)
	require.NoError(t, err, "the policy pack is not built; run `make policy`")
	return pack
}

// policyViolation is one violation the engine reported.
type policyViolation struct {
	policy, level, urn, message string
}

// resourceName is the Pulumi name at the end of the violation's URN.
func (v policyViolation) resourceName() string {
	return v.urn[strings.LastIndex(v.urn, "::")+2:]
}

func (v policyViolation) String() string {
	return fmt.Sprintf("[%s] %s on %s: %s", v.level, v.policy, v.resourceName(), strings.TrimSpace(v.message))
}

// policyReport is what the pack did in one preview, read from the engine's events.
type policyReport struct {
	mu         sync.Mutex
	loaded     bool              // the engine loaded the secureml pack
	previewed  map[string]string // URN to type of every resource the preview registered
	analyzed   map[string]bool   // URNs the pack's resource checks ran on
	stackRan   bool              // the pack's stack checks ran
	violations []policyViolation
}

func newPolicyReport() *policyReport {
	return &policyReport{previewed: map[string]string{}, analyzed: map[string]bool{}}
}

func (r *policyReport) add(e apitype.EngineEvent) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case e.PolicyLoadEvent != nil:
		r.loaded = true
	case e.ResourcePreEvent != nil:
		r.previewed[e.ResourcePreEvent.Metadata.URN] = e.ResourcePreEvent.Metadata.Type
	case e.PolicyAnalyzeSummaryEvent != nil && e.PolicyAnalyzeSummaryEvent.PolicyPackName == policy.PackName:
		r.analyzed[e.PolicyAnalyzeSummaryEvent.ResourceURN] = true
	case e.PolicyAnalyzeStackSummaryEvent != nil && e.PolicyAnalyzeStackSummaryEvent.PolicyPackName == policy.PackName:
		r.stackRan = true
	case e.PolicyEvent != nil && e.PolicyEvent.PolicyPackName == policy.PackName:
		p := e.PolicyEvent
		r.violations = append(r.violations, policyViolation{
			policy: p.PolicyName, level: p.EnforcementLevel, urn: p.ResourceURN, message: p.Message,
		})
	}
}

// readEventLog reads an event log written by `pulumi preview --event-log`.
func (r *policyReport) readEventLog(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	scanner := bufio.NewScanner(f)
	scanner.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for scanner.Scan() {
		var e apitype.EngineEvent
		require.NoError(t, json.Unmarshal(scanner.Bytes(), &e), "event log line: %s", scanner.Text())
		r.add(e)
	}
	require.NoError(t, scanner.Err())
}

// pairs returns the violations as "policy on resource", sorted.
func (r *policyReport) pairs() []string {
	out := make([]string, 0, len(r.violations))
	for _, v := range r.violations {
		out = append(out, v.policy+" on "+v.resourceName())
	}
	sort.Strings(out)
	return out
}

func (r *policyReport) describe() string {
	lines := make([]string, 0, len(r.violations))
	for _, v := range r.violations {
		lines = append(lines, v.String())
	}
	return strings.Join(lines, "\n")
}

// writePolicyConfig writes a policy pack config file and returns its path ("" for none).
func writePolicyConfig(t *testing.T, dir string, config map[string]any) string {
	t.Helper()
	if config == nil {
		return ""
	}
	data, err := json.Marshal(config)
	require.NoError(t, err)
	path := filepath.Join(dir, "policy-config.json")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	return path
}

// previewWithPack runs `pulumi preview --policy-pack <pack>` with the CLI in the project folder, as
// a user or the CI workflow does, and reads what the pack reported from the engine's event log (the
// CLI writes it with --event-log, which it offers when PULUMI_DEBUG_COMMANDS is set). It returns the
// CLI's output and error: a mandatory violation fails the preview.
func previewWithPack(t *testing.T, d cliDriver, pack string) (*policyReport, string, error) {
	t.Helper()
	eventLog := filepath.Join(d.env.dir, "policy-events.jsonl")
	_ = os.Remove(eventLog)
	cmd := exec.CommandContext(t.Context(), "pulumi", "preview", "--policy-pack", pack, "--event-log", eventLog)
	cmd.Dir = d.dir
	cmd.Env = append(d.env.environ(), "PULUMI_DEBUG_COMMANDS=true")
	out, err := cmd.CombinedOutput()
	report := newPolicyReport()
	if _, statErr := os.Stat(eventLog); statErr == nil {
		report.readEventLog(t, eventLog)
	}
	return report, string(out), err
}

// assertClean asserts that the pack ran on every azure-native resource the preview registered, on
// every child in expected (a golden list) and on the stack, and reported nothing.
func assertClean(t *testing.T, report *policyReport, out string, err error, expected []string) {
	t.Helper()
	require.NoError(t, err, "pulumi preview --policy-pack:\n%s", out)
	require.True(t, report.loaded, "the engine did not load the policy pack:\n%s", out)
	assert.True(t, report.stackRan, "the pack's stack checks did not run")
	azure := 0
	for urn, typ := range report.previewed {
		if strings.HasPrefix(typ, "azure-native:") {
			azure++
			assert.True(t, report.analyzed[urn], "the pack did not analyze %s", urn)
		}
	}
	assert.Positive(t, azure, "the preview registered no azure-native resource")
	for _, urn := range expected {
		assert.True(t, report.analyzed[urn], "the pack did not analyze %s", urn)
	}
	assert.Empty(t, report.violations, "violations:\n%s", report.describe())
	t.Logf("policy: %d resources analyzed, stack checks run, %d violations", len(report.analyzed), len(report.violations))
}

// policyProject is an example or template to preview with the pack.
type policyProject struct {
	language string // yaml, nodejs, python or go: how the project is installed and run
	source   string
	project  string // the project name in Pulumi.yaml
	golden   string // the component tests' golden child list the preview must contain
	config   map[string]string
	secrets  map[string]string
}

// TestPolicyExamples previews every example in its folder with the CLI and the project's own
// language host, with the pack: no violation.
func TestPolicyExamples(t *testing.T) {
	t.Parallel()
	pack := policyPack(t)
	examples := map[string]policyProject{
		"yaml":          {"yaml", exampleDir("yaml"), "secureml-yaml", "all-services-default.txt", serviceConfig, nil},
		"hybrid-yaml":   {"yaml", exampleDir("hybrid-yaml"), "secureml-hybrid-yaml", "hybrid-all-ways-in.txt", hybridConfig, hybridSecrets},
		"go":            {"go", exampleDir("go"), "secureml-go", "all-services-default.txt", serviceConfig, nil},
		"nodejs":        {"nodejs", exampleDir("nodejs"), "secureml-nodejs", "all-services-default.txt", serviceConfig, nil},
		"python":        {"python", exampleDir("python"), "secureml-python", "all-services-default.txt", serviceConfig, nil},
		"hybrid-nodejs": {"nodejs", exampleDir("hybrid-nodejs"), "secureml-hybrid-nodejs", "hybrid-all-ways-in.txt", hybridConfig, hybridSecrets},
	}
	for name, p := range examples {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := newHermeticEnv(t)
			d := folderProject(t, env, p.language, p.source, "e2e", p.config)
			if p.secrets != nil {
				d.setConfig(t, p.secrets, true)
			}
			report, out, err := previewWithPack(t, d, pack)
			assertClean(t, report, out, err, expectedURNs(t, p.golden, "e2e", p.project))
		})
	}
}

// TestPolicyHubAndSpoke previews the hub-and-spoke example's hub with the pack, brings it up against
// the stand-in (the spoke reads its outputs through a stack reference), then previews the spoke with
// the pack, in YAML and TypeScript: no violation in either stack.
func TestPolicyHubAndSpoke(t *testing.T) {
	t.Parallel()
	pack := policyPack(t)
	for folder, p := range hubAndSpokeProjects {
		t.Run(folder, func(t *testing.T) {
			t.Parallel()
			source := filepath.Join("..", "..", "examples", "hub-and-spoke", folder)
			hubEnv := newHermeticEnv(t)
			hub := folderProject(t, hubEnv, p.language, filepath.Join(source, "hub"), "e2e", hubAndSpokeHubConfig())
			report, out, err := previewWithPack(t, hub, pack)
			assertClean(t, report, out, err, expectedComponentURNs(t, "hub-and-spoke-hub.txt", "e2e", p.hub, "hub"))
			_, err = hub.pulumi(t, "up", "--yes", "--suppress-progress")
			require.NoError(t, err)

			spoke := folderProject(t, sharedBackendEnv(t, hubEnv), p.language, filepath.Join(source, "spoke"), "e2e", hubAndSpokeSpokeConfig(p.hub))
			report, out, err = previewWithPack(t, spoke, pack)
			assertClean(t, report, out, err, expectedComponentURNs(t, "hub-and-spoke-spoke.txt", "e2e", p.spoke, "spoke"))
		})
	}
}

// TestPolicyTemplates instantiates every stack template with `pulumi new`, installs and configures it
// as a user does, and previews it with the pack: no violation.
func TestPolicyTemplates(t *testing.T) {
	t.Parallel()
	pack := policyPack(t)
	templates := map[string]string{"yaml": "yaml", "go": "go", "typescript": "nodejs", "python": "python"}
	for name, language := range templates {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			source, err := filepath.Abs(filepath.Join("..", "..", "examples", "templates", name))
			require.NoError(t, err)
			config := map[string]string{}
			for key, prompt := range templateConfig(t, source) {
				config[key] = toString(prompt.Default)
			}
			for key, value := range serviceConfig {
				config[key] = value
			}
			env := newHermeticEnv(t)
			project := "secureml-" + name + "-template"
			generated := filepath.Join(env.dir, "generated")
			run(t, env, env.dir, "pulumi", "new", source, "--generate-only", "--yes", "--dir", generated,
				"--name", project, "--description", "policy check")
			d := folderProject(t, env, language, generated, "e2e", config)
			report, out, err := previewWithPack(t, d, pack)
			assertClean(t, report, out, err, expectedURNs(t, "all-services-default.txt", "e2e", project))
		})
	}
}

// policyFixtures are the insecure programs under policy-fixtures/.
var policyFixtures = map[string]fixture.Fixture{
	"opennetwork":    opennetwork.Fixture,
	"wrongdns":       wrongdns.Fixture,
	"egresscompute":  egresscompute.Fixture,
	"hybridinsecure": hybridinsecure.Fixture,
	"publicservices": publicservices.Fixture,
}

// TestPolicyFixtures previews each insecure fixture (a Go program of raw azure-native resources, run
// as an Automation API inline program against the offline stand-in) with the pack, and asserts
// exactly the violations it expects, by policy and resource, each at its check's enforcement level.
func TestPolicyFixtures(t *testing.T) {
	t.Parallel()
	pack := policyPack(t)
	levels := map[string]string{}
	for _, c := range policy.Checks() {
		levels[c.Name] = c.EnforcementName()
	}
	var mu sync.Mutex
	reported := map[string]bool{}
	t.Run("fixtures", func(t *testing.T) {
		for name, f := range policyFixtures {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				env := newHermeticEnv(t)
				stack, err := auto.UpsertStackInlineSource(t.Context(), "fixture", "policy-"+name, f.Program,
					auto.EnvVars(env.vars))
				require.NoError(t, err)

				opts := []optpreview.Option{optpreview.PolicyPacks(pack)}
				if path := writePolicyConfig(t, env.dir, f.PolicyConfig); path != "" {
					opts = append(opts, optpreview.PolicyPackConfigs(path))
				}
				report := newPolicyReport()
				ch := make(chan events.EngineEvent)
				done := make(chan struct{})
				go func() {
					defer close(done)
					for e := range ch {
						report.add(e.EngineEvent)
					}
				}()
				_, err = stack.Preview(t.Context(), append(opts, optpreview.EventStreams(ch))...)
				<-done

				var want []string
				mandatory := false
				for _, v := range f.Expected {
					want = append(want, v.Policy+" on "+v.Resource)
					mandatory = mandatory || levels[v.Policy] == "mandatory"
				}
				sort.Strings(want)
				require.True(t, report.loaded, "the engine did not load the policy pack: %v", err)
				assert.Equal(t, want, report.pairs(), "violations:\n%s", report.describe())
				for _, v := range report.violations {
					assert.Equal(t, levels[v.policy], v.level, "enforcement level of %s", v)
				}
				if mandatory {
					require.Error(t, err, "a mandatory violation must fail the preview")
					assert.Contains(t, err.Error(), "[mandatory]", "the CLI lists the mandatory violations")
				} else {
					assert.NoError(t, err)
				}
				t.Logf("policy: %s\n%s", name, report.describe())

				mu.Lock()
				for _, v := range f.Expected {
					reported[v.Policy] = true
				}
				mu.Unlock()
			})
		}
	})
	for _, c := range policy.Checks() {
		assert.True(t, reported[c.Name], "no fixture shows a violation of %s", c.Name)
	}
}

// TestPolicyPackListsItsChecks runs the built binary the way docs/policy-pack.md shows.
func TestPolicyPackListsItsChecks(t *testing.T) {
	t.Parallel()
	out, err := exec.CommandContext(t.Context(), policyPack(t), "--checks").Output()
	require.NoError(t, err)
	assert.Equal(t, policy.ChecksTable(), string(out))
	for _, c := range policy.Checks() {
		assert.True(t, slices.ContainsFunc(strings.Split(string(out), "\n"), func(line string) bool {
			return strings.HasPrefix(line, "| `"+c.Name+"` |")
		}), c.Name)
	}
}
