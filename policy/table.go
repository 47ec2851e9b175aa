package policy

import (
	"fmt"
	"strings"
)

// ChecksTable renders the checks as the Markdown table docs/policy-pack.md carries (a test keeps the
// two in step).
func ChecksTable() string {
	var b strings.Builder
	b.WriteString("| Check | Azure Policy | Checkov | Enforcement | Scope | What it requires |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- |\n")
	for _, c := range Checks() {
		scope := "resource"
		if c.Stack != nil {
			scope = "stack"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s |\n", c.Name, code(c.AzurePolicy), code(c.Checkov),
			c.EnforcementName(), scope, c.Summary)
	}
	return b.String()
}

func code(id string) string {
	if id == None {
		return None
	}
	return "`" + id + "`"
}
