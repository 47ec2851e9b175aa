package privatelink

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestZoneNamesEveryCloudAndGroup(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cloud Cloud
		group GroupID
		want  []string
	}{
		{AzureCloud, GroupWorkspace, []string{"privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"}},
		{AzureCloud, GroupBlob, []string{"privatelink.blob.core.windows.net"}},
		{AzureCloud, GroupFile, []string{"privatelink.file.core.windows.net"}},
		{AzureCloud, GroupQueue, []string{"privatelink.queue.core.windows.net"}},
		{AzureCloud, GroupTable, []string{"privatelink.table.core.windows.net"}},
		{AzureCloud, GroupDfs, []string{"privatelink.dfs.core.windows.net"}},
		{AzureCloud, GroupVault, []string{"privatelink.vaultcore.azure.net"}},
		{AzureCloud, GroupRegistry, []string{"privatelink.azurecr.io"}},
		{AzureUSGovernment, GroupWorkspace, []string{"privatelink.api.ml.azure.us", "privatelink.notebooks.usgovcloudapi.net"}},
		{AzureUSGovernment, GroupBlob, []string{"privatelink.blob.core.usgovcloudapi.net"}},
		{AzureUSGovernment, GroupFile, []string{"privatelink.file.core.usgovcloudapi.net"}},
		{AzureUSGovernment, GroupQueue, []string{"privatelink.queue.core.usgovcloudapi.net"}},
		{AzureUSGovernment, GroupTable, []string{"privatelink.table.core.usgovcloudapi.net"}},
		{AzureUSGovernment, GroupDfs, []string{"privatelink.dfs.core.usgovcloudapi.net"}},
		{AzureUSGovernment, GroupVault, []string{"privatelink.vaultcore.usgovcloudapi.net"}},
		{AzureUSGovernment, GroupRegistry, []string{"privatelink.azurecr.us"}},
		{AzureChinaCloud, GroupWorkspace, []string{"privatelink.api.ml.azure.cn", "privatelink.notebooks.chinacloudapi.cn"}},
		{AzureChinaCloud, GroupBlob, []string{"privatelink.blob.core.chinacloudapi.cn"}},
		{AzureChinaCloud, GroupFile, []string{"privatelink.file.core.chinacloudapi.cn"}},
		{AzureChinaCloud, GroupQueue, []string{"privatelink.queue.core.chinacloudapi.cn"}},
		{AzureChinaCloud, GroupTable, []string{"privatelink.table.core.chinacloudapi.cn"}},
		{AzureChinaCloud, GroupDfs, []string{"privatelink.dfs.core.chinacloudapi.cn"}},
		{AzureChinaCloud, GroupVault, []string{"privatelink.vaultcore.azure.cn"}},
		{AzureChinaCloud, GroupRegistry, []string{"privatelink.azurecr.cn"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.cloud)+"/"+string(tt.group), func(t *testing.T) {
			t.Parallel()
			got, err := ZoneNames(tt.cloud, tt.group)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestZoneNamesKeyVaultIsNeverTheVaultSuffix(t *testing.T) {
	t.Parallel()
	for _, cloud := range Clouds {
		for _, name := range AllZoneNames(cloud) {
			assert.False(t, strings.HasPrefix(name, "privatelink.vault."), "%s: %s", cloud, name)
		}
	}
}

func TestZoneNamesErrors(t *testing.T) {
	t.Parallel()
	_, err := ZoneNames("AzureGermanCloud", GroupBlob)
	assert.EqualError(t, err, `unknown cloud "AzureGermanCloud"`)
	_, err = ZoneNames(AzureCloud, "sqlServer")
	assert.EqualError(t, err, `unknown private endpoint group ID "sqlServer"`)
}

func TestZoneNamesReturnsACopy(t *testing.T) {
	t.Parallel()
	got, err := ZoneNames(AzureCloud, GroupWorkspace)
	require.NoError(t, err)
	got[0] = "changed"
	again, err := ZoneNames(AzureCloud, GroupWorkspace)
	require.NoError(t, err)
	assert.Equal(t, "privatelink.api.azureml.ms", again[0])
}

func TestAddressesPerEndpoint(t *testing.T) {
	t.Parallel()
	assert.Equal(t, 3, AddressesPerEndpoint(GroupWorkspace))
	assert.Equal(t, 2, AddressesPerEndpoint(GroupRegistry))
	assert.Equal(t, 1, AddressesPerEndpoint(GroupVault))
	assert.Equal(t, 1, AddressesPerEndpoint(GroupBlob))
}

func TestEveryZoneIsAPrivatelinkName(t *testing.T) {
	t.Parallel()
	for _, cloud := range Clouds {
		names := AllZoneNames(cloud)
		assert.NotEmpty(t, names)
		for _, name := range names {
			assert.True(t, strings.HasPrefix(name, "privatelink."), name)
		}
	}
}
