package securemlworkspace

import (
	"fmt"
	"regexp"
	"strings"
)

// Naming rules of the Azure types the component names (resource-name-rules.md; the workspace's REST
// pattern from Azure/Azure-Verified-Modules #2071). Storage accounts, Key Vaults and registries have
// names unique across all of Azure, and a deleted Key Vault or workspace keeps its name for its
// soft-delete period, so a name that breaks a rule, or clashes, fails only at create time; checking
// the rules at preview catches the first kind.

type nameKind string

const (
	kindStorage      nameKind = "storageAccount"
	kindKeyVault     nameKind = "keyVault"
	kindRegistry     nameKind = "containerRegistry"
	kindWorkspace    nameKind = "workspace"
	kindLogAnalytics nameKind = "logAnalyticsWorkspace"
	kindAppInsights  nameKind = "applicationInsights"
)

// nameRule is one type's rule and how the component derives a name of that type.
type nameRule struct {
	kind     nameKind
	what     string         // the Azure type, for messages
	min, max int            // length limits
	pattern  *regexp.Regexp // the allowed characters and shape
	allowed  string         // the pattern in words, for messages and the schema
	scope    string         // where the name must be unique
	prefix   string         // the derived name's prefix (Cloud Adoption Framework abbreviations)
	hyphens  bool           // the derived name separates its parts with hyphens
}

var nameRules = []nameRule{
	{kind: kindStorage, what: "storage account", min: 3, max: 24, pattern: regexp.MustCompile(`^[a-z0-9]+$`),
		allowed: "lowercase letters and digits only", scope: "all of Azure", prefix: "st"},
	{kind: kindKeyVault, what: "Key Vault", min: 3, max: 24,
		pattern: regexp.MustCompile(`^[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?$`),
		allowed: "letters, digits and single hyphens, starting with a letter and ending with a letter or digit",
		scope:   "all of Azure, including vaults deleted within their retention period", prefix: "kv", hyphens: true},
	{kind: kindRegistry, what: "container registry", min: 5, max: 50, pattern: regexp.MustCompile(`^[A-Za-z0-9]+$`),
		allowed: "letters and digits only", scope: "all of Azure", prefix: "cr"},
	{kind: kindWorkspace, what: "Azure ML workspace", min: 3, max: 33,
		pattern: regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`),
		allowed: "letters, digits, '_' and '-', starting with a letter or digit",
		scope:   "the resource group, including workspaces deleted within 14 days", prefix: "mlw", hyphens: true},
	{kind: kindLogAnalytics, what: "Log Analytics workspace", min: 4, max: 63,
		pattern: regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$`),
		allowed: "letters, digits and hyphens, starting and ending with a letter or digit",
		scope:   "the resource group", prefix: "log", hyphens: true},
	{kind: kindAppInsights, what: "Application Insights component", min: 1, max: 260,
		pattern: regexp.MustCompile(`^[^%&\\?/\x00-\x1f\x7f]+$`),
		allowed: "any characters but % & \\ ? / and control characters",
		scope:   "the resource group", prefix: "appi", hyphens: true},
}

func ruleFor(kind nameKind) nameRule {
	for _, r := range nameRules {
		if r.kind == kind {
			return r
		}
	}
	panic("no name rule for " + string(kind))
}

// doc describes the rule for the schema.
func (r nameRule) doc() string {
	return fmt.Sprintf("Name of the %s: %d-%d characters, %s; unique in %s.", r.what, r.min, r.max, r.allowed, r.scope)
}

// check returns an error naming the input, the value and the fix, or nil.
func (r nameRule) check(path, name string) error {
	problem := ""
	switch n := len(name); {
	case n < r.min || n > r.max:
		problem = fmt.Sprintf("has %d characters", n)
	case !r.pattern.MatchString(name):
		problem = "has characters or a shape Azure refuses"
	case r.kind == kindKeyVault && strings.Contains(name, "--"):
		problem = "has consecutive hyphens"
	}
	if problem == "" {
		return nil
	}
	return fmt.Errorf("%s %q %s: a %s name must have %d-%d characters, %s; fix it or leave %s unset to use the "+
		"derived name", path, name, problem, r.what, r.min, r.max, r.allowed, path)
}
