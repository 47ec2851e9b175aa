package securemlnetwork

import "github.com/pulumi/pulumi-go-provider/infer"

// Enums of the ways in. Each lists what Azure lets you create today (hybrid-and-egress.md §1-6); values
// outside a list are refused at preview with the reason and the alternative (gateway_rules.go).

// VpnGatewaySku is a VPN gateway SKU.
type VpnGatewaySku string

// The VPN gateway SKUs that can be created today: the zone-redundant AZ SKUs.
const (
	VpnGatewaySkuVpnGw1AZ VpnGatewaySku = "VpnGw1AZ"
	VpnGatewaySkuVpnGw2AZ VpnGatewaySku = "VpnGw2AZ"
	VpnGatewaySkuVpnGw3AZ VpnGatewaySku = "VpnGw3AZ"
	VpnGatewaySkuVpnGw4AZ VpnGatewaySku = "VpnGw4AZ"
	VpnGatewaySkuVpnGw5AZ VpnGatewaySku = "VpnGw5AZ"
)

// Values lists the VPN gateway SKUs for the schema.
func (VpnGatewaySku) Values() []infer.EnumValue[VpnGatewaySku] {
	return []infer.EnumValue[VpnGatewaySku]{
		{Name: "VpnGw1AZ", Value: VpnGatewaySkuVpnGw1AZ, Description: "Zone-redundant, up to 30 S2S tunnels and 250 P2S IKEv2/OpenVPN connections."},
		{Name: "VpnGw2AZ", Value: VpnGatewaySkuVpnGw2AZ, Description: "Zone-redundant, more throughput; NAT rules."},
		{Name: "VpnGw3AZ", Value: VpnGatewaySkuVpnGw3AZ, Description: "Zone-redundant, more throughput; NAT rules."},
		{Name: "VpnGw4AZ", Value: VpnGatewaySkuVpnGw4AZ, Description: "Zone-redundant, more throughput; NAT rules."},
		{Name: "VpnGw5AZ", Value: VpnGatewaySkuVpnGw5AZ, Description: "Zone-redundant, the most throughput; NAT rules."},
	}
}

// ExpressRouteGatewaySku is an ExpressRoute gateway SKU.
type ExpressRouteGatewaySku string

// The ExpressRoute gateway SKUs that can be created today.
const (
	ExpressRouteGatewaySkuErGw1AZ   ExpressRouteGatewaySku = "ErGw1AZ"
	ExpressRouteGatewaySkuErGw2AZ   ExpressRouteGatewaySku = "ErGw2AZ"
	ExpressRouteGatewaySkuErGw3AZ   ExpressRouteGatewaySku = "ErGw3AZ"
	ExpressRouteGatewaySkuErGwScale ExpressRouteGatewaySku = "ErGwScale"
)

// Values lists the ExpressRoute gateway SKUs for the schema.
func (ExpressRouteGatewaySku) Values() []infer.EnumValue[ExpressRouteGatewaySku] {
	return []infer.EnumValue[ExpressRouteGatewaySku]{
		{Name: "ErGw1AZ", Value: ExpressRouteGatewaySkuErGw1AZ, Description: "Zone-redundant, up to 4 circuits."},
		{Name: "ErGw2AZ", Value: ExpressRouteGatewaySkuErGw2AZ, Description: "Zone-redundant, up to 8 circuits."},
		{Name: "ErGw3AZ", Value: ExpressRouteGatewaySkuErGw3AZ, Description: "Zone-redundant, up to 16 circuits; FastPath."},
		{Name: "ErGwScale", Value: ExpressRouteGatewaySkuErGwScale, Description: "Scalable (1-40 scale units); needs a /26 GatewaySubnet."},
	}
}

// TunnelType is a point-to-site tunnel protocol.
type TunnelType string

// The point-to-site tunnel types.
const (
	TunnelTypeOpenVPN TunnelType = "OpenVPN"
	TunnelTypeIkeV2   TunnelType = "IkeV2"
	TunnelTypeSSTP    TunnelType = "SSTP"
)

// Values lists the tunnel types for the schema.
func (TunnelType) Values() []infer.EnumValue[TunnelType] {
	return []infer.EnumValue[TunnelType]{
		{Name: "OpenVPN", Value: TunnelTypeOpenVPN, Description: "OpenVPN: every OS; the only tunnel for Microsoft Entra ID."},
		{Name: "IkeV2", Value: TunnelTypeIkeV2, Description: "IKEv2: certificates only."},
		{Name: "SSTP", Value: TunnelTypeSSTP, Description: "SSTP: Windows, certificates only, at most 128 clients."},
	}
}

