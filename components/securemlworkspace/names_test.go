package securemlworkspace

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Every derived name follows its type's rule, whatever the component is called.
func TestDerivedNamesFollowEveryRule(t *testing.T) {
	components := []string{"ml", "a", "ML_Platform.Prod", "x--y", "___", "a-very-long-component-name-that-goes-on-and-on",
		"0start", "trailing-", strings.Repeat("z", 50)}
	for _, c := range components {
		suffix := nameSuffix("project", "dev", c)
		for _, r := range nameRules {
			name := r.derive(c, suffix)
			require.NoError(t, r.check("names."+string(r.kind), name), "component %q", c)
			require.True(t, strings.HasSuffix(name, suffix), name)
		}
	}
}

// The suffix is stable for one stack and differs between stacks, so dev and prod do not compete for
// the same global names.
func TestNameSuffixIsStablePerStack(t *testing.T) {
	require.Equal(t, nameSuffix("p", "dev", "ml"), nameSuffix("p", "dev", "ml"))
	require.NotEqual(t, nameSuffix("p", "dev", "ml"), nameSuffix("p", "prod", "ml"))
	require.Len(t, nameSuffix("p", "dev", "ml"), suffixLength)
	// Pinned: changing the derivation renames (replaces) resources that hold data.
	names, err := resolveNames(nil, "ml", nameSuffix("project", "dev", "ml"))
	require.NoError(t, err)
	s := nameSuffix("project", "dev", "ml")
	require.Equal(t, azureNames{storage: "stml" + s, keyVault: "kv-ml-" + s, registry: "crml" + s,
		workspace: "mlw-ml-" + s, logAnalytics: "log-ml-" + s, appInsights: "appi-ml-" + s}, names)
}

func TestNameOverrides(t *testing.T) {
	cases := []struct {
		kind nameKind
		name string
		want string // "" when valid
	}{
		{kindStorage, "stmlprod01", ""},
		{kindStorage, "StMlProd", `names.storageAccount "StMlProd" has characters or a shape Azure refuses: a storage account name must have 3-24 characters, lowercase letters and digits only`},
		{kindStorage, "st-ml", "has characters or a shape Azure refuses"},
		{kindStorage, "st", `names.storageAccount "st" has 2 characters`},
		{kindStorage, strings.Repeat("s", 25), "has 25 characters"},
		{kindKeyVault, "kv-ml-prod", ""},
		{kindKeyVault, "1kv", "has characters or a shape Azure refuses: a Key Vault name must have 3-24 characters"},
		{kindKeyVault, "kv--ml", `names.keyVault "kv--ml" has consecutive hyphens`},
		{kindKeyVault, "kv-ml-", "has characters or a shape Azure refuses"},
		{kindKeyVault, strings.Repeat("k", 25), "has 25 characters"},
		{kindRegistry, "crmlprod", ""},
		{kindRegistry, "crml", `names.containerRegistry "crml" has 4 characters`},
		{kindRegistry, "cr-ml-prod", "has characters or a shape Azure refuses"},
		{kindWorkspace, "mlw_prod-1", ""},
		{kindWorkspace, strings.Repeat("w", 34), `names.workspace "` + strings.Repeat("w", 34) + `" has 34 characters`},
		{kindWorkspace, "-mlw", "has characters or a shape Azure refuses"},
		{kindWorkspace, "mlw.prod", "has characters or a shape Azure refuses"},
		{kindLogAnalytics, "log", `names.logAnalyticsWorkspace "log" has 3 characters`},
		{kindLogAnalytics, "log-ml-", "has characters or a shape Azure refuses"},
		{kindAppInsights, "appi ml (prod)", ""},
		{kindAppInsights, "appi?ml", "has characters or a shape Azure refuses"},
		{kindAppInsights, "appi/ml", "has characters or a shape Azure refuses"},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s/%s", c.kind, c.name), func(t *testing.T) {
			err := ruleFor(c.kind).check("names."+string(c.kind), c.name)
			if c.want == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorContains(t, err, c.want)
			require.ErrorContains(t, err, "leave names."+string(c.kind)+" unset to use the derived name")
		})
	}
}
