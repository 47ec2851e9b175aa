package azurecloud

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRegionTablesAreSortedNormalizedAndDistinct(t *testing.T) {
	t.Parallel()
	seen := map[string]Cloud{}
	for _, cloud := range Clouds {
		rs := Regions(cloud)
		require.NotEmpty(t, rs, cloud)
		assert.True(t, slices.IsSortedFunc(rs, func(a, b Region) int {
			if a.Name < b.Name {
				return -1
			}
			return 1
		}), "%s regions are sorted by name", cloud)
		for _, r := range rs {
			assert.Equal(t, NormalizeRegion(r.DisplayName), r.Name, "%s: the programmatic name is the display name without spaces", r.Name)
			other, dup := seen[r.Name]
			assert.False(t, dup, "%s is listed in %s and %s", r.Name, other, cloud)
			seen[r.Name] = cloud
		}
	}
}

func TestLookupRegion(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"eastus", "East US", " EAST US ", "westeurope"} {
		r, ok := LookupRegion(AzureCloud, name)
		assert.True(t, ok, name)
		assert.NotEmpty(t, r.Name)
	}
	r, ok := LookupRegion(AzureUSGovernment, "US Gov Virginia")
	require.True(t, ok)
	assert.Equal(t, "usgovvirginia", r.Name)
	_, ok = LookupRegion(AzureCloud, "usgovvirginia")
	assert.False(t, ok, "a Government region is not in the public cloud")
	_, ok = LookupRegion(AzureUSGovernment, "usgoviowa")
	assert.False(t, ok, "US Gov Iowa was retired in 2020")
	_, ok = LookupRegion(AzureCloud, "eastus2euap")
	assert.False(t, ok, "canary regions are not listed")
	r, ok = LookupRegion(AzureCloud, "francesouth")
	require.True(t, ok)
	assert.True(t, r.Restricted, "France South is access-restricted")
}

func TestCheckRegionMessages(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cloud    Cloud
		location string
		err      string
	}{
		{AzureCloud, "esatus", "location \"esatus\" is not a region of AzureCloud. Did you mean eastus? Use a region name as " +
			"`az account list-locations` prints it, for example australiacentral"},
		{AzureCloud, "westeurop", "location \"westeurop\" is not a region of AzureCloud. Did you mean westeurope? Use a region " +
			"name as `az account list-locations` prints it, for example australiacentral"},
		{AzureChinaCloud, "chinanorth4", "location \"chinanorth4\" is not a region of AzureChinaCloud. Did you mean chinanorth or " +
			"chinanorth2 or chinanorth3? Use a region name as `az account list-locations` prints it, for example chinaeast"},
		{AzureChinaCloud, "eastus", `location "eastus" is a region of AzureCloud, but cloud is AzureChinaCloud; use a ` +
			`AzureChinaCloud region (chinaeast, chinaeast2, chinaeast3, chinanorth, chinanorth2, chinanorth3) or set cloud to AzureCloud`},
	}
	for _, tt := range tests {
		t.Run(string(tt.cloud)+"/"+tt.location, func(t *testing.T) {
			t.Parallel()
			_, err := CheckRegion("location", tt.cloud, tt.location)
			assert.EqualError(t, err, tt.err)
		})
	}
	r, err := CheckRegion("location", AzureCloud, "West US 3")
	require.NoError(t, err)
	assert.Equal(t, "westus3", r.Name)
}

func TestEditDistanceCountsASwapAsOneEdit(t *testing.T) {
	t.Parallel()
	assert.Equal(t, 0, editDistance("eastus", "eastus"))
	assert.Equal(t, 1, editDistance("esatus", "eastus"))
	assert.Equal(t, 1, editDistance("eastus", "eastus2"))
	assert.Equal(t, 6, editDistance("", "eastus"))
}

func TestFromEnvironment(t *testing.T) {
	t.Parallel()
	assert.Equal(t, AzureCloud, FromEnvironment(""))
	assert.Equal(t, AzureCloud, FromEnvironment("public"))
	assert.Equal(t, AzureUSGovernment, FromEnvironment("usgovernment"))
	assert.Equal(t, AzureUSGovernment, FromEnvironment("usgov"))
	assert.Equal(t, AzureChinaCloud, FromEnvironment("china"))
	assert.True(t, IsKnown(AzureChinaCloud))
	assert.False(t, IsKnown("AzureGermanCloud"))
}

func TestRegionsWithZones(t *testing.T) {
	zoned := map[Cloud][]string{}
	for _, c := range Clouds {
		for _, r := range Regions(c) {
			if r.Zones {
				zoned[c] = append(zoned[c], r.Name)
			}
		}
	}
	assert.Contains(t, zoned[AzureCloud], "eastus")
	assert.NotContains(t, zoned[AzureCloud], "westus")
	assert.Equal(t, []string{"usgovvirginia"}, zoned[AzureUSGovernment])
	assert.Equal(t, []string{"chinanorth3"}, zoned[AzureChinaCloud])
}
