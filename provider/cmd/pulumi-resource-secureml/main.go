// Command pulumi-resource-secureml runs the secureml provider plugin.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/secureml/pulumi-secureml/provider"
)

func main() {
	if err := provider.Run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
