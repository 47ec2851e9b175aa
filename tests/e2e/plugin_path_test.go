//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBinaryPluginPath runs the YAML example the way a user without the plugin on PATH would: the
// project lists the provider binary's folder under plugins.providers in Pulumi.yaml.
func TestBinaryPluginPath(t *testing.T) {
	t.Parallel()
	env := newHermeticEnv(t)

	pluginDir := filepath.Join(env.dir, "plugins")
	require.NoError(t, os.MkdirAll(pluginDir, 0o755))
	binary, err := os.ReadFile(os.Getenv("SECUREML_PROVIDER"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(pluginDir, "pulumi-resource-secureml"), binary, 0o755))

	// The CLI gets a PATH without the provider's folder, so only plugins.providers can find it.
	path := pathWithoutProvider()
	env.vars["PATH"] = strings.Join(path, string(os.PathListSeparator))

	stack := yamlStack(t, env, "plugin-path")
	project := filepath.Join(env.dir, "project", "Pulumi.yaml")
	settings, err := os.ReadFile(project)
	require.NoError(t, err)
	settings = append(settings, []byte("\nplugins:\n  providers:\n    - name: secureml\n      path: "+pluginDir+"\n")...)
	require.NoError(t, os.WriteFile(project, settings, 0o644))
	setConfig(t, stack, serviceConfig)

	d := localDriver{stack: stack}
	changes, outputs, err := d.up(t)
	require.NoError(t, err)
	assert.Equal(t, 31, changes["create"], "the stack, the component and its 29 children")
	checkOutputs(t, outputs)
	require.NoError(t, d.destroy(t))
	assert.Empty(t, deployedURNs(t, t.Context(), stack))
}
