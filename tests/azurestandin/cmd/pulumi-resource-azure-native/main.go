// Command pulumi-resource-azure-native is the offline Azure stand-in (a test double): a Pulumi resource
// provider plugin that answers as azure-native 2.90.0 for end-to-end tests. It never talks to Azure and
// deploys nothing. See tests/azurestandin/README.md.
package main

import (
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/provider"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/secureml/pulumi-secureml/tests/azurestandin"
)

func main() {
	err := provider.Main(azurestandin.PackageName, func(*provider.HostClient) (pulumirpc.ResourceProviderServer, error) {
		return azurestandin.NewServer(azurestandin.OptionsFromEnv()), nil
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "offline Azure stand-in: %v\n", err)
		os.Exit(1)
	}
}
