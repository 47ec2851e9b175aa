package securemlworkspace

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Derived names. Each is the type's abbreviation, the component's name cut to fit, and a six-character
// suffix hashed from the project, stack and component names: stable across runs, different per stack,
// so dev and prod do not compete for the same global storage, vault and registry names. Names are
// public contract: changing how they are derived replaces the resources that hold the data.

const suffixLength = 6

// nameSuffix is the stable suffix of the component's derived names.
func nameSuffix(project, stack, component string) string {
	sum := sha256.Sum256([]byte(project + "/" + stack + "/" + component))
	return hex.EncodeToString(sum[:])[:suffixLength]
}

// derive returns the derived name of a type.
func (r nameRule) derive(component, suffix string) string {
	if !r.hyphens {
		base := alphanumerics(component)
		room := min(r.max, 24+r.min) - len(r.prefix) - len(suffix) // keep names readable, not maximal
		return r.prefix + cut(base, room) + suffix
	}
	base := hyphenated(component)
	room := min(r.max, 33) - len(r.prefix) - len(suffix) - 2
	base = strings.Trim(cut(base, room), "-")
	if base == "" {
		return r.prefix + "-" + suffix
	}
	return r.prefix + "-" + base + "-" + suffix
}

// alphanumerics keeps the lowercase letters and digits of s.
func alphanumerics(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// hyphenated lowercases s and turns each run of other characters into one hyphen.
func hyphenated(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

func cut(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if len(s) > n {
		return s[:n]
	}
	return s
}

// azureNames are the Azure names of the component's resources.
type azureNames struct {
	storage, keyVault, registry, workspace, logAnalytics, appInsights string
}

// resolveNames returns the overrides, checked, or the derived names.
func resolveNames(overrides *ResourceNames, component, suffix string) (azureNames, error) {
	if overrides == nil {
		overrides = &ResourceNames{}
	}
	pick := func(kind nameKind, override *string) (string, error) {
		r := ruleFor(kind)
		if override == nil {
			return r.derive(component, suffix), nil
		}
		return *override, r.check("names."+string(kind), *override)
	}
	var n azureNames
	var err error
	for _, f := range []struct {
		kind     nameKind
		override *string
		into     *string
	}{
		{kindStorage, overrides.StorageAccount, &n.storage},
		{kindKeyVault, overrides.KeyVault, &n.keyVault},
		{kindRegistry, overrides.ContainerRegistry, &n.registry},
		{kindWorkspace, overrides.Workspace, &n.workspace},
		{kindLogAnalytics, overrides.LogAnalyticsWorkspace, &n.logAnalytics},
		{kindAppInsights, overrides.ApplicationInsights, &n.appInsights},
	} {
		if *f.into, err = pick(f.kind, f.override); err != nil {
			return azureNames{}, err
		}
	}
	return n, nil
}
