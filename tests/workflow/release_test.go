package workflow

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// releasePath is the release workflow of the secureml repository itself (see its header).
var releasePath = filepath.Join("..", "..", "examples", "github-actions", "release.yml")

const pypiPublishUses = "pypa/gh-action-pypi-publish@release/v1"

func readRelease(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile(releasePath)
	require.NoError(t, err)
	return src
}

func TestReleaseWorkflowPassesActionlint(t *testing.T) {
	t.Parallel()

	errs, err := newLinter(t).LintFile(releasePath, nil)
	require.NoError(t, err, "actionlint could not read or check %s", releasePath)
	if len(errs) > 0 {
		t.Fatalf("actionlint reported %d error(s) in %s:\n%s", len(errs), releasePath, describe(errs))
	}
}

// runs returns the `run:` scripts of a job, in order.
func runs(j *actionlint.Job) []string {
	var out []string
	for _, s := range j.Steps {
		if r, ok := s.Exec.(*actionlint.ExecRun); ok {
			out = append(out, str(r.Run))
		}
	}
	return out
}

// uses returns the actions a job uses, in order.
func uses(j *actionlint.Job) []string {
	var out []string
	for _, s := range j.Steps {
		if a, ok := s.Exec.(*actionlint.ExecAction); ok {
			out = append(out, str(a.Uses))
		}
	}
	return out
}

func needs(j *actionlint.Job) []string {
	var out []string
	for _, n := range j.Needs {
		out = append(out, n.Value)
	}
	return out
}

// needsTransitively reports whether job id waits for job dep, directly or through other jobs.
func needsTransitively(wf *actionlint.Workflow, id, dep string) bool {
	j, ok := wf.Jobs[id]
	if !ok {
		return false
	}
	for _, n := range needs(j) {
		if n == dep || needsTransitively(wf, n, dep) {
			return true
		}
	}
	return false
}

func anyContains(scripts []string, part string) bool {
	return slices.ContainsFunc(scripts, func(s string) bool { return strings.Contains(s, part) })
}

// releaseProblems lists what is wrong with the release workflow's shape, one sentence each; nil when
// nothing is. It is a function rather than assertions so TestReleaseChecksCatchBrokenWorkflows can run
// it on broken copies.
// commandLines returns the shell commands in scripts that start with prefix, each with its
// backslash-continued lines joined, so a check reads the command's own arguments and not a
// neighbouring line that happens to name the same file.
func commandLines(scripts []string, prefix string) []string {
	var found []string
	for _, script := range scripts {
		joined := strings.ReplaceAll(script, "\\\n", " ")
		for _, line := range strings.Split(joined, "\n") {
			if line = strings.TrimSpace(line); strings.HasPrefix(line, prefix) {
				found = append(found, line)
			}
		}
	}
	return found
}

