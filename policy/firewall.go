package policy

import (
	"fmt"
	"strings"
)

// Azure Firewall checks (reference: hybrid-and-egress §8, the firewall rows).

// checkFirewallNotBasic: neither a firewall nor its policy is of the Basic tier. Basic has no DNS
// proxy, no FQDNs in network rules and no forced tunnelling (features-by-sku), so it cannot carry the
// rules Azure ML's compute needs through a firewall.
func checkFirewallNotBasic(r Resource, _ Settings) []string {
	var what string
	switch r.Kind() {
	case kindFirewall:
		what = "Azure Firewall"
	case kindFirewallPolicy:
		what = "firewall policy"
	default:
		return nil
	}
	if tier, ok := knownString(at(r.Props, "sku", "tier")); ok && equalFold(tier, "Basic") {
		return []string{fmt.Sprintf("%s %s is of the Basic tier; use Standard or Premium: Basic has no DNS proxy, "+
			"no FQDNs in network rules and no forced tunnelling, which Azure ML's outbound rules need", what, r.describe())}
	}
	return nil
}

// checkFirewallHasPolicy: a firewall takes its rules from a firewall policy (Checkov CKV_AZURE_219),
// not from classic rules set on the firewall itself.
func checkFirewallHasPolicy(r Resource, _ Settings) []string {
	if r.Kind() != kindFirewall || present(r.Props.Get("firewallPolicy")) {
		return nil
	}
	return []string{fmt.Sprintf("Azure Firewall %s has no firewall policy; attach one (firewallPolicy.id) and keep "+
		"its rules there rather than in classic rule collections", r.describe())}
}

// checkNetworkFqdnsNeedDNSProxy: a policy whose network rules name FQDNs has DNS proxy on ("You must
// enable DNS Proxy to use FQDNs in your network rules"): without it the firewall cannot resolve them
// as its clients do, and the rules do not match.
func checkNetworkFqdnsNeedDNSProxy(s *Stack) []Violation {
	var out []Violation
	for _, policy := range s.ofKind(kindFirewallPolicy) {
		proxy, known := knownBool(at(policy.Props, "dnsSettings", "enableProxy"))
		if !known && present(at(policy.Props, "dnsSettings", "enableProxy")) {
			continue // unknown at preview
		}
		if proxy {
			continue
		}
		for _, group := range s.childrenOf(policy, kindRuleCollections, "firewallPolicyName") {
			if fqdns := networkRuleFqdns(group); len(fqdns) > 0 {
				out = append(out, Violation{URN: group.URN, Message: fmt.Sprintf(
					"rule collection group %s has network rules with FQDNs (%s) but firewall policy %s does not "+
						"enable DNS proxy; set dnsSettings.enableProxy to true, or use IP addresses or service tags",
					group.describe(), strings.Join(fqdns, ", "), policy.describe())})
			}
		}
	}
	return out
}

// networkRuleFqdns lists the destination FQDNs of a rule collection group's network rules.
func networkRuleFqdns(group *Resource) []string {
	var fqdns []string
	for _, collection := range list(group.Props.Get("ruleCollections")) {
		for _, rule := range list(mapOf(collection).Get("rules")) {
			m := mapOf(rule)
			if typ, _ := knownString(m.Get("ruleType")); !equalFold(typ, "NetworkRule") {
				continue
			}
			for _, f := range list(m.Get("destinationFqdns")) {
				if s, ok := knownString(f); ok {
					fqdns = append(fqdns, s)
				}
			}
		}
	}
	return fqdns
}
