// Command pulumi-gen-secureml writes the generated files of the package.
//
//	pulumi-gen-secureml schema <file>   writes the schema (without version)
//	pulumi-gen-secureml docs <readme>   rewrites the inputs and outputs tables of the README
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	pschema "github.com/pulumi/pulumi/pkg/v3/codegen/schema"

	"github.com/secureml/pulumi-secureml/provider"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "pulumi-gen-secureml:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("usage: pulumi-gen-secureml schema <file> | docs <readme>")
	}
	schema, err := provider.Schema(context.Background())
	if err != nil {
		return err
	}
	switch args[0] {
	case "schema":
		return os.WriteFile(args[1], schema, 0o644)
	case "docs":
		return writeDocs(args[1], schema)
	default:
		return fmt.Errorf("unknown command %q: use schema or docs", args[0])
	}
}

func writeDocs(readmePath string, schemaJSON []byte) error {
	var spec pschema.PackageSpec
	if err := json.Unmarshal(schemaJSON, &spec); err != nil {
		return err
	}
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		return err
	}
	updated, err := provider.ReplaceTables(string(readme), provider.APITables(spec))
	if err != nil {
		return err
	}
	return os.WriteFile(readmePath, []byte(updated), 0o644)
}
