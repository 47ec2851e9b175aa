package azurestandin

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/stretchr/testify/assert"
)

func TestPropHelpers(t *testing.T) {
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
