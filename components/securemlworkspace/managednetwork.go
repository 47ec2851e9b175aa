package securemlworkspace

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/components/armid"
	net "github.com/secureml/pulumi-secureml/components/securemlnetwork"
)

// The managed network (how-to-managed-network.md): once a workspace allows Internet outbound it
// "cannot be reconfigured to disabled", and once it allows only approved outbound it "cannot be
// reconfigured to allow internet outbound". So the modes only move forward; isolationRank orders them.
var isolationRank = map[IsolationMode]int{
	IsolationDisabled:                  0,
	IsolationAllowInternetOutbound:     1,
	IsolationAllowOnlyApprovedOutbound: 2,
}

// managedNetworkPlan is the checked managed network.
type managedNetworkPlan struct {
	mode        IsolationMode
	firewallSku *ManagedFirewallSku
	rules       []namedRule // sorted by name
}

type namedRule struct {
	name string
	rule OutboundRule
}

// storageHosts are the storage endpoint suffixes per cloud. In AllowOnlyApprovedOutbound mode Azure ML
// refuses FQDN rules to storage ("an FQDN rule cannot be used to reach storage"); a PrivateEndpoint
// rule reaches it.
var storageHosts = map[net.Cloud]string{
	net.CloudAzureCloud:        ".core.windows.net",
	net.CloudAzureUSGovernment: ".core.usgovcloudapi.net",
	net.CloudAzureChinaCloud:   ".core.chinacloudapi.cn",
}

var (
	fqdnPattern = regexp.MustCompile(`^(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$`)
	portRanges  = regexp.MustCompile(`^(\*|\d{1,5}(-\d{1,5})?(,\d{1,5}(-\d{1,5})?)*)$`)
	ruleName    = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)
)

func planManagedNetwork(m *ManagedNetworkSettings, cloud net.Cloud) (managedNetworkPlan, error) {
	settings := valueOr(m, ManagedNetworkSettings{})
	p := managedNetworkPlan{mode: valueOr(settings.IsolationMode, defaultIsolationMode), firewallSku: settings.FirewallSku}
	if _, ok := isolationRank[p.mode]; !ok {
		return p, fmt.Errorf("workspace.managedNetwork.isolationMode %q is not a mode; use Disabled, "+
			"AllowInternetOutbound or AllowOnlyApprovedOutbound", p.mode)
	}
	if p.firewallSku != nil && *p.firewallSku != ManagedFirewallStandard && *p.firewallSku != ManagedFirewallBasic {
		return p, fmt.Errorf("workspace.managedNetwork.firewallSku %q is not a tier; use Standard or Basic", *p.firewallSku)
	}
	if p.mode == IsolationDisabled && (len(settings.OutboundRules) > 0 || p.firewallSku != nil) {
		return p, fmt.Errorf("workspace.managedNetwork.outboundRules and firewallSku apply to a managed network, but " +
			"isolationMode is Disabled (compute runs in the customer network, whose egress settings apply); set " +
			"isolationMode to AllowOnlyApprovedOutbound or remove them")
	}
	for name, rule := range settings.OutboundRules {
		if err := checkRule(name, rule, p.mode, cloud); err != nil {
			return p, err
		}
		p.rules = append(p.rules, namedRule{name, rule})
	}
	sort.Slice(p.rules, func(i, j int) bool { return p.rules[i].name < p.rules[j].name })
	return p, nil
}

