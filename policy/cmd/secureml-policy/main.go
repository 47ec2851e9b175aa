// Command secureml-policy is the secureml policy pack as an executable analyzer plugin: run it with
// `pulumi preview --policy-pack <path of this binary>`. With --checks it prints its checks instead.
package main

import (
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/policyx"

	"github.com/secureml/pulumi-secureml/policy"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "--checks" {
		fmt.Print(policy.ChecksTable())
		return
	}
	if err := policyx.Main(policy.NewPack); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
