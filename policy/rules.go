package policy

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

// Security rules: network security groups carry them inline (securityRules) or as separate
// SecurityRule resources; both have the same properties.

// portRange is an inclusive range of destination ports.
type portRange struct{ from, to int }

// securityRule is one rule as plain data.
type securityRule struct {
	name         string
	access       string // Allow or Deny
	direction    string // Inbound or Outbound
	protocol     string // Tcp, Udp, Icmp, Esp, Ah, * (Any)
	sources      []string
	destinations []string
	ports        []portRange
	// known is false when a field the checks read is unknown: the rule is then left alone.
	known bool
}

// parseRule reads a rule's properties.
func parseRule(m property.Map) securityRule {
	r := securityRule{known: true}
	read := func(key string) string {
		v := m.Get(key)
		if v.IsComputed() {
			r.known = false
		}
		s, _ := knownString(v)
		return s
	}
	r.name = read("name")
	if r.name == "" {
		r.name = read("securityRuleName")
	}
	r.known = true // an unknown name does not matter
	r.access, r.direction, r.protocol = read("access"), read("direction"), read("protocol")
	r.sources = addresses(m, "sourceAddressPrefix", "sourceAddressPrefixes", &r.known)
	r.destinations = addresses(m, "destinationAddressPrefix", "destinationAddressPrefixes", &r.known)
	var specs []string
	for _, key := range []string{"destinationPortRange", "destinationPortRanges"} {
		v := m.Get(key)
		if s, ok := knownString(v); ok {
			specs = append(specs, s)
			continue
		}
		values, complete := stringList(v)
		r.known = r.known && complete
		specs = append(specs, values...)
	}
	for _, spec := range specs {
		p, ok := parsePorts(spec)
		if !ok {
			r.known = false
			continue
		}
		r.ports = append(r.ports, p)
	}
	return r
}

// addresses reads a rule's single prefix and list of prefixes; application security groups count as
// neither Internet nor a service tag and are not read.
func addresses(m property.Map, single, plural string, known *bool) []string {
	var out []string
	if v := m.Get(single); v.IsComputed() {
		*known = false
	} else if s, ok := knownString(v); ok && s != "" {
		out = append(out, s)
	}
	values, complete := stringList(m.Get(plural))
	*known = *known && complete
	return append(out, values...)
}

// parsePorts reads "*", "22" or "1000-2000".
func parsePorts(spec string) (portRange, bool) {
	spec = strings.TrimSpace(spec)
	if spec == "*" {
		return portRange{0, 65535}, true
	}
	from, to, isRange := strings.Cut(spec, "-")
	a, err := strconv.Atoi(strings.TrimSpace(from))
	if err != nil {
		return portRange{}, false
	}
	if !isRange {
		return portRange{a, a}, true
	}
	b, err := strconv.Atoi(strings.TrimSpace(to))
	if err != nil || b < a {
		return portRange{}, false
	}
	return portRange{a, b}, true
}

func (r securityRule) allows() bool  { return equalFold(r.access, "Allow") }
func (r securityRule) inbound() bool { return equalFold(r.direction, "Inbound") }

// coversPort reports whether the rule's destination ports include port.
func (r securityRule) coversPort(port int) bool {
	for _, p := range r.ports {
		if p.from <= port && port <= p.to {
			return true
		}
	}
	return false
}

// allPorts reports whether the rule opens every port.
func (r securityRule) allPorts() bool {
	for _, p := range r.ports {
		if p.from <= 1 && p.to >= 65535 {
			return true
		}
	}
	return false
}

// anyProtocol reports whether the rule applies to every protocol.
func (r securityRule) anyProtocol() bool { return r.protocol == "*" || equalFold(r.protocol, "Any") }

// carries reports whether the rule applies to protocol (Tcp or Udp).
func (r securityRule) carries(protocol string) bool {
	return r.anyProtocol() || equalFold(r.protocol, protocol)
}

// internetSource returns the source of the rule that stands for the whole Internet, if any: the
// Internet service tag, any address (*, Any) or a /0 prefix (Checkov's list).
func (r securityRule) internetSource() string {
	for _, s := range r.sources {
		l := strings.ToLower(strings.TrimSpace(s))
		if l == "*" || l == "internet" || l == "any" || l == "0.0.0.0" || strings.HasSuffix(l, "/0") {
			return s
		}
	}
	return ""
}

// rulesOf returns the rules a resource validation sees: a group's inline rules, or a SecurityRule
// resource itself.
func rulesOf(r Resource) []securityRule {
	var maps []property.Map
	switch r.Kind() {
	case kindSecurityGroup:
		for _, e := range list(r.Props.Get("securityRules")) {
			maps = append(maps, mapOf(e))
		}
	case kindSecurityRule:
		maps = append(maps, r.Props)
	}
	out := make([]securityRule, 0, len(maps))
	for _, m := range maps {
		out = append(out, parseRule(m))
	}
	return out
}

// inboundFromInternet returns one message per known rule that allows Internet traffic in and that
// matches.
func inboundFromInternet(r Resource, matches func(securityRule) (what string, ok bool)) []string {
	var out []string
	for _, rule := range rulesOf(r) {
		if !rule.known || !rule.allows() || !rule.inbound() {
			continue
		}
		source := rule.internetSource()
		if source == "" {
			continue
		}
		if what, ok := matches(rule); ok {
			out = append(out, fmt.Sprintf("%s: rule %s allows %s in from %q; allow only the sources that need it "+
				"(for example a VPN pool or Azure Bastion's subnet) or deny it", r.describe(), quote(rule.name), what, source))
		}
	}
	return out
}

