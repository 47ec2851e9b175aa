// Package workflow checks the GitHub Actions workflow shipped in examples/github-actions: that
// actionlint accepts it, and that it keeps the shape its README promises (preview on pull requests,
// `up` on main, Azure login through OIDC with no client secret).
//
// It is a module of its own so that actionlint stays out of the provider's dependencies.
package workflow

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// workflowPath is the example workflow, relative to this package's directory (where go test runs).
var workflowPath = filepath.Join("..", "..", "examples", "github-actions", "pulumi.yml")

// Actions the example uses, pinned by major tag.
const (
	pulumiAction    = "pulumi/actions@v7"
	azureLoginUses  = "azure/login@v2"
	setupGoUses     = "actions/setup-go@v5"
	defaultStackRef = "vars.PULUMI_STACK || 'org/secureml/dev'"
)

// newLinter returns an actionlint linter that prints nothing.
//
// Shellcheck and Pyflakes are left empty on purpose: those checks of `run:` scripts call external
// binaries that this machine (and CI) does not have, and actionlint skips them when no path is given.
// Every other rule runs: syntax, expressions and contexts, `needs`, permissions, runner labels,
// events, and the inputs of actions actionlint knows (azure/login, actions/setup-go, actions/checkout).
//
// Color is left at its default on purpose: asking for "never" writes a package-level variable of the
// color library, which would race between parallel tests.
func newLinter(t *testing.T) *actionlint.Linter {
	t.Helper()
	wd, err := os.Getwd()
	require.NoError(t, err)
	l, err := actionlint.NewLinter(io.Discard, &actionlint.LinterOptions{
		Shellcheck: "",
		Pyflakes:   "",
		WorkingDir: wd,
	})
	require.NoError(t, err)
	return l
}

// describe formats lint errors as file:line:col: message [rule], one per line.
func describe(errs []*actionlint.Error) string {
	lines := make([]string, 0, len(errs))
	for _, e := range errs {
		lines = append(lines, fmt.Sprintf("%s:%d:%d: %s [%s]", e.Filepath, e.Line, e.Column, e.Message, e.Kind))
	}
	return strings.Join(lines, "\n")
}

func TestWorkflowPassesActionlint(t *testing.T) {
	t.Parallel()

	errs, err := newLinter(t).LintFile(workflowPath, nil)
	require.NoError(t, err, "actionlint could not read or check %s", workflowPath)
	if len(errs) > 0 {
		t.Fatalf("actionlint reported %d error(s) in %s:\n%s", len(errs), workflowPath, describe(errs))
	}
}

// TestLintCatchesBrokenWorkflows proves the lint test above can fail: each broken workflow, linted
// from memory the same way, must be reported, and the valid control must not be.
func TestLintCatchesBrokenWorkflows(t *testing.T) {
	t.Parallel()

	const header = "on: push\npermissions:\n  contents: read\njobs:\n"
	cases := []struct {
		name     string
		jobs     string
		wantKind string // rule name actionlint reports; empty for the valid control
		wantMsg  string // part of the message
	}{
		{
			name: "valid control",
			jobs: `  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - run: echo ok
`,
		},
		{
			name: "needs names a missing job",
			jobs: `  deploy:
    needs: [build]
    runs-on: ubuntu-latest
    steps:
      - run: echo deploy
`,
			wantKind: "job-needs",
			wantMsg:  `needs job "build" which does not exist`,
		},
		{
			name: "syntax error in a runs-on expression",
			jobs: `  build:
    runs-on: ${{ github.event_name == }}
    steps:
      - run: echo ok
`,
			wantKind: "expression",
			wantMsg:  "unexpected end of input",
		},
		{
			name: "client secret passed to azure/login",
			jobs: `  login:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@v2
        with:
          client-id: ${{ vars.AZURE_CLIENT_ID }}
          client-secret: ${{ secrets.AZURE_CLIENT_SECRET }}
`,
			wantKind: "action",
			wantMsg:  `input "client-secret" is not defined in action "azure/login@v2"`,
		},
		{
			name: "misspelled permission level",
			jobs: `  build:
    runs-on: ubuntu-latest
    permissions:
      id-token: writ
    steps:
      - run: echo ok
`,
			wantKind: "permissions",
			wantMsg:  `"writ" is invalid as permission of scope "id-token"`,
		},
		{
			name: "undefined context",
			jobs: `  build:
    runs-on: ubuntu-latest
    env:
      TOKEN: ${{ secret.PULUMI_ACCESS_TOKEN }}
    steps:
      - run: echo ok
`,
			wantKind: "expression",
			wantMsg:  `undefined variable "secret"`,
		},
	}

	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()

			src := []byte(header + tc.jobs)
			errs, err := newLinter(t).Lint("broken.yml", src, nil)
			require.NoError(t, err)

			if tc.wantKind == "" {
				assert.Empty(t, errs, "valid control must lint clean:\n%s", describe(errs))
				return
			}
			require.NotEmpty(t, errs, "actionlint accepted a broken workflow:\n%s", src)
			found := slices.ContainsFunc(errs, func(e *actionlint.Error) bool {
				return e.Kind == tc.wantKind && strings.Contains(e.Message, tc.wantMsg)
			})
			assert.True(t, found, "no [%s] error containing %q; got:\n%s", tc.wantKind, tc.wantMsg, describe(errs))
		})
	}
}

