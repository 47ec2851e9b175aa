package provider

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func committedSchema(t *testing.T) schema.PackageSpec {
	t.Helper()
	data, err := os.ReadFile("../schema.json")
	require.NoError(t, err)
	var spec schema.PackageSpec
	require.NoError(t, json.Unmarshal(data, &spec))
	return spec
}

// TestReadmeTablesMatchSchema fails when the README's inputs and outputs tables differ from the
// schema. Run `make docs` and commit the README.
func TestReadmeTablesMatchSchema(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	want, err := ReplaceTables(string(readme), APITables(committedSchema(t)))
	require.NoError(t, err)
	assert.Equal(t, want, string(readme), "README tables are stale: run `make docs`")
}

func TestAPITablesCoverEveryInputAndOutput(t *testing.T) {
	t.Parallel()
	spec := committedSchema(t)
	tables := APITables(spec)
	for _, res := range spec.Resources {
		for name := range res.InputProperties {
			assert.Contains(t, tables, "| `"+name+"` |")
		}
		for name := range res.Properties {
			assert.Contains(t, tables, "| `"+name+"` |")
		}
	}
	assert.Contains(t, tables, "| `subnets.training.addressPrefix` | string |")
	assert.Contains(t, tables, "| `cloud` | `AzureCloud` \\| `AzureUSGovernment` \\| `AzureChinaCloud` | `AzureCloud` |")
	assert.Contains(t, tables, "| `storageAccount.resourceId` | string (required) |")
	for _, line := range strings.Split(tables, "\n") {
		if strings.HasPrefix(line, "| `") {
			assert.NotContains(t, line, "|  |\n", "every row has a description")
			assert.False(t, strings.HasSuffix(line, "|  |"), "row without a description: %s", line)
		}
	}
}
