//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/events"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/secureml/pulumi-secureml/tests/azurestandin"
)

// explainedUpdates lists every update that previewing the current code on a stack written by an
// earlier release shows, by release, golden configuration and child name, with the reason. An update
// that is not listed fails the test, and so does a listed one that no longer happens, a replacement,
// a create or a delete.
var explainedUpdates = map[string]map[string]map[string]string{
	"0.1.0": {
		"all-services-default": {},
		"public-ip-compute-no-scoring-china": {
			"ml-training-nsg": "outboundInternet Deny now also allows the situational rules of the Azure ML docs that " +
				"people commonly need: AzureMonitor 443, Storage.<region> 445 and AzureMachineLearning 8787 (RStudio).",
		},
		"hub-dns-all-storage-government": {
			"ml-training-nsg": "AzureFrontDoor.FirstParty is a service tag of the public cloud only; Azure Government " +
				"refuses a rule naming it, so the rule is gone.",
			"ml-scoring-nsg": "The same FirstParty rule, removed.",
		},
	},
	// The first release with SecureMLWorkspace; its other configurations are those of 0.1.0.
	"0.2.0": {
		"workspace-greenfield": {},
	},
}

// TestUpgradeFromEarlierReleases imports the state each earlier release wrote for each golden
// configuration (tests/upgrade/fixtures), over a pretend Azure seeded from that state, and previews the
// current code on it: only the explained updates, nothing replaced or deleted. Then it runs the
// update, which the offline Azure stand-in (a test double) must accept, and a second preview must be
// clean.
func TestUpgradeFromEarlierReleases(t *testing.T) {
	t.Parallel()
	for release, configs := range explainedUpdates {
		for config, explained := range configs {
			t.Run(release+"/"+config, func(t *testing.T) {
				t.Parallel()
				ctx := t.Context()
				env := newHermeticEnv(t)
				env.vars["PULUMI_CONFIG_PASSPHRASE"] = "upgrade-fixture" // the fixtures were recorded with it
				project := filepath.Join(env.dir, "project")
				require.NoError(t, os.CopyFS(project, os.DirFS(filepath.Join("..", "upgrade", "programs", config))))
				stack := yamlStackIn(t, env, project, "upgrade")

				data, err := os.ReadFile(filepath.Join("..", "upgrade", "fixtures", release, config+".json"))
				require.NoError(t, err)
				var fixture apitype.UntypedDeployment
				require.NoError(t, json.Unmarshal(data, &fixture))
				require.NoError(t, stack.Import(ctx, fixture))
				var state apitype.DeploymentV3
				require.NoError(t, json.Unmarshal(fixture.Deployment, &state))
				store := azurestandin.NewStore(env.vars["SECUREML_STANDIN_STATE"])
				require.NoError(t, azurestandin.SeedFromState(store, state.Resources))

				ops := previewOps(t, stack)
				require.NotEmpty(t, ops, "the preview reports every child of the fixture")
				t.Logf("upgrade %s/%s: %d children previewed", release, config, len(ops))
				var updated []string
				for name, op := range ops {
					switch op {
					case apitype.OpSame:
					case apitype.OpUpdate:
						updated = append(updated, name)
						assert.Contains(t, explained, name, "%s is updated, but the update is not explained", name)
					default:
						t.Errorf("%s: %s; an upgrade may only update", name, op)
					}
				}
				sort.Strings(updated)
				var want []string
				for name := range explained {
					want = append(want, name)
				}
				sort.Strings(want)
				assert.Equal(t, want, updated, "every explained update happens")

				_, err = stack.Up(ctx, optup.SuppressProgress())
				require.NoError(t, err, "the offline Azure stand-in accepts the upgrade")
				for name, op := range previewOps(t, stack) {
					assert.Equal(t, apitype.OpSame, op, "%s after the upgrade", name)
				}
			})
		}
	}
}

// previewOps previews the stack and returns each resource's step by resource name, leaving out the
// stack and providers.
func previewOps(t *testing.T, stack auto.Stack) map[string]apitype.OpType {
	t.Helper()
	stream := make(chan events.EngineEvent)
	ops := map[string]apitype.OpType{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for e := range stream {
			if e.ResourcePreEvent == nil {
				continue
			}
			m := e.ResourcePreEvent.Metadata
			if m.Type == "pulumi:pulumi:Stack" || strings.HasPrefix(m.Type, "pulumi:providers:") {
				continue
			}
			ops[m.URN[strings.LastIndex(m.URN, "::")+2:]] = m.Op
		}
	}()
	_, err := stack.Preview(t.Context(), optpreview.EventStreams(stream))
	<-done
	require.NoError(t, err)
	return ops
}
