package azurestandin

import (
	"maps"
	"slices"
	"strings"

	"github.com/secureml/pulumi-secureml/components/azurecloud"
)

// The Machine Learning workspace's own rules (its soft delete is in softdelete.go, its outputs in
// services.go) and the getWorkspace invoke.

// workspaceReferences are the workspace properties that name its associated resources (resource IDs), and
// the type each must be (azure-native 2.90.0 machinelearningservices.Workspace: storageAccount, keyVault,
// applicationInsights, containerRegistry).
var workspaceReferences = []struct{ property, armType string }{
	{"storageAccount", armStorageAccount},
	{"keyVault", armVault},
	{"applicationInsights", armAppInsights},
	{"containerRegistry", armRegistry},
}

// Managed network isolation modes (managedNetwork.isolationMode).
const (
	isolationDisabled         = "Disabled"
	isolationInternetOutbound = "AllowInternetOutbound"
	isolationApprovedOutbound = "AllowOnlyApprovedOutbound"
)

// isolationForbidden lists, per current isolation mode, the modes an update may not move to
// (how-to-managed-network.md, azure-ml-network-anchors.md (c6): allow internet outbound "cannot be
// reconfigured to disabled"; allow only approved outbound "cannot be reconfigured to allow internet
// outbound", nor, being stricter still, to disabled; hashicorp/terraform-provider-azurerm #29622 and
// Azure/bicep-registry-modules PR #2694: "Managed network cannot be disabled once enabled"). Keys and
// values are lowercase.
var isolationForbidden = map[string]map[string]bool{
	strings.ToLower(isolationInternetOutbound): {strings.ToLower(isolationDisabled): true},
	strings.ToLower(isolationApprovedOutbound): {
		strings.ToLower(isolationInternetOutbound): true, strings.ToLower(isolationDisabled): true,
	},
}

// checkWorkspace refuses a workspace create or update whose storageAccount, keyVault, applicationInsights
// or containerRegistry (when set) names no resource of that type in the pretend Azure, and an update that
// moves managedNetwork.isolationMode the way Azure does not allow. An update without an isolationMode
// leaves the mode as it is and is not checked.
func checkWorkspace(view StoreView, rid ResourceID, props map[string]any, old Record, exists bool) error {
	for _, ref := range workspaceReferences {
		id := pathString(props, ref.property)
		if id == "" {
			continue
		}
		r, ok, err := view.Get(id)
		if err != nil {
			return err
		}
		if !ok || !strings.EqualFold(r.Type, ref.armType) {
			return errWorkspaceReference(ref.property, id, ref.armType)
		}
	}
	if !exists {
		return nil
	}
	to := pathString(props, "managedNetwork", "isolationMode")
	if to == "" {
		return nil
	}
	from := pathString(old.Properties, "managedNetwork", "isolationMode")
	if from == "" {
		from = isolationDisabled // Azure's default: no managed network
	}
	if isolationForbidden[strings.ToLower(from)][strings.ToLower(to)] {
		return errIsolationModeOneWay(rid.ID, from, to)
	}
	return nil
}

// mlWorkspace answers getWorkspace: the workspace as written with its outputs (id, name, workspaceId,
// discoveryUrl, identity ...), in the instance's subscription, or Azure's 404. A soft-deleted workspace is
// not found, as in Azure.
func (s *Server) mlWorkspace(group, name string) (map[string]any, error) {
	id := s.resourceID(group, armMLWorkspace, name)
	ws, ok, err := s.store.Get(id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errNotFound(armMLWorkspace, name, group)
	}
	out := copyMap(ws.Properties)
	out["id"], out["name"] = ws.ID, ws.Name
	return out, nil
}

// checkOutboundRules refuses managed network outbound rules Azure ML refuses (how-to-managed-network.md,
// azure-ml-network-anchors.md (c6)): FQDN and ServiceTag rules only apply when the workspace allows only
// approved outbound (with Internet outbound allowed, only private endpoint rules are configured), and
// "an FQDN rule cannot be used to reach storage" in that mode. Azure's wording was not found:
// approximate.
func checkOutboundRules(cloud azurecloud.Cloud, rid ResourceID, props map[string]any) error {
	rules, _ := pathValue(props, "managedNetwork", "outboundRules").(map[string]any)
	mode := pathString(props, "managedNetwork", "isolationMode")
	storage := "." + suffixesOf(cloud).storage
	for _, name := range slices.Sorted(maps.Keys(rules)) {
		rule, _ := rules[name].(map[string]any)
		typ := pathString(rule, "type")
		if (strings.EqualFold(typ, "FQDN") || strings.EqualFold(typ, "ServiceTag")) &&
			!strings.EqualFold(mode, isolationApprovedOutbound) {
			return errOutboundRuleMode(rid.ID, name, typ, mode)
		}
		if host, _ := rule["destination"].(string); strings.EqualFold(typ, "FQDN") &&
			strings.HasSuffix(strings.ToLower(host), storage) {
			return errOutboundRuleStorageFQDN(rid.ID, name, host)
		}
	}
	return nil
}
