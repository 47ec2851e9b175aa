package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/secureml/pulumi-secureml/tests/azurestandin"
)

// driver runs the built Pulumi CLI on copies of one YAML program, each in its own hermetic environment:
// its own PULUMI_HOME and file backend, our provider and the offline Azure stand-in (a test double)
// first on PATH.
type driver struct {
	pulumi  string // the CLI
	path    string // PATH for the children: CLI dir (with pulumi-language-yaml), provider dir, stand-in dir, then ours
	program string // the Pulumi project folder to copy
}

func newDriver(pulumi, provider, standin, program string) (*driver, error) {
	for _, f := range []struct{ what, path, env string }{
		{"Pulumi CLI", pulumi, "-pulumi or SECUREML_PULUMI"},
		{"provider plugin", provider, "SECUREML_PROVIDER"},
		{"offline Azure stand-in", standin, "SECUREML_STANDIN"},
	} {
		if f.path == "" {
			return nil, fmt.Errorf("%s not set (%s); run this through `make bench-deploy`", f.what, f.env)
		}
		if _, err := os.Stat(f.path); err != nil {
			return nil, fmt.Errorf("%s: %w (run `make tools build`)", f.what, err)
		}
	}
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			return p
		}
		return a
	}
	if _, err := os.Stat(filepath.Join(program, "Pulumi.yaml")); err != nil {
		return nil, fmt.Errorf("program %s: %w", program, err)
	}
	dirs := []string{filepath.Dir(abs(pulumi)), filepath.Dir(abs(provider)), filepath.Dir(abs(standin))}
	if p := os.Getenv("PATH"); p != "" {
		dirs = append(dirs, p)
	}
	return &driver{pulumi: abs(pulumi), path: strings.Join(dirs, string(os.PathListSeparator)), program: abs(program)}, nil
}

// deployment is the outcome of one up: its wall time and the exported state.
type deployment struct {
	wall   time.Duration
	export []byte
}

// deploy copies the program to a temp dir, creates a stack, times `pulumi up --yes --skip-preview` at
// the given time scale, exports the state, then destroys the stack (without simulated delay: the
// deletes are not measured) and removes it.
func (d *driver) deploy(ctx context.Context, scale float64) (deployment, error) {
	tmp, err := os.MkdirTemp("", "secureml-bench-deploy-")
	if err != nil {
		return deployment{}, err
	}
	defer os.RemoveAll(tmp)
	project := filepath.Join(tmp, "project")
	if err := os.CopyFS(project, os.DirFS(d.program)); err != nil {
		return deployment{}, fmt.Errorf("copy %s: %w", d.program, err)
	}
	if err := os.MkdirAll(filepath.Join(tmp, "state"), 0o755); err != nil {
		return deployment{}, err
	}
	timed := d.env(tmp, scale)
	untimed := d.env(tmp, 0)

	if _, _, err := d.pulumiCmd(ctx, project, untimed, "stack", "init", "bench", "--non-interactive"); err != nil {
		return deployment{}, err
	}
	_, wall, err := d.pulumiCmd(ctx, project, timed, "up", "--yes", "--skip-preview")
	if err != nil {
		return deployment{}, err
	}
	export, _, err := d.pulumiCmd(ctx, project, untimed, "stack", "export")
	if err != nil {
		return deployment{}, err
	}
	if _, _, err := d.pulumiCmd(ctx, project, untimed, "destroy", "--yes", "--skip-preview"); err != nil {
		return deployment{}, err
	}
	if _, _, err := d.pulumiCmd(ctx, project, untimed, "stack", "rm", "--yes"); err != nil {
		return deployment{}, err
	}
	return deployment{wall: wall, export: export}, nil
}

// env is our environment with the Pulumi and stand-in settings of one hermetic run in dir.
func (d *driver) env(dir string, scale float64) []string {
	set := map[string]string{
		"PATH":                     d.path,
		"PULUMI_HOME":              filepath.Join(dir, "home"),
		"PULUMI_BACKEND_URL":       "file://" + filepath.Join(dir, "state"),
		"PULUMI_CONFIG_PASSPHRASE": "bench-not-secret",
		"PULUMI_SKIP_UPDATE_CHECK": "true",
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
		azurestandin.EnvTimeScale:                     strconv.FormatFloat(scale, 'g', -1, 64),
		"SECUREML_STANDIN_STATE":                      filepath.Join(dir, "azure"),
	}
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		// Stand-in settings from the caller (a call log, an injected failure) would skew or break the run.
		if _, ours := set[k]; ours || strings.HasPrefix(k, "SECUREML_STANDIN_") {
			continue
		}
		env = append(env, kv)
	}
	for k, v := range set {
		env = append(env, k+"="+v)
	}
	return env
}

// pulumiCmd runs the CLI in dir and returns its stdout and the wall time of the whole process. On
// failure the error carries the command line and everything it printed.
func (d *driver) pulumiCmd(ctx context.Context, dir string, env []string, args ...string) ([]byte, time.Duration, error) {
	cmd := exec.CommandContext(ctx, d.pulumi, args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.WaitDelay = 10 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	if err != nil {
		return nil, elapsed, fmt.Errorf("`pulumi %s` failed: %w\n--- stdout ---\n%s--- stderr ---\n%s",
			strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.Bytes(), elapsed, nil
}
