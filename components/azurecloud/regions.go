package azurecloud

import (
	"fmt"
	"slices"
	"strings"
)

// Region is one Azure region: its programmatic name (what `az account list-locations` prints under
// `name`, and what ARM returns as `location`) and its display name.
type Region struct {
	Name        string
	DisplayName string
	// Restricted regions exist, but Azure refuses deployments to them unless the subscription was
	// granted access (the doc's "restricted" marker: "Access to this region is restricted to support
	// specific customer scenarios, such as disaster recovery").
	Restricted bool
}

// regions lists the physical regions of each cloud where a virtual network can be deployed.
//
// Sources, read on 2026-11-26:
//   - AzureCloud: Microsoft's "Azure regions list" (MicrosoftDocs/reliability-docs
//     articles/reliability/regions-list.md, ms.date 09/23/2025), its "Programmatic name" column and its
//     restricted markers. denmarkeast is marked "coming soon" there. swedensouth appears there only as
//     the restricted pair of Sweden Central; its programmatic name follows the naming convention. The
//     Jio India regions are access-restricted physical regions seen in a captured ListLocations response
//     (2023), not in the Microsoft list.
//   - AzureUSGovernment: Azure SDK for .NET Azure.Core AzureLocation.cs and azure-docs
//     azure-government/documentation-government-overview-dod.md (ms.date 05/09/2023); US Gov Iowa was
//     retired on April 30, 2020 and is left out. The DoD regions are reserved for DoD use.
//   - AzureChinaCloud: Azure SDK for .NET Azure.Core AzureLocation.cs (China East/North 1-3) and
//     azure-docs reliability/sovereign-cloud-china.md.
//
// Logical entries of the locations API (geographies such as `europe`, `global`; staging and canary
// names such as `eastusstg` or `eastus2euap`) are not places to deploy a network and are not listed.
var regions = map[Cloud][]Region{
	AzureCloud: {
		{"australiacentral", "Australia Central", false},
		{"australiacentral2", "Australia Central 2", true},
		{"australiaeast", "Australia East", false},
		{"australiasoutheast", "Australia Southeast", false},
		{"austriaeast", "Austria East", false},
		{"belgiumcentral", "Belgium Central", false},
		{"brazilsouth", "Brazil South", false},
		{"brazilsoutheast", "Brazil Southeast", true},
		{"canadacentral", "Canada Central", false},
		{"canadaeast", "Canada East", false},
		{"centralindia", "Central India", false},
		{"centralus", "Central US", false},
		{"chilecentral", "Chile Central", false},
		{"denmarkeast", "Denmark East", false},
		{"eastasia", "East Asia", false},
		{"eastus", "East US", false},
		{"eastus2", "East US 2", false},
		{"francecentral", "France Central", false},
		{"francesouth", "France South", true},
		{"germanynorth", "Germany North", true},
		{"germanywestcentral", "Germany West Central", false},
		{"indonesiacentral", "Indonesia Central", false},
		{"israelcentral", "Israel Central", false},
		{"italynorth", "Italy North", false},
		{"japaneast", "Japan East", false},
		{"japanwest", "Japan West", false},
		{"jioindiacentral", "Jio India Central", true},
		{"jioindiawest", "Jio India West", true},
		{"koreacentral", "Korea Central", false},
		{"koreasouth", "Korea South", false},
		{"malaysiawest", "Malaysia West", false},
		{"mexicocentral", "Mexico Central", false},
		{"newzealandnorth", "New Zealand North", false},
		{"northcentralus", "North Central US", false},
		{"northeurope", "North Europe", false},
		{"norwayeast", "Norway East", false},
		{"norwaywest", "Norway West", true},
		{"polandcentral", "Poland Central", false},
		{"qatarcentral", "Qatar Central", false},
		{"southafricanorth", "South Africa North", false},
		{"southafricawest", "South Africa West", true},
		{"southcentralus", "South Central US", false},
		{"southeastasia", "Southeast Asia", false},
		{"southindia", "South India", false},
		{"spaincentral", "Spain Central", false},
		{"swedencentral", "Sweden Central", false},
		{"swedensouth", "Sweden South", true},
		{"switzerlandnorth", "Switzerland North", false},
		{"switzerlandwest", "Switzerland West", true},
		{"uaecentral", "UAE Central", true},
		{"uaenorth", "UAE North", false},
		{"uksouth", "UK South", false},
		{"ukwest", "UK West", false},
		{"westcentralus", "West Central US", false},
		{"westeurope", "West Europe", false},
		{"westindia", "West India", false},
		{"westus", "West US", false},
		{"westus2", "West US 2", false},
		{"westus3", "West US 3", false},
	},
	AzureUSGovernment: {
		{"usdodcentral", "US DoD Central", false},
		{"usdodeast", "US DoD East", false},
		{"usgovarizona", "US Gov Arizona", false},
		{"usgovtexas", "US Gov Texas", false},
		{"usgovvirginia", "US Gov Virginia", false},
	},
	AzureChinaCloud: {
		{"chinaeast", "China East", false},
		{"chinaeast2", "China East 2", false},
		{"chinaeast3", "China East 3", false},
		{"chinanorth", "China North", false},
		{"chinanorth2", "China North 2", false},
		{"chinanorth3", "China North 3", false},
	},
}

