package azurestandin

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Type tokens the offline Azure stand-in (a test double) gives special output treatment.
const (
	tokenSubnet          = "azure-native:network:Subnet"
	tokenPrivateEndpoint = "azure-native:network:PrivateEndpoint"
	tokenPublicIPAddress = "azure-native:network:PublicIPAddress"
)

// computeOutputs echoes inputs and adds the computed outputs for a resource with identity rid:
// id, provisioningState, type, etag and (when the inputs have none) name, plus per-type extras.
// olds are the previous outputs on Update (nil on Create); a PrivateEndpoint keeps its old
// customDnsConfigs and networkInterfaces when present. With preview set nothing is remembered or
// allocated, and endpoint outputs that would need an allocation are unknown.
func (s *Server) computeOutputs(
	token string, rid ResourceID, inputs, olds resource.PropertyMap, preview bool,
) (resource.PropertyMap, error) {
	out := inputs.Copy()
	out["id"] = resource.NewStringProperty(rid.ID)
	out["provisioningState"] = resource.NewStringProperty("Succeeded")
	out["type"] = resource.NewStringProperty(rid.Type)
	out["etag"] = resource.NewStringProperty(ETag(rid.ID))
	if v, has := inputs["name"]; !has || v.IsNull() {
		out["name"] = resource.NewStringProperty(rid.Name)
	}

	switch NormalizeToken(token) {
	case tokenSubnet:
		if preview {
			break
		}
		if err := s.rememberSubnet(rid.ID, inputs); err != nil {
			return nil, err
		}
	case tokenPublicIPAddress:
		out["ipAddress"] = resource.NewStringProperty(PublicIPFor(rid.ID))
	case tokenPrivateEndpoint:
		if err := s.endpointOutputs(rid, inputs, olds, out, preview); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// subnetPrefix returns a subnet's addressPrefix, or the first of its addressPrefixes.
func subnetPrefix(props resource.PropertyMap) (string, bool) {
	if p, ok := stringProp(props, "addressPrefix"); ok {
		return p, true
	}
	return firstString(props, "addressPrefixes")
}

// rememberSubnet records a subnet's address prefix (if it has one) for endpoint IP allocation.
func (s *Server) rememberSubnet(subnetID string, props resource.PropertyMap) error {
	if p, ok := subnetPrefix(props); ok && subnetID != "" {
		return s.ips.SetSubnetPrefix(subnetID, p)
	}
	return nil
}

// endpointSubnetID returns subnet.id of a private endpoint's inputs, or "".
func endpointSubnetID(props resource.PropertyMap) string {
	id, _ := stringProp(objectProp(props, "subnet"), "id")
	return id
}

// endpointConnection returns (groupIds[0], privateLinkServiceId) of the endpoint's first private link
// service connection (manual connections are used when there are no automatic ones).
func endpointConnection(props resource.PropertyMap) (string, string) {
	conn := firstObject(props, "privateLinkServiceConnections")
	if conn == nil {
		conn = firstObject(props, "manualPrivateLinkServiceConnections")
	}
	if conn == nil {
		return "", ""
	}
	if inner := objectProp(conn, "properties"); inner != nil {
		conn = inner
	}
	group, _ := firstString(conn, "groupIds")
	target, _ := stringProp(conn, "privateLinkServiceId")
	return group, target
}

// endpointOutputs adds networkInterfaces and customDnsConfigs to a private endpoint's outputs.
func (s *Server) endpointOutputs(rid ResourceID, inputs, olds, out resource.PropertyMap, preview bool) error {
	subnetID := endpointSubnetID(inputs)
	if olds != nil {
		oldDNS, hasDNS := olds["customDnsConfigs"]
		oldNICs, hasNICs := olds["networkInterfaces"]
		if hasDNS && hasNICs {
			out["customDnsConfigs"] = oldDNS
			out["networkInterfaces"] = oldNICs
			if !preview {
				s.reserveEndpointIPs(subnetID, rid.ID, olds)
			}
			return nil
		}
	}
	if preview {
		out["customDnsConfigs"] = resource.MakeComputed(resource.NewStringProperty(""))
		out["networkInterfaces"] = resource.MakeComputed(resource.NewStringProperty(""))
		return nil
	}

	nicID := fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/networkInterfaces/%s.nic.%s",
		SubscriptionID, rid.ResourceGroup, rid.Name, fnvHex(rid.ID))
	out["networkInterfaces"] = resource.NewArrayProperty([]resource.PropertyValue{
		resource.NewObjectProperty(resource.PropertyMap{"id": resource.NewStringProperty(nicID)}),
	})

	configs := []resource.PropertyValue{}
	group, target := endpointConnection(inputs)
	if group != "" && target != "" {
		location, _ := stringProp(inputs, "location")
		dns, err := s.ips.AllocateEndpoint(subnetID, rid.ID, rid.Name, group, target, location)
		if err != nil {
			return err
		}
		for _, c := range dns {
			ips := make([]resource.PropertyValue, 0, len(c.IPAddresses))
			for _, ip := range c.IPAddresses {
				ips = append(ips, resource.NewStringProperty(ip))
			}
			configs = append(configs, resource.NewObjectProperty(resource.PropertyMap{
				"fqdn":        resource.NewStringProperty(c.FQDN),
				"ipAddresses": resource.NewArrayProperty(ips),
			}))
		}
	}
	out["customDnsConfigs"] = resource.NewArrayProperty(configs)
	return nil
}

// endpointIPs lists the IPs in a private endpoint's customDnsConfigs outputs.
func endpointIPs(props resource.PropertyMap) []string {
	var ips []string
	for _, c := range arrayProp(props, "customDnsConfigs") {
		c = unwrap(c)
		if !c.IsObject() {
			continue
		}
		for _, ip := range arrayProp(c.ObjectValue(), "ipAddresses") {
			if ip = unwrap(ip); ip.IsString() {
				ips = append(ips, ip.StringValue())
			}
		}
	}
	return ips
}

// reserveEndpointIPs marks the IPs of an existing endpoint (from its outputs) as used by owner.
func (s *Server) reserveEndpointIPs(subnetID, owner string, props resource.PropertyMap) {
	for _, ip := range endpointIPs(props) {
		s.ips.Reserve(subnetID, owner, ip)
	}
}

// observe learns from existing state seen in Diff/Read: subnet prefixes and endpoint IPs in use, so a
// later Create in this process allocates consistently with resources created by earlier runs.
func (s *Server) observe(token, id string, props resource.PropertyMap) {
	if id == "" || props == nil {
		return
	}
	switch NormalizeToken(token) {
	case tokenSubnet:
		_ = s.rememberSubnet(id, props)
	case tokenPrivateEndpoint:
		s.reserveEndpointIPs(endpointSubnetID(props), id, props)
	}
}