// portOpen returns a check that flags Internet access to port over protocol.
func portOpen(port int, protocol, service string) func(Resource, Settings) []string {
	return func(r Resource, _ Settings) []string {
		return inboundFromInternet(r, func(rule securityRule) (string, bool) {
			if rule.carries(protocol) && rule.coversPort(port) {
				return fmt.Sprintf("%s (%s %d)", service, strings.ToUpper(protocol), port), true
			}
			return "", false
		})
	}
}

// udpOpen flags any UDP port open to the Internet (Checkov CKV_AZURE_77).
func udpOpen(r Resource, _ Settings) []string {
	return inboundFromInternet(r, func(rule securityRule) (string, bool) {
		if rule.carries("Udp") && !rule.allPorts() {
			return "UDP " + portList(rule.ports), true
		}
		return "", false
	})
}

// allPortsOpen flags a rule that opens every port to the Internet.
func allPortsOpen(r Resource, _ Settings) []string {
	return inboundFromInternet(r, func(rule securityRule) (string, bool) {
		if rule.allPorts() {
			return "every port (protocol " + rule.protocol + ")", true
		}
		return "", false
	})
}

func portList(ports []portRange) string {
	parts := make([]string, 0, len(ports))
	for _, p := range ports {
		if p.from == p.to {
			parts = append(parts, strconv.Itoa(p.from))
		} else {
			parts = append(parts, fmt.Sprintf("%d-%d", p.from, p.to))
		}
	}
	return strings.Join(parts, ",")
}

// bastionRule is one rule Azure Bastion needs on AzureBastionSubnet (bastion/bastion-nsg.md: "Omitting
// any of the following rules in your NSG will block your Azure Bastion resource from receiving
// necessary updates"; Azure refuses an incomplete set with
// NetworkSecurityGroupNotCompliantForAzureBastionSubnet). An empty source or destination accepts any
// value: the side that is Bastion's own subnet, and the Internet side of HTTPS inbound, which may be a
// list of public ranges.
type bastionRule struct {
	name, direction, protocol, source, destination string
	ports                                          []int
}

var bastionRules = []bastionRule{
	{"AllowHttpsInbound", "Inbound", "Tcp", "", "", []int{443}},
	{"AllowGatewayManagerInbound", "Inbound", "Tcp", "GatewayManager", "", []int{443}},
	{"AllowAzureLoadBalancerInbound", "Inbound", "Tcp", "AzureLoadBalancer", "", []int{443}},
	{"AllowBastionHostCommunication", "Inbound", "*", "VirtualNetwork", "VirtualNetwork", []int{8080, 5701}},
	{"AllowSshRdpOutbound", "Outbound", "*", "", "VirtualNetwork", []int{22, 3389}},
	{"AllowAzureCloudOutbound", "Outbound", "Tcp", "", "AzureCloud", []int{443}},
	{"AllowBastionCommunication", "Outbound", "*", "VirtualNetwork", "VirtualNetwork", []int{8080, 5701}},
	{"AllowHttpOutbound", "Outbound", "*", "", "Internet", []int{80}},
}

// matchesAddress reports whether a rule's prefixes include want (or everything).
func matchesAddress(values []string, want string) bool {
	if want == "" {
		return true
	}
	return slices.ContainsFunc(values, func(v string) bool { return v == "*" || equalFold(v, want) })
}

// missingBastionRules returns the required rules (with the ports no Allow rule opens) that rules
// lack, and whether every rule could be read.
func missingBastionRules(rules []securityRule) (missing []string, known bool) {
	for _, r := range rules {
		if !r.known {
			return nil, false
		}
	}
	for _, want := range bastionRules {
		var ports []string
		for _, port := range want.ports {
			found := slices.ContainsFunc(rules, func(r securityRule) bool {
				protocolOK := r.anyProtocol() || (want.protocol != "*" && equalFold(r.protocol, want.protocol))
				return r.allows() && equalFold(r.direction, want.direction) && protocolOK &&
					matchesAddress(r.sources, want.source) && matchesAddress(r.destinations, want.destination) &&
					r.coversPort(port)
			})
			if !found {
				ports = append(ports, strconv.Itoa(port))
			}
		}
		if len(ports) > 0 {
			missing = append(missing, fmt.Sprintf("%s (%s %s, port %s)", want.name, want.direction,
				strings.ReplaceAll(want.protocol, "*", "any protocol"), strings.Join(ports, ", ")))
		}
	}
	return missing, true
}

// checkBastionRules: a network security group on AzureBastionSubnet must carry every rule Bastion
// needs.
func checkBastionRules(s *Stack) []Violation {
	var out []Violation
	for _, v := range s.subnets {
		if !equalFold(v.name, "AzureBastionSubnet") {
			continue
		}
		_, group := s.securityGroupOf(v)
		if group == nil {
			continue // no group, or one outside the stack
		}
		var rules []securityRule
		for _, m := range s.securityRulesOf(group) {
			rules = append(rules, parseRule(m))
		}
		missing, known := missingBastionRules(rules)
		if !known || len(missing) == 0 {
			continue
		}
		out = append(out, Violation{URN: group.URN, Message: fmt.Sprintf(
			"network security group %s on %s lacks Azure Bastion's required rules: %s; add them all "+
				"(bastion-nsg.md), or Azure refuses the group (NetworkSecurityGroupNotCompliantForAzureBastionSubnet)",
			group.describe(), v.describe(), strings.Join(missing, "; "))})
	}
	return out
}
