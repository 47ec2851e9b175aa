package sdkgen

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSDKsDependOnlyOnPulumi keeps the SDKs small: outputs are plain IDs, so no SDK may pull in an
// azure-native SDK or anything but the Pulumi SDK of its language (and what that SDK's codegen adds).
func TestSDKsDependOnlyOnPulumi(t *testing.T) {
	t.Parallel()

	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	data, err := os.ReadFile("../../sdk/nodejs/package.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &pkg))
	assert.Equal(t, []string{"@pulumi/pulumi"}, keys(pkg.Dependencies), "npm runtime dependencies")

	pyproject, err := os.ReadFile("../../sdk/python/pyproject.toml")
	require.NoError(t, err)
	var dependencies string
	for _, line := range strings.Split(string(pyproject), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "dependencies = ") {
			dependencies = line
		}
	}
	assert.Contains(t, dependencies, `"pulumi>=3.142.0,<4.0.0"`, "Python dependencies")
	assert.NotContains(t, strings.ToLower(dependencies), "azure", "Python dependencies")

	goMod, err := os.ReadFile("../../sdk/go.mod")
	require.NoError(t, err)
	assert.NotContains(t, string(goMod), "pulumi-azure-native", "the Go SDK must not require azure-native")
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
