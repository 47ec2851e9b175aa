package policy

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/secureml/pulumi-secureml/components/azurecloud"
	"github.com/secureml/pulumi-secureml/components/privatelink"
)

// Private DNS checks. Zone names come from the component's own table (components/privatelink), one
// set per cloud: the same names SecureMLNetwork creates.

// zoneClouds maps each recorded privatelink zone name (lower case) to the clouds it belongs to.
var zoneClouds = func() map[string][]privatelink.Cloud {
	out := map[string][]privatelink.Cloud{}
	for _, cloud := range privatelink.Clouds {
		for _, zone := range privatelink.AllZoneNames(cloud) {
			out[strings.ToLower(zone)] = append(out[strings.ToLower(zone)], cloud)
		}
	}
	return out
}()

// stackCloud returns the cloud an azure-native `environment` setting selects; ok is false when the
// setting is not set. azure-native treats any other value as the public cloud.
func stackCloud(environment string) (privatelink.Cloud, bool) {
	environment = strings.ToLower(strings.TrimSpace(environment))
	if environment == "" {
		return "", false
	}
	return azurecloud.FromEnvironment(environment), true
}

// zoneCloud returns the cloud a zone check compares against: the `cloud` setting, else the
// resource's provider's `environment`, else the stack's.
func zoneCloud(r Resource, settings Settings) (privatelink.Cloud, string, bool) {
	if c := configString(settings.Values, "cloud"); c != "" {
		return privatelink.Cloud(c), "the cloud setting", true
	}
	if env, ok := knownString(r.Provider.Get("environment")); ok {
		if c, ok := stackCloud(env); ok {
			return c, fmt.Sprintf("the provider's environment %q", env), true
		}
	}
	if c, ok := stackCloud(settings.Environment); ok {
		return c, fmt.Sprintf("the stack's azure-native:environment %q", settings.Environment), true
	}
	return "", "", false
}

func isPrivateLinkZone(name string) bool {
	return strings.HasPrefix(strings.ToLower(name), "privatelink.")
}

// checkZoneName: a privatelink zone is one the stack's cloud uses (privatelink.vaultcore.azure.net,
// not privatelink.vault.azure.net nor the Azure Government name in the public cloud). Without a known
// cloud, a zone of any cloud's table passes. Zones of other services go in additionalZones.
func checkZoneName(r Resource, settings Settings) []string {
	if r.Kind() != kindPrivateZone {
		return nil
	}
	name := r.AzureName()
	if name == "" || !isPrivateLinkZone(name) || isOneOf(name, configStrings(settings.Values, "additionalZones")) {
		return nil
	}
	clouds := zoneClouds[strings.ToLower(name)]
	cloud, source, known := zoneCloud(r, settings)
	switch {
	case known && slices.Contains(clouds, cloud):
		return nil
	case !known && len(clouds) > 0:
		return nil
	case len(clouds) > 0:
		return []string{fmt.Sprintf("private DNS zone %q belongs to %s, but the stack deploys to %s (%s); use %s",
			name, clouds[0], cloud, source, suggestZone(name, cloud))}
	case known:
		return []string{fmt.Sprintf("private DNS zone %q is not a private endpoint zone of %s (%s); the zones are: %s "+
			"(or list other services' zones in additionalZones)", name, cloud, source,
			strings.Join(privatelink.AllZoneNames(cloud), ", "))}
	default:
		return []string{fmt.Sprintf("private DNS zone %q is not a private endpoint zone of any Azure cloud; check "+
			"the name against privatelink zone tables (for example privatelink.vaultcore.azure.net for Key Vault), "+
			"or list other services' zones in additionalZones", name)}
	}
}

// suggestZone names the zone of cloud for the same private endpoint group as zone.
func suggestZone(zone string, cloud privatelink.Cloud) string {
	groups := []privatelink.GroupID{
		privatelink.GroupWorkspace, privatelink.GroupBlob, privatelink.GroupFile, privatelink.GroupQueue,
		privatelink.GroupTable, privatelink.GroupDfs, privatelink.GroupVault, privatelink.GroupRegistry,
	}
	for _, g := range groups {
		for _, from := range privatelink.Clouds {
			names, _ := privatelink.ZoneNames(from, g)
			for i, n := range names {
				if equalFold(n, zone) {
					if to, err := privatelink.ZoneNames(cloud, g); err == nil && i < len(to) {
						return to[i]
					}
				}
			}
		}
	}
	return "the zone of " + string(cloud)
}

// checkZonesOneCloud: the stack's privatelink zones all belong to one cloud. It reports every zone of
// a cloud other than the one most zones (or the stack's environment) belong to.
func checkZonesOneCloud(s *Stack) []Violation {
	byCloud := map[privatelink.Cloud][]*Resource{}
	for _, r := range s.ofKind(kindPrivateZone) {
		clouds := zoneClouds[strings.ToLower(r.AzureName())]
		if len(clouds) == 1 {
			byCloud[clouds[0]] = append(byCloud[clouds[0]], r)
		}
	}
	if len(byCloud) < 2 {
		return nil
	}
	main, known := stackCloud(s.Environment)
	if !known || len(byCloud[main]) == 0 {
		for _, c := range privatelink.Clouds {
			if len(byCloud[c]) > len(byCloud[main]) {
				main = c
			}
		}
	}
	var others []privatelink.Cloud
	for c := range byCloud {
		if c != main {
			others = append(others, c)
		}
	}
	sort.Slice(others, func(i, j int) bool { return others[i] < others[j] })
	var out []Violation
	for _, c := range others {
		for _, r := range byCloud[c] {
			out = append(out, Violation{URN: r.URN, Message: fmt.Sprintf(
				"private DNS zone %q belongs to %s, but %d other zone(s) of this stack belong to %s; one network "+
					"resolves one cloud's names: use %s", r.AzureName(), c, len(byCloud[main]), main,
				suggestZone(r.AzureName(), main))})
		}
	}
	return out
}

// checkLinkRegistration: links to privatelink zones do not register virtual machines' records
// (records come from the endpoints' DNS zone groups).
func checkLinkRegistration(r Resource, _ Settings) []string {
	if r.Kind() != kindZoneLink {
		return nil
	}
	zone, _ := knownString(r.Props.Get("privateZoneName"))
	if !isPrivateLinkZone(zone) {
		return nil
	}
	if on, ok := knownBool(r.Props.Get("registrationEnabled")); ok && on {
		return []string{fmt.Sprintf("virtual network link %s to %q has registrationEnabled true; set it to false: "+
			"private endpoint records come from DNS zone groups, and virtual machines must not register in "+
			"privatelink zones", r.describe(), zone)}
	}
	return nil
}
