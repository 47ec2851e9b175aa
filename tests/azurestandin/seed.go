package azurestandin

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
)

// SeedFromState puts into the store the Azure that a Pulumi state describes: every azure-native
// resource with its outputs; each private endpoint's network interface, rebuilt from the endpoint's
// customDnsConfigs and subnet (Azure has the interface; state written before the offline Azure
// stand-in kept one does not); and the parent of every nested resource the state does not hold (a
// hub's private DNS zone that a link points into), which must exist for the child to. Tests use it to
// preview or update an earlier release's stack against a pretend Azure that matches it, for example
// the upgrade fixtures.
func SeedFromState(store *Store, resources []apitype.ResourceV3) error {
	var records []Record
	for _, r := range resources {
		token := string(r.Type)
		if !r.Custom || r.Delete || !strings.HasPrefix(token, PackageName+":") || r.ID == "" {
			continue
		}
		rid, err := IDFromARM(token, string(r.ID))
		if err != nil {
			return err
		}
		props, err := jsonMap(r.Outputs)
		if err != nil {
			return fmt.Errorf("offline Azure stand-in: outputs of %s: %w", r.URN, err)
		}
		records = append(records, recordOf(rid, props, "Succeeded"))
		if NormalizeToken(token) == tokenPrivateEndpoint {
			records = append(records, nicFromEndpoint(rid, props))
		}
	}
	return store.Update(func(view StoreView) ([]Record, []string, error) {
		known := map[string]bool{}
		for _, r := range records {
			known[strings.ToLower(r.ID)] = true
		}
		for _, r := range records {
			parent := parentID(r.ID)
			if parent == "" || known[strings.ToLower(parent)] {
				continue
			}
			if _, ok, err := view.Get(parent); err != nil || ok {
				if err != nil {
					return nil, nil, err
				}
				continue
			}
			p, err := IDFromARM("", parent)
			if err != nil {
				return nil, nil, err
			}
			p.Type = parentType(r.Type)
			records = append(records, recordOf(p, map[string]any{"id": parent, "name": p.Name}, "Succeeded"))
			known[strings.ToLower(parent)] = true
		}
		return records, nil, nil
	})
}

// parentType returns the ARM type of a nested type's parent (Microsoft.Network/privateDnsZones for
// Microsoft.Network/privateDnsZones/virtualNetworkLinks).
func parentType(armType string) string {
	if i := strings.LastIndex(armType, "/"); i > strings.Index(armType, "/") {
		return armType[:i]
	}
	return armType
}

// jsonMap turns state outputs into the plain JSON the store keeps.
func jsonMap(m map[string]any) (map[string]any, error) {
	data, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	var out map[string]any
	return out, json.Unmarshal(data, &out)
}

// nicFromEndpoint rebuilds an endpoint's network interface from its outputs.
func nicFromEndpoint(rid ResourceID, props map[string]any) Record {
	var addresses []nicAddress
	for _, c := range objects(pathSlice(props, "customDnsConfigs")) {
		for _, ip := range strs(pathSlice(c, "ipAddresses")) {
			addresses = append(addresses, nicAddress{ip: ip, fqdn: pathString(c, "fqdn")})
		}
	}
	return nicRecord(rid, endpointNICName(rid, props), props, addresses)
}
