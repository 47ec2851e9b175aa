// Command pulumi-gen-secureml writes the generated files of the package.
//
//	pulumi-gen-secureml schema <file>   writes the schema (without version)
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/secureml/pulumi-secureml/provider"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "pulumi-gen-secureml:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) != 2 || args[0] != "schema" {
		return fmt.Errorf("usage: pulumi-gen-secureml schema <file>")
	}
	schema, err := provider.Schema(context.Background())
	if err != nil {
		return err
	}
	return os.WriteFile(args[1], schema, 0o644)
}
