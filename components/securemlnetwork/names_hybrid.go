package securemlnetwork

// Names of the children of the ways in (public contract, like names.go). Site resources carry
// "site" in both names, so a site called "expressroute" cannot collide with the circuit connection.

// gateway names the VPN ("vpn") or ExpressRoute ("expressroute") gateway.
func (n childNames) gateway(kind string) (pulumiName, azureName string) {
	return n.child(kind, "gateway"), "vgw-" + n.component + "-" + kind
}

// publicIP names a public IP of owner ("vpn-gateway", "bastion"); part tells a gateway's IPs apart.
func (n childNames) publicIP(owner, part string) (pulumiName, azureName string) {
	pulumiName, azureName = n.component+"-"+owner+"-ip", "pip-"+n.component+"-"+owner
	if part != "" {
		pulumiName, azureName = pulumiName+"-"+part, azureName+"-"+part
	}
	return pulumiName, azureName
}

func (n childNames) localGateway(site string) (pulumiName, azureName string) {
	return n.child("site-"+site, "local-gateway"), "lgw-" + n.component + "-" + site
}

func (n childNames) siteConnection(site string) (pulumiName, azureName string) {
	return n.child("site-"+site, "connection"), "con-" + n.component + "-site-" + site
}

func (n childNames) circuitConnection() (pulumiName, azureName string) {
	return n.child("expressroute", "connection"), "con-" + n.component + "-expressroute"
}

func (n childNames) dnsResolver() (pulumiName, azureName string) {
	return n.component + "-dns-resolver", "dnspr-" + n.component
}

// inboundEndpoint names the resolver's inbound endpoint, a child of the resolver in Azure.
func (n childNames) inboundEndpoint() (pulumiName, azureName string) {
	return n.component + "-dns-resolver-inbound", "inbound"
}

func (n childNames) bastion() (pulumiName, azureName string) {
	return n.component + "-bastion", "bas-" + n.component
}

// hybridAzureNames lists the Azure names of the ways in that carry the component's name, with their
// limits (resource-name-rules.md: 1-80 for each of these Microsoft.Network types).
func (n childNames) hybridAzureNames(plan networkPlan) []limitedName {
	var out []limitedName
	add := func(kind, name string) { out = append(out, limitedName{kind, name, maxNetworkName}) }
	h := plan.hybrid
	if v := h.vpn; v != nil {
		_, gw := n.gateway("vpn")
		add("virtual network gateway", gw)
		for _, c := range vpnIPConfigs(n, v) {
			add("public IP address", c.ipAzure)
		}
		for _, s := range v.sites {
			_, lgw := n.localGateway(s.Name)
			_, con := n.siteConnection(s.Name)
			add("local network gateway", lgw)
			add("connection", con)
		}
	}
	if er := h.expressRoute; er != nil {
		_, gw := n.gateway("expressroute")
		add("virtual network gateway", gw)
		if er.connection != nil {
			_, con := n.circuitConnection()
			add("connection", con)
		}
	}
	if h.resolver != nil {
		_, r := n.dnsResolver()
		add("DNS resolver", r)
	}
	if fw := plan.egress.firewall; fw != nil {
		_, f := n.firewall()
		_, ip := n.publicIP("firewall", "")
		out = append(out, limitedName{"firewall", f, maxFirewallName})
		add("public IP address", ip)
	}
	if h.bastion != nil {
		_, b := n.bastion()
		_, ip := n.publicIP("bastion", "")
		add("bastion host", b)
		add("public IP address", ip)
	}
	return out
}

// Names of the ways out, the peering and the application security groups.

// maxFirewallName is Azure Firewall's name limit (firewall-faq.md: at most 50 characters).
const maxFirewallName = 50

func (n childNames) publicIPPrefix(owner string) (pulumiName, azureName string) {
	return n.component + "-" + owner + "-ip-prefix", "ippre-" + n.component + "-" + owner
}

func (n childNames) natGateway() (pulumiName, azureName string) {
	return n.component + "-nat-gateway", "ng-" + n.component
}

func (n childNames) firewall() (pulumiName, azureName string) {
	return n.component + "-firewall", "afw-" + n.component
}

func (n childNames) firewallPolicy() (pulumiName, azureName string) {
	return n.component + "-firewall-policy", "afwp-" + n.component
}

// firewallRules names the policy's rule collection group, a child of the policy in Azure.
func (n childNames) firewallRules() (pulumiName, azureName string) {
	return n.component + "-firewall-rules", "azure-machine-learning"
}

// hubPeering names the peering from this network to the hub; remoteHubPeering the hub's side.
func (n childNames) hubPeering() string { return n.component + "-hub-peering" }

func (n childNames) remoteHubPeering() string { return n.component + "-hub-remote-peering" }

// hubZoneLink names the link of the hub's network to a zone (hubPeering.linkZones).
func (n childNames) hubZoneLink(zoneName string) string { return n.child(zoneName, "hub-link") }

func (n childNames) applicationSecurityGroup(role string) (pulumiName, azureName string) {
	return n.child(role, "asg"), "asg-" + n.component + "-" + kebab(role)
}
