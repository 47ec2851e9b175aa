//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/stretchr/testify/require"
)

// runnerDriver runs a Go, TypeScript or Python project through the runner of its language: an
// Automation API inline program that executes the project's own program code (tests/e2e/runners).
type runnerDriver struct {
	language string
	dir      string
	stack    string
	env      hermeticEnv
}

// languageRunners says how to prepare a project and start its runner; artifact is the SDK the
// project installs (the Go module folder, the npm tarball or the wheel).
var languageRunners = map[string]struct {
	artifactEnv string
	command     func(dir string) []string
}{
	"go":     {"SECUREML_SDK_DIR", func(dir string) []string { return []string{filepath.Join(dir, "runner")} }},
	"nodejs": {"SECUREML_NPM_TARBALL", func(string) []string { return []string{"node", runnerPath("nodejs", "runner.js")} }},
	"python": {"SECUREML_WHEEL", func(dir string) []string {
		return []string{filepath.Join(dir, "venv", "bin", "python"), runnerPath("python", "runner.py")}
	}},
}

func runnerPath(language, file string) string {
	path, err := filepath.Abs(filepath.Join("runners", language, file))
	if err != nil {
		panic(err)
	}
	return path
}

// newRunnerDriver copies the project at source into the test's temp dir, prepares it and writes the
// stack config.
func newRunnerDriver(t *testing.T, env hermeticEnv, language, source, stack string, config map[string]string) runnerDriver {
	t.Helper()
	r, ok := languageRunners[language]
	require.True(t, ok, "no runner for %s", language)
	dir := filepath.Join(env.dir, "project")
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		require.NoError(t, os.CopyFS(dir, os.DirFS(source)))
	}
	artifact := os.Getenv(r.artifactEnv)
	require.NotEmpty(t, artifact, "%s is not set; run through make test-e2e", r.artifactEnv)
	start := time.Now()
	run(t, env, dir, runnerPath(language, "prepare.sh"), dir, artifact)
	t.Logf("e2e: %s prepare took %s", language, time.Since(start).Round(time.Millisecond))
	d := runnerDriver{language: language, dir: dir, stack: stack, env: env}
	setConfig(t, d.state(t), config)
	return d
}

func (d runnerDriver) op(t *testing.T, op string) (map[string]int, map[string]any, error) {
	t.Helper()
	resultPath := filepath.Join(d.env.dir, "runner-result.json")
	_ = os.Remove(resultPath)
	args := languageRunners[d.language].command(d.dir)
	cmd := exec.CommandContext(t.Context(), args[0], args[1:]...)
	cmd.Dir = d.dir
	cmd.Env = append(os.Environ(), "SECUREML_RUNNER_OP="+op, "SECUREML_RUNNER_STACK="+d.stack,
		"SECUREML_RUNNER_RESULT="+resultPath)
	for k, v := range d.env.vars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, nil, fmt.Errorf("%s runner %s: %w\n%s", d.language, op, err, out)
	}
	var res struct {
		ChangeSummary map[string]int `json:"changeSummary"`
		Outputs       map[string]any `json:"outputs"`
	}
	data, err := os.ReadFile(resultPath)
	if err != nil {
		return nil, nil, fmt.Errorf("%s runner %s wrote no result: %w\n%s", d.language, op, err, out)
	}
	if err := json.Unmarshal(data, &res); err != nil {
		return nil, nil, err
	}
	return res.ChangeSummary, res.Outputs, nil
}

func (d runnerDriver) preview(t *testing.T) (map[string]int, error) {
	changes, _, err := d.op(t, "preview")
	return changes, err
}

func (d runnerDriver) up(t *testing.T) (map[string]int, map[string]any, error) { return d.op(t, "up") }

func (d runnerDriver) destroy(t *testing.T) error {
	_, _, err := d.op(t, "destroy")
	return err
}

func (d runnerDriver) state(t *testing.T) auto.Stack {
	t.Helper()
	stack, err := auto.UpsertStackLocalSource(t.Context(), d.stack, d.dir, auto.EnvVars(d.env.vars))
	require.NoError(t, err)
	return stack
}

// run runs a command in dir with the hermetic environment and fails the test with its output.
func run(t *testing.T, env hermeticEnv, dir string, name string, args ...string) string {
	t.Helper()
	out, err := runResult(t, env, dir, name, args...)
	require.NoError(t, err, "%s %s:\n%s", name, strings.Join(args, " "), out)
	return out
}

// runResult runs a command in dir with the hermetic environment and returns its output and error.
func runResult(t *testing.T, env hermeticEnv, dir string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), name, args...)
	cmd.Dir = dir
	cmd.Env = os.Environ()
	for k, v := range env.vars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	return string(out), err
}
