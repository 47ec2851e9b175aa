package policy

import (
	"fmt"
	"slices"
)

// Compute subnets: where Azure ML compute runs. SecureMLNetwork names them snet-training and
// snet-scoring; a subnet an Azure ML compute resource of the stack names is one too.
var computeSubnetNames = []string{"snet-training", "snet-scoring"}

// computeSubnets returns the stack's compute subnets.
func computeSubnets(s *Stack) []*subnetView {
	var out []*subnetView
	for _, v := range s.subnets {
		if isOneOf(v.name, computeSubnetNames) {
			out = append(out, v)
		}
	}
	for _, c := range s.ofKind(kindCompute) {
		if v := s.subnetOf(c, "properties", at(c.Props, "properties", "properties", "subnet")); v != nil && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// publicIPCompute reports whether a compute subnet is set up for compute with public IP addresses:
// its network security group lets AzureMachineLearning in on TCP 44224, which Azure ML needs for such
// compute and SecureMLNetwork adds only with computePublicIp.
func publicIPCompute(s *Stack, v *subnetView) bool {
	_, group := s.securityGroupOf(v)
	if group == nil {
		return false
	}
	for _, m := range s.securityRulesOf(group) {
		r := parseRule(m)
		if r.known && r.allows() && r.inbound() && r.carries("Tcp") && r.coversPort(44224) &&
			matchesAddress(r.sources, "AzureMachineLearning") {
			return true
		}
	}
	return false
}

// checkComputeNoPublicIP: compute in the compute subnets has no public IP address (Azure Policy
// 83a86a26, Checkov CKV_AZURE_119 for network interfaces), and the Internet routes that only
// public-IP compute needs appear only with it (SecureMLNetwork's computePublicIp).
func checkComputeNoPublicIP(s *Stack) []Violation {
	var out []Violation
	subnets := computeSubnets(s)
	allowed := map[*subnetView]bool{}
	for _, v := range subnets {
		allowed[v] = publicIPCompute(s, v)
	}
	isPrivateCompute := func(v *subnetView) bool {
		ok := slices.Contains(subnets, v)
		return ok && !allowed[v]
	}
	for _, v := range subnets {
		if allowed[v] {
			continue
		}
		_, table := s.routeTableOf(v)
		if table == nil {
			continue
		}
		for _, route := range s.routesOf(table) {
			if hop, _ := knownString(route.Get("nextHopType")); equalFold(hop, "Internet") {
				prefix, _ := knownString(route.Get("addressPrefix"))
				out = append(out, Violation{URN: table.URN, Message: fmt.Sprintf(
					"route table %s on compute %s sends %s to the Internet (route %s), which only compute with public "+
						"IP addresses needs; remove it, or set computePublicIp on SecureMLNetwork if compute really "+
						"has public IPs", table.describe(), v.describe(), quote(prefix), quote(routeName(route)))})
			}
		}
	}
	for _, nic := range s.ofKind(kindInterface) {
		for _, c := range list(nic.Props.Get("ipConfigurations")) {
			m := mapOf(c)
			if !present(m.Get("publicIPAddress")) {
				continue
			}
			if v := s.subnetOf(nic, "ipConfigurations", m.Get("subnet")); v != nil && isPrivateCompute(v) {
				out = append(out, Violation{URN: nic.URN, Message: fmt.Sprintf(
					"network interface %s in compute %s has a public IP address; compute in this network has none "+
						"(computePublicIp is off): remove it", nic.describe(), v.describe())})
			}
		}
	}
	for _, c := range s.ofKind(kindCompute) {
		props := mapOf(at(c.Props, "properties", "properties"))
		typ, _ := knownString(at(c.Props, "properties", "computeType"))
		if !isOneOf(typ, []string{"AmlCompute", "ComputeInstance"}) {
			continue
		}
		setting := props.Get("enableNodePublicIp")
		if setting.IsComputed() {
			continue
		}
		if on, ok := knownBool(setting); ok && !on {
			continue
		}
		v := s.subnetOf(c, "properties", props.Get("subnet"))
		if v != nil && allowed[v] {
			continue
		}
		where := "outside the stack's compute subnets"
		if v != nil {
			where = "in " + v.describe()
		}
		out = append(out, Violation{URN: c.URN, Message: fmt.Sprintf(
			"Azure ML compute %s (%s, %s) gets public IP addresses (enableNodePublicIp is true or not set, and "+
				"Azure's default is true); set enableNodePublicIp to false", c.describe(), typ, where)})
	}
	return out
}