func releaseProblems(wf *actionlint.Workflow) []string {
	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	jobOf := func(id string) *actionlint.Job {
		j, ok := wf.Jobs[id]
		if !ok {
			fail("no job %q", id)
			return &actionlint.Job{}
		}
		return j
	}

	// Trigger: version tags only.
	if len(wf.On) != 1 {
		fail("want exactly one trigger (push of a version tag), got %d", len(wf.On))
	}
	if ev := trigger(wf, "push"); ev == nil {
		fail("no push trigger")
	} else {
		if got := filterValues(ev.Tags); !slices.Equal(got, []string{"v*.*.*"}) {
			fail("push must filter tags v*.*.*, got %v", got)
		}
		if ev.Branches != nil || ev.BranchesIgnore != nil {
			fail("push must not run on branches")
		}
	}

	// Permissions: nothing by default; write access only where a job needs it.
	if wf.Permissions == nil || len(wf.Permissions.Scopes) > 0 || wf.Permissions.All != nil {
		fail("workflow-level permissions must be {}")
	}
	writers := map[string]map[string]string{
		"check":          {"contents": "read"},
		"dist":           {"contents": "read"},
		"github-release": {"contents": "write"},
		"npm":            {"contents": "read", "id-token": "write"},
		"pypi":           {"id-token": "write"},
		"go-sdk":         {"contents": "write"},
	}
	for id, want := range writers {
		j := jobOf(id)
		if j.Permissions == nil || j.Permissions.All != nil {
			fail("job %s: permissions must be listed per scope", id)
			continue
		}
		got := map[string]string{}
		for scope, p := range j.Permissions.Scopes {
			got[scope] = str(p.Value)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			fail("job %s: permissions %v, want %v", id, got, want)
		}
	}
	if len(wf.Jobs) != len(writers) {
		fail("want jobs %v, got %d jobs", slices.Sorted(func(yield func(string) bool) {
			for id := range writers {
				if !yield(id) {
					return
				}
			}
		}), len(wf.Jobs))
	}

	// Order: tests, then the archives, then the release, then what points to it.
	for _, dep := range [][2]string{
		{"dist", "check"}, {"github-release", "dist"},
		{"npm", "github-release"}, {"pypi", "github-release"}, {"go-sdk", "github-release"},
	} {
		if !needsTransitively(wf, dep[0], dep[1]) {
			fail("job %s must wait for %s", dep[0], dep[1])
		}
	}
	if wf.Concurrency == nil || wf.Concurrency.CancelInProgress == nil || wf.Concurrency.CancelInProgress.Value {
		fail("a release in progress must never be cancelled")
	}

	// What each job does.
	check := jobOf("check")
	if !anyContains(runs(check), "./.ci/run") {
		fail("check must run ./.ci/run")
	}
	if !anyContains(runs(check), "GITHUB_OUTPUT") || !anyContains(runs(check), "Makefile") {
		fail("check must compare the tag with the Makefile's VERSION and output the version")
	}
	dist := jobOf("dist")
	if !anyContains(runs(dist), "make dist") {
		fail("dist must run make dist")
	}
	if v, _ := envValue(dist.Env, "VERSION"); v != "${{ needs.check.outputs.version }}" {
		fail("dist must build the tag's version, VERSION=%q", v)
	}
	var uploaded []string
	for _, a := range actionSteps(dist, "actions/upload-artifact@v4") {
		p, _ := input(a, "path")
		uploaded = append(uploaded, p)
	}
	for _, want := range []string{
		"dist/plugin/pulumi-resource-secureml-v${{ env.VERSION }}-*.tar.gz",
		"dist/plugin/pulumi-secureml_${{ env.VERSION }}_checksums.txt",
		"dist/secureml-pulumi-secureml-${{ env.VERSION }}.tgz",
		"dist/pulumi_secureml-${{ env.VERSION }}-py3-none-any.whl",
	} {
		if !anyContains(uploaded, want) {
			fail("dist must upload %s", want)
		}
	}
	release := jobOf("github-release")
	create := commandLines(runs(release), "gh release create")
	if len(create) == 0 ||
		!anyContains(create, "pulumi-resource-secureml-v\"$VERSION\"-*.tar.gz") ||
		!anyContains(create, "pulumi-secureml_${VERSION}_checksums.txt") {
		fail("github-release must create the release with the archives and the checksums")
	}
	if anyContains(runs(release), "--draft") {
		fail("the release must be published: the CLI cannot download a draft's assets")
	}
	npm := jobOf("npm")
	if !anyContains(runs(npm), "npm publish \"npm/secureml-pulumi-secureml-${VERSION}.tgz\"") {
		fail("npm must publish the tarball built by dist")
	}
	if v, _ := envValue(stepEnv(npm, "npm publish"), "NODE_AUTH_TOKEN"); v != "${{ secrets.NPM_TOKEN }}" {
		fail("npm publish must authenticate with secrets.NPM_TOKEN, got %q", v)
	}
	pypi := jobOf("pypi")
	if steps := actionSteps(pypi, pypiPublishUses); len(steps) != 1 {
		fail("pypi must publish with %s", pypiPublishUses)
	} else {
		for _, banned := range []string{"password", "user"} {
			if _, ok := input(steps[0], banned); ok {
				fail("pypi must use trusted publishing, not %q", banned)
			}
		}
	}
	if !slices.Contains(uses(pypi), "actions/download-artifact@v4") {
		fail("pypi must publish the wheel built by dist")
	}
	goSDK := jobOf("go-sdk")
	if !anyContains(runs(goSDK), `git tag "sdk/v${VERSION}"`) || !anyContains(runs(goSDK), "git push origin") {
		fail("go-sdk must push the tag sdk/v<version>")
	}
	return problems
}

// stepEnv returns the env of the job's step with the given name.
func stepEnv(j *actionlint.Job, name string) *actionlint.Env {
	for _, s := range j.Steps {
		if str(s.Name) == name {
			return s.Env
		}
	}
	return nil
}

