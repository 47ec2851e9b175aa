//go:build e2e || azure

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// driver runs a project's stack operations, whatever the language of its program.
type driver interface {
	preview(t *testing.T) (changes map[string]int, err error)
	up(t *testing.T) (changes map[string]int, outputs map[string]any, err error)
	destroy(t *testing.T) error
	// state opens the stack without running the program, for config and exports.
	state(t *testing.T) auto.Stack
}

// localDriver runs a project through the Automation API and the project's language host (YAML).
type localDriver struct{ stack auto.Stack }

func (d localDriver) preview(t *testing.T) (map[string]int, error) {
	res, err := d.stack.Preview(t.Context(), optpreview.Diff())
	changes := map[string]int{}
	for op, n := range res.ChangeSummary {
		changes[string(op)] = n
	}
	return changes, err
}

func (d localDriver) up(t *testing.T) (map[string]int, map[string]any, error) {
	res, err := d.stack.Up(t.Context(), optup.SuppressProgress())
	if err != nil {
		return nil, nil, err
	}
	outputs := map[string]any{}
	for k, v := range res.Outputs {
		outputs[k] = v.Value
	}
	return *res.Summary.ResourceChanges, outputs, nil
}

func (d localDriver) destroy(t *testing.T) error {
	_, err := d.stack.Destroy(t.Context(), optdestroy.SuppressProgress())
	return err
}

func (d localDriver) state(*testing.T) auto.Stack { return d.stack }

// lifecycleResult is what a project produced, for comparing languages.
type lifecycleResult struct {
	urns    []string // children, with the stack and project names normalized
	outputs map[string]any
}

// lifecycle runs the checks every example must pass: up creates exactly the expected children with
// filled outputs, a second up changes nothing, a tag-only change previews as updates only, and
// destroy leaves nothing.
func lifecycle(t *testing.T, d driver, env hermeticEnv, expected []string) lifecycleResult {
	ctx := t.Context()
	start := time.Now()
	step := func(name string) { t.Logf("e2e: %s done after %s", name, time.Since(start).Round(time.Millisecond)) }

	changes, err := d.preview(t)
	require.NoError(t, err, "first preview")
	assert.Equal(t, len(expected)+1, changes["create"], "the first preview creates the stack and every child")
	step("first preview")

	changes, outputs, err := d.up(t)
	require.NoError(t, err, "first up")
	assert.Equal(t, map[string]int{"create": len(expected) + 1}, changes)
	deployed := deployedURNs(t, ctx, d.state(t))
	assert.Equal(t, expected, deployed, "up must create exactly the expected children")
	checkOutputs(t, outputs)
	step("first up")

	changes, _, err = d.up(t)
	require.NoError(t, err, "second up")
	assert.Equal(t, map[string]int{"same": len(expected) + 1}, changes, "a second up must change nothing")
	step("second up")

	stack := d.state(t)
	require.NoError(t, stack.SetConfig(ctx, "environment", auto.ConfigValue{Value: "prod"}))
	changes, err = d.preview(t)
	require.NoError(t, err, "preview after a tag change")
	assert.Positive(t, changes["update"], "a tag change updates children")
	for _, op := range []string{"replace", "create-replacement", "delete-replaced", "create", "delete"} {
		assert.Zero(t, changes[op], "a tag change must not %s anything", op)
	}
	step("tag preview")

	require.NoError(t, d.destroy(t), "destroy")
	assert.Empty(t, deployedURNs(t, ctx, d.state(t)), "destroy must leave nothing")
	created, deleted := countCalls(t, env.callLog)
	assert.Equal(t, len(expected)-1, created, "the stand-in saw one create per Azure child")
	assert.Equal(t, created, deleted, "every created Azure child was deleted")
	step("destroy")

	return lifecycleResult{urns: normalizeURNs(deployed), outputs: outputs}
}

// normalizeURNs drops the stack and project from URNs so languages can be compared.
func normalizeURNs(urns []string) []string {
	out := make([]string, len(urns))
	for i, u := range urns {
		// urn:pulumi:<stack>::<project>::<type path>::<name>
		parts := strings.SplitN(u, "::", 3)
		out[i] = parts[len(parts)-1]
	}
	return out
}
