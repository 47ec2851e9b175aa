// Command pulumi-resource-azure-native is the offline Azure stand-in (a test double): a Pulumi resource
// provider plugin that answers as azure-native 2.90.0 for end-to-end tests. It never talks to Azure and
// deploys nothing. See tests/azurestandin/README.md.
//
// Started as `pulumi-resource-azure-native purge <vault|workspace> <name>` it purges a soft-deleted Key
// Vault or Machine Learning workspace from the pretend Azure in SECUREML_STANDIN_STATE instead.
package main

import (
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/provider"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/secureml/pulumi-secureml/tests/azurestandin"
)

func main() {
	if args := os.Args[1:]; azurestandin.IsPurgeCommand(args) {
		if err := azurestandin.RunPurge(args, os.Getenv(azurestandin.EnvState), os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		return
	}
	err := provider.Main(azurestandin.PackageName, func(*provider.HostClient) (pulumirpc.ResourceProviderServer, error) {
		return azurestandin.NewServer(azurestandin.OptionsFromEnv()), nil
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "offline Azure stand-in: %v\n", err)
		os.Exit(1)
	}
}
