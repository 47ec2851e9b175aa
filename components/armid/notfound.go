package armid

import "strings"

// IsNotFound reports whether an invoke failed because the resource, or its resource group, does not
// exist. azure-native passes Azure's answer on as `Status=404 Code="ResourceNotFound" ...`
// (PulumiAzcoreResponseError in provider/pkg/azure/client_azcore.go).
func IsNotFound(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	for _, marker := range []string{"Status=404", `Code="ResourceNotFound"`, `Code="ResourceGroupNotFound"`, `Code="NotFound"`} {
		if strings.Contains(msg, marker) {
			return true
		}
	}
	return false
}