// parseWorkflow parses the example with actionlint's parser, which is the tree the lint checks.
func parseWorkflow(t *testing.T) *actionlint.Workflow {
	t.Helper()
	src, err := os.ReadFile(workflowPath)
	require.NoError(t, err)
	wf, errs := actionlint.Parse(src)
	require.Empty(t, errs, "parse errors:\n%s", describe(errs))
	require.NotNil(t, wf)
	return wf
}

func str(s *actionlint.String) string {
	if s == nil {
		return ""
	}
	return s.Value
}

// trigger returns the webhook event with the given name, or nil.
func trigger(wf *actionlint.Workflow, hook string) *actionlint.WebhookEvent {
	for _, ev := range wf.On {
		if w, ok := ev.(*actionlint.WebhookEvent); ok && str(w.Hook) == hook {
			return w
		}
	}
	return nil
}

func filterValues(f *actionlint.WebhookEventFilter) []string {
	if f == nil {
		return nil
	}
	out := make([]string, 0, len(f.Values))
	for _, v := range f.Values {
		out = append(out, v.Value)
	}
	return out
}

// actionSteps returns the steps of job that use action (owner/repo@ref), in order.
func actionSteps(job *actionlint.Job, action string) []*actionlint.ExecAction {
	var out []*actionlint.ExecAction
	for _, s := range job.Steps {
		if a, ok := s.Exec.(*actionlint.ExecAction); ok && str(a.Uses) == action {
			out = append(out, a)
		}
	}
	return out
}

// input returns the value of an action input ("" when absent). Keys are lower case in the tree.
func input(a *actionlint.ExecAction, name string) (string, bool) {
	in, ok := a.Inputs[strings.ToLower(name)]
	if !ok {
		return "", false
	}
	return str(in.Value), true
}

// actionStepsWithCommand returns the pulumi/actions steps of j that run command.
func actionStepsWithCommand(j *actionlint.Job, command string) []*actionlint.ExecAction {
	var out []*actionlint.ExecAction
	for _, a := range actionSteps(j, pulumiAction) {
		if v, _ := input(a, "command"); v == command {
			out = append(out, a)
		}
	}
	return out
}

// commandStep returns the single pulumi/actions step of job that runs command.
func commandStep(t *testing.T, job *actionlint.Job, command string) *actionlint.ExecAction {
	t.Helper()
	found := actionStepsWithCommand(job, command)
	require.Len(t, found, 1, "job %q: want exactly one %s step with command %q", str(job.ID), pulumiAction, command)
	return found[0]
}

func envValue(env *actionlint.Env, name string) (string, bool) {
	if env == nil {
		return "", false
	}
	for _, v := range env.Vars {
		if str(v.Name) == name {
			return str(v.Value), true
		}
	}
	return "", false
}

func permission(job *actionlint.Job, scope string) string {
	if job.Permissions == nil {
		return ""
	}
	if p, ok := job.Permissions.Scopes[scope]; ok {
		return str(p.Value)
	}
	return ""
}

func job(t *testing.T, wf *actionlint.Workflow, id string) *actionlint.Job {
	t.Helper()
	j, ok := wf.Jobs[id]
	require.True(t, ok, "workflow has no job %q", id)
	return j
}

