package armid

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	sub       = "00000000-0000-0000-0000-000000000000"
	storageID = "/subscriptions/" + sub + "/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/stml"
)

func TestParseValid(t *testing.T) {
	t.Parallel()
	r, err := Parse(storageID)
	require.NoError(t, err)
	assert.Equal(t, "00000000-0000-0000-0000-000000000000", r.SubscriptionID)
	assert.Equal(t, "rg-ml", r.ResourceGroup)
	assert.Equal(t, "Microsoft.Storage/storageAccounts", r.Type())
	assert.Equal(t, "stml", r.Name())
}

func TestParseNested(t *testing.T) {
	t.Parallel()
	r, err := Parse("/subscriptions/" + sub + "/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/a")
	require.NoError(t, err)
	assert.Equal(t, "Microsoft.Network/virtualNetworks/subnets", r.Type())
	assert.Equal(t, "a", r.Name())
}

func TestParseMalformed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, id, reason string
	}{
		{"empty", "", "it is empty or has surrounding spaces"},
		{"spaces", " " + storageID, "it is empty or has surrounding spaces"},
		{"no leading slash", storageID[1:], "it must start with /"},
		{"trailing spaces", storageID + " ", "it is empty or has surrounding spaces"},
		{"trailing slash", storageID + "/", "it ends with /; remove the trailing /"},
		{"double slash", "/subscriptions//resourceGroups/g/providers/N/t/n", "it has an empty segment"},
		{"too short", "/subscriptions/" + sub + "/resourceGroups/g", "it is too short"},
		{"bad keywords", "/subscription/" + sub + "/resourceGroup/g/providers/N/t/n", "the subscriptions/resourceGroups/providers segments are missing"},
		{"missing name", "/subscriptions/" + sub + "/resourceGroups/g/providers/N/t/n/child", "a resource type has no name after it"},
		{"subscription not a GUID", "/subscriptions/my-sub/resourceGroups/g/providers/N/t/n",
			`the subscription "my-sub" is not a GUID such as 00000000-0000-0000-0000-000000000000`},
		{"just a name", "stml", "it must start with /"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse(tt.id)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.reason)
			assert.Contains(t, err.Error(), "expected /subscriptions/<subscription>/resourceGroups/<group>/providers/<Namespace>/<type>/<name>")
		})
	}
}

func TestParseOfType(t *testing.T) {
	t.Parallel()
	_, err := ParseOfType("storageAccount.resourceId", storageID, "microsoft.storage/STORAGEACCOUNTS")
	require.NoError(t, err, "types compare case-insensitively")

	vault := "/subscriptions/" + sub + "/resourceGroups/g/providers/Microsoft.KeyVault/vaults/kv"
	_, err = ParseOfType("storageAccount.resourceId", vault, "Microsoft.Storage/storageAccounts")
	assert.EqualError(t, err, `storageAccount.resourceId: resource ID "`+vault+`" is a Microsoft.KeyVault/vaults, `+
		`but a Microsoft.Storage/storageAccounts is needed; give the ID of a Microsoft.Storage/storageAccounts`)

	_, err = ParseOfType("keyVault.resourceId", "kv", "Microsoft.KeyVault/vaults")
	assert.ErrorContains(t, err, `keyVault.resourceId: malformed resource ID "kv"`)
}
