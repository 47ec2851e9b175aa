package azurestandin

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/stretchr/testify/assert"
)

func TestPropHelpersUnwrapSecretsAndOutputs(t *testing.T) {
	t.Parallel()
	m := resource.PropertyMap{
		"s":     resource.MakeSecret(resource.NewStringProperty("v")),
		"empty": resource.NewStringProperty(""),
		"o": resource.NewOutputProperty(resource.Output{
			Element: resource.NewObjectProperty(resource.PropertyMap{"id": resource.NewStringProperty("x")}),
			Known:   true, Secret: true,
		}),
		"u": resource.MakeComputed(resource.NewStringProperty("")),
		"a": resource.NewArrayProperty([]resource.PropertyValue{resource.NewStringProperty("first")}),
	}
	v, ok := stringProp(m, "s")
	assert.True(t, ok)
	assert.Equal(t, "v", v)
	_, ok = stringProp(m, "empty")
	assert.False(t, ok)
	_, ok = stringProp(m, "u")
	assert.False(t, ok)
	_, ok = stringProp(m, "missing")
	assert.False(t, ok)
	assert.Equal(t, "x", objectProp(m, "o")["id"].StringValue())
	assert.Nil(t, objectProp(m, "s"))
	f, ok := firstString(m, "a")
	assert.True(t, ok)
	assert.Equal(t, "first", f)
	assert.Nil(t, firstObject(m, "a"))
	assert.Equal(t, "c", lastSegment("/a/b/c/"))
	assert.Equal(t, "abc", lastSegment("abc"))
}

func TestPlainMapIsWhatAzureSees(t *testing.T) {
	t.Parallel()
	m := resource.PropertyMap{
		"secret":  resource.MakeSecret(resource.NewStringProperty("v")),
		"unknown": resource.MakeComputed(resource.NewStringProperty("")),
		"null":    resource.NewNullProperty(),
		"n":       resource.NewNumberProperty(3),
		"b":       resource.NewBoolProperty(true),
		"arr": resource.NewArrayProperty([]resource.PropertyValue{
			resource.NewStringProperty("a"), resource.MakeComputed(resource.NewStringProperty("")),
		}),
		"obj": resource.NewObjectProperty(resource.PropertyMap{"id": resource.NewStringProperty("/x")}),
	}
	assert.Equal(t, map[string]any{
		"secret": "v", "n": 3.0, "b": true, "arr": []any{"a"}, "obj": map[string]any{"id": "/x"},
	}, plainMap(m))
}

func TestParentIDOfNestedResources(t *testing.T) {
	t.Parallel()
	assert.Equal(t, vnetID, parentID(peSubnetID))
	assert.Equal(t, "", parentID(vnetID), "a top-level resource has no parent")
	assert.Equal(t, zoneID, parentID(zoneID+"/virtualNetworkLinks/link"))
}
