package provider

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSchemaIsCommitted fails when schema.json differs from what the provider produces.
// Run `make schema` and commit the result.
func TestSchemaIsCommitted(t *testing.T) {
	t.Parallel()
	got, err := Schema(t.Context())
	require.NoError(t, err)
	want, err := os.ReadFile("../schema.json")
	require.NoError(t, err, "schema.json is missing: run `make schema`")
	assert.Equal(t, string(want), string(got), "schema.json is stale: run `make schema` and commit it")
}
