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
	// Zones says the region has availability zones, so zone-redundant resources (Standard public IPs
	// for gateways and Bastion) can be spread over zones 1, 2 and 3.
	Zones bool
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
//   - Zones: the "Availability zone support" column of the regions list for the public cloud; US Gov
//     Virginia and China North 3 are the national-cloud regions with zones (azure-docs
//     reliability/availability-zones-service-support.md, ms.date 04/15/2024; docs.azure.cn
//     reliability/availability-zones-region-support lists only China North 3).
//
// Logical entries of the locations API (geographies such as `europe`, `global`; staging and canary
// names such as `eastusstg` or `eastus2euap`) are not places to deploy a network and are not listed.
var regions = map[Cloud][]Region{
	AzureCloud: {
		{"australiacentral", "Australia Central", false, false},
		{"australiacentral2", "Australia Central 2", true, false},
		{"australiaeast", "Australia East", false, true},
		{"australiasoutheast", "Australia Southeast", false, false},
		{"austriaeast", "Austria East", false, true},
		{"belgiumcentral", "Belgium Central", false, true},
		{"brazilsouth", "Brazil South", false, true},
		{"brazilsoutheast", "Brazil Southeast", true, false},
		{"canadacentral", "Canada Central", false, true},
		{"canadaeast", "Canada East", false, false},
		{"centralindia", "Central India", false, true},
		{"centralus", "Central US", false, true},
		{"chilecentral", "Chile Central", false, true},
		{"denmarkeast", "Denmark East", false, true},
		{"eastasia", "East Asia", false, true},
		{"eastus", "East US", false, true},
		{"eastus2", "East US 2", false, true},
		{"francecentral", "France Central", false, true},
		{"francesouth", "France South", true, false},
		{"germanynorth", "Germany North", true, false},
		{"germanywestcentral", "Germany West Central", false, true},
		{"indonesiacentral", "Indonesia Central", false, true},
		{"israelcentral", "Israel Central", false, true},
		{"italynorth", "Italy North", false, true},
		{"japaneast", "Japan East", false, true},
		{"japanwest", "Japan West", false, true},
		{"jioindiacentral", "Jio India Central", true, false},
		{"jioindiawest", "Jio India West", true, false},
		{"koreacentral", "Korea Central", false, true},
		{"koreasouth", "Korea South", false, false},
		{"malaysiawest", "Malaysia West", false, true},
		{"mexicocentral", "Mexico Central", false, true},
		{"newzealandnorth", "New Zealand North", false, true},
		{"northcentralus", "North Central US", false, false},
		{"northeurope", "North Europe", false, true},
		{"norwayeast", "Norway East", false, true},
		{"norwaywest", "Norway West", true, false},
		{"polandcentral", "Poland Central", false, true},
		{"qatarcentral", "Qatar Central", false, true},
		{"southafricanorth", "South Africa North", false, true},
		{"southafricawest", "South Africa West", true, false},
		{"southcentralus", "South Central US", false, true},
		{"southeastasia", "Southeast Asia", false, true},
		{"southindia", "South India", false, false},
		{"spaincentral", "Spain Central", false, true},
		{"swedencentral", "Sweden Central", false, true},
		{"swedensouth", "Sweden South", true, false},
		{"switzerlandnorth", "Switzerland North", false, true},
		{"switzerlandwest", "Switzerland West", true, false},
		{"uaecentral", "UAE Central", true, false},
		{"uaenorth", "UAE North", false, true},
		{"uksouth", "UK South", false, true},
		{"ukwest", "UK West", false, false},
		{"westcentralus", "West Central US", false, false},
		{"westeurope", "West Europe", false, true},
		{"westindia", "West India", false, false},
		{"westus", "West US", false, false},
		{"westus2", "West US 2", false, true},
		{"westus3", "West US 3", false, true},
	},
	AzureUSGovernment: {
		{"usdodcentral", "US DoD Central", false, false},
		{"usdodeast", "US DoD East", false, false},
		{"usgovarizona", "US Gov Arizona", false, false},
		{"usgovtexas", "US Gov Texas", false, false},
		{"usgovvirginia", "US Gov Virginia", false, true},
	},
	AzureChinaCloud: {
		{"chinaeast", "China East", false, false},
		{"chinaeast2", "China East 2", false, false},
		{"chinaeast3", "China East 3", false, false},
		{"chinanorth", "China North", false, false},
		{"chinanorth2", "China North 2", false, false},
		{"chinanorth3", "China North 3", false, true},
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
