//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto/debug"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReleaseArchiveInstall installs the release archive `make dist` builds for this machine the way a
// user without the source does (`pulumi plugin install resource secureml <version> --file <archive>`,
// which is what the CLI does with the archive it downloads from the GitHub release), into a fresh
// Pulumi home, then runs the YAML example with no secureml plugin on PATH: the engine must take the
// installed one. The offline Azure stand-in stays on PATH.
func TestReleaseArchiveInstall(t *testing.T) {
	t.Parallel()
	archive, version := os.Getenv("SECUREML_PLUGIN_ARCHIVE"), os.Getenv("SECUREML_VERSION")
	if archive == "" || version == "" {
		t.Fatal("SECUREML_PLUGIN_ARCHIVE and SECUREML_VERSION are not set; run the end-to-end tests with `make test-e2e`")
	}
	require.FileExists(t, archive, "make test-e2e builds it (make dist-<os>-<arch>)")
	env := newHermeticEnv(t)

	// The CLI and the stand-in stay on PATH; the folder of the plugin `make provider` builds does not,
	// and no other folder may hold a secureml plugin.
	path := pathWithoutProvider()
	env.vars["PATH"] = strings.Join(path, string(os.PathListSeparator))
	assert.Empty(t, lookPathIn(path, "pulumi-resource-secureml"), "a secureml plugin on PATH would be used instead")
	require.NotEmpty(t, lookPathIn(path, "pulumi-resource-azure-native"), "the offline Azure stand-in must stay on PATH")

	pulumiCLI := func(args ...string) string {
		t.Helper()
		cmd := exec.CommandContext(t.Context(), filepath.Join(os.Getenv("SECUREML_TOOLS_DIR"), "pulumi"), args...)
		cmd.Dir = env.dir
		cmd.Env = os.Environ()
		for k, v := range env.vars {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		require.NoError(t, err, "pulumi %s:\n%s%s", strings.Join(args, " "), out, stderr.String())
		return string(out)
	}
	pulumiCLI("plugin", "install", "resource", "secureml", version, "--file", archive)

	installed := filepath.Join(env.vars["PULUMI_HOME"], "plugins", "resource-secureml-v"+version)
	binary := filepath.Join(installed, "pulumi-resource-secureml")
	info, err := os.Stat(binary)
	require.NoError(t, err, "the archive must hold the plugin at its root")
	assert.NotZero(t, info.Mode()&0o100, "the installed plugin must be executable")
	var plugins []struct{ Name, Kind, Version string }
	require.NoError(t, json.Unmarshal([]byte(pulumiCLI("plugin", "ls", "--json")), &plugins))
	assert.Contains(t, plugins, struct{ Name, Kind, Version string }{"secureml", "resource", version})
	// The CLI records each use of a plugin from its cache next to the plugin's folder.
	lastUsed := installed + ".lastused"
	require.NoError(t, os.RemoveAll(lastUsed))

	stack := yamlStack(t, env, "release-archive")
	setConfig(t, stack, serviceConfig)
	// At -v=6 the engine logs where it found each plugin: "found on $PATH" or "found in cache at".
	level := uint(6)
	logs := debug.LoggingOptions{LogLevel: &level, LogToStdErr: true}
	fromCache := "GetPluginPath(resource, secureml, "
	checkPluginSource := func(t *testing.T, stdout, stderr string) {
		t.Helper()
		var lines []string
		for _, line := range strings.Split(stderr, "\n") {
			if strings.Contains(line, fromCache) {
				lines = append(lines, line)
			}
		}
		require.NotEmpty(t, lines, "the engine did not log where it found the secureml plugin")
		for _, line := range lines {
			assert.NotContains(t, line, "found on $PATH", "the secureml plugin came from PATH")
		}
		assert.Contains(t, strings.Join(lines, "\n"), "found in cache at "+binary)
		assert.NotContains(t, stdout+stderr, "using pulumi-resource-secureml from $PATH")
		assert.FileExists(t, lastUsed, "the CLI did not record a use of the installed plugin")
	}

	preview, err := stack.Preview(t.Context(), optpreview.DebugLogging(logs))
	require.NoError(t, err)
	assert.Equal(t, 31, preview.ChangeSummary["create"], "the stack, the component and its 29 children")
	checkPluginSource(t, preview.StdOut, preview.StdErr)

	require.NoError(t, os.RemoveAll(lastUsed))
	up, err := stack.Up(t.Context(), optup.DebugLogging(logs), optup.SuppressProgress())
	require.NoError(t, err)
	assert.Equal(t, 31, (*up.Summary.ResourceChanges)["create"])
	checkPluginSource(t, up.StdOut, up.StdErr)
	outputs := map[string]any{}
	for k, v := range up.Outputs {
		outputs[k] = v.Value
	}
	checkOutputs(t, outputs)

	_, err = stack.Destroy(t.Context(), optdestroy.SuppressProgress())
	require.NoError(t, err)
	assert.Empty(t, deployedURNs(t, t.Context(), stack))
}

// lookPathIn returns the first file called name in dirs that is executable, or "".
func lookPathIn(dirs []string, name string) string {
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		p := filepath.Join(dir, name)
		if info, err := os.Stat(p); err == nil && !info.IsDir() && info.Mode()&0o111 != 0 {
			return p
		}
	}
	return ""
}
