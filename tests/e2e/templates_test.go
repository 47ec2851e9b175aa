//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// templatePrompt is one config prompt of a template.
type templatePrompt struct {
	Description string `yaml:"description"`
	Default     any    `yaml:"default"`
	Secret      bool   `yaml:"secret"`
}

// templateConfig reads the config prompts of a template's Pulumi.yaml.
func templateConfig(t *testing.T, dir string) map[string]templatePrompt {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "Pulumi.yaml"))
	require.NoError(t, err)
	var project struct {
		Template struct {
			Config map[string]templatePrompt `yaml:"config"`
		} `yaml:"template"`
	}
	require.NoError(t, yaml.Unmarshal(data, &project))
	return project.Template.Config
}

// TestTemplates instantiates every stack template from its folder with `pulumi new`, including its
// dependency install step (npm, pip or go, from the package registries the SDKs are published to), with
// the test's service IDs as the answers to its prompts, and runs the result end to end against the
// offline stand-in through the CLI in the new project's folder.
func TestTemplates(t *testing.T) {
	t.Parallel()
	templates := map[string]string{"yaml": "yaml", "go": "go", "typescript": "nodejs", "python": "python"}
	for name, language := range templates {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			source, err := filepath.Abs(filepath.Join("..", "..", "examples", "templates", name))
			require.NoError(t, err)
			prompts, config := templateDefaults(t, source)
			for key, value := range serviceConfig {
				require.Contains(t, prompts, key, "the template must prompt for %s", key)
				config[key] = value
			}

			env := newHermeticEnv(t)
			d, project := newFromTemplate(t, env, name, language, source, config)
			prepared := time.Since(start)
			res := lifecycle(t, d, env, expectedURNs(t, "all-services-default.txt", "e2e", project))
			t.Logf("e2e: template %s in folder mode: pulumi new and install %s, lifecycle %s, total %s", name,
				prepared.Round(time.Millisecond), res.duration.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
		})
	}
}

// templateDefaults reads a template's prompts and answers each with its default; every prompt needs a
// description and a default, so `pulumi new --yes` works.
func templateDefaults(t *testing.T, source string) (map[string]templatePrompt, map[string]string) {
	t.Helper()
	prompts := templateConfig(t, source)
	config := map[string]string{}
	for key, prompt := range prompts {
		assert.NotEmpty(t, prompt.Description, "config %s needs a description", key)
		assert.NotNil(t, prompt.Default, "config %s needs a default so `pulumi new --yes` works", key)
		config[key] = toString(prompt.Default)
	}
	return prompts, config
}

// newFromTemplate runs `pulumi new` of the template in source with config as the answers to its
// prompts, including its dependency install step (npm, pip or go, from the package registries the
// SDKs are published to), and returns a driver for the new project's folder and the project's name.
func newFromTemplate(t *testing.T, env hermeticEnv, name, language, source string, config map[string]string,
) (cliDriver, string) {
	t.Helper()
	if language != "yaml" {
		env.useRegistries(t)
	}
	// `pulumi new` installs the plugins the project needs into Pulumi's plugin folder and does
	// not count a plugin found on PATH, so the built plugin is installed there first, as the
	// README tells users to until it is published.
	version, err := sdkVersion()
	require.NoError(t, err)
	run(t, env, env.dir, "pulumi", "plugin", "install", "resource", "secureml", strings.TrimPrefix(version, "v"),
		"--file", os.Getenv("SECUREML_PROVIDER"))

	project := "secureml-" + name + "-template"
	dir := filepath.Join(env.dir, "project")
	args := []string{"new", source, "--yes", "--dir", dir, "--name", project, "--description", "template test", "--stack", "e2e"}
	keys := make([]string, 0, len(config))
	for k := range config {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		args = append(args, "--config", k+"="+config[k])
	}
	newStart := time.Now()
	out, err := runResult(t, env, env.dir, "pulumi", args...)
	t.Logf("e2e: pulumi new %s (with its install step) took %s", name, time.Since(newStart).Round(time.Millisecond))
	if err != nil && language == "go" {
		// The Go host of the test toolchain (Pulumi SDK v3.62.0) takes every module whose path
		// starts with github.com/pulumi/pulumi- for a provider plugin, and the Pulumi SDK depends on
		// github.com/pulumi/pulumi-cloud-sdk/go, which is none: `pulumi new` then fails to download a
		// plugin "cloud-sdk" after the dependencies are installed. Only that failure is accepted.
		require.Contains(t, out, "Finished installing dependencies", out)
		failure := regexp.MustCompile(`error: installing packages: failed to download plugin: cloud-sdk-[0-9][^\n]*`).FindString(out)
		require.NotEmpty(t, failure, "the only failure accepted is the guessed cloud-sdk plugin:\n%s", out)
		require.Equal(t, 1, strings.Count(out, "error: "), "no other error: %s", out)
		t.Logf("e2e: known limit of the old Go host: %s", failure)
	} else {
		require.NoError(t, err, "pulumi new:\n%s", out)
	}
	generated, err := os.ReadFile(filepath.Join(dir, "Pulumi.yaml"))
	require.NoError(t, err)
	assert.Contains(t, string(generated), "name: "+project, "the project name placeholder is filled")
	assert.NotContains(t, string(generated), "${PROJECT}")
	checkInstalledSDK(t, env, language, dir, version)
	return cliDriver{dir: dir, env: env}, project
}

// checkInstalledSDK checks that `pulumi new` installed the SDK of the published version from the
// package registries, and activates a Python project's virtual environment.
func checkInstalledSDK(t *testing.T, env hermeticEnv, language, dir, version string) {
	t.Helper()
	switch language {
	case "nodejs":
		data, err := os.ReadFile(filepath.Join(dir, "node_modules", "@secureml", "pulumi-secureml", "package.json"))
		require.NoError(t, err, "npm install put the SDK in node_modules")
		assert.Contains(t, string(data), `"version": "`+strings.TrimPrefix(version, "v")+`"`)
	case "python":
		// The template asks for a virtual environment in venv/. The old Python host does not get that
		// option (see activateVirtualEnv) and creates the environment in the project folder itself.
		venv := filepath.Join(dir, "venv")
		if _, err := os.Stat(filepath.Join(venv, "pyvenv.cfg")); err != nil {
			venv = dir
			require.FileExists(t, filepath.Join(dir, "pyvenv.cfg"), "pulumi new created a virtual environment")
			t.Logf("e2e: known limit of the old Python host: the virtual environment is the project folder, not venv/")
		}
		out := run(t, env, dir, filepath.Join(venv, "bin", "python"), "-m", "pip", "show", "pulumi_secureml")
		assert.Contains(t, out, "Version: "+strings.TrimPrefix(version, "v"))
		env.activateVirtualEnv(venv)
	case "go":
		sum, err := os.ReadFile(filepath.Join(dir, "go.sum"))
		require.NoError(t, err, "go mod tidy wrote go.sum")
		assert.Contains(t, string(sum), sdkModule+" "+version+" h1:")
	}
}

func toString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case nil:
		return ""
	default:
		data, _ := yaml.Marshal(v)
		return string(data[:len(data)-1])
	}
}