// NormalizeRegion turns a display name or a programmatic name into the programmatic form ARM
// returns: lowercase, without spaces ("East US 2" becomes "eastus2").
func NormalizeRegion(location string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(location), " ", ""))
}

// Regions returns the regions of cloud, sorted by name.
func Regions(cloud Cloud) []Region {
	return slices.Clone(regions[cloud])
}

// LookupRegion finds a region of cloud by its programmatic or display name.
func LookupRegion(cloud Cloud, location string) (Region, bool) {
	name := NormalizeRegion(location)
	for _, r := range regions[cloud] {
		if r.Name == name {
			return r, true
		}
	}
	return Region{}, false
}

// CloudOfRegion returns the cloud that has the region, if any.
func CloudOfRegion(location string) (Cloud, bool) {
	for _, c := range Clouds {
		if _, ok := LookupRegion(c, location); ok {
			return c, true
		}
	}
	return "", false
}

// CheckRegion resolves location to a region of cloud, or explains what is wrong: a name that belongs
// to another cloud, or one no cloud has (with the nearest names when there is a near miss). what
// names the input in messages, for example "location".
func CheckRegion(what string, cloud Cloud, location string) (Region, error) {
	if r, ok := LookupRegion(cloud, location); ok {
		return r, nil
	}
	if other, ok := CloudOfRegion(location); ok {
		return Region{}, fmt.Errorf("%s %q is a region of %s, but cloud is %s; use a %s region (%s) or set cloud to %s",
			what, location, other, cloud, cloud, strings.Join(names(regions[cloud], 6), ", "), other)
	}
	suggestion := ""
	if near := Nearest(cloud, location); len(near) > 0 {
		suggestion = fmt.Sprintf(" Did you mean %s?", strings.Join(near, " or "))
	}
	return Region{}, fmt.Errorf("%s %q is not a region of %s.%s Use a region name as `az account list-locations` "+
		"prints it, for example %s", what, location, cloud, suggestion, regions[cloud][0].Name)
}

// Nearest returns the regions of cloud closest to location by edit distance, when the closest is a
// near miss (at most 2 edits, or a name that starts with what was typed).
func Nearest(cloud Cloud, location string) []string {
	name := NormalizeRegion(location)
	if name == "" {
		return nil
	}
	best, out := 3, []string(nil)
	for _, r := range regions[cloud] {
		d := editDistance(name, r.Name)
		if strings.HasPrefix(r.Name, name) && len(name) >= 4 {
			d = min(d, 2)
		}
		switch {
		case d < best:
			best, out = d, []string{r.Name}
		case d == best:
			out = append(out, r.Name)
		}
	}
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

func names(rs []Region, limit int) []string {
	var out []string
	for _, r := range rs {
		if len(out) == limit {
			out = append(out, "...")
			break
		}
		out = append(out, r.Name)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, counting a swap of two neighbouring
// letters as one edit (the commonest typo, as in "esatus").
func editDistance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