// checkRule checks one outbound rule against its type and the mode.
func checkRule(name string, r OutboundRule, mode IsolationMode, cloud net.Cloud) error {
	path := fmt.Sprintf("workspace.managedNetwork.outboundRules[%q]", name)
	if !ruleName.MatchString(name) {
		return fmt.Errorf("%s: a rule name must have 1-64 letters, digits, '_' or '-', starting with a letter or digit", path)
	}
	has := map[string]bool{"fqdn": r.Fqdn != nil, "serviceResourceId": r.ServiceResourceID != nil,
		"subresourceTarget": r.SubresourceTarget != nil, "sparkEnabled": r.SparkEnabled != nil,
		"serviceTag": r.ServiceTag != nil, "protocol": r.Protocol != nil, "portRanges": r.PortRanges != nil}
	fields := map[OutboundRuleType][]string{
		OutboundRuleFQDN:            {"fqdn"},
		OutboundRulePrivateEndpoint: {"serviceResourceId", "subresourceTarget", "sparkEnabled"},
		OutboundRuleServiceTag:      {"serviceTag", "protocol", "portRanges"},
	}
	own, ok := fields[r.Type]
	if !ok {
		return fmt.Errorf("%s.type %q is not a rule type; use FQDN, PrivateEndpoint or ServiceTag", path, r.Type)
	}
	for _, f := range slices.Sorted(maps.Keys(has)) {
		if has[f] && !slices.Contains(own, f) {
			return fmt.Errorf("%s.%s does not apply to a %s rule; remove it", path, f, r.Type)
		}
	}
	if r.Type != OutboundRulePrivateEndpoint && mode != IsolationAllowOnlyApprovedOutbound {
		return fmt.Errorf("%s is a %s rule, which applies only when isolationMode is AllowOnlyApprovedOutbound (in %s "+
			"the managed network reaches the Internet already); change the mode or remove the rule", path, r.Type, mode)
	}
	switch r.Type {
	case OutboundRuleFQDN:
		host := strings.ToLower(valueOr(r.Fqdn, ""))
		if !fqdnPattern.MatchString(host) {
			return fmt.Errorf("%s.fqdn %q is not a host name such as pypi.org or *.pythonhosted.org (no scheme, "+
				"port or path: FQDN rules allow ports 80 and 443 only)", path, host)
		}
		if strings.HasSuffix(host, storageHosts[cloud]) {
			return fmt.Errorf("%s.fqdn %q is a storage host, which Azure ML refuses in an FQDN rule; use a "+
				"PrivateEndpoint rule with the storage account's resource ID and its sub-resource", path, host)
		}
	case OutboundRulePrivateEndpoint:
		if r.ServiceResourceID == nil || r.SubresourceTarget == nil {
			return fmt.Errorf("%s needs serviceResourceId and subresourceTarget (for example blob)", path)
		}
	case OutboundRuleServiceTag:
		if r.ServiceTag == nil || *r.ServiceTag == "" {
			return fmt.Errorf("%s needs serviceTag, for example AzureOpenDatasets", path)
		}
		protocol := strings.ToUpper(valueOr(r.Protocol, "TCP"))
		if !slices.Contains([]string{"TCP", "UDP", "ICMP", "*"}, protocol) {
			return fmt.Errorf("%s.protocol %q is not TCP, UDP, ICMP or *", path, protocol)
		}
		if ports := valueOr(r.PortRanges, ""); !portRanges.MatchString(ports) || !portsInRange(ports) {
			return fmt.Errorf("%s.portRanges %q must list ports 1-65535 or ranges, for example 443 or 80,443 or 8000-8080", path, ports)
		}
	}
	return nil
}

func portsInRange(ports string) bool {
	if ports == "*" {
		return true
	}
	for _, part := range strings.FieldsFunc(ports, func(r rune) bool { return r == ',' || r == '-' }) {
		var n int
		if _, err := fmt.Sscan(part, &n); err != nil || n < 1 || n > 65535 {
			return false
		}
	}
	return true
}

// checkTransition refuses a change of mode Azure refuses.
func checkTransition(workspace string, current, next IsolationMode) error {
	if isolationRank[next] >= isolationRank[current] {
		return nil
	}
	return fmt.Errorf("workspace.managedNetwork.isolationMode cannot change from %s to %s: workspace %q has a managed "+
		"network in %s mode, and Azure ML never lets a workspace go back to a more open mode (Disabled < "+
		"AllowInternetOutbound < AllowOnlyApprovedOutbound). Keep %s, or create a new workspace",
		current, next, workspace, current, current)
}

// workspaceReadToken reads a workspace at the API version the component creates it with, the first
// with the managed network (see workspace.go).
const workspaceReadToken = "azure-native:machinelearningservices/v20241001:getWorkspace"

// currentIsolationMode reads the mode of the workspace as Azure has it now: found is false when it
// does not exist yet (or its resource group is not known at preview).
func currentIsolationMode(ctx *pulumi.Context, group pulumi.StringInput, workspace string,
) (mode IsolationMode, found bool, err error) {
	groupName, known, err := net.KnownString(ctx, group)
	if err != nil || !known {
		return "", false, err
	}
	var result struct {
		ManagedNetwork *struct {
			IsolationMode string `pulumi:"isolationMode"`
		} `pulumi:"managedNetwork"`
	}
	err = ctx.Invoke(workspaceReadToken, map[string]any{"resourceGroupName": groupName, "workspaceName": workspace},
		&result, pulumi.Version(azureNativeVersion))
	if armid.IsNotFound(err) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("reading workspace %q to check its managed network mode: %w", workspace, err)
	}
	if result.ManagedNetwork == nil || result.ManagedNetwork.IsolationMode == "" {
		return IsolationDisabled, true, nil
	}
	return IsolationMode(result.ManagedNetwork.IsolationMode), true, nil
}
