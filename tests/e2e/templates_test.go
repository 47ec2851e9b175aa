//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// templateConfig reads the config prompts of a template's Pulumi.yaml.
func templateConfig(t *testing.T, dir string) map[string]struct {
	Description string `yaml:"description"`
	Default     any    `yaml:"default"`
	Secret      bool   `yaml:"secret"`
} {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "Pulumi.yaml"))
	require.NoError(t, err)
	var project struct {
		Template struct {
			Config map[string]struct {
				Description string `yaml:"description"`
				Default     any    `yaml:"default"`
				Secret      bool   `yaml:"secret"`
			} `yaml:"config"`
		} `yaml:"template"`
	}
	require.NoError(t, yaml.Unmarshal(data, &project))
	return project.Template.Config
}

// TestTemplates instantiates every stack template from its folder with `pulumi new`, gives it the
// test's service IDs, and runs the result end to end against the offline stand-in.
func TestTemplates(t *testing.T) {
	t.Parallel()
	templates := map[string]string{"yaml": "yaml", "go": "go", "typescript": "nodejs", "python": "python"}
	for name, language := range templates {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			source, err := filepath.Abs(filepath.Join("..", "..", "examples", "templates", name))
			require.NoError(t, err)
			prompts := templateConfig(t, source)
			config := map[string]string{}
			for key, prompt := range prompts {
				assert.NotEmpty(t, prompt.Description, "config %s needs a description", key)
				assert.NotNil(t, prompt.Default, "config %s needs a default so `pulumi new --yes` works", key)
				config[key] = toString(prompt.Default)
			}
			for key, value := range serviceConfig {
				require.Contains(t, prompts, key, "the template must prompt for %s", key)
				config[key] = value
			}

			env := newHermeticEnv(t)
			project := "secureml-" + name + "-template"
			out, err := runResult(t, env, env.dir, "pulumi", "new", source, "--generate-only", "--yes",
				"--dir", filepath.Join(env.dir, "project"), "--name", project, "--description", "template test")
			if err != nil {
				// With --generate-only, `pulumi new` still loads the project's language host after writing
				// the files. The Go, Node.js and Python hosts cannot be built on this project's machines
				// (the runners stand in for them), so that one failure is expected; any other is not.
				require.Contains(t, out, "Created project '"+project+"'", out)
				require.Regexp(t, `no language plugin 'pulumi-language-(go|nodejs|python)' found`, out)
			}
			generated, err := os.ReadFile(filepath.Join(env.dir, "project", "Pulumi.yaml"))
			require.NoError(t, err)
			assert.Contains(t, string(generated), "name: "+project, "the project name placeholder is filled")
			assert.NotContains(t, string(generated), "${PROJECT}")

			var d driver
			if language == "yaml" {
				stack := yamlStackIn(t, env, filepath.Join(env.dir, "project"), "e2e")
				setConfig(t, stack, config)
				d = localDriver{stack: stack}
			} else {
				d = newRunnerDriver(t, env, language, filepath.Join(env.dir, "project"), "e2e", config)
			}
			lifecycle(t, d, env, expectedURNs(t, "all-services-default.txt", "e2e", project))
		})
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
