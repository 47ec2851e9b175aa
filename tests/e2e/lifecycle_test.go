//go:build e2e || azure

package e2e

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// driver runs a project's stack operations, whatever the language of its program.
type driver interface {
	preview(t *testing.T) (changes map[string]int, err error)
	up(t *testing.T) (changes map[string]int, outputs map[string]any, err error)
	destroy(t *testing.T) error
	// setConfig sets stack config values, as secrets when secret is true.
	setConfig(t *testing.T, values map[string]string, secret bool)
	// resources is the stack's state, as `pulumi stack export` shows it.
	resources(t *testing.T) []apitype.ResourceV3
	// exportText is the output of `pulumi stack export`, word for word.
	exportText(t *testing.T) string
}

// localDriver runs a YAML program through the Automation API with the project folder as its source
// (the CLI runs underneath, in that folder). Tests that need what only the Automation API gives (the
// engine's event stream, state imports) or change many small programs use it; see runners/README.md.
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

func (d localDriver) setConfig(t *testing.T, values map[string]string, secret bool) {
	t.Helper()
	config := auto.ConfigMap{}
	for k, v := range values {
		config[k] = auto.ConfigValue{Value: v, Secret: secret}
	}
	require.NoError(t, d.stack.SetAllConfig(t.Context(), config))
}

func (d localDriver) resources(t *testing.T) []apitype.ResourceV3 { return exportResources(t, d.stack) }

func (d localDriver) exportText(t *testing.T) string {
	t.Helper()
	deployment, err := d.stack.Export(t.Context())
	require.NoError(t, err)
	data, err := json.Marshal(deployment)
	require.NoError(t, err)
	return string(data)
}

// lifecycleResult is what a project produced, for comparing languages.
type lifecycleResult struct {
	urns     []string // children, with the stack and project names normalized
	outputs  map[string]any
	duration time.Duration // of the lifecycle's commands
}

// lifecycle runs the checks every example must pass: up creates exactly the expected children with
// filled outputs, a second up changes nothing, a tag-only change previews as updates only, and
// destroy leaves nothing.
func lifecycle(t *testing.T, d driver, env hermeticEnv, expected []string) lifecycleResult {
	start := time.Now()
	step := func(name string) { t.Logf("e2e: %s done after %s", name, time.Since(start).Round(time.Millisecond)) }

	changes, err := d.preview(t)
	require.NoError(t, err, "first preview")
	assert.Equal(t, len(expected)+1, changes["create"], "the first preview creates the stack and every child")
	step("first preview")

	changes, outputs, err := d.up(t)
	require.NoError(t, err, "first up")
	assert.Equal(t, map[string]int{"create": len(expected) + 1}, changes)
	deployed := childURNs(d.resources(t))
	assert.Equal(t, expected, deployed, "up must create exactly the expected children")
	checkOutputs(t, outputs)
	step("first up")

	changes, _, err = d.up(t)
	require.NoError(t, err, "second up")
	assert.Equal(t, map[string]int{"same": len(expected) + 1}, changes, "a second up must change nothing")
	step("second up")

	d.setConfig(t, map[string]string{"environment": "prod"}, false)
	changes, err = d.preview(t)
	require.NoError(t, err, "preview after a tag change")
	assert.Positive(t, changes["update"], "a tag change updates children")
	for _, op := range []string{"replace", "create-replacement", "delete-replaced", "create", "delete"} {
		assert.Zero(t, changes[op], "a tag change must not %s anything", op)
	}
	step("tag preview")

	require.NoError(t, d.destroy(t), "destroy")
	assert.Empty(t, childURNs(d.resources(t)), "destroy must leave nothing")
	created, deleted := countCalls(t, env.callLog)
	assert.Equal(t, len(expected)-1, created, "the stand-in saw one create per Azure child")
	assert.Equal(t, created, deleted, "every created Azure child was deleted")
	step("destroy")

	return lifecycleResult{urns: normalizeURNs(deployed), outputs: outputs, duration: time.Since(start)}
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
