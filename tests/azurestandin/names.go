package azurestandin

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameRule is Azure's naming rule for one resource type.
type nameRule struct {
	min, max int // in characters
	// dnsName rules (private DNS zones) apply per label instead of the character pattern.
	dnsName bool
	// pattern is the characters' rule; nil is networkName.
	pattern *regexp.Regexp
	// noDoubleHyphen refuses "--" anywhere in the name (Key Vault).
	noDoubleHyphen bool
	// forbidden, when set, replaces the pattern: any character but these and control characters
	// (Application Insights).
	forbidden string
	// describe states the rule in the InvalidResourceName message; "" is the Microsoft.Network text.
	describe string
	// code and message are the type's own refusal where Azure has one (message: a format whose one %s
	// is the name); empty code is InvalidResourceName.
	code, message string
}

// networkName is the pattern most Microsoft.Network types share: "Alphanumerics, underscores,
// periods, and hyphens. Start with alphanumeric. End with alphanumeric or underscore."
var networkName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$`)

// dnsLabel is one label of a private DNS zone name: "alphanumerics, underscores, and hyphens".
var dnsLabel = regexp.MustCompile(`^[A-Za-z0-9_-]{1,63}$`)

// nameRules by ARM type. Source: azure-docs azure-resource-manager/management/resource-name-rules.md
// (ms.date 03/14/2025), Microsoft.Network rows, and the rows of the services below. The page has no row for private endpoint DNS zone
// groups, nor for firewall policy rule collection groups (it lists the older firewallPolicies / ruleGroups),
// so their names are not checked.
var nameRules = map[string]nameRule{
	"Microsoft.Network/virtualNetworks":                        {min: 2, max: 64},
	"Microsoft.Network/virtualNetworks/subnets":                {min: 1, max: 80},
	"Microsoft.Network/virtualNetworks/virtualNetworkPeerings": {min: 1, max: 80},
	"Microsoft.Network/networkSecurityGroups":                  {min: 1, max: 80},
	"Microsoft.Network/routeTables":                            {min: 1, max: 80},
	"Microsoft.Network/privateEndpoints":                       {min: 2, max: 64},
	"Microsoft.Network/networkInterfaces":                      {min: 1, max: 80},
	"Microsoft.Network/publicIPAddresses":                      {min: 1, max: 80},
	"Microsoft.Network/natGateways":                            {min: 1, max: 80},
	"Microsoft.Network/virtualNetworkGateways":                 {min: 1, max: 80},
	"Microsoft.Network/localNetworkGateways":                   {min: 1, max: 80},
	"Microsoft.Network/connections":                            {min: 1, max: 80},
	"Microsoft.Network/bastionHosts":                           {min: 1, max: 80},
	"Microsoft.Network/privateDnsZones":                        {min: 1, max: 63, dnsName: true},
	"Microsoft.Network/privateDnsZones/virtualNetworkLinks":    {min: 1, max: 80},
	"Microsoft.Network/publicIPPrefixes":                       {min: 1, max: 80},
	"Microsoft.Network/azureFirewalls":                         {min: 1, max: 80},
	"Microsoft.Network/firewallPolicies":                       {min: 1, max: 80},
	"Microsoft.Network/applicationSecurityGroups":              {min: 1, max: 80},

	// The SecureMLWorkspace services. Rules: resource-name-rules.md, as summarized in
	// deploy-times-and-security-checks.md §4. Codes and messages as Azure answers them, where found.

	// "3-24, lowercase letters and numbers". AccountNameInvalid and its message: pulumi/templates #274
	// (through azure-native), Azure/AzureMonitorStarterPacks #171.
	armStorageAccount: {min: 3, max: 24, pattern: regexp.MustCompile(`^[a-z0-9]+$`),
		code: "AccountNameInvalid", message: "%s is not a valid storage account name. Storage account name must be " +
			"between 3 and 24 characters in length and use numbers and lower-case letters only."},
	// "3-24, alphanumerics and hyphens, start with letter, end with letter or digit, no consecutive
	// hyphens". VaultNameNotValid and its message: cristianoag/microsoft-teams-apps-company-communicator
	// #28, OfficeDev/microsoft-teams-apps-newemployeeonboarding #28, Azure/AI-in-a-Box #104.
	armVault: {min: 3, max: 24, pattern: regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]$`), noDoubleHyphen: true,
		code: "VaultNameNotValid", message: "The vault name '%s' is invalid. A vault's name must be between 3-24 " +
			"alphanumeric characters. The name must begin with a letter, end with a letter or digit, and not contain " +
			"consecutive hyphens. Follow this link for more information: https://go.microsoft.com/fwlink/?linkid=2147742"},
	// "5-50, alphanumerics". ResourceNameInvalid and its message: microsoft/GitHub-Copilot-for-Azure #867.
	armRegistry: {min: 5, max: 50, pattern: regexp.MustCompile(`^[A-Za-z0-9]+$`),
		code: "ResourceNameInvalid", message: "Invalid resource name: '%s'. Resource names may contain alpha numeric " +
			"characters only and must be between 5 and 50 characters."},
	// "4-63, alphanumerics and hyphens, start and end with alphanumeric". InvalidParameter and the first
	// sentence: Azure/AzureMonitorStarterPacks #173; the length clause (the portal's "The workspace name
	// must be between 4 and 63 characters", Azure/terraform-azurerm-avm-res-operationalinsights-workspace
	// PR #72) and the name are the stand-in's.
	armLogAnalytics: {min: 4, max: 63, pattern: regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$`),
		code: "InvalidParameter", message: "Workspace name must start and end with an alphanumeric character, and may " +
			"contain only alphanumeric and hyphen characters. The workspace name must be between 4 and 63 characters. " +
			"Workspace name: '%s'."},
	// The REST pattern ^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$ (Azure/Azure-Verified-Modules #2071). Azure's code
	// for it was not found: InvalidResourceName, wording approximate.
	armMLWorkspace: {min: 3, max: 33, pattern: regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$`),
		describe: "The name can be 3 to 33 characters long, must begin with a letter or digit, and may contain " +
			"letters, digits, '_' and '-' (pattern ^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$)."},
	// "1-260, can't use % & \ ? / or control characters". Azure's code for it was not found:
	// InvalidResourceName, wording approximate.
	armAppInsights: {min: 1, max: 260, forbidden: `%&\?/`,
		describe: `The name can be 1 to 260 characters long and can't contain %, &, \, ?, / or control characters.`},
}