func TestWorkflowShape(t *testing.T) {
	t.Parallel()

	cases := []struct {
		name  string
		check func(t *testing.T, wf *actionlint.Workflow)
	}{
		{"pull_request trigger on main", func(t *testing.T, wf *actionlint.Workflow) {
			ev := trigger(wf, "pull_request")
			require.NotNil(t, ev, "no pull_request trigger")
			assert.Equal(t, []string{"main"}, filterValues(ev.Branches))
		}},
		{"push trigger on main", func(t *testing.T, wf *actionlint.Workflow) {
			ev := trigger(wf, "push")
			require.NotNil(t, ev, "no push trigger")
			assert.Equal(t, []string{"main"}, filterValues(ev.Branches))
		}},
		{"preview job runs only on pull requests", func(t *testing.T, wf *actionlint.Workflow) {
			assert.Contains(t, str(job(t, wf, "preview").If), "github.event_name == 'pull_request'")
		}},
		{"preview job previews and comments on the pull request", func(t *testing.T, wf *actionlint.Workflow) {
			a := commandStep(t, job(t, wf, "preview"), "preview")
			want := map[string]string{
				"comment-on-pr": "true",
				"github-token":  "${{ secrets.GITHUB_TOKEN }}",
				"diff":          "true",
				"refresh":       "false",
				"stack-name":    "${{ env.PULUMI_STACK_NAME }}",
				"work-dir":      "${{ env.PULUMI_WORK_DIR }}",
			}
			for k, v := range want {
				got, ok := input(a, k)
				assert.True(t, ok, "preview step has no %q input", k)
				assert.Equal(t, v, got, "preview step input %q", k)
			}
		}},
		{"up job runs only on push to main", func(t *testing.T, wf *actionlint.Workflow) {
			j := job(t, wf, "up")
			assert.Contains(t, str(j.If), "github.event_name == 'push'")
			assert.Contains(t, str(j.If), "github.ref == 'refs/heads/main'")
			a := commandStep(t, j, "up")
			v, _ := input(a, "stack-name")
			assert.Equal(t, "${{ env.PULUMI_STACK_NAME }}", v)
		}},
		{"up job is gated by an environment and never overlaps", func(t *testing.T, wf *actionlint.Workflow) {
			j := job(t, wf, "up")
			require.NotNil(t, j.Environment, "up job has no environment")
			assert.Equal(t, "production", str(j.Environment.Name))
			require.NotNil(t, j.Concurrency, "up job has no concurrency")
			assert.Contains(t, str(j.Concurrency.Group), defaultStackRef, "concurrency group must be per stack")
			require.NotNil(t, j.Concurrency.CancelInProgress)
			assert.False(t, j.Concurrency.CancelInProgress.Value, "an up in progress must never be cancelled")
			assert.Nil(t, j.Concurrency.CancelInProgress.Expression)
		}},
		{"no job previews or updates on the wrong event", func(t *testing.T, wf *actionlint.Workflow) {
			assert.Empty(t, actionStepsWithCommand(job(t, wf, "preview"), "up"), "preview job must not run up")
			assert.Empty(t, actionStepsWithCommand(job(t, wf, "up"), "preview"))
		}},
		{"least-privilege permissions", func(t *testing.T, wf *actionlint.Workflow) {
			require.NotNil(t, wf.Permissions, "workflow-level permissions must be set")
			assert.Empty(t, wf.Permissions.Scopes, "workflow-level permissions must grant nothing")
			assert.Nil(t, wf.Permissions.All)
			for _, id := range []string{"preview", "up"} {
				j := job(t, wf, id)
				assert.Equal(t, "write", permission(j, "id-token"), "job %s: id-token", id)
				assert.Equal(t, "read", permission(j, "contents"), "job %s: contents", id)
			}
			assert.Equal(t, "write", permission(job(t, wf, "preview"), "pull-requests"))
			assert.Empty(t, permission(job(t, wf, "up"), "pull-requests"), "up job needs no pull-requests access")
		}},
		{"azure/login uses OIDC, never a secret", func(t *testing.T, wf *actionlint.Workflow) {
			for _, id := range []string{"preview", "up"} {
				steps := actionSteps(job(t, wf, id), azureLoginUses)
				require.Len(t, steps, 1, "job %s: want one %s step", id, azureLoginUses)
				a := steps[0]
				for in, ref := range map[string]string{
					"client-id":       "${{ vars.AZURE_CLIENT_ID }}",
					"tenant-id":       "${{ vars.AZURE_TENANT_ID }}",
					"subscription-id": "${{ vars.AZURE_SUBSCRIPTION_ID }}",
				} {
					got, _ := input(a, in)
					assert.Equal(t, ref, got, "job %s: azure/login %s", id, in)
				}
				for _, banned := range []string{"creds", "client-secret", "auth-type"} {
					_, ok := input(a, banned)
					assert.False(t, ok, "job %s: azure/login must not set %q", id, banned)
				}
			}
		}},
		{"azure-native provider env uses OIDC", func(t *testing.T, wf *actionlint.Workflow) {
			want := map[string]string{
				"ARM_USE_OIDC":        "true",
				"ARM_CLIENT_ID":       "${{ vars.AZURE_CLIENT_ID }}",
				"ARM_TENANT_ID":       "${{ vars.AZURE_TENANT_ID }}",
				"ARM_SUBSCRIPTION_ID": "${{ vars.AZURE_SUBSCRIPTION_ID }}",
				"PULUMI_ACCESS_TOKEN": "${{ secrets.PULUMI_ACCESS_TOKEN }}",
				"PULUMI_STACK_NAME":   "${{ " + defaultStackRef + " }}",
			}
			for k, v := range want {
				got, ok := envValue(wf.Env, k)
				assert.True(t, ok, "workflow env has no %s", k)
				assert.Equal(t, v, got, "workflow env %s", k)
			}
			for _, banned := range []string{"ARM_CLIENT_SECRET", "AZURE_CLIENT_SECRET", "ARM_CLIENT_CERTIFICATE_PATH"} {
				_, ok := envValue(wf.Env, banned)
				assert.False(t, ok, "workflow env must not set %s", banned)
			}
		}},
		{"Go is set up before Pulumi runs", func(t *testing.T, wf *actionlint.Workflow) {
			for _, id := range []string{"preview", "up"} {
				j := job(t, wf, id)
				goAt, pulumiAt := -1, -1
				for i, s := range j.Steps {
					switch e := s.Exec.(type) {
					case *actionlint.ExecAction:
						if str(e.Uses) == setupGoUses && goAt < 0 {
							goAt = i
							v, _ := input(e, "go-version")
							assert.Equal(t, "1.26.x", v, "job %s: go-version", id)
						}
						if str(e.Uses) == pulumiAction && pulumiAt < 0 {
							pulumiAt = i
						}
					case *actionlint.ExecRun:
						if strings.Contains(str(e.Run), "pulumi ") && pulumiAt < 0 {
							pulumiAt = i
						}
					}
				}
				require.GreaterOrEqual(t, goAt, 0, "job %s: no %s step", id, setupGoUses)
				require.GreaterOrEqual(t, pulumiAt, 0, "job %s: no Pulumi step", id)
				assert.Less(t, goAt, pulumiAt, "job %s: %s must come before the first Pulumi step", id, setupGoUses)
			}
		}},
		{"pulumi install runs before the command in the work dir", func(t *testing.T, wf *actionlint.Workflow) {
			for _, id := range []string{"preview", "up"} {
				j := job(t, wf, id)
				installAt, commandAt := -1, -1
				for i, s := range j.Steps {
					switch e := s.Exec.(type) {
					case *actionlint.ExecRun:
						if strings.TrimSpace(str(e.Run)) == "pulumi install" {
							installAt = i
							assert.Equal(t, "${{ env.PULUMI_WORK_DIR }}", str(e.WorkingDirectory), "job %s", id)
						}
					case *actionlint.ExecAction:
						if v, _ := input(e, "command"); str(e.Uses) == pulumiAction && v != "" {
							commandAt = i
						}
					}
				}
				require.GreaterOrEqual(t, installAt, 0, "job %s: no `pulumi install` step", id)
				assert.Less(t, installAt, commandAt, "job %s: pulumi install must come before the command", id)
			}
		}},
	}

	wf := parseWorkflow(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.check(t, wf)
		})
	}
}

// TestPulumiActionInputsAreKnown covers what actionlint cannot: its bundled metadata stops at
// pulumi/actions@v6, so inputs given to @v7 go unchecked by the lint. v7 kept v6's inputs as far
// as we know, so every input used here must be one v6 declares (this catches a misspelled
// `comment-on-pr` or `work-dir`, which the action would otherwise ignore silently).
func TestPulumiActionInputsAreKnown(t *testing.T) {
	t.Parallel()

	meta, ok := actionlint.PopularActions["pulumi/actions@v6"]
	require.True(t, ok, "actionlint no longer bundles pulumi/actions@v6 metadata")
	_, linted := actionlint.PopularActions[pulumiAction]

	wf := parseWorkflow(t)
	for _, id := range []string{"preview", "up"} {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			steps := actionSteps(job(t, wf, id), pulumiAction)
			require.NotEmpty(t, steps)
			for _, a := range steps {
				for key, in := range a.Inputs {
					_, known := meta.Inputs[key]
					assert.True(t, known || linted, "job %s: %s input %q is not a pulumi/actions input", id, pulumiAction, str(in.Name))
				}
			}
		})
	}
}