func parseRelease(t *testing.T, src []byte) *actionlint.Workflow {
	t.Helper()
	wf, errs := actionlint.Parse(src)
	require.Empty(t, errs, "parse errors:\n%s", describe(errs))
	require.NotNil(t, wf)
	return wf
}

func TestReleaseWorkflowShape(t *testing.T) {
	t.Parallel()
	for _, p := range releaseProblems(parseRelease(t, readRelease(t))) {
		t.Error(p)
	}
}

// mutate replaces old, which must occur exactly once, so a mutation never silently does nothing.
func mutate(t *testing.T, src []byte, old, replacement string) []byte {
	t.Helper()
	require.Equal(t, 1, strings.Count(string(src), old), "%q must occur once in %s", old, releasePath)
	return []byte(strings.Replace(string(src), old, replacement, 1))
}

// TestReleaseChecksCatchBrokenWorkflows proves both checks of the release workflow can fail: broken
// copies of the real file, linted from memory the way TestReleaseWorkflowPassesActionlint lints the
// file, must be reported by actionlint, and copies with a wrong shape by releaseProblems.
func TestReleaseChecksCatchBrokenWorkflows(t *testing.T) {
	t.Parallel()
	src := readRelease(t)

	lintCases := []struct {
		name, old, replacement, wantKind, wantMsg string
	}{
		{"needs names a missing job", "needs: [check, dist]", "needs: [check, archives]", "job-needs",
			`needs job "archives" which does not exist`},
		{"misspelled permission level", "contents: write # push the tag", "contents: writ", "permissions",
			`"writ" is invalid as permission of scope "contents"`},
		{"undefined context", "${{ secrets.NPM_TOKEN }}", "${{ secret.NPM_TOKEN }}", "expression",
			`undefined variable "secret"`},
		{"unknown input of the PyPI action", "packages-dir: wheel/", "package-dir: wheel/", "action",
			`input "package-dir" is not defined in action "pypa/gh-action-pypi-publish@release/v1"`},
		{"output of a job that is not needed", "needs: [check, github-release]\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write",
			"needs: [github-release]\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write", "expression",
			`property "check" is not defined in object type`},
	}
	for _, tc := range lintCases {
		t.Run("lint/"+tc.name, func(t *testing.T) {
			t.Parallel()
			broken := mutate(t, src, tc.old, tc.replacement)
			errs, err := newLinter(t).Lint("release.yml", broken, nil)
			require.NoError(t, err)
			require.NotEmpty(t, errs, "actionlint accepted a broken release workflow")
			found := slices.ContainsFunc(errs, func(e *actionlint.Error) bool {
				return e.Kind == tc.wantKind && strings.Contains(e.Message, tc.wantMsg)
			})
			assert.True(t, found, "no [%s] error containing %q; got:\n%s", tc.wantKind, tc.wantMsg, describe(errs))
		})
	}

	shapeCases := []struct {
		name, old, replacement, want string
	}{
		{"runs on branch pushes", `tags: ["v*.*.*"]`, `tags: ["v*.*.*"]` + "\n    branches: [main]", "must not run on branches"},
		{"publishes to npm before the release exists", "name: npm publish\n    needs: [check, github-release]",
			"name: npm publish\n    needs: [check, dist]", "job npm must wait for github-release"},
		{"a draft release", "--generate-notes", "--generate-notes --draft", "must be published"},
		{"a PyPI token instead of trusted publishing", "packages-dir: wheel/",
			"packages-dir: wheel/\n          password: ${{ secrets.PYPI_TOKEN }}", `not "password"`},
		{"write access for the build", "name: archives and packages\n    needs: check\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read",
			"name: archives and packages\n    needs: check\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write",
			"job dist: permissions map[contents:write]"},
		{"no checksums on the release", `"plugin/pulumi-secureml_${VERSION}_checksums.txt"`, "", "with the archives and the checksums"},
		{"the Go SDK tag missing", `git tag "sdk/v${VERSION}" "$GITHUB_SHA"`, `echo "sdk/v${VERSION}"`, "sdk/v<version>"},
	}
	for _, tc := range shapeCases {
		t.Run("shape/"+tc.name, func(t *testing.T) {
			t.Parallel()
			broken := mutate(t, src, tc.old, tc.replacement)
			problems := releaseProblems(parseRelease(t, broken))
			require.NotEmpty(t, problems, "the shape checks accepted a broken release workflow")
			assert.True(t, anyContains(problems, tc.want), "no problem containing %q; got:\n%s", tc.want,
				strings.Join(problems, "\n"))
		})
	}
}