// childNameRules are the rules of names nested in a resource's body (security rules, routes).
var childNameRules = map[string]nameRule{
	"securityRules": {min: 1, max: 80},
	"routes":        {min: 1, max: 80},
}

// checkName refuses a name outside its type's rule, the way Azure answers InvalidResourceName.
func checkName(armType, name string) error {
	rule, ok := nameRules[armType]
	if !ok {
		return nil
	}
	return rule.check(armType, name)
}

func (r nameRule) check(what, name string) error {
	if r.dnsName {
		labels := strings.Split(name, ".")
		if len(labels) < 2 || len(labels) > 34 {
			return errInvalidName(name, what, "A private DNS zone name has 2 to 34 labels separated by periods.")
		}
		for _, l := range labels {
			if !dnsLabel.MatchString(l) {
				return errInvalidName(name, what, "Each label has 1-63 alphanumerics, underscores and hyphens.")
			}
		}
		return nil
	}
	if r.valid(name) {
		return nil
	}
	if r.code != "" {
		return &AzureError{Status: 400, Code: r.code, Message: fmt.Sprintf(r.message, name)}
	}
	describe := r.describe
	if describe == "" {
		describe = fmt.Sprintf("The name can be %d to %d characters long. It must begin with "+
			"a letter or digit and end with a letter, digit or '_', and may contain letters, digits, '.', '-' and '_'.",
			r.min, r.max)
	}
	return errInvalidName(name, what, describe)
}

// valid applies the length and character rules (not the DNS name rule).
func (r nameRule) valid(name string) bool {
	if n := utf8.RuneCountInString(name); n < r.min || n > r.max {
		return false
	}
	if r.noDoubleHyphen && strings.Contains(name, "--") {
		return false
	}
	if r.forbidden != "" {
		return !strings.ContainsAny(name, r.forbidden) && strings.IndexFunc(name, unicode.IsControl) < 0
	}
	pattern := r.pattern
	if pattern == nil {
		pattern = networkName
	}
	return pattern.MatchString(name)
}