// BastionSku is an Azure Bastion SKU offered by the network module's API version (2023-02-01).
type BastionSku string

// The Bastion SKUs.
const (
	BastionSkuBasic    BastionSku = "Basic"
	BastionSkuStandard BastionSku = "Standard"
)

// Values lists the Bastion SKUs for the schema.
func (BastionSku) Values() []infer.EnumValue[BastionSku] {
	return []infer.EnumValue[BastionSku]{
		{Name: "Basic", Value: BastionSkuBasic, Description: "Two instances; portal RDP and SSH."},
		{Name: "Standard", Value: BastionSkuStandard, Description: "2-50 instances; native clients, tunnelling, IP connect."},
	}
}

// IkeEncryption is an IKE (phase 1) encryption algorithm.
type IkeEncryption string

// Values lists the IKE encryption algorithms Azure allows (vpn-gateway-vpn-faq.md).
func (IkeEncryption) Values() []infer.EnumValue[IkeEncryption] {
	return enumValues[IkeEncryption]("GCMAES256", "GCMAES128", "AES256", "AES192", "AES128")
}

// IkeIntegrity is an IKE (phase 1) integrity algorithm.
type IkeIntegrity string

// Values lists the IKE integrity algorithms Azure allows.
func (IkeIntegrity) Values() []infer.EnumValue[IkeIntegrity] {
	return enumValues[IkeIntegrity]("SHA384", "SHA256", "SHA1", "MD5")
}

// DhGroup is an IKE (phase 1) Diffie-Hellman group.
type DhGroup string

// Values lists the Diffie-Hellman groups Azure allows.
func (DhGroup) Values() []infer.EnumValue[DhGroup] {
	return enumValues[DhGroup]("DHGroup24", "ECP384", "ECP256", "DHGroup14", "DHGroup2048", "DHGroup2", "DHGroup1", "None")
}

// IpsecEncryption is an IPsec (phase 2) encryption algorithm.
type IpsecEncryption string

// Values lists the IPsec encryption algorithms Azure allows.
func (IpsecEncryption) Values() []infer.EnumValue[IpsecEncryption] {
	return enumValues[IpsecEncryption]("GCMAES256", "GCMAES192", "GCMAES128", "AES256", "AES192", "AES128", "DES3",
		"DES", "None")
}

// IpsecIntegrity is an IPsec (phase 2) integrity algorithm.
type IpsecIntegrity string

// Values lists the IPsec integrity algorithms Azure allows.
func (IpsecIntegrity) Values() []infer.EnumValue[IpsecIntegrity] {
	return enumValues[IpsecIntegrity]("GCMAES256", "GCMAES192", "GCMAES128", "SHA256", "SHA1", "MD5")
}

// PfsGroup is an IPsec (phase 2) perfect forward secrecy group.
type PfsGroup string

// Values lists the PFS groups Azure allows.
func (PfsGroup) Values() []infer.EnumValue[PfsGroup] {
	return enumValues[PfsGroup]("PFS24", "ECP384", "ECP256", "PFS2048", "PFS2", "PFS1", "None")
}

// enumValues lists values that are their own names.
func enumValues[T ~string](values ...string) []infer.EnumValue[T] {
	out := make([]infer.EnumValue[T], len(values))
	for i, v := range values {
		out[i] = infer.EnumValue[T]{Name: v, Value: T(v)}
	}
	return out
}

// isAllowed reports whether v is one of the enum's values.
func isAllowed[T interface {
	~string
	Values() []infer.EnumValue[T]
}](v T) bool {
	for _, e := range v.Values() {
		if e.Value == v {
			return true
		}
	}
	return false
}

var (
	_ infer.Enum[VpnGatewaySku]          = VpnGatewaySku("")
	_ infer.Enum[ExpressRouteGatewaySku] = ExpressRouteGatewaySku("")
	_ infer.Enum[TunnelType]             = TunnelType("")
	_ infer.Enum[BastionSku]             = BastionSku("")
	_ infer.Enum[IkeEncryption]          = IkeEncryption("")
	_ infer.Enum[IkeIntegrity]           = IkeIntegrity("")
	_ infer.Enum[DhGroup]                = DhGroup("")
	_ infer.Enum[IpsecEncryption]        = IpsecEncryption("")
	_ infer.Enum[IpsecIntegrity]         = IpsecIntegrity("")
	_ infer.Enum[PfsGroup]               = PfsGroup("")
)
