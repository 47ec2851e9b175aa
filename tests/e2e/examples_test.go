//go:build e2e

package e2e

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// exampleDir is the folder of the example in language.
func exampleDir(language string) string { return filepath.Join("..", "..", "examples", language) }

// TestExamples runs the same scenario in every language, each example in a copy of its folder the way
// its README tells a user: install its dependencies (the SDKs from the package registries they are
// published to), `pulumi stack init`, config, then `pulumi preview`, `pulumi up` and the rest through
// the CLI in that folder. All four must produce the same children and the same outputs.
func TestExamples(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	results := map[string]lifecycleResult{}
	projects := map[string]string{
		"yaml": "secureml-yaml", "go": "secureml-go", "nodejs": "secureml-nodejs", "python": "secureml-python",
	}
	t.Run("languages", func(t *testing.T) {
		for language, project := range projects {
			t.Run(language, func(t *testing.T) {
				t.Parallel()
				start := time.Now()
				env := newHermeticEnv(t)
				d := folderProject(t, env, language, exampleDir(language), "e2e", serviceConfig)
				prepared := time.Since(start)
				res := lifecycle(t, d, env, expectedURNs(t, "all-services-default.txt", "e2e", project))
				t.Logf("e2e: example %s in folder mode: install and stack setup %s, lifecycle %s, total %s", language,
					prepared.Round(time.Millisecond), res.duration.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
				mu.Lock()
				results[language] = res
				mu.Unlock()
			})
		}
	})
	require.Len(t, results, len(projects), "every language must finish its lifecycle")
	for language, res := range results {
		assert.Equal(t, results["yaml"].urns, res.urns, "%s must create the same children as YAML", language)
		assert.Equal(t, results["yaml"].outputs, res.outputs, "%s must produce the same outputs as YAML", language)
	}
}
