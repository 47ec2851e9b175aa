// Package azurecloud holds what differs between the three Azure clouds the package supports: their
// names and their regions. It is plain data with no Pulumi runtime, so a reviewer can check every row
// against the source named beside it.
package azurecloud

// Cloud names an Azure cloud (the value `az cloud show` and ARM's environment() report).
type Cloud string

// The three Azure clouds the package supports.
const (
	AzureCloud        Cloud = "AzureCloud"
	AzureUSGovernment Cloud = "AzureUSGovernment"
	AzureChinaCloud   Cloud = "AzureChinaCloud"
)

// Clouds lists every supported cloud in a stable order.
var Clouds = []Cloud{AzureCloud, AzureUSGovernment, AzureChinaCloud}

// IsKnown reports whether cloud is one of Clouds.
func IsKnown(cloud Cloud) bool {
	for _, c := range Clouds {
		if c == cloud {
			return true
		}
	}
	return false
}

// FromEnvironment maps azure-native's `environment` provider setting to a cloud. azure-native v2
// accepts `public` (the default), `usgovernment` or `usgov`, and `china`, and falls back to the public
// cloud for anything else.
func FromEnvironment(environment string) Cloud {
	switch environment {
	case "usgovernment", "usgov":
		return AzureUSGovernment
	case "china":
		return AzureChinaCloud
	default:
		return AzureCloud
	}
}
