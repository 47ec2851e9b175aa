//go:build e2e

package e2e

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// exampleDir is the folder of the example in language.
func exampleDir(language string) string { return filepath.Join("..", "..", "examples", language) }

// TestExamples runs the same scenario in every language: YAML through pulumi-language-yaml; Go,
// TypeScript and Python through Automation API inline programs that execute each example's own code.
// All four must produce the same children and the same outputs.
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
				env := newHermeticEnv(t)
				var d driver
				if language == "yaml" {
					stack := yamlStack(t, env, "e2e")
					setConfig(t, stack, serviceConfig)
					d = localDriver{stack: stack}
				} else {
					d = newRunnerDriver(t, env, language, exampleDir(language), "e2e", serviceConfig)
				}
				res := lifecycle(t, d, env, expectedURNs(t, "all-services-default.txt", "e2e", project))
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
