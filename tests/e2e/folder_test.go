//go:build e2e

package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/stretchr/testify/require"
)

// cliDriver runs a project the way its README tells a user to: the `pulumi` CLI as a subprocess in the
// project folder (`pulumi preview`, `pulumi up`, `pulumi config set-all`, ...), on the stack selected
// there. The program runs in the project's language host: pulumi-language-nodejs (TypeScript through
// the ts-node support of @pulumi/pulumi), pulumi-language-python, pulumi-language-go or
// pulumi-language-yaml, all found on PATH next to the CLI.
type cliDriver struct {
	dir string
	env hermeticEnv
}

// pulumi runs the CLI in the project folder and returns stdout and stderr apart; err carries both.
func (d cliDriver) pulumi(t *testing.T, args ...string) (stdout string, err error) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), "pulumi", args...)
	cmd.Dir = d.dir
	cmd.Env = d.env.environ()
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return out.String(), fmt.Errorf("pulumi %s: %w\n%s\n%s", strings.Join(args, " "), err, out.String(), errOut.String())
	}
	return out.String(), nil
}

func (d cliDriver) preview(t *testing.T) (map[string]int, error) {
	out, err := d.pulumi(t, "preview", "--json")
	if err != nil {
		return nil, err
	}
	var res struct {
		ChangeSummary map[string]int `json:"changeSummary"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		return nil, fmt.Errorf("pulumi preview --json: %w\n%s", err, out)
	}
	return res.ChangeSummary, nil
}

// up runs `pulumi up --yes` (with its preview, as a user's `pulumi up` answered "yes"), then reads the
// update's resource changes from `pulumi stack history` and the outputs from `pulumi stack output`.
func (d cliDriver) up(t *testing.T) (map[string]int, map[string]any, error) {
	if _, err := d.pulumi(t, "up", "--yes", "--suppress-progress"); err != nil {
		return nil, nil, err
	}
	history, err := d.pulumi(t, "stack", "history", "--json")
	if err != nil {
		return nil, nil, err
	}
	var updates []struct {
		Kind            string         `json:"kind"`
		Result          string         `json:"result"`
		ResourceChanges map[string]int `json:"resourceChanges"`
	}
	if err := json.Unmarshal([]byte(history), &updates); err != nil || len(updates) == 0 {
		return nil, nil, fmt.Errorf("pulumi stack history --json: %v\n%s", err, history)
	}
	if updates[0].Kind != "update" || updates[0].Result != "succeeded" {
		return nil, nil, fmt.Errorf("the last update is a %s that %s", updates[0].Kind, updates[0].Result)
	}
	out, err := d.pulumi(t, "stack", "output", "--json", "--show-secrets")
	if err != nil {
		return nil, nil, err
	}
	outputs := map[string]any{}
	if err := json.Unmarshal([]byte(out), &outputs); err != nil {
		return nil, nil, fmt.Errorf("pulumi stack output --json: %w\n%s", err, out)
	}
	return updates[0].ResourceChanges, outputs, nil
}

func (d cliDriver) destroy(t *testing.T) error {
	_, err := d.pulumi(t, "destroy", "--yes", "--suppress-progress")
	return err
}

func (d cliDriver) setConfig(t *testing.T, values map[string]string, secret bool) {
	t.Helper()
	flag := "--plaintext"
	if secret {
		flag = "--secret"
	}
	args := []string{"config", "set-all"}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		args = append(args, flag, k+"="+values[k])
	}
	_, err := d.pulumi(t, args...)
	require.NoError(t, err)
}

func (d cliDriver) exportText(t *testing.T) string {
	t.Helper()
	out, err := d.pulumi(t, "stack", "export")
	require.NoError(t, err)
	return out
}

func (d cliDriver) resources(t *testing.T) []apitype.ResourceV3 {
	t.Helper()
	var export struct {
		Deployment apitype.DeploymentV3 `json:"deployment"`
	}
	require.NoError(t, json.Unmarshal([]byte(d.exportText(t)), &export))
	return export.Deployment.Resources
}

// useRegistries gives the environment the package registries the SDKs are published to.
func (e hermeticEnv) useRegistries(t *testing.T) {
	t.Helper()
	for _, kv := range registryEnv(t) {
		k, v, _ := strings.Cut(kv, "=")
		e.vars[k] = v
	}
}

// environ is the process environment with the hermetic variables on top.
func (e hermeticEnv) environ() []string {
	env := os.Environ()
	for k, v := range e.vars {
		env = append(env, k+"="+v)
	}
	return env
}

// activateVirtualEnv puts a Python virtual environment first on PATH, as `source venv/bin/activate`
// does. The Node.js and Python hosts in the test toolchain come from Pulumi SDK v3.68.0, which reads
// the `virtualenv` runtime option from its command line; the current CLI passes runtime options
// another way, so the old host never sees `virtualenv: venv` and runs the python3 it finds on PATH.
// Users' current hosts read the option and need no activated environment.
func (e hermeticEnv) activateVirtualEnv(venv string) {
	path, ok := e.vars["PATH"]
	if !ok {
		path = os.Getenv("PATH")
	}
	e.vars["VIRTUAL_ENV"] = venv
	e.vars["PATH"] = filepath.Join(venv, "bin") + string(os.PathListSeparator) + path
}

// folderProject copies the project at source into the test's temp dir and follows its README:
// install the dependencies the way a user does (from the package registries the SDKs are published
// to), `pulumi stack init`, then `pulumi config set-all` with config.
func folderProject(t *testing.T, env hermeticEnv, language, source, stack string, config map[string]string) cliDriver {
	t.Helper()
	dir := filepath.Join(env.dir, "project")
	require.NoError(t, os.CopyFS(dir, os.DirFS(source)))
	start := time.Now()
	switch language {
	case "yaml":
		// Nothing to install: the program is Pulumi.yaml.
	case "nodejs":
		env.useRegistries(t)
		run(t, env, dir, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
	case "python":
		env.useRegistries(t)
		run(t, env, dir, "python3", "-m", "venv", "venv")
		run(t, env, dir, filepath.Join(dir, "venv", "bin", "pip"), "install", "--disable-pip-version-check", "--quiet",
			"-r", "requirements.txt")
		env.activateVirtualEnv(filepath.Join(dir, "venv"))
	case "go":
		// The examples use the SDK in this repository through a replace directive; a user outside it
		// deletes the line (the comment in go.mod says so) and takes the published module.
		env.useRegistries(t)
		run(t, env, dir, "go", "mod", "edit", "-dropreplace", sdkModule)
		run(t, env, dir, "go", "mod", "tidy")
	default:
		t.Fatalf("no folder mode for %s", language)
	}
	t.Logf("e2e: %s install took %s", language, time.Since(start).Round(time.Millisecond))
	d := cliDriver{dir: dir, env: env}
	_, err := d.pulumi(t, "stack", "init", stack)
	require.NoError(t, err)
	d.setConfig(t, config, false)
	return d
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
	cmd.Env = env.environ()
	out, err := cmd.CombinedOutput()
	return string(out), err
}
