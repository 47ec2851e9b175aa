package azurestandin

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// testURN builds a URN for a child of the SecureMLNetwork component.
func testURN(token, name string) string {
	return fmt.Sprintf("urn:pulumi:dev::secureml::secureml:index:SecureMLNetwork$%s::%s", token, name)
}

// pm builds a PropertyMap from plain Go values.
func pm(m map[string]any) resource.PropertyMap {
	return resource.NewPropertyMapFromMap(m)
}

const testRG = "/subscriptions/" + SubscriptionID + "/resourceGroups/rg-ml/providers/"
