package securemlnetwork

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/secureml/pulumi-secureml/components/armid"
	"github.com/secureml/pulumi-secureml/components/azurecloud"
	"github.com/secureml/pulumi-secureml/components/privatelink"
)

// Checks of value inputs. Pure: each returns the message the user sees, naming the input, the bad
// value and the fix.

// checkResourceGroupName applies resource-name-rules.md (Microsoft.Resources/resourcegroups):
// 1-90 characters; underscores, hyphens, periods, parentheses, and letters or digits; can't end with a
// period.
func checkResourceGroupName(name string) (string, error) {
	n := utf8.RuneCountInString(name)
	switch {
	case n == 0:
		return "", fmt.Errorf("resourceGroupName is empty; name the existing resource group for the network")
	case n > 90:
		return "", fmt.Errorf("resourceGroupName %q has %d characters; Azure allows 1 to 90", name, n)
	case strings.HasSuffix(name, "."):
		return "", fmt.Errorf("resourceGroupName %q ends with a period, which Azure does not allow; remove it", name)
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("_-.()", r) {
			return "", fmt.Errorf("resourceGroupName %q contains %q; Azure allows letters, digits, '_', '-', '.', '(' and ')'",
				name, r)
		}
	}
	return name, nil
}

// Tag limits of tag-resources.md (ms.date 02/06/2025): 50 tags per resource, but 15 on private DNS
// zones; names of at most 512 characters without `< > % & \ ? /` or control characters; values of
// at most 256 characters.
const (
	maxTags            = 50
	maxPrivateZoneTags = 15
	maxTagNameLength   = 512
	maxTagValueLength  = 256
)

// checkTags checks the tags every child takes. createsZones says whether private DNS zones are created
// here, which take fewer tags.
func checkTags(tags map[string]string, createsZones bool) (map[string]string, error) {
	if createsZones && len(tags) > maxPrivateZoneTags {
		return nil, fmt.Errorf("tags has %d tags, but private DNS zones take at most %d and every child gets the tags; "+
			"keep %d or fewer, or use dns.existingZoneIds", len(tags), maxPrivateZoneTags, maxPrivateZoneTags)
	}
	if len(tags) > maxTags {
		return nil, fmt.Errorf("tags has %d tags; Azure allows at most %d per resource", len(tags), maxTags)
	}
	for _, name := range slices.Sorted(maps.Keys(tags)) {
		value := tags[name]
		switch {
		case name == "":
			return nil, fmt.Errorf("tags has an empty tag name; give every tag a name")
		case utf8.RuneCountInString(name) > maxTagNameLength:
			return nil, fmt.Errorf("tags: the tag name %q has %d characters; Azure allows at most %d", name,
				utf8.RuneCountInString(name), maxTagNameLength)
		case strings.ContainsAny(name, `<>%&\?/`):
			return nil, fmt.Errorf(`tags: the tag name %q contains one of < > %% & \ ? /, which Azure does not allow in tag names; rename it`, name)
		case strings.IndexFunc(name, unicode.IsControl) >= 0:
			return nil, fmt.Errorf("tags: the tag name %q contains a control character; rename it", name)
		case utf8.RuneCountInString(value) > maxTagValueLength:
			return nil, fmt.Errorf("tags: the value of %q has %d characters; Azure allows at most %d", name,
				utf8.RuneCountInString(value), maxTagValueLength)
		}
	}
	return tags, nil
}

// regionChecker returns the check of location for cloud: a region of that cloud, by programmatic or
// display name, normalized to the programmatic name.
func regionChecker(cloud privatelink.Cloud) func(string) (string, error) {
	return func(location string) (string, error) {
		r, err := azurecloud.CheckRegion("location", cloud, location)
		return r.Name, err
	}
}

// warnRestrictedRegion says, without failing, that Azure refuses deployments to a restricted region
// unless the subscription was granted access.
func warnRestrictedRegion(ctx *pulumi.Context, cloud privatelink.Cloud, region string) {
	if r, ok := azurecloud.LookupRegion(cloud, region); ok && r.Restricted {
		_ = ctx.Log.Warn(fmt.Sprintf("location %s (%s) is an access-restricted region: Azure refuses deployments there "+
			"unless your subscription was granted access (Azure region access request process)", r.Name, r.DisplayName), nil)
	}
}

// checkTarget checks a private endpoint's service ID: well formed and of the type the input needs.
func checkTarget(e endpointPlan, id string) error {
	_, err := armid.ParseOfType(e.targetPath, id, e.targetType)
	return err
}
