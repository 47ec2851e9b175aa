package privatelink

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestConditionalForwardersPerCloud(t *testing.T) {
	for _, tc := range []struct {
		cloud Cloud
		want  []string
	}{
		{AzureCloud, []string{"api.azureml.ms", "aznbcontent.net", "blob.core.windows.net", "file.core.windows.net",
			"inference.ml.azure.com", "instances.ml.azure.ms", "notebooks.azure.net", "vaultcore.azure.net"}},
		{AzureUSGovernment, []string{"api.ml.azure.us", "aznbcontent.net", "blob.core.usgovcloudapi.net",
			"file.core.usgovcloudapi.net", "inference.ml.azure.us", "instances.ml.azure.us",
			"notebooks.usgovcloudapi.net", "vaultcore.usgovcloudapi.net"}},
		{AzureChinaCloud, []string{"api.ml.azure.cn", "aznbcontent.net", "blob.core.chinacloudapi.cn",
			"file.core.chinacloudapi.cn", "inference.ml.azure.cn", "instances.ml.azure.ms",
			"notebooks.chinacloudapi.cn", "vaultcore.azure.cn"}},
	} {
		var zones []string
		for _, g := range []GroupID{GroupWorkspace, GroupBlob, GroupFile, GroupVault} {
			z, err := ZoneNames(tc.cloud, g)
			assert.NoError(t, err)
			zones = append(zones, z...)
		}
		assert.Equal(t, tc.want, ConditionalForwarders(tc.cloud, zones), tc.cloud)
	}
}

func TestConditionalForwardersOnlyWhatIsInUse(t *testing.T) {
	assert.Equal(t, []string{"azurecr.io"}, ConditionalForwarders(AzureCloud, []string{"privatelink.azurecr.io"}))
	assert.Empty(t, ConditionalForwarders(AzureCloud, nil))
}
